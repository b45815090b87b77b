//! The checked-in JSON Schema (`core/scenario.schema.json`) is the one the types generate, and
//! it closes every object that the parser closes (`deny_unknown_fields` ⇒
//! `additionalProperties: false`). Refresh it with
//! `UPDATE_SCHEMA=1 cargo test -p restake-core --test scenario_schema`.
#![cfg(not(target_arch = "wasm32"))]

use restake_core::scenario::json_schema;
use serde_json::Value;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scenario.schema.json");

#[test]
fn checked_in_schema_is_current() {
    let generated = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(PATH, &generated).expect("write core/scenario.schema.json");
        return;
    }
    let on_disk = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        on_disk == generated,
        "core/scenario.schema.json is stale or missing; refresh it with\n  \
         UPDATE_SCHEMA=1 cargo test -p restake-core --test scenario_schema"
    );
}

/// Every object schema with `properties` (structs and the variants of tagged enums) forbids
/// other keys; returns the JSON pointers of those that do not.
fn open_objects(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if m.contains_key("properties")
                && m.get("additionalProperties") != Some(&Value::Bool(false))
            {
                out.push(at.to_owned());
            }
            for (k, x) in m {
                open_objects(x, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                open_objects(x, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_object_is_closed() {
    let schema: Value = serde_json::from_str(&json_schema()).unwrap();
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
    assert_eq!(schema["title"], "Scenario");
    let defs = schema["$defs"].as_object().unwrap();
    for name in [
        "Operator",
        "SlashingSection",
        "LeverageSection",
        "RiskOptions",
        "SecurityParams",
        "BridgeInput",
        "YieldInput",
        "SlashEvent",
        "Protocol",
    ] {
        assert!(defs.contains_key(name), "missing $defs/{name}");
    }
    let mut open = Vec::new();
    open_objects(&schema, "#", &mut open);
    assert!(
        open.is_empty(),
        "objects without additionalProperties: false: {open:?}"
    );
    // The leverage section's loop is written `loop`, as serde names it.
    assert!(defs["LeverageSection"]["properties"].get("loop").is_some());
}
