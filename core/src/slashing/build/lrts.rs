//! The LRT rows of the report: cross-LRT contagion, each protocol's backing and exchange rate,
//! and the user's positions with their totals.

use std::collections::BTreeMap;

use super::{Context, select, shares};
use crate::Error;
use crate::slashing::conservation::{broken, overflow};
use crate::slashing::engine::Owner;
use crate::slashing::report::{ContagionReport, PositionReport, PositionTotals, ProtocolReport};
use crate::wad::{self, Amount, Fraction, Rounding, WAD};

/// Per protocol id: `(backing before, backing after)`, wei.
pub(super) type Backings<'a> = BTreeMap<&'a str, (u128, u128)>;

impl<'a> Context<'a> {
    /// Operators whose loss reached two or more protocols, in network order.
    pub(super) fn contagion(&self) -> Vec<ContagionReport> {
        let network = self.network;
        network
            .operators
            .iter()
            .enumerate()
            .filter_map(|(o, op)| {
                let hit = select(&self.sums.op_owner, |(oo, owner)| match owner {
                    Owner::Protocol(p) if oo == o => Some(p),
                    _ => None,
                });
                let hit: BTreeMap<usize, u128> = hit.into_iter().filter(|&(_, v)| v > 0).collect();
                (hit.len() >= 2).then(|| ContagionReport {
                    operator: op.id.clone(),
                    protocols: shares(&hit, |p| network.protocols[p].id.clone()),
                })
            })
            .collect()
    }

    /// One row per protocol with a restaking entry, in network order, and each one's backing
    /// before and after. The exchange-rate factor is `⌊backingAfter · WAD / backingBefore⌋`.
    pub(super) fn protocols(
        &self,
        contagion: &[ContagionReport],
    ) -> Result<(Vec<ProtocolReport>, Backings<'a>), Error> {
        let (network, engine) = (self.network, self.engine);
        let mut protocols = Vec::new();
        let mut backings = Backings::new();
        for (p, protocol) in network.protocols.iter().enumerate() {
            let (Some(r), Some(backing_before)) =
                (network.restaking_of(&protocol.id), engine.backing[p])
            else {
                continue;
            };
            let owner = Owner::Protocol(p);
            let loss: u128 = engine
                .stakers
                .iter()
                .enumerate()
                .filter(|(_, st)| st.owner == owner)
                // Non-negative: checked per staker in the attribution.
                .map(|(s, st)| st.initial_value - self.finals[s])
                .sum();
            let backing_after = backing_before.checked_sub(loss).ok_or_else(|| {
                broken(
                    "conservation",
                    format!("protocol {p} lost more than its backing"),
                )
            })?;
            backings.insert(protocol.id.as_str(), (backing_before, backing_after));
            let factor = if backing_before == 0 {
                WAD
            } else {
                wad::mul_div(backing_after, WAD, backing_before, Rounding::Down)
                    .ok_or_else(|| overflow("rate"))?
            };
            let by_op = select(&self.sums.owner_op, |(w, o)| (w == owner).then_some(o));
            let by_avs = select(&self.sums.owner_avs, |(w, v)| (w == owner).then_some(v));
            let contagion_with = network
                .protocols
                .iter()
                .filter(|other| {
                    other.id != protocol.id
                        && contagion.iter().any(|c| {
                            c.protocols.iter().any(|s| s.id == protocol.id)
                                && c.protocols.iter().any(|s| s.id == other.id)
                        })
                })
                .map(|other| other.id.clone())
                .collect();
            protocols.push(ProtocolReport {
                id: protocol.id.clone(),
                name: protocol.name.clone(),
                token: protocol.token.clone(),
                backing_before: Amount::from_wei(backing_before),
                backing_after: Amount::from_wei(backing_after),
                loss: Amount::from_wei(loss),
                loss_by_beacon_chain: Amount::from_wei(
                    self.sums.owner_beacon.get(&owner).copied().unwrap_or(0),
                ),
                rate_factor: Fraction::from_wad(factor),
                rate_change: -wad::wad_to_f64(WAD - factor.min(WAD)),
                exchange_rate_before: r.exchange_rate_eth,
                exchange_rate_after: r.exchange_rate_eth.map(|x| x * wad::wad_to_f64(factor)),
                by_operator: shares(&by_op, |o| network.operators[o].id.clone()),
                by_avs: shares(&by_avs, |v| network.avss[v].id.clone()),
                contagion_with,
            });
        }
        Ok((protocols, backings))
    }

    /// The user's positions, in network order, and their totals: each holder's claim falls with
    /// its protocol's backing, `after = ⌊before · backingAfter / backingBefore⌋` (exact, wei).
    pub(super) fn positions(
        &self,
        backings: &Backings<'_>,
    ) -> Result<(Vec<PositionReport>, PositionTotals), Error> {
        let (mut total_before, mut total_after) = (0u128, 0u128);
        let mut positions = Vec::with_capacity(self.network.positions.len());
        for (i, pos) in self.network.positions.iter().enumerate() {
            let before = wad::eth_to_wei(&format!("positions[{i}].amountEth"), pos.amount_eth)?;
            let after = match backings.get(pos.protocol.as_str()) {
                Some(&(b, a)) if b > 0 => wad::mul_div(before, a, b, Rounding::Down)
                    .ok_or_else(|| overflow("position"))?,
                _ => before,
            };
            total_before = total_before
                .checked_add(before)
                .ok_or_else(|| overflow("positionTotals"))?;
            total_after += after;
            positions.push(PositionReport {
                id: format!("positions[{i}]"),
                protocol: pos.protocol.clone(),
                before: Amount::from_wei(before),
                after: Amount::from_wei(after),
                loss: Amount::from_wei(before - after),
            });
        }
        let totals = PositionTotals {
            before: Amount::from_wei(total_before),
            after: Amount::from_wei(total_after),
            loss: Amount::from_wei(total_before - total_after),
        };
        Ok((positions, totals))
    }
}
