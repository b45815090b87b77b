//! The demo network every page starts from: the three preset LRTs sharing some of four
//! operators that secure four AVSs. Every number in it is an illustrative,
//! labelled assumption (restaked amounts, delegation weights, magnitudes), except where a note
//! cites a source; none is a measurement of a real operator or AVS.

use serde::{Deserialize, Serialize};

use super::{Allocation, Avs, Delegation, Network, Operator, Position, Restaking};
use crate::Error;
use crate::source::Basis;

/// The basis of one demo figure, by its path in the network (or, for a page's demo, in its
/// section).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DemoNote {
    /// Path such as `restaking[1].nativeShare` or `delegations` (the whole list).
    pub path: String,
    /// Where the figure comes from.
    pub basis: Basis,
}

/// The demo network and the basis of its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DemoNetwork {
    /// The network (validated).
    pub network: Network,
    /// The basis of each figure, by its path in the network.
    pub notes: Vec<DemoNote>,
}

/// A note that the figure at `path` is an assumption, with why.
pub fn assumption(path: &str, note: &str) -> DemoNote {
    DemoNote {
        path: path.to_owned(),
        basis: Basis::Assumption {
            note: note.to_owned(),
        },
    }
}

fn operator(id: &str, name: &str, other: f64, native: f64) -> Operator {
    Operator {
        id: id.to_owned(),
        name: name.to_owned(),
        other_delegated_eth: other,
        other_native_share: native,
    }
}

fn delegation(protocol: &str, operator: &str, weight: f64, queued: f64) -> Delegation {
    Delegation {
        protocol: protocol.to_owned(),
        operator: operator.to_owned(),
        weight,
        queued_withdrawal_eth: queued,
    }
}

fn allocation(operator: &str, avs: &str, magnitude: f64, network_limit: Option<f64>) -> Allocation {
    Allocation {
        operator: operator.to_owned(),
        avs: avs.to_owned(),
        magnitude,
        network_limit,
    }
}

/// The demo network and its notes.
///
/// # Example
/// ```
/// let demo = restake_core::network::demo::demo().unwrap();
/// assert_eq!(demo.network.operators.len(), 4);
/// assert_eq!(demo.network.restaking[0].restaked_eth, 100_000.0); // an illustrative assumption
/// ```
pub fn demo() -> Result<DemoNetwork, Error> {
    let network = Network {
        protocols: crate::presets::protocols()?,
        operators: vec![
            operator("op-a", "Operator A", 20_000.0, 0.5),
            operator("op-b", "Operator B", 10_000.0, 0.0),
            operator("op-c", "Operator C", 5_000.0, 1.0),
            operator("op-d", "Operator D", 0.0, 0.0),
        ],
        avss: vec![
            Avs {
                id: "da".to_owned(),
                name: "Data-availability AVS".to_owned(),
            },
            Avs {
                id: "oracle".to_owned(),
                name: "Oracle AVS".to_owned(),
            },
            Avs {
                id: "bridge".to_owned(),
                name: "Bridge AVS".to_owned(),
            },
            Avs {
                id: "coprocessor".to_owned(),
                name: "Coprocessor AVS".to_owned(),
            },
        ],
        delegations: vec![
            delegation("etherfi", "op-a", 0.5, 0.0),
            delegation("etherfi", "op-b", 0.3, 0.0),
            delegation("renzo", "op-b", 0.4, 0.0),
            delegation("renzo", "op-c", 0.4, 500.0),
            delegation("kelp", "op-c", 0.5, 0.0),
            delegation("kelp", "op-d", 0.4, 0.0),
        ],
        allocations: vec![
            allocation("op-a", "da", 0.4, None),
            allocation("op-a", "oracle", 0.2, None),
            allocation("op-b", "da", 0.3, None),
            allocation("op-b", "oracle", 0.3, None),
            allocation("op-b", "bridge", 0.2, None),
            allocation("op-c", "bridge", 0.5, Some(0.8)),
            allocation("op-c", "coprocessor", 0.3, None),
            allocation("op-d", "coprocessor", 0.6, None),
            allocation("op-d", "da", 0.2, None),
        ],
        positions: vec![
            Position {
                protocol: "etherfi".to_owned(),
                amount_eth: 10.0,
            },
            Position {
                protocol: "renzo".to_owned(),
                amount_eth: 10.0,
            },
            Position {
                protocol: "kelp".to_owned(),
                amount_eth: 10.0,
            },
        ],
        restaking: vec![
            Restaking {
                protocol: "etherfi".to_owned(),
                restaked_eth: 100_000.0,
                native_share: 1.0,
                exchange_rate_eth: None,
            },
            Restaking {
                protocol: "renzo".to_owned(),
                restaked_eth: 60_000.0,
                native_share: 0.5,
                exchange_rate_eth: None,
            },
            Restaking {
                protocol: "kelp".to_owned(),
                restaked_eth: 40_000.0,
                native_share: 0.3,
                exchange_rate_eth: None,
            },
        ],
    };
    network.validate()?;
    let illustrative = "Illustrative round number chosen for the demo, not a measured figure; replace it with your own.";
    let notes = vec![
        assumption("restaking[*].restakedEth", illustrative),
        DemoNote {
            path: "restaking[0].nativeShare".to_owned(),
            basis: Basis::Source {
                citation: "ether.fi restakes native ETH in EigenPods: each EtherFiNode owns an EigenPod (etherfi-protocol/smart-contracts b4a0968, EtherFiNodesManager; ether.fi docs)".to_owned(),
                date: "undated".to_owned(),
            },
        },
        assumption(
            "restaking[1].nativeShare",
            "Renzo holds ETH, stETH and wBETH (LlamaRisk, Aave governance /18504); the 50/50 split is not sourced.",
        ),
        assumption(
            "restaking[2].nativeShare",
            "Kelp holds an LST basket plus native ETH (Kelp README); the 30% native share is not sourced.",
        ),
        assumption("delegations", illustrative),
        assumption("allocations", illustrative),
        assumption("operators[*].otherDelegatedEth", illustrative),
        assumption("positions", "A 10 ETH position in each LRT, to show the loss per holder."),
    ];
    Ok(DemoNetwork { network, notes })
}
