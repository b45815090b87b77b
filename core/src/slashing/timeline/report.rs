//! The report of a timeline: one [`TimelineStep`] per action with the state after it — every
//! operator's magnitudes, every staker's shares and factors, every LRT's backing and position —
//! and the running accounts of where value went. Amounts are exact wei plus an ETH view;
//! magnitudes and factors exact WAD plus a view (a deposit scaling factor may exceed 1).

use serde::{Deserialize, Serialize};

use super::state::{NATIVE, State};
use crate::Error;
use crate::slashing::Share;
use crate::slashing::conservation::{broken, overflow};
use crate::slashing::staker::Strategy;
use crate::wad::{self, Amount, Fraction};

/// What a slash took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SlashOutcome {
    /// Strategies slashed (LST only when redistributing).
    pub strategies: Vec<Strategy>,
    /// `⌈a·w⌉` (native strategy's ledger when slashed, else LST's), WAD.
    pub slashed_magnitude: Fraction,
    /// `⌈|pendingDiff|·w⌉` taken from a pending deallocation, WAD.
    pub slashed_pending_decrease: Fraction,
    /// `maxMagnitude` before, WAD.
    pub max_magnitude_before: Fraction,
    /// `maxMagnitude` after, WAD.
    pub max_magnitude_after: Fraction,
    /// The stakers' claims lost, to the wei (withdrawable + queued), ETH.
    pub slashed: Amount,
    /// The contracts' `sharesToBurn`: `calcSlashedAmount` of the operator's shares plus the
    /// slashable queue's `scaleForBurning`, ETH. It differs from `slashed` by rounding.
    pub contract_shares_to_burn: Amount,
    /// Loss per staker.
    pub by_staker: Vec<Share>,
    /// Redistribution recipient, if any (ELIP-006); burned otherwise.
    pub recipient: Option<String>,
}

/// One operator set's allocation in one strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllocationState {
    /// AVS id.
    pub avs: String,
    /// `currentMagnitude`, WAD: what the AVS can slash now.
    pub current: Fraction,
    /// Pending increase, WAD (0 for none).
    pub pending_increase: Fraction,
    /// Pending decrease, WAD (0 for none): still slashable until `effectBlock`.
    pub pending_decrease: Fraction,
    /// `effectBlock` of the pending change, if any.
    pub effect_block: Option<u32>,
}

/// An operator in one strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OperatorStrategyState {
    /// The strategy.
    pub strategy: Strategy,
    /// `maxMagnitude`, WAD.
    pub max_magnitude: Fraction,
    /// `encumberedMagnitude`, WAD.
    pub encumbered: Fraction,
    /// Per AVS.
    pub allocations: Vec<AllocationState>,
    /// Withdrawable shares of the stakers delegated to it, ETH.
    pub delegated: Amount,
}

/// An operator after a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OperatorState {
    /// Operator id.
    pub id: String,
    /// Native, then LST.
    pub strategies: Vec<OperatorStrategyState>,
}

/// A staker's position in one strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StakerStrategyState {
    /// The strategy.
    pub strategy: Strategy,
    /// Deposit shares `s`, ETH (1 share = 1 wei).
    pub deposit_shares: Amount,
    /// Deposit scaling factor `k`, WAD.
    pub deposit_scaling_factor: Fraction,
    /// Slashing factor `m·l` (native) or `m` (LST), WAD.
    pub slashing_factor: Fraction,
    /// Withdrawable shares `s·k·sf`, ETH.
    pub withdrawable: Amount,
}

/// One queued withdrawal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WithdrawalState {
    /// Index of the action that queued it (`null` for the network's queued withdrawals).
    pub action: Option<usize>,
    /// The strategy.
    pub strategy: Strategy,
    /// `startBlock`.
    pub start_block: u32,
    /// `startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS`: slashable through this block.
    pub slashable_until: u64,
    /// `scaledShares`, ETH.
    pub scaled_shares: Amount,
    /// What completing it would pay, ETH.
    pub value: Amount,
    /// Still inside its slashable window (and not completed).
    pub slashable: bool,
    /// Completed.
    pub completed: bool,
}

/// A staker after a step: what the contracts keep for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StakerState {
    /// Staker id.
    pub id: String,
    /// The protocol whose delegation it is, if any.
    pub protocol: Option<String>,
    /// Operator delegated to, if any.
    pub operator: Option<String>,
    /// Native, then LST.
    pub strategies: Vec<StakerStrategyState>,
    /// Beacon-chain slashing factor `l`, WAD.
    pub beacon_chain_slashing_factor: Fraction,
    /// The EigenPod's restaked balance as of its last checkpoint, ETH.
    pub pod_restaked_balance: Amount,
    /// The validators' balance on the beacon chain, ETH.
    pub beacon_balance: Amount,
    /// Its queued withdrawals.
    pub queue: Vec<WithdrawalState>,
    /// Value of its withdrawals still slashable, ETH.
    pub slashable_in_queue: Amount,
    /// Withdrawn as tokens so far, ETH.
    pub paid_out: Amount,
    /// Withdrawable + queued, ETH.
    pub claim: Amount,
}

