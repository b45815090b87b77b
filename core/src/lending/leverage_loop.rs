//! The leverage loop: deposit LRT, borrow ETH against it, buy more LRT, deposit again
//! (worked leverage figures: Chaos Labs,
//! governance.aave.com/t/arfc-lrt-and-wsteth-unification/21739).
//!
//! With each loop borrowing a fraction `b` of the collateral just added, `n` loops give leverage
//! (collateral value ÷ own capital) `λₙ = 1 + b + … + bⁿ`, tending to `λ = 1/(1 − b)`. Aiming at a
//! health factor `h` (a flash-loan loop reaches it in one step) sets `b = θ/h`, so
//! `λ = 1/(1 − θ/h)`. Then, per unit of own capital:
//! - health factor `HF = θ·λ/(λ − 1)`;
//! - net APY `= λ·y_LRT − (λ − 1)·r_borrow` (both yearly; compounding ignored);
//! - liquidation price of LRT/ETH `p_liq = p·(λ − 1)/(λ·θ)` and distance to it `1 − p_liq/p`. Which
//!   price moves `p` depends on the market's [`OracleKind`]: only a slash or a rate change for an
//!   exchange-rate oracle, any DEX sale for a market oracle.

use serde::{Deserialize, Serialize};

use super::market::MarketParams;
use super::oracle::OracleKind;
use crate::{Error, validate};

/// How far to loop.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum LoopTarget {
    /// Re-deposit `loops` times, each borrow at the market's full LTV (`b = LTV`), 0..=100.
    Loops {
        /// Number of borrow-and-redeposit rounds.
        loops: u32,
    },
    /// Lever up until the health factor is `healthFactor` (`b = θ/h`), in `(1, 100]`.
    HealthFactor {
        /// The target health factor.
        health_factor: f64,
    },
}

/// A looped position to build.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeverageInput {
    /// Own capital deposited, LRT tokens, in `(0, 1e12]`.
    pub deposit: f64,
    /// Today's oracle price of the LRT, ETH per token, in `0.01..=100`.
    pub price: f64,
    /// Yield of the LRT in ETH terms, per year (APY), fraction in `-1..=1`.
    pub lrt_yield: f64,
    /// Borrow rate of ETH in the market, per year, fraction in `0..=1`.
    pub borrow_rate: f64,
    /// The lending market.
    pub market: MarketParams,
    /// Loop count or target health factor.
    pub target: LoopTarget,
}

/// One point of the net-APY-against-leverage curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LeveragePoint {
    /// Leverage λ, ×.
    pub leverage: f64,
    /// `λ·y − (λ − 1)·r`, per year, fraction.
    pub net_apy: f64,
    /// `θ·λ/(λ − 1)`; `null` at λ = 1 (no debt).
    pub health_factor: Option<f64>,
}

/// The looped position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LeverageReport {
    /// Leverage λ = collateral value ÷ own capital, ×.
    pub leverage: f64,
    /// The limit of endless loops at the same borrow fraction `b`: `1/(1 − b)`, ×.
    pub leverage_limit: f64,
    /// The most leverage a borrow can open in this market, `1/(1 − LTV)`, ×.
    pub max_leverage: f64,
    /// Collateral, LRT tokens.
    pub collateral: f64,
    /// Collateral value at today's price, ETH.
    pub collateral_eth: f64,
    /// Debt, ETH.
    pub debt_eth: f64,
    /// Own capital at today's price, ETH.
    pub equity_eth: f64,
    /// Health factor `θ·λ/(λ − 1)`; `null` when there is no debt.
    pub health_factor: Option<f64>,
    /// Net yield on own capital, `λ·y − (λ − 1)·r`, per year, fraction.
    pub net_apy: f64,
    /// Oracle price of LRT/ETH at which the position becomes liquidatable, `p·(λ − 1)/(λ·θ)`,
    /// ETH per token; `null` without debt.
    pub liquidation_price: Option<f64>,
    /// How far the oracle price may fall before liquidation, `1 − p_liq/p`, fraction; `null`
    /// without debt.
    pub distance_to_liquidation: Option<f64>,
    /// False when the debt exceeds `LTV ×` collateral value: the position cannot be opened by
    /// borrowing, only reached by drift (interest, price).
    pub opens_within_ltv: bool,
    /// The oracle that decides the liquidation price.
    pub oracle: OracleKind,
    /// Net APY and health factor from λ = 1 to the larger of `maxLeverage` and `leverage`,
    /// 41 evenly spaced points.
    pub curve: Vec<LeveragePoint>,
}

const CURVE_POINTS: usize = 41;

