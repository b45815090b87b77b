//! The report of a slashing run: types only (the builder is `slashing::build`). Every amount
//! carries its exact integer (wei, as a decimal string, since JS numbers cannot hold 1e18-scale
//! integers exactly) and an `f64` view in ETH; every fraction its WAD integer (decimal string)
//! and an `f64` view in `0..=1`. Rows carry the scenario's ids; events and steps are numbered by
//! position (`events[2]`, `events[2].steps[0]`), positions by their path (`positions[1]`).
//!
//! Two accounts of the same losses:
//! - **at the event** (`lostAtEvent`, `lostAtStep`): how much value disappeared when the event
//!   happened, given everything before it;
//! - **attributed** (`attributed`, every `byAvs`/`byOperator`/`byProtocol` breakdown): who ends up
//!   with the loss once the sequence is over. The beacon chain has priority (its loss is measured
//!   as if no AVS had slashed) and each AVS step gets what it removed from what the beacon chain
//!   left (`docs/core/accounting/DualSlashingEdgeCase.md` in
//!   <https://github.com/Layr-Labs/eigenlayer-contracts>: 32 ETH, a 75% AVS slash and a 16 ETH
//!   beacon-chain slash → beacon chain 16, AVS 12, staker keeps 4).
//!
//! Both accounts sum, to the wei, to `totals.slashed = totals.before − totals.after`; the
//! identities are checked on every run by [`crate::slashing::conservation`].

use serde::{Deserialize, Serialize};

use crate::network::StakeMode;
use crate::wad::Amount;

mod accounts;
mod steps;

pub use accounts::{
    AllocationReport, AvsReport, ContagionReport, OperatorReport, PositionReport, ProtocolReport,
    StrategyReport,
};
pub use steps::{EventReport, StepDetail, StepReport, ValidatorPenalty};

/// Id used in `byProtocol` lists for the stake of delegators outside the scenario's protocols
/// (`operators[].otherDelegatedEth`); it cannot clash with a protocol id, which is lower case.
pub const OTHER_DELEGATORS_ID: &str = "otherDelegators";

/// A loss (or stake) attributed to one id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// Operator, AVS or protocol id ([`OTHER_DELEGATORS_ID`] for non-LRT delegators).
    pub id: String,
    /// The amount, ETH.
    pub amount: Amount,
}

/// Sums over all delegated stake in the scenario (every protocol's delegations and every
/// operator's other delegators; stake a protocol keeps undelegated is not included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Delegated stake before the sequence (withdrawable + queued), ETH.
    pub before: Amount,
    /// After it, ETH.
    pub after: Amount,
    /// `before − after`, ETH.
    pub slashed: Amount,
    /// Part of `slashed` attributed to AVS slashes, ETH.
    pub slashed_by_avss: Amount,
    /// Part of `slashed` attributed to the beacon chain, ETH.
    pub slashed_by_beacon_chain: Amount,
}

/// Sums over the user's positions (`positions[]`), each summed exactly in wei.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PositionTotals {
    /// `Σ positions[].before`, ETH.
    pub before: Amount,
    /// `Σ positions[].after`, ETH.
    pub after: Amount,
    /// `Σ positions[].loss = before − after`, ETH.
    pub loss: Amount,
}

/// A modelling choice in force for this run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ModelNote {
    /// Stable id, e.g. `sharedCapture`.
    pub id: String,
    /// The choice in words.
    pub text: String,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SlashingReport {
    /// Semantics used for AVS slashes.
    pub mode: StakeMode,
    /// Sums over all delegated stake.
    pub totals: Totals,
    /// Per event, in order.
    pub events: Vec<EventReport>,
    /// Per operator, in scenario order.
    pub operators: Vec<OperatorReport>,
    /// Per AVS, in scenario order.
    pub avss: Vec<AvsReport>,
    /// Per protocol with a restaking entry, in scenario order.
    pub protocols: Vec<ProtocolReport>,
    /// Per position, in scenario order.
    pub positions: Vec<PositionReport>,
    /// Sums over `positions`, ETH.
    pub position_totals: PositionTotals,
    /// Operators whose slashing hit two or more delegators.
    pub contagion: Vec<ContagionReport>,
    /// Modelling choices in force.
    pub notes: Vec<ModelNote>,
}
