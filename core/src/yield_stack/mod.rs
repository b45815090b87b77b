//! Yield stacking: what a liquid restaking token (LRT) earns over a plain liquid staking token
//! (LST), stream by stream and fee by fee, compounded, and net of its expected slashing loss.
//!
//! - [`base`]: consensus-layer APR (given, or derived from the consensus-spec constants as
//!   `≈ 166.3/√S × participation`) and execution-layer APR (priority fees + MEV).
//! - [`input`]: the LST's fee; the LRT's protocol fee and the streams it applies to, the
//!   operators' commission on AVS rewards (EigenLayer default 10%, per-AVS override), AVS reward
//!   streams paid in ETH or in a token (`tokens/ETH/yr × price × (1 − haircut)`), each weighted
//!   by the LRT's allocation to it, and the idle withdrawal buffer.
//! - [`stack`]: the arithmetic (formulas in its docs; the operators' split is ELIP-001's, the
//!   protocol fees each protocol's own).
//! - [`compounding`]: APR → APY and the value of a deposit.
//! - [`report`]: the waterfall of signed APR contributions, net APR/APY, the deposit after the
//!   horizon, the LRT's premium over the LST, the expected annual slashing loss
//!   `Σ allocation × fault probability × slash fraction` and the risk-adjusted APY.
//! - [`presets`]: one starting input per preset protocol; AVS figures are labelled assumptions.
//!
//! # Example
//! ```
//! use restake_core::yield_stack::*;
//! let input = YieldInput {
//!     base: BaseLayer { consensus: ConsensusApr::Given { apr: 0.03 }, execution_apr: 0.01 },
//!     lst: LstInput { token: "wstETH".into(), fee_on_rewards: 0.1 },
//!     lrt: LrtInput {
//!         token: "LRT".into(), fee_on_rewards: 0.1, fee_applies_to: FeeScope::ALL,
//!         operator_commission: 0.1, buffer_share: 0.0,
//!         avss: vec![AvsStream {
//!             name: "AVS".into(), allocation: 0.5, reward: AvsReward::Eth { apr: 0.02 },
//!             operator_commission: None, fault_probability: 0.01, slash_fraction: 0.5,
//!         }],
//!     },
//!     compounding: Compounding::Periodic { periods_per_year: 1 },
//!     deposit_eth: 100.0, horizon_years: 1.0,
//! };
//! let r = yield_stack(&input).unwrap();
//! // LST: 0.9 × 4% = 3.6%. LRT: 0.9 × (4% + 0.9 × 0.5 × 2%) = 0.9 × 4.9% = 4.41%.
//! assert!((r.lst.net_apr - 0.036).abs() < 1e-12);
//! assert!((r.lrt.net_apr - 0.0441).abs() < 1e-12);
//! // Expected loss 0.5 × 1% × 50% = 0.25% a year.
//! assert!((r.risk_adjusted_apy - (0.0441 - 0.0025)).abs() < 1e-12);
//! ```

pub mod base;
pub mod compounding;
pub mod input;
pub mod presets;
pub mod realised;
pub mod report;
mod stack;
#[cfg(test)]
mod tests;

pub use base::{BaseLayer, ConsensusApr};
pub use compounding::Compounding;
pub use input::{AvsReward, AvsStream, FeeScope, LrtInput, LstInput, YieldInput};
pub use presets::{YieldNote, YieldPreset, yield_preset, yield_presets};
pub use report::{AvsYield, Step, StepKind, TokenYield, YieldReport};

use crate::Error;

/// Validates `input` and computes the report. Every error names the offending field.
pub fn yield_stack(input: &YieldInput) -> Result<YieldReport, Error> {
    let (cl, el) = input.validate()?;
    let report = stack::compute(input, cl, el);
    let numbers = [
        report.lrt.net_apy,
        report.lrt.deposit_value_eth,
        report.lst.net_apy,
        report.lst.deposit_value_eth,
        report.risk_adjusted_deposit_value_eth,
    ];
    if numbers.iter().all(|v| v.is_finite()) {
        Ok(report)
    } else {
        Err(Error::Invariant {
            field: "yieldStack".to_owned(),
            message: "a result is not finite".to_owned(),
        })
    }
}
