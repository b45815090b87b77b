//! Monte Carlo risk: correlated slashing over a horizon, the loss distribution of each LRT and of
//! the user's position, VaR and expected shortfall, and where the loss comes from.
//!
//! Each path draws, over `horizonYears`, independent operator faults (one source per operator
//! set), AVS bugs (slashing every operator registered with the AVS), beacon-chain incidents (a
//! share of an operator's validators slashed, with the Electra correlation penalty) and a
//! common-cause shock that hits a correlated set of operators ([`input::CommonShock`]). Losses
//! follow the linear exposure model of [`path`], precomputed once from the network.
//!
//! # Determinism and chunks
//!
//! Path `i`'s randomness depends only on `(seed, i)` ([`sampler`]), the per-path losses are kept
//! (only paths with a loss, at most [`MAX_STORED_VALUES`] numbers), and the expected-loss sums are
//! fixed point, so a [`RiskPartial`] of any set of paths merges exactly and associatively with
//! another: `finish` of `merge(chunk(0..k), chunk(k..n))` equals `finish(chunk(0..n))` bit for
//! bit, on every target. [`RiskRun`] steps through the paths in slices of any size, so a Web
//! Worker can report progress and stop between slices.
//!
//! # Example
//! ```
//! use restake_core::risk::{simulate_risk, RiskOptions, SeedInput};
//! let demo = restake_core::risk::risk_demo().unwrap();
//! let options = RiskOptions { paths: 2_000.0, seed: Some(SeedInput::Number(42.0)), ..demo.options };
//! let r = simulate_risk(&demo.network, &options).unwrap();
//! assert_eq!(r.seed, "42");
//! assert_eq!(r.lrts.len(), 3);
//! let pos = r.position.unwrap();
//! assert!(pos.loss.var95 <= pos.loss.es95 && pos.loss.es99 <= pos.loss.worst);
//! ```

pub mod carry;
pub mod contribution;
pub mod input;
pub mod path;
pub mod run;
pub mod sampler;
pub mod stats;

use serde::{Deserialize, Serialize};

pub use carry::{AprPoint, LoopRisk, MAX_RATE_PATHS, RatePath, RatePathOutcome, RiskCarry};
pub use contribution::{Contribution, Contributions};
pub use input::{
    AvsRisk, CommonShock, EventRisk, MAX_PATHS, OperatorRisk, Probabilities, RiskOptions,
    SeedInput, Severity,
};
pub use run::RiskRun;
pub use stats::{Bin, Histogram, LossDistribution};

use crate::Error;
use crate::network::Network;
use crate::network::demo::DemoNote;
use contribution::Layout;
use path::Model;

/// Most per-path loss values one run keeps (10,000,000 `f64`, 80 MB): only paths with a loss
/// are kept, one value per series (each LRT, and the position). A run whose lossy paths would
/// need more fails with an error on `options.paths`.
pub const MAX_STORED_VALUES: usize = 10_000_000;

/// Work budget of a one-shot run, work units (see [`RiskModel::work`]): about 3 s of wasm at
/// [`RISK_UNITS_PER_SECOND`], so `simulateRisk` or a page never blocks longer than that.
pub const MAX_RISK_WORK: f64 = 1e9;

/// Work units a wasm build runs per second on the reference machine (BENCHMARKS.md), measured
/// on the demo and bench-standard networks; used only to say how long a refused run would take.
pub const RISK_UNITS_PER_SECOND: f64 = 3e8;

/// The loss distribution of one LRT, as a fraction of its backing (the fall of its exchange
/// rate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LrtRisk {
    /// Protocol id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token symbol.
    pub token: String,
    /// Backing (restaked ETH plus queued withdrawals), ETH.
    pub backing_eth: f64,
    /// Loss as a fraction of the backing, `0..=1`.
    pub loss: LossDistribution,
    /// Contributions, as fractions of the backing.
    pub contributions: Contributions,
}

