//! `parameterWorkbench(input)`, `parameterTokenPresets()` and `poolImpactCurve(pool, points,
//! maxLrtIn)`: the risk-parameter workbench and the liquidity curve it reads.

use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::lending::Pool;
use crate::parameters::{WorkbenchInput, parameter_workbench, token_presets};

/// Each published rule's suggested LTV, liquidation threshold, bonus and supply cap for one
/// token in one market, with its source and inputs: a comparison, never advice. An error names
/// the field (`liquidity[1].lrtIn`).
#[wasm_bindgen(js_name = parameterWorkbench, unchecked_return_type = "WorkbenchReport")]
pub fn parameter_workbench_js(
    #[wasm_bindgen(unchecked_param_type = "WorkbenchInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: WorkbenchInput = from_js(input, "")?;
    to_js(&parameter_workbench(&input)?)
}

/// The built-in token presets (published depth points, labelled assumptions), each with the
/// basis of every figure; set `liquidationBonus`, `slippageBudget` and `market` from the market
/// compared against.
#[wasm_bindgen(js_name = parameterTokenPresets, unchecked_return_type = "TokenPreset[]")]
pub fn parameter_token_presets_js() -> Result<JsValue, JsValue> {
    to_js(&token_presets())
}

/// The liquidity curve of `pool`: `points` sales of `maxLrtIn · i/points` tokens, each into the
/// pool as it is (`Sale[]`, read `lrtIn` and `priceImpact` for the workbench).
#[wasm_bindgen(js_name = poolImpactCurve, unchecked_return_type = "Sale[]")]
pub fn pool_impact_curve_js(
    #[wasm_bindgen(unchecked_param_type = "Pool")] pool: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] max_lrt_in: JsValue,
) -> Result<JsValue, JsValue> {
    let pool: Pool = from_js(pool, "pool")?;
    pool.validate("pool")?;
    let points: f64 = from_js(points, "points")?;
    if points.fract() != 0.0 || !(1.0..=1000.0).contains(&points) {
        return Err(crate::Error::OutOfRange {
            field: "points".to_owned(),
            value: points,
            expected: "a whole number in 1..=1000".to_owned(),
        }
        .into());
    }
    let max: f64 = from_js(max_lrt_in, "maxLrtIn")?;
    to_js(&pool.impact_curve(points as usize, max)?)
}
