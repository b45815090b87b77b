//! The Monte Carlo risk engine on `core/data/bench-standard.json`: 3 LRTs × 20 operators ×
//! 12 AVSs, one-year horizon, 100,000 paths, default probabilities, seed 1. Measures the whole
//! run (validation, simulation and the report, statistics included; natively one chunk per core),
//! and one chunk on one thread, without and with the Risk page's default loop
//! (`options.carry`); criterion's throughput is in paths per second. Figures are
//! recorded in BENCHMARKS.md.

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, Throughput, black_box, criterion_group};
    use restake_core::network::{Allocation, Avs, Delegation, Network, Operator};
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
        // The same run with the Risk page's default loop on its positions (options.carry).
        let looped = RiskOptions {
            carry: Some(
                restake_core::scenario::risk_loop_default(1.0)
                    .unwrap()
                    .carry,
            ),
            ..options.clone()
        };
        let model = RiskModel::new(&scenario, &looped).unwrap();
        group.bench_function("bench-standard 100k paths, one thread, looped", |b| {
            b.iter(|| {
                let p = model.simulate_chunk(0, model.paths()).unwrap();
                model.finish(black_box(&p)).unwrap()
            })
        });
        group.finish();
    }

    /// The bench-standard network's protocols with `operators × avss` members: LRT `j` of `n`
    /// delegates equally to every operator `o` with `o mod n = j`, and each operator allocates
    /// 80% of its stake over `per` AVSs (`per·o + k mod avss`, `k < per ≤ avss`), `0.8/per` each.
    /// Synthetic; only the shape matters.
    fn scaled(base: &Network, operators: usize, avss: usize, per: usize) -> Network {
        let mut net = base.clone();
        let lrts: Vec<String> = net.restaking.iter().map(|r| r.protocol.clone()).collect();
        net.operators = (0..operators)
            .map(|o| Operator {
                id: format!("op-{o}"),
                name: format!("Operator {o}"),
                other_delegated_eth: 1000.0,
                other_native_share: 0.5,
            })
            .collect();
        net.avss = (0..avss)
            .map(|v| Avs {
                id: format!("avs-{v}"),
                name: format!("AVS {v}"),
            })
            .collect();
        let per_lrt = operators.div_ceil(lrts.len()) as f64;
        net.delegations = (0..operators)
            .map(|o| Delegation {
                protocol: lrts[o % lrts.len()].clone(),
                operator: format!("op-{o}"),
                weight: 1.0 / per_lrt,
                queued_withdrawal_eth: 0.0,
            })
            .collect();
        net.allocations = (0..operators)
            .flat_map(|o| (0..per).map(move |k| (o, (per * o + k) % avss)))
            .map(|(o, v)| Allocation {
                operator: format!("op-{o}"),
                avs: format!("avs-{v}"),
                magnitude: 0.8 / per as f64,
                network_limit: None,
            })
            .collect();
        net
    }

    /// The model build (validation, references, exposures) against network size: it should
    /// grow linearly in operators + AVSs + references. Four allocations per operator, then the
    /// largest network (500 × 200) with twenty (10,000 allocations).
    fn model_build(c: &mut Criterion) {
        let (base, options) = bench_standard();
        let mut group = c.benchmark_group("risk model build");
        group.sample_size(20);
        let sizes = [
            (20, 12, 4),
            (100, 40, 4),
            (250, 100, 4),
            (500, 200, 4),
            (500, 200, 20),
        ];
        for (operators, avss, per) in sizes {
            let net = scaled(&base, operators, avss, per);
            let members = net.operators.len() + net.avss.len() + net.allocations.len();
            group.throughput(Throughput::Elements(members as u64));
            let name = match per {
                4 => format!("{operators} operators x {avss} AVSs"),
                _ => format!(
                    "{operators} operators x {avss} AVSs x {} allocations",
                    net.allocations.len()
                ),
            };
            group.bench_function(name, |b| {
                b.iter(|| RiskModel::new(black_box(&net), black_box(&options)).unwrap())
            });
        }
        group.finish();
    }

    criterion_group!(benches, risk, model_build);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
