//! The Leverage page's carry in the document (`leverage.carry`): the rate model, the utilisation
//! path, the horizon, the step and the health-factor floor. The position itself is the section's
//! loop, so a carry is always of the loop the page shows.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::lending::carry::{CarryInput, CarryReport, UtilizationPath, carry};
use crate::lending::rate_model::RateModel;
use crate::lending::{LeverageInput, LeverageReport};

fn one() -> f64 {
    1.0
}

/// The carry of the loop over a horizon; JSON key `leverage.carry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarrySection {
    /// The borrow-rate model; omitted = the loop's `borrowRate` as a fixed APR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub rate_model: Option<RateModel>,
    /// The borrowed asset's utilisation through the horizon.
    pub utilization: UtilizationPath,
    /// Horizon, days, in `0.01..=36500`.
    pub horizon_days: f64,
    /// Length of a step, days, in `0.01..=365`; 1 when omitted (at most 20,000 steps).
    #[serde(default = "one")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub step_days: f64,
    /// The health factor whose first crossing is reported, in `(0, 100]`; 1 when omitted.
    #[serde(default = "one")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub health_factor_floor: f64,
}

impl CarrySection {
    /// The carry engine's input for the loop `l` and its report `r`: own capital `l.deposit`
    /// tokens at `l.price`, the loop's leverage λ, the market's threshold θ and the LRT's yield;
    /// the section's model, or the loop's borrow rate fixed.
    pub fn input(&self, l: &LeverageInput, r: &LeverageReport) -> CarryInput {
        CarryInput {
            deposit: l.deposit,
            exchange_rate: l.price,
            lrt_yield: l.lrt_yield,
            leverage: r.leverage,
            liquidation_threshold: l.market.liquidation_threshold,
            rate_model: self
                .rate_model
                .unwrap_or(RateModel::Fixed { apr: l.borrow_rate }),
            utilization: self.utilization.clone(),
            horizon_days: self.horizon_days,
            step_days: self.step_days,
            health_factor_floor: self.health_factor_floor,
        }
    }

    /// Checks the section's own fields (model, path, horizon, step, floor and the step bound)
    /// without running anything; errors name the carry engine's paths (`utilization.after`,
    /// `horizonDays`). The position's fields are the loop's, checked with it.
    pub fn validate(&self) -> Result<(), Error> {
        // A neutral position (1 token at 1 ETH, no leverage): only the section's fields can fail.
        CarryInput {
            deposit: 1.0,
            exchange_rate: 1.0,
            lrt_yield: 0.0,
            leverage: 1.0,
            liquidation_threshold: 0.5,
            rate_model: self.rate_model.unwrap_or(RateModel::Fixed { apr: 0.0 }),
            utilization: self.utilization.clone(),
            horizon_days: self.horizon_days,
            step_days: self.step_days,
            health_factor_floor: self.health_factor_floor,
        }
        .validate()
    }

    /// The carry of loop `l` (report `r`) under this section.
    pub fn run(&self, l: &LeverageInput, r: &LeverageReport) -> Result<CarryReport, Error> {
        carry(&self.input(l, r))
    }
}
