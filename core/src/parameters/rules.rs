//! The published rules, each a function of the same [`WorkbenchInput`] that returns what the rule
//! suggests, its source, and the inputs it used. A rule that does not speak to a parameter
//! leaves it `None` and says so in `notes`.

use serde::{Deserialize, Serialize};

use super::input::WorkbenchInput;
use crate::source::Basis;
use crate::unit::Unit;

/// Which published rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RuleId {
    /// Chaos Labs: supply cap = 2 × what can be liquidated within the liquidation bonus's slippage.
    TwiceLiquidityWithinBonus,
    /// `LT ≤ 1 − LB − k·σ`, checked against Aave v3's `LT·(1 + LB) ≤ 100%`.
    BonusAndVolatilityBuffer,
    /// B.Protocol / Risk DAO SmartLTV: `LTV = e^(−c·σ/√(ℓ/d)) − β`.
    SmartLtv,
    /// Gauntlet's Aave v3 supply cap methodology, conservative recommendation.
    GauntletConservative,
    /// Gauntlet's Aave v3 supply cap methodology, aggressive (Ethereum) recommendation.
    GauntletAggressive,
}

/// One input a rule used, with its value and unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RuleInput {
    /// The input's field name in [`WorkbenchInput`] or the quantity read from the curve.
    pub name: String,
    /// Its value, in `unit`.
    pub value: f64,
    /// Unit of `value`.
    pub unit: Unit,
}

/// What one rule suggests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RuleResult {
    /// Which rule.
    pub rule: RuleId,
    /// The rule's name in words.
    pub name: String,
    /// The rule as a formula.
    pub formula: String,
    /// The published source of the rule.
    pub source: Basis,
    /// Suggested loan-to-value, fraction; `None` where the rule does not set it.
    pub ltv: Option<f64>,
    /// Suggested liquidation threshold, fraction; `None` where the rule does not set it.
    pub liquidation_threshold: Option<f64>,
    /// The liquidation bonus the rule assumes or suggests, fraction.
    pub liquidation_bonus: Option<f64>,
    /// Suggested supply cap, tokens; `None` where the rule does not set it.
    pub supply_cap: Option<f64>,
    /// The inputs the rule used.
    pub inputs: Vec<RuleInput>,
    /// What the rule leaves out, and anything the inputs forced (a clamp, a curve too short).
    pub notes: Vec<String>,
}

fn src(citation: &str, date: &str) -> Basis {
    Basis::Source {
        citation: citation.to_owned(),
        date: date.to_owned(),
    }
}

fn used(name: &str, value: f64, unit: Unit) -> RuleInput {
    RuleInput {
        name: name.to_owned(),
        value,
        unit,
    }
}

fn short_curve(notes: &mut Vec<String>, reached: bool, impact: f64) {
    if !reached {
        notes.push(format!(
            "the liquidity curve never reaches a {:.2}% price impact; its largest sale is used, so the figure is a lower bound",
            impact * 100.0
        ));
    }
}

/// Chaos Labs' cap: `2 × ℓ(budget)`, the tokens sellable within the slippage budget, doubled.
pub fn twice_liquidity_within_bonus(input: &WorkbenchInput) -> RuleResult {
    let (l, reached) = input.liquidity_within(input.slippage_budget);
    let mut notes =
        vec!["sets the supply cap only; LTV and threshold are left to other methods".to_owned()];
    short_curve(&mut notes, reached, input.slippage_budget);
    RuleResult {
        rule: RuleId::TwiceLiquidityWithinBonus,
        name: "Supply cap = 2 × liquidity within the bonus (Chaos Labs)".to_owned(),
        formula: "supply cap = 2 · ℓ(slippage budget)".to_owned(),
        source: src(
            "Chaos Labs, \"Launch Parameters for Floki Lend Pool\" (Venus community forum, community.venus.io/t/chaos-labs-launch-parameters-for-floki-lend-pool-07-30-24/4492): supply caps at two times what can be liquidated with less slippage than the liquidation incentive",
            "2024-07-30",
        ),
        ltv: None,
        liquidation_threshold: None,
        liquidation_bonus: Some(input.liquidation_bonus),
        supply_cap: Some(2.0 * l),
        inputs: vec![
            used("slippageBudget", input.slippage_budget, Unit::Fraction),
            used("liquidity within the budget", l, Unit::Tokens),
        ],
        notes,
    }
}

/// `LT = max(0, 1 − LB − k·σ)`, and whether it also meets Aave v3's `LT·(1 + LB) ≤ 1`.
pub fn bonus_and_volatility_buffer(input: &WorkbenchInput) -> RuleResult {
    let buffer = input.buffer_sigmas * input.volatility;
    let raw = 1.0 - input.liquidation_bonus - buffer;
    let lt = raw.max(0.0);
    let mut notes =
        vec!["sets the threshold only; LTV and supply cap are left to other methods".to_owned()];
    if raw < 0.0 {
        notes.push(
            "bonus plus buffer exceed 100%: no threshold leaves room for both, 0 shown".to_owned(),
        );
    }
    let aave_max = 1.0 / (1.0 + input.liquidation_bonus);
    notes.push(format!(
        "Aave v3's configurator also requires LT·(1 + LB) ≤ 100%, LT ≤ {:.4} here: {}",
        aave_max,
        if lt <= aave_max { "met" } else { "not met" }
    ));
    RuleResult {
        rule: RuleId::BonusAndVolatilityBuffer,
        name: "Threshold leaves room for the bonus and a volatility buffer".to_owned(),
        formula: "LT ≤ 1 − LB − k·σ".to_owned(),
        source: src(
            "Aave v3 PoolConfigurator.configureReserveAsCollateral: liquidationThreshold.percentMul(liquidationBonus) ≤ PERCENTAGE_FACTOR (aave-dao/aave-v3-origin src/contracts/protocol/pool/PoolConfigurator.sol); the buffer k·σ is the workbench's labelled assumption",
            "2024",
        ),
        ltv: None,
        liquidation_threshold: Some(lt),
        liquidation_bonus: Some(input.liquidation_bonus),
        supply_cap: None,
        inputs: vec![
            used("liquidationBonus", input.liquidation_bonus, Unit::Fraction),
            used("volatility", input.volatility, Unit::Fraction),
            used("bufferSigmas", input.buffer_sigmas, Unit::Plain),
            used("volatility buffer k·σ", buffer, Unit::Fraction),
        ],
        notes,
    }
}

