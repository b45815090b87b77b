//! `securityAnalysis`, `restakingGraphAnalysis` and `securityDemo` called through wasm in
//! headless Chromium.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::security::{
    restaking_graph_analysis_js, security_analysis_js, security_demo_js,
};
use restake_core::security::demo::SecurityDemo;
use restake_core::security::{
    GraphService, GraphValidator, RestakingGraph, SearchVerdict, SecurityReport, Threshold, Verdict,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js<T: serde::Serialize>(value: &T) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn theorem_2_through_js() {
    // π_x = 1, α_x = 1, σ_a = 0.01, σ_b = 0.99: the whitepaper condition holds with no slack,
    // and a 1% shock (a) lets b's 0.99 ETH be taken for π = 1: everything is lost.
    let g = RestakingGraph {
        validators: vec![
            GraphValidator {
                id: "a".into(),
                stake_eth: 0.01,
            },
            GraphValidator {
                id: "b".into(),
                stake_eth: 0.99,
            },
        ],
        services: vec![GraphService {
            id: "x".into(),
            profit_eth: 1.0,
            threshold: Threshold::new(1, 1),
        }],
        edges: vec![("a".into(), "x".into()), ("b".into(), "x".into())],
    };
    let report = restaking_graph_analysis_js(js(&g), None).unwrap();
    // Amounts cross as exact wei strings.
    let lost = get(&get(&report, "cascade"), "lost");
    assert_eq!(
        get(&lost, "wei").as_string().as_deref(),
        Some("1000000000000000000")
    );
    assert_eq!(
        get(&get(&report, "certificate"), "verdict")
            .as_string()
            .as_deref(),
        Some("noSlack")
    );
    let r: SecurityReport = serde_wasm_bindgen::from_value(report).unwrap();
    assert_eq!(r.cascade.shocked, ["a"]);
    assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
}

#[wasm_bindgen_test]
fn the_demo_through_js_and_an_attack_when_a_profit_rises() {
    let d: SecurityDemo = serde_wasm_bindgen::from_value(security_demo_js().unwrap()).unwrap();
    let r: SecurityReport = serde_wasm_bindgen::from_value(
        security_analysis_js(js(&d.network), js(&d.params)).unwrap(),
    )
    .unwrap();
    assert_eq!(r.certificate.verdict, Verdict::Certified);
    // The bridge AVS at π = 40,000 ETH: its two allocations (12,800 + 24,750 ETH) corrupt it
    // together for a gain of 40,000 − 37,550 = 2,450 ETH.
    let mut p = d.params.clone();
    p.services[2].profit_eth = 40_000.0;
    let r: SecurityReport =
        serde_wasm_bindgen::from_value(security_analysis_js(js(&d.network), js(&p)).unwrap())
            .unwrap();
    assert_eq!(r.attack.attack.unwrap().gain.eth, 2_450.0);
}

#[wasm_bindgen_test]
fn errors_carry_field_and_kind() {
    let d: SecurityDemo = serde_wasm_bindgen::from_value(security_demo_js().unwrap()).unwrap();
    let mut p = d.params.clone();
    p.services[0].threshold = Threshold::new(3, 2);
    let e = security_analysis_js(js(&d.network), js(&p)).unwrap_err();
    assert_eq!(
        get(&e, "field").as_string().as_deref(),
        Some("params.services[0].threshold.numerator")
    );
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("outOfRange"));
    // A shape mismatch is a parse error.
    let e = security_analysis_js(js(&d.network), JsValue::from_str("nope")).unwrap_err();
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("parse"));
}
