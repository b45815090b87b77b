//! A loop on the user's positions inside the Monte Carlo: each path draws one utilisation path
//! of the borrow market, so the tails include carry losses as well as slashing.
//!
//! Every position is looped at leverage `λ` against one market (own capital `E₀` = the position's
//! ETH, collateral `λ·E₀` in the same LRT, debt `(λ − 1)·E₀` ETH). A rate path is the market's
//! borrow APR through the horizon, piecewise constant (`borrowApr`; build one from a utilisation
//! path and a rate model with `scenario::borrow_rate_path`). Each rate path `r` is accrued once,
//! before any path, without slashing: the horizon `T = horizonYears·365` days is cut into steps of
//! `stepDays`, each step at the APR in force at its start, and the debt grows by
//! [`compounded_factor`] per step, as the carry engine does (`lending::carry`). That gives the
//! debt ratio `d_r = D(T)/E₀`; the exchange rate grows by `g = (1 + lrtYield)^(T/365)`. A path whose
//! slashing takes `f` of the positions' value (the `position` series) ends with
//!
//! `E(T)/E₀ = λ·g·(1 − f) − d_r`,  loss `= clamp(1 − E(T)/E₀, 0, 1)·E₀` ETH
//!
//! (a gain counts as no loss; the loss stops at the own capital). A slash scales the exchange
//! rate, so when it happens within the horizon does not change `E(T)`. The health factor at the
//! horizon is `λ·g·(1 − f)·θ / d_r`; a path where it is below 1 is counted in `underwaterPaths`.
//! The loss does not charge a liquidation bonus: it is the equity left if the loop were closed at
//! the horizon's prices.
//!
//! The rate path of path `i` comes from its own stream of `(seed, i)`, apart from the slashing
//! draws, so switching the loop on leaves every LRT's figures and the `position` series unchanged.

use serde::{Deserialize, Serialize};

use super::sampler::mix;
use super::stats::LossDistribution;
use crate::interest::compounded_factor;
use crate::{Error, validate};

/// Most rate paths of one loop.
pub const MAX_RATE_PATHS: usize = 16;

/// Most points of one rate path's `borrowApr`, and most steps over the horizon.
pub const MAX_RATE_STEPS: usize = 20_000;

/// Highest borrow APR a rate path may hold, per year, fraction: 1,000%, Aave's
/// `MAX_BORROW_RATE`.
pub const MAX_BORROW_APR: f64 = 10.0;

/// Debt ratio `D/E₀` beyond which a rate path is refused (1e100): far past any liquidation, and
/// it keeps every figure finite.
const MAX_DEBT_RATIO: f64 = 1e100;

/// How far the probabilities of the rate paths may sum from 1.
const PROBABILITY_SUM_TOLERANCE: f64 = 1e-9;

/// Salt of the rate-path stream, so it shares no state with a path's slashing stream.
const RATE_STREAM: u64 = 0x7261_7465_7061_7468; // "ratepath"

/// The borrow APR from a day on, until the next point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AprPoint {
    /// First day it applies, days from the run's start, in `0..=36500`.
    pub from_day: f64,
    /// Borrow APR, per year, fraction in `0..=10`.
    pub apr: f64,
}

/// One path of the market's borrow rate and the probability that a run follows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RatePath {
    /// A name for the report, 1..=80 characters (e.g. `calm`, `February 2026 spike`).
    pub name: String,
    /// Probability that a path follows it, fraction in `0..=1`; the probabilities of a loop sum
    /// to 1.
    pub probability: f64,
    /// The borrow APR, piecewise constant: 1..=20,000 points, the first from day 0, days
    /// strictly increasing; the last holds to the horizon.
    pub borrow_apr: Vec<AprPoint>,
}