/// The loss distribution of the user's positions together, in ETH.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PositionRisk {
    /// Value of the positions in the scenario's LRTs, ETH.
    pub value_eth: f64,
    /// Loss, ETH, `0..=valueEth`.
    pub loss: LossDistribution,
    /// Contributions, ETH.
    pub contributions: Contributions,
}

/// The report of a run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RiskReport {
    /// The seed, a `u64` in decimal: pass it back as `options.seed` to reproduce the run.
    pub seed: String,
    /// Paths simulated.
    pub paths: u64,
    /// Horizon, years.
    pub horizon_years: f64,
    /// Per LRT (each protocol with a `restaking` entry), in scenario order.
    pub lrts: Vec<LrtRisk>,
    /// The user's positions, when they hold any in the scenario's LRTs.
    pub position: Option<PositionRisk>,
    /// The positions looped under `options.carry`, when given.
    pub looped: Option<LoopRisk>,
}

/// The built-in starting point: the demo network ([`crate::network::demo`]), default options with a fixed seed,
/// and the basis of every figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RiskDemo {
    /// The network (three LRTs, four operators, four AVSs).
    pub network: Network,
    /// Default options: 100,000 paths, one year, seed 1, the default probabilities.
    pub options: RiskOptions,
    /// The basis of each figure (network and probabilities).
    pub notes: Vec<DemoNote>,
}

/// The demo input.
pub fn risk_demo() -> Result<RiskDemo, Error> {
    let d = crate::network::demo::demo()?;
    let mut notes: Vec<DemoNote> = d.notes;
    notes.extend(input::assumption_notes());
    Ok(RiskDemo {
        network: d.network,
        options: RiskOptions {
            seed: Some(SeedInput::Number(1.0)),
            ..RiskOptions::default()
        },
        notes,
    })
}

/// A seed from the operating system (or Web Crypto on wasm32), for a run whose caller gives
/// none. Feature `entropy`; the only input core takes from outside its arguments.
#[cfg(feature = "entropy")]
pub fn fresh_seed() -> Result<u64, Error> {
    getrandom::u64().map_err(|e| Error::Invariant {
        field: "options.seed".to_owned(),
        message: format!("no seed given and no system randomness available: {e}"),
    })
}

fn resolve_seed(options: &RiskOptions) -> Result<u64, Error> {
    match &options.seed {
        Some(s) => s.value("options.seed"),
        #[cfg(feature = "entropy")]
        None => fresh_seed(),
        #[cfg(not(feature = "entropy"))]
        None => Err(Error::InvalidText {
            field: "options.seed".to_owned(),
            value: String::new(),
            reason: "is required (build with the `entropy` feature to draw one)".to_owned(),
        }),
    }
}

/// The partial result of a set of paths: path count, the covered ranges, the per-path losses of
/// the paths with a loss, and the fixed-point expected-loss sums. Merging is exact and
/// associative (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq)]
pub struct RiskPartial {
    /// Series per stored row.
    stride: usize,
    layout: Layout,
    /// Covered path ranges `[start, end)`, sorted, disjoint.
    ranges: Vec<(u64, u64)>,
    paths: u64,
    /// Index of each stored path.
    rows: Vec<u64>,
    /// `stride` losses per stored path.
    values: Vec<f64>,
    /// Fixed-point sums, `lrts × layout.width()`.
    expected: Vec<u128>,
    /// Paths that drew each rate path of the loop (empty without one).
    rate_counts: Vec<u64>,
    /// Looped paths whose health factor at the horizon is below 1.
    underwater: u64,
}

impl RiskPartial {
    /// Number of paths covered.
    pub fn paths(&self) -> u64 {
        self.paths
    }

