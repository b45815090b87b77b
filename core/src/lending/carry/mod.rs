//! Carry of a looped position over a horizon: the debt accrues at the market's rate model
//! under a utilisation path while the collateral grows with the LRT's exchange rate.
//!
//! Per unit of own capital `E₀ = deposit·p₀` at leverage `λ`: collateral `C = deposit·λ` tokens,
//! debt `D₀ = E₀·(λ − 1)` ETH. The exchange rate grows as `p(t) = p₀·(1 + y)^(t/365)` (y an APY).
//! The horizon is cut into steps of `stepDays`; over each step the model gives the borrow APR at
//! the utilisation of the step's start (Aave's strategy; Morpho's IRM called with the step as
//! `elapsed`, its rate at target carried to the next step, as if the market were touched once a
//! step; or a fixed APR), and the debt grows by `1 + x + x²/2 + x³/6`, `x = APR·days/365` — the
//! polynomial of Aave's `MathUtils.calculateCompoundedInterest` and Morpho's `wTaylorCompounded`.
//!
//! - equity `E(t) = C·p(t) − D(t)`, net yield over the horizon `E(T)/E₀ − 1`, net APY
//!   `(E(T)/E₀)^(365/T) − 1` (−1 once the equity is gone);
//! - health factor `HF(t) = C·p(t)·θ / D(t)` (an exchange-rate oracle: only the rate and the
//!   debt move it);
//! - the break-even borrow APR: the constant rate at which `E(T) = E₀`, by bisection (the
//!   equity falls strictly as the rate rises);
//! - the day the health factor first falls to `healthFactorFloor` or below, if within the horizon.

mod path;
#[cfg(test)]
mod tests;

pub use path::{
    MAX_PATH_POINTS, UtilizationPath, UtilizationPoint, UtilizationPreset, weth_february_2026,
};

use serde::{Deserialize, Serialize};

use super::rate_model::{RateModel, utilization_wad};
use crate::interest::compounded_factor;
use crate::{Error, validate};

/// Most steps a carry may take (`horizonDays / stepDays`, rounded up): the work bound.
pub const MAX_CARRY_STEPS: usize = 20_000;

/// Debt beyond which a carry is refused rather than computed (1e100 ETH): far past any
/// liquidation, and it keeps every figure finite.
const MAX_DEBT_ETH: f64 = 1e100;

fn default_step_days() -> f64 {
    1.0
}

fn default_floor() -> f64 {
    1.0
}

/// A looped position and the market it borrows from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarryInput {
    /// Own capital deposited, LRT tokens, in `(0, 1e12]`.
    pub deposit: f64,
    /// The LRT's exchange rate today (the oracle price), ETH per token, in `0.01..=100`.
    pub exchange_rate: f64,
    /// Growth of the exchange rate, APY per year, fraction in `-1..=1`.
    pub lrt_yield: f64,
    /// Leverage λ = collateral value ÷ own capital at the start, ×, in `1..=100`.
    pub leverage: f64,
    /// Liquidation threshold θ of the market, fraction in `0.01..=0.99`.
    pub liquidation_threshold: f64,
    /// The borrow-rate model.
    pub rate_model: RateModel,
    /// The market's utilisation through the horizon.
    pub utilization: UtilizationPath,
    /// Horizon, days, in `0.01..=36500`.
    pub horizon_days: f64,
    /// Length of a step, days, in `0.01..=365`; 1 when omitted. At most 20,000 steps.
    #[serde(default = "default_step_days")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub step_days: f64,
    /// The health factor whose first crossing is reported, in `(0, 100]`; 1 (liquidation) when
    /// omitted.
    #[serde(default = "default_floor")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub health_factor_floor: f64,
}

/// The position at the end of a step.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CarryPoint {
    /// Day, from the start.
    pub day: f64,
    /// Utilisation the step's rate was read at, fraction.
    pub utilization: f64,
    /// Borrow APR over the step, per year, fraction.
    pub borrow_apr: f64,
    /// Collateral value `C·p(t)`, ETH.
    pub collateral_eth: f64,
    /// Debt, ETH.
    pub debt_eth: f64,
    /// Equity `C·p(t) − D(t)`, ETH.
    pub equity_eth: f64,
    /// Health factor `C·p(t)·θ / D(t)`; `null` without debt.
    pub health_factor: Option<f64>,
}

