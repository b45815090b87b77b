//! Builds the [`SlashingReport`] of a run from the engine's final state, the steps' outcomes and
//! the priority attribution, then checks it ([`conservation::check_accounts`],
//! [`conservation::check_positions`]). Depends on the engine and the report types; neither
//! depends on it. Operators and AVSs are in `operators`, protocols, positions and contagion in
//! `lrts`.

use std::collections::BTreeMap;

use super::conservation;
use super::engine::{Engine, Owner, StepOutcome};
use super::events::{Registry, SlashEvent, Step};
use super::report::{
    EventReport, ModelNote, OTHER_DELEGATORS_ID, Share, SlashingReport, StepReport, Totals,
};
use crate::Error;
use crate::network::{Network, StakeMode};
use crate::wad::Amount;

mod lrts;
mod operators;

/// The attribution `(step, staker, amount)` summed per account, wei.
#[derive(Default)]
struct Sums {
    /// Per step.
    per_step: Vec<u128>,
    /// Per (operator, AVS).
    op_avs: BTreeMap<(usize, usize), u128>,
    /// Per (operator, owner), AVS and beacon-chain steps.
    op_owner: BTreeMap<(usize, Owner), u128>,
    /// Per operator, beacon-chain steps.
    op_beacon: BTreeMap<usize, u128>,
    /// Per (AVS, owner).
    avs_owner: BTreeMap<(usize, Owner), u128>,
    /// Per (owner, AVS).
    owner_avs: BTreeMap<(Owner, usize), u128>,
    /// Per (owner, operator), AVS and beacon-chain steps.
    owner_op: BTreeMap<(Owner, usize), u128>,
    /// Per owner, beacon-chain steps.
    owner_beacon: BTreeMap<Owner, u128>,
    /// All AVS steps.
    by_avss: u128,
    /// All beacon-chain steps.
    by_beacon: u128,
}

/// What the parts of the builder read.
struct Context<'a> {
    network: &'a Network,
    registry: &'a Registry<'a>,
    engine: &'a Engine,
    steps: &'a [(usize, Step)],
    /// Each staker's claim after the sequence, wei.
    finals: Vec<u128>,
    sums: Sums,
}

impl Context<'_> {
    /// The AVS of step `k`; `None` for a beacon-chain step.
    fn step_avs(&self, k: usize) -> Option<usize> {
        match self.steps[k].1 {
            Step::Avs { operator, set, .. } => Some(self.registry.sets[operator][set].0),
            Step::Beacon { .. } => None,
        }
    }

    /// The operator of step `k`.
    fn step_operator(&self, k: usize) -> usize {
        match self.steps[k].1 {
            Step::Avs { operator, .. } | Step::Beacon { operator, .. } => operator,
        }
    }

    /// The id under which `owner` appears in `byProtocol` lists.
    fn owner_id(&self, owner: Owner) -> String {
        match owner {
            Owner::Protocol(p) => self.network.protocols[p].id.clone(),
            Owner::Other => OTHER_DELEGATORS_ID.to_owned(),
        }
    }

    /// Sums the attribution per step and per account.
    fn sum(&mut self, attributed: &[(usize, usize, u128)]) {
        let mut s = Sums {
            per_step: vec![0; self.steps.len()],
            ..Sums::default()
        };
        for &(k, staker, amount) in attributed {
            s.per_step[k] += amount;
            let owner = self.engine.stakers[staker].owner;
            let o = self.step_operator(k);
            add(&mut s.op_owner, (o, owner), amount);
            add(&mut s.owner_op, (owner, o), amount);
            match self.step_avs(k) {
                Some(v) => {
                    add(&mut s.op_avs, (o, v), amount);
                    add(&mut s.avs_owner, (v, owner), amount);
                    add(&mut s.owner_avs, (owner, v), amount);
                    s.by_avss += amount;
                }
                None => {
                    add(&mut s.op_beacon, o, amount);
                    add(&mut s.owner_beacon, owner, amount);
                    s.by_beacon += amount;
                }
            }
        }
        self.sums = s;
    }

    /// One report per event, its steps in order, with both accounts of their losses.
    fn events(&self, events: &[SlashEvent], outcomes: Vec<StepOutcome>) -> Vec<EventReport> {
        let mut reports: Vec<EventReport> = events
            .iter()
            .enumerate()
            .map(|(i, e)| EventReport {
                id: format!("events[{i}]"),
                event: e.clone(),
                steps: Vec::new(),
                lost_at_event: Amount::from_wei(0),
                attributed: Amount::from_wei(0),
            })
            .collect();
        let mut event_sums = vec![(0u128, 0u128); events.len()];
        for (k, outcome) in outcomes.into_iter().enumerate() {
            let event = self.steps[k].0;
            let report = &mut reports[event];
            let attributed = self.sums.per_step[k];
            event_sums[event].0 += outcome.lost;
            event_sums[event].1 += attributed;
            report.steps.push(StepReport {
                id: format!("events[{event}].steps[{}]", report.steps.len()),
                operator: self.network.operators[self.step_operator(k)].id.clone(),
                avs: self.step_avs(k).map(|v| self.network.avss[v].id.clone()),
                lost_at_step: Amount::from_wei(outcome.lost),
                attributed: Amount::from_wei(attributed),
                detail: outcome.detail,
            });
        }
        for (r, (lost, attributed)) in reports.iter_mut().zip(event_sums) {
            r.lost_at_event = Amount::from_wei(lost);
            r.attributed = Amount::from_wei(attributed);
        }
        reports
    }
}

