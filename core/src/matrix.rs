//! The protocol comparison matrix: the seed article's four qualitative rows, verbatim, and rows of
//! figures taken or computed from each protocol's sourced profile. Every cell keeps its basis so a
//! view can show where the figure comes from.
//!
//! Each computed row comes from the engine that owns it: yield figures from [`crate::yield_stack`],
//! VaR/ES from the Monte Carlo engine [`crate::risk`], leverage from [`crate::lending`], bridge
//! figures from [`crate::bridge`], concentration from [`crate::concentration`]. An optional user
//! [`Scenario`] adds a "Your scenario" column computed from the scenario itself.

use serde::Serialize;

use crate::Error;
use crate::consensus::exit::ExitQueue;
use crate::lending::{
    LendingMarket, LeverageInput, LoopTarget, lending_markets, leverage_loop, liquidation_price,
};
use crate::network::{Allocation, Avs, Delegation, Network, Operator, Position, Restaking};
use crate::presets::{EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS, eigenlayer_withdrawal_delay_days};
use crate::protocol::{Protocol, ProtocolKind};
use crate::risk::{RiskOptions, SeedInput, simulate_risk};
use crate::source::{Basis, Sourced};
use crate::unit::Unit;

/// Monte Carlo paths of each protocol's VaR/ES run in the matrix: modest, so the whole matrix
/// stays fast (the 99% tail is then the worst 200 paths).
pub const MATRIX_RISK_PATHS: u64 = 20_000;

/// The fixed seed of every Monte Carlo run in the matrix, so the matrix is the same on every
/// load and target.
pub const MATRIX_RISK_SEED: u64 = 1;

/// Restaked ETH of each protocol's illustrative risk scenario (an assumption: it only sets the
/// size of the Electra correlation penalty of a common shock).
pub const MATRIX_RISK_RESTAKED_ETH: f64 = 100_000.0;

/// Id of the custom column built from the user's scenario.
pub const SCENARIO_COLUMN_ID: &str = "your-scenario";

/// One protocol heading a matrix column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixProtocol {
    /// Protocol id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token symbol; for the custom column, the tokens held, joined by ` + `.
    pub token: String,
    /// True for the custom column built from the user's scenario (id [`SCENARIO_COLUMN_ID`]).
    pub custom: bool,
}

/// One number of a quantitative row, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    /// The figure in the row's unit; `null` where none is known or modelled.
    pub value: Option<f64>,
    /// Where the figure comes from (computed cells: the engine, its inputs and assumptions), or
    /// why there is none.
    pub basis: Basis,
    /// Short text to show in place of a missing value, e.g. `not sourced`, `no sourced market`,
    /// `not modelled`; `null` when `value` is present.
    pub missing: Option<String>,
}

impl MatrixCell {
    fn of(s: Sourced<Option<f64>>, missing: &str) -> MatrixCell {
        MatrixCell {
            missing: s.value.is_none().then(|| missing.to_owned()),
            value: s.value,
            basis: s.basis,
        }
    }

    fn known(value: f64, basis: Basis) -> MatrixCell {
        MatrixCell {
            value: Some(value),
            basis,
            missing: None,
        }
    }

    fn absent(missing: &str, why: &str, inputs: Vec<Basis>) -> MatrixCell {
        MatrixCell {
            value: None,
            basis: Basis::Derived {
                formula: why.to_owned(),
                inputs,
            },
            missing: Some(missing.to_owned()),
        }
    }
}

/// A row of text cells, one per protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QualitativeRow {
    /// Stable row id, e.g. `nodeOperatorDesign`.
    pub id: String,
    /// Row heading as the seed's matrix names it.
    pub label: String,
    /// One cell per column, in [`Matrix::protocols`] order; `null` where no source describes
    /// the protocol on this row (and always for the custom column).
    pub cells: Vec<Option<Sourced<String>>>,
}

/// A row of numbers, one per protocol; `value: null` where no figure is known.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuantitativeRow {
    /// Stable row id, e.g. `feeOnRewards`.
    pub id: String,
    /// Row heading.
    pub label: String,
    /// Unit of every cell in the row.
    pub unit: Unit,
    /// One-sentence definition of the row.
    pub definition: String,
    /// One cell per column, in [`Matrix::protocols`] order.
    pub cells: Vec<MatrixCell>,
}

/// The comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// Column headings: the protocols, then the custom column when a scenario was given.
    pub protocols: Vec<MatrixProtocol>,
    /// The seed's four qualitative rows.
    pub qualitative: Vec<QualitativeRow>,
    /// Figures per protocol.
    pub quantitative: Vec<QuantitativeRow>,
}

fn escrow_basis() -> Basis {
    Basis::Source {
        citation: format!(
            "EigenLayer MIN_WITHDRAWAL_DELAY_BLOCKS = {EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS} blocks × 12 s \
             (Layr-Labs/eigenlayer-contracts docs/core/DelegationManager.md)"
        ),
        date: "2026-05-01".to_owned(),
    }
}

fn queue_basis(q: &ExitQueue) -> Basis {
    Basis::Derived {
        formula: format!(
            "beacon exit queue: {} ETH ahead ÷ (min(256, max(128, S/65,536)) ETH/epoch × 225 epochs/day), S = {} ETH",
            q.queued_eth, q.total_staked_eth
        ),
        inputs: vec![
            Basis::Assumption {
                note: "queue length and total stake are your inputs; the live exit queue is not in our sources"
                    .to_owned(),
            },
            Basis::Source {
                citation: "ethereum/consensus-specs (Electra) get_activation_exit_churn_limit".to_owned(),
                date: "2026-08-07".to_owned(),
            },
        ],
    }
}

/// Which figure of a yield-stack report a matrix row shows.
#[derive(Clone, Copy)]
enum YieldFigure {
    NetApy,
    ExpectedLoss,
    RiskAdjustedApy,
}

