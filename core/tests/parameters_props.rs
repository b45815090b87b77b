//! Invariants of the parameter workbench on generated inputs: more liquidity never lowers a
//! supply cap or SmartLTV's LTV; more volatility never raises an LTV or a threshold; every figure
//! is finite and within its range; the binding rule is the lowest suggestion, ties included.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::parameters::{
    CurrentParameters, LiquidityPoint, Parameter, RuleId, WorkbenchInput, parameter_workbench,
};

fn arb_input() -> impl Strategy<Value = WorkbenchInput> {
    (
        prop::collection::vec((1.0f64..1e5, 0.0f64..0.2), 1..8),
        0.0f64..0.5,
        0.0f64..0.3,
        0.0f64..0.3,
        1.0f64..1e6,
        0.5f64..10.0,
        0.0f64..10.0,
        prop::option::of(1.0f64..1e7),
        prop::option::of(1.0f64..1e6),
    )
        .prop_map(|(steps, vol, lb, budget, debt, c, k, supply, volume)| {
            let (mut size, mut impact) = (0.0, 0.0);
            let liquidity = steps
                .into_iter()
                .map(|(ds, di)| {
                    size += ds;
                    impact = f64::min(impact + di, 0.99);
                    LiquidityPoint {
                        lrt_in: size,
                        price_impact: impact,
                    }
                })
                .collect();
            WorkbenchInput {
                token: "LRT".into(),
                market: "generated".into(),
                liquidity,
                spot_price: 1.0,
                volatility: vol,
                liquidation_bonus: lb,
                slippage_budget: budget,
                debt_size: debt,
                risk_level: c,
                buffer_sigmas: k,
                circulating_supply: supply,
                daily_volume: volume,
                current: None,
            }
        })
}

fn caps(i: &WorkbenchInput) -> Vec<Option<f64>> {
    parameter_workbench(i)
        .unwrap()
        .rules
        .iter()
        .map(|r| r.supply_cap)
        .collect()
}

proptest! {
    #[test]
    fn more_liquidity_never_lowers_a_cap_or_smart_ltv(i in arb_input(), scale in 1.0f64..10.0) {
        let mut deeper = i.clone();
        for p in &mut deeper.liquidity { p.lrt_in *= scale; }
        for (a, b) in caps(&i).into_iter().zip(caps(&deeper)) {
            if let (Some(a), Some(b)) = (a, b) { prop_assert!(b >= a * (1.0 - 1e-12), "{a} → {b}"); }
        }
        let ltv = |x: &WorkbenchInput| parameter_workbench(x).unwrap().rules[2].ltv.unwrap();
        prop_assert!(ltv(&deeper) >= ltv(&i) - 1e-12);
    }

    #[test]
    fn more_volatility_never_raises_ltv_or_threshold(i in arb_input(), extra in 0.0f64..0.5) {
        let mut wilder = i.clone();
        wilder.volatility = (i.volatility + extra).min(1.0);
        let (a, b) = (parameter_workbench(&i).unwrap(), parameter_workbench(&wilder).unwrap());
        for (x, y) in a.rules.iter().zip(&b.rules) {
            if let (Some(x), Some(y)) = (x.ltv, y.ltv) { prop_assert!(y <= x + 1e-12); }
            if let (Some(x), Some(y)) = (x.liquidation_threshold, y.liquidation_threshold) { prop_assert!(y <= x + 1e-12); }
        }
    }

    #[test]
    fn every_figure_is_finite_and_in_range(i in arb_input()) {
        for r in parameter_workbench(&i).unwrap().rules {
            for v in [r.ltv, r.liquidation_threshold, r.liquidation_bonus].into_iter().flatten() {
                prop_assert!((0.0..=1.0).contains(&v), "{:?} {v}", r.rule);
            }
            if let Some(cap) = r.supply_cap { prop_assert!(cap.is_finite() && cap >= 0.0); }
            for x in &r.inputs { prop_assert!(x.value.is_finite()); }
        }
    }

    #[test]
    fn the_binding_rule_is_the_lowest_suggestion(i in arb_input(), now in 0.0f64..0.99) {
        let mut i = i;
        i.current = Some(CurrentParameters { ltv: Some(now), liquidation_threshold: None, supply_cap: None });
        let r = parameter_workbench(&i).unwrap();
        for b in &r.bindings {
            let all: Vec<(RuleId, f64)> = r.rules.iter().filter_map(|x| match b.parameter {
                Parameter::Ltv => x.ltv,
                Parameter::LiquidationThreshold => x.liquidation_threshold,
                Parameter::SupplyCap => x.supply_cap,
            }.map(|v| (x.rule, v))).collect();
            prop_assert_eq!(all.len() as u32, b.rules_setting_it);
            for (rule, v) in &all {
                prop_assert!(b.value <= *v);
                prop_assert_eq!(b.rules.contains(rule), *v == b.value || (*v - b.value).abs() <= 1e-12 * v.abs());
            }
            prop_assert_eq!(b.current_above, (b.parameter == Parameter::Ltv).then_some(now > b.value && (now - b.value).abs() > 1e-12 * now.max(b.value)));
        }
    }
}
