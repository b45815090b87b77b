//! What each event and each of its steps did: the step's mechanics ([`StepDetail`]) and the
//! two accounts of its loss, at the step and attributed at the end of the sequence.

use serde::{Deserialize, Serialize};

use crate::consensus::beacon::ValidatorLoss;
use crate::slashing::events::SlashEvent;
use crate::wad::{Amount, Fraction};

/// The beacon-chain penalties of one slashed validator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidatorPenalty {
    /// Initial penalty `EB/4096`, ETH.
    pub initial: Amount,
    /// Source and target penalties over the 8192 epochs to withdrawability, ETH.
    pub missed_attestations: Amount,
    /// Correlation penalty `EB·min(3·f, 1)` (spec integer form), ETH.
    pub correlation: Amount,
    /// Sum of the three, ETH.
    pub total: Amount,
}

impl From<ValidatorLoss> for ValidatorPenalty {
    fn from(l: ValidatorLoss) -> Self {
        ValidatorPenalty {
            initial: Amount::from_gwei(l.initial),
            missed_attestations: Amount::from_gwei(l.missed_attestations),
            correlation: Amount::from_gwei(l.correlation),
            total: Amount::from_gwei(l.total()),
        }
    }
}

/// What one step did, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum StepDetail {
    /// Unique stake: `AllocationManager.slashOperator` on one operator set (both strategies; the
    /// scenario allocates the same magnitude of each, so their ledgers move together).
    Magnitude {
        /// `wadsToSlash`.
        wad_to_slash: Fraction,
        /// The set's magnitude before, WAD.
        magnitude_before: Fraction,
        /// `⌈magnitude · wadToSlash⌉`, WAD.
        slashed_magnitude: Fraction,
        /// The set's magnitude after, WAD.
        magnitude_after: Fraction,
        /// `maxMagnitude` before, WAD.
        max_magnitude_before: Fraction,
        /// `maxMagnitude` after, WAD.
        max_magnitude_after: Fraction,
        /// `slashedMagnitude / maxMagnitude_before`: share of all the operator's stake lost.
        wad_slashed: Fraction,
        /// Operator shares removed, `op − ⌈op·newMax/prevMax⌉`, summed over strategies, ETH.
        operator_shares_slashed: Amount,
        /// Queued-withdrawal shares burned, `q·(prevMax − newMax)`, summed over strategies, ETH.
        queued_shares_slashed: Amount,
    },
    /// Unique stake: the set's magnitude is 0, so the contract skips it.
    ZeroMagnitude,
    /// Shared stake: one network slashes the operator's vaults (both strategies).
    Vault {
        /// Share of the network stake requested.
        wad_to_slash: Fraction,
        /// The network limit, share of the active stake at capture.
        network_limit: Fraction,
        /// `⌈stake · w⌉`, ETH.
        requested: Amount,
        /// What the network could still take since the capture, ETH.
        network_slashable: Amount,
        /// What the vaults paid (capped first come, first served), ETH.
        slashed: Amount,
        /// `requested − slashed`: the part of the claim no collateral was left for, ETH.
        shortfall: Amount,
    },
    /// Validators slashed on the beacon chain (Electra).
    BeaconSlashing {
        /// Number of validators.
        validators: u32,
        /// Effective balance of each, ETH.
        effective_balance_eth: u32,
        /// Loss of each validator by cause.
        per_validator: ValidatorPenalty,
        /// Balance decrease checkpointed in the pods, ETH (each pod's share rounded up, so it
        /// may exceed `validators × perValidator.total` by a few wei; capped at the pods).
        pod_balance_decrease: Amount,
    },
    /// A checkpointed beacon-chain balance drop.
    BeaconBalanceDrop {
        /// Balance decrease checkpointed in the pods, ETH.
        pod_balance_decrease: Amount,
    },
}

/// One elementary step of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    /// `events[i].steps[j]`.
    pub id: String,
    /// Operator id.
    pub operator: String,
    /// AVS id; `null` for a beacon-chain step.
    pub avs: Option<String>,
    /// Value the operator's stakers lost at this step, given the steps before it, ETH.
    pub lost_at_step: Amount,
    /// Loss attributed to this step at the end of the sequence, ETH.
    pub attributed: Amount,
    /// Mechanics of the step.
    pub detail: StepDetail,
}

/// One event of the sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EventReport {
    /// `events[i]`.
    pub id: String,
    /// The event as given.
    pub event: SlashEvent,
    /// Its steps, in order (none if, e.g., the operator has no allocations).
    pub steps: Vec<StepReport>,
    /// Σ `lostAtStep`, ETH.
    pub lost_at_event: Amount,
    /// Σ `attributed`, ETH.
    pub attributed: Amount,
}
