//! The home page: what LSTs, LRTs and AVSs are, and the protocol comparison matrix — the seed
//! article's qualitative rows as published, and the figures per protocol in a sortable table.
//! All protocol facts come from `restake-core`; none are written here.

use leptos::prelude::*;
use restake_core::matrix::{Matrix, comparison_matrix};
use restake_core::presets;

use crate::components::data_table::{Cell, CellValue, Column, DataTable, Row};
use crate::components::page::Page;
use crate::components::source::{SourceNote, describe};
use crate::components::term::Term;

/// Glossary id for a quantitative row, where one exists.
fn row_term(id: &str) -> Option<&'static str> {
    match id {
        "feeOnRewards" => Some("fee-on-rewards"),
        "exitDelay" => Some("escrow"),
        "bridges" | "bridgeMintLimit" => Some("bridge"),
        _ => None,
    }
}

/// The quantitative rows turned around: one table row per protocol, one column per figure.
fn figures_table(m: &Matrix) -> (Vec<Column>, Vec<Row>) {
    let columns = m
        .quantitative
        .iter()
        .map(|r| Column {
            label: r.label.clone(),
            unit: Some(r.unit.into()),
            term: row_term(&r.id),
        })
        .collect();
    let rows = m
        .protocols
        .iter()
        .enumerate()
        .map(|(i, p)| Row {
            header: format!("{} ({})", p.name, p.token),
            cells: m
                .quantitative
                .iter()
                .map(|r| Cell {
                    value: CellValue::Number(r.cells[i].value),
                    note: Some(describe(&r.cells[i].basis)),
                })
                .collect(),
        })
        .collect();
    (columns, rows)
}

/// The home page.
#[component]
pub fn MatrixPage() -> impl IntoView {
    let body = match presets::protocols() {
        Ok(protocols) => {
            let m = comparison_matrix(&protocols);
            let (columns, rows) = figures_table(&m);
            view! {
                <QualitativeMatrix matrix=m.clone()/>
                <h2>"Figures per protocol"</h2>
                <p>"Click a column heading to sort. The “i” beside each figure gives its source and date."</p>
                <DataTable
                    caption="Sourced figures per protocol"
                    row_header="Protocol"
                    columns=columns
                    rows=rows
                    csv_name="restake-lab-matrix.csv"
                />
            }
            .into_any()
        }
        Err(e) => {
            view! { <p role="alert">"The built-in protocol data is invalid: " {e.to_string()}</p> }
                .into_any()
        }
    };
    view! {
        <Page title="Liquid restaking, side by side">
            <div class="intro">
                <p>
                    "An " <Term id="lst">"LST"</Term>
                    " is a tradable claim on staked ETH: it earns Ethereum's consensus and execution rewards and is exposed to Ethereum's own penalties only. An "
                    <Term id="lrt">"LRT"</Term>
                    " takes the same staked ETH one layer further: the protocol delegates it to node operators who also secure "
                    <Term id="avs">"AVSs"</Term>
                    " — data-availability layers, oracles, bridges — and who can be slashed by each of them. The LRT adds the AVS rewards and adds the AVS risks."
                </p>
                <p>
                    "This lab puts numbers on both sides. The matrix below compares the three protocols of the source article; the figures carry their source, and anything without one is marked as an assumption."
                </p>
            </div>
            {body}
        </Page>
    }
}

/// The seed's matrix as published: parameters down, protocols across.
#[component]
fn QualitativeMatrix(matrix: Matrix) -> impl IntoView {
    let head = matrix
        .protocols
        .iter()
        .map(|p| view! { <th scope="col">{p.name.clone()} <span class="token">{format!(" ({})", p.token)}</span></th> })
        .collect_view();
    let rows = matrix
        .qualitative
        .into_iter()
        .map(|r| {
            let cells = r
                .cells
                .into_iter()
                .map(|c| view! { <td>{c.value}<SourceNote basis=c.basis/></td> })
                .collect_view();
            view! { <tr><th scope="row">{r.label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-label="Core architectural matrix" tabindex="0">
            <table class="matrix">
                <caption>"Core architectural matrix: how each protocol is built"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Technical parameter"</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