/// The carry over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CarryReport {
    /// Equity at the start, `deposit·p₀`, ETH.
    pub start_equity_eth: f64,
    /// Debt at the start, `E₀·(λ − 1)`, ETH.
    pub start_debt_eth: f64,
    /// Health factor at the start; `null` without debt.
    pub start_health_factor: Option<f64>,
    /// Each step's end, in order (the first at `stepDays`, the last at the horizon).
    pub points: Vec<CarryPoint>,
    /// `E(T)/E₀ − 1` over the horizon, fraction (not annualised).
    pub net_yield: f64,
    /// `(E(T)/E₀)^(365/T) − 1`, per year, fraction; −1 when the equity is gone.
    pub net_apy: f64,
    /// Highest borrow APR on the path, per year, fraction.
    pub max_borrow_apr: f64,
    /// The constant borrow APR at which the equity ends where it started, per year, fraction;
    /// `null` without debt, or when even a 0% rate loses (a falling exchange rate) or even 1,000%
    /// does not.
    pub break_even_borrow_apr: Option<f64>,
    /// First day the health factor is at or below `healthFactorFloor` (0 if it starts there, else
    /// the end of the first step that reaches it); `null` when it stays above it to the horizon.
    pub days_until_health_factor: Option<f64>,
    /// Steps taken.
    pub steps: u32,
}

impl CarryInput {
    /// Checks every field; errors name its path.
    pub fn validate(&self) -> Result<(), Error> {
        validate::in_range(
            "deposit",
            self.deposit,
            1e-9,
            1e12,
            "an amount of tokens in (0, 1e12]",
        )?;
        validate::in_range(
            "exchangeRate",
            self.exchange_rate,
            0.01,
            100.0,
            "ETH per token in 0.01..=100",
        )?;
        validate::in_range("lrtYield", self.lrt_yield, -1.0, 1.0, "an APY in -1..=1")?;
        validate::in_range(
            "leverage",
            self.leverage,
            1.0,
            100.0,
            "a leverage in 1..=100",
        )?;
        validate::in_range(
            "liquidationThreshold",
            self.liquidation_threshold,
            0.01,
            0.99,
            "a fraction in 0.01..=0.99",
        )?;
        self.rate_model.validate("rateModel")?;
        self.utilization.validate("utilization")?;
        validate::in_range(
            "horizonDays",
            self.horizon_days,
            0.01,
            36_500.0,
            "days in 0.01..=36500",
        )?;
        validate::in_range(
            "stepDays",
            self.step_days,
            0.01,
            365.0,
            "days in 0.01..=365",
        )?;
        validate::in_range(
            "healthFactorFloor",
            self.health_factor_floor,
            1e-6,
            100.0,
            "a health factor in (0, 100]",
        )?;
        let steps = (self.horizon_days / self.step_days).ceil();
        if steps > MAX_CARRY_STEPS as f64 {
            return Err(Error::OutOfRange {
                field: "stepDays".to_owned(),
                value: self.step_days,
                expected: format!(
                    "a step of at least horizonDays / {MAX_CARRY_STEPS} days ({} here)",
                    self.horizon_days / MAX_CARRY_STEPS as f64
                ),
            });
        }
        Ok(())
    }

    /// The step lengths in days: full steps, then what is left of the horizon.
    fn steps(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        let n = (self.horizon_days / self.step_days).ceil() as usize;
        (0..n).map(move |k| {
            let start = k as f64 * self.step_days;
            (start, self.step_days.min(self.horizon_days - start))
        })
    }

    fn price(&self, day: f64) -> f64 {
        self.exchange_rate * (1.0 + self.lrt_yield).powf(day / 365.0)
    }
}

/// Equity at the horizon when the debt accrues at the constant `apr`.
fn end_equity_at(input: &CarryInput, apr: f64, collateral: f64, debt: f64) -> f64 {
    let d = input
        .steps()
        .fold(debt, |d, (_, len)| d * compounded_factor(apr, len / 365.0));
    collateral * input.price(input.horizon_days) - d
}

