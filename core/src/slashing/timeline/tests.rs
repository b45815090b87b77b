//! The timeline against published walk-throughs, to the wei. Sources:
//! `docs/core/accounting/DualSlashingEdgeCase.md` (Layr-Labs/eigenlayer-contracts, scenarios A
//! and B), `SlashingLib.update` (deposit scaling factor), `docs/core/AllocationManager.md`
//! (`slashOperator` on a pending deallocation), `docs/core/DelegationManager.md`
//! (`completeQueuedWithdrawal`), `docs/core/SlashEscrowFactory.md`.

use super::*;
use crate::slashing::staker::Strategy;
use crate::wad::WAD;

const ALICE: &str = "others@op";
const NATIVE: Strategy = Strategy::BeaconChainEth;

/// Alice: 32 ETH native with an operator fully allocated to one AVS (DualSlashingEdgeCase.md).
fn alice_network(native_share: f64) -> Network {
    Network::from_json(&format!(
        r#"{{"protocols": [],
        "operators": [{{"id": "op", "name": "Op", "otherDelegatedEth": 32, "otherNativeShare": {native_share}}}],
        "avss": [{{"id": "avs", "name": "AVS"}}, {{"id": "avs2", "name": "AVS 2"}}],
        "allocations": [{{"operator": "op", "avs": "avs", "magnitude": 1}}]}}"#
    ))
    .unwrap()
}

fn at(block: u32, action: Action) -> TimedAction {
    TimedAction { block, action }
}

fn slash(fraction: f64) -> Action {
    Action::Slash {
        operator: "op".into(),
        avs: "avs".into(),
        fraction,
        redistribute_to: None,
        veto: None,
    }
}

fn drop16() -> Action {
    Action::BeaconBalanceDrop {
        staker: ALICE.into(),
        amount_eth: 16.0,
    }
}

fn checkpoint() -> Action {
    Action::Checkpoint {
        staker: ALICE.into(),
    }
}

fn verify32() -> Action {
    Action::Deposit {
        staker: ALICE.into(),
        strategy: NATIVE,
        amount_eth: 32.0,
    }
}

fn run(network: &Network, actions: &[TimedAction]) -> TimelineReport {
    apply_timeline(network, actions, &TimelineOptions::default()).unwrap()
}

fn wei(a: &crate::wad::Amount) -> u128 {
    a.wei_value()
}

#[test]
fn dual_slashing_scenario_a_deposit_before_checkpoint() {
    // DualSlashingEdgeCase.md, scenario A: 75% slash (8 ETH), 16 ETH beacon loss, a new 32 ETH
    // validator verified (k = 40/64/0.25 = 2.5 → 40 ETH), then the checkpoint
    // (l = 48/64 = 0.75 → 64·0.25·0.75·2.5 = 30 ETH).
    let r = run(
        &alice_network(1.0),
        &[
            at(1, slash(0.75)),
            at(2, drop16()),
            at(3, verify32()),
            at(4, checkpoint()),
        ],
    );
    let s = |k: usize| &r.steps[k].stakers[0];
    assert_eq!(wei(&s(1).claim), 8 * WAD);
    assert_eq!(
        wei(&s(2).claim),
        8 * WAD,
        "an unproven beacon loss changes nothing"
    );
    assert_eq!(
        s(3).strategies[0].deposit_scaling_factor.wad_value(),
        25 * WAD / 10
    );
    assert_eq!(wei(&s(3).claim), 40 * WAD);
    assert_eq!(
        s(4).beacon_chain_slashing_factor.wad_value(),
        75 * WAD / 100
    );
    assert_eq!(wei(&s(4).claim), 30 * WAD);
    // The AVS's slash: 24 ETH of claims; the checkpoint: 10 ETH.
    let t = &r.steps[4].totals;
    assert_eq!(wei(&t.slashed), 24 * WAD);
    assert_eq!(wei(&t.lost_to_beacon_chain), 10 * WAD);
    assert_eq!(wei(&t.rounding_dust), 0);
}

