//! The members of a network: operators, AVSs, the protocols' delegations to operators, the
//! operators' allocations to AVSs, each protocol's restaked ETH, and the user's positions.

use serde::{Deserialize, Serialize};

/// A node operator that runs validators and opts into AVSs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Operator {
    /// Stable identifier, `a-z0-9-_`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// ETH delegated to this operator by stakers outside the scenario's protocols (solo stakers,
    /// funds, LRTs not modelled), in ETH, `0..=1e9`; default 0. It shares every slash of the
    /// operator with the protocols' stake.
    #[serde(default)]
    pub other_delegated_eth: f64,
    /// Share of `otherDelegatedEth` that is native beacon-chain ETH in EigenPods (exposed to
    /// beacon-chain slashing) rather than LSTs, fraction in `0..=1`; default 0 (all LSTs).
    #[serde(default)]
    pub other_native_share: f64,
}

/// An Actively Validated Service: a network secured by restaked stake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Avs {
    /// Stable identifier, `a-z0-9-_`.
    pub id: String,
    /// Display name, e.g. `EigenDA`.
    pub name: String,
}

/// A protocol's delegation of its restaked ETH to one operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Delegation {
    /// Id of the delegating protocol.
    pub protocol: String,
    /// Id of the operator.
    pub operator: String,
    /// Share of the protocol's restaked ETH delegated to this operator, fraction in `0..=1`;
    /// a protocol's weights sum to at most 1 (the rest is not restaked).
    pub weight: f64,
    /// ETH this protocol has queued for withdrawal from this operator and not yet completed, in
    /// ETH, `0..=1e9`; default 0. It is on top of `weight × restakedEth`, split native/LST like
    /// the protocol's restaked ETH, and stays slashable during the 14-day EigenLayer escrow
    /// (ELIP-002; `DelegationManager.md`).
    #[serde(default)]
    pub queued_withdrawal_eth: f64,
}

/// An operator's allocation of its delegated stake to one AVS (an EigenLayer operator set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Allocation {
    /// Id of the operator.
    pub operator: String,
    /// Id of the AVS.
    pub avs: String,
    /// Allocated magnitude as a fraction of the operator's stake in `0..=1` (1.0 = 1 WAD = 100%);
    /// under unique stake an operator's magnitudes sum to at most 1.
    pub magnitude: f64,
    /// Shared-stake (Symbiotic) mode only: the network limit, i.e. the most of the operator's
    /// active stake at capture this AVS may slash, fraction in `0..=1`. Omitted, it is 1: the whole
    /// stake counts for every AVS the operator is registered with (an assumption: a curator that
    /// restakes fully). Unique-stake mode ignores it and uses `magnitude`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub network_limit: Option<f64>,
}

/// How much ETH a protocol restakes, and what it is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Restaking {
    /// Id of the protocol.
    pub protocol: String,
    /// The protocol's restaked ETH, in ETH, `0..=1e9`: the pool its delegation weights split
    /// among operators (the part not delegated is held outside EigenLayer and is not slashable).
    pub restaked_eth: f64,
    /// Share of the restaked ETH that is native beacon-chain ETH in EigenPods, fraction in
    /// `0..=1`; the rest is LSTs (stETH, ETHx, …) valued 1:1 in ETH.
    pub native_share: f64,
    /// The token's exchange rate before any slash, ETH per token, `> 0` and `≤ 1e6`; optional
    /// (reports then give only the relative change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub exchange_rate_eth: Option<f64>,
}

/// A holder's position in one protocol's token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Position {
    /// Id of the protocol whose token is held.
    pub protocol: String,
    /// Size of the position in ETH at the token's current exchange rate, ≥ 0.
    pub amount_eth: f64,
}
