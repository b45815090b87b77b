//! The base layer every staked ETH earns, LST or LRT: consensus-layer (CL) rewards and
//! execution-layer (EL) rewards (priority fees and MEV).
//!
//! **Consensus APR from the spec** (ethereum/consensus-specs a08d8a6:
//! `specs/phase0/beacon-chain.md` for `BASE_REWARD_FACTOR` and `EFFECTIVE_BALANCE_INCREMENT`,
//! `specs/altair/beacon-chain.md` for the weights and `get_base_reward_per_increment`). Each epoch
//! a validator can earn, per 1 ETH increment of effective balance,
//! `base_reward_per_increment = EFFECTIVE_BALANCE_INCREMENT · BASE_REWARD_FACTOR /
//! √(total active balance in gwei)` gwei, split by the Altair weights source 14, target 26, head
//! 14, sync 2 and proposer 8 out of `WEIGHT_DENOMINATOR` 64. At full participation the weights
//! sum to the denominator, so a year of epochs pays
//!
//! ```text
//! CL APR = (14+26+14+2+8)/64 · 1e9 · 64 / √(S · 1e9) · epochs_per_year / 1e9
//!        = 64 · 82,181.25 / √1e9 / √S ≈ 166.3 / √S          (S in ETH)
//! ```
//!
//! with `epochs_per_year = 365.25 · 86,400 s / (32 slots · 12 s)` = 82,181.25. Below full
//! participation the APR is scaled by the participation rate, our first-order
//! approximation: in the spec the attestation and proposer rewards shrink with the participating
//! share and the small sync reward does not. The spec floors the per-increment reward to whole
//! gwei; the formula here keeps the real value (0.1% higher at S = 36M ETH).

use serde::{Deserialize, Serialize};

use crate::consensus::beacon::{
    BASE_REWARD_FACTOR, EFFECTIVE_BALANCE_INCREMENT, WEIGHT_DENOMINATOR,
};
use crate::{Error, validate};

/// `TIMELY_SOURCE_WEIGHT` (Altair).
pub const TIMELY_SOURCE_WEIGHT: u32 = 14;
/// `TIMELY_TARGET_WEIGHT` (Altair).
pub const TIMELY_TARGET_WEIGHT: u32 = 26;
/// `TIMELY_HEAD_WEIGHT` (Altair).
pub const TIMELY_HEAD_WEIGHT: u32 = 14;
/// `SYNC_REWARD_WEIGHT` (Altair).
pub const SYNC_REWARD_WEIGHT: u32 = 2;
/// `PROPOSER_WEIGHT` (Altair).
pub const PROPOSER_WEIGHT: u32 = 8;
/// `SLOTS_PER_EPOCH` (phase0 mainnet preset).
pub const SLOTS_PER_EPOCH: u32 = 32;
/// `SECONDS_PER_SLOT` (phase0 mainnet config), seconds.
pub const SECONDS_PER_SLOT: u32 = 12;
/// Days in a year for every per-year rate of this module (Julian year, 365.25 days).
pub const DAYS_PER_YEAR: f64 = 365.25;

/// Smallest total stake accepted, ETH (below it the formula's APR is not a useful what-if).
pub const MIN_TOTAL_STAKED_ETH: f64 = 100_000.0;
/// Largest total stake accepted, ETH (about all ETH in existence).
pub const MAX_TOTAL_STAKED_ETH: f64 = 200_000_000.0;
/// Largest rate any single stream may have, per year (1 = 100% APR).
pub const MAX_RATE: f64 = 1.0;

/// Epochs in a year: `365.25 · 86,400 / (32 · 12)` = 82,181.25.
pub fn epochs_per_year() -> f64 {
    DAYS_PER_YEAR * 86_400.0 / f64::from(SLOTS_PER_EPOCH * SECONDS_PER_SLOT)
}

/// Consensus-layer APR of a perfectly performing validator, fraction per year, for `S` ETH of
/// total active stake and a network `participation` rate in `0..=1` (see the module docs). The
/// caller validates the arguments.
///
/// Unrounded on purpose: a display rate for a what-if stake `S`, so it uses the real
/// `64e9 / √(S·1e9)` gwei per increment. The spec's integer steps (`isqrt`, then floor division
/// to whole gwei) are [`crate::consensus::beacon::base_reward_per_increment`], which the
/// beacon-chain penalties use: 337 gwei at S = 36M ETH against 337.31 here (0.09% apart).
///
/// # Example
/// ```
/// use restake_core::yield_stack::base::consensus_apr;
/// // 166.3 / √36,000,000 = 166.3 / 6,000 ≈ 2.77% (derived from the spec constants above).
/// assert!((consensus_apr(36e6, 1.0) - 0.027721).abs() < 1e-6);
/// ```
pub fn consensus_apr(total_staked_eth: f64, participation: f64) -> f64 {
    let increment = EFFECTIVE_BALANCE_INCREMENT as f64; // 1e9 gwei per ETH, exact in f64
    let weights = TIMELY_SOURCE_WEIGHT
        + TIMELY_TARGET_WEIGHT
        + TIMELY_HEAD_WEIGHT
        + SYNC_REWARD_WEIGHT
        + PROPOSER_WEIGHT;
    let paid_share = f64::from(weights) / WEIGHT_DENOMINATOR as f64; // = 1 at full participation
    let per_increment_gwei =
        increment * BASE_REWARD_FACTOR as f64 / (total_staked_eth * increment).sqrt();
    paid_share * per_increment_gwei * epochs_per_year() / increment * participation
}

