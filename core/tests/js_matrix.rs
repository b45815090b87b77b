//! The npm exports called through wasm in headless Chromium.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::{comparison_matrix_js, presets_js};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn presets_cross_the_boundary_as_plain_objects() {
    let v = presets_js().unwrap();
    let arr: js_sys::Array = v.into();
    assert_eq!(arr.length(), 7);
    let token = js_sys::Reflect::get(&arr.get(1), &"token".into()).unwrap();
    assert_eq!(token.as_string().as_deref(), Some("ezETH"));
}

#[wasm_bindgen_test]
fn matrix_through_js_matches_native() {
    let native = restake_core::matrix::comparison_matrix(
        &restake_core::presets::protocols().unwrap(),
        &restake_core::presets::default_exit_queue(),
        None,
    )
    .unwrap();
    let exit: Vec<Option<f64>> = native
        .quantitative
        .iter()
        .find(|r| r.id == "timeToExit")
        .unwrap()
        .cells
        .iter()
        .map(|c| c.value)
        .collect();
    // Withdrawal delay + EigenLayer's 14-day escrow; the LST (last) skips the escrow.
    assert_eq!(
        exit,
        [
            Some(21.0),
            Some(17.0),
            Some(22.0),
            Some(14.0),
            Some(14.0),
            Some(14.0),
            Some(0.0)
        ]
    );
    let js = comparison_matrix_js(None, None, None, None).unwrap();
    let json = js_sys::JSON::stringify(&js).unwrap().as_string().unwrap();
    assert!(json.contains("\"Recovering from April 2026 bridge exploit\""));
}

