//! Sufficient conditions that need no search (Durvasula & Roughgarden, "Robust Restaking
//! Networks", arXiv:2407.21785: the EigenLayer whitepaper condition as they restate it, and
//! their Corollary 2):
//!
//! - **EigenLayer whitepaper condition** ("Claim 1" in D&R): for every validator `v`,
//!   `Σ_{s∈N(v)} (σ_v / σ_{N(s)}) · π_s / α_s ≤ σ_v`, i.e. `T_v ≤ 1` with
//!   `T_v = Σ_{s∈N(v)} π_s / (α_s · σ_{N(s)})` (divide by `σ_v > 0`).
//! - **Corollary 2** of D&R: if `(1 + γ) · T_v ≤ 1` for every `v`, the worst-case loss after a
//!   shock of `ψ` of all stake is `R_ψ < (1 + 1/γ) · ψ` (Theorem 1). The largest such γ is
//!   `γ* = 1 / max_v T_v − 1`, and the bound is `(1 + 1/γ*) · ψ = ψ / (1 − max_v T_v)`.
//!
//! `T_v` is summed exactly ([`Ratio`]); `γ*` and the bound are reported as `f64` but the verdict
//! (`T_max < 1`, `= 1`, `> 1`) is an exact comparison. A service with a profit and no stake at
//! all is open to the empty coalition (`π_s > σ_∅ = 0`) and voids the certificate, though no
//! validator's row shows it.

use std::cmp::Ordering;

use super::graph::Graph;
use super::rational::{Big, Ratio};

/// The certificate's arithmetic on one graph.
pub(crate) struct Certificate {
    /// `T_v` per validator.
    pub load: Vec<Ratio>,
    /// The validator with the largest `T_v` (first on ties) and that value; `None` when every
    /// `T_v` is 0.
    pub max: Option<(usize, Ratio)>,
    /// Services with `π_s > 0` and `σ(N(s)) = 0`.
    pub unstaked: Vec<usize>,
}

/// `π_s / (α_s · σ_{N(s)}) = π_s · den / (num · σ_{N(s)})`; `None` when `σ_{N(s)} = 0`.
fn term(g: &Graph, s: usize) -> Option<Ratio> {
    let svc = &g.services[s];
    let num =
        Big::from_u128(svc.profit).mul(&Big::from_u128(u128::from(svc.threshold.denominator)));
    let den = Big::from_u128(u128::from(svc.threshold.numerator))
        .mul(&Big::from_u128(g.service_stake(s)));
    Ratio::new(num, den)
}

/// Computes every `T_v`, the maximum and the unstaked services.
pub(crate) fn certificate(g: &Graph) -> Certificate {
    let terms: Vec<Option<Ratio>> = (0..g.services.len()).map(|s| term(g, s)).collect();
    let load: Vec<Ratio> = g
        .validators
        .iter()
        .map(|v| {
            v.services
                .iter()
                .filter_map(|&s| terms[s].as_ref())
                .fold(Ratio::zero(), |sum, t| sum.add(t))
        })
        .collect();
    let mut max: Option<(usize, Ratio)> = None;
    for (v, t) in load.iter().enumerate() {
        if t.is_zero() {
            continue;
        }
        if max
            .as_ref()
            .is_none_or(|(_, m)| t.cmp(m) == Ordering::Greater)
        {
            max = Some((v, t.clone()));
        }
    }
    let unstaked = (0..g.services.len())
        .filter(|&s| g.services[s].profit > 0 && terms[s].is_none())
        .collect();
    Certificate {
        load,
        max,
        unstaked,
    }
}