/// A loop on every position: leverage, the market's liquidation threshold and its rate paths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskCarry {
    /// Leverage λ = collateral value ÷ own capital at the start, ×, in `1..=100`.
    pub leverage: f64,
    /// Growth of the LRT's exchange rate without slashing, APY per year, fraction in `-1..=1`.
    pub lrt_yield: f64,
    /// Liquidation threshold θ of the market, fraction in `0.01..=0.99`.
    pub liquidation_threshold: f64,
    /// The rate paths, 1..=16, with probabilities summing to 1.
    pub rate_paths: Vec<RatePath>,
    /// Length of a carry step, days, in `0.01..=365`, at most 20,000 steps over the horizon;
    /// omitted, one day, or the horizon over 20,000 when that is longer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub step_days: Option<f64>,
}

/// What one rate path does to the loop without slashing, and how many paths drew it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RatePathOutcome {
    /// The rate path's name.
    pub name: String,
    /// Its probability, fraction.
    pub probability: f64,
    /// Paths of the run that followed it.
    pub paths: u64,
    /// `e_r − 1`: the loop's net yield over the horizon without slashing, fraction (not
    /// annualised).
    pub net_yield: f64,
    /// The same per year, `e_r^(1/T) − 1` (`T` in years), fraction; −1 when the equity is gone;
    /// `null` when it is too large for a number (a short horizon at high leverage).
    pub net_apy: Option<f64>,
    /// Highest borrow APR on the path, per year, fraction.
    pub max_borrow_apr: f64,
    /// Health factor at the horizon without slashing, `λ·g·θ / d_r`; `null` without debt.
    pub end_health_factor: Option<f64>,
    /// First day the health factor is at or below 1 without slashing; `null` if never.
    pub days_until_liquidation: Option<f64>,
}

/// The loss distribution of the looped positions, in ETH of own capital.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LoopRisk {
    /// Own capital `E₀` (the positions' value), ETH.
    pub equity_eth: f64,
    /// Leverage λ, ×.
    pub leverage: f64,
    /// Loss `clamp(1 − E(T)/E₀, 0, 1)·E₀`, ETH, `0..=equityEth` (a gain counts as no loss).
    pub loss: LossDistribution,
    /// Mean net yield over the horizon with slashing and carry, `mean(E(T)/E₀) − 1`, fraction
    /// (not annualised; gains count).
    pub mean_net_yield: f64,
    /// Paths whose health factor at the horizon is below 1.
    pub underwater_paths: u64,
    /// Each rate path, in input order.
    pub rate_paths: Vec<RatePathOutcome>,
}

/// A rate path's precomputed effect.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RateEnd {
    /// `d_r`, the debt ratio.
    debt: f64,
    outcome: RatePathOutcome,
}

/// The loop, validated and precomputed: one [`RateEnd`] per rate path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CarryTable {
    leverage: f64,
    /// `λ·g`, collateral value at the horizon over `E₀` without slashing.
    collateral: f64,
    theta: f64,
    /// Upper ends of the cumulative probabilities; the last is 1.
    cumulative: Vec<f64>,
    ends: Vec<RateEnd>,
}

