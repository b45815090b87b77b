//! The loss distribution of one series from its per-path losses: moments, exceedance
//! probability, VaR and expected shortfall, worst path and a histogram.
//!
//! Definitions, for `n` paths with losses sorted `L(1) ≥ L(2) ≥ … ≥ L(n)` (ties by path index),
//! level `α` (95% or 99%), `t = n·(1 − α)`, `k = ⌊t⌋` (integer arithmetic on percent):
//!
//! - `VaR_α = L(k + 1)`: the smallest loss `x` with at least `α·n` paths at or below it;
//! - `ES_α = (L(1) + … + L(k) + (t − k)·L(k + 1)) / t`: the mean of the worst `1 − α` of the
//!   paths, the path at the boundary counted with its fraction (Acerbi & Tasche 2002), so
//!   `VaR_α ≤ ES_α ≤ worst`.
//!
//! Only the paths with a loss are stored; the others count as zeros. Only the worst `5%` are
//! sorted (after a linear-time selection), so the statistics cost `O(m + k log k)`.

use serde::{Deserialize, Serialize};

/// Largest number of histogram bins.
pub const MAX_BINS: usize = 50;

/// One bin `[from, to)` of a histogram (the last bin includes `to`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Bin {
    /// Lower edge, in the series' unit.
    pub from: f64,
    /// Upper edge, in the series' unit.
    pub to: f64,
    /// Number of paths whose loss falls in the bin.
    pub paths: u64,
}

/// Histogram of the non-zero losses; paths without loss are counted apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    /// Paths with no loss.
    pub zero_paths: u64,
    /// Equal-width bins from the smallest to the largest non-zero loss; their number follows the
    /// Freedman–Diaconis rule `width = 2·IQR / ∛m` (`m` non-zero losses), between 1 and 50.
    pub bins: Vec<Bin>,
}

/// The distribution of one series' loss over the horizon, in the series' unit (a fraction of
/// the LRT's backing, or ETH for the position).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LossDistribution {
    /// Mean loss `Σ L / n`.
    pub mean: f64,
    /// Sample standard deviation `√(Σ (L − mean)² / (n − 1))` (0 when `n = 1`).
    pub std_dev: f64,
    /// Standard error of the mean, `stdDev / √n`.
    pub std_error: f64,
    /// Share of paths with a loss, `P(L > 0)`, fraction.
    pub p_loss: f64,
    /// Value at risk at 95%: `L(k + 1)` with `k = ⌊0.05·n⌋`.
    pub var95: f64,
    /// Expected shortfall at 95%: the mean of the worst 5% of paths.
    pub es95: f64,
    /// Value at risk at 99%.
    pub var99: f64,
    /// Expected shortfall at 99%: the mean of the worst 1% of paths.
    pub es99: f64,
    /// Largest loss of any path.
    pub worst: f64,
    /// Index of the worst path (the first one among equal losses); rerun it with the same seed.
    pub worst_path: u64,
    /// Histogram.
    pub histogram: Histogram,
}

/// The tail of a level: `(path, weight)` pairs whose weighted mean, divided by `denominator`,
/// is `ES_α`.
pub(crate) struct Tail {
    pub paths: Vec<(u64, f64)>,
    pub denominator: f64,
}

/// `k = ⌊n·(100 − pct)/100⌋`, the fraction `t − k`, and `t`.
fn tail_size(n: u64, pct: u64) -> (u64, f64, f64) {
    let num = u128::from(n) * u128::from(100 - pct);
    let k = (num / 100) as u64;
    let frac = (num % 100) as f64 / 100.0;
    (k, frac, num as f64 / 100.0)
}

