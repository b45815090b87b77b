//! Each answer read into the import's state, checked against what the contract can return:
//! `alloy-sol-types`' strict decoding (short data, dirty padding: an unexpected shape), list
//! lengths matching the strategies asked for, shares at most [`MAX_SHARES_WEI`], magnitudes at
//! most 1 WAD. A failed call becomes an [`Issue::Failed`] of the LRTs it concerns.

use alloy_primitives::{Address, U256};

use super::Issue;
use super::abi::{
    IAllocationManager, IDelegationManager, IKelpDepositPool, IRenzoOperatorDelegator,
    IRenzoRestakeManager, IStrategy, IYieldNestNodesManager,
};
use super::limits::{
    MAX_QUEUED_PER_STAKER, MAX_SETS_PER_OPERATOR, MAX_SHARES_WEI, MAX_STAKERS_PER_LRT,
};
use super::machine::{AllocationRead, NetworkImporter};
use super::query::{Call, Query};
use crate::chain::Failure;
use crate::chain::decode::decoded;

/// One WAD, the AllocationManager's full magnitude (1e18).
const WAD: u64 = 1_000_000_000_000_000_000;

fn shape(detail: String) -> Failure {
    Failure::UnexpectedShape { detail }
}

/// `x ≤ MAX_SHARES_WEI`.
fn bounded(what: &str, x: &U256) -> Result<(), Failure> {
    if *x > U256::from(MAX_SHARES_WEI) {
        return Err(shape(format!(
            "{what} = {x} exceeds {MAX_SHARES_WEI} (1e9 ETH), the network's amount limit"
        )));
    }
    Ok(())
}

/// A list of `n` per-strategy values when `want` were asked for.
fn per_strategy(what: &str, n: usize, want: usize) -> Result<(), Failure> {
    if n != want {
        return Err(shape(format!(
            "{what} has {n} entries for {want} strategies"
        )));
    }
    Ok(())
}

impl NetworkImporter {
    /// Reads one call's outcome; a failure is filed as an issue of the LRTs it concerns.
    pub(super) fn absorb(&mut self, call: &Call, outcome: Result<&[u8], Failure>) {
        if let Err(reason) = outcome.and_then(|data| self.read(call.query, data)) {
            let issue = Issue::Failed {
                field: call.query.field(self),
                address: call.target.to_checksum(None),
                function: call.function.to_owned(),
                reason,
            };
            self.file(call.query, issue);
        }
    }

    /// Files `issue` with what `q` concerns: its LRT, its staker's LRT, its operator (given to
    /// the LRTs with stake there when the network is built) or its strategy (likewise).
    pub(super) fn file(&mut self, q: Query, issue: Issue) {
        match q {
            Query::Rate(s) => self.rate_issues.push((s, issue)),
            Query::RenzoCount(l)
            | Query::KelpQueue(l)
            | Query::YieldNestNodes(l)
            | Query::RenzoEntry(l, _) => self.lrt_issues[l].push(issue),
            Query::LrtOperator(k)
            | Query::DelegatedTo(k)
            | Query::Withdrawable(k)
            | Query::Queued(k) => {
                let l = self.stakers[k].lrt;
                self.lrt_issues[l].push(issue);
            }
            Query::AllocatedSets(o)
            | Query::MaxMagnitudes(o)
            | Query::OperatorShares(o)
            | Query::Allocation { op: o, .. } => self.operators[o].issues.push(issue),
        }
    }

