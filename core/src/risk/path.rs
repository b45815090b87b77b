//! The linear exposure model, built once from the network, and the simulation of one path.
//!
//! Instead of running the wei ledger of [`crate::slashing`] on every path, the model keeps, per
//! operator `o`, each LRT `j`'s exposure `e_jo = (w_jo·R_j + q_jo) / B_j` (its stake with `o`,
//! queued withdrawals included, over its backing `B_j = R_j + Σ q_j`) and native share `n_j`.
//! In one path, with EigenLayer's unique stake (ELIP-002):
//!
//! - each operator set `s` of `o` (magnitude `a_s`) keeps `K_s = Π (1 − w)` of its allocation over
//!   the slashes `w` it takes, so `o` loses `r_o = Σ_s a_s·(1 − K_s)` of its stake — additive over
//!   sets, multiplicative within a set, exactly as the magnitude ledger (up to its WAD rounding);
//! - beacon-chain slashing takes `β_o` of `o`'s native ETH and composes multiplicatively, with
//!   priority (the pods' factor `l` of `a = s·k·l·m`): `β_o = 1 − Π (1 − φ·λ)` over the incidents,
//!   `φ` the share of `o`'s validators slashed and `λ` the loss per slashed ETH;
//! - LRT `j` loses `Σ_o e_jo·[n_j·β_o + (1 − n_j·β_o)·r_o]` of its backing, split exactly into a
//!   beacon part `e·n·β` per operator and an AVS part `e·(1 − n·β)·a_s·(1 − K_s)` per set.
//!
//! `λ = min(1, 1/4096 + m + min(3·F/T, 1))` (Electra, [`crate::consensus::beacon`]): the initial
//! penalty `EB/4096`, the missed-attestation penalties `m` of a lone 32 ETH validator (computed
//! once with [`validator_loss`]), and the correlation penalty with `F` the ETH slashed in the
//! window — every beacon incident of the path plus `otherSlashedEth` (taken to fall within one
//! 8192-epoch window, a conservative assumption) — out of the total active balance `T`.
//!
//! Approximations, each a labelled modelling choice: unique stake only (no Symbiotic shared
//! stake); 32 ETH validators; no effective-balance hysteresis and no integer rounding (the tests
//! agree with [`crate::slashing::apply_slashing`] to 1e-9 on AVS events and to 1e-6 on beacon
//! events); two incidents at one operator hit different validators; at most one event per source
//! and path.

use super::carry::CarryTable;
use super::input::{RiskOptions, Severity};
use super::sampler::{PathRng, Survival};
use crate::Error;
use crate::consensus::beacon::{EFFECTIVE_BALANCE_INCREMENT, validator_loss};
use crate::network::{IdIndex, Network};

/// One LRT of the network: a protocol with a `restaking` entry.
#[derive(Debug, Clone)]
pub(crate) struct Lrt {
    pub id: String,
    pub name: String,
    pub token: String,
    /// `R + Σ q`, ETH.
    pub backing_eth: f64,
}

#[derive(Debug, Clone, Copy)]
struct Stake {
    lrt: usize,
    /// `e_jo`, fraction of the LRT's backing.
    exposure: f64,
    /// `n_j`, fraction.
    native: f64,
}

#[derive(Debug, Clone, Copy)]
struct Set {
    avs: usize,
    magnitude: f64,
    /// Index into the allocations.
    alloc: usize,
}

#[derive(Debug, Clone, Copy)]
enum Source {
    Fault { operator: usize, alloc: usize },
    Bug { avs: usize },
    Beacon { operator: usize },
    Shock,
}

/// Where a part of a path's loss comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Operator `operator`'s beacon-chain slashing.
    Beacon { operator: usize },
    /// Operator `operator`'s operator set with AVS `avs`.
    Avs { operator: usize, avs: usize },
}

