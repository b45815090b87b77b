//! A pool's swap fee, in the form each venue's contract charges it (every fee a fraction; the
//! contracts' own units convert as noted on each variant).
//!
//! - **Curve** (curvefi/stableswap-ng `contracts/main/CurveStableSwapNG.vy`, `exchange`): the fee
//!   is taken from the output. The pool computes the fee-free output `dy`, pays `dy − dy·f`, and
//!   keeps `dy·f·(1 − adminFee)` as liquidity; the admin share leaves the pool's balances. With
//!   an off-peg multiplier `m > 1` (`_dynamic_fee`) the fee rises away from balance:
//!   `f' = m·f / ((m − 1)·4·xᵢ·xⱼ/(xᵢ + xⱼ)² + 1)`, `xᵢ, xⱼ` the averages of the reserves before
//!   and after the swap, computed as the contract does in units of 1e-10 with both divisions
//!   rounded down (so the fee is a whole number of those units, as the pool charges it).
//! - **On the input** (Uniswap v2 `UniswapV2Library.getAmountOut`: `amountIn·997/1000`;
//!   Uniswap v3: the pool's fee tier; Balancer v2: `getSwapFeePercentage()`): the pool prices
//!   `dx·(1 − f)` and keeps all of `dx`.

use serde::{Deserialize, Serialize};

use crate::{Error, validate};

/// Curve's `FEE_DENOMINATOR`: fees are integers in units of 1e-10.
const FEE_DENOMINATOR: f64 = 1e10;

fn one() -> f64 {
    1.0
}

/// The fee a pool charges on each swap.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum SwapFee {
    /// No fee.
    #[default]
    None,
    /// Curve: a fee on the output.
    Curve {
        /// Fee, fraction in `0..=0.5` (the pool's `fee()` / 1e10; Curve's `MAX_FEE` is 50%).
        fee: f64,
        /// Share of the fee that leaves the pool for the DAO, fraction in `0..=1` (the pool's
        /// `admin_fee()` / 1e10; stableswap-ng fixes it at 50%).
        admin_fee: f64,
        /// Off-peg fee multiplier, in `1..=100` (the pool's `offpeg_fee_multiplier()` / 1e10;
        /// 1, the default, for a constant fee as in the older pools).
        #[serde(default = "one")]
        #[cfg_attr(feature = "js", tsify(optional))]
        offpeg_fee_multiplier: f64,
    },
    /// A fee taken from the amount in, which stays in the pool: Uniswap v2 (0.3%), Uniswap v3
    /// (the fee tier: `fee()` / 1e6, e.g. 500 = 0.05%), Balancer v2 (`getSwapFeePercentage()` /
    /// 1e18).
    OnInput {
        /// Fee, fraction in `0..=0.5`.
        fee: f64,
    },
}

impl SwapFee {
    /// Checks the fractions; `prefix` is the fee's path in the input (e.g. `pool.fee`).
    pub fn validate(&self, prefix: &str) -> Result<(), Error> {
        let fee = |v: f64| {
            validate::in_range(
                &format!("{prefix}.fee"),
                v,
                0.0,
                0.5,
                "a fee in 0..=0.5 (a fraction)",
            )
        };
        match *self {
            SwapFee::None => Ok(()),
            SwapFee::OnInput { fee: f } => fee(f).map(|_| ()),
            SwapFee::Curve {
                fee: f,
                admin_fee,
                offpeg_fee_multiplier,
            } => {
                fee(f)?;
                validate::fraction(&format!("{prefix}.adminFee"), admin_fee)?;
                validate::in_range(
                    &format!("{prefix}.offpegFeeMultiplier"),
                    offpeg_fee_multiplier,
                    1.0,
                    100.0,
                    "a multiplier in 1..=100",
                )?;
                Ok(())
            }
        }
    }

