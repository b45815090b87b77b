//! The custom column "Your scenario": the figures of the user's own network, computed from it
//! by the same engines as the protocol columns.

use super::MATRIX_RISK_SEED;
use super::cell::{CellPair, MatrixCell};
use super::tail_risk::{position_var_es, var_es_cells};
use super::yields::{YieldFigure, yield_cell};
use crate::Error;
use crate::concentration::{concentration, operator_stakes};
use crate::network::Network;
use crate::protocol::Protocol;
use crate::risk::{RiskOptions, SeedInput};
use crate::source::Basis;

/// The figures of the custom column, computed from the user's network.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CustomFigures {
    /// The tokens of the network's positions, joined by ` + ` (`no position` when none).
    pub(super) tokens: String,
    /// Position-weighted net APY (fraction per year).
    pub(super) net_apy: MatrixCell,
    /// Position-weighted expected slashing loss (fraction per year).
    pub(super) expected_loss: MatrixCell,
    /// Position-weighted risk-adjusted APY (fraction per year).
    pub(super) risk_adjusted_apy: MatrixCell,
    /// VaR99 and ES99 of the positions over one year (fractions of their value).
    pub(super) var_es: CellPair,
    /// AVSs the positions are exposed to (count).
    pub(super) avs_count: MatrixCell,
    /// Operator HHI = Σ share² of delegated stake (plain).
    pub(super) hhi: MatrixCell,
    /// Nakamoto coefficient: fewest operators holding more than 1/3 (count).
    pub(super) nakamoto: MatrixCell,
}

/// Every figure of the custom column rests on the user's network.
fn scenario_basis() -> Basis {
    Basis::Assumption {
        note: "your scenario: every figure in it is yours (or the demo network's labelled assumptions)".to_owned(),
    }
}

impl CustomFigures {
    /// The custom column of network `s` against the LST baseline `lst`. Errors: an invalid
    /// network (its field path).
    pub(super) fn new(s: &Network, lst: Option<&Protocol>) -> Result<CustomFigures, Error> {
        s.validate()?;
        let held: Vec<(&Protocol, f64)> = s
            .positions
            .iter()
            .filter(|pos| pos.amount_eth > 0.0)
            .filter_map(|pos| {
                s.protocols
                    .iter()
                    .find(|p| p.id == pos.protocol)
                    .map(|p| (p, pos.amount_eth))
            })
            .collect();
        let mut tokens: Vec<&str> = held.iter().map(|(p, _)| p.token.as_str()).collect();
        tokens.dedup();
        let (hhi, nakamoto) = concentration_cells(s);
        Ok(CustomFigures {
            tokens: if tokens.is_empty() {
                "no position".to_owned()
            } else {
                tokens.join(" + ")
            },
            net_apy: weighted(&held, lst, YieldFigure::NetApy, "net APY"),
            expected_loss: weighted(
                &held,
                lst,
                YieldFigure::ExpectedLoss,
                "expected slashing loss",
            ),
            risk_adjusted_apy: weighted(
                &held,
                lst,
                YieldFigure::RiskAdjustedApy,
                "risk-adjusted APY",
            ),
            var_es: network_var_es(s),
            avs_count: avs_count(s, &held),
            hhi,
            nakamoto,
        })
    }
}

/// A yield figure weighted by the positions `held`: `Σ amount_i × figure_i ÷ Σ amount_i`.
fn weighted(
    held: &[(&Protocol, f64)],
    lst: Option<&Protocol>,
    figure: YieldFigure,
    label: &str,
) -> MatrixCell {
    let total: f64 = held.iter().map(|(_, a)| a).sum();
    if total <= 0.0 {
        return MatrixCell::absent("no position", "the scenario holds no position", vec![]);
    }
    let mut sum = 0.0;
    let mut inputs = vec![scenario_basis()];
    for (p, amount) in held {
        let c = yield_cell(p, lst, figure);
        let Some(v) = c.value else {
            return MatrixCell::absent(
                "not computed",
                &format!("no {label} for {}", p.name),
                vec![c.basis],
            );
        };
        sum += amount * v;
        inputs.push(c.basis);
    }
    MatrixCell::known(
        sum / total,
        Basis::Derived {
            formula: format!(
                "computed by the yield engine: {label} of each protocol's preset, weighted by your positions (Σ amount × figure ÷ Σ amount)"
            ),
            inputs,
        },
    )
}

/// VaR99 and ES99 of the network's positions (default risk options, seed
/// [`MATRIX_RISK_SEED`]), as fractions of their value.
fn network_var_es(s: &Network) -> CellPair {
    let options = RiskOptions {
        seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
        ..RiskOptions::default()
    };
    let mut inputs = vec![scenario_basis()];
    inputs.extend(
        crate::risk::input::assumption_notes()
            .into_iter()
            .map(|n| n.basis),
    );
    var_es_cells(
        position_var_es(s, &options),
        &format!(
            "computed by the Monte Carlo risk engine on your scenario's positions, default risk options ({} paths, seed {MATRIX_RISK_SEED}, one year), ÷ the positions' value",
            options.paths
        ),
        inputs,
    )
}

/// AVSs with a positive allocation from an operator that a held protocol delegates to (count).
fn avs_count(s: &Network, held: &[(&Protocol, f64)]) -> MatrixCell {
    let mut avss: Vec<&str> = s
        .allocations
        .iter()
        .filter(|a| a.magnitude > 0.0)
        .filter(|a| {
            s.delegations.iter().any(|d| {
                d.operator == a.operator
                    && d.weight > 0.0
                    && held.iter().any(|(p, _)| p.id == d.protocol)
            })
        })
        .map(|a| a.avs.as_str())
        .collect();
    avss.sort_unstable();
    avss.dedup();
    MatrixCell::known(
        avss.len() as f64,
        Basis::Derived {
            formula: "AVSs your positions are exposed to: those with a positive allocation from an operator that a protocol you hold delegates to".to_owned(),
            inputs: vec![scenario_basis()],
        },
    )
}

/// Operator HHI (`Σ share²`) and Nakamoto coefficient (fewest operators over 1/3) of the
/// network's delegated stake, from [`crate::concentration`].
fn concentration_cells(s: &Network) -> CellPair {
    match concentration("operators", &operator_stakes(s)) {
        Ok(c) => {
            let basis = |what: &str| Basis::Derived {
                formula: format!(
                    "computed by the concentration module over {} operators' delegated stake (Σ weight × restaked ETH + other delegated ETH, {:.0} ETH in all): {what}",
                    c.operators, c.total_eth
                ),
                inputs: vec![scenario_basis()],
            };
            (
                MatrixCell::known(c.hhi, basis("HHI = Σ share²")),
                MatrixCell::known(
                    c.nakamoto as f64,
                    basis("Nakamoto coefficient = fewest operators holding more than 1/3"),
                ),
            )
        }
        Err(_) => {
            let c = || {
                MatrixCell::absent(
                    "no stake",
                    "no operator in the scenario has delegated stake",
                    vec![],
                )
            };
            (c(), c())
        }
    }
}
