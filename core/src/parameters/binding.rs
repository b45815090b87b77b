//! Which rule binds: for each parameter the rules set (LTV, liquidation threshold, supply cap),
//! the lowest suggestion among them, the rules that give it (more than one on a tie), and — when
//! the market's figures today are given — whether the market's figure is above it.
//!
//! "Binds" means only "is the tightest of the rules compared here"; the rules disagree by design
//! and each leaves other parameters to other methods, so this is a comparison, never advice.

use serde::{Deserialize, Serialize};

use super::rules::{RuleId, RuleResult};
use crate::unit::Unit;
use crate::{Error, validate};

/// Relative tolerance under which two suggestions count as a tie (`|a − b| ≤ 1e-12·max(|a|, |b|)`).
const TIE: f64 = 1e-12;

/// A market parameter the rules suggest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Parameter {
    /// Loan-to-value, fraction.
    Ltv,
    /// Liquidation threshold, fraction.
    LiquidationThreshold,
    /// Supply cap, tokens.
    SupplyCap,
}

/// The market's parameters today, set beside the suggestions; each figure optional (left out
/// where it is unknown).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CurrentParameters {
    /// Today's LTV, fraction in `0..1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub ltv: Option<f64>,
    /// Today's liquidation threshold, fraction in `0..1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub liquidation_threshold: Option<f64>,
    /// Today's supply cap, tokens, in `0..=1e12`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub supply_cap: Option<f64>,
}

impl CurrentParameters {
    /// Checks each figure given; errors name `{field}.ltv`, `{field}.liquidationThreshold`,
    /// `{field}.supplyCap`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        let below_one = |name: &str, v: Option<f64>| -> Result<(), Error> {
            v.map_or(Ok(()), |v| {
                validate::in_range(
                    &format!("{field}.{name}"),
                    v,
                    0.0,
                    1.0 - f64::EPSILON,
                    "a fraction in 0..1",
                )
                .map(|_| ())
            })
        };
        below_one("ltv", self.ltv)?;
        below_one("liquidationThreshold", self.liquidation_threshold)?;
        self.supply_cap.map_or(Ok(()), |v| {
            validate::in_range(
                &format!("{field}.supplyCap"),
                v,
                0.0,
                super::input::MAX_AMOUNT,
                "tokens in 0..=1e12",
            )
            .map(|_| ())
        })
    }

    fn of(&self, p: Parameter) -> Option<f64> {
        match p {
            Parameter::Ltv => self.ltv,
            Parameter::LiquidationThreshold => self.liquidation_threshold,
            Parameter::SupplyCap => self.supply_cap,
        }
    }
}

/// The tightest suggestion for one parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Binding {
    /// Which parameter.
    pub parameter: Parameter,
    /// The lowest suggestion among the rules that set it, in `unit`.
    pub value: f64,
    /// Unit of `value` (fraction for LTV and threshold, tokens for the cap).
    pub unit: Unit,
    /// The rules that give `value` (several on a tie), in the order of [`RuleId`].
    pub rules: Vec<RuleId>,
    /// Their names, in the same order.
    pub names: Vec<String>,
    /// How many rules set this parameter.
    pub rules_setting_it: u32,
    /// The market's figure today, when given.
    pub current: Option<f64>,
    /// `current > value` (beyond a tie): the market allows more than the tightest rule
    /// suggests; `null` without a current figure.
    pub current_above: Option<bool>,
}

fn suggestion(r: &RuleResult, p: Parameter) -> Option<f64> {
    match p {
        Parameter::Ltv => r.ltv,
        Parameter::LiquidationThreshold => r.liquidation_threshold,
        Parameter::SupplyCap => r.supply_cap,
    }
}

fn tie(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE * a.abs().max(b.abs())
}

/// The binding rule of each parameter that at least one rule sets, in the order LTV,
/// liquidation threshold, supply cap.
///
/// ```
/// use restake_core::parameters::{parameter_workbench, LiquidityPoint, WorkbenchInput};
/// use restake_core::parameters::binding::Parameter;
/// let input = WorkbenchInput {
///     token: "weETH".into(), market: "example".into(),
///     liquidity: vec![LiquidityPoint { lrt_in: 1000.0, price_impact: 0.1 }],
///     spot_price: 1.0, volatility: 0.02, liquidation_bonus: 0.05, slippage_budget: 0.05,
///     debt_size: 500.0, risk_level: 3.0, buffer_sigmas: 3.0,
///     circulating_supply: Some(2000.0), daily_volume: None, current: None,
/// };
/// let r = parameter_workbench(&input).unwrap();
/// let cap = r.bindings.iter().find(|b| b.parameter == Parameter::SupplyCap).unwrap();
/// // Chaos Labs 2 × 500 = 1,000; Gauntlet conservative min(1,000 (the curve's end), 30% of 2,000)
/// // = 600; aggressive min(10 × 200, 50% of 2,000) = 1,000: the conservative cap binds.
/// assert_eq!(cap.value, 600.0);
/// assert_eq!(cap.rules_setting_it, 3);
/// ```
pub fn bindings(rules: &[RuleResult], current: Option<&CurrentParameters>) -> Vec<Binding> {
    [
        (Parameter::Ltv, Unit::Fraction),
        (Parameter::LiquidationThreshold, Unit::Fraction),
        (Parameter::SupplyCap, Unit::Tokens),
    ]
    .into_iter()
    .filter_map(|(parameter, unit)| {
        let set: Vec<(&RuleResult, f64)> = rules
            .iter()
            .filter_map(|r| suggestion(r, parameter).map(|v| (r, v)))
            .collect();
        let value = set.iter().map(|(_, v)| *v).reduce(f64::min)?;
        let tight: Vec<&RuleResult> = set
            .iter()
            .filter(|(_, v)| tie(*v, value))
            .map(|(r, _)| *r)
            .collect();
        let now = current.and_then(|c| c.of(parameter));
        Some(Binding {
            parameter,
            value,
            unit,
            rules: tight.iter().map(|r| r.rule).collect(),
            names: tight.iter().map(|r| r.name.clone()).collect(),
            rules_setting_it: set.len() as u32,
            current: now,
            current_above: now.map(|c| c > value && !tie(c, value)),
        })
    })
    .collect()
}
