//! `bridgeExposure(input)` and `bridgePresetRsEth2026()`.

use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::bridge::{BridgeInput, bridge_exposure, rseth_april_2026};

/// Backing check, exploit and loss split of an LRT's bridged supply.
#[wasm_bindgen(js_name = bridgeExposure, unchecked_return_type = "BridgeReport")]
pub fn bridge_exposure_js(
    #[wasm_bindgen(unchecked_param_type = "BridgeInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: BridgeInput = from_js(input, "")?;
    to_js(&bridge_exposure(&input)?)
}

/// The rsETH adapter exploit of 18 April 2026 as a `BridgeInput`, with `notes`: the basis of
/// each figure by field path.
#[wasm_bindgen(js_name = bridgePresetRsEth2026, unchecked_return_type = "{ input: BridgeInput; notes: [string, Basis][] }")]
pub fn bridge_preset_js() -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Preset {
        input: BridgeInput,
        notes: Vec<(String, crate::source::Basis)>,
    }
    let (input, notes) = rseth_april_2026();
    to_js(&Preset { input, notes })
}

/// `input` with the live exchange rate and Ethereum supply of its token from `live` (a
/// `LiveRead`, e.g. a document's `live` section): `{ input, changes, kept }`, each change
/// beside the preset's value and (for the rsETH preset) its source; `kept` says why the input
/// kept its figures when the live ones fail its checks.
#[wasm_bindgen(js_name = liveBridgeInput, unchecked_return_type = "LiveBridge")]
pub fn live_bridge_input_js(
    #[wasm_bindgen(unchecked_param_type = "BridgeInput")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
) -> Result<JsValue, JsValue> {
    let input: BridgeInput = from_js(input, "input")?;
    input.validate().map_err(|e| e.rebased("", "input"))?;
    let live: crate::chain::LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    let (preset, notes) = rseth_april_2026();
    let notes = if input == preset { notes } else { vec![] };
    to_js(&crate::bridge::live::live_bridge(&input, &notes, &live))
}
