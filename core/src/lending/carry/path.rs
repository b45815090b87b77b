//! The utilisation of the borrowed asset's market over time: constant, a step, or a path of
//! points joined by straight lines (held flat before the first and after the last). Days from
//! the start of the carry; utilisation as a fraction of the supply that is borrowed.

use serde::{Deserialize, Serialize};

use crate::source::{Basis, Sourced};
use crate::{Error, validate};

/// Most points a utilisation path may hold.
pub const MAX_PATH_POINTS: usize = 1_000;

/// One point of a drawn path.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UtilizationPoint {
    /// Day from the start, in `0..=36500`; strictly increasing along the path.
    pub day: f64,
    /// Utilisation on that day, fraction in `0..=1`.
    pub utilization: f64,
}

/// The market's utilisation through the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum UtilizationPath {
    /// The same utilisation throughout, fraction in `0..=1`.
    Constant {
        /// Utilisation, fraction.
        utilization: f64,
    },
    /// `before` until `atDay`, then `after` (both fractions in `0..=1`; `atDay` in `0..=36500`).
    Step {
        /// Utilisation before the step, fraction.
        before: f64,
        /// Utilisation from the step on, fraction.
        after: f64,
        /// Day of the step.
        at_day: f64,
    },
    /// A drawn path: 1..=1,000 points, days strictly increasing, linear between points.
    Points {
        /// The points.
        points: Vec<UtilizationPoint>,
    },
}

impl UtilizationPath {
    /// Checks every value; errors name `{field}.…` (`{field}.points[3].day`).
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        let frac = |name: String, v: f64| validate::fraction(&name, v).map(|_| ());
        let day = |name: String, v: f64| {
            validate::in_range(&name, v, 0.0, 36_500.0, "a day in 0..=36500").map(|_| ())
        };
        match self {
            UtilizationPath::Constant { utilization } => {
                frac(format!("{field}.utilization"), *utilization)
            }
            UtilizationPath::Step {
                before,
                after,
                at_day,
            } => {
                frac(format!("{field}.before"), *before)?;
                frac(format!("{field}.after"), *after)?;
                day(format!("{field}.atDay"), *at_day)
            }
            UtilizationPath::Points { points } => {
                if points.is_empty() || points.len() > MAX_PATH_POINTS {
                    return Err(Error::OutOfRange {
                        field: format!("{field}.points"),
                        value: points.len() as f64,
                        expected: format!("1..={MAX_PATH_POINTS} points"),
                    });
                }
                let mut last = f64::NEG_INFINITY;
                for (i, p) in points.iter().enumerate() {
                    day(format!("{field}.points[{i}].day"), p.day)?;
                    frac(format!("{field}.points[{i}].utilization"), p.utilization)?;
                    if p.day <= last {
                        return Err(Error::OutOfRange {
                            field: format!("{field}.points[{i}].day"),
                            value: p.day,
                            expected: format!("a day after the previous point's ({last})"),
                        });
                    }
                    last = p.day;
                }
                Ok(())
            }
        }
    }

    /// The utilisation on day `t` (validated path): constant, the step's side (`after` from
    /// `atDay` on), or linear between the two points around `t`.
    pub fn at(&self, t: f64) -> f64 {
        match self {
            UtilizationPath::Constant { utilization } => *utilization,
            UtilizationPath::Step {
                before,
                after,
                at_day,
            } => {
                if t < *at_day {
                    *before
                } else {
                    *after
                }
            }
            UtilizationPath::Points { points } => {
                let i = points.partition_point(|p| p.day <= t);
                match (i.checked_sub(1).map(|j| points[j]), points.get(i)) {
                    (Some(a), Some(b)) => {
                        let w = (t - a.day) / (b.day - a.day);
                        a.utilization + (b.utilization - a.utilization) * w
                    }
                    (Some(a), None) => a.utilization,
                    (None, Some(b)) => b.utilization,
                    (None, None) => 0.0,
                }
            }
        }
    }
}

/// A named utilisation path with the basis of its figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct UtilizationPreset {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The path.
    pub path: UtilizationPath,
    /// Each figure (`points[1].utilization`, …) with its basis.
    pub figures: Vec<(String, Sourced<f64>)>,
}

/// Aave Core WETH in February 2026: from the kink to 95.42%, then 99.85% (LlamaRisk,
/// governance.aave.com/t/…/24101, 2026-02-18). The days and the starting level are not in that
/// source and are labelled assumptions.
///
/// ```
/// let p = restake_core::lending::carry::weth_february_2026();
/// assert_eq!(p.path.at(6.0), 0.94);
/// assert_eq!(p.path.at(7.0), 0.9542);
/// assert_eq!(p.path.at(9.0), 0.9985);
/// assert_eq!(p.path.at(16.0), 0.94);
/// ```
pub fn weth_february_2026() -> UtilizationPreset {
    let spike = crate::lending::rate_model::presets::WETH_SPIKE_2026;
    let days = "the source gives the levels, not their timing: a week at the kink, two days at 95.42%, a week at 99.85%, then the kink again; change them";
    // Each level starts on its day (a step starting there reads it); the point just before
    // (1e-9 days earlier) ends the previous level.
    let eps = 1e-9;
    let points = vec![
        UtilizationPoint {
            day: 0.0,
            utilization: 0.94,
        },
        UtilizationPoint {
            day: 7.0 - eps,
            utilization: 0.94,
        },
        UtilizationPoint {
            day: 7.0,
            utilization: 0.9542,
        },
        UtilizationPoint {
            day: 9.0 - eps,
            utilization: 0.9542,
        },
        UtilizationPoint {
            day: 9.0,
            utilization: 0.9985,
        },
        UtilizationPoint {
            day: 16.0 - eps,
            utilization: 0.9985,
        },
        UtilizationPoint {
            day: 16.0,
            utilization: 0.94,
        },
    ];
    let source = |v: f64| Sourced {
        value: v,
        basis: Basis::Source {
            citation: spike.to_owned(),
            date: "2026-02-18".to_owned(),
        },
    };
    let assumed = |v: f64, note: &str| Sourced {
        value: v,
        basis: Basis::Assumption {
            note: note.to_owned(),
        },
    };
    UtilizationPreset {
        id: "aave-weth-2026-02".to_owned(),
        name: "Aave Core WETH utilisation spike, February 2026".to_owned(),
        path: UtilizationPath::Points { points },
        figures: vec![
            (
                "points[0].utilization".to_owned(),
                assumed(
                    0.94,
                    "the level before the spike is not in the source: the kink (optimal usage 94% from 2026-02-07), where Aave's model aims",
                ),
            ),
            ("points[2].utilization".to_owned(), source(0.9542)),
            ("points[4].utilization".to_owned(), source(0.9985)),
            ("points[*].day".to_owned(), assumed(7.0, days)),
        ],
    }
}
