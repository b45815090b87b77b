//! One LRT's part of the imported network, hand-worked on the spec's network
//! (`spec::expected`): Renzo 1,000 ETH (half native) with A (0.5) and B (0.25, 100 ETH queued);
//! Kelp 2,000 ETH (half native) with B and C (0.5 each); YieldNest 400 ETH (all native) with C
//! and D (0.5 each, 50 ETH queued with D).

use super::fake::FakeChain;
use super::spec::{AVS_BRIDGE, AVS_DA, AVS_ORACLE, spec};
use crate::Error;
use crate::network::Network;

fn import() -> super::super::NetworkImport {
    let chain = FakeChain::new(spec());
    chain.run(&chain.request()).unwrap()
}

fn ids<T>(xs: &[T], id: impl Fn(&T) -> String) -> Vec<String> {
    xs.iter().map(id).collect()
}

/// Each operator's delegated stake, ETH: `Σ w·R + q` over its delegations plus its outside stake.
fn stake(n: &Network, op: &str) -> f64 {
    let o = n.operators.iter().find(|o| o.id == op).unwrap();
    n.delegations
        .iter()
        .filter(|d| d.operator == op)
        .map(|d| {
            d.weight * n.restaking_of(&d.protocol).unwrap().restaked_eth + d.queued_withdrawal_eth
        })
        .sum::<f64>()
        + o.other_delegated_eth
}

#[test]
fn renzo_keeps_its_operators_their_avss_and_their_whole_stake() {
    let i = import();
    let renzo = i.network_of("renzo").unwrap();
    let (a, b) = (
        "op-0x1111111111111111111111111111111111111111",
        "op-0x2222222222222222222222222222222222222222",
    );
    assert_eq!(ids(&renzo.protocols, |p| p.id.clone()), ["renzo"]);
    assert_eq!(ids(&renzo.operators, |o| o.id.clone()), [a, b]);
    // A: no other LRT, unchanged (20,000 ETH outside, half native).
    assert_eq!(
        (
            renzo.operators[0].other_delegated_eth,
            renzo.operators[0].other_native_share
        ),
        (20_000.0, 0.5)
    );
    // B: 10,000 ETH outside (a quarter native) + Kelp's 0.5 × 2,000 = 1,000 ETH (half native):
    // 11,000 ETH, native (2,500 + 500) / 11,000 = 3/11.
    assert_eq!(renzo.operators[1].other_delegated_eth, 11_000.0);
    assert_eq!(renzo.operators[1].other_native_share, 3.0 / 11.0);
    // A's two operator sets and B's two with stake: DA-0, oracle-0 (A), DA-0 again and the
    // bridge's set 2 (B) — three AVSs, in the network's order.
    assert_eq!(renzo.allocations.len(), 4);
    assert_eq!(
        ids(&renzo.avss, |s| s.id.clone()),
        [
            format!("set-{AVS_DA}-0"),
            format!("set-{AVS_ORACLE}-0"),
            format!("set-{AVS_BRIDGE}-2")
        ]
    );
    assert_eq!(
        ids(&renzo.delegations, |d| format!(
            "{}:{}:{}",
            d.operator, d.weight, d.queued_withdrawal_eth
        )),
        [format!("{a}:0.5:0"), format!("{b}:0.25:100")]
    );
    assert_eq!(
        (
            renzo.restaking[0].restaked_eth,
            renzo.restaking[0].native_share
        ),
        (1_000.0, 0.5)
    );
    // B's stake is the same in the part as in the whole: 0.25 × 1,000 + 100 + 11,000 = 11,350.
    assert_eq!(stake(&renzo, b), 11_350.0);
    assert_eq!(stake(&i.network, b), 11_350.0);
}

#[test]
fn yieldnest_folds_kelps_stake_with_c_into_c() {
    let yn = import().network_of("yieldnest").unwrap();
    let c = &yn.operators[0];
    // C had nothing outside; Kelp's 1,000 ETH (half native) joins it.
    assert_eq!(
        (c.id.as_str(), c.other_delegated_eth, c.other_native_share),
        (
            "op-0x3333333333333333333333333333333333333333",
            1_000.0,
            0.5
        )
    );
    // D: 5,000 ETH outside, all native, no other LRT.
    assert_eq!(
        (
            yn.operators[1].other_delegated_eth,
            yn.operators[1].other_native_share
        ),
        (5_000.0, 1.0)
    );
    // C's DA set 1 and D's oracle set 0, in the network's order (oracle-0 comes first).
    assert_eq!(
        ids(&yn.avss, |s| s.id.clone()),
        [format!("set-{AVS_ORACLE}-0"), format!("set-{AVS_DA}-1")]
    );
    assert_eq!(yn.delegations[1].queued_withdrawal_eth, 50.0);
}

#[test]
fn every_part_keeps_every_operator_stake() {
    let i = import();
    for lrt in ["renzo", "kelp", "yieldnest"] {
        let part = i.network_of(lrt).unwrap();
        for o in &part.operators {
            let (whole, own) = (stake(&i.network, &o.id), stake(&part, &o.id));
            assert!(
                (whole - own).abs() <= 1e-9 * whole,
                "{lrt} {}: {whole} vs {own}",
                o.id
            );
        }
        assert_eq!(part.protocols.len(), 1, "{lrt}");
    }
}

#[test]
fn a_protocol_not_imported_is_refused_by_name() {
    let e = import().network_of("lido").unwrap_err();
    assert!(
        matches!(&e, Error::UnknownReference { field, value, .. } if field == "protocol" && value == "lido"),
        "{e}"
    );
}
