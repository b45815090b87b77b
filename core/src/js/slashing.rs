//! `applySlashing(scenario, events, options?)` and `slashingDemo()`.

use wasm_bindgen::prelude::*;

use super::{from_js, js_error, to_js};
use crate::scenario::Scenario;
use crate::slashing::{SlashEvent, SlashingOptions, apply_slashing, demo};

/// Applies a sequence of slashing events to a scenario's delegated stake. `options.mode`
/// chooses the AVS-slashing semantics (`"uniqueStake"`, the default: EigenLayer; or
/// `"sharedStake"`: Symbiotic restaking); omitted options use the defaults.
///
/// Its TypeScript signature is written by hand below because wasm-bindgen cannot mark a typed
/// `JsValue` parameter as optional.
#[wasm_bindgen(js_name = applySlashing, skip_typescript)]
pub fn apply_slashing_js(
    scenario: JsValue,
    events: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let scenario: Scenario = from_js(scenario)?;
    let events: Vec<SlashEvent> = from_js(events)?;
    let options: SlashingOptions = match options {
        Some(o) if !o.is_undefined() && !o.is_null() => from_js(o)?,
        _ => SlashingOptions::default(),
    };
    to_js(&apply_slashing(&scenario, &events, &options).map_err(|e| js_error(&e))?)
}

#[wasm_bindgen(typescript_custom_section)]
const APPLY_SLASHING_TS: &str = r#"
/**
 * Applies a sequence of slashing events to a scenario's delegated stake and reports the effect
 * per operator, AVS, LRT and position. Amounts carry exact wei (decimal strings) and ETH views.
 * `options.mode`: "uniqueStake" (default, EigenLayer ELIP-002) or "sharedStake" (Symbiotic
 * restaking delegators). Throws an Error with `field` and `kind` on invalid input.
 */
export function applySlashing(scenario: Scenario, events: SlashEvent[], options?: SlashingOptions): SlashingReport;
"#;

/// The built-in demo: three LRTs sharing four operators that secure four AVSs, a default event
/// sequence, options, and the basis (source or labelled assumption) of every figure.
#[wasm_bindgen(js_name = slashingDemo, unchecked_return_type = "SlashingDemo")]
pub fn slashing_demo_js() -> Result<JsValue, JsValue> {
    to_js(&demo::demo().map_err(|e| js_error(&e))?)
}
