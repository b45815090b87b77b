//! Properties of the security analysis on random restaking graphs of up to 10 validators and
//! 10 services: the exact attack search agrees with a brute force over every pair of subsets
//! `(A, B)`, every reported attack is valid, and on a certified graph no cascade exceeds
//! Theorem 1's bound `(1 + 1/γ*)·ψ`; the worst-case loss `R_ψ` agrees with a brute force over
//! every shock, coalition and service set, and no sequence of attacks after any shock exceeds
//! it (graphs of up to 5 × 4, every sequence tried); on sparse graphs of several components too. On random networks (`common::arb_network`, either stake
//! mode): each service's cost of corruption is `⌈α·σ(N(s))⌉`, the whitepaper condition rules
//! out every attack, a reported attack is valid, and the certificate's bound holds.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Shape, arb_network, num};
use proptest::prelude::*;
use restake_core::network::{Network, StakeMode};
use restake_core::security::{
    AnalysisOptions, GraphService, GraphValidator, RestakingGraph, SearchMode, SearchVerdict,
    SecurityParams, SecurityReport, ServiceParams, Threshold, Verdict, analyze_graph,
    security_analysis,
};

const WEI: u128 = 1_000_000_000_000_000_000;

/// A graph in whole ETH: stakes, (profit, α numerator, α denominator), edge matrix.
#[derive(Debug, Clone)]
struct Small {
    stakes: Vec<u64>,
    services: Vec<(u64, u64, u64)>,
    edges: Vec<Vec<bool>>,
}

fn arb_small() -> impl Strategy<Value = Small> {
    (1usize..=10, 1usize..=10).prop_flat_map(|(nv, ns)| {
        (
            proptest::collection::vec(prop_oneof![1 => Just(0u64), 9 => 1u64..=100], nv),
            proptest::collection::vec(
                (
                    0u64..=300,
                    prop_oneof![
                        Just((1u64, 3u64)),
                        Just((1, 2)),
                        Just((2, 3)),
                        Just((1, 1)),
                        (1u64..=7).prop_flat_map(|d| (1..=d, Just(d)))
                    ],
                ),
                ns,
            ),
            edge_matrix(nv, ns, 0.4),
        )
            .prop_map(assemble)
    })
}

/// Each validator's edge to each service, each with probability `p`.
fn edge_matrix(nv: usize, ns: usize, p: f64) -> impl Strategy<Value = Vec<Vec<bool>>> {
    proptest::collection::vec(
        proptest::collection::vec(proptest::bool::weighted(p), ns),
        nv,
    )
}

/// What the strategies draw: stakes, (profit, (α numerator, α denominator)) and edges.
type Drawn = (Vec<u64>, Vec<(u64, (u64, u64))>, Vec<Vec<bool>>);

/// A [`Small`] from what the strategies draw.
fn assemble((stakes, services, edges): Drawn) -> Small {
    Small {
        stakes,
        services: services.into_iter().map(|(p, (n, d))| (p, n, d)).collect(),
        edges,
    }
}

fn to_graph(s: &Small) -> RestakingGraph {
    RestakingGraph {
        validators: s
            .stakes
            .iter()
            .enumerate()
            .map(|(i, &st)| GraphValidator {
                id: format!("v{i}"),
                stake_eth: st as f64,
            })
            .collect(),
        services: s
            .services
            .iter()
            .enumerate()
            .map(|(i, &(p, n, d))| GraphService {
                id: format!("s{i}"),
                profit_eth: p as f64,
                threshold: Threshold::new(n, d),
            })
            .collect(),
        edges: s
            .edges
            .iter()
            .enumerate()
            .flat_map(|(v, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(_, e)| **e)
                    .map(move |(j, _)| (format!("v{v}"), format!("s{j}")))
            })
            .collect(),
    }
}

/// Eq. 1 for service `s` and coalition mask `b`: `σ(B ∩ N(s))·den ≥ num·σ(N(s))`, in ETH.
fn corrupts(s: &Small, b: u32, svc: usize) -> bool {
    let (_, n, d) = s.services[svc];
    let (mut inside, mut all) = (0u128, 0u128);
    for v in 0..s.stakes.len() {
        if s.edges[v][svc] {
            all += u128::from(s.stakes[v]);
            if b >> v & 1 == 1 {
                inside += u128::from(s.stakes[v]);
            }
        }
    }
    inside * u128::from(d) >= all * u128::from(n)
}