/// The model of a run, built once.
pub(crate) struct Model {
    pub lrts: Vec<Lrt>,
    pub operator_ids: Vec<String>,
    pub avs_ids: Vec<String>,
    /// Per LRT, its share of the user's positions (fraction; sums to 1 when any).
    pub position_weights: Vec<f64>,
    /// Total of the user's positions in LRTs of the network, ETH.
    pub position_eth: f64,
    /// The loop on the positions (`options.carry`), precomputed.
    pub carry: Option<CarryTable>,
    stakes: Vec<Vec<Stake>>,
    sets: Vec<Vec<Set>>,
    members: Vec<Vec<(usize, usize)>>,
    native_eth: Vec<f64>,
    sources: Vec<Source>,
    survival: Survival,
    fault_severity: Severity,
    bug_severity: Severity,
    beacon_severity: Severity,
    shock_severity: Severity,
    hit_share: f64,
    correlation: f64,
    /// `1/4096 + m`: the part of `λ` that does not depend on `F`.
    base_penalty: f64,
    total_active_eth: f64,
    other_slashed_eth: f64,
    alloc_count: usize,
    /// Expected work of one path, in work units ([`Model::path_cost`]).
    pub path_cost: f64,
}

/// Expected work of one path, in work units (one unit ≈ one inner-loop step: a stake or set
/// touched, a source searched): `W = S + 32 + Σₖ pₖ·cₖ + min(1, Σₖ pₖ)·Σₒ |stakesₒ|·(1 + |setsₒ|)`
/// — `S` sources searched (an upper bound on the survival search), 32 for the path's seeding
/// and its share of sorting the statistics, each source's horizon probability `pₖ` times what
/// its event touches `cₖ` (a fault: its set; a bug: the AVS's members; a beacon slashing: one
/// incident; the shock: every operator), and the settlement of a path with any event (every
/// operator's stakes and sets, at most); a loop (`options.carry`) adds `8 + R` for its rate draw
/// among `R` rate paths and the looped loss. Used by the work budget of one-shot runs
/// ([`super::MAX_RISK_WORK`]).
fn path_cost(
    sources: &[Source],
    probs: &[f64],
    stakes: &[Vec<Stake>],
    sets: &[Vec<Set>],
    members: &[Vec<(usize, usize)>],
    n_ops: usize,
) -> f64 {
    let events: f64 = sources
        .iter()
        .zip(probs)
        .map(|(s, p)| {
            let touched = match s {
                Source::Fault { .. } | Source::Beacon { .. } => 1,
                Source::Bug { avs } => members[*avs].len(),
                Source::Shock => n_ops,
            };
            p * touched as f64
        })
        .sum();
    let settle: usize = stakes
        .iter()
        .zip(sets)
        .map(|(st, se)| st.len() * (1 + se.len()))
        .sum();
    let any = probs.iter().sum::<f64>().min(1.0);
    sources.len() as f64 + 32.0 + events + any * settle as f64
}

/// `1 − (1 − p)^T`: the probability of at least one event in `T` years.
fn over_horizon(p: f64, years: f64) -> f64 {
    if p >= 1.0 {
        1.0
    } else {
        (1.0 - libm::pow(1.0 - p, years)).clamp(0.0, 1.0)
    }
}

