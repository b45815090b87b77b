//! Applying one step to the engine's state: an AVS slash (unique stake: the operator's magnitude
//! ledger, `AllocationManager.slashOperator`; shared stake: its vaults) or a beacon-chain loss
//! spread over the operator's pods (Electra penalties or a checkpointed balance drop).

use super::{Engine, NATIVE, Pools, StepOutcome};
use crate::Error;
use crate::consensus::beacon;
use crate::slashing::conservation::{broken, overflow};
use crate::slashing::events::BeaconCause;
use crate::slashing::ledger;
use crate::slashing::report::StepDetail;
use crate::wad::{self, Amount, Fraction, Rounding, WAD, WEI_PER_GWEI};

impl Engine {
    pub(in crate::slashing) fn apply_avs(
        &mut self,
        step: usize,
        o: usize,
        set: usize,
        wad_to_slash: u128,
    ) -> Result<StepOutcome, Error> {
        let before = self.operator_value(o)?;
        let op = &mut self.operators[o];
        let detail = match &mut op.pools {
            Pools::Unique {
                ledger,
                operator_shares,
                queued_scaled,
                ..
            } => match ledger.slash(set, wad_to_slash) {
                None => StepDetail::ZeroMagnitude,
                Some(ms) => {
                    let (prev, new) = (ms.prev_max_magnitude, ms.new_max_magnitude);
                    let mut shares_slashed = 0u128;
                    let mut queue_slashed = 0u128;
                    for j in 0..2 {
                        let s = ledger::operator_shares_slashed(operator_shares[j], prev, new)
                            .ok_or_else(|| overflow("operatorShares"))?;
                        operator_shares[j] -= s;
                        shares_slashed += s;
                        queue_slashed += ledger::queued_shares_slashed(queued_scaled[j], prev, new)
                            .ok_or_else(|| overflow("queue"))?;
                    }
                    op.history.push((step, [new; 2]));
                    StepDetail::Magnitude {
                        wad_to_slash: Fraction::from_wad(wad_to_slash),
                        magnitude_before: Fraction::from_wad(ms.prev_allocation),
                        slashed_magnitude: Fraction::from_wad(ms.slashed_magnitude),
                        magnitude_after: Fraction::from_wad(
                            ms.prev_allocation - ms.slashed_magnitude,
                        ),
                        max_magnitude_before: Fraction::from_wad(prev),
                        max_magnitude_after: Fraction::from_wad(new),
                        wad_slashed: Fraction::from_wad(ms.wad_slashed),
                        operator_shares_slashed: Amount::from_wei(shares_slashed),
                        queued_shares_slashed: Amount::from_wei(queue_slashed),
                    }
                }
            },
            Pools::Shared { vaults, limits } => {
                let limit = limits.get(set).copied().unwrap_or(0);
                let [a, b] = [0, 1].map(|j| vaults[j].slash(set, limit, wad_to_slash));
                let requested = a.requested + b.requested;
                let slashed = a.slashed + b.slashed;
                op.history
                    .push((step, [vaults[0].pool(), vaults[1].pool()]));
                StepDetail::Vault {
                    wad_to_slash: Fraction::from_wad(wad_to_slash),
                    network_limit: Fraction::from_wad(limit),
                    requested: Amount::from_wei(requested),
                    network_slashable: Amount::from_wei(a.network_slashable + b.network_slashable),
                    slashed: Amount::from_wei(slashed),
                    shortfall: Amount::from_wei(requested - slashed),
                }
            }
        };
        let after = self.operator_value(o)?;
        let lost = before.checked_sub(after).ok_or_else(|| {
            broken(
                "monotone",
                format!("step {step} raised operator {o}'s stake"),
            )
        })?;
        Ok(StepOutcome { lost, detail })
    }

