//! The Pareto front of the ways a part of a restaking graph may end under a shock and the
//! attack after it, as [`worst_case`](super::worst_case) combines them component by component.
//!
//! An [`End`] is additive over disjoint parts of the graph (stake shocked, stake lost,
//! surplus), and what makes a combination better is monotone in each, so only the ends no other
//! end dominates need be kept: `p` dominates `q` when `d_p ≤ d_q`, `l_p ≥ l_q`, `u_p ≥ u_q` and
//! (`q` quiet ⇒ `p` quiet).

use std::collections::BTreeMap;

/// One way a part of the graph may end: a shock `D` and a coalition `B` outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct End {
    /// `σ_D`, wei.
    pub shocked: u128,
    /// `σ_D + σ_B`, wei.
    pub lost: u128,
    /// `π_A − σ_B`, wei, `A` every service `B` corrupts on the graph without `D` (negative when
    /// the part's attack does not pay for itself).
    pub surplus: i128,
    /// `B = ∅`: nothing but the shock.
    pub quiet: bool,
}

impl End {
    /// Nothing shocked, nothing lost.
    pub const NONE: End = End {
        shocked: 0,
        lost: 0,
        surplus: 0,
        quiet: true,
    };

    /// The end of two disjoint parts together: sums, quiet when both are; `None` on overflow.
    pub fn and(self, other: End) -> Option<End> {
        Some(End {
            shocked: self.shocked.checked_add(other.shocked)?,
            lost: self.lost.checked_add(other.lost)?,
            surplus: self.surplus.checked_add(other.surplus)?,
            quiet: self.quiet && other.quiet,
        })
    }

    /// Whether the whole graph may end so (D&R Eq. 2 on the merged attack): the shock alone,
    /// or an attack with `π_A > σ_B`.
    pub fn possible(self) -> bool {
        self.quiet || self.surplus > 0
    }
}

/// The non-dominated ends, with what each came from (`T`).
pub(crate) struct Front<T> {
    ends: Vec<(End, T)>,
}

/// Ends gathered between two prunings, so a front is built in bounded memory.
const PRUNE_EVERY: usize = 1 << 16;

impl<T> Front<T> {
    /// An empty front.
    pub fn new() -> Front<T> {
        Front { ends: Vec::new() }
    }

    /// Adds an end; `work` counts the ends handled (each added end, and each end a pruning
    /// re-reads).
    pub fn push(&mut self, end: End, from: T, work: &mut u64) {
        self.ends.push((end, from));
        *work = work.saturating_add(1);
        if self.ends.len() >= PRUNE_EVERY && self.ends.len().is_power_of_two() {
            self.prune(work);
        }
    }

    /// Keeps only the non-dominated ends (the first of equal ones), ordered by stake shocked,
    /// then stake lost (descending).
    pub fn prune(&mut self, work: &mut u64) {
        *work = work.saturating_add(self.ends.len() as u64);
        self.ends.sort_by(|(a, _), (b, _)| {
            a.shocked
                .cmp(&b.shocked)
                .then(b.lost.cmp(&a.lost))
                .then(b.surplus.cmp(&a.surplus))
                .then(b.quiet.cmp(&a.quiet))
        });
        // Staircases over the ends kept so far (all shocked at most as much): stake lost →
        // surplus, surplus falling as the stake lost grows. A quiet end is dominated only by
        // a quiet one, any other end by any kept end.
        let (mut quiet, mut all) = (BTreeMap::new(), BTreeMap::new());
        self.ends.retain(|(e, _)| {
            let seen = if e.quiet { &quiet } else { &all };
            if dominated(seen, e) {
                return false;
            }
            if e.quiet {
                insert(&mut quiet, e);
            }
            insert(&mut all, e);
            true
        });
    }

    /// The ends, after [`Front::prune`].
    pub fn ends(&self) -> &[(End, T)] {
        &self.ends
    }
}

/// Whether some kept end loses at least `e.lost` with at least `e.surplus`: the first key at or
/// above `e.lost` has the largest surplus among them.
fn dominated(stair: &BTreeMap<u128, i128>, e: &End) -> bool {
    stair
        .range(e.lost..)
        .next()
        .is_some_and(|(_, &u)| u >= e.surplus)
}

/// Adds a non-dominated `e` and drops the steps it covers (losing no more, with no more surplus).
fn insert(stair: &mut BTreeMap<u128, i128>, e: &End) {
    let covered: Vec<u128> = stair
        .range(..=e.lost)
        .rev()
        .take_while(|&(_, &u)| u <= e.surplus)
        .map(|(&l, _)| l)
        .collect();
    for l in covered {
        stair.remove(&l);
    }
    stair.insert(e.lost, e.surplus);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(shocked: u128, lost: u128, surplus: i128, quiet: bool) -> End {
        End {
            shocked,
            lost,
            surplus,
            quiet,
        }
    }

    fn kept(ends: &[End]) -> Vec<End> {
        let mut f = Front::new();
        let mut work = 0;
        for &e in ends {
            f.push(e, (), &mut work);
        }
        f.prune(&mut work);
        f.ends().iter().map(|(e, _)| *e).collect()
    }

    /// Worked by hand: (5, 9, 1) is dominated by (3, 9, 2); (4, 6, 0, quiet) is not dominated
    /// by (3, 9, 2) which is not quiet, but is by (2, 7, 0, quiet); (6, 12, −4) loses the most
    /// and stays; of two equal ends the first stays.
    #[test]
    fn keeps_exactly_the_non_dominated_ends() {
        let ends = [
            end(5, 9, 1, false),
            end(3, 9, 2, false),
            end(4, 6, 0, true),
            end(2, 7, 0, true),
            end(6, 12, -4, false),
            end(2, 7, 0, true),
            end(0, 0, 0, true),
        ];
        assert_eq!(
            kept(&ends),
            vec![
                end(0, 0, 0, true),
                end(2, 7, 0, true),
                end(3, 9, 2, false),
                end(6, 12, -4, false),
            ]
        );
    }

    /// Against the definition, by every pair, on a grid of small ends.
    #[test]
    fn agrees_with_the_pairwise_definition() {
        let mut ends = Vec::new();
        let mut x: u64 = 7;
        for _ in 0..400 {
            // A fixed linear congruential sequence: the same ends on every run.
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let b = x >> 33;
            ends.push(end(
                u128::from(b % 7),
                u128::from(b / 7 % 9),
                i128::from((b / 63 % 9) as i8) - 4,
                (b / 567).is_multiple_of(2),
            ));
        }
        let dominates = |p: &End, q: &End| {
            p.shocked <= q.shocked
                && p.lost >= q.lost
                && p.surplus >= q.surplus
                && (p.quiet || !q.quiet)
        };
        let mut expected: Vec<End> = Vec::new();
        for (i, q) in ends.iter().enumerate() {
            let beaten = ends
                .iter()
                .enumerate()
                .any(|(j, p)| dominates(p, q) && (p != q || j < i));
            if !beaten {
                expected.push(*q);
            }
        }
        let mut got = kept(&ends);
        let key = |e: &End| (e.shocked, e.lost, e.surplus, e.quiet);
        got.sort_by_key(key);
        expected.sort_by_key(key);
        assert_eq!(got, expected);
    }
}
