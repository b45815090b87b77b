//! What the workbench reads: the token and market named, the DEX liquidity curve (price impact
//! against the size of a sale, as the AMM engine's pools give it), the collateral's volatility,
//! the liquidation bonus, the slippage budget and the debt size, plus the labelled assumptions
//! the published rules leave to the user (the risk level of SmartLTV, the buffer's multiple of
//! volatility, the circulating supply and daily volume Gauntlet's caps read).

use serde::{Deserialize, Serialize};

use super::binding::CurrentParameters;
use crate::{Error, validate};

/// Most points a liquidity curve may have.
pub const MAX_CURVE_POINTS: usize = 1_000;
/// Largest token amount or ETH figure accepted, tokens or ETH.
pub const MAX_AMOUNT: f64 = 1e12;

/// One point of the liquidity curve: selling `lrtIn` tokens of the collateral moves its DEX
/// price by `priceImpact`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiquidityPoint {
    /// Collateral sold in one sale, tokens, in `(0, 1e12]`.
    pub lrt_in: f64,
    /// Fall of the spot price that sale causes, `1 − after/before`, fraction in `0..1`.
    pub price_impact: f64,
}

/// The workbench's input for one token in one market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WorkbenchInput {
    /// The collateral token's symbol (`weETH`), text.
    pub token: String,
    /// The market's name (`Aave v3 Core, ETH-correlated E-mode`), text.
    pub market: String,
    /// Price impact against sale size, sizes strictly increasing and impacts non-decreasing,
    /// 1 to 1,000 points (the origin, no sale and no impact, is implied).
    pub liquidity: Vec<LiquidityPoint>,
    /// DEX spot price of the collateral, ETH per token, in `(0, 1e6]`.
    pub spot_price: f64,
    /// Price volatility σ of the collateral against the debt asset over the horizon the rules
    /// look at (SmartLTV's σ; the threshold rule's buffer is a multiple of it), fraction in `0..=1`.
    pub volatility: f64,
    /// The market's liquidation bonus (the liquidator's premium, `0.075` for 7.5%), fraction
    /// in `0..1`.
    pub liquidation_bonus: f64,
    /// Price impact a liquidation may cause and still pay the liquidator, fraction in `0..1`;
    /// both published liquidity rules take the liquidation bonus here (Chaos Labs: "less slippage
    /// than the Liquidation Incentive"; SmartLTV: "liquidity with a slippage of β").
    pub slippage_budget: f64,
    /// Debt the market may lend against the collateral (SmartLTV's `d`, the debt cap of the
    /// borrowable asset), ETH, in `(0, 1e12]`.
    pub debt_size: f64,
    /// SmartLTV's risk level factor `c` (the safety margin over observed volatility), in
    /// `(0, 100]`; a labelled assumption: the formula leaves it to the market's risk appetite.
    pub risk_level: f64,
    /// Multiple of volatility kept free between the threshold and `1 − bonus` (the volatility
    /// buffer `k·σ` of `LT ≤ 1 − LB − k·σ`), in `0..=100`; a labelled assumption.
    pub buffer_sigmas: f64,
    /// Tokens circulating on the market's chain (Gauntlet's 30% and 50% limits), tokens; the
    /// limit is left out when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub circulating_supply: Option<f64>,
    /// Average daily trading volume across venues (Gauntlet's 50% of volume limit), tokens per
    /// day; the limit is left out when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub daily_volume: Option<f64>,
    /// The market's LTV, threshold and supply cap today, set beside the suggestions (each
    /// optional); no comparison when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub current: Option<CurrentParameters>,
}

fn amount(field: &str, v: f64) -> Result<f64, Error> {
    validate::finite(field, v)?;
    if v > 0.0 && v <= MAX_AMOUNT {
        Ok(v)
    } else {
        Err(Error::OutOfRange {
            field: field.to_owned(),
            value: v,
            expected: "an amount in (0, 1e12]".to_owned(),
        })
    }
}

fn below_one(field: &str, v: f64) -> Result<f64, Error> {
    validate::finite(field, v)?;
    if (0.0..1.0).contains(&v) {
        Ok(v)
    } else {
        Err(Error::OutOfRange {
            field: field.to_owned(),
            value: v,
            expected: "a fraction in 0..1".to_owned(),
        })
    }
}

impl WorkbenchInput {
    /// Checks every field; an error names the field's path (`liquidity[2].priceImpact`).
    pub fn validate(&self) -> Result<(), Error> {
        validate::text("token", &self.token)?;
        validate::text("market", &self.market)?;
        if self.liquidity.is_empty() || self.liquidity.len() > MAX_CURVE_POINTS {
            return Err(Error::OutOfRange {
                field: "liquidity".to_owned(),
                value: self.liquidity.len() as f64,
                expected: "1 to 1000 points".to_owned(),
            });
        }
        let mut last = LiquidityPoint {
            lrt_in: 0.0,
            price_impact: 0.0,
        };
        for (i, p) in self.liquidity.iter().enumerate() {
            let size = amount(&format!("liquidity[{i}].lrtIn"), p.lrt_in)?;
            let impact = below_one(&format!("liquidity[{i}].priceImpact"), p.price_impact)?;
            if size <= last.lrt_in {
                return Err(Error::OutOfRange {
                    field: format!("liquidity[{i}].lrtIn"),
                    value: size,
                    expected: format!("more than the previous point's {}", last.lrt_in),
                });
            }
            if impact < last.price_impact {
                return Err(Error::OutOfRange {
                    field: format!("liquidity[{i}].priceImpact"),
                    value: impact,
                    expected: format!("at least the previous point's {}", last.price_impact),
                });
            }
            last = *p;
        }
        validate::in_range(
            "spotPrice",
            self.spot_price,
            f64::MIN_POSITIVE,
            1e6,
            "a price in (0, 1e6] ETH",
        )?;
        validate::fraction("volatility", self.volatility)?;
        below_one("liquidationBonus", self.liquidation_bonus)?;
        below_one("slippageBudget", self.slippage_budget)?;
        amount("debtSize", self.debt_size)?;
        validate::in_range(
            "riskLevel",
            self.risk_level,
            f64::MIN_POSITIVE,
            100.0,
            "a factor in (0, 100]",
        )?;
        validate::in_range(
            "bufferSigmas",
            self.buffer_sigmas,
            0.0,
            100.0,
            "a multiple in 0..=100",
        )?;
        if let Some(s) = self.circulating_supply {
            amount("circulatingSupply", s)?;
        }
        if let Some(v) = self.daily_volume {
            amount("dailyVolume", v)?;
        }
        if let Some(c) = &self.current {
            c.validate("current")?;
        }
        Ok(())
    }

    /// Tokens that can be sold before the price falls by `impact`: linear between the curve's
    /// points (the origin included); the last point's size when the curve never reaches `impact`
    /// (the curve says nothing beyond it), with `false` in the second place.
    pub fn liquidity_within(&self, impact: f64) -> (f64, bool) {
        let mut prev = (0.0, 0.0);
        for p in &self.liquidity {
            if p.price_impact >= impact {
                let (x0, q0) = prev;
                let span = p.price_impact - q0;
                let t = if span > 0.0 {
                    (impact - q0) / span
                } else {
                    1.0
                };
                return (x0 + t.clamp(0.0, 1.0) * (p.lrt_in - x0), true);
            }
            prev = (p.lrt_in, p.price_impact);
        }
        (prev.0, false)
    }
}
