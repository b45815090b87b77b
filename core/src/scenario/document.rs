//! The document itself: the shared network ([`Network`]) and one optional section per page,
//! with JSON parsing and the document's validation.

use serde::{Deserialize, Serialize};

use super::limits;
use super::network_origin::NetworkOrigin;
use super::parameters_section::ParametersSection;
use super::position::PositionSection;
use super::sections::{LeverageSection, SlashingSection};
use super::wallet::WalletSection;
use crate::Error;
use crate::bridge::BridgeInput;
use crate::chain::LiveRead;
use crate::network::Network;
use crate::risk::RiskOptions;
use crate::security::SecurityParams;
use crate::yield_stack::YieldInput;

/// The document version this crate writes (4: the nested network plus the optional page
/// sections, a stableswap `amplification` as the pool's `A()` returns). Version 1 (the network
/// only), version 2 (the network's lists at the top level) and version 3 (the whitepaper's `A`)
/// are read and migrated ([`super::migrate`]).
pub const SCENARIO_VERSION: u32 = 4;

/// The whole what-if: the shared network (protocols, operators, AVSs, who delegates and
/// allocates to whom, the user's positions) and one optional section per page. Slashing, risk
/// and security read the network; yield, leverage and bridge are self-contained. A missing
/// section means "the page's default".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// Document version; this crate writes [`SCENARIO_VERSION`] and reads 1 to 4.
    #[schemars(range(min = 1, max = 4))]
    pub version: u32,
    /// Display name of the what-if, 1–120 characters; optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 120))]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub name: Option<String>,
    /// The shared network: protocols, operators, AVSs, delegations, allocations, positions and
    /// restaking ([`Network`]).
    pub network: Network,
    /// The Yield page's input (self-contained); JSON key `yieldStack`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub yield_stack: Option<YieldInput>,
    /// The Slashing page's event sequence and options, applied to the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub slashing: Option<SlashingSection>,
    /// The Risk page's Monte Carlo options (probabilities, paths, horizon, seed), run on the
    /// network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub risk: Option<RiskOptions>,
    /// The Security page's parameters (π and α per AVS, stake mode, analysis), run on the
    /// network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub security: Option<SecurityParams>,
    /// The Leverage page's loop and cascade (self-contained).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub leverage: Option<LeverageSection>,
    /// The Bridge page's input (self-contained).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub bridge: Option<BridgeInput>,
    /// "My position": the token held, the amount, the horizon and an optional loop, which
    /// [`Scenario::set_position`] writes into every section above. Absent = each page's own
    /// default (documents written before it stay valid, with the same meaning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub position: Option<PositionSection>,
    /// A refresh frozen into the document (optional; absent = presets only): the block it was
    /// pinned to, each figure read with its live basis, and the calls that failed. A share link
    /// carries it, so the same figures come back without any fetch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub live: Option<LiveRead>,
    /// The Parameters page's workbench (self-contained): the token and market presets it
    /// started from and its input. Absent = the page's default (documents without it stay
    /// valid, with the same meaning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub parameters: Option<ParametersSection>,
    /// A wallet import frozen into the document (optional; absent = no wallet): the contracts
    /// read and their answers at one block, never the wallet's address. Its holdings are the
    /// network's positions and its largest loop the Leverage page's when imported
    /// ([`Scenario::import_wallet`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub wallet: Option<WalletSection>,
    /// Where the network came from when it was started from one LRT's part of a network
    /// import (optional; absent = the network is the demo's or the user's own): the LRT, the
    /// block, complete or partial ([`Scenario::start_from_import`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub network_origin: Option<NetworkOrigin>,
}

impl Scenario {
    /// Parses a JSON document of at most [`limits::MAX_DOCUMENT_BYTES`] (1 MiB), migrates a version 1
    /// document to the current version ([`super::migrate`]), rejects unknown fields (naming
    /// them) and keys given twice in one object ([`super::strict`]), and validates the network and every section present
    /// ([`Scenario::validate_document`]). Errors carry the JSON path of the bad field
    /// (`.` for the whole document).
    ///
    /// ```
    /// use restake_core::scenario::{Scenario, SCENARIO_VERSION};
    /// let s = Scenario::from_json(r#"{"version": 1, "protocols": []}"#).unwrap();
    /// assert_eq!(s.version, SCENARIO_VERSION); // migrated
    /// let e = Scenario::from_json(r#"{"version": 2, "protocols": [], "colour": 1}"#).unwrap_err();
    /// assert!(e.to_string().contains("unknown field `colour`"));
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, Error> {
        limits::document_size(text.len())?;
        Scenario::from_value(crate::json_text::parse(text)?)
    }

