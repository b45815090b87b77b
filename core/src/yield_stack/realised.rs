//! The realised yield of a token from the chain: its exchange rate at two blocks
//! (`crate::chain::trailing` reads the older one), as an APR and an APY over the window. A
//! check beside the modelled stack, never a replacement: the stack's streams stay what they are.
//!
//! With `r0` the rate at the trailing block (timestamp `t0`) and `r1` at the head (`t1`),
//! `Δt = t1 − t0` seconds and the year `Y` = [`SECONDS_PER_YEAR`]:
//! - growth `g = r1/r0 − 1` (from the integers the contracts returned when both are known,
//!   `(raw1 − raw0) / raw0`, so no digits are lost to rounding the rates first);
//! - APR `= g · Y / Δt` (simple, no compounding);
//! - APY `= (r1/r0)^(Y/Δt) − 1` = `expm1((Y/Δt) · ln(1 + g))` (the window's growth compounded
//!   over a year).
//!
//! A falling rate (a slash, a loss) gives negative figures; `Δt = 0`, an inverted window, a
//! non-positive rate or an APY beyond `f64` (a tiny window with a jump) are typed errors.

use alloy_primitives::U256;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::chain::trailing::PREFIX;
use crate::chain::{Failure, LiveBasis, LiveRead, LiveValue};
use crate::source::Basis;

/// Seconds in the year of every realised APR and APY: a Julian year, 365.25 × 86,400 =
/// 31,557,600 s (the year of `yield_stack::base::DAYS_PER_YEAR`).
pub const SECONDS_PER_YEAR: f64 = 31_557_600.0;

/// One token's realised yield over a window of blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RealisedYield {
    /// The token's id in the read (`rsETH`).
    pub token: String,
    /// The rate at the trailing block, ETH per token.
    pub rate_from: f64,
    /// The rate at the head block, ETH per token.
    pub rate_to: f64,
    /// Where the trailing rate was read (its block and timestamp).
    pub from: LiveBasis,
    /// Where the head rate was read.
    pub to: LiveBasis,
    /// The window, blocks (`to − from`).
    pub window_blocks: u64,
    /// The window, seconds (`Δt`, the blocks' timestamps).
    pub window_seconds: u64,
    /// Growth over the window, `r1/r0 − 1`, a fraction.
    pub growth: f64,
    /// Realised APR, `g · Y / Δt`, a fraction a year.
    pub apr: f64,
    /// Realised APY, `(r1/r0)^(Y/Δt) − 1`, a fraction a year.
    pub apy: f64,
    /// The derivation, naming both blocks, with both reads' sources as inputs.
    pub basis: Basis,
}

/// A token whose realised yield could not be derived, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RealisedMissing {
    /// The token's id.
    pub token: String,
    /// Why, in words.
    pub reason: String,
    /// The failed call at the trailing block, when that is why (an RPC error from an endpoint
    /// that keeps no old state, a revert, a timeout).
    pub failure: Option<Failure>,
}

/// Every realised yield a live read with a trailing read gives, and the tokens it does not.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RealisedYields {
    /// One per token read at both blocks, in the trailing read's order.
    pub yields: Vec<RealisedYield>,
    /// Tokens the trailing read named that give no figure.
    pub missing: Vec<RealisedMissing>,
}

/// Seconds in a day (86,400), the unit [`RealisedYield::window_days`] reports in.
const SECONDS_PER_DAY: f64 = 86_400.0;

impl RealisedYield {
    /// The window in days, `windowSeconds / 86,400`.
    pub fn window_days(&self) -> f64 {
        self.window_seconds as f64 / SECONDS_PER_DAY
    }
}

impl RealisedYields {
    /// The realised yield of `token`, if derived.
    pub fn of(&self, token: &str) -> Option<&RealisedYield> {
        self.yields.iter().find(|y| y.token == token)
    }
}

fn out_of_range(field: String, value: f64, expected: impl Into<String>) -> Error {
    Error::OutOfRange {
        field,
        value,
        expected: expected.into(),
    }
}

/// `g = r1/r0 − 1`: from the exact integers when both are given, else from the values.
fn growth(from: &LiveValue, to: &LiveValue) -> f64 {
    let parse = |v: &LiveValue| v.raw.as_deref().and_then(|r| r.parse::<U256>().ok());
    match (parse(from), parse(to)) {
        (Some(r0), Some(r1)) if !r0.is_zero() => {
            let up = f64::from(r1.abs_diff(r0)) / f64::from(r0);
            if r1 >= r0 { up } else { -up }
        }
        _ => to.value / from.value - 1.0,
    }
}

