//! What the yield stack is computed from: the base layer, the plain LST, the LRT with its fees,
//! AVS reward streams and idle buffer, and how the result is compounded. Every field carries its
//! unit; [`YieldInput::validate`] rejects anything a user could mistype.

use serde::{Deserialize, Serialize};

use super::base::{BaseLayer, rate};
use super::compounding::Compounding;
use crate::{Error, validate};

/// Most AVS streams one input may list.
pub const MAX_AVSS: usize = 256;
/// Largest deposit accepted, ETH.
pub const MAX_DEPOSIT_ETH: f64 = 1e12;
/// Longest horizon accepted, years.
pub const MAX_HORIZON_YEARS: f64 = 100.0;

/// The plain liquid staking token the LRT is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LstInput {
    /// Token symbol, e.g. `wstETH`.
    pub token: String,
    /// The LST's fee on consensus and execution rewards, fraction of rewards in `0..=1`
    /// (0.10 = 10%).
    pub fee_on_rewards: f64,
}

/// Which reward streams the LRT's protocol fee is taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeeScope {
    /// The fee applies to consensus-layer rewards.
    pub consensus: bool,
    /// The fee applies to execution-layer rewards (priority fees, MEV).
    pub execution: bool,
    /// The fee applies to AVS rewards (after the operators' commission).
    pub avs: bool,
}

impl FeeScope {
    /// Every stream: consensus, execution and AVS rewards.
    pub const ALL: FeeScope = FeeScope {
        consensus: true,
        execution: true,
        avs: true,
    };
}

/// How an AVS pays for the stake allocated to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum AvsReward {
    /// Rewards paid in ETH (or an ETH-pegged token).
    Eth {
        /// Reward on allocated stake, fraction per year (APR) in `0..=1`.
        apr: f64,
    },
    /// Rewards paid in the AVS's own token (or EIGEN), valued in ETH after a haircut for selling
    /// it: `APR = tokensPerEthPerYear × tokenPriceEth × (1 − liquidityHaircut)`.
    Token {
        /// Token symbol, e.g. `EIGEN`.
        token: String,
        /// Tokens emitted per allocated ETH per year, tokens/ETH/year, ≥ 0.
        tokens_per_eth_per_year: f64,
        /// Token price, ETH per token, ≥ 0.
        token_price_eth: f64,
        /// Share of the token's value lost when it is sold (thin markets, vesting, slippage),
        /// fraction in `0..=1`.
        liquidity_haircut: f64,
    },
}

impl AvsReward {
    /// The stream's APR in ETH terms, fraction per year. Valid input only.
    pub fn apr(&self) -> f64 {
        match self {
            AvsReward::Eth { apr } => *apr,
            AvsReward::Token {
                tokens_per_eth_per_year,
                token_price_eth,
                liquidity_haircut,
                ..
            } => tokens_per_eth_per_year * token_price_eth * (1.0 - liquidity_haircut),
        }
    }
}

/// One AVS the LRT's operators secure with its stake.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AvsStream {
    /// Display name, unique within the input.
    pub name: String,
    /// Share of the LRT's restaked ETH allocated to this AVS: `Σ_o w_o · m_o`, the LRT's
    /// delegation weight to each operator times that operator's allocated magnitude, fraction in
    /// `0..=1`. Under unique stake the shares of all AVSs sum to at most 1.
    pub allocation: f64,
    /// What the AVS pays on allocated stake.
    pub reward: AvsReward,
    /// The operators' commission on this AVS's rewards, fraction in `0..=1`; `null` uses the
    /// LRT's default (EigenLayer: 10%, configurable per AVS, ELIP-001).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub operator_commission: Option<f64>,
    /// Chance that the AVS slashes the allocated stake in a year, fraction in `0..=1`.
    pub fault_probability: f64,
    /// Share of the allocated stake a fault slashes, fraction in `0..=1`.
    pub slash_fraction: f64,
}

/// The liquid restaking token.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LrtInput {
    /// Token symbol, e.g. `weETH`.
    pub token: String,
    /// The protocol's fee on rewards, fraction of the rewards in scope in `0..=1` (0.10 = 10%).
    pub fee_on_rewards: f64,
    /// Which streams the protocol fee is taken from.
    pub fee_applies_to: FeeScope,
    /// Operators' commission on AVS rewards unless an AVS overrides it, fraction in `0..=1`
    /// (EigenLayer default 0.10).
    pub operator_commission: f64,
    /// Share of the LRT's ETH held idle for withdrawals (liquidity pool, withdrawal buffer),
    /// earning nothing and not slashable, fraction in `0..=1`.
    pub buffer_share: f64,
    /// AVS reward streams.
    pub avss: Vec<AvsStream>,
}

