//! The operator's and AVS's actions: allocate, deallocate (`modifyAllocations`), slash
//! (`slashOperator` with ELIP-006 redistribution and Symbiotic's veto phase) and the release of a
//! slash's escrow.

use super::action::{Action, Veto};
use super::report::SlashOutcome;
use super::stakers::revert;
use super::state::{Escrow, NATIVE, State};
use crate::Error;
use crate::slashing::conservation::{broken, overflow};
use crate::slashing::ledger;
use crate::slashing::staker::Strategy;
use crate::wad::{self, Amount, Fraction};

impl State<'_> {
    fn operator_at(&self, i: usize, id: &str) -> Result<usize, Error> {
        self.operator_index
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownReference {
                field: format!("actions[{i}].action.operator"),
                value: id.to_owned(),
                target: "operator".to_owned(),
            })
    }

    fn avs_at(&self, i: usize, id: &str) -> Result<usize, Error> {
        self.avs_index
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownReference {
                field: format!("actions[{i}].action.avs"),
                value: id.to_owned(),
                target: "AVS".to_owned(),
            })
    }

    /// `modifyAllocations` for one operator set: raise (`up`) or lower its magnitude.
    pub(super) fn modify(&mut self, i: usize, block: u32, a: &Action) -> Result<String, Error> {
        let (operator, avs, magnitude, strategy, up) = match a {
            Action::Allocate {
                operator,
                avs,
                magnitude,
                strategy,
            } => (operator, avs, *magnitude, *strategy, true),
            Action::Deallocate {
                operator,
                avs,
                magnitude,
                strategy,
            } => (operator, avs, *magnitude, *strategy, false),
            _ => return Err(overflow("timeline.dispatch")),
        };
        let o = self.operator_at(i, operator)?;
        let v = self.avs_at(i, avs)?;
        let target = wad::fraction_to_wad(&format!("actions[{i}].action.magnitude"), magnitude)?;
        let op = &mut self.operators[o];
        let set = match op.set_avs.iter().position(|&x| x == v) {
            Some(set) => set,
            None if up => {
                op.set_avs.push(v);
                for l in &mut op.ledgers {
                    l.sets.push(Default::default());
                }
                op.set_avs.len() - 1
            }
            None => return Err(revert(i, "the operator has no allocation to this AVS")),
        };
        let delay = if up {
            self.options.allocation_delay_blocks
        } else {
            // A deallocation stays slashable for DEALLOCATION_DELAY blocks: effect at +1.
            self.options.deallocation_delay_blocks.saturating_add(1)
        };
        let effect = block.checked_add(delay).ok_or_else(|| {
            revert(
                i,
                "the effect block would not fit the contracts' uint32 block number",
            )
        })?;
        let strategies: Vec<usize> = strategy.map_or(vec![0, 1], |s| vec![s.index()]);
        for &j in &strategies {
            let l = &mut op.ledgers[j];
            let cur = l.sets[set];
            if cur.pending != 0 {
                return Err(revert(
                    i,
                    format!(
                        "a modification of this allocation is pending until block {}: ModificationAlreadyPending",
                        cur.effect_block
                    ),
                ));
            }
            if target == cur.current {
                return Err(revert(
                    i,
                    "the new magnitude equals the current one: SameMagnitude",
                ));
            }
            if up != (target > cur.current) {
                return Err(revert(
                    i,
                    if up {
                        "an allocation must raise the magnitude (use deallocate)"
                    } else {
                        "a deallocation must lower the magnitude (use allocate)"
                    },
                ));
            }
            if up {
                let increase = target - cur.current;
                if l.encumbered + increase > l.max() {
                    return Err(revert(
                        i,
                        "encumbered magnitude would exceed maxMagnitude: InsufficientMagnitude",
                    ));
                }
                l.encumbered += increase;
                l.sets[set].pending =
                    i128::try_from(increase).map_err(|_| overflow("magnitude"))?;
            } else {
                l.sets[set].pending =
                    -i128::try_from(cur.current - target).map_err(|_| overflow("magnitude"))?;
            }
            l.sets[set].effect_block = effect;
            l.update(block);
        }
        Ok(format!("takes effect at block {effect}"))
    }

    /// `slashOperator`, then every staker's loss to escrow.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn slash(
        &mut self,
        i: usize,
        block: u32,
        operator: &str,
        avs: &str,
        fraction: f64,
        redistribute_to: Option<&String>,
        veto: Option<&Veto>,
    ) -> Result<(String, Option<SlashOutcome>), Error> {
        let o = self.operator_at(i, operator)?;
        let v = self.avs_at(i, avs)?;
        let w = wad::fraction_to_wad(&format!("actions[{i}].action.fraction"), fraction)?;
        if w == 0 {
            return Err(revert(
                i,
                "wadsToSlash must be in (0, 1e18]: InvalidWadToSlash",
            ));
        }
        if let Some(r) = redistribute_to {
            crate::validate::id(&format!("actions[{i}].action.redistributeTo"), r)?;
        }
        if let Some(veto) = veto {
            let ends = u64::from(veto.requested_at) + u64::from(veto.veto_duration_blocks);
            if veto.requested_at > block {
                return Err(Error::OutOfRange {
                    field: format!("actions[{i}].action.veto.requestedAt"),
                    value: f64::from(veto.requested_at),
                    expected: format!("at most the action's block, {block}"),
                });
            }
            if u64::from(block) < ends {
                return Err(revert(
                    i,
                    format!(
                        "executeSlash before the veto phase ends at block {ends}: VetoPeriodNotEnded"
                    ),
                ));
            }
            if veto.vetoed {
                return Ok(("vetoed by the resolver: nothing slashed".to_owned(), None));
            }
        }
        let (w, reduced) = executed_wads(i, w, veto)?;
        if w == 0 {
            return Ok((
                "vetoed by the resolvers of all of it: nothing slashed".to_owned(),
                None,
            ));
        }
        let set = self.operators[o]
            .set_avs
            .iter()
            .position(|&x| x == v)
            .ok_or_else(|| {
                revert(
                    i,
                    "the operator has no allocation to this AVS: not slashable",
                )
            })?;
        // ELIP-006: a redistributing operator set cannot hold the beacon-chain ETH strategy.
        let strategies: &[usize] = if redistribute_to.is_some() {
            &[1]
        } else {
            &[0, 1]
        };
        let before = self.claims(block)?;
        let mut contract = 0u128;
        let mut cuts = Vec::new();
        for &j in strategies {
            // The operator's shares and the slashable queue, before the cut.
            let delegated: u128 = (0..self.stakers.len())
                .filter(|&s| self.stakers[s].operator == Some(o))
                .map(|s| self.withdrawable(s, j).unwrap_or(0))
                .sum();
            let queued: u128 = self
                .queue
                .iter()
                .filter(|q| {
                    q.operator == Some(o)
                        && q.strategy == j
                        && !q.done
                        && self.slashable_until(q) >= u64::from(block)
                })
                .map(|q| q.scaled)
                .sum();
            let Some(cut) = self.operators[o].ledgers[j].slash(set, w, block) else {
                continue;
            };
            contract += ledger::operator_shares_slashed(delegated, cut.prev_max, cut.new_max)
                .ok_or_else(|| overflow("slash"))?;
            contract += ledger::queued_shares_slashed(queued, cut.prev_max, cut.new_max)
                .ok_or_else(|| overflow("slash"))?;
            cuts.push((j, cut));
        }
        if cuts.is_empty() {
            return Ok((
                "current magnitude is 0: skipped, as slashOperator does".to_owned(),
                None,
            ));
        }
        let after = self.claims(block)?;
        let mut slashed = 0u128;
        let mut by_staker = Vec::new();
        for (s, (b, a)) in before.iter().zip(&after).enumerate() {
            let lost = b.checked_sub(*a).ok_or_else(|| {
                broken(
                    "timeline.monotone",
                    format!("slash {i} raised staker {s}'s claim"),
                )
            })?;
            if lost > 0 {
                by_staker.push(crate::slashing::Share {
                    id: self.stakers[s].id.clone(),
                    amount: Amount::from_wei(lost),
                });
            }
            slashed += lost;
        }
        self.accounts.slashed += slashed;
        self.accounts.escrowed += slashed;
        self.escrows.push(Escrow {
            action: i,
            block,
            amount: slashed,
            recipient: redistribute_to.cloned(),
            released: false,
        });
        let native = cuts.iter().find(|(j, _)| *j == NATIVE).map(|(_, c)| *c);
        let cut = native.unwrap_or(cuts[0].1);
        Ok((
            reduced,
            Some(SlashOutcome {
                strategies: cuts.iter().map(|(j, _)| Strategy::ALL[*j]).collect(),
                slashed_magnitude: Fraction::from_wad(cut.slashed),
                slashed_pending_decrease: Fraction::from_wad(cut.slashed_pending),
                max_magnitude_before: Fraction::from_wad(cut.prev_max),
                max_magnitude_after: Fraction::from_wad(cut.new_max),
                slashed: Amount::from_wei(slashed),
                contract_shares_to_burn: Amount::from_wei(contract),
                by_staker,
                recipient: redistribute_to.cloned(),
            }),
        ))
    }

    /// `releaseSlashEscrow` of the slash at action `slash`.
    pub(super) fn release(&mut self, i: usize, block: u32, slash: usize) -> Result<String, Error> {
        let delay = self.options.escrow_delay_blocks;
        let e = self
            .escrows
            .iter_mut()
            .find(|e| e.action == slash)
            .ok_or_else(|| revert(i, format!("action {slash} is not a slash that took funds")))?;
        if e.released {
            return Err(revert(i, "this escrow was already released"));
        }
        let at = u64::from(e.block) + u64::from(delay);
        if u64::from(block) < at {
            return Err(revert(
                i,
                format!("the escrow delay ends at block {at}: EscrowDelayNotElapsed"),
            ));
        }
        e.released = true;
        let (amount, recipient) = (e.amount, e.recipient.clone());
        self.accounts.escrowed -= amount;
        match recipient {
            None => {
                self.accounts.burned += amount;
                Ok(format!("{amount} wei burned"))
            }
            Some(r) => {
                match self
                    .accounts
                    .redistributed
                    .iter_mut()
                    .find(|(id, _)| *id == r)
                {
                    Some((_, x)) => *x += amount,
                    None => self.accounts.redistributed.push((r.clone(), amount)),
                }
                Ok(format!("{amount} wei to {r}"))
            }
        }
    }
}

/// The `wadsToSlash` a slash executes after its veto phase: `w − ⌈w · vetoedShare⌉` (the share
/// of the collateral whose resolvers vetoed it is spared, rounded in the staker's favour), with a
/// note saying what the resolvers took off (empty when nothing).
fn executed_wads(i: usize, w: u128, veto: Option<&Veto>) -> Result<(u128, String), Error> {
    let Some(share) = veto.map(|v| v.vetoed_share).filter(|&x| x != 0.0) else {
        return Ok((w, String::new()));
    };
    let share = wad::fraction_to_wad(&format!("actions[{i}].action.veto.vetoedShare"), share)?;
    let spared =
        wad::mul_div(w, share, wad::WAD, wad::Rounding::Up).ok_or_else(|| overflow("veto"))?;
    let left = w.saturating_sub(spared);
    Ok((
        left,
        format!(
            "the resolvers of {}% of the collateral vetoed: {left} of the requested {w} wadsToSlash executed",
            wad::wad_to_f64(share) * 100.0
        ),
    ))
}
