//! WAD fixed-point arithmetic as EigenLayer's `SlashingLib` does it: `1 WAD = 1e18 = 100%`,
//! amounts in wei, and every product divided with a full-width (256-bit) intermediate so that
//! `a·b/c` never overflows while the quotient fits in `u128`.
//!
//! - [`mul_div`] — OpenZeppelin `Math.mulDiv(a, b, c, rounding)`.
//! - [`mul_wad`] — `a·b / 1e18`, floor (`SlashingLib.mulWad`).
//! - [`mul_wad_round_up`] — `⌈a·b / 1e18⌉` (`SlashingLib.mulWadRoundUp`), used for the slashed
//!   magnitude so that rounding goes against the operator.
//! - [`div_wad`] — `a·1e18 / b`, floor (`SlashingLib.divWad`).
//!
//! Like Solidity's checked arithmetic these return `None` instead of reverting: on division by
//! zero or when the quotient does not fit in `u128` (≈ 3.4e38, i.e. 3.4e20 ETH in wei).
//!
//! Conversions from the scenario's `f64` fields ([`fraction_to_wad`], [`eth_to_wei`]) read the
//! number's shortest decimal form (what the user typed: `0.2` → exactly `2e17`), so decimals with
//! up to 18 places convert exactly; beyond 18 places they round to the nearest unit, ties down
//! (round-half-down), so a typed value never gains a unit from a tie.

use serde::{Deserialize, Serialize};

use crate::Error;

/// 1 WAD = 10^18: 100% as a fixed-point fraction, or 1 ETH in wei.
pub const WAD: u128 = 1_000_000_000_000_000_000;

/// Wei per gwei (the beacon chain counts balances in gwei).
pub const WEI_PER_GWEI: u128 = 1_000_000_000;

/// Which way [`mul_div`] rounds a quotient that is not whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Toward zero (floor for the non-negative values used here).
    Down,
    /// Away from zero (ceiling).
    Up,
    /// To the nearest, a half up: `⌊(a·b + ⌊c/2⌋)/c⌋`, as Aave's `WadRayMath.rayMul`/`rayDiv`
    /// (aave-dao/aave-v3-origin `WadRayMath.sol`) round.
    HalfUp,
}

const LOW_64: u128 = u64::MAX as u128;

/// The full 256-bit product `a·b` as `(high, low)` 128-bit halves.
fn widening_mul(a: u128, b: u128) -> (u128, u128) {
    let (a1, a0) = (a >> 64, a & LOW_64);
    let (b1, b0) = (b >> 64, b & LOW_64);
    let lo_lo = a0 * b0;
    let hi_lo = a1 * b0;
    let lo_hi = a0 * b1;
    let hi_hi = a1 * b1;
    // Each term is < 2^64, so the sum of three is < 2^66: no overflow.
    let cross = (lo_lo >> 64) + (hi_lo & LOW_64) + (lo_hi & LOW_64);
    let low = (cross << 64) | (lo_lo & LOW_64);
    let high = hi_hi + (hi_lo >> 64) + (lo_hi >> 64) + (cross >> 64);
    (high, low)
}

/// Divides the 256-bit number `high·2^128 + low` by `d`, returning `(quotient, remainder)`.
/// Requires `high < d` (so the quotient fits in 128 bits), which also implies `d > 0`.
///
/// Two-digit long division in base 2^64 with normalised divisor (Knuth, TAOCP vol. 2, §4.3.1,
/// Algorithm D, specialised to a two-digit quotient). Every quotient-digit estimate is at most
/// 2 too large and is corrected by the inner loops, which therefore run at most twice.
fn div_256_by_128(high: u128, low: u128, d: u128) -> (u128, u128) {
    debug_assert!(high < d);
    const BASE: u128 = 1 << 64;
    let shift = d.leading_zeros();
    let d = d << shift;
    let (d1, d0) = (d >> 64, d & LOW_64);
    // Normalised dividend: top 128 bits `u32_` and the two low digits.
    let u32_ = if shift == 0 {
        high
    } else {
        (high << shift) | (low >> (128 - shift))
    };
    let u10 = low << shift;
    let (u1, u0) = (u10 >> 64, u10 & LOW_64);

    let digit = |top: u128, next: u128| -> (u128, u128) {
        // Estimate q = top / d1 and correct it against the next digit.
        let mut q = top / d1;
        let mut r = top % d1;
        while q >= BASE || q * d0 > ((r << 64) | next) {
            q -= 1;
            r += d1;
            if r >= BASE {
                break;
            }
        }
        // top·BASE + next − q·d lies in [0, d), so wrapping arithmetic gives it exactly.
        let rem = (top << 64)
            .wrapping_add(next)
            .wrapping_sub(q.wrapping_mul(d));
        (q, rem)
    };
    let (q1, r1) = digit(u32_, u1);
    let (q0, r0) = digit(r1, u0);
    ((q1 << 64) | q0, r0 >> shift)
}