#[test]
fn dual_slashing_scenario_b_checkpoint_before_deposit() {
    // Scenario B: checkpoint first (l = 16/32 = 0.5 → 32·0.25·0.5 = 4 ETH), then the new
    // validator: k = 36/64/0.125 = 4.5 → 64·0.25·0.5·4.5 = 36 ETH.
    let r = run(
        &alice_network(1.0),
        &[
            at(1, slash(0.75)),
            at(2, drop16()),
            at(3, checkpoint()),
            at(4, verify32()),
        ],
    );
    let s = |k: usize| &r.steps[k].stakers[0];
    assert_eq!(s(3).beacon_chain_slashing_factor.wad_value(), WAD / 2);
    assert_eq!(wei(&s(3).claim), 4 * WAD);
    assert_eq!(
        s(4).strategies[0].deposit_scaling_factor.wad_value(),
        45 * WAD / 10
    );
    assert_eq!(wei(&s(4).claim), 36 * WAD);
    assert_eq!(wei(&r.steps[4].totals.lost_to_beacon_chain), 4 * WAD);
}

#[test]
fn deposit_after_a_slash_updates_the_deposit_scaling_factor() {
    // SlashingLib.update, LST: 32 ETH at m = 1; a 50% slash → m = 0.5, withdrawable 16;
    // a 10 ETH deposit: k = (16 + 10)/(32 + 10)/0.5 = 26/42/0.5, each step floored in WAD:
    // 26e18·1e18/42e18 = 619047619047619047, ·1e18/0.5e18 = 1238095238095238094.
    let r = run(
        &alice_network(0.0),
        &[
            at(1, slash(0.5)),
            at(
                2,
                Action::Deposit {
                    staker: ALICE.into(),
                    strategy: Strategy::Lst,
                    amount_eth: 10.0,
                },
            ),
        ],
    );
    let lst = &r.steps[2].stakers[0].strategies[1];
    assert_eq!(
        lst.deposit_scaling_factor.wad_value(),
        1_238_095_238_095_238_094
    );
    assert_eq!(wei(&lst.deposit_shares), 42 * WAD);
    // Withdrawable 42e18·k/1e18·0.5 = 25999999999999999974 wei: 26 wei of rounding.
    assert_eq!(wei(&lst.withdrawable), 25_999_999_999_999_999_974);
    assert_eq!(wei(&r.steps[2].totals.rounding_dust), 26);
}

#[test]
fn a_pending_deallocation_is_slashable_until_its_effect_block() {
    // AllocationManager.md: a deallocation from 1 to 0.4 at block 10 takes effect at
    // 10 + 100,800 + 1 = 100,811. A 50% slash at 100,810 still takes ⌈1·0.5⌉ = 0.5 of the
    // current magnitude (16 of 32 ETH) and ⌈0.6·0.5⌉ = 0.3 of the pending decrease; at the
    // effect block 0.5 − 0.3 = 0.2 remains allocated.
    let dealloc = Action::Deallocate {
        operator: "op".into(),
        avs: "avs".into(),
        magnitude: 0.4,
        strategy: None,
    };
    let r = run(
        &alice_network(0.0),
        &[
            at(10, dealloc),
            at(100_810, slash(0.5)),
            at(
                100_811,
                Action::QueueWithdrawal {
                    staker: ALICE.into(),
                    strategy: Strategy::Lst,
                    deposit_shares_eth: 1.0,
                },
            ),
        ],
    )
    .steps;
    let a = &r[1].operators[0].strategies[1].allocations[0];
    assert_eq!(a.current.wad_value(), WAD);
    assert_eq!(a.pending_decrease.wad_value(), 6 * WAD / 10);
    assert_eq!(a.effect_block, Some(100_811));
    let cut = r[2].slash.as_ref().unwrap();
    assert_eq!(cut.slashed_magnitude.wad_value(), WAD / 2);
    assert_eq!(cut.slashed_pending_decrease.wad_value(), 3 * WAD / 10);
    assert_eq!(wei(&r[2].stakers[0].claim), 16 * WAD);
    // Same slash with no deallocation: the same 16 ETH, so the pending decrease shielded nothing.
    let plain = run(&alice_network(0.0), &[at(100_810, slash(0.5))]);
    assert_eq!(wei(&plain.steps[1].stakers[0].claim), 16 * WAD);
    let done = &r[3].operators[0].strategies[1];
    assert_eq!(done.allocations[0].current.wad_value(), 2 * WAD / 10);
    assert_eq!(done.encumbered.wad_value(), 2 * WAD / 10);
    assert_eq!(done.allocations[0].effect_block, None);
}

