//! The operator and AVS rows of the report.

use super::{Context, select, shares};
use crate::Error;
use crate::slashing::engine::{OperatorState, Pools};
use crate::slashing::report::{AllocationReport, AvsReport, OperatorReport, StrategyReport};
use crate::slashing::staker::Strategy;
use crate::wad::{Amount, Fraction, WAD};

impl Context<'_> {
    /// One row per operator, in network order; `slashable` is `[before, after][operator][set]`,
    /// wei.
    pub(super) fn operators(
        &self,
        slashable: &[Vec<Vec<u128>>; 2],
    ) -> Result<Vec<OperatorReport>, Error> {
        let (network, engine) = (self.network, self.engine);
        let mut operators = Vec::with_capacity(network.operators.len());
        for (o, op) in network.operators.iter().enumerate() {
            let st = &engine.operators[o];
            let v_before: u128 = st
                .stakers
                .iter()
                .map(|&s| engine.stakers[s].initial_value)
                .sum();
            let v_after: u128 = st.stakers.iter().map(|&s| self.finals[s]).sum();
            let (max_before, max_after, ns_before, ns_after) = match &st.pools {
                Pools::Unique {
                    ledger,
                    initial_ledger,
                    ..
                } => (
                    Some(Fraction::from_wad(initial_ledger.max_magnitude())),
                    Some(Fraction::from_wad(ledger.max_magnitude())),
                    Some(Fraction::from_wad(initial_ledger.non_slashable())),
                    Some(Fraction::from_wad(ledger.non_slashable())),
                ),
                Pools::Shared { .. } => (None, None, None, None),
            };
            let mine = select(&self.sums.op_owner, |(oo, owner)| {
                (oo == o).then_some(owner)
            });
            operators.push(OperatorReport {
                id: op.id.clone(),
                name: op.name.clone(),
                before: Amount::from_wei(v_before),
                after: Amount::from_wei(v_after),
                // Each staker's final value ≤ initial (checked in the attribution).
                slashed: Amount::from_wei(v_before - v_after),
                slashed_by_beacon_chain: Amount::from_wei(
                    self.sums.op_beacon.get(&o).copied().unwrap_or(0),
                ),
                max_magnitude_before: max_before,
                max_magnitude_after: max_after,
                non_slashable_before: ns_before,
                non_slashable_after: ns_after,
                strategies: self.strategies(st)?,
                allocations: self.allocations(o, st, slashable),
                by_protocol: shares(&mine, |w| self.owner_id(w)),
            });
        }
        Ok(operators)
    }

    /// The operator's stakers' claims per strategy, before and after, and its pools.
    fn strategies(&self, st: &OperatorState) -> Result<Vec<StrategyReport>, Error> {
        let engine = self.engine;
        let mut strategies = Vec::with_capacity(Strategy::ALL.len());
        for strategy in Strategy::ALL {
            let j = strategy.index();
            let (mut before, mut after) = (0u128, 0u128);
            for &s in &st.stakers {
                let staker = &engine.stakers[s];
                before += engine.strategy_value(staker, j, WAD, st.initial_state)?;
                after += engine.strategy_value(
                    staker,
                    j,
                    staker.pod.beacon_chain_slashing_factor,
                    st.state(),
                )?;
            }
            let (shares_before, shares_after, vault_after) = match &st.pools {
                Pools::Unique {
                    operator_shares,
                    initial_operator_shares,
                    ..
                } => (
                    Some(Amount::from_wei(initial_operator_shares[j])),
                    Some(Amount::from_wei(operator_shares[j])),
                    None,
                ),
                Pools::Shared { vaults, .. } => {
                    (None, None, Some(Amount::from_wei(vaults[j].pool())))
                }
            };
            strategies.push(StrategyReport {
                strategy,
                before: Amount::from_wei(before),
                after: Amount::from_wei(after),
                operator_shares_before: shares_before,
                operator_shares_after: shares_after,
                vault_after,
            });
        }
        Ok(strategies)
    }

    /// Operator `o`'s AVS registrations, in network order.
    fn allocations(
        &self,
        o: usize,
        st: &OperatorState,
        slashable: &[Vec<Vec<u128>>; 2],
    ) -> Vec<AllocationReport> {
        self.registry.sets[o]
            .iter()
            .enumerate()
            .map(|(set, &(v, _))| {
                let (mb, ma, shb, sha, limit) = match &st.pools {
                    Pools::Unique {
                        ledger,
                        initial_ledger,
                        ..
                    } => (
                        Some(Fraction::from_wad(initial_ledger.allocation(set))),
                        Some(Fraction::from_wad(ledger.allocation(set))),
                        Some(Fraction::from_wad(initial_ledger.slashable_share(set))),
                        Some(Fraction::from_wad(ledger.slashable_share(set))),
                        None,
                    ),
                    Pools::Shared { limits, .. } => (
                        None,
                        None,
                        None,
                        None,
                        Some(Fraction::from_wad(limits[set])),
                    ),
                };
                AllocationReport {
                    avs: self.network.avss[v].id.clone(),
                    magnitude_before: mb,
                    magnitude_after: ma,
                    share_of_stake_before: shb,
                    share_of_stake_after: sha,
                    network_limit: limit,
                    slashable_before: Amount::from_wei(slashable[0][o][set]),
                    slashable_after: Amount::from_wei(slashable[1][o][set]),
                    slashed: Amount::from_wei(self.sums.op_avs.get(&(o, v)).copied().unwrap_or(0)),
                }
            })
            .collect()
    }

    /// One row per AVS, in network order; `secured` is Σ over its operators of what a 100% slash
    /// would take (`slashable`, wei).
    pub(super) fn avss(&self, slashable: &[Vec<Vec<u128>>; 2]) -> Vec<AvsReport> {
        let network = self.network;
        network
            .avss
            .iter()
            .enumerate()
            .map(|(v, avs)| {
                let members = &self.registry.members[v];
                let secured = |t: usize| -> u128 {
                    members.iter().map(|&(o, set)| slashable[t][o][set]).sum()
                };
                let by_op = select(&self.sums.op_avs, |(o, vv)| (vv == v).then_some(o));
                let by_owner = select(&self.sums.avs_owner, |(vv, w)| (vv == v).then_some(w));
                AvsReport {
                    id: avs.id.clone(),
                    name: avs.name.clone(),
                    secured_before: Amount::from_wei(secured(0)),
                    secured_after: Amount::from_wei(secured(1)),
                    slashed: Amount::from_wei(by_op.values().sum()),
                    by_operator: shares(&by_op, |o| network.operators[o].id.clone()),
                    by_protocol: shares(&by_owner, |w| self.owner_id(w)),
                }
            })
            .collect()
    }
}
