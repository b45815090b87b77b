//! The chain state of the round-trip test, as the local chain's stand-ins hold it
//! (tests/chain/eigenlayer.mjs reads the same JSON, `core/tests/fixtures/network_import_local.json`),
//! and the network it must import as: three LRTs (Renzo, Kelp, YieldNest listing contracts),
//! four operators, four operator sets. Every figure is a round test input chosen so the
//! expected fractions are exact in binary (0.5, 0.25, 0.375), not a mainnet figure.

use alloy_primitives::{Address, U256};
use serde::{Deserialize, Serialize};

use crate::network::{Allocation, Avs, Delegation, Network, Operator, Restaking};

/// One allocation of one strategy, as `getAllocation` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SpecAllocation {
    pub current: String,
    pub pending_diff: String,
    pub effect_block: u32,
}

/// One operator set of an operator with its beacon-ETH and LST allocations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecSet {
    pub avs: String,
    pub id: u32,
    pub beacon: SpecAllocation,
    pub lst: SpecAllocation,
}

/// One operator: shares delegated by stakers outside the LRTs, max magnitudes, sets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecOperator {
    pub address: String,
    pub other_beacon: String,
    pub other_lst: String,
    pub max_beacon: String,
    pub max_lst: String,
    pub sets: Vec<SpecSet>,
}

/// One queued withdrawal (shares as `getQueuedWithdrawals` gives them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecQueued {
    pub operator: String,
    pub beacon: String,
    pub lst: String,
}

/// One staker: its operator (the zero address: not delegated), withdrawable shares, queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecStaker {
    pub operator: String,
    /// The operator the LRT's own contract names, when it differs (a mismatch test).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_operator: Option<String>,
    pub beacon: String,
    pub lst: String,
    pub queued: Vec<SpecQueued>,
}

/// One LRT: its preset id, how it lists stakers (`renzo`, `kelp`, `yieldNest`, `stakers`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpecLrt {
    pub protocol: String,
    pub kind: String,
    pub stakers: Vec<SpecStaker>,
}

/// The whole chain state: one LST strategy (underlying per 1e18 shares `lstRate`) besides
/// beacon-chain ETH.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Spec {
    pub lst_rate: String,
    pub lrts: Vec<SpecLrt>,
    pub operators: Vec<SpecOperator>,
}

/// `x` ETH in wei, as a decimal string (x a multiple of 1e-6).
pub fn wei(x: f64) -> String {
    (U256::from((x * 1e6).round() as u128) * U256::from(1_000_000_000_000u64)).to_string()
}

/// A parsed decimal.
pub fn int(s: &str) -> U256 {
    s.parse().expect("a decimal integer")
}

pub const OP_A: &str = "0x1111111111111111111111111111111111111111";
pub const OP_B: &str = "0x2222222222222222222222222222222222222222";
pub const OP_C: &str = "0x3333333333333333333333333333333333333333";
pub const OP_D: &str = "0x4444444444444444444444444444444444444444";
pub const AVS_DA: &str = "0xdadadadadadadadadadadadadadadadadadadada";
pub const AVS_ORACLE: &str = "0x0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c";
pub const AVS_BRIDGE: &str = "0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
pub const ZERO: &str = "0x0000000000000000000000000000000000000000";

/// The block the pending deallocation takes effect at (far after any test block).
pub const FAR_BLOCK: u32 = 1_000_000_000;

/// A staker with `beacon` ETH and `lst_eth` ETH worth of LST (shares = value / 2 at the
/// 2 underlying-per-share rate) delegated to `operator`.
fn staker(operator: &str, beacon: f64, lst_eth: f64, queued: Vec<SpecQueued>) -> SpecStaker {
    SpecStaker {
        operator: operator.to_owned(),
        own_operator: None,
        beacon: wei(beacon),
        lst: wei(lst_eth / 2.0),
        queued,
    }
}

/// `m` of `max` (a WAD magnitude) in both strategies, nothing pending.
fn both(avs: &str, id: u32, m: f64, max: f64) -> SpecSet {
    let a = SpecAllocation {
        current: wei(m * max),
        pending_diff: "0".to_owned(),
        effect_block: 0,
    };
    SpecSet {
        avs: avs.to_owned(),
        id,
        beacon: a.clone(),
        lst: a,
    }
}

fn operator(address: &str, other: (f64, f64), max: f64, sets: Vec<SpecSet>) -> SpecOperator {
    SpecOperator {
        address: address.to_owned(),
        other_beacon: wei(other.0),
        other_lst: wei(other.1 / 2.0),
        max_beacon: wei(max),
        max_lst: wei(max),
        sets,
    }
}