impl RiskCarry {
    /// Validates the loop (errors name `options.carry.…`) and runs each rate path's carry over
    /// `horizon_years`.
    pub(crate) fn table(&self, horizon_years: f64) -> Result<CarryTable, Error> {
        let f = "options.carry";
        let n = self.rate_paths.len();
        if !(1..=MAX_RATE_PATHS).contains(&n) {
            return Err(Error::OutOfRange {
                field: format!("{f}.ratePaths"),
                value: n as f64,
                expected: format!("1..={MAX_RATE_PATHS} rate paths"),
            });
        }
        let mut cumulative = Vec::with_capacity(n);
        let mut sum = 0.0;
        for (i, p) in self.rate_paths.iter().enumerate() {
            let name = p.name.trim();
            if name.is_empty() || name.chars().count() > 80 {
                return Err(Error::InvalidText {
                    field: format!("{f}.ratePaths[{i}].name"),
                    value: p.name.chars().take(80).collect(),
                    reason: "must be 1..=80 characters".to_owned(),
                });
            }
            sum += validate::fraction(&format!("{f}.ratePaths[{i}].probability"), p.probability)?;
            cumulative.push(sum);
        }
        if (sum - 1.0).abs() > PROBABILITY_SUM_TOLERANCE {
            return Err(Error::OutOfRange {
                field: format!("{f}.ratePaths"),
                value: sum,
                expected: "probabilities that sum to 1".to_owned(),
            });
        }
        // The last bucket ends at 1 exactly, so every uniform in [0, 1) falls in one.
        if let Some(last) = cumulative.last_mut() {
            *last = 1.0;
        }
        let leverage = validate::in_range(
            &format!("{f}.leverage"),
            self.leverage,
            1.0,
            100.0,
            "a leverage in 1..=100",
        )?;
        validate::in_range(
            &format!("{f}.lrtYield"),
            self.lrt_yield,
            -1.0,
            1.0,
            "an APY in -1..=1",
        )?;
        let theta = validate::in_range(
            &format!("{f}.liquidationThreshold"),
            self.liquidation_threshold,
            0.01,
            0.99,
            "a fraction in 0.01..=0.99",
        )?;
        let horizon_days = horizon_years * 365.0;
        let step = match self.step_days {
            Some(step) => validate::in_range(
                &format!("{f}.stepDays"),
                step,
                0.01,
                365.0,
                "days in 0.01..=365",
            )?,
            None => (horizon_days / MAX_RATE_STEPS as f64).max(1.0),
        };
        let steps = (horizon_days / step).ceil();
        if steps > MAX_RATE_STEPS as f64 {
            return Err(Error::OutOfRange {
                field: format!("{f}.stepDays"),
                value: step,
                expected: format!(
                    "a step of at least horizon / {MAX_RATE_STEPS} days ({} here)",
                    horizon_days / MAX_RATE_STEPS as f64
                ),
            });
        }
        let growth = |day: f64| (1.0 + self.lrt_yield).powf(day / 365.0);
        let collateral = leverage * growth(horizon_days);
        let mut ends = Vec::with_capacity(n);
        for (i, p) in self.rate_paths.iter().enumerate() {
            let field = format!("{f}.ratePaths[{i}].borrowApr");
            check_points(&field, &p.borrow_apr)?;
            let d0 = leverage - 1.0;
            let hf = |day: f64, d: f64| (d > 0.0).then(|| leverage * growth(day) * theta / d);
            let mut debt = d0;
            let mut max_apr: f64 = 0.0;
            let mut crossed = hf(0.0, d0).is_some_and(|h| h <= 1.0).then_some(0.0);
            let mut at = 0;
            for k in 0..steps as usize {
                let start = k as f64 * step;
                let len = step.min(horizon_days - start);
                while at + 1 < p.borrow_apr.len() && p.borrow_apr[at + 1].from_day <= start {
                    at += 1;
                }
                let apr = p.borrow_apr[at].apr;
                max_apr = max_apr.max(apr);
                debt *= compounded_factor(apr, len / 365.0);
                if debt > MAX_DEBT_RATIO {
                    return Err(Error::OutOfRange {
                        field,
                        value: apr,
                        expected: format!(
                            "rates at which the debt stays below 1e100 times the own capital (day {start} passes it)"
                        ),
                    });
                }
                if crossed.is_none() && hf(start + len, debt).is_some_and(|h| h <= 1.0) {
                    crossed = Some(start + len);
                }
            }
            let equity = collateral - debt;
            ends.push(RateEnd {
                debt,
                outcome: RatePathOutcome {
                    name: p.name.trim().to_owned(),
                    probability: p.probability,
                    paths: 0,
                    net_yield: equity - 1.0,
                    net_apy: if equity > 0.0 {
                        Some(equity.powf(1.0 / horizon_years) - 1.0).filter(|a| a.is_finite())
                    } else {
                        Some(-1.0)
                    },
                    max_borrow_apr: max_apr,
                    end_health_factor: hf(horizon_days, debt),
                    days_until_liquidation: crossed,
                },
            });
        }
        Ok(CarryTable {
            leverage,
            collateral,
            theta,
            cumulative,
            ends,
        })
    }
}

