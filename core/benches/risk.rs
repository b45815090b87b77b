//! The Monte Carlo risk engine on `core/data/bench-standard.json`: 3 LRTs × 20 operators ×
//! 12 AVSs, one-year horizon, 100,000 paths, default probabilities, seed 1. Measures the whole
//! run (validation, simulation and the report, statistics included; natively one chunk per core),
//! and one chunk on one thread; criterion's throughput is in paths per second. Figures are
//! recorded in BENCHMARKS.md.

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, Throughput, black_box, criterion_group};
    use restake_core::network::Network;
    use restake_core::risk::{RiskModel, RiskOptions, simulate_risk};
    use restake_core::scenario::Scenario;

    /// The bench input, with the built-in protocol presets inserted into the scenario.
    fn bench_standard() -> (Network, RiskOptions) {
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../data/bench-standard.json")).unwrap();
        let presets = restake_core::presets::protocols().unwrap();
        doc["scenario"]["protocols"] = serde_json::to_value(presets).unwrap();
        let scenario = Scenario::from_json(&doc["scenario"].to_string())
            .unwrap()
            .network;
        let options: RiskOptions = serde_json::from_value(doc["options"].clone()).unwrap();
        (scenario, options)
    }

    fn risk(c: &mut Criterion) {
        let (scenario, options) = bench_standard();
        let mut group = c.benchmark_group("risk");
        group.throughput(Throughput::Elements(options.paths as u64));
        group.sample_size(20);
        group.bench_function("bench-standard 100k paths", |b| {
            b.iter(|| simulate_risk(black_box(&scenario), black_box(&options)).unwrap())
        });
        // One chunk on one thread, as in a Web Worker.
        let model = RiskModel::new(&scenario, &options).unwrap();
        group.bench_function("bench-standard 100k paths, one thread", |b| {
            b.iter(|| {
                let p = model.simulate_chunk(0, model.paths()).unwrap();
                model.finish(black_box(&p)).unwrap()
            })
        });
        group.finish();
    }

    criterion_group!(benches, risk);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