/// Everything the yield stack needs.
///
/// Deposit and horizon: the report values `depositEth` after `horizonYears` at each net APR,
/// compounded as `compounding` says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct YieldInput {
    /// Consensus and execution rewards per staked ETH.
    pub base: BaseLayer,
    /// The plain LST baseline.
    pub lst: LstInput,
    /// The LRT.
    pub lrt: LrtInput,
    /// How rewards compound.
    pub compounding: Compounding,
    /// Amount deposited, ETH, `0..=1e12`.
    pub deposit_eth: f64,
    /// Holding period, years, `0..=100`.
    pub horizon_years: f64,
}

impl YieldInput {
    /// Checks every field (NaN, ±∞, negative rates, fractions outside `0..=1`, AVS allocations
    /// summing above 1, duplicate or empty names) and returns the gross consensus and execution
    /// APRs, fractions per year. Errors name the field path, e.g. `lrt.avss[2].allocation`.
    pub fn validate(&self) -> Result<(f64, f64), Error> {
        let rates = self.base.rates()?;
        validate::text("lst.token", &self.lst.token)?;
        validate::fraction("lst.feeOnRewards", self.lst.fee_on_rewards)?;
        let lrt = &self.lrt;
        validate::text("lrt.token", &lrt.token)?;
        validate::fraction("lrt.feeOnRewards", lrt.fee_on_rewards)?;
        validate::fraction("lrt.operatorCommission", lrt.operator_commission)?;
        validate::fraction("lrt.bufferShare", lrt.buffer_share)?;
        if lrt.avss.len() > MAX_AVSS {
            return Err(Error::OutOfRange {
                field: "lrt.avss".to_owned(),
                value: lrt.avss.len() as f64,
                expected: format!("at most {MAX_AVSS} AVS streams"),
            });
        }
        let mut allocated = 0.0;
        for (i, a) in lrt.avss.iter().enumerate() {
            let f = format!("lrt.avss[{i}]");
            validate::text(&format!("{f}.name"), &a.name)?;
            if lrt.avss[..i].iter().any(|b| b.name == a.name) {
                return Err(Error::DuplicateId {
                    field: format!("{f}.name"),
                    value: a.name.clone(),
                });
            }
            allocated += validate::fraction(&format!("{f}.allocation"), a.allocation)?;
            match &a.reward {
                AvsReward::Eth { apr } => {
                    rate(&format!("{f}.reward.apr"), *apr)?;
                }
                AvsReward::Token {
                    token,
                    tokens_per_eth_per_year,
                    token_price_eth,
                    liquidity_haircut,
                } => {
                    validate::text(&format!("{f}.reward.token"), token)?;
                    validate::non_negative(
                        &format!("{f}.reward.tokensPerEthPerYear"),
                        *tokens_per_eth_per_year,
                    )?;
                    validate::non_negative(&format!("{f}.reward.tokenPriceEth"), *token_price_eth)?;
                    validate::fraction(
                        &format!("{f}.reward.liquidityHaircut"),
                        *liquidity_haircut,
                    )?;
                    // The product can overflow or exceed any plausible APR: cap it like an ETH rate.
                    rate(&format!("{f}.reward"), a.reward.apr())?;
                }
            }
            if let Some(c) = a.operator_commission {
                validate::fraction(&format!("{f}.operatorCommission"), c)?;
            }
            validate::fraction(&format!("{f}.faultProbability"), a.fault_probability)?;
            validate::fraction(&format!("{f}.slashFraction"), a.slash_fraction)?;
        }
        if allocated > 1.0 + 1e-12 {
            return Err(Error::SumTooLarge {
                field: "lrt.avss[].allocation".to_owned(),
                value: allocated,
                limit: 1.0,
            });
        }
        self.compounding.validate("compounding.periodsPerYear")?;
        validate::in_range(
            "depositEth",
            self.deposit_eth,
            0.0,
            MAX_DEPOSIT_ETH,
            "an amount in 0..=1e12 ETH",
        )?;
        validate::in_range(
            "horizonYears",
            self.horizon_years,
            0.0,
            MAX_HORIZON_YEARS,
            "a number of years in 0..=100",
        )?;
        Ok(rates)
    }
}
