//! The pool seized collateral is sold into: a constant-product pool (Uniswap v2 style) or a
//! Curve stableswap pool with amplification `A`, holding LRT (`x`) and ETH (`y`). Prices are ETH
//! per LRT token; no swap fee (an assumption: fees of a few basis points do not change the
//! cascade's shape).
//!
//! - Constant product: `x·y = k`; spot price `y/x`.
//! - Stableswap (two coins): `A` is exactly what the pool's `A()` returns, and the engine uses
//!   it as Curve's contracts do: `Ann = A·n = 2A` (curvefi/stableswap-ng
//!   `contracts/main/CurveStableSwapNG.vy`, `get_D`: `Ann: uint256 = amp * N_COINS`), not the
//!   whitepaper's `A·nⁿ = 4A` — a whitepaper `A` is half the contract's for two coins.
//!   Invariant: `Ann·(x + y) + D = Ann·D + D³/(4xy)`. `D` is found with
//!   Curve's Newton iteration, bounded at [`MAX_NEWTON_STEPS`] steps (an [`Error::Invariant`] if it
//!   does not converge); for a given `x` the invariant is a quadratic in `y`, solved in closed
//!   form. Spot price `= (Ann + D³/(4x²y)) / (Ann + D³/(4xy²))`, the slope of the invariant curve.

use serde::{Deserialize, Serialize};

use crate::{Error, validate};

/// Most Newton steps spent on the stableswap invariant `D` (Curve uses 255).
pub const MAX_NEWTON_STEPS: usize = 255;
const MAX_RESERVE: f64 = 1e12;

/// The pool's curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum PoolKind {
    /// `x·y = k`.
    ConstantProduct,
    /// Curve stableswap with amplification `A` in `1..=1e6` (higher = flatter near balance).
    Stableswap {
        /// The amplification coefficient `A`, exactly what the pool's `A()` returns (Curve's
        /// convention: `Ann = A·n`; the whitepaper's `A` is half of it for two coins).
        amplification: f64,
    },
}

/// A two-token pool: LRT against ETH.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pool {
    /// Curve of the pool.
    pub kind: PoolKind,
    /// LRT held by the pool, tokens, in `(0, 1e12]`.
    pub lrt_reserve: f64,
    /// ETH held by the pool (its depth on the side sellers take), ETH, in `(0, 1e12]`.
    pub eth_reserve: f64,
}

/// One sale of LRT into the pool.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Sale {
    /// LRT sold, tokens.
    pub lrt_in: f64,
    /// ETH received, ETH.
    pub eth_out: f64,
    /// Spot price before, ETH per token.
    pub price_before: f64,
    /// Spot price after, ETH per token.
    pub price_after: f64,
    /// Average price received, `ethOut / lrtIn` (the spot price when nothing is sold).
    pub average_price: f64,
    /// Fall of the spot price, `1 − after/before`, fraction.
    pub price_impact: f64,
}

impl Pool {
    /// Checks the reserves and the amplification; `prefix` is the pool's path in the input.
    pub fn validate(&self, prefix: &str) -> Result<(), Error> {
        let expected = "an amount in (0, 1e12]";
        validate::in_range(
            &format!("{prefix}.lrtReserve"),
            self.lrt_reserve,
            1e-9,
            MAX_RESERVE,
            expected,
        )?;
        validate::in_range(
            &format!("{prefix}.ethReserve"),
            self.eth_reserve,
            1e-9,
            MAX_RESERVE,
            expected,
        )?;
        if let PoolKind::Stableswap { amplification } = self.kind {
            validate::in_range(
                &format!("{prefix}.kind.amplification"),
                amplification,
                1.0,
                1e6,
                "an amplification in 1..=1e6",
            )?;
        }
        Ok(())
    }

    /// `Ann = A·n = 2A` for a two-coin stableswap pool (Curve's `get_D`).
    fn ann(&self) -> Option<f64> {
        match self.kind {
            PoolKind::ConstantProduct => None,
            PoolKind::Stableswap { amplification } => Some(2.0 * amplification),
        }
    }

    /// The stableswap invariant `D` of reserves `(x, y)`, by Curve's Newton step
    /// `D ← (Ann·S + 2·D_P)·D / ((Ann − 1)·D + 3·D_P)` with `D_P = D³/(4xy)`, from `D = S`.
    ///
    /// # Errors
    /// [`Error::Invariant`] (`pool.stableswap.d`) when [`MAX_NEWTON_STEPS`] steps do not bring
    /// successive values within a relative `1e-12`.
    pub fn stableswap_d(x: f64, y: f64, ann: f64) -> Result<f64, Error> {
        let s = x + y;
        let mut d = s;
        for _ in 0..MAX_NEWTON_STEPS {
            let d_p = d / (2.0 * x) * d / (2.0 * y) * d;
            let prev = d;
            d = (ann * s + 2.0 * d_p) * d / ((ann - 1.0) * d + 3.0 * d_p);
            if !d.is_finite() {
                break;
            }
            if (d - prev).abs() <= 1e-12 * d {
                return Ok(d);
            }
        }
        Err(Error::Invariant {
            field: "pool.stableswap.d".to_owned(),
            message: format!(
                "the invariant did not converge in {MAX_NEWTON_STEPS} Newton steps (x = {x}, y = {y}, Ann = {ann})"
            ),
        })
    }

