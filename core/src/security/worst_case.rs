//! The worst-case loss `R_ψ` of Durvasula & Roughgarden ("Robust Restaking Networks",
//! arXiv:2407.21785, §2–3): over every shock `D` of at most `ψ` of all stake and every cascade
//! of valid attacks that may follow it, the largest share of stake lost.
//!
//! A cascade's attacks merge into one attack valid on `G ∖ D` (the argument behind D&R's
//! Theorem 1: profits add, and a coalition `B₂` holding `α_s` of what `B₁` left of a service,
//! together with `B₁`, holds `α_s` of all of it), and one valid attack is a cascade of one step,
//! so the worst loss after `D` is `σ_D + max{σ_B : (A, B) valid on G ∖ D}`, and for a coalition
//! `B` the best `A` is every service `B` can corrupt (profits are positive). Hence
//!
//! ```text
//! R_ψ · σ_V = max over disjoint D, B with σ_D ≤ ψ·σ_V, (A(B), B) valid on G ∖ D, of σ_D + σ_B
//! ```
//!
//! A service's validators lie in one connected component of `G`, so `D`, `B` and `A` split
//! over the components and `σ_D`, `σ_B` and the surplus `π_A − σ_B` add; only the validity
//! (`B = ∅`, or a total surplus above 0) and the shock budget tie the components together. So
//! two ways, both exact:
//!
//! - **whole graph**, while `3^n · (|S| + 1)` ≤ [`WORST_CASE_WORK`] (12 validators with up to
//!   37 services): every pair `(D, B)` once, a pair's services checked only when its loss could
//!   beat the best so far;
//! - **by component**, beyond: each component's every pair `(D_c, B_c)` (`3^n` of them) is
//!   enumerated and reduced to its Pareto front ([`super::front`]), and the fronts are combined
//!   one component after another, keeping only the non-dominated combinations within the budget.
//!   A component too large to enumerate can still attain the maximum, so this is exact while the
//!   whole work — `Σ_c 3^{n_c} · (|S_c| + 1)` for the enumerations, one unit per end kept or
//!   re-read while pruning, and [`COMBINED_END_WORK`] more per end a combination produces —
//!   stays within [`WORST_CASE_WORK`], and stops as soon as it does not.
//!
//! Beyond both, the analysis reports the shock-and-cascade loss it ran as a labelled **lower
//! bound**.

use std::ops::ControlFlow;

use super::attack::{Component, components};
use super::front::{End, Front};
use super::graph::Graph;

/// Most work units (pairs enumerated × (services + 1), ends combined and pruned) the exact
/// worst case may take.
pub const WORST_CASE_WORK: u64 = 20_000_000;

/// The shock and the attack that attain `R_ψ`, in graph indices.
pub(crate) struct WorstCase {
    /// `D`, ascending.
    pub shock: Vec<usize>,
    /// `B`, ascending (empty when no attack follows the worst shock).
    pub coalition: Vec<usize>,
    /// `A`, ascending.
    pub services: Vec<usize>,
    /// `σ_D + σ_B`, wei.
    pub loss: u128,
}

/// Extra work units per end a combination of two fronts produces (pushing it, sorting it, the
/// staircases): at 24, the whole budget is about 830,000 combined ends, which take about 100 ms
/// natively (measured: 96 ms on the security bench's four components at ψ = 50%, where the
/// budget runs out), the same order as the exact attack search at its limit.
const COMBINED_END_WORK: u64 = 24;

/// A component's ends, each with its shock and coalition (local masks).
type Ends = Front<(u32, u32)>;

/// Validators and services enumerated together (the whole graph, or one component), in local
/// indices, with every subset's stake.
struct Part {
    /// Global validator index per local one.
    validators: Vec<usize>,
    /// Global service index per local one.
    services: Vec<usize>,
    /// Each local service's validators as a local mask.
    masks: Vec<u32>,
    /// `π_s` per local service, wei.
    profit: Vec<u128>,
    /// Stake of every subset of the validators (local masks), wei.
    sums: Vec<u128>,
}

