//! EigenLayer's delays, in blocks (mainnet values), and the rule each timeline step follows.
//!
//! - `DEALLOCATION_DELAY` = 100,800 blocks (14 days) and `ALLOCATION_CONFIGURATION_DELAY` =
//!   126,000 blocks (17.5 days): `docs/core/AllocationManager.md` §Parameterization,
//!   Layr-Labs/eigenlayer-contracts. A deallocation takes effect at
//!   `block + DEALLOCATION_DELAY + 1` (slashable for `DEALLOCATION_DELAY` blocks); an allocation
//!   at `block + allocationDelay` (not incremented by 1, to allow instant allocations).
//! - `MIN_WITHDRAWAL_DELAY_BLOCKS` = 100,800 ([`crate::presets::EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS`]):
//!   a withdrawal queued at `startBlock` is slashable up to `slashableUntil = startBlock +
//!   MIN_WITHDRAWAL_DELAY_BLOCKS` inclusive and completable once `block > slashableUntil`
//!   (`DelegationManager._completeQueuedWithdrawal`, `WithdrawalDelayNotElapsed`).
//! - `_globalEscrowDelayBlocks` = 28,800 blocks (4 days): `docs/core/SlashEscrowFactory.md`;
//!   released at or after `slashBlock + delay`.

/// `DEALLOCATION_DELAY` on mainnet, blocks.
pub const DEALLOCATION_DELAY_BLOCKS: u32 = 100_800;

/// `ALLOCATION_CONFIGURATION_DELAY` on mainnet, blocks: how long a change of an operator's
/// allocation delay takes; reported with the allocation rule.
pub const ALLOCATION_CONFIGURATION_DELAY_BLOCKS: u32 = 126_000;

/// `MIN_WITHDRAWAL_DELAY_BLOCKS` on mainnet, blocks.
pub const MIN_WITHDRAWAL_DELAY_BLOCKS: u32 = crate::presets::EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS;

/// The slash escrow's global delay on mainnet, blocks.
pub const ESCROW_DELAY_BLOCKS: u32 = 28_800;

/// serde default of `deallocationDelayBlocks`.
pub(super) fn deallocation_default() -> u32 {
    DEALLOCATION_DELAY_BLOCKS
}

/// serde default of `withdrawalDelayBlocks`.
pub(super) fn withdrawal_default() -> u32 {
    MIN_WITHDRAWAL_DELAY_BLOCKS
}

/// serde default of `escrowDelayBlocks`.
pub(super) fn escrow_default() -> u32 {
    ESCROW_DELAY_BLOCKS
}

/// The contract rule an action kind follows, one sentence with its source, shown beside each
/// step.
pub fn rule(kind: &str) -> &'static str {
    match kind {
        "allocate" => {
            "AllocationManager.modifyAllocations: the increase is encumbered at once and slashable from block + allocation delay (the delay itself changes only after ALLOCATION_CONFIGURATION_DELAY)"
        }
        "deallocate" => {
            "AllocationManager.modifyAllocations: a deallocation stays slashable until block + DEALLOCATION_DELAY + 1; a slash meanwhile shrinks the pending decrease by ⌈pending·w⌉"
        }
        "slash" => {
            "AllocationManager.slashOperator: ⌈a·w⌉ leaves the allocation, maxMagnitude and encumbered magnitude; every staker of the operator loses slashed/maxMagnitude, queued withdrawals inside their window included; the shares go to escrow"
        }
        "beaconBalanceDrop" => {
            "Beacon chain: the validators lose ETH; the EigenPod does not see it until a checkpoint"
        }
        "checkpoint" => {
            "EigenPod checkpoint (EigenPodManager._reduceSlashingFactor): l' = ⌊l·after/before⌋ of the pod's restaked balance"
        }
        "deposit" => {
            "SlashingLib.update: k' = (withdrawable + added) / (depositShares + added) / slashingFactor, or 1/slashingFactor on a first deposit"
        }
        "queueWithdrawal" => {
            "DelegationManager.queueWithdrawals: scaled shares = depositShares·k leave the operator and stay slashable until startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS"
        }
        "completeWithdrawal" => {
            "DelegationManager.completeQueuedWithdrawal: after startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS, pays scaledShares × the slashing factor at that block"
        }
        "delegate" => "DelegationManager.delegateTo: the staker's shares join the operator's",
        "undelegate" => {
            "DelegationManager.undelegate: every deposit share is queued for withdrawal, one withdrawal per strategy"
        }
        "releaseEscrow" => {
            "SlashEscrowFactory.releaseSlashEscrow: at or after slash block + escrow delay, burned or sent to the redistribution recipient (ELIP-006)"
        }
        _ => "",
    }
}

/// Where the rule of an action kind is written: the repository and file (see
/// docs/sources.md for the commit), shown beside each step with [`rule`].
pub fn source(kind: &str) -> &'static str {
    match kind {
        "allocate" | "deallocate" => {
            "Layr-Labs/eigenlayer-contracts, docs/core/AllocationManager.md (modifyAllocations) and src/contracts/core/AllocationManager.sol"
        }
        "slash" => {
            "Layr-Labs/eigenlayer-contracts, docs/core/AllocationManager.md (slashOperator), src/contracts/libraries/SlashingLib.sol; symbioticfi/core src/contracts/slasher/VetoSlasher.sol for a veto phase"
        }
        "beaconBalanceDrop" | "checkpoint" => {
            "Layr-Labs/eigenlayer-contracts, docs/core/EigenPod.md (checkpoints), docs/core/accounting/DualSlashingEdgeCase.md"
        }
        "deposit" => {
            "Layr-Labs/eigenlayer-contracts, src/contracts/libraries/SlashingLib.sol (update), docs/core/accounting/SharesAccounting.md"
        }
        "queueWithdrawal" | "completeWithdrawal" | "delegate" | "undelegate" => {
            "Layr-Labs/eigenlayer-contracts, docs/core/DelegationManager.md and src/contracts/core/DelegationManager.sol"
        }
        "releaseEscrow" => {
            "Layr-Labs/eigenlayer-contracts, docs/core/SlashEscrowFactory.md; eigenfoundation/ELIPs, ELIP-006"
        }
        _ => "",
    }
}
