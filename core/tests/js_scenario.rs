//! Scenario documents on wasm, in headless Chromium: a share link made natively decodes to the
//! same document (and wasm encodes the same link), and the npm exports carry documents, reports
//! and typed errors across the boundary.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::scenario::{
    default_scenario_js, parse_scenario_js, replays_js, run_scenario_js, scenario_from_fragment_js,
    scenario_to_fragment_js,
};
use restake_core::scenario::{Scenario, default_document, run_scenario};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = include_str!("fixtures/scenario-small.json");
/// `Scenario::from_json(FIXTURE).to_fragment()` computed natively (checked natively by
/// `scenario_inputs.rs::fixture_fragment_is_stable`).
const FIXTURE_FRAGMENT: &str = include_str!("fixtures/scenario-small.fragment");

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn a_native_link_decodes_identically() {
    let native = Scenario::from_json(FIXTURE).unwrap();
    let link = FIXTURE_FRAGMENT.trim();
    assert_eq!(Scenario::from_fragment(link).unwrap(), native);
    // Deflate is deterministic: wasm writes the very same link.
    assert_eq!(native.to_fragment(), link);
    // The fixture's bridge: 100 of Arbitrum's 200 locked tokens drained, the chain loses, so a
    // 50% haircut on 200 tokens at 1.2 ETH = 120 ETH.
    let r = run_scenario(&native).unwrap();
    let loss = r
        .headlines
        .iter()
        .find(|h| h.id == "bridge.holderLossEth")
        .unwrap();
    assert_eq!(loss.value, 120.0);
    // The AVS-wide slash of 12.5% on op-a's 10% allocation of 1,000.5 ETH: 12.50625 ETH.
    let slashed = r
        .headlines
        .iter()
        .find(|h| h.id == "slashing.totalSlashedEth")
        .unwrap();
    assert!(
        (slashed.value - 12.506_25).abs() < 1e-9,
        "{}",
        slashed.value
    );
}

#[wasm_bindgen_test]
fn the_default_document_round_trips_through_js() {
    let doc = default_scenario_js().unwrap();
    let link = scenario_to_fragment_js(doc.clone()).unwrap();
    assert_eq!(link, default_document().unwrap().to_fragment());
    let back = scenario_from_fragment_js(&link).unwrap();
    let text = js_sys::JSON::stringify(&back).unwrap().as_string().unwrap();
    assert_eq!(
        Scenario::from_json(&text).unwrap(),
        default_document().unwrap()
    );
    let parsed = parse_scenario_js(&text).unwrap();
    assert_eq!(get(&parsed, "version").as_f64(), Some(2.0));
    let report = run_scenario_js(parsed).unwrap();
    let headlines: js_sys::Array = get(&report, "headlines").into();
    assert!(headlines.length() > 10);
    let replays: js_sys::Array = replays_js().unwrap().into();
    assert_eq!(replays.length(), 5);
}

#[wasm_bindgen_test]
fn errors_carry_kind_and_field() {
    let e = parse_scenario_js(r#"{"version": 2, "protocols": [], "colour": 1}"#).unwrap_err();
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("colour"));
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("parse"));
    let e = scenario_from_fragment_js("s2.%%%").unwrap_err();
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("fragment"));
    let bomb = {
        use base64::Engine as _;
        let packed = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 8 << 20], 9);
        format!(
            "s2.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(packed)
        )
    };
    let e = scenario_from_fragment_js(&bomb).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("outOfRange"));
}
