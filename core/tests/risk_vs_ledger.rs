//! The Monte Carlo risk model against the wei ledger of the slashing engine: when every path is
//! the same certain event, the model's LRT and position losses equal the ledger's for that
//! event. Here rather than in `risk`'s unit tests, since an engine never imports a sibling
//! engine (see `architecture.rs`).
#![cfg(not(target_arch = "wasm32"))]

use restake_core::network::demo::demo;
use restake_core::risk::{
    AvsRisk, OperatorRisk, Probabilities, RiskOptions, SeedInput, Severity, simulate_risk,
};
use restake_core::slashing::{SlashEvent, SlashingOptions, apply_slashing};

/// `paths` paths with seed 7 and `probabilities`, the other options at their defaults.
fn seeded(paths: f64, probabilities: Probabilities) -> RiskOptions {
    let seed = Some(SeedInput::Number(7.0));
    RiskOptions {
        paths,
        seed,
        probabilities,
        ..RiskOptions::default()
    }
}

/// `|a − b| / |b|`, the relative difference.
fn rel(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-300)
}

/// Every path is the same certain event: the model's LRT and position losses must equal the wei
/// ledger's for that single event.
fn agrees_with_ledger(event: SlashEvent, probabilities: Probabilities, tolerance: f64) {
    let network = demo().unwrap().network;
    let ledger = apply_slashing(&network, &[event], &SlashingOptions::default()).unwrap();
    let r = simulate_risk(&network, &seeded(4.0, probabilities)).unwrap();
    let mut checked = 0;
    for p in &ledger.protocols {
        let Some(l) = r.lrts.iter().find(|l| l.id == p.id) else {
            continue;
        };
        let want = p.loss.eth / p.backing_before.eth;
        assert_eq!(
            l.loss.worst, l.loss.mean,
            "{}: every path is the same",
            p.id
        );
        if want == 0.0 {
            assert_eq!(l.loss.mean, 0.0, "{}", p.id);
        } else {
            assert!(
                rel(l.loss.mean, want) < tolerance,
                "{}: model {} vs ledger {}",
                p.id,
                l.loss.mean,
                want
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
    let pos: f64 = ledger.positions.iter().map(|p| p.loss.eth).sum();
    let model = r.position.unwrap().loss.mean;
    assert!(rel(model, pos) < tolerance, "{model} vs {pos}");
}

#[test]
fn layered_fault_matches_the_ledger() {
    // op-b (etherfi 0.3·100k, renzo 0.4·60k) allocates 0.3, 0.3, 0.2 to da, oracle, bridge: a 50%
    // fault on each takes 0.5·0.8 = 40% of its stake. etherfi: 30,000·0.4 / 100,000 = 12%.
    let mut p = Probabilities::none();
    p.operator_fault.severity = Severity::Fixed { fraction: 0.5 };
    p.operators.push(OperatorRisk {
        operator: "op-b".into(),
        fault_per_year: Some(1.0),
        beacon_per_year: None,
    });
    let event = SlashEvent::LayeredFault {
        operator: "op-b".into(),
        fraction: 0.5,
    };
    agrees_with_ledger(event, p.clone(), 1e-9);
    let r = simulate_risk(&demo().unwrap().network, &seeded(3.0, p)).unwrap();
    assert!(rel(r.lrts[0].loss.mean, 0.12) < 1e-12);
}

#[test]
fn avs_wide_bug_matches_the_ledger() {
    let mut p = Probabilities::none();
    p.avs_bug.severity = Severity::Fixed { fraction: 0.2 };
    p.avss.push(AvsRisk {
        avs: "bridge".into(),
        bug_per_year: 1.0,
    });
    let event = SlashEvent::AvsWide {
        avs: "bridge".into(),
        fraction: 0.2,
    };
    agrees_with_ledger(event, p, 1e-9);
}

#[test]
fn beacon_slashing_matches_the_ledger() {
    // op-c's native ETH: 5,000 (others, all native) + (0.4·60,000 + 500)·0.5 (Renzo) +
    // 0.5·40,000·0.3 (Kelp) = 5,000 + 12,250 + 6,000 = 23,250 ETH. Ten 32 ETH validators are
    // φ = 320 / 23,250 of it. The ledger's integer penalties (per-increment rounding of the
    // correlation penalty) differ from λ by ~3e-7 relative.
    let mut p = Probabilities::none();
    p.beacon_slashing.severity = Severity::Fixed {
        fraction: 320.0 / 23_250.0,
    };
    p.operators.push(OperatorRisk {
        operator: "op-c".into(),
        fault_per_year: None,
        beacon_per_year: Some(1.0),
    });
    let event = SlashEvent::BeaconSlashing {
        operator: "op-c".into(),
        validators: 10,
        effective_balance_eth: 32,
    };
    agrees_with_ledger(event, p, 1e-6);
}