/// The distribution of `n` paths whose non-zero losses are `values` (`(loss, path)`, in path
/// order), scaled by `scale` (1 for a fraction, the position's ETH for ETH); and the 99% tail.
pub(crate) fn distribution(
    n: u64,
    values: &mut [(f64, u64)],
    scale: f64,
) -> (LossDistribution, Tail) {
    let m = values.len() as u64;
    let nf = n as f64;
    // Moments in path order (independent of how the paths were split into chunks).
    let mean = values.iter().map(|v| v.0).sum::<f64>() / nf;
    let zeros = n - m;
    let ss = values
        .iter()
        .map(|v| (v.0 - mean) * (v.0 - mean))
        .sum::<f64>()
        + zeros as f64 * mean * mean;
    let std_dev = if n > 1 { (ss / (nf - 1.0)).sqrt() } else { 0.0 };
    // Worst first; ties by path index (a total order, so the result does not depend on the
    // input order). Only the worst ⌊0.05·n⌋ + 1 are sorted; the histogram needs the extremes and
    // quartiles only, found by selection.
    let worst_first = |a: &(f64, u64), b: &(f64, u64)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    let histogram = histogram(zeros, values, scale, worst_first);
    let (k95, _, _) = tail_size(n, 95);
    let head = (k95 as usize + 1).min(values.len());
    if head > 0 && head < values.len() {
        values.select_nth_unstable_by(head - 1, worst_first);
    }
    values[..head].sort_unstable_by(worst_first);
    let at = |r: u64| -> f64 { values.get(r as usize).map_or(0.0, |v| v.0) };
    let level = |pct: u64| -> (f64, f64) {
        let (k, frac, t) = tail_size(n, pct);
        let top: f64 = values.iter().take(k as usize).map(|v| v.0).sum();
        (at(k), (top + frac * at(k)) / t)
    };
    let (var95, es95) = level(95);
    let (var99, es99) = level(99);
    let (k, frac, t) = tail_size(n, 99);
    let mut tail: Vec<(u64, f64)> = values.iter().take(k as usize).map(|v| (v.1, 1.0)).collect();
    if frac > 0.0 && (k as usize) < values.len() {
        tail.push((values[k as usize].1, frac));
    }
    let dist = LossDistribution {
        mean: mean * scale,
        std_dev: std_dev * scale,
        std_error: std_dev / nf.sqrt() * scale,
        p_loss: m as f64 / nf,
        var95: var95 * scale,
        es95: es95 * scale,
        var99: var99 * scale,
        es99: es99 * scale,
        worst: at(0) * scale,
        worst_path: values.first().map_or(0, |v| v.1),
        histogram,
    };
    (
        dist,
        Tail {
            paths: tail,
            denominator: t,
        },
    )
}

