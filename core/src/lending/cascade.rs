//! The liquidation cascade (close factor of aave-dao/aave-v3-origin `LiquidationLogic.sol`,
//! liquidation incentive of morpho-org/morpho-blue `ConstantsLib.sol`; the ezETH depeg of
//! 2024-04-24 in Gauntlet's post-mortem, forum.morpho.org/t/…/578, is the calibration case): a
//! population of positions in one market, a shock, then rounds of
//!
//! 1. read the oracle price `p` (exchange rate or pool price, per [`OracleKind`]);
//! 2. liquidate every position with `HF = C·p·θ/D < 1`: repay the most the market's
//!    [`LiquidationRules`](super::market::LiquidationRules) allow
//!    ([`MarketParams::max_repay`]: the close factor, Aave v3.3's USD thresholds and dust rule,
//!    or Morpho's whole position), seize `R·LIF/p` tokens; when the collateral cannot cover
//!    that, seize all of it, repay `C·p/LIF`, and write the rest of the debt off as bad debt. The
//!    protocol keeps `(seized − seized/LIF)·liquidationProtocolFee` tokens of the bonus (Aave's
//!    `_calculateAvailableCollateralToLiquidate`); the liquidator gets the rest;
//! 3. the liquidators sell `saleShare` of what they received into the pool, paying its swap fee,
//!    which moves the market price;
//!
//! until a round liquidates nobody or `maxRounds` is reached (then `hitRoundLimit` is set). Every
//! liquidation conserves value at the oracle price: `R + bonus = R·LIF = seized·p` (the bonus
//! includes the protocol's share). Collateral and debt are accounted to a relative `1e-9` at the
//! end (an [`Error::Invariant`] otherwise).

use serde::{Deserialize, Serialize};

use super::amm::{Pool, Sale};
use super::market::MarketParams;
use super::oracle::OracleKind;
use crate::{Error, validate};

/// Most positions a population may hold.
pub const MAX_POSITIONS: usize = 100_000;
const MAX_AMOUNT: f64 = 1e12;

/// One borrower.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "BorrowerPosition")]
pub struct Position {
    /// Collateral, LRT tokens, in `0..=1e12`.
    pub collateral: f64,
    /// Debt, ETH, in `0..=1e12`.
    pub debt: f64,
}

/// The borrowers of the market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Population {
    /// Positions listed one by one (at most 100,000; total collateral at most 1e12 tokens).
    Explicit {
        /// The positions.
        positions: Vec<Position>,
    },
    /// `count` positions, deterministic: position `i` (0-based) has health factor
    /// `min + (max − min)·(i + ½)/count` at the oracle price before the shock, and a share of
    /// `totalCollateral` proportional to `(i + 1)^(−sizeSkew)` — with a skew the largest
    /// positions are the most levered.
    Generated {
        /// Number of positions, 1..=100,000.
        count: u32,
        /// Collateral of all positions together, tokens, in `(0, 1e12]`.
        total_collateral: f64,
        /// Lowest health factor, in `1..=100`.
        min_health_factor: f64,
        /// Highest health factor, in `min..=100`.
        max_health_factor: f64,
        /// Size skew, in `0..=3` (0 = equal sizes).
        size_skew: f64,
    },
}

/// What sets the cascade off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Shock {
    /// The market price falls by `fraction` (in `0..=0.99`): outside sellers push the pool's spot
    /// price to `(1 − fraction)×` its start. The exchange rate does not move.
    Depeg {
        /// Fall of the market price, fraction.
        fraction: f64,
    },
    /// A slash cuts the backing by `fraction` (in `0..=0.99`): the exchange rate falls by it and
    /// the market reprices by the same fraction.
    Slash {
        /// Fall of the exchange rate, fraction.
        fraction: f64,
    },
    /// An outside seller sells `lrt` tokens (in `0..=1e12`) into the pool.
    Sale {
        /// Tokens sold.
        lrt: f64,
    },
}

fn default_max_rounds() -> u32 {
    50
}

fn default_sale_share() -> f64 {
    1.0
}

/// The cascade what-if.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CascadeInput {
    /// The lending market (its `oracle` decides which price liquidates).
    pub market: MarketParams,
    /// The LRT's exchange rate before the shock, ETH of backing per token, in `0.01..=100`.
    pub exchange_rate: f64,
    /// The pool liquidators sell into; its spot price is the market price.
    pub pool: Pool,
    /// The borrowers.
    pub population: Population,
    /// The shock.
    pub shock: Shock,
    /// Share of the seized collateral liquidators sell into this pool in the round they seize
    /// it, fraction in `0..=1`; 1 when omitted. The rest is sold on other venues or held and does
    /// not move this pool (a market oracle "relying on a few liquidity sources" sees only this
    /// pool).
    #[serde(default = "default_sale_share")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub sale_share: f64,
    /// Most liquidation rounds, `1..=1000`; 50 when omitted.
    #[serde(default = "default_max_rounds")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub max_rounds: u32,
}