impl Model {
    /// Validates the scenario and options and precomputes the exposures.
    pub fn new(network: &Network, options: &RiskOptions) -> Result<Model, Error> {
        network.validate()?;
        options.validate()?;
        let operator_ids: Vec<String> = network.operators.iter().map(|o| o.id.clone()).collect();
        let avs_ids: Vec<String> = network.avss.iter().map(|a| a.id.clone()).collect();
        let operator_index = IdIndex::new(operator_ids.iter().map(String::as_str));
        let avs_index = IdIndex::new(avs_ids.iter().map(String::as_str));
        let protocol_index = IdIndex::new(network.protocols.iter().map(|p| p.id.as_str()));
        let restaking_index = IdIndex::new(network.restaking.iter().map(|r| r.protocol.as_str()));
        let mut lrts = Vec::new();
        let mut lrt_of = vec![None; network.protocols.len()];
        let mut restaked = Vec::new();
        // Each protocol's queued withdrawals, summed in delegation order.
        let mut queued_of = vec![0.0; network.protocols.len()];
        for d in &network.delegations {
            if let Some(p) = protocol_index.get(&d.protocol) {
                queued_of[p] += d.queued_withdrawal_eth;
            }
        }
        for (p, proto) in network.protocols.iter().enumerate() {
            if let Some(r) = restaking_index
                .get(&proto.id)
                .map(|k| &network.restaking[k])
            {
                let queued = queued_of[p];
                lrt_of[p] = Some(lrts.len());
                restaked.push((r.restaked_eth, r.native_share));
                lrts.push(Lrt {
                    id: proto.id.clone(),
                    name: proto.name.clone(),
                    token: proto.token.clone(),
                    backing_eth: r.restaked_eth + queued,
                });
            }
        }
        let n_ops = operator_ids.len();
        let mut stakes = vec![Vec::new(); n_ops];
        let mut native_eth: Vec<f64> = network
            .operators
            .iter()
            .map(|o| o.other_delegated_eth * o.other_native_share)
            .collect();
        for (i, d) in network.delegations.iter().enumerate() {
            let p = protocol_index
                .get(&d.protocol)
                .and_then(|p| lrt_of[p])
                .ok_or_else(|| Error::UnknownReference {
                    field: format!("delegations[{i}].protocol"),
                    value: d.protocol.clone(),
                    target: "restaking entry (restaking[].protocol)".to_owned(),
                })?;
            let o = operator_index.resolve(&d.operator, "operator", || {
                format!("delegations[{i}].operator")
            })?;
            let (r, n) = restaked[p];
            let stake = d.weight * r + d.queued_withdrawal_eth;
            native_eth[o] += n * stake;
            if lrts[p].backing_eth > 0.0 && stake > 0.0 {
                stakes[o].push(Stake {
                    lrt: p,
                    exposure: stake / lrts[p].backing_eth,
                    native: n,
                });
            }
        }
        let mut sets = vec![Vec::new(); n_ops];
        let mut members = vec![Vec::new(); avs_ids.len()];
        for (i, a) in network.allocations.iter().enumerate() {
            let o = operator_index.resolve(&a.operator, "operator", || {
                format!("allocations[{i}].operator")
            })?;
            let v = avs_index.resolve(&a.avs, "AVS", || format!("allocations[{i}].avs"))?;
            sets[o].push(Set {
                avs: v,
                magnitude: a.magnitude,
                alloc: i,
            });
            members[v].push((o, i));
        }

        let pr = &options.probabilities;
        let years = options.horizon_years;
        let mut fault_p: Vec<f64> = vec![pr.operator_fault.per_year; n_ops];
        let mut beacon_p: Vec<f64> = vec![pr.beacon_slashing.per_year; n_ops];
        for (i, o) in pr.operators.iter().enumerate() {
            let k = operator_index.resolve(&o.operator, "operator", || {
                format!("options.probabilities.operators[{i}].operator")
            })?;
            if let Some(p) = o.fault_per_year {
                fault_p[k] = p;
            }
            if let Some(p) = o.beacon_per_year {
                beacon_p[k] = p;
            }
        }
        let mut bug_p = vec![pr.avs_bug.per_year; avs_ids.len()];
        for (i, a) in pr.avss.iter().enumerate() {
            let k = avs_index.resolve(&a.avs, "AVS", || {
                format!("options.probabilities.avss[{i}].avs")
            })?;
            bug_p[k] = a.bug_per_year;
        }
        // Sources in a fixed order: faults per allocation, bugs per AVS, beacon per operator,
        // the shock. Sources that cannot fire or cannot cause a loss are left out.
        let mut sources = Vec::new();
        let mut probs = Vec::new();
        let mut push = |s: Source, p: f64| {
            let p = over_horizon(p, years);
            if p > 0.0 {
                sources.push(s);
                probs.push(p);
            }
        };
        for (o, list) in sets.iter().enumerate() {
            for s in list {
                if s.magnitude > 0.0 && !stakes[o].is_empty() {
                    push(
                        Source::Fault {
                            operator: o,
                            alloc: s.alloc,
                        },
                        fault_p[o],
                    );
                }
            }
        }
        for (v, m) in members.iter().enumerate() {
            if !m.is_empty() {
                push(Source::Bug { avs: v }, bug_p[v]);
            }
        }
        for (o, &n) in native_eth.iter().enumerate() {
            if n > 0.0 {
                push(Source::Beacon { operator: o }, beacon_p[o]);
            }
        }
        if n_ops > 0 && pr.common_shock.hit_share > 0.0 {
            push(Source::Shock, pr.common_shock.per_year);
        }

        let path_cost = path_cost(&sources, &probs, &stakes, &sets, &members, n_ops);

        let gwei = EFFECTIVE_BALANCE_INCREMENT;
        let total_gwei = (options.total_active_balance_eth * gwei as f64) as u128;
        let lone = validator_loss(32 * gwei, 32 * gwei, total_gwei.max(gwei));
        let missed = lone.missed_attestations as f64 / (32 * gwei) as f64;

        let mut position_weights = vec![0.0; lrts.len()];
        for p in &network.positions {
            if let Some(j) = protocol_index.get(&p.protocol).and_then(|k| lrt_of[k]) {
                position_weights[j] += p.amount_eth;
            }
        }
        let position_eth: f64 = position_weights.iter().sum();
        if !position_eth.is_finite() {
            return Err(Error::OutOfRange {
                field: "positions".to_owned(),
                value: position_eth,
                expected: "positions whose total is a finite amount of ETH".to_owned(),
            });
        }
        if position_eth > 0.0 {
            for w in &mut position_weights {
                *w /= position_eth;
            }
        }

        let carry = match &options.carry {
            None => None,
            Some(_) if position_eth <= 0.0 => {
                return Err(Error::OutOfRange {
                    field: "options.carry".to_owned(),
                    value: position_eth,
                    expected: "a loop on positions: hold some ETH in one of the scenario's LRTs (positions)".to_owned(),
                });
            }
            Some(c) => Some(c.table(options.horizon_years)?),
        };
        // A loop adds a rate draw, a lookup among its rate paths and the looped loss per path.
        let loop_cost = carry.as_ref().map_or(0.0, |c| 8.0 + c.len() as f64);
        Ok(Model {
            lrts,
            operator_ids,
            avs_ids,
            position_weights,
            position_eth,
            carry,
            stakes,
            sets,
            members,
            native_eth,
            survival: Survival::new(&probs),
            sources,
            fault_severity: pr.operator_fault.severity,
            bug_severity: pr.avs_bug.severity,
            beacon_severity: pr.beacon_slashing.severity,
            shock_severity: pr.common_shock.slashed_share,
            hit_share: pr.common_shock.hit_share,
            correlation: pr.common_shock.correlation,
            base_penalty: 1.0 / 4096.0 + missed,
            total_active_eth: options.total_active_balance_eth,
            other_slashed_eth: options.other_slashed_eth,
            alloc_count: network.allocations.len(),
            path_cost: path_cost + loop_cost,
        })
    }

