//! How a lending market prices LRT collateral in ETH. The choice decides whether a market depeg
//! can liquidate anyone: in April 2024 Aave priced weETH by its exchange rate, so the ezETH
//! depeg could not touch such positions, while Morpho's ezETH/WETH markets read a DEX price and
//! liquidated as it fell (Chaos Labs, governance.aave.com/t/…/17402/4; Gauntlet's post-mortem,
//! forum.morpho.org/t/…/578).

use serde::{Deserialize, Serialize};

/// The kind of price feed a market uses for the collateral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OracleKind {
    /// The protocol's exchange rate (ETH of backing per token). Moves only when the backing
    /// changes — a slash or a rate update — never with the secondary-market price.
    ExchangeRate,
    /// A secondary-market price (a DEX pool or an aggregate of a few). Moves with every sale,
    /// including the liquidators' own.
    Market,
}

impl OracleKind {
    /// The oracle price of one LRT in ETH: the exchange rate for [`OracleKind::ExchangeRate`],
    /// the market price for [`OracleKind::Market`].
    ///
    /// ```
    /// use restake_core::lending::OracleKind;
    /// assert_eq!(OracleKind::ExchangeRate.price(1.0, 0.8), 1.0); // a depeg does not reach it
    /// assert_eq!(OracleKind::Market.price(1.0, 0.8), 0.8);
    /// ```
    pub fn price(self, exchange_rate: f64, market_price: f64) -> f64 {
        match self {
            OracleKind::ExchangeRate => exchange_rate,
            OracleKind::Market => market_price,
        }
    }
}