/// One round of liquidations and the sale that follows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CascadeRound {
    /// Round number, from 1.
    pub round: u32,
    /// Oracle price the round liquidated at, ETH per token.
    pub oracle_price: f64,
    /// Pool spot price after the round's sale, ETH per token.
    pub market_price: f64,
    /// Positions liquidated this round.
    pub liquidations: u32,
    /// Debt repaid by liquidators, ETH.
    pub debt_repaid: f64,
    /// Bonus, `repaid × (LIF − 1)`, ETH at the oracle price (the protocol's share included).
    pub bonus_eth: f64,
    /// Collateral taken from the borrowers, tokens (the protocol's fee included).
    pub collateral_seized: f64,
    /// Of the seized collateral, the protocol's liquidation fee, tokens (not sold).
    pub protocol_fee: f64,
    /// Collateral sold into the pool (`saleShare ×` what the liquidators received), tokens.
    pub collateral_sold: f64,
    /// ETH the sale of the seized collateral brought, after the swap fee, ETH.
    pub eth_from_sale: f64,
    /// ETH the sale paid in swap fees, ETH.
    pub swap_fees_eth: f64,
    /// Debt left with no collateral behind it, ETH.
    pub bad_debt: f64,
}

/// Sums over all rounds.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CascadeTotals {
    /// Liquidation calls (a position liquidated in two rounds counts twice).
    pub liquidations: u32,
    /// Distinct positions liquidated at least once.
    pub positions_liquidated: u32,
    /// Debt repaid, ETH.
    pub debt_repaid: f64,
    /// Bonus, ETH (the protocol's share included).
    pub bonus_eth: f64,
    /// Collateral seized, tokens.
    pub collateral_seized: f64,
    /// Of it, the protocol's liquidation fee, tokens.
    pub protocol_fee: f64,
    /// Seized collateral sold into the pool, tokens.
    pub collateral_sold: f64,
    /// ETH from selling the seized collateral, after swap fees, ETH.
    pub eth_from_sales: f64,
    /// Swap fees those sales paid, ETH.
    pub swap_fees_eth: f64,
    /// Bad debt, ETH, ≥ 0.
    pub bad_debt: f64,
}

/// The cascade, round by round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CascadeReport {
    /// The oracle the market used.
    pub oracle: OracleKind,
    /// Number of positions.
    pub positions: u32,
    /// Collateral of all positions before the shock, tokens.
    pub collateral_at_start: f64,
    /// Debt of all positions before the shock, ETH.
    pub debt_at_start: f64,
    /// Oracle price before the shock, ETH per token.
    pub oracle_price_before: f64,
    /// Pool spot price before the shock, ETH per token.
    pub market_price_before: f64,
    /// The shock's own sale into the pool (zero tokens when it sold nothing).
    pub shock_sale: Sale,
    /// Exchange rate after the shock, ETH per token.
    pub exchange_rate_after: f64,
    /// Oracle price after the shock, before any liquidation, ETH per token.
    pub oracle_price_after_shock: f64,
    /// Each round that liquidated something.
    pub rounds: Vec<CascadeRound>,
    /// Sums over the rounds.
    pub totals: CascadeTotals,
    /// Oracle price at the end, ETH per token.
    pub final_oracle_price: f64,
    /// Pool spot price at the end, ETH per token.
    pub final_market_price: f64,
    /// True when `maxRounds` ran out with positions still liquidatable.
    pub hit_round_limit: bool,
}

fn amount(field: &str, v: f64) -> Result<f64, Error> {
    validate::in_range(field, v, 0.0, MAX_AMOUNT, "an amount in 0..=1e12")
}

fn shock_fraction(field: &str, v: f64) -> Result<f64, Error> {
    validate::in_range(field, v, 0.0, 0.99, "a fraction in 0..=0.99")
}

