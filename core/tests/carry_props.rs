//! Property tests of the carry engine: carry never improves when the borrow rate rises, and the
//! health factor falls as the debt rises (more leverage, same collateral growth).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::lending::carry::{CarryInput, UtilizationPath, carry};
use restake_core::lending::rate_model::RateModel;
use restake_core::lending::rate_model::aave::AaveRateData;

fn input(apr: f64, leverage: f64, y: f64, days: f64, step: f64) -> CarryInput {
    CarryInput {
        deposit: 3.0,
        exchange_rate: 1.05,
        lrt_yield: y,
        leverage,
        liquidation_threshold: 0.95,
        rate_model: RateModel::Fixed { apr },
        utilization: UtilizationPath::Constant { utilization: 0.9 },
        horizon_days: days,
        step_days: step,
        health_factor_floor: 1.0,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn carry_never_improves_when_the_borrow_rate_rises(
        a in 0.0..2.0_f64, b in 0.0..2.0_f64, leverage in 1.0..30.0_f64,
        y in -0.5..0.5_f64, days in 1.0..1000.0_f64, step in 0.5..30.0_f64,
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let cheap = carry(&input(lo, leverage, y, days, step)).unwrap();
        let dear = carry(&input(hi, leverage, y, days, step)).unwrap();
        prop_assert!(dear.net_yield <= cheap.net_yield);
        prop_assert!(dear.net_apy <= cheap.net_apy);
        for (c, d) in cheap.points.iter().zip(&dear.points) {
            prop_assert!(d.equity_eth <= c.equity_eth);
        }
    }

    #[test]
    fn a_higher_utilisation_never_lowers_aave_rates_nor_raises_carry(
        u1 in 0.0..=1.0_f64, u2 in 0.0..=1.0_f64, opt in 100u32..=9900,
        s1 in 0u32..2000, extra in 0u32..30000, leverage in 1.0..20.0_f64,
    ) {
        let data = AaveRateData {
            optimal_usage_ratio: opt,
            base_variable_borrow_rate: 0,
            variable_rate_slope1: s1,
            variable_rate_slope2: s1 + extra,
        };
        let (lo, hi) = if u1 <= u2 { (u1, u2) } else { (u2, u1) };
        let run = |u: f64| {
            let mut i = input(0.0, leverage, 0.03, 90.0, 1.0);
            i.rate_model = RateModel::Aave { data };
            i.utilization = UtilizationPath::Constant { utilization: u };
            carry(&i).unwrap()
        };
        let (a, b) = (run(lo), run(hi));
        prop_assert!(b.max_borrow_apr >= a.max_borrow_apr);
        prop_assert!(b.net_yield <= a.net_yield);
    }

    #[test]
    fn the_health_factor_is_monotone_in_the_debt(
        apr in 0.0..1.0_f64, l1 in 1.01..50.0_f64, l2 in 1.01..50.0_f64,
        y in -0.5..0.5_f64, days in 1.0..1000.0_f64,
    ) {
        let (lo, hi) = if l1 <= l2 { (l1, l2) } else { (l2, l1) };
        let less = carry(&input(apr, lo, y, days, 7.0)).unwrap();
        let more = carry(&input(apr, hi, y, days, 7.0)).unwrap();
        prop_assert!(more.start_debt_eth >= less.start_debt_eth);
        for (a, b) in less.points.iter().zip(&more.points) {
            // Per unit of collateral the debt is (λ − 1)/λ · p₀ · F(t): larger for larger λ.
            prop_assert!(b.debt_eth / b.collateral_eth >= a.debt_eth / a.collateral_eth - 1e-12);
            prop_assert!(b.health_factor.unwrap() <= a.health_factor.unwrap() * (1.0 + 1e-12));
        }
        // And along one path, as the debt grows at a positive rate against a flat exchange rate,
        // the health factor only falls.
        let flat = carry(&input(apr.max(1e-3), hi, 0.0, days, 7.0)).unwrap();
        for w in flat.points.windows(2) {
            prop_assert!(w[1].debt_eth >= w[0].debt_eth);
            prop_assert!(w[1].health_factor.unwrap() <= w[0].health_factor.unwrap());
        }
    }

    #[test]
    fn carry_is_finite_and_bounded_on_any_valid_input(
        apr in 0.0..=10.0_f64, leverage in 1.0..=100.0_f64, y in -1.0..=1.0_f64,
        days in 0.01..=36500.0_f64, rat in 0.001..=2.0_f64, u in 0.0..=1.0_f64,
    ) {
        // At most 2,000 steps, each within 0.01..=365 days.
        let step = (days / 2000.0).clamp(0.01, 365.0);
        let mut i = input(apr, leverage, y, days, step);
        // A debt that would pass 1e100 ETH within the horizon is refused at horizonDays.
        match carry(&i) {
            Ok(fixed) => {
                prop_assert!(fixed.net_yield.is_finite() && fixed.net_apy.is_finite());
                prop_assert!(fixed.points.len() <= 20_000);
            }
            Err(e) => prop_assert_eq!(e.field(), "horizonDays"),
        }
        i.rate_model = RateModel::AdaptiveCurve { rate_at_target_apr: rat };
        i.utilization = UtilizationPath::Constant { utilization: u };
        match carry(&i) {
            Ok(morpho) => {
                prop_assert!(morpho.net_yield.is_finite());
                prop_assert!(morpho.max_borrow_apr <= 8.0 + 1e-9); // 4 × 200%
            }
            Err(e) => prop_assert_eq!(e.field(), "horizonDays"),
        }
    }
}
