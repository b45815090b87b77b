//! The custom column "Your scenario": the figures of the user's own scenario document — each
//! the one its page shows, from the same core function of the same section — or, for a bare
//! network, computed from it by the same engines as the protocol columns.

use super::MATRIX_RISK_SEED;
use super::cell::{CellPair, MatrixCell};
use super::tail_risk::{position_var_es, var_es_cells};
use super::yields::{YieldFigure, yield_cell};
use crate::Error;
use crate::concentration::{concentration, operator_stakes};
use crate::network::Network;
use crate::protocol::Protocol;
use crate::risk::{RiskOptions, SeedInput};
use crate::scenario::Scenario;
use crate::source::Basis;

/// The figures of the custom column, computed from the user's document or bare network.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CustomFigures {
    /// The tokens of the network's positions, joined by ` + ` (`no position` when none).
    pub(super) tokens: String,
    /// Net APY (fraction per year): the Yield page's for a document, the presets weighted by
    /// the positions for a bare network.
    pub(super) net_apy: MatrixCell,
    /// Expected slashing loss (fraction per year), as `net_apy`.
    pub(super) expected_loss: MatrixCell,
    /// Risk-adjusted APY (fraction per year), as `net_apy`.
    pub(super) risk_adjusted_apy: MatrixCell,
    /// VaR99 and ES99 of the positions (fractions of their value): the Risk page's run for a
    /// document, the default options over one year for a bare network.
    pub(super) var_es: CellPair,
    /// Max leverage on the Leverage page's market (×); `per protocol` for a bare network.
    pub(super) max_leverage: MatrixCell,
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

/// The positions with a positive amount, each with its protocol.
fn held_positions(s: &Network) -> Vec<(&Protocol, f64)> {
    s.positions
        .iter()
        .filter(|pos| pos.amount_eth > 0.0)
        .filter_map(|pos| {
            s.protocols
                .iter()
                .find(|p| p.id == pos.protocol)
                .map(|p| (p, pos.amount_eth))
        })
        .collect()
}

impl CustomFigures {
    /// The figures of network `s` alone: tokens, AVS count and concentration; the yield, risk
    /// and leverage cells are left `per protocol` for the caller to fill.
    fn of_network(s: &Network, held: &[(&Protocol, f64)]) -> CustomFigures {
        let mut tokens: Vec<&str> = held.iter().map(|(p, _)| p.token.as_str()).collect();
        tokens.dedup();
        let (hhi, nakamoto) = concentration_cells(s);
        CustomFigures {
            tokens: if tokens.is_empty() {
                "no position".to_owned()
            } else {
                tokens.join(" + ")
            },
            net_apy: MatrixCell::per_protocol(),
            expected_loss: MatrixCell::per_protocol(),
            risk_adjusted_apy: MatrixCell::per_protocol(),
            var_es: (MatrixCell::per_protocol(), MatrixCell::per_protocol()),
            max_leverage: MatrixCell::per_protocol(),
            avs_count: avs_count(s, held),
            hhi,
            nakamoto,
        }
    }

    /// The custom column of a bare network `s` (no page sections) against the LST baseline
    /// `lst`: the yield presets' figures weighted by the positions, VaR99/ES99 with the default
    /// risk options. Errors: an invalid network (its field path).
    pub(super) fn new(s: &Network, lst: Option<&Protocol>) -> Result<CustomFigures, Error> {
        s.validate()?;
        let held = held_positions(s);
        Ok(CustomFigures {
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
            ..CustomFigures::of_network(s, &held)
        })
    }

