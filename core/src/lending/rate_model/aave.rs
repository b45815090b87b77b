//! Aave v3's reserve interest-rate strategy as deployed on Ethereum today:
//! `DefaultReserveInterestRateStrategyV2` of aave-dao/aave-v3-origin (v3.4 and later, commit
//! read fd1fbd9, 2026-06-19; one shared contract per pool holding each reserve's rate data —
//! Core `0x9ec6F08190DeA04A54f8Afc53Db96134e5E3FdFB`, aave-address-book `AaveV3Ethereum.sol`).
//!
//! Rate data are stored in basis points (`getInterestRateDataBps`) and used as rays
//! (`bps × 1e23`). All rates are **APR, per year, in ray** (1e27 = 100%); Aave compounds them
//! per second only when interest accrues ([`super::compound`]). With `U` = borrow usage:
//!
//! - `U = totalDebt.rayDiv(availableLiquidity + totalDebt)` (0 debt: borrow rate = base, supply 0);
//! - `U ≤ U*`: `r = base + slope1.rayMul(U).rayDiv(U*)`;
//! - `U > U*`: `r = base + slope1 + slope2.rayMul((U − U*).rayDiv(1 − U*))`;
//! - supply (liquidity) rate `= r.rayMul(supplyUsage).percentMul(10000 − reserveFactor)`, with
//!   `supplyUsage = totalDebt.rayDiv(availableLiquidity + totalDebt + unbacked)`.
//!
//! `rayMul`/`rayDiv`/`percentMul` round half up (`WadRayMath.sol`, `PercentageMath.sol`). The
//! older v3.0–v3.3 strategies give the same variable borrow rate when there is no stable debt
//! (their supply rate divides through the total debt once more, `(D·1e9).rayMul(r).rayDiv(D·1e9)`:
//! the same rate when the debt `D` is a whole number of tokens, else up to `⌊5e17/D⌋ + 1` ray
//! units off with `D` in wei, so 1 above half a token; tests/reference/checks/aave_pool.mjs
//! compares v3.0's deployed contract with this one).

use serde::{Deserialize, Serialize};

use super::int_text;
use crate::Error;
use crate::wad::{Rounding, mul_div};

/// 1 ray = 10^27 = 100%.
pub const RAY: u128 = 1_000_000_000_000_000_000_000_000_000;
/// `PercentageMath.PERCENTAGE_FACTOR`: 10,000 bps = 100%.
pub const PERCENTAGE_FACTOR: u128 = 10_000;
/// `MIN_OPTIMAL_POINT`, bps (1%).
pub const MIN_OPTIMAL_POINT: u32 = 100;
/// `MAX_OPTIMAL_POINT`, bps (99%).
pub const MAX_OPTIMAL_POINT: u32 = 9_900;
/// `MAX_BORROW_RATE`: base + slope1 + slope2 at most 1,000% APR, bps.
pub const MAX_BORROW_RATE: u32 = 100_000;
/// Most wei a reserve's amounts may hold here (1e36 wei = 1e18 tokens): keeps every ray
/// product inside the 256-bit intermediate.
pub const MAX_RESERVE_WEI: u128 = 1_000_000_000_000_000_000_000_000_000_000_000_000;

/// A reserve's rate data exactly as `getInterestRateDataBps(asset)` returns it: every field in
/// basis points (1 bps = 0.01%), the rates APR per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AaveRateData {
    /// Optimal usage ratio `U*` (the kink), bps in `100..=9900`.
    pub optimal_usage_ratio: u32,
    /// Base variable borrow rate, APR, bps.
    pub base_variable_borrow_rate: u32,
    /// Slope 1: the rate added from 0 to `U*`, APR, bps.
    pub variable_rate_slope1: u32,
    /// Slope 2: the rate added from `U*` to 100% usage, APR, bps, at least slope 1.
    pub variable_rate_slope2: u32,
}

/// A reserve's state as the pool passes it to `calculateInterestRates` (v3.4+ fields; amounts
/// in the asset's smallest unit, wei for WETH, as decimal strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AaveReserveState {
    /// Total variable debt, wei, `0..=1e36`.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub total_debt: u128,
    /// Liquidity the pool holds (`virtualUnderlyingBalance + liquidityAdded − liquidityTaken`),
    /// wei, `0..=1e36`.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub available_liquidity: u128,
    /// Unbacked supply plus the reserve's deficit (v3.4+ passes both), wei, `0..=1e36`.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub unbacked: u128,
    /// Reserve factor, bps in `0..=10000`.
    pub reserve_factor: u32,
}