/// `a·b / c` with a 256-bit intermediate, rounded as asked. `None` when `c = 0` or the quotient
/// exceeds `u128::MAX`.
///
/// # Example
/// ```
/// use restake_core::wad::{mul_div, Rounding};
/// // 10^27 wei × 0.9 WAD / 1 WAD: the product (9e44) does not fit in u128, the result does.
/// let wei = 10u128.pow(27);
/// assert_eq!(mul_div(wei, 9 * 10u128.pow(17), 10u128.pow(18), Rounding::Down), Some(9 * 10u128.pow(26)));
/// assert_eq!(mul_div(10, 1, 3, Rounding::Up), Some(4));
/// assert_eq!(mul_div(5, 1, 2, Rounding::HalfUp), Some(3)); // 2.5 → 3, as Aave's rayMul
/// assert_eq!(mul_div(7, 1, 3, Rounding::HalfUp), Some(2)); // 2.33 → 2
/// assert_eq!(mul_div(1, 1, 0, Rounding::Down), None);
/// ```
pub fn mul_div(a: u128, b: u128, c: u128, rounding: Rounding) -> Option<u128> {
    if c == 0 {
        return None;
    }
    let (high, low) = widening_mul(a, b);
    let (q, r) = if high == 0 {
        (low / c, low % c)
    } else if high >= c {
        return None;
    } else {
        div_256_by_128(high, low, c)
    };
    match rounding {
        Rounding::Up if r != 0 => q.checked_add(1),
        // r < c, so r + ⌊c/2⌋ ≥ c is the same test without overflow: r ≥ c − ⌊c/2⌋.
        Rounding::HalfUp if r >= c - c / 2 => q.checked_add(1),
        _ => Some(q),
    }
}

/// `x·y / 1e18`, floor (`SlashingLib.mulWad`).
pub fn mul_wad(x: u128, y: u128) -> Option<u128> {
    mul_div(x, y, WAD, Rounding::Down)
}

/// `⌈x·y / 1e18⌉` (`SlashingLib.mulWadRoundUp`).
pub fn mul_wad_round_up(x: u128, y: u128) -> Option<u128> {
    mul_div(x, y, WAD, Rounding::Up)
}

/// `x·1e18 / y`, floor (`SlashingLib.divWad`).
pub fn div_wad(x: u128, y: u128) -> Option<u128> {
    mul_div(x, WAD, y, Rounding::Down)
}

/// A WAD fraction as `f64` (for display only): `x / 1e18`, whole and fractional parts converted
/// separately so that whole numbers stay exact.
pub fn wad_to_f64(x: u128) -> f64 {
    (x / WAD) as f64 + (x % WAD) as f64 / WAD as f64
}

/// Wei as ETH in `f64` (for display only): `wei / 1e18`.
pub fn wei_to_eth(wei: u128) -> f64 {
    wad_to_f64(wei)
}

/// The decimal digits of a finite, non-negative `f64` as fixed point with 18 decimals:
/// exact up to 18 places, then round-half-down. `None` if the integer part overflows `u128`.
fn decimal_to_fixed18(v: f64) -> Option<u128> {
    if v == 0.0 {
        return Some(0);
    }
    // Rust prints finite floats in plain positional notation (never exponent form), with the
    // shortest digits that read back to the same float.
    let text = format!("{v}");
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let mut units: u128 = 0;
    for b in int_part.bytes() {
        units = units.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
    }
    units = units.checked_mul(WAD)?;
    let digits = frac_part.as_bytes();
    let mut scale = WAD;
    for &b in digits.iter().take(18) {
        scale /= 10;
        units = units.checked_add(u128::from(b - b'0') * scale)?;
    }
    if digits.len() > 18 {
        let rest = &digits[18..];
        // Round half down: up only when the rest exceeds one half (first digit > 5, or 5
        // followed by a non-zero digit).
        let above_half =
            rest[0] > b'5' || (rest[0] == b'5' && rest[1..].iter().any(|&d| d != b'0'));
        if above_half {
            units = units.checked_add(1)?;
        }
    }
    Some(units)
}