impl LeverageInput {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), Error> {
        validate::in_range(
            "deposit",
            self.deposit,
            1e-9,
            1e12,
            "an amount of tokens in (0, 1e12]",
        )?;
        validate::in_range(
            "price",
            self.price,
            0.01,
            100.0,
            "a price in 0.01..=100 ETH per token",
        )?;
        validate::in_range(
            "lrtYield",
            self.lrt_yield,
            -1.0,
            1.0,
            "a yearly rate in -1..=1",
        )?;
        validate::in_range(
            "borrowRate",
            self.borrow_rate,
            0.0,
            1.0,
            "a yearly rate in 0..=1",
        )?;
        self.market.validate("market")?;
        match self.target {
            LoopTarget::Loops { loops } => {
                if loops > 100 {
                    return Err(Error::OutOfRange {
                        field: "target.loops".to_owned(),
                        value: f64::from(loops),
                        expected: "a whole number of loops in 0..=100".to_owned(),
                    });
                }
            }
            LoopTarget::HealthFactor { health_factor } => {
                let h = validate::finite("target.healthFactor", health_factor)?;
                if !(h > 1.0 && h <= 100.0) {
                    return Err(Error::OutOfRange {
                        field: "target.healthFactor".to_owned(),
                        value: h,
                        expected: "a health factor above 1 and at most 100".to_owned(),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Net APY at leverage `λ`: `λ·y − (λ − 1)·r`.
fn net_apy(leverage: f64, y: f64, r: f64) -> f64 {
    leverage * y - (leverage - 1.0) * r
}

/// Health factor at leverage `λ`: `θ·λ/(λ − 1)`, `None` at λ = 1.
fn health(leverage: f64, theta: f64) -> Option<f64> {
    (leverage > 1.0).then(|| theta * leverage / (leverage - 1.0))
}

/// Oracle price of LRT/ETH at which a position of leverage `λ` at price `p` becomes liquidatable
/// in a market with liquidation threshold `θ`: `p·(λ − 1)/(λ·θ)`, ETH per token; `None` at
/// `λ ≤ 1` (no debt). At the most a borrow can open, `λ = 1/(1 − LTV)`, it is `p·LTV/θ`.
///
/// ```
/// // Aave v3 E-mode at its maximum leverage 1/(1 − 0.93): p* = 0.93/0.95 ≈ 0.9789.
/// let p = restake_core::lending::liquidation_price(1.0, 1.0 / 0.07, 0.95).unwrap();
/// assert!((p - 0.93 / 0.95).abs() < 1e-12);
/// ```
pub fn liquidation_price(price: f64, leverage: f64, theta: f64) -> Option<f64> {
    (leverage > 1.0).then(|| price * (leverage - 1.0) / (leverage * theta))
}

/// Builds the looped position. See the module docs for the formulas.
///
/// # Example
/// ```
/// use restake_core::lending::*;
/// let market = lending_markets()[0].params(); // Aave v3 E-mode: θ = 0.95
/// let r = leverage_loop(&LeverageInput {
///     deposit: 10.0, price: 1.0, lrt_yield: 0.03, borrow_rate: 0.025, market,
///     target: LoopTarget::HealthFactor { health_factor: 1.01 },
/// }).unwrap();
/// assert!((r.leverage - 1.01 / 0.06).abs() < 1e-9);   // 1/(1 − 0.95/1.01)
/// ```
pub fn leverage_loop(input: &LeverageInput) -> Result<LeverageReport, Error> {
    input.validate()?;
    let m = &input.market;
    let theta = m.liquidation_threshold;
    let (b, leverage) = match input.target {
        LoopTarget::Loops { loops } => {
            let b = m.ltv;
            // λₙ = Σ_{k=0..n} bᵏ, summed directly (n ≤ 100).
            let mut term = 1.0;
            let mut sum = 1.0;
            for _ in 0..loops {
                term *= b;
                sum += term;
            }
            (b, sum)
        }
        LoopTarget::HealthFactor { health_factor } => {
            let b = theta / health_factor;
            (b, 1.0 / (1.0 - b))
        }
    };
    let p = input.price;
    let equity_eth = input.deposit * p;
    let collateral = input.deposit * leverage;
    let debt_eth = equity_eth * (leverage - 1.0);
    let liquidation_price = liquidation_price(p, leverage, theta);
    let max_leverage = 1.0 / (1.0 - m.ltv);
    let top = max_leverage.max(leverage);
    let curve = (0..CURVE_POINTS)
        .map(|i| {
            let l = 1.0 + (top - 1.0) * i as f64 / (CURVE_POINTS - 1) as f64;
            LeveragePoint {
                leverage: l,
                net_apy: net_apy(l, input.lrt_yield, input.borrow_rate),
                health_factor: health(l, theta),
            }
        })
        .collect();
    Ok(LeverageReport {
        leverage,
        leverage_limit: 1.0 / (1.0 - b),
        max_leverage,
        collateral,
        collateral_eth: collateral * p,
        debt_eth,
        equity_eth,
        health_factor: health(leverage, theta),
        net_apy: net_apy(leverage, input.lrt_yield, input.borrow_rate),
        liquidation_price,
        distance_to_liquidation: liquidation_price.map(|q| 1.0 - q / p),
        // Debt ÷ collateral value = (λ − 1)/λ must not exceed the LTV (tolerance for rounding).
        opens_within_ltv: (leverage - 1.0) / leverage <= m.ltv + 1e-12,
        oracle: m.oracle,
        curve,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lending::market::lending_markets;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    fn input(target: LoopTarget) -> LeverageInput {
        LeverageInput {
            deposit: 10.0,
            price: 1.0,
            lrt_yield: 0.03,
            borrow_rate: 0.025,
            market: lending_markets()[0].params(),
            target,
        }
    }

    #[test]
    fn target_hf_101_at_theta_095() {
        // λ = 1/(1 − 0.95/1.01) = 1.01/0.06 = 16.8333…
        let r = leverage_loop(&input(LoopTarget::HealthFactor {
            health_factor: 1.01,
        }))
        .unwrap();
        close(r.leverage, 16.833_333_333_333_333);
        close(r.leverage_limit, r.leverage);
        // HF = 0.95 × 16.8333 / 15.8333 = 15.991667 / 15.833333 = 1.01.
        close(r.health_factor.unwrap(), 1.01);
        // Net APY = 16.8333 × 3% − 15.8333 × 2.5% = 50.5% − 39.5833% = 10.9167%.
        close(r.net_apy, 0.505 - 0.395_833_333_333_333_3);
        // p* = 15.8333/(16.8333 × 0.95) = 1/1.01 = 0.990099: a 0.99% fall liquidates.
        close(r.liquidation_price.unwrap(), 1.0 / 1.01);
        close(r.distance_to_liquidation.unwrap(), 1.0 - 1.0 / 1.01);
        // 10 tokens of equity ⇒ 168.33 tokens of collateral, 158.33 ETH of debt.
        close(r.collateral, 168.333_333_333_333_33);
        close(r.debt_eth, 158.333_333_333_333_33);
        // Debt/collateral = θ/h = 0.9406 > LTV 0.93: E-mode cannot open it by borrowing
        // (the tightest openable target is 0.95/0.93 = 1.0215).
        assert!(!r.opens_within_ltv);
        close(r.max_leverage, 1.0 / 0.07);
        assert_eq!(r.oracle, OracleKind::ExchangeRate);
    }

    #[test]
    fn two_loops_at_full_ltv() {
        // b = 0.93: λ₂ = 1 + 0.93 + 0.8649 = 2.7949; debt = 1.7949 per unit;
        // HF = 0.95 × 2.7949 / 1.7949 = 2.655155 / 1.7949 = 1.479277…
        let r = leverage_loop(&input(LoopTarget::Loops { loops: 2 })).unwrap();
        close(r.leverage, 2.7949);
        close(r.health_factor.unwrap(), 2.655_155 / 1.7949);
        close(r.leverage_limit, 1.0 / 0.07);
        assert!(r.opens_within_ltv);
        // No loops: no debt, no liquidation price, plain LRT yield.
        let r = leverage_loop(&input(LoopTarget::Loops { loops: 0 })).unwrap();
        assert_eq!(
            (r.leverage, r.health_factor, r.liquidation_price),
            (1.0, None, None)
        );
        close(r.net_apy, 0.03);
    }

    #[test]
    fn curve_runs_from_one_to_max_leverage() {
        let r = leverage_loop(&input(LoopTarget::Loops { loops: 3 })).unwrap();
        assert_eq!(r.curve.len(), 41);
        assert_eq!(r.curve[0].leverage, 1.0);
        close(r.curve[40].leverage, 1.0 / 0.07);
        // At λ = 1/0.07 = 14.2857: 14.2857 × 3% − 13.2857 × 2.5% = 42.857% − 33.214% = 9.643%.
        close(r.curve[40].net_apy, 0.03 / 0.07 - 0.025 * 0.93 / 0.07);
    }

    #[test]
    fn rejects_bad_targets() {
        let e = leverage_loop(&input(LoopTarget::HealthFactor { health_factor: 1.0 })).unwrap_err();
        assert_eq!(e.field(), "target.healthFactor");
        let e = leverage_loop(&input(LoopTarget::HealthFactor {
            health_factor: f64::NAN,
        }))
        .unwrap_err();
        assert_eq!(e.field(), "target.healthFactor");
        let e = leverage_loop(&input(LoopTarget::Loops { loops: 101 })).unwrap_err();
        assert_eq!(e.field(), "target.loops");
        let mut i = input(LoopTarget::Loops { loops: 1 });
        i.borrow_rate = f64::INFINITY;
        assert_eq!(leverage_loop(&i).unwrap_err().field(), "borrowRate");
    }
}
