//! The protocol comparison matrix: the seed article's four qualitative rows, verbatim, and rows of
//! figures taken or computed from each protocol's sourced profile. Every cell keeps its basis so a
//! view can show where the figure comes from.

use serde::Serialize;

use crate::Error;
use crate::exit::ExitQueue;
use crate::presets::{EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS, eigenlayer_withdrawal_delay_days};
use crate::protocol::{Protocol, ProtocolKind};
use crate::source::{Basis, Sourced};

/// How a quantitative row's numbers are to be read and formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// A fraction in `0..=1`, shown as a percentage.
    Fraction,
    /// A duration in days.
    Days,
    /// A whole count.
    Count,
    /// Tokens per day.
    TokensPerDay,
}

/// One protocol heading a matrix column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixProtocol {
    /// Protocol id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token symbol.
    pub token: String,
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
    /// One cell per protocol, in [`Matrix::protocols`] order; `null` where no source describes
    /// the protocol on this row.
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
    /// One cell per protocol, in [`Matrix::protocols`] order.
    pub cells: Vec<Sourced<Option<f64>>>,
}

/// The comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// Column headings.
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

/// Builds the matrix for `protocols` (columns in the given order), with the slow-path exit time
/// computed for the beacon-chain exit queue `exit_queue`.
///
/// Quantitative rows:
/// - fee on rewards (fraction of rewards);
/// - protocol withdrawal delay (days);
/// - time to exit by the slow path = protocol delay + 14-day EigenLayer escrow + beacon exit
///   queue wait ([`ExitQueue::wait_days`]) (days);
/// - chains the token is on (count);
/// - bridge routes (count);
/// - tightest published bridge mint limit (tokens/day; `null` when none is published);
/// - net APY, expected annual slashing loss and risk-adjusted APY (fractions per year) from
///   [`crate::yield_stack`] on each protocol's yield preset
///   ([`crate::yield_stack::yield_preset`]), whose AVS streams are labelled assumptions.
pub fn comparison_matrix(protocols: &[Protocol], exit_queue: &ExitQueue) -> Result<Matrix, Error> {
    exit_queue.validate("exitQueue")?;
    let queue_days = exit_queue.wait_days();
    let text_row =
        |id: &str, label: &str, get: fn(&Protocol) -> &Option<Sourced<String>>| QualitativeRow {
            id: id.to_owned(),
            label: label.to_owned(),
            cells: protocols.iter().map(|p| get(p).clone()).collect(),
        };
    let number_row = |id: &str,
                      label: &str,
                      unit: Unit,
                      definition: &str,
                      get: &dyn Fn(&Protocol) -> Sourced<Option<f64>>| {
        QuantitativeRow {
            id: id.to_owned(),
            label: label.to_owned(),
            unit,
            definition: definition.to_owned(),
            cells: protocols.iter().map(get).collect(),
        }
    };
    let escrow_days = eigenlayer_withdrawal_delay_days();
    let preset_lst = crate::presets::protocols()
        .ok()
        .and_then(|ps| ps.into_iter().find(|p| p.kind == ProtocolKind::Lst));
    let lst = protocols
        .iter()
        .find(|p| p.kind == ProtocolKind::Lst)
        .or(preset_lst.as_ref());
    Ok(Matrix {
        protocols: protocols
            .iter()
            .map(|p| MatrixProtocol {
                id: p.id.clone(),
                name: p.name.clone(),
                token: p.token.clone(),
            })
            .collect(),
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
                &|p| yield_cell(p, lst, YieldFigure::NetApy),
            ),
            number_row(
                "expectedLoss",
                "Expected annual slashing loss",
                Unit::Fraction,
                "Allocation × fault probability × slash fraction, summed over the AVSs (illustrative); an LST has no AVS.",
                &|p| yield_cell(p, lst, YieldFigure::ExpectedLoss),
            ),
            number_row(
                "riskAdjustedApy",
                "Risk-adjusted APY",
                Unit::Fraction,
                "Net APY less the expected annual slashing loss.",
                &|p| yield_cell(p, lst, YieldFigure::RiskAdjustedApy),
            ),
            number_row(
                "feeOnRewards",
                "Fee on rewards",
                Unit::Fraction,
                "Share of the staking and restaking rewards the protocol keeps.",
                &|p| Sourced {
                    value: Some(p.fee_on_rewards.value),
                    basis: p.fee_on_rewards.basis.clone(),
                },
            ),
            number_row(
                "withdrawalDelay",
                "Protocol withdrawal delay",
                Unit::Days,
                "Days the protocol itself holds a withdrawal request before paying out.",
                &|p| Sourced {
                    value: Some(p.withdrawal_delay_days.value),
                    basis: p.withdrawal_delay_days.basis.clone(),
                },
            ),
            number_row(
                "timeToExit",
                "Time to exit (slow path)",
                Unit::Days,
                "Protocol delay, then EigenLayer's 14-day withdrawal escrow (restaked tokens only), then the beacon-chain exit queue.",
                &|p| {
                    let restaked = p.kind == ProtocolKind::Lrt;
                    let escrow = if restaked { escrow_days } else { 0.0 };
                    let mut inputs = vec![p.withdrawal_delay_days.basis.clone()];
                    if restaked {
                        inputs.push(escrow_basis());
                    }
                    inputs.push(queue_basis(exit_queue));
                    Sourced {
                        value: Some(p.withdrawal_delay_days.value + escrow + queue_days),
                        basis: Basis::Derived {
                            formula: if restaked {
                                "protocol withdrawal delay + EigenLayer withdrawal escrow (100,800 blocks × 12 s = 14 days) + beacon exit queue wait"
                            } else {
                                "protocol withdrawal delay + beacon exit queue wait (an LST is not in EigenLayer's escrow)"
                            }
                            .to_owned(),
                            inputs,
                        },
                    }
                },
            ),
            number_row(
                "chains",
                "Chains",
                Unit::Count,
                "Networks on which the token can be held.",
                &|p| Sourced {
                    value: Some(p.chains.value.len() as f64),
                    basis: p.chains.basis.clone(),
                },
            ),
            number_row(
                "bridges",
                "Bridge routes",
                Unit::Count,
                "Distinct bridges that mint the token on other chains; each is a third party the backing depends on.",
                &|p| Sourced {
                    value: Some(p.bridges.len() as f64),
                    basis: Basis::Derived {
                        formula: "count of the protocol's bridge routes".to_owned(),
                        inputs: p.bridges.iter().map(|b| b.basis.clone()).collect(),
                    },
                },
            ),
            number_row(
                "bridgeMintLimit",
                "Tightest bridge mint limit",
                Unit::TokensPerDay,
                "Smallest published per-day mint limit over the token's bridges; empty where none is published.",
                &|p| {
                    let limited = p
                        .bridges
                        .iter()
                        .filter_map(|b| b.rate_limit_per_day.as_ref());
                    match limited.min_by(|a, b| a.value.total_cmp(&b.value)) {
                        Some(s) => Sourced {
                            value: Some(s.value),
                            basis: s.basis.clone(),
                        },
                        None => Sourced {
                            value: None,
                            basis: Basis::Derived {
                                formula: "no bridge of this token has a published mint limit"
                                    .to_owned(),
                                inputs: p.bridges.iter().map(|b| b.basis.clone()).collect(),
                            },
                        },
                    }
                },
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
        let m = comparison_matrix(&protocols().unwrap(), &no_queue).unwrap();
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
        let m = comparison_matrix(&protocols().unwrap(), &queue).unwrap();
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
            comparison_matrix(&[], &bad).unwrap_err().field(),
            "exitQueue.queuedEth"
        );
    }

    #[test]
    fn yield_rows_come_from_the_yield_engine() {
        let ps = protocols().unwrap();
        let m = comparison_matrix(&ps, &crate::presets::default_exit_queue()).unwrap();
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
        let m2 = comparison_matrix(&ps[..1], &crate::presets::default_exit_queue()).unwrap();
        assert_eq!(
            m2.quantitative[0].cells[0].value,
            row("netApy").cells[0].value
        );
    }
}