    fn read(&mut self, q: Query, data: &[u8]) -> Result<(), Failure> {
        let n = self.req.strategies.len();
        match q {
            Query::Rate(s) => {
                let r = decoded::<IStrategy::sharesToUnderlyingViewCall>(data)?;
                if r.is_zero() || r > U256::from(100u64) * U256::from(WAD) {
                    return Err(shape(format!(
                        "sharesToUnderlyingView(1e18) = {r} is outside (0, 1e20]"
                    )));
                }
                self.rates[s] = Some(r);
            }
            Query::RenzoCount(l) => {
                let count = decoded::<IRenzoRestakeManager::getOperatorDelegatorsLengthCall>(data)?;
                let found = u64::try_from(count).unwrap_or(u64::MAX);
                let kept = self.capped(l, "operatorDelegators", found);
                self.renzo_counts.push((l, kept));
            }
            Query::KelpQueue(l) => {
                let list = decoded::<IKelpDepositPool::getNodeDelegatorQueueCall>(data)?;
                self.add_list(l, "nodeDelegatorQueue", list);
            }
            Query::YieldNestNodes(l) => {
                let list = decoded::<IYieldNestNodesManager::getAllNodesCall>(data)?;
                self.add_list(l, "allNodes", list);
            }
            Query::RenzoEntry(l, i) => {
                let a = decoded::<IRenzoRestakeManager::operatorDelegatorsCall>(data)?;
                if a.is_zero() {
                    return Err(shape(format!(
                        "operatorDelegators({i}) is the zero address"
                    )));
                }
                self.add_staker(l, a);
            }
            Query::LrtOperator(k) => {
                // delegateAddress(), elOperatorDelegatedTo() and delegatedTo() each return one
                // address: one decoder reads them all.
                let a = decoded::<IRenzoOperatorDelegator::delegateAddressCall>(data)?;
                self.stakers[k].lrt_operator = Some(a);
            }
            Query::DelegatedTo(k) => {
                let op = decoded::<IDelegationManager::delegatedToCall>(data)?;
                self.stakers[k].operator = Some(op);
                self.cross_check(k, op);
            }
            Query::Withdrawable(k) => {
                let r = decoded::<IDelegationManager::getWithdrawableSharesCall>(data)?;
                per_strategy("withdrawableShares", r.withdrawableShares.len(), n)?;
                per_strategy("depositShares", r.depositShares.len(), n)?;
                for x in &r.withdrawableShares {
                    bounded("withdrawable shares", x)?;
                }
                self.stakers[k].shares = Some(r.withdrawableShares);
            }
            Query::Queued(k) => self.read_queued(k, data)?,
            Query::AllocatedSets(o) => {
                let sets = decoded::<IAllocationManager::getAllocatedSetsCall>(data)?;
                let mut list: Vec<(Address, u32)> = Vec::new();
                for s in sets {
                    if !list.contains(&(s.avs, s.id)) {
                        list.push((s.avs, s.id));
                    }
                }
                if list.len() > MAX_SETS_PER_OPERATOR {
                    let field = format!(
                        "operator {}.operatorSets",
                        self.operators[o].address.to_checksum(None)
                    );
                    self.operators[o].issues.push(Issue::Truncated {
                        field,
                        found: list.len() as u64,
                        kept: MAX_SETS_PER_OPERATOR as u64,
                    });
                    list.truncate(MAX_SETS_PER_OPERATOR);
                }
                self.operators[o].sets = list;
            }
            Query::MaxMagnitudes(o) => {
                let m = decoded::<IAllocationManager::getMaxMagnitudesCall>(data)?;
                per_strategy("maxMagnitudes", m.len(), n)?;
                if let Some(x) = m.iter().find(|&&x| x > WAD) {
                    return Err(shape(format!("max magnitude {x} exceeds 1e18 (one WAD)")));
                }
                self.operators[o].max = Some(m);
            }
            Query::OperatorShares(o) => {
                let shares = decoded::<IDelegationManager::getOperatorSharesCall>(data)?;
                per_strategy("operatorShares", shares.len(), n)?;
                for x in &shares {
                    bounded("operator shares", x)?;
                }
                self.operators[o].total_shares = Some(shares);
            }
            Query::Allocation { op, set, strategy } => {
                let a = decoded::<IAllocationManager::getAllocationCall>(data)?;
                let max = self.operators[op].max.as_ref().map_or(0, |m| m[strategy]);
                if a.currentMagnitude > max {
                    return Err(shape(format!(
                        "currentMagnitude {} exceeds the operator's maxMagnitude {max}",
                        a.currentMagnitude
                    )));
                }
                if a.pendingDiff.unsigned_abs() > u128::from(WAD) {
                    return Err(shape(format!(
                        "pendingDiff {} exceeds one WAD in size",
                        a.pendingDiff
                    )));
                }
                self.operators[op].allocations.push(AllocationRead {
                    set,
                    strategy,
                    current: a.currentMagnitude,
                    pending: a.pendingDiff,
                    effect_block: a.effectBlock,
                });
            }
        }
        Ok(())
    }

