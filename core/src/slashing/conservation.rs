//! The conservation identities of a slashing run, one named check each. Every amount is an
//! exact integer in wei (magnitudes in WAD), so every identity holds with `=`, not within a
//! tolerance. A failed check is a bug of the model, never of the inputs: it is returned as
//! [`Error::Invariant`] whose `field` names the account that does not add up (e.g.
//! `slashing.operators[1].byProtocol`).
//!
//! [`apply_slashing`](super::apply_slashing) runs them all: [`check_staker`] and
//! [`check_allocation_bound`] per staker during the attribution, [`check_unique_stake`] per
//! operator, [`check_totals`] on the sums, then [`check_accounts`] and [`check_positions`] on the
//! finished report.

use super::ledger::MagnitudeLedger;
use super::report::{Share, SlashingReport};
use crate::Error;
use crate::wad::Amount;

/// An [`Error::Invariant`] at `slashing.{what}`.
pub(super) fn broken(what: &str, message: String) -> Error {
    Error::Invariant {
        field: format!("slashing.{what}"),
        message,
    }
}

/// The [`Error::Invariant`] of an integer overflow (or division by zero) at `slashing.{what}`;
/// the validated inputs keep every intermediate below `u128::MAX`, so this is a bug too.
pub(super) fn overflow(what: &str) -> Error {
    broken(
        what,
        "integer overflow or division by zero on validated inputs".to_owned(),
    )
}

/// One staker: `Σ attributed shares = initial claim − final claim`, wei. The shares are the
/// beacon-chain steps' (measured at the initial pool state) plus the AVS steps' (measured at the
/// final beacon factor), so the priority attribution loses or invents nothing.
pub(super) fn check_staker(staker: usize, attributed: u128, lost: u128) -> Result<(), Error> {
    if attributed == lost {
        Ok(())
    } else {
        Err(broken(
            "conservation",
            format!("staker {staker}: attributed {attributed} wei, lost {lost} wei"),
        ))
    }
}

/// Unique stake, one staker: `Σ AVS shares ≤ bound`, wei, where `bound` is what a 100% slash of
/// every allocation would take, `value(maxMagnitude) − value(maxMagnitude − encumbered)`: the AVSs
/// together never take more than the operator allocated to them.
pub(super) fn check_allocation_bound(
    staker: usize,
    by_avss: u128,
    bound: u128,
) -> Result<(), Error> {
    if by_avss <= bound {
        Ok(())
    } else {
        Err(broken(
            "uniqueStake",
            format!("staker {staker}: AVSs took {by_avss} wei, allocations allow {bound}"),
        ))
    }
}

/// Unique stake, one operator's ledger `before` and `after` the sequence:
/// `maxMagnitude_before − maxMagnitude_after = Σ_sets (allocation_before − allocation_after)`
/// and `nonSlashable_after = nonSlashable_before`, WAD. Every slashed unit of magnitude left
/// exactly one allocation, so nothing was slashed twice and the unallocated part was untouched.
pub(super) fn check_unique_stake(
    operator: usize,
    before: &MagnitudeLedger,
    after: &MagnitudeLedger,
) -> Result<(), Error> {
    let removed = before.max_magnitude() - after.max_magnitude();
    let from_sets: u128 = (0..before.set_count())
        .map(|i| before.allocation(i) - after.allocation(i))
        .sum();
    if removed == from_sets && after.non_slashable() == before.non_slashable() {
        Ok(())
    } else {
        Err(broken(
            "uniqueStake",
            format!("operator {operator}: {removed} magnitude removed, {from_sets} from its sets"),
        ))
    }
}

/// The sums of a run, wei: `before = after + slashed` with `slashed ≥ 0`, and both accounts of
/// the losses sum to it, `Σ attributed = slashed` and `Σ lostAtStep = slashed`. Returns `slashed`.
pub(super) fn check_totals(
    before: u128,
    after: u128,
    attributed: u128,
    lost_at_steps: u128,
) -> Result<u128, Error> {
    let slashed = before.checked_sub(after).ok_or_else(|| {
        broken(
            "totals.slashed",
            format!("value rose: {before} wei before, {after} wei after"),
        )
    })?;
    if attributed == slashed && lost_at_steps == slashed {
        Ok(slashed)
    } else {
        Err(broken(
            "totals.slashed",
            format!(
                "slashed {slashed} wei; attributed {attributed}; lost at steps {lost_at_steps}"
            ),
        ))
    }
}

/// `Σ amounts`, wei.
fn sum<'a>(amounts: impl IntoIterator<Item = &'a Amount>) -> u128 {
    amounts.into_iter().map(Amount::wei_value).sum()
}

/// `Σ shares[].amount`, wei.
fn sum_shares(shares: &[Share]) -> u128 {
    sum(shares.iter().map(|s| &s.amount))
}

/// `Ok` when `left == right` (wei), else an invariant error at `slashing.{field}`.
fn equal(field: impl FnOnce() -> String, left: u128, right: u128) -> Result<(), Error> {
    if left == right {
        Ok(())
    } else {
        Err(broken(
            &field(),
            format!("{left} wei where {right} wei was expected"),
        ))
    }
}