/// Adds `amount` under `key`.
fn add<K: Ord>(map: &mut BTreeMap<K, u128>, key: K, amount: u128) {
    *map.entry(key).or_insert(0) += amount;
}

/// The non-zero entries of `map` as [`Share`]s, in key order, named by `id`.
fn shares<K: Ord + Copy>(map: &BTreeMap<K, u128>, id: impl Fn(K) -> String) -> Vec<Share> {
    map.iter()
        .filter(|&(_, &v)| v > 0)
        .map(|(&k, &v)| Share {
            id: id(k),
            amount: Amount::from_wei(v),
        })
        .collect()
}

/// The entries of `map` whose key matches `pick`, re-keyed by what `pick` returns.
fn select<K: Ord + Copy, J: Ord>(
    map: &BTreeMap<K, u128>,
    pick: impl Fn(K) -> Option<J>,
) -> BTreeMap<J, u128> {
    map.iter()
        .filter_map(|(&k, &v)| pick(k).map(|j| (j, v)))
        .collect()
}

/// The report of a run: `steps` (with the event each belongs to) and their `outcomes` in
/// order, the priority attribution `(step, staker, wei)` and the slashable table
/// (`[before, after][operator][set]`, wei). Fails with [`Error::Invariant`] if any conservation
/// identity does not hold.
#[allow(clippy::too_many_arguments)]
pub(super) fn report(
    network: &Network,
    events: &[SlashEvent],
    registry: &Registry,
    engine: &Engine,
    steps: &[(usize, Step)],
    outcomes: Vec<StepOutcome>,
    attributed: &[(usize, usize, u128)],
    slashable: [Vec<Vec<u128>>; 2],
) -> Result<SlashingReport, Error> {
    let finals = (0..engine.stakers.len())
        .map(|s| engine.current_value(s))
        .collect::<Result<Vec<_>, _>>()?;
    let mut cx = Context {
        network,
        registry,
        engine,
        steps,
        finals,
        sums: Sums::default(),
    };
    cx.sum(attributed);

    let before: u128 = engine.stakers.iter().map(|s| s.initial_value).sum();
    let after: u128 = cx.finals.iter().sum();
    let (by_avss, by_beacon) = (cx.sums.by_avss, cx.sums.by_beacon);
    let slashed = conservation::check_totals(
        before,
        after,
        by_avss + by_beacon,
        outcomes.iter().map(|o| o.lost).sum(),
    )?;

    let events = cx.events(events, outcomes);
    let operators = cx.operators(&slashable)?;
    let avss = cx.avss(&slashable);
    let contagion = cx.contagion();
    let (protocols, factors) = cx.protocols(&contagion)?;
    let (positions, position_totals) = cx.positions(&factors)?;
    let report = SlashingReport {
        mode: engine.mode,
        totals: Totals {
            before: Amount::from_wei(before),
            after: Amount::from_wei(after),
            slashed: Amount::from_wei(slashed),
            slashed_by_avss: Amount::from_wei(by_avss),
            slashed_by_beacon_chain: Amount::from_wei(by_beacon),
        },
        events,
        operators,
        avss,
        protocols,
        positions,
        position_totals,
        contagion,
        notes: notes(engine.mode),
    };
    conservation::check_accounts(&report)?;
    conservation::check_positions(&report)?;
    Ok(report)
}

/// The modelling choices in force in `mode`, each with a stable id.
fn notes(mode: StakeMode) -> Vec<ModelNote> {
    let mut n = vec![
        (
            "decimals",
            "Fractions and ETH amounts are read as the decimals typed: exact to 18 places (1 wei, 1e-18 WAD), then rounded to the nearest unit, ties down.",
        ),
        (
            "stakers",
            "Each delegation is one EigenLayer staker with its own EigenPod; its stake is split native/LST by the protocol's nativeShare; LSTs count 1:1 in ETH and their own validators' slashing is not modelled.",
        ),
        (
            "queue",
            "Queued withdrawals entered the queue less than 14 days ago, so all of them are still slashable; an LRT's backing includes them and all its holders share their loss.",
        ),
        (
            "beaconPods",
            "A beacon-chain loss of an operator's validators falls on the pods delegated to it in proportion to their balances (each share rounded up, capped at the pod).",
        ),
        (
            "beaconWindow",
            "Slashed validators: balance equal to effective balance when slashed; total active balance constant; no inactivity leak; every beaconSlashing event of the sequence in the same 8192-epoch window.",
        ),
    ];
    match mode {
        StakeMode::UniqueStake => n.push((
            "magnitudes",
            "Allocations are settled (no pending allocation or deallocation) and the same magnitude of both strategies, so one ledger per operator serves both.",
        )),
        StakeMode::SharedStake => {
            n.push((
                "sharedVault",
                "Each operator's stake in a strategy is one Symbiotic vault with that operator only; an omitted network limit is the whole active stake (full restaking).",
            ));
            n.push((
                "sharedCapture",
                "All slashes share one capture timestamp, before the first event; requests are ⌈w · network stake⌉ and are paid first come, first served.",
            ));
            n.push((
                "sharedBeacon",
                "Beacon-chain slashing is applied as in EigenLayer (pod factor l with priority), so only the AVS semantics differ between the modes.",
            ));
        }
    }
    n.into_iter()
        .map(|(id, text)| ModelNote {
            id: id.to_owned(),
            text: text.to_owned(),
        })
        .collect()
}