    /// The ETH reserve `y` that keeps invariant `D` when the LRT reserve is `x`: the positive
    /// root of `y² + (x + D/Ann − D)·y − D³/(4x·Ann) = 0`, in a cancellation-free form.
    fn stableswap_y(x: f64, d: f64, ann: f64) -> f64 {
        let b = x + d / ann - d;
        let c = d / (4.0 * x) * d / ann * d;
        let root = (b * b + 4.0 * c).sqrt();
        if b >= 0.0 {
            2.0 * c / (b + root)
        } else {
            (root - b) / 2.0
        }
    }

    fn stableswap_price(x: f64, y: f64, d: f64, ann: f64) -> f64 {
        let d3 = d / (4.0 * x) * d / y * d;
        (ann + d3 / x) / (ann + d3 / y)
    }

    /// The invariant `D` of this pool (stableswap), or `k = x·y` (constant product).
    pub fn invariant(&self) -> Result<f64, Error> {
        match self.ann() {
            None => Ok(self.lrt_reserve * self.eth_reserve),
            Some(ann) => Self::stableswap_d(self.lrt_reserve, self.eth_reserve, ann),
        }
    }

    /// Spot price, ETH per LRT token.
    pub fn spot_price(&self) -> Result<f64, Error> {
        match self.ann() {
            None => Ok(self.eth_reserve / self.lrt_reserve),
            Some(ann) => {
                let d = self.invariant()?;
                Ok(Self::stableswap_price(
                    self.lrt_reserve,
                    self.eth_reserve,
                    d,
                    ann,
                ))
            }
        }
    }

    /// The reserves `(x, y)` after `lrt_in` more LRT enters, at invariant `inv`.
    fn after(&self, inv: f64, lrt_in: f64) -> (f64, f64) {
        let x = self.lrt_reserve + lrt_in;
        let y = match self.ann() {
            None => inv / x,
            Some(ann) => Self::stableswap_y(x, inv, ann),
        };
        (x, y.min(self.eth_reserve))
    }

    fn price_at(&self, inv: f64, x: f64, y: f64) -> f64 {
        match self.ann() {
            None => y / x,
            Some(ann) => Self::stableswap_price(x, y, inv, ann),
        }
    }

    /// Sells `lrt_in` tokens (`≥ 0`, at most 1e12) into the pool and updates its reserves.
    ///
    /// ```
    /// use restake_core::lending::{Pool, PoolKind};
    /// let mut pool = Pool { kind: PoolKind::ConstantProduct, lrt_reserve: 1000.0, eth_reserve: 1000.0 };
    /// let sale = pool.sell(100.0).unwrap();
    /// assert!((sale.eth_out - 1000.0 / 11.0).abs() < 1e-9); // 1000 − 1e6/1100
    /// ```
    pub fn sell(&mut self, lrt_in: f64) -> Result<Sale, Error> {
        validate::in_range(
            "sale.lrtIn",
            lrt_in,
            0.0,
            MAX_RESERVE,
            "an amount in 0..=1e12",
        )?;
        let inv = self.invariant()?;
        let before = self.price_at(inv, self.lrt_reserve, self.eth_reserve);
        let (x, y) = self.after(inv, lrt_in);
        let eth_out = self.eth_reserve - y;
        let after = self.price_at(inv, x, y);
        self.lrt_reserve = x;
        self.eth_reserve = y;
        Ok(Sale {
            lrt_in,
            eth_out,
            price_before: before,
            price_after: after,
            average_price: if lrt_in > 0.0 {
                eth_out / lrt_in
            } else {
                before
            },
            price_impact: 1.0 - after / before,
        })
    }

