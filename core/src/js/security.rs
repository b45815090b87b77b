//! `securityAnalysis(scenario, params)`, `restakingGraphAnalysis(graph, options?)` and
//! `securityDemo()`.

use wasm_bindgen::prelude::*;

use super::{demo_with_scenario, from_js, network_from, optional_js, to_js};
use crate::scenario::{SCENARIO_VERSION, Scenario};
use crate::security::{
    AnalysisOptions, RestakingGraph, SecurityParams, analyze_graph, demo, security_analysis,
};

/// Cost vs profit of corruption, the whitepaper condition and γ* certificate, the most
/// profitable attack and the cascade after a shock, for a scenario's allocations with each
/// AVS's profit from corruption and threshold from `params`.
#[wasm_bindgen(js_name = securityAnalysis, unchecked_return_type = "SecurityReport")]
pub fn security_analysis_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario | Network")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SecurityParams")] params: JsValue,
) -> Result<JsValue, JsValue> {
    let (network, _) = network_from(scenario)?;
    let params: SecurityParams = from_js(params, "params")?;
    to_js(&security_analysis(&network, &params)?)
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
    let graph: RestakingGraph = from_js(graph, "")?;
    let options: AnalysisOptions = optional_js(options, "analysis")?;
    to_js(&analyze_graph(&graph, &options)?)
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

/// The Security page's starting point: the demo network with a profit from corruption and a
/// threshold per AVS, every one a labelled assumption; `scenario` holds both as a document
/// (its `security` section is the parameters).
#[wasm_bindgen(
    js_name = securityDemo,
    unchecked_return_type = "SecurityDemo & { scenario: Scenario }"
)]
pub fn security_demo_js() -> Result<JsValue, JsValue> {
    let d = demo::demo()?;
    let doc = Scenario {
        version: SCENARIO_VERSION,
        network: d.network.clone(),
        security: Some(d.params.clone()),
        ..Scenario::default()
    };
    demo_with_scenario(&d, &doc)
}