/// Histogram of the non-zero losses `values` (any order; reordered), scaled.
fn histogram(
    zero_paths: u64,
    values: &mut [(f64, u64)],
    scale: f64,
    worst_first: impl Fn(&(f64, u64), &(f64, u64)) -> std::cmp::Ordering,
) -> Histogram {
    let m = values.len();
    if m == 0 {
        return Histogram {
            zero_paths,
            bins: Vec::new(),
        };
    }
    let (lo, hi) = values.iter().fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
        (lo.min(v.0), hi.max(v.0))
    });
    let range = hi - lo;
    // Quartiles: ascending index i is index m − 1 − i worst first.
    let mut desc_at = |i: usize| values.select_nth_unstable_by(i, &worst_first).1.0;
    let q3 = desc_at(m - 1 - 3 * (m - 1) / 4);
    let q1 = desc_at(m - 1 - (m - 1) / 4);
    let iqr = q3 - q1;
    let count = if range <= 0.0 {
        1
    } else if iqr > 0.0 {
        let width = 2.0 * iqr / libm::cbrt(m as f64);
        ((range / width).ceil() as usize).clamp(1, MAX_BINS)
    } else {
        ((m as f64).sqrt().ceil() as usize).clamp(1, MAX_BINS)
    };
    let width = range / count as f64;
    let mut paths = vec![0u64; count];
    for v in values.iter() {
        let i = if width > 0.0 {
            (((v.0 - lo) / width) as usize).min(count - 1)
        } else {
            0
        };
        paths[i] += 1;
    }
    let bins = paths
        .into_iter()
        .enumerate()
        .map(|(i, p)| Bin {
            from: (lo + width * i as f64) * scale,
            to: if i + 1 == count {
                hi * scale
            } else {
                (lo + width * (i + 1) as f64) * scale
            },
            paths: p,
        })
        .collect();
    Histogram { zero_paths, bins }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_point_mixture_by_hand() {
        // 1000 paths: 970 lose nothing, 30 lose 0.5 (a two-point mixture with q = 3%).
        // 95%: t = 1000·0.05 = 50, k = 50 → VaR = L(51) = 0 (only 30 losses);
        //      ES = (30·0.5 + 20·0) / 50 = 0.3.
        // 99%: t = 10, k = 10 → VaR = L(11) = 0.5; ES = 10·0.5 / 10 = 0.5.
        // mean = 30·0.5/1000 = 0.015; Σ(L − mean)² = 30·0.485² + 970·0.015² = 7.05675 + 0.21825
        // = 7.275 → sd = √(7.275/999) = 0.085336…
        let mut v: Vec<(f64, u64)> = (0..30).map(|i| (0.5, i * 7)).collect();
        let (d, tail) = distribution(1000, &mut v, 1.0);
        assert_eq!(d.var95, 0.0);
        assert!((d.es95 - 0.3).abs() < 1e-15);
        assert_eq!(d.var99, 0.5);
        assert_eq!(d.es99, 0.5);
        assert!((d.mean - 0.015).abs() < 1e-15);
        assert!((d.std_dev - (7.275f64 / 999.0).sqrt()).abs() < 1e-12);
        assert_eq!(d.p_loss, 0.03);
        assert_eq!(d.worst, 0.5);
        assert_eq!(d.worst_path, 0);
        assert_eq!(tail.paths.len(), 10);
        assert_eq!(tail.denominator, 10.0);
        assert_eq!(d.histogram.zero_paths, 970);
        assert_eq!(d.histogram.bins.len(), 1);
        assert_eq!(d.histogram.bins[0].paths, 30);
    }

    #[test]
    fn fractional_tail_counts_the_boundary_path_in_part() {
        // n = 150, 99%: t = 1.5, k = 1 → VaR = L(2) = 0.2, ES = (0.4 + 0.5·0.2)/1.5 = 1/3.
        // 95%: t = 7.5, k = 7 → VaR = L(8) = 0 (3 losses), ES = (0.4 + 0.2 + 0.1)/7.5 = 0.09333….
        let mut v = vec![(0.1, 3), (0.4, 9), (0.2, 1)];
        let (d, tail) = distribution(150, &mut v, 10.0);
        assert!((d.var99 - 2.0).abs() < 1e-12);
        assert!((d.es99 - 10.0 / 3.0).abs() < 1e-12);
        assert_eq!(d.var95, 0.0);
        assert!((d.es95 - 7.0 / 7.5).abs() < 1e-12);
        assert_eq!(tail.paths, vec![(9, 1.0), (1, 0.5)]);
        assert_eq!(d.worst_path, 9);
        // Ascending [0.1, 0.2, 0.4]: q1 = asc(0) = 0.1, q3 = asc(⌊3·2/4⌋ = 1) = 0.2 → IQR 0.1,
        // width = 2·0.1/∛3 = 0.1387, range 0.3 → ⌈2.16⌉ = 3 bins of 0.1 (scaled: 1 ETH each).
        assert_eq!(d.histogram.bins.len(), 3);
        assert_eq!(d.histogram.bins.iter().map(|b| b.paths).sum::<u64>(), 3);
        assert_eq!(d.histogram.bins[2].paths, 1);
        assert!((d.histogram.bins[0].from - 1.0).abs() < 1e-12);
        assert!((d.histogram.bins[2].to - 4.0).abs() < 1e-12);
    }

    #[test]
    fn no_loss_at_all() {
        let (d, tail) = distribution(5, &mut [], 1.0);
        assert_eq!(
            (d.mean, d.var99, d.es99, d.worst, d.p_loss),
            (0.0, 0.0, 0.0, 0.0, 0.0)
        );
        assert!(tail.paths.is_empty());
        assert!(d.histogram.bins.is_empty());
    }
}
