//! The EigenLayer allocation ledger of one operator and one strategy, as the `AllocationManager`
//! keeps it (ELIP-002; `docs/core/AllocationManager.md`, Layr-Labs/eigenlayer-contracts f84a515,
//! 2026-05-01):
//!
//! - magnitudes are WAD (`1e18` = 100% of the operator's delegated stake in the strategy);
//! - `maxMagnitude` starts at 1 WAD and only decreases, on slashing;
//! - each operator set holds a current magnitude; `encumbered = Σ allocations ≤ maxMagnitude`;
//!   the rest, `maxMagnitude − encumbered`, is not slashable;
//! - the slashable stake of set `s` is `operatorShares · a_s / maxMagnitude`.
//!
//! A slash of `wadToSlash = w` on set `s` (`AllocationManager.slashOperator`):
//! ```text
//! slashedMag = ⌈a_s · w / 1e18⌉                      (mulWadRoundUp: against the operator)
//! a_s -= slashedMag ; maxMagnitude -= slashedMag ; encumbered -= slashedMag
//! wadSlashed = slashedMag · 1e18 / maxMagnitude_before  (share of all delegated stake lost)
//! ```
//! Other sets keep their absolute magnitudes; their share of the (smaller) total goes up.
//! Pending allocations and deallocations (`pendingDiff`, `effectBlock`) are not modelled: the
//! scenario describes settled allocations.

use crate::Error;
use crate::wad::{self, Rounding, WAD};

/// One operator's magnitudes in one strategy: `maxMagnitude` and the current magnitude of each
/// operator set it is registered for (indexed as the caller registered them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MagnitudeLedger {
    max_magnitude: u128,
    allocations: Vec<u128>,
}

/// What one slash did to the ledger. All magnitudes in WAD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MagnitudeSlash {
    /// `maxMagnitude` before the slash, WAD.
    pub prev_max_magnitude: u128,
    /// `maxMagnitude` after the slash, WAD.
    pub new_max_magnitude: u128,
    /// The set's magnitude before the slash, WAD.
    pub prev_allocation: u128,
    /// Magnitude removed, `⌈a_s · w⌉`, WAD.
    pub slashed_magnitude: u128,
    /// Share of the operator's whole delegated stake lost, `slashedMag / maxMagnitude_before`
    /// (floor), WAD — the value the contract emits.
    pub wad_slashed: u128,
}

impl MagnitudeLedger {
    /// A fresh ledger (`maxMagnitude` = 1 WAD) with the given per-set magnitudes in WAD.
    /// Errors with [`Error::SumTooLarge`] on `field` when the magnitudes sum to more than 1 WAD
    /// (encumbered > max).
    pub fn new(field: &str, allocations: Vec<u128>) -> Result<MagnitudeLedger, Error> {
        let ledger = MagnitudeLedger {
            max_magnitude: WAD,
            allocations,
        };
        match ledger.encumbered() {
            Some(e) if e <= WAD => Ok(ledger),
            e => Err(Error::SumTooLarge {
                field: field.to_owned(),
                value: e.map_or(f64::MAX, wad::wad_to_f64),
                limit: 1.0,
            }),
        }
    }

    /// `maxMagnitude`, WAD.
    pub fn max_magnitude(&self) -> u128 {
        self.max_magnitude
    }

    /// Number of operator sets in the ledger.
    pub fn set_count(&self) -> usize {
        self.allocations.len()
    }

    /// Current magnitude of set `set`, WAD (0 for an unknown index).
    pub fn allocation(&self, set: usize) -> u128 {
        self.allocations.get(set).copied().unwrap_or(0)
    }

    /// `encumberedMagnitude = Σ allocations`, WAD (`None` only if the sum overflowed, which
    /// [`MagnitudeLedger::new`] rules out).
    pub fn encumbered(&self) -> Option<u128> {
        self.allocations
            .iter()
            .try_fold(0u128, |sum, &a| sum.checked_add(a))
    }

    /// `maxMagnitude − encumbered`: the magnitude no operator set can slash, WAD.
    pub fn non_slashable(&self) -> u128 {
        // encumbered ≤ max holds at construction and every slash removes the same amount from
        // both, so the subtraction cannot underflow; saturate rather than trust it blindly.
        self.max_magnitude
            .saturating_sub(self.encumbered().unwrap_or(self.max_magnitude))
    }

    /// The share of the operator's delegated stake that set `set` can slash,
    /// `a_s / maxMagnitude`, WAD (floor; 0 once `maxMagnitude` is 0).
    pub fn slashable_share(&self, set: usize) -> u128 {
        wad::div_wad(self.allocation(set), self.max_magnitude).unwrap_or(0)
    }

    /// Applies `AllocationManager.slashOperator` for one strategy: removes `⌈a_s·w⌉` from set
    /// `set`, from `maxMagnitude` and from the encumbered magnitude. `w` is in WAD, `0 < w ≤ 1e18`
    /// (checked by the caller). Returns `None` — and changes nothing — when the set has zero
    /// magnitude, which the contract skips.
    pub fn slash(&mut self, set: usize, wad_to_slash: u128) -> Option<MagnitudeSlash> {
        let prev_allocation = self.allocation(set);
        if prev_allocation == 0 {
            return None;
        }
        // w ≤ 1 WAD, so ⌈a·w⌉ ≤ a: no overflow, and slashed ≤ a ≤ max.
        let slashed = wad::mul_wad_round_up(prev_allocation, wad_to_slash.min(WAD))?;
        let prev_max = self.max_magnitude;
        let wad_slashed = wad::div_wad(slashed, prev_max)?;
        self.allocations[set] = prev_allocation - slashed;
        self.max_magnitude = prev_max - slashed;
        Some(MagnitudeSlash {
            prev_max_magnitude: prev_max,
            new_max_magnitude: self.max_magnitude,
            prev_allocation,
            slashed_magnitude: slashed,
            wad_slashed,
        })
    }
}