    /// Number of loss series: one per LRT, plus the position when the user holds any, plus the
    /// looped position when `options.carry` is given.
    pub fn series(&self) -> usize {
        self.lrts.len() + usize::from(self.position_eth > 0.0) + usize::from(self.carry.is_some())
    }

    /// Working memory for [`Model::run_path`].
    pub fn scratch(&self) -> Scratch {
        Scratch {
            keep: vec![1.0; self.alloc_count],
            touched_allocs: Vec::new(),
            op_touched: vec![false; self.operator_ids.len()],
            touched_ops: Vec::new(),
            incidents: Vec::new(),
            beacon_keep: vec![1.0; self.operator_ids.len()],
            loss: vec![0.0; self.series()],
        }
    }

    fn touch(&self, s: &mut Scratch, o: usize) {
        if !s.op_touched[o] {
            s.op_touched[o] = true;
            s.touched_ops.push(o);
        }
    }

    fn slash_set(&self, s: &mut Scratch, o: usize, alloc: usize, w: f64) {
        if w > 0.0 {
            if s.keep[alloc] == 1.0 {
                s.touched_allocs.push(alloc);
            }
            s.keep[alloc] *= 1.0 - w;
            self.touch(s, o);
        }
    }

    /// Simulates path `path` of a run seeded with `seed`: leaves each series' loss (fraction of
    /// the LRT's backing, or of the position) in `scratch.loss` and reports every part of each
    /// LRT's loss to `sink(lrt, part, fraction)`. Returns false when no event happened (all
    /// losses 0).
    pub fn run_path(
        &self,
        seed: u64,
        path: u64,
        s: &mut Scratch,
        mut sink: impl FnMut(usize, Part, f64),
    ) -> bool {
        let mut rng = PathRng::new(seed, path);
        let mut any = false;
        for &block in &self.survival.blocks {
            let mut from = block.0;
            while let Some(k) = self.survival.next(block, from, rng.uniform_open0()) {
                any = true;
                from = k + 1;
                self.fire(k, &mut rng, s);
            }
        }
        for l in &mut s.loss {
            *l = 0.0;
        }
        if !any {
            return false;
        }
        self.settle(s, &mut sink);
        true
    }

