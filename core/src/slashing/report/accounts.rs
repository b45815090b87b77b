//! The accounts of a slashing run per party: operators (with their strategies and allocations),
//! AVSs, protocols (LRTs), the user's positions and cross-LRT contagion.

use serde::{Deserialize, Serialize};

use super::Share;
use crate::slashing::staker::Strategy;
use crate::wad::{Amount, Fraction};

/// The operator's stake in one strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StrategyReport {
    /// Which strategy.
    pub strategy: Strategy,
    /// Stakers' claims (withdrawable + queued) before, ETH.
    pub before: Amount,
    /// After, ETH.
    pub after: Amount,
    /// Unique stake: `DelegationManager.operatorShares` before (active stake only, contract
    /// rounding), ETH.
    pub operator_shares_before: Option<Amount>,
    /// Unique stake: `operatorShares` after, ETH.
    pub operator_shares_after: Option<Amount>,
    /// Shared stake: collateral left in the vault (active + pending withdrawals, before the
    /// beacon-chain factor), ETH.
    pub vault_after: Option<Amount>,
}

/// One operator × AVS registration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllocationReport {
    /// AVS id.
    pub avs: String,
    /// Unique stake: the set's magnitude before, WAD.
    pub magnitude_before: Option<Fraction>,
    /// Unique stake: after, WAD.
    pub magnitude_after: Option<Fraction>,
    /// Unique stake: `magnitude / maxMagnitude` before — the share of the operator's stake this
    /// AVS can slash.
    pub share_of_stake_before: Option<Fraction>,
    /// Unique stake: the same after (it rises when another set was slashed).
    pub share_of_stake_after: Option<Fraction>,
    /// Shared stake: the network limit, share of the active stake at capture.
    pub network_limit: Option<Fraction>,
    /// What a 100% slash by this AVS would have taken before the sequence, ETH.
    pub slashable_before: Amount,
    /// What it would take after, ETH.
    pub slashable_after: Amount,
    /// Loss attributed to this AVS on this operator, ETH.
    pub slashed: Amount,
}

/// One operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OperatorReport {
    /// Operator id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Stake delegated to it (withdrawable + queued, all strategies) before, ETH.
    pub before: Amount,
    /// After, ETH.
    pub after: Amount,
    /// `before − after`, ETH.
    pub slashed: Amount,
    /// Part of `slashed` attributed to the beacon chain, ETH.
    pub slashed_by_beacon_chain: Amount,
    /// Unique stake: `maxMagnitude` before, WAD.
    pub max_magnitude_before: Option<Fraction>,
    /// Unique stake: `maxMagnitude` after, WAD.
    pub max_magnitude_after: Option<Fraction>,
    /// Unique stake: `maxMagnitude − encumbered` before (not slashable by any AVS), WAD.
    pub non_slashable_before: Option<Fraction>,
    /// Unique stake: the same after (equal to before: slashes never touch it).
    pub non_slashable_after: Option<Fraction>,
    /// Per strategy.
    pub strategies: Vec<StrategyReport>,
    /// Per AVS registration, in scenario order.
    pub allocations: Vec<AllocationReport>,
    /// Loss by delegator, ETH.
    pub by_protocol: Vec<Share>,
}

/// One AVS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AvsReport {
    /// AVS id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Σ over its operators of what a 100% slash would take, before, ETH.
    pub secured_before: Amount,
    /// The same after, ETH.
    pub secured_after: Amount,
    /// Loss attributed to this AVS, ETH.
    pub slashed: Amount,
    /// By operator, ETH.
    pub by_operator: Vec<Share>,
    /// By delegator, ETH.
    pub by_protocol: Vec<Share>,
}

/// One protocol (LRT).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolReport {
    /// Protocol id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token symbol.
    pub token: String,
    /// Backing before: restaked ETH plus queued withdrawals, ETH.
    pub backing_before: Amount,
    /// Backing after, ETH.
    pub backing_after: Amount,
    /// `backingBefore − backingAfter`, ETH.
    pub loss: Amount,
    /// Part of `loss` attributed to the beacon chain, ETH.
    pub loss_by_beacon_chain: Amount,
    /// Exchange-rate factor `backingAfter / backingBefore` (floor), WAD.
    pub rate_factor: Fraction,
    /// Relative change of the exchange rate, `rateFactor − 1` (≤ 0), fraction.
    pub rate_change: f64,
    /// Exchange rate before, ETH per token, when the scenario gives it.
    pub exchange_rate_before: Option<f64>,
    /// Exchange rate after (`before × rateFactor`), ETH per token, when known.
    pub exchange_rate_after: Option<f64>,
    /// Loss by operator, ETH.
    pub by_operator: Vec<Share>,
    /// Loss by AVS, ETH.
    pub by_avs: Vec<Share>,
    /// Other protocols that lost through an operator this one also lost through.
    pub contagion_with: Vec<String>,
}

/// One of the user's positions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PositionReport {
    /// `positions[i]`.
    pub id: String,
    /// Protocol id.
    pub protocol: String,
    /// Value before, ETH.
    pub before: Amount,
    /// Value after, `⌊before · rateFactor⌋` computed exactly, ETH.
    pub after: Amount,
    /// `before − after`, ETH.
    pub loss: Amount,
}

/// An operator whose slashing hit two or more delegators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ContagionReport {
    /// Operator id.
    pub operator: String,
    /// Each delegator's loss through it, ETH.
    pub protocols: Vec<Share>,
}
