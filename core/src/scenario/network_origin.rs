//! "Today's network of ezETH" in the document (issue 19): [`Scenario::start_from_import`] makes
//! one LRT's part of a network import ([`NetworkImport::network_of`]) the document's network,
//! with every network-bound section made to fit it, and records where it came from in the
//! optional `networkOrigin` section, so a share link says "the network of ezETH as of block N"
//! without any fetch.

use serde::{Deserialize, Serialize};

use super::Scenario;
use super::sections::SlashingSection;
use crate::Error;
use crate::chain::Head;
use crate::chain::network_import::{NetworkImport, not_imported};
use crate::network::{Network, StakeMode};
use crate::security::graph::{Graph, MAX_SERVICES, ServiceParams, Threshold};
use crate::security::{AnalysisOptions, SecurityParams};

/// The document's `networkOrigin` section: the network started from one LRT's part of a
/// network import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkOrigin {
    /// The LRT (a protocol id of the network) whose part was imported.
    pub protocol: String,
    /// The block every call of the import was pinned to.
    pub head: Head,
    /// Whether the LRT's import was complete (no issue left figures out); `false`: partial.
    pub complete: bool,
    /// How many issues the LRT's import had (truncated lists, failed calls, skipped figures,
    /// mismatches), count.
    pub issues: u32,
}

impl NetworkOrigin {
    /// Checks the section against the document's network: the protocol is one of it, the
    /// block hash is `0x` + 64 hex digits. Errors at `networkOrigin.…`.
    pub fn validate(&self, network: &Network) -> Result<(), Error> {
        if !network.protocols.iter().any(|p| p.id == self.protocol) {
            return Err(Error::UnknownReference {
                field: "networkOrigin.protocol".to_owned(),
                value: self.protocol.clone(),
                target: "protocol".to_owned(),
            });
        }
        crate::chain::request::word("networkOrigin.head.blockHash", &self.head.block_hash)?;
        Ok(())
    }
}

/// The threshold every imported AVS starts with: 1/3, the stake that breaks a BFT protocol's
/// safety (a labelled assumption: the chain says no AVS's rule).
const START_THRESHOLD: Threshold = Threshold::new(1, 3);

impl Scenario {
    /// Makes `protocol`'s part of `import` ([`NetworkImport::network_of`]) the document's
    /// network, so the Slashing, Risk and Security pages run on it:
    /// - `network`: the part, with the document's own positions in `protocol` (others dropped);
    /// - `slashing`: no events (the page's sample events name the demo's operators), the
    ///   options and stake mode kept, no timeline;
    /// - `risk`: the options kept without the per-operator and per-AVS overrides (they name the
    ///   old network's ids);
    /// - `security`: per AVS `α = 1/3` and `π = α · σ(N(s))` ETH (σ the stake allocated to it
    ///   under unique stake): each AVS alone at break-even, a labelled placeholder the page
    ///   lets the user change (the chain says neither); omitted past
    ///   [`MAX_SERVICES`] AVSs, which the Security page cannot analyse;
    /// - `position` and `wallet` cleared (they describe the old network's holdings);
    /// - `networkOrigin`: the protocol, the import's block, complete or partial.
    ///
    /// Errors (the document is then unchanged): `protocol` not imported (`protocol`), or a
    /// document the part makes invalid, at its path.
    pub fn start_from_import(
        &mut self,
        import: &NetworkImport,
        protocol: &str,
    ) -> Result<(), Error> {
        let lrt = import
            .lrts
            .iter()
            .find(|l| l.protocol == protocol)
            .ok_or_else(|| not_imported(protocol))?;
        let mut network = import.network_of(protocol)?;
        network.positions = self
            .network
            .positions
            .iter()
            .filter(|p| p.protocol == protocol)
            .cloned()
            .collect();
        let mut next = self.clone();
        next.slashing = Some(SlashingSection {
            events: Vec::new(),
            options: self.slashing.clone().unwrap_or_default().options,
            timeline: None,
        });
        if let Some(r) = &mut next.risk {
            r.probabilities.operators.clear();
            r.probabilities.avss.clear();
        }
        next.security = start_security(&network)?;
        next.network = network;
        next.position = None;
        next.wallet = None;
        next.network_origin = Some(NetworkOrigin {
            protocol: protocol.to_owned(),
            head: import.head.clone(),
            complete: lrt.complete,
            issues: u32::try_from(lrt.issues.len()).unwrap_or(u32::MAX),
        });
        next.validate_document()?;
        *self = next;
        Ok(())
    }
}

