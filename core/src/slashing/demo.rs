//! The Slashing page's starting state: the demo network ([`crate::network::demo`]) with a
//! default event sequence and options. The events are an illustrative, labelled assumption.

use serde::{Deserialize, Serialize};

use super::events::{SlashEvent, SlashingOptions};
use crate::Error;
use crate::network::Network;
use crate::network::demo::{DemoNote, assumption};
use crate::source::Basis;

/// The demo: the demo network, a default event sequence and options, and the basis of its
/// figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SlashingDemo {
    /// The network (validated).
    pub network: Network,
    /// A default sequence: one operator fault, an AVS-wide bug, a beacon-chain slashing.
    pub events: Vec<SlashEvent>,
    /// Default options (unique stake, 36M ETH staked).
    pub options: SlashingOptions,
    /// The basis of each figure: the network's, then `events` and `options.*`.
    pub notes: Vec<DemoNote>,
}

/// The demo network, events and notes.
///
/// # Example
/// ```
/// let demo = restake_core::slashing::demo::demo().unwrap();
/// let r = restake_core::slashing::apply_slashing(&demo.network, &demo.events, &demo.options).unwrap();
/// assert_eq!(r.protocols.len(), 3);
/// assert!(!r.contagion.is_empty()); // operators B and C are shared by two LRTs each
/// ```
pub fn demo() -> Result<SlashingDemo, Error> {
    let base = crate::network::demo::demo()?;
    let events = vec![
        SlashEvent::OperatorFault {
            operator: "op-b".to_owned(),
            avs: "oracle".to_owned(),
            fraction: 0.5,
        },
        SlashEvent::AvsWide {
            avs: "bridge".to_owned(),
            fraction: 0.2,
        },
        SlashEvent::BeaconSlashing {
            operator: "op-c".to_owned(),
            validators: 8,
            effective_balance_eth: 32,
        },
    ];
    let mut notes = base.notes;
    notes.push(assumption(
        "events",
        "A sample sequence: an operator fault, an AVS-wide bug, 8 validators slashed.",
    ));
    notes.push(DemoNote {
        path: "options.totalActiveBalanceEth".to_owned(),
        basis: Basis::Source {
            citation:
                "\">36 million ETH staked\" (coinfeather.com; secondary, not checked against a primary source)"
                    .to_owned(),
            date: "2026".to_owned(),
        },
    });
    Ok(SlashingDemo {
        network: base.network,
        events,
        options: SlashingOptions::default(),
        notes,
    })
}
