//! The document itself: the shared network (protocols, operators, AVSs, delegations,
//! allocations, positions, restaking) and one optional section per page, with JSON parsing and
//! the network's validation.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::limits;
use super::sections::{LeverageSection, SlashingSection};
use crate::bridge::BridgeInput;
use crate::protocol::Protocol;
use crate::risk::RiskOptions;
use crate::security::SecurityParams;
use crate::yield_stack::YieldInput;
use crate::{Error, validate};

/// The document version this crate writes (2: the network plus the optional page sections).
/// Version 1 documents (the network only) are read and migrated ([`super::migrate`]).
pub const SCENARIO_VERSION: u32 = 2;

/// A node operator that runs validators and opts into AVSs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Operator {
    /// Stable identifier, `a-z0-9-_`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// ETH delegated to this operator by stakers outside the scenario's protocols (solo stakers,
    /// funds, LRTs not modelled), in ETH, `0..=1e9`; default 0. It shares every slash of the
    /// operator with the protocols' stake.
    #[serde(default)]
    pub other_delegated_eth: f64,
    /// Share of `otherDelegatedEth` that is native beacon-chain ETH in EigenPods (exposed to
    /// beacon-chain slashing) rather than LSTs, fraction in `0..=1`; default 0 (all LSTs).
    #[serde(default)]
    pub other_native_share: f64,
}

/// An Actively Validated Service: a network secured by restaked stake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Avs {
    /// Stable identifier, `a-z0-9-_`.
    pub id: String,
    /// Display name, e.g. `EigenDA`.
    pub name: String,
}

/// A protocol's delegation of its restaked ETH to one operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Delegation {
    /// Id of the delegating protocol.
    pub protocol: String,
    /// Id of the operator.
    pub operator: String,
    /// Share of the protocol's restaked ETH delegated to this operator, fraction in `0..=1`;
    /// a protocol's weights sum to at most 1 (the rest is not restaked).
    pub weight: f64,
    /// ETH this protocol has queued for withdrawal from this operator and not yet completed, in
    /// ETH, `0..=1e9`; default 0. It is on top of `weight × restakedEth`, split native/LST like
    /// the protocol's restaked ETH, and stays slashable during the 14-day EigenLayer escrow
    /// (ELIP-002; `DelegationManager.md`).
    #[serde(default)]
    pub queued_withdrawal_eth: f64,
}

/// An operator's allocation of its delegated stake to one AVS (an EigenLayer operator set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Allocation {
    /// Id of the operator.
    pub operator: String,
    /// Id of the AVS.
    pub avs: String,
    /// Allocated magnitude as a fraction of the operator's stake in `0..=1` (1.0 = 1 WAD = 100%);
    /// under unique stake an operator's magnitudes sum to at most 1.
    pub magnitude: f64,
    /// Shared-stake (Symbiotic) mode only: the network limit, i.e. the most of the operator's
    /// active stake at capture this AVS may slash, fraction in `0..=1`. Omitted, it is 1: the whole
    /// stake counts for every AVS the operator is registered with (an assumption: a curator that
    /// restakes fully). Unique-stake mode ignores it and uses `magnitude`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub network_limit: Option<f64>,
}

/// How much ETH a protocol restakes, and what it is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Restaking {
    /// Id of the protocol.
    pub protocol: String,
    /// The protocol's restaked ETH, in ETH, `0..=1e9`: the pool its delegation weights split
    /// among operators (the part not delegated is held outside EigenLayer and is not slashable).
    pub restaked_eth: f64,
    /// Share of the restaked ETH that is native beacon-chain ETH in EigenPods, fraction in
    /// `0..=1`; the rest is LSTs (stETH, ETHx, …) valued 1:1 in ETH.
    pub native_share: f64,
    /// The token's exchange rate before any slash, ETH per token, `> 0` and `≤ 1e6`; optional
    /// (reports then give only the relative change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub exchange_rate_eth: Option<f64>,
}

/// A holder's position in one protocol's token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Position {
    /// Id of the protocol whose token is held.
    pub protocol: String,
    /// Size of the position in ETH at the token's current exchange rate, ≥ 0.
    pub amount_eth: f64,
}

/// The whole what-if: the shared network (protocols, operators, AVSs, who delegates and
/// allocates to whom, the user's positions) and one optional section per page. Slashing, risk
/// and security read the network; yield, leverage and bridge are self-contained. A missing
/// section means "the page's default".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// Document version; this crate writes [`SCENARIO_VERSION`] and reads 1 and 2.
    #[schemars(range(min = 1, max = 2))]
    pub version: u32,
    /// Display name of the what-if, 1–120 characters; optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 120))]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub name: Option<String>,
    /// Protocol profiles.
    pub protocols: Vec<Protocol>,
    /// Node operators (at most [`limits::MAX_OPERATORS`]).
    #[serde(default)]
    pub operators: Vec<Operator>,
    /// AVSs (at most [`limits::MAX_AVSS`]).
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
}

