//! `applySlashing(scenario, events, options?)`, `applyTimeline(network, actions, options?)` and
//! `slashingDemo()`.

use wasm_bindgen::prelude::*;

use super::{demo_with_scenario, from_js, network_from, optional_js, to_js};
use crate::scenario::{SCENARIO_VERSION, Scenario, SlashingSection};
use crate::slashing::timeline::{TimedAction, TimelineOptions, apply_timeline};
use crate::slashing::{SlashEvent, SlashingOptions, apply_slashing, demo};

/// Applies a sequence of slashing events to a scenario's delegated stake. `options.mode`
/// chooses the AVS-slashing semantics (`"uniqueStake"`, the default: EigenLayer; or
/// `"sharedStake"`: Symbiotic restaking); omitted options use the defaults.
///
/// Its TypeScript signature is written by hand below because wasm-bindgen cannot mark a typed
/// `JsValue` parameter as optional.
#[wasm_bindgen(js_name = applySlashing, skip_typescript)]
pub fn apply_slashing_js(
    scenario: JsValue,
    events: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (network, _) = network_from(scenario)?;
    let events: Vec<SlashEvent> = from_js(events, "events")?;
    let options: SlashingOptions = optional_js(options, "options")?;
    to_js(&apply_slashing(&network, &events, &options)?)
}

#[wasm_bindgen(typescript_custom_section)]
const APPLY_SLASHING_TS: &str = r#"
/**
 * Applies a sequence of slashing events to a scenario's delegated stake and reports the effect
 * per operator, AVS, LRT and position. Amounts carry exact wei (decimal strings) and ETH views.
 * `options.mode`: "uniqueStake" (default, EigenLayer ELIP-002) or "sharedStake" (Symbiotic
 * restaking delegators). `scenario` is a scenario document (any version) or a bare network.
 * Throws an Error with `field` and `kind` on invalid input.
 */
export function applySlashing(scenario: Scenario | Network, events: SlashEvent[], options?: SlashingOptions): SlashingReport;
"#;

/// Applies a block-numbered sequence of actions (allocate, deallocate, slash, beacon-chain
/// balance drop, checkpoint, deposit, queue and complete withdrawal, delegate, undelegate,
/// release of a slash's escrow) to a scenario's (or bare network's) EigenLayer state, with the
/// contracts' delays, and reports the state after every step. Omitted options are mainnet's
/// delays. TypeScript signature written by hand below (optional typed parameter).
#[wasm_bindgen(js_name = applyTimeline, skip_typescript)]
pub fn apply_timeline_js(
    network: JsValue,
    actions: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (network, _) = network_from(network)?;
    let actions: Vec<TimedAction> = from_js(actions, "actions")?;
    let options: TimelineOptions = optional_js(options, "options")?;
    to_js(&apply_timeline(&network, &actions, &options)?)
}

#[wasm_bindgen(typescript_custom_section)]
const APPLY_TIMELINE_TS: &str = r#"
/**
 * Slashing through time: applies `actions` (each `{ block, action: { kind, ... } }`, blocks
 * non-decreasing) to the network from block 0, with EigenLayer's delays (DEALLOCATION_DELAY,
 * MIN_WITHDRAWAL_DELAY_BLOCKS, the slash escrow; `options` overrides them and can start an
 * operator already slashed). Returns the state after every step: operators' magnitudes, every
 * staker's deposit shares, deposit scaling factor, beacon-chain slashing factor, withdrawable
 * shares and queue, each LRT's backing, and the accounts (burned, redistributed, escrowed),
 * conserved to the wei. Throws an Error with `kind: "reverted"` and `field: "actions[i]"` for an
 * action the contracts would revert.
 */
export function applyTimeline(network: Scenario | Network, actions: TimedAction[], options?: TimelineOptions): TimelineReport;
"#;

/// The built-in demo: three LRTs sharing four operators that secure four AVSs, a default event
/// sequence, options, and the basis (source or labelled assumption) of every figure;
/// `scenario` holds them as a document (its `slashing` section is the events and options).
#[wasm_bindgen(
    js_name = slashingDemo,
    unchecked_return_type = "SlashingDemo & { scenario: Scenario }"
)]
pub fn slashing_demo_js() -> Result<JsValue, JsValue> {
    let d = demo::demo()?;
    let doc = Scenario {
        version: SCENARIO_VERSION,
        network: d.network.clone(),
        slashing: Some(SlashingSection {
            events: d.events.clone(),
            options: d.options.clone(),
            timeline: None,
        }),
        ..Scenario::default()
    };
    demo_with_scenario(&d, &doc)
}
