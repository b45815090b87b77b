//! `yieldStack` and `yieldPresets` called through wasm in headless Chromium.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::yield_stack::{yield_presets_js, yield_stack_js};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &wasm_bindgen::JsValue, path: &[&str]) -> wasm_bindgen::JsValue {
    path.iter().fold(v.clone(), |o, k| {
        js_sys::Reflect::get(&o, &(*k).into()).unwrap()
    })
}

fn num(v: &wasm_bindgen::JsValue, path: &[&str]) -> f64 {
    get(v, path).as_f64().unwrap()
}

/// CL 3% + EL 1%; LST fee 10% ⇒ 3.6%. LRT fee 10%, operators 10%, one AVS paying 2% on half the
/// stake and one token stream 50 tokens/ETH/yr × 0.0004 ETH × (1 − 0.5) = 1% on a quarter;
/// 20% idle buffer. Staked 0.8: base 3.2 pp; AVS 0.8 × (0.5×2 + 0.25×1) = 1.0 pp, after
/// commission 0.9 pp; total 4.1 pp, after the 10% fee 3.69%. Yearly compounding: APY 3.69%.
/// Expected loss 0.8 × 0.5 × 0.02 × 0.5 = 0.4%; risk-adjusted 3.29%.
const HAND_WORKED: &str = r#"{
  "base": {"consensus": {"kind": "given", "apr": 0.03}, "executionApr": 0.01},
  "lst": {"token": "wstETH", "feeOnRewards": 0.1},
  "lrt": {"token": "LRT", "feeOnRewards": 0.1,
    "feeAppliesTo": {"consensus": true, "execution": true, "avs": true},
    "operatorCommission": 0.1, "bufferShare": 0.2,
    "avss": [
      {"name": "A", "allocation": 0.5, "reward": {"kind": "eth", "apr": 0.02},
       "faultProbability": 0.02, "slashFraction": 0.5},
      {"name": "T", "allocation": 0.25, "reward": {"kind": "token", "token": "TKN",
        "tokensPerEthPerYear": 50, "tokenPriceEth": 0.0004, "liquidityHaircut": 0.5},
       "faultProbability": 0, "slashFraction": 0}
    ]},
  "compounding": {"kind": "periodic", "periodsPerYear": 1},
  "depositEth": 100, "horizonYears": 1
}"#;

#[wasm_bindgen_test]
fn hand_worked_case_through_js() {
    let input = js_sys::JSON::parse(HAND_WORKED).unwrap();
    let r = yield_stack_js(input).unwrap();
    let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    close(num(&r, &["lst", "netApr"]), 0.036);
    close(num(&r, &["lrt", "netApr"]), 0.0369);
    close(num(&r, &["lrt", "netApy"]), 0.0369);
    close(num(&r, &["lrt", "depositValueEth"]), 103.69);
    close(num(&r, &["expectedSlashLoss"]), 0.004);
    close(num(&r, &["riskAdjustedApy"]), 0.0329);
    let steps: js_sys::Array = get(&r, &["lrt", "steps"]).into();
    // consensus, execution, 2 AVSs, buffer, commission, fee.
    assert_eq!(steps.length(), 7);
    let buffer = steps.get(4);
    assert_eq!(get(&buffer, &["kind"]).as_string().as_deref(), Some("drag"));
    // −0.2 × (3 + 1 + 1 + 0.25) = −1.05 pp.
    close(num(&buffer, &["apr"]), -0.0105);
}

#[wasm_bindgen_test]
fn bad_allocation_throws_an_error_naming_the_field() {
    let input =
        js_sys::JSON::parse(&HAND_WORKED.replace("\"allocation\": 0.5", "\"allocation\": 0.9"))
            .unwrap();
    let err = yield_stack_js(input).unwrap_err();
    assert_eq!(
        get(&err, &["field"]).as_string().as_deref(),
        Some("lrt.avss[].allocation")
    );
    assert_eq!(
        get(&err, &["kind"]).as_string().as_deref(),
        Some("sumTooLarge")
    );
}

#[wasm_bindgen_test]
fn presets_cross_the_boundary_and_run() {
    let presets: js_sys::Array = yield_presets_js().unwrap().into();
    assert_eq!(presets.length(), 7);
    let first = presets.get(0);
    assert_eq!(
        get(&first, &["protocol"]).as_string().as_deref(),
        Some("etherfi")
    );
    let r = yield_stack_js(get(&first, &["input"])).unwrap();
    // S = 36M ETH at full participation: 166.32 / 6,000 = 2.7721%.
    assert!((num(&r, &["consensusApr"]) - 0.027721).abs() < 1e-6);
    // ether.fi's sourced 10% fee; the AVS list is labelled an assumption.
    assert_eq!(num(&first, &["input", "lrt", "feeOnRewards"]), 0.1);
    let notes: js_sys::Array = get(&first, &["notes"]).into();
    let avss = notes
        .iter()
        .find(|n| get(n, &["path"]).as_string().as_deref() == Some("lrt.avss"))
        .unwrap();
    assert_eq!(
        get(&avss, &["basis", "kind"]).as_string().as_deref(),
        Some("assumption")
    );
}
