//! Property tests of the concentration metrics on random stakes: `1/n ≤ HHI ≤ 1`,
//! `1 ≤ Nakamoto ≤ n`, the Nakamoto coalition really exceeds one third while one operator fewer
//! does not, and moving stake to the largest operator never lowers the HHI nor raises the
//! Nakamoto coefficient.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::concentration::{NAKAMOTO_THRESHOLD, concentration};

/// 1 to 40 stakes of 0..=1,000,000 ETH with at least one positive.
fn stakes() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop_oneof![1 => Just(0.0), 6 => (1u32..=1_000_000).prop_map(f64::from)],
        1..40,
    )
    .prop_filter("one positive stake", |v| v.iter().any(|&s| s > 0.0))
}

proptest! {
    #[test]
    fn bounds(s in stakes()) {
        let c = concentration("s", &s).unwrap();
        let n = s.iter().filter(|&&x| x > 0.0).count();
        prop_assert_eq!(c.operators, n);
        prop_assert!(c.hhi >= 1.0 / n as f64 - 1e-12 && c.hhi <= 1.0 + 1e-12, "{}", c.hhi);
        prop_assert!(c.nakamoto >= 1 && c.nakamoto <= n);
        // The largest `nakamoto` stakes exceed one third; one fewer do not.
        let mut sorted: Vec<f64> = s.iter().copied().filter(|&x| x > 0.0).collect();
        sorted.sort_by(|a, b| b.total_cmp(a));
        let total: f64 = sorted.iter().sum();
        let top = |k: usize| sorted[..k].iter().sum::<f64>() / total;
        prop_assert!(top(c.nakamoto) > NAKAMOTO_THRESHOLD);
        prop_assert!(top(c.nakamoto - 1) <= NAKAMOTO_THRESHOLD);
    }

    #[test]
    fn moving_stake_to_the_largest_concentrates(s in stakes(), from in 0usize..40, part in 0u32..=100) {
        let before = concentration("s", &s).unwrap();
        let largest = (0..s.len()).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap();
        let from = from % s.len();
        prop_assume!(from != largest);
        let mut after = s.clone();
        let moved = s[from] * f64::from(part) / 100.0;
        after[from] -= moved;
        after[largest] += moved;
        let c = concentration("s", &after).unwrap();
        prop_assert!(c.hhi >= before.hhi - 1e-12, "{} < {}", c.hhi, before.hhi);
        prop_assert!(c.nakamoto <= before.nakamoto);
    }

    #[test]
    fn order_does_not_matter(s in stakes()) {
        let mut r = s.clone();
        r.reverse();
        let (a, b) = (concentration("s", &s).unwrap(), concentration("s", &r).unwrap());
        prop_assert!((a.hhi - b.hhi).abs() < 1e-12);
        prop_assert_eq!(a.nakamoto, b.nakamoto);
    }
}
