//! The importer against a chain in memory ([`fake::FakeChain`]): the round trip of the spec's
//! network, the caps, reverts and timeouts mid-round, hand-built ABI answers, and any bytes an
//! endpoint may send.

mod fake;
#[cfg(not(target_arch = "wasm32"))]
// proptest is a native dev-dependency only.
#[cfg(not(target_arch = "wasm32"))]
mod hostile;
mod part;
pub(crate) mod spec;

use alloy_primitives::U256;
use alloy_sol_types::SolCall;

use super::abi::{IAllocationManager, IDelegationManager, IRenzoRestakeManager};
use super::limits::{MAX_IMPORT_OPERATORS, MAX_ROUNDS, MAX_SETS_PER_OPERATOR, MAX_STAKERS_PER_LRT};
use super::{ImportPhase, ImportStep, Issue, NetworkImporter};
use crate::chain::decode::decoded;
use crate::chain::{Failure, RpcReply};
use fake::{BLOCK, FakeChain, list_address};
use spec::{Spec, SpecLrt, SpecOperator, SpecSet, SpecStaker, expected, spec, wei};

#[test]
fn the_round_trip_gives_back_exactly_the_network() {
    let chain = FakeChain::new(spec());
    let import = chain.run(&chain.request()).unwrap();
    assert_eq!(import.network, expected());
    assert!(
        import
            .lrts
            .iter()
            .all(|l| l.complete && l.issues.is_empty()),
        "{:?}",
        import.lrts
    );
    assert!(
        import
            .lrts
            .iter()
            .all(|l| l.phase == ImportPhase::Done && l.done == 1.0)
    );
    let counts: Vec<(usize, usize, usize)> = import
        .lrts
        .iter()
        .map(|l| (l.stakers_listed, l.stakers_read, l.operators))
        .collect();
    assert_eq!(counts, [(3, 3, 2), (2, 2, 2), (2, 2, 2)]);
    // Head, lists, Renzo's entries, stakers, operators, allocations.
    assert_eq!(import.rounds, MAX_ROUNDS);
    // Lists: 1 strategy + 3 lists; entries 3; stakers 7 × 4; operators 4 × 3; allocations:
    // A 2 sets × 2 strategies, B 3 × 2, C 1 × 2, D 1 × 1 (no LST with D).
    assert_eq!(import.calls, 4 + 3 + 28 + 12 + (4 + 6 + 2 + 1));
    assert_eq!(import.head.block_number, BLOCK);
    // D's pending deallocation of 0.125 of its beacon magnitude, still slashable: 0.375 counts.
    assert_eq!(import.pending.len(), 1, "{:?}", import.pending);
    let p = &import.pending[0];
    assert_eq!(
        (p.current_magnitude, p.pending_diff, p.effect_block),
        (0.375, -0.125, u64::from(spec::FAR_BLOCK))
    );
    assert_eq!(p.avs, format!("set-{}-0", spec::AVS_ORACLE));
    let basis = |path: &str| {
        import
            .bases
            .iter()
            .find(|b| b.path == path)
            .map(|b| &b.basis)
    };
    let b = basis("delegations[1].queuedWithdrawalEth").unwrap();
    assert_eq!(
        (b.block_number, b.function.as_str()),
        (BLOCK, "getQueuedWithdrawals(address)")
    );
    assert_eq!(b.address, fake::DM.to_checksum(None));
    assert_eq!(
        basis("allocations[5].magnitude").unwrap().address,
        fake::AM.to_checksum(None)
    );
    assert!(
        basis("restaking[2].nativeShare").is_some()
            && basis("operators[3].otherDelegatedEth").is_some()
    );
    assert!(
        import
            .assumptions
            .iter()
            .any(|n| n.path == "faultProbabilities")
    );
}

#[test]
fn the_imported_network_differs_per_protocol() {
    let chain = FakeChain::new(spec());
    let n = chain.run(&chain.request()).unwrap().network;
    // Renzo's stake is behind A and B, YieldNest's behind C and D: different operator sets.
    assert_eq!(n.behind("renzo").avss.len(), 3);
    assert_eq!(n.behind("yieldnest").avss.len(), 2);
}

/// The local chain's fixture: the spec and the network it imports as, as
/// tests/chain/eigenlayer.mjs reads them. `UPDATE_FIXTURES=1` rewrites it.
#[test]
fn the_local_chain_fixture_is_current() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/network_import_local.json"
    );
    let want = serde_json::json!({ "spec": spec(), "expected": expected() });
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(
            path,
            format!("{}\n", serde_json::to_string_pretty(&want).unwrap()),
        )
        .unwrap();
    }
    let have: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(have, want, "run with UPDATE_FIXTURES=1 to rewrite {path}");
}

