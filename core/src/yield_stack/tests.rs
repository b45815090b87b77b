//! Hand-worked cases of the whole stack (the arithmetic is in each test's comments).

use super::*;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
}

fn eth_avs(name: &str, allocation: f64, apr: f64) -> AvsStream {
    AvsStream {
        name: name.into(),
        allocation,
        reward: AvsReward::Eth { apr },
        operator_commission: None,
        fault_probability: 0.0,
        slash_fraction: 0.0,
    }
}

/// CL 3%, EL 1%; LST fee 5%; LRT fee 10% on everything, operators' default commission 10%,
/// 10% idle buffer; three AVSs:
/// - A: ETH-paid 2% on a 0.5 allocation (fault 2%/yr, slash 50%);
/// - B: ETH-paid 4% on 0.25, commission overridden to 20% (fault 1%/yr, slash 100%);
/// - C: token-paid, 100 tokens/ETH/yr × 0.0002 ETH × (1 − 0.5 haircut) = 1% on 0.2
///   (fault 10%/yr, slash 10%).
fn three_avss() -> YieldInput {
    let mut b = eth_avs("B", 0.25, 0.04);
    b.operator_commission = Some(0.2);
    b.fault_probability = 0.01;
    b.slash_fraction = 1.0;
    let mut a = eth_avs("A", 0.5, 0.02);
    a.fault_probability = 0.02;
    a.slash_fraction = 0.5;
    let c = AvsStream {
        name: "C".into(),
        allocation: 0.2,
        reward: AvsReward::Token {
            token: "CTK".into(),
            tokens_per_eth_per_year: 100.0,
            token_price_eth: 0.0002,
            liquidity_haircut: 0.5,
        },
        operator_commission: None,
        fault_probability: 0.1,
        slash_fraction: 0.1,
    };
    YieldInput {
        base: BaseLayer {
            consensus: ConsensusApr::Given { apr: 0.03 },
            execution_apr: 0.01,
        },
        lst: LstInput {
            token: "wstETH".into(),
            fee_on_rewards: 0.05,
        },
        lrt: LrtInput {
            token: "LRT".into(),
            fee_on_rewards: 0.1,
            fee_applies_to: FeeScope::ALL,
            operator_commission: 0.1,
            buffer_share: 0.1,
            avss: vec![a, b, c],
        },
        compounding: Compounding::Periodic {
            periods_per_year: 1,
        },
        deposit_eth: 100.0,
        horizon_years: 1.0,
    }
}

#[test]
fn three_avss_a_token_stream_and_a_buffer() {
    let r = yield_stack(&three_avss()).unwrap();
    // Gross as if fully staked: 3 + 1 + (0.5×2 = 1) + (0.25×4 = 1) + (0.2×1 = 0.2) = 6.2 pp.
    // Buffer drag: −0.1 × 6.2 = −0.62 pp. Staked share 0.9: AVS earned 0.9, 0.9, 0.18 pp.
    // Commission: 0.1×0.9 + 0.2×0.9 + 0.1×0.18 = 0.09 + 0.18 + 0.018 = 0.288 pp.
    // Left in scope: 0.9×(3+1) + (0.9−0.09) + (0.9−0.18) + (0.18−0.018) = 3.6+0.81+0.72+0.162
    // = 5.292 pp; protocol fee 10% = 0.5292 pp. Net = 5.292 − 0.5292 = 4.7628%.
    let aprs: Vec<f64> = r.lrt.steps.iter().map(|s| s.apr).collect();
    let want = [0.03, 0.01, 0.01, 0.01, 0.002, -0.0062, -0.00288, -0.005292];
    assert_eq!(aprs.len(), want.len());
    for (a, w) in aprs.iter().zip(want) {
        close(*a, w);
    }
    let ids: Vec<&str> = r.lrt.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "consensus",
            "execution",
            "avs:0",
            "avs:1",
            "avs:2",
            "buffer",
            "operatorCommission",
            "protocolFee"
        ]
    );
    close(r.lrt.net_apr, 0.047628);
    // Yearly compounding: APY = APR; 100 ETH → 104.7628 ETH.
    close(r.lrt.net_apy, 0.047628);
    close(r.lrt.deposit_value_eth, 104.7628);
    // C's reward: 100 × 0.0002 × 0.5 = 1%; its net 0.18 × 0.9 × 0.9 = 0.1458 pp.
    close(r.avss[2].reward_apr, 0.01);
    close(r.avss[2].net_apr, 0.001458);
    // A: earned 0.9 pp, commission 0.09, fee 0.081 ⇒ net 0.729 pp.
    close(r.avss[0].operator_commission_apr, 0.0009);
    close(r.avss[0].protocol_fee_apr, 0.00081);
    close(r.avss[0].net_apr, 0.00729);
    // LST: 0.95 × 4% = 3.8%; premium 4.7628 − 3.8 = 0.9628 pp.
    close(r.lst.net_apr, 0.038);
    close(r.lst.deposit_value_eth, 103.8);
    close(r.premium_apr, 0.009628);
    // Expected loss: 0.9 × (0.5×0.02×0.5 + 0.25×0.01×1 + 0.2×0.1×0.1) = 0.9 × (0.005 + 0.0025 +
    // 0.002) = 0.9 × 0.0095 = 0.855%/yr. Risk-adjusted APY 4.7628 − 0.855 = 3.9078%, which
    // beats the LST's 3.8% by 0.1078 pp; 100 ETH → 103.9078 ETH.
    close(r.expected_slash_loss, 0.00855);
    close(r.avss[1].expected_loss, 0.00225);
    close(r.risk_adjusted_apy, 0.039078);
    close(r.risk_adjusted_premium, 0.001078);
    close(r.risk_adjusted_deposit_value_eth, 103.9078);
}