/// The realised yield of `token` from its rate `from` (the trailing block) and `to` (the head),
/// both in ETH per token. Errors name `realised.<token>.<what>`: `rate` (not finite or ≤ 0),
/// `window` (`to` not after `from`, on another chain), `windowSeconds` (`Δt = 0`), `apy` (no
/// finite APY).
///
/// ```
/// use restake_core::chain::{LiveBasis, LiveValue};
/// use restake_core::yield_stack::realised::realised_yield;
/// let at = |block, time, raw: &str| LiveValue {
///     field: "rates.rsETH.exchangeRate".into(), raw: Some(raw.into()), value: raw.parse::<f64>().unwrap() / 1e18, unit: "ETH per token".into(),
///     basis: LiveBasis { chain_id: 1, block_number: block, block_timestamp: time, address: "0x349A73444b1a310BAe67ef67973022020d70020d".into(), function: "rsETHPrice()".into() },
/// };
/// // 1.05 → 1.0521 over 7 days: g = 0.002, APR = 0.002 · 31,557,600 / 604,800 = 0.104357…
/// let y = realised_yield("rsETH", &at(100, 0, "1050000000000000000"), &at(50_500, 604_800, "1052100000000000000")).unwrap();
/// assert!((y.growth - 0.002).abs() < 1e-15);
/// assert!((y.apr - 0.002 * 52.178_571_428_571_43).abs() < 1e-12);
/// assert_eq!(y.window_blocks, 50_400);
/// ```
pub fn realised_yield(
    token: &str,
    from: &LiveValue,
    to: &LiveValue,
) -> Result<RealisedYield, Error> {
    let at = |what: &str| format!("realised.{token}.{what}");
    for v in [from, to] {
        if !v.value.is_finite() || v.value <= 0.0 {
            return Err(out_of_range(
                at("rate"),
                v.value,
                "a rate > 0 ETH per token",
            ));
        }
    }
    let (f, t) = (&from.basis, &to.basis);
    if f.chain_id != t.chain_id || f.block_number >= t.block_number {
        return Err(out_of_range(
            at("window"),
            f.block_number as f64,
            format!(
                "a trailing block below the head's block {} on its chain {}",
                t.block_number, t.chain_id
            ),
        ));
    }
    let seconds = t.block_timestamp.saturating_sub(f.block_timestamp);
    if seconds == 0 {
        return Err(out_of_range(
            at("windowSeconds"),
            0.0,
            format!(
                "a window > 0 s (blocks {} and {} have timestamps {} and {})",
                f.block_number, t.block_number, f.block_timestamp, t.block_timestamp
            ),
        ));
    }
    let g = growth(from, to);
    if !g.is_finite() || g <= -1.0 {
        return Err(out_of_range(at("rate"), g, "rates > 0 at both blocks"));
    }
    let per_year = SECONDS_PER_YEAR / seconds as f64;
    let apr = g * per_year;
    let apy = (per_year * g.ln_1p()).exp_m1();
    if !apy.is_finite() {
        return Err(out_of_range(
            at("apy"),
            g,
            format!("a growth whose APY over a {seconds}-second window is finite"),
        ));
    }
    Ok(RealisedYield {
        token: token.to_owned(),
        rate_from: from.value,
        rate_to: to.value,
        from: f.clone(),
        to: t.clone(),
        window_blocks: t.block_number - f.block_number,
        window_seconds: seconds,
        growth: g,
        apr,
        apy,
        basis: Basis::Derived {
            formula: format!(
                "{token}'s {} between block {} and block {} ({seconds} s): APY = (r1/r0)^(31,557,600 s / Δt) − 1",
                f.function, f.block_number, t.block_number
            ),
            inputs: vec![f.source(), t.source()],
        },
    })
}

/// The realised yields of `live`: each `trailing.rates.<id>.exchangeRate` against
/// `rates.<id>.exchangeRate` ([`realised_yield`]); every token the trailing read named that
/// gives none goes in `missing` (its call failed at the trailing block or the head, or the
/// derivation refused the pair). Empty when `live` holds no trailing read.
pub fn realised_yields(live: &LiveRead) -> RealisedYields {
    fn rate_of(field: &str) -> Option<&str> {
        field
            .strip_prefix(PREFIX)?
            .strip_prefix("rates.")?
            .strip_suffix(".exchangeRate")
    }
    let mut out = RealisedYields::default();
    for v in &live.values {
        let Some(token) = rate_of(&v.field) else {
            continue;
        };
        let missing = |reason: String| RealisedMissing {
            token: token.to_owned(),
            reason,
            failure: None,
        };
        match live.value(&format!("rates.{token}.exchangeRate")) {
            None => out.missing.push(missing(format!(
                "the rate at the head block {} was not read",
                live.head.block_number
            ))),
            Some(head) => match realised_yield(token, v, head) {
                Ok(y) => out.yields.push(y),
                Err(e) => out.missing.push(missing(e.to_string())),
            },
        }
    }
    for f in &live.failures {
        let Some(token) = f
            .field
            .strip_prefix(PREFIX)
            .and_then(|x| x.strip_prefix("rates."))
        else {
            continue;
        };
        out.missing.push(RealisedMissing {
            token: token.to_owned(),
            reason: format!(
                "{} on {} could not be read at the trailing block (an endpoint must keep old state: an archive node on mainnet)",
                f.function, f.address
            ),
            failure: Some(f.reason.clone()),
        });
    }
    out
}

#[cfg(test)]
#[path = "realised_tests.rs"]
mod tests;
