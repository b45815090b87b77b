//! `parseScenario(text)`, `runScenario(scenario)`, `scenarioToFragment(scenario)`,
//! `scenarioFromFragment(text)`, `defaultScenario()`, `replays()`, `timelineReplays()`,
//! `setPosition(scenario, position)` and `positionAnswer(scenario)`.

use wasm_bindgen::prelude::*;

use super::{read, scenario_from, text_from, to_js};
use crate::scenario::limits::{MAX_DOCUMENT_BYTES, MAX_FRAGMENT_CHARS};
use crate::scenario::{
    PositionSection, Scenario, default_document, position_answer, replays, run_scenario,
    timeline_replays,
};

/// Parses and validates a scenario document (JSON text of at most 1 MiB; versions 1 and 2 are
/// migrated; a key given twice in one object is refused). A non-string throws at field `.`.
#[wasm_bindgen(js_name = parseScenario, unchecked_return_type = "Scenario")]
pub fn parse_scenario_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = text_from(&text, ".", MAX_DOCUMENT_BYTES)?;
    to_js(&Scenario::from_json(&text)?)
}

/// Runs every engine whose section the scenario holds, with the headline figures.
#[wasm_bindgen(js_name = runScenario, unchecked_return_type = "ScenarioReport")]
pub fn run_scenario_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from(scenario)?;
    to_js(&run_scenario(&s)?)
}

/// The scenario as a share-link fragment (`s2.` + base64url of the deflated JSON, no `#`).
#[wasm_bindgen(js_name = scenarioToFragment)]
pub fn scenario_to_fragment_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<String, JsValue> {
    Ok(scenario_from(scenario)?.to_fragment())
}

/// Reads a share-link fragment (with or without the leading `#`) back into a scenario. A
/// non-string throws at field `fragment`.
#[wasm_bindgen(js_name = scenarioFromFragment, unchecked_return_type = "Scenario")]
pub fn scenario_from_fragment_js(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    // A leading `#` and surrounding blanks are allowed on top of the fragment's own limit.
    let text = text_from(&text, "fragment", MAX_FRAGMENT_CHARS + 64)?;
    to_js(&Scenario::from_fragment(&text)?)
}

/// The default document: the demo network with every page's default section.
#[wasm_bindgen(js_name = defaultScenario, unchecked_return_type = "Scenario")]
pub fn default_scenario_js() -> Result<JsValue, JsValue> {
    to_js(&default_document()?)
}

/// The replay library: ezETH depeg (2024-04), rsETH bridge exploit (2026-04), stETH discount
/// (2022-06), a mass operator fault and an AVS software bug, each with a note and its sources.
#[wasm_bindgen(js_name = replays, unchecked_return_type = "Replay[]")]
pub fn replays_js() -> Result<JsValue, JsValue> {
    to_js(&replays()?)
}

/// The scenario with `position` as its “my position”, written into every page's section
/// (`Scenario::set_position`): the network's positions, the yield preset and deposit, the risk
/// horizon, the leverage market, deposit and loop. Errors name the field (`position.amountEth`).
#[wasm_bindgen(js_name = setPosition, unchecked_return_type = "Scenario")]
pub fn set_position_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PositionSection")] position: JsValue,
) -> Result<JsValue, JsValue> {
    let mut s = scenario_from(scenario)?;
    let p: PositionSection = read::typed(read::json_of(&position)?, "position")?;
    s.set_position(p)?;
    to_js(&s)
}

/// The position's figures (net APY, premium over the LST, expected loss; the Monte Carlo's
/// mean loss, VaR99 and ES99 in ETH), from the scenario's own yield and risk sections.
#[wasm_bindgen(js_name = positionAnswer, unchecked_return_type = "PositionAnswer")]
pub fn position_answer_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from(scenario)?;
    to_js(&position_answer(&s)?)
}

/// The preset timelines: EigenLayer's dual-slashing walk-through in both orders, a deposit after
/// a slash and a pending deallocation slashed before its effect block, each a document whose
/// `slashing.timeline` replays the walk-through (`runScenario` gives every step).
#[wasm_bindgen(js_name = timelineReplays, unchecked_return_type = "Replay[]")]
pub fn timeline_replays_js() -> Result<JsValue, JsValue> {
    to_js(&timeline_replays()?)
}