#[test]
fn derived_consensus_fee_on_avs_only_continuous() {
    // S = 16M ETH: √S = 4,000, so CL = 64 × 82,181.25 / √1e9 / 4,000 = 166.3232 / 4,000
    // = 4.15808%; at 50% participation 2.07904%. EL 0. One AVS: 5% on all the stake, default
    // commission 10%, fee 10% on AVS rewards only: 1 × 5% × 0.9 × 0.9 = 4.05%.
    // LRT net = 2.07904 + 4.05 = 6.12904%; LST (fee 10% on all) = 0.9 × 2.07904 = 1.87114%.
    // Continuously: APY = e^0.0612904 − 1 = 6.32076%; 10 ETH for 2 years → 10·e^0.1225808
    // = 11.30410 ETH.
    let input = YieldInput {
        base: BaseLayer {
            consensus: ConsensusApr::FromStake {
                total_staked_eth: 16e6,
                participation: 0.5,
            },
            execution_apr: 0.0,
        },
        lst: LstInput {
            token: "wstETH".into(),
            fee_on_rewards: 0.1,
        },
        lrt: LrtInput {
            token: "LRT".into(),
            fee_on_rewards: 0.1,
            fee_applies_to: FeeScope {
                consensus: false,
                execution: false,
                avs: true,
            },
            operator_commission: 0.1,
            buffer_share: 0.0,
            avss: vec![eth_avs("All-in", 1.0, 0.05)],
        },
        compounding: Compounding::Continuous,
        deposit_eth: 10.0,
        horizon_years: 2.0,
    };
    let r = yield_stack(&input).unwrap();
    let tol = |a: f64, b: f64| assert!((a - b).abs() < 1e-7, "{a} vs {b}");
    tol(r.consensus_apr, 0.0207904);
    tol(r.lrt.net_apr, 0.0612904);
    tol(r.lst.net_apr, 0.0187114);
    tol(r.lrt.net_apy, 0.0632076);
    assert!((r.lrt.deposit_value_eth - 11.30410).abs() < 1e-5);
    // The protocol fee step is only the AVS part: 1 × 5% × 0.9 × 0.1 = 0.45 pp.
    close(r.lrt.steps.last().unwrap().apr, -0.0045);
    close(r.lrt.steps[3].apr, 0.0); // no buffer
    close(r.expected_slash_loss, 0.0);
}

#[test]
fn without_avs_the_lrt_is_the_lst_less_the_fee_difference() {
    // CL 3% + EL 1% = 4%; LRT fee 15%, LST fee 10% ⇒ 3.4% vs 3.6%, premium −0.2 pp = −(0.15 −
    // 0.10) × 4%. Daily compounding of 3.4%: (1 + 0.034/365)^365 − 1 = 3.45830%.
    let mut input = three_avss();
    input.lrt.avss.clear();
    input.lrt.buffer_share = 0.0;
    input.lrt.fee_on_rewards = 0.15;
    input.lst.fee_on_rewards = 0.10;
    input.compounding = Compounding::Periodic {
        periods_per_year: 365,
    };
    let r = yield_stack(&input).unwrap();
    close(r.lrt.net_apr, 0.034);
    close(r.premium_apr, -0.002);
    assert!(
        (r.lrt.net_apy - 0.0345830).abs() < 1e-7,
        "{}",
        r.lrt.net_apy
    );
    close(r.risk_adjusted_apy, r.lrt.net_apy);
}

