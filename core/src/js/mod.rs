//! The npm package's JavaScript API (feature `js`): thin wasm-bindgen wrappers that convert
//! between JS values and the Rust types with serde-wasm-bindgen. Errors reach JS as `Error`
//! objects whose `message` is the Rust error's text and whose `field` and `kind` properties
//! name the offending input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Error;

/// Serialises a report as plain JS objects (maps become objects, `None` becomes `null`).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
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

/// The comparison matrix of the built-in protocols.
#[wasm_bindgen(js_name = comparisonMatrix, unchecked_return_type = "Matrix")]
pub fn comparison_matrix_js() -> Result<JsValue, JsValue> {
    let p = crate::presets::protocols().map_err(|e| js_error(&e))?;
    to_js(&crate::matrix::comparison_matrix(&p))
}
