//! One operator's magnitudes in one strategy through time, as `AllocationManager` keeps them:
//! each operator set's `currentMagnitude` with a `pendingDiff` and its `effectBlock`, the
//! encumbered magnitude and the `maxMagnitude` history (`docs/core/AllocationManager.md`,
//! `_getUpdatedAllocation`, `modifyAllocations`, `slashOperator`). All magnitudes are WAD.

use crate::wad::{self, WAD};

/// One operator set's allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Allocation {
    /// `currentMagnitude`, WAD: what the set can slash now.
    pub current: u128,
    /// `pendingDiff`, WAD: positive for an allocation, negative for a deallocation, 0 for none.
    pub pending: i128,
    /// `effectBlock` of the pending diff.
    pub effect_block: u32,
}

/// What a slash did to the magnitudes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MagnitudeCut {
    /// `maxMagnitude` before, WAD.
    pub prev_max: u128,
    /// `maxMagnitude` after, WAD.
    pub new_max: u128,
    /// `⌈current·w⌉`, WAD.
    pub slashed: u128,
    /// `⌈|pendingDiff|·w⌉` taken from a pending deallocation, WAD.
    pub slashed_pending: u128,
}

/// One operator, one strategy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ledger {
    /// Per operator set (index as registered).
    pub sets: Vec<Allocation>,
    /// `encumberedMagnitude`, WAD.
    pub encumbered: u128,
    /// `maxMagnitude` history: `(block, value)` in block order, starting at block 0.
    pub max_history: Vec<(u32, u128)>,
}

impl Ledger {
    /// A ledger at block 0 with `max` and each set's magnitude (already scaled by `max`).
    pub fn new(max: u128, sets: Vec<u128>) -> Ledger {
        let encumbered = sets.iter().sum();
        Ledger {
            sets: sets
                .into_iter()
                .map(|current| Allocation {
                    current,
                    ..Allocation::default()
                })
                .collect(),
            encumbered,
            max_history: vec![(0, max)],
        }
    }

    /// The current `maxMagnitude`, WAD.
    pub fn max(&self) -> u128 {
        self.max_history.last().map_or(WAD, |&(_, m)| m)
    }

    /// `maxMagnitude` as of `block` (`getMaxMagnitudesAtBlock`: the last entry at or before it).
    pub fn max_at(&self, block: u32) -> u128 {
        self.max_history
            .iter()
            .rev()
            .find(|&&(b, _)| b <= block)
            .map_or(WAD, |&(_, m)| m)
    }

    /// Applies every pending diff whose `effectBlock ≤ block` (`_getUpdatedAllocation`; a
    /// completed deallocation frees encumbered magnitude, as `clearDeallocationQueue` does).
    pub fn update(&mut self, block: u32) {
        for a in &mut self.sets {
            if a.pending != 0 && a.effect_block <= block {
                let magnitude = a.pending.unsigned_abs();
                if a.pending > 0 {
                    a.current += magnitude;
                } else {
                    a.current -= magnitude.min(a.current);
                    self.encumbered -= magnitude.min(self.encumbered);
                }
                a.pending = 0;
                a.effect_block = 0;
            }
        }
    }

    /// Slashes `w` (WAD, `0 < w ≤ 1e18`) of set `set` at `block`; `None` (nothing changes) when
    /// its current magnitude is 0, which the contract skips.
    pub fn slash(&mut self, set: usize, w: u128, block: u32) -> Option<MagnitudeCut> {
        let prev_max = self.max();
        let a = self.sets.get_mut(set)?;
        if a.current == 0 {
            return None;
        }
        let slashed = wad::mul_wad_round_up(a.current, w)?;
        a.current -= slashed;
        self.encumbered -= slashed.min(self.encumbered);
        let mut slashed_pending = 0;
        if a.pending < 0 {
            slashed_pending = wad::mul_wad_round_up(a.pending.unsigned_abs(), w)?;
            a.pending += i128::try_from(slashed_pending).ok()?;
        }
        let new_max = prev_max - slashed;
        self.max_history.push((block, new_max));
        Some(MagnitudeCut {
            prev_max,
            new_max,
            slashed,
            slashed_pending,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_deallocation_is_slashed_in_full_and_shrinks() {
        // 0.5 allocated, deallocating to 0.2 (pending −0.3); a 10% slash before the effect
        // block takes ⌈0.5·0.1⌉ = 0.05 and ⌈0.3·0.1⌉ = 0.03 of the pending decrease.
        let mut l = Ledger::new(WAD, vec![WAD / 2]);
        l.sets[0].pending = -(3 * WAD as i128 / 10);
        l.sets[0].effect_block = 100;
        let cut = l.slash(0, WAD / 10, 50).unwrap();
        assert_eq!(cut.slashed, WAD / 20);
        assert_eq!(cut.slashed_pending, 3 * WAD / 100);
        assert_eq!(l.sets[0].pending, -(27 * WAD as i128 / 100));
        assert_eq!(l.max(), 95 * WAD / 100);
        l.update(100);
        // 0.45 − 0.27 = 0.18 stays allocated, and encumbered is 0.18.
        assert_eq!(l.sets[0].current, 18 * WAD / 100);
        assert_eq!(l.encumbered, 18 * WAD / 100);
        assert_eq!(l.max_at(49), WAD);
        assert_eq!(l.max_at(50), 95 * WAD / 100);
    }
}
