//! Value stability: the exact output of fixed inputs, pinned (as `f64` bit patterns where the
//! figure is a float), in the spirit of rand_distr's `tests/value_stability.rs`. The same
//! constants are checked natively (`cargo test`) and on wasm32 in headless Chromium (`cargo test
//! --target wasm32-unknown-unknown`): a seed is a run, on every platform, and a share link is
//! the same bytes wherever it is made.
//!
//! A failure here means saved seeds or links now give other figures. If that is intended (a
//! model change), update the constant in the same commit and say so; never to make a test pass.

use restake_core::risk::{SeedInput, risk_demo, simulate_risk};
use restake_core::scenario::{Scenario, run_scenario};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

/// A small scenario document with every section (checked in; see `fixtures/`).
const FIXTURE: &str = include_str!("fixtures/scenario-small.json");

/// The share link of [`FIXTURE`] as `Scenario::to_fragment` writes it. If the document format
/// changes on purpose, rewrite the fixture with the link printed by the failing assertion.
const FIXTURE_FRAGMENT: &str = include_str!("fixtures/scenario-small.fragment");

/// The headline `id` of a scenario report.
fn headline(r: &restake_core::scenario::ScenarioReport, id: &str) -> f64 {
    r.headlines
        .iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("no headline {id}"))
        .value
}

/// The risk demo with 5,000 paths, seed 12345678901234567890 (above 2⁵³, so given as text) and
/// busier operator faults and beacon slashings (0.05 a year each), so that every kind of event
/// shows up. The same run is pinned in `tests/npm/consumer.mjs` through the npm package.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn risk_demo_with_a_fixed_seed() {
    let demo = risk_demo().unwrap();
    let mut o = demo.options.clone();
    o.paths = 5000.0;
    o.seed = Some(SeedInput::Text("12345678901234567890".into()));
    o.probabilities.operator_fault.per_year = 0.05;
    o.probabilities.beacon_slashing.per_year = 0.05;
    let r = simulate_risk(&demo.network, &o).unwrap();
    assert_eq!(r.seed, "12345678901234567890");
    // Constants printed by the native build (x86-64) with `f64::to_bits`.
    assert_eq!(r.lrts[0].loss.mean.to_bits(), 0x3f69ee6793d5dbc3);
    assert_eq!(r.lrts[0].loss.es99.to_bits(), 0x3faeaaa70d7c238f);
    assert_eq!(r.lrts[1].loss.var95.to_bits(), 0x3f96d5ce62ff18f8);
    assert_eq!(r.lrts[2].loss.worst_path, 4292);
    let p = r.position.unwrap();
    assert_eq!(p.loss.mean.to_bits(), 0x3fbd8c9f00b1fe05);
    assert_eq!(p.loss.es99.to_bits(), 0x3ffad796bb469eb0);
    assert_eq!(p.loss.worst.to_bits(), 0x4009a9dd3dfe2111);
    assert_eq!(
        p.contributions.operators[1].tail99.to_bits(),
        0x3fd62e2b8ac436d4
    );
}

/// The fixture's share link is the checked-in one (deflate is deterministic), decodes to the
/// same document, and the document's run gives its exact figures.
#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn the_fixture_share_link_and_run() {
    let s = Scenario::from_json(FIXTURE).unwrap();
    let link = FIXTURE_FRAGMENT.trim();
    assert_eq!(
        s.to_fragment(),
        link,
        "update core/tests/fixtures/scenario-small.fragment"
    );
    assert_eq!(Scenario::from_fragment(link).unwrap(), s);
    let r = run_scenario(&s).unwrap();
    // The fixture's bridge: 100 of Arbitrum's 200 locked tokens drained, the chain loses, so a
    // 50% haircut on 200 tokens at 1.2 ETH = 120 ETH.
    assert_eq!(headline(&r, "bridge.holderLossEth"), 120.0);
    // The AVS-wide slash of 12.5% on op-a's 10% allocation of 1,000.5 ETH: 12.50625 ETH.
    let slashed = headline(&r, "slashing.totalSlashedEth");
    assert!((slashed - 12.506_25).abs() < 1e-9, "{slashed}");
}
