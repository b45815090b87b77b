//! The shared generator of the property tests: random valid [`Network`]s — operators, AVSs,
//! the preset protocols, delegations, allocations, restaking entries and positions — for the
//! scenario, slashing, risk and security properties. Each test file takes what it needs with
//! `mod common;` and a [`Shape`].
//!
//! Values span each field's whole range, ends included (amounts up to 1e9 ETH, any fraction in
//! `0..=1`, names with any printable characters); the fractions that must sum to at most 1 (a
//! protocol's delegation weights, an operator's magnitudes) are drawn in basis points and scaled
//! down when their sum exceeds 10,000, so every sum is exact.

use std::ops::RangeInclusive;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use restake_core::network::{Allocation, Avs, Delegation, Network, Operator, Position, Restaking};
use restake_core::protocol::Protocol;

/// How large the generated networks are: the number of operators, AVSs and preset protocols
/// (the first `n` of `presets::protocols`).
#[derive(Debug, Clone)]
pub struct Shape {
    /// Operators `op-0`, `op-1`, ….
    pub operators: RangeInclusive<usize>,
    /// AVSs `avs-0`, `avs-1`, ….
    pub avss: RangeInclusive<usize>,
    /// Preset protocols, from the first.
    pub protocols: RangeInclusive<usize>,
}

/// A display name: starts with a letter, then any printable characters (unicode included).
pub fn arb_name() -> impl Strategy<Value = String> {
    ("[A-Za-z]", "\\PC{0,30}").prop_map(|(a, b)| format!("{a}{b}"))
}

/// Any finite number in `lo..=hi`, including both ends.
pub fn num(lo: f64, hi: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(lo), Just(hi), lo..=hi]
}

/// Raw shares in basis points, scaled down so that they sum to at most 10,000, as fractions.
fn capped(raw: &[u32]) -> Vec<f64> {
    let sum: u32 = raw.iter().sum();
    raw.iter()
        .map(|&r| {
            let bp = if sum <= 10_000 { r } else { r * 10_000 / sum };
            f64::from(bp) / 10_000.0
        })
        .collect()
}

/// Per operator: name, other delegated ETH, its native share, and per AVS an optional
/// allocation (magnitude in raw basis points, network limit).
type RawOperator = (String, f64, f64, Vec<Option<(u32, Option<f64>)>>);
/// Per protocol: an optional restaking entry (restaked ETH, native share, exchange rate) and
/// per operator an optional delegation (weight in raw basis points, queued ETH).
type RawProtocol = (Option<(f64, f64, Option<f64>)>, Vec<Option<(u32, f64)>>);

/// A random valid network of the given shape. Every delegating protocol has a restaking
/// entry; positions (0–3) are in included protocols.
pub fn arb_network(shape: Shape) -> impl Strategy<Value = Network> {
    let presets = restake_core::presets::protocols().unwrap();
    let most = presets.len();
    (
        shape.operators,
        shape.avss,
        *shape.protocols.start()..=(*shape.protocols.end()).min(most),
    )
        .prop_flat_map(move |(n_ops, n_avss, n_protocols)| {
            let protocols: Vec<_> = presets.iter().take(n_protocols).cloned().collect();
            let operator = (
                arb_name(),
                num(0.0, 1e9),
                num(0.0, 1.0),
                vec(
                    option::weighted(0.7, (0u32..=6_000, option::of(num(0.0, 1.0)))),
                    n_avss,
                ),
            );
            let protocol = (
                option::weighted(
                    0.85,
                    (num(0.0, 1e9), num(0.0, 1.0), option::of(num(1e-3, 1e6))),
                ),
                vec(option::weighted(0.6, (0u32..=6_000, num(0.0, 1e6))), n_ops),
            );
            (
                Just(protocols),
                vec(operator, n_ops),
                vec(arb_name(), n_avss),
                vec(protocol, n_protocols),
                vec((0usize..8, num(0.0, 1e6)), 0..4),
            )
                .prop_map(build)
        })
}

/// The raw parts of a network: the protocols, operators, AVS names, per-protocol entries and
/// positions as (protocol index, ETH).
type RawNetwork = (
    Vec<Protocol>,
    Vec<RawOperator>,
    Vec<String>,
    Vec<RawProtocol>,
    Vec<(usize, f64)>,
);

/// Assembles the network from its raw parts (see [`arb_network`]).
fn build((protocols, ops, avss, per_protocol, positions): RawNetwork) -> Network {
    let op_id = |o: usize| format!("op-{o}");
    let avs_id = |a: usize| format!("avs-{a}");
    let mut operators = Vec::new();
    let mut allocations = Vec::new();
    for (o, (name, other, native, allocs)) in ops.into_iter().enumerate() {
        operators.push(Operator {
            id: op_id(o),
            name,
            other_delegated_eth: other,
            other_native_share: native,
        });
        let raw: Vec<u32> = allocs.iter().map(|a| a.map_or(0, |(m, _)| m)).collect();
        for (a, (alloc, magnitude)) in allocs.into_iter().zip(capped(&raw)).enumerate() {
            if let Some((_, network_limit)) = alloc {
                allocations.push(Allocation {
                    operator: op_id(o),
                    avs: avs_id(a),
                    magnitude,
                    network_limit,
                });
            }
        }
    }
    let mut delegations = Vec::new();
    let mut restaking = Vec::new();
    for (p, (entry, weights)) in protocols.iter().zip(per_protocol) {
        let Some((restaked_eth, native_share, exchange_rate_eth)) = entry else {
            continue;
        };
        restaking.push(Restaking {
            protocol: p.id.clone(),
            restaked_eth,
            native_share,
            exchange_rate_eth,
        });
        let raw: Vec<u32> = weights.iter().map(|w| w.map_or(0, |(bp, _)| bp)).collect();
        for (o, (w, weight)) in weights.into_iter().zip(capped(&raw)).enumerate() {
            if let Some((_, queued_withdrawal_eth)) = w {
                delegations.push(Delegation {
                    protocol: p.id.clone(),
                    operator: op_id(o),
                    weight,
                    queued_withdrawal_eth,
                });
            }
        }
    }
    let positions = if protocols.is_empty() {
        Vec::new()
    } else {
        positions
            .into_iter()
            .map(|(i, amount_eth)| Position {
                protocol: protocols[i % protocols.len()].id.clone(),
                amount_eth,
            })
            .collect()
    };
    let network = Network {
        protocols,
        operators,
        avss: avss
            .into_iter()
            .enumerate()
            .map(|(a, name)| Avs {
                id: avs_id(a),
                name,
            })
            .collect(),
        delegations,
        allocations,
        positions,
        restaking,
    };
    network.validate().expect("generated networks are valid");
    network
}