/// Operator shares removed by a slash, `op − ⌈op · newMax / prevMax⌉`
/// (`SlashingLib.calcSlashedAmount`: the ceiling keeps the operator from being over-slashed).
/// `None` when `prev_max` is 0.
pub fn operator_shares_slashed(
    operator_shares: u128,
    prev_max: u128,
    new_max: u128,
) -> Option<u128> {
    let kept = wad::mul_div(operator_shares, new_max, prev_max, Rounding::Up)?;
    Some(operator_shares.saturating_sub(kept))
}

/// Scaled shares in the withdrawal queue burned by a slash, `q · (prevMax − newMax) / 1e18`
/// (`SlashingLib.scaleForBurning`).
pub fn queued_shares_slashed(scaled_shares: u128, prev_max: u128, new_max: u128) -> Option<u128> {
    wad::mul_wad(scaled_shares, prev_max.saturating_sub(new_max))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Magnitudes in basis points of 10,000 as WAD: 2000 → 0.2e18.
    fn bp(x: u128) -> u128 {
        x * WAD / 10_000
    }

    #[test]
    fn elip_002_worked_example() {
        // ELIP-002: allocations 2000/2500/2000/3500 of 10000; a 50% slash of the first set
        // leaves 1000/2500/2000/3500 of 9000.
        let mut l =
            MagnitudeLedger::new("m", vec![bp(2000), bp(2500), bp(2000), bp(3500)]).unwrap();
        assert_eq!(l.encumbered(), Some(WAD));
        let s = l.slash(0, WAD / 2).unwrap();
        assert_eq!(s.slashed_magnitude, bp(1000));
        assert_eq!(s.wad_slashed, WAD / 10); // 1000/10000 of the whole stake
        assert_eq!(l.max_magnitude(), bp(9000));
        let now: Vec<u128> = (0..4).map(|i| l.allocation(i)).collect();
        assert_eq!(now, [bp(1000), bp(2500), bp(2000), bp(3500)]);
        // The other sets' share of the stake went up: 2500/9000 = 0.2777…
        assert_eq!(l.slashable_share(1), 277_777_777_777_777_777);
        assert_eq!(l.non_slashable(), 0);
    }

    #[test]
    fn magnitude_allocation_flow_leaves_a_non_slashable_remainder() {
        // ELIP-002 §"Magnitude Allocation Flow": 30/25/20% allocated → 25% not slashable.
        let l = MagnitudeLedger::new("m", vec![bp(3000), bp(2500), bp(2000)]).unwrap();
        assert_eq!(l.non_slashable(), bp(2500));
        let e = MagnitudeLedger::new(
            "allocations[operator=a].magnitude",
            vec![bp(6000), bp(4001)],
        );
        assert_eq!(e.unwrap_err().field(), "allocations[operator=a].magnitude");
    }

    #[test]
    fn slashed_magnitude_rounds_against_the_operator() {
        // a = 3 (WAD units), w = 50%: 1.5 rounds up to 2.
        let mut l = MagnitudeLedger::new("m", vec![3]).unwrap();
        let s = l.slash(0, WAD / 2).unwrap();
        assert_eq!(s.slashed_magnitude, 2);
        assert_eq!(l.allocation(0), 1);
        assert_eq!(l.max_magnitude(), WAD - 2);
        // Zero magnitude: skipped, nothing changes.
        let mut z = MagnitudeLedger::new("m", vec![0, bp(100)]).unwrap();
        assert_eq!(z.slash(0, WAD), None);
        assert_eq!(z.max_magnitude(), WAD);
    }

    #[test]
    fn repeated_slashes_compound_on_the_remaining_allocation() {
        // 10% then 20% of a 100% allocation: 1 − 0.9·0.8 = 28% gone.
        let mut l = MagnitudeLedger::new("m", vec![WAD]).unwrap();
        l.slash(0, WAD / 10).unwrap();
        l.slash(0, WAD / 5).unwrap();
        assert_eq!(l.max_magnitude(), 72 * WAD / 100);
    }

    #[test]
    fn operator_and_queue_shares() {
        // 10,000 shares, max 1 → 0.9: kept ⌈10,000·0.9⌉ = 9,000, slashed 1,000.
        assert_eq!(
            operator_shares_slashed(10_000, WAD, 9 * WAD / 10),
            Some(1_000)
        );
        // 3 shares, max 1 → 0.5: kept ⌈1.5⌉ = 2, slashed 1 (the ceiling favours the operator).
        assert_eq!(operator_shares_slashed(3, WAD, WAD / 2), Some(1));
        // 4,000 scaled shares in the queue, max 0.9 → 0.6: 4,000·0.3 = 1,200 burned.
        assert_eq!(
            queued_shares_slashed(4_000, 9 * WAD / 10, 6 * WAD / 10),
            Some(1_200)
        );
    }
}