    /// Adds `other`'s paths. Errors when the partials come from different models, overlap, or
    /// together keep more than [`MAX_STORED_VALUES`] losses.
    pub fn merge(&mut self, other: RiskPartial) -> Result<(), Error> {
        if other.stride != self.stride
            || other.layout != self.layout
            || other.expected.len() != self.expected.len()
            || other.rate_counts.len() != self.rate_counts.len()
        {
            return Err(Error::Invariant {
                field: "partial".to_owned(),
                message: "partials of different scenarios cannot be merged".to_owned(),
            });
        }
        let mut ranges = self.ranges.clone();
        ranges.extend_from_slice(&other.ranges);
        ranges.sort_unstable();
        for w in ranges.windows(2) {
            if w[1].0 < w[0].1 {
                return Err(Error::OutOfRange {
                    field: "partial.firstPath".to_owned(),
                    value: w[1].0 as f64,
                    expected: format!("paths not already covered (up to {})", w[0].1),
                });
            }
        }
        check_stored(self.values.len() + other.values.len())?;
        self.ranges = ranges;
        self.paths += other.paths;
        self.rows.extend_from_slice(&other.rows);
        self.values.extend_from_slice(&other.values);
        for (a, b) in self.expected.iter_mut().zip(other.expected) {
            *a += b;
        }
        for (a, b) in self.rate_counts.iter_mut().zip(other.rate_counts) {
            *a += b;
        }
        self.underwater += other.underwater;
        Ok(())
    }
}

fn check_stored(values: usize) -> Result<(), Error> {
    if values > MAX_STORED_VALUES {
        return Err(Error::OutOfRange {
            field: "options.paths".to_owned(),
            value: values as f64,
            expected: format!(
                "fewer paths: at most {MAX_STORED_VALUES} per-path losses are kept (paths with a loss × series)"
            ),
        });
    }
    Ok(())
}

/// A validated run: the model built from the network, the seed, and the number of paths.
pub struct RiskModel {
    model: Model,
    seed: u64,
    paths: u64,
    horizon_years: f64,
}

impl RiskModel {
    /// Validates the scenario and options (errors name the field: `options.paths`,
    /// `options.probabilities.avsBug.perYear`, `allocations[2].magnitude`, …), resolves the
    /// seed and precomputes the exposures.
    pub fn new(network: &Network, options: &RiskOptions) -> Result<RiskModel, Error> {
        let model = Model::new(network, options)?;
        Ok(RiskModel {
            seed: resolve_seed(options)?,
            paths: options.path_count()?,
            horizon_years: options.horizon_years,
            model,
        })
    }

    /// The seed in use.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The number of paths of the run (`options.paths`).
    pub fn paths(&self) -> u64 {
        self.paths
    }

    /// Expected work of the whole run, work units: `options.paths × W` (`W`, the expected work
    /// of one path, see `path.rs`: sources, what each event touches times its probability, and
    /// the settlement of a path with a loss).
    pub fn work(&self) -> f64 {
        self.paths as f64 * self.model.path_cost
    }

    /// One-shot runs ([`RiskModel::run`], so `simulateRisk`, `runScenario` and the matrix's
    /// "Your scenario" column) refuse a run over [`MAX_RISK_WORK`] before simulating anything,
    /// with the largest `paths` that fits; a run in slices ([`RiskRun`], the Risk page's worker
    /// with progress and cancel) is not bounded by it.
    fn check_budget(&self) -> Result<(), Error> {
        let work = self.work();
        if work <= MAX_RISK_WORK {
            return Ok(());
        }
        let fits = (MAX_RISK_WORK / self.model.path_cost).floor();
        Err(Error::OutOfRange {
            field: "options.paths".to_owned(),
            value: self.paths as f64,
            expected: format!(
                "at most {fits} paths for this network and these probabilities: a one-shot run \
                 is capped at {MAX_RISK_WORK:e} work units (paths × {:.0} expected units per \
                 path, about {:.0} s); lower the paths, the horizon, the probabilities or the \
                 network's size, or run it in slices with RiskRun",
                self.model.path_cost,
                work / RISK_UNITS_PER_SECOND,
            ),
        })
    }

    fn layout(&self) -> Layout {
        Layout {
            operators: self.model.operator_ids.len(),
            avss: self.model.avs_ids.len(),
        }
    }

