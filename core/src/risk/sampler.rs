//! Randomness of one path and the draws the model needs.
//!
//! **Per-path streams.** Path `i` of a run with seed `s` has its own generator,
//! `Xoshiro256++` seeded (through SplitMix64, as `SeedableRng::seed_from_u64` does) with
//! `mix(i ⊕ mix(s))`, `mix` the SplitMix64 finaliser (a bijection of `u64`). A path's draws depend
//! only on `(s, i)`, never on which chunk or in which order paths run, so any split of the paths
//! into chunks gives the same report.
//!
//! **Portability.** Only IEEE operations (`+ − × ÷ √`, correctly rounded everywhere) and the
//! pure-Rust `libm` crate's `log`/`pow`/`cbrt` are used, so a seed gives the same bits on native
//! targets and on wasm32.
//!
//! **Rare events cheaply.** The independent Bernoulli sources of a path (operator faults, AVS
//! bugs, beacon incidents, the common shock), with horizon probabilities `p_k`, are searched in
//! order with the survival products `S_k = Π_{i<k} (1 − p_i)`: one uniform `v ∈ (0, 1]` gives the
//! first source that fires from `j` on as the smallest `k ≥ j` with `S_{k+1} < v·S_j` (it is `k`
//! with probability `S_k·p_k / S_j`), or none when `S_N ≥ v·S_j`. (The products restart in
//! blocks so they never underflow; see `Survival`.) A path without any event costs
//! one draw; each event costs one more draw and a binary search.

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::input::Severity;

/// SplitMix64's output function: a bijection of `u64` with good avalanche.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// SplitMix64's increment, `⌊2⁶⁴/φ⌋`.
const SPLITMIX_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// `Xoshiro256PlusPlus::seed_from_u64(x)`, built directly: its state is the first four
/// SplitMix64 outputs from `x`, word `k` = `mix(x + (k + 1)·γ)` (rand_xoshiro 0.8,
/// `common.rs::from_splitmix` then `SeedableRng::from_rng`). The same bits without the
/// SplitMix64 generator and the byte-filling between them, which stayed as separate calls in
/// wasm and took about a third of a Node run's time. No all-zero state can occur: `mix` is a
/// bijection and the four inputs differ.
fn xoshiro_from_u64(x: u64) -> Xoshiro256PlusPlus {
    let mut seed = [0u8; 32];
    for (k, word) in seed.chunks_exact_mut(8).enumerate() {
        let state = x.wrapping_add(SPLITMIX_GAMMA.wrapping_mul(k as u64 + 1));
        word.copy_from_slice(&mix(state).to_le_bytes());
    }
    Xoshiro256PlusPlus::from_seed(seed)
}

/// The generator of path `path` of a run seeded with `seed`.
pub(crate) struct PathRng {
    rng: Xoshiro256PlusPlus,
    /// The second normal of the last polar pair, not yet used.
    spare: Option<f64>,
}

impl PathRng {
    /// The stream of `(seed, path)`.
    pub fn new(seed: u64, path: u64) -> PathRng {
        PathRng {
            rng: xoshiro_from_u64(mix(path ^ mix(seed))),
            spare: None,
        }
    }

    /// A uniform in `[0, 1)` with 53 random bits.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform in `(0, 1]`.
    #[inline]
    pub fn uniform_open0(&mut self) -> f64 {
        1.0 - self.uniform()
    }

