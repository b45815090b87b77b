//! Engine tests against the domain brief's worked examples and hand-worked cases.

use super::*;
use crate::wad::{Amount, WAD, WEI_PER_GWEI};

const ETH: u128 = WAD;

/// A network from a JSON fragment; `protocols` are the presets unless the fragment sets them.
fn network(fragment: &str) -> Network {
    let mut v: serde_json::Value = serde_json::from_str(fragment).unwrap();
    if v.get("protocols").is_none() {
        v["protocols"] = serde_json::to_value(crate::presets::protocols().unwrap()).unwrap();
    }
    Network::from_json(&v.to_string()).unwrap()
}

fn run(s: &Network, events: &[SlashEvent]) -> SlashingReport {
    apply_slashing(s, events, &SlashingOptions::default()).unwrap()
}

fn shared(s: &Network, events: &[SlashEvent]) -> SlashingReport {
    let options = SlashingOptions {
        mode: StakeMode::SharedStake,
        ..SlashingOptions::default()
    };
    apply_slashing(s, events, &options).unwrap()
}

fn fault(operator: &str, avs: &str, fraction: f64) -> SlashEvent {
    SlashEvent::OperatorFault {
        operator: operator.into(),
        avs: avs.into(),
        fraction,
    }
}

fn wei(a: &Amount) -> u128 {
    a.wei_value()
}

/// One operator with 10,000 ETH of other delegators (LSTs) and the ELIP-002 allocations.
fn elip_002() -> Network {
    network(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 10000}],
        "avss": [{"id": "avs-1", "name": "AVS 1"}, {"id": "avs-2", "name": "AVS 2"},
                 {"id": "avs-3", "name": "AVS 3"}, {"id": "avs-4", "name": "AVS 4"}],
        "allocations": [
            {"operator": "op", "avs": "avs-1", "magnitude": 0.2},
            {"operator": "op", "avs": "avs-2", "magnitude": 0.25},
            {"operator": "op", "avs": "avs-3", "magnitude": 0.2},
            {"operator": "op", "avs": "avs-4", "magnitude": 0.35}]}"#,
    )
}

#[test]
fn elip_002_magnitudes_example() {
    // 2000/2500/2000/3500 of 10000; a 50% slash of the first set → 1000/2500/2000/3500 of 9000.
    let r = run(&elip_002(), &[fault("op", "avs-1", 0.5)]);
    let op = &r.operators[0];
    let bp = |x: u128| x * WAD / 10_000;
    let after: Vec<u128> = op
        .allocations
        .iter()
        .map(|a| a.magnitude_after.as_ref().unwrap().wad_value())
        .collect();
    assert_eq!(after, [bp(1000), bp(2500), bp(2000), bp(3500)]);
    assert_eq!(
        op.max_magnitude_after.as_ref().unwrap().wad_value(),
        bp(9000)
    );
    // Stakers lose slashedMag / maxMag = 1000/10000 of 10,000 ETH.
    assert_eq!(wei(&op.slashed), 1000 * ETH);
    assert_eq!(wei(&r.avss[0].slashed), 1000 * ETH);
    // The other sets keep their absolute stake: a 100% slash by AVS 2 still takes 2,500 ETH,
    // now 2500/9000 of the operator's stake.
    assert_eq!(wei(&op.allocations[1].slashable_before), 2500 * ETH);
    assert_eq!(wei(&op.allocations[1].slashable_after), 2500 * ETH);
    assert_eq!(
        op.allocations[1]
            .share_of_stake_after
            .as_ref()
            .unwrap()
            .wad_value(),
        277_777_777_777_777_777
    );
    assert_eq!(wei(&op.allocations[0].slashable_after), 1000 * ETH);
    match &r.events[0].steps[0].detail {
        StepDetail::Magnitude {
            wad_slashed,
            operator_shares_slashed,
            ..
        } => {
            assert_eq!(wad_slashed.wad_value(), WAD / 10);
            assert_eq!(wei(operator_shares_slashed), 1000 * ETH);
        }
        d => panic!("{d:?}"),
    }
}

/// 32 ETH restaked natively by one staker with one operator fully allocated to one AVS.
fn dual() -> Network {
    network(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 32, "otherNativeShare": 1}],
        "avss": [{"id": "avs", "name": "AVS"}],
        "allocations": [{"operator": "op", "avs": "avs", "magnitude": 1}]}"#,
    )
}

