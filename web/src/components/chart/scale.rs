//! Axis arithmetic for the charts: linear scales and “nice” tick values (1, 2, 2.5 or 5 × 10^k),
//! so axis labels read as round numbers.

/// Maps a data interval onto a pixel interval linearly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// Data domain `(lo, hi)`, `lo < hi`.
    pub domain: (f64, f64),
    /// Pixel range `(start, end)`; may be reversed (y axes grow upward).
    pub range: (f64, f64),
}

impl Linear {
    /// A scale over `domain`, widened to a unit interval around it if it is empty or not finite.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        let (mut lo, mut hi) = domain;
        if !lo.is_finite() || !hi.is_finite() {
            (lo, hi) = (0.0, 1.0);
        }
        if hi <= lo {
            let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
            (lo, hi) = (lo - pad, hi + pad);
        }
        Linear {
            domain: (lo, hi),
            range,
        }
    }

    /// Pixel position of `v`.
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A round step near `span / target`: `(m, mag)` with `m` from {1, 2, 2.5, 5, 10} and `mag` a
/// power of ten, step = `m × mag`.
fn nice_step(span: f64, target: usize) -> (f64, f64) {
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let m = [1.0, 2.0, 2.5, 5.0]
        .into_iter()
        .find(|&m| norm <= m)
        .unwrap_or(10.0);
    (m, mag)
}

/// Extends `(lo, hi)` outward to round tick values and returns the ticks (about `target` of
/// them, never more than 50). Degenerate or non-finite input gives ticks over `[0, 1]`.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = Linear::new((lo, hi), (0.0, 1.0)).domain;
    let (m, mag) = nice_step(hi - lo, target);
    let step = m * mag;
    if !step.is_finite() || step <= 0.0 {
        return vec![0.0, 1.0];
    }
    let first = (lo / step + 1e-9).floor();
    let last = (hi / step - 1e-9).ceil();
    let n = ((last - first).max(1.0) as usize).min(50);
    // Dividing by an exact power of ten keeps 0.03 as 0.03 (3 × 0.01 would give 0.030000000000000002).
    let inv = (1.0 / mag).round();
    (0..=n)
        .map(|i| {
            let k = (first + i as f64) * m;
            if mag < 1.0 { k / inv } else { k * mag }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 0.047, 5),
            [0.0, 0.01, 0.02, 0.03, 0.04, 0.05]
        );
        assert_eq!(
            nice_ticks(-3.0, 7.0, 5),
            [-4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0]
        );
        assert_eq!(nice_ticks(0.0, 100.0, 4), [0.0, 25.0, 50.0, 75.0, 100.0]);
        assert!(nice_ticks(5.0, 5.0, 5).len() >= 2);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 0.075, 3), [0.0, 0.025, 0.05, 0.075]);
    }

    #[test]
    fn linear_maps_and_reverses() {
        let s = Linear::new((0.0, 10.0), (100.0, 0.0));
        assert_eq!(s.at(0.0), 100.0);
        assert_eq!(s.at(10.0), 0.0);
        assert_eq!(s.at(2.5), 75.0);
    }
}
