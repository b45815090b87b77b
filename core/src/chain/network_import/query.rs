//! The calls of each round: what each asks, of which contract, and what its answer is for.

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;

use super::ImportPhase;
use super::abi::{
    IAllocationManager, IDelegationManager, IKelpDepositPool, IKelpNodeDelegator,
    IRenzoOperatorDelegator, IRenzoRestakeManager, IStrategy, IYieldNestNode,
    IYieldNestNodesManager,
};
use super::limits::{MAX_IMPORT_OPERATORS, MAX_STAKERS_PER_LRT};
use super::machine::{NetworkImporter, OperatorState, Staker};
use super::request::Source;

/// What a call's answer is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Query {
    /// Strategy `s`'s `sharesToUnderlyingView(1e18)`.
    Rate(usize),
    /// LRT `l`'s Renzo `getOperatorDelegatorsLength()`.
    RenzoCount(usize),
    /// LRT `l`'s Kelp `getNodeDelegatorQueue()`.
    KelpQueue(usize),
    /// LRT `l`'s YieldNest `getAllNodes()`.
    YieldNestNodes(usize),
    /// LRT `l`'s Renzo `operatorDelegators(i)`.
    RenzoEntry(usize, usize),
    /// Staker `k`'s operator as its LRT records it.
    LrtOperator(usize),
    /// Staker `k`'s `delegatedTo`.
    DelegatedTo(usize),
    /// Staker `k`'s `getWithdrawableShares`.
    Withdrawable(usize),
    /// Staker `k`'s `getQueuedWithdrawals`.
    Queued(usize),
    /// Operator `o`'s `getAllocatedSets`.
    AllocatedSets(usize),
    /// Operator `o`'s `getMaxMagnitudes`.
    MaxMagnitudes(usize),
    /// Operator `o`'s `getOperatorShares`.
    OperatorShares(usize),
    /// Operator `o`'s `getAllocation` for its set `set` and strategy `strategy`.
    Allocation {
        /// Operator index.
        op: usize,
        /// Set index in the operator's list.
        set: usize,
        /// Strategy index.
        strategy: usize,
    },
}

/// One contract call of a round.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Call {
    pub target: Address,
    pub function: &'static str,
    pub data: Vec<u8>,
    pub query: Query,
}

fn call<C: SolCall>(target: Address, c: C, query: Query) -> Call {
    Call {
        target,
        function: C::SIGNATURE,
        data: c.abi_encode(),
        query,
    }
}

impl NetworkImporter {
    /// The stakers a request lists itself (`StakerSource::Stakers`), known before any round.
    pub(super) fn add_listed_stakers(&mut self) {
        let listed: Vec<(usize, Address)> = self
            .req
            .lrts
            .iter()
            .enumerate()
            .filter_map(|(l, lrt)| match &lrt.source {
                Source::Stakers(addresses) => Some(addresses.iter().map(move |a| (l, *a))),
                _ => None,
            })
            .flatten()
            .collect();
        for (l, a) in listed {
            self.add_staker(l, a);
        }
    }

    /// Adds staker `address` to LRT `l` unless it is listed there already.
    pub(super) fn add_staker(&mut self, l: usize, address: Address) {
        if !self
            .stakers
            .iter()
            .any(|s| s.lrt == l && s.address == address)
        {
            self.stakers.push(Staker {
                lrt: l,
                address,
                ..Staker::default()
            });
        }
    }

    /// The calls of `phase`.
    pub(super) fn plan(&mut self, phase: ImportPhase) -> Vec<Call> {
        match phase {
            ImportPhase::Lists => self.plan_lists(),
            ImportPhase::Entries => self.plan_entries(),
            ImportPhase::Stakers => self.plan_stakers(),
            ImportPhase::Operators => self.plan_operators(),
            ImportPhase::Allocations => self.plan_allocations(),
            ImportPhase::Head | ImportPhase::Done => Vec::new(),
        }
    }

    fn plan_lists(&self) -> Vec<Call> {
        let one = U256::from(10u64).pow(U256::from(18u64));
        let mut out: Vec<Call> = self.req.strategies[1..]
            .iter()
            .enumerate()
            .map(|(i, s)| {
                call(
                    *s,
                    IStrategy::sharesToUnderlyingViewCall { amountShares: one },
                    Query::Rate(i + 1),
                )
            })
            .collect();
        for (l, lrt) in self.req.lrts.iter().enumerate() {
            out.extend(match &lrt.source {
                Source::Renzo(m) => Some(call(
                    *m,
                    IRenzoRestakeManager::getOperatorDelegatorsLengthCall {},
                    Query::RenzoCount(l),
                )),
                Source::Kelp(p) => Some(call(
                    *p,
                    IKelpDepositPool::getNodeDelegatorQueueCall {},
                    Query::KelpQueue(l),
                )),
                Source::YieldNest(m) => Some(call(
                    *m,
                    IYieldNestNodesManager::getAllNodesCall {},
                    Query::YieldNestNodes(l),
                )),
                Source::Stakers(_) => None,
            });
        }
        out
    }