#[test]
fn dual_slashing_example() {
    // DualSlashingEdgeCase.md: a 75% AVS slash leaves 8 ETH and the AVS's slash is 24 ETH; a
    // 16 ETH beacon-chain slash, checkpointed, leaves 4 ETH and the AVS's attributable slash
    // falls to 12 ETH (the beacon chain has priority: 16).
    let drop = SlashEvent::BeaconBalanceDrop {
        operator: "op".into(),
        amount_eth: 16.0,
    };
    let first = run(&dual(), &[fault("op", "avs", 0.75)]);
    assert_eq!(wei(&first.totals.after), 8 * ETH);
    assert_eq!(wei(&first.avss[0].slashed), 24 * ETH);

    let both = run(&dual(), &[fault("op", "avs", 0.75), drop.clone()]);
    assert_eq!(wei(&both.totals.after), 4 * ETH);
    assert_eq!(wei(&both.avss[0].slashed), 12 * ETH);
    assert_eq!(wei(&both.totals.slashed_by_beacon_chain), 16 * ETH);
    // At the time, the AVS event took 24 and the checkpoint 4.
    assert_eq!(wei(&both.events[0].lost_at_event), 24 * ETH);
    assert_eq!(wei(&both.events[1].lost_at_event), 4 * ETH);
    assert_eq!(wei(&both.events[0].attributed), 12 * ETH);
    assert_eq!(wei(&both.events[1].attributed), 16 * ETH);
    // The contract's operator shares: 32 → 8 (AVS) → 8 − 32·0.25·0.5 = 4.
    let native = &both.operators[0].strategies[0];
    assert_eq!(wei(native.operator_shares_after.as_ref().unwrap()), 4 * ETH);

    // Checkpoint first: the same end state and the same attribution.
    let reversed = run(&dual(), &[drop, fault("op", "avs", 0.75)]);
    assert_eq!(wei(&reversed.totals.after), 4 * ETH);
    assert_eq!(wei(&reversed.avss[0].slashed), 12 * ETH);
    assert_eq!(wei(&reversed.events[0].lost_at_event), 16 * ETH);
}

/// ether.fi (100 ETH, native) and Renzo (200 ETH, LSTs) share operator X; Renzo also uses Y.
fn two_lrts() -> Network {
    network(
        r#"{"operators": [{"id": "op-x", "name": "X"}, {"id": "op-y", "name": "Y"}],
        "avss": [{"id": "avs-1", "name": "AVS 1"}, {"id": "avs-2", "name": "AVS 2"}],
        "delegations": [
            {"protocol": "etherfi", "operator": "op-x", "weight": 0.5},
            {"protocol": "renzo", "operator": "op-x", "weight": 0.25},
            {"protocol": "renzo", "operator": "op-y", "weight": 0.5}],
        "allocations": [
            {"operator": "op-x", "avs": "avs-1", "magnitude": 0.4},
            {"operator": "op-y", "avs": "avs-2", "magnitude": 0.5}],
        "positions": [{"protocol": "etherfi", "amountEth": 10}, {"protocol": "renzo", "amountEth": 10},
                      {"protocol": "kelp", "amountEth": 3}],
        "restaking": [
            {"protocol": "etherfi", "restakedEth": 100, "nativeShare": 1, "exchangeRateEth": 1.05},
            {"protocol": "renzo", "restakedEth": 200, "nativeShare": 0}]}"#,
    )
}

#[test]
fn one_operator_fault_hits_every_lrt_that_delegates_to_it() {
    // X slashed 50% on AVS 1 (magnitude 0.4): ⌈0.4·0.5⌉ = 0.2 of X's stake. X holds 50 ETH of
    // ether.fi and 50 ETH of Renzo: each loses 10 ETH.
    let r = run(&two_lrts(), &[fault("op-x", "avs-1", 0.5)]);
    let [ef, rz] = [&r.protocols[0], &r.protocols[1]];
    assert_eq!((wei(&ef.loss), wei(&rz.loss)), (10 * ETH, 10 * ETH));
    // Backing 100 → 90 (−10%) and 200 → 190 (−5%).
    assert_eq!(ef.rate_factor.wad_value(), 9 * WAD / 10);
    assert_eq!(rz.rate_factor.wad_value(), 95 * WAD / 100);
    assert!((ef.rate_change + 0.1).abs() < 1e-15);
    assert!((ef.exchange_rate_after.unwrap() - 0.945).abs() < 1e-12); // 1.05 × 0.9
    assert_eq!(rz.exchange_rate_after, None);
    // Holders: 10 ETH of weETH → 9; 10 ETH of ezETH → 9.5; Kelp has no restaking entry.
    let after: Vec<u128> = r.positions.iter().map(|p| wei(&p.after)).collect();
    assert_eq!(after, [9 * ETH, 95 * ETH / 10, 3 * ETH]);
    // Contagion: both LRTs lost through X.
    assert_eq!(r.contagion.len(), 1);
    assert_eq!(r.contagion[0].operator, "op-x");
    let ids: Vec<&str> = r.contagion[0]
        .protocols
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["etherfi", "renzo"]);
    assert_eq!(ef.contagion_with, ["renzo"]);
    assert_eq!(
        rz.by_avs,
        [Share {
            id: "avs-1".into(),
            amount: Amount::from_wei(10 * ETH)
        }]
    );
    assert_eq!(r.avss[0].by_protocol.len(), 2);
    // Y was not slashed.
    assert_eq!(wei(&r.operators[1].slashed), 0);
}