    /// The custom column of document `d`, each figure the one its page shows, from the same
    /// function of the same section: net APY, expected loss and risk-adjusted APY from
    /// [`Scenario::yield_figures`] (the Yield page), VaR99/ES99 from
    /// [`Scenario::position_risk`] (the Risk page's run) ÷ the positions' value, max leverage
    /// from [`Scenario::max_leverage`] (the Leverage page); tokens, AVS count and concentration
    /// of its network. A section that fails leaves its cells `not computed` with the reason.
    /// Errors: an invalid network (its field path).
    pub(super) fn of_scenario(d: &Scenario) -> Result<CustomFigures, Error> {
        d.network.validate()?;
        let held = held_positions(&d.network);
        let failed = |e: &Error| {
            MatrixCell::absent(
                "not computed",
                &format!("your scenario's section was refused: {e}"),
                vec![],
            )
        };
        let (net_apy, expected_loss, risk_adjusted_apy) = match d.yield_figures() {
            Ok(Some(y)) => {
                let cell = |v: f64, what: &str| {
                    MatrixCell::known(
                        v,
                        Basis::Derived {
                            formula: format!(
                                "the Yield page's {what} of {} against {}: the yield engine on your scenario's yield input (yieldStack), the figure that page shows",
                                y.token, y.lst_token
                            ),
                            inputs: vec![scenario_basis()],
                        },
                    )
                };
                (
                    cell(y.net_apy, "net APY"),
                    cell(y.expected_loss, "expected slashing loss"),
                    cell(y.risk_adjusted_apy, "risk-adjusted APY"),
                )
            }
            Ok(None) => {
                let c = || {
                    MatrixCell::absent(
                        "no yield input",
                        "your scenario has no yield input (yieldStack)",
                        vec![],
                    )
                };
                (c(), c(), c())
            }
            Err(e) => (failed(&e), failed(&e), failed(&e)),
        };
        let var_es = match d.position_risk() {
            Ok(r) => {
                let fractions = match (r.value_eth, r.var99_eth, r.es99_eth) {
                    (Some(v), Some(var), Some(es)) if v > 0.0 => Some((var / v, es / v)),
                    _ => None,
                };
                var_es_cells(
                    Ok(fractions),
                    &format!(
                        "the Risk page's run: the Monte Carlo risk engine on your scenario's positions with its risk options ({} paths, over {} year(s)), ÷ the positions' value",
                        r.paths, r.horizon_years
                    ),
                    risk_inputs(),
                )
            }
            Err(e) => (failed(&e), failed(&e)),
        };
        let max_leverage = match d.max_leverage() {
            Ok(Some(l)) => MatrixCell::known(
                l,
                Basis::Derived {
                    formula: "the Leverage page's max leverage 1/(1 − LTV) on its market: the lending engine on your scenario's loop (leverage.loop)".to_owned(),
                    inputs: vec![scenario_basis()],
                },
            ),
            Ok(None) => MatrixCell::absent(
                "no leverage input",
                "your scenario has no leverage input (leverage)",
                vec![],
            ),
            Err(e) => failed(&e),
        };
        Ok(CustomFigures {
            net_apy,
            expected_loss,
            risk_adjusted_apy,
            var_es,
            max_leverage,
            ..CustomFigures::of_network(&d.network, &held)
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

/// The bases of a risk run on the user's scenario: the scenario, then the risk engine's
/// labelled default probabilities.
fn risk_inputs() -> Vec<Basis> {
    let mut inputs = vec![scenario_basis()];
    inputs.extend(
        crate::risk::input::assumption_notes()
            .into_iter()
            .map(|n| n.basis),
    );
    inputs
}

/// VaR99 and ES99 of the network's positions (default risk options, seed
/// [`MATRIX_RISK_SEED`]), as fractions of their value.
fn network_var_es(s: &Network) -> CellPair {
    let options = RiskOptions {
        seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
        ..RiskOptions::default()
    };
    var_es_cells(
        position_var_es(s, &options),
        &format!(
            "computed by the Monte Carlo risk engine on your scenario's positions, default risk options ({} paths, seed {MATRIX_RISK_SEED}, one year), ÷ the positions' value",
            options.paths
        ),
        risk_inputs(),
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
