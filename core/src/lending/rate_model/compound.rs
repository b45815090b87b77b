//! How the two protocols turn a rate into interest over `n` seconds — both with the first
//! terms of `e^x = 1 + x + x²/2 + x³/6`, `x = rate × time`, each in its own integer arithmetic:
//!
//! - Aave v3 `MathUtils.calculateCompoundedInterest(rate, last, now)` (aave-dao/aave-v3-origin,
//!   `src/contracts/protocol/libraries/math/MathUtils.sol`): `rate` APR in ray,
//!   `x = rate·n / 31,536,000` (floor), factor `RAY + x + x.rayMul(x/2 + x.rayMul(x/6))`, ray;
//! - Morpho Blue `MathLib.wTaylorCompounded(x, n)` (morpho-org/morpho-blue
//!   `src/libraries/MathLib.sol`): `x` per second in WAD, interest (factor − 1)
//!   `f + f²/(2 WAD) + f²/(2 WAD)·f/(3 WAD)`, `f = x·n`, each division rounded down, WAD.
//!
//! [`crate::interest::compounded_factor`] is the same polynomial in `f64` for the carry engine, which steps the
//! debt once per step of its path as the contracts do at each interaction.

use super::aave::RAY;
use crate::wad::{Rounding, WAD, mul_div};

/// Seconds per year in both protocols (`365 days`, leap years ignored).
pub const SECONDS_PER_YEAR: u128 = 31_536_000;
/// Largest rate [`aave_compounded_interest`] takes: 1,000% APR (`MAX_BORROW_RATE`), ray.
pub const MAX_AAVE_RATE: u128 = 10 * RAY;
/// Longest interval either function takes, seconds (100 years).
pub const MAX_SECONDS: u128 = 3_153_600_000;
/// Largest per-second rate [`morpho_taylor_compounded`] takes, WAD: 4 × the IRM's maximum rate
/// at target (800% APR per second), the most the AdaptiveCurveIRM can return.
pub const MAX_MORPHO_RATE: u128 = 4 * 2 * WAD / SECONDS_PER_YEAR;

/// Aave's compounded-interest factor over `seconds` at APR `rate` (ray), ray; `None` when
/// `rate > 10 RAY` or `seconds > 100 years` (outside what the pool can hold).
///
/// ```
/// use restake_core::lending::rate_model::compound::*;
/// use restake_core::lending::rate_model::aave::RAY;
/// // 100% APR over a year: 1 + 1 + 1/2 + 1/6 = 2.6667 (e ≈ 2.7183).
/// assert_eq!(aave_compounded_interest(RAY, SECONDS_PER_YEAR), Some(RAY * 8 / 3));
/// assert_eq!(aave_compounded_interest(RAY, 0), Some(RAY));
/// ```
pub fn aave_compounded_interest(rate: u128, seconds: u128) -> Option<u128> {
    if rate > MAX_AAVE_RATE || seconds > MAX_SECONDS {
        return None;
    }
    if seconds == 0 {
        return Some(RAY);
    }
    let ray_mul = |a, b| mul_div(a, b, RAY, Rounding::HalfUp);
    // rate·n ≤ 1e28·3.2e9 needs the wide product; x ≤ 1e30 and x²/RAY ≤ 1e33 fit in u128.
    let x = mul_div(rate, seconds, SECONDS_PER_YEAR, Rounding::Down)?;
    let inner = x / 2 + ray_mul(x, x / 6)?;
    Some(RAY + x + ray_mul(x, inner)?)
}

/// Morpho Blue's interest over `seconds` at per-second rate `rate` (WAD): `wTaylorCompounded`,
/// factor − 1, WAD; `None` above [`MAX_MORPHO_RATE`] or 100 years.
///
/// ```
/// use restake_core::lending::rate_model::compound::morpho_taylor_compounded;
/// // 1e-9 per second for 1e9 s: x = 1 → 1 + 1/2 + 1/6 = 1.6667 WAD (rounded down).
/// assert_eq!(morpho_taylor_compounded(1_000_000_000, 1_000_000_000),
///     Some(1_666_666_666_666_666_666));
/// ```
pub fn morpho_taylor_compounded(rate: u128, seconds: u128) -> Option<u128> {
    if rate > MAX_MORPHO_RATE || seconds > MAX_SECONDS {
        return None;
    }
    let first = rate * seconds;
    let second = mul_div(first, first, 2 * WAD, Rounding::Down)?;
    let third = mul_div(second, first, 3 * WAD, Rounding::Down)?;
    Some(first + second + third)
}
