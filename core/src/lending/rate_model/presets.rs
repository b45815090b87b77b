//! Sourced rate models: Aave v3 Core WETH's rate data after the change of 7 February 2026 and
//! Morpho's AdaptiveCurveIRM at its initial rate at target, and the WETH utilisation spike of
//! February 2026 as a path. Each figure carries its basis; what no source gives is a labelled
//! assumption.

use serde::Serialize;

use super::RateModel;
use super::aave::AaveRateData;
use crate::source::{Basis, Sourced};

/// A rate model preset with the basis of each of its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RateModelPreset {
    /// Stable id, e.g. `aave-v3-core-weth`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The model, ready for the carry engine.
    pub model: RateModel,
    /// Each figure of the model by field name (`optimalUsageRatio`, …) with its basis.
    pub figures: Vec<(String, Sourced<f64>)>,
}

const AAVE_WETH_2026: &str = "governance.aave.com/t/…/24018: Core WETH optimal usage 92% → 94%, slope 1 2.35% → 2.45% (temporary)";
const SLOPE2_ORACLE: &str = "chaoslabs.xyz/posts/introducing-the-aave-slope2-risk-oracle and governance.aave.com/t/…/23192: WETH slope 2 baseline standardised at 8%, raised automatically while utilisation stays above the kink";
const IRM_CONSTANTS: &str =
    "morpho-org/morpho-blue-irm@a1a87fd src/adaptive-curve-irm/libraries/ConstantsLib.sol";
/// LlamaRisk on Core WETH in February 2026: utilisation reached 95.42% and 99.85%.
pub const WETH_SPIKE_2026: &str = "governance.aave.com/t/…/24101 (LlamaRisk, 2026-02-18): Core WETH utilisation spiked to 95.42% and 99.85%";

fn src(v: f64, citation: &str, date: &str) -> Sourced<f64> {
    Sourced {
        value: v,
        basis: Basis::Source {
            citation: citation.to_owned(),
            date: date.to_owned(),
        },
    }
}

fn assumed(v: f64, note: &str) -> Sourced<f64> {
    Sourced {
        value: v,
        basis: Basis::Assumption {
            note: note.to_owned(),
        },
    }
}

/// The built-in rate models.
///
/// ```
/// let p = restake_core::lending::rate_model::presets::rate_model_presets();
/// assert_eq!(p[0].id, "aave-v3-core-weth");
/// ```
pub fn rate_model_presets() -> Vec<RateModelPreset> {
    vec![
        RateModelPreset {
            id: "aave-v3-core-weth".to_owned(),
            name: "Aave v3 Core WETH (after 7 Feb 2026)".to_owned(),
            model: RateModel::Aave {
                data: AaveRateData {
                    optimal_usage_ratio: 9400,
                    base_variable_borrow_rate: 0,
                    variable_rate_slope1: 245,
                    variable_rate_slope2: 800,
                },
            },
            figures: vec![
                (
                    "optimalUsageRatio".to_owned(),
                    src(9400.0, AAVE_WETH_2026, "2026-02-07"),
                ),
                (
                    "baseVariableBorrowRate".to_owned(),
                    assumed(
                        0.0,
                        "not stated in the sources read (historically 0); read getInterestRateDataBps(WETH) on the Core strategy for the live value",
                    ),
                ),
                (
                    "variableRateSlope1".to_owned(),
                    src(245.0, AAVE_WETH_2026, "2026-02-07"),
                ),
                (
                    "variableRateSlope2".to_owned(),
                    src(800.0, SLOPE2_ORACLE, "2025"),
                ),
            ],
        },
        RateModelPreset {
            id: "morpho-adaptive-curve".to_owned(),
            name: "Morpho AdaptiveCurveIRM (initial rate at target)".to_owned(),
            model: RateModel::AdaptiveCurve {
                rate_at_target_apr: 0.04,
            },
            figures: vec![(
                "rateAtTargetApr".to_owned(),
                src(
                    0.04,
                    &format!(
                        "{IRM_CONSTANTS}: INITIAL_RATE_AT_TARGET, a market's rate at target before its first update; a live market's is rateAtTarget(id)"
                    ),
                    "2026-04-21",
                ),
            )],
        },
    ]
}
