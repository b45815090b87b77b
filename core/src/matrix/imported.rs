//! The matrix on an imported network (issue 19): [`with_network_import`] takes a matrix and
//! the outcome of a network import ([`crate::chain::network_import`]) and recomputes, for each
//! protocol the import read, the rows that depend on the network behind its token — VaR99 and
//! ES99, the AVS count, the operator HHI and the Nakamoto coefficient — on that protocol's own
//! part of the imported network ([`NetworkImport::network_of`]: the other LRTs' stake with
//! its operators folded into their outside stake) instead of the illustrative
//! one-operator network, each cell sourced to the calls and block it rests on. A row
//! [`NETWORK_BLOCK_ROW`] says the block each column's network was read at. [`ImportedFigures`]
//! splits it for a view: the engines once per import, then a cheap copy into each matrix.
//!
//! The fault probabilities stay the risk engine's labelled defaults: the chain holds the
//! network, not how often its operators and AVSs fail.

use super::cell::MatrixCell;
use super::table::{Matrix, QuantitativeRow};
use super::tail_risk::{position_var_es, var_es_cells};
use super::{MATRIX_RISK_PATHS, MATRIX_RISK_SEED};
use crate::Error;
use crate::chain::block_time::utc_date;
use crate::chain::network_import::{Issue, LrtProgress, NetworkImport};
use crate::concentration::concentration;
use crate::lending::live::live_source;
use crate::network::{Network, Position};
use crate::risk::{RISK_UNITS_PER_SECOND, RiskModel, RiskOptions, SeedInput};
use crate::source::Basis;
use crate::unit::Unit;

/// Id of the row that gives the block each protocol's network was imported at.
pub const NETWORK_BLOCK_ROW: &str = "networkBlock";

/// The rows [`with_network_import`] recomputes, by id.
const NETWORK_ROWS: [&str; 5] = ["var99", "es99", "avsCount", "operatorHhi", "nakamoto"];

/// `matrix` on the network of `import`. For each protocol column whose protocol the import
/// read (a restaking entry in `import.network`), on the protocol's part of the network `N_p`
/// ([`NetworkImport::network_of`]):
/// - `var99`, `es99`: the Monte Carlo risk engine on `N_p` holding 1 ETH of the token, default
///   risk options ([`MATRIX_RISK_PATHS`] paths, seed [`MATRIX_RISK_SEED`], one year), as
///   fractions of the position;
/// - `avsCount`: AVSs (operator sets) with a positive allocation from an operator the protocol
///   delegates to (count);
/// - `operatorHhi`, `nakamoto`: over the protocol's own delegated stake, `s_i = weight_i ×
///   restaked ETH`: `HHI = Σ (s_i/Σs)²` (plain) and the fewest operators whose stake exceeds
///   1/3 of it (count);
/// - a row [`NETWORK_BLOCK_ROW`]: the import's block number.
///
/// A column the import did not read, and the custom column, keep their cells (the block row
/// says "not imported" and "per protocol"). Where the import of a protocol is partial (a list
/// cut at its cap, a call that failed), its cells say so in their basis.
///
/// Errors: an invalid imported network, or an LRT of `import.lrts` whose profile it does not
/// hold (its field path).
///
/// ```
/// use restake_core::matrix::imported::{NETWORK_BLOCK_ROW, with_network_import};
/// use restake_core::matrix::{Matrix, MatrixProtocol};
/// # let import: restake_core::chain::network_import::NetworkImport = serde_json::from_str(r#"{"head":{"chainId":1,"blockNumber":7,"blockTimestamp":0,"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000000"},"network":{"protocols":[]},"bases":[],"lrts":[],"pending":[],"assumptions":[],"rounds":1,"calls":0}"#).unwrap();
/// let m = Matrix { protocols: vec![MatrixProtocol { id: "renzo".into(), name: "Renzo".into(), token: "ezETH".into(), custom: false }], qualitative: vec![], quantitative: vec![] };
/// let m = with_network_import(m, &import).unwrap();
/// let block = m.quantitative.iter().find(|r| r.id == NETWORK_BLOCK_ROW).unwrap();
/// assert_eq!(block.cells[0].missing.as_deref(), Some("not imported"));
/// ```
pub fn with_network_import(matrix: Matrix, import: &NetworkImport) -> Result<Matrix, Error> {
    Ok(ImportedFigures::new(import, f64::INFINITY)?.apply(matrix))
}

