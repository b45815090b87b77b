//! The scenario exports of the npm package in headless Chromium: they carry documents, share
//! links, reports and typed errors across the boundary. (A natively made link decoding
//! identically on wasm is pinned in `value_stability.rs`.)
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::scenario::{
    default_scenario_js, parse_scenario_js, replays_js, run_scenario_js, scenario_from_fragment_js,
    scenario_to_fragment_js,
};
use restake_core::scenario::{SCENARIO_VERSION, Scenario, default_document};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Property `key` of a JS object.
fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn the_default_document_round_trips_through_js() {
    let doc = default_scenario_js().unwrap();
    let link = scenario_to_fragment_js(doc.clone()).unwrap();
    assert_eq!(link, default_document().unwrap().to_fragment());
    let back = scenario_from_fragment_js(link.into()).unwrap();
    let text = js_sys::JSON::stringify(&back).unwrap().as_string().unwrap();
    assert_eq!(
        Scenario::from_json(&text).unwrap(),
        default_document().unwrap()
    );
    let parsed = parse_scenario_js(text.into()).unwrap();
    assert_eq!(
        get(&parsed, "version").as_f64(),
        Some(f64::from(SCENARIO_VERSION))
    );
    let report = run_scenario_js(parsed).unwrap();
    let headlines: js_sys::Array = get(&report, "headlines").into();
    assert!(headlines.length() > 10);
    let replays: js_sys::Array = replays_js().unwrap().into();
    assert_eq!(replays.length(), 5);
}

#[wasm_bindgen_test]
fn errors_carry_kind_and_field() {
    let e =
        parse_scenario_js(r#"{"version": 2, "protocols": [], "colour": 1}"#.into()).unwrap_err();
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("colour"));
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("parse"));
    let e = scenario_from_fragment_js("s2.%%%".into()).unwrap_err();
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("fragment"));
    let bomb = {
        use base64::Engine as _;
        let packed = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 8 << 20], 9);
        format!(
            "s2.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    };
    let e = scenario_from_fragment_js(bomb.into()).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("outOfRange"));
}
