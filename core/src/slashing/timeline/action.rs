//! The input of a timeline: block-numbered actions and the options (delays, an operator's
//! starting `maxMagnitude`). Amounts are ETH (`0 < x ≤ 1e9`), fractions in `(0, 1]`, blocks are
//! Ethereum block numbers (12 s each).

use serde::{Deserialize, Serialize};

use super::delays;
use crate::slashing::staker::Strategy;

/// Most actions one timeline may hold (each step reports every operator and staker, so the
/// report stays bounded).
pub const MAX_ACTIONS: usize = 200;

/// One action at a block. Actions must come in non-decreasing block order; several may share a
/// block (they apply in list order, as transactions in one block do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimedAction {
    /// Block number at which the action is mined, `0..=4,294,967,295` (the contracts' `uint32`).
    pub block: u32,
    /// What happens.
    pub action: Action,
}

/// What a staker, an operator or an AVS does. Stakers are named by id: the network's
/// delegations are the stakers `"<protocol>@<operator>"`, each operator's other delegators
/// `"others@<operator>"`; a `deposit` to a new id creates an undelegated staker, a `delegate`
/// a staker delegated to the operator (any address may call `delegateTo`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Action {
    /// `AllocationManager.modifyAllocations` raising the operator's magnitude for the AVS to
    /// `magnitude` (fraction of the operator's stake at `maxMagnitude` = 1): encumbered at once,
    /// slashable from `block + allocationDelayBlocks`.
    Allocate {
        /// Operator id.
        operator: String,
        /// AVS id (its operator set).
        avs: String,
        /// New magnitude, fraction in `(0, 1]`, WAD on the contract side.
        magnitude: f64,
        /// Only this strategy; both when omitted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "js", tsify(optional))]
        strategy: Option<Strategy>,
    },
    /// `modifyAllocations` lowering the magnitude to `magnitude`: the allocation stays slashable
    /// until `block + DEALLOCATION_DELAY + 1`, and a slash meanwhile shrinks the pending
    /// decrease too.
    Deallocate {
        /// Operator id.
        operator: String,
        /// AVS id.
        avs: String,
        /// New magnitude, fraction in `[0, 1)`.
        magnitude: f64,
        /// Only this strategy; both when omitted.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "js", tsify(optional))]
        strategy: Option<Strategy>,
    },
    /// `AllocationManager.slashOperator`: the AVS slashes `fraction` (`wadsToSlash`) of the
    /// operator's current allocation to it; the slashed shares go to escrow.
    Slash {
        /// Operator id.
        operator: String,
        /// AVS id.
        avs: String,
        /// `wadsToSlash` as a fraction in `(0, 1]`.
        fraction: f64,
        /// ELIP-006 redistribution: the recipient (an id you choose) that receives the slashed
        /// funds on release instead of the burn address. A redistributing operator set cannot
        /// hold the beacon-chain ETH strategy, so such a slash takes LST stake only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "js", tsify(optional))]
        redistribute_to: Option<String>,
        /// Symbiotic `VetoSlasher`: this action is the `executeSlash` of a request made at
        /// `requestedAt`; omitted, the slash is immediate (EigenLayer).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "js", tsify(optional))]
        veto: Option<Veto>,
    },
    /// A beacon-chain loss of `amountEth` on the staker's validators. The EigenPod does not see it
    /// until a `checkpoint`.
    BeaconBalanceDrop {
        /// Staker id.
        staker: String,
        /// ETH lost, at most the pod's balance on the beacon chain.
        amount_eth: f64,
    },
    /// `EigenPod` checkpoint: the pod's restaked balance falls to the beacon-chain balance and
    /// the beacon-chain slashing factor with it, `l' = ⌊l · after / before⌋`.
    Checkpoint {
        /// Staker id.
        staker: String,
    },
    /// A deposit: native ETH is a new validator whose withdrawal credentials are verified (its
    /// balance joins the pod), LST a `StrategyManager` deposit. The deposit scaling factor is
    /// updated as `SlashingLib.update` does.
    Deposit {
        /// Staker id; a new id creates an undelegated staker.
        staker: String,
        /// The strategy.
        strategy: Strategy,
        /// ETH deposited.
        amount_eth: f64,
    },
    /// `DelegationManager.queueWithdrawals` of `depositSharesEth` deposit shares: they leave the
    /// operator at once but stay slashable for `MIN_WITHDRAWAL_DELAY_BLOCKS`.
    QueueWithdrawal {
        /// Staker id.
        staker: String,
        /// The strategy.
        strategy: Strategy,
        /// Deposit shares withdrawn (1 share = 1 wei at deposit), ETH.
        deposit_shares_eth: f64,
    },
    /// `completeQueuedWithdrawal` of the withdrawal queued by action `withdrawal` (its index),
    /// allowed once `block > startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS`.
    CompleteWithdrawal {
        /// Staker id.
        staker: String,
        /// Index of the `queueWithdrawal` or `undelegate` action that queued it.
        withdrawal: usize,
        /// `receiveAsTokens = false`: the shares are credited back (and delegated to the
        /// staker's current operator); default false: paid out as tokens.
        #[serde(default)]
        #[cfg_attr(feature = "js", tsify(optional))]
        as_shares: bool,
    },
    /// `DelegationManager.delegateTo`: the staker, undelegated and with no deposit shares,
    /// delegates to the operator.
    Delegate {
        /// Staker id; a new id creates the staker.
        staker: String,
        /// Operator id.
        operator: String,
    },
    /// `DelegationManager.undelegate`: every deposit share is queued for withdrawal (one
    /// withdrawal per strategy) and the staker is no longer delegated.
    Undelegate {
        /// Staker id.
        staker: String,
    },
    /// `SlashEscrowFactory.releaseSlashEscrow`: after the escrow delay, the slash's funds are
    /// burned or sent to its redistribution recipient.
    ReleaseEscrow {
        /// Index of the `slash` action.
        slash: usize,
    },
}