/// The largest `π_A − σ_B` over every valid attack, in ETH; `None` when none is valid.
fn brute_force(s: &Small) -> Option<u128> {
    let (nv, ns) = (s.stakes.len(), s.services.len());
    let profit_of: Vec<u128> = (0u32..1 << ns)
        .map(|a| {
            (0..ns)
                .filter(|&j| a >> j & 1 == 1)
                .map(|j| u128::from(s.services[j].0))
                .sum()
        })
        .collect();
    let mut best = None;
    for b in 0u32..1 << nv {
        let cost: u128 = (0..nv)
            .filter(|&v| b >> v & 1 == 1)
            .map(|v| u128::from(s.stakes[v]))
            .sum();
        let corr: u32 = (0..ns).filter(|&j| corrupts(s, b, j)).map(|j| 1 << j).sum();
        for a in 0u32..1 << ns {
            if a & !corr == 0 && profit_of[a as usize] > cost {
                let gain = profit_of[a as usize] - cost;
                if best.is_none_or(|g| gain > g) {
                    best = Some(gain);
                }
            }
        }
    }
    best
}

fn index(id: &str) -> usize {
    id[1..].parse().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn exact_search_agrees_with_brute_force(s in arb_small()) {
        let options = AnalysisOptions { shock_fraction: 0.0, shocked: None, search: SearchMode::Exact };
        let r = analyze_graph(&to_graph(&s), &options).unwrap();
        let expected = brute_force(&s);
        match (&r.attack.attack, expected) {
            (None, None) => prop_assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure),
            (Some(a), Some(gain)) => {
                prop_assert_eq!(r.attack.verdict, SearchVerdict::AttackFound);
                prop_assert_eq!(a.gain.wei.parse::<u128>().unwrap(), gain * WEI);
                // The reported attack is itself valid.
                let b: u32 = a.validators.iter().map(|v| 1 << index(v)).sum();
                for svc in &a.services {
                    prop_assert!(corrupts(&s, b, index(svc)));
                }
                let profit: u128 = a.services.iter().map(|x| u128::from(s.services[index(x)].0)).sum();
                let cost: u128 = a.validators.iter().map(|v| u128::from(s.stakes[index(v)])).sum();
                prop_assert!(profit > cost);
                prop_assert_eq!(profit - cost, gain);
            }
            (found, expected) => prop_assert!(false, "search {:?} vs brute force {:?}", found, expected),
        }
    }

    #[test]
    fn certified_cascades_stay_under_the_bound(s in arb_small(), psi in 0.0f64..=0.5) {
        let options = AnalysisOptions { shock_fraction: psi, shocked: None, search: SearchMode::Exact };
        let r = analyze_graph(&to_graph(&s), &options).unwrap();
        prop_assert!((0.0..=1.0).contains(&r.cascade.lost_share));
        prop_assert!(r.cascade.shock_share <= psi + 1e-12);
        if r.certificate.verdict == Verdict::Certified {
            // Corollary 2 ⇒ γ*-slack ⇒ the graph is secure, and Theorem 1 bounds the cascade.
            prop_assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
            let bound = r.cascade.bound.unwrap();
            prop_assert!(r.cascade.lost_share <= bound * (1.0 + 1e-12) + 1e-15,
                "lost {} > bound {}", r.cascade.lost_share, bound);
        }
        // An attack on the unshocked graph means the whitepaper condition cannot hold.
        if r.attack.attack.is_some() {
            prop_assert!(!r.certificate.whitepaper_holds);
        }
    }
}

