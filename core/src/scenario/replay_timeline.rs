//! The timeline replays: EigenLayer's published slashing walk-throughs as ready-made documents
//! with a `slashing.timeline`, for the Slashing page's preset picker. Each carries the demo
//! network plus the walk-through's own operator (`walkthrough-op`, no stake of its own) fully
//! allocated (magnitude 1) to its own AVS (`walkthrough-avs`); the walk-through's staker `alice`
//! delegates to it and deposits at block 1, so the demo's LRTs are untouched and every figure
//! of the story is Alice's.
//!
//! Sources: Layr-Labs/eigenlayer-contracts `docs/core/accounting/DualSlashingEdgeCase.md`
//! (scenarios A and B), `src/contracts/libraries/SlashingLib.sol` (`update`) and
//! `docs/core/AllocationManager.md` (`slashOperator` on a pending deallocation).

use super::replay::Replay;
use super::sections::{SlashingSection, TimelineSection};
use super::{SCENARIO_VERSION, Scenario};
use crate::Error;
use crate::network::{Allocation, Avs, Operator};
use crate::slashing::staker::Strategy;
use crate::slashing::timeline::{Action, TimedAction, TimelineOptions};
use crate::source::Basis;

/// The walk-through's staker.
pub const ALICE: &str = "alice";
const OP: &str = "walkthrough-op";
const AVS: &str = "walkthrough-avs";
const DUAL: &str =
    "Layr-Labs/eigenlayer-contracts f84a515, docs/core/accounting/DualSlashingEdgeCase.md";

fn at(block: u32, action: Action) -> TimedAction {
    TimedAction { block, action }
}

fn slash(fraction: f64) -> Action {
    Action::Slash {
        operator: OP.to_owned(),
        avs: AVS.to_owned(),
        fraction,
        redistribute_to: None,
        veto: None,
    }
}

fn deposit(strategy: Strategy, amount_eth: f64) -> Action {
    Action::Deposit {
        staker: ALICE.to_owned(),
        strategy,
        amount_eth,
    }
}

/// Block 1: Alice delegates to the walk-through operator and deposits `amount_eth`.
fn start(strategy: Strategy, amount_eth: f64) -> Vec<TimedAction> {
    vec![
        at(
            1,
            Action::Delegate {
                staker: ALICE.to_owned(),
                operator: OP.to_owned(),
            },
        ),
        at(1, deposit(strategy, amount_eth)),
    ]
}

fn source(citation: &str) -> Basis {
    Basis::Source {
        citation: citation.to_owned(),
        date: "undated".to_owned(),
    }
}

/// A replay of `actions` on the demo network plus the walk-through's operator and AVS.
fn replay(
    id: &str,
    title: &str,
    note: &str,
    basis: Vec<Basis>,
    actions: Vec<TimedAction>,
) -> Result<Replay, Error> {
    let mut network = crate::network::demo::demo()?.network;
    network.operators.push(Operator {
        id: OP.to_owned(),
        name: "Walk-through operator".to_owned(),
        other_delegated_eth: 0.0,
        other_native_share: 0.0,
    });
    network.avss.push(Avs {
        id: AVS.to_owned(),
        name: "Walk-through AVS".to_owned(),
    });
    network.allocations.push(Allocation {
        operator: OP.to_owned(),
        avs: AVS.to_owned(),
        magnitude: 1.0,
        network_limit: None,
    });
    let mut basis = basis;
    basis.push(Basis::Assumption {
        note: "The rest of the network is the Slashing page's illustrative demo; the walk-through's operator has no other delegators, so only Alice's figures move.".to_owned(),
    });
    Ok(Replay {
        id: id.to_owned(),
        title: title.to_owned(),
        date: "2025-04".to_owned(),
        note: note.to_owned(),
        basis,
        scenario: Scenario {
            version: SCENARIO_VERSION,
            name: Some(title.to_owned()),
            network,
            slashing: Some(SlashingSection {
                timeline: Some(TimelineSection {
                    actions,
                    options: TimelineOptions::default(),
                }),
                ..SlashingSection::default()
            }),
            ..Scenario::default()
        },
    })
}

