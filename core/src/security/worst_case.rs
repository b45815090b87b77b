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
//! each component's every pair `(D_c, B_c)` (`3^n` of them) is enumerated and reduced to its
//! Pareto front ([`super::front`]), and the fronts are combined one component after another,
//! keeping only the non-dominated combinations within the budget. A component too large to
//! enumerate can still attain the maximum, so the result is exact while the whole work — `Σ_c
//! 3^{n_c} · (|S_c| + 1)` for the enumerations, one unit per end kept or re-read while pruning,
//! and [`COMBINED_END_WORK`] more per end a combination produces — stays within
//! [`WORST_CASE_WORK`]; beyond it the analysis reports the shock-and-cascade loss it ran as a
//! labelled **lower bound**.

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

/// Extra work units per end a combination of two fronts produces: pushing it, sorting it and
/// the staircases take about 24 times one enumeration unit (measured natively: about 68 ns per
/// combined end against about 2.8 ns per unit), so the budget bounds the time either way.
const COMBINED_END_WORK: u64 = 24;

/// A component's ends, each with its shock and coalition (local masks).
type Ends = Front<(u32, u32)>;

/// `R_ψ · σ_V` exactly, with the shock and attack attaining it, for shocks of at most `budget`
/// wei; `None` when the work exceeds [`WORST_CASE_WORK`].
pub(crate) fn worst_case(g: &Graph, budget: u128) -> Option<WorstCase> {
    let comps = components(
        g,
        &vec![true; g.validators.len()],
        &vec![true; g.services.len()],
    );
    let mut work = 0u64;
    let mut fronts = Vec::with_capacity(comps.len());
    for c in &comps {
        fronts.push(component_ends(g, c, budget, &mut work)?);
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
    for (c, &(d, b)) in comps.iter().zip(&picks) {
        shock.extend(members(d, c));
        coalition.extend(members(b, c));
        if !best.quiet {
            services.extend(corrupted(g, c, d, b).into_iter().map(|s| c.services[s]));
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

/// Every pair `(D_c, B_c)` of disjoint subsets of the component with `σ_D ≤ budget`, as its
/// front; `None` when the component is too large or the work exceeds [`WORST_CASE_WORK`].
fn component_ends(g: &Graph, c: &Component, budget: u128, work: &mut u64) -> Option<Ends> {
    let n = u32::try_from(c.validators.len()).ok().filter(|&n| n < 32)?;
    let pairs = 3u64
        .checked_pow(n)?
        .checked_mul(c.services.len() as u64 + 1)?;
    *work = work.checked_add(pairs).filter(|&w| w <= WORST_CASE_WORK)?;
    let (sums, masks) = (subset_sums(c), service_masks(c));
    let full = if n == 0 { 0 } else { u32::MAX >> (32 - n) };
    let mut ends = Front::new();
    for d in 0..=full {
        let shocked = sums[d as usize];
        if shocked > budget {
            continue;
        }
        let rest = full & !d;
        let mut b = rest;
        loop {
            let profit: u128 = corrupted_with(g, c, &sums, &masks, d, b)
                .map(|s| c.profit[s])
                .sum();
            let cost = sums[b as usize];
            let end = End {
                shocked,
                lost: shocked + cost,
                surplus: signed(profit).saturating_sub(signed(cost)),
                quiet: b == 0,
            };
            ends.push(end, (d, b), work);
            if b == 0 {
                break;
            }
            b = (b - 1) & rest;
        }
    }
    ends.prune(work);
    Some(ends)
}

/// Wei as a signed amount (stakes and profits are at most 1e9 ETH each, far below `i128::MAX`).
fn signed(wei: u128) -> i128 {
    i128::try_from(wei).unwrap_or(i128::MAX)
}

/// Stake of every subset of the component's validators (local masks), wei, each built from
/// the subset without its lowest member.
fn subset_sums(c: &Component) -> Vec<u128> {
    let mut sums = vec![0u128; 1usize << c.validators.len()];
    for m in 1..sums.len() {
        let low = m.trailing_zeros() as usize;
        sums[m] = sums[m & (m - 1)] + c.stake[low];
    }
    sums
}

/// Each local service's validators as a local mask.
fn service_masks(c: &Component) -> Vec<u32> {
    c.s_validators
        .iter()
        .map(|vs| vs.iter().fold(0u32, |m, &v| m | 1 << v))
        .collect()
}

/// The component's services (local) that `B` corrupts on the graph without `D` (Eq. 1:
/// `σ(B ∩ N(s)) ≥ ⌈α_s · σ(N(s) ∖ D)⌉`), from [`subset_sums`] and [`service_masks`].
fn corrupted_with<'a>(
    g: &'a Graph,
    c: &'a Component,
    sums: &'a [u128],
    masks: &'a [u32],
    d: u32,
    b: u32,
) -> impl Iterator<Item = usize> + 'a {
    masks.iter().enumerate().filter_map(move |(s, &mask)| {
        let live = sums[(mask & !d) as usize];
        (sums[(mask & b) as usize] >= g.services[c.services[s]].threshold.needed(live)).then_some(s)
    })
}

/// [`corrupted_with`] for one pair, collected.
fn corrupted(g: &Graph, c: &Component, d: u32, b: u32) -> Vec<usize> {
    let (sums, masks) = (subset_sums(c), service_masks(c));
    corrupted_with(g, c, &sums, &masks, d, b).collect()
}

/// The global indices of a local mask's validators.
fn members(mask: u32, c: &Component) -> Vec<usize> {
    (0..c.validators.len())
        .filter(|&v| mask >> v & 1 == 1)
        .map(|v| c.validators[v])
        .collect()
}