/// The Security page's start on `network`: `α = 1/3`, `π = α · σ(N(s))` per AVS, unique stake,
/// the page's default analysis; `None` past [`MAX_SERVICES`] AVSs.
fn start_security(network: &Network) -> Result<Option<SecurityParams>, Error> {
    if network.avss.len() > MAX_SERVICES {
        return Ok(None);
    }
    let mut services: Vec<ServiceParams> = network
        .avss
        .iter()
        .map(|a| ServiceParams {
            avs: a.id.clone(),
            profit_eth: 0.0,
            threshold: START_THRESHOLD,
        })
        .collect();
    let g = Graph::from_network(network, StakeMode::UniqueStake, &services)?;
    for (s, p) in services.iter_mut().enumerate() {
        let wei = g.service_stake(s) / u128::from(START_THRESHOLD.denominator)
            * u128::from(START_THRESHOLD.numerator);
        p.profit_eth = crate::wad::wei_to_eth(wei);
    }
    Ok(Some(SecurityParams {
        mode: StakeMode::UniqueStake,
        services,
        analysis: AnalysisOptions::default(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::network_import::{ImportPhase, LrtProgress};

    /// An import of the demo network's three LRTs (as if read at block 21,000,000).
    fn import() -> NetworkImport {
        let mut network = crate::network::demo::demo().unwrap().network;
        network
            .protocols
            .retain(|p| ["etherfi", "renzo", "kelp"].contains(&p.id.as_str()));
        let lrts = network
            .protocols
            .iter()
            .map(|p| LrtProgress {
                protocol: p.id.clone(),
                phase: ImportPhase::Done,
                done: 1.0,
                stakers_listed: 1,
                stakers_read: 1,
                operators: 1,
                complete: p.id != "kelp",
                issues: Vec::new(),
            })
            .collect();
        NetworkImport {
            head: Head {
                chain_id: 1,
                block_number: 21_000_000,
                block_timestamp: 1_729_252_007,
                block_hash: format!("0x{}", "ab".repeat(32)),
            },
            network,
            bases: Vec::new(),
            lrts,
            pending: Vec::new(),
            assumptions: Vec::new(),
            rounds: 6,
            calls: 40,
        }
    }

    fn lrts(n: &Network) -> Vec<&str> {
        n.protocols.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn renzo_starts_the_document_on_its_part_with_fitting_sections() {
        let mut doc = crate::scenario::default_document().unwrap();
        let import = import();
        doc.start_from_import(&import, "renzo").unwrap();
        assert_eq!(lrts(&doc.network), ["renzo"]);
        // Renzo delegates to B and C; B: 10,000 ETH outside + ether.fi's 0.3 × 100,000 (all
        // native) = 40,000 ETH, 30,000 of it native; C: 5,000 (native) + Kelp's 0.5 × 40,000
        // (30% native) = 25,000 ETH, 11,000 native.
        let ops: Vec<(&str, f64, f64)> = doc
            .network
            .operators
            .iter()
            .map(|o| (o.id.as_str(), o.other_delegated_eth, o.other_native_share))
            .collect();
        assert_eq!(ops, [("op-b", 40_000.0, 0.75), ("op-c", 25_000.0, 0.44)]);
        // The demo's 10 ETH position in Renzo stays; the others are dropped.
        assert_eq!(doc.network.positions.len(), 1);
        assert_eq!(
            (
                doc.network.positions[0].protocol.as_str(),
                doc.network.positions[0].amount_eth
            ),
            ("renzo", 10.0)
        );
        assert!(doc.slashing.as_ref().unwrap().events.is_empty());
        // Security: σ(N(da)) = 0.3 × B's 64,000 ETH = 19,200 → π = 6,400 ETH (the oracle
        // alike); the bridge: 0.2 × 64,000 + 0.5 × C's 49,500 = 37,550 → 12,516.67 (wei rounded
        // down); the coprocessor: 0.3 × 49,500 = 14,850 → 4,950 ETH.
        let sec = doc.security.as_ref().unwrap();
        let pis: Vec<(&str, f64)> = sec
            .services
            .iter()
            .map(|s| (s.avs.as_str(), s.profit_eth))
            .collect();
        let bridge = 12_516.0 + 666_666_666_666_666_666.0 / 1e18;
        assert_eq!(
            pis,
            [
                ("da", 6_400.0),
                ("oracle", 6_400.0),
                ("bridge", bridge),
                ("coprocessor", 4_950.0)
            ]
        );
        assert!(sec.services.iter().all(|s| s.threshold == START_THRESHOLD));
        let o = doc.network_origin.as_ref().unwrap();
        assert_eq!(
            (
                o.protocol.as_str(),
                o.head.block_number,
                o.complete,
                o.issues
            ),
            ("renzo", 21_000_000, true, 0)
        );
        // Every section runs on it, and the link and the JSON carry it.
        crate::scenario::run_scenario(&doc).unwrap();
        assert_eq!(Scenario::from_fragment(&doc.to_fragment()).unwrap(), doc);
        assert_eq!(Scenario::from_json(&doc.to_json()).unwrap(), doc);
    }

    #[test]
    fn a_partial_lrt_is_labelled_and_an_unknown_one_leaves_the_document_as_it_was() {
        let import = import();
        let mut doc = crate::scenario::default_document().unwrap();
        doc.start_from_import(&import, "kelp").unwrap();
        assert!(!doc.network_origin.as_ref().unwrap().complete);
        let before = doc.clone();
        let e = doc.start_from_import(&import, "lido").unwrap_err();
        assert_eq!(e.field(), "protocol");
        assert_eq!(doc, before);
    }

    #[test]
    fn an_origin_naming_another_protocol_is_refused_at_its_path() {
        let import = import();
        let mut doc = crate::scenario::default_document().unwrap();
        doc.start_from_import(&import, "renzo").unwrap();
        let mut text: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
        text["networkOrigin"]["protocol"] = "kelp".into();
        let e = Scenario::from_json(&text.to_string()).unwrap_err();
        assert_eq!(e.field(), "networkOrigin.protocol");
        text["networkOrigin"]["protocol"] = "renzo".into();
        text["networkOrigin"]["head"]["blockHash"] = "0x12".into();
        let e = Scenario::from_json(&text.to_string()).unwrap_err();
        assert_eq!(e.field(), "networkOrigin.head.blockHash");
    }
}