    /// A partial that covers no path.
    pub fn empty_partial(&self) -> RiskPartial {
        let layout = self.layout();
        RiskPartial {
            stride: self.model.series(),
            layout,
            ranges: Vec::new(),
            paths: 0,
            rows: Vec::new(),
            values: Vec::new(),
            expected: vec![0; self.model.lrts.len() * layout.width()],
            rate_counts: vec![0; self.model.carry.as_ref().map_or(0, |c| c.len())],
            underwater: 0,
        }
    }

    /// Simulates paths `first_path .. first_path + n_paths` (within `0..paths`).
    pub fn simulate_chunk(&self, first_path: u64, n_paths: u64) -> Result<RiskPartial, Error> {
        let end = first_path.checked_add(n_paths).filter(|&e| e <= self.paths);
        let Some(end) = end else {
            return Err(Error::OutOfRange {
                field: "chunk.paths".to_owned(),
                value: n_paths as f64,
                expected: format!("a chunk within the run's {} paths", self.paths),
            });
        };
        let mut p = self.empty_partial();
        let layout = p.layout;
        let stride = p.stride;
        let mut scratch = self.model.scratch();
        let expected = &mut p.expected;
        let lrts = self.model.lrts.len();
        for path in first_path..end {
            let mut any = self
                .model
                .run_path(self.seed, path, &mut scratch, |lrt, part, v| {
                    layout.add_fixed(expected, lrt, part, v);
                });
            if let Some(c) = &self.model.carry {
                // The position's slashing fraction, then the looped loss on the drawn rate path.
                let f = scratch.loss[lrts];
                let r = c.draw(self.seed, path);
                p.rate_counts[r] += 1;
                p.underwater += u64::from(c.underwater(r, f));
                let l = c.loss(r, f);
                scratch.loss[lrts + 1] = l;
                any |= l > 0.0;
            }
            if any && scratch.loss.iter().any(|&l| l > 0.0) {
                check_stored(p.values.len() + stride)?;
                p.rows.push(path);
                p.values.extend_from_slice(&scratch.loss);
            }
        }
        if n_paths > 0 {
            p.ranges.push((first_path, end));
        }
        p.paths = n_paths;
        Ok(p)
    }

