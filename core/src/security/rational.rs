//! Exact non-negative rationals for the certificate. The whitepaper and Corollary 2 sums
//! `T_v = Σ_s π_s / (α_s · σ_{N(s)})` add fractions whose denominators are products of stakes in
//! wei (≈ 1e31) and threshold denominators (≤ 2^64), so their common denominator outgrows any
//! fixed width; [`Big`] is an unsigned integer of any size with just the operations the sums
//! need (add, multiply, compare), and [`Ratio`] a fraction of two of them, never reduced.

use std::cmp::Ordering;

/// An unsigned integer of any size: little-endian base-2^64 limbs without trailing zero limbs
/// (zero is the empty vector).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Big(Vec<u64>);

impl Big {
    /// Zero.
    pub fn zero() -> Big {
        Big(Vec::new())
    }

    /// From a `u128`.
    pub fn from_u128(v: u128) -> Big {
        let mut b = Big(vec![v as u64, (v >> 64) as u64]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// `self + other`.
    pub fn add(&self, other: &Big) -> Big {
        let n = self.0.len().max(other.0.len());
        let mut out = Vec::with_capacity(n + 1);
        let mut carry = 0u128;
        for i in 0..n {
            let s = u128::from(self.0.get(i).copied().unwrap_or(0))
                + u128::from(other.0.get(i).copied().unwrap_or(0))
                + carry;
            out.push(s as u64);
            carry = s >> 64;
        }
        out.push(carry as u64);
        let mut b = Big(out);
        b.trim();
        b
    }

    /// `self − other`, or `None` when `other > self`.
    pub fn checked_sub(&self, other: &Big) -> Option<Big> {
        if self.cmp(other) == Ordering::Less {
            return None;
        }
        let mut out = Vec::with_capacity(self.0.len());
        let mut borrow = 0u64;
        for i in 0..self.0.len() {
            let (d1, b1) = self.0[i].overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (d2, b2) = d1.overflowing_sub(borrow);
            out.push(d2);
            borrow = u64::from(b1 || b2);
        }
        let mut b = Big(out);
        b.trim();
        Some(b)
    }

    /// `self · other` (schoolbook).
    pub fn mul(&self, other: &Big) -> Big {
        if self.is_zero() || other.is_zero() {
            return Big::zero();
        }
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u128;
            for (j, &b) in other.0.iter().enumerate() {
                // a·b + out + carry ≤ (2^64−1)² + 2·(2^64−1) = 2^128 − 1: no overflow.
                let t = u128::from(a) * u128::from(b) + u128::from(out[i + j]) + carry;
                out[i + j] = t as u64;
                carry = t >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    fn bits(&self) -> u64 {
        match self.0.last() {
            None => 0,
            Some(top) => 64 * self.0.len() as u64 - u64::from(top.leading_zeros()),
        }
    }

    /// The top 64 bits after shifting right by `shift` bits, as `f64` (for display only).
    fn shifted_f64(&self, shift: u64) -> f64 {
        let limb = (shift / 64) as usize;
        let off = shift % 64;
        let get = |i: usize| u128::from(self.0.get(i).copied().unwrap_or(0));
        let window = get(limb) | (get(limb + 1) << 64);
        let hi = if off == 0 {
            window
        } else {
            (window >> off) | (get(limb + 2) << (128 - off))
        };
        hi as f64
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

/// A non-negative fraction `num / den` with `den > 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratio {
    /// Numerator.
    pub num: Big,
    /// Denominator, never zero.
    pub den: Big,
}

impl Ratio {
    /// Zero (`0/1`).
    pub fn zero() -> Ratio {
        Ratio {
            num: Big::zero(),
            den: Big::from_u128(1),
        }
    }

    /// `num / den`, or `None` when `den = 0`.
    pub fn new(num: Big, den: Big) -> Option<Ratio> {
        (!den.is_zero()).then_some(Ratio { num, den })
    }

    /// `a/b + c/d = (a·d + c·b) / (b·d)`.
    pub fn add(&self, other: &Ratio) -> Ratio {
        Ratio {
            num: self.num.mul(&other.den).add(&other.num.mul(&self.den)),
            den: self.den.mul(&other.den),
        }
    }

    /// Exact comparison by cross-multiplication: `a/b ≷ c/d ⇔ a·d ≷ c·b`.
    pub fn cmp(&self, other: &Ratio) -> Ordering {
        self.num.mul(&other.den).cmp(&other.num.mul(&self.den))
    }

    /// Compares with 1.
    pub fn cmp_one(&self) -> Ordering {
        self.num.cmp(&self.den)
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.num.is_zero()
    }

    /// `den/num − 1` (for `T = num/den`, the slack `γ* = 1/T − 1`), or `None` when `num = 0`.
    /// Negative results are returned as `(true, |value|)`.
    pub fn reciprocal_minus_one(&self) -> Option<(bool, Ratio)> {
        if self.num.is_zero() {
            return None;
        }
        match self.den.checked_sub(&self.num) {
            Some(d) => Some((false, Ratio::new(d, self.num.clone())?)),
            None => Some((
                true,
                Ratio::new(self.num.checked_sub(&self.den)?, self.num.clone())?,
            )),
        }
    }

    /// The value as `f64` (for display only): both parts shifted to their top 64 bits first, so
    /// fractions of huge integers stay finite.
    pub fn to_f64(&self) -> f64 {
        let shift = self.num.bits().max(self.den.bits()).saturating_sub(64);
        let d = self.den.shifted_f64(shift);
        if d == 0.0 {
            // The numerator dwarfs the denominator by more than 2^64: effectively infinite,
            // reported as the largest finite value rather than ∞.
            return f64::MAX;
        }
        self.num.shifted_f64(shift) / d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: u128, d: u128) -> Ratio {
        Ratio::new(Big::from_u128(n), Big::from_u128(d)).unwrap()
    }

    #[test]
    fn big_arithmetic_matches_u128() {
        let a = Big::from_u128(u128::from(u64::MAX) + 5);
        let b = Big::from_u128(3 << 64);
        assert_eq!(
            a.add(&b),
            Big::from_u128(u128::from(u64::MAX) + 5 + (3 << 64))
        );
        assert_eq!(
            Big::from_u128(1 << 100).checked_sub(&Big::from_u128(1)),
            Some(Big::from_u128((1 << 100) - 1))
        );
        assert_eq!(Big::from_u128(1).checked_sub(&Big::from_u128(2)), None);
        // (2^64 + 1)² = 2^128 + 2^65 + 1: three limbs [1, 2, 1].
        let x = Big::from_u128((1 << 64) + 1);
        assert_eq!(x.mul(&x), Big(vec![1, 2, 1]));
        assert!(x.mul(&x) > Big::from_u128(u128::MAX));
        assert_eq!(Big::zero().mul(&x), Big::zero());
    }

    #[test]
    fn one_third_is_exact() {
        // 1/3 + 1/3 + 1/3 = 1 exactly; in f64 0.1 + 0.2 ≠ 0.3 — here 1/10 + 2/10 = 3/10.
        let third = r(1, 3);
        let sum = third.add(&third).add(&third);
        assert_eq!(sum.cmp_one(), Ordering::Equal);
        assert_eq!(r(1, 10).add(&r(2, 10)).cmp(&r(3, 10)), Ordering::Equal);
        assert_eq!(
            r(1, 3).cmp(&r(333_333_333, 1_000_000_000)),
            Ordering::Greater
        );
        // γ* of T = 3/4 is 4/3 − 1 = 1/3; of T = 2 it is −1/2.
        let (neg, g) = r(3, 4).reciprocal_minus_one().unwrap();
        assert!(!neg);
        assert_eq!(g.cmp(&r(1, 3)), Ordering::Equal);
        let (neg, g) = r(2, 1).reciprocal_minus_one().unwrap();
        assert!(neg);
        assert_eq!(g.to_f64(), 0.5);
        assert_eq!(Ratio::zero().reciprocal_minus_one(), None);
    }

    #[test]
    fn huge_fractions_convert_to_finite_f64() {
        let big = Big::from_u128(u128::MAX).mul(&Big::from_u128(u128::MAX));
        let half = Ratio::new(big.clone(), big.add(&big)).unwrap();
        assert_eq!(half.to_f64(), 0.5);
        assert_eq!(r(1, 3).to_f64(), 1.0 / 3.0);
        let tiny = Ratio::new(Big::from_u128(1), big).unwrap();
        assert!(tiny.to_f64() >= 0.0 && tiny.to_f64() < 1e-70);
    }
}
