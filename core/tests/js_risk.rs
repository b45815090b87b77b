//! `simulateRisk`, `riskDemo` and `RiskRun` called through wasm in headless Chromium: the export
//! returns the Rust report unchanged (whose bits `value_stability.rs` pins on both platforms), a
//! run in slices equals one call, and the bench-standard run prints its speed (no assertion on
//! time).
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::risk::{RiskRunJs, risk_demo_js, simulate_risk_js};
use restake_core::risk::{RiskDemo, RiskOptions, RiskReport, SeedInput};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js<T: serde::Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

/// The fixed-seed input whose report `value_stability.rs` pins.
fn fixed() -> (JsValue, RiskOptions) {
    let demo: RiskDemo = serde_wasm_bindgen::from_value(risk_demo_js().unwrap()).unwrap();
    let mut o = demo.options;
    o.paths = 5000.0;
    o.seed = Some(SeedInput::Text("12345678901234567890".into()));
    o.probabilities.operator_fault.per_year = 0.05;
    o.probabilities.beacon_slashing.per_year = 0.05;
    (js(&demo.network), o)
}

/// The export returns the very report of the Rust call, to the bit (the figures themselves are
/// pinned on both platforms in `value_stability.rs`).
#[wasm_bindgen_test]
fn the_export_returns_the_rust_report() {
    let (scenario, o) = fixed();
    let r: RiskReport =
        serde_wasm_bindgen::from_value(simulate_risk_js(scenario, Some(js(&o))).unwrap()).unwrap();
    assert_eq!(r.seed, "12345678901234567890");
    let network = restake_core::risk::risk_demo().unwrap().network;
    assert_eq!(r, restake_core::risk::simulate_risk(&network, &o).unwrap());
}

#[wasm_bindgen_test]
fn run_in_slices_equals_one_call() {
    let (scenario, o) = fixed();
    let whole = simulate_risk_js(scenario.clone(), Some(js(&o))).unwrap();
    let mut run = RiskRunJs::new(scenario, js(&o)).unwrap();
    assert!(run.step(2.5.into()).is_err()); // `n` must be a whole number
    assert_eq!(run.seed(), "12345678901234567890");
    let mut steps = 0;
    while run.done() < run.paths() {
        run.step(700.0.into()).unwrap();
        steps += 1;
    }
    assert_eq!(steps, 8); // ⌈5000 / 700⌉
    let sliced: RiskReport = serde_wasm_bindgen::from_value(run.finish().unwrap()).unwrap();
    let whole: RiskReport = serde_wasm_bindgen::from_value(whole).unwrap();
    assert_eq!(sliced, whole);
}

#[wasm_bindgen_test]
fn omitted_seed_is_drawn_and_reported() {
    let (scenario, mut o) = fixed();
    o.seed = None;
    o.paths = 100.0;
    let r: RiskReport =
        serde_wasm_bindgen::from_value(simulate_risk_js(scenario, Some(js(&o))).unwrap()).unwrap();
    assert!(r.seed.parse::<u64>().is_ok(), "{}", r.seed);
}

#[wasm_bindgen_test]
fn errors_name_the_field() {
    let (scenario, mut o) = fixed();
    o.paths = 0.0;
    let e = simulate_risk_js(scenario, Some(js(&o))).unwrap_err();
    let field = js_sys::Reflect::get(&e, &"field".into()).unwrap();
    assert_eq!(field.as_string().as_deref(), Some("options.paths"));
}

#[wasm_bindgen_test]
fn bench_standard_speed() {
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("../data/bench-standard.json")).unwrap();
    doc["scenario"]["protocols"] =
        serde_json::to_value(restake_core::presets::protocols().unwrap()).unwrap();
    let scenario = js(&doc["scenario"]);
    let options = js(&doc["options"]);
    // Warm-up, then ten timed runs through the JS export (statistics included); the best one
    // is reported, as the machine is shared.
    simulate_risk_js(scenario.clone(), Some(options.clone())).unwrap();
    let mut best = f64::INFINITY;
    for _ in 0..10 {
        let t0 = js_sys::Date::now();
        simulate_risk_js(scenario.clone(), Some(options.clone())).unwrap();
        best = best.min(js_sys::Date::now() - t0);
    }
    let paths = doc["options"]["paths"].as_f64().unwrap();
    console_log!(
        "bench-standard (wasm, simulateRisk): {paths} paths in {best} ms = {:.0} paths/s",
        paths / (best / 1000.0)
    );
}
