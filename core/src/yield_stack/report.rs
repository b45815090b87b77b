//! What the yield stack returns: a waterfall per token, the net APR and APY, the value of the
//! deposit, per-AVS detail, the LRT's premium over the LST and its expected slashing loss.
//! Rates are fractions per year (0.03 = 3% = 3 APR points); amounts are ETH.

use serde::{Deserialize, Serialize};

/// What a waterfall step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum StepKind {
    /// A gross reward stream (≥ 0).
    Income,
    /// A fee taken from rewards (≤ 0).
    Fee,
    /// Rewards not earned because part of the ETH sits idle (≤ 0).
    Drag,
}

/// One signed step of a waterfall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Stable id: `consensus`, `execution`, `avs:<index>`, `buffer`, `operatorCommission`,
    /// `protocolFee`.
    pub id: String,
    /// Label for display, e.g. `Gross consensus rewards` or the AVS's name.
    pub label: String,
    /// Income, fee or drag.
    pub kind: StepKind,
    /// Signed contribution to the net APR, fraction per year (−0.003 = −0.3 APR points).
    pub apr: f64,
}

/// One token's stack: the steps sum to `netApr`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TokenYield {
    /// Token symbol.
    pub token: String,
    /// The waterfall, gross streams first, then drag and fees.
    pub steps: Vec<Step>,
    /// Net APR to the holder, fraction per year: the sum of `steps`, ≥ 0.
    pub net_apr: f64,
    /// Net APY with the input's compounding, fraction per year.
    pub net_apy: f64,
    /// Value of the deposit after the horizon at the net APR, compounded, ETH.
    pub deposit_value_eth: f64,
}

/// One AVS stream in detail, per unit of the LRT's ETH (buffer included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AvsYield {
    /// The AVS's name.
    pub name: String,
    /// What the AVS pays on allocated stake in ETH terms, fraction per year (a token stream after
    /// its liquidity haircut).
    pub reward_apr: f64,
    /// Gross contribution to the LRT's APR if nothing were idle: `allocation × rewardApr`,
    /// fraction per year (the waterfall's AVS step).
    pub gross_apr: f64,
    /// The operators' commission actually taken: `(1 − buffer) × grossApr × commission`,
    /// fraction per year, ≥ 0.
    pub operator_commission_apr: f64,
    /// The protocol fee taken from this stream (0 when the fee does not apply to AVS rewards),
    /// fraction per year, ≥ 0.
    pub protocol_fee_apr: f64,
    /// What the holder keeps from this AVS, fraction per year.
    pub net_apr: f64,
    /// Expected slashing loss from this AVS: `(1 − buffer) × allocation × faultProbability ×
    /// slashFraction`, fraction of the LRT's value per year.
    pub expected_loss: f64,
}

/// The report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct YieldReport {
    /// Gross consensus-layer APR per staked ETH used (given or derived), fraction per year.
    pub consensus_apr: f64,
    /// Gross execution-layer APR per staked ETH, fraction per year.
    pub execution_apr: f64,
    /// The plain LST: gross consensus, gross execution, its fee.
    pub lst: TokenYield,
    /// The LRT: gross consensus, gross execution, each AVS, buffer drag, operators' commission,
    /// protocol fee.
    pub lrt: TokenYield,
    /// Each AVS stream of the LRT, in input order.
    pub avss: Vec<AvsYield>,
    /// LRT net APR − LST net APR, fraction per year (negative when the LST pays more).
    pub premium_apr: f64,
    /// LRT net APY − LST net APY, fraction per year.
    pub premium_apy: f64,
    /// Expected annual loss to AVS slashing, `Σ (1 − buffer) × allocation × faultProbability ×
    /// slashFraction`, fraction of the LRT's value per year. Beacon-chain slashing, which the
    /// LST bears as well, is not counted.
    pub expected_slash_loss: f64,
    /// LRT net APY − expected slashing loss, fraction per year.
    pub risk_adjusted_apy: f64,
    /// Risk-adjusted APY − LST net APY: what restaking adds once its expected loss is paid,
    /// fraction per year.
    pub risk_adjusted_premium: f64,
    /// Value of the deposit after the horizon at the risk-adjusted APY, `D × (1 + riskAdjustedApy)^T`,
    /// ETH.
    pub risk_adjusted_deposit_value_eth: f64,
}
