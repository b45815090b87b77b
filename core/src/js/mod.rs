//! The npm package's JavaScript API (feature `js`): thin wasm-bindgen wrappers that convert
//! between JS values and the Rust types with serde-wasm-bindgen. Errors reach JS as `Error`
//! objects whose `message` is the Rust error's text and whose `field` and `kind` properties
//! name the offending input.
//!
//! Every argument comes in one way ([`from_js`]: the JS value as JSON, then the typed reader
//! with the field path of any mismatch; text through [`text_from`]; no `&str`, `f64` or typed
//! parameter that the wasm-bindgen glue would convert unchecked), and every scenario-shaped
//! argument through
//! [`scenario_from`] or [`network_from`]: a scenario document of any version (migrated and
//! validated exactly as `parseScenario` does), or a bare network.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::Error;
use crate::network::Network;
use crate::scenario::Scenario;

pub mod bridge;
pub mod consensus;
pub mod incidents;
pub mod lending;
pub mod live;
pub mod network_import;
pub mod parameters;
pub mod rates;
mod read;
pub mod risk;
pub mod scenario;
pub mod security;
pub mod slashing;
pub mod trailing;
pub mod wallet;
pub mod yield_stack;

/// Serialises a report as plain JS objects (maps become objects, `None` becomes `null`).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// Reads an argument into `T` ([`read::read`]): errors are rooted at `root`, the argument's name
/// (`options`, `events`, `exitQueue`; empty where the engine's own paths start at the top).
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    Ok(read::read(&value, root)?)
}

/// An optional argument: `undefined` or `null` gives `T::default()`.
pub(crate) fn optional_js<T: DeserializeOwned + Default>(
    value: Option<JsValue>,
    root: &str,
) -> Result<T, JsValue> {
    match value.filter(|v| !v.is_undefined() && !v.is_null()) {
        Some(v) => from_js(v, root),
        None => Ok(T::default()),
    }
}

/// A scenario document from JS, read like a parsed one: migrated from versions 1 and 2, unknown
/// fields rejected with their path, the network and every section validated.
pub(crate) fn scenario_from(value: JsValue) -> Result<Scenario, JsValue> {
    Ok(Scenario::from_value(read::json_of(&value)?)?)
}

/// The network of a scenario-shaped argument: a scenario document (it has a `version`; read as
/// [`scenario_from`] does) or a bare [`Network`] (validated; errors name the path inside it). The
/// argument is walked once ([`read::json_of`]). Also returns the document, when one was given,
/// for the caller that reads one of its sections.
pub(crate) fn network_from(value: JsValue) -> Result<(Network, Option<Scenario>), JsValue> {
    let json = read::json_of(&value)?;
    if json.get("version").is_some() {
        let s = Scenario::from_value(json)?;
        Ok((s.network.clone(), Some(s)))
    } else {
        let n: Network = read::typed(json, "")?;
        n.validate()?;
        Ok((n, None))
    }
}

/// A text argument ([`read::text`]): a JS string of at most `max_units` UTF-16 code units,
/// refused at `field` otherwise before it is copied into the wasm memory.
pub(crate) fn text_from(value: &JsValue, field: &str, max_units: usize) -> Result<String, JsValue> {
    Ok(read::text(value, field, max_units)?)
}

/// A JS `Error` whose `message` is the error's text, with `kind` and `field` properties.
impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        let err = js_sys::Error::new(&e.to_string());
        let detail = to_js(&e).unwrap_or(JsValue::NULL);
        for key in ["kind", "field"] {
            let k = JsValue::from_str(key);
            if let Ok(v) = js_sys::Reflect::get(&detail, &k) {
                // Setting a property on a fresh Error object cannot fail.
                let _ = js_sys::Reflect::set(&err, &k, &v);
            }
        }
        err.into()
    }
}

/// A demo as JS, with `scenario`: a current document holding the demo's network and the
/// page section given, ready for `runScenario` or the call the demo is for.
pub(crate) fn demo_with_scenario<T: Serialize>(
    demo: &T,
    scenario: &Scenario,
) -> Result<JsValue, JsValue> {
    let out = to_js(demo)?;
    js_sys::Reflect::set(&out, &JsValue::from_str("scenario"), &to_js(scenario)?)?;
    Ok(out)
}

