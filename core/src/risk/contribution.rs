//! Where the loss comes from: each operator's and each AVS's contribution to the expected loss
//! and to the 99% expected shortfall.
//!
//! A path's loss of an LRT splits exactly into parts (see [`super::path`]): one beacon part per
//! operator and one AVS part per operator set. An operator's contribution is the sum of its parts
//! (beacon and AVS), so the operators' contributions add up to the total; an AVS's contribution is
//! the sum of its sets' AVS parts, so the AVSs' contributions plus `beaconChain` add up to the
//! total. The expected-loss contribution is a part's mean over all paths; the tail contribution is
//! its weighted mean over the paths that make up `ES99` (so the tail contributions add up to
//! `es99`). The position's contributions are the LRTs' weighted by the position's holdings.
//!
//! Expected-loss sums are kept in fixed point (`⌊part·2^52⌋` added into a `u128`), so adding chunk
//! partials is exact and associative: the split into chunks never changes a digit.

use serde::{Deserialize, Serialize};

use super::path::Part;

/// One operator's or AVS's contribution, in the series' unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    /// Operator or AVS id (`beacon-chain` for the beacon-chain row).
    pub id: String,
    /// Contribution to the mean loss.
    pub expected: f64,
    /// Contribution to the 99% expected shortfall.
    pub tail99: f64,
}

/// The contributions to one series' loss.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Contributions {
    /// Per operator (AVS and beacon-chain parts); they add up to the mean and to `es99`.
    pub operators: Vec<Contribution>,
    /// Per AVS (AVS parts only); with `beaconChain` they add up to the mean and to `es99`.
    pub avss: Vec<Contribution>,
    /// The beacon-chain parts of all operators.
    pub beacon_chain: Contribution,
}

/// Fixed-point scale of the expected-loss sums, `2^52`: a part in `0..=1` becomes a `u64` of at
/// most `2^52` (resolution 2.2e-16), and 10⁷ paths sum to less than `2^76`.
const FX: f64 = 4_503_599_627_370_496.0;

/// Index layout of a series' components: operators, then AVSs, then the beacon chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Layout {
    pub operators: usize,
    pub avss: usize,
}

impl Layout {
    /// Components per series.
    pub fn width(&self) -> usize {
        self.operators + self.avss + 1
    }

    /// The two components a part adds to: its operator, and its AVS or the beacon chain.
    #[inline]
    pub fn slots(&self, part: Part) -> (usize, usize) {
        match part {
            Part::Beacon { operator } => (operator, self.operators + self.avss),
            Part::Avs { operator, avs } => (operator, self.operators + avs),
        }
    }

    /// Adds `part` (a fraction in `0..=1`) in fixed point to series `lrt`'s sums.
    #[inline]
    pub fn add_fixed(&self, sums: &mut [u128], lrt: usize, part: Part, value: f64) {
        let (a, b) = self.slots(part);
        let base = lrt * self.width();
        let fx = u128::from((value * FX) as u64);
        sums[base + a] += fx;
        sums[base + b] += fx;
    }

    /// The mean of fixed-point sums over `n` paths.
    pub fn mean_of(sum: u128, n: u64) -> f64 {
        sum as f64 / FX / n as f64
    }

    /// Builds the report rows from per-component expected and tail values.
    pub fn rows(
        &self,
        expected: &[f64],
        tail: &[f64],
        operator_ids: &[String],
        avs_ids: &[String],
    ) -> Contributions {
        let row = |id: &str, i: usize| Contribution {
            id: id.to_owned(),
            expected: expected[i],
            tail99: tail[i],
        };
        Contributions {
            operators: operator_ids
                .iter()
                .enumerate()
                .map(|(i, id)| row(id, i))
                .collect(),
            avss: avs_ids
                .iter()
                .enumerate()
                .map(|(i, id)| row(id, self.operators + i))
                .collect(),
            beacon_chain: row("beacon-chain", self.operators + self.avss),
        }
    }
}