#[test]
fn layered_fault_unique_versus_shared_stake() {
    // 100 ETH with one operator allocating 0.3 and 0.5 (0.2 not slashable); it faults on both
    // AVSs, each slashing 100%.
    let s = network(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 100}],
        "avss": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "allocations": [{"operator": "op", "avs": "a", "magnitude": 0.3},
                        {"operator": "op", "avs": "b", "magnitude": 0.5}]}"#,
    );
    let layered = [SlashEvent::LayeredFault {
        operator: "op".into(),
        fraction: 1.0,
    }];
    // Unique stake: A takes its 30, B its 50; the 20 ETH remainder survives.
    let u = run(&s, &layered);
    assert_eq!(wei(&u.totals.after), 20 * ETH);
    assert_eq!(
        (wei(&u.avss[0].slashed), wei(&u.avss[1].slashed)),
        (30 * ETH, 50 * ETH)
    );
    assert_eq!(
        u.operators[0]
            .non_slashable_after
            .as_ref()
            .unwrap()
            .wad_value(),
        WAD / 5
    );
    // Shared stake, default limits (the whole stake for each AVS): A takes all 100 first;
    // B's claim of 100 finds nothing left.
    let sh = shared(&s, &layered);
    assert_eq!(wei(&sh.totals.after), 0);
    assert_eq!(
        (wei(&sh.avss[0].slashed), wei(&sh.avss[1].slashed)),
        (100 * ETH, 0)
    );
    match &sh.events[0].steps[1].detail {
        StepDetail::Vault {
            requested,
            slashed,
            shortfall,
            ..
        } => {
            assert_eq!(
                (wei(requested), wei(slashed), wei(shortfall)),
                (100 * ETH, 0, 100 * ETH)
            );
        }
        d => panic!("{d:?}"),
    }
    assert!(sh.notes.iter().any(|n| n.id == "sharedCapture"));
}

#[test]
fn shared_stake_limits_and_first_come_first_served() {
    // 100 ETH; AVS A limited to 60% of the stake, B unlimited. A slashes 100% of its 60;
    // B asks 50% of its capture stake (100) = 50 but only 40 is left.
    let s = network(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 100}],
        "avss": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "allocations": [{"operator": "op", "avs": "a", "magnitude": 0.1, "networkLimit": 0.6},
                        {"operator": "op", "avs": "b", "magnitude": 0.1}]}"#,
    );
    let r = shared(&s, &[fault("op", "a", 1.0), fault("op", "b", 0.5)]);
    assert_eq!(
        (wei(&r.avss[0].slashed), wei(&r.avss[1].slashed)),
        (60 * ETH, 40 * ETH)
    );
    assert_eq!(wei(&r.avss[1].secured_before), 100 * ETH);
    assert_eq!(wei(&r.avss[0].secured_before), 60 * ETH);
    assert_eq!(wei(&r.totals.after), 0);
    // Under unique stake the magnitudes (0.1 each) bound them: A removes 0.1 of the stake
    // (10 ETH), B ⌈0.1·0.5⌉ = 0.05 (5 ETH): 15 ETH in all.
    let u = run(&s, &[fault("op", "a", 1.0), fault("op", "b", 0.5)]);
    assert_eq!(wei(&u.totals.slashed), 15 * ETH);
}

