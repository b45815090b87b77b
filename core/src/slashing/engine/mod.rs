//! The state a slashing run mutates — stakers, their pods, each operator's ledger or vaults —
//! and the values read from it. Applying a step is in `apply`, the priority attribution of the
//! losses in `attribute`; the engine reads the report's [`StepDetail`] type and nothing else of
//! the report, which is built from the engine by `slashing::build`.

use std::collections::BTreeMap;

use super::conservation::{broken, overflow};
use super::events::Registry;
use super::ledger::MagnitudeLedger;
use super::report::StepDetail;
use super::shared_stake::{self, Vault};
use super::staker::{self, Pod, StrategyPosition};
use crate::Error;
use crate::consensus::beacon;
use crate::network::Network;
use crate::network::StakeMode;
use crate::wad::{self, WAD};

mod apply;
mod attribute;

/// Index of the native-ETH strategy (beacon-chain slashable) in `[StrategyPosition; 2]`.
pub(super) const NATIVE: usize = 0;

/// Who owns a staker's claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Owner {
    Protocol(usize),
    Other,
}

/// One EigenLayer staker: a delegation of the network, or an operator's other delegators.
#[derive(Debug, Clone)]
pub(super) struct StakerState {
    pub(super) owner: Owner,
    pub(super) operator: usize,
    /// Indexed by [`Strategy::index`].
    pub(super) positions: [StrategyPosition; 2],
    pub(super) pod: Pod,
    /// `(step, l after the step)` for each beacon-chain step that touched the pod.
    l_history: Vec<(usize, u128)>,
    /// Claim before the sequence (withdrawable + queued, both strategies), wei.
    pub(super) initial_value: u128,
}

/// The AVS-side accounting of one operator, per mode.
#[derive(Debug, Clone)]
pub(super) enum Pools {
    Unique {
        ledger: MagnitudeLedger,
        initial_ledger: MagnitudeLedger,
        operator_shares: [u128; 2],
        initial_operator_shares: [u128; 2],
        queued_scaled: [u128; 2],
    },
    Shared {
        vaults: [Vault; 2],
        limits: Vec<u128>,
    },
}

#[derive(Debug, Clone)]
pub(super) struct OperatorState {
    pub(super) stakers: Vec<usize>,
    pub(super) pools: Pools,
    /// Pool state per strategy before the sequence (unique: `maxMagnitude`; shared: vault pool).
    pub(super) initial_state: [u128; 2],
    /// `(step, state after the step)` for each AVS step that changed the pools.
    history: Vec<(usize, [u128; 2])>,
    /// Effective balance of the operator's validators not yet slashed, gwei.
    validators_left: u128,
}

impl OperatorState {
    pub(super) fn state(&self) -> [u128; 2] {
        match &self.pools {
            Pools::Unique { ledger, .. } => [ledger.max_magnitude(); 2],
            Pools::Shared { vaults, .. } => [vaults[0].pool(), vaults[1].pool()],
        }
    }
}

/// The whole mutable state of a run.
pub(super) struct Engine {
    pub(super) mode: StakeMode,
    pub(super) stakers: Vec<StakerState>,
    pub(super) operators: Vec<OperatorState>,
    /// Per protocol: restaked ETH plus queued withdrawals, wei; `None` without a restaking entry.
    pub(super) backing: Vec<Option<u128>>,
}

/// What applying one step produced, before attribution.
pub(super) struct StepOutcome {
    pub(super) lost: u128,
    pub(super) detail: StepDetail,
}