    fn plan_entries(&self) -> Vec<Call> {
        let mut out = Vec::new();
        for &(l, n) in &self.renzo_counts {
            if let Source::Renzo(m) = &self.req.lrts[l].source {
                out.extend((0..n.min(MAX_STAKERS_PER_LRT)).map(|i| {
                    call(
                        *m,
                        IRenzoRestakeManager::operatorDelegatorsCall {
                            index: U256::from(i),
                        },
                        Query::RenzoEntry(l, i),
                    )
                }));
            }
        }
        out
    }

    fn plan_stakers(&self) -> Vec<Call> {
        let dm = self.req.delegation_manager;
        let strategies = self.req.strategies.clone();
        let mut out = Vec::new();
        for (k, s) in self.stakers.iter().enumerate() {
            let own = match &self.req.lrts[s.lrt].source {
                Source::Renzo(_) => Some(call(
                    s.address,
                    IRenzoOperatorDelegator::delegateAddressCall {},
                    Query::LrtOperator(k),
                )),
                Source::Kelp(_) => Some(call(
                    s.address,
                    IKelpNodeDelegator::elOperatorDelegatedToCall {},
                    Query::LrtOperator(k),
                )),
                Source::YieldNest(_) => Some(call(
                    s.address,
                    IYieldNestNode::delegatedToCall {},
                    Query::LrtOperator(k),
                )),
                Source::Stakers(_) => None,
            };
            out.extend(own);
            out.push(call(
                dm,
                IDelegationManager::delegatedToCall { staker: s.address },
                Query::DelegatedTo(k),
            ));
            out.push(call(
                dm,
                IDelegationManager::getWithdrawableSharesCall {
                    staker: s.address,
                    strategies: strategies.clone(),
                },
                Query::Withdrawable(k),
            ));
            out.push(call(
                dm,
                IDelegationManager::getQueuedWithdrawalsCall { staker: s.address },
                Query::Queued(k),
            ));
        }
        out
    }

    /// The operators in order of first appearance (LRTs in request order, each LRT's stakers in
    /// its list's order; each staker's operator, then those of its queued withdrawals), at most
    /// [`MAX_IMPORT_OPERATORS`]; the LRTs with stake beyond the cap are labelled partial.
    fn collect_operators(&mut self) {
        let mut seen: Vec<Address> = Vec::new();
        let mut dropped: Vec<(usize, Address)> = Vec::new();
        let n = self.req.lrts.len();
        let in_order = (0..n).flat_map(|l| self.stakers.iter().filter(move |s| s.lrt == l));
        for s in in_order {
            let queued = s.queued.iter().map(|(op, _)| *op);
            for op in s.operator.into_iter().chain(queued) {
                if op.is_zero() || seen.contains(&op) {
                    continue;
                }
                if seen.len() < MAX_IMPORT_OPERATORS {
                    seen.push(op);
                } else if !dropped.contains(&(s.lrt, op)) {
                    dropped.push((s.lrt, op));
                }
            }
        }
        for l in 0..self.req.lrts.len() {
            let n = dropped.iter().filter(|(d, _)| *d == l).count();
            if n > 0 {
                self.lrt_issues[l].push(super::Issue::Truncated {
                    field: "operators".to_owned(),
                    found: (MAX_IMPORT_OPERATORS + n) as u64,
                    kept: MAX_IMPORT_OPERATORS as u64,
                });
            }
        }
        self.operators = seen
            .into_iter()
            .map(|address| OperatorState {
                address,
                ..OperatorState::default()
            })
            .collect();
    }

    fn plan_operators(&mut self) -> Vec<Call> {
        self.collect_operators();
        let (am, dm) = (self.req.allocation_manager, self.req.delegation_manager);
        let strategies = self.req.strategies.clone();
        let mut out = Vec::new();
        for (o, op) in self.operators.iter().enumerate() {
            let operator = op.address;
            out.push(call(
                am,
                IAllocationManager::getAllocatedSetsCall { operator },
                Query::AllocatedSets(o),
            ));
            out.push(call(
                am,
                IAllocationManager::getMaxMagnitudesCall {
                    operator,
                    strategies: strategies.clone(),
                },
                Query::MaxMagnitudes(o),
            ));
            out.push(call(
                dm,
                IDelegationManager::getOperatorSharesCall {
                    operator,
                    strategies: strategies.clone(),
                },
                Query::OperatorShares(o),
            ));
        }
        out
    }