/// Symbiotic's veto phase of a slash (`VetoSlasher`): the request is made at `requestedAt`;
/// the resolver may veto it during `vetoDurationBlocks`; `executeSlash` reverts before the
/// phase ends, and a vetoed request slashes nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Veto {
    /// Block of `requestSlash`, at most the action's block.
    pub requested_at: u32,
    /// The slasher's `vetoDuration`, blocks (12 s each).
    pub veto_duration_blocks: u32,
    /// Whether the resolver called `vetoSlash` within the phase.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub vetoed: bool,
    /// A resolver that **reduces** the request: the share of the vault's collateral whose
    /// resolvers vetoed it, fraction in `[0, 1]`; default 0. Symbiotic's docs let a vault split
    /// its collateral across resolvers ("10% without resolver, 40% with a Resolver A, and 50%
    /// with Resolver B", docs.symbiotic.fi, Resolver); a veto by the resolvers of a share spares
    /// that share, so `executeSlash` takes `w − ⌈w · vetoedShare⌉`. symbioticfi/core's
    /// `VetoSlasher` has one resolver per subnetwork (all or nothing, `vetoed`); a split is a
    /// modelling assumption, 0 unless you set it.
    #[serde(default, skip_serializing_if = "is_zero")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub vetoed_share: f64,
}

/// serde: `vetoedShare` is left out of documents when 0.
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// An operator that starts the timeline already slashed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StartMagnitude {
    /// Operator id.
    pub operator: String,
    /// `maxMagnitude` at block 0, fraction in `(0, 1]`; the network's allocation magnitudes are
    /// read as shares of what is left (absolute magnitude = `magnitude × maxMagnitude`), and the
    /// network's stakers as delegated after the earlier slash (`k = 1 / (m·l)`).
    pub max_magnitude: f64,
}

/// The timeline's parameters. Defaults are EigenLayer mainnet's (see [`delays`]) except
/// `allocationDelayBlocks`, which each operator sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineOptions {
    /// `DEALLOCATION_DELAY`, blocks; default 100,800 (mainnet, 14 days).
    #[serde(default = "delays::deallocation_default")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub deallocation_delay_blocks: u32,
    /// The operators' allocation delay (`setAllocationDelay`), blocks; default 0 — an
    /// assumption: the contracts allow any value, 0 included, and each operator chooses.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub allocation_delay_blocks: u32,
    /// `MIN_WITHDRAWAL_DELAY_BLOCKS`; default 100,800 (mainnet, 14 days).
    #[serde(default = "delays::withdrawal_default")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub withdrawal_delay_blocks: u32,
    /// The slash escrow delay (`_globalEscrowDelayBlocks`), blocks; default 28,800 (4 days).
    #[serde(default = "delays::escrow_default")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub escrow_delay_blocks: u32,
    /// Operators already slashed at block 0; empty by default.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub start: Vec<StartMagnitude>,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            deallocation_delay_blocks: delays::DEALLOCATION_DELAY_BLOCKS,
            allocation_delay_blocks: 0,
            withdrawal_delay_blocks: delays::MIN_WITHDRAWAL_DELAY_BLOCKS,
            escrow_delay_blocks: delays::ESCROW_DELAY_BLOCKS,
            start: Vec::new(),
        }
    }
}

impl Action {
    /// The action's `kind` as written in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Allocate { .. } => "allocate",
            Action::Deallocate { .. } => "deallocate",
            Action::Slash { .. } => "slash",
            Action::BeaconBalanceDrop { .. } => "beaconBalanceDrop",
            Action::Checkpoint { .. } => "checkpoint",
            Action::Deposit { .. } => "deposit",
            Action::QueueWithdrawal { .. } => "queueWithdrawal",
            Action::CompleteWithdrawal { .. } => "completeWithdrawal",
            Action::Delegate { .. } => "delegate",
            Action::Undelegate { .. } => "undelegate",
            Action::ReleaseEscrow { .. } => "releaseEscrow",
        }
    }
}
