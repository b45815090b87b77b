//! The attack search: the most profitable valid attack `(A ⊆ S, B ⊆ V)` of Durvasula &
//! Roughgarden ("Robust Restaking Networks", arXiv:2407.21785, Eq. 1–2) on the live part of a
//! graph, or proof that none exists.
//!
//! - Eq. 1 (coalition): `∀s ∈ A: σ(B ∩ N(s)) ≥ α_s · σ(N(s))`, checked as the integer comparison
//!   `σ(B ∩ N(s)) ≥ ⌈α_s · σ(N(s))⌉` (wei), so α = 1/3 never rounds the wrong way.
//! - Eq. 2 (valid): `π_A > σ_B`; the search maximises the attacker's gain `π_A − σ_B`.
//!
//! Given `B`, the best `A` is every service `B` corrupts (profits are ≥ 0). Attacks split over
//! the connected components of the graph: a valid attack is valid on some component, and the
//! most profitable attack is the union of each component's most profitable one. So:
//!
//! - **exact** on a component of at most [`EXACT_LIMIT`] validators: all `2^n` coalitions `B`
//!   in Gray-code order (one validator joins or leaves per step, only its services are updated);
//! - **heuristic** beyond it ([`SearchMode::Auto`]): greedy covers of each service, extended
//!   service by service while the gain grows, then pruned; bounded by [`HEURISTIC_WORK`]. An
//!   attack it finds is a real attack; finding none proves nothing.

use serde::{Deserialize, Serialize};

use super::graph::Graph;
use crate::Error;

/// Largest connected component (in validators) the exact search enumerates: `2^20 ≈ 10^6`
/// coalitions.
pub const EXACT_LIMIT: usize = 20;

/// Work budget of the heuristic on one component, in edge visits.
pub const HEURISTIC_WORK: u64 = 4_000_000;

/// How to search for attacks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SearchMode {
    /// Exact on components of at most [`EXACT_LIMIT`] validators, the heuristic beyond.
    #[default]
    Auto,
    /// Exact only: a component larger than [`EXACT_LIMIT`] is an error (`Error::OutOfRange`
    /// on `graph.validators`).
    Exact,
}

/// An attack in graph indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// `A`, ascending.
    pub services: Vec<usize>,
    /// `B`, ascending.
    pub validators: Vec<usize>,
    /// `π_A`, wei.
    pub profit: u128,
    /// `σ_B`, wei.
    pub cost: u128,
}

/// What one search established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Searched {
    /// The most profitable valid attack found.
    pub attack: Option<Found>,
    /// True when every component was searched exactly (then `attack = None` proves security).
    pub exact: bool,
    /// Validators in the largest component.
    pub largest_component: usize,
}