    /// The fraction of the input the pool prices: `1 − f` for a fee on the input, else 1.
    pub fn input_priced(&self) -> f64 {
        match *self {
            SwapFee::OnInput { fee } => 1.0 - fee,
            _ => 1.0,
        }
    }

    /// The output fee and the share of it that leaves the pool, for a swap that moves the
    /// reserves from `(x0, y0)` to `(x1, y1)`: `(f', adminFee)` for Curve (the dynamic fee at
    /// the averaged reserves), `(0, 0)` otherwise.
    ///
    /// ```
    /// use restake_core::lending::SwapFee;
    /// // m = 2, f = 0.0004, a swap that leaves the averaged reserves at 1,100 / 900:
    /// // 4·1,100·900/2,000² = 0.99 ⇒ f' = 2·0.0004/(1·0.99 + 1) = 0.000402010…; in the
    /// // contract's units 2e10·4e6 // (9.9e9 + 1e10) = 4,020,100, i.e. 0.00040201.
    /// let c = SwapFee::Curve { fee: 0.0004, admin_fee: 0.5, offpeg_fee_multiplier: 2.0 };
    /// let (f, admin) = c.output_fee(1000.0, 1000.0, 1200.0, 800.0);
    /// assert_eq!((f, admin), (4_020_100.0 / 1e10, 0.5));
    /// ```
    pub fn output_fee(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> (f64, f64) {
        match *self {
            SwapFee::Curve {
                fee,
                admin_fee,
                offpeg_fee_multiplier: m,
            } => {
                if m <= 1.0 {
                    return (fee, admin_fee);
                }
                // In the contract's units (1e10 = 100%), rounded down where it divides.
                let (xi, xj) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
                let s = xi + xj;
                let (m, f) = (
                    (m * FEE_DENOMINATOR).round(),
                    (fee * FEE_DENOMINATOR).round(),
                );
                let balance = ((m - FEE_DENOMINATOR) * 4.0 * (xi / s) * (xj / s)).floor();
                let units = (m * f / (balance + FEE_DENOMINATOR)).floor();
                (units / FEE_DENOMINATOR, admin_fee)
            }
            _ => (0.0, 0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniswap_v2s_997_over_1000() {
        let v2 = SwapFee::OnInput { fee: 0.003 };
        assert_eq!(v2.input_priced(), 0.997);
        assert_eq!(v2.output_fee(1.0, 1.0, 2.0, 0.5), (0.0, 0.0));
    }

    #[test]
    fn a_balanced_curve_pool_charges_its_base_fee() {
        // Averaged reserves equal: 4·xᵢ·xⱼ/(xᵢ + xⱼ)² = 1 ⇒ f' = m·f/m = f.
        let c = SwapFee::Curve {
            fee: 0.0004,
            admin_fee: 0.5,
            offpeg_fee_multiplier: 10.0,
        };
        let (f, _) = c.output_fee(900.0, 1100.0, 1100.0, 900.0);
        assert!((f - 0.0004).abs() < 1e-18);
        // Fully one-sided (xⱼ → 0): f' → m·f.
        let (f, _) = c.output_fee(1e9, 1e-9, 1e9, 1e-9);
        assert!((f - 0.004).abs() < 1e-12);
    }

    #[test]
    fn rejects_bad_fees() {
        let c = SwapFee::Curve {
            fee: 0.6,
            admin_fee: 0.5,
            offpeg_fee_multiplier: 1.0,
        };
        assert_eq!(c.validate("pool.fee").unwrap_err().field(), "pool.fee.fee");
        let c = SwapFee::Curve {
            fee: 0.001,
            admin_fee: f64::NAN,
            offpeg_fee_multiplier: 1.0,
        };
        assert_eq!(
            c.validate("pool.fee").unwrap_err().field(),
            "pool.fee.adminFee"
        );
        let c = SwapFee::OnInput { fee: -0.1 };
        assert_eq!(c.validate("pool.fee").unwrap_err().field(), "pool.fee.fee");
    }
}