impl Part {
    /// The part of `validators` and `services` (global indices), each service's validators in
    /// local indices; `None` past 31 validators (masks are `u32`) or when `3^n · (|S| + 1)`
    /// added to `work` exceeds [`WORST_CASE_WORK`].
    fn new<'a>(
        g: &Graph,
        validators: Vec<usize>,
        services: Vec<usize>,
        local: impl Iterator<Item = &'a [usize]>,
        work: &mut u64,
    ) -> Option<Part> {
        let n = u32::try_from(validators.len()).ok().filter(|&n| n < 32)?;
        let pairs = 3u64
            .checked_pow(n)?
            .checked_mul(services.len() as u64 + 1)?;
        *work = work.checked_add(pairs).filter(|&w| w <= WORST_CASE_WORK)?;
        // Each subset's stake from the subset without its lowest member.
        let mut sums = vec![0u128; 1usize << n];
        for m in 1..sums.len() {
            sums[m] =
                sums[m & (m - 1)] + g.validators[validators[m.trailing_zeros() as usize]].stake;
        }
        Some(Part {
            masks: local
                .map(|vs| vs.iter().fold(0u32, |m, &v| m | 1 << v))
                .collect(),
            profit: services.iter().map(|&s| g.services[s].profit).collect(),
            validators,
            services,
            sums,
        })
    }

    /// The whole graph as one part.
    fn whole(g: &Graph, work: &mut u64) -> Option<Part> {
        let local = g.services.iter().map(|s| s.validators.as_slice());
        let (nv, ns) = (g.validators.len(), g.services.len());
        Part::new(g, (0..nv).collect(), (0..ns).collect(), local, work)
    }

    /// One connected component.
    fn of(g: &Graph, c: &Component, work: &mut u64) -> Option<Part> {
        let local = c.s_validators.iter().map(Vec::as_slice);
        Part::new(g, c.validators.clone(), c.services.clone(), local, work)
    }

    /// Calls `f(D, B)` for every shock `D` with `σ_D ≤ budget` and every coalition `B` outside
    /// it (local masks), `B` descending from all of the rest to `∅`, until `f` breaks.
    fn each_pair(
        &self,
        budget: u128,
        mut f: impl FnMut(u32, u32) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        for d in 0..=self.full() {
            if self.sums[d as usize] > budget {
                continue;
            }
            let rest = self.full() & !d;
            let mut b = rest;
            loop {
                f(d, b)?;
                if b == 0 {
                    break;
                }
                b = (b - 1) & rest;
            }
        }
        ControlFlow::Continue(())
    }

    /// Every validator set as a mask.
    fn full(&self) -> u32 {
        match self.validators.len() {
            0 => 0,
            n => u32::MAX >> (32 - n),
        }
    }

    /// The local services `B` corrupts on the graph without `D` (Eq. 1:
    /// `σ(B ∩ N(s)) ≥ ⌈α_s · σ(N(s) ∖ D)⌉`).
    fn corrupted<'a>(&'a self, g: &'a Graph, d: u32, b: u32) -> impl Iterator<Item = usize> + 'a {
        self.masks.iter().enumerate().filter_map(move |(s, &mask)| {
            let live = self.sums[(mask & !d) as usize];
            (self.sums[(mask & b) as usize] >= g.services[self.services[s]].threshold.needed(live))
                .then_some(s)
        })
    }

    /// `π_A` of the services `B` corrupts without `D`, wei.
    fn profit(&self, g: &Graph, d: u32, b: u32) -> u128 {
        self.corrupted(g, d, b).map(|s| self.profit[s]).sum()
    }

    /// The global indices of a local mask's validators.
    fn members(&self, mask: u32) -> impl Iterator<Item = usize> + '_ {
        (0..self.validators.len())
            .filter(move |&v| mask >> v & 1 == 1)
            .map(|v| self.validators[v])
    }
}

/// `R_ψ · σ_V` exactly, with the shock and attack attaining it, for shocks of at most `budget`
/// wei; `None` when the work exceeds [`WORST_CASE_WORK`] both ways.
pub(crate) fn worst_case(g: &Graph, budget: u128) -> Option<WorstCase> {
    whole_graph(g, budget).or_else(|| by_component(g, budget))
}

