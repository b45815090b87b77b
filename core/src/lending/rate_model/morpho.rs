//! Morpho's AdaptiveCurveIRM as deployed (morpho-org/morpho-blue-irm, commit read a1a87fd,
//! 2026-04-21: `src/adaptive-curve-irm/AdaptiveCurveIrm.sol`, `libraries/ConstantsLib.sol`,
//! `libraries/ExpLib.sol`, `libraries/MathLib.sol`; Ethereum `0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC`).
//!
//! Every rate is **per second, WAD** (1e18 = 100% per second); × 31,536,000 s it is an APR. With
//! utilisation `u` (WAD) and target `u* = 90%`:
//!
//! - `err = (u − u*) / (u > u* ? 1 − u* : u*)`, in `[−1, 1]` (`wDivToZero`);
//! - the curve around the rate at target `R`: `r = ((1 − 1/C)·err + 1)·R` below target,
//!   `((C − 1)·err + 1)·R` above it, `C = 4` (so `R/4` at 0% and `4R` at 100% utilisation);
//! - `R` adapts with the time `T` elapsed since the market's last update:
//!   `R_end = clamp(R_start·wExp(speed·T), MIN, MAX)`, `speed = 50/year × err`;
//! - Morpho Blue accrues interest at the **average** rate over `T`, approximated by the trapezoid
//!   rule with two intervals: `curve((R_start + R_end + 2·R_mid)/4, err)`, `R_mid` at `T/2`.
//!
//! Integer arithmetic as the contract's (`int256`, every product divided toward zero). `wExp` is
//! `2^q·(1 + r + r²/2)` with `x = q·ln 2 + r`; the model computes it in `i128`, exactly, until the
//! product with `R_start` exceeds what any clamp can return (then the result is `MAX`, as the
//! contract's `bound` gives).

use serde::{Deserialize, Serialize};

use super::int_text;
use crate::Error;

/// 1 WAD = 10^18.
pub const WAD: i128 = 1_000_000_000_000_000_000;
/// Seconds in a year as the contract counts them (`365 days`).
pub const SECONDS_PER_YEAR: i128 = 31_536_000;
/// `CURVE_STEEPNESS` = 4, WAD.
pub const CURVE_STEEPNESS: i128 = 4 * WAD;
/// `ADJUSTMENT_SPEED` = 50 per year, per second, WAD: `50e18 / 365 days`.
pub const ADJUSTMENT_SPEED: i128 = 50 * WAD / SECONDS_PER_YEAR;
/// `TARGET_UTILIZATION` = 90%, WAD.
pub const TARGET_UTILIZATION: i128 = 9 * WAD / 10;
/// `INITIAL_RATE_AT_TARGET` = 4% APR, per second, WAD: `0.04e18 / 365 days`.
pub const INITIAL_RATE_AT_TARGET: i128 = 4 * WAD / 100 / SECONDS_PER_YEAR;
/// `MIN_RATE_AT_TARGET` = 0.1% APR, per second, WAD.
pub const MIN_RATE_AT_TARGET: i128 = WAD / 1000 / SECONDS_PER_YEAR;
/// `MAX_RATE_AT_TARGET` = 200% APR, per second, WAD.
pub const MAX_RATE_AT_TARGET: i128 = 2 * WAD / SECONDS_PER_YEAR;
/// `ExpLib.LN_2_INT`: ln 2, WAD.
pub const LN_2_INT: i128 = 693_147_180_559_945_309;
/// `ExpLib.LN_WEI_INT`: ln(1e−18), WAD; below it `wExp` is 0.
pub const LN_WEI_INT: i128 = -41_446_531_673_892_822_312;
/// Longest time between two updates the model takes, seconds (100 years): bounds `speed·T`.
pub const MAX_ELAPSED: u64 = 3_153_600_000;

/// One call of the IRM: the market's utilisation, its stored rate at target and the seconds
/// since its last update (what `borrowRateView` reads from `market` and storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdaptiveCurveInput {
    /// Utilisation `totalBorrowAssets.wDivDown(totalSupplyAssets)`, WAD in `0..=1e18`, as a
    /// decimal string.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub utilization: u128,
    /// `rateAtTarget(id)` before the call, per second, WAD, as a decimal string: 0 for a market
    /// never touched (the contract then uses `INITIAL_RATE_AT_TARGET`), otherwise in
    /// `MIN_RATE_AT_TARGET..=MAX_RATE_AT_TARGET` (the only values it can store).
    #[serde(with = "int_text::signed")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub rate_at_target: i128,
    /// Seconds since the market's last update, `0..=3,153,600,000` (100 years).
    pub elapsed: u64,
}

