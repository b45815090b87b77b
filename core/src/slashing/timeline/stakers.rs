//! The staker's actions: deposit (with `SlashingLib.update` of the deposit scaling factor),
//! beacon-chain balance drop and checkpoint, queue and complete withdrawal, delegate and
//! undelegate. Each keeps the staker's claim, up to the contracts' rounding, which goes to the
//! `dust` account; only a checkpoint loses value (to the beacon chain).

use super::action::Action;
use super::state::{NATIVE, StakerState, State, Withdrawal};
use crate::Error;
use crate::slashing::conservation::{broken, overflow};
use crate::wad::{self, WAD};

/// An [`Error::Reverted`] at `actions[i]`.
pub(super) fn revert(i: usize, reason: impl Into<String>) -> Error {
    Error::Reverted {
        field: format!("actions[{i}]"),
        reason: reason.into(),
    }
}

/// The staker named at `actions[i].staker`.
pub(super) fn staker_at(state: &State, i: usize, id: &str) -> Result<usize, Error> {
    state.staker(id).ok_or_else(|| Error::UnknownReference {
        field: format!("actions[{i}].action.staker"),
        value: id.to_owned(),
        target: "staker".to_owned(),
    })
}

/// `SlashingLib.update`: the deposit scaling factor after adding `added` shares at slashing
/// factor `sf` to `existing` deposit shares worth `current` withdrawable shares, WAD.
pub(super) fn updated_dsf(existing: u128, current: u128, added: u128, sf: u128) -> Option<u128> {
    if existing == 0 {
        return wad::div_wad(WAD, sf);
    }
    wad::div_wad(wad::div_wad(current + added, existing + added)?, sf)
}

