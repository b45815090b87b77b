//! Hostile JS arguments through wasm in headless Chromium (the generated suite over every export
//! is tests/hostile/run.mjs): each refusal is a typed error at the offending path, and the
//! instance answers normally afterwards.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::risk::simulate_risk_js;
use restake_core::js::scenario::{
    default_scenario_js, parse_scenario_js, run_scenario_js, scenario_from_fragment_js,
};
use restake_core::js::yield_stack::{yield_presets_js, yield_stack_js};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

/// A JS value made by `body` (a function body returning it).
fn make(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

fn field(e: &JsValue) -> String {
    get(e, "field").as_string().unwrap()
}

fn message(e: &JsValue) -> String {
    get(e, "message").as_string().unwrap()
}

/// The default document still runs: the instance survived.
fn healthy() {
    let report = run_scenario_js(default_scenario_js().unwrap()).unwrap();
    assert!(get(&report, "headlines").is_object());
}

#[wasm_bindgen_test]
fn deep_and_cyclic_objects_are_refused_at_their_path() {
    let deep =
        make("let o = {}, top = o; for (let i = 0; i < 5000; i++) o = o.a = {}; return top;");
    let e = run_scenario_js(deep).unwrap_err();
    assert!(
        message(&e).contains("nested deeper than 128 levels"),
        "{}",
        message(&e)
    );
    assert!(field(&e).starts_with("a.a.a"));
    healthy();
    let cyclic = make("const o = {}; o.self = o; return o;");
    let e = run_scenario_js(cyclic).unwrap_err();
    assert!(message(&e).contains("contains itself"), "{}", message(&e));
    healthy();
}

#[wasm_bindgen_test]
fn a_cycle_inside_a_tagged_field_is_refused() {
    let presets: js_sys::Array = yield_presets_js().unwrap().into();
    let input = get(&presets.get(0), "input");
    let c = make("const c = {}; c.c = c; return c;");
    js_sys::Reflect::set(&input, &"compounding".into(), &c).unwrap();
    let e = yield_stack_js(input).unwrap_err();
    assert!(field(&e).starts_with("compounding.c.c"), "{}", field(&e));
    healthy();
}

#[wasm_bindgen_test]
fn text_arguments_must_be_strings() {
    for v in [
        JsValue::from(1),
        make("return {};"),
        make("return { length: 1e9 };"),
    ] {
        let e = parse_scenario_js(v.clone()).unwrap_err();
        assert_eq!(field(&e), ".");
        assert!(message(&e).contains("expected a string"), "{}", message(&e));
        let e = scenario_from_fragment_js(v).unwrap_err();
        assert_eq!(field(&e), "fragment");
    }
    let e = parse_scenario_js(make("return ' '.repeat(2 ** 21);")).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("outOfRange"));
    healthy();
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies_become_errors_at_their_path() {
    let scenario = default_scenario_js().unwrap();
    let network = get(&scenario, "network");
    let getter = make(
        "return Object.defineProperty({}, 'id', { enumerable: true, get() { throw new Error('no'); } });",
    );
    let operators: js_sys::Array = get(&network, "operators").into();
    operators.set(1, getter);
    let e = run_scenario_js(scenario).unwrap_err();
    assert_eq!(field(&e), "network.operators[1].id");
    for proxy in [
        "return new Proxy({}, { ownKeys() { throw new Error('no'); } });",
        "const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy;",
    ] {
        let e = run_scenario_js(make(proxy)).unwrap_err();
        assert_eq!(field(&e), ".");
    }
    healthy();
}

#[wasm_bindgen_test]
fn options_are_strict() {
    let doc = default_scenario_js().unwrap();
    let e = simulate_risk_js(doc.clone(), Some(make("return { sed: 42 };"))).unwrap_err();
    assert_eq!(field(&e), "options.sed");
    let e = simulate_risk_js(doc.clone(), Some(make("return { seed: NaN };"))).unwrap_err();
    assert_eq!(field(&e), "options.seed");
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("notFinite"));
    let e = simulate_risk_js(doc.clone(), Some(make("return { seed: 1n };"))).unwrap_err();
    assert_eq!(field(&e), "options.seed");
    assert!(message(&e).contains("BigInt"));
    let e = simulate_risk_js(doc, Some(make("return { paths: '100' };"))).unwrap_err();
    assert_eq!(field(&e), "options.paths");
    healthy();
}

#[wasm_bindgen_test]
fn duplicate_keys_in_text_are_refused() {
    let e =
        parse_scenario_js(r#"{"version": 3, "version": 3, "network": {"protocols": []}}"#.into())
            .unwrap_err();
    assert_eq!(field(&e), "version");
    assert!(message(&e).contains("more than once"), "{}", message(&e));
}
