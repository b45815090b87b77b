//! The priority attribution of a run's losses: the beacon chain first (measured as if no AVS had
//! slashed), then each AVS step (measured at the final beacon factor), as in
//! `docs/core/accounting/DualSlashingEdgeCase.md` of
//! <https://github.com/Layr-Labs/eigenlayer-contracts>; each staker's shares are checked to sum
//! to its loss.

use super::{Engine, Pools};
use crate::Error;
use crate::slashing::conservation::{self, broken};
use crate::wad::WAD;

impl Engine {
    /// Priority attribution: `(step, staker, amount)` for every non-zero share of a loss.
    pub(in crate::slashing) fn attribute(&self) -> Result<Vec<(usize, usize, u128)>, Error> {
        let mut out = Vec::new();
        for (s, st) in self.stakers.iter().enumerate() {
            let op = &self.operators[st.operator];
            let s0 = op.initial_state;
            let lf = st.pod.beacon_chain_slashing_factor;
            let mut sum = 0u128;
            let mut prev_l = WAD;
            for &(step, l) in &st.l_history {
                let a = self
                    .value(s, prev_l, s0)?
                    .checked_sub(self.value(s, l, s0)?)
                    .ok_or_else(|| broken("attribution", "beacon factor rose".to_owned()))?;
                out.push((step, s, a));
                sum += a;
                prev_l = l;
            }
            let mut prev = s0;
            let mut by_avss = 0u128;
            for &(step, state) in &op.history {
                let a = self
                    .value(s, lf, prev)?
                    .checked_sub(self.value(s, lf, state)?)
                    .ok_or_else(|| broken("attribution", "pool state rose".to_owned()))?;
                out.push((step, s, a));
                by_avss += a;
                prev = state;
            }
            sum += by_avss;
            // Unique stake: AVSs together can take at most what a 100% slash of every allocation
            // would, i.e. the value at maxMagnitude − encumbered.
            if let Pools::Unique { initial_ledger, .. } = &op.pools {
                let floor = s0.map(|m| m.saturating_sub(initial_ledger.encumbered().unwrap_or(m)));
                let bound = self
                    .value(s, lf, s0)?
                    .checked_sub(self.value(s, lf, floor)?)
                    .ok_or_else(|| {
                        broken("uniqueStake", "value rose with less magnitude".to_owned())
                    })?;
                conservation::check_allocation_bound(s, by_avss, bound)?;
            }
            let lost = st
                .initial_value
                .checked_sub(self.current_value(s)?)
                .ok_or_else(|| broken("monotone", format!("staker {s} gained value")))?;
            conservation::check_staker(s, sum, lost)?;
        }
        Ok(out)
    }

    /// Unique stake: [`conservation::check_unique_stake`] on every operator's ledger.
    pub(in crate::slashing) fn check_unique_stake(&self) -> Result<(), Error> {
        self.operators
            .iter()
            .enumerate()
            .try_for_each(|(o, op)| match &op.pools {
                Pools::Unique {
                    ledger,
                    initial_ledger,
                    ..
                } => conservation::check_unique_stake(o, initial_ledger, ledger),
                Pools::Shared { .. } => Ok(()),
            })
    }
}
