//! Cascades (Durvasula & Roughgarden, "Robust Restaking Networks", arXiv:2407.21785, §3): a
//! shock slashes a set `D` of validators; on what is
//! left an attack may become valid, its coalition is slashed, and so on. Each step here is the
//! most profitable valid attack on the graph left by the steps before
//! (`attack.rs`); a service, once corrupted, has yielded its profit and
//! takes no further part — the reading under which Theorem 1's merged-attack argument holds, so
//! on a graph with γ-slack the total loss stays below `(1 + 1/γ) · ψ`.
//!
//! Every step corrupts at least one service, so a cascade has at most `|S|` steps.

use super::attack::{Found, SearchMode, Searched, search};
use super::graph::Graph;
use crate::Error;
use crate::wad::{self, Rounding, WAD};

/// One step of a cascade with whether its search was exact.
pub(crate) struct Step {
    pub attack: Found,
    pub exact: bool,
}

/// A cascade run.
pub(crate) struct Run {
    /// The shocked validators `D`, ascending.
    pub shocked: Vec<usize>,
    pub steps: Vec<Step>,
    /// True when the search after the last step (the one that found nothing) was exact, so the
    /// cascade provably ends there.
    pub ended_exactly: bool,
}

/// The shock `D`: the validators named in `ids` (a validator id, or an operator id for all of
/// its validators), or else the smallest validators, one by one in ascending stake (ties by
/// order), while `σ_D ≤ ψ · σ_V` — many small failures, Theorem 2's kind of shock.
pub(crate) fn shock(g: &Graph, psi_wad: u128, ids: Option<&[String]>) -> Result<Vec<usize>, Error> {
    if let Some(ids) = ids {
        let mut out = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let hits: Vec<usize> = (0..g.validators.len())
                .filter(|&v| g.validators[v].id == *id || g.validators[v].operator == *id)
                .collect();
            if hits.is_empty() && !g.dropped.contains(id) {
                return Err(Error::UnknownReference {
                    field: format!("analysis.shocked[{i}]"),
                    value: id.clone(),
                    target: "validator or operator".to_owned(),
                });
            }
            out.extend(hits);
        }
        out.sort_unstable();
        out.dedup();
        return Ok(out);
    }
    // ψ ≤ 1 WAD and σ_V ≤ 1024 · 1e27 wei: the product fits the 256-bit intermediate.
    let budget = wad::mul_div(g.total_stake(), psi_wad, WAD, Rounding::Down).unwrap_or(0);
    let mut order: Vec<usize> = (0..g.validators.len()).collect();
    order.sort_by(|&x, &y| {
        g.validators[x]
            .stake
            .cmp(&g.validators[y].stake)
            .then(x.cmp(&y))
    });
    let mut used = 0u128;
    let mut out = Vec::new();
    for v in order {
        let s = g.validators[v].stake;
        if used + s > budget {
            break;
        }
        used += s;
        out.push(v);
    }
    out.sort_unstable();
    Ok(out)
}

/// Runs the cascade after removing `shocked`. `unshocked` is the search of the whole graph,
/// reused as the first search when the shock is empty.
pub(crate) fn cascade(
    g: &Graph,
    shocked: Vec<usize>,
    mode: SearchMode,
    unshocked: &Searched,
) -> Result<Run, Error> {
    let mut live_v = vec![true; g.validators.len()];
    for &v in &shocked {
        live_v[v] = false;
    }
    let mut live_s = vec![true; g.services.len()];
    let mut steps = Vec::new();
    // Each step corrupts ≥ 1 live service (π_A > σ_B ≥ 0 needs A ≠ ∅): at most |S| steps.
    for step in 0..=g.services.len() {
        let found = if step == 0 && shocked.is_empty() {
            unshocked.clone()
        } else {
            search(g, &live_v, &live_s, mode)?
        };
        match found.attack {
            None => {
                return Ok(Run {
                    shocked,
                    steps,
                    ended_exactly: found.exact,
                });
            }
            Some(a) => {
                for &v in &a.validators {
                    live_v[v] = false;
                }
                for &s in &a.services {
                    live_s[s] = false;
                }
                steps.push(Step {
                    attack: a,
                    exact: found.exact,
                });
            }
        }
    }
    Err(Error::Invariant {
        field: "security.cascade".to_owned(),
        message: "a cascade outlived its bound of one step per service".to_owned(),
    })
}
