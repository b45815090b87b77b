//! The matrix's figures as the page draws them: the quantitative rows turned into a sortable
//! table (one row per protocol), grouped by core's row groups so a group can be folded away,
//! and the time-to-exit row into bars.

use restake_core::matrix::{Matrix, MatrixProtocol};

use crate::components::chart::bars::{Bar, BarKind};
use crate::components::data_table::{Cell, CellValue, Column, Row};
use crate::components::source::describe;
use crate::format;

/// Glossary id for a quantitative row, where one exists.
fn row_term(id: &str) -> Option<&'static str> {
    match id {
        "netApy" => Some("apy"),
        "riskAdjustedApy" => Some("risk-adjusted-apy"),
        "expectedLoss" => Some("expected-loss"),
        "feeOnRewards" => Some("fee-on-rewards"),
        "timeToExit" => Some("escrow"),
        "bridges" | "bridgeMintLimit" | "bridgedShare" | "bridgeExploitLoss" => Some("bridge"),
        "var99" => Some("var"),
        "es99" => Some("expected-shortfall"),
        "maxLeverage" => Some("leverage-loop"),
        "liquidationPrice" => Some("liquidation-price"),
        "avsCount" => Some("avs"),
        "operatorHhi" => Some("hhi"),
        "nakamoto" => Some("nakamoto"),
        _ => None,
    }
}

/// The row groups of the matrix (core's `group` of each quantitative row), each once, in the
/// order they first appear, with how many rows each holds.
pub(super) fn row_groups(m: &Matrix) -> Vec<(String, usize)> {
    let mut groups: Vec<(String, usize)> = Vec::new();
    for r in &m.quantitative {
        match groups.iter().position(|(g, _)| *g == r.group) {
            Some(i) => groups[i].1 += 1,
            None => groups.push((r.group.clone(), 1)),
        }
    }
    groups
}

/// The quantitative rows in group order ([`row_groups`]), without those of the `folded` groups.
fn shown_rows<'a>(
    m: &'a Matrix,
    folded: &[String],
) -> Vec<&'a restake_core::matrix::QuantitativeRow> {
    row_groups(m)
        .into_iter()
        .filter(|(g, _)| !folded.contains(g))
        .flat_map(|(g, _)| m.quantitative.iter().filter(move |r| r.group == g))
        .collect()
}

/// The quantitative rows turned around: one table row per protocol, one column per figure, the
/// figures in group order and those of the `folded` groups left out.
pub(super) fn figures_table(m: &Matrix, folded: &[String]) -> (Vec<Column>, Vec<Row>) {
    let shown = shown_rows(m, folded);
    let columns = shown
        .iter()
        .map(|r| Column {
            label: r.label.clone(),
            unit: Some(r.unit),
            term: row_term(&r.id),
        })
        .collect();
    let rows = m
        .protocols
        .iter()
        .enumerate()
        .map(|(i, p)| Row {
            header: column_title(p),
            cells: shown
                .iter()
                .map(|r| {
                    let c = &r.cells[i];
                    // A `not sourced` cell keeps the engine's illustrative figure for its note
                    // only: it is never shown as the protocol's figure.
                    let illustrative = c.illustrative.map(|v| {
                        format!(
                            "Not sourced: on the illustrative inputs below (made up, the same for every protocol) the engine gives {}; that is not this protocol's figure. ",
                            format::format(Some(v), r.unit)
                        )
                    });
                    Cell {
                        value: match (c.value, &c.missing) {
                            (None, Some(text)) => CellValue::Text(text.clone()),
                            (v, _) => CellValue::Number(v),
                        },
                        note: Some(format!(
                            "{}{}",
                            illustrative.unwrap_or_default(),
                            describe(&c.basis)
                        )),
                        assumptions: c.assumptions.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    (columns, rows)
}

/// A column's title: the protocol and its token; for the custom column, "Your scenario" and the
/// tokens of its positions.
fn column_title(p: &MatrixProtocol) -> String {
    format!("{} ({})", p.name, p.token)
}

/// Bars of the time to exit per protocol, from the matrix's `timeToExit` row.
pub(super) fn exit_bars(m: &Matrix) -> Vec<Bar> {
    let Some(row) = m.quantitative.iter().find(|r| r.id == "timeToExit") else {
        return Vec::new();
    };
    m.protocols
        .iter()
        .zip(&row.cells)
        .filter(|(p, _)| !p.custom)
        .enumerate()
        .map(|(i, (p, c))| Bar {
            label: format!("{} ({})", p.name, p.token),
            value: c.value.unwrap_or(f64::NAN),
            kind: BarKind::Series(i),
        })
        .collect()
}