    #[allow(clippy::too_many_arguments)]
    pub(in crate::slashing) fn apply_beacon(
        &mut self,
        step: usize,
        event: usize,
        o: usize,
        cause: BeaconCause,
        window: u128,
        total_active: u128,
    ) -> Result<StepOutcome, Error> {
        let before = self.operator_value(o)?;
        let pods: u128 = self.operators[o]
            .stakers
            .iter()
            .map(|&s| self.stakers[s].pod.restaked_balance)
            .sum();
        // The loss to spread over the pods, and the validators' penalties if any.
        let (loss, validators) = match cause {
            BeaconCause::Validators {
                count,
                effective_balance,
            } => {
                let op = &mut self.operators[o];
                let need = u128::from(count) * effective_balance;
                if need > op.validators_left {
                    return Err(Error::OutOfRange {
                        field: format!("events[{event}].validators"),
                        value: f64::from(count),
                        expected: format!(
                            "at most {} validators of {} ETH: the operator's native ETH not yet slashed is {} ETH",
                            op.validators_left / effective_balance,
                            effective_balance / beacon::EFFECTIVE_BALANCE_INCREMENT,
                            op.validators_left / beacon::EFFECTIVE_BALANCE_INCREMENT
                        ),
                    });
                }
                op.validators_left -= need;
                let per = beacon::validator_loss(effective_balance, window, total_active);
                let eb_eth = u32::try_from(effective_balance / beacon::EFFECTIVE_BALANCE_INCREMENT)
                    .map_err(|_| overflow("beacon"))?;
                (
                    per.total() * u128::from(count) * WEI_PER_GWEI,
                    Some((count, eb_eth, per)),
                )
            }
            BeaconCause::BalanceDrop { wei } => {
                if wei > pods {
                    return Err(Error::OutOfRange {
                        field: format!("events[{event}].amountEth"),
                        value: wad::wei_to_eth(wei),
                        expected: format!(
                            "at most the operator's remaining beacon-chain balance, {} ETH",
                            wad::wei_to_eth(pods)
                        ),
                    });
                }
                (wei, None)
            }
        };
        let mut decrease_total = 0u128;
        let members = self.operators[o].stakers.clone();
        let max_magnitude = match &self.operators[o].pools {
            Pools::Unique { ledger, .. } => ledger.max_magnitude(),
            Pools::Shared { .. } => WAD,
        };
        for s in members {
            let st = &mut self.stakers[s];
            let g = st.pod.restaked_balance;
            if g == 0 || loss == 0 {
                continue;
            }
            // Each pod's share rounds up (against the staker), capped at its balance.
            let x = wad::mul_div(loss, g, pods, Rounding::Up)
                .ok_or_else(|| overflow("beacon"))?
                .min(g);
            let l_decrease = st.pod.record_balance_decrease(x);
            decrease_total += x;
            st.l_history
                .push((step, st.pod.beacon_chain_slashing_factor));
            if let Pools::Unique {
                operator_shares, ..
            } = &mut self.operators[o].pools
            {
                let removed = self.stakers[s].positions[NATIVE]
                    .operator_shares_for_beacon_decrease(max_magnitude, l_decrease)
                    .ok_or_else(|| overflow("beacon"))?;
                operator_shares[NATIVE] = operator_shares[NATIVE].saturating_sub(removed);
            }
        }
        let after = self.operator_value(o)?;
        let lost = before.checked_sub(after).ok_or_else(|| {
            broken(
                "monotone",
                format!("step {step} raised operator {o}'s stake"),
            )
        })?;
        let pod_balance_decrease = Amount::from_wei(decrease_total);
        let detail = match validators {
            Some((validators, effective_balance_eth, per)) => StepDetail::BeaconSlashing {
                validators,
                effective_balance_eth,
                per_validator: per.into(),
                pod_balance_decrease,
            },
            None => StepDetail::BeaconBalanceDrop {
                pod_balance_decrease,
            },
        };
        Ok(StepOutcome { lost, detail })
    }
}
