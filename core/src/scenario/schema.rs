//! The JSON Schema of the document, derived from the types with `schemars` (draft 2020-12).
//! Checked in as `core/scenario.schema.json` (a test fails when it is stale), shipped in the npm
//! package and served by the site at `/scenario.schema.json`. Every type read with
//! `deny_unknown_fields` is an object with `additionalProperties: false` in the schema.
//!
//! The schema describes the shape (fields, types, enums, required keys); ranges, references
//! between ids and sums are checked by [`super::Scenario::validate_document`].

use super::Scenario;

/// The schema as pretty-printed JSON with a trailing newline, as checked in.
///
/// ```
/// let s = restake_core::scenario::json_schema();
/// assert!(s.contains("\"additionalProperties\": false"));
/// ```
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Scenario);
    // Serialising a schema (plain JSON values) cannot fail.
    let mut text = serde_json::to_string_pretty(&schema).expect("schema serialises");
    text.push('\n');
    text
}
