//! Interest-rate models exactly as deployed, in the contracts' own integer arithmetic, and the
//! `f64` view the carry engine and the charts use.
//!
//! - [`aave`]: Aave v3's `DefaultReserveInterestRateStrategyV2` (rates APR in ray, data in bps).
//! - [`morpho`]: Morpho's AdaptiveCurveIRM with `ExpLib.wExp` (rates per second in WAD).
//! - [`compound`]: how each protocol compounds a rate over time (`MathUtils`,
//!   `wTaylorCompounded`).
//! - [`int_text`]: contract integers as decimal strings in JSON.
//! - [`presets`]: sourced rate data (Aave Core WETH) and the IRM's constants.

pub mod aave;
pub mod compound;
pub mod int_text;
pub mod morpho;
pub mod presets;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::wad::fraction_to_wad;
use aave::AaveRateData;
use morpho::{AdaptiveCurveInput, MAX_RATE_AT_TARGET, MIN_RATE_AT_TARGET, SECONDS_PER_YEAR, WAD};

/// The borrow-rate model of a market, as the carry engine and the rate chart read it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum RateModel {
    /// A borrow rate that does not depend on utilisation, APR per year, fraction in `0..=10`.
    Fixed {
        /// The borrow rate, APR, fraction.
        apr: f64,
    },
    /// Aave v3's reserve strategy with this rate data (bps, as `getInterestRateDataBps`).
    Aave {
        /// The reserve's rate data.
        data: AaveRateData,
    },
    /// Morpho's AdaptiveCurveIRM starting from this rate at target.
    AdaptiveCurve {
        /// The market's rate at target at the start, APR per year, fraction in `0.001..=2` (the
        /// contract's bounds); converted to the per-second WAD `⌊apr·1e18 / 31,536,000⌋`.
        rate_at_target_apr: f64,
    },
}

/// Points of [`RateModel::curve`]: utilisation 0%, 1%, …, 100%.
pub const CURVE_POINTS: usize = 101;

/// One point of a rate curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RatePoint {
    /// Utilisation, fraction.
    pub utilization: f64,
    /// Borrow rate at it now, APR per year, fraction.
    pub borrow_apr: f64,
}

/// A utilisation in `0..=1` as the exact WAD of its decimal digits (errors name `field`).
pub fn utilization_wad(field: &str, u: f64) -> Result<u128, Error> {
    fraction_to_wad(field, u)
}

impl RateModel {
    /// Checks the model's fields; errors name `{field}.…`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        match self {
            RateModel::Fixed { apr } => {
                crate::validate::in_range(
                    &format!("{field}.apr"),
                    *apr,
                    0.0,
                    10.0,
                    "an APR in 0..=10 (0–1,000% per year)",
                )?;
            }
            RateModel::Aave { data } => data.validate(&format!("{field}.data"))?,
            RateModel::AdaptiveCurve { rate_at_target_apr } => {
                crate::validate::in_range(
                    &format!("{field}.rateAtTargetApr"),
                    *rate_at_target_apr,
                    0.001,
                    2.0,
                    "an APR in 0.001..=2 (the IRM's MIN/MAX_RATE_AT_TARGET, 0.1%–200% per year)",
                )?;
            }
        }
        Ok(())
    }

    /// The model's starting rate at target as the contract stores it (per-second WAD, within
    /// its bounds); `None` for the other models.
    pub fn start_rate_at_target(&self) -> Option<i128> {
        match self {
            RateModel::AdaptiveCurve { rate_at_target_apr } => {
                // apr ≤ 2 was checked: apr·1e18 ≤ 2e18 converts exactly enough and fits.
                let per_year = (rate_at_target_apr * WAD as f64).round() as i128;
                Some((per_year / SECONDS_PER_YEAR).clamp(MIN_RATE_AT_TARGET, MAX_RATE_AT_TARGET))
            }
            _ => None,
        }
    }

    /// The borrow rate at utilisation `u` (WAD) right now — no time elapsed — APR per year:
    /// the fixed APR; Aave's strategy at borrow usage `u`; the adaptive curve at the starting
    /// rate at target. The rate-curve chart draws this.
    ///
    /// ```
    /// use restake_core::lending::rate_model::RateModel;
    /// let m = RateModel::AdaptiveCurve { rate_at_target_apr: 0.04 };
    /// // At 100% utilisation the curve is 4 × the rate at target: 16% APR (integer-rounded).
    /// let r = m.borrow_apr_now(10u128.pow(18));
    /// assert!((r - 0.16).abs() < 1e-9);
    /// ```
    pub fn borrow_apr_now(&self, u: u128) -> f64 {
        self.step(u, 0, self.start_rate_at_target().unwrap_or(0)).0
    }

    /// The borrow APR against utilisation, at 0%, 1%, …, 100% ([`RateModel::borrow_apr_now`]):
    /// what the rate-curve chart draws. Errors name `{field}.…` of an invalid model.
    ///
    /// ```
    /// use restake_core::lending::rate_model::presets::rate_model_presets;
    /// let c = rate_model_presets()[0].model.curve("model").unwrap();
    /// assert_eq!(c.len(), 101);
    /// assert!((c[94].borrow_apr - 0.0245).abs() < 1e-15); // the kink at 94%
    /// ```
    pub fn curve(&self, field: &str) -> Result<Vec<RatePoint>, Error> {
        self.validate(field)?;
        Ok((0..CURVE_POINTS as u128)
            .map(|k| {
                let u = k * (WAD as u128) / (CURVE_POINTS as u128 - 1);
                RatePoint {
                    utilization: k as f64 / (CURVE_POINTS - 1) as f64,
                    borrow_apr: self.borrow_apr_now(u),
                }
            })
            .collect())
    }

    /// One step of `seconds` at utilisation `u` (WAD) from the stored rate at target `rat` (per
    /// second, WAD; ignored but by the adaptive curve): the APR the debt accrues at over the step
    /// and the rate at target after it. For the adaptive curve this is `borrowRate` called at the
    /// step's start with `elapsed = seconds` (Morpho Blue accrues at the returned average).
    pub fn step(&self, u: u128, seconds: u64, rat: i128) -> (f64, i128) {
        match self {
            RateModel::Fixed { apr } => (*apr, rat),
            RateModel::Aave { data } => (
                aave::ray_to_f64(data.variable_borrow_rate_at(u.saturating_mul(1_000_000_000))),
                rat,
            ),
            RateModel::AdaptiveCurve { .. } => {
                let input = AdaptiveCurveInput {
                    utilization: u.min(WAD as u128),
                    rate_at_target: rat,
                    elapsed: seconds.min(morpho::MAX_ELAPSED),
                };
                match morpho::adaptive_curve_borrow_rate(&input) {
                    Ok(r) => (r.avg_borrow_apr, r.end_rate_at_target),
                    // The inputs were clamped into the checked ranges above.
                    Err(_) => (0.0, rat),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