/// The built-in protocol profiles (ether.fi weETH, Renzo ezETH, Kelp DAO rsETH) with the
/// source or assumption behind every figure.
#[wasm_bindgen(js_name = presets, unchecked_return_type = "Protocol[]")]
pub fn presets_js() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::protocols()?)
}

/// The comparison matrix of the built-in protocols. `exitQueue` sets the beacon-chain exit queue
/// used for the time-to-exit row (omitted or `undefined`: an empty queue, S = 36M ETH);
/// `scenario`, when given, adds the "Your scenario" column computed from it (validated; errors
/// name its field); `live`, when given (a `LiveRead`, e.g. a document's `live` section), gives
/// the matrix as of its block (`matrix::live::with_live`: leverage rows on the live main
/// markets, `liveExchangeRate` and `mainMarketBorrowRate` rows); `networkImport`, when given (a
/// `NetworkImport`, the outcome of `NetworkImporter`), recomputes each imported protocol's
/// network rows on its own part of that network (`matrix::imported::with_network_import`:
/// VaR99, ES99, AVS count, HHI, Nakamoto, and a `networkBlock` row).
///
/// Its TypeScript signature is written by hand below because wasm-bindgen cannot mark a typed
/// `JsValue` parameter as optional.
#[wasm_bindgen(js_name = comparisonMatrix, skip_typescript)]
pub fn comparison_matrix_js(
    exit_queue: Option<JsValue>,
    scenario: Option<JsValue>,
    live: Option<JsValue>,
    network_import: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let queue = match exit_queue.filter(|q| !q.is_undefined() && !q.is_null()) {
        Some(q) => from_js(q, "exitQueue")?,
        None => crate::presets::default_exit_queue(),
    };
    let network = match scenario.filter(|s| !s.is_undefined() && !s.is_null()) {
        Some(s) => Some(network_from(s)?.0),
        None => None,
    };
    let live: Option<crate::chain::LiveRead> =
        match live.filter(|l| !l.is_undefined() && !l.is_null()) {
            Some(l) => Some(from_js(l, "live")?),
            None => None,
        };
    if let Some(l) = &live {
        l.validate("live")?;
    }
    let import: Option<crate::chain::network_import::NetworkImport> =
        match network_import.filter(|n| !n.is_undefined() && !n.is_null()) {
            Some(n) => Some(from_js(n, "networkImport")?),
            None => None,
        };
    let p = crate::presets::protocols()?;
    let mut m = crate::matrix::comparison_matrix(&p, &queue, network.as_ref())?;
    if let Some(l) = &live {
        m = crate::matrix::live::with_live(m, l);
    }
    if let Some(i) = &import {
        m = crate::matrix::imported::with_network_import(m, i)
            .map_err(|e| e.rebased("", "networkImport.network"))?;
    }
    to_js(&m)
}

#[wasm_bindgen(typescript_custom_section)]
const COMPARISON_MATRIX_TS: &str = r#"
/**
 * The comparison matrix of the built-in protocols. `exitQueue` sets the beacon-chain exit queue
 * used for the time-to-exit row; omitted, the queue is empty and S is 36M ETH. `scenario`, when
 * given, adds a last column "Your scenario" (`custom: true`) computed from it: position-weighted
 * yield, VaR99/ES99 of its positions (risk engine, default options, seed 1), AVS count, operator
 * HHI and Nakamoto coefficient. `live`, when given (a `LiveRead`, e.g. `scenario.live`), gives the
 * matrix as of its block: the leverage rows on the live main markets, plus `liveExchangeRate` and
 * `mainMarketBorrowRate` rows whose live cells are sourced to the call and block. `networkImport`,
 * when given (the `import` of a finished `NetworkImporter`), recomputes each imported protocol's
 * VaR99, ES99, AVS count, operator HHI and Nakamoto coefficient on its own part of that network
 * and adds a `networkBlock` row (the block it was read at).
 */
export function comparisonMatrix(exitQueue?: ExitQueue, scenario?: Scenario | Network, live?: LiveRead, networkImport?: NetworkImport): Matrix;
"#;