impl State<'_> {
    /// Adds `added` deposit shares of strategy `j` to staker `s` at its current slashing factor.
    pub(super) fn add_shares(
        &mut self,
        i: usize,
        s: usize,
        j: usize,
        added: u128,
    ) -> Result<(), Error> {
        let sf = self
            .slashing_factor(s, j)
            .ok_or_else(|| overflow("timeline"))?;
        if sf == 0 {
            return Err(revert(
                i,
                "the staker's slashing factor is 0 (fully slashed operator or pod): FullySlashed",
            ));
        }
        let current = self
            .withdrawable(s, j)
            .ok_or_else(|| overflow("timeline"))?;
        let st = &mut self.stakers[s];
        st.dsf[j] = updated_dsf(st.shares[j], current, added, sf).ok_or_else(|| overflow("dsf"))?;
        st.shares[j] += added;
        Ok(())
    }

    /// Applies a staker action at `block`; returns a note on what happened.
    pub(super) fn apply_staker(
        &mut self,
        i: usize,
        block: u32,
        a: &Action,
    ) -> Result<String, Error> {
        match a {
            Action::Deposit {
                staker,
                strategy,
                amount_eth,
            } => {
                let amount = positive_wei(i, "amountEth", *amount_eth)?;
                let s = match self.staker(staker) {
                    Some(s) => s,
                    None => self.new_staker(i, staker)?,
                };
                let j = strategy.index();
                let expect = self.claim(s, block)? + amount;
                self.add_shares(i, s, j, amount)?;
                if j == NATIVE {
                    let st = &mut self.stakers[s];
                    st.pod_restaked += amount;
                    st.beacon_balance += amount;
                }
                self.accounts.deposited += amount;
                self.settle(s, block, expect)?;
                Ok(format!("deposit shares +{amount} wei"))
            }
            Action::BeaconBalanceDrop { staker, amount_eth } => {
                let s = staker_at(self, i, staker)?;
                let amount = positive_wei(i, "amountEth", *amount_eth)?;
                let st = &mut self.stakers[s];
                if amount > st.beacon_balance {
                    return Err(Error::OutOfRange {
                        field: format!("actions[{i}].action.amountEth"),
                        value: *amount_eth,
                        expected: format!(
                            "at most the validators' balance, {} ETH",
                            wad::wei_to_eth(st.beacon_balance)
                        ),
                    });
                }
                st.beacon_balance -= amount;
                Ok("not yet seen by the EigenPod".to_owned())
            }
            Action::Checkpoint { staker } => {
                let s = staker_at(self, i, staker)?;
                let before = self.claim(s, block)?;
                let st = &mut self.stakers[s];
                if st.pod_restaked == 0 {
                    return Err(revert(i, "the staker has no validators in its EigenPod"));
                }
                let l = wad::mul_div(
                    st.bcsf,
                    st.beacon_balance,
                    st.pod_restaked,
                    wad::Rounding::Down,
                )
                .ok_or_else(|| overflow("bcsf"))?;
                st.bcsf = l;
                st.pod_restaked = st.beacon_balance;
                let after = self.claim(s, block)?;
                let lost = before.checked_sub(after).ok_or_else(|| {
                    broken(
                        "timeline.monotone",
                        format!("checkpoint {i} raised a claim"),
                    )
                })?;
                self.accounts.beacon += lost;
                Ok(format!("beacon-chain slashing factor {l} WAD"))
            }
            Action::QueueWithdrawal {
                staker,
                strategy,
                deposit_shares_eth,
            } => {
                let s = staker_at(self, i, staker)?;
                let x = positive_wei(i, "depositSharesEth", *deposit_shares_eth)?;
                if x > self.stakers[s].shares[strategy.index()] {
                    return Err(revert(
                        i,
                        "more deposit shares than the staker holds: WithdrawalExceedsMax",
                    ));
                }
                let expect = self.claim(s, block)?;
                self.queue_shares(i, s, strategy.index(), x, block)?;
                self.settle(s, block, expect)?;
                Ok(String::new())
            }
            Action::CompleteWithdrawal {
                staker,
                withdrawal,
                as_shares,
            } => self.complete(i, block, staker, *withdrawal, *as_shares),
            Action::Delegate { staker, operator } => {
                let s = match self.staker(staker) {
                    Some(s) => s,
                    None => self.new_staker(i, staker)?,
                };
                let o = *self.operator_index.get(operator.as_str()).ok_or_else(|| {
                    Error::UnknownReference {
                        field: format!("actions[{i}].action.operator"),
                        value: operator.clone(),
                        target: "operator".to_owned(),
                    }
                })?;
                let st = &self.stakers[s];
                if st.operator.is_some() {
                    return Err(revert(
                        i,
                        "the staker is already delegated: ActivelyDelegated",
                    ));
                }
                if st.shares.iter().any(|&x| x > 0) {
                    return Err(revert(
                        i,
                        "model limit: delegate before depositing (or after undelegating, which queues every share); a delegation of shares already held is not modelled",
                    ));
                }
                self.stakers[s].operator = Some(o);
                Ok(String::new())
            }
            Action::Undelegate { staker } => {
                let s = staker_at(self, i, staker)?;
                if self.stakers[s].operator.is_none() {
                    return Err(revert(
                        i,
                        "the staker is not delegated: NotActivelyDelegated",
                    ));
                }
                let expect = self.claim(s, block)?;
                for j in 0..2 {
                    let x = self.stakers[s].shares[j];
                    if x > 0 {
                        self.queue_shares(i, s, j, x, block)?;
                    }
                }
                self.stakers[s].operator = None;
                self.settle(s, block, expect)?;
                Ok(String::new())
            }
            _ => Err(overflow("timeline.dispatch")),
        }
    }

    fn new_staker(&mut self, i: usize, id: &str) -> Result<usize, Error> {
        crate::validate::id(&format!("actions[{i}].action.staker"), id)?;
        self.stakers.push(StakerState {
            id: id.to_owned(),
            protocol: None,
            operator: None,
            shares: [0; 2],
            dsf: [WAD; 2],
            bcsf: WAD,
            pod_restaked: 0,
            beacon_balance: 0,
            paid_out: 0,
        });
        Ok(self.stakers.len() - 1)
    }

    /// Moves `x` deposit shares of strategy `j` into the queue (`scaled = x·k`).
    fn queue_shares(
        &mut self,
        i: usize,
        s: usize,
        j: usize,
        x: u128,
        block: u32,
    ) -> Result<(), Error> {
        let st = &mut self.stakers[s];
        let scaled = wad::mul_wad(x, st.dsf[j]).ok_or_else(|| overflow("queue"))?;
        st.shares[j] -= x;
        let operator = st.operator;
        self.queue.push(Withdrawal {
            action: i,
            staker: s,
            operator,
            strategy: j,
            start: block,
            scaled,
            done: false,
        });
        Ok(())
    }

    fn complete(
        &mut self,
        i: usize,
        block: u32,
        staker: &str,
        withdrawal: usize,
        as_shares: bool,
    ) -> Result<String, Error> {
        let s = staker_at(self, i, staker)?;
        let ws: Vec<usize> = (0..self.queue.len())
            .filter(|&w| self.queue[w].action == withdrawal && self.queue[w].staker == s)
            .collect();
        if ws.is_empty() {
            return Err(revert(
                i,
                format!(
                    "action {withdrawal} queued no withdrawal of this staker: WithdrawalNotQueued"
                ),
            ));
        }
        let expect = self.claim(s, block)?;
        let mut paid = 0u128;
        for w in ws {
            let until = self.slashable_until(&self.queue[w]);
            if self.queue[w].done {
                return Err(revert(i, "already completed: WithdrawalNotQueued"));
            }
            if u64::from(block) <= until {
                return Err(revert(
                    i,
                    format!(
                        "block {block} is not after slashableUntil = startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS = {until}: WithdrawalDelayNotElapsed"
                    ),
                ));
            }
            let value = self
                .withdrawal_value(&self.queue[w], block)
                .ok_or_else(|| overflow("withdrawal"))?;
            let j = self.queue[w].strategy;
            self.queue[w].done = true;
            if as_shares {
                self.add_shares(i, s, j, value)?;
            } else {
                paid += value;
                let st = &mut self.stakers[s];
                st.paid_out += value;
                if j == NATIVE {
                    st.pod_restaked = st.pod_restaked.saturating_sub(value);
                    st.beacon_balance = st.beacon_balance.saturating_sub(value);
                }
            }
        }
        self.settle(s, block, expect - paid.min(expect))?;
        Ok(if as_shares {
            "credited as shares".to_owned()
        } else {
            format!("{paid} wei paid out")
        })
    }

    /// After a value-keeping action: staker `s`'s claim must be at most `expect` (nothing is
    /// created); the shortfall is the contracts' rounding, added to `dust`.
    fn settle(&mut self, s: usize, block: u32, expect: u128) -> Result<(), Error> {
        let after = self.claim(s, block)?;
        let dust = expect.checked_sub(after).ok_or_else(|| {
            broken(
                "timeline.rounding",
                format!("staker {s}: claim {after} wei above the {expect} wei it had"),
            )
        })?;
        self.accounts.dust += dust;
        Ok(())
    }
}

/// `actions[i].action.<name>` as wei, `0 < x ≤ 1e9 ETH`.
fn positive_wei(i: usize, name: &str, eth: f64) -> Result<u128, Error> {
    let field = format!("actions[{i}].action.{name}");
    let wei = wad::eth_to_wei(&field, eth)?;
    if wei == 0 {
        return Err(Error::OutOfRange {
            field,
            value: eth,
            expected: "more than 0 ETH".to_owned(),
        });
    }
    Ok(wei)
}
