//! `leverageLoop`, `liquidationCascade`, `lendingMarkets` and `cascadePresetEzEth2024` called
//! through wasm in headless Chromium.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::lending::{
    cascade_preset_js, lending_markets_js, leverage_loop_js, liquidation_cascade_js,
};
use restake_core::lending::replay::EzEthReplay;
use restake_core::lending::{CascadeReport, LeverageReport};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn leverage_loop_through_js() {
    // θ = 0.95, target HF 1.01: λ = 1/(1 − 0.95/1.01) = 16.8333; liquidation price 1/1.01.
    let input = parse(
        r#"{"deposit": 10, "price": 1, "lrtYield": 0.03, "borrowRate": 0.025,
        "market": {"ltv": 0.93, "liquidationThreshold": 0.95, "liquidationBonus": 0.01,
                   "closeFactor": 0.5, "fullCloseHf": 0.95, "oracle": "exchangeRate"},
        "target": {"kind": "healthFactor", "healthFactor": 1.01}}"#,
    );
    let r: LeverageReport =
        serde_wasm_bindgen::from_value(leverage_loop_js(input).unwrap()).unwrap();
    assert!((r.leverage - 1.01 / 0.06).abs() < 1e-9);
    assert!((r.liquidation_price.unwrap() - 1.0 / 1.01).abs() < 1e-12);
    assert!(!r.opens_within_ltv);
}

#[wasm_bindgen_test]
fn cascade_through_js_and_errors_name_the_field() {
    // Aave weETH outside E-mode (θ 0.8, bonus 7%), 100 weETH / 78 ETH, 3% slash: HF 0.9949 ⇒
    // 50% close: repay 39, seize 39 × 1.07 / 0.97 = 43.0206.
    let json = r#"{"market": {"ltv": 0.775, "liquidationThreshold": 0.8, "liquidationBonus": 0.07,
        "closeFactor": 0.5, "fullCloseHf": 0.95, "oracle": "exchangeRate"},
        "exchangeRate": 1, "pool": {"kind": {"kind": "constantProduct"}, "lrtReserve": 1e6, "ethReserve": 1e6},
        "population": {"kind": "explicit", "positions": [{"collateral": 100, "debt": 78}]},
        "shock": {"kind": "slash", "fraction": 0.03}}"#;
    let r: CascadeReport =
        serde_wasm_bindgen::from_value(liquidation_cascade_js(parse(json)).unwrap()).unwrap();
    assert_eq!(r.rounds.len(), 1);
    assert!((r.totals.debt_repaid - 39.0).abs() < 1e-9);
    assert!((r.totals.collateral_seized - 41.73 / 0.97).abs() < 1e-9);
    let bad = parse(&json.replace("0.03}", "1.5}"));
    let err = liquidation_cascade_js(bad).unwrap_err();
    let field = js_sys::Reflect::get(&err, &"field".into()).unwrap();
    assert_eq!(field.as_string().as_deref(), Some("shock.fraction"));
}

#[wasm_bindgen_test]
fn presets_through_js() {
    let markets = lending_markets_js().unwrap();
    let len = js_sys::Reflect::get(&markets, &"length".into()).unwrap();
    assert_eq!(len.as_f64(), Some(6.0));
    let p: EzEthReplay = serde_wasm_bindgen::from_value(cascade_preset_js().unwrap()).unwrap();
    assert_eq!(p.published.liquidations, 8);
}