#[wasm_bindgen_test]
fn bad_exit_queue_throws_an_error_naming_the_field() {
    let q = js_sys::JSON::parse(r#"{"queuedEth": -5, "totalStakedEth": 36000000}"#).unwrap();
    let err = comparison_matrix_js(Some(q), None, None, None).unwrap_err();
    let field = js_sys::Reflect::get(&err, &"field".into()).unwrap();
    assert_eq!(field.as_string().as_deref(), Some("exitQueue.queuedEth"));
    let msg = js_sys::Reflect::get(&err, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        msg,
        "exitQueue.queuedEth: must be an amount in 0..=1e9 ETH, got -5"
    );
}

#[wasm_bindgen_test]
fn bridge_preset_round_trips_through_js() {
    use restake_core::js::bridge::{bridge_exposure_js, bridge_preset_js};
    let preset = bridge_preset_js().unwrap();
    let input = js_sys::Reflect::get(&preset, &"input".into()).unwrap();
    let report = bridge_exposure_js(input).unwrap();
    let share = js_sys::Reflect::get(&report, &"exploitShare".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert!((share - 0.18).abs() < 1e-12, "{share}");
}

#[wasm_bindgen_test]
fn matrix_with_the_demo_scenario_in_the_browser() {
    let protocols = restake_core::presets::protocols().unwrap();
    let demo = restake_core::slashing::demo::demo().unwrap();
    let queue = restake_core::presets::default_exit_queue();
    let t0 = js_sys::Date::now();
    let m =
        restake_core::matrix::comparison_matrix(&protocols, &queue, Some(&demo.network)).unwrap();
    let ms = js_sys::Date::now() - t0;
    web_sys_log(&format!(
        "comparison_matrix with the demo scenario: {ms} ms"
    ));
    // Same figures as natively (a seed is a run): the demo network's HHI 11,653/39,601.
    let hhi = m
        .quantitative
        .iter()
        .find(|r| r.id == "operatorHhi")
        .unwrap()
        .cells[7]
        .value
        .unwrap();
    assert!((hhi - 11_653.0 / 39_601.0).abs() < 1e-12);
    let scenario = serde_wasm_bindgen::to_value(&demo.network).unwrap();
    let js = comparison_matrix_js(None, Some(scenario), None, None).unwrap();
    let protocols = js_sys::Reflect::get(&js, &"protocols".into()).unwrap();
    assert_eq!(js_sys::Array::from(&protocols).length(), 8);
}

#[wasm_bindgen_test]
fn matrix_as_of_a_live_read() {
    // weETH's rate 1.069 ETH per token read at block 9: the live row carries it with its basis;
    // a refused snapshot (a non-hex block hash) is an error naming `live.head.blockHash`.
    let live = js_sys::JSON::parse(&format!(
        r#"{{"head":{{"chainId":1,"blockNumber":9,"blockTimestamp":0,"blockHash":"0x{h}"}},"values":[{{"field":"rates.weETH.exchangeRate","raw":"1069000000000000000","value":1.069,"unit":"ETH per token","basis":{{"chainId":1,"blockNumber":9,"blockTimestamp":0,"address":"0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee","function":"getRate()"}}}}],"failures":[]}}"#,
        h = "00".repeat(32)
    ))
    .unwrap();
    let js = comparison_matrix_js(None, None, Some(live), None).unwrap();
    let json = js_sys::JSON::stringify(&js).unwrap().as_string().unwrap();
    assert!(json.contains("\"liveExchangeRate\""));
    assert!(json.contains(
        "getRate() on 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee (chain 1, block 9, read live)"
    ));
    let bad = js_sys::JSON::parse(r#"{"head":{"chainId":1,"blockNumber":9,"blockTimestamp":0,"blockHash":"0xzz"},"values":[],"failures":[]}"#).unwrap();
    let err = comparison_matrix_js(None, None, Some(bad), None).unwrap_err();
    let field = js_sys::Reflect::get(&err, &"field".into()).unwrap();
    assert_eq!(field.as_string().as_deref(), Some("live.head.blockHash"));
}

#[wasm_bindgen_test]
fn matrix_on_a_network_import() {
    // One LRT (Renzo, 1,000 ETH) at one operator: HHI 1 and Nakamoto 1 in its column, the block
    // row at 12; a delegation weight above 1 is refused at its path inside the argument.
    let import = |weight: f64| {
        let renzo = restake_core::presets::protocols()
            .unwrap()
            .into_iter()
            .find(|p| p.id == "renzo")
            .unwrap();
        let json = serde_json::json!({
            "head": {"chainId": 1, "blockNumber": 12, "blockTimestamp": 0, "blockHash": format!("0x{}", "00".repeat(32))},
            "network": {
                "protocols": [renzo],
                "operators": [{"id": "op", "name": "Op"}],
                "delegations": [{"protocol": "renzo", "operator": "op", "weight": weight}],
                "restaking": [{"protocol": "renzo", "restakedEth": 1000.0, "nativeShare": 1.0}]
            },
            "bases": [],
            "lrts": [{"protocol": "renzo", "phase": "done", "done": 1.0, "stakersListed": 1, "stakersRead": 1, "operators": 1, "complete": true, "issues": []}],
            "pending": [], "assumptions": [], "rounds": 6, "calls": 9
        });
        js_sys::JSON::parse(&json.to_string()).unwrap()
    };
    let js = comparison_matrix_js(None, None, None, Some(import(1.0))).unwrap();
    let m: serde_json::Value = serde_wasm_bindgen::from_value(js).unwrap();
    let row = |id: &str| {
        m["quantitative"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["cells"][1]["value"]
            .clone()
    };
    assert_eq!(row("operatorHhi"), 1.0);
    assert_eq!(row("nakamoto"), 1.0);
    assert_eq!(row("networkBlock"), 12.0);
    let err = comparison_matrix_js(None, None, None, Some(import(1.5))).unwrap_err();
    let field = js_sys::Reflect::get(&err, &"field".into()).unwrap();
    assert_eq!(
        field.as_string().as_deref(),
        Some("networkImport.network.delegations[0].weight")
    );
}

fn web_sys_log(s: &str) {
    wasm_bindgen_test::console_log!("{s}");
}