/// Checks a rate path's points: 1..=20,000, the first from day 0, days strictly increasing in
/// `0..=36500`, each APR in `0..=10`. Errors name `{field}[k].…`.
fn check_points(field: &str, points: &[AprPoint]) -> Result<(), Error> {
    if points.is_empty() || points.len() > MAX_RATE_STEPS {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: points.len() as f64,
            expected: format!("1..={MAX_RATE_STEPS} points"),
        });
    }
    let mut last = -1.0;
    for (k, p) in points.iter().enumerate() {
        let day = validate::in_range(
            &format!("{field}[{k}].fromDay"),
            p.from_day,
            0.0,
            36_500.0,
            "a day in 0..=36500",
        )?;
        if (k == 0 && day != 0.0) || day <= last {
            return Err(Error::OutOfRange {
                field: format!("{field}[{k}].fromDay"),
                value: day,
                expected: if k == 0 {
                    "0: the first point starts the run".to_owned()
                } else {
                    format!("a day after the previous point's {last}")
                },
            });
        }
        last = day;
        validate::in_range(
            &format!("{field}[{k}].apr"),
            p.apr,
            0.0,
            MAX_BORROW_APR,
            "an APR in 0..=10 (1,000%)",
        )?;
    }
    Ok(())
}

impl CarryTable {
    /// Number of rate paths.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The rate path of path `path` in a run seeded with `seed`: a uniform `u` in `[0, 1)` from
    /// the path's rate stream, then the first `r` with `u < cumulative[r]`.
    pub fn draw(&self, seed: u64, path: u64) -> usize {
        let bits = mix(mix(path ^ mix(seed ^ RATE_STREAM)) ^ RATE_STREAM);
        let u = (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
        self.cumulative
            .iter()
            .position(|&c| u < c)
            .unwrap_or(self.cumulative.len() - 1)
    }

    /// `E(T)/E₀` on rate path `r` when slashing took `f` of the positions' value.
    pub fn end_equity(&self, r: usize, f: f64) -> f64 {
        self.collateral * (1.0 - f) - self.ends[r].debt
    }

    /// The loss as a fraction of own capital, `clamp(1 − E(T)/E₀, 0, 1)`.
    pub fn loss(&self, r: usize, f: f64) -> f64 {
        (1.0 - self.end_equity(r, f)).clamp(0.0, 1.0)
    }

    /// Whether the health factor at the horizon, `λ·g·(1 − f)·θ / d_r`, is below 1.
    pub fn underwater(&self, r: usize, f: f64) -> bool {
        let d = self.ends[r].debt;
        d > 0.0 && self.collateral * (1.0 - f) * self.theta < d
    }

    /// The report: the loss distribution (ETH), the mean net yield from the rate paths' counts
    /// and the positions' mean slashing fraction `mean_f`, and the rate paths.
    pub fn report(
        &self,
        equity_eth: f64,
        loss: LossDistribution,
        counts: &[u64],
        underwater: u64,
        mean_f: f64,
    ) -> LoopRisk {
        let n: u64 = counts.iter().sum();
        let n = n.max(1) as f64;
        // mean(E(T)/E₀) = Σ_r (count_r / n)·(λg − d_r) − λg·mean(f).
        let mean_end = self
            .ends
            .iter()
            .zip(counts)
            .map(|(e, &c)| c as f64 / n * (self.collateral - e.debt))
            .sum::<f64>()
            - self.collateral * mean_f;
        LoopRisk {
            equity_eth,
            leverage: self.leverage,
            loss,
            mean_net_yield: mean_end - 1.0,
            underwater_paths: underwater,
            rate_paths: self
                .ends
                .iter()
                .zip(counts)
                .map(|(e, &c)| RatePathOutcome {
                    paths: c,
                    ..e.outcome.clone()
                })
                .collect(),
        }
    }
}