/// A random network with 1–5 operators and 1–4 AVSs, and security parameters for it: per AVS a
/// profit from corruption up to 1e6 ETH and a threshold `n/d` with `d ≤ 10`, either stake
/// mode, a shock of up to half the stake.
fn arb_secured() -> impl Strategy<Value = (Network, SecurityParams)> {
    let shape = Shape {
        operators: 1..=5,
        avss: 1..=4,
        protocols: 0..=7,
    };
    arb_network(shape)
        .prop_flat_map(|network| {
            let n = network.avss.len();
            let service = (
                num(0.0, 1e6),
                (1u64..=10).prop_flat_map(|d| (1..=d, Just(d))),
            );
            (
                Just(network),
                proptest::collection::vec(service, n),
                any::<bool>(),
                num(0.0, 0.5),
            )
        })
        .prop_map(|(network, services, shared, psi)| {
            let params = SecurityParams {
                mode: if shared {
                    StakeMode::SharedStake
                } else {
                    StakeMode::UniqueStake
                },
                services: network
                    .avss
                    .iter()
                    .zip(services)
                    .map(|(a, (profit_eth, (n, d)))| ServiceParams {
                        avs: a.id.clone(),
                        profit_eth,
                        threshold: Threshold::new(n, d),
                    })
                    .collect(),
                analysis: AnalysisOptions {
                    shock_fraction: psi,
                    ..AnalysisOptions::default()
                },
            };
            (network, params)
        })
}

/// Eq. 1 and Eq. 2 for a reported attack, recomputed from the report's validators and services
/// in wei: the coalition holds at least `α` of each attacked service's stake, and the profit,
/// cost and gain are the sums they claim to be with a positive gain.
fn check_attack(
    r: &SecurityReport,
    a: &restake_core::security::Attack,
) -> Result<(), TestCaseError> {
    let stake = |id: &str| {
        r.validators
            .iter()
            .find(|v| v.id == id)
            .unwrap()
            .stake
            .wei_value()
    };
    let cost: u128 = a.validators.iter().map(|v| stake(v)).sum();
    let mut profit = 0;
    for id in &a.services {
        let s = r.services.iter().find(|s| &s.id == id).unwrap();
        profit += s.profit.wei_value();
        let inside: u128 = r
            .validators
            .iter()
            .filter(|v| a.validators.contains(&v.id) && v.services.contains(id))
            .map(|v| v.stake.wei_value())
            .sum();
        let t = s.threshold;
        prop_assert!(
            inside * u128::from(t.denominator) >= s.stake.wei_value() * u128::from(t.numerator),
            "the coalition does not reach {}'s threshold",
            id
        );
    }
    prop_assert_eq!(a.cost.wei_value(), cost);
    prop_assert_eq!(a.profit.wei_value(), profit);
    prop_assert!(profit > cost);
    prop_assert_eq!(a.gain.wei_value(), profit - cost);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_on_random_networks((network, params) in arb_secured()) {
        let r = security_analysis(&network, &params).unwrap();
        let total: u128 = r.validators.iter().map(|v| v.stake.wei_value()).sum();
        prop_assert_eq!(r.total_stake.wei_value(), total);
        for s in &r.services {
            // Cost of corruption ⌈α·σ(N(s))⌉, exactly, and "covered" is π ≤ cost.
            let (n, d) = (u128::from(s.threshold.numerator), u128::from(s.threshold.denominator));
            let stake = s.stake.wei_value();
            prop_assert_eq!(s.cost_of_corruption.wei_value(), (stake * n).div_ceil(d));
            prop_assert!(s.cost_of_corruption.wei_value() <= stake);
            prop_assert_eq!(s.covered, s.profit.wei_value() <= s.cost_of_corruption.wei_value());
        }
        let c = &r.certificate;
        prop_assert_eq!(
            c.whitepaper_holds,
            c.unstaked_services.is_empty() && r.validators.iter().all(|v| v.whitepaper_holds)
        );
        if let Some(a) = &r.attack.attack {
            // The whitepaper condition is sufficient for security: no attack where it holds.
            prop_assert!(!c.whitepaper_holds);
            prop_assert_eq!(r.attack.verdict, SearchVerdict::AttackFound);
            check_attack(&r, a)?;
        }
        for step in &r.cascade.steps {
            prop_assert!(step.attack.gain.wei_value() > 0);
        }
        prop_assert!((0.0..=1.0).contains(&r.cascade.lost_share));
        prop_assert!(r.cascade.shock_share <= params.analysis.shock_fraction + 1e-12);
        if c.verdict == Verdict::Certified {
            prop_assert!(r.attack.attack.is_none());
            let bound = r.cascade.bound.unwrap();
            prop_assert!(r.cascade.lost_share <= bound * (1.0 + 1e-12) + 1e-15,
                "lost {} > bound {}", r.cascade.lost_share, bound);
        }
    }
}