/// Every account of a finished report sums to its total, to the wei (`S = totals.slashed`):
///
/// - totals: `before = after + S` and `S = slashedByAvss + slashedByBeaconChain`;
/// - per event: `Σ_events lostAtEvent = Σ_events attributed = S`, and each event's
///   `lostAtEvent = Σ steps[].lostAtStep`, `attributed = Σ steps[].attributed`;
/// - per AVS: `Σ_avss slashed = slashedByAvss`, and each AVS's
///   `slashed = Σ byOperator = Σ byProtocol`;
/// - per operator: `Σ_operators slashed = S`, `Σ_operators slashedByBeaconChain =
///   slashedByBeaconChain`, and each operator's `before = after + slashed`,
///   `slashed = Σ byProtocol = Σ allocations[].slashed + slashedByBeaconChain`,
///   `before = Σ strategies[].before`, `after = Σ strategies[].after`;
/// - per protocol: `backingBefore = backingAfter + loss`, `loss = Σ byOperator =
///   Σ byAvs + lossByBeaconChain`.
///
/// Returns the first identity that fails as an [`Error::Invariant`] naming that field.
pub fn check_accounts(report: &SlashingReport) -> Result<(), Error> {
    let t = &report.totals;
    let slashed = t.slashed.wei_value();
    equal(
        || "totals.before".to_owned(),
        t.before.wei_value(),
        t.after.wei_value() + slashed,
    )?;
    let (by_avss, by_beacon) = (
        t.slashed_by_avss.wei_value(),
        t.slashed_by_beacon_chain.wei_value(),
    );
    equal(|| "totals.slashed".to_owned(), by_avss + by_beacon, slashed)?;

    let events = &report.events;
    equal(
        || "events[].lostAtEvent".to_owned(),
        sum(events.iter().map(|e| &e.lost_at_event)),
        slashed,
    )?;
    equal(
        || "events[].attributed".to_owned(),
        sum(events.iter().map(|e| &e.attributed)),
        slashed,
    )?;
    for (i, e) in events.iter().enumerate() {
        equal(
            || format!("events[{i}].lostAtEvent"),
            sum(e.steps.iter().map(|s| &s.lost_at_step)),
            e.lost_at_event.wei_value(),
        )?;
        equal(
            || format!("events[{i}].attributed"),
            sum(e.steps.iter().map(|s| &s.attributed)),
            e.attributed.wei_value(),
        )?;
    }

    equal(
        || "avss[].slashed".to_owned(),
        sum(report.avss.iter().map(|a| &a.slashed)),
        by_avss,
    )?;
    for (i, a) in report.avss.iter().enumerate() {
        let s = a.slashed.wei_value();
        equal(
            || format!("avss[{i}].byOperator"),
            sum_shares(&a.by_operator),
            s,
        )?;
        equal(
            || format!("avss[{i}].byProtocol"),
            sum_shares(&a.by_protocol),
            s,
        )?;
    }

    let operators = &report.operators;
    equal(
        || "operators[].slashed".to_owned(),
        sum(operators.iter().map(|o| &o.slashed)),
        slashed,
    )?;
    equal(
        || "operators[].slashedByBeaconChain".to_owned(),
        sum(operators.iter().map(|o| &o.slashed_by_beacon_chain)),
        by_beacon,
    )?;
    for (i, o) in operators.iter().enumerate() {
        let s = o.slashed.wei_value();
        equal(
            || format!("operators[{i}].before"),
            o.before.wei_value(),
            o.after.wei_value() + s,
        )?;
        equal(
            || format!("operators[{i}].byProtocol"),
            sum_shares(&o.by_protocol),
            s,
        )?;
        equal(
            || format!("operators[{i}].allocations"),
            sum(o.allocations.iter().map(|a| &a.slashed)) + o.slashed_by_beacon_chain.wei_value(),
            s,
        )?;
        equal(
            || format!("operators[{i}].strategies"),
            sum(o.strategies.iter().map(|x| &x.before)),
            o.before.wei_value(),
        )?;
        equal(
            || format!("operators[{i}].strategies"),
            sum(o.strategies.iter().map(|x| &x.after)),
            o.after.wei_value(),
        )?;
    }

    for (i, p) in report.protocols.iter().enumerate() {
        let loss = p.loss.wei_value();
        equal(
            || format!("protocols[{i}].backingBefore"),
            p.backing_before.wei_value(),
            p.backing_after.wei_value() + loss,
        )?;
        equal(
            || format!("protocols[{i}].byOperator"),
            sum_shares(&p.by_operator),
            loss,
        )?;
        equal(
            || format!("protocols[{i}].byAvs"),
            sum_shares(&p.by_avs) + p.loss_by_beacon_chain.wei_value(),
            loss,
        )?;
    }
    Ok(())
}

/// The user's positions, wei: each `before = after + loss`, and `positionTotals` are their sums,
/// `before = Σ before`, `after = Σ after`, `loss = Σ loss`.
pub fn check_positions(report: &SlashingReport) -> Result<(), Error> {
    let positions = &report.positions;
    for (i, p) in positions.iter().enumerate() {
        equal(
            || format!("positions[{i}].before"),
            p.before.wei_value(),
            p.after.wei_value() + p.loss.wei_value(),
        )?;
    }
    let t = &report.position_totals;
    equal(
        || "positionTotals.before".to_owned(),
        sum(positions.iter().map(|p| &p.before)),
        t.before.wei_value(),
    )?;
    equal(
        || "positionTotals.after".to_owned(),
        sum(positions.iter().map(|p| &p.after)),
        t.after.wei_value(),
    )?;
    equal(
        || "positionTotals.loss".to_owned(),
        sum(positions.iter().map(|p| &p.loss)),
        t.loss.wei_value(),
    )
}