/// SmartLTV: `LTV = max(0, e^(−c·σ/√(ℓ/d)) − β)` with `ℓ` the ETH sellable within the slippage
/// budget and `d` the debt size.
pub fn smart_ltv(input: &WorkbenchInput) -> RuleResult {
    let (tokens, reached) = input.liquidity_within(input.slippage_budget);
    let l = tokens * input.spot_price;
    let beta = input.liquidation_bonus;
    let exponent = if l > 0.0 {
        input.risk_level * input.volatility / (l / input.debt_size).sqrt()
    } else {
        f64::INFINITY
    };
    let raw = (-exponent).exp() - beta;
    let mut notes =
        vec!["sets the LTV only; threshold and supply cap are left to other methods".to_owned()];
    short_curve(&mut notes, reached, input.slippage_budget);
    if raw < 0.0 {
        notes.push(
            "e^(−c·σ/√(ℓ/d)) is below the bonus: the formula allows no borrowing, 0 shown"
                .to_owned(),
        );
    }
    RuleResult {
        rule: RuleId::SmartLtv,
        name: "SmartLTV (B.Protocol / Risk DAO)".to_owned(),
        formula: "LTV = e^(−c·σ/√(ℓ/d)) − β".to_owned(),
        source: src(
            "Risk DAO, \"A Smart Contract Formula for LTV ratio\" (Yaron Velner, medium.com/risk-dao/a-smart-contract-formula-for-ltv-ratio-a60a8373d54d); B.Protocol SmartLTV contract (backstop-protocol/smart-ltv src/core/SmartLTV.sol: LTV = e^(−c·σ/√(l/d)) − β)",
            "2023-06-04",
        ),
        ltv: Some(raw.max(0.0)),
        liquidation_threshold: None,
        liquidation_bonus: Some(beta),
        supply_cap: None,
        inputs: vec![
            used("volatility", input.volatility, Unit::Fraction),
            used("riskLevel", input.risk_level, Unit::Plain),
            used("liquidationBonus", beta, Unit::Fraction),
            used("liquidity ℓ within the budget", l, Unit::Eth),
            used("debtSize", input.debt_size, Unit::Eth),
        ],
        notes,
    }
}

const GAUNTLET: &str = "Gauntlet, \"Gauntlet Methodologies - Borrow and Supply Cap\" (governance.aave.com/t/gauntlet-methodologies-borrow-and-supply-cap/11487)";

/// Gauntlet's supply caps: the least of the limits whose inputs are given.
/// Conservative: tokens moving the DEX price 25%, 30% of circulating supply. Aggressive:
/// 10 × the tokens sellable within 2%, 50% of daily volume, 50% of circulating supply.
pub fn gauntlet(input: &WorkbenchInput, aggressive: bool) -> RuleResult {
    let mut limits: Vec<RuleInput> = Vec::new();
    let mut notes = vec![
        "sets the supply cap only".to_owned(),
        "the long-attack break-even limit needs the market's price-manipulation economics, which the workbench does not model; it is left out".to_owned(),
    ];
    let share = if aggressive { 0.5 } else { 0.3 };
    if aggressive {
        let (l2, reached) = input.liquidity_within(0.02);
        short_curve(&mut notes, reached, 0.02);
        notes.push("Gauntlet counts liquidity across all centralised and decentralised venues; the curve here is the DEX liquidity given".to_owned());
        limits.push(used("10 × liquidity within 2%", 10.0 * l2, Unit::Tokens));
        match input.daily_volume {
            Some(v) => limits.push(used("50% of daily volume", 0.5 * v, Unit::Tokens)),
            None => {
                notes.push("no daily volume given: the 50%-of-volume limit is left out".to_owned())
            }
        }
    } else {
        let (l25, reached) = input.liquidity_within(0.25);
        short_curve(&mut notes, reached, 0.25);
        limits.push(used("tokens moving the DEX price 25%", l25, Unit::Tokens));
    }
    match input.circulating_supply {
        Some(s) => limits.push(used(
            &format!("{:.0}% of circulating supply", share * 100.0),
            share * s,
            Unit::Tokens,
        )),
        None => notes
            .push("no circulating supply given: the share-of-supply limit is left out".to_owned()),
    }
    let cap = limits.iter().map(|l| l.value).fold(f64::INFINITY, f64::min);
    let (rule, name, formula) = if aggressive {
        (
            RuleId::GauntletAggressive,
            "Gauntlet supply cap, aggressive (Ethereum)",
            "min(10 · ℓ(2%), 50% · daily volume, 50% · circulating supply)",
        )
    } else {
        (
            RuleId::GauntletConservative,
            "Gauntlet supply cap, conservative",
            "min(ℓ(25%), 30% · circulating supply)",
        )
    };
    RuleResult {
        rule,
        name: name.to_owned(),
        formula: formula.to_owned(),
        source: src(GAUNTLET, "2023-01-26"),
        ltv: None,
        liquidation_threshold: None,
        liquidation_bonus: None,
        supply_cap: Some(cap),
        inputs: limits,
        notes,
    }
}
