//! The network every engine reads: protocols, node operators, AVSs, who delegates to whom, who
//! allocates what to which AVS, each protocol's restaked ETH and the user's positions.
//!
//! It sits under the engines and over the shared primitives: `slashing`, `risk`, `security` and
//! `concentration` take a `&Network` plus their own input and never read the scenario document
//! (which nests a network, see `crate::scenario`). [`Network::validate`] is the one check of a
//! network; [`limits`] bounds its size; [`demo`] is the network every page starts from.
//!
//! Units: amounts in ETH, weights, magnitudes and shares as fractions in `0..=1`.

pub mod demo;
mod ids;
pub mod limits;
mod members;
mod stake_mode;
mod validate;

pub use ids::IdIndex;
pub use limits::{MAX_AMOUNT_ETH, MAX_AVSS, MAX_OPERATORS};
pub use members::{Allocation, Avs, Delegation, Operator, Position, Restaking};
pub use stake_mode::StakeMode;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::protocol::Protocol;

/// The operators and AVSs behind one token ([`Network::behind`]), by id.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Behind {
    /// Operators the protocol delegates to.
    pub operators: Vec<String>,
    /// AVSs those operators allocate to.
    pub avss: Vec<String>,
}

/// The shared network of a what-if: every list may be empty except where an engine needs it
/// (the slashing ledger needs operators, the risk model operators and AVSs).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Network {
    /// Protocol profiles.
    pub protocols: Vec<Protocol>,
    /// Node operators (at most [`MAX_OPERATORS`]).
    #[serde(default)]
    pub operators: Vec<Operator>,
    /// AVSs (at most [`MAX_AVSS`]).
    #[serde(default)]
    pub avss: Vec<Avs>,
    /// Protocol → operator delegations.
    #[serde(default)]
    pub delegations: Vec<Delegation>,
    /// Operator → AVS allocations.
    #[serde(default)]
    pub allocations: Vec<Allocation>,
    /// The user's positions.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// Each protocol's restaked ETH (at most one entry per protocol).
    #[serde(default)]
    pub restaking: Vec<Restaking>,
}

impl Network {
    /// Parses a network from JSON (at most [`limits::MAX_JSON_BYTES`]) and validates it
    /// ([`Network::validate`]). Unknown fields and keys given twice ([`crate::json_text`]) are
    /// rejected by name; errors carry the field path
    /// inside the network (`operators[0].otherDelegatedEth`).
    ///
    /// ```
    /// use restake_core::network::Network;
    /// let n = Network::from_json(r#"{"protocols": [], "operators": [{"id": "op", "name": "Op"}]}"#).unwrap();
    /// assert_eq!(n.operators[0].other_delegated_eth, 0.0); // the default
    /// let e = Network::from_json(r#"{"protocols": [], "avss": [{"id": "x"}]}"#).unwrap_err();
    /// assert_eq!(e.field(), "avss[0]");
    /// let e = Network::from_json(r#"{"protocols": [], "operators": [], "operators": []}"#).unwrap_err();
    /// assert_eq!(e.field(), "operators"); // a key given twice
    /// ```
    pub fn from_json(text: &str) -> Result<Network, Error> {
        limits::json_size(text.len())?;
        // Strict text first (a key given twice is refused at its path), then the typed read.
        let value = crate::json_text::parse(text)?;
        let network: Network = crate::json_text::typed(value)?;
        network.validate()?;
        Ok(network)
    }

    /// The restaking entry of `protocol` with its index, for delegation `field` (e.g.
    /// `delegations[3]`); a protocol that delegates without one is an
    /// [`Error::UnknownReference`] at `<field>.protocol`.
    pub fn restaking_for(&self, field: &str, protocol: &str) -> Result<(usize, &Restaking), Error> {
        self.restaking
            .iter()
            .enumerate()
            .find(|(_, r)| r.protocol == protocol)
            .ok_or_else(|| Error::UnknownReference {
                field: format!("{field}.protocol"),
                value: protocol.to_owned(),
                target: "restaking entry (restaking[].protocol)".to_owned(),
            })
    }

    /// The restaking entry of protocol `id`, if any.
    pub fn restaking_of(&self, id: &str) -> Option<&Restaking> {
        self.restaking.iter().find(|r| r.protocol == id)
    }

    /// What stands behind protocol `protocol`'s token: the ids of the operators it delegates to
    /// (weight > 0) and of the AVSs those operators allocate to (magnitude > 0), each in network
    /// order — the parts a slash of which reaches a holder of the token.
    ///
    /// ```
    /// let n = restake_core::network::demo::demo().unwrap().network;
    /// let b = n.behind("kelp");
    /// assert!(!b.operators.is_empty() && !b.avss.is_empty());
    /// assert!(n.behind("puffer").operators.is_empty());
    /// ```
    pub fn behind(&self, protocol: &str) -> Behind {
        let operators: Vec<String> = self
            .operators
            .iter()
            .filter(|o| {
                self.delegations
                    .iter()
                    .any(|d| d.protocol == protocol && d.operator == o.id && d.weight > 0.0)
            })
            .map(|o| o.id.clone())
            .collect();
        let avss = self
            .avss
            .iter()
            .filter(|a| {
                self.allocations
                    .iter()
                    .any(|x| x.avs == a.id && x.magnitude > 0.0 && operators.contains(&x.operator))
            })
            .map(|a| a.id.clone())
            .collect();
        Behind { operators, avss }
    }

    /// The network with the user's positions moved into `protocol`'s token, for a page opened
    /// from the matrix (`/slashing?protocol=<id>`): the same total in ETH (10 ETH when the
    /// network holds none) now sits in `protocol` and every other position is 0. `None` when
    /// `protocol` has no restaking entry (it is not part of the network).
    ///
    /// ```
    /// let n = restake_core::network::demo::demo().unwrap().network;
    /// let s = n.focus_positions("renzo").unwrap();
    /// let amounts: Vec<f64> = s.positions.iter().map(|p| p.amount_eth).collect();
    /// assert_eq!(amounts, [0.0, 30.0, 0.0]);
    /// assert!(n.focus_positions("puffer").is_none());
    /// ```
    pub fn focus_positions(&self, protocol: &str) -> Option<Network> {
        self.restaking_of(protocol)?;
        let held: f64 = self.positions.iter().map(|p| p.amount_eth).sum();
        let total = if held > 0.0 { held } else { 10.0 };
        let mut s = self.clone();
        for p in &mut s.positions {
            p.amount_eth = 0.0;
        }
        match s.positions.iter_mut().find(|p| p.protocol == protocol) {
            Some(p) => p.amount_eth = total,
            None => s.positions.push(Position {
                protocol: protocol.to_owned(),
                amount_eth: total,
            }),
        }
        Some(s)
    }
}

#[cfg(test)]
mod tests;