#[test]
fn avs_wide_slash_hits_every_registered_operator() {
    // Both operators (10 ETH each, 0.5 allocated to A) slashed 20% of their allocation: 1 ETH each.
    let s = network(
        r#"{"protocols": [],
        "operators": [{"id": "p", "name": "P", "otherDelegatedEth": 10},
                      {"id": "q", "name": "Q", "otherDelegatedEth": 10}],
        "avss": [{"id": "a", "name": "A"}],
        "allocations": [{"operator": "p", "avs": "a", "magnitude": 0.5},
                        {"operator": "q", "avs": "a", "magnitude": 0.5}]}"#,
    );
    let r = run(
        &s,
        &[SlashEvent::AvsWide {
            avs: "a".into(),
            fraction: 0.2,
        }],
    );
    assert_eq!(r.events[0].steps.len(), 2);
    assert_eq!(wei(&r.avss[0].slashed), 2 * ETH);
    let by_op: Vec<u128> = r.avss[0]
        .by_operator
        .iter()
        .map(|s| wei(&s.amount))
        .collect();
    assert_eq!(by_op, [ETH, ETH]);
    assert_eq!(r.avss[0].by_protocol[0].id, OTHER_DELEGATORS_ID);
}

#[test]
fn queued_withdrawals_are_slashed_in_the_same_proportion() {
    // Renzo: 100 ETH restaked (LSTs), all with X, plus 20 ETH queued; X fully allocated to A,
    // slashed 50%: the active 100 → 50 and the queued 20 → 10.
    let s = network(
        r#"{"operators": [{"id": "x", "name": "X"}],
        "avss": [{"id": "a", "name": "A"}],
        "delegations": [{"protocol": "renzo", "operator": "x", "weight": 1, "queuedWithdrawalEth": 20}],
        "allocations": [{"operator": "x", "avs": "a", "magnitude": 1}],
        "restaking": [{"protocol": "renzo", "restakedEth": 100, "nativeShare": 0}]}"#,
    );
    let r = run(&s, &[fault("x", "a", 0.5)]);
    assert_eq!(wei(&r.protocols[0].backing_before), 120 * ETH);
    assert_eq!(wei(&r.protocols[0].backing_after), 60 * ETH);
    match &r.events[0].steps[0].detail {
        StepDetail::Magnitude {
            operator_shares_slashed,
            queued_shares_slashed,
            ..
        } => assert_eq!(
            (wei(operator_shares_slashed), wei(queued_shares_slashed)),
            (50 * ETH, 10 * ETH)
        ),
        d => panic!("{d:?}"),
    }
    let lst = &r.operators[0].strategies[1];
    assert_eq!((wei(&lst.before), wei(&lst.after)), (120 * ETH, 60 * ETH));
    assert_eq!(wei(lst.operator_shares_after.as_ref().unwrap()), 50 * ETH);
}

#[test]
fn beacon_slashing_of_one_validator() {
    // 64 ETH native with one operator (two 32 ETH validators); one slashed alone, S = 36M ETH.
    // Loss 63,111,892 gwei (beacon.rs worked example). One pod: l = 1 − 63,111,892e9/64e18 =
    // 1 − 986,123,312,500e-18, and 64·l leaves exactly 64 ETH − 63,111,892 gwei.
    let s = network(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 64, "otherNativeShare": 1}],
        "avss": [], "allocations": []}"#,
    );
    let one = SlashEvent::BeaconSlashing {
        operator: "op".into(),
        validators: 1,
        effective_balance_eth: 32,
    };
    let r = run(&s, &[one]);
    let loss = 63_111_892 * WEI_PER_GWEI;
    assert_eq!(wei(&r.totals.after), 64 * ETH - loss);
    assert_eq!(wei(&r.totals.slashed_by_beacon_chain), loss);
    match &r.events[0].steps[0].detail {
        StepDetail::BeaconSlashing {
            per_validator,
            pod_balance_decrease,
            ..
        } => {
            assert_eq!(wei(&per_validator.initial), 7_812_500 * WEI_PER_GWEI);
            assert_eq!(wei(&per_validator.correlation), 85_312 * WEI_PER_GWEI);
            assert_eq!(wei(pod_balance_decrease), loss);
        }
        d => panic!("{d:?}"),
    }
    // Only one more validator is left to slash.
    let two = SlashEvent::BeaconSlashing {
        operator: "op".into(),
        validators: 2,
        effective_balance_eth: 32,
    };
    let e = apply_slashing(&s, &[two.clone(), two], &SlashingOptions::default()).unwrap_err();
    assert_eq!(e.field(), "events[1].validators");
    // Other slashings in the window raise the correlation penalty: 12M ETH → the whole 32 ETH.
    let correlated = SlashingOptions {
        other_slashed_eth: 12_000_000.0,
        ..SlashingOptions::default()
    };
    let r = apply_slashing(
        &s,
        &[SlashEvent::BeaconSlashing {
            operator: "op".into(),
            validators: 1,
            effective_balance_eth: 32,
        }],
        &correlated,
    )
    .unwrap();
    assert_eq!(wei(&r.totals.after), 32 * ETH);
}

