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
//! computed exactly by enumerating every pair (`3^n` of them) while that work, `3^n · (|S| + 1)`,
//! is at most [`WORST_CASE_WORK`] (12 validators with up to 37 services); beyond it the analysis
//! reports the shock-and-cascade loss it ran as a labelled **lower bound**.

use super::graph::Graph;

/// Most `3^n · (|S| + 1)` units the exact worst case may take.
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

/// `3^n · (|S| + 1)`, saturating.
fn work(g: &Graph) -> u64 {
    let n = u32::try_from(g.validators.len()).unwrap_or(u32::MAX);
    3u64.checked_pow(n)
        .and_then(|x| x.checked_mul(g.services.len() as u64 + 1))
        .unwrap_or(u64::MAX)
}

fn members(mask: u32, n: usize) -> Vec<usize> {
    (0..n).filter(|&v| mask >> v & 1 == 1).collect()
}

/// `R_ψ · σ_V` exactly, with the shock and attack attaining it, for shocks of at most `budget`
/// wei; `None` when the work exceeds [`WORST_CASE_WORK`].
pub(crate) fn worst_case(g: &Graph, budget: u128) -> Option<WorstCase> {
    let n = g.validators.len();
    if work(g) > WORST_CASE_WORK || n >= 32 {
        return None;
    }
    let full: u32 = if n == 0 { 0 } else { u32::MAX >> (32 - n) };
    // Stake of every subset, built from the subset without its lowest member.
    let mut sums = vec![0u128; 1usize << n];
    for m in 1..sums.len() {
        let low = m.trailing_zeros() as usize;
        sums[m] = sums[m & (m - 1)] + g.validators[low].stake;
    }
    let service_mask: Vec<u32> = g
        .services
        .iter()
        .map(|s| s.validators.iter().fold(0u32, |m, &v| m | 1 << v))
        .collect();
    let mut best = WorstCase {
        shock: Vec::new(),
        coalition: Vec::new(),
        services: Vec::new(),
        loss: 0,
    };
    let mut found = false;
    for d in 0..=full {
        let shock = sums[d as usize];
        if shock > budget {
            continue;
        }
        let rest = full & !d;
        let mut b = rest;
        loop {
            let loss = shock + sums[b as usize];
            if !found || loss > best.loss {
                let mut profit = 0u128;
                for (s, &mask) in service_mask.iter().enumerate() {
                    let live = sums[(mask & !d) as usize];
                    if sums[(mask & b) as usize] >= g.services[s].threshold.needed(live) {
                        profit += g.services[s].profit;
                    }
                }
                // The shock alone (B = ∅) is always a loss; an attack needs π_A > σ_B.
                if b == 0 || profit > sums[b as usize] {
                    found = true;
                    best = WorstCase {
                        shock: members(d, n),
                        coalition: members(b, n),
                        services: if profit > sums[b as usize] {
                            (0..g.services.len())
                                .filter(|&s| {
                                    let live = sums[(service_mask[s] & !d) as usize];
                                    sums[(service_mask[s] & b) as usize]
                                        >= g.services[s].threshold.needed(live)
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                        loss,
                    };
                }
            }
            if b == 0 {
                break;
            }
            b = (b - 1) & rest;
        }
    }
    Some(best)
}
