//! The npm package's JavaScript API (feature `js`): thin wasm-bindgen wrappers that convert
//! between JS values and the Rust types with serde-wasm-bindgen. Errors reach JS as `Error`
//! objects whose `message` is the Rust error's text and whose `field` and `kind` properties
//! name the offending input.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::Error;

pub mod bridge;
pub mod lending;
pub mod risk;
pub mod scenario;
pub mod security;
pub mod slashing;
pub mod yield_stack;

/// Serialises a report as plain JS objects (maps become objects, `None` becomes `null`).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// Reads a JS value into `T`; a shape mismatch becomes an [`Error::Parse`] naming the path.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| {
        js_error(&Error::Parse {
            field: ".".to_owned(),
            message: e.to_string(),
        })
    })
}

/// Converts an [`Error`] into a JS `Error` carrying `kind` and `field` properties.
pub(crate) fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let detail = to_js(e).unwrap_or(JsValue::NULL);
    for key in ["kind", "field"] {
        let k = JsValue::from_str(key);
        if let Ok(v) = js_sys::Reflect::get(&detail, &k) {
            // Setting a property on a fresh Error object cannot fail.
            let _ = js_sys::Reflect::set(&err, &k, &v);
        }
    }
    err.into()
}

/// The built-in protocol profiles (ether.fi weETH, Renzo ezETH, Kelp DAO rsETH) with the
/// source or assumption behind every figure.
#[wasm_bindgen(js_name = presets, unchecked_return_type = "Protocol[]")]
pub fn presets_js() -> Result<JsValue, JsValue> {
    let p = crate::presets::protocols().map_err(|e| js_error(&e))?;
    to_js(&p)
}

/// The comparison matrix of the built-in protocols. `exitQueue` sets the beacon-chain exit queue
/// used for the time-to-exit row (omitted or `undefined`: an empty queue, S = 36M ETH);
/// `scenario`, when given, adds the "Your scenario" column computed from it (validated; errors
/// name its field).
///
/// Its TypeScript signature is written by hand below because wasm-bindgen cannot mark a typed
/// `JsValue` parameter as optional.
#[wasm_bindgen(js_name = comparisonMatrix, skip_typescript)]
pub fn comparison_matrix_js(
    exit_queue: Option<JsValue>,
    scenario: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let queue = match exit_queue.filter(|q| !q.is_undefined() && !q.is_null()) {
        Some(q) => from_js(q)?,
        None => crate::presets::default_exit_queue(),
    };
    let scenario: Option<crate::scenario::Scenario> =
        match scenario.filter(|s| !s.is_undefined() && !s.is_null()) {
            Some(s) => Some(from_js(s)?),
            None => None,
        };
    let p = crate::presets::protocols().map_err(|e| js_error(&e))?;
    to_js(
        &crate::matrix::comparison_matrix(&p, &queue, scenario.as_ref())
            .map_err(|e| js_error(&e))?,
    )
}

#[wasm_bindgen(typescript_custom_section)]
const COMPARISON_MATRIX_TS: &str = r#"
/**
 * The comparison matrix of the built-in protocols. `exitQueue` sets the beacon-chain exit queue
 * used for the time-to-exit row; omitted, the queue is empty and S is 36M ETH. `scenario`, when
 * given, adds a last column "Your scenario" (`custom: true`) computed from it: position-weighted
 * yield, VaR99/ES99 of its positions (risk engine, default options, seed 1), AVS count, operator
 * HHI and Nakamoto coefficient.
 */
export function comparisonMatrix(exitQueue?: ExitQueue, scenario?: Scenario): Matrix;
"#;
