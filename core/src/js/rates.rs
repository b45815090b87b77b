//! Interest-rate models and carry for JS: `aaveInterestRates(data, state)`,
//! `adaptiveCurveBorrowRate(input)`, `aaveCompoundedInterest(input)`,
//! `morphoTaylorCompounded(input)`, `rateCurve(model)`, `rateModelPresets()`,
//! `utilizationPresets()` and `carry(input)`. Contract integers (wei, ray, WAD) travel as
//! decimal strings.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::Error;
use crate::lending::carry::{CarryInput, carry, weth_february_2026};
use crate::lending::rate_model::RateModel;
use crate::lending::rate_model::aave::{AaveRateData, AaveReserveState, calculate_interest_rates};
use crate::lending::rate_model::compound::{aave_compounded_interest, morpho_taylor_compounded};
use crate::lending::rate_model::int_text;
use crate::lending::rate_model::morpho::{AdaptiveCurveInput, adaptive_curve_borrow_rate};
use crate::lending::rate_model::presets::rate_model_presets;

/// Aave v3's `calculateInterestRates` (v3.4+ strategy): variable borrow and supply rates, APR in
/// ray, for a reserve's rate data (bps) and state (wei as decimal strings).
#[wasm_bindgen(js_name = aaveInterestRates, unchecked_return_type = "AaveRates")]
pub fn aave_interest_rates_js(
    #[wasm_bindgen(unchecked_param_type = "AaveRateData")] data: JsValue,
    #[wasm_bindgen(unchecked_param_type = "AaveReserveState")] state: JsValue,
) -> Result<JsValue, JsValue> {
    let data: AaveRateData = from_js(data, "data")?;
    let state: AaveReserveState = from_js(state, "state")?;
    to_js(&calculate_interest_rates(&data, &state)?)
}

/// Morpho's AdaptiveCurveIRM `_borrowRate`: the average borrow rate Morpho Blue accrues at, the
/// end rate and the new rate at target, per second in WAD (decimal strings).
#[wasm_bindgen(js_name = adaptiveCurveBorrowRate, unchecked_return_type = "AdaptiveCurveRates")]
pub fn adaptive_curve_borrow_rate_js(
    #[wasm_bindgen(unchecked_param_type = "AdaptiveCurveInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: AdaptiveCurveInput = from_js(input, "")?;
    to_js(&adaptive_curve_borrow_rate(&input)?)
}

/// A rate (decimal string: Aave APR in ray, or Morpho per-second WAD) over `seconds`.
#[derive(Debug, Clone, Copy, Deserialize, tsify::Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompoundInput {
    /// The rate, decimal string.
    #[serde(with = "int_text::unsigned")]
    #[tsify(type = "string")]
    pub rate: u128,
    /// Seconds, `0..=3,153,600,000` (100 years).
    pub seconds: u64,
}

/// What a compounding function returns.
#[derive(Debug, Clone, Copy, Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Compounded {
    /// Aave: the factor in ray; Morpho: the interest (factor − 1) in WAD; decimal string.
    #[serde(with = "int_text::unsigned")]
    #[tsify(type = "string")]
    pub value: u128,
}

fn compounded(
    input: JsValue,
    f: fn(u128, u128) -> Option<u128>,
    limit: &str,
) -> Result<JsValue, JsValue> {
    let i: CompoundInput = from_js(input, "")?;
    let value = f(i.rate, u128::from(i.seconds)).ok_or_else(|| Error::OutOfRange {
        field: "rate".to_owned(),
        value: i.rate as f64,
        expected: format!("{limit}, over at most 3153600000 seconds"),
    })?;
    to_js(&Compounded { value })
}

/// Aave `MathUtils.calculateCompoundedInterest(rate, now − seconds, now)`: the factor, ray.
#[wasm_bindgen(js_name = aaveCompoundedInterest, unchecked_return_type = "Compounded")]
pub fn aave_compounded_interest_js(
    #[wasm_bindgen(unchecked_param_type = "CompoundInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    compounded(
        input,
        aave_compounded_interest,
        "an APR in ray up to 1e28 (1,000%)",
    )
}

/// Morpho Blue `MathLib.wTaylorCompounded(rate, seconds)`: the interest, WAD.
#[wasm_bindgen(js_name = morphoTaylorCompounded, unchecked_return_type = "Compounded")]
pub fn morpho_taylor_compounded_js(
    #[wasm_bindgen(unchecked_param_type = "CompoundInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    compounded(
        input,
        morpho_taylor_compounded,
        "a per-second WAD up to 253678335870 (800% APR)",
    )
}

/// A rate model's borrow APR at utilisation 0%, 1%, …, 100%.
#[wasm_bindgen(js_name = rateCurve, unchecked_return_type = "RatePoint[]")]
pub fn rate_curve_js(
    #[wasm_bindgen(unchecked_param_type = "RateModel")] model: JsValue,
) -> Result<JsValue, JsValue> {
    let model: RateModel = from_js(model, "model")?;
    to_js(&model.curve("model")?)
}

/// The built-in rate models, each figure with its basis.
#[wasm_bindgen(js_name = rateModelPresets, unchecked_return_type = "RateModelPreset[]")]
pub fn rate_model_presets_js() -> Result<JsValue, JsValue> {
    to_js(&rate_model_presets())
}

/// The built-in utilisation paths (Aave Core WETH, February 2026), each figure with its basis.
#[wasm_bindgen(js_name = utilizationPresets, unchecked_return_type = "UtilizationPreset[]")]
pub fn utilization_presets_js() -> Result<JsValue, JsValue> {
    to_js(&vec![weth_february_2026()])
}

/// A looped position's carry over a horizon: net yield and APY, health factor over time,
/// break-even borrow APR and the first day at a health-factor floor.
#[wasm_bindgen(js_name = carry, unchecked_return_type = "CarryReport")]
pub fn carry_js(
    #[wasm_bindgen(unchecked_param_type = "CarryInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: CarryInput = from_js(input, "")?;
    to_js(&carry(&input)?)
}
