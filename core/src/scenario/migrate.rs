//! Reading older documents: one step function per version, applied in order to the parsed JSON
//! before it is read into a [`super::Scenario`], so the types only ever know the current version.
//!
//! - **1 → 2** ([`v1_to_v2`]): version 1 held only the network (protocols, operators, AVSs,
//!   delegations, allocations, positions, restaking). Version 2 adds the optional `name` and
//!   page sections; a version 1 document is a version 2 document without them, so the step only
//!   sets `version`. A v1 document that already carries a v2-only key is rejected, since no
//!   version 1 writer produced one.
//! - **2 → 3** ([`v2_to_v3`]): version 3 nests the network under `network` (the network layer
//!   of the crate, `crate::network::Network`). The step moves the seven network keys
//!   (`protocols`, `operators`, `avss`, `delegations`, `allocations`, `positions`, `restaking`)
//!   into a `network` object and keeps the page sections where they are. A v2 document that
//!   already has a `network` key is rejected.
//! - **3 → 4** ([`v3_to_v4`]): version 4 reads a stableswap pool's `amplification` as Curve's
//!   contracts do, exactly what the pool's `A()` returns (`Ann = A·n`); version 3 read it as the
//!   whitepaper's `A` (`Ann = A·nⁿ`). For two coins the same pool has twice the `A`, so the step
//!   doubles `leverage.cascade.pool.kind.amplification` (a value that is not a number is left
//!   for validation to reject) and every figure the document gives stays the same.

use serde_json::Value;

use super::SCENARIO_VERSION;
use crate::Error;

/// Keys that version 2 added; none of them may appear in a version 1 document.
const V2_KEYS: [&str; 7] = [
    "name",
    "yieldStack",
    "slashing",
    "risk",
    "security",
    "leverage",
    "bridge",
];

/// The keys of the network, which version 3 moved under `network`.
pub const NETWORK_KEYS: [&str; 7] = [
    "protocols",
    "operators",
    "avss",
    "delegations",
    "allocations",
    "positions",
    "restaking",
];

