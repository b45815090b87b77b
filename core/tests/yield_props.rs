//! Property tests of the yield stack on random valid inputs: fees only ever lower the net yield,
//! an LRT without AVSs is the LST less the fee difference, APY rises with compounding frequency up
//! to `e^APR − 1`, and no valid input yields NaN or ±∞.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::yield_stack::*;

/// A fraction in `0..=1` from basis points.
fn frac() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(1.0),
        (0u32..=10_000).prop_map(|b| f64::from(b) / 10_000.0)
    ]
}

/// A rate in `0..=1` per year, biased toward realistic values.
fn rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => (0u32..=2_000).prop_map(|b| f64::from(b) / 10_000.0),
        1 => frac(),
    ]
}

fn reward() -> impl Strategy<Value = AvsReward> {
    prop_oneof![
        rate().prop_map(|apr| AvsReward::Eth { apr }),
        // tokens/ETH/yr × price ≤ 1000 × 0.001 = 1, so the APR stays in 0..=1.
        (0u32..=1000, 0u32..=1000, frac()).prop_map(|(t, p, h)| AvsReward::Token {
            token: "TKN".into(),
            tokens_per_eth_per_year: f64::from(t),
            token_price_eth: f64::from(p) / 1e6,
            liquidity_haircut: h,
        }),
    ]
}

fn avss() -> impl Strategy<Value = Vec<AvsStream>> {
    proptest::collection::vec(
        (
            1u32..=100,
            reward(),
            proptest::option::of(frac()),
            frac(),
            frac(),
        ),
        0..=6,
    )
    .prop_map(|raw| {
        // Allocations: raw weights scaled so they sum to at most 1.
        let total: u32 = raw.iter().map(|r| r.0).sum::<u32>().max(100);
        raw.into_iter()
            .enumerate()
            .map(|(i, (w, reward, c, p, s))| AvsStream {
                name: format!("AVS {i}"),
                allocation: f64::from(w) / f64::from(total),
                reward,
                operator_commission: c,
                fault_probability: p,
                slash_fraction: s,
            })
            .collect()
    })
}

fn compounding() -> impl Strategy<Value = Compounding> {
    prop_oneof![
        Just(Compounding::Continuous),
        (1u32..=100_000).prop_map(|periods_per_year| Compounding::Periodic { periods_per_year }),
        Just(Compounding::Periodic {
            periods_per_year: 31_557_600
        }),
    ]
}

fn consensus() -> impl Strategy<Value = ConsensusApr> {
    prop_oneof![
        rate().prop_map(|apr| ConsensusApr::Given { apr }),
        (1e5..=2e8_f64, frac()).prop_map(|(total_staked_eth, participation)| {
            ConsensusApr::FromStake {
                total_staked_eth,
                participation,
            }
        }),
    ]
}

prop_compose! {
    fn input()(
        consensus in consensus(),
        execution_apr in rate(),
        lst_fee in frac(),
        fee in frac(),
        scope in (any::<bool>(), any::<bool>(), any::<bool>()),
        commission in frac(),
        buffer in frac(),
        avss in avss(),
        compounding in compounding(),
        deposit_eth in prop_oneof![Just(0.0), Just(1e12), 0.0..1e6_f64],
        horizon_years in prop_oneof![Just(0.0), Just(100.0), 0.0..30.0_f64],
    ) -> YieldInput {
        YieldInput {
            base: BaseLayer { consensus, execution_apr },
            lst: LstInput { token: "LST".into(), fee_on_rewards: lst_fee },
            lrt: LrtInput {
                token: "LRT".into(),
                fee_on_rewards: fee,
                fee_applies_to: FeeScope { consensus: scope.0, execution: scope.1, avs: scope.2 },
                operator_commission: commission,
                buffer_share: buffer,
                avss,
            },
            compounding,
            deposit_eth,
            horizon_years,
        }
    }
}

fn numbers(r: &YieldReport) -> Vec<f64> {
    let mut v = vec![
        r.consensus_apr,
        r.execution_apr,
        r.premium_apr,
        r.premium_apy,
        r.expected_slash_loss,
        r.risk_adjusted_apy,
        r.risk_adjusted_premium,
        r.risk_adjusted_deposit_value_eth,
    ];
    for t in [&r.lst, &r.lrt] {
        v.extend([t.net_apr, t.net_apy, t.deposit_value_eth]);
        v.extend(t.steps.iter().map(|s| s.apr));
    }
    for a in &r.avss {
        v.extend([
            a.reward_apr,
            a.gross_apr,
            a.operator_commission_apr,
            a.protocol_fee_apr,
            a.net_apr,
            a.expected_loss,
        ]);
    }
    v
}