impl CascadeInput {
    /// Checks every field.
    pub fn validate(&self) -> Result<(), Error> {
        self.market.validate("market")?;
        validate::in_range(
            "exchangeRate",
            self.exchange_rate,
            0.01,
            100.0,
            "a rate in 0.01..=100 ETH per token",
        )?;
        self.pool.validate("pool")?;
        match &self.population {
            Population::Explicit { positions } => {
                if positions.len() > MAX_POSITIONS {
                    return Err(Error::OutOfRange {
                        field: "population.positions".to_owned(),
                        value: positions.len() as f64,
                        expected: "at most 100,000 positions".to_owned(),
                    });
                }
                let mut total = 0.0;
                for (i, p) in positions.iter().enumerate() {
                    total += amount(
                        &format!("population.positions[{i}].collateral"),
                        p.collateral,
                    )?;
                    amount(&format!("population.positions[{i}].debt"), p.debt)?;
                }
                if total > MAX_AMOUNT {
                    return Err(Error::SumTooLarge {
                        field: "population.positions[].collateral".to_owned(),
                        value: total,
                        limit: MAX_AMOUNT,
                    });
                }
            }
            Population::Generated {
                count,
                total_collateral,
                min_health_factor,
                max_health_factor,
                size_skew,
            } => {
                validate::in_range(
                    "population.count",
                    f64::from(*count),
                    1.0,
                    MAX_POSITIONS as f64,
                    "a count in 1..=100,000",
                )?;
                validate::in_range(
                    "population.totalCollateral",
                    *total_collateral,
                    1e-9,
                    MAX_AMOUNT,
                    "an amount in (0, 1e12]",
                )?;
                let lo = validate::in_range(
                    "population.minHealthFactor",
                    *min_health_factor,
                    1.0,
                    100.0,
                    "a health factor in 1..=100",
                )?;
                validate::in_range(
                    "population.maxHealthFactor",
                    *max_health_factor,
                    lo,
                    100.0,
                    &format!("a health factor in {lo}..=100"),
                )?;
                validate::in_range(
                    "population.sizeSkew",
                    *size_skew,
                    0.0,
                    3.0,
                    "a skew in 0..=3",
                )?;
            }
        }
        match self.shock {
            Shock::Depeg { fraction } => {
                shock_fraction("shock.fraction", fraction)?;
            }
            Shock::Slash { fraction } => {
                shock_fraction("shock.fraction", fraction)?;
            }
            Shock::Sale { lrt } => {
                amount("shock.lrt", lrt)?;
            }
        }
        validate::fraction("saleShare", self.sale_share)?;
        validate::in_range(
            "maxRounds",
            f64::from(self.max_rounds),
            1.0,
            1000.0,
            "a whole number of rounds in 1..=1000",
        )?;
        Ok(())
    }
}

impl Population {
    /// The positions, with generated debts set from the oracle price `price` and threshold `θ`:
    /// `D = C·p·θ/HF`.
    pub fn positions(&self, price: f64, theta: f64) -> Vec<Position> {
        match self {
            Population::Explicit { positions } => positions.clone(),
            Population::Generated {
                count,
                total_collateral,
                min_health_factor,
                max_health_factor,
                size_skew,
            } => {
                let n = *count as usize;
                let weights: Vec<f64> = (0..n).map(|i| ((i + 1) as f64).powf(-size_skew)).collect();
                let sum: f64 = weights.iter().sum();
                weights
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let hf = min_health_factor
                            + (max_health_factor - min_health_factor) * (i as f64 + 0.5) / n as f64;
                        let collateral = total_collateral * w / sum;
                        Position {
                            collateral,
                            debt: collateral * price * theta / hf,
                        }
                    })
                    .collect()
            }
        }
    }
}