/// What the strategy returns, and the usage ratios it computed on the way.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AaveRates {
    /// Variable borrow rate, APR, ray.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub variable_borrow_rate: u128,
    /// Supply (liquidity) rate, APR, ray.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub liquidity_rate: u128,
    /// Borrow usage ratio `U`, ray.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub borrow_usage_ratio: u128,
    /// Supply usage ratio, ray.
    #[serde(with = "int_text::unsigned")]
    #[cfg_attr(feature = "js", tsify(type = "string"))]
    pub supply_usage_ratio: u128,
    /// The variable borrow rate as a fraction per year (APR; display only).
    pub borrow_apr: f64,
    /// The supply rate as a fraction per year (APR; display only).
    pub supply_apr: f64,
}

fn ray_mul(a: u128, b: u128) -> Option<u128> {
    mul_div(a, b, RAY, Rounding::HalfUp)
}

fn ray_div(a: u128, b: u128) -> Option<u128> {
    mul_div(a, RAY, b, Rounding::HalfUp)
}

fn bps_to_ray(bps: u32) -> u128 {
    u128::from(bps) * 100_000_000_000_000_000_000_000
}

/// A ray as `f64` (display only): whole and fractional parts converted apart.
pub fn ray_to_f64(x: u128) -> f64 {
    (x / RAY) as f64 + (x % RAY) as f64 / RAY as f64
}

fn overflow(field: &str) -> Error {
    Error::Invariant {
        field: field.to_owned(),
        message: "a ray product left 128 bits".to_owned(),
    }
}

fn bps_range(field: &str, v: u32, lo: u32, hi: u32, expected: &str) -> Result<(), Error> {
    if (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(Error::OutOfRange {
            field: field.to_owned(),
            value: f64::from(v),
            expected: expected.to_owned(),
        })
    }
}

impl AaveRateData {
    /// The checks `_setInterestRateParams` makes (`INVALID_OPTIMAL_USAGE_RATIO`,
    /// `SLOPE_2_MUST_BE_GTE_SLOPE_1`, `INVALID_MAXRATE`); errors name `{field}.…`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        bps_range(
            &format!("{field}.optimalUsageRatio"),
            self.optimal_usage_ratio,
            MIN_OPTIMAL_POINT,
            MAX_OPTIMAL_POINT,
            "basis points in 100..=9900 (the contract's MIN/MAX_OPTIMAL_POINT)",
        )?;
        bps_range(
            &format!("{field}.variableRateSlope2"),
            self.variable_rate_slope2,
            self.variable_rate_slope1,
            MAX_BORROW_RATE,
            "basis points, at least variableRateSlope1 (SLOPE_2_MUST_BE_GTE_SLOPE_1)",
        )?;
        let max = u64::from(self.base_variable_borrow_rate)
            + u64::from(self.variable_rate_slope1)
            + u64::from(self.variable_rate_slope2);
        if max > u64::from(MAX_BORROW_RATE) {
            return Err(Error::OutOfRange {
                field: format!("{field}.baseVariableBorrowRate"),
                value: f64::from(self.base_variable_borrow_rate),
                expected: "basis points with base + slope1 + slope2 ≤ 100000 (INVALID_MAXRATE)"
                    .to_owned(),
            });
        }
        Ok(())
    }

    /// The variable borrow rate at borrow usage `usage` (ray, `0..=1e27`), APR in ray: the
    /// strategy's two segments (module docs). The caller checks `usage ≤ 1e27`.
    ///
    /// ```
    /// use restake_core::lending::rate_model::aave::{AaveRateData, RAY};
    /// let d = AaveRateData { optimal_usage_ratio: 9000, base_variable_borrow_rate: 0,
    ///     variable_rate_slope1: 270, variable_rate_slope2: 8000 };
    /// // At the kink: base + slope1 = 2.7% APR; halfway past it: 2.7% + 80%/2 = 42.7%.
    /// assert_eq!(d.variable_borrow_rate_at(RAY / 10 * 9), 27 * RAY / 1000);
    /// assert_eq!(d.variable_borrow_rate_at(RAY / 100 * 95), 427 * RAY / 1000);
    /// ```
    pub fn variable_borrow_rate_at(&self, usage: u128) -> u128 {
        let opt = bps_to_ray(self.optimal_usage_ratio);
        let base = bps_to_ray(self.base_variable_borrow_rate);
        let s1 = bps_to_ray(self.variable_rate_slope1);
        let s2 = bps_to_ray(self.variable_rate_slope2);
        // Every operand ≤ 1e27 and 1e27 ≤ opt ≤ 0.99e27 < RAY: the ray operations stay below
        // 1e30 and never fail (the `unwrap_or` arms are unreachable).
        if usage > opt {
            let excess = ray_div(usage - opt, RAY - opt).unwrap_or(RAY);
            base + s1 + ray_mul(s2, excess).unwrap_or(s2)
        } else {
            let part = ray_mul(s1, usage)
                .and_then(|x| ray_div(x, opt))
                .unwrap_or(s1);
            base + part
        }
    }
}