#[test]
fn beacon_loss_is_shared_by_pods_pro_rata() {
    // X holds ether.fi's 30 ETH (native) and 10 ETH of native other stake: a 4 ETH drop costs
    // 3 and 1; the LST part of nobody is touched.
    let s = network(
        r#"{"operators": [{"id": "x", "name": "X", "otherDelegatedEth": 10, "otherNativeShare": 1}],
        "avss": [], "delegations": [{"protocol": "etherfi", "operator": "x", "weight": 1}],
        "restaking": [{"protocol": "etherfi", "restakedEth": 30, "nativeShare": 1}]}"#,
    );
    let r = run(
        &s,
        &[SlashEvent::BeaconBalanceDrop {
            operator: "x".into(),
            amount_eth: 4.0,
        }],
    );
    assert_eq!(wei(&r.protocols[0].loss), 3 * ETH);
    assert_eq!(wei(&r.protocols[0].loss_by_beacon_chain), 3 * ETH);
    assert_eq!(
        r.operators[0].by_protocol[1],
        Share {
            id: OTHER_DELEGATORS_ID.into(),
            amount: Amount::from_wei(ETH)
        }
    );
    let e = apply_slashing(
        &s,
        &[SlashEvent::BeaconBalanceDrop {
            operator: "x".into(),
            amount_eth: 41.0,
        }],
        &SlashingOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.field(), "events[0].amountEth");
}

#[test]
fn engine_errors_name_the_field() {
    // A delegating protocol without a restaking entry.
    let mut s = two_lrts();
    s.restaking.pop();
    let e = apply_slashing(&s, &[], &SlashingOptions::default()).unwrap_err();
    assert_eq!(e.field(), "delegations[1].protocol");
    // Weights within the scenario's float tolerance but above 1 WAD as decimals.
    let mut s = two_lrts();
    s.delegations[1].weight = 0.5;
    s.delegations[2].weight = 0.5000000001;
    let e = apply_slashing(&s, &[], &SlashingOptions::default()).unwrap_err();
    assert_eq!(e.field(), "delegations[protocol=renzo].weight");
    // Magnitudes likewise.
    let mut s = elip_002();
    s.allocations[3].magnitude = 0.3500000001;
    let e = apply_slashing(&s, &[], &SlashingOptions::default()).unwrap_err();
    assert_eq!(e.field(), "allocations[operator=op].magnitude");
    // Too many events.
    let many = vec![fault("op", "avs-1", 0.1); MAX_EVENTS + 1];
    assert_eq!(
        apply_slashing(&elip_002(), &many, &SlashingOptions::default())
            .unwrap_err()
            .field(),
        "events"
    );
    // An invalid scenario is rejected before anything runs.
    let mut s = elip_002();
    s.operators[0].other_delegated_eth = f64::NAN;
    assert_eq!(
        apply_slashing(&s, &[], &SlashingOptions::default())
            .unwrap_err()
            .field(),
        "operators[0].otherDelegatedEth"
    );
}

#[test]
fn zero_magnitude_sets_are_skipped() {
    let s = network(
        r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 10}],
        "avss": [{"id": "a", "name": "A"}],
        "allocations": [{"operator": "op", "avs": "a", "magnitude": 0}]}"#,
    );
    let r = run(&s, &[fault("op", "a", 1.0)]);
    assert_eq!(r.events[0].steps[0].detail, StepDetail::ZeroMagnitude);
    assert_eq!(wei(&r.totals.slashed), 0);
}