/// Runs the cascade. See the module docs for the rounds.
///
/// # Example
/// ```
/// use restake_core::lending::*;
/// let input = CascadeInput {
///     market: lending_markets()[3].params(), // Morpho ezETH/WETH, LLTV 0.77, market oracle
///     exchange_rate: 1.0,
///     pool: Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0),
///     population: Population::Explicit { positions: vec![Position { collateral: 100.0, debt: 70.0 }] },
///     shock: Shock::Depeg { fraction: 0.15 },
///     sale_share: 1.0,
///     max_rounds: 50,
/// };
/// let r = liquidation_cascade(&input).unwrap();
/// // HF = 100 × 0.85 × 0.77 / 70 = 0.935 < 1: liquidated in full (no close factor on Morpho).
/// assert_eq!(r.totals.positions_liquidated, 1);
/// ```
pub fn liquidation_cascade(input: &CascadeInput) -> Result<CascadeReport, Error> {
    input.validate()?;
    let m = &input.market;
    let theta = m.liquidation_threshold;
    let lif = m.incentive_factor();
    let mut pool = input.pool;
    let mut rate = input.exchange_rate;
    let market_price_before = pool.spot_price()?;
    let oracle_price_before = m.oracle.price(rate, market_price_before);
    let mut positions = input.population.positions(oracle_price_before, theta);
    let collateral_at_start: f64 = positions.iter().map(|p| p.collateral).sum();
    let debt_at_start: f64 = positions.iter().map(|p| p.debt).sum();

    let shock_sale = match input.shock {
        Shock::Depeg { fraction } => pool.sell_to_price(market_price_before * (1.0 - fraction))?,
        Shock::Slash { fraction } => {
            rate *= 1.0 - fraction;
            pool.sell_to_price(market_price_before * (1.0 - fraction))?
        }
        Shock::Sale { lrt } => pool.sell(lrt)?,
    };
    let oracle_price_after_shock = m.oracle.price(rate, pool.spot_price()?);

    let mut liquidated = vec![false; positions.len()];
    let mut rounds = Vec::new();
    let mut totals = CascadeTotals::default();
    let mut hit_round_limit = false;
    for round in 1..=input.max_rounds {
        let p = m.oracle.price(rate, pool.spot_price()?);
        let mut r = CascadeRound {
            round,
            oracle_price: p,
            market_price: 0.0,
            liquidations: 0,
            debt_repaid: 0.0,
            bonus_eth: 0.0,
            collateral_seized: 0.0,
            protocol_fee: 0.0,
            collateral_sold: 0.0,
            eth_from_sale: 0.0,
            swap_fees_eth: 0.0,
            bad_debt: 0.0,
        };
        for (pos, flag) in positions.iter_mut().zip(liquidated.iter_mut()) {
            let q = m.quote(pos.collateral, pos.debt, p);
            if q.max_repay <= 0.0 {
                continue;
            }
            let (repay, seized) = (q.max_repay, q.seized);
            pos.collateral = (pos.collateral - seized).max(0.0);
            pos.debt -= repay;
            if pos.collateral <= 0.0 {
                r.bad_debt += pos.debt;
                pos.debt = 0.0;
            }
            r.liquidations += 1;
            r.debt_repaid += repay;
            r.bonus_eth += repay * (lif - 1.0);
            r.collateral_seized += seized;
            r.protocol_fee += q.protocol_fee;
            *flag = true;
        }
        if r.liquidations == 0 {
            break;
        }
        let received = r.collateral_seized - r.protocol_fee;
        let sale = pool.sell((received * input.sale_share).clamp(0.0, MAX_AMOUNT))?;
        r.collateral_sold = sale.lrt_in;
        r.market_price = sale.price_after;
        r.eth_from_sale = sale.eth_out;
        r.swap_fees_eth = sale.fee_eth;
        totals.liquidations += r.liquidations;
        totals.debt_repaid += r.debt_repaid;
        totals.bonus_eth += r.bonus_eth;
        totals.collateral_seized += r.collateral_seized;
        totals.protocol_fee += r.protocol_fee;
        totals.collateral_sold += r.collateral_sold;
        totals.eth_from_sales += r.eth_from_sale;
        totals.swap_fees_eth += r.swap_fees_eth;
        totals.bad_debt += r.bad_debt;
        rounds.push(r);
        if round == input.max_rounds {
            let p = m.oracle.price(rate, pool.spot_price()?);
            hit_round_limit = positions
                .iter()
                .any(|q| q.debt > 0.0 && q.collateral * p * theta < q.debt);
        }
    }
    totals.positions_liquidated = liquidated.iter().filter(|&&f| f).count() as u32;

    // Accounting: collateral at start = left + seized; debt at start = left + repaid + bad debt.
    let coll_left: f64 = positions.iter().map(|p| p.collateral).sum();
    let debt_left: f64 = positions.iter().map(|p| p.debt).sum();
    let check = |name: &str, a: f64, b: f64| {
        if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0) {
            Ok(())
        } else {
            Err(Error::Invariant {
                field: format!("cascade.{name}"),
                message: format!("{a} at start vs {b} accounted for"),
            })
        }
    };
    check(
        "collateral",
        collateral_at_start,
        coll_left + totals.collateral_seized,
    )?;
    check(
        "debt",
        debt_at_start,
        debt_left + totals.debt_repaid + totals.bad_debt,
    )?;

    let final_market_price = pool.spot_price()?;
    Ok(CascadeReport {
        oracle: m.oracle,
        positions: positions.len() as u32,
        collateral_at_start,
        debt_at_start,
        oracle_price_before,
        market_price_before,
        shock_sale,
        exchange_rate_after: rate,
        oracle_price_after_shock,
        rounds,
        totals,
        final_oracle_price: m.oracle.price(rate, final_market_price),
        final_market_price,
        hit_round_limit,
    })
}

#[cfg(test)]
#[path = "cascade_tests.rs"]
mod tests;
