//! `yieldStack(input)` and `yieldPresets()`.

use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::yield_stack::{YieldInput, yield_presets, yield_stack};

/// The LRT-vs-LST yield waterfall: every reward stream and fee in APR points, net APR and APY,
/// the deposit after the horizon, the LRT's premium, expected slashing loss and risk-adjusted
/// APY. Throws an Error with `field` and `kind` on invalid input.
#[wasm_bindgen(js_name = yieldStack, unchecked_return_type = "YieldReport")]
pub fn yield_stack_js(
    #[wasm_bindgen(unchecked_param_type = "YieldInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: YieldInput = from_js(input, "")?;
    to_js(&yield_stack(&input)?)
}

/// One starting `YieldInput` per preset protocol, with the basis of each figure in `notes`
/// (AVS streams are labelled assumptions: no published figures exist).
#[wasm_bindgen(js_name = yieldPresets, unchecked_return_type = "YieldPreset[]")]
pub fn yield_presets_js() -> Result<JsValue, JsValue> {
    to_js(&yield_presets()?)
}
