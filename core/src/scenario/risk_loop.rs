//! The Monte Carlo's loop built from the lending engines: a market's rate model read along a
//! utilisation path gives a rate path ([`borrow_rate_path`]), and [`risk_loop_default`] is the
//! Risk page's starting loop. The risk engine takes rate paths as borrow APRs
//! ([`crate::risk::carry`]); this layer turns utilisation into APRs, since engines do not call
//! one another.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::lending::carry::{CarryInput, UtilizationPath, carry, weth_february_2026};
use crate::lending::lending_markets;
use crate::lending::rate_model::RateModel;
use crate::lending::rate_model::presets::rate_model_presets;
use crate::network::demo::DemoNote;
use crate::risk::{AprPoint, RatePath, RiskCarry};
use crate::source::Basis;

/// The borrow APR that `rate_model` gives along `utilization`, as the carry engine steps it:
/// one point per `step_days` step (the rate at the step's start; Morpho's rate at target carried
/// from step to step), a run of equal APRs merged into one point. Horizon in `0.01..=36500`
/// days; at most 20,000 steps. Errors name `rateModel.…`, `utilization.…`, `horizonDays` or
/// `stepDays`.
///
/// ```
/// use restake_core::lending::carry::UtilizationPath;
/// use restake_core::lending::rate_model::RateModel;
/// let p = restake_core::scenario::borrow_rate_path(
///     &RateModel::Fixed { apr: 0.05 },
///     &UtilizationPath::Constant { utilization: 0.9 },
///     365.0,
///     1.0,
/// ).unwrap();
/// assert_eq!((p.len(), p[0].from_day, p[0].apr), (1, 0.0, 0.05));
/// ```
pub fn borrow_rate_path(
    rate_model: &RateModel,
    utilization: &UtilizationPath,
    horizon_days: f64,
    step_days: f64,
) -> Result<Vec<AprPoint>, Error> {
    let report = carry(&CarryInput {
        deposit: 1.0,
        exchange_rate: 1.0,
        lrt_yield: 0.0,
        leverage: 2.0,
        liquidation_threshold: 0.5,
        rate_model: *rate_model,
        utilization: utilization.clone(),
        horizon_days,
        step_days,
        health_factor_floor: 1.0,
    })?;
    let mut out: Vec<AprPoint> = Vec::new();
    let mut start = 0.0;
    for p in &report.points {
        if out.last().is_none_or(|l| l.apr != p.borrow_apr) {
            out.push(AprPoint {
                from_day: start,
                apr: p.borrow_apr,
            });
        }
        start = p.day;
    }
    Ok(out)
}

/// The Risk page's starting loop and the basis of each of its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RiskLoopDefault {
    /// The loop, ready for `options.carry`.
    pub carry: RiskCarry,
    /// The basis of each figure, by path within `carry`.
    pub notes: Vec<DemoNote>,
}

/// Probability that a run meets a utilisation spike like February 2026's, fraction: an
/// assumption (one such episode on Aave Core WETH is on record, not a frequency).
const SPIKE_PROBABILITY: f64 = 0.1;

/// Leverage of the starting loop, ×: an assumption.
const LEVERAGE: f64 = 5.0;

/// The LRT's exchange-rate growth of the starting loop, APY: an assumption.
const LRT_YIELD: f64 = 0.03;

/// The starting loop over `horizon_years` (`(0, 100]`): 5× (assumed), the LRT growing 3% a year
/// (assumed), Aave v3's ETH-correlated E-mode liquidation threshold (95%, sourced), borrowing
/// WETH on Aave Core under its 2026 rate data, on one of two rate paths: calm at the 94% kink
/// (90%, assumed) or the February 2026 utilisation spike from day 0 (10%, assumed; its levels are
/// sourced, its timing assumed), read over the horizon in steps of one day (or the horizon over
/// 20,000 when longer). The last point of each path holds beyond the horizon, so the loop serves
/// a longer run too.
///
/// ```
/// let d = restake_core::scenario::risk_loop_default(1.0).unwrap();
/// assert_eq!(d.carry.rate_paths.len(), 2);
/// assert_eq!(d.carry.rate_paths[0].borrow_apr[0].apr, 0.0245); // Core WETH at its kink
/// ```
pub fn risk_loop_default(horizon_years: f64) -> Result<RiskLoopDefault, Error> {
    crate::validate::above_at_most(
        "horizonYears",
        horizon_years,
        0.0,
        crate::risk::input::MAX_HORIZON_YEARS,
        "a horizon in (0, 100] years",
    )?;
    let horizon_days = (horizon_years * 365.0).max(0.01);
    let step_days = (horizon_days / crate::risk::carry::MAX_RATE_STEPS as f64).max(1.0);
    let market = lending_markets()
        .into_iter()
        .next()
        .ok_or_else(|| missing("lending market"))?;
    let rates = rate_model_presets()
        .into_iter()
        .next()
        .ok_or_else(|| missing("rate model"))?;
    let spike = weth_february_2026();
    let calm = UtilizationPath::Constant { utilization: 0.94 };
    let path = |name: &str, probability: f64, u: &UtilizationPath| -> Result<RatePath, Error> {
        Ok(RatePath {
            name: name.to_owned(),
            probability,
            borrow_apr: borrow_rate_path(&rates.model, u, horizon_days, step_days)?,
        })
    };
    let carry = RiskCarry {
        leverage: LEVERAGE,
        lrt_yield: LRT_YIELD,
        liquidation_threshold: market.liquidation_threshold.value,
        rate_paths: vec![
            path("calm, at the kink", 1.0 - SPIKE_PROBABILITY, &calm)?,
            path("February 2026 spike", SPIKE_PROBABILITY, &spike.path)?,
        ],
        step_days: None,
    };
    let assumed = |path: &str, note: &str| DemoNote {
        path: path.to_owned(),
        basis: Basis::Assumption {
            note: note.to_owned(),
        },
    };
    let mut notes = vec![
        assumed(
            "leverage",
            "5×: an illustrative loop, below the 14.3× the market's 93% LTV allows; set yours.",
        ),
        assumed(
            "lrtYield",
            "3% a year: an illustrative LRT exchange-rate growth; the Yield page gives your token's.",
        ),
        DemoNote {
            path: "liquidationThreshold".to_owned(),
            basis: market.liquidation_threshold.basis.clone(),
        },
        assumed(
            "ratePaths[0]",
            "90%: a year without a spike is an assumption; Core WETH at its 94% kink (the level \
             Aave's model aims for) borrows at its slope 1.",
        ),
        assumed(
            "ratePaths[1].probability",
            "10%: one spike of this kind is on record (February 2026), not a frequency; it starts \
             on day 0 here.",
        ),
    ];
    for (name, figure) in &rates.figures {
        notes.push(DemoNote {
            path: format!("ratePaths.rateModel.{name}"),
            basis: figure.basis.clone(),
        });
    }
    for (name, figure) in &spike.figures {
        notes.push(DemoNote {
            path: format!("ratePaths[1].utilization.{name}"),
            basis: figure.basis.clone(),
        });
    }
    Ok(RiskLoopDefault { carry, notes })
}