    /// The report of the paths `partial` covers (all of them for a complete run).
    pub fn finish(&self, partial: &RiskPartial) -> Result<RiskReport, Error> {
        let n = partial.paths;
        if n == 0 || partial.stride != self.model.series() || partial.layout != self.layout() {
            return Err(Error::OutOfRange {
                field: "partial.paths".to_owned(),
                value: n as f64,
                expected: "a partial of this run with at least one path".to_owned(),
            });
        }
        let m = &self.model;
        let layout = partial.layout;
        let width = layout.width();
        let lrts = m.lrts.len();
        // Stored rows in path order.
        let mut order: Vec<usize> = (0..partial.rows.len()).collect();
        if !partial.rows.is_sorted() {
            order.sort_unstable_by_key(|&i| partial.rows[i]);
        }
        let series_values = |s: usize| -> Vec<(f64, u64)> {
            order
                .iter()
                .map(|&i| (partial.values[i * partial.stride + s], partial.rows[i]))
                .filter(|v| v.0 > 0.0)
                .collect()
        };
        let mut scratch = m.scratch();
        // Tail contributions of series `s` (an LRT, or the position when s == lrts).
        let mut tail_parts = |s: usize, tail: &stats::Tail| -> Vec<f64> {
            let mut acc = vec![0.0; width];
            for &(path, weight) in &tail.paths {
                m.run_path(self.seed, path, &mut scratch, |lrt, part, v| {
                    let w = if s == lrts {
                        m.position_weights[lrt]
                    } else if lrt == s {
                        1.0
                    } else {
                        return;
                    };
                    let (a, b) = layout.slots(part);
                    acc[a] += weight * w * v;
                    acc[b] += weight * w * v;
                });
            }
            acc.iter().map(|x| x / tail.denominator).collect()
        };
        let expected_of = |j: usize| -> Vec<f64> {
            (0..width)
                .map(|c| Layout::mean_of(partial.expected[j * width + c], n))
                .collect()
        };
        let mut out = Vec::with_capacity(lrts);
        for (j, lrt) in m.lrts.iter().enumerate() {
            let mut v = series_values(j);
            let (loss, tail) = stats::distribution(n, &mut v, 1.0);
            let tail99 = tail_parts(j, &tail);
            out.push(LrtRisk {
                id: lrt.id.clone(),
                name: lrt.name.clone(),
                token: lrt.token.clone(),
                backing_eth: lrt.backing_eth,
                loss,
                contributions: layout.rows(&expected_of(j), &tail99, &m.operator_ids, &m.avs_ids),
            });
        }
        let position = if m.position_eth > 0.0 {
            let scale = m.position_eth;
            let mut v = series_values(lrts);
            let (loss, tail) = stats::distribution(n, &mut v, scale);
            let tail99: Vec<f64> = tail_parts(lrts, &tail).iter().map(|x| x * scale).collect();
            let mut expected = vec![0.0; width];
            for j in 0..lrts {
                for (c, e) in expected_of(j).into_iter().enumerate() {
                    expected[c] += m.position_weights[j] * e * scale;
                }
            }
            Some(PositionRisk {
                value_eth: scale,
                loss,
                contributions: layout.rows(&expected, &tail99, &m.operator_ids, &m.avs_ids),
            })
        } else {
            None
        };
        let looped = match (&m.carry, &position) {
            (Some(c), Some(pos)) => {
                let scale = m.position_eth;
                let mut v = series_values(lrts + 1);
                let (loss, _) = stats::distribution(n, &mut v, scale);
                let mean_f = pos.loss.mean / scale;
                Some(c.report(
                    scale,
                    loss,
                    &partial.rate_counts,
                    partial.underwater,
                    mean_f,
                ))
            }
            _ => None,
        };
        Ok(RiskReport {
            seed: self.seed.to_string(),
            paths: n,
            horizon_years: self.horizon_years,
            lrts: out,
            position,
            looped,
        })
    }

    /// Runs all paths and reports. Natively the paths are split into one chunk per available
    /// core (threads); chunks merge exactly, so the report is the same as from one chunk. On
    /// wasm32 it is one chunk on the calling thread.
    pub fn run(&self) -> Result<RiskReport, Error> {
        self.check_budget()?;
        #[cfg(not(target_arch = "wasm32"))]
        {
            let threads = std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(8) as u64;
            if threads > 1 && self.paths >= 10_000 {
                let per = self.paths.div_ceil(threads);
                let parts: Vec<Result<RiskPartial, Error>> = std::thread::scope(|scope| {
                    let handles: Vec<_> = (0..threads)
                        .map(|t| {
                            let first = (t * per).min(self.paths);
                            let n = per.min(self.paths - first);
                            scope.spawn(move || self.simulate_chunk(first, n))
                        })
                        .collect();
                    handles
                        .into_iter()
                        .map(|h| {
                            h.join().unwrap_or_else(|_| {
                                Err(Error::Invariant {
                                    field: "risk.thread".to_owned(),
                                    message: "a simulation thread panicked".to_owned(),
                                })
                            })
                        })
                        .collect()
                });
                let mut acc = self.empty_partial();
                for p in parts {
                    acc.merge(p?)?;
                }
                return self.finish(&acc);
            }
        }
        self.finish(&self.simulate_chunk(0, self.paths)?)
    }
}

/// The whole run: validates, simulates `options.paths` paths with `options.seed` (drawn from
/// system randomness with feature `entropy` when omitted) and reports. See the
/// [module documentation](self).
pub fn simulate_risk(network: &Network, options: &RiskOptions) -> Result<RiskReport, Error> {
    RiskModel::new(network, options)?.run()
}

#[cfg(test)]
mod tests;
