//! `apply_slashing` on a large synthetic scenario: 50 operators × 20 AVSs (every operator
//! registered with every AVS), the three preset LRTs delegating to all operators, and 10 events
//! (operator faults, layered faults, AVS-wide bugs, beacon-chain slashings), in both modes.

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, black_box, criterion_group};
    use restake_core::network::Network;
    use restake_core::scenario::Scenario;
    use restake_core::slashing::{SlashEvent, SlashingOptions, StakeMode, apply_slashing};
    use serde_json::json;

    const OPERATORS: usize = 50;
    const AVSS: usize = 20;

    fn scenario() -> Network {
        let protocols = ["etherfi", "renzo", "kelp"];
        let operators: Vec<_> = (0..OPERATORS)
            .map(|o| {
                json!({"id": format!("op-{o}"), "name": format!("Operator {o}"),
                "otherDelegatedEth": 1000.0 + o as f64, "otherNativeShare": 0.5})
            })
            .collect();
        let avss: Vec<_> = (0..AVSS)
            .map(|v| json!({"id": format!("avs-{v}"), "name": format!("AVS {v}")}))
            .collect();
        let delegations: Vec<_> = protocols
            .iter()
            .flat_map(|p| {
                (0..OPERATORS).map(move |o| {
                    json!({"protocol": p, "operator": format!("op-{o}"), "weight": 0.02,
                    "queuedWithdrawalEth": 10.0})
                })
            })
            .collect();
        // Each operator allocates 4.5% to each AVS (90% in all).
        let allocations: Vec<_> = (0..OPERATORS)
            .flat_map(|o| {
                (0..AVSS).map(move |v| json!({"operator": format!("op-{o}"), "avs": format!("avs-{v}"), "magnitude": 0.045}))
            })
            .collect();
        let doc = json!({
            "version": 1,
            "protocols": serde_json::to_value(restake_core::presets::protocols().unwrap()).unwrap(),
            "operators": operators, "avss": avss, "delegations": delegations, "allocations": allocations,
            "positions": protocols.iter().map(|p| json!({"protocol": p, "amountEth": 10.0})).collect::<Vec<_>>(),
            "restaking": [
                {"protocol": "etherfi", "restakedEth": 1_000_000.0, "nativeShare": 1.0},
                {"protocol": "renzo", "restakedEth": 600_000.0, "nativeShare": 0.5},
                {"protocol": "kelp", "restakedEth": 400_000.0, "nativeShare": 0.3}],
        });
        Scenario::from_json(&doc.to_string()).unwrap().network
    }

    fn events() -> Vec<SlashEvent> {
        let op = |o: usize| format!("op-{o}");
        let avs = |v: usize| format!("avs-{v}");
        vec![
            SlashEvent::OperatorFault {
                operator: op(0),
                avs: avs(0),
                fraction: 0.5,
            },
            SlashEvent::LayeredFault {
                operator: op(1),
                fraction: 0.1,
            },
            SlashEvent::AvsWide {
                avs: avs(3),
                fraction: 0.05,
            },
            SlashEvent::BeaconSlashing {
                operator: op(2),
                validators: 10,
                effective_balance_eth: 32,
            },
            SlashEvent::OperatorFault {
                operator: op(4),
                avs: avs(7),
                fraction: 1.0,
            },
            SlashEvent::LayeredFault {
                operator: op(5),
                fraction: 0.25,
            },
            SlashEvent::AvsWide {
                avs: avs(11),
                fraction: 0.2,
            },
            SlashEvent::BeaconBalanceDrop {
                operator: op(6),
                amount_eth: 16.0,
            },
            SlashEvent::OperatorFault {
                operator: op(0),
                avs: avs(1),
                fraction: 0.3,
            },
            SlashEvent::BeaconSlashing {
                operator: op(9),
                validators: 100,
                effective_balance_eth: 32,
            },
        ]
    }

    fn bench(c: &mut Criterion) {
        let s = scenario();
        let e = events();
        for (name, mode) in [
            ("slashing/unique_50x20_10_events", StakeMode::UniqueStake),
            ("slashing/shared_50x20_10_events", StakeMode::SharedStake),
        ] {
            let options = SlashingOptions {
                mode,
                ..SlashingOptions::default()
            };
            // Sanity: the run succeeds before it is timed.
            apply_slashing(&s, &e, &options).unwrap();
            c.bench_function(name, |b| {
                b.iter(|| {
                    apply_slashing(black_box(&s), black_box(&e), black_box(&options)).unwrap()
                })
            });
        }
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
