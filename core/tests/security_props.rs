//! Properties of the security analysis on random restaking graphs of up to 10 validators and
//! 10 services: the exact attack search agrees with a brute force over every pair of subsets
//! `(A, B)`, every reported attack is valid, and on a certified graph no cascade exceeds
//! Theorem 1's bound `(1 + 1/γ*)·ψ`. On random networks (`common::arb_network`, either stake
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
            proptest::collection::vec(
                proptest::collection::vec(proptest::bool::weighted(0.4), ns),
                nv,
            ),
        )
            .prop_map(|(stakes, services, edges)| Small {
                stakes,
                services: services.into_iter().map(|(p, (n, d))| (p, n, d)).collect(),
                edges,
            })
    })
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