/// An edit that breaks one field of a valid input.
type Edit = fn(&mut YieldInput);

#[test]
fn every_bad_field_is_named() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            (|i: &mut YieldInput| i.lrt.avss[1].allocation = 0.4),
            "lrt.avss[].allocation",
        ),
        (
            (|i: &mut YieldInput| i.lrt.avss[2].allocation = -0.1),
            "lrt.avss[2].allocation",
        ),
        (
            (|i: &mut YieldInput| {
                i.lrt.avss[2].reward = AvsReward::Token {
                    token: "X".into(),
                    tokens_per_eth_per_year: 1.0,
                    token_price_eth: f64::NAN,
                    liquidity_haircut: 0.0,
                }
            }),
            "lrt.avss[2].reward.tokenPriceEth",
        ),
        (
            (|i: &mut YieldInput| {
                i.lrt.avss[2].reward = AvsReward::Token {
                    token: "X".into(),
                    tokens_per_eth_per_year: 1e200,
                    token_price_eth: 1e200,
                    liquidity_haircut: 0.0,
                }
            }),
            "lrt.avss[2].reward",
        ),
        (
            (|i: &mut YieldInput| i.lrt.avss[0].reward = AvsReward::Eth { apr: -0.01 }),
            "lrt.avss[0].reward.apr",
        ),
        (
            (|i: &mut YieldInput| i.lrt.avss[1].operator_commission = Some(1.5)),
            "lrt.avss[1].operatorCommission",
        ),
        (
            (|i: &mut YieldInput| i.lrt.avss[1].name = "A".into()),
            "lrt.avss[1].name",
        ),
        (
            (|i: &mut YieldInput| i.lrt.avss[0].fault_probability = f64::INFINITY),
            "lrt.avss[0].faultProbability",
        ),
        (
            (|i: &mut YieldInput| i.lrt.buffer_share = 1.01),
            "lrt.bufferShare",
        ),
        (
            (|i: &mut YieldInput| i.lst.fee_on_rewards = f64::NAN),
            "lst.feeOnRewards",
        ),
        ((|i: &mut YieldInput| i.deposit_eth = -1.0), "depositEth"),
        (
            (|i: &mut YieldInput| i.horizon_years = 101.0),
            "horizonYears",
        ),
        (
            (|i: &mut YieldInput| {
                i.compounding = Compounding::Periodic {
                    periods_per_year: 0,
                }
            }),
            "compounding.periodsPerYear",
        ),
        (
            (|i: &mut YieldInput| i.base.execution_apr = f64::NEG_INFINITY),
            "base.executionApr",
        ),
    ];
    for (edit, field) in cases {
        let mut input = three_avss();
        edit(&mut input);
        let e = yield_stack(&input).unwrap_err();
        assert_eq!(e.field(), field, "{e}");
    }
    let mut input = three_avss();
    input.lrt.buffer_share = 1.01;
    assert_eq!(
        yield_stack(&input).unwrap_err().to_string(),
        "lrt.bufferShare: must be a fraction in 0..=1, got 1.01"
    );
}

#[test]
fn presets_run_and_label_their_assumptions() {
    let presets = yield_presets().unwrap();
    assert_eq!(presets.len(), 7);
    for p in &presets {
        let r = yield_stack(&p.input).unwrap();
        assert!(r.lrt.net_apr > 0.0);
        for n in &p.notes {
            n.basis.validate(&n.path).unwrap();
        }
        let avss = p.notes.iter().find(|n| n.path == "lrt.avss");
        assert_eq!(
            avss.is_some(),
            !p.input.lrt.avss.is_empty(),
            "{}",
            p.protocol
        );
        assert!(avss.is_none_or(|n| n.basis.rests_on_assumption()));
    }
    // ether.fi: its sourced 10% fee and 5% liquidity-pool buffer.
    let etherfi = &presets[0];
    assert_eq!(etherfi.input.lrt.fee_on_rewards, 0.10);
    assert_eq!(etherfi.input.lrt.buffer_share, 0.05);
    let fee = etherfi
        .notes
        .iter()
        .find(|n| n.path == "lrt.feeOnRewards")
        .unwrap();
    assert!(!fee.basis.rests_on_assumption());
    // The LST preset has no AVSs and no buffer: both columns agree.
    let lido = presets.iter().find(|p| p.protocol == "wsteth").unwrap();
    let r = yield_stack(&lido.input).unwrap();
    close(r.premium_apr, 0.0);
}