    /// `found` entries of LRT `l`'s list `what`, capped at [`MAX_STAKERS_PER_LRT`] (beyond: an
    /// [`Issue::Truncated`]); how many are read.
    fn capped(&mut self, l: usize, what: &str, found: u64) -> usize {
        let cap = MAX_STAKERS_PER_LRT as u64;
        if found > cap {
            let field = format!("{}.{what}", self.req.lrts[l].profile.id);
            self.lrt_issues[l].push(Issue::Truncated {
                field,
                found,
                kept: cap,
            });
        }
        found.min(cap) as usize
    }

    /// LRT `l`'s staker list `what`: the first [`MAX_STAKERS_PER_LRT`], zero addresses skipped
    /// (and said), repeats read once.
    fn add_list(&mut self, l: usize, what: &str, list: Vec<Address>) {
        let kept = self.capped(l, what, list.len() as u64);
        for (i, a) in list.into_iter().take(kept).enumerate() {
            if a.is_zero() {
                let field = format!("{}.{what}[{i}]", self.req.lrts[l].profile.id);
                self.lrt_issues[l].push(Issue::Skipped {
                    field,
                    detail: "the zero address is not a staker".to_owned(),
                });
            } else {
                self.add_staker(l, a);
            }
        }
    }

    /// The LRT's own record of staker `k`'s operator against the DelegationManager's `op`.
    fn cross_check(&mut self, k: usize, op: Address) {
        let s = &self.stakers[k];
        if let Some(own) = s.lrt_operator
            && own != op
        {
            let issue = Issue::Mismatch {
                field: super::query::Query::LrtOperator(k).field(self),
                detail: format!(
                    "the LRT's contract names {}, DelegationManager.delegatedTo gives {}",
                    own.to_checksum(None),
                    op.to_checksum(None)
                ),
            };
            let l = s.lrt;
            self.lrt_issues[l].push(issue);
        }
    }

    /// Staker `k`'s queued withdrawals: those queued while delegated (the others are not
    /// slashable), grouped by the operator at queue time, shares per known strategy.
    fn read_queued(&mut self, k: usize, data: &[u8]) -> Result<(), Failure> {
        let r = decoded::<IDelegationManager::getQueuedWithdrawalsCall>(data)?;
        if r.withdrawals.len() != r.shares.len() {
            return Err(shape(format!(
                "{} withdrawals with {} share lists",
                r.withdrawals.len(),
                r.shares.len()
            )));
        }
        let l = self.stakers[k].lrt;
        let here = Query::Queued(k).field(self);
        if r.withdrawals.len() > MAX_QUEUED_PER_STAKER {
            self.lrt_issues[l].push(Issue::Truncated {
                field: here.clone(),
                found: r.withdrawals.len() as u64,
                kept: MAX_QUEUED_PER_STAKER as u64,
            });
        }
        let mut queued = Vec::new();
        let mut skipped = Vec::new();
        for (w, shares) in r
            .withdrawals
            .iter()
            .zip(&r.shares)
            .take(MAX_QUEUED_PER_STAKER)
        {
            per_strategy(
                "a queued withdrawal's shares",
                shares.len(),
                w.strategies.len(),
            )?;
            if w.delegatedTo.is_zero() {
                continue;
            }
            let mut amounts = Vec::new();
            for (strategy, x) in w.strategies.iter().zip(shares) {
                bounded("queued shares", x)?;
                match self.req.strategies.iter().position(|s| s == strategy) {
                    Some(i) => amounts.push((i, *x)),
                    None if x.is_zero() => {}
                    None => skipped.push(Issue::Skipped {
                        field: here.clone(),
                        detail: format!(
                            "{x} shares of strategy {}, which the request does not value",
                            strategy.to_checksum(None)
                        ),
                    }),
                }
            }
            queued.push((w.delegatedTo, amounts));
        }
        self.stakers[k].queued = queued;
        self.lrt_issues[l].extend(skipped);
        Ok(())
    }
}