/// One protocol's figure from [`crate::yield_stack`] run on its yield preset against the LST
/// baseline `lst` (the first LST among the columns, else the preset Lido wstETH). An LRT reads
/// its LRT side; an LST its plain side, with no AVS slashing. The basis carries the preset's
/// notes, so the illustrative AVS streams mark the cell as resting on assumptions.
fn yield_cell(p: &Protocol, lst: Option<&Protocol>, figure: YieldFigure) -> Sourced<Option<f64>> {
    let Some(lst) = lst else {
        return Sourced {
            value: None,
            basis: Basis::Derived {
                formula: "no LST baseline to compare with".to_owned(),
                inputs: vec![],
            },
        };
    };
    let preset = crate::yield_stack::yield_preset(p, lst);
    let is_lrt = p.kind == ProtocolKind::Lrt;
    let value = crate::yield_stack::yield_stack(&preset.input)
        .ok()
        .map(|r| match (figure, is_lrt) {
            (YieldFigure::NetApy, true) => r.lrt.net_apy,
            (YieldFigure::NetApy, false) | (YieldFigure::RiskAdjustedApy, false) => r.lst.net_apy,
            (YieldFigure::ExpectedLoss, true) => r.expected_slash_loss,
            (YieldFigure::ExpectedLoss, false) => 0.0,
            (YieldFigure::RiskAdjustedApy, true) => r.risk_adjusted_apy,
        });
    let formula = match figure {
        YieldFigure::NetApy => "yield stack of the protocol's preset: net APY, daily compounding",
        YieldFigure::ExpectedLoss => {
            "yield stack of the protocol's preset: Σ AVS allocation × fault probability × slash fraction per year"
        }
        YieldFigure::RiskAdjustedApy => {
            "yield stack of the protocol's preset: net APY − expected slashing loss"
        }
    };
    Sourced {
        value,
        basis: Basis::Derived {
            formula: formula.to_owned(),
            inputs: preset.notes.into_iter().map(|n| n.basis).collect(),
        },
    }
}

/// Each protocol's main lending market among the sourced presets of
/// [`crate::lending::lending_markets`], where shared/domain.md §4.3 ties the token to one:
/// weETH → Aave v3 ETH-correlated E-mode (weETH priced by its exchange rate); ezETH → Morpho Blue
/// ezETH/WETH at LLTV 86% (of the two sourced ezETH markets, the one with the higher LLTV, the
/// Gauntlet post-mortem's first). Other protocols have no sourced market preset: `None`.
///
/// ```
/// let m = restake_core::matrix::main_lending_market("etherfi").unwrap();
/// assert_eq!(m.id, "aave-v3-eth-emode");
/// assert_eq!(restake_core::matrix::main_lending_market("kelp").unwrap().id, "aave-v3-rseth-emode");
/// assert!(restake_core::matrix::main_lending_market("puffer").is_none());
/// ```
pub fn main_lending_market(protocol_id: &str) -> Option<LendingMarket> {
    let id = match protocol_id {
        "etherfi" => "aave-v3-eth-emode",
        "renzo" => "morpho-ezeth-weth-86",
        "kelp" => "aave-v3-rseth-emode",
        _ => return None,
    };
    lending_markets().into_iter().find(|m| m.id == id)
}

fn market_choice_basis(m: &LendingMarket) -> Basis {
    Basis::Assumption {
        note: format!(
            "\"main market\" is our pick among the sourced presets (shared/domain.md §4.3): {} for {}",
            m.name, m.collateral
        ),
    }
}

/// Max leverage `1/(1 − LTV)` and the liquidation price at that leverage (as a share of today's
/// oracle price, `LTV/θ`) from [`crate::lending`] on the protocol's main market.
fn leverage_cells(p: &Protocol) -> (MatrixCell, MatrixCell) {
    let none = || {
        MatrixCell::absent(
            "no sourced market",
            "no lending-market preset for this token in our sources (shared/domain.md §4.3); open the Leverage page to enter one",
            vec![],
        )
    };
    let Some(m) = main_lending_market(&p.id) else {
        return (none(), none());
    };
    let input = LeverageInput {
        deposit: 1.0,
        price: 1.0,
        lrt_yield: 0.0,
        borrow_rate: m.borrow_rate.value,
        market: m.params(),
        target: LoopTarget::Loops { loops: 0 },
    };
    let Ok(r) = leverage_loop(&input) else {
        return (none(), none());
    };
    let theta = m.liquidation_threshold.value;
    let inputs = vec![
        market_choice_basis(&m),
        m.ltv.basis.clone(),
        m.liquidation_threshold.basis.clone(),
    ];
    let max = MatrixCell::known(
        r.max_leverage,
        Basis::Derived {
            formula: format!(
                "computed by the lending engine (leverage_loop) on {}: max leverage = 1/(1 − LTV) = 1/(1 − {})",
                m.name, m.ltv.value
            ),
            inputs: inputs.clone(),
        },
    );
    let liq = match liquidation_price(1.0, r.max_leverage, theta) {
        Some(v) => MatrixCell::known(
            v,
            Basis::Derived {
                formula: format!(
                    "computed by the lending engine on {}: liquidation price at max leverage ÷ today's price = (λ − 1)/(λ·θ) = LTV/θ = {}/{}; oracle: {:?}",
                    m.name, m.ltv.value, theta, m.oracle.value
                ),
                inputs,
            },
        ),
        None => none(),
    };
    (max, liq)
}