fn missing(what: &str) -> Error {
    Error::Invariant {
        field: "carry".to_owned(),
        message: format!("the built-in {what} preset is missing"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::{RiskOptions, SeedInput, risk_demo, simulate_risk};

    #[test]
    fn aave_core_weth_at_and_above_its_kink() {
        // 2026 rate data: 0 + 2.45%·u/94% below the kink, + 8%·(u − 94%)/6% above it.
        let model = &rate_model_presets()[0].model;
        let at = |u: f64| {
            let p = borrow_rate_path(
                model,
                &UtilizationPath::Constant { utilization: u },
                365.0,
                1.0,
            )
            .unwrap();
            assert_eq!(p.len(), 1, "a constant utilisation is one point");
            p[0].apr
        };
        assert!((at(0.94) - 0.0245).abs() < 1e-15);
        assert!((at(0.97) - 0.0645).abs() < 1e-15);
        assert!((at(0.47) - 0.01225).abs() < 1e-15);
        // A step from the kink to 97% on day 10: two points.
        let step = UtilizationPath::Step {
            before: 0.94,
            after: 0.97,
            at_day: 10.0,
        };
        let p = borrow_rate_path(model, &step, 30.0, 1.0).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(p[1].from_day, 10.0);
        assert!((p[1].apr - 0.0645).abs() < 1e-15);
    }

    #[test]
    fn the_loop_accrues_the_debt_as_the_carry_engine_does() {
        // The February 2026 spike on Core WETH, 5×, 3% a year, daily steps for a year: the
        // Monte Carlo's net yield without slashing equals the carry engine's.
        let d = risk_loop_default(1.0).unwrap();
        let rates = rate_model_presets()[0].model;
        for (k, u) in [
            UtilizationPath::Constant { utilization: 0.94 },
            weth_february_2026().path,
        ]
        .into_iter()
        .enumerate()
        {
            let engine = carry(&CarryInput {
                deposit: 1.0,
                exchange_rate: 1.0,
                lrt_yield: 0.03,
                leverage: 5.0,
                liquidation_threshold: 0.95,
                rate_model: rates,
                utilization: u,
                horizon_days: 365.0,
                step_days: 1.0,
                health_factor_floor: 1.0,
            })
            .unwrap();
            let mut demo = risk_demo().unwrap();
            if demo.network.positions.is_empty() {
                demo.network.positions.push(crate::network::Position {
                    protocol: demo.network.restaking[0].protocol.clone(),
                    amount_eth: 10.0,
                });
            }
            let options = RiskOptions {
                paths: 1_000.0,
                seed: Some(SeedInput::Number(3.0)),
                carry: Some(d.carry.clone()),
                ..demo.options
            };
            let r = simulate_risk(&demo.network, &options).unwrap();
            let outcome = &r.looped.unwrap().rate_paths[k];
            assert!(
                (outcome.net_yield - engine.net_yield).abs() < 1e-12,
                "{k}: {} vs {}",
                outcome.net_yield,
                engine.net_yield
            );
            assert!((outcome.max_borrow_apr - engine.max_borrow_apr).abs() < 1e-15);
        }
        // The spike costs the loop: 99.85% utilisation is far up slope 2.
        let spike = &d.carry.rate_paths[1].borrow_apr;
        assert!(
            spike.len() >= 3 && spike.iter().any(|p| p.apr > 0.09),
            "{spike:?}"
        );
    }

    #[test]
    fn every_default_figure_has_a_basis_and_bad_horizons_are_refused() {
        let d = risk_loop_default(2.0).unwrap();
        for path in [
            "leverage",
            "lrtYield",
            "liquidationThreshold",
            "ratePaths[1].probability",
        ] {
            assert!(d.notes.iter().any(|n| n.path == path), "{path}");
        }
        // The threshold is sourced, never badged an assumption.
        let theta = d
            .notes
            .iter()
            .find(|n| n.path == "liquidationThreshold")
            .unwrap();
        assert!(matches!(theta.basis, Basis::Source { .. }));
        assert_eq!(risk_loop_default(0.0).unwrap_err().field(), "horizonYears");
        assert_eq!(
            risk_loop_default(f64::NAN).unwrap_err().field(),
            "horizonYears"
        );
        // 100 years: the default steps grow to keep within 20,000.
        assert!(risk_loop_default(100.0).unwrap().carry.step_days.is_none());
    }
}