impl Scenario {
    /// Parses a JSON document of at most [`limits::MAX_DOCUMENT_BYTES`] (1 MiB), migrates a version 1
    /// document to the current version ([`super::migrate`]), rejects unknown fields (naming
    /// them) and validates the network and every section present
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
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Parse {
            field: syntax_error_path(text),
            message: e.to_string(),
        })?;
        Scenario::from_value(value)
    }

    /// [`Scenario::from_json`] on an already parsed JSON value (no size check: the caller
    /// bounds the input).
    pub fn from_value(value: serde_json::Value) -> Result<Scenario, Error> {
        let value = super::migrate::migrate(value)?;
        let scenario: Scenario = serde_path_to_error::deserialize(value).map_err(|e| {
            let field = e.path().to_string();
            Error::Parse {
                field,
                message: e.into_inner().to_string(),
            }
        })?;
        scenario.validate_document()?;
        Ok(scenario)
    }

    /// Serialises the scenario as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and finite numbers cannot fail.
        serde_json::to_string_pretty(self).expect("scenario serialises")
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

    /// Checks the network: version, name, the size limits ([`limits`]), ids, references,
    /// ranges and sums. The engines that read the network call it; it does not look at the
    /// page sections (see [`Scenario::validate_document`]).
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
        limits::counts(self)?;
        let protocols = unique_ids("protocols", self.protocols.iter().map(|p| &p.id))?;
        for (i, p) in self.protocols.iter().enumerate() {
            p.validate(&format!("protocols[{i}]"))?;
        }
        let operators = unique_ids("operators", self.operators.iter().map(|o| &o.id))?;
        for (i, o) in self.operators.iter().enumerate() {
            validate::id(&format!("operators[{i}].id"), &o.id)?;
            validate::text(&format!("operators[{i}].name"), &o.name)?;
            eth_amount(
                &format!("operators[{i}].otherDelegatedEth"),
                o.other_delegated_eth,
            )?;
            validate::fraction(
                &format!("operators[{i}].otherNativeShare"),
                o.other_native_share,
            )?;
        }
        let avss = unique_ids("avss", self.avss.iter().map(|a| &a.id))?;
        for (i, a) in self.avss.iter().enumerate() {
            validate::id(&format!("avss[{i}].id"), &a.id)?;
            validate::text(&format!("avss[{i}].name"), &a.name)?;
        }
        for (i, d) in self.delegations.iter().enumerate() {
            let f = format!("delegations[{i}]");
            reference(
                &format!("{f}.protocol"),
                &d.protocol,
                &protocols,
                "protocol",
            )?;
            reference(
                &format!("{f}.operator"),
                &d.operator,
                &operators,
                "operator",
            )?;
            validate::fraction(&format!("{f}.weight"), d.weight)?;
            eth_amount(&format!("{f}.queuedWithdrawalEth"), d.queued_withdrawal_eth)?;
        }
        for p in &self.protocols {
            let sum: f64 = self
                .delegations
                .iter()
                .filter(|d| d.protocol == p.id)
                .map(|d| d.weight)
                .sum();
            at_most_one(&format!("delegations[protocol={}].weight", p.id), sum)?;
        }
        let mut pairs = HashSet::new();
        for (i, a) in self.allocations.iter().enumerate() {
            let f = format!("allocations[{i}]");
            reference(
                &format!("{f}.operator"),
                &a.operator,
                &operators,
                "operator",
            )?;
            reference(&format!("{f}.avs"), &a.avs, &avss, "AVS")?;
            validate::fraction(&format!("{f}.magnitude"), a.magnitude)?;
            if let Some(limit) = a.network_limit {
                validate::fraction(&format!("{f}.networkLimit"), limit)?;
            }
            if !pairs.insert((a.operator.as_str(), a.avs.as_str())) {
                return Err(Error::DuplicateId {
                    field: f,
                    value: format!("{}/{}", a.operator, a.avs),
                });
            }
        }
        for o in &self.operators {
            let sum: f64 = self
                .allocations
                .iter()
                .filter(|a| a.operator == o.id)
                .map(|a| a.magnitude)
                .sum();
            at_most_one(&format!("allocations[operator={}].magnitude", o.id), sum)?;
        }
        for (i, p) in self.positions.iter().enumerate() {
            let f = format!("positions[{i}]");
            reference(
                &format!("{f}.protocol"),
                &p.protocol,
                &protocols,
                "protocol",
            )?;
            validate::non_negative(&format!("{f}.amountEth"), p.amount_eth)?;
        }
        let mut restaked = HashSet::new();
        for (i, r) in self.restaking.iter().enumerate() {
            let f = format!("restaking[{i}]");
            reference(
                &format!("{f}.protocol"),
                &r.protocol,
                &protocols,
                "protocol",
            )?;
            if !restaked.insert(r.protocol.as_str()) {
                return Err(Error::DuplicateId {
                    field: format!("{f}.protocol"),
                    value: r.protocol.clone(),
                });
            }
            eth_amount(&format!("{f}.restakedEth"), r.restaked_eth)?;
            validate::fraction(&format!("{f}.nativeShare"), r.native_share)?;
            if let Some(rate) = r.exchange_rate_eth {
                validate::in_range(
                    &format!("{f}.exchangeRateEth"),
                    rate,
                    f64::MIN_POSITIVE,
                    1e6,
                    "an exchange rate in (0, 1e6] ETH per token",
                )?;
            }
        }
        Ok(())
    }

    /// Checks the whole document: the network ([`Scenario::validate`]) and every section
    /// present, with the section's path in errors (`risk.paths`, `bridge.chains[2].supply`,
    /// `slashing.events[0].avs`).
    pub fn validate_document(&self) -> Result<(), Error> {
        self.validate()?;
        super::sections::validate_sections(self)
    }

    /// The restaking entry of protocol `id`, if any.
    pub fn restaking_of(&self, id: &str) -> Option<&Restaking> {
        self.restaking.iter().find(|r| r.protocol == id)
    }
}