#[test]
fn the_demo_runs_in_both_modes_and_shows_contagion() {
    let demo = demo::demo().unwrap();
    let u = apply_slashing(&demo.network, &demo.events, &demo.options).unwrap();
    let sh = shared(&demo.network, &demo.events);
    // B (ether.fi + Renzo) and C (Renzo + Kelp) are shared.
    let shared_ops: Vec<&str> = u.contagion.iter().map(|c| c.operator.as_str()).collect();
    assert_eq!(shared_ops, ["op-b", "op-c"]);
    // Shared stake lets each AVS reach the whole stake: it loses more.
    assert!(wei(&sh.totals.slashed) > wei(&u.totals.slashed));
    // Every demo figure has a basis.
    assert!(demo.notes.iter().all(|n| n.basis.validate(&n.path).is_ok()));
    // The report reads back from JSON (what the page and the npm package see); the exact
    // integers travel as strings.
    let json = serde_json::to_string(&u).unwrap();
    assert!(json.contains(r#""slashedMagnitude":{"wad":"150000000000000000","value":0.15}"#));
    let back: SlashingReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back.totals.slashed.wei, u.totals.slashed.wei);
    assert_eq!(back.events.len(), 3);
}

#[test]
fn position_totals_sum_the_positions_and_the_checks_catch_a_wrong_account() {
    let demo = demo::demo().unwrap();
    let r = apply_slashing(&demo.network, &demo.events, &demo.options).unwrap();
    let t = &r.position_totals;
    let sum = |f: fn(&PositionReport) -> &Amount| r.positions.iter().map(|p| wei(f(p))).sum();
    assert_eq!(wei(&t.before), sum(|p| &p.before));
    assert_eq!(wei(&t.after), sum(|p| &p.after));
    assert_eq!(wei(&t.loss), sum(|p| &p.loss));
    // Three 10 ETH positions lose 2.23 ETH together (tests/e2e/pages/slashing.mjs).
    assert_eq!(wei(&t.before), 30 * ETH);
    assert!((t.loss.eth - 2.23).abs() < 0.005, "{}", t.loss.eth);
    conservation::check_accounts(&r).unwrap();
    conservation::check_positions(&r).unwrap();

    // One wei moved between two operators' accounts breaks the per-operator identity.
    let mut bad = r.clone();
    bad.operators[0].slashed = Amount::from_wei(wei(&bad.operators[0].slashed) + 1);
    let Err(Error::Invariant { field, .. }) = conservation::check_accounts(&bad) else {
        panic!("a wrong account passed");
    };
    assert_eq!(field, "slashing.operators[].slashed");
    let mut bad = r.clone();
    bad.position_totals.loss = Amount::from_wei(wei(&t.loss) - 1);
    let Err(Error::Invariant { field, .. }) = conservation::check_positions(&bad) else {
        panic!("wrong totals passed");
    };
    assert_eq!(field, "slashing.positionTotals.loss");
}

#[test]
fn the_work_budget_is_steps_times_the_network_size() {
    let s = elip_002();
    let size = s.operators.len()
        + s.avss.len()
        + s.allocations.len()
        + s.delegations.len()
        + s.protocols.len()
        + s.positions.len();
    let fits = (MAX_SLASHING_WORK / size as f64).floor() as usize;
    assert!(super::work_budget(&s, fits).is_ok());
    let e = super::work_budget(&s, fits + 1).unwrap_err();
    assert_eq!(e.field(), "events");
    assert!(
        e.to_string().contains(&format!("its {} steps", fits + 1)),
        "{e}"
    );
}

#[test]
fn the_work_of_a_sequence_is_its_steps_times_the_network_size() {
    // ELIP-002's network: 1 operator + 4 AVSs + 4 allocations = 9 entries. Two operator faults
    // are 2 steps: 18 units; an avsWide event on avs-1 expands to one step per operator of the
    // AVS (1): 27 units with the three.
    let s = elip_002();
    let options = SlashingOptions::default();
    let mut events = vec![fault("op", "avs-1", 0.5), fault("op", "avs-2", 0.1)];
    assert_eq!(super::slashing_work(&s, &events, &options).unwrap(), 18.0);
    events.push(SlashEvent::AvsWide {
        avs: "avs-1".into(),
        fraction: 0.2,
    });
    assert_eq!(super::slashing_work(&s, &events, &options).unwrap(), 27.0);
    // The same checks as apply_slashing, before any work: an unknown AVS is named.
    events.push(fault("op", "nowhere", 0.1));
    let e = super::slashing_work(&s, &events, &options).unwrap_err();
    assert_eq!(e.field(), "events[3].avs");
    assert_eq!(
        apply_slashing(&s, &events, &options).unwrap_err().field(),
        "events[3].avs"
    );
}
