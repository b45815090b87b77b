//! Morpho Blue markets' borrow rates from a live read (issue 18): for each market whose
//! AdaptiveCurveIRM `rateAtTarget(id)` was read ([`crate::chain::ReadRequest`]'s
//! `morphoMarkets[].irm`), the rate the market borrows at as of the read's block, by the IRM's
//! own integer arithmetic ([`adaptive_curve_borrow_rate`], morpho-org/morpho-blue-irm
//! src/adaptive-curve-irm/AdaptiveCurveIrm.sol `_borrowRate`):
//!
//! - utilisation `u = totalBorrowAssets.wDivDown(totalSupplyAssets)` from `market(id)`, WAD;
//! - `elapsed = block timestamp − lastUpdate`, seconds (the time since the market last accrued);
//! - the stored rate at target adapted over `elapsed` and the curve at it:
//!   `endBorrowRate`, per second, WAD; × 31,536,000 / 1e18 = the borrow APR, per year.
//!
//! `endBorrowRate` is what `borrowRateView` would return as the end of the interval if the market
//! accrued at the block, the instantaneous rate Morpho's apps show; the average over `elapsed`
//! (what Morpho Blue accrues at, `avgBorrowRate`) is given beside it.

use serde::{Deserialize, Serialize};

use super::live::LiveKept;
use super::rate_model::RateModel;
use super::rate_model::morpho::{
    AdaptiveCurveInput, AdaptiveCurveRates, MAX_ELAPSED, adaptive_curve_borrow_rate, utilization_of,
};
use crate::chain::{LiveBasis, LiveRead};

/// One Morpho market's borrow rate at the read's block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MorphoLiveRate {
    /// The market's id in the read (`ezETH-WETH-86`).
    pub market: String,
    /// The IRM's input: utilisation (WAD), the stored rate at target (per second, WAD; 0 = never
    /// accrued) and the seconds from the market's last update to the block.
    pub input: AdaptiveCurveInput,
    /// The IRM's output at the block (per-second WADs as decimal strings, and their APRs).
    pub rates: AdaptiveCurveRates,
    /// The borrow rate at the block, `rates.endBorrowApr`: APR per year, fraction.
    pub borrow_apr: f64,
    /// The market's rate model from the block on: the AdaptiveCurveIRM starting at the rate at
    /// target as adapted to the block (`rates.endRateAtTargetApr`), for the carry engine.
    pub model: RateModel,
    /// Where `rateAtTarget` was read (the IRM, chain, block); the totals and `lastUpdate` come
    /// from `market(bytes32)` on Morpho Blue at the same block.
    pub basis: LiveBasis,
}

/// The borrow rates of a live read's Morpho markets, and the markets whose figures could not
/// give one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MorphoLiveRates {
    /// One per market with `rateAtTarget` and `market(id)` read, in the read's order.
    pub rates: Vec<MorphoLiveRate>,
    /// Markets whose `rateAtTarget` was read but whose other figures are missing or out of the
    /// IRM's range, with why.
    pub kept: Vec<LiveKept>,
}

const PREFIX: &str = "morphoMarkets.";
const SUFFIX: &str = ".rateAtTarget";

/// The exact integer of the figure at `field`, if read.
fn raw<T: std::str::FromStr>(live: &LiveRead, field: &str) -> Result<T, String> {
    let v = live
        .value(field)
        .ok_or_else(|| format!("{field} was not read"))?;
    v.raw
        .as_deref()
        .and_then(|r| r.parse().ok())
        .ok_or_else(|| format!("{field} has no integer the IRM can take"))
}

fn rate_of(live: &LiveRead, market: &str, basis: &LiveBasis) -> Result<MorphoLiveRate, String> {
    let at = |name: &str| format!("{PREFIX}{market}.{name}");
    // idToMarketParams checked the market's irm against the request; without it the rate at
    // target may be another IRM's.
    if live.value(&at("lltv")).is_none() {
        return Err(format!(
            "{} was not read, so the market's irm is unchecked",
            at("lltv")
        ));
    }
    let supplied: u128 = raw(live, &at("totalSupplyAssets"))?;
    let borrowed: u128 = raw(live, &at("totalBorrowAssets"))?;
    let last: u64 = raw(live, &at("lastUpdate"))?;
    let rate_at_target: i128 = raw(live, &at("rateAtTarget"))?;
    let utilization = utilization_of(borrowed, supplied)
        .filter(|u| *u <= super::rate_model::morpho::WAD as u128)
        .ok_or_else(|| format!("borrowed {borrowed} exceeds supplied {supplied}"))?;
    let elapsed = live
        .head
        .block_timestamp
        .checked_sub(last)
        .filter(|e| *e <= MAX_ELAPSED)
        .ok_or_else(|| {
            format!(
                "lastUpdate {last} is after the block's timestamp {} or more than 100 years before it",
                live.head.block_timestamp
            )
        })?;
    let input = AdaptiveCurveInput {
        utilization,
        rate_at_target,
        elapsed,
    };
    let rates = adaptive_curve_borrow_rate(&input).map_err(|e| e.to_string())?;
    Ok(MorphoLiveRate {
        market: market.to_owned(),
        input,
        rates,
        borrow_apr: rates.end_borrow_apr,
        model: RateModel::AdaptiveCurve {
            rate_at_target_apr: rates.end_rate_at_target_apr,
        },
        basis: basis.clone(),
    })
}

/// The borrow rate at the read's block of every Morpho market of `live` whose `rateAtTarget`
/// was read (module docs). A market whose totals, `lastUpdate` or LLTV are missing, whose
/// borrow exceeds its supply or whose `lastUpdate` is after the block is listed in `kept`.
///
/// ```
/// use restake_core::chain::{Head, LiveRead};
/// use restake_core::lending::morpho_live::morpho_live_rates;
/// let head = Head { chain_id: 1, block_number: 1, block_timestamp: 0, block_hash: format!("0x{}", "0".repeat(64)) };
/// let none = morpho_live_rates(&LiveRead { head, values: vec![], failures: vec![] });
/// assert!(none.rates.is_empty() && none.kept.is_empty());
/// ```
pub fn morpho_live_rates(live: &LiveRead) -> MorphoLiveRates {
    let mut out = MorphoLiveRates {
        rates: Vec::new(),
        kept: Vec::new(),
    };
    for v in &live.values {
        let Some(market) = v
            .field
            .strip_prefix(PREFIX)
            .and_then(|f| f.strip_suffix(SUFFIX))
        else {
            continue;
        };
        match rate_of(live, market, &v.basis) {
            Ok(r) => out.rates.push(r),
            Err(reason) => out.kept.push(LiveKept {
                market: market.to_owned(),
                reason,
            }),
        }
    }
    out
}

#[cfg(test)]
#[path = "morpho_live_tests.rs"]
mod tests;
