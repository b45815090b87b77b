//! The matrix's figures as the page draws them: the quantitative rows turned into a sortable
//! table (one row per protocol) and the time-to-exit row into bars.

use restake_core::matrix::{Matrix, MatrixProtocol};

use crate::components::chart::bars::{Bar, BarKind};
use crate::components::data_table::{Cell, CellValue, Column, Row};
use crate::components::source::describe;

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

/// The quantitative rows turned around: one table row per protocol, one column per figure.
pub(super) fn figures_table(m: &Matrix) -> (Vec<Column>, Vec<Row>) {
    let columns = m
        .quantitative
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
            cells: m
                .quantitative
                .iter()
                .map(|r| {
                    let c = &r.cells[i];
                    Cell {
                        value: match (c.value, &c.missing) {
                            (None, Some(text)) => CellValue::Text(text.clone()),
                            (v, _) => CellValue::Number(v),
                        },
                        note: Some(describe(&c.basis)),
                        assumption: c.basis.rests_on_assumption(),
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