/// The cells [`with_network_import`] puts into a matrix, computed once per import (the slow
/// step: one 20,000-path risk run per imported protocol), so that a matrix recomputed for
/// another exit queue takes them in cheaply ([`ImportedFigures::apply`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedFigures {
    /// The block cell of an imported protocol's column.
    block: MatrixCell,
    /// Each imported protocol's id and its cells, in the order of [`NETWORK_ROWS`].
    columns: Vec<(String, NetworkFigures)>,
}

impl ImportedFigures {
    /// Runs the engines on each imported protocol's part of `import` (see
    /// [`with_network_import`]), within `max_work` work units of Monte Carlo in all
    /// ([`crate::risk::RiskModel::work`], about [`crate::risk::RISK_UNITS_PER_SECOND`] a second):
    /// each of the `n` imported protocols' runs gets `max_work / n`, and one over its share is
    /// not run (its VaR99 and ES99 say "not computed here", with its work and how to run it).
    /// `f64::INFINITY`: no bound. Errors: an invalid imported network (its field path).
    pub fn new(import: &NetworkImport, max_work: f64) -> Result<ImportedFigures, Error> {
        import.network.validate()?;
        let each = max_work / import.lrts.len().max(1) as f64;
        let columns = import
            .lrts
            .iter()
            .map(|progress| {
                let part = import.network_of(&progress.protocol)?;
                Ok((
                    progress.protocol.clone(),
                    NetworkFigures::new(import, &part, progress, each),
                ))
            })
            .collect::<Result<_, Error>>()?;
        Ok(ImportedFigures {
            block: MatrixCell::known(import.head.block_number as f64, block_source(import)),
            columns,
        })
    }

    /// `matrix` with these cells in the columns of the imported protocols and the row
    /// [`NETWORK_BLOCK_ROW`] (cheap: copies).
    pub fn apply(&self, mut matrix: Matrix) -> Matrix {
        let mut block_cells = Vec::with_capacity(matrix.protocols.len());
        for (i, heading) in matrix.protocols.iter().enumerate() {
            if heading.custom {
                block_cells.push(MatrixCell::per_protocol());
                continue;
            }
            let Some((_, figures)) = self.columns.iter().find(|(id, _)| *id == heading.id) else {
                block_cells.push(MatrixCell::absent(
                    "not imported",
                    "the network import read no restaking entry of this protocol: its cells keep the presets' figures",
                    vec![],
                ));
                continue;
            };
            for row in &mut matrix.quantitative {
                let Some(k) = NETWORK_ROWS.iter().position(|id| *id == row.id) else {
                    continue;
                };
                if let Some(slot) = row.cells.get_mut(i) {
                    *slot = figures.cells[k].clone();
                }
            }
            block_cells.push(self.block.clone());
        }
        matrix.quantitative.push(QuantitativeRow {
            id: NETWORK_BLOCK_ROW.to_owned(),
            label: "Network imported at block".to_owned(),
            group: "Operators".to_owned(),
            unit: Unit::Count,
            definition: "The block whose state the protocol's operators, delegations and allocations were read at (the network import); the slashing-risk and operator rows of that column are computed on it.".to_owned(),
            cells: block_cells,
        });
        matrix
    }
}

/// Where the import's block comes from: the chain's head as the endpoint answered it.
fn block_source(import: &NetworkImport) -> Basis {
    let h = &import.head;
    Basis::Source {
        citation: format!(
            "eth_getBlockByNumber on chain {} (block {}, hash {}, read live)",
            h.chain_id, h.block_number, h.block_hash
        ),
        date: utc_date(h.block_timestamp),
    }
}

/// The five recomputed cells of one protocol, in the order of [`NETWORK_ROWS`].
#[derive(Debug, Clone, PartialEq)]
struct NetworkFigures {
    /// VaR99, ES99, AVS count, HHI, Nakamoto.
    cells: [MatrixCell; 5],
}

