//! Hand-worked cases of every rule on one small curve.

use super::*;

/// Curve `(100, 1%) (500, 5%) (2000, 25%)`, spot 1 ETH, σ 2%, bonus 5%, budget 5%, debt
/// 1,000 ETH, `c = k = 3`, 100,000 tokens circulating, 3,000 a day traded.
fn example() -> WorkbenchInput {
    WorkbenchInput {
        token: "weETH".into(),
        market: "hand-worked".into(),
        liquidity: vec![
            LiquidityPoint {
                lrt_in: 100.0,
                price_impact: 0.01,
            },
            LiquidityPoint {
                lrt_in: 500.0,
                price_impact: 0.05,
            },
            LiquidityPoint {
                lrt_in: 2000.0,
                price_impact: 0.25,
            },
        ],
        spot_price: 1.0,
        volatility: 0.02,
        liquidation_bonus: 0.05,
        slippage_budget: 0.05,
        debt_size: 1000.0,
        risk_level: 3.0,
        buffer_sigmas: 3.0,
        circulating_supply: Some(100_000.0),
        daily_volume: Some(3000.0),
        current: None,
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} ≠ {b}");
}

#[test]
fn liquidity_is_read_off_the_curve() {
    let i = example();
    // half-way from the origin to (100, 1%)
    close(i.liquidity_within(0.005).0, 50.0);
    // a quarter of the way from (100, 1%) to (500, 5%)
    close(i.liquidity_within(0.02).0, 200.0);
    assert_eq!(i.liquidity_within(0.05), (500.0, true));
    // beyond the curve: its largest sale, flagged
    assert_eq!(i.liquidity_within(0.5), (2000.0, false));
}

#[test]
fn every_rule_by_hand() {
    let r = parameter_workbench(&example()).unwrap();
    assert_eq!(r.rules.len(), 5);
    // (a) 2 × 500 tokens within the 5% budget
    assert_eq!(r.rules[0].supply_cap, Some(1000.0));
    assert_eq!(r.rules[0].ltv, None);
    // (b) 1 − 5% − 3 × 2% = 89%; Aave's bound 1/1.05 ≈ 95.24% is met
    close(r.rules[1].liquidation_threshold.unwrap(), 0.89);
    assert!(
        r.rules[1]
            .notes
            .iter()
            .any(|n| n.contains("0.9524") && n.ends_with("met"))
    );
    // (c) ℓ = 500 ETH, d = 1,000 ETH: e^(−3·0.02/√0.5) − 0.05 = 0.918647… − 0.05
    close(
        r.rules[2].ltv.unwrap(),
        (-0.06 / 0.5f64.sqrt()).exp() - 0.05,
    );
    close(r.rules[2].ltv.unwrap(), 0.868_647_486_736_89);
    // (d) conservative: min(2,000 tokens within 25%, 30% of 100,000) = 2,000
    assert_eq!(r.rules[3].supply_cap, Some(2000.0));
    // aggressive: min(10 × 200, 50% of 3,000, 50% of 100,000) = 1,500
    assert_eq!(r.rules[4].supply_cap, Some(1500.0));
    assert_eq!(r.disclaimer, NOT_ADVICE);
}

#[test]
fn clamps_and_gaps_are_said() {
    let mut i = example();
    i.buffer_sigmas = 60.0; // 1 − 5% − 120% < 0
    i.liquidity = vec![LiquidityPoint {
        lrt_in: 10.0,
        price_impact: 0.001,
    }];
    i.circulating_supply = None;
    i.daily_volume = None;
    let r = parameter_workbench(&i).unwrap();
    assert_eq!(r.rules[1].liquidation_threshold, Some(0.0));
    assert!(r.rules[1].notes.iter().any(|n| n.contains("exceed 100%")));
    assert!(r.rules[0].notes.iter().any(|n| n.contains("lower bound")));
    // the curve's 10 tokens is all Gauntlet's conservative limit can read; no supply limit
    assert_eq!(r.rules[3].supply_cap, Some(10.0));
    assert!(
        r.rules[3]
            .notes
            .iter()
            .any(|n| n.contains("no circulating supply"))
    );
    // SmartLTV: ℓ = 10 ETH against 1,000 ETH of debt: e^(−0.06/0.1) − 0.05 = 0.4988…
    close(r.rules[2].ltv.unwrap(), (-0.6f64).exp() - 0.05);
}

#[test]
fn refuses_bad_input_at_its_path() {
    let field = |f: fn(&mut WorkbenchInput)| {
        let mut i = example();
        f(&mut i);
        parameter_workbench(&i).unwrap_err().field().to_owned()
    };
    assert_eq!(
        field(|i| i.liquidity[1].lrt_in = 50.0),
        "liquidity[1].lrtIn"
    );
    assert_eq!(
        field(|i| i.liquidity[2].price_impact = 0.02),
        "liquidity[2].priceImpact"
    );
    assert_eq!(
        field(|i| i.liquidity[0].price_impact = f64::NAN),
        "liquidity[0].priceImpact"
    );
    assert_eq!(field(|i| i.liquidity.clear()), "liquidity");
    assert_eq!(field(|i| i.volatility = 1.5), "volatility");
    assert_eq!(field(|i| i.liquidation_bonus = 1.0), "liquidationBonus");
    assert_eq!(field(|i| i.debt_size = 0.0), "debtSize");
    assert_eq!(field(|i| i.risk_level = 0.0), "riskLevel");
    assert_eq!(field(|i| i.spot_price = f64::INFINITY), "spotPrice");
    assert_eq!(
        field(|i| i.circulating_supply = Some(-1.0)),
        "circulatingSupply"
    );
    assert_eq!(field(|i| i.token = " ".into()), "token");
}

#[test]
fn the_tightest_rule_binds_and_ties_are_named() {
    // The example: LTV only SmartLTV's 86.86%; threshold only the buffer rule's 89%; caps
    // Chaos 1,000, Gauntlet conservative 2,000, aggressive 1,500: Chaos binds.
    let mut i = example();
    i.current = Some(CurrentParameters {
        ltv: Some(0.93),
        liquidation_threshold: Some(0.89),
        supply_cap: None,
    });
    let r = parameter_workbench(&i).unwrap();
    let b = &r.bindings;
    assert_eq!(b.len(), 3);
    assert_eq!(
        (b[0].parameter, b[0].rules.clone()),
        (Parameter::Ltv, vec![RuleId::SmartLtv])
    );
    assert_eq!(b[0].current_above, Some(true)); // 93% > 86.86%
    assert_eq!(b[1].rules, vec![RuleId::BonusAndVolatilityBuffer]);
    assert_eq!(b[1].current_above, Some(false)); // 89% is the suggestion itself
    assert_eq!(b[2].value, 1000.0);
    assert_eq!(b[2].rules, vec![RuleId::TwiceLiquidityWithinBonus]);
    assert_eq!((b[2].rules_setting_it, b[2].current_above), (3, None));
    // 50% of a 2,000-token daily volume = 1,000: the aggressive cap ties with Chaos Labs'.
    i.daily_volume = Some(2000.0);
    let r = parameter_workbench(&i).unwrap();
    assert_eq!(
        r.bindings[2].rules,
        vec![
            RuleId::TwiceLiquidityWithinBonus,
            RuleId::GauntletAggressive
        ]
    );
    // A current figure out of range is refused at its path.
    i.current = Some(CurrentParameters {
        supply_cap: Some(-1.0),
        ..CurrentParameters::default()
    });
    assert_eq!(
        parameter_workbench(&i).unwrap_err().field(),
        "current.supplyCap"
    );
}
