//! Leverage on LRT collateral and the liquidation cascade it can set off
//! (each preset and replay names its sources: Aave governance posts, Morpho Blue, Gauntlet).
//!
//! - [`market`]: lending-market parameters (LTV, liquidation threshold θ, liquidation bonus,
//!   close factor, oracle kind) and the sourced presets (Aave v3 E-mode and non-E-mode, Morpho
//!   Blue at a given LLTV).
//! - [`live`]: live chain figures (`crate::chain::LiveRead`) put into the presets, with
//!   what changed against each preset's source.
//! - [`pool_live`]: the cascade's pool as a live read found it (Curve), with why where it
//!   could not be built.
//! - [`morpho_live`]: Morpho Blue markets' borrow rates at a live read's block, from the
//!   AdaptiveCurveIRM's `rateAtTarget` and the market's utilisation.
//! - [`main_market`]: each token's main lending market among the presets (weETH, ezETH, rsETH).
//! - [`oracle`]: exchange-rate oracle (moves only on a slash or a rate change) vs market oracle
//!   (reads the DEX price).
//! - [`leverage_loop`]: deposit → borrow ETH → buy LRT → deposit again; leverage, health factor,
//!   net APY, liquidation price, and net APY as a function of leverage.
//! - [`carry`]: a looped position's net yield and health factor over a horizon, the debt
//!   accruing at a rate model under a utilisation path; break-even rate, time to a health factor.
//! - [`amm`]: the pool liquidated collateral is sold into: constant product or Curve stableswap.
//! - [`swap_fee`]: the pool's swap fee as each venue charges it (Curve, Uniswap, Balancer).
//! - [`cascade`]: a population of positions, a shock, then rounds of liquidate → sell → reprice.
//! - [`rate_model`]: interest-rate models exactly as deployed — Aave v3's reserve strategy and
//!   Morpho's AdaptiveCurveIRM — and how each protocol compounds a rate.
//! - [`replay`]: the ezETH depeg of 24 April 2024 on Morpho as a calibrated preset.

pub mod amm;
pub mod carry;
pub mod cascade;
pub mod leverage_loop;
pub mod live;
pub mod main_market;
pub mod market;
pub mod morpho_live;
pub mod oracle;
pub mod pool_live;
pub mod rate_model;
pub mod replay;
pub mod swap_fee;

pub use amm::{Pool, PoolKind, PoolSale, Sale};
pub use cascade::{CascadeInput, CascadeReport, Population, Position, Shock, liquidation_cascade};
pub use leverage_loop::{
    LeverageInput, LeverageReport, LoopTarget, leverage_loop, liquidation_price,
};
pub use main_market::main_lending_market;
pub use market::{
    LendingMarket, LiquidationQuote, LiquidationRules, MarketParams, lending_markets, morpho_lif,
    morpho_liquidation_incentive,
};
pub use oracle::OracleKind;
pub use swap_fee::SwapFee;