#[test]
fn a_slash_after_the_effect_block_sees_the_deallocation() {
    // Deallocated to 0.4 at block 10 (effect 100,811); a 50% slash at 100,811 takes 0.2 → m = 0.8.
    let dealloc = Action::Deallocate {
        operator: "op".into(),
        avs: "avs".into(),
        magnitude: 0.4,
        strategy: None,
    };
    let r = run(
        &alice_network(0.0),
        &[at(10, dealloc), at(100_811, slash(0.5))],
    );
    assert_eq!(
        r.steps[2].operators[0].strategies[1]
            .max_magnitude
            .wad_value(),
        8 * WAD / 10
    );
    assert_eq!(wei(&r.steps[2].stakers[0].claim), 256 * WAD / 10);
}

#[test]
fn queued_withdrawals_are_slashable_through_their_window_and_pay_after_it() {
    // Queue 10 of 32 LST shares at block 100; slashable through 100 + 100,800 = 100,900.
    let q = Action::QueueWithdrawal {
        staker: ALICE.into(),
        strategy: Strategy::Lst,
        deposit_shares_eth: 10.0,
    };
    let done = Action::CompleteWithdrawal {
        staker: ALICE.into(),
        withdrawal: 0,
        as_shares: false,
    };
    let early = apply_timeline(
        &alice_network(0.0),
        &[at(100, q.clone()), at(100_900, done.clone())],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert_eq!(early.field(), "actions[1]");
    assert!(
        early.to_string().contains("WithdrawalDelayNotElapsed"),
        "{early}"
    );
    // A 50% slash at 100,900 hits the queue (10 → 5); one at 100,901 does not.
    let r = run(
        &alice_network(0.0),
        &[
            at(100, q.clone()),
            at(100_900, slash(0.5)),
            at(100_901, done.clone()),
        ],
    );
    assert_eq!(wei(&r.steps[3].stakers[0].paid_out), 5 * WAD);
    let r = run(
        &alice_network(0.0),
        &[at(100, q), at(100_901, slash(0.5)), at(100_901, done)],
    );
    assert_eq!(wei(&r.steps[3].stakers[0].paid_out), 10 * WAD);
    assert_eq!(wei(&r.steps[3].stakers[0].claim), 11 * WAD);
}

#[test]
fn escrow_release_burns_or_redistributes_after_the_delay() {
    // 50% slash of 32 LST at block 5 → 16 ETH in escrow until 5 + 28,800.
    let red = Action::Slash {
        operator: "op".into(),
        avs: "avs".into(),
        fraction: 0.5,
        redistribute_to: Some("insurance".into()),
        veto: None,
    };
    let release = Action::ReleaseEscrow { slash: 0 };
    let e = apply_timeline(
        &alice_network(0.0),
        &[at(5, red.clone()), at(28_804, release.clone())],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("EscrowDelayNotElapsed"), "{e}");
    let r = run(&alice_network(0.0), &[at(5, red), at(28_805, release)]);
    let t = &r.steps[2].totals;
    assert_eq!(wei(&t.escrowed), 0);
    assert_eq!(t.redistributed[0].id, "insurance");
    assert_eq!(wei(&t.redistributed[0].amount), 16 * WAD);
    // A redistributing set cannot hold native ETH: a native-only staker loses nothing.
    let native = Action::Slash {
        operator: "op".into(),
        avs: "avs".into(),
        fraction: 0.5,
        redistribute_to: Some("insurance".into()),
        veto: None,
    };
    let r = run(&alice_network(1.0), &[at(5, native)]);
    assert_eq!(wei(&r.steps[1].stakers[0].claim), 32 * WAD);
}

#[test]
fn veto_phase_and_reverts_name_the_action() {
    // A 50% slash requested at block 10 with a 100-block veto phase.
    let vetoing = |vetoed, vetoed_share| Action::Slash {
        operator: "op".into(),
        avs: "avs".into(),
        fraction: 0.5,
        redistribute_to: None,
        veto: Some(Veto {
            requested_at: 10,
            veto_duration_blocks: 100,
            vetoed,
            vetoed_share,
        }),
    };
    let vetoed = |vetoed| vetoing(vetoed, 0.0);
    let e = apply_timeline(
        &alice_network(0.0),
        &[at(109, vetoed(false))],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("VetoPeriodNotEnded"), "{e}");
    let r = run(&alice_network(0.0), &[at(110, vetoed(true))]);
    assert_eq!(wei(&r.steps[1].stakers[0].claim), 32 * WAD);
    let r = run(&alice_network(0.0), &[at(110, vetoed(false))]);
    assert_eq!(wei(&r.steps[1].stakers[0].claim), 16 * WAD);
    // A resolver that reduces the request (docs.symbiotic.fi, Resolver: collateral split across
    // resolvers): the resolvers of 40% veto a 50% request, so w − ⌈0.5·0.4⌉ = 0.3 executes and
    // 32 ETH become 32·0.7 = 22.4 ETH; the resolvers of all of it spare everything.
    let reduced = |share| vetoing(false, share);
    let r = run(&alice_network(0.0), &[at(110, reduced(0.4))]);
    let cut = r.steps[1].slash.as_ref().unwrap();
    assert_eq!(cut.slashed_magnitude.wad_value(), 3 * WAD / 10);
    assert_eq!(wei(&r.steps[1].stakers[0].claim), 224 * WAD / 10);
    assert!(
        r.steps[1].note.contains("40% of the collateral vetoed"),
        "{}",
        r.steps[1].note
    );
    let r = run(&alice_network(0.0), &[at(110, reduced(1.0))]);
    assert!(r.steps[1].slash.is_none());
    assert_eq!(wei(&r.steps[1].stakers[0].claim), 32 * WAD);
    let e = apply_timeline(
        &alice_network(0.0),
        &[at(110, reduced(1.5))],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.field(), "actions[0].action.veto.vetoedShare");
    // Allocating twice while the first is pending: ModificationAlreadyPending.
    let half = || Action::Deallocate {
        operator: "op".into(),
        avs: "avs".into(),
        magnitude: 0.5,
        strategy: None,
    };
    let e = apply_timeline(
        &alice_network(0.0),
        &[at(1, half()), at(2, half())],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.field(), "actions[1]");
    assert!(e.to_string().contains("ModificationAlreadyPending"), "{e}");
    // Allocating more than maxMagnitude − encumbered: InsufficientMagnitude.
    let more = Action::Allocate {
        operator: "op".into(),
        avs: "avs2".into(),
        magnitude: 0.1,
        strategy: None,
    };
    let e = apply_timeline(
        &alice_network(0.0),
        &[at(1, more)],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert!(e.to_string().contains("InsufficientMagnitude"), "{e}");
    // Blocks going backwards.
    let e = apply_timeline(
        &alice_network(0.0),
        &[at(5, slash(0.1)), at(4, slash(0.1))],
        &TimelineOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.field(), "actions[1].block");
}

#[test]
fn an_operator_may_start_already_slashed() {
    // maxMagnitude 0.5 at block 0: the network's 32 ETH are delegated after it (k = 2), and the
    // full allocation is 0.5 absolute; a 50% slash leaves m = 0.25 → 16 ETH.
    let options = TimelineOptions {
        start: vec![StartMagnitude {
            operator: "op".into(),
            max_magnitude: 0.5,
        }],
        ..TimelineOptions::default()
    };
    let r = apply_timeline(&alice_network(0.0), &[at(1, slash(0.5))], &options).unwrap();
    assert_eq!(
        r.steps[0].stakers[0].strategies[1]
            .deposit_scaling_factor
            .wad_value(),
        2 * WAD
    );
    assert_eq!(wei(&r.steps[0].stakers[0].claim), 32 * WAD);
    assert_eq!(
        r.steps[1].operators[0].strategies[1]
            .max_magnitude
            .wad_value(),
        WAD / 4
    );
    assert_eq!(wei(&r.steps[1].stakers[0].claim), 16 * WAD);
}

#[test]
fn redelegation_moves_the_stake_after_the_withdrawal_delay() {
    // Undelegate at 1, delegate to op2 at 2, complete as shares after 1 + 100,800: op2 holds 32.
    let n = Network::from_json(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 32}, {"id": "op2", "name": "Op 2"}],
        "avss": [{"id": "avs", "name": "AVS"}],
        "allocations": [{"operator": "op", "avs": "avs", "magnitude": 1}]}"#,
    )
    .unwrap();
    let r = run(
        &n,
        &[
            at(
                1,
                Action::Undelegate {
                    staker: ALICE.into(),
                },
            ),
            at(
                2,
                Action::Delegate {
                    staker: ALICE.into(),
                    operator: "op2".into(),
                },
            ),
            at(
                100_802,
                Action::CompleteWithdrawal {
                    staker: ALICE.into(),
                    withdrawal: 0,
                    as_shares: true,
                },
            ),
        ],
    );
    assert_eq!(
        wei(&r.steps[3].operators[1].strategies[1].delegated),
        32 * WAD
    );
    assert_eq!(r.steps[3].stakers[0].operator.as_deref(), Some("op2"));
}
