//! The exact attack search at its size limit: one connected component of 20 validators
//! (2^20 ≈ 1M coalitions) restaking for 64 services, each validator for about half of them.
//! Profits are small enough that no attack exists, so every coalition is visited. The analysis
//! runs the search twice (on the graph, then once more to end the cascade of an empty shock).
//!
//! The exact worst case `R_ψ` near its work limit: one component of 12 validators and 36
//! services (3^12 · 37 ≈ 1.97e7 pairs, under `WORST_CASE_WORK`), and four components of 7
//! validators and 9 services each (4 · 3^7 · 10 ≈ 8.7e4 pairs, but 28 validators: past what one
//! enumeration of the whole graph could take), at a 10% shock.

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, black_box, criterion_group};
    use restake_core::security::{
        AnalysisOptions, EXACT_LIMIT, GraphService, GraphValidator, MAX_SERVICES, RestakingGraph,
        SearchMode, SearchVerdict, Threshold, analyze_graph,
    };

    /// `copies` disjoint copies of a component of `nv` validators and `ns` services, edges as
    /// in [`graph`].
    fn components(copies: usize, nv: usize, ns: usize) -> RestakingGraph {
        let mut g = RestakingGraph {
            validators: Vec::new(),
            services: Vec::new(),
            edges: Vec::new(),
        };
        for c in 0..copies {
            g.validators.extend((0..nv).map(|v| GraphValidator {
                id: format!("c{c}-v{v}"),
                stake_eth: 100.0 + 7.0 * v as f64,
            }));
            g.services.extend((0..ns).map(|s| GraphService {
                id: format!("c{c}-s{s}"),
                profit_eth: 40.0 + 4.0 * s as f64,
                threshold: [Threshold::new(1, 3), Threshold::new(1, 2)][s % 2],
            }));
            g.edges.extend((0..nv).flat_map(|v| {
                (0..ns)
                    .filter(move |s| (v * 7 + s * 3) % 5 < 2 || s % nv == v)
                    .map(move |s| (format!("c{c}-v{v}"), format!("c{c}-s{s}")))
            }));
        }
        g
    }

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
        let shocked = AnalysisOptions {
            shock_fraction: 0.10,
            shocked: None,
            search: SearchMode::Exact,
        };
        for (name, g) in [
            (
                "worst_case_12_validators_36_services",
                components(1, 12, 36),
            ),
            (
                "worst_case_4_components_of_7_validators",
                components(4, 7, 9),
            ),
        ] {
            let r = analyze_graph(&g, &shocked).unwrap();
            println!(
                "{name}: R_ψ exact {}, {:.4} of all stake",
                r.worst_case.exact, r.worst_case.loss_share
            );
            group.bench_function(name, |b| {
                b.iter(|| analyze_graph(black_box(&g), black_box(&shocked)).unwrap())
            });
        }
        group.finish();
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