    fn plan_allocations(&self) -> Vec<Call> {
        let am = self.req.allocation_manager;
        let mut out = Vec::new();
        for (o, op) in self.operators.iter().enumerate() {
            // No magnitudes, nothing to divide by: its allocations are not read.
            let Some(max) = &op.max else { continue };
            let held = self.held_with(op.address);
            for (set, &(avs, id)) in op.sets.iter().enumerate() {
                for (strategy, value) in held.iter().enumerate() {
                    if value.is_zero() || max[strategy] == 0 {
                        continue;
                    }
                    out.push(call(
                        am,
                        IAllocationManager::getAllocationCall {
                            operator: op.address,
                            operatorSet: IAllocationManager::OperatorSet { avs, id },
                            strategy: self.req.strategies[strategy],
                        },
                        Query::Allocation {
                            op: o,
                            set,
                            strategy,
                        },
                    ));
                }
            }
        }
        out
    }

    /// What the imported LRTs hold with `operator` per strategy, in wei of the underlying:
    /// their stakers' withdrawable shares delegated to it plus their queued withdrawals from it,
    /// each valued at its strategy's rate (0 where the rate is unknown).
    pub(super) fn held_with(&self, operator: Address) -> Vec<U256> {
        let mut held = vec![U256::ZERO; self.req.strategies.len()];
        for s in &self.stakers {
            if s.operator == Some(operator)
                && let Some(shares) = &s.shares
            {
                for (i, x) in shares.iter().enumerate() {
                    held[i] = held[i].saturating_add(self.value(i, *x));
                }
            }
            for (op, amounts) in &s.queued {
                if *op == operator {
                    for &(i, x) in amounts {
                        held[i] = held[i].saturating_add(self.value(i, x));
                    }
                }
            }
        }
        held
    }

    /// `shares` of strategy `i` in wei of its underlying: shares × rate / 1e18 (0 when the rate
    /// is unknown).
    pub(super) fn value(&self, i: usize, shares: U256) -> U256 {
        let one = U256::from(10u64).pow(U256::from(18u64));
        match self.rates.get(i).copied().flatten() {
            Some(rate) => shares.saturating_mul(rate) / one,
            None => U256::ZERO,
        }
    }
}

impl Query {
    /// What the call is for, as an issue names it (`renzo.operatorDelegators(3)`).
    pub(super) fn field(&self, m: &NetworkImporter) -> String {
        let lrt = |l: usize| m.req.lrts[l].profile.id.clone();
        let staker = |k: usize| {
            let s = &m.stakers[k];
            format!("{}.staker {}", lrt(s.lrt), s.address.to_checksum(None))
        };
        let op = |o: usize| format!("operator {}", m.operators[o].address.to_checksum(None));
        match *self {
            Query::Rate(s) => format!("strategy {}", m.req.strategies[s].to_checksum(None)),
            Query::RenzoCount(l) => format!("{}.operatorDelegatorsLength", lrt(l)),
            Query::KelpQueue(l) => format!("{}.nodeDelegatorQueue", lrt(l)),
            Query::YieldNestNodes(l) => format!("{}.allNodes", lrt(l)),
            Query::RenzoEntry(l, i) => format!("{}.operatorDelegators({i})", lrt(l)),
            Query::LrtOperator(k) => format!("{}.ownOperator", staker(k)),
            Query::DelegatedTo(k) => format!("{}.delegatedTo", staker(k)),
            Query::Withdrawable(k) => format!("{}.withdrawableShares", staker(k)),
            Query::Queued(k) => format!("{}.queuedWithdrawals", staker(k)),
            Query::AllocatedSets(o) => format!("{}.allocatedSets", op(o)),
            Query::MaxMagnitudes(o) => format!("{}.maxMagnitudes", op(o)),
            Query::OperatorShares(o) => format!("{}.operatorShares", op(o)),
            Query::Allocation {
                op: o,
                set,
                strategy,
            } => {
                let (avs, id) = m.operators[o].sets[set];
                format!(
                    "{}.allocation(set {} #{id}, strategy {})",
                    op(o),
                    avs.to_checksum(None),
                    m.req.strategies[strategy].to_checksum(None)
                )
            }
        }
    }
}