/// The dual-slashing walk-through: 32 ETH of validators, a 75% AVS slash, a 16 ETH beacon-chain
/// loss, then a new 32 ETH validator proven before (`checkpoint_first = false`, scenario A:
/// k = 2.5, 30 ETH) or after (scenario B: k = 4.5, 36 ETH) the checkpoint.
fn dual(checkpoint_first: bool) -> Result<Replay, Error> {
    let mut actions = start(Strategy::BeaconChainEth, 32.0);
    actions.push(at(2, slash(0.75)));
    actions.push(at(
        3,
        Action::BeaconBalanceDrop {
            staker: ALICE.to_owned(),
            amount_eth: 16.0,
        },
    ));
    let checkpoint = Action::Checkpoint {
        staker: ALICE.to_owned(),
    };
    let proof = deposit(Strategy::BeaconChainEth, 32.0);
    if checkpoint_first {
        actions.extend([at(4, checkpoint), at(5, proof)]);
    } else {
        actions.extend([at(4, proof), at(5, checkpoint)]);
    }
    let (id, title, note) = if checkpoint_first {
        (
            "eigenlayer-dual-slashing-b",
            "Dual slashing: checkpoint, then a new validator",
            "EigenLayer's dual-slashing walk-through, scenario B. Alice restakes 32 ETH of validators; an AVS slashes her operator 75% (8 ETH left); her validators lose 16 ETH on the beacon chain; a checkpoint records it (beacon-chain slashing factor 0.5, 4 ETH left); then a new 32 ETH validator is proven: the deposit scaling factor becomes 4.5 and Alice can withdraw 36 ETH.",
        )
    } else {
        (
            "eigenlayer-dual-slashing-a",
            "Dual slashing: a new validator, then the checkpoint",
            "EigenLayer's dual-slashing walk-through, scenario A. As in scenario B, but the new 32 ETH validator is proven before the checkpoint: the deposit scaling factor becomes 2.5 (40 ETH), then the checkpoint sets the beacon-chain slashing factor to 0.75 and Alice can withdraw 30 ETH — 6 ETH less than with the other order.",
        )
    };
    replay(id, title, note, vec![source(DUAL)], actions)
}

/// A deposit after a 50% slash: `SlashingLib.update` sets k = 26/42/0.5, floored in WAD.
fn deposit_after_slash() -> Result<Replay, Error> {
    let mut actions = start(Strategy::Lst, 32.0);
    actions.push(at(2, slash(0.5)));
    actions.push(at(3, deposit(Strategy::Lst, 10.0)));
    replay(
        "eigenlayer-deposit-after-slash",
        "A deposit after a slash",
        "Alice deposits 32 ETH of LSTs; an AVS slashes her operator 50% (16 ETH left); she deposits 10 ETH more. The new shares must not be slashed by the earlier slash, so the deposit scaling factor becomes (16 + 10)/(32 + 10)/0.5 = 1.238095238095238094 (each division floored in WAD) and she can withdraw 26 ETH less 26 wei of rounding.",
        vec![source(
            "Layr-Labs/eigenlayer-contracts f84a515, src/contracts/libraries/SlashingLib.sol (update); docs/core/accounting/SharesAccounting.md",
        )],
        actions,
    )
}

/// A deallocation to 0.4 at block 10 (effect block 100,811), a 50% slash at 100,810 (still
/// takes half of the full allocation, and 0.3 of the pending decrease), a second 50% slash at
/// the effect block that sees the 0.2 left.
fn pending_deallocation() -> Result<Replay, Error> {
    let mut actions = start(Strategy::Lst, 32.0);
    actions.push(at(
        10,
        Action::Deallocate {
            operator: OP.to_owned(),
            avs: AVS.to_owned(),
            magnitude: 0.4,
            strategy: None,
        },
    ));
    actions.push(at(100_810, slash(0.5)));
    actions.push(at(100_811, slash(0.5)));
    replay(
        "eigenlayer-pending-deallocation",
        "A pending deallocation slashed before its effect block",
        "Alice deposits 32 ETH of LSTs with an operator fully allocated to one AVS. At block 10 the operator deallocates to 0.4; the change takes effect at block 10 + DEALLOCATION_DELAY (100,800) + 1 = 100,811. A 50% slash at block 100,810 still takes half of the full allocation (16 ETH) and shrinks the pending decrease from 0.6 to 0.3; at block 100,811 the allocation is 0.2, so a second 50% slash takes 0.1 (3.2 ETH) and Alice can withdraw 12.8 ETH.",
        vec![source(
            "Layr-Labs/eigenlayer-contracts f84a515, docs/core/AllocationManager.md (modifyAllocations, slashOperator, DEALLOCATION_DELAY)",
        )],
        actions,
    )
}

