//! The risk-parameter workbench: for one collateral token in one lending market, what each
//! published rule suggests for the LTV, the liquidation threshold, the liquidation bonus and the
//! supply cap, side by side, each with its source and the inputs it used.
//!
//! **The output is a comparison of published rules, never advice**: the rules disagree by
//! design, each leaves parameters to other methods, and several rest on inputs the user must
//! choose (labelled assumptions in the defaults).
//!
//! Rules ([`rules`]):
//! - Chaos Labs: supply cap `= 2 · ℓ(budget)`, twice the tokens sellable within the slippage
//!   budget (the liquidation bonus).
//! - `LT ≤ 1 − LB − k·σ`, the threshold leaving room for the bonus and a volatility buffer,
//!   checked against Aave v3's configurator bound `LT·(1 + LB) ≤ 1`.
//! - B.Protocol / Risk DAO SmartLTV: `LTV = e^(−c·σ/√(ℓ/d)) − β`.
//! - Gauntlet's Aave v3 supply cap methodology (conservative and aggressive).
//!
//! The liquidity curve is plain data (`lrtIn` → `priceImpact`): the engine never reads a pool,
//! so the caller builds it from the AMM engine (`lending::amm::Pool::impact_curve`) or from
//! published depth figures.

pub mod binding;
pub mod input;
pub mod presets;
pub mod rules;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use binding::{Binding, CurrentParameters, Parameter, bindings};
pub use input::{LiquidityPoint, WorkbenchInput};
pub use presets::{TokenPreset, token_presets};
pub use rules::{RuleId, RuleInput, RuleResult};

use crate::Error;

/// The sentence every report carries: a comparison, never advice.
pub const NOT_ADVICE: &str = "A side-by-side comparison of published rules on the inputs given, not a recommendation: each rule sets only some parameters and rests on choices its authors leave to the market.";

/// The workbench's report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WorkbenchReport {
    /// The token, as given.
    pub token: String,
    /// The market, as given.
    pub market: String,
    /// One entry per rule, in the order of [`RuleId`].
    pub rules: Vec<RuleResult>,
    /// For each parameter some rule sets: the tightest suggestion, the rules that give it, and
    /// the market's figure today beside it ([`bindings`]).
    pub bindings: Vec<Binding>,
    /// [`NOT_ADVICE`].
    pub disclaimer: String,
}

/// Runs every rule on `input` after validating it; an error names the field's path.
///
/// ```
/// use restake_core::parameters::{parameter_workbench, LiquidityPoint, WorkbenchInput};
/// let input = WorkbenchInput {
///     token: "weETH".into(), market: "example".into(),
///     liquidity: vec![LiquidityPoint { lrt_in: 1000.0, price_impact: 0.1 }],
///     spot_price: 1.0, volatility: 0.02, liquidation_bonus: 0.05, slippage_budget: 0.05,
///     debt_size: 500.0, risk_level: 3.0, buffer_sigmas: 3.0,
///     circulating_supply: None, daily_volume: None, current: None,
/// };
/// let report = parameter_workbench(&input).unwrap();
/// // 2 × the 500 tokens sellable within a 5% impact (half-way along the straight curve)
/// assert_eq!(report.rules[0].supply_cap, Some(1000.0));
/// ```
pub fn parameter_workbench(input: &WorkbenchInput) -> Result<WorkbenchReport, Error> {
    input.validate()?;
    let rules = vec![
        rules::twice_liquidity_within_bonus(input),
        rules::bonus_and_volatility_buffer(input),
        rules::smart_ltv(input),
        rules::gauntlet(input, false),
        rules::gauntlet(input, true),
    ];
    Ok(WorkbenchReport {
        token: input.token.clone(),
        market: input.market.clone(),
        bindings: bindings(&rules, input.current.as_ref()),
        rules,
        disclaimer: NOT_ADVICE.to_owned(),
    })
}
