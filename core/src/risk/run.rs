//! A Monte Carlo run in slices: simulate the next `n` paths, merge them, report how many are
//! done, and finish with the report. One stepper for every caller that must yield between
//! slices: the Risk page's Web Worker and its main-thread fallback, and the npm `RiskRun` class.
//!
//! Slice `k` covers paths `done .. done + n` of the same model; [`RiskPartial::merge`] is exact
//! and associative (see the [module documentation](super)), so after any sequence of steps that
//! covers all `options.paths` paths, [`RiskRun::finish`] equals
//! [`simulate_risk`](super::simulate_risk) with the same seed, bit for bit.
//!
//! # Example
//! ```
//! use restake_core::risk::{RiskOptions, RiskRun, SeedInput, risk_demo, simulate_risk};
//! let demo = risk_demo().unwrap();
//! let options = RiskOptions { paths: 2_500.0, seed: Some(SeedInput::Number(9.0)), ..demo.options };
//! let mut run = RiskRun::new(&demo.network, &options).unwrap();
//! while run.step(1_000).unwrap() < run.paths() {} // 1,000, 2,000, then 2,500 paths
//! assert_eq!(run.finish().unwrap(), simulate_risk(&demo.network, &options).unwrap());
//! ```

use std::sync::Arc;

use super::{MAX_PATHS, RiskModel, RiskOptions, RiskPartial, RiskReport};
use crate::Error;
use crate::network::Network;

/// A run in progress: the validated model (shared, so a page can keep it for the next run) and
/// the partial result of the paths `0..done` simulated so far.
pub struct RiskRun {
    model: Arc<RiskModel>,
    partial: RiskPartial,
}

impl RiskRun {
    /// Validates the network and options and resolves the seed, like
    /// [`RiskModel::new`] (errors name the field: `options.paths`, `options.seed`, …). No path is
    /// simulated yet.
    pub fn new(network: &Network, options: &RiskOptions) -> Result<RiskRun, Error> {
        Ok(RiskRun::from_model(Arc::new(RiskModel::new(
            network, options,
        )?)))
    }

    /// A run of an already built model, from path 0.
    pub fn from_model(model: Arc<RiskModel>) -> RiskRun {
        RiskRun {
            partial: model.empty_partial(),
            model,
        }
    }

    /// The seed in use (`options.seed`, or the one drawn for the run).
    pub fn seed(&self) -> u64 {
        self.model.seed()
    }

    /// Paths of the whole run (`options.paths`), `1..=`[`MAX_PATHS`].
    pub fn paths(&self) -> u64 {
        self.model.paths()
    }

    /// Paths simulated so far, `0..=paths()`.
    pub fn done(&self) -> u64 {
        self.partial.paths()
    }

    /// Simulates the next `min(n, paths() − done())` paths and merges them; returns `done()`,
    /// the paths simulated so far. `n` is a whole number of paths in `1..=`[`MAX_PATHS`] (an
    /// [`Error::OutOfRange`] on field `n` otherwise); a step after the last path does nothing.
    /// Use [`path_count`](super::input::path_count) with field `"n"` to read `n` from a number.
    pub fn step(&mut self, n: u64) -> Result<u64, Error> {
        if !(1..=MAX_PATHS).contains(&n) {
            return Err(Error::OutOfRange {
                field: "n".to_owned(),
                value: n as f64,
                expected: "a whole number of paths in 1..=10000000".to_owned(),
            });
        }
        let first = self.done();
        let n = n.min(self.paths() - first);
        if n > 0 {
            let chunk = self.model.simulate_chunk(first, n)?;
            self.partial.merge(chunk)?;
        }
        Ok(self.done())
    }

    /// The report of the paths `0..done()`: once `done() == paths()`, the report of
    /// [`simulate_risk`](super::simulate_risk) with the same seed (before, the report of a run
    /// of `done()` paths). An error on `partial.paths` before the first step.
    pub fn finish(&self) -> Result<RiskReport, Error> {
        self.model.finish(&self.partial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::input::path_count;
    use crate::risk::{SeedInput, risk_demo, simulate_risk};

    fn input(paths: f64) -> (Network, RiskOptions) {
        let demo = risk_demo().unwrap();
        let options = RiskOptions {
            paths,
            seed: Some(SeedInput::Number(11.0)),
            ..demo.options
        };
        (demo.network, options)
    }

    #[test]
    fn any_slicing_gives_the_single_call_report() {
        // 4,000 paths of the demo with seed 11: one slice, even slices, uneven slices, single
        // paths at the start, and a slice larger than the run all give simulate_risk's report.
        let (network, options) = input(4_000.0);
        let expected = simulate_risk(&network, &options).unwrap();
        for slices in [
            vec![4_000],
            vec![1_000],
            vec![3_001, 7],
            vec![1, 1, 1, 997],
            vec![MAX_PATHS],
        ] {
            let mut run = RiskRun::new(&network, &options).unwrap();
            assert_eq!((run.done(), run.paths(), run.seed()), (0, 4_000, 11));
            let mut done = Vec::new();
            let mut i = 0;
            while run.done() < run.paths() {
                done.push(run.step(slices[i.min(slices.len() - 1)]).unwrap());
                i += 1;
            }
            assert_eq!(*done.last().unwrap(), 4_000, "{slices:?}");
            assert!(done.is_sorted(), "{done:?}");
            assert_eq!(run.finish().unwrap(), expected, "{slices:?}");
            // A step after the end changes nothing.
            assert_eq!(run.step(5).unwrap(), 4_000);
            assert_eq!(run.finish().unwrap(), expected);
        }
    }

    #[test]
    fn a_finish_before_the_end_reports_the_paths_done() {
        // The first 1,500 of 4,000 paths are the run of 1,500 paths with the same seed.
        let (network, options) = input(4_000.0);
        let mut run = RiskRun::new(&network, &options).unwrap();
        assert_eq!(run.step(1_500).unwrap(), 1_500);
        let (_, shorter) = input(1_500.0);
        assert_eq!(
            run.finish().unwrap(),
            simulate_risk(&network, &shorter).unwrap()
        );
    }

    #[test]
    fn bad_steps_and_inputs_name_the_field() {
        let (network, options) = input(100.0);
        let mut run = RiskRun::new(&network, &options).unwrap();
        assert_eq!(run.finish().unwrap_err().field(), "partial.paths");
        for n in [0, MAX_PATHS + 1] {
            assert_eq!(run.step(n).unwrap_err().field(), "n");
        }
        assert_eq!(run.done(), 0);
        for n in [0.0, 2.5, -1.0, 1e7 + 1.0, f64::NAN] {
            assert_eq!(path_count("n", n).unwrap_err().field(), "n", "{n}");
        }
        assert_eq!(path_count("n", 1e7).unwrap(), MAX_PATHS);
        let (_, bad) = input(0.5);
        assert_eq!(
            RiskRun::new(&network, &bad)
                .err()
                .map(|e| e.field().to_owned()),
            Some("options.paths".to_owned())
        );
    }
}