/// Share of supply bridged and the holders' loss in the bridge-exploit preset of
/// [`crate::bridge`] for the token, where one exists (the rsETH 2026-04-18 adapter drain).
fn bridge_cells(p: &Protocol) -> (MatrixCell, MatrixCell) {
    let (input, notes) = crate::bridge::rseth_april_2026();
    let none = || {
        let inputs = p
            .bridges
            .iter()
            .map(|b| b.basis.clone())
            .collect::<Vec<_>>();
        MatrixCell::absent(
            "not modelled",
            "our sources list the token's chains and bridges but not the supply on each chain or what backs it (shared/domain.md §4.1), so no exploit scenario is modelled; build one on the Bridge page",
            inputs,
        )
    };
    if input.token != p.token {
        return (none(), none());
    }
    let Ok(r) = crate::bridge::bridge_exposure(&input) else {
        return (none(), none());
    };
    let bases: Vec<Basis> = notes.into_iter().map(|(_, b)| b).collect();
    let value = r.holder_supply * input.exchange_rate_eth;
    let share = MatrixCell::known(
        r.bridged_share,
        Basis::Derived {
            formula: "computed by the bridge engine on the rsETH 2026-04-18 preset: supply on remote chains ÷ holders' supply (116,500 ÷ ≈647,222)".to_owned(),
            inputs: bases.clone(),
        },
    );
    let loss = if value > 0.0 {
        MatrixCell::known(
            r.holder_loss_eth / value,
            Basis::Derived {
                formula: "computed by the bridge engine on the rsETH 2026-04-18 preset (drained adapter, socialised loss): holders' loss ÷ holders' value = X/(S + X)".to_owned(),
                inputs: bases,
            },
        )
    } else {
        none()
    };
    (share, loss)
}

/// The illustrative AVS streams of the protocol's yield preset (none for an LST), with their
/// basis.
fn avs_streams(p: &Protocol, lst: &Protocol) -> (Vec<crate::yield_stack::AvsStream>, Basis) {
    let preset = crate::yield_stack::yield_preset(p, lst);
    let basis = preset
        .notes
        .into_iter()
        .find(|n| n.path == "lrt.avss")
        .map(|n| n.basis)
        .unwrap_or(Basis::Derived {
            formula: "an LST restakes nothing: no AVS".to_owned(),
            inputs: vec![p.underlying.basis.clone()],
        });
    (preset.input.lrt.avss, basis)
}

fn risk_assumption() -> Basis {
    Basis::Assumption {
        note: format!(
            "one illustrative operator holds all the protocol's restaked ETH ({MATRIX_RISK_RESTAKED_ETH} ETH, all native), allocating to the yield preset's illustrative AVSs with their allocations as magnitudes and their fault probabilities as AVS-bug rates; default risk probabilities otherwise; {MATRIX_RISK_PATHS} paths, seed {MATRIX_RISK_SEED}, one year. Node-operator counts are not in our sources (shared/domain.md §4.1)"
        ),
    }
}

/// The illustrative one-protocol risk scenario of `p`: one operator with all its restaked ETH
/// (native), allocating to the yield preset's AVS streams (magnitude = allocation), and the
/// user holding 1 ETH of the token. Options: default probabilities with each AVS's bug rate set
/// to the stream's fault probability, [`MATRIX_RISK_PATHS`] paths, seed [`MATRIX_RISK_SEED`].
fn protocol_risk_input(p: &Protocol, lst: &Protocol) -> (Network, RiskOptions) {
    let (streams, _) = avs_streams(p, lst);
    let avs_id = |i: usize| format!("avs-{}", i + 1);
    let scenario = Network {
        protocols: vec![p.clone()],
        operators: vec![Operator {
            id: "operator".to_owned(),
            name: "Illustrative operator".to_owned(),
            other_delegated_eth: 0.0,
            other_native_share: 0.0,
        }],
        avss: streams
            .iter()
            .enumerate()
            .map(|(i, s)| Avs {
                id: avs_id(i),
                name: s.name.clone(),
            })
            .collect(),
        delegations: vec![Delegation {
            protocol: p.id.clone(),
            operator: "operator".to_owned(),
            weight: 1.0,
            queued_withdrawal_eth: 0.0,
        }],
        allocations: streams
            .iter()
            .enumerate()
            .map(|(i, s)| Allocation {
                operator: "operator".to_owned(),
                avs: avs_id(i),
                magnitude: s.allocation,
                network_limit: None,
            })
            .collect(),
        positions: vec![Position {
            protocol: p.id.clone(),
            amount_eth: 1.0,
        }],
        restaking: vec![Restaking {
            protocol: p.id.clone(),
            restaked_eth: MATRIX_RISK_RESTAKED_ETH,
            native_share: 1.0,
            exchange_rate_eth: None,
        }],
    };
    let mut options = RiskOptions {
        paths: MATRIX_RISK_PATHS as f64,
        seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
        ..RiskOptions::default()
    };
    options.probabilities.avss = streams
        .iter()
        .enumerate()
        .map(|(i, s)| crate::risk::AvsRisk {
            avs: avs_id(i),
            bug_per_year: s.fault_probability,
        })
        .collect();
    (scenario, options)
}

/// VaR99 and ES99 of the scenario's positions over one year, as fractions of their value.
fn position_var_es(scenario: &Network, options: &RiskOptions) -> Result<Option<(f64, f64)>, Error> {
    let r = simulate_risk(scenario, options)?;
    Ok(r.position.and_then(|pos| {
        (pos.value_eth > 0.0).then(|| {
            (
                pos.loss.var99 / pos.value_eth,
                pos.loss.es99 / pos.value_eth,
            )
        })
    }))
}

fn var_es_cells(
    result: Result<Option<(f64, f64)>, Error>,
    formula: &str,
    inputs: Vec<Basis>,
) -> (MatrixCell, MatrixCell) {
    match result {
        Ok(Some((var, es))) => {
            let cell = |v: f64, level: &str| {
                MatrixCell::known(
                    v,
                    Basis::Derived {
                        formula: format!("{level} {formula}"),
                        inputs: inputs.clone(),
                    },
                )
            };
            (cell(var, "VaR99:"), cell(es, "ES99:"))
        }
        Ok(None) => {
            let c = || MatrixCell::absent("no position", "no position in a restaked token", vec![]);
            (c(), c())
        }
        Err(e) => {
            let c = || {
                MatrixCell::absent(
                    "not computed",
                    &format!("the risk engine rejected the scenario: {e}"),
                    vec![],
                )
            };
            (c(), c())
        }
    }
}