impl NetworkFigures {
    /// The cells of `part` (the protocol's part of `import.network`), with `progress`'s
    /// partial-import issues named in each basis; the risk run only within `max_work` units.
    fn new(
        import: &NetworkImport,
        part: &Network,
        progress: &LrtProgress,
        max_work: f64,
    ) -> NetworkFigures {
        let protocol = progress.protocol.as_str();
        let what = format!(
            "the network behind {protocol} imported at block {} ({}){}",
            import.head.block_number,
            utc_date(import.head.block_timestamp),
            partial_note(progress)
        );
        let live = live_inputs(import, protocol);
        let mut held = part.clone();
        held.positions = vec![Position {
            protocol: protocol.to_owned(),
            amount_eth: 1.0,
        }];
        let options = RiskOptions {
            paths: MATRIX_RISK_PATHS as f64,
            seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
            ..RiskOptions::default()
        };
        let mut risk_inputs = live.clone();
        risk_inputs.extend(
            crate::risk::input::assumption_notes()
                .into_iter()
                .map(|n| n.basis),
        );
        let work = RiskModel::new(&held, &options).map_or(0.0, |m| m.work());
        let (var, es) = if work > max_work {
            let why = format!(
                "the Monte Carlo run on {what} is {work:.2e} work units (about {:.1} s), over this view's share of {max_work:.2e}: start from this network (Data page) and run it on the Risk page, in a background worker",
                work / RISK_UNITS_PER_SECOND
            );
            (
                MatrixCell::absent("not computed here", &why, live.clone()),
                MatrixCell::absent("not computed here", &why, live.clone()),
            )
        } else {
            var_es_cells(
                position_var_es(&held, &options),
                &format!(
                    "computed by the Monte Carlo risk engine on 1 ETH of the token over {what}, default risk options ({MATRIX_RISK_PATHS} paths, seed {MATRIX_RISK_SEED}, one year), ÷ the position's value"
                ),
                risk_inputs,
            )
        };
        let derived = |formula: String| Basis::Derived {
            formula,
            inputs: live.clone(),
        };
        let avs_count = MatrixCell::known(
            part.behind(protocol).avss.len() as f64,
            derived(format!(
                "AVSs (operator sets) with a positive allocation from an operator the protocol delegates to, in {what}"
            )),
        );
        let stakes: Vec<f64> = part
            .delegations
            .iter()
            .map(|d| d.weight * part.restaking_of(protocol).map_or(0.0, |r| r.restaked_eth))
            .collect();
        let (hhi, nakamoto) = match concentration("delegations", &stakes) {
            Ok(c) => {
                let on = |what_of: &str| {
                    derived(format!(
                        "computed by the concentration module over the protocol's own delegated stake (weight × restaked ETH) at its {} operators, {:.0} ETH in all, in {what}: {what_of}",
                        c.operators, c.total_eth
                    ))
                };
                (
                    MatrixCell::known(c.hhi, on("HHI = Σ share²")),
                    MatrixCell::known(
                        c.nakamoto as f64,
                        on("Nakamoto coefficient = fewest operators holding more than 1/3"),
                    ),
                )
            }
            Err(_) => {
                let none = || {
                    MatrixCell::absent(
                        "no delegation",
                        &format!("the protocol delegates no stake to an operator in {what}"),
                        live.clone(),
                    )
                };
                (none(), none())
            }
        };
        NetworkFigures {
            cells: [var, es, avs_count, hhi, nakamoto],
        }
    }
}

/// `"; partial: …"` naming the issues that leave figures out, or nothing.
fn partial_note(progress: &LrtProgress) -> String {
    let fields: Vec<String> = progress
        .issues
        .iter()
        .filter(|i| i.is_partial())
        .map(|i| match i {
            Issue::Truncated { field, found, kept } => {
                format!("{field} cut at {kept} of {found}")
            }
            Issue::Failed { field, .. } => {
                format!("{field} failed")
            }
            Issue::Skipped { field, detail } => {
                format!("{field} skipped ({detail})")
            }
            Issue::Mismatch { field, .. } => field.clone(),
        })
        .collect();
    if fields.is_empty() {
        String::new()
    } else {
        format!(
            "; partial import, the figure covers what was read: {}",
            fields.join(", ")
        )
    }
}

/// The live sources of the figures behind `protocol` in the import: its delegations and
/// restaking entry, and the allocations of the operators it delegates to, each call once.
fn live_inputs(import: &NetworkImport, protocol: &str) -> Vec<Basis> {
    let n = &import.network;
    let operators = n.behind(protocol).operators;
    let index = |path: &str, head: &str| -> Option<usize> {
        path.strip_prefix(head)?
            .strip_prefix('[')?
            .split(']')
            .next()?
            .parse()
            .ok()
    };
    let mut out: Vec<Basis> = Vec::new();
    for b in &import.bases {
        let ours = if let Some(k) = index(&b.path, "delegations") {
            n.delegations.get(k).is_some_and(|d| d.protocol == protocol)
        } else if let Some(k) = index(&b.path, "restaking") {
            n.restaking.get(k).is_some_and(|r| r.protocol == protocol)
        } else if let Some(k) = index(&b.path, "allocations") {
            n.allocations
                .get(k)
                .is_some_and(|a| operators.contains(&a.operator))
        } else {
            false
        };
        let source = live_source(&b.basis);
        if ours && !out.contains(&source) {
            out.push(source);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
