//! Hand-worked carries.

use super::*;
use crate::lending::rate_model::presets::rate_model_presets;

fn close(a: f64, b: f64, tol: f64) {
    assert!((a - b).abs() <= tol, "{a} vs {b}");
}

/// 1 token at 1 ETH, 10×, θ = 0.95, 3% APY, a fixed 2.45% APR, one year.
fn base(step_days: f64) -> CarryInput {
    CarryInput {
        deposit: 1.0,
        exchange_rate: 1.0,
        lrt_yield: 0.03,
        leverage: 10.0,
        liquidation_threshold: 0.95,
        rate_model: RateModel::Fixed { apr: 0.0245 },
        utilization: UtilizationPath::Constant { utilization: 0.9 },
        horizon_days: 365.0,
        step_days,
        health_factor_floor: 1.0,
    }
}

fn f(apr: f64, days: f64) -> f64 {
    let x = apr * days / 365.0;
    1.0 + x + x * x / 2.0 + x * x * x / 6.0
}

#[test]
fn one_step_year_and_break_even() {
    let r = carry(&base(365.0)).unwrap();
    // D(T) = 9 × 1.024802576… = 9.223223184, C·p(T) = 10.3.
    let d = 9.0 * f(0.0245, 365.0);
    close(d, 9.223_223_184, 1e-9);
    close(r.points[0].health_factor.unwrap(), 10.3 * 0.95 / d, 1e-12);
    close(r.net_yield, 10.3 - d - 1.0, 1e-12);
    close(r.net_apy, r.net_yield, 1e-12); // a one-year horizon
    close(r.start_health_factor.unwrap(), 10.0 * 0.95 / 9.0, 1e-12);
    // Break-even: 9·F(r) = 9.3, x + x²/2 + x³/6 = 1/30 → r = 0.0327898697…
    close(
        r.break_even_borrow_apr.unwrap(),
        0.032_789_869_743_358,
        1e-12,
    );
    assert_eq!(r.days_until_health_factor, None);
}

#[test]
fn daily_steps_compound_the_debt_once_a_day() {
    let r = carry(&base(1.0)).unwrap();
    assert_eq!(r.steps, 365);
    close(
        r.points[364].debt_eth,
        9.0 * f(0.0245, 1.0).powi(365),
        1e-12,
    );
    // A partial last step: 10 days in steps of 3 → 3, 3, 3, 1.
    let short = carry(&CarryInput {
        horizon_days: 10.0,
        step_days: 3.0,
        ..base(3.0)
    })
    .unwrap();
    let days: Vec<f64> = short.points.iter().map(|p| p.day).collect();
    assert_eq!(days, vec![3.0, 6.0, 9.0, 10.0]);
    close(
        short.points[3].debt_eth,
        9.0 * f(0.0245, 3.0).powi(3) * f(0.0245, 1.0),
        1e-12,
    );
}

#[test]
fn the_february_2026_spike_on_aave_core_weth() {
    // Aave Core WETH (U* 94%, slope 1 2.45%, slope 2 8%) under the spike path for 30 days:
    // 7 days at 2.45%, 2 at 4.3433…% (95.42%), 7 at 10.25% (99.85%), 14 at 2.45%.
    let input = CarryInput {
        rate_model: rate_model_presets()[0].model,
        utilization: weth_february_2026().path,
        horizon_days: 30.0,
        ..base(1.0)
    };
    let r = carry(&input).unwrap();
    let mid = 0.043_433_333_333_333_33;
    close(r.points[7].borrow_apr, mid, 1e-15);
    close(r.points[9].borrow_apr, 0.1025, 1e-15);
    close(r.max_borrow_apr, 0.1025, 1e-15);
    let debt = 9.0 * f(0.0245, 1.0).powi(21) * f(mid, 1.0).powi(2) * f(0.1025, 1.0).powi(7);
    close(r.points[29].debt_eth, debt, 1e-12);
}