/// An LRT after a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolState {
    /// Protocol id.
    pub id: String,
    /// Its stakers' claims plus what they withdrew as tokens, ETH.
    pub backing: Amount,
    /// `backing / backing at block 0`, fraction (1 when it had none).
    pub backing_ratio: f64,
    /// Exchange rate scaled by `backingRatio`, ETH per token, when the network gives one.
    pub exchange_rate_eth: Option<f64>,
    /// Each position of the network in this token.
    pub positions: Vec<PositionState>,
}

/// A holder's position after a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PositionState {
    /// Index into the network's `positions`.
    pub position: usize,
    /// Its value, `amountEth × backingRatio`, ETH.
    pub amount_eth: f64,
}

/// Where the value is, wei: `deposited = remaining + paidOut + escrowed + burned +
/// Σ redistributed + lostToBeaconChain + roundingDust`, checked after every step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TimelineTotals {
    /// Stake at block 0 plus every deposit, ETH.
    pub deposited: Amount,
    /// Σ claims still in EigenLayer (withdrawable + queued), ETH.
    pub remaining: Amount,
    /// Withdrawn as tokens, ETH.
    pub paid_out: Amount,
    /// Slashed funds in escrow, ETH.
    pub escrowed: Amount,
    /// Released to the burn address, ETH.
    pub burned: Amount,
    /// Released to each redistribution recipient, ETH.
    pub redistributed: Vec<Share>,
    /// Claims lost at checkpoints (beacon-chain losses as the pods record them), ETH.
    pub lost_to_beacon_chain: Amount,
    /// Claims lost to the contracts' rounding (deposit scaling factor, queue), ETH.
    pub rounding_dust: Amount,
    /// Σ claims lost to AVS slashes, ETH (`= escrowed + burned + Σ redistributed`).
    pub slashed: Amount,
}

/// The state after one action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TimelineStep {
    /// Index of the action (`actions[index]`); `null` for the starting state.
    pub index: Option<usize>,
    /// Block.
    pub block: u32,
    /// The action's kind (`start` for the starting state).
    pub kind: String,
    /// The contract rule the step follows.
    pub rule: String,
    /// Where that rule is written (repository and file).
    pub source: String,
    /// What happened, in words (empty when nothing needs saying).
    pub note: String,
    /// A slash's outcome.
    pub slash: Option<SlashOutcome>,
    /// Every operator.
    pub operators: Vec<OperatorState>,
    /// Every staker.
    pub stakers: Vec<StakerState>,
    /// Every LRT of the network.
    pub protocols: Vec<ProtocolState>,
    /// The accounts.
    pub totals: TimelineTotals,
}

/// The report: the starting state, then one step per action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TimelineReport {
    /// `steps[0]` is block 0 before any action; `steps[k + 1]` follows `actions[k]`.
    pub steps: Vec<TimelineStep>,
}

