//! From APR to APY and to the value of a deposit: how often rewards are added to the stake.
//!
//! With `n` compounding periods a year, `APY = (1 + APR/n)^n − 1`; continuously,
//! `APY = e^APR − 1`, the limit as `n → ∞`. For `APR ≥ 0` the APY rises with `n` and never
//! exceeds `e^APR − 1`. A deposit `D` held `T` years grows to `D · (1 + APR/n)^(n·T)`, i.e.
//! `D · (1 + APY)^T`. Powers are computed as `exp(n · ln(1 + APR/n))` so large `n` stay exact.

use serde::{Deserialize, Serialize};

use crate::Error;

/// Largest number of compounding periods a year accepted (about one per second).
pub const MAX_PERIODS_PER_YEAR: u32 = 31_557_600;

/// How often rewards are compounded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Compounding {
    /// `periodsPerYear` times a year, `1..=31,557,600` (1 = yearly, 365 = daily).
    Periodic {
        /// Compounding periods per year, a whole number ≥ 1.
        periods_per_year: u32,
    },
    /// Continuously: `APY = e^APR − 1`.
    Continuous,
}

impl Compounding {
    /// Checks the period count (`field` is the path, e.g. `compounding.periodsPerYear`).
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        match *self {
            Compounding::Periodic { periods_per_year }
                if !(1..=MAX_PERIODS_PER_YEAR).contains(&periods_per_year) =>
            {
                Err(Error::OutOfRange {
                    field: field.to_owned(),
                    value: f64::from(periods_per_year),
                    expected: "a whole number of periods in 1..=31557600".to_owned(),
                })
            }
            _ => Ok(()),
        }
    }

    /// Growth factor over `years` at `apr` (fraction per year, > −1 per period):
    /// `(1 + apr/n)^(n·years)` or `e^(apr·years)`.
    pub fn growth(&self, apr: f64, years: f64) -> f64 {
        match *self {
            Compounding::Periodic { periods_per_year } => {
                let n = f64::from(periods_per_year);
                (n * years * (apr / n).ln_1p()).exp()
            }
            Compounding::Continuous => (apr * years).exp(),
        }
    }

    /// `APY = growth over one year − 1`, fraction per year.
    ///
    /// # Example
    /// ```
    /// use restake_core::yield_stack::compounding::Compounding;
    /// // 12% APR monthly: 1.01^12 − 1 = 12.6825%; continuously: e^0.12 − 1 = 12.7497%.
    /// let monthly = Compounding::Periodic { periods_per_year: 12 };
    /// assert!((monthly.apy(0.12) - 0.126825).abs() < 1e-6);
    /// assert!((Compounding::Continuous.apy(0.12) - 0.127497).abs() < 1e-6);
    /// ```
    pub fn apy(&self, apr: f64) -> f64 {
        match *self {
            Compounding::Periodic { periods_per_year } => {
                let n = f64::from(periods_per_year);
                (n * (apr / n).ln_1p()).exp_m1()
            }
            Compounding::Continuous => apr.exp_m1(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_compounding_is_the_apr_and_deposits_grow() {
        let yearly = Compounding::Periodic {
            periods_per_year: 1,
        };
        assert!((yearly.apy(0.05) - 0.05).abs() < 1e-15);
        // 100 ETH at 10% compounded yearly for 2 years: 100 · 1.1² = 121 ETH.
        assert!((100.0 * yearly.growth(0.10, 2.0) - 121.0).abs() < 1e-9);
        // Daily at 3.65%: (1 + 0.0001)^365 − 1 = 3.7172%.
        let daily = Compounding::Periodic {
            periods_per_year: 365,
        };
        assert!((daily.apy(0.0365) - 0.037172).abs() < 1e-6);
    }

    #[test]
    fn rejects_zero_periods() {
        let e = Compounding::Periodic {
            periods_per_year: 0,
        }
        .validate("compounding.periodsPerYear")
        .unwrap_err();
        assert_eq!(e.field(), "compounding.periodsPerYear");
        assert!(Compounding::Continuous.validate("c").is_ok());
    }
}