/// The figures of the custom column, computed from the user's scenario.
struct ScenarioFigures {
    tokens: String,
    net_apy: MatrixCell,
    expected_loss: MatrixCell,
    risk_adjusted_apy: MatrixCell,
    var99: MatrixCell,
    es99: MatrixCell,
    avs_count: MatrixCell,
    hhi: MatrixCell,
    nakamoto: MatrixCell,
}

fn scenario_basis() -> Basis {
    Basis::Assumption {
        note: "your scenario: every figure in it is yours (or the demo network's labelled assumptions)".to_owned(),
    }
}

impl ScenarioFigures {
    fn new(s: &Network, lst: Option<&Protocol>) -> Result<ScenarioFigures, Error> {
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
        let total: f64 = held.iter().map(|(_, a)| a).sum();
        let mut tokens: Vec<&str> = held.iter().map(|(p, _)| p.token.as_str()).collect();
        tokens.dedup();
        // Position-weighted yield figures: Σ amount_i × figure_i ÷ Σ amount_i.
        let weighted = |figure: YieldFigure, label: &str| {
            if total <= 0.0 {
                return MatrixCell::absent("no position", "the scenario holds no position", vec![]);
            }
            let mut sum = 0.0;
            let mut inputs = vec![scenario_basis()];
            for (p, amount) in &held {
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
        };
        let options = RiskOptions {
            seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
            ..RiskOptions::default()
        };
        let mut risk_inputs = vec![scenario_basis()];
        risk_inputs.extend(
            crate::risk::input::assumption_notes()
                .into_iter()
                .map(|n| n.basis),
        );
        let (var99, es99) = var_es_cells(
            position_var_es(s, &options),
            &format!(
                "computed by the Monte Carlo risk engine on your scenario's positions, default risk options ({} paths, seed {MATRIX_RISK_SEED}, one year), ÷ the positions' value",
                options.paths
            ),
            risk_inputs,
        );
        // AVSs with a positive allocation from an operator a held protocol delegates to.
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
        let avs_count = MatrixCell::known(
            avss.len() as f64,
            Basis::Derived {
                formula: "AVSs your positions are exposed to: those with a positive allocation from an operator that a protocol you hold delegates to".to_owned(),
                inputs: vec![scenario_basis()],
            },
        );
        let stakes = crate::concentration::operator_stakes(s);
        let (hhi, nakamoto) = match crate::concentration::concentration("operators", &stakes) {
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
        };
        Ok(ScenarioFigures {
            tokens: if tokens.is_empty() {
                "no position".to_owned()
            } else {
                tokens.join(" + ")
            },
            net_apy: weighted(YieldFigure::NetApy, "net APY"),
            expected_loss: weighted(YieldFigure::ExpectedLoss, "expected slashing loss"),
            risk_adjusted_apy: weighted(YieldFigure::RiskAdjustedApy, "risk-adjusted APY"),
            var99,
            es99,
            avs_count,
            hhi,
            nakamoto,
        })
    }
}

fn per_protocol_only() -> MatrixCell {
    MatrixCell::absent(
        "per protocol",
        "a figure of each protocol, not of a scenario: see the columns of the protocols you hold",
        vec![],
    )
}

/// Builds the matrix for `protocols` (columns in the given order), with the slow-path exit time
/// computed for the beacon-chain exit queue `exit_queue`, and, when `scenario` is given, a
/// custom column "Your scenario" computed from it (id [`SCENARIO_COLUMN_ID`]).
///
/// Quantitative rows (per protocol; the custom column's figure, where it has one, in brackets):
/// - net APY, expected annual slashing loss and risk-adjusted APY (fractions per year) from
///   [`crate::yield_stack`] on each protocol's yield preset
///   ([`crate::yield_stack::yield_preset`]), whose AVS streams are labelled assumptions
///   [weighted by the scenario's positions];
/// - fee on rewards (fraction of rewards); protocol withdrawal delay (days);
/// - time to exit by the slow path = protocol delay + 14-day EigenLayer escrow + beacon exit
///   queue wait ([`ExitQueue::wait_days`]) (days);
/// - chains the token is on, bridge routes (counts); tightest published bridge mint limit
///   (tokens/day; `null` when none is published);
/// - VaR99 and ES99 of a 1-ETH position over one year (fractions of the position) from
///   [`crate::risk`] on an illustrative one-operator scenario of the protocol
///   ([`MATRIX_RISK_PATHS`] paths, seed [`MATRIX_RISK_SEED`]) [the scenario's positions with
///   default [`RiskOptions`], seed [`MATRIX_RISK_SEED`], as fractions of their value];
/// - max leverage `1/(1 − LTV)` (×) and the liquidation price at it, `LTV/θ` of today's price
///   (fraction), from [`crate::lending`] on [`main_lending_market`];
/// - share of supply bridged and the holders' loss (fractions) in the token's bridge-exploit
///   preset of [`crate::bridge`], where there is one;
/// - AVS count: the yield preset's illustrative AVSs (an assumption) [AVSs the positions are
///   exposed to];
/// - operator HHI and Nakamoto coefficient: not sourced for the presets [from the scenario's
///   operator stakes, [`crate::concentration`]].
///
/// Errors: a bad exit queue (`exitQueue.*`) or an invalid scenario (its field path).
pub fn comparison_matrix(
    protocols: &[Protocol],
    exit_queue: &ExitQueue,
    scenario: Option<&Network>,
) -> Result<Matrix, Error> {
    exit_queue.validate("exitQueue")?;
    let queue_days = exit_queue.wait_days();
    let escrow_days = eigenlayer_withdrawal_delay_days();
    let preset_lst = crate::presets::protocols()
        .ok()
        .and_then(|ps| ps.into_iter().find(|p| p.kind == ProtocolKind::Lst));
    let lst = protocols
        .iter()
        .find(|p| p.kind == ProtocolKind::Lst)
        .or(preset_lst.as_ref());
    let custom = scenario.map(|s| ScenarioFigures::new(s, lst)).transpose()?;
    let risk: Vec<(MatrixCell, MatrixCell)> = protocols
        .iter()
        .map(|p| match lst {
            Some(lst) => {
                let (scenario, options) = protocol_risk_input(p, lst);
                let (_, avs_basis) = avs_streams(p, lst);
                var_es_cells(
                    position_var_es(&scenario, &options),
                    &format!(
                        "computed by the Monte Carlo risk engine: one-year loss of 1 ETH of {} in an illustrative one-operator scenario ({MATRIX_RISK_PATHS} paths, seed {MATRIX_RISK_SEED})",
                        p.token
                    ),
                    vec![risk_assumption(), avs_basis],
                )
            }
            None => {
                let c = || MatrixCell::absent("not computed", "no LST baseline for the AVS presets", vec![]);
                (c(), c())
            }
        })
        .collect();
    let leverage: Vec<(MatrixCell, MatrixCell)> = protocols.iter().map(leverage_cells).collect();
    let bridge: Vec<(MatrixCell, MatrixCell)> = protocols.iter().map(bridge_cells).collect();
    let text_row =
        |id: &str, label: &str, get: fn(&Protocol) -> &Option<Sourced<String>>| QualitativeRow {
            id: id.to_owned(),
            label: label.to_owned(),
            cells: protocols
                .iter()
                .map(|p| get(p).clone())
                .chain(custom.as_ref().map(|_| None))
                .collect(),
        };
    let number_row = |id: &str,
                      label: &str,
                      unit: Unit,
                      definition: &str,
                      get: &dyn Fn(usize, &Protocol) -> MatrixCell,
                      mine: &dyn Fn(&ScenarioFigures) -> MatrixCell| {
        QuantitativeRow {
            id: id.to_owned(),
            label: label.to_owned(),
            unit,
            definition: definition.to_owned(),
            cells: protocols
                .iter()
                .enumerate()
                .map(|(i, p)| get(i, p))
                .chain(custom.as_ref().map(mine))
                .collect(),
        }
    };
    let per_protocol = |_: &ScenarioFigures| per_protocol_only();
    let not_sourced = |_: usize, _: &Protocol| {
        MatrixCell::absent(
            "not sourced",
            "node operators and their stakes are not in our sources for any protocol (shared/domain.md §4.1: node-operator count NOT FOUND); computed for your scenario only",
            vec![],
        )
    };
    let mut columns: Vec<MatrixProtocol> = protocols
        .iter()
        .map(|p| MatrixProtocol {
            id: p.id.clone(),
            name: p.name.clone(),
            token: p.token.clone(),
            custom: false,
        })
        .collect();
    if let Some(c) = &custom {
        columns.push(MatrixProtocol {
            id: SCENARIO_COLUMN_ID.to_owned(),
            name: "Your scenario".to_owned(),
            token: c.tokens.clone(),
            custom: true,
        });
    }
    Ok(Matrix {
        protocols: columns,
        qualitative: vec![
            text_row("nodeOperatorDesign", "Node Operator Design", |p| {
                &p.node_operator_design
            }),
            text_row("avsAllocationSelection", "AVS Allocation Selection", |p| {
                &p.avs_allocation_selection
            }),
            text_row("primaryFocus", "Primary Structural Focus", |p| {
                &p.primary_focus
            }),
            text_row("trustMarker", "Historical Trust Marker", |p| {
                &p.trust_marker
            }),
        ],
        quantitative: vec![
            number_row(
                "netApy",
                "Net APY",
                Unit::Fraction,
                "What a holder earns in a year after every fee, commission and idle buffer, compounded daily (AVS streams illustrative).",
                &|_, p| MatrixCell::of(yield_cell(p, lst, YieldFigure::NetApy), "not computed"),
                &|c| c.net_apy.clone(),
            ),
            number_row(
                "expectedLoss",
                "Expected annual slashing loss",
                Unit::Fraction,
                "Allocation × fault probability × slash fraction, summed over the AVSs (illustrative); an LST has no AVS.",
                &|_, p| {
                    MatrixCell::of(
                        yield_cell(p, lst, YieldFigure::ExpectedLoss),
                        "not computed",
                    )
                },
                &|c| c.expected_loss.clone(),
            ),
            number_row(
                "riskAdjustedApy",
                "Risk-adjusted APY",
                Unit::Fraction,
                "Net APY less the expected annual slashing loss.",
                &|_, p| {
                    MatrixCell::of(
                        yield_cell(p, lst, YieldFigure::RiskAdjustedApy),
                        "not computed",
                    )
                },
                &|c| c.risk_adjusted_apy.clone(),
            ),
            number_row(
                "feeOnRewards",
                "Fee on rewards",
                Unit::Fraction,
                "Share of the staking and restaking rewards the protocol keeps.",
                &|_, p| MatrixCell::known(p.fee_on_rewards.value, p.fee_on_rewards.basis.clone()),
                &per_protocol,
            ),
            number_row(
                "withdrawalDelay",
                "Protocol withdrawal delay",
                Unit::Days,
                "Days the protocol itself holds a withdrawal request before paying out.",
                &|_, p| {
                    MatrixCell::known(
                        p.withdrawal_delay_days.value,
                        p.withdrawal_delay_days.basis.clone(),
                    )
                },
                &per_protocol,
            ),
            number_row(
                "timeToExit",
                "Time to exit (slow path)",
                Unit::Days,
                "Protocol delay, then EigenLayer's 14-day withdrawal escrow (restaked tokens only), then the beacon-chain exit queue.",
                &|_, p| {
                    let restaked = p.kind == ProtocolKind::Lrt;
                    let escrow = if restaked { escrow_days } else { 0.0 };
                    let mut inputs = vec![p.withdrawal_delay_days.basis.clone()];
                    if restaked {
                        inputs.push(escrow_basis());
                    }
                    inputs.push(queue_basis(exit_queue));
                    MatrixCell::known(
                        p.withdrawal_delay_days.value + escrow + queue_days,
                        Basis::Derived {
                            formula: if restaked {
                                "protocol withdrawal delay + EigenLayer withdrawal escrow (100,800 blocks × 12 s = 14 days) + beacon exit queue wait"
                            } else {
                                "protocol withdrawal delay + beacon exit queue wait (an LST is not in EigenLayer's escrow)"
                            }
                            .to_owned(),
                            inputs,
                        },
                    )
                },
                &per_protocol,
            ),
            number_row(
                "chains",
                "Chains",
                Unit::Count,
                "Networks on which the token can be held.",
                &|_, p| MatrixCell::known(p.chains.value.len() as f64, p.chains.basis.clone()),
                &per_protocol,
            ),
            number_row(
                "bridges",
                "Bridge routes",
                Unit::Count,
                "Distinct bridges that mint the token on other chains; each is a third party the backing depends on.",
                &|_, p| {
                    MatrixCell::known(
                        p.bridges.len() as f64,
                        Basis::Derived {
                            formula: "count of the protocol's bridge routes".to_owned(),
                            inputs: p.bridges.iter().map(|b| b.basis.clone()).collect(),
                        },
                    )
                },
                &per_protocol,
            ),
            number_row(
                "bridgeMintLimit",
                "Tightest bridge mint limit",
                Unit::TokensPerDay,
                "Smallest published per-day mint limit over the token's bridges; empty where none is published.",
                &|_, p| {
                    let limited = p
                        .bridges
                        .iter()
                        .filter_map(|b| b.rate_limit_per_day.as_ref());
                    match limited.min_by(|a, b| a.value.total_cmp(&b.value)) {
                        Some(s) => MatrixCell::known(s.value, s.basis.clone()),
                        None => MatrixCell::absent(
                            "none published",
                            "no bridge of this token has a published mint limit",
                            p.bridges.iter().map(|b| b.basis.clone()).collect(),
                        ),
                    }
                },
                &per_protocol,
            ),
            number_row(
                "var99",
                "VaR99 (1 year)",
                Unit::Fraction,
                "The one-year slashing loss of a position that is exceeded in only 1% of simulated years, as a share of the position (illustrative scenario).",
                &|i, _| risk[i].0.clone(),
                &|c| c.var99.clone(),
            ),
            number_row(
                "es99",
                "ES99 (1 year)",
                Unit::Fraction,
                "The mean one-year slashing loss over the worst 1% of simulated years, as a share of the position (illustrative scenario).",
                &|i, _| risk[i].1.clone(),
                &|c| c.es99.clone(),
            ),
            number_row(
                "maxLeverage",
                "Max leverage (main market)",
                Unit::Multiple,
                "The most leverage a borrow can open on the token's main lending market, 1/(1 − LTV).",
                &|i, _| leverage[i].0.clone(),
                &per_protocol,
            ),
            number_row(
                "liquidationPrice",
                "Liquidation price at max leverage",
                Unit::Fraction,
                "The oracle price, as a share of today's, at which a position looped to the market's LTV is liquidated: LTV/θ.",
                &|i, _| leverage[i].1.clone(),
                &per_protocol,
            ),
            number_row(
                "bridgedShare",
                "Share of supply bridged",
                Unit::Fraction,
                "Share of the holders' tokens that sit on other chains, backed by a bridge.",
                &|i, _| bridge[i].0.clone(),
                &per_protocol,
            ),
            number_row(
                "bridgeExploitLoss",
                "Loss in a bridge exploit",
                Unit::Fraction,
                "Holders' loss as a share of their tokens' value in the token's bridge-exploit scenario (rsETH 2026-04-18, loss socialised).",
                &|i, _| bridge[i].1.clone(),
                &per_protocol,
            ),
            number_row(
                "avsCount",
                "AVS count",
                Unit::Count,
                "AVSs the restaked ETH secures (for the presets, the yield preset's illustrative AVSs: no per-protocol count is sourced).",
                &|_, p| match lst {
                    Some(lst) => {
                        let (streams, basis) = avs_streams(p, lst);
                        MatrixCell::known(streams.len() as f64, basis)
                    }
                    None => MatrixCell::absent(
                        "not computed",
                        "no LST baseline for the AVS presets",
                        vec![],
                    ),
                },
                &|c| c.avs_count.clone(),
            ),
            number_row(
                "operatorHhi",
                "Operator concentration (HHI)",
                Unit::Plain,
                "Sum of the squared shares of the operators' delegated stake: 1 for a single operator, 1/n for n equal ones.",
                &not_sourced,
                &|c| c.hhi.clone(),
            ),
            number_row(
                "nakamoto",
                "Nakamoto coefficient",
                Unit::Count,
                "Fewest operators whose delegated stake together exceeds one third of the total.",
                &not_sourced,
                &|c| c.nakamoto.clone(),
            ),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::protocols;

    #[test]
    fn matrix_of_presets() {
        let no_queue = ExitQueue {
            queued_eth: 0.0,
            total_staked_eth: 36_000_000.0,
        };
        let m = comparison_matrix(&protocols().unwrap(), &no_queue, None).unwrap();
        assert_eq!(m.protocols.len(), 7);
        assert_eq!(m.qualitative.len(), 4);
        assert_eq!(
            m.qualitative[3].cells[2].as_ref().unwrap().value,
            "Recovering from April 2026 bridge exploit"
        );
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        let values = |id: &str| row(id).cells.iter().map(|c| c.value).collect::<Vec<_>>();
        // 7 + 14, 3 + 14, 8 + 14 days with an empty queue; 0 + 14 for the three LRTs without a
        // published delay; the LST skips EigenLayer's escrow.
        assert_eq!(
            values("timeToExit"),
            [
                Some(21.0),
                Some(17.0),
                Some(22.0),
                Some(14.0),
                Some(14.0),
                Some(14.0),
                Some(0.0)
            ]
        );
        // No source describes Puffer's primary focus: the cell is empty, not invented.
        assert!(m.qualitative[2].cells[3].is_none());
        assert_eq!(values("bridgeMintLimit")[..3], [None, Some(2000.0), None]);
        assert_eq!(values("chains")[..3], [Some(18.0), Some(3.0), Some(13.0)]);
        // Kelp's fee is an assumption, and so is anything derived from it.
        assert!(row("feeOnRewards").cells[2].basis.rests_on_assumption());
        // The queue length is the user's input, so the exit time is labelled as resting on it.
        assert!(row("timeToExit").cells[0].basis.rests_on_assumption());
        assert!(!row("withdrawalDelay").cells[2].basis.rests_on_assumption());
        // 115,200 ETH ahead at 57,600 ETH/day adds 2 days.
        let queue = ExitQueue {
            queued_eth: 115_200.0,
            total_staked_eth: 36_000_000.0,
        };
        let m = comparison_matrix(&protocols().unwrap(), &queue, None).unwrap();
        let t = m
            .quantitative
            .iter()
            .find(|r| r.id == "timeToExit")
            .unwrap();
        assert_eq!(t.cells[1].value, Some(19.0));
        let bad = ExitQueue {
            queued_eth: -1.0,
            total_staked_eth: 36_000_000.0,
        };
        assert_eq!(
            comparison_matrix(&[], &bad, None).unwrap_err().field(),
            "exitQueue.queuedEth"
        );
    }

    #[test]
    fn yield_rows_come_from_the_yield_engine() {
        let ps = protocols().unwrap();
        let m = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        // wstETH (last column): CL = 64 · 1e9 · 82,181.25 / √(36e6 · 1e9) / 1e9 = 2.77205%,
        // EL 0.54%, Lido fee 10% ⇒ APR 0.9 × 3.31205% = 2.98085%; daily compounding
        // (1 + 0.0298085/365)^365 − 1 = 3.02559%. No AVS: no expected loss.
        let lst = 6;
        assert!((row("netApy").cells[lst].value.unwrap() - 0.030_255_94).abs() < 1e-8);
        assert_eq!(row("expectedLoss").cells[lst].value, Some(0.0));
        assert_eq!(
            row("riskAdjustedApy").cells[lst].value,
            row("netApy").cells[lst].value
        );
        // LRTs: risk-adjusted = net − expected loss, and the illustrative AVS streams make every
        // such cell rest on an assumption.
        for i in 0..6 {
            let net = row("netApy").cells[i].value.unwrap();
            let loss = row("expectedLoss").cells[i].value.unwrap();
            let adjusted = row("riskAdjustedApy").cells[i].value.unwrap();
            assert!(loss > 0.0 && (net - loss - adjusted).abs() < 1e-15);
            assert!(row("netApy").cells[i].basis.rests_on_assumption());
        }
        // Same streams, same fee (10%) and ether.fi's 5% idle buffer: ether.fi earns less than Renzo.
        assert!(row("netApy").cells[0].value < row("netApy").cells[1].value);
        // Without any LST among the columns, the preset wstETH is the baseline.
        let m2 = comparison_matrix(&ps[..1], &crate::presets::default_exit_queue(), None).unwrap();
        assert_eq!(
            m2.quantitative[0].cells[0].value,
            row("netApy").cells[0].value
        );
    }

    fn close(a: Option<f64>, b: f64) {
        let a = a.unwrap();
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn leverage_bridge_and_avs_rows() {
        let m = comparison_matrix(
            &protocols().unwrap(),
            &crate::presets::default_exit_queue(),
            None,
        )
        .unwrap();
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        // ether.fi → Aave v3 E-mode (LTV 0.93, θ 0.95): λmax = 1/0.07 = 14.2857;
        // liquidation at (λ − 1)/(λθ) = 0.93/0.95 = 0.978947 of today's price.
        close(row("maxLeverage").cells[0].value, 1.0 / 0.07);
        close(row("liquidationPrice").cells[0].value, 0.93 / 0.95);
        // Renzo → Morpho ezETH/WETH LLTV 0.86 (LTV = LLTV): λmax = 1/0.14 = 7.142857, and a
        // position at it is liquidatable at today's price (0.86/0.86 = 1).
        close(row("maxLeverage").cells[1].value, 1.0 / 0.14);
        close(row("liquidationPrice").cells[1].value, 1.0);
        // Kelp → Aave v3 rsETH/wstETH E-mode (LTV 0.93, θ 0.95): as ether.fi's E-mode.
        close(row("maxLeverage").cells[2].value, 1.0 / 0.07);
        close(row("liquidationPrice").cells[2].value, 0.93 / 0.95);
        // The rest: no sourced market preset, not an invented one.
        for i in 3..7 {
            assert_eq!(row("maxLeverage").cells[i].value, None);
            assert_eq!(
                row("maxLeverage").cells[i].missing.as_deref(),
                Some("no sourced market")
            );
        }
        // Kelp (rsETH) has the 2026-04-18 preset: 116,500 bridged of 116,500/0.18 ⇒ 18%;
        // socialised drain X/(S + X) = 0.18/1.18 = 0.152542 of every holder's value.
        close(row("bridgedShare").cells[2].value, 0.18);
        close(row("bridgeExploitLoss").cells[2].value, 0.18 / 1.18);
        assert_eq!(
            row("bridgedShare").cells[0].missing.as_deref(),
            Some("not modelled")
        );
        // AVS count: the yield preset's three illustrative AVSs (an assumption); none for wstETH.
        assert_eq!(row("avsCount").cells[0].value, Some(3.0));
        assert!(row("avsCount").cells[0].basis.rests_on_assumption());
        assert_eq!(row("avsCount").cells[6].value, Some(0.0));
        // Concentration is not sourced for any preset.
        for id in ["operatorHhi", "nakamoto"] {
            assert!(
                row(id)
                    .cells
                    .iter()
                    .all(|c| c.value.is_none() && c.missing.as_deref() == Some("not sourced"))
            );
        }
        // Every present value has no `missing` label and every missing one has one.
        for r in &m.quantitative {
            for c in &r.cells {
                assert_eq!(c.value.is_none(), c.missing.is_some(), "{}", r.id);
                c.basis.validate(&r.id).unwrap();
            }
        }
    }

    #[test]
    fn var_es_rows_from_the_risk_engine() {
        let ps = protocols().unwrap();
        let m = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        // wstETH: no AVS, so only a beacon incident (0.2%/yr) or the common shock
        // (1%/yr × 30% hit) can slash: P(loss) ≈ 0.2% + 0.3% = 0.5% < 1%, so the 201st worst
        // of 20,000 paths loses nothing: VaR99 = 0, and ES99 > 0 (the worst 200 include the
        // ≈100 lossy paths).
        assert_eq!(row("var99").cells[6].value, Some(0.0));
        let es_lst = row("es99").cells[6].value.unwrap();
        assert!(es_lst > 0.0 && es_lst < 0.01);
        // An LRT adds three AVSs (bug rates 1%, 0.5%, 3%) and three operator sets (0.2% each):
        // P(loss) ≈ 5.6% > 1% ⇒ VaR99 > 0; VaR ≤ ES ≤ 1.
        for i in 0..6 {
            let var = row("var99").cells[i].value.unwrap();
            let es = row("es99").cells[i].value.unwrap();
            assert!(0.0 < var && var <= es && es <= 1.0, "{var} {es}");
            assert!(row("var99").cells[i].basis.rests_on_assumption());
        }
        // Same as running the engine directly on the illustrative scenario (fixed seed).
        let (s, o) = protocol_risk_input(&ps[0], &ps[6]);
        assert_eq!(o.paths, 20_000.0);
        let r = simulate_risk(&s, &o).unwrap().position.unwrap();
        assert_eq!(row("var99").cells[0].value, Some(r.loss.var99));
        assert_eq!(row("es99").cells[0].value, Some(r.loss.es99));
        // A fixed seed: the matrix is the same every time.
        let again = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
        assert_eq!(again, m);
    }

    #[test]
    fn scenario_column() {
        let ps = protocols().unwrap();
        let d = crate::slashing::demo::demo().unwrap();
        let q = crate::presets::default_exit_queue();
        let m = comparison_matrix(&ps, &q, Some(&d.network)).unwrap();
        assert_eq!(m.protocols.len(), 8);
        let col = &m.protocols[7];
        assert!(col.custom && col.id == SCENARIO_COLUMN_ID);
        assert_eq!(col.token, "weETH + ezETH + rsETH");
        assert!(
            m.qualitative
                .iter()
                .all(|r| r.cells.len() == 8 && r.cells[7].is_none())
        );
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        let mine = |id: &str| row(id).cells[7].clone();
        // Operator stakes of the demo: A 50,000 + 20,000 = 70,000; B 30,000 + 24,000 + 10,000 =
        // 64,000; C 24,000 + 20,000 + 5,000 = 49,000; D 16,000. Total 199,000.
        // HHI = (70² + 64² + 49² + 16²)/199² = 11,653/39,601 = 0.294260.
        close(mine("operatorHhi").value, 11_653.0 / 39_601.0);
        // A alone holds 70/199 = 0.352 > 1/3 ⇒ Nakamoto 1.
        assert_eq!(mine("nakamoto").value, Some(1.0));
        // The three held LRTs' operators reach all four AVSs.
        assert_eq!(mine("avsCount").value, Some(4.0));
        // 10 ETH in each of ether.fi, Renzo, Kelp: the net APY is the plain mean of theirs.
        let mean = (0..3)
            .map(|i| row("netApy").cells[i].value.unwrap())
            .sum::<f64>()
            / 3.0;
        close(mine("netApy").value, mean);
        // VaR/ES: the risk engine on the scenario with default options and seed 1, ÷ 30 ETH.
        let o = RiskOptions {
            seed: Some(SeedInput::Number(1.0)),
            ..RiskOptions::default()
        };
        let pos = simulate_risk(&d.network, &o).unwrap().position.unwrap();
        assert_eq!(pos.value_eth, 30.0);
        close(mine("var99").value, pos.loss.var99 / 30.0);
        close(mine("es99").value, pos.loss.es99 / 30.0);
        assert_eq!(
            mine("feeOnRewards").missing.as_deref(),
            Some("per protocol")
        );
        // Without positions: no VaR, no yield, the operators' concentration still.
        let mut empty = d.network.clone();
        empty.positions.clear();
        let m = comparison_matrix(&ps, &q, Some(&empty)).unwrap();
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        assert_eq!(
            row("var99").cells[7].missing.as_deref(),
            Some("no position")
        );
        assert_eq!(
            row("netApy").cells[7].missing.as_deref(),
            Some("no position")
        );
        assert_eq!(row("avsCount").cells[7].value, Some(0.0));
        assert_eq!(m.protocols[7].token, "no position");
        // An invalid scenario is an error naming its field.
        let mut bad = d.network.clone();
        bad.delegations[0].weight = f64::NAN;
        assert_eq!(
            comparison_matrix(&ps, &q, Some(&bad)).unwrap_err().field(),
            "delegations[0].weight"
        );
    }
}