/// `σ` of the validators in `mask`, ETH.
fn stake_of(s: &Small, mask: u32) -> u128 {
    (0..s.stakes.len())
        .filter(|&v| mask >> v & 1 == 1)
        .map(|v| u128::from(s.stakes[v]))
        .sum()
}

/// Eq. 1 on the graph without `gone`: `σ(B ∩ N(s))·den ≥ num·σ(N(s) ∖ gone)`, ETH.
fn corrupts_without(s: &Small, gone: u32, b: u32, svc: usize) -> bool {
    let (_, n, d) = s.services[svc];
    let nbrs: u32 = (0..s.stakes.len())
        .filter(|&v| s.edges[v][svc])
        .map(|v| 1 << v)
        .sum();
    stake_of(s, nbrs & b) * u128::from(d) >= stake_of(s, nbrs & !gone) * u128::from(n)
}

/// `R_ψ·σ_V` by brute force, ETH: every shock `D` with `100·σ_D ≤ p·σ_V`, every coalition `B`
/// outside it and every service set `A` it corrupts on `G ∖ D` with `π_A > σ_B`.
fn worst_by_brute_force(s: &Small, p: u64) -> u128 {
    let (nv, ns) = (s.stakes.len(), s.services.len());
    let total = stake_of(s, (1u32 << nv) - 1);
    let mut best = 0;
    for d in 0u32..1 << nv {
        if stake_of(s, d) * 100 > u128::from(p) * total {
            continue;
        }
        for b in 0u32..1 << nv {
            if b & d != 0 {
                continue;
            }
            let loss = stake_of(s, d) + stake_of(s, b);
            if loss <= best {
                continue;
            }
            let corr: u32 = (0..ns)
                .filter(|&j| corrupts_without(s, d, b, j))
                .map(|j| 1 << j)
                .sum();
            let valid = b == 0
                || (0u32..1 << ns).any(|a| {
                    a & !corr == 0
                        && (0..ns)
                            .filter(|&j| a >> j & 1 == 1)
                            .map(|j| u128::from(s.services[j].0))
                            .sum::<u128>()
                            > stake_of(s, b)
                });
            if valid {
                best = loss;
            }
        }
    }
    best
}

/// The most stake a cascade can still destroy on the graph without `gone` validators and with
/// only the `live` services, trying every valid attack `(A, B)` at every step, ETH.
fn cascade_by_brute_force(
    s: &Small,
    gone: u32,
    live: u32,
    memo: &mut std::collections::HashMap<(u32, u32), u128>,
) -> u128 {
    if let Some(&x) = memo.get(&(gone, live)) {
        return x;
    }
    let (nv, ns) = (s.stakes.len(), s.services.len());
    let mut best = 0;
    for b in 1u32..1 << nv {
        if b & gone != 0 {
            continue;
        }
        let corr: u32 = (0..ns)
            .filter(|&j| live >> j & 1 == 1 && corrupts_without(s, gone, b, j))
            .map(|j| 1 << j)
            .sum();
        for a in 1u32..1 << ns {
            let profit: u128 = (0..ns)
                .filter(|&j| a >> j & 1 == 1)
                .map(|j| u128::from(s.services[j].0))
                .sum();
            if a & !corr == 0 && profit > stake_of(s, b) {
                best =
                    best.max(stake_of(s, b) + cascade_by_brute_force(s, gone | b, live & !a, memo));
            }
        }
    }
    memo.insert((gone, live), best);
    best
}

