//! `leverageLoop(input)`, `liquidationCascade(input)`, `lendingMarkets()` and
//! `cascadePresetEzEth2024()`.

use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::lending::replay::ezeth_april_2024;
use crate::lending::{
    CascadeInput, LeverageInput, lending_markets, leverage_loop, liquidation_cascade,
};

/// A looped LRT position: leverage, health factor, net APY, liquidation price, and net APY
/// against leverage.
#[wasm_bindgen(js_name = leverageLoop, unchecked_return_type = "LeverageReport")]
pub fn leverage_loop_js(
    #[wasm_bindgen(unchecked_param_type = "LeverageInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: LeverageInput = from_js(input, "")?;
    to_js(&leverage_loop(&input)?)
}

/// A liquidation cascade, round by round, after a depeg, slash or sale.
#[wasm_bindgen(js_name = liquidationCascade, unchecked_return_type = "CascadeReport")]
pub fn liquidation_cascade_js(
    #[wasm_bindgen(unchecked_param_type = "CascadeInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: CascadeInput = from_js(input, "")?;
    to_js(&liquidation_cascade(&input)?)
}

/// The built-in lending markets, every parameter with its source or assumption. Pass a market's
/// values as `MarketParams` (`ltv.value`, …) to the two models.
#[wasm_bindgen(js_name = lendingMarkets, unchecked_return_type = "LendingMarket[]")]
pub fn lending_markets_js() -> Result<JsValue, JsValue> {
    to_js(&lending_markets())
}

/// The ezETH depeg of 24 April 2024 on Morpho Blue (LLTV 0.77) as a `CascadeInput`, with the
/// basis of each figure, the published outcome and how the replay compares.
#[wasm_bindgen(js_name = cascadePresetEzEth2024, unchecked_return_type = "EzEthReplay")]
pub fn cascade_preset_js() -> Result<JsValue, JsValue> {
    to_js(&ezeth_april_2024())
}