/// A fraction in `0..=1` as WAD (`0.2` → `2e17`), exact up to 18 decimals, then
/// round-half-down. Errors name `field` when `v` is NaN, infinite or outside `0..=1`.
///
/// # Example
/// ```
/// use restake_core::wad::{fraction_to_wad, WAD};
/// assert_eq!(fraction_to_wad("m", 0.2).unwrap(), WAD / 5);
/// assert_eq!(fraction_to_wad("m", 1.0).unwrap(), WAD);
/// assert!(fraction_to_wad("m", 1.5).is_err());
/// ```
pub fn fraction_to_wad(field: &str, v: f64) -> Result<u128, Error> {
    let v = crate::validate::fraction(field, v)?;
    // A fraction ≤ 1 is at most 1e18 units: no overflow.
    Ok(decimal_to_fixed18(v).unwrap_or(WAD).min(WAD))
}

/// Largest ETH amount [`eth_to_wei`] converts and a network field may hold, in ETH (1e9, about
/// eight times the ether supply): every wei amount stays below 1e27, far inside `u128` and the
/// 256-bit intermediates. The network's limit (`network::MAX_AMOUNT_ETH` re-exports it).
pub const MAX_AMOUNT_ETH: f64 = 1e9;

/// An amount of ETH as wei (`0.1` → `1e17`), exact up to 18 decimals, then round-half-down.
/// Errors name `field` when `v` is NaN, infinite, negative or above [`MAX_AMOUNT_ETH`].
pub fn eth_to_wei(field: &str, v: f64) -> Result<u128, Error> {
    let v = crate::validate::in_range(field, v, 0.0, MAX_AMOUNT_ETH, "an amount in 0..=1e9 ETH")?;
    // v ≤ 1e9 ETH is at most 1e27 wei, far below u128::MAX.
    Ok(decimal_to_fixed18(v).unwrap_or(0))
}

/// An amount of ETH: exact wei and an `f64` view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Amount {
    /// Exact amount in wei, decimal digits.
    pub wei: String,
    /// The same in ETH, for display (`wei / 1e18`, rounded to the nearest `f64`).
    pub eth: f64,
}

impl Amount {
    /// From wei.
    pub fn from_wei(wei: u128) -> Amount {
        Amount {
            wei: wei.to_string(),
            eth: wei_to_eth(wei),
        }
    }

    /// From gwei.
    pub fn from_gwei(gwei: u128) -> Amount {
        Amount::from_wei(gwei.saturating_mul(WEI_PER_GWEI))
    }

    /// The exact wei value (0 if the string was edited into something else).
    pub fn wei_value(&self) -> u128 {
        self.wei.parse().unwrap_or(0)
    }
}

/// A fraction: exact WAD (1e18 = 100%) and an `f64` view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Fraction {
    /// Exact value in WAD, decimal digits.
    pub wad: String,
    /// The same as a fraction (`wad / 1e18`), for display.
    pub value: f64,
}

impl Fraction {
    /// From WAD.
    pub fn from_wad(w: u128) -> Fraction {
        Fraction {
            wad: w.to_string(),
            value: wad_to_f64(w),
        }
    }