fn one_lrt(
    kind: &str,
    protocol: &str,
    stakers: Vec<SpecStaker>,
    operators: Vec<SpecOperator>,
) -> Spec {
    Spec {
        lst_rate: wei(1.0),
        lrts: vec![SpecLrt {
            protocol: protocol.to_owned(),
            kind: kind.to_owned(),
            stakers,
        }],
        operators,
    }
}

fn plain(operator: &str, beacon: f64) -> SpecStaker {
    SpecStaker {
        operator: operator.to_owned(),
        own_operator: None,
        beacon: wei(beacon),
        lst: "0".to_owned(),
        queued: vec![],
    }
}

/// An operator address `0x0000…<n>` (n > 0).
fn nth(n: usize) -> String {
    format!("0x{:040x}", n)
}

#[test]
fn an_operator_with_more_sets_than_the_cap_is_read_for_the_first_and_labelled() {
    let sets: Vec<SpecSet> = (0..20u32)
        .map(|id| {
            let a = spec::SpecAllocation {
                current: wei(1.0 / 32.0),
                pending_diff: "0".to_owned(),
                effect_block: 0,
            };
            SpecSet {
                avs: spec::AVS_DA.to_owned(),
                id,
                beacon: a.clone(),
                lst: a,
            }
        })
        .collect();
    let op = SpecOperator {
        address: nth(7),
        other_beacon: "0".to_owned(),
        other_lst: "0".to_owned(),
        max_beacon: wei(1.0),
        max_lst: wei(1.0),
        sets,
    };
    let chain = FakeChain::new(one_lrt(
        "renzo",
        "renzo",
        vec![plain(&nth(7), 32.0)],
        vec![op],
    ));
    let import = chain.run(&chain.request()).unwrap();
    assert_eq!(import.network.allocations.len(), MAX_SETS_PER_OPERATOR);
    assert!(
        import
            .network
            .allocations
            .iter()
            .all(|a| a.magnitude == 1.0 / 32.0)
    );
    let lrt = &import.lrts[0];
    assert!(!lrt.complete);
    assert!(
        matches!(&lrt.issues[..], [Issue::Truncated { found: 20, kept: 16, field }] if field.ends_with(".operatorSets")),
        "{:?}",
        lrt.issues
    );
}

#[test]
fn an_lrt_listing_more_stakers_than_the_cap_is_read_for_the_first_and_labelled() {
    let stakers = (1..=70).map(|k| plain(&nth(k), 1.0)).collect();
    let chain = FakeChain::new(one_lrt("kelp", "kelp", stakers, vec![]));
    let import = chain.run(&chain.request()).unwrap();
    let lrt = &import.lrts[0];
    assert_eq!(
        (lrt.stakers_listed, lrt.operators),
        (MAX_STAKERS_PER_LRT, MAX_STAKERS_PER_LRT)
    );
    assert_eq!(
        lrt.issues,
        [Issue::Truncated {
            field: "kelp.nodeDelegatorQueue".to_owned(),
            found: 70,
            kept: 64
        }]
    );
    assert_eq!(
        import.network.restaking[0].restaked_eth, 64.0,
        "only what was read"
    );
}

#[test]
fn more_operators_than_the_cap_keeps_the_first_and_labels_the_lrt_beyond_it() {
    let list = |from: usize| {
        (from..from + 40)
            .map(|k| plain(&nth(k), 1.0))
            .collect::<Vec<_>>()
    };
    let mut s = one_lrt("stakers", "etherfi", list(1), vec![]);
    s.lrts.push(SpecLrt {
        protocol: "puffer".to_owned(),
        kind: "stakers".to_owned(),
        stakers: list(41),
    });
    let chain = FakeChain::new(s);
    let import = chain.run(&chain.request()).unwrap();
    assert_eq!(import.network.operators.len(), MAX_IMPORT_OPERATORS);
    assert!(import.lrts[0].complete, "{:?}", import.lrts[0].issues);
    assert_eq!(
        import.lrts[1].issues,
        [Issue::Truncated {
            field: "operators".to_owned(),
            found: 80,
            kept: 64
        }]
    );
    // Puffer's 40 ETH are all counted; the 16 ETH with dropped operators are not delegations.
    let w: f64 = import
        .network
        .delegations
        .iter()
        .filter(|d| d.protocol == "puffer")
        .map(|d| d.weight)
        .sum();
    assert_eq!(import.network.restaking[1].restaked_eth, 40.0);
    assert!((w - 24.0 / 40.0).abs() < 1e-12, "{w}");
}