fn break_even(input: &CarryInput, collateral: f64, debt: f64, e0: f64) -> Option<f64> {
    if debt <= 0.0 {
        return None;
    }
    let gain = |r: f64| end_equity_at(input, r, collateral, debt) - e0;
    let (mut lo, mut hi) = (0.0, 10.0);
    if gain(lo) < 0.0 || gain(hi) > 0.0 {
        return None;
    }
    // 64 halvings of [0, 10] reach the f64 resolution of the rate.
    for _ in 0..64 {
        let mid = 0.5 * (lo + hi);
        if gain(mid) >= 0.0 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

/// Runs the carry. See the module docs for the formulas.
///
/// ```
/// use restake_core::lending::carry::*;
/// use restake_core::lending::rate_model::RateModel;
/// // 10× at a fixed 2.45% for a year in one step, the LRT earning 3%: the debt of 9 ETH grows
/// // by 1 + x + x²/2 + x³/6 (x = 0.0245) to 9.2232, the collateral to 10.3 ETH.
/// let r = carry(&CarryInput {
///     deposit: 1.0, exchange_rate: 1.0, lrt_yield: 0.03, leverage: 10.0,
///     liquidation_threshold: 0.95, rate_model: RateModel::Fixed { apr: 0.0245 },
///     utilization: UtilizationPath::Constant { utilization: 0.9 },
///     horizon_days: 365.0, step_days: 365.0, health_factor_floor: 1.0,
/// }).unwrap();
/// let debt = 9.0 * (1.0 + 0.0245 + 0.0245f64.powi(2) / 2.0 + 0.0245f64.powi(3) / 6.0);
/// assert!((r.points[0].debt_eth - debt).abs() < 1e-12);
/// assert!((r.net_yield - (10.3 - debt - 1.0)).abs() < 1e-12);
/// ```
pub fn carry(input: &CarryInput) -> Result<CarryReport, Error> {
    input.validate()?;
    let e0 = input.deposit * input.exchange_rate;
    let collateral = input.deposit * input.leverage;
    let d0 = e0 * (input.leverage - 1.0);
    let theta = input.liquidation_threshold;
    let health = |c_eth: f64, d: f64| (d > 0.0).then(|| c_eth * theta / d);
    let mut rat = input.rate_model.start_rate_at_target().unwrap_or(0);
    let mut debt = d0;
    let mut points = Vec::new();
    let mut max_apr: f64 = 0.0;
    let start_hf = health(collateral * input.exchange_rate, d0);
    let mut crossed = start_hf
        .is_some_and(|h| h <= input.health_factor_floor)
        .then_some(0.0);
    for (start, len) in input.steps() {
        let u = input.utilization.at(start);
        let u_wad = utilization_wad("utilization", u)?;
        // A step is at most 365 days = 31,536,000 s: exact in u64.
        let seconds = (len * 86_400.0).round() as u64;
        let (apr, next) = input.rate_model.step(u_wad, seconds, rat);
        rat = next;
        max_apr = max_apr.max(apr);
        debt *= compounded_factor(apr, len / 365.0);
        if debt > MAX_DEBT_ETH {
            return Err(Error::OutOfRange {
                field: "horizonDays".to_owned(),
                value: input.horizon_days,
                expected: format!(
                    "a horizon over which the debt stays below 1e100 ETH at these rates (day {start} passes it)"
                ),
            });
        }
        let day = start + len;
        let collateral_eth = collateral * input.price(day);
        let hf = health(collateral_eth, debt);
        if crossed.is_none() && hf.is_some_and(|h| h <= input.health_factor_floor) {
            crossed = Some(day);
        }
        points.push(CarryPoint {
            day,
            utilization: u,
            borrow_apr: apr,
            collateral_eth,
            debt_eth: debt,
            equity_eth: collateral_eth - debt,
            health_factor: hf,
        });
    }
    let end = points.last().map_or(e0, |p| p.equity_eth);
    let ratio = end / e0;
    // T ≥ 0.01 day and λ ≤ 100 keep (E(T)/E₀)^(365/T) below e^70: finite.
    let net_apy = if ratio > 0.0 {
        ratio.powf(365.0 / input.horizon_days) - 1.0
    } else {
        -1.0
    };
    let report = CarryReport {
        start_equity_eth: e0,
        start_debt_eth: d0,
        start_health_factor: start_hf,
        steps: points.len() as u32,
        points,
        net_yield: ratio - 1.0,
        net_apy,
        max_borrow_apr: max_apr,
        break_even_borrow_apr: break_even(input, collateral, d0, e0),
        days_until_health_factor: crossed,
    };
    if !(report.net_yield.is_finite() && report.net_apy.is_finite()) {
        return Err(Error::Invariant {
            field: "carry".to_owned(),
            message: "the equity left the range of f64".to_owned(),
        });
    }
    Ok(report)
}