/// The timeline replays: `eigenlayer-dual-slashing-a`, `eigenlayer-dual-slashing-b`,
/// `eigenlayer-deposit-after-slash`, `eigenlayer-pending-deallocation`. Each validates and runs.
///
/// ```
/// let r = restake_core::scenario::timeline_replays().unwrap();
/// assert_eq!(r.len(), 4);
/// assert!(r.iter().all(|x| x.scenario.validate_document().is_ok()));
/// ```
pub fn timeline_replays() -> Result<Vec<Replay>, Error> {
    Ok(vec![
        dual(false)?,
        dual(true)?,
        deposit_after_slash()?,
        pending_deallocation()?,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wad::WAD;

    /// Alice's row after the last step of replay `k`, and the report.
    fn run(k: usize) -> crate::slashing::timeline::TimelineReport {
        let r = &timeline_replays().unwrap()[k];
        crate::scenario::run_scenario(&r.scenario)
            .unwrap()
            .slashing_timeline
            .unwrap()
    }

    fn alice(
        step: &crate::slashing::timeline::TimelineStep,
    ) -> &crate::slashing::timeline::StakerState {
        step.stakers.iter().find(|s| s.id == ALICE).unwrap()
    }

    #[test]
    fn the_replays_reproduce_their_sources_to_the_wei() {
        // DualSlashingEdgeCase.md scenario A: k = 2.5, then l = 0.75 → 30 ETH.
        let a = run(0);
        let last = alice(a.steps.last().unwrap());
        assert_eq!(last.beacon_chain_slashing_factor.wad_value(), 3 * WAD / 4);
        assert_eq!(
            last.strategies[0].deposit_scaling_factor.wad_value(),
            5 * WAD / 2
        );
        assert_eq!(last.claim.wei_value(), 30 * WAD);
        // Scenario B: l = 0.5, then k = 4.5 → 36 ETH.
        let b = run(1);
        let last = alice(b.steps.last().unwrap());
        assert_eq!(last.beacon_chain_slashing_factor.wad_value(), WAD / 2);
        assert_eq!(
            last.strategies[0].deposit_scaling_factor.wad_value(),
            9 * WAD / 2
        );
        assert_eq!(last.claim.wei_value(), 36 * WAD);
        // SlashingLib.update: k = ⌊⌊26/42⌋/0.5⌋ in WAD; 26 wei of rounding.
        let d = run(2);
        let last = alice(d.steps.last().unwrap());
        assert_eq!(
            last.strategies[1].deposit_scaling_factor.wad_value(),
            1_238_095_238_095_238_094
        );
        assert_eq!(last.claim.wei_value(), 26 * WAD - 26);
        // AllocationManager.md: 16 ETH at 100,810, then ⌈0.2·0.5⌉ = 0.1 of 32 → 12.8 ETH.
        let p = run(3);
        let n = p.steps.len();
        assert_eq!(alice(&p.steps[n - 2]).claim.wei_value(), 16 * WAD);
        assert_eq!(alice(&p.steps[n - 1]).claim.wei_value(), 128 * WAD / 10);
        // Every step names its rule and where it is written; the demo's LRTs do not move.
        for r in [&a, &b, &d, &p] {
            assert!(
                r.steps[1..]
                    .iter()
                    .all(|s| !s.rule.is_empty() && !s.source.is_empty())
            );
            let last = r.steps.last().unwrap();
            assert!(last.protocols.iter().all(|x| x.backing_ratio == 1.0));
        }
    }
}
