//! The Leverage page's carry (`leverage.carry`) and the Parameters page's workbench
//! (`parameters`) in the scenario document: optional sections that round-trip through JSON and
//! share links, are validated at their document paths, and run in `run_scenario` with
//! hand-worked figures. Documents without them keep their meaning (still version 4).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::lending::carry::UtilizationPath;
use restake_core::lending::lending_markets;
use restake_core::lending::rate_model::RateModel;
use restake_core::lending::rate_model::presets::rate_model_presets;
use restake_core::parameters::{CurrentParameters, Parameter, RuleId, token_presets};
use restake_core::scenario::{
    CarrySection, ParametersSection, SCENARIO_VERSION, Scenario, default_document, run_scenario,
};

/// The workbench section of token preset `t` against market preset `m`: the market's bonus as
/// bonus and slippage budget, its LTV and threshold as today's figures.
fn workbench(t: usize, m: usize) -> ParametersSection {
    let token = &token_presets()[t];
    let market = &lending_markets()[m];
    let mut input = token.input.clone();
    input.market = market.name.clone();
    input.liquidation_bonus = market.liquidation_bonus.value;
    input.slippage_budget = market.liquidation_bonus.value;
    input.current = Some(CurrentParameters {
        ltv: Some(market.ltv.value),
        liquidation_threshold: Some(market.liquidation_threshold.value),
        supply_cap: None,
    });
    ParametersSection {
        token_preset: Some(token.id.clone()),
        market_preset: Some(market.id.clone()),
        input,
    }
}

fn with_both(carry: CarrySection, parameters: ParametersSection) -> Scenario {
    let mut d = default_document().unwrap();
    d.leverage.as_mut().unwrap().carry = Some(carry);
    d.parameters = Some(parameters);
    d
}

fn step(before: f64, after: f64, at_day: f64) -> CarrySection {
    CarrySection {
        rate_model: Some(rate_model_presets()[0].model),
        utilization: UtilizationPath::Step {
            before,
            after,
            at_day,
        },
        horizon_days: 90.0,
        step_days: 1.0,
        health_factor_floor: 1.0,
    }
}

#[test]
fn the_workbench_section_runs_by_hand() {
    // weETH on Arbitrum (500 weETH within 2%, σ 1.4%, debt 1,000 ETH, c = k = 3) against Aave v3
    // E-mode (LTV 93%, LT 95%, bonus 1%): ℓ(1%) = 250 weETH on the straight curve.
    let d = with_both(step(0.94, 0.9985, 7.0), workbench(0, 0));
    assert_eq!(d.parameters.as_ref().unwrap().input.token, "weETH");
    let r = run_scenario(&d).unwrap();
    let p = r.parameters.as_ref().unwrap();
    let b = &p.bindings;
    // SmartLTV: e^(−3·0.014/√(250/1000)) − 0.01 = e^(−0.084) − 0.01
    assert_eq!(b[0].parameter, Parameter::Ltv);
    assert!((b[0].value - ((-0.084f64).exp() - 0.01)).abs() < 1e-12);
    assert!((b[0].value - 0.909_431_256).abs() < 1e-9);
    assert_eq!(b[0].current_above, Some(true)); // 93% > 90.94%
    // 1 − 1% − 3 × 1.4% = 94.8% < 95% today
    assert!((b[1].value - 0.948).abs() < 1e-12);
    assert_eq!(b[1].current_above, Some(true));
    // Chaos Labs 2 × 250 = 500; Gauntlet conservative: the curve's last 500 (it never reaches
    // 25%); aggressive 10 × 500 = 5,000: a tie at 500 tokens.
    assert_eq!(b[2].value, 500.0);
    assert_eq!(
        b[2].rules,
        vec![
            RuleId::TwiceLiquidityWithinBonus,
            RuleId::GauntletConservative
        ]
    );
    assert_eq!(b[2].current, None);
    let supply = r
        .headlines
        .iter()
        .find(|h| h.id == "parameters.tightestSupplyCap")
        .unwrap();
    assert_eq!(supply.value, 500.0);
}

#[test]
fn the_carry_section_runs_by_hand() {
    // The default loop (Morpho ezETH/WETH 77%, HF 1.2: λ = 1/(1 − 0.77/1.2)), its fixed borrow
    // rate r, a year of daily steps: E(T)/E₀ = λ·1.03 − (λ − 1)·(1 + x + x²/2 + x³/6)^365,
    // x = r/365.
    let carry = CarrySection {
        rate_model: None,
        utilization: UtilizationPath::Constant { utilization: 0.5 },
        horizon_days: 365.0,
        step_days: 1.0,
        health_factor_floor: 1.0,
    };
    let d = with_both(carry, workbench(0, 0));
    let r = run_scenario(&d).unwrap();
    let l = r.leverage.as_ref().unwrap();
    let lambda = 1.0 / (1.0 - 0.77 / 1.2);
    assert!((l.leverage_loop.leverage - lambda).abs() < 1e-12);
    let rate = d.leverage.as_ref().unwrap().leverage_loop.borrow_rate;
    let x = rate / 365.0;
    let growth = (1.0 + x + x * x / 2.0 + x * x * x / 6.0).powi(365);
    let c = l.carry.as_ref().unwrap();
    assert_eq!(c.steps, 365);
    assert!((c.net_yield - (lambda * 1.03 - (lambda - 1.0) * growth - 1.0)).abs() < 1e-9);
    assert!((c.max_borrow_apr - rate).abs() < 1e-15);
    let h = r
        .headlines
        .iter()
        .find(|h| h.id == "leverage.carryNetApy")
        .unwrap();
    assert_eq!(h.value, c.net_apy);
    // Without the sections the run is today's: no carry, no workbench.
    let plain = run_scenario(&default_document().unwrap()).unwrap();
    assert!(plain.leverage.unwrap().carry.is_none() && plain.parameters.is_none());
}