impl Engine {
    pub(super) fn build(
        network: &Network,
        registry: &Registry,
        mode: StakeMode,
    ) -> Result<Engine, Error> {
        let mut stakers = Vec::new();
        // Backing of each protocol with a restaking entry: restaked ETH plus queued withdrawals.
        let mut backing = network
            .protocols
            .iter()
            .map(|p| {
                network
                    .restaking
                    .iter()
                    .enumerate()
                    .find(|(_, r)| r.protocol == p.id)
                    .map(|(i, r)| {
                        wad::eth_to_wei(&format!("restaking[{i}].restakedEth"), r.restaked_eth)
                    })
                    .transpose()
            })
            .collect::<Result<Vec<_>, _>>()?;
        // Delegations: one staker each.
        let mut weight_sums: BTreeMap<usize, u128> = BTreeMap::new();
        for (i, d) in network.delegations.iter().enumerate() {
            let f = format!("delegations[{i}]");
            let p = network
                .protocols
                .iter()
                .position(|p| p.id == d.protocol)
                .ok_or_else(|| broken("build", format!("{f}.protocol unresolved")))?;
            let (ri, r) = network.restaking_for(&f, &d.protocol)?;
            let rf = format!("restaking[{ri}]");
            let restaked = wad::eth_to_wei(&format!("{rf}.restakedEth"), r.restaked_eth)?;
            let weight = wad::fraction_to_wad(&format!("{f}.weight"), d.weight)?;
            let sum = weight_sums.entry(p).or_insert(0);
            *sum += weight;
            if *sum > WAD {
                return Err(Error::SumTooLarge {
                    field: format!("delegations[protocol={}].weight", d.protocol),
                    value: wad::wad_to_f64(*sum),
                    limit: 1.0,
                });
            }
            let native = wad::fraction_to_wad(&format!("{rf}.nativeShare"), r.native_share)?;
            let active = wad::mul_wad(restaked, weight).ok_or_else(|| overflow("build"))?;
            let queued =
                wad::eth_to_wei(&format!("{f}.queuedWithdrawalEth"), d.queued_withdrawal_eth)?;
            if let Some(b) = &mut backing[p] {
                *b += queued;
            }
            let o = registry.operator(&format!("{f}.operator"), &d.operator)?;
            stakers.push(new_staker(Owner::Protocol(p), o, active, queued, native)?);
        }
        // Other delegators: one staker per operator that has some.
        for (o, op) in network.operators.iter().enumerate() {
            let f = format!("operators[{o}]");
            let amount =
                wad::eth_to_wei(&format!("{f}.otherDelegatedEth"), op.other_delegated_eth)?;
            let native =
                wad::fraction_to_wad(&format!("{f}.otherNativeShare"), op.other_native_share)?;
            if amount > 0 {
                stakers.push(new_staker(Owner::Other, o, amount, 0, native)?);
            }
        }

        let mut operators = Vec::with_capacity(network.operators.len());
        for (o, op) in network.operators.iter().enumerate() {
            let mine: Vec<usize> = (0..stakers.len())
                .filter(|&s| stakers[s].operator == o)
                .collect();
            let mut active = [0u128; 2];
            let mut queued = [0u128; 2];
            let mut pods = 0u128;
            for &s in &mine {
                for j in 0..2 {
                    // k = 1 at the start, so withdrawable = s and the queue pays q.
                    active[j] += stakers[s].positions[j].deposit_shares;
                    queued[j] += stakers[s].positions[j].queued_scaled_shares;
                }
                pods += stakers[s].pod.restaked_balance;
            }
            let sets = &registry.sets[o];
            let pools = match mode {
                StakeMode::UniqueStake => {
                    let mags = sets
                        .iter()
                        .map(|&(_, a)| {
                            wad::fraction_to_wad(
                                &format!("allocations[{a}].magnitude"),
                                network.allocations[a].magnitude,
                            )
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    let ledger = MagnitudeLedger::new(
                        &format!("allocations[operator={}].magnitude", op.id),
                        mags,
                    )?;
                    Pools::Unique {
                        initial_ledger: ledger.clone(),
                        ledger,
                        operator_shares: active,
                        initial_operator_shares: active,
                        queued_scaled: queued,
                    }
                }
                StakeMode::SharedStake => {
                    let limits = sets
                        .iter()
                        .map(|&(_, a)| {
                            wad::fraction_to_wad(
                                &format!("allocations[{a}].networkLimit"),
                                network.allocations[a].network_limit.unwrap_or(1.0),
                            )
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    Pools::Shared {
                        vaults: [
                            Vault::new(active[0], queued[0], sets.len()),
                            Vault::new(active[1], queued[1], sets.len()),
                        ],
                        limits,
                    }
                }
            };
            let mut state = OperatorState {
                stakers: mine,
                pools,
                initial_state: [0; 2],
                history: Vec::new(),
                validators_left: pods / WAD * beacon::EFFECTIVE_BALANCE_INCREMENT,
            };
            state.initial_state = state.state();
            operators.push(state);
        }
        Ok(Engine {
            mode,
            stakers,
            operators,
            backing,
        })
    }

    /// A staker's claim in strategy `j` for beacon factor `l` and pool state `state`, wei.
    pub(super) fn strategy_value(
        &self,
        st: &StakerState,
        j: usize,
        l: u128,
        state: [u128; 2],
    ) -> Result<u128, Error> {
        let pos = &st.positions[j];
        let beacon = (j == NATIVE).then_some(l);
        match &self.operators[st.operator].pools {
            Pools::Unique { .. } => {
                staker::slashing_factor(state[j], beacon).and_then(|sf| pos.value(sf))
            }
            Pools::Shared { vaults, .. } => {
                let base = shared_stake::holder_value(
                    pos.deposit_shares + pos.queued_scaled_shares,
                    state[j],
                    vaults[j].initial_pool(),
                );
                match beacon {
                    Some(l) => wad::mul_wad(base, l),
                    None => Some(base),
                }
            }
        }
        .ok_or_else(|| overflow("value"))
    }

    /// A staker's claim (both strategies) for beacon factor `l` and pool state `state`, wei.
    fn value(&self, staker: usize, l: u128, state: [u128; 2]) -> Result<u128, Error> {
        let st = &self.stakers[staker];
        Ok(self.strategy_value(st, 0, l, state)? + self.strategy_value(st, 1, l, state)?)
    }

    pub(super) fn current_value(&self, staker: usize) -> Result<u128, Error> {
        let st = &self.stakers[staker];
        self.value(
            staker,
            st.pod.beacon_chain_slashing_factor,
            self.operators[st.operator].state(),
        )
    }

    fn operator_value(&self, o: usize) -> Result<u128, Error> {
        self.operators[o]
            .stakers
            .iter()
            .try_fold(0u128, |sum, &s| Ok(sum + self.current_value(s)?))
    }

    /// What a 100% slash by set `set` of operator `o` would take now, wei.
    fn slashable(&self, o: usize, set: usize) -> Result<u128, Error> {
        let op = &self.operators[o];
        let now = op.state();
        let after = match &op.pools {
            Pools::Unique { ledger, .. } => [ledger.max_magnitude() - ledger.allocation(set); 2],
            Pools::Shared { vaults, limits } => {
                let limit = limits.get(set).copied().unwrap_or(0);
                [0, 1].map(|j| vaults[j].pool() - vaults[j].slashable(set, limit))
            }
        };
        op.stakers.iter().try_fold(0u128, |sum, &s| {
            let l = self.stakers[s].pod.beacon_chain_slashing_factor;
            let drop = self
                .value(s, l, now)?
                .checked_sub(self.value(s, l, after)?)
                .ok_or_else(|| broken("slashable", "a slash would raise a claim".to_owned()))?;
            Ok(sum + drop)
        })
    }
}

/// A fresh staker with `active` and `queued` wei, `native` (WAD) of each in EigenPods.
fn new_staker(
    owner: Owner,
    operator: usize,
    active: u128,
    queued: u128,
    native: u128,
) -> Result<StakerState, Error> {
    let active_native = wad::mul_wad(active, native).ok_or_else(|| overflow("build"))?;
    let queued_native = wad::mul_wad(queued, native).ok_or_else(|| overflow("build"))?;
    let position = |a: u128, q: u128| {
        StrategyPosition::first_deposit(a, q, WAD).ok_or_else(|| overflow("build"))
    };
    Ok(StakerState {
        owner,
        operator,
        positions: [
            position(active_native, queued_native)?,
            position(active - active_native, queued - queued_native)?,
        ],
        pod: Pod::new(active_native + queued_native),
        l_history: Vec::new(),
        initial_value: active + queued,
    })
}

/// `[operator][set]` → what a 100% slash would take now, wei.
pub(super) fn slashable_table(
    engine: &Engine,
    registry: &Registry,
) -> Result<Vec<Vec<u128>>, Error> {
    registry
        .sets
        .iter()
        .enumerate()
        .map(|(o, sets)| {
            (0..sets.len())
                .map(|set| engine.slashable(o, set))
                .collect()
        })
        .collect()
}