/// What the IRM computes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AdaptiveCurveRates {
    /// The average borrow rate over `elapsed`, the value `borrowRate` returns to Morpho Blue,
    /// per second, WAD.
    #[serde(with = "int_text::signed")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub avg_borrow_rate: i128,
    /// The borrow rate at the end of `elapsed` (the curve at the new rate at target), per
    /// second, WAD.
    #[serde(with = "int_text::signed")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub end_borrow_rate: i128,
    /// The rate at target the contract stores, per second, WAD.
    #[serde(with = "int_text::signed")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub end_rate_at_target: i128,
    /// `avgBorrowRate × 31,536,000 / 1e18`: the average rate as APR, per year (display only).
    pub avg_borrow_apr: f64,
    /// `endBorrowRate` as APR, per year (display only).
    pub end_borrow_apr: f64,
    /// `endRateAtTarget` as APR, per year (display only).
    pub end_rate_at_target_apr: f64,
}

fn w_mul_to_zero(x: i128, y: i128) -> i128 {
    x * y / WAD
}

fn w_div_to_zero(x: i128, y: i128) -> i128 {
    x * WAD / y
}

/// Largest `wExp` value whose product with any stored rate at target (≤ `MAX_RATE_AT_TARGET`)
/// fits in `i128`; above it the clamped result is `MAX_RATE_AT_TARGET` for every start.
const EXP_SATURATION: i128 = i128::MAX / MAX_RATE_AT_TARGET;

/// `ExpLib.wExp(x)`: e^x in WAD, `2^q·(1 + r + r²/2)` with `x = q·ln 2 + r`, `|r| ≤ ln 2 / 2`;
/// 0 below `ln(1e−18)`. `None` when the value exceeds [`EXP_SATURATION`] (the caller then clamps
/// to the maximum, which is what the contract's 256-bit product and `bound` give).
///
/// ```
/// use restake_core::lending::rate_model::morpho::{w_exp, WAD, LN_2_INT};
/// assert_eq!(w_exp(0), Some(WAD));
/// assert_eq!(w_exp(LN_2_INT), Some(2 * WAD)); // q = 1, r = 0
/// assert_eq!(w_exp(-50 * WAD), Some(0));
/// ```
pub fn w_exp(x: i128) -> Option<i128> {
    if x < LN_WEI_INT {
        return Some(0);
    }
    let rounding = if x < 0 { -(LN_2_INT / 2) } else { LN_2_INT / 2 };
    let q = (x + rounding) / LN_2_INT;
    let r = x - q * LN_2_INT;
    let exp_r = WAD + r + r * r / WAD / 2;
    if q < 0 {
        // q ≥ −60 here (x ≥ ln 1e−18), exp_r > 0: an arithmetic shift as Solidity's `>>`.
        return Some(exp_r >> (-q));
    }
    // exp_r < 1.5e18 < 2^61: a shift by up to 60 fits in i128 before the saturation test. The
    // contract's own clip at WEXP_UPPER_BOUND (x ≈ 93.86) lies far above the saturation point.
    if q > 60 {
        return None;
    }
    let v = exp_r << q;
    (v <= EXP_SATURATION).then_some(v)
}

fn new_rate_at_target(start: i128, linear_adaptation: i128) -> i128 {
    match w_exp(linear_adaptation) {
        Some(e) => w_mul_to_zero(start, e).clamp(MIN_RATE_AT_TARGET, MAX_RATE_AT_TARGET),
        None => MAX_RATE_AT_TARGET,
    }
}

fn curve(rate_at_target: i128, err: i128) -> i128 {
    let coeff = if err < 0 {
        WAD - w_div_to_zero(WAD, CURVE_STEEPNESS)
    } else {
        CURVE_STEEPNESS - WAD
    };
    w_mul_to_zero(w_mul_to_zero(coeff, err) + WAD, rate_at_target)
}

fn apr(per_second_wad: i128) -> f64 {
    let per_year = per_second_wad * SECONDS_PER_YEAR;
    (per_year / WAD) as f64 + (per_year % WAD) as f64 / WAD as f64
}

/// `field.name`, or `name` at the root.
fn at(field: &str, name: &str) -> String {
    if field.is_empty() {
        name.to_owned()
    } else {
        format!("{field}.{name}")
    }
}