    /// Sells LRT until the spot price is at most `target` ETH per token (`0 < target`); sells
    /// nothing when it already is. Constant product in closed form (`x' = √(k/target)`);
    /// stableswap by bracketing and bisection on the amount, at most 200 steps each (an
    /// [`Error::Invariant`] if the bracket cannot be found).
    pub fn sell_to_price(&mut self, target: f64) -> Result<Sale, Error> {
        validate::in_range(
            "sale.targetPrice",
            target,
            1e-9,
            1e6,
            "a price in 1e-9..=1e6",
        )?;
        let inv = self.invariant()?;
        let before = self.price_at(inv, self.lrt_reserve, self.eth_reserve);
        if before <= target {
            return self.sell(0.0);
        }
        let amount = match self.ann() {
            None => (inv / target).sqrt() - self.lrt_reserve,
            Some(_) => {
                let price = |a: f64| {
                    let (x, y) = self.after(inv, a);
                    self.price_at(inv, x, y)
                };
                let mut hi = self.lrt_reserve;
                let mut steps = 0;
                while price(hi) > target {
                    hi *= 2.0;
                    steps += 1;
                    if steps > 200 || hi > MAX_RESERVE {
                        return Err(Error::Invariant {
                            field: "sale.targetPrice".to_owned(),
                            message: format!(
                                "no sale of at most 1e12 tokens brings the price to {target}"
                            ),
                        });
                    }
                }
                let mut lo = 0.0;
                for _ in 0..200 {
                    let mid = 0.5 * (lo + hi);
                    if price(mid) > target {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                    if hi - lo <= 1e-12 * hi {
                        break;
                    }
                }
                hi
            }
        };
        self.sell(amount.clamp(0.0, MAX_RESERVE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    #[test]
    fn constant_product_sale_and_its_impact() {
        // 1,000 LRT / 1,000 ETH, k = 1e6. Sell 100 LRT: y' = 1e6/1,100 = 909.0909 ⇒ 90.9091 ETH out,
        // average price 0.909091; spot after = 909.0909/1,100 = 0.826446 ⇒ impact 17.355%.
        let mut pool = Pool {
            kind: PoolKind::ConstantProduct,
            lrt_reserve: 1000.0,
            eth_reserve: 1000.0,
        };
        let s = pool.sell(100.0).unwrap();
        close(s.eth_out, 90.909_090_909_090_9, 1e-9);
        close(s.average_price, 0.909_090_909_090_9, 1e-12);
        close(s.price_after, 0.826_446_280_991_7, 1e-12);
        close(s.price_impact, 0.173_553_719_008_3, 1e-12);
        close(pool.eth_reserve, 909.090_909_090_9, 1e-9);
        // Back to the price 0.8 from 0.826446: x' = √(1e6/0.8) = 1,118.034 ⇒ 18.034 more LRT.
        let s = pool.sell_to_price(0.8).unwrap();
        close(s.lrt_in, 1_118.033_988_749_895 - 1100.0, 1e-9);
        close(s.price_after, 0.8, 1e-12);
    }

    #[test]
    fn stableswap_balanced_pool_and_a_sale_against_the_invariant() {
        // Balanced 1,000/1,000, A() = 200 (Ann = A·n = 400): D = S = 2,000 exactly, since
        // D³/(4xy) = 8e9/4e6 = 2,000 makes both sides Ann·2,000 + 2,000. Spot price 1.
        let mut pool = Pool {
            kind: PoolKind::Stableswap {
                amplification: 200.0,
            },
            lrt_reserve: 1000.0,
            eth_reserve: 1000.0,
        };
        close(pool.invariant().unwrap(), 2000.0, 1e-9);
        close(pool.spot_price().unwrap(), 1.0, 1e-12);
        let s = pool.sell(100.0).unwrap();
        // The new reserves still satisfy Ann(x + y) + D = Ann·D + D³/(4xy) with D = 2,000.
        let (x, y, d, ann) = (pool.lrt_reserve, pool.eth_reserve, 2000.0, 400.0);
        let lhs = ann * (x + y) + d;
        let rhs = ann * d + d * d * d / (4.0 * x * y);
        close(lhs, rhs, 1e-6);
        // Near balance a stableswap sells almost at par: far more ETH than constant product's
        // 90.909, just under 100.
        assert!(s.eth_out > 99.9 && s.eth_out < 100.0, "{}", s.eth_out);
        assert!(s.price_after < 1.0 && s.price_after > 0.99);
        // Drained to a heavy imbalance the price collapses: 1,800 LRT in takes most of the ETH.
        let s = pool.sell(1800.0).unwrap();
        assert!(pool.eth_reserve < 100.0 && s.price_after < 0.5);
        let lhs = ann * (pool.lrt_reserve + pool.eth_reserve) + d;
        let rhs = ann * d + d * d * d / (4.0 * pool.lrt_reserve * pool.eth_reserve);
        close(lhs / rhs, 1.0, 1e-9);
    }

    #[test]
    fn stableswap_sell_to_price_hits_the_target() {
        let mut pool = Pool {
            kind: PoolKind::Stableswap {
                amplification: 50.0,
            },
            lrt_reserve: 4000.0,
            eth_reserve: 4000.0,
        };
        let s = pool.sell_to_price(0.8).unwrap();
        close(s.price_after, 0.8, 1e-9);
        assert!(s.lrt_in > 0.0);
        // Already below: nothing sold.
        assert_eq!(pool.sell_to_price(0.9).unwrap().lrt_in, 0.0);
    }

    #[test]
    fn rejects_bad_pools() {
        let p = Pool {
            kind: PoolKind::Stableswap { amplification: 0.5 },
            lrt_reserve: 1.0,
            eth_reserve: 1.0,
        };
        assert_eq!(
            p.validate("pool").unwrap_err().field(),
            "pool.kind.amplification"
        );
        let p = Pool {
            kind: PoolKind::ConstantProduct,
            lrt_reserve: 0.0,
            eth_reserve: 1.0,
        };
        assert_eq!(p.validate("pool").unwrap_err().field(), "pool.lrtReserve");
        let mut p = Pool {
            kind: PoolKind::ConstantProduct,
            lrt_reserve: 1.0,
            eth_reserve: 1.0,
        };
        assert_eq!(p.sell(f64::NAN).unwrap_err().field(), "sale.lrtIn");
    }
}