/// Every pair `(D, B)` of the whole graph; `None` when they are too many.
fn whole_graph(g: &Graph, budget: u128) -> Option<WorstCase> {
    let part = Part::whole(g, &mut 0)?;
    let mut best: Option<(u32, u32, u128)> = None;
    let _ = part.each_pair(budget, |d, b| {
        let lost = part.sums[d as usize] + part.sums[b as usize];
        // The shock alone (B = ∅) is always possible; an attack needs π_A > σ_B.
        if best.is_none_or(|(_, _, l)| lost > l)
            && (b == 0 || part.profit(g, d, b) > part.sums[b as usize])
        {
            best = Some((d, b, lost));
        }
        ControlFlow::Continue(())
    });
    let (d, b, loss) = best?;
    Some(WorstCase {
        shock: part.members(d).collect(),
        coalition: part.members(b).collect(),
        services: if b == 0 {
            Vec::new()
        } else {
            part.corrupted(g, d, b).map(|s| part.services[s]).collect()
        },
        loss,
    })
}

/// The components' fronts combined (see the module documentation); `None` when the work
/// exceeds [`WORST_CASE_WORK`].
fn by_component(g: &Graph, budget: u128) -> Option<WorstCase> {
    let comps = components(
        g,
        &vec![true; g.validators.len()],
        &vec![true; g.services.len()],
    );
    let mut work = 0u64;
    let mut parts = Vec::with_capacity(comps.len());
    let mut fronts = Vec::with_capacity(comps.len());
    for c in &comps {
        let part = Part::of(g, c, &mut work)?;
        fronts.push(part_ends(g, &part, budget, &mut work)?);
        parts.push(part);
    }
    // Stage `k` holds the non-dominated ends of components `0..k`, each with the stage-`k − 1`
    // end and the component-`k − 1` end it combines.
    let mut stages: Vec<Front<(usize, usize)>> = Vec::with_capacity(fronts.len() + 1);
    let mut start = Front::new();
    start.push(End::NONE, (0, 0), &mut work);
    stages.push(start);
    for front in &fronts {
        let before = stages.last()?.ends();
        let mut next = Front::new();
        for (i, (a, _)) in before.iter().enumerate() {
            for (j, (b, _)) in front.ends().iter().enumerate() {
                let Some(e) = a.and(*b).filter(|e| e.shocked <= budget) else {
                    continue;
                };
                next.push(e, (i, j), &mut work);
                work = work.saturating_add(COMBINED_END_WORK);
            }
            if work > WORST_CASE_WORK {
                return None;
            }
        }
        next.prune(&mut work);
        stages.push(next);
    }
    if work > WORST_CASE_WORK {
        return None;
    }
    // The first of the largest losses among the ends the whole graph may reach.
    let last = stages.last()?.ends();
    let mut at = None::<usize>;
    for (k, (e, _)) in last.iter().enumerate() {
        if e.possible() && at.is_none_or(|b| e.lost > last[b].0.lost) {
            at = Some(k);
        }
    }
    let (best, _) = last[at?];
    // Back through the stages: each component's shock and coalition.
    let mut picks = vec![(0u32, 0u32); comps.len()];
    let mut k = at?;
    for c in (0..comps.len()).rev() {
        let (i, j) = stages[c + 1].ends()[k].1;
        picks[c] = fronts[c].ends()[j].1;
        k = i;
    }
    let (mut shock, mut coalition, mut services) = (Vec::new(), Vec::new(), Vec::new());
    for (part, &(d, b)) in parts.iter().zip(&picks) {
        shock.extend(part.members(d));
        coalition.extend(part.members(b));
        if !best.quiet {
            services.extend(part.corrupted(g, d, b).map(|s| part.services[s]));
        }
    }
    shock.sort_unstable();
    coalition.sort_unstable();
    services.sort_unstable();
    Some(WorstCase {
        shock,
        coalition,
        services,
        loss: best.lost,
    })
}

