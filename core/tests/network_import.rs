#![cfg(not(target_arch = "wasm32"))]
//! The network the import gives back on the local chain (`expected` in
//! fixtures/network_import_local.json: the unit tests of `chain::network_import` and
//! tests/npm/network_import.mjs check that the import returns exactly it) runs in the engines
//! unchanged, and its figures differ per protocol where its operators and AVSs do.

use restake_core::network::Network;
use restake_core::risk::{RiskOptions, SeedInput, simulate_risk};

fn imported() -> Network {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/network_import_local.json")).unwrap();
    Network::from_json(&fixture["expected"].to_string()).unwrap()
}

#[test]
fn the_imported_network_runs_in_the_engines_and_differs_per_protocol() {
    let n = imported();
    // Σ weight × restakedEth + otherDelegatedEth: A 0.5 × 1000 + 20,000; B 0.25 × 1000 +
    // 0.5 × 2000 + 10,000; C 0.5 × 2000 + 0.5 × 400; D 0.5 × 400 + 5000.
    let stakes = restake_core::concentration::operator_stakes(&n);
    assert_eq!(stakes, [20_500.0, 11_250.0, 1_200.0, 5_200.0]);
    let options = RiskOptions {
        paths: 4_000.0,
        seed: Some(SeedInput::Number(7.0)),
        ..RiskOptions::default()
    };
    let report = simulate_risk(&n, &options).unwrap();
    let mean = |id: &str| report.lrts.iter().find(|l| l.id == id).unwrap().loss.mean;
    assert_ne!(
        mean("renzo"),
        mean("yieldnest"),
        "different operators, different AVSs"
    );
    assert_eq!(n.behind("renzo").avss.len(), 3);
    assert_eq!(n.behind("yieldnest").avss.len(), 2);
}
