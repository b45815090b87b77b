//! `leverageLoop(input)`, `liquidationCascade(input)`, `lendingMarkets()`,
//! `cascadePresetEzEth2024()`, `morphoLiquidationIncentive(lltv)`, `liquidationQuote(market,
//! position)`, `poolInvariant(pool)` and `poolSell(pool, lrtIn)`.

use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::lending::replay::ezeth_april_2024;
use crate::lending::{
    CascadeInput, LeverageInput, MarketParams, Pool, lending_markets, leverage_loop,
    liquidation_cascade, morpho_liquidation_incentive,
};
use crate::validate;

/// A looped LRT position: leverage, health factor, net APY, liquidation price, and net APY
/// against leverage.
#[wasm_bindgen(js_name = leverageLoop, unchecked_return_type = "LeverageReport")]
pub fn leverage_loop_js(
    #[wasm_bindgen(unchecked_param_type = "LeverageInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: LeverageInput = from_js(input, "")?;
    to_js(&leverage_loop(&input)?)
}

/// A liquidation cascade, round by round, after a depeg, slash or sale.
#[wasm_bindgen(js_name = liquidationCascade, unchecked_return_type = "CascadeReport")]
pub fn liquidation_cascade_js(
    #[wasm_bindgen(unchecked_param_type = "CascadeInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let input: CascadeInput = from_js(input, "")?;
    to_js(&liquidation_cascade(&input)?)
}

/// The built-in lending markets, every parameter with its source or assumption. Pass a market's
/// values as `MarketParams` (`ltv.value`, …) to the two models.
#[wasm_bindgen(js_name = lendingMarkets, unchecked_return_type = "LendingMarket[]")]
pub fn lending_markets_js() -> Result<JsValue, JsValue> {
    to_js(&lending_markets())
}

/// The ezETH depeg of 24 April 2024 on Morpho Blue (LLTV 0.77) as a `CascadeInput`, with the
/// basis of each figure, the published outcome and how the replay compares.
#[wasm_bindgen(js_name = cascadePresetEzEth2024, unchecked_return_type = "EzEthReplay")]
pub fn cascade_preset_js() -> Result<JsValue, JsValue> {
    to_js(&ezeth_april_2024())
}

/// Morpho Blue's liquidation incentive factor for any LLTV in `0..1`:
/// `min(1.15, 1/(1 − 0.3·(1 − LLTV)))` (morpho-blue `ConstantsLib`); an error names `lltv`.
#[wasm_bindgen(js_name = morphoLiquidationIncentive)]
pub fn morpho_liquidation_incentive_js(lltv: f64) -> Result<f64, JsValue> {
    Ok(morpho_liquidation_incentive(lltv)?)
}

/// One sale of `lrtIn` tokens into `pool` (constant product or Curve stableswap, with its swap
/// fee): `{ pool, sale }`, the reserves after and the `Sale` (ETH out, fee paid, prices).
#[wasm_bindgen(js_name = poolSell, unchecked_return_type = "PoolSale")]
pub fn pool_sell_js(
    #[wasm_bindgen(unchecked_param_type = "Pool")] pool: JsValue,
    lrt_in: f64,
) -> Result<JsValue, JsValue> {
    let mut pool: Pool = from_js(pool, "pool")?;
    pool.validate("pool")?;
    let sale = pool.sell(lrt_in)?;
    to_js(&crate::lending::amm::PoolSale { pool, sale })
}

/// The stableswap invariant `D` (ETH, Curve's `get_D` with `Ann = A·n`) or the constant-product
/// `k = x·y` of `pool`.
#[wasm_bindgen(js_name = poolInvariant)]
pub fn pool_invariant_js(
    #[wasm_bindgen(unchecked_param_type = "Pool")] pool: JsValue,
) -> Result<f64, JsValue> {
    let pool: Pool = from_js(pool, "pool")?;
    pool.validate("pool")?;
    Ok(pool.invariant()?)
}

/// One borrower, for `liquidationQuote`.
#[derive(Debug, Clone, Copy, serde::Deserialize, tsify::Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuotePosition {
    /// Collateral, tokens, in `0..=1e12`.
    pub collateral: f64,
    /// Debt, ETH, in `0..=1e12`.
    pub debt: f64,
    /// Oracle price, ETH per token, in `0..=1e6`.
    pub price: f64,
}

/// A position's health factor, available borrow and the liquidation `market` allows now
/// (`LiquidationQuote`), by the market's rules.
#[wasm_bindgen(js_name = liquidationQuote, unchecked_return_type = "LiquidationQuote")]
pub fn liquidation_quote_js(
    #[wasm_bindgen(unchecked_param_type = "MarketParams")] market: JsValue,
    #[wasm_bindgen(unchecked_param_type = "QuotePosition")] position: JsValue,
) -> Result<JsValue, JsValue> {
    let m: MarketParams = from_js(market, "market")?;
    m.validate("market")?;
    let p: QuotePosition = from_js(position, "position")?;
    let amount = |f: &str, v: f64| validate::in_range(f, v, 0.0, 1e12, "an amount in 0..=1e12");
    amount("position.collateral", p.collateral)?;
    amount("position.debt", p.debt)?;
    validate::in_range("position.price", p.price, 0.0, 1e6, "a price in 0..=1e6")?;
    to_js(&m.quote(p.collateral, p.debt, p.price))
}