/// The round-trip chain state.
pub fn spec() -> Spec {
    let queued = |op: &str, beacon: f64| SpecQueued {
        operator: op.to_owned(),
        beacon: wei(beacon),
        lst: "0".to_owned(),
    };
    let mut d_oracle = both(AVS_ORACLE, 0, 0.375, 1.0);
    d_oracle.beacon.pending_diff = format!("-{}", wei(0.125));
    d_oracle.beacon.effect_block = FAR_BLOCK;
    Spec {
        lst_rate: wei(2.0),
        lrts: vec![
            SpecLrt {
                protocol: "renzo".to_owned(),
                kind: "renzo".to_owned(),
                stakers: vec![
                    staker(OP_A, 250.0, 250.0, vec![]),
                    staker(OP_B, 125.0, 125.0, vec![queued(OP_B, 100.0)]),
                    staker(ZERO, 125.0, 125.0, vec![]),
                ],
            },
            SpecLrt {
                protocol: "kelp".to_owned(),
                kind: "kelp".to_owned(),
                stakers: vec![
                    staker(OP_B, 500.0, 500.0, vec![]),
                    staker(OP_C, 500.0, 500.0, vec![]),
                ],
            },
            SpecLrt {
                protocol: "yieldnest".to_owned(),
                kind: "yieldNest".to_owned(),
                stakers: vec![
                    staker(OP_C, 200.0, 0.0, vec![]),
                    staker(OP_D, 200.0, 0.0, vec![queued(OP_D, 50.0)]),
                ],
            },
        ],
        operators: vec![
            operator(
                OP_A,
                (10_000.0, 10_000.0),
                1.0,
                vec![both(AVS_DA, 0, 0.25, 1.0), both(AVS_ORACLE, 0, 0.5, 1.0)],
            ),
            operator(
                OP_B,
                (2_500.0, 7_500.0),
                0.5,
                vec![
                    both(AVS_DA, 0, 0.25, 0.5),
                    both(AVS_ORACLE, 0, 0.0, 0.5),
                    both(AVS_BRIDGE, 2, 0.125, 0.5),
                ],
            ),
            operator(OP_C, (0.0, 0.0), 1.0, vec![both(AVS_DA, 1, 0.5, 1.0)]),
            operator(OP_D, (5_000.0, 0.0), 1.0, vec![d_oracle]),
        ],
    }
}

fn addr(s: &str) -> Address {
    s.parse().expect("an address")
}

fn op_id(s: &str) -> String {
    format!("op-{s}")
}

fn set(avs: &str, id: u32) -> String {
    format!("set-{avs}-{id}")
}

/// The network [`spec`] must import as, written out by hand.
pub fn expected() -> Network {
    let presets = crate::presets::protocols().expect("presets");
    let profile = |id: &str| {
        presets
            .iter()
            .find(|p| p.id == id)
            .cloned()
            .expect("preset")
    };
    let operator = |a: &str, other: f64, native: f64| Operator {
        id: op_id(a),
        name: addr(a).to_checksum(None),
        other_delegated_eth: other,
        other_native_share: native,
    };
    let avs = |a: &str, id: u32| Avs {
        id: set(a, id),
        name: format!("Operator set {id} of AVS {}", addr(a).to_checksum(None)),
    };
    let delegation = |p: &str, op: &str, weight: f64, queued: f64| Delegation {
        protocol: p.to_owned(),
        operator: op_id(op),
        weight,
        queued_withdrawal_eth: queued,
    };
    let allocation = |op: &str, a: &str, id: u32, magnitude: f64| Allocation {
        operator: op_id(op),
        avs: set(a, id),
        magnitude,
        network_limit: None,
    };
    let restaking = |p: &str, restaked_eth: f64, native_share: f64| Restaking {
        protocol: p.to_owned(),
        restaked_eth,
        native_share,
        exchange_rate_eth: None,
    };
    Network {
        protocols: vec![profile("renzo"), profile("kelp"), profile("yieldnest")],
        operators: vec![
            operator(OP_A, 20_000.0, 0.5),
            operator(OP_B, 10_000.0, 0.25),
            operator(OP_C, 0.0, 0.0),
            operator(OP_D, 5_000.0, 1.0),
        ],
        avss: vec![
            avs(AVS_DA, 0),
            avs(AVS_ORACLE, 0),
            avs(AVS_BRIDGE, 2),
            avs(AVS_DA, 1),
        ],
        delegations: vec![
            delegation("renzo", OP_A, 0.5, 0.0),
            delegation("renzo", OP_B, 0.25, 100.0),
            delegation("kelp", OP_B, 0.5, 0.0),
            delegation("kelp", OP_C, 0.5, 0.0),
            delegation("yieldnest", OP_C, 0.5, 0.0),
            delegation("yieldnest", OP_D, 0.5, 50.0),
        ],
        allocations: vec![
            allocation(OP_A, AVS_DA, 0, 0.25),
            allocation(OP_A, AVS_ORACLE, 0, 0.5),
            allocation(OP_B, AVS_DA, 0, 0.25),
            allocation(OP_B, AVS_BRIDGE, 2, 0.125),
            allocation(OP_C, AVS_DA, 1, 0.5),
            allocation(OP_D, AVS_ORACLE, 0, 0.375),
        ],
        positions: vec![],
        restaking: vec![
            restaking("renzo", 1000.0, 0.5),
            restaking("kelp", 2000.0, 0.5),
            restaking("yieldnest", 400.0, 1.0),
        ],
    }
}