/// Where malformed JSON text (bad syntax, a number out of range such as `1e400`, nesting over
/// 128 levels) breaks, as a field path: the typed reader stops at the same place and knows the
/// path (`operators[0].otherDelegatedEth`); `.` when it stops at the top or before any field.
fn syntax_error_path(text: &str) -> String {
    if !text.trim_start().starts_with('{') {
        return ".".to_owned();
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Scenario>(de) {
        Err(e) => match e.path().to_string() {
            p if p == "?" => ".".to_owned(),
            p => p,
        },
        Ok(_) => ".".to_owned(),
    }
}

/// Largest ETH amount a scenario field may hold, in ETH (1e9, about eight times the ether
/// supply); keeps wei amounts far inside the slashing engine's integer range.
pub const MAX_AMOUNT_ETH: f64 = 1e9;

fn eth_amount(field: &str, v: f64) -> Result<f64, Error> {
    validate::in_range(field, v, 0.0, MAX_AMOUNT_ETH, "an amount in 0..=1e9 ETH")
}

/// Tolerance for sums of fractions typed as decimals (0.1 + 0.2 + 0.7 must pass).
const SUM_TOLERANCE: f64 = 1e-9;

fn at_most_one(field: &str, sum: f64) -> Result<(), Error> {
    if sum > 1.0 + SUM_TOLERANCE {
        return Err(Error::SumTooLarge {
            field: field.to_owned(),
            value: sum,
            limit: 1.0,
        });
    }
    Ok(())
}

fn unique_ids<'a>(
    field: &str,
    ids: impl Iterator<Item = &'a String>,
) -> Result<HashSet<&'a str>, Error> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id.as_str()) {
            return Err(Error::DuplicateId {
                field: format!("{field}[{i}].id"),
                value: id.clone(),
            });
        }
    }
    Ok(seen)
}