    /// [`Scenario::from_json`] on an already parsed JSON value (no size check: the caller
    /// bounds the input).
    ///
    /// Errors in a migrated document name the path in the document as it was written: a
    /// version 1 or 2 document's network lists are at the top level, so `network.operators[0]`
    /// is reported as `operators[0]`.
    pub fn from_value(value: serde_json::Value) -> Result<Scenario, Error> {
        let written = super::migrate::version_of(&value)?;
        let read = || -> Result<Scenario, Error> {
            let value = super::migrate::migrate(value)?;
            let scenario: Scenario = crate::json_text::typed(value)?;
            scenario.validate_document()?;
            Ok(scenario)
        };
        read().map_err(|e| {
            if written < 3 {
                e.rebased("network", "")
            } else {
                e
            }
        })
    }

    /// Serialises the scenario as compact JSON (no indentation: what the app exports and saves,
    /// and what a share link deflates), at most [`MAX_DOCUMENT_BYTES`](super::MAX_DOCUMENT_BYTES)
    /// bytes for any document [`Scenario::validate_document`] accepts, so
    /// [`Scenario::from_json`] always reads it back.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and finite numbers cannot fail.
        serde_json::to_string(self).expect("scenario serialises")
    }

    /// Checks the document's own fields and its network: the version, the name and
    /// [`Network::validate`], with the network's errors under `network.` (`network.operators[2].id`).
    /// Engines check the network themselves; this does not look at the page sections (see
    /// [`Scenario::validate_document`]).
    pub fn validate(&self) -> Result<(), Error> {
        if self.version != SCENARIO_VERSION {
            return Err(Error::OutOfRange {
                field: "version".to_owned(),
                value: f64::from(self.version),
                expected: format!(
                    "version {SCENARIO_VERSION} (read older documents with Scenario::from_json, or parseScenario in npm, which migrate them)"
                ),
            });
        }
        if let Some(name) = &self.name {
            limits::name("name", name)?;
        }
        self.network
            .validate()
            .map_err(|e| e.rebased("", "network"))
    }

    /// Checks the whole document: the network ([`Scenario::validate`]), the frozen refresh
    /// ([`LiveRead::validate`]), the wallet import (`wallet`), the network's origin (`networkOrigin`) and every section present, with the section's path in errors (`position.amountEth`, `risk.paths`, `bridge.chains[2].supply`,
    /// `slashing.events[0].avs`).
    ///
    /// It also checks the document's size as the app writes it ([`limits::written_size`]: the
    /// compact JSON of [`Scenario::to_json`], every default filled in), so whatever is accepted —
    /// read, imported or edited — can be exported, saved and linked and read back.
    pub fn validate_document(&self) -> Result<(), Error> {
        self.validate()?;
        if let Some(live) = &self.live {
            live.validate("live")?;
        }
        if let Some(p) = &self.position {
            p.validate(self).map_err(|e| e.rebased("", "position"))?;
        }
        if let Some(w) = &self.wallet {
            self.positions_of(w)?;
        }
        if let Some(o) = &self.network_origin {
            o.validate(&self.network)?;
        }
        super::sections::validate_sections(self)?;
        limits::written_size(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::MAX_DOCUMENT_BYTES;

    #[test]
    fn json_round_trip_and_unknown_fields() {
        let s = crate::scenario::default_document().unwrap();
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
        let mut v: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
        v["network"]["operators"][0]["colour"] = "red".into();
        let e = Scenario::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.field(), "network.operators[0].colour");
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn network_errors_carry_the_path_as_written() {
        // Version 3: under `network`.
        let v3 =
            r#"{"version": 3, "network": {"protocols": [], "avss": [{"id": "X", "name": "x"}]}}"#;
        assert_eq!(
            Scenario::from_json(v3).unwrap_err().field(),
            "network.avss[0].id"
        );
        // Versions 1 and 2 keep the network's lists at the top level, and so do their errors.
        let v2 = r#"{"version": 2, "protocols": [], "avss": [{"id": "X", "name": "x"}]}"#;
        assert_eq!(Scenario::from_json(v2).unwrap_err().field(), "avss[0].id");
        let v1 = r#"{"version": 1, "protocols": [], "operators": [{"id": 3}]}"#;
        assert_eq!(
            Scenario::from_json(v1).unwrap_err().field(),
            "operators[0].id"
        );
        let missing = r#"{"version": 2, "operators": []}"#;
        let e = Scenario::from_json(missing).unwrap_err();
        assert!(e.to_string().contains("missing field `protocols`"), "{e}");
    }

    /// A document of 500 operators, 100 AVSs and `n` allocations written tersely: operators
    /// without their default-0 fields and magnitudes as the integer `0`; the document's own JSON
    /// writes `"otherDelegatedEth":0.0,"otherNativeShare":0.0` and `"magnitude":0.0` instead.
    fn terse(n: usize) -> String {
        let doc = crate::scenario::default_document().unwrap();
        let mut v = serde_json::to_value(&doc).unwrap();
        let network = &mut v["network"];
        network["operators"] = (0..500)
            .map(|i| serde_json::json!({ "id": format!("o{i}"), "name": "O" }))
            .collect();
        network["avss"] = (0..100)
            .map(|i| serde_json::json!({ "id": format!("a{i}"), "name": "A" }))
            .collect();
        network["allocations"] = (0..n)
            .map(|i| {
                format!(
                    r#"{{"operator":"o{}","avs":"a{}","magnitude":0}}"#,
                    i % 500,
                    i / 500
                )
            })
            .map(|t| serde_json::from_str::<serde_json::Value>(&t).unwrap())
            .collect();
        network["delegations"] = serde_json::json!([]);
        network["positions"] = serde_json::json!([]);
        for section in ["slashing", "risk", "security"] {
            v[section] = serde_json::Value::Null;
        }
        // serde_json keeps an integer 0 as written; the typed document writes 0.0.
        v.to_string()
    }

    #[test]
    fn what_is_accepted_is_written_within_the_limit() {
        // The export is compact: one line, no indentation.
        let d = crate::scenario::default_document().unwrap();
        assert!(!d.to_json().contains('\n'));
        // 20,000 allocations: 943,810 bytes as given, 1,007,266 written out (each allocation 2
        // bytes longer, each operator 47); both within 1 MiB, and the written copy and its link
        // read back identical.
        let text = terse(20_000);
        let fits = Scenario::from_json(&text).unwrap();
        let written = fits.to_json();
        assert!(
            text.len() < written.len() && written.len() <= MAX_DOCUMENT_BYTES,
            "{} {}",
            text.len(),
            written.len()
        );
        assert_eq!(Scenario::from_json(&written).unwrap(), fits);
        assert_eq!(Scenario::from_fragment(&fits.to_fragment()).unwrap(), fits);
        // 21,500: about 1,012,000 bytes as given, within 1 MiB, but about 1,079,000 written out,
        // so refused where it comes in (its export would be refused on the way back).
        let text = terse(21_500);
        assert!(text.len() <= MAX_DOCUMENT_BYTES, "{}", text.len());
        let Err(e) = Scenario::from_json(&text) else {
            panic!("accepted: {} bytes given", text.len());
        };
        assert_eq!(e.field(), ".");
        assert!(e.to_string().contains("as this app writes it"), "{e}");
    }

    #[test]
    fn oversized_and_malformed_documents() {
        let big = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert!(matches!(
            Scenario::from_json(&big),
            Err(Error::OutOfRange { .. })
        ));
        let e = Scenario::from_json(r#"{"version": 1, "protocols": [{"id": 3}]}"#).unwrap_err();
        assert_eq!(e.field(), "protocols[0].id");
        assert!(Scenario::from_json("{").is_err());
        assert!(Scenario::from_json(&"[".repeat(10_000)).is_err());
    }
}