#[test]
fn health_factor_floor_is_reached_when_debt_outgrows_the_rate() {
    // 20× at θ = 0.95 (HF 1.0 × 0.95·20/19 = 1.0): a 10.25% borrow rate against 3% crosses
    // HF 0.99 on the first day where 20·p(t)·0.95 / (19·F(t)) ≤ 0.99.
    let input = CarryInput {
        leverage: 20.0,
        rate_model: RateModel::Fixed { apr: 0.1025 },
        health_factor_floor: 0.99,
        ..base(1.0)
    };
    let r = carry(&input).unwrap();
    let first = (1..=365)
        .find(|&k| {
            let t = f64::from(k);
            20.0 * 1.03f64.powf(t / 365.0) * 0.95 / (19.0 * f(0.1025, 1.0).powi(k)) <= 0.99
        })
        .map(f64::from);
    assert!(first.is_some());
    assert_eq!(r.days_until_health_factor, first);
    // Starting at or below the floor is day 0.
    let at = carry(&CarryInput {
        health_factor_floor: 1.0,
        ..input
    })
    .unwrap();
    assert_eq!(at.days_until_health_factor, Some(0.0));
}

#[test]
fn adaptive_curve_rate_climbs_while_above_target() {
    let input = CarryInput {
        rate_model: RateModel::AdaptiveCurve {
            rate_at_target_apr: 0.04,
        },
        utilization: UtilizationPath::Constant { utilization: 0.95 },
        horizon_days: 30.0,
        ..base(1.0)
    };
    let r = carry(&input).unwrap();
    // 95%: err = 0.5, the curve is 2.5 × the rate at target, which grows by ~e^(25/365) a day.
    assert!(
        r.points
            .windows(2)
            .all(|w| w[1].borrow_apr > w[0].borrow_apr)
    );
    assert!(r.points[0].borrow_apr > 2.5 * 0.04);
}

#[test]
fn every_bad_input_names_its_field() {
    let b = base(1.0);
    let cases: Vec<(CarryInput, &str)> = vec![
        (
            CarryInput {
                deposit: 0.0,
                ..b.clone()
            },
            "deposit",
        ),
        (
            CarryInput {
                exchange_rate: f64::NAN,
                ..b.clone()
            },
            "exchangeRate",
        ),
        (
            CarryInput {
                lrt_yield: 2.0,
                ..b.clone()
            },
            "lrtYield",
        ),
        (
            CarryInput {
                leverage: 0.5,
                ..b.clone()
            },
            "leverage",
        ),
        (
            CarryInput {
                liquidation_threshold: 1.0,
                ..b.clone()
            },
            "liquidationThreshold",
        ),
        (
            CarryInput {
                rate_model: RateModel::Fixed { apr: -0.1 },
                ..b.clone()
            },
            "rateModel.apr",
        ),
        (
            CarryInput {
                utilization: UtilizationPath::Points {
                    points: vec![
                        UtilizationPoint {
                            day: 1.0,
                            utilization: 0.5,
                        },
                        UtilizationPoint {
                            day: 1.0,
                            utilization: 0.6,
                        },
                    ],
                },
                ..b.clone()
            },
            "utilization.points[1].day",
        ),
        (
            CarryInput {
                utilization: UtilizationPath::Step {
                    before: 0.5,
                    after: 1.5,
                    at_day: 3.0,
                },
                ..b.clone()
            },
            "utilization.after",
        ),
        (
            CarryInput {
                horizon_days: 0.0,
                ..b.clone()
            },
            "horizonDays",
        ),
        // 36,500 days in steps of 0.01: 3.65M steps, over the 20,000 bound.
        (
            CarryInput {
                horizon_days: 36_500.0,
                step_days: 0.01,
                ..b.clone()
            },
            "stepDays",
        ),
        (
            CarryInput {
                health_factor_floor: f64::INFINITY,
                ..b.clone()
            },
            "healthFactorFloor",
        ),
    ];
    for (input, field) in cases {
        assert_eq!(carry(&input).unwrap_err().field(), field);
    }
    let empty = CarryInput {
        utilization: UtilizationPath::Points { points: vec![] },
        ..b
    };
    assert_eq!(carry(&empty).unwrap_err().field(), "utilization.points");
}