fn reference(field: &str, id: &str, known: &HashSet<&str>, target: &str) -> Result<(), Error> {
    if known.contains(id) {
        Ok(())
    } else {
        Err(Error::UnknownReference {
            field: field.to_owned(),
            value: id.to_owned(),
            target: target.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::MAX_DOCUMENT_BYTES;

    fn base() -> Scenario {
        Scenario {
            version: SCENARIO_VERSION,
            protocols: crate::presets::protocols().unwrap(),
            operators: vec![Operator {
                id: "op-a".into(),
                name: "Operator A".into(),
                other_delegated_eth: 100.0,
                other_native_share: 0.5,
            }],
            avss: vec![
                Avs {
                    id: "eigenda".into(),
                    name: "EigenDA".into(),
                },
                Avs {
                    id: "oracle".into(),
                    name: "Oracle AVS".into(),
                },
            ],
            delegations: vec![Delegation {
                protocol: "renzo".into(),
                operator: "op-a".into(),
                weight: 0.5,
                queued_withdrawal_eth: 2.0,
            }],
            allocations: vec![
                Allocation {
                    operator: "op-a".into(),
                    avs: "eigenda".into(),
                    magnitude: 0.7,
                    network_limit: Some(0.9),
                },
                Allocation {
                    operator: "op-a".into(),
                    avs: "oracle".into(),
                    magnitude: 0.3,
                    network_limit: None,
                },
            ],
            positions: vec![Position {
                protocol: "kelp".into(),
                amount_eth: 10.0,
            }],
            restaking: vec![Restaking {
                protocol: "renzo".into(),
                restaked_eth: 1000.0,
                native_share: 0.4,
                exchange_rate_eth: Some(1.02),
            }],
            ..Scenario::default()
        }
    }

    #[test]
    fn json_round_trip() {
        let s = base();
        assert_eq!(Scenario::from_json(&s.to_json()).unwrap(), s);
    }

    #[test]
    fn unknown_field_is_named() {
        let mut v: serde_json::Value = serde_json::from_str(&base().to_json()).unwrap();
        v["operators"][0]["colour"] = "red".into();
        let e = Scenario::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.field(), "operators[0].colour");
        assert!(e.to_string().contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn allocations_above_one_are_rejected() {
        let mut s = base();
        s.allocations[1].magnitude = 0.31;
        let e = s.validate().unwrap_err();
        assert_eq!(e.field(), "allocations[operator=op-a].magnitude");
    }

    #[test]
    fn dangling_and_duplicate_ids() {
        let mut s = base();
        s.positions[0].protocol = "lido".into();
        assert_eq!(
            s.validate().unwrap_err().to_string(),
            "positions[0].protocol: no protocol with id \"lido\""
        );
        let mut s = base();
        s.avss[1].id = "eigenda".into();
        assert_eq!(s.validate().unwrap_err().field(), "avss[1].id");
    }

    #[test]
    fn bad_numbers_name_their_field() {
        let mut s = base();
        s.positions[0].amount_eth = -1.0;
        assert_eq!(s.validate().unwrap_err().field(), "positions[0].amountEth");
        let mut s = base();
        s.protocols[0].fee_on_rewards.value = f64::NAN;
        assert_eq!(
            s.validate().unwrap_err().field(),
            "protocols[0].feeOnRewards.value"
        );
    }

    #[test]
    fn slashing_fields_default_and_validate_with_paths() {
        // Documents written before the slashing fields existed still parse, with defaults.
        let old = r#"{"version": 1, "protocols": [],
            "operators": [{"id": "op", "name": "Op"}],
            "avss": [{"id": "x", "name": "X"}],
            "allocations": [{"operator": "op", "avs": "x", "magnitude": 0.5}]}"#;
        let s = Scenario::from_json(old).unwrap();
        assert_eq!(s.operators[0].other_delegated_eth, 0.0);
        assert_eq!(s.allocations[0].network_limit, None);
        assert!(s.restaking.is_empty());
        // An omitted network limit is not written back.
        assert!(!s.to_json().contains("networkLimit"));

        type Breaker = fn(&mut Scenario);
        let cases: [(Breaker, &str); 8] = [
            (
                |s| s.operators[0].other_delegated_eth = -1.0,
                "operators[0].otherDelegatedEth",
            ),
            (
                |s| s.operators[0].other_native_share = 1.5,
                "operators[0].otherNativeShare",
            ),
            (
                |s| s.delegations[0].queued_withdrawal_eth = 2e9,
                "delegations[0].queuedWithdrawalEth",
            ),
            (
                |s| s.allocations[0].network_limit = Some(f64::NAN),
                "allocations[0].networkLimit",
            ),
            (
                |s| s.restaking[0].native_share = -0.1,
                "restaking[0].nativeShare",
            ),
            (
                |s| s.restaking[0].restaked_eth = f64::INFINITY,
                "restaking[0].restakedEth",
            ),
            (
                |s| s.restaking[0].exchange_rate_eth = Some(0.0),
                "restaking[0].exchangeRateEth",
            ),
            (
                |s| s.restaking[0].protocol = "lido".into(),
                "restaking[0].protocol",
            ),
        ];
        for (break_it, field) in cases {
            let mut s = base();
            break_it(&mut s);
            assert_eq!(s.validate().unwrap_err().field(), field);
        }
        let mut s = base();
        s.restaking.push(s.restaking[0].clone());
        assert_eq!(s.validate().unwrap_err().field(), "restaking[1].protocol");
        let mut s = base();
        s.allocations[1].avs = "eigenda".into();
        s.allocations[1].magnitude = 0.1;
        let e = s.validate().unwrap_err();
        assert_eq!(
            e.to_string(),
            "allocations[1]: id \"op-a/eigenda\" is used more than once"
        );
        assert_eq!(base().restaking_of("renzo").unwrap().native_share, 0.4);
        assert!(base().restaking_of("kelp").is_none());
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