impl AaveReserveState {
    /// Amounts at most [`MAX_RESERVE_WEI`] (1e36), reserve factor at most 10,000 bps; errors
    /// name `{field}.…`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        for (name, v) in [
            ("totalDebt", self.total_debt),
            ("availableLiquidity", self.available_liquidity),
            ("unbacked", self.unbacked),
        ] {
            if v > MAX_RESERVE_WEI {
                return Err(Error::OutOfRange {
                    field: format!("{field}.{name}"),
                    value: v as f64,
                    expected: "an amount in 0..=1e36 of the asset's smallest unit".to_owned(),
                });
            }
        }
        bps_range(
            &format!("{field}.reserveFactor"),
            self.reserve_factor,
            0,
            10_000,
            "basis points in 0..=10000",
        )
    }
}

/// `calculateInterestRates` of the v3.4+ strategy: the variable borrow rate and the supply rate
/// (both APR, ray) for a reserve's state. Errors name `data.…` or `state.…`.
///
/// ```
/// use restake_core::lending::rate_model::aave::*;
/// let d = AaveRateData { optimal_usage_ratio: 9000, base_variable_borrow_rate: 0,
///     variable_rate_slope1: 270, variable_rate_slope2: 8000 };
/// // 90 borrowed of 100 supplied: U = 90%, r = 2.7%, supply = 2.7% × 0.9 × (1 − 15%).
/// let s = AaveReserveState { total_debt: 90, available_liquidity: 10, unbacked: 0,
///     reserve_factor: 1500 };
/// let r = calculate_interest_rates(&d, &s).unwrap();
/// assert_eq!(r.variable_borrow_rate, 27 * RAY / 1000);
/// assert_eq!(r.liquidity_rate, 20_655 * RAY / 1_000_000);
/// ```
pub fn calculate_interest_rates(
    data: &AaveRateData,
    state: &AaveReserveState,
) -> Result<AaveRates, Error> {
    data.validate("data")?;
    state.validate("state")?;
    let base = bps_to_ray(data.base_variable_borrow_rate);
    if state.total_debt == 0 {
        return Ok(rates(base, 0, 0, 0));
    }
    let plus_debt = state.available_liquidity + state.total_debt;
    let borrow_usage = ray_div(state.total_debt, plus_debt).ok_or_else(|| overflow("state"))?;
    let supply_usage =
        ray_div(state.total_debt, plus_debt + state.unbacked).ok_or_else(|| overflow("state"))?;
    let variable = data.variable_borrow_rate_at(borrow_usage);
    let liquidity = ray_mul(variable, supply_usage)
        .and_then(|x| {
            mul_div(
                x,
                PERCENTAGE_FACTOR - u128::from(state.reserve_factor),
                PERCENTAGE_FACTOR,
                Rounding::HalfUp,
            )
        })
        .ok_or_else(|| overflow("state"))?;
    Ok(rates(variable, liquidity, borrow_usage, supply_usage))
}

fn rates(variable: u128, liquidity: u128, borrow: u128, supply: u128) -> AaveRates {
    AaveRates {
        variable_borrow_rate: variable,
        liquidity_rate: liquidity,
        borrow_usage_ratio: borrow,
        supply_usage_ratio: supply,
        borrow_apr: ray_to_f64(variable),
        supply_apr: ray_to_f64(liquidity),
    }
}
