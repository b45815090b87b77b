//! Each LRT's network from chain state (issue 19), sans-I/O and in rounds: the caller drives a
//! [`NetworkImporter`] — [`NetworkImporter::start`] gives the first requests,
//! [`NetworkImporter::on_replies`] takes their answers and gives the next requests or, at the
//! end, the [`NetworkImport`]: a [`Network`] every engine reads unchanged, with the live basis of
//! each figure and the progress of each LRT.
//!
//! The rounds ([`ImportPhase`]), every call pinned to the block of the first:
//! 1. `head`: `eth_chainId` and the latest block (chain id 1, or 31337 with `allowLocalChain`).
//! 2. `lists`: each LST strategy's `sharesToUnderlyingView(1e18)`; each LRT's staker list
//!    (Renzo `getOperatorDelegatorsLength()`, Kelp `getNodeDelegatorQueue()`, YieldNest
//!    `getAllNodes()`).
//! 3. `entries`: Renzo's `operatorDelegators(i)` for each index.
//! 4. `stakers`: per staker, the LRT's own record of its operator (`delegateAddress()`,
//!    `elOperatorDelegatedTo()`, `delegatedTo()`), and the DelegationManager's `delegatedTo`,
//!    `getWithdrawableShares(staker, [beacon ETH, …LST strategies])` and `getQueuedWithdrawals`.
//! 5. `operators`: per operator, the AllocationManager's `getAllocatedSets` and
//!    `getMaxMagnitudes(operator, strategies)`, and the DelegationManager's `getOperatorShares`.
//! 6. `allocations`: `getAllocation(operator, set, strategy)` for each set and each strategy in
//!    which the LRTs have stake with the operator.
//!
//! Calls go through Multicall3 `aggregate3` in batches of at most
//! [`crate::chain::plan::MAX_CALLS_PER_BATCH`], one `eth_call` each; every list is capped
//! ([`limits`]); a failed call (revert, timeout, RPC error, unexpected shape) costs only the
//! figures it would give, and the LRTs it concerns are labelled partial with why ([`Issue`]).
//!
//! How the figures are made (units: ETH, fractions):
//! - stake of a staker = Σ over strategies of withdrawable shares × the strategy's
//!   `sharesToUnderlyingView(1e18)` / 1e18 (beacon-chain ETH shares are wei), the underlying
//!   valued 1:1 in ETH (a labelled assumption for LSTs);
//! - `restaking.restakedEth` = Σ stake of the LRT's stakers; `nativeShare` = its beacon part;
//! - `delegations.weight` = stake delegated to the operator / `restakedEth`;
//!   `queuedWithdrawalEth` = the queued withdrawals' shares (as `getQueuedWithdrawals` gives them,
//!   slashing applied) whose `delegatedTo` is the operator, valued the same way;
//! - `allocations.magnitude` for an operator set = Σ over strategies of w_s × currentMagnitude /
//!   maxMagnitude, w_s being the share of strategy s in the LRTs' stake (active and queued) with
//!   the operator; a pending deallocation is still slashable until its effect block and is
//!   included (and listed in [`NetworkImport::pending`]);
//! - `operators.otherDelegatedEth` = the operator's shares (`getOperatorShares`) not held by the
//!   imported LRTs, valued the same way.
//!
//! Fault probabilities and AVS reward rates are not on chain: they stay the scenario's labelled
//! assumptions ([`NetworkImport::assumptions`]).

mod abi;
mod absorb;
mod assemble;
pub mod limits;
mod machine;
mod part;
mod query;
pub mod request;

use serde::{Deserialize, Serialize};

use super::{Failure, Head, LiveBasis, RpcRequest};
use crate::network::Network;
use crate::network::demo::DemoNote;
pub use machine::NetworkImporter;
pub use part::not_imported;
pub use request::{BEACON_CHAIN_ETH_STRATEGY, LrtTarget, NetworkImportRequest, StakerSource};

/// The rounds of an import, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ImportPhase {
    /// The chain id and the block every call is pinned to.
    Head,
    /// Strategy valuations and the LRTs' staker lists.
    Lists,
    /// Renzo's list entries.
    Entries,
    /// Each staker's operator, shares and queued withdrawals.
    Stakers,
    /// Each operator's operator sets, max magnitudes and delegated shares.
    Operators,
    /// Each operator's allocations.
    Allocations,
    /// Finished.
    Done,
}

impl ImportPhase {
    /// The phase after this one.
    fn next(self) -> ImportPhase {
        match self {
            ImportPhase::Head => ImportPhase::Lists,
            ImportPhase::Lists => ImportPhase::Entries,
            ImportPhase::Entries => ImportPhase::Stakers,
            ImportPhase::Stakers => ImportPhase::Operators,
            ImportPhase::Operators => ImportPhase::Allocations,
            ImportPhase::Allocations | ImportPhase::Done => ImportPhase::Done,
        }
    }

