//! Slashing through time: a block-numbered sequence of actions applied to a network's
//! EigenLayer state, with the contracts' delays and reverts (Layr-Labs/eigenlayer-contracts:
//! `docs/core/AllocationManager.md`, `docs/core/DelegationManager.md`,
//! `docs/core/SlashEscrowFactory.md`, `docs/core/accounting/SharesAccounting.md`,
//! `docs/core/accounting/DualSlashingEdgeCase.md`, `src/contracts/libraries/SlashingLib.sol`;
//! ELIP-006 for redistribution; symbioticfi/core `src/contracts/slasher/VetoSlasher.sol` for
//! the veto phase).
//!
//! - **Delays** ([`delays`]): an allocation is slashable from `block + allocationDelay`; a
//!   deallocation stays slashable until `block + DEALLOCATION_DELAY + 1`, and a slash meanwhile
//!   also shrinks the pending decrease; a queued withdrawal is slashable through `startBlock +
//!   MIN_WITHDRAWAL_DELAY_BLOCKS` and completable after it, paying `scaledShares × sf` at that
//!   block; a slash's funds sit in escrow for the escrow delay, then are burned or redistributed.
//!   An action before its effect block sees the old state.
//! - **Reverts**: an action the contracts refuse is [`Error::Reverted`] at `actions[i]` with the
//!   rule (`WithdrawalDelayNotElapsed`, `ModificationAlreadyPending`, `InsufficientMagnitude`,
//!   `VetoPeriodNotEnded`, …).
//! - **Stakers**: deposit shares `s`, deposit scaling factor `k` (`SlashingLib.update` on every
//!   deposit), the pod's beacon-chain slashing factor `l` (only a checkpoint lowers it), the
//!   queue; claims `s·k·m·l`. Reported after every step.
//! - **Conservation** to the wei after every step: `deposited = remaining + paidOut + escrowed +
//!   burned + Σ redistributed + lostToBeaconChain + roundingDust`, and `escrowed + burned +
//!   Σ redistributed = slashed`; a failure is [`Error::Invariant`].
//!
//! Model limits: one magnitude per operator set for both strategies unless an action names one;
//! every allocation counts as registered (slashable); `delegate` needs a staker without deposit
//! shares; Symbiotic's veto applies to the same EigenLayer-style ledger.
//!
//! # Example: DualSlashingEdgeCase.md, scenario B
//! ```
//! use restake_core::network::Network;
//! use restake_core::slashing::staker::Strategy;
//! use restake_core::slashing::timeline::{Action, TimedAction, TimelineOptions, apply_timeline};
//!
//! let network = Network::from_json(r#"{"protocols": [],
//!   "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 32, "otherNativeShare": 1}],
//!   "avss": [{"id": "avs", "name": "AVS"}],
//!   "allocations": [{"operator": "op", "avs": "avs", "magnitude": 1}]}"#).unwrap();
//! let alice = "others@op".to_string();
//! let at = |block, action| TimedAction { block, action };
//! let actions = [
//!     at(1, Action::Slash { operator: "op".into(), avs: "avs".into(), fraction: 0.75,
//!                          redistribute_to: None, veto: None }),
//!     at(2, Action::BeaconBalanceDrop { staker: alice.clone(), amount_eth: 16.0 }),
//!     at(3, Action::Checkpoint { staker: alice.clone() }),
//!     at(4, Action::Deposit { staker: alice.clone(), strategy: Strategy::BeaconChainEth, amount_eth: 32.0 }),
//! ];
//! let r = apply_timeline(&network, &actions, &TimelineOptions::default()).unwrap();
//! let last = &r.steps[4].stakers[0];
//! assert_eq!(last.strategies[0].deposit_scaling_factor.value, 4.5);
//! assert_eq!(last.claim.eth, 36.0);
//! ```

pub mod action;
mod allocation;
pub mod delays;
mod operators;
pub mod report;
mod stakers;
mod state;

pub use action::{Action, MAX_ACTIONS, StartMagnitude, TimedAction, TimelineOptions, Veto};
pub use report::{
    AllocationState, OperatorState, OperatorStrategyState, PositionState, ProtocolState,
    SlashOutcome, StakerState, StakerStrategyState, TimelineReport, TimelineStep, TimelineTotals,
    WithdrawalState,
};

use crate::Error;
use crate::network::Network;
use state::State;

/// Most `steps × (operators + stakers)` one report may hold (bounds its size).
pub const MAX_REPORT_ROWS: usize = 100_000;

/// Applies `actions` in order to `network` from block 0 and reports the state after each.
///
/// Errors: [`Error::Reverted`] at `actions[i]` for an action the contracts would revert;
/// `actions[i].block` when blocks go backwards; `actions[i].action.<field>` for a bad value or
/// an unknown id; `options.start[i].…` for a bad starting magnitude; network paths as
/// [`Network::validate`] gives them.
pub fn apply_timeline(
    network: &Network,
    actions: &[TimedAction],
    options: &TimelineOptions,
) -> Result<TimelineReport, Error> {
    network.validate()?;
    crate::validate::count_at_most("actions", actions.len(), MAX_ACTIONS, "actions")?;
    let mut state = State::new(network, options)?;
    let start_backing = state.backings(&state.claims(0)?);
    let mut steps = Vec::with_capacity(actions.len() + 1);
    steps.push(state.snapshot((None, 0, "start", String::new()), None, &start_backing)?);
    let mut last = 0u32;
    for (i, TimedAction { block, action }) in actions.iter().enumerate() {
        let block = *block;
        if block < last {
            return Err(Error::OutOfRange {
                field: format!("actions[{i}].block"),
                value: f64::from(block),
                expected: format!("at least the previous action's block, {last}"),
            });
        }
        last = block;
        for op in &mut state.operators {
            op.ledgers.iter_mut().for_each(|l| l.update(block));
        }
        let (note, slash) = match action {
            Action::Allocate { .. } | Action::Deallocate { .. } => {
                (state.modify(i, block, action)?, None)
            }
            Action::Slash {
                operator,
                avs,
                fraction,
                redistribute_to,
                veto,
            } => state.slash(
                i,
                block,
                operator,
                avs,
                *fraction,
                redistribute_to.as_ref(),
                veto.as_ref(),
            )?,
            Action::ReleaseEscrow { slash } => (state.release(i, block, *slash)?, None),
            _ => (state.apply_staker(i, block, action)?, None),
        };
        let rows = (steps.len() + 1) * (state.operators.len() + state.stakers.len());
        if rows > MAX_REPORT_ROWS {
            return Err(Error::OutOfRange {
                field: "actions".to_owned(),
                value: actions.len() as f64,
                expected: format!(
                    "fewer actions: the report would exceed {MAX_REPORT_ROWS} operator and staker rows"
                ),
            });
        }
        steps.push(state.snapshot((Some(i), block, action.kind(), note), slash, &start_backing)?);
    }
    Ok(TimelineReport { steps })
}

#[cfg(test)]
mod tests;