#[test]
fn errors_name_the_document_path() {
    let field = |f: fn(&mut Scenario)| {
        let mut d = with_both(step(0.94, 0.9985, 7.0), workbench(2, 5));
        f(&mut d);
        let e = Scenario::from_json(&d.to_json()).unwrap_err();
        assert_eq!(e.field(), d.validate_document().unwrap_err().field());
        e.field().to_owned()
    };
    assert_eq!(
        field(|d| d
            .leverage
            .as_mut()
            .unwrap()
            .carry
            .as_mut()
            .unwrap()
            .horizon_days = 0.0),
        "leverage.carry.horizonDays"
    );
    assert_eq!(
        field(|d| {
            d.leverage
                .as_mut()
                .unwrap()
                .carry
                .as_mut()
                .unwrap()
                .utilization = UtilizationPath::Step {
                before: 0.9,
                after: 1.5,
                at_day: 1.0,
            }
        }),
        "leverage.carry.utilization.after"
    );
    assert_eq!(
        field(|d| {
            d.leverage
                .as_mut()
                .unwrap()
                .carry
                .as_mut()
                .unwrap()
                .rate_model = Some(RateModel::Fixed { apr: 11.0 })
        }),
        "leverage.carry.rateModel.apr"
    );
    assert_eq!(
        field(|d| {
            let c = d.leverage.as_mut().unwrap().carry.as_mut().unwrap();
            c.horizon_days = 36_500.0;
            c.step_days = 0.01;
        }),
        "leverage.carry.stepDays"
    );
    assert_eq!(
        field(|d| d.parameters.as_mut().unwrap().input.volatility = 2.0),
        "parameters.input.volatility"
    );
    assert_eq!(
        field(|d| d.parameters.as_mut().unwrap().input.liquidity[0].price_impact = f64::NAN),
        "parameters.input.liquidity[0].priceImpact"
    );
    assert_eq!(
        field(|d| d.parameters.as_mut().unwrap().market_preset = Some("nowhere".into())),
        "parameters.marketPreset"
    );
    assert_eq!(
        field(|d| d.parameters.as_mut().unwrap().token_preset = Some("nowhere".into())),
        "parameters.tokenPreset"
    );
    // An unknown key inside the new sections is refused by name.
    let mut v: serde_json::Value =
        serde_json::from_str(&default_document().unwrap().to_json()).unwrap();
    v["leverage"]["carry"] = serde_json::json!({ "utilization": { "kind": "constant", "utilization": 0.5 }, "horizonDays": 30, "colour": 1 });
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("colour"), "{e}");
    // Omitted step and floor read as 1 day and health factor 1.
    v["leverage"]["carry"] = serde_json::json!({ "utilization": { "kind": "constant", "utilization": 0.5 }, "horizonDays": 30 });
    let d = Scenario::from_json(&v.to_string()).unwrap();
    let c = d.leverage.unwrap().carry.unwrap();
    assert_eq!(
        (c.step_days, c.health_factor_floor, c.rate_model),
        (1.0, 1.0, None)
    );
    assert_eq!(d.version, SCENARIO_VERSION);
}

fn arb_carry() -> impl Strategy<Value = CarrySection> {
    (
        0usize..4,
        num(0.0, 1.0),
        num(0.0, 1.0),
        num(0.0, 3650.0),
        num(1.0, 3650.0),
        num(0.5, 5.0),
        num(0.001, 2.0),
    )
        .prop_map(|(model, before, after, at_day, horizon, floor, apr)| {
            let presets = rate_model_presets();
            CarrySection {
                rate_model: match model {
                    0 => None,
                    1 => Some(RateModel::AdaptiveCurve {
                        rate_at_target_apr: apr,
                    }),
                    k => Some(presets[(k - 2) % presets.len()].model),
                },
                utilization: UtilizationPath::Step {
                    before,
                    after,
                    at_day,
                },
                horizon_days: horizon,
                step_days: 1.0,
                health_factor_floor: floor,
            }
        })
}

fn arb_parameters() -> impl Strategy<Value = ParametersSection> {
    (
        0usize..4,
        0usize..7,
        num(0.0, 1.0),
        num(1.0, 1e9),
        proptest::option::of(num(1.0, 1e9)),
        proptest::option::of(num(0.0, 0.99)),
    )
        .prop_map(|(t, m, sigma, debt, supply, ltv)| {
            let mut p = workbench(t, m % lending_markets().len());
            p.input.volatility = sigma;
            p.input.debt_size = debt;
            p.input.circulating_supply = supply;
            if let Some(c) = p.input.current.as_mut() {
                c.ltv = ltv;
                c.supply_cap = supply;
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_sections_round_trip(carry in arb_carry(), parameters in arb_parameters()) {
        let d = with_both(carry, parameters);
        d.validate_document().unwrap();
        prop_assert_eq!(&Scenario::from_json(&d.to_json()).unwrap(), &d);
        prop_assert_eq!(&Scenario::from_fragment(&d.to_fragment()).unwrap(), &d);
    }
}

/// A number in `lo..=hi`, the ends drawn as often as the inside (the shared generator's `num`,
/// without the network generators this suite does not use).
fn num(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(lo), Just(hi), lo..=hi]
}