#[test]
fn a_revert_in_the_middle_of_a_page_is_a_typed_failure_and_a_labelled_partial_result() {
    let mut chain = FakeChain::new(spec());
    let bad = IRenzoRestakeManager::operatorDelegatorsCall {
        index: U256::from(1),
    }
    .abi_encode();
    chain.reverts = Box::new(move |t, d| t == list_address(0) && d == bad.as_slice());
    let import = chain.run(&chain.request()).unwrap();
    let renzo = &import.lrts[0];
    assert_eq!((renzo.stakers_listed, renzo.complete), (2, false));
    assert!(
        matches!(&renzo.issues[..], [Issue::Failed { field, reason: Failure::Reverted { .. }, function, .. }]
        if field == "renzo.operatorDelegators(1)" && function == "operatorDelegators(uint256)"),
        "{:?}",
        renzo.issues
    );
    assert!(import.lrts[1].complete && import.lrts[2].complete);
    // Renzo without its second OperatorDelegator (B's 250 ETH): 750 ETH, A 500 of it.
    let r = &import.network.restaking[0];
    assert_eq!(
        (r.restaked_eth, import.network.delegations[0].weight),
        (750.0, 500.0 / 750.0)
    );
}

#[test]
fn a_timed_out_batch_costs_its_calls_and_says_so() {
    let mut chain = FakeChain::new(spec());
    // The stakers round is the fourth: ids 1–2 head, 3 lists, 4 entries, 5 stakers (28 calls: one batch).
    chain.fault = Box::new(|r| (r.id == 5).then_some(RpcReply::TimedOut));
    let import = chain.run(&chain.request()).unwrap();
    assert!(import.network.delegations.is_empty() && import.network.operators.is_empty());
    for l in &import.lrts {
        assert!(!l.complete && l.stakers_read == 0);
        assert!(
            l.issues.iter().all(|i| matches!(
                i,
                Issue::Failed {
                    reason: Failure::TimedOut,
                    ..
                }
            )),
            "{:?}",
            l.issues
        );
    }
}

#[test]
fn the_lrts_own_record_is_checked_against_the_delegation_manager() {
    let mut s = spec();
    s.lrts[1].stakers[0].own_operator = Some(spec::OP_D.to_owned());
    let chain = FakeChain::new(s);
    let import = chain.run(&chain.request()).unwrap();
    assert_eq!(
        import.network,
        expected(),
        "the DelegationManager's answer is used"
    );
    let kelp = &import.lrts[1];
    assert!(kelp.complete, "a mismatch leaves nothing out");
    assert!(
        matches!(&kelp.issues[..], [Issue::Mismatch { detail, .. }] if detail.contains("DelegationManager.delegatedTo"))
    );
}

#[test]
fn figures_the_contracts_cannot_return_are_refused_by_name() {
    let mut s = spec();
    s.operators[0].max_beacon = wei(2.0); // above one WAD
    s.lrts[2].stakers[0].beacon = wei(2e9); // 2e9 ETH
    let chain = FakeChain::new(s);
    let import = chain.run(&chain.request()).unwrap();
    let failed = |l: usize, what: &str| {
        import.lrts[l].issues.iter().any(|i| matches!(i, Issue::Failed { reason: Failure::UnexpectedShape { detail }, .. } if detail.contains(what)))
    };
    assert!(
        failed(0, "exceeds 1e18 (one WAD)"),
        "{:?}",
        import.lrts[0].issues
    );
    assert!(
        failed(2, "the network's amount limit"),
        "{:?}",
        import.lrts[2].issues
    );
    assert!(
        import
            .network
            .allocations
            .iter()
            .all(|a| a.operator != format!("op-{}", spec::OP_A))
    );
}

