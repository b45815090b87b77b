//! The exact attack search at its size limit: one connected component of 20 validators
//! (2^20 ≈ 1M coalitions) restaking for 64 services, each validator for about half of them.
//! Profits are small enough that no attack exists, so every coalition is visited. The analysis
//! runs the search twice (on the graph, then once more to end the cascade of an empty shock).

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, black_box, criterion_group};
    use restake_core::security::{
        AnalysisOptions, EXACT_LIMIT, GraphService, GraphValidator, MAX_SERVICES, RestakingGraph,
        SearchMode, SearchVerdict, Threshold, analyze_graph,
    };

    fn graph() -> RestakingGraph {
        let validators = (0..EXACT_LIMIT)
            .map(|v| GraphValidator {
                id: format!("v{v}"),
                stake_eth: 1_000.0 + 37.0 * v as f64,
            })
            .collect();
        let services = (0..MAX_SERVICES)
            .map(|s| GraphService {
                id: format!("s{s}"),
                profit_eth: 10.0 + s as f64,
                threshold: [
                    Threshold::new(1, 3),
                    Threshold::new(1, 2),
                    Threshold::new(2, 3),
                ][s % 3],
            })
            .collect();
        let edges = (0..EXACT_LIMIT)
            .flat_map(|v| {
                (0..MAX_SERVICES)
                    .filter(move |s| (v * 7 + s * 3) % 5 < 3 || s % EXACT_LIMIT == v)
                    .map(move |s| (format!("v{v}"), format!("s{s}")))
            })
            .collect();
        RestakingGraph {
            validators,
            services,
            edges,
        }
    }

    fn bench(c: &mut Criterion) {
        let g = graph();
        let options = AnalysisOptions {
            shock_fraction: 0.0,
            shocked: None,
            search: SearchMode::Exact,
        };
        let r = analyze_graph(&g, &options).unwrap();
        assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
        assert_eq!(r.attack.largest_component, EXACT_LIMIT);
        let mut group = c.benchmark_group("security");
        group.sample_size(10);
        group.bench_function("exact_20_validators_64_services", |b| {
            b.iter(|| analyze_graph(black_box(&g), black_box(&options)).unwrap())
        });
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