    /// The exact WAD value (0 if the string was edited into something else).
    pub fn wad_value(&self) -> u128 {
        self.wad.parse().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_div_small_values_match_plain_integer_math() {
        assert_eq!(mul_div(7, 3, 2, Rounding::Down), Some(10)); // 21/2 = 10.5 → 10
        assert_eq!(mul_div(7, 3, 2, Rounding::Up), Some(11));
        assert_eq!(mul_div(6, 3, 2, Rounding::Up), Some(9)); // exact: no round-up
        assert_eq!(mul_div(0, 5, 7, Rounding::Up), Some(0));
    }

    #[test]
    fn mul_div_uses_a_256_bit_intermediate() {
        // (2^127)·(2^127)/(2^127) = 2^127: the product is 2^254.
        let p = 1u128 << 127;
        assert_eq!(mul_div(p, p, p, Rounding::Down), Some(p));
        // u128::MAX² / u128::MAX = u128::MAX.
        assert_eq!(
            mul_div(u128::MAX, u128::MAX, u128::MAX, Rounding::Up),
            Some(u128::MAX)
        );
        // (2^128 − 1)·3 / 2 = 2^128·1.5 − 1.5 does not fit.
        assert_eq!(mul_div(u128::MAX, 3, 2, Rounding::Down), None);
        // 1e27 · 1e18 / 7e9 = 1e36 / 7 (the product 1e45 exceeds u128; the quotient fits),
        // and 1e27 · 1e18 / 3 ≈ 3.3e44 does not fit.
        assert_eq!(
            mul_div(10u128.pow(27), WAD, 7_000_000_000, Rounding::Down),
            Some(10u128.pow(36) / 7)
        );
        assert_eq!(mul_div(10u128.pow(27), WAD, 3, Rounding::Down), None);
        // Divisor with high bits set and a non-trivial remainder:
        // (2^100 + 1)(2^100 + 3) = 2^200 + 2^102 + 3; / (2^100 + 1) = 2^100 + 3 exactly.
        let a = (1u128 << 100) + 1;
        let b = (1u128 << 100) + 3;
        assert_eq!(mul_div(a, b, a, Rounding::Up), Some(b));
        // a·b/(a+1) = b − b/(a+1) = b − 1 − 1/(a+1): floor b − 2, ceiling b − 1.
        assert_eq!(mul_div(a, b, a + 1, Rounding::Down), Some(b - 2));
        assert_eq!(mul_div(a, b, a + 1, Rounding::Up), Some(b - 1));
    }

    #[test]
    fn wad_helpers_round_as_the_contract_does() {
        // 3 wei × 0.5 = 1.5 wei: mulWad floors to 1, mulWadRoundUp gives 2.
        assert_eq!(mul_wad(3, WAD / 2), Some(1));
        assert_eq!(mul_wad_round_up(3, WAD / 2), Some(2));
        // divWad(1, 3) = 1e18/3 = 333…333 (18 threes).
        assert_eq!(div_wad(1, 3), Some(333_333_333_333_333_333));
        assert_eq!(div_wad(1, 0), None);
    }

    #[test]
    fn decimals_convert_exactly_and_ties_round_down() {
        assert_eq!(fraction_to_wad("f", 0.1).unwrap(), 100_000_000_000_000_000);
        assert_eq!(fraction_to_wad("f", 0.35).unwrap(), 350_000_000_000_000_000);
        assert_eq!(fraction_to_wad("f", 0.0).unwrap(), 0);
        assert_eq!(fraction_to_wad("f", -0.0).unwrap(), 0);
        // 1/3 prints as 0.3333333333333333 (16 places): exact conversion of those digits.
        assert_eq!(
            fraction_to_wad("f", 1.0 / 3.0).unwrap(),
            333_333_333_333_333_300
        );
        // 5e-19 is exactly half a unit: ties round down. 6e-19 rounds up, 5.1e-19 too.
        assert_eq!(fraction_to_wad("f", 5e-19).unwrap(), 0);
        assert_eq!(fraction_to_wad("f", 6e-19).unwrap(), 1);
        assert_eq!(fraction_to_wad("f", 5.1e-19).unwrap(), 1);
        assert_eq!(fraction_to_wad("f", 1.5e-18).unwrap(), 1);
        assert_eq!(eth_to_wei("x", 32.0).unwrap(), 32 * WAD);
        assert_eq!(eth_to_wei("x", 1e9).unwrap(), 10u128.pow(27));
        assert_eq!(eth_to_wei("x", 0.000000001).unwrap(), 1_000_000_000);
    }

    #[test]
    fn conversions_name_the_field() {
        assert_eq!(
            fraction_to_wad("events[2].fraction", f64::NAN)
                .unwrap_err()
                .field(),
            "events[2].fraction"
        );
        assert_eq!(
            eth_to_wei("amountEth", -1.0).unwrap_err().field(),
            "amountEth"
        );
        assert!(eth_to_wei("amountEth", 2e9).is_err());
    }
}
