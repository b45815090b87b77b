//! `applySlashing`, `applyTimeline` and `slashingDemo` called through wasm in headless Chromium.
#![cfg(all(target_arch = "wasm32", feature = "js"))]

use restake_core::js::slashing::{apply_slashing_js, apply_timeline_js, slashing_demo_js};
use restake_core::scenario::Scenario;
use restake_core::slashing::{SlashEvent, SlashingOptions, SlashingReport, StakeMode};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 32 ETH of native ETH with one operator fully allocated to one AVS (DualSlashingEdgeCase.md).
fn dual() -> Scenario {
    Scenario::from_json(
        r#"{"version": 1, "protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 32, "otherNativeShare": 1}],
        "avss": [{"id": "avs", "name": "AVS"}],
        "allocations": [{"operator": "op", "avs": "avs", "magnitude": 1}]}"#,
    )
    .unwrap()
}

fn js<T: serde::Serialize>(value: &T) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap()
}

#[wasm_bindgen_test]
fn dual_slashing_through_js() {
    // 75% AVS slash: 32 → 8 ETH; 16 ETH beacon-chain drop: l = 1/2 → 4 ETH.
    // Attribution: beacon chain 16 (priority), AVS 12 (= 32·0.5·0.75), holder keeps 4.
    let events = vec![
        SlashEvent::OperatorFault {
            operator: "op".into(),
            avs: "avs".into(),
            fraction: 0.75,
        },
        SlashEvent::BeaconBalanceDrop {
            operator: "op".into(),
            amount_eth: 16.0,
        },
    ];
    let report = apply_slashing_js(js(&dual()), js(&events), None).unwrap();
    // The exact integers cross the boundary as strings.
    let totals = js_sys::Reflect::get(&report, &"totals".into()).unwrap();
    let after = js_sys::Reflect::get(&totals, &"after".into()).unwrap();
    let wei = js_sys::Reflect::get(&after, &"wei".into()).unwrap();
    assert_eq!(wei.as_string().as_deref(), Some("4000000000000000000"));
    let r: SlashingReport = serde_wasm_bindgen::from_value(report).unwrap();
    assert_eq!(r.avss[0].slashed.wei, "12000000000000000000");
    assert_eq!(r.totals.slashed_by_beacon_chain.eth, 16.0);
    assert_eq!(r.events[0].lost_at_event.eth, 24.0);
}

#[wasm_bindgen_test]
fn the_mode_option_switches_to_shared_stake() {
    // 100 ETH, magnitudes 0.3 and 0.5, layered 100% fault. Unique stake keeps the 20 ETH that
    // is not allocated; shared stake lets the first AVS take everything.
    let s = Scenario::from_json(
        r#"{"version": 1, "protocols": [],
        "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 100}],
        "avss": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "allocations": [{"operator": "op", "avs": "a", "magnitude": 0.3},
                        {"operator": "op", "avs": "b", "magnitude": 0.5}]}"#,
    )
    .unwrap();
    let events = vec![SlashEvent::LayeredFault {
        operator: "op".into(),
        fraction: 1.0,
    }];
    let unique: SlashingReport = serde_wasm_bindgen::from_value(
        apply_slashing_js(js(&s), js(&events), Some(JsValue::UNDEFINED)).unwrap(),
    )
    .unwrap();
    assert_eq!(unique.totals.after.eth, 20.0);
    let options = SlashingOptions {
        mode: StakeMode::SharedStake,
        ..SlashingOptions::default()
    };
    let shared: SlashingReport = serde_wasm_bindgen::from_value(
        apply_slashing_js(js(&s), js(&events), Some(js(&options))).unwrap(),
    )
    .unwrap();
    assert_eq!(shared.totals.after.eth, 0.0);
    assert_eq!(shared.avss[0].slashed.eth, 100.0);
}

#[wasm_bindgen_test]
fn a_bad_event_throws_an_error_naming_the_field() {
    let events = js_sys::JSON::parse(
        r#"[{"kind": "operatorFault", "operator": "op", "avs": "avs", "fraction": 0}]"#,
    )
    .unwrap();
    let err = apply_slashing_js(js(&dual()), events, None).unwrap_err();
    let field = js_sys::Reflect::get(&err, &"field".into()).unwrap();
    assert_eq!(field.as_string().as_deref(), Some("events[0].fraction"));
}

#[wasm_bindgen_test]
fn the_demo_runs_through_js() {
    let demo = slashing_demo_js().unwrap();
    let get = |k: &str| js_sys::Reflect::get(&demo, &k.into()).unwrap();
    let report: SlashingReport = serde_wasm_bindgen::from_value(
        apply_slashing_js(get("scenario"), get("events"), Some(get("options"))).unwrap(),
    )
    .unwrap();
    assert_eq!(report.protocols.len(), 3);
    assert_eq!(report.contagion.len(), 2);
}

#[wasm_bindgen_test]
fn the_dual_slashing_timeline_runs_through_js() {
    // DualSlashingEdgeCase.md, scenario B (Layr-Labs/eigenlayer-contracts): a 75% slash, a
    // 16 ETH beacon loss, the checkpoint (l = 0.5 → 4 ETH), a new 32 ETH validator
    // (k = 36/64/0.125 = 4.5 → 36 ETH), typed as a JS caller would write it.
    let actions = js_sys::JSON::parse(
        r#"[{"block": 1, "action": {"kind": "slash", "operator": "op", "avs": "avs", "fraction": 0.75}},
            {"block": 2, "action": {"kind": "beaconBalanceDrop", "staker": "others@op", "amountEth": 16}},
            {"block": 3, "action": {"kind": "checkpoint", "staker": "others@op"}},
            {"block": 4, "action": {"kind": "deposit", "staker": "others@op", "strategy": "beaconChainEth", "amountEth": 32}}]"#,
    )
    .unwrap();
    let r: restake_core::slashing::timeline::TimelineReport =
        serde_wasm_bindgen::from_value(apply_timeline_js(js(&dual()), actions, None).unwrap())
            .unwrap();
    let alice = &r.steps[4].stakers[0];
    assert_eq!(alice.claim.wei, "36000000000000000000");
    assert_eq!(
        alice.strategies[0].deposit_scaling_factor.wad,
        "4500000000000000000"
    );
    assert_eq!(alice.beacon_chain_slashing_factor.wad, "500000000000000000");
    // Completing a withdrawal inside its delay: the contracts revert; the error names the action.
    let early = js_sys::JSON::parse(
        r#"[{"block": 10, "action": {"kind": "queueWithdrawal", "staker": "others@op", "strategy": "beaconChainEth", "depositSharesEth": 1}},
            {"block": 11, "action": {"kind": "completeWithdrawal", "staker": "others@op", "withdrawal": 0}}]"#,
    )
    .unwrap();
    let err = apply_timeline_js(js(&dual()), early, None).unwrap_err();
    let get = |k: &str| js_sys::Reflect::get(&err, &k.into()).unwrap().as_string();
    assert_eq!(get("field").as_deref(), Some("actions[1]"));
    assert_eq!(get("kind").as_deref(), Some("reverted"));
}
