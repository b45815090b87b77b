//! The one vocabulary of units for every figure a report hands to a front end: matrix cells,
//! scenario headlines and the web app's formatting all speak it, so a figure is printed the same
//! way wherever it appears.

use serde::{Deserialize, Serialize};

/// The unit of a reported figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// A fraction (0.05 = 5%), shown as a percentage; rates are per year, as the label says.
    Fraction,
    /// A difference of two rates in percentage points (0.0123 = +1.23 pp).
    RatePoints,
    /// An amount of ETH.
    Eth,
    /// A multiplier such as leverage, `×`.
    Multiple,
    /// A duration in days.
    Days,
    /// A duration in years.
    Years,
    /// A whole count.
    Count,
    /// Tokens per day.
    TokensPerDay,
    /// An amount of a token (a supply cap, liquidity within a price impact), tokens.
    Tokens,
    /// A plain dimensionless number (a health factor, an index such as the HHI).
    Plain,
    /// A price in ETH per token.
    Price,
}

impl Unit {
    /// The unit's symbol for axis labels and column headers (empty for counts and plain
    /// numbers).
    ///
    /// ```
    /// assert_eq!(restake_core::unit::Unit::Price.symbol(), "ETH/token");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Fraction => "%",
            Unit::RatePoints => "pp",
            Unit::Eth => "ETH",
            Unit::Multiple => "×",
            Unit::Days => "days",
            Unit::Years => "years",
            Unit::Count | Unit::Plain => "",
            Unit::TokensPerDay => "tokens/day",
            Unit::Tokens => "tokens",
            Unit::Price => "ETH/token",
        }
    }
}