    /// Applies source `k`'s event to the path state.
    fn fire(&self, k: usize, rng: &mut PathRng, s: &mut Scratch) {
        {
            match self.sources[k] {
                Source::Fault { operator, alloc } => {
                    let w = rng.severity(&self.fault_severity);
                    self.slash_set(s, operator, alloc, w);
                }
                Source::Bug { avs } => {
                    let w = rng.severity(&self.bug_severity);
                    for &(o, alloc) in &self.members[avs] {
                        self.slash_set(s, o, alloc, w);
                    }
                }
                Source::Beacon { operator } => {
                    let phi = rng.severity(&self.beacon_severity);
                    s.incidents.push((operator, phi));
                }
                Source::Shock => {
                    let together = rng.uniform() < self.correlation;
                    let all = together && rng.uniform() < self.hit_share;
                    for o in 0..self.operator_ids.len() {
                        let hit = if together {
                            all
                        } else {
                            rng.uniform() < self.hit_share
                        };
                        if hit && self.native_eth[o] > 0.0 {
                            let phi = rng.severity(&self.shock_severity);
                            s.incidents.push((o, phi));
                        }
                    }
                }
            }
        }
    }

    /// Turns the path state into losses and parts, then resets the state.
    fn settle(&self, s: &mut Scratch, sink: &mut impl FnMut(usize, Part, f64)) {
        // Beacon chain: the window's slashed ETH, then each operator's kept share of native ETH.
        if !s.incidents.is_empty() {
            let window: f64 = self.other_slashed_eth
                + s.incidents
                    .iter()
                    .map(|&(o, phi)| phi * self.native_eth[o])
                    .sum::<f64>();
            let lambda =
                (self.base_penalty + (3.0 * window / self.total_active_eth).min(1.0)).min(1.0);
            for i in 0..s.incidents.len() {
                let (o, phi) = s.incidents[i];
                if phi > 0.0 {
                    s.beacon_keep[o] *= 1.0 - phi * lambda;
                    self.touch(s, o);
                }
            }
        }
        let lrts = self.lrts.len();
        for &o in &s.touched_ops {
            let beta = 1.0 - s.beacon_keep[o];
            for st in &self.stakes[o] {
                let nb = st.native * beta;
                if nb > 0.0 {
                    let part = st.exposure * nb;
                    s.loss[st.lrt] += part;
                    sink(st.lrt, Part::Beacon { operator: o }, part);
                }
                for set in &self.sets[o] {
                    let k = s.keep[set.alloc];
                    if k < 1.0 {
                        let part = st.exposure * (1.0 - nb) * set.magnitude * (1.0 - k);
                        s.loss[st.lrt] += part;
                        sink(
                            st.lrt,
                            Part::Avs {
                                operator: o,
                                avs: set.avs,
                            },
                            part,
                        );
                    }
                }
            }
        }
        for l in &mut s.loss[..lrts] {
            *l = l.clamp(0.0, 1.0);
        }
        if self.position_eth > 0.0 {
            let p: f64 = (0..lrts)
                .map(|j| self.position_weights[j] * s.loss[j])
                .sum();
            s.loss[lrts] = p.clamp(0.0, 1.0);
        }
        // Reset the touched state for the next path.
        for &a in &s.touched_allocs {
            s.keep[a] = 1.0;
        }
        for &o in &s.touched_ops {
            s.op_touched[o] = false;
            s.beacon_keep[o] = 1.0;
        }
        s.touched_allocs.clear();
        s.touched_ops.clear();
        s.incidents.clear();
    }
}

/// Per-path working memory, reset after each path.
pub(crate) struct Scratch {
    keep: Vec<f64>,
    touched_allocs: Vec<usize>,
    op_touched: Vec<bool>,
    touched_ops: Vec<usize>,
    incidents: Vec<(usize, f64)>,
    beacon_keep: Vec<f64>,
    /// Each series' loss in the last path: LRTs (fraction of backing), then the position
    /// (fraction of its value).
    pub loss: Vec<f64>,
}