impl State<'_> {
    fn operator_states(&self) -> Vec<OperatorState> {
        self.operators
            .iter()
            .enumerate()
            .map(|(o, op)| OperatorState {
                id: op.id.clone(),
                strategies: (0..2)
                    .map(|j| {
                        let l = &op.ledgers[j];
                        let delegated = (0..self.stakers.len())
                            .filter(|&s| self.stakers[s].operator == Some(o))
                            .map(|s| self.withdrawable(s, j).unwrap_or(0))
                            .sum();
                        OperatorStrategyState {
                            strategy: Strategy::ALL[j],
                            max_magnitude: Fraction::from_wad(l.max()),
                            encumbered: Fraction::from_wad(l.encumbered),
                            allocations: l
                                .sets
                                .iter()
                                .zip(&op.set_avs)
                                .map(|(a, &v)| AllocationState {
                                    avs: self.network.avss[v].id.clone(),
                                    current: Fraction::from_wad(a.current),
                                    pending_increase: Fraction::from_wad(a.pending.max(0) as u128),
                                    pending_decrease: Fraction::from_wad(
                                        a.pending.min(0).unsigned_abs(),
                                    ),
                                    effect_block: (a.pending != 0).then_some(a.effect_block),
                                })
                                .collect(),
                            delegated: Amount::from_wei(delegated),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    fn staker_states(&self, block: u32, claims: &[u128]) -> Result<Vec<StakerState>, Error> {
        let mut out = Vec::with_capacity(self.stakers.len());
        for (s, st) in self.stakers.iter().enumerate() {
            let mut strategies = Vec::with_capacity(2);
            for j in 0..2 {
                let sf = self
                    .slashing_factor(s, j)
                    .ok_or_else(|| overflow("report"))?;
                let withdrawable = self.withdrawable(s, j).ok_or_else(|| overflow("report"))?;
                strategies.push(StakerStrategyState {
                    strategy: Strategy::ALL[j],
                    deposit_shares: Amount::from_wei(st.shares[j]),
                    deposit_scaling_factor: Fraction::from_wad(st.dsf[j]),
                    slashing_factor: Fraction::from_wad(sf),
                    withdrawable: Amount::from_wei(withdrawable),
                });
            }
            let mut queue = Vec::new();
            let mut slashable = 0u128;
            for w in self.queue.iter().filter(|w| w.staker == s) {
                let value = self
                    .withdrawal_value(w, block)
                    .ok_or_else(|| overflow("report"))?;
                let until = self.slashable_until(w);
                let open = !w.done && until >= u64::from(block) && w.operator.is_some();
                if open {
                    slashable += value;
                }
                queue.push(WithdrawalState {
                    action: (w.action != usize::MAX).then_some(w.action),
                    strategy: Strategy::ALL[w.strategy],
                    start_block: w.start,
                    slashable_until: until,
                    scaled_shares: Amount::from_wei(w.scaled),
                    value: Amount::from_wei(if w.done { 0 } else { value }),
                    slashable: open,
                    completed: w.done,
                });
            }
            out.push(StakerState {
                id: st.id.clone(),
                protocol: st.protocol.map(|p| self.network.protocols[p].id.clone()),
                operator: st.operator.map(|o| self.operators[o].id.clone()),
                strategies,
                beacon_chain_slashing_factor: Fraction::from_wad(st.bcsf),
                pod_restaked_balance: Amount::from_wei(st.pod_restaked),
                beacon_balance: Amount::from_wei(st.beacon_balance),
                queue,
                slashable_in_queue: Amount::from_wei(slashable),
                paid_out: Amount::from_wei(st.paid_out),
                claim: Amount::from_wei(claims[s]),
            });
        }
        debug_assert_eq!(NATIVE, 0);
        Ok(out)
    }

    /// Each protocol's backing (claims + paid out of its stakers), wei.
    pub(super) fn backings(&self, claims: &[u128]) -> Vec<u128> {
        let mut b = vec![0u128; self.network.protocols.len()];
        for (s, st) in self.stakers.iter().enumerate() {
            if let Some(p) = st.protocol {
                b[p] += claims[s] + st.paid_out;
            }
        }
        b
    }

    /// The state after a step, with the accounts checked to the wei.
    pub(super) fn snapshot(
        &self,
        head: (Option<usize>, u32, &str, String),
        slash: Option<SlashOutcome>,
        start_backing: &[u128],
    ) -> Result<TimelineStep, Error> {
        let (index, block, kind, note) = head;
        let claims = self.claims(block)?;
        let remaining: u128 = claims.iter().sum();
        let paid: u128 = self.stakers.iter().map(|s| s.paid_out).sum();
        let a = &self.accounts;
        let redistributed: u128 = a.redistributed.iter().map(|(_, x)| x).sum();
        let out = remaining + paid + a.escrowed + a.burned + redistributed + a.beacon + a.dust;
        if out != a.deposited {
            return Err(broken(
                "timeline.conservation",
                format!(
                    "after step {kind} at block {block}: deposited {} wei, accounted {out} wei",
                    a.deposited
                ),
            ));
        }
        if a.escrowed + a.burned + redistributed != a.slashed {
            return Err(broken(
                "timeline.escrow",
                format!(
                    "escrowed + burned + redistributed ≠ slashed ({} wei)",
                    a.slashed
                ),
            ));
        }
        let backing = self.backings(&claims);
        let protocols = self
            .network
            .protocols
            .iter()
            .enumerate()
            .map(|(p, proto)| {
                let ratio = if start_backing[p] == 0 {
                    1.0
                } else {
                    wad::wei_to_eth(backing[p]) / wad::wei_to_eth(start_backing[p])
                };
                ProtocolState {
                    id: proto.id.clone(),
                    backing: Amount::from_wei(backing[p]),
                    backing_ratio: ratio,
                    exchange_rate_eth: self
                        .network
                        .restaking_of(&proto.id)
                        .and_then(|r| r.exchange_rate_eth)
                        .map(|x| x * ratio),
                    positions: self
                        .network
                        .positions
                        .iter()
                        .enumerate()
                        .filter(|(_, x)| x.protocol == proto.id)
                        .map(|(k, x)| PositionState {
                            position: k,
                            amount_eth: x.amount_eth * ratio,
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(TimelineStep {
            index,
            block,
            kind: kind.to_owned(),
            rule: super::delays::rule(kind).to_owned(),
            source: super::delays::source(kind).to_owned(),
            note,
            slash,
            operators: self.operator_states(),
            stakers: self.staker_states(block, &claims)?,
            protocols,
            totals: TimelineTotals {
                deposited: Amount::from_wei(a.deposited),
                remaining: Amount::from_wei(remaining),
                paid_out: Amount::from_wei(paid),
                escrowed: Amount::from_wei(a.escrowed),
                burned: Amount::from_wei(a.burned),
                redistributed: a
                    .redistributed
                    .iter()
                    .map(|(id, x)| Share {
                        id: id.clone(),
                        amount: Amount::from_wei(*x),
                    })
                    .collect(),
                lost_to_beacon_chain: Amount::from_wei(a.beacon),
                rounding_dust: Amount::from_wei(a.dust),
                slashed: Amount::from_wei(a.slashed),
            },
        })
    }
}
