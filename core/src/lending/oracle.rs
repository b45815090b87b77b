//! How a lending market prices LRT collateral in ETH. The choice decides whether a market depeg
//! can liquidate anyone: in April 2024 Aave priced weETH by its exchange rate, so the ezETH
//! depeg could not touch such positions, while Morpho's ezETH/WETH markets read a DEX price and
//! liquidated as it fell (Chaos Labs, governance.aave.com/t/…/17402/4; Gauntlet's post-mortem,
//! forum.morpho.org/t/…/578).
//!
//! Aave's capped price adapters (CAPO, bgd-labs/aave-capo `src/contracts/PriceCapAdapterBase.sol`,
//! commit read 2c280ef, 2025-12-22) read the exchange rate but never more than the snapshot ratio
//! grown linearly at its yearly cap: `maxRatioGrowthPerSecond = ⌊⌊snapshotRatio ×
//! maxYearlyRatioGrowthPercent / 10,000⌋ / 31,536,000⌋`, `maxRatio = snapshotRatio +
//! maxRatioGrowthPerSecond × (now − snapshotTimestamp)`, price `= min(ratio, maxRatio)`. A jump
//! of the exchange rate above that line (a donation, a faulty report) is cut off; a fall (a
//! slash) passes through.

use serde::{Deserialize, Serialize};

use crate::{Error, validate};

/// `PriceCapAdapterBase.PERCENTAGE_FACTOR`: 10,000 = 100%.
const PERCENTAGE_FACTOR: u128 = 10_000;
/// `PriceCapAdapterBase.SECONDS_PER_YEAR`.
const SECONDS_PER_YEAR: u128 = 31_536_000;

/// The kind of price feed a market uses for the collateral.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum OracleKind {
    /// The protocol's exchange rate (ETH of backing per token). Moves only when the backing
    /// changes — a slash or a rate update — never with the secondary-market price.
    ExchangeRate,
    /// A secondary-market price (a DEX pool or an aggregate of a few). Moves with every sale,
    /// including the liquidators' own.
    Market,
    /// The exchange rate capped as Aave's CAPO adapters cap it (module docs).
    CappedExchangeRate {
        /// `getSnapshotRatio()` as ETH per token (the ratio ÷ 1e18), in `0.01..=100`.
        snapshot_ratio: f64,
        /// `getMaxYearlyGrowthRatePercent()`: the most the ratio may grow in a year, linear,
        /// in hundredths of a percent (875 = 8.75%), `0..=65535` as the contract's `uint16`.
        max_yearly_ratio_growth_percent: u16,
        /// Days from `getSnapshotTimestamp()` to now, in `0..=36500`.
        days_since_snapshot: f64,
    },
}

/// CAPO's `maxRatio` in the ratio's own integer units (wei per token for an 18-decimal ratio):
/// `snapshot + ⌊⌊snapshot·pct/10,000⌋/31,536,000⌋ · elapsed`. `None` on overflow.
///
/// ```
/// use restake_core::lending::oracle::capo_max_ratio;
/// // weETH's CAPO snapshot (aave-capo scripts/DeployEthereum.s.sol): 1.034656878645040505 on
/// // 2024-03-26, 8.75% a year → ⌊⌊s·875/10,000⌋/31,536,000⌋ = 2,870,766,009 wei per second; a year later
/// // 1.034656878645040505 + 2,870,766,009 × 31,536,000 = 1.125189355504864505
/// let r = capo_max_ratio(1_034_656_878_645_040_505, 875, 31_536_000).unwrap();
/// assert_eq!(r, 1_125_189_355_504_864_505);
/// ```
pub fn capo_max_ratio(snapshot: u128, pct: u16, elapsed: u64) -> Option<u128> {
    let per_second = snapshot.checked_mul(u128::from(pct))? / PERCENTAGE_FACTOR / SECONDS_PER_YEAR;
    snapshot.checked_add(per_second.checked_mul(u128::from(elapsed))?)
}

impl OracleKind {
    /// The oracle price of one LRT in ETH: the exchange rate for [`OracleKind::ExchangeRate`],
    /// the market price for [`OracleKind::Market`], `min(exchange rate, cap)` for
    /// [`OracleKind::CappedExchangeRate`] ([`OracleKind::cap`]).
    ///
    /// ```
    /// use restake_core::lending::OracleKind;
    /// assert_eq!(OracleKind::ExchangeRate.price(1.0, 0.8), 1.0); // a depeg does not reach it
    /// assert_eq!(OracleKind::Market.price(1.0, 0.8), 0.8);
    /// let capo = OracleKind::CappedExchangeRate {
    ///     snapshot_ratio: 1.0, max_yearly_ratio_growth_percent: 1000, days_since_snapshot: 365.0,
    /// };
    /// assert!((capo.price(1.2, 0.8) - 1.1).abs() < 1e-15); // capped at 1 + 10%
    /// assert_eq!(capo.price(0.9, 0.8), 0.9); // a fall passes through
    /// ```
    pub fn price(self, exchange_rate: f64, market_price: f64) -> f64 {
        match self {
            OracleKind::ExchangeRate => exchange_rate,
            OracleKind::Market => market_price,
            OracleKind::CappedExchangeRate { .. } => {
                exchange_rate.min(self.cap().unwrap_or(f64::INFINITY))
            }
        }
    }

    /// The cap of a CAPO oracle, ETH per token: `snapshot·(1 + pct/10,000 · days/365)` (the
    /// contract's linear growth; its per-second rounding is below 1e-18 of a ratio near 1);
    /// `None` for the other kinds.
    pub fn cap(self) -> Option<f64> {
        match self {
            OracleKind::CappedExchangeRate {
                snapshot_ratio,
                max_yearly_ratio_growth_percent,
                days_since_snapshot,
            } => Some(
                snapshot_ratio
                    * (1.0
                        + f64::from(max_yearly_ratio_growth_percent) / 10_000.0
                            * days_since_snapshot
                            / 365.0),
            ),
            _ => None,
        }
    }

    /// Checks a CAPO oracle's parameters; errors name `{field}.cappedExchangeRate.…`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        if let OracleKind::CappedExchangeRate {
            snapshot_ratio,
            days_since_snapshot,
            ..
        } = *self
        {
            let f = |n: &str| format!("{field}.cappedExchangeRate.{n}");
            validate::in_range(
                &f("snapshotRatio"),
                snapshot_ratio,
                0.01,
                100.0,
                "ETH per token in 0.01..=100",
            )?;
            validate::in_range(
                &f("daysSinceSnapshot"),
                days_since_snapshot,
                0.0,
                36_500.0,
                "days in 0..=36500",
            )?;
        }
        Ok(())
    }
}