/// Where the consensus-layer APR comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum ConsensusApr {
    /// An APR you already know, fraction per year in `0..=1` (0.028 = 2.8%).
    Given {
        /// Consensus-layer APR, fraction per year.
        apr: f64,
    },
    /// Derived from the spec: `≈ 166.3/√S × participation` (module docs).
    FromStake {
        /// Total ETH staked on the beacon chain `S`, ETH, `1e5..=2e8`.
        total_staked_eth: f64,
        /// Share of the network's stake that attests on time, fraction in `0..=1`.
        participation: f64,
    },
}

/// The base layer: what one staked ETH earns before any protocol takes a fee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BaseLayer {
    /// Consensus-layer rewards.
    pub consensus: ConsensusApr,
    /// Execution-layer rewards (priority fees + MEV) per staked ETH, fraction per year (APR) in
    /// `0..=1` (0.0054 = 0.54%).
    pub execution_apr: f64,
}

impl BaseLayer {
    /// Checks the fields (`base.consensus.*`, `base.executionApr`) and returns the gross
    /// consensus and execution APRs, fractions per year.
    pub fn rates(&self) -> Result<(f64, f64), Error> {
        let cl = match &self.consensus {
            ConsensusApr::Given { apr } => rate("base.consensus.apr", *apr)?,
            ConsensusApr::FromStake {
                total_staked_eth,
                participation,
            } => {
                let s = validate::in_range(
                    "base.consensus.totalStakedEth",
                    *total_staked_eth,
                    MIN_TOTAL_STAKED_ETH,
                    MAX_TOTAL_STAKED_ETH,
                    "an amount in 1e5..=2e8 ETH",
                )?;
                let p = validate::fraction("base.consensus.participation", *participation)?;
                consensus_apr(s, p)
            }
        };
        let el = rate("base.executionApr", self.execution_apr)?;
        Ok((cl, el))
    }
}

/// A rate per year in `0..=MAX_RATE` (100% APR).
pub(crate) fn rate(field: &str, v: f64) -> Result<f64, Error> {
    validate::in_range(
        field,
        v,
        0.0,
        MAX_RATE,
        "an APR in 0..=1 (0%..100% per year)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_constants_give_the_derived_figures() {
        // 64 · 82,181.25 / √1e9 = 5,259,600 / 31,622.7766 = 166.32; at S = 34M: 166.32 / 5,830.95
        // = 2.852%; at S = 36M: 166.32 / 6,000 = 2.772% (2.85% and 2.77%, derived from the spec).
        assert_eq!(epochs_per_year(), 82_181.25);
        assert!((consensus_apr(1.0, 1.0) - 166.32316).abs() < 1e-5);
        assert!((consensus_apr(34e6, 1.0) - 0.028524).abs() < 1e-6);
        assert!((consensus_apr(36e6, 1.0) - 0.027721).abs() < 1e-6);
        // Half participation halves it.
        assert!((consensus_apr(36e6, 0.5) - 0.0138603).abs() < 1e-6);
        // The spec's integer steps at 36M ETH: isqrt(3.6e16) = 189,736,659 and 64e9 // that =
        // 337 gwei per increment, so 337 · 82,181.25 / 1e9 = 2.7695% — the display rate is the
        // unrounded 337.31 gwei, 0.09% above it.
        let gwei = crate::consensus::beacon::base_reward_per_increment(36_000_000 * 1_000_000_000);
        assert_eq!(gwei, 337);
        let integer_apr = gwei as f64 * epochs_per_year() / 1e9;
        assert!((integer_apr - 0.027695).abs() < 1e-6);
        assert!((consensus_apr(36e6, 1.0) / integer_apr - 1.0009).abs() < 1e-4);
    }

    #[test]
    fn base_layer_rejects_bad_fields() {
        let base = |consensus, el| BaseLayer {
            consensus,
            execution_apr: el,
        };
        let given = |apr| ConsensusApr::Given { apr };
        assert_eq!(
            base(given(f64::NAN), 0.0).rates().unwrap_err().field(),
            "base.consensus.apr"
        );
        assert_eq!(
            base(given(0.03), -0.01).rates().unwrap_err().field(),
            "base.executionApr"
        );
        let derived = ConsensusApr::FromStake {
            total_staked_eth: 10.0,
            participation: 1.0,
        };
        assert_eq!(
            base(derived, 0.0).rates().unwrap_err().field(),
            "base.consensus.totalStakedEth"
        );
        let derived = ConsensusApr::FromStake {
            total_staked_eth: 36e6,
            participation: 1.2,
        };
        assert_eq!(
            base(derived, 0.0).rates().unwrap_err().field(),
            "base.consensus.participation"
        );
    }
}
