//! The imported [`Network`] from what the rounds read (formulas in the module documentation of
//! [`super`]), with each figure's live basis, the pending allocation changes and the labelled
//! assumptions; every issue of an operator or a strategy given to the LRTs with stake there.

use alloy_primitives::{Address, U256, hex};

use super::machine::NetworkImporter;
use super::{FigureBasis, ImportPhase, Issue, NetworkImport, PendingChange};
use crate::Error;
use crate::chain::LiveBasis;
use crate::network::demo::{DemoNote, assumption};
use crate::network::{Allocation, Avs, Delegation, Network, Operator, Restaking};

/// The network id of the operator at `a`: `op-0x` + its 40 lowercase hex digits.
pub(super) fn operator_id(a: Address) -> String {
    format!("op-0x{}", hex::encode(a))
}

/// The network id of operator set `id` of the AVS at `avs`: `set-0x<40 hex digits>-<id>`.
pub(super) fn set_id(avs: Address, id: u32) -> String {
    format!("set-0x{}-{id}", hex::encode(avs))
}

fn eth(wei: U256) -> f64 {
    f64::from(wei) / 1e18
}

/// `a / b` as a fraction, 0 when `b` is 0.
fn ratio(a: U256, b: U256) -> f64 {
    if b.is_zero() {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

fn sum(xs: &[U256]) -> U256 {
    xs.iter().fold(U256::ZERO, |a, x| a.saturating_add(*x))
}

/// Tolerance of a sum of magnitudes over 1 (floating-point rounding of exact WAD fractions).
const SUM_TOLERANCE: f64 = 1e-9;

impl NetworkImporter {
    /// The value of `shares` (one per strategy), wei: Σ shares × rate / 1e18.
    fn worth(&self, shares: &[U256]) -> U256 {
        shares
            .iter()
            .enumerate()
            .fold(U256::ZERO, |a, (i, x)| a.saturating_add(self.value(i, *x)))
    }

    /// Whether LRT `l` has stake (active or queued) with `operator`.
    fn has_stake_with(&self, l: usize, operator: Address) -> bool {
        self.stakers.iter().any(|s| {
            s.lrt == l
                && (s.operator == Some(operator) || s.queued.iter().any(|(op, _)| *op == operator))
        })
    }

    /// Whether LRT `l` holds anything in strategy `i`.
    fn holds(&self, l: usize, i: usize) -> bool {
        self.stakers.iter().any(|s| {
            s.lrt == l
                && (s.shares.as_ref().is_some_and(|x| !x[i].is_zero())
                    || s.queued
                        .iter()
                        .any(|(_, a)| a.iter().any(|(j, x)| *j == i && !x.is_zero())))
        })
    }

    /// Gives each operator's and strategy's issues to the LRTs with stake there.
    fn spread_issues(&mut self) {
        for l in 0..self.req.lrts.len() {
            let mut more: Vec<Issue> = Vec::new();
            for (i, issue) in &self.rate_issues {
                if self.holds(l, *i) {
                    more.push(issue.clone());
                }
            }
            for op in &self.operators {
                if self.has_stake_with(l, op.address) {
                    more.extend(op.issues.iter().cloned());
                }
            }
            self.lrt_issues[l].extend(more);
        }
    }

    /// The finished import (the phase is [`ImportPhase::Done`]). Errors: a network the
    /// chain's figures make invalid (an amount over 1e9 ETH), at its field path.
    pub(super) fn assemble(&mut self) -> Result<NetworkImport, Error> {
        let head = self.head.clone().ok_or_else(|| Error::Invariant {
            field: "networkImport.head".to_owned(),
            message: "finished without a head".to_owned(),
        })?;
        let basis = |address: Address, function: &str| LiveBasis {
            chain_id: head.chain_id,
            block_number: head.block_number,
            block_timestamp: head.block_timestamp,
            address: address.to_checksum(None),
            function: function.to_owned(),
        };
        let (dm, am) = (self.req.delegation_manager, self.req.allocation_manager);
        let mut bases: Vec<FigureBasis> = Vec::new();
        let mut at = |path: String, b: LiveBasis| bases.push(FigureBasis { path, basis: b });
        let n_lrts = self.req.lrts.len();
        let n_ops = self.operators.len();
        let index = |a: Address| self.operators.iter().position(|o| o.address == a);

        let mut total = vec![U256::ZERO; n_lrts];
        let mut beacon = vec![U256::ZERO; n_lrts];
        let mut active = vec![vec![U256::ZERO; n_ops]; n_lrts];
        let mut queued = vec![vec![U256::ZERO; n_ops]; n_lrts];
        for s in &self.stakers {
            if let (Some(op), Some(shares)) = (s.operator, &s.shares) {
                let v = self.worth(shares);
                total[s.lrt] = total[s.lrt].saturating_add(v);
                beacon[s.lrt] = beacon[s.lrt].saturating_add(shares[0]);
                if let Some(o) = index(op) {
                    active[s.lrt][o] = active[s.lrt][o].saturating_add(v);
                }
            }
            for (op, amounts) in &s.queued {
                if let Some(o) = index(*op) {
                    let v = amounts
                        .iter()
                        .fold(U256::ZERO, |a, (i, x)| a.saturating_add(self.value(*i, *x)));
                    queued[s.lrt][o] = queued[s.lrt][o].saturating_add(v);
                }
            }
        }

        let mut operators = Vec::new();
        let mut avss: Vec<Avs> = Vec::new();
        let mut allocations = Vec::new();
        let mut pending = Vec::new();
        let mut left_out: Vec<(usize, Issue)> = Vec::new();
        for (o, op) in self.operators.iter().enumerate() {
            let id = operator_id(op.address);
            let (mut other, mut other_beacon) = (U256::ZERO, U256::ZERO);
            if let Some(totals) = &op.total_shares {
                let mut ours = vec![U256::ZERO; totals.len()];
                for s in self
                    .stakers
                    .iter()
                    .filter(|s| s.operator == Some(op.address))
                {
                    for (i, x) in s.shares.iter().flatten().enumerate() {
                        ours[i] = ours[i].saturating_add(*x);
                    }
                }
                let others: Vec<U256> = totals
                    .iter()
                    .zip(&ours)
                    .map(|(t, x)| t.saturating_sub(*x))
                    .collect();
                other = self.worth(&others);
                other_beacon = others[0];
                let f = "getOperatorShares(address,address[])";
                let k = operators.len();
                at(format!("operators[{k}].otherDelegatedEth"), basis(dm, f));
                at(format!("operators[{k}].otherNativeShare"), basis(dm, f));
            }
            operators.push(Operator {
                id: id.clone(),
                name: op.address.to_checksum(None),
                other_delegated_eth: eth(other),
                other_native_share: ratio(other_beacon, other),
            });
            let Some(max) = &op.max else { continue };
            let held = self.held_with(op.address);
            let held_total = sum(&held);
            // Σ_s held_s × current_s / max_s, then ÷ Σ_s held_s (in this order, a magnitude
            // that is the same fraction in every strategy comes out exactly).
            let mut mags = vec![0.0; op.sets.len()];
            for r in &op.allocations {
                let m = max[r.strategy] as f64;
                mags[r.set] += f64::from(held[r.strategy]) * (r.current as f64 / m);
                if r.pending != 0 && u64::from(r.effect_block) > head.block_number {
                    let (avs, sid) = op.sets[r.set];
                    pending.push(PendingChange {
                        operator: id.clone(),
                        avs: set_id(avs, sid),
                        strategy: self.req.strategies[r.strategy].to_checksum(None),
                        current_magnitude: r.current as f64 / m,
                        pending_diff: r.pending as f64 / m,
                        effect_block: u64::from(r.effect_block),
                    });
                }
            }
            for m in &mut mags {
                *m = if held_total.is_zero() {
                    0.0
                } else {
                    *m / f64::from(held_total)
                };
            }
            let total_mag: f64 = mags.iter().sum();
            if total_mag > 1.0 + SUM_TOLERANCE {
                let issue = Issue::Skipped {
                    field: format!("operator {}.allocations", op.address.to_checksum(None)),
                    detail: format!(
                        "magnitudes sum to {total_mag} of the operator's stake, more than all of it: its allocations are left out"
                    ),
                };
                left_out.push((o, issue));
                continue;
            }
            for (set, &m) in mags.iter().enumerate().filter(|(_, m)| **m > 0.0) {
                let (avs, sid) = op.sets[set];
                let avs_id = set_id(avs, sid);
                if !avss.iter().any(|a| a.id == avs_id) {
                    avss.push(Avs {
                        id: avs_id.clone(),
                        name: format!("Operator set {sid} of AVS {}", avs.to_checksum(None)),
                    });
                }
                let k = allocations.len();
                at(
                    format!("allocations[{k}].magnitude"),
                    basis(am, "getAllocation(address,(address,uint32),address)"),
                );
                allocations.push(Allocation {
                    operator: id.clone(),
                    avs: avs_id,
                    magnitude: m,
                    network_limit: None,
                });
            }
        }

        for (o, issue) in left_out {
            self.operators[o].issues.push(issue);
        }
        let mut delegations = Vec::new();
        let mut restaking = Vec::new();
        for (l, lrt) in self.req.lrts.iter().enumerate() {
            let protocol = lrt.profile.id.clone();
            for (o, op) in self.operators.iter().enumerate() {
                if active[l][o].is_zero() && queued[l][o].is_zero() {
                    continue;
                }
                let k = delegations.len();
                at(
                    format!("delegations[{k}].weight"),
                    basis(dm, "getWithdrawableShares(address,address[])"),
                );
                at(
                    format!("delegations[{k}].queuedWithdrawalEth"),
                    basis(dm, "getQueuedWithdrawals(address)"),
                );
                delegations.push(Delegation {
                    protocol: protocol.clone(),
                    operator: operator_id(op.address),
                    weight: ratio(active[l][o], total[l]),
                    queued_withdrawal_eth: eth(queued[l][o]),
                });
            }
            let k = restaking.len();
            for leaf in ["restakedEth", "nativeShare"] {
                at(
                    format!("restaking[{k}].{leaf}"),
                    basis(dm, "getWithdrawableShares(address,address[])"),
                );
            }
            restaking.push(Restaking {
                protocol,
                restaked_eth: eth(total[l]),
                native_share: ratio(beacon[l], total[l]),
                exchange_rate_eth: None,
            });
        }
        let network = Network {
            protocols: self.req.lrts.iter().map(|l| l.profile.clone()).collect(),
            operators,
            avss,
            delegations,
            allocations,
            positions: Vec::new(),
            restaking,
        };
        network.validate()?;
        self.spread_issues();
        self.phase = ImportPhase::Done;
        Ok(NetworkImport {
            head,
            network,
            bases,
            lrts: self.progress(),
            pending,
            assumptions: assumptions(),
            rounds: self.rounds(),
            calls: self.calls_made,
        })
    }
}

/// What the chain does not say, labelled.
fn assumptions() -> Vec<DemoNote> {
    vec![
        assumption(
            "restaking[*].restakedEth",
            "LST strategy shares are valued at the strategy's sharesToUnderlyingView and each underlying token at 1 ETH (beacon-chain ETH shares are wei); an LST's own exchange rate to ETH is not applied.",
        ),
        assumption(
            "avss[*].name",
            "The chain names no AVS: each operator set is named by its AVS address and set id.",
        ),
        assumption(
            "positions",
            "No positions are imported: the network's positions are yours to set.",
        ),
        assumption(
            "faultProbabilities",
            "Fault probabilities and AVS reward rates are not on chain: the Risk, Slashing and Yield pages keep their labelled assumptions; only the network they apply to is read.",
        ),
    ]
}