/// The document's `version`: a whole number in `1..=SCENARIO_VERSION`; errors name `version`.
pub fn version_of(doc: &Value) -> Result<u32, Error> {
    let Some(obj) = doc.as_object() else {
        return Err(Error::Parse {
            field: ".".to_owned(),
            message: "a scenario must be a JSON object".to_owned(),
        });
    };
    let Some(v) = obj.get("version") else {
        return Err(Error::Parse {
            field: "version".to_owned(),
            message: "missing field `version`".to_owned(),
        });
    };
    let expected = format!("a document version in 1..={SCENARIO_VERSION}");
    match v.as_u64() {
        Some(n) if (1..=u64::from(SCENARIO_VERSION)).contains(&n) => Ok(n as u32),
        Some(n) => Err(Error::OutOfRange {
            field: "version".to_owned(),
            value: n as f64,
            expected,
        }),
        None => match v.as_f64() {
            Some(x) => Err(Error::OutOfRange {
                field: "version".to_owned(),
                value: x,
                expected,
            }),
            None => Err(Error::Parse {
                field: "version".to_owned(),
                message: format!("invalid type: {}, expected {expected}", kind(v)),
            }),
        },
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Migrates a parsed document of any readable version to [`SCENARIO_VERSION`], one step at a
/// time. The result still has to be read and validated.
///
/// ```
/// let v1 = serde_json::json!({"version": 1, "protocols": []});
/// let v4 = restake_core::scenario::migrate::migrate(v1).unwrap();
/// assert_eq!(v4["version"], 4);
/// assert_eq!(v4["network"]["protocols"], serde_json::json!([]));
/// ```
pub fn migrate(mut doc: Value) -> Result<Value, Error> {
    let mut version = version_of(&doc)?;
    while version < SCENARIO_VERSION {
        doc = match version {
            1 => v1_to_v2(doc)?,
            2 => v2_to_v3(doc)?,
            3 => v3_to_v4(doc),
            // version_of admits 1..=SCENARIO_VERSION and each step raises it by one.
            _ => unreachable!("no migration step from version {version}"),
        };
        version += 1;
    }
    Ok(doc)
}

/// Step 1 → 2: checks that no version 2 key is present and sets `version` to 2.
pub fn v1_to_v2(mut doc: Value) -> Result<Value, Error> {
    if let Some(obj) = doc.as_object_mut() {
        if let Some(key) = V2_KEYS.iter().find(|k| obj.contains_key(**k)) {
            return Err(Error::Parse {
                field: (*key).to_owned(),
                message: format!(
                    "unknown field `{key}` in a version 1 document (it was added in version 2)"
                ),
            });
        }
        obj.insert("version".to_owned(), Value::from(2));
    }
    Ok(doc)
}

/// Step 2 → 3: moves the network's keys into `network` and sets `version` to 3.
pub fn v2_to_v3(mut doc: Value) -> Result<Value, Error> {
    if let Some(obj) = doc.as_object_mut() {
        if obj.contains_key("network") {
            return Err(Error::Parse {
                field: "network".to_owned(),
                message:
                    "unknown field `network` in a version 2 document (it was added in version 3)"
                        .to_owned(),
            });
        }
        let mut network = serde_json::Map::new();
        for key in NETWORK_KEYS {
            if let Some(v) = obj.remove(key) {
                network.insert(key.to_owned(), v);
            }
        }
        obj.insert("network".to_owned(), Value::Object(network));
        obj.insert("version".to_owned(), Value::from(3));
    }
    Ok(doc)
}

/// Step 3 → 4: doubles a stableswap pool's whitepaper `A` into Curve's `A()` (`Ann = A·n`
/// instead of `A·nⁿ`, two coins) and sets `version` to 4.
pub fn v3_to_v4(mut doc: Value) -> Value {
    if let Some(kind) = doc
        .pointer_mut("/leverage/cascade/pool/kind")
        .and_then(Value::as_object_mut)
        && kind.get("kind").and_then(Value::as_str) == Some("stableswap")
        && let Some(a) = kind.get("amplification").and_then(Value::as_f64)
    {
        kind.insert("amplification".to_owned(), Value::from(2.0 * a));
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("version".to_owned(), Value::from(4));
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn v1_becomes_v4_and_keeps_everything_else() {
        let v1 = json!({"version": 1, "protocols": [], "operators": [{"id": "op", "name": "Op"}]});
        let v2 = v1_to_v2(v1.clone()).unwrap();
        assert_eq!(v2["version"], 2);
        assert_eq!(v2["operators"], v1["operators"]);
        let v4 = migrate(v1.clone()).unwrap();
        assert_eq!(v4["version"], 4);
        assert_eq!(v4["network"]["operators"], v1["operators"]);
        assert_eq!(v4.as_object().unwrap().len(), 2);
        assert_eq!(v4["network"].as_object().unwrap().len(), 2);
        // The current version passes through untouched.
        assert_eq!(migrate(v4.clone()).unwrap(), v4);
    }

    #[test]
    fn v2_nests_its_network_and_keeps_its_sections() {
        let v2 = json!({"version": 2, "name": "x", "protocols": [], "restaking": [],
            "risk": {"paths": 10}});
        let v4 = migrate(v2).unwrap();
        assert_eq!(
            v4,
            json!({"version": 4, "name": "x", "risk": {"paths": 10},
                "network": {"protocols": [], "restaking": []}})
        );
        let e = migrate(json!({"version": 2, "protocols": [], "network": {}})).unwrap_err();
        assert_eq!(e.field(), "network");
    }

    #[test]
    fn v3_whitepaper_amplification_becomes_curves_a() {
        // A whitepaper A of 60 (Ann = 60·2² = 240) is the pool whose A() returns 120 (Ann = 120·2).
        let pool = |kind: Value| json!({"leverage": {"cascade": {"pool": {"kind": kind}}}});
        let mut v3 = pool(json!({"kind": "stableswap", "amplification": 60}));
        v3["version"] = json!(3);
        let v4 = migrate(v3).unwrap();
        assert_eq!(v4["version"], 4);
        assert_eq!(
            v4["leverage"]["cascade"]["pool"]["kind"]["amplification"],
            120.0
        );
        // A constant-product pool and a non-number are left as they are.
        for kind in [
            json!({"kind": "constantProduct"}),
            json!({"kind": "stableswap", "amplification": "x"}),
        ] {
            let mut v3 = pool(kind.clone());
            v3["version"] = json!(3);
            assert_eq!(
                migrate(v3).unwrap()["leverage"]["cascade"]["pool"]["kind"],
                kind
            );
        }
    }

    #[test]
    fn v2_keys_in_a_v1_document_are_rejected() {
        let e = migrate(json!({"version": 1, "protocols": [], "risk": {}})).unwrap_err();
        assert_eq!(e.field(), "risk");
    }

    #[test]
    fn bad_versions_name_the_field() {
        for (doc, field) in [
            (json!({"version": 0}), "version"),
            (json!({"version": 5}), "version"),
            (json!({"version": 1.5}), "version"),
            (json!({"version": "2"}), "version"),
            (json!({"protocols": []}), "version"),
            (json!([1, 2]), "."),
        ] {
            assert_eq!(migrate(doc).unwrap_err().field(), field);
        }
        assert_eq!(
            migrate(json!({"version": 5})).unwrap_err().to_string(),
            "version: must be a document version in 1..=4, got 5"
        );
    }
}