#[test]
fn the_step_protocol_is_enforced() {
    let chain = FakeChain::new(spec());
    let (mut importer, step) = NetworkImporter::start(&chain.request()).unwrap();
    let ImportStep::Calls { requests, progress } = step else {
        panic!()
    };
    assert_eq!(progress.len(), 3);
    let head: Vec<RpcReply> = requests.iter().map(|r| chain.answer(r)).collect();
    let ImportStep::Calls { requests, .. } = importer.on_replies(&head).unwrap() else {
        panic!()
    };
    assert_eq!(importer.on_replies(&[]).unwrap_err().field(), "replies");
    let mut step = importer
        .on_replies(&requests.iter().map(|r| chain.answer(r)).collect::<Vec<_>>())
        .unwrap();
    while let ImportStep::Calls { requests, .. } = step {
        step = importer
            .on_replies(&requests.iter().map(|r| chain.answer(r)).collect::<Vec<_>>())
            .unwrap();
    }
    assert_eq!(
        importer.on_replies(&[]).unwrap_err().field(),
        "networkImport"
    );
    let mut local = chain.request();
    local.allow_local_chain = false;
    let (mut importer, _) = NetworkImporter::start(&local).unwrap();
    assert_eq!(
        importer.on_replies(&head).unwrap_err().field(),
        "eth_chainId"
    );
}

#[test]
fn requests_are_checked_by_field() {
    let chain = FakeChain::new(spec());
    let err = |f: &dyn Fn(&mut super::NetworkImportRequest)| {
        let mut r = chain.request();
        f(&mut r);
        NetworkImporter::start(&r).unwrap_err().field().to_owned()
    };
    assert_eq!(
        err(&|r| r.lrts[1].protocol = "nobody".to_owned()),
        "lrts[1].protocol"
    );
    assert_eq!(
        err(&|r| r.lrts[2].protocol = "renzo".to_owned()),
        "lrts[2].protocol"
    );
    assert_eq!(
        err(&|r| r
            .strategies
            .push(super::BEACON_CHAIN_ETH_STRATEGY.to_owned())),
        "strategies[1]"
    );
    assert_eq!(
        err(&|r| r.strategies = vec![fake::LST.to_string(); 13]),
        "strategies"
    );
    assert_eq!(
        err(&|r| r.delegation_manager = "0x12".to_owned()),
        "delegationManager"
    );
    assert_eq!(err(&|r| r.lrts.clear()), "lrts");
    assert_eq!(
        err(&|r| r.lrts[0].source = super::StakerSource::Stakers {
            addresses: vec![nth(1); 65]
        }),
        "lrts[0].source.addresses"
    );
    assert!(NetworkImporter::start(&super::NetworkImportRequest::mainnet()).is_ok());
}

/// ABI answers written out word by word, decoded by the importer's interfaces.
#[test]
fn hand_built_abi_answers_decode_as_the_contracts_lay_them_out() {
    let word = |hex: &str| format!("{hex:0>64}");
    // getAllocation: (uint64 currentMagnitude, int128 pendingDiff, uint32 effectBlock), static.
    let minus_one_eighth = format!("{:x}", (-125_000_000_000_000_000i128) as u128);
    let alloc = [
        word("53444835ec580000"),
        format!("{minus_one_eighth:f>64}"),
        word("3b9aca00"),
    ]
    .concat();
    let a = decoded::<IAllocationManager::getAllocationCall>(
        &alloy_primitives::hex::decode(alloc).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (a.currentMagnitude, a.pendingDiff, a.effectBlock),
        (
            6_000_000_000_000_000_000,
            -125_000_000_000_000_000,
            1_000_000_000
        )
    );
    // getAllocatedSets: offset, length 1, (avs, id).
    let sets = [
        word("20"),
        word("1"),
        word("dadadadadadadadadadadadadadadadadadadada"),
        word("7"),
    ]
    .concat();
    let s = decoded::<IAllocationManager::getAllocatedSetsCall>(
        &alloy_primitives::hex::decode(sets).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (s.len(), s[0].id, s[0].avs.to_string().to_lowercase()),
        (1, 7, spec::AVS_DA.to_owned())
    );
    // getWithdrawableShares: two dynamic uint256[] (offsets 0x40 and 0x80), one entry each.
    let shares = [
        word("40"),
        word("80"),
        word("1"),
        word("de0b6b3a7640000"),
        word("1"),
        word("1bc16d674ec80000"),
    ]
    .concat();
    let w = decoded::<IDelegationManager::getWithdrawableSharesCall>(
        &alloy_primitives::hex::decode(shares).unwrap(),
    )
    .unwrap();
    assert_eq!(
        (w.withdrawableShares[0], w.depositShares[0]),
        (U256::from(10u64.pow(18)), U256::from(2 * 10u64.pow(18)))
    );
    // Dirty padding of a uint64 is refused, not truncated.
    let dirty = [word("1000000000000000000"), word("0"), word("0")].concat();
    assert!(
        decoded::<IAllocationManager::getAllocationCall>(
            &alloy_primitives::hex::decode(dirty).unwrap()
        )
        .is_err()
    );
}