/// One connected component of the live graph, in local indices.
pub(super) struct Component {
    /// Global validator index per local one.
    pub validators: Vec<usize>,
    /// Global service index per local one.
    pub services: Vec<usize>,
    stake: Vec<u128>,
    /// Local services of each local validator.
    v_services: Vec<Vec<usize>>,
    /// Local validators of each local service.
    pub s_validators: Vec<Vec<usize>>,
    /// `⌈α_s · σ(N(s))⌉` over live validators, wei.
    need: Vec<u128>,
    profit: Vec<u128>,
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Splits the live graph into connected components (nodes `0..V` are validators, `V..V+S`
/// services).
pub(super) fn components(g: &Graph, live_v: &[bool], live_s: &[bool]) -> Vec<Component> {
    let nv = g.validators.len();
    let mut parent: Vec<usize> = (0..nv + g.services.len()).collect();
    for (v, node) in g.validators.iter().enumerate() {
        if !live_v[v] {
            continue;
        }
        for &s in &node.services {
            if live_s[s] {
                let (a, b) = (find(&mut parent, v), find(&mut parent, nv + s));
                parent[a] = b;
            }
        }
    }
    let mut by_root: Vec<Option<usize>> = vec![None; parent.len()];
    let mut comps: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut slot = |root: usize, comps: &mut Vec<(Vec<usize>, Vec<usize>)>| match by_root[root] {
        Some(i) => i,
        None => {
            comps.push((Vec::new(), Vec::new()));
            by_root[root] = Some(comps.len() - 1);
            comps.len() - 1
        }
    };
    for v in (0..nv).filter(|&v| live_v[v]) {
        let i = slot(find(&mut parent, v), &mut comps);
        comps[i].0.push(v);
    }
    for s in (0..g.services.len()).filter(|&s| live_s[s]) {
        let i = slot(find(&mut parent, nv + s), &mut comps);
        comps[i].1.push(s);
    }
    comps
        .into_iter()
        .map(|(validators, services)| {
            let local_s = |s: usize| services.iter().position(|&x| x == s);
            let v_services: Vec<Vec<usize>> = validators
                .iter()
                .map(|&v| {
                    g.validators[v]
                        .services
                        .iter()
                        .filter_map(|&s| local_s(s))
                        .collect()
                })
                .collect();
            let mut s_validators = vec![Vec::new(); services.len()];
            for (lv, ss) in v_services.iter().enumerate() {
                for &ls in ss {
                    s_validators[ls].push(lv);
                }
            }
            let stake: Vec<u128> = validators.iter().map(|&v| g.validators[v].stake).collect();
            let need = services
                .iter()
                .zip(&s_validators)
                .map(|(&s, vs)| {
                    let total: u128 = vs.iter().map(|&lv| stake[lv]).sum();
                    g.services[s].threshold.needed(total)
                })
                .collect();
            let profit = services.iter().map(|&s| g.services[s].profit).collect();
            Component {
                validators,
                services,
                stake,
                v_services,
                s_validators,
                need,
                profit,
            }
        })
        .collect()
}

/// A component's best attack in local indices: `(local validators, local services, π_A, σ_B)`.
type LocalAttack = (Vec<usize>, Vec<usize>, u128, u128);

/// All `2^n` coalitions in Gray-code order; returns the one with the largest gain `π_A − σ_B > 0`
/// (the first in Gray order on ties). Each service keeps its deficit `⌈α·σ(N(s))⌉ − σ(B ∩ N(s))`
/// (corrupted when `≤ 0`); a step touches only the services of the validator that moved.
fn exact(c: &Component) -> Option<LocalAttack> {
    let n = c.validators.len();
    // Flat adjacency: the services of local validator v are `adj[start[v]..start[v + 1]]`.
    let mut start = Vec::with_capacity(n + 1);
    let mut adj = Vec::new();
    for ss in &c.v_services {
        start.push(adj.len());
        adj.extend(ss.iter().copied());
    }
    start.push(adj.len());
    // Stakes and needs are ≤ 1024 · 1e27 wei < 2^100: i128 holds every deficit.
    let mut deficit: Vec<i128> = c.need.iter().map(|&x| x as i128).collect();
    let stake: Vec<i128> = c.stake.iter().map(|&x| x as i128).collect();
    let profit_of: Vec<i128> = c.profit.iter().map(|&x| x as i128).collect();
    // gain = π_A − σ_B, tracked incrementally.
    let mut gain: i128 = deficit
        .iter()
        .zip(&profit_of)
        .filter(|(d, _)| **d <= 0)
        .map(|(_, p)| p)
        .sum();
    let mut in_b = vec![false; n];
    let mut best: Option<(i128, u64)> = (gain > 0).then_some((gain, 0));
    for i in 1u64..(1u64 << n) {
        let v = i.trailing_zeros() as usize;
        let s_v = stake[v];
        let services = &adj[start[v]..start[v + 1]];
        if in_b[v] {
            in_b[v] = false;
            gain += s_v;
            for &s in services {
                let d = &mut deficit[s];
                let was = *d <= 0;
                *d += s_v;
                if was && *d > 0 {
                    gain -= profit_of[s];
                }
            }
        } else {
            in_b[v] = true;
            gain -= s_v;
            for &s in services {
                let d = &mut deficit[s];
                let was = *d <= 0;
                *d -= s_v;
                if !was && *d <= 0 {
                    gain += profit_of[s];
                }
            }
        }
        if gain > 0 && best.is_none_or(|(g, _)| gain > g) {
            best = Some((gain, i ^ (i >> 1)));
        }
    }
    let (_, mask) = best?;
    let b: Vec<usize> = (0..n).filter(|&v| mask >> v & 1 == 1).collect();
    Some(local_attack(c, b))
}

/// `B` with everything it corrupts.
fn local_attack(c: &Component, b: Vec<usize>) -> LocalAttack {
    let (a, profit, cost) = corrupted(c, &b);
    (b, a, profit, cost)
}

/// The services `b` corrupts, `π_A` and `σ_B`.
fn corrupted(c: &Component, b: &[usize]) -> (Vec<usize>, u128, u128) {
    let mut cur = vec![0u128; c.services.len()];
    let mut cost = 0u128;
    for &v in b {
        cost += c.stake[v];
        for &s in &c.v_services[v] {
            cur[s] += c.stake[v];
        }
    }
    let a: Vec<usize> = (0..c.services.len())
        .filter(|&s| cur[s] >= c.need[s])
        .collect();
    let profit = a.iter().map(|&s| c.profit[s]).sum();
    (a, profit, cost)
}

/// Greedy search with a work budget (see the module documentation).
fn heuristic(c: &Component) -> Option<LocalAttack> {
    let mut work: u64 = 0;
    let edges: u64 = c.v_services.iter().map(|s| s.len() as u64).sum::<u64>() + 1;
    let gain = |b: &[usize], work: &mut u64| -> (i128, Vec<usize>) {
        *work += edges;
        let (a, profit, cost) = corrupted(c, b);
        // Sums of at most 1,024 stakes of ≤ 1e27 wei each stay far below i128::MAX.
        (profit as i128 - cost as i128, a)
    };
    // Adds validators of N(t) not in `b`, largest stake first, until `t` is corrupted.
    let cover = |b: &[usize], t: usize| -> Vec<usize> {
        let mut out = b.to_vec();
        let mut have: u128 = c.s_validators[t]
            .iter()
            .filter(|v| b.contains(v))
            .map(|&v| c.stake[v])
            .sum();
        let mut rest: Vec<usize> = c.s_validators[t]
            .iter()
            .copied()
            .filter(|v| !b.contains(v))
            .collect();
        rest.sort_by(|&x, &y| c.stake[y].cmp(&c.stake[x]).then(x.cmp(&y)));
        for v in rest {
            if have >= c.need[t] {
                break;
            }
            have += c.stake[v];
            out.push(v);
        }
        out.sort_unstable();
        out
    };
    let (g0, _) = gain(&[], &mut work);
    let mut best: Option<(i128, Vec<usize>)> = (g0 > 0).then(|| (g0, Vec::new()));
    let mut seeds: Vec<usize> = (0..c.services.len()).collect();
    seeds.sort_by(|&x, &y| c.profit[y].cmp(&c.profit[x]).then(x.cmp(&y)));
    for seed in seeds {
        if work > HEURISTIC_WORK {
            break;
        }
        let mut b = cover(&[], seed);
        let (mut g, mut a) = gain(&b, &mut work);
        // Extend by the service whose cover raises the gain most, while one does.
        while work <= HEURISTIC_WORK {
            let mut step: Option<(i128, Vec<usize>, Vec<usize>)> = None;
            for t in (0..c.services.len()).filter(|t| !a.contains(t)) {
                let nb = cover(&b, t);
                let (ng, na) = gain(&nb, &mut work);
                if ng > g && step.as_ref().is_none_or(|(sg, _, _)| ng > *sg) {
                    step = Some((ng, nb, na));
                }
                if work > HEURISTIC_WORK {
                    break;
                }
            }
            match step {
                Some((ng, nb, na)) => (g, b, a) = (ng, nb, na),
                None => break,
            }
        }
        // Drop validators the attack does not need, largest first.
        let mut order = b.clone();
        order.sort_by(|&x, &y| c.stake[y].cmp(&c.stake[x]).then(x.cmp(&y)));
        for v in order {
            if work > HEURISTIC_WORK {
                break;
            }
            let nb: Vec<usize> = b.iter().copied().filter(|&x| x != v).collect();
            let (ng, _) = gain(&nb, &mut work);
            if ng > g {
                (g, b) = (ng, nb);
            }
        }
        if g > 0 && best.as_ref().is_none_or(|(bg, _)| g > *bg) {
            best = Some((g, b));
        }
    }
    best.map(|(_, b)| local_attack(c, b))
}

/// The most profitable valid attack on the live part of `g` (see the module documentation).
/// Errors only in [`SearchMode::Exact`] when a component exceeds [`EXACT_LIMIT`] validators.
pub(crate) fn search(
    g: &Graph,
    live_v: &[bool],
    live_s: &[bool],
    mode: SearchMode,
) -> Result<Searched, Error> {
    let comps = components(g, live_v, live_s);
    let largest_component = comps.iter().map(|c| c.validators.len()).max().unwrap_or(0);
    if mode == SearchMode::Exact && largest_component > EXACT_LIMIT {
        return Err(Error::OutOfRange {
            field: "graph.validators".to_owned(),
            value: largest_component as f64,
            expected: format!(
                "at most {EXACT_LIMIT} validators in a connected component for the exact search (use the \"auto\" search for larger graphs)"
            ),
        });
    }
    let mut exact_all = true;
    let mut union = Found {
        services: Vec::new(),
        validators: Vec::new(),
        profit: 0,
        cost: 0,
    };
    for c in &comps {
        let local = if c.validators.len() <= EXACT_LIMIT {
            exact(c)
        } else {
            exact_all = false;
            heuristic(c)
        };
        if let Some((b, a, profit, cost)) = local {
            union.validators.extend(b.iter().map(|&v| c.validators[v]));
            union.services.extend(a.iter().map(|&s| c.services[s]));
            union.profit += profit;
            union.cost += cost;
        }
    }
    union.services.sort_unstable();
    union.validators.sort_unstable();
    let attack = (union.profit > union.cost).then_some(union);
    Ok(Searched {
        attack,
        exact: exact_all,
        largest_component,
    })
}