/// Tolerance for sums of a few f64 rates below 10.
const EPS: f64 = 1e-12;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_valid_input_produces_nan(input in input()) {
        let r = yield_stack(&input).unwrap();
        for v in numbers(&r) {
            prop_assert!(v.is_finite(), "{v} in {r:?}");
        }
        // The waterfall sums to the net APR, which is never negative.
        let sum: f64 = r.lrt.steps.iter().map(|s| s.apr).sum();
        prop_assert!((sum.max(0.0) - r.lrt.net_apr).abs() < EPS);
        prop_assert!(r.lrt.net_apr >= 0.0 && r.lst.net_apr >= 0.0);
        prop_assert!(r.expected_slash_loss <= 1.0 + EPS);
    }

    #[test]
    fn raising_any_fee_never_raises_net_yield(input in input(), bump in frac(), which in 0usize..5) {
        let before = yield_stack(&input).unwrap();
        let mut raised = input.clone();
        let up = |f: &mut f64| *f += (1.0 - *f) * bump;
        match which {
            0 => up(&mut raised.lrt.fee_on_rewards),
            1 => up(&mut raised.lrt.operator_commission),
            2 => {
                for a in &mut raised.lrt.avss {
                    let mut c = a.operator_commission.unwrap_or(raised.lrt.operator_commission);
                    up(&mut c);
                    a.operator_commission = Some(c);
                }
            }
            3 => up(&mut raised.lst.fee_on_rewards),
            _ => {
                // Widen the fee's scope to every stream.
                raised.lrt.fee_applies_to = FeeScope::ALL;
            }
        }
        let after = yield_stack(&raised).unwrap();
        prop_assert!(after.lrt.net_apr <= before.lrt.net_apr + EPS);
        prop_assert!(after.lrt.net_apy <= before.lrt.net_apy + EPS);
        prop_assert!(after.lst.net_apr <= before.lst.net_apr + EPS);
        prop_assert!(after.risk_adjusted_apy <= before.risk_adjusted_apy + EPS);
    }

    #[test]
    fn without_avs_the_lrt_is_the_lst_less_the_fee_difference(mut input in input()) {
        input.lrt.avss.clear();
        input.lrt.fee_applies_to = FeeScope::ALL;
        let r = yield_stack(&input).unwrap();
        let y = r.consensus_apr + r.execution_apr;
        let (f, f_lst, b) = (input.lrt.fee_on_rewards, input.lst.fee_on_rewards, input.lrt.buffer_share);
        // LRT = (1 − b)(1 − f) y; LST = (1 − f_LST) y. With no buffer the gap is the fee gap.
        let want = r.lst.net_apr - (f - f_lst) * y - b * (1.0 - f) * y;
        prop_assert!((r.lrt.net_apr - want).abs() < EPS, "{} vs {want}", r.lrt.net_apr);
        input.lrt.buffer_share = 0.0;
        let r = yield_stack(&input).unwrap();
        prop_assert!((r.premium_apr + (f - f_lst) * y).abs() < EPS);
        prop_assert_eq!(r.expected_slash_loss, 0.0);
    }

    #[test]
    fn apy_rises_with_compounding_and_is_bounded(apr in 0.0..=3.0_f64, n in 1u32..1_000_000, m in 1u32..1_000_000) {
        let (lo, hi) = (n.min(m), n.max(m));
        let a_lo = Compounding::Periodic { periods_per_year: lo }.apy(apr);
        let a_hi = Compounding::Periodic { periods_per_year: hi }.apy(apr);
        let bound = Compounding::Continuous.apy(apr);
        prop_assert!(a_lo <= a_hi + 1e-12 * (1.0 + a_hi), "{lo}: {a_lo} > {hi}: {a_hi}");
        prop_assert!(a_hi <= bound + 1e-12 * (1.0 + bound), "{a_hi} > e^APR − 1 = {bound}");
        prop_assert!(a_lo >= apr - 1e-15, "APY below APR");
    }

    #[test]
    fn a_nan_anywhere_is_an_error_not_a_panic(input in input(), slot in 0usize..8) {
        let mut bad = input;
        let nan = f64::NAN;
        match slot {
            0 => bad.base.execution_apr = nan,
            1 => bad.lst.fee_on_rewards = nan,
            2 => bad.lrt.fee_on_rewards = nan,
            3 => bad.lrt.operator_commission = nan,
            4 => bad.lrt.buffer_share = nan,
            5 => bad.deposit_eth = nan,
            6 => bad.horizon_years = nan,
            _ => match bad.lrt.avss.first_mut() {
                Some(a) => a.allocation = nan,
                None => bad.horizon_years = f64::INFINITY,
            },
        }
        prop_assert!(yield_stack(&bad).is_err());
    }
}