impl AdaptiveCurveInput {
    /// Utilisation as a fraction, `utilization / 1e18` (the WAD the contract computes).
    pub fn utilization_fraction(&self) -> f64 {
        self.utilization as f64 / WAD as f64
    }

    /// Utilisation at most 1e18, rate at target 0 or within the contract's bounds, elapsed at most
    /// 100 years; errors name `{field}.…`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        if self.utilization > WAD as u128 {
            return Err(Error::OutOfRange {
                field: at(field, "utilization"),
                value: self.utilization as f64,
                expected: "a WAD in 0..=1e18".to_owned(),
            });
        }
        let r = self.rate_at_target;
        if r != 0 && !(MIN_RATE_AT_TARGET..=MAX_RATE_AT_TARGET).contains(&r) {
            return Err(Error::OutOfRange {
                field: at(field, "rateAtTarget"),
                value: r as f64,
                expected: format!(
                    "0 (never updated) or a per-second WAD in {MIN_RATE_AT_TARGET}..={MAX_RATE_AT_TARGET}"
                ),
            });
        }
        if self.elapsed > MAX_ELAPSED {
            return Err(Error::OutOfRange {
                field: at(field, "elapsed"),
                value: self.elapsed as f64,
                expected: "seconds in 0..=3153600000 (100 years)".to_owned(),
            });
        }
        Ok(())
    }
}

/// `_borrowRate`: the average borrow rate Morpho Blue accrues at, the end rate and the new rate
/// at target (module docs). Errors name `utilization`, `rateAtTarget` or `elapsed`.
///
/// ```
/// use restake_core::lending::rate_model::morpho::*;
/// // At the target the curve is the rate at target and nothing adapts.
/// let at = adaptive_curve_borrow_rate(&AdaptiveCurveInput {
///     utilization: 9 * 10u128.pow(17), rate_at_target: INITIAL_RATE_AT_TARGET, elapsed: 86_400,
/// }).unwrap();
/// assert_eq!(at.avg_borrow_rate, INITIAL_RATE_AT_TARGET);
/// // Fully utilised, first interaction: 4 × the initial 4% = 16% APR (to the integer).
/// let full = adaptive_curve_borrow_rate(&AdaptiveCurveInput {
///     utilization: 10u128.pow(18), rate_at_target: 0, elapsed: 0,
/// }).unwrap();
/// assert_eq!(full.avg_borrow_rate, 4 * INITIAL_RATE_AT_TARGET);
/// ```
pub fn adaptive_curve_borrow_rate(input: &AdaptiveCurveInput) -> Result<AdaptiveCurveRates, Error> {
    input.validate("")?;
    // utilization ≤ 1e18 was checked: the casts are exact.
    let u = input.utilization as i128;
    let norm = if u > TARGET_UTILIZATION {
        WAD - TARGET_UTILIZATION
    } else {
        TARGET_UTILIZATION
    };
    let err = w_div_to_zero(u - TARGET_UTILIZATION, norm);
    let start = input.rate_at_target;
    let (avg, end) = if start == 0 {
        (INITIAL_RATE_AT_TARGET, INITIAL_RATE_AT_TARGET)
    } else {
        let speed = w_mul_to_zero(ADJUSTMENT_SPEED, err);
        // |speed| ≤ 1.6e12 and elapsed ≤ 3.2e9: |speed·T| ≤ 5.1e21.
        let linear = speed * i128::from(input.elapsed);
        if linear == 0 {
            (start, start)
        } else {
            let end = new_rate_at_target(start, linear);
            let mid = new_rate_at_target(start, linear / 2);
            ((start + end + 2 * mid) / 4, end)
        }
    };
    let (avg_rate, end_rate) = (curve(avg, err), curve(end, err));
    Ok(AdaptiveCurveRates {
        avg_borrow_rate: avg_rate,
        end_borrow_rate: end_rate,
        end_rate_at_target: end,
        avg_borrow_apr: apr(avg_rate),
        end_borrow_apr: apr(end_rate),
        end_rate_at_target_apr: apr(end),
    })
}

/// `utilization` of Morpho Blue's market totals, `totalBorrowAssets.wDivDown(totalSupplyAssets)`
/// (0 when nothing is supplied), WAD.
pub fn utilization_of(total_borrow_assets: u128, total_supply_assets: u128) -> Option<u128> {
    if total_supply_assets == 0 {
        return Some(0);
    }
    crate::wad::div_wad(total_borrow_assets, total_supply_assets)
}