    /// A standard normal draw (Marsaglia's polar method, both normals of a pair used; bounded
    /// retries).
    fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        for _ in 0..1_000 {
            let x = 2.0 * self.uniform() - 1.0;
            let y = 2.0 * self.uniform() - 1.0;
            let s = x * x + y * y;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * libm::log(s) / s).sqrt();
                self.spare = Some(y * f);
                return x * f;
            }
        }
        // Probability (1 − π/4)^1000 ≈ 1e-670: unreachable in practice; the mean is harmless.
        0.0
    }

    /// A Gamma(`shape`, 1) draw, `shape ≥ 0.1` (Marsaglia & Tsang 2000; for `shape < 1`,
    /// `Gamma(shape + 1)·U^(1/shape)`).
    fn gamma(&mut self, shape: f64) -> f64 {
        if shape < 1.0 {
            let g = self.gamma(shape + 1.0);
            return g * libm::pow(self.uniform_open0(), 1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        for _ in 0..1_000 {
            let x = self.normal();
            let v = 1.0 + c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = self.uniform_open0();
            if u < 1.0 - 0.0331 * x * x * x * x
                || libm::log(u) < 0.5 * x * x + d * (1.0 - v + libm::log(v))
            {
                return d * v;
            }
        }
        // Acceptance is above 95% per try for shape ≥ 1: unreachable in practice.
        shape
    }

    /// A severity draw, clamped to `0..=1`.
    pub fn severity(&mut self, s: &Severity) -> f64 {
        match *s {
            Severity::Fixed { fraction } => fraction,
            Severity::Beta { alpha, beta } => {
                let x = self.gamma(alpha);
                let y = self.gamma(beta);
                let sum = x + y;
                if sum > 0.0 {
                    (x / sum).clamp(0.0, 1.0)
                } else {
                    alpha / (alpha + beta)
                }
            }
        }
    }
}

/// Smallest survival product kept in one block before a new block starts (see [`Survival`]).
const BLOCK_FLOOR: f64 = 1e-100;

/// The survival products of the sources, in blocks: within a block starting at `b`,
/// `after[k] = Π_{b ≤ i ≤ k} (1 − p_i)`. A block ends once its product falls below `1e-100`
/// (or reaches 0 at a certain source), so the renormalised threshold `v·S_j` never underflows;
/// blocks are independent and each takes its own uniforms.
pub(crate) struct Survival {
    after: Vec<f64>,
    /// `(start, end)` of each block.
    pub blocks: Vec<(usize, usize)>,
}

impl Survival {
    /// From the sources' horizon probabilities, each in `0..=1`.
    pub fn new(p: &[f64]) -> Survival {
        let mut after = Vec::with_capacity(p.len());
        let mut blocks = Vec::new();
        let mut start = 0;
        let mut acc = 1.0;
        for (k, &pk) in p.iter().enumerate() {
            acc *= 1.0 - pk;
            after.push(acc);
            if acc < BLOCK_FLOOR {
                blocks.push((start, k + 1));
                start = k + 1;
                acc = 1.0;
            }
        }
        if start < p.len() {
            blocks.push((start, p.len()));
        }
        Survival { after, blocks }
    }

    /// The next source in `from..end` (inside the block `(start, end)`) that fires, given a
    /// uniform `v ∈ (0, 1]`, or `None`.
    #[inline]
    pub fn next(&self, (start, end): (usize, usize), from: usize, v: f64) -> Option<usize> {
        if from >= end {
            return None;
        }
        let before = if from == start {
            1.0
        } else {
            self.after[from - 1]
        };
        let t = v * before;
        if self.after[end - 1] >= t {
            return None;
        }
        // Smallest k ≥ from with after[k] < t (one exists: after[end − 1] < t); `after` is
        // non-increasing within the block. A branch-free bisection: the answer stays in
        // `lo .. lo + size` while `size` halves, and the select compiles to a conditional move, so
        // an unpredictable comparison costs no mispredicted jump.
        let s = &self.after[from..end];
        let (mut lo, mut size) = (0, s.len());
        while size > 1 {
            let half = size / 2;
            let mid = lo + half;
            lo = if s[mid - 1] >= t { mid } else { lo };
            size -= half;
        }
        Some(from + lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survival_search_matches_the_definition() {
        // p = [0.5, 0, 0.5]: one block, after = [0.5, 0.5, 0.25].
        let s = Survival::new(&[0.5, 0.0, 0.5]);
        let b = s.blocks[0];
        assert_eq!(s.blocks, vec![(0, 3)]);
        // v = 0.2: t = 0.2; the product never falls below 0.25 → nothing fires.
        assert_eq!(s.next(b, 0, 0.2), None);
        // v = 0.7: after[0] = 0.5 < 0.7 → source 0 fires.
        assert_eq!(s.next(b, 0, 0.7), Some(0));
        // From 1 with v = 0.8: t = 0.8·0.5 = 0.4; after[1] = 0.5 ≥ 0.4, after[2] = 0.25 < 0.4.
        assert_eq!(s.next(b, 1, 0.8), Some(2));
        assert_eq!(s.next(b, 3, 1.0), None);
        // Certain sources end their block, so each always fires.
        let c = Survival::new(&[1.0, 1.0, 0.5]);
        assert_eq!(c.blocks, vec![(0, 1), (1, 2), (2, 3)]);
        assert_eq!(c.next(c.blocks[0], 0, f64::MIN_POSITIVE), Some(0));
        assert_eq!(c.next(c.blocks[1], 1, 1.0), Some(1));
        // 1000 sources of p = 0.5: 2^-332 = 1.1e-100 is not below the floor, 2^-333 = 5.7e-101
        // is → blocks of 333, 333, 333 and 1.
        let d = Survival::new(&[0.5; 1000]);
        assert_eq!(
            d.blocks,
            vec![(0, 333), (333, 666), (666, 999), (999, 1000)]
        );
    }

    #[test]
    fn bisection_agrees_with_a_linear_scan() {
        // 113 sources with probabilities cycling 0.2%, 0.5%, 0, 30% (the zero repeats a product,
        // so ties are covered): for every start and 200 thresholds, the first k ≥ from with
        // after[k] < v·S_from, scanned one by one, is what `next` returns.
        let p: Vec<f64> = (0..113).map(|i| [0.002, 0.005, 0.0, 0.3][i % 4]).collect();
        let s = Survival::new(&p);
        let b = s.blocks[0];
        assert_eq!(b, (0, 113));
        for from in 0..113 {
            let before = if from == 0 { 1.0 } else { s.after[from - 1] };
            for j in 1..=200 {
                let v = j as f64 / 200.0;
                let t = v * before;
                let linear = (from..113).find(|&k| s.after[k] < t);
                assert_eq!(s.next(b, from, v), linear, "from {from}, v {v}");
            }
        }
    }

    #[test]
    fn direct_seeding_equals_seed_from_u64() {
        for x in [0, 1, 7, u64::MAX, 0x9e37_79b9_7f4a_7c15, mix(42), 1 << 63] {
            let mut direct = xoshiro_from_u64(x);
            let mut reference = Xoshiro256PlusPlus::seed_from_u64(x);
            for _ in 0..8 {
                assert_eq!(direct.next_u64(), reference.next_u64(), "seed {x:#x}");
            }
        }
    }

    #[test]
    fn streams_depend_on_seed_and_path_only() {
        let a: Vec<f64> = (0..3).map(|_| PathRng::new(7, 11).uniform()).collect();
        assert!(a.iter().all(|&x| x == a[0]));
        assert_ne!(PathRng::new(7, 11).uniform(), PathRng::new(7, 12).uniform());
        assert_ne!(PathRng::new(7, 11).uniform(), PathRng::new(8, 11).uniform());
    }

    #[test]
    fn beta_draws_have_the_right_mean() {
        // Beta(2, 18): mean 0.1, variance αβ/((α+β)²(α+β+1)) = 36/(400·21) = 0.004286; the mean of
        // 20,000 draws has standard error √(0.004286/20000) = 0.000463: 5 SE = 0.0023.
        let s = Severity::Beta {
            alpha: 2.0,
            beta: 18.0,
        };
        let n = 20_000;
        let mean: f64 = (0..n).map(|i| PathRng::new(1, i).severity(&s)).sum::<f64>() / n as f64;
        assert!((mean - 0.1).abs() < 0.0023, "{mean}");
        // Shapes below 1 take the U^(1/a) branch: Beta(0.5, 0.5) has mean 0.5, sd 0.354;
        // SE over 20,000 = 0.0025, 5 SE = 0.0125.
        let s = Severity::Beta {
            alpha: 0.5,
            beta: 0.5,
        };
        let mean: f64 = (0..n).map(|i| PathRng::new(2, i).severity(&s)).sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.0125, "{mean}");
    }
}