/// Sparse graphs (each edge with probability 0.12): mostly several connected components, some
/// validators and services on nothing, so the worst case combines components.
fn arb_sparse() -> impl Strategy<Value = Small> {
    (1usize..=10, 1usize..=8).prop_flat_map(|(nv, ns)| {
        (
            proptest::collection::vec(1u64..=100, nv),
            proptest::collection::vec(
                (
                    0u64..=300,
                    prop_oneof![Just((1u64, 3u64)), Just((1, 2)), Just((2, 3)), Just((1, 1))],
                ),
                ns,
            ),
            edge_matrix(nv, ns, 0.12),
        )
            .prop_map(assemble)
    })
}

fn arb_tiny() -> impl Strategy<Value = Small> {
    arb_small().prop_filter("at most 5 validators and 4 services", |s| {
        s.stakes.len() <= 5 && s.services.len() <= 4
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// `R_ψ` is exact on graphs up to 10 × 10 and attained by the shock and attack it names.
    #[test]
    fn worst_case_agrees_with_brute_force_over_all_shocks(s in arb_small(), p in 0u64..=50) {
        let options = AnalysisOptions { shock_fraction: p as f64 / 100.0, shocked: None, search: SearchMode::Exact };
        let r = analyze_graph(&to_graph(&s), &options).unwrap();
        let w = &r.worst_case;
        prop_assert!(w.exact);
        prop_assert_eq!(w.loss.wei.parse::<u128>().unwrap(), worst_by_brute_force(&s, p) * WEI);
        // The named shock fits ψ, and the named attack is valid on the graph without it.
        let d: u32 = w.shocked.iter().map(|v| 1 << index(v)).sum();
        let b: u32 = w.coalition.iter().map(|v| 1 << index(v)).sum();
        let total = stake_of(&s, (1u32 << s.stakes.len()) - 1);
        prop_assert!(stake_of(&s, d) * 100 <= u128::from(p) * total);
        prop_assert_eq!(d & b, 0);
        prop_assert_eq!((stake_of(&s, d) + stake_of(&s, b)) * WEI, w.loss.wei.parse::<u128>().unwrap());
        if b != 0 {
            let profit: u128 = w.services.iter().map(|x| u128::from(s.services[index(x)].0)).sum();
            prop_assert!(profit > stake_of(&s, b));
            for svc in &w.services {
                prop_assert!(corrupts_without(&s, d, b, index(svc)));
            }
        }
        // The simulated cascade is one of the shocks: never above R_ψ.
        prop_assert!(r.cascade.lost_share <= w.loss_share + 1e-12);
    }

    /// The same on sparse graphs of several components, where an unprofitable part may ride on
    /// another component's surplus (the components' fronts, used past 12 validators, are checked
    /// against this whole-graph enumeration in `worst_case.rs`'s own test).
    #[test]
    fn worst_case_combines_components_as_the_brute_force(s in arb_sparse(), p in 0u64..=50) {
        let options = AnalysisOptions { shock_fraction: p as f64 / 100.0, shocked: None, search: SearchMode::Exact };
        let r = analyze_graph(&to_graph(&s), &options).unwrap();
        prop_assert!(r.worst_case.exact);
        prop_assert_eq!(r.worst_case.loss.wei.parse::<u128>().unwrap(), worst_by_brute_force(&s, p) * WEI);
    }

    /// Cascades merge: trying every sequence of attacks after every shock loses no more than
    /// `R_ψ` (on graphs small enough to try every sequence).
    #[test]
    fn no_cascade_of_attacks_exceeds_the_worst_case(s in arb_tiny(), p in 0u64..=50) {
        let options = AnalysisOptions { shock_fraction: p as f64 / 100.0, shocked: None, search: SearchMode::Exact };
        let r = analyze_graph(&to_graph(&s), &options).unwrap();
        let nv = s.stakes.len();
        let total = stake_of(&s, (1u32 << nv) - 1);
        let all_services = (1u32 << s.services.len()) - 1;
        let mut worst = 0;
        let mut memo = std::collections::HashMap::new();
        for d in 0u32..1 << nv {
            if stake_of(&s, d) * 100 <= u128::from(p) * total {
                worst = worst.max(stake_of(&s, d) + cascade_by_brute_force(&s, d, all_services, &mut memo));
            }
        }
        prop_assert_eq!(r.worst_case.loss.wei.parse::<u128>().unwrap(), worst * WEI);
    }
}
