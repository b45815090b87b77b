//! The pool seized collateral is sold into: a constant-product pool (Uniswap v2 style) or a
//! Curve stableswap pool with amplification `A`, holding LRT (`x`) and ETH (`y`), with the swap
//! fee its venue charges ([`SwapFee`]). Prices are ETH per LRT token.
//!
//! - Constant product: `x·y = k`; spot price `y/x`. A sale of `dx` pays
//!   `y − k/(x + dx·(1 − f))` with a fee `f` on the input (Uniswap v2's `getAmountOut`).
//! - Stableswap (two coins): `A` is exactly what the pool's `A()` returns, and the engine uses
//!   it as Curve's contracts do: `Ann = A·n = 2A` (curvefi/stableswap-ng
//!   `contracts/main/CurveStableSwapNG.vy`, `get_D`: `Ann: uint256 = amp * N_COINS`), not the
//!   whitepaper's `A·nⁿ = 4A` — a whitepaper `A` is half the contract's for two coins.
//!   Invariant: `Ann·(x + y) + D = Ann·D + D³/(4xy)`. `D` is found with
//!   Curve's Newton iteration, bounded at [`MAX_NEWTON_STEPS`] steps (an [`Error::Invariant`] if it
//!   does not converge); for a given `x` the invariant is a quadratic in `y`, solved in closed
//!   form. Spot price `= (Ann + D³/(4x²y)) / (Ann + D³/(4xy²))`, the slope of the invariant curve
//!   (without the fee), at the invariant of the reserves after the sale: a fee kept as liquidity
//!   raises `D`.

use serde::{Deserialize, Serialize};

pub use super::swap_fee::SwapFee;
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
    /// Curve stableswap with amplification `A` in `1..=1e6` (higher = flatter near balance;
    /// Curve's `MAX_A` is 1e6).
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
    /// The swap fee; none when omitted.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub fee: SwapFee,
    /// The stableswap pool's rate for the LRT coin, ETH per token, in `0.01..=100`; 1 when
    /// omitted. The invariant holds the LRT side as `lrtRate × lrtReserve`, as a Curve
    /// stableswap-ng pool with a rate oracle holds it (`xp = balance × stored_rates()[i] / 1e18`,
    /// curvefi/stableswap-ng `CurveStableSwapNG.vy` `_xp_mem`), or a Balancer stable pool with a
    /// rate provider (its scaling factor over the ETH coin's). A pool balanced in those units
    /// prices the token at `lrtRate` ETH. A constant-product pool's price does not depend on it,
    /// and it is not used there.
    #[serde(default = "one")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub lrt_rate: f64,
}

fn one() -> f64 {
    1.0
}

/// One sale of LRT into the pool.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Sale {
    /// LRT sold, tokens.
    pub lrt_in: f64,
    /// ETH received, after the fee, ETH.
    pub eth_out: f64,
    /// ETH the seller gave up to the swap fee (the fee-free output less `ethOut`), ETH.
    pub fee_eth: f64,
    /// Spot price before, ETH per token.
    pub price_before: f64,
    /// Spot price after, ETH per token.
    pub price_after: f64,
    /// Average price received, `ethOut / lrtIn` (the spot price when nothing is sold).
    pub average_price: f64,
    /// Fall of the spot price, `1 − after/before`, fraction.
    pub price_impact: f64,
}

/// A pool after one sale, and the sale (what `poolSell` in the npm package returns).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PoolSale {
    /// The pool, reserves updated.
    pub pool: Pool,
    /// The sale.
    pub sale: Sale,
}

/// Reserves after a sale and what the seller received.
struct Outcome {
    x: f64,
    y: f64,
    eth_out: f64,
    fee_eth: f64,
}

impl Pool {
    /// A pool without a swap fee.
    pub fn new(kind: PoolKind, lrt_reserve: f64, eth_reserve: f64) -> Pool {
        Pool {
            kind,
            lrt_reserve,
            eth_reserve,
            fee: SwapFee::None,
            lrt_rate: 1.0,
        }
    }