    /// The fraction of the rounds done once this phase is reached, in `0..=1`.
    fn fraction(self) -> f64 {
        f64::from(self as u8) / f64::from(ImportPhase::Done as u8)
    }
}

/// Why an LRT's figures may be incomplete or questionable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Issue {
    /// A list was longer than its cap ([`limits`]): only the first `kept` entries were read.
    /// The result is partial.
    Truncated {
        /// What was listed (`renzo.operatorDelegators`, `operator 0x….operatorSets`).
        field: String,
        /// How many the chain listed.
        found: u64,
        /// How many were read.
        kept: u64,
    },
    /// A call gave nothing; the figures it feeds are left out. The result is partial.
    Failed {
        /// What the call was for (`renzo.operatorDelegators(3)`).
        field: String,
        /// The contract, checksummed.
        address: String,
        /// The function's signature.
        function: String,
        /// Why.
        reason: Failure,
    },
    /// Something read could not be counted (a queued withdrawal in a strategy the request does
    /// not value). The result is partial.
    Skipped {
        /// Where.
        field: String,
        /// What and why.
        detail: String,
    },
    /// The LRT's own record disagrees with EigenLayer's (`delegateAddress()` ≠ `delegatedTo`);
    /// the DelegationManager's answer is used. The result is not partial.
    Mismatch {
        /// Where.
        field: String,
        /// Both answers.
        detail: String,
    },
}

impl Issue {
    /// Whether the issue leaves figures out (every kind but [`Issue::Mismatch`]).
    pub fn is_partial(&self) -> bool {
        !matches!(self, Issue::Mismatch { .. })
    }
}

/// How far one LRT's import is, and what went wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LrtProgress {
    /// The protocol id.
    pub protocol: String,
    /// The round reached.
    pub phase: ImportPhase,
    /// Fraction of the rounds done, `0..=1`.
    pub done: f64,
    /// Stakers the LRT's contracts listed (after the cap).
    pub stakers_listed: usize,
    /// Stakers whose operator and shares were read.
    pub stakers_read: usize,
    /// Distinct operators its stakers delegate to.
    pub operators: usize,
    /// `true` when no issue leaves figures out ([`Issue::is_partial`]).
    pub complete: bool,
    /// What went wrong, in the order met.
    pub issues: Vec<Issue>,
}

/// The live basis of one figure of the imported network, by its path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FigureBasis {
    /// The figure's path in the network (`delegations[2].weight`).
    pub path: String,
    /// The call it rests on, at the import's block.
    pub basis: LiveBasis,
}

/// An allocation change queued but not yet in effect at the block (`pendingDiff ≠ 0` and
/// `effectBlock` after it). A deallocation stays slashable until its effect block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PendingChange {
    /// The operator's id in the network.
    pub operator: String,
    /// The operator set's id (`set-0x…-<id>`), as the network's AVSs are named.
    pub avs: String,
    /// The strategy, checksummed.
    pub strategy: String,
    /// `currentMagnitude / maxMagnitude`, fraction.
    pub current_magnitude: f64,
    /// `pendingDiff / maxMagnitude`, fraction (negative: a deallocation).
    pub pending_diff: f64,
    /// The block it takes effect at.
    pub effect_block: u64,
}

/// The outcome of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct NetworkImport {
    /// The block every call was pinned to.
    pub head: Head,
    /// The network (validated): the LRTs' preset profiles, their operators, the operator sets
    /// they allocate to (as AVSs), delegations, allocations and restaked ETH. No positions.
    pub network: Network,
    /// The live basis of each figure, by path.
    pub bases: Vec<FigureBasis>,
    /// Each LRT's progress and issues, in request order.
    pub lrts: Vec<LrtProgress>,
    /// Allocation changes not yet in effect.
    pub pending: Vec<PendingChange>,
    /// What the chain does not say, labelled.
    pub assumptions: Vec<DemoNote>,
    /// Rounds of requests sent (the head included).
    pub rounds: usize,
    /// Contract calls made (inside the `aggregate3` batches).
    pub calls: usize,
}

/// What to do next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ImportStep {
    /// Send these requests (in any order, concurrently or not) and pass the answers back to
    /// [`NetworkImporter::on_replies`] in this order.
    Calls {
        /// The requests.
        requests: Vec<RpcRequest>,
        /// Each LRT's progress so far.
        progress: Vec<LrtProgress>,
    },
    /// The import is finished.
    Done {
        /// Its outcome.
        import: Box<NetworkImport>,
    },
}

#[cfg(test)]
mod tests;
