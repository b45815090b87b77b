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