    /// Checks the reserves, the amplification and the fee; `prefix` is the pool's path in the
    /// input.
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
        validate::in_range(
            &format!("{prefix}.lrtRate"),
            self.lrt_rate,
            0.01,
            100.0,
            "a rate in 0.01..=100 ETH per token",
        )?;
        if let PoolKind::Stableswap { amplification } = self.kind {
            validate::in_range(
                &format!("{prefix}.kind.amplification"),
                amplification,
                1.0,
                1e6,
                "an amplification in 1..=1e6 (what the pool's A() returns)",
            )?;
        }
        self.fee.validate(&format!("{prefix}.fee"))
    }

    /// `Ann = A·n = 2A` for a two-coin stableswap pool (Curve's `get_D`).
    fn ann(&self) -> Option<f64> {
        match self.kind {
            PoolKind::ConstantProduct => None,
            PoolKind::Stableswap { amplification } => Some(2.0 * amplification),
        }
    }

    /// The LRT side in the invariant's units: `lrtRate · x` (stableswap), `x` (constant product).
    fn xp(&self, x: f64) -> f64 {
        match self.kind {
            PoolKind::ConstantProduct => x,
            PoolKind::Stableswap { .. } => self.lrt_rate * x,
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
            Some(ann) => Self::stableswap_d(self.xp(self.lrt_reserve), self.eth_reserve, ann),
        }
    }

    /// The LRT's exchange rate the pool itself holds, ETH per token: `lrtRate` when the pool is
    /// a stableswap pool with a rate oracle (`lrtRate ≠ 1`, as Curve's `stored_rates()` or a
    /// Balancer rate provider states it); none for a pool without one, whose price is only what
    /// its reserves say. A cascade selling into such a pool values the collateral at this rate.
    pub fn oracle_rate(&self) -> Option<f64> {
        match self.kind {
            PoolKind::Stableswap { .. } if self.lrt_rate != 1.0 => Some(self.lrt_rate),
            _ => None,
        }
    }

    /// Spot price, ETH per LRT token (the invariant's slope, before any fee).
    pub fn spot_price(&self) -> Result<f64, Error> {
        self.price_at(self.lrt_reserve, self.eth_reserve)
    }

    /// The spot price at reserves `(x, y)` (LRT in tokens), at their own invariant: the curve's
    /// slope in its own units times `lrtRate` for a stableswap pool.
    fn price_at(&self, x: f64, y: f64) -> Result<f64, Error> {
        match self.ann() {
            None => Ok(y / x),
            Some(ann) => {
                let xp = self.xp(x);
                let d = Self::stableswap_d(xp, y, ann)?;
                Ok(self.lrt_rate * Self::stableswap_price(xp, y, d, ann))
            }
        }
    }

    /// The ETH reserve on the fee-free curve of invariant `inv` once the LRT reserve is `x`.
    fn curve_y(&self, inv: f64, x: f64) -> f64 {
        let y = match self.ann() {
            None => inv / x,
            Some(ann) => Self::stableswap_y(self.xp(x), inv, ann),
        };
        y.min(self.eth_reserve)
    }

    /// What a sale of `lrt_in` does, at invariant `inv` of the current reserves: the curve
    /// prices `lrt_in·(1 − f)` for a fee on the input (all of `lrt_in` enters); Curve's output
    /// fee `f'·dy` is withheld, and its non-admin part stays in the pool.
    fn outcome(&self, inv: f64, lrt_in: f64) -> Outcome {
        let (x0, y0) = (self.lrt_reserve, self.eth_reserve);
        let x = x0 + lrt_in;
        let priced = x0 + lrt_in * self.fee.input_priced();
        let y_curve = self.curve_y(inv, priced);
        let dy = y0 - y_curve;
        let (f, admin) = self.fee.output_fee(self.xp(x0), y0, self.xp(x), y_curve);
        let withheld = dy * f;
        let eth_out = dy - withheld;
        let fee_eth = match self.fee {
            SwapFee::OnInput { .. } => (y0 - self.curve_y(inv, x)) - dy,
            _ => withheld,
        };
        Outcome {
            x,
            y: (y_curve + withheld * (1.0 - admin)).min(y0),
            eth_out,
            fee_eth: fee_eth.max(0.0),
        }
    }

    /// Sells `lrt_in` tokens (`≥ 0`, at most 1e12) into the pool, pays the fee and updates its
    /// reserves.
    ///
    /// ```
    /// use restake_core::lending::{Pool, PoolKind, SwapFee};
    /// let mut pool = Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0);
    /// let sale = pool.sell(100.0).unwrap();
    /// assert!((sale.eth_out - 1000.0 / 11.0).abs() < 1e-9); // 1000 − 1e6/1100
    /// // Uniswap v2's 0.3%: 100·997·1000/(1000·1000 + 100·997) = 90.6610…
    /// let mut v2 = Pool { fee: SwapFee::OnInput { fee: 0.003 }, ..Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0) };
    /// assert!((v2.sell(100.0).unwrap().eth_out - 99_700_000.0 / 1_099_700.0).abs() < 1e-9);
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
        let before = self.spot_price()?;
        let o = self.outcome(inv, lrt_in);
        let after = self.price_at(o.x, o.y)?;
        self.lrt_reserve = o.x;
        self.eth_reserve = o.y;
        Ok(Sale {
            lrt_in,
            eth_out: o.eth_out,
            fee_eth: o.fee_eth,
            price_before: before,
            price_after: after,
            average_price: if lrt_in > 0.0 {
                o.eth_out / lrt_in
            } else {
                before
            },
            price_impact: 1.0 - after / before,
        })
    }

    /// The pool's liquidity curve: `points` sales of `max_lrt_in · i/points` tokens (`i = 1..=points`),
    /// each into the pool as it is now (not one after another), in order of size. What the
    /// parameter workbench reads as price impact against size (`Sale::price_impact`, the spot
    /// price's fall). `points` in `1..=1000`, `max_lrt_in` in `(0, 1e12]`.
    ///
    /// ```
    /// use restake_core::lending::{Pool, PoolKind};
    /// let pool = Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0);
    /// let curve = pool.impact_curve(2, 1000.0).unwrap();
    /// // selling 500 into x·y = 1e6: the spot price falls from 1 to 1e6/1500² = 4/9
    /// assert!((curve[0].price_impact - 5.0 / 9.0).abs() < 1e-12);
    /// assert_eq!(curve[1].lrt_in, 1000.0);
    /// ```
    pub fn impact_curve(&self, points: usize, max_lrt_in: f64) -> Result<Vec<Sale>, Error> {
        validate::in_range("points", points as f64, 1.0, 1000.0, "1 to 1000 points")?;
        validate::in_range(
            "maxLrtIn",
            max_lrt_in,
            f64::MIN_POSITIVE,
            MAX_RESERVE,
            "an amount in (0, 1e12]",
        )?;
        (1..=points)
            .map(|i| {
                let mut pool = *self;
                pool.sell(max_lrt_in * i as f64 / points as f64)
            })
            .collect()
    }

    /// Sells LRT until the spot price is at most `target` ETH per token (`0 < target`); sells
    /// nothing when it already is. A fee-free constant-product pool in closed form
    /// (`x' = √(k/target)`); otherwise by bracketing and bisection on the amount, at most 200
    /// steps each (an [`Error::Invariant`] if the bracket cannot be found).
    pub fn sell_to_price(&mut self, target: f64) -> Result<Sale, Error> {
        validate::in_range(
            "sale.targetPrice",
            target,
            1e-9,
            1e6,
            "a price in 1e-9..=1e6",
        )?;
        let inv = self.invariant()?;
        if self.spot_price()? <= target {
            return self.sell(0.0);
        }
        let amount = match (self.ann(), self.fee) {
            (None, SwapFee::None) => (inv / target).sqrt() - self.lrt_reserve,
            _ => {
                let price = |a: f64| {
                    let o = self.outcome(inv, a);
                    self.price_at(o.x, o.y)
                };
                let mut hi = self.lrt_reserve;
                let mut steps = 0;
                while price(hi)? > target {
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
                    if price(mid)? > target {
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
    fn only_a_stableswap_pool_with_a_rate_oracle_states_a_rate() {
        let stable = PoolKind::Stableswap {
            amplification: 1000.0,
        };
        let mut pool = Pool::new(stable, 9_000.0, 10_000.0);
        assert_eq!(pool.oracle_rate(), None);
        pool.lrt_rate = 1.069;
        assert_eq!(pool.oracle_rate(), Some(1.069));
        // A constant-product pool does not use lrtRate, so it states no rate.
        pool.kind = PoolKind::ConstantProduct;
        assert_eq!(pool.oracle_rate(), None);
    }

    #[test]
    fn constant_product_sale_and_its_impact() {
        // 1,000 LRT / 1,000 ETH, k = 1e6. Sell 100 LRT: y' = 1e6/1,100 = 909.0909 ⇒ 90.9091 ETH out,
        // average price 0.909091; spot after = 909.0909/1,100 = 0.826446 ⇒ impact 17.355%.
        let mut pool = Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0);
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
        let mut pool = Pool::new(
            PoolKind::Stableswap {
                amplification: 200.0,
            },
            1000.0,
            1000.0,
        );
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
        let mut pool = Pool::new(
            PoolKind::Stableswap {
                amplification: 50.0,
            },
            4000.0,
            4000.0,
        );
        let s = pool.sell_to_price(0.8).unwrap();
        close(s.price_after, 0.8, 1e-9);
        assert!(s.lrt_in > 0.0);
        // Already below: nothing sold.
        assert_eq!(pool.sell_to_price(0.9).unwrap().lrt_in, 0.0);
    }

    #[test]
    fn rejects_bad_pools() {
        let p = Pool::new(PoolKind::Stableswap { amplification: 0.5 }, 1.0, 1.0);
        assert_eq!(
            p.validate("pool").unwrap_err().field(),
            "pool.kind.amplification"
        );
        let p = Pool::new(PoolKind::ConstantProduct, 0.0, 1.0);
        assert_eq!(p.validate("pool").unwrap_err().field(), "pool.lrtReserve");
        let mut p = Pool::new(PoolKind::ConstantProduct, 1.0, 1.0);
        assert_eq!(p.sell(f64::NAN).unwrap_err().field(), "sale.lrtIn");
    }

    #[test]
    fn a_rate_oracle_pool_prices_the_token_at_its_rate() {
        // 1,000 tokens at lrtRate 1.05 against 1,050 ETH: balanced in the invariant's units
        // (1,050 / 1,050), so D = 2,100 exactly and the spot price is 1.05 ETH per token.
        let kind = PoolKind::Stableswap {
            amplification: 200.0,
        };
        let mut pool = Pool {
            lrt_rate: 1.05,
            ..Pool::new(kind, 1000.0, 1050.0)
        };
        close(pool.invariant().unwrap(), 2100.0, 1e-9);
        close(pool.spot_price().unwrap(), 1.05, 1e-12);
        // Selling 100 tokens is selling 105 of the invariant's units into the rate-1 pool
        // 1,050 / 1,050: the same ETH out and the same reserves; prices scale by 1.05.
        let mut plain = Pool::new(kind, 1050.0, 1050.0);
        let s = pool.sell(100.0).unwrap();
        let p = plain.sell(105.0).unwrap();
        close(s.eth_out, p.eth_out, 1e-9);
        close(pool.eth_reserve, plain.eth_reserve, 1e-9);
        close(pool.lrt_reserve, 1100.0, 0.0);
        close(s.price_after, 1.05 * p.price_after, 1e-12);
        // To a target price: the rate pool reaches 1.0 ETH per token where the plain one
        // reaches 1/1.05.
        let s = pool.sell_to_price(1.0).unwrap();
        let p = plain.sell_to_price(1.0 / 1.05).unwrap();
        close(s.price_after, 1.0, 1e-9);
        close(s.lrt_in * 1.05, p.lrt_in, 1e-6);
        let bad = Pool {
            lrt_rate: 0.0,
            ..Pool::new(kind, 1.0, 1.0)
        };
        assert_eq!(bad.validate("pool").unwrap_err().field(), "pool.lrtRate");
    }

    #[test]
    fn uniswap_v2_fee_on_the_input_stays_in_the_pool() {
        // getAmountOut(100, 1,000, 1,000) = 100·997·1,000 / (1,000·1,000 + 100·997)
        // = 99,700,000 / 1,099,700 = 90.66109 ETH; fee-free 90.90909, so 0.24800 ETH to the fee.
        let mut pool = Pool {
            fee: SwapFee::OnInput { fee: 0.003 },
            ..Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0)
        };
        let s = pool.sell(100.0).unwrap();
        close(s.eth_out, 99_700_000.0 / 1_099_700.0, 1e-9);
        close(s.fee_eth, 1000.0 / 11.0 - 99_700_000.0 / 1_099_700.0, 1e-9);
        // All 100 LRT entered, so k grew: 1,100 × 909.33891 > 1e6.
        close(pool.lrt_reserve, 1100.0, 0.0);
        assert!(pool.lrt_reserve * pool.eth_reserve > 1e6);
        // To a target price the bisection lands on it.
        let s = pool.sell_to_price(0.7).unwrap();
        close(s.price_after, 0.7, 1e-9);
    }

    #[test]
    fn curve_fee_on_the_output_half_kept_as_liquidity() {
        // A() = 200, balanced 1,000/1,000, fee 0.04%, admin fee 50%: the seller gets
        // dy·(1 − 0.0004); the pool keeps dy·0.0002 of ETH more than the fee-free curve.
        let kind = PoolKind::Stableswap {
            amplification: 200.0,
        };
        let mut free = Pool::new(kind, 1000.0, 1000.0);
        let dy = free.sell(100.0).unwrap().eth_out;
        let mut pool = Pool {
            fee: SwapFee::Curve {
                fee: 0.0004,
                admin_fee: 0.5,
                offpeg_fee_multiplier: 1.0,
            },
            ..Pool::new(kind, 1000.0, 1000.0)
        };
        let s = pool.sell(100.0).unwrap();
        close(s.eth_out, dy * 0.9996, 1e-9);
        close(s.fee_eth, dy * 0.0004, 1e-12);
        close(pool.eth_reserve, free.eth_reserve + dy * 0.0002, 1e-9);
        // The kept fee raises D, so the price after is a little above the fee-free pool's.
        assert!(s.price_after > free.spot_price().unwrap());
    }
}