/// Every pair `(D_c, B_c)` of disjoint subsets of the part with `σ_D ≤ budget`, as its front;
/// `None` as soon as the work exceeds [`WORST_CASE_WORK`].
fn part_ends(g: &Graph, part: &Part, budget: u128, work: &mut u64) -> Option<Ends> {
    let mut ends = Front::new();
    let enumerated = part.each_pair(budget, |d, b| {
        let (shocked, cost) = (part.sums[d as usize], part.sums[b as usize]);
        let end = End {
            shocked,
            lost: shocked + cost,
            surplus: signed(part.profit(g, d, b)).saturating_sub(signed(cost)),
            quiet: b == 0,
        };
        ends.push(end, (d, b), work);
        if *work > WORST_CASE_WORK {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    if enumerated.is_break() {
        return None;
    }
    ends.prune(work);
    Some(ends)
}

/// Wei as a signed amount (stakes and profits are at most 1e9 ETH each, far below `i128::MAX`).
fn signed(wei: u128) -> i128 {
    i128::try_from(wei).unwrap_or(i128::MAX)
}

#[cfg(test)]
mod tests {
    use super::super::graph::{GraphService, GraphValidator, RestakingGraph, Threshold};
    use super::*;

    /// A sparse graph from a fixed linear congruential sequence: up to 9 validators of 1–100
    /// ETH, up to 6 services (π 0–300 ETH, α among 1/3, 1/2, 2/3, 1), each edge with
    /// probability 3/20, so mostly several components.
    fn sparse(seed: u64) -> RestakingGraph {
        let mut x = seed;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        let (nv, ns) = (1 + next(9) as usize, 1 + next(6) as usize);
        let validators = (0..nv)
            .map(|v| GraphValidator {
                id: format!("v{v}"),
                stake_eth: (1 + next(100)) as f64,
            })
            .collect();
        let services = (0..ns)
            .map(|s| {
                let (n, d) = [(1, 3), (1, 2), (2, 3), (1, 1)][next(4) as usize];
                GraphService {
                    id: format!("s{s}"),
                    profit_eth: next(301) as f64,
                    threshold: Threshold::new(n, d),
                }
            })
            .collect();
        let mut edges = Vec::new();
        for v in 0..nv {
            for s in 0..ns {
                if next(20) < 3 {
                    edges.push((format!("v{v}"), format!("s{s}")));
                }
            }
        }
        RestakingGraph {
            validators,
            services,
            edges,
        }
    }

    /// The two exact ways agree on the loss, and the fronts' witness is a shock within the
    /// budget followed by an attack valid on the rest (or none), losing exactly that.
    #[test]
    fn by_component_agrees_with_the_whole_graph() {
        let mut several = 0;
        for seed in 0..400u64 {
            let g = Graph::from_explicit(&sparse(seed)).unwrap();
            let total: u128 = g.validators.iter().map(|v| v.stake).sum();
            let budget = total * u128::from(seed % 51) / 100;
            let comps = components(
                &g,
                &vec![true; g.validators.len()],
                &vec![true; g.services.len()],
            );
            several += usize::from(comps.len() > 1);
            let whole = whole_graph(&g, budget).unwrap();
            let parts = by_component(&g, budget).unwrap();
            assert_eq!(parts.loss, whole.loss, "seed {seed}");
            let stake = |vs: &[usize]| -> u128 { vs.iter().map(|&v| g.validators[v].stake).sum() };
            assert!(stake(&parts.shock) <= budget, "seed {seed}");
            assert!(
                parts.shock.iter().all(|v| !parts.coalition.contains(v)),
                "seed {seed}"
            );
            assert_eq!(
                stake(&parts.shock) + stake(&parts.coalition),
                parts.loss,
                "seed {seed}"
            );
            if !parts.coalition.is_empty() {
                let profit: u128 = parts.services.iter().map(|&s| g.services[s].profit).sum();
                assert!(profit > stake(&parts.coalition), "seed {seed}");
                for &s in &parts.services {
                    let n = &g.services[s].validators;
                    let live: u128 = n
                        .iter()
                        .filter(|v| !parts.shock.contains(v))
                        .map(|&v| g.validators[v].stake)
                        .sum();
                    let held: u128 = n
                        .iter()
                        .filter(|v| parts.coalition.contains(v))
                        .map(|&v| g.validators[v].stake)
                        .sum();
                    assert!(held >= g.services[s].threshold.needed(live), "seed {seed}");
                }
            }
        }
        assert!(several > 300, "only {several} graphs of several components");
    }
}
