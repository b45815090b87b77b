//! `incidentReplays()`: published incident arithmetic reproduced from cited inputs.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::incidents::incident_replays;

/// The incident replays (rsETH bad debt, April 2026; a ~2% weETH slash and EigenLayer TVL), each
/// with its inputs and their bases, the reproduced figures beside the published ones, and the
/// inputs no source gives.
#[wasm_bindgen(js_name = incidentReplays, unchecked_return_type = "IncidentReplay[]")]
pub fn incident_replays_js() -> Result<JsValue, JsValue> {
    to_js(&incident_replays())
}
