//! `securityAnalysis(scenario, params)`, `restakingGraphAnalysis(graph, options?)` and
//! `securityDemo()`.

use wasm_bindgen::prelude::*;

use super::{from_js, js_error, to_js};
use crate::scenario::Scenario;
use crate::security::{
    AnalysisOptions, RestakingGraph, SecurityParams, analyze_graph, demo, security_analysis,
};

/// Cost vs profit of corruption, the whitepaper condition and γ* certificate, the most
/// profitable attack and the cascade after a shock, for a scenario's allocations with each
/// AVS's profit from corruption and threshold from `params`.
#[wasm_bindgen(js_name = securityAnalysis, unchecked_return_type = "SecurityReport")]
pub fn security_analysis_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SecurityParams")] params: JsValue,
) -> Result<JsValue, JsValue> {
    let scenario: Scenario = from_js(scenario)?;
    let params: SecurityParams = from_js(params)?;
    to_js(&security_analysis(&scenario, &params).map_err(|e| js_error(&e))?)
}

/// The same analysis on an explicit restaking graph; omitted options use the defaults.
///
/// Its TypeScript signature is written by hand below because wasm-bindgen cannot mark a typed
/// `JsValue` parameter as optional.
#[wasm_bindgen(js_name = restakingGraphAnalysis, skip_typescript)]
pub fn restaking_graph_analysis_js(
    graph: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let graph: RestakingGraph = from_js(graph)?;
    let options: AnalysisOptions = match options {
        Some(o) if !o.is_undefined() && !o.is_null() => from_js(o)?,
        _ => AnalysisOptions::default(),
    };
    to_js(&analyze_graph(&graph, &options).map_err(|e| js_error(&e))?)
}

#[wasm_bindgen(typescript_custom_section)]
const RESTAKING_GRAPH_ANALYSIS_TS: &str = r#"
/**
 * The security analysis of an explicit restaking graph (validators with stake, services with
 * profit from corruption and threshold, edges). Throws an Error with `field` and `kind` on
 * invalid input; `options.search: "exact"` throws when a connected component has more than 20
 * validators.
 */
export function restakingGraphAnalysis(graph: RestakingGraph, options?: AnalysisOptions): SecurityReport;
"#;

/// The Security page's starting point: the Slashing demo scenario with a profit from
/// corruption and a threshold per AVS, every one a labelled assumption.
#[wasm_bindgen(js_name = securityDemo, unchecked_return_type = "SecurityDemo")]
pub fn security_demo_js() -> Result<JsValue, JsValue> {
    to_js(&demo::demo().map_err(|e| js_error(&e))?)
}
