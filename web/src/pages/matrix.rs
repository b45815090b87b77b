//! The home page: what LSTs, LRTs and AVSs are, and the protocol comparison matrix — the seed
//! article's qualitative rows as published, and the figures per protocol in a sortable table.
//! All protocol facts come from `restake-core`; none are written here.

use leptos::prelude::*;
use leptos_router::components::A;
use restake_core::consensus::exit::ExitQueue;
use restake_core::matrix::{Matrix, comparison_matrix};
use restake_core::presets;
use restake_core::protocol::Protocol;

use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::data_table::{Cell, CellValue, Column, DataTable, Row};
use crate::components::download::{csv, offer_file};
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels};
use crate::components::source::{SourceNote, describe};
use crate::components::term::Term;
use crate::format::Unit;
use crate::store::use_store;

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
fn figures_table(m: &Matrix) -> (Vec<Column>, Vec<Row>) {
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
fn column_title(p: &restake_core::matrix::MatrixProtocol) -> String {
    format!("{} ({})", p.name, p.token)
}

/// Bars of the time to exit per protocol, from the matrix's `timeToExit` row.
fn exit_bars(m: &Matrix) -> Vec<Bar> {
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

/// The home page.
#[component]
pub fn MatrixPage() -> impl IntoView {
    let body = match presets::protocols() {
        Ok(protocols) => view! { <MatrixBody protocols=protocols/> }.into_any(),
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
                    "This lab puts numbers on both sides. The matrix below compares the three protocols of the source article, three more LRTs and a plain LST as the baseline; the figures carry their source, and anything without one is marked as an assumption."
                </p>
            </div>
            {body}
        </Page>
    }
}

/// The matrix for the preset protocols, recomputed when the exit-queue inputs change. The last
/// valid matrix stays on screen while an input is invalid.
#[component]
fn MatrixBody(protocols: Vec<Protocol>) -> impl IntoView {
    // The custom column: the current scenario document's network (the one the Slashing, Risk
    // and Security pages edit, and that share links and the Scenarios page load).
    let doc = use_store().doc;
    let links = protocols
        .iter()
        .map(|p| (p.id.clone(), p.name.clone(), p.token.clone()))
        .collect::<Vec<_>>();
    let show_figures = RwSignal::new(true);
    let defaults = presets::default_exit_queue();
    let queued = RwSignal::new(defaults.queued_eth);
    let staked = RwSignal::new(defaults.total_staked_eth);
    let outcome = Outcome::new(move || {
        let q = ExitQueue {
            queued_eth: queued.get(),
            total_staked_eth: staked.get(),
        };
        doc.with(|scenario| comparison_matrix(&protocols, &q, Some(&scenario.network)))
    });
    let computed = outcome.result;
    let error_for = move |field: &'static str| outcome.error_at(field);
    let matrix = move || outcome.report();
    let figures = Signal::derive(move || matrix().map(|m| figures_table(&m).1).unwrap_or_default());
    let columns = computed
        .get_untracked()
        .map(|m| figures_table(&m).0)
        .unwrap_or_default();
    let bars = Signal::derive(move || matrix().map(|m| exit_bars(&m)).unwrap_or_default());
    let desc = Signal::derive(move || {
        "Days from a withdrawal request to ETH in hand by the slow path: protocol delay, EigenLayer's 14-day escrow, then the beacon-chain exit queue.".to_owned()
    });
    let protocol_links = links
        .into_iter()
        .map(|(id, name, token)| {
            let pages = [("yield", "Yield"), ("slashing", "Slashing"), ("risk", "Risk"), ("leverage", "Leverage")]
                .into_iter()
                .map(|(path, page)| {
                    let href = format!("/{path}?protocol={id}");
                    let label = format!("{name} on the {page} page");
                    view! { <li><A href=href attr:aria-label=label>{page}</A></li> }
                })
                .collect_view();
            view! { <li><span class="protocol-name">{format!("{name} ({token})")}</span><ul class="inline-links">{pages}</ul></li> }
        })
        .collect_view();
    view! {
        <fieldset class="row-toggle">
            <legend>"Show"</legend>
            <label>
                <input type="radio" name="matrix-rows" value="figures" prop:checked=move || show_figures.get() on:change=move |_| show_figures.set(true)/>
                " Figures (computed and sourced)"
            </label>
            <label>
                <input type="radio" name="matrix-rows" value="architecture" prop:checked=move || !show_figures.get() on:change=move |_| show_figures.set(false)/>
                " Architecture (the source article's matrix)"
            </label>
        </fieldset>
        <div hidden=move || show_figures.get()>
            {move || matrix().map(|m| view! { <QualitativeMatrix matrix=m/> })}
        </div>
        <div hidden=move || !show_figures.get()>
            <h2>"Figures per protocol"</h2>
            <p>
                "Click a column heading to sort. The “i” beside each figure gives its source and date, or for a computed figure the engine, its inputs and its assumptions. VaR and ES come from 20,000 simulated years per protocol (seed 1) on one illustrative operator and the yield page's illustrative AVSs, so they differ only between an LRT and the LST. The last row, “Your scenario”, is computed from the current scenario: the network the Slashing, Risk and Security pages edit and the Scenarios page saves, loads and shares — the demo network until you change it (100,000 years, seed 1)."
            </p>
            <DataTable
                caption="Sourced and computed figures per protocol"
                row_header="Protocol"
                columns=columns
                rows=figures
                csv_name="restake-lab-matrix.csv"
            />
        </div>
        <h2>"Open a protocol"</h2>
        <p>"Each page starts from the protocol: its yield preset, your position moved into its token, or its main lending market."</p>
        <ul class="protocol-links">{protocol_links}</ul>
        <h2>"How long does the slow exit take?"</h2>
        <Panels
            inputs=Box::new(move || view! {
                <p>
                    "Set the beacon-chain exit queue ahead of you. It drains at the Electra churn limit of min(256, max(128, S ÷ 65,536)) ETH per epoch, 225 epochs a day. "
                    <Term id="escrow">"The EigenLayer escrow"</Term>
                    " comes before it."
                </p>
                <NumberInput
                    id="exit-queue"
                    label="ETH ahead in the exit queue"
                    unit="ETH"
                    value=queued
                    min=0.0
                    max=5_000_000.0
                    step=10_000.0
                    error=error_for("exitQueue.queuedEth")
                />
                <NumberInput
                    id="total-staked"
                    label="Total ETH staked (S)"
                    unit="ETH"
                    value=staked
                    min=1_000_000.0
                    max=120_000_000.0
                    step=500_000.0
                    error=error_for("exitQueue.totalStakedEth")
                />
            }.into_any())
            results=Box::new(move || view! {
                <BarChart
                    title="Time to exit by the slow path"
                    desc=desc
                    bars=bars
                    unit=Unit::Days
                    axis_label="Days from request to ETH"
                    file_name="time-to-exit"
                />
            }.into_any())
        />
    }
}

/// The seed's matrix as published: parameters down, protocols across.
#[component]
fn QualitativeMatrix(matrix: Matrix) -> impl IntoView {
    // The custom column has no architecture: the seed's matrix describes protocols only.
    let shown: Vec<bool> = matrix.protocols.iter().map(|p| !p.custom).collect();
    let head = matrix
        .protocols
        .iter()
        .filter(|p| !p.custom)
        .map(|p| {
            let href = format!("/yield?protocol={}", p.id);
            let label = format!("{}: open its yield stack", p.name);
            let name = p.name.clone();
            view! { <th scope="col"><A href=href attr:aria-label=label>{name}</A> <span class="token">{format!(" ({})", p.token)}</span></th> }
        })
        .collect_view();
    let names: Vec<String> = matrix.protocols.iter().map(|p| p.name.clone()).collect();
    // The table as CSV: the seed's text per protocol, empty where our sources say nothing.
    let csv_text = {
        let header: Vec<String> = std::iter::once("Technical parameter".to_owned())
            .chain(names.iter().cloned())
            .collect();
        let body: Vec<Vec<String>> = matrix
            .qualitative
            .iter()
            .map(|r| {
                std::iter::once(r.label.clone())
                    .chain(
                        r.cells
                            .iter()
                            .map(|c| c.as_ref().map(|c| c.value.clone()).unwrap_or_default()),
                    )
                    .collect()
            })
            .collect();
        csv(&header, &body)
    };
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        message.set(offer_file("restake-lab-architecture.csv", "text/csv", &csv_text).err())
    };
    let rows = matrix
        .qualitative
        .into_iter()
        .map(|r| {
            let cells = r
                .cells
                .into_iter()
                .zip(names.clone())
                .zip(shown.clone())
                .filter(|(_, shown)| *shown)
                .map(|((c, name), _)| match c {
                    Some(c) => {
                        view! { <td data-protocol=name>{c.value}<SourceNote basis=c.basis/></td> }
                            .into_any()
                    }
                    None => {
                        view! { <td data-protocol=name class="empty">"Not in our sources"</td> }
                            .into_any()
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{r.label}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-label="Core architectural matrix" tabindex="0">
            <table class="matrix">
                <caption>"Core architectural matrix: how each protocol is built (open a protocol for its yield stack)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Technical parameter"</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <div class="table-actions">
            <button type="button" class="secondary" on:click=download>"Download CSV"</button>
            {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
        </div>
    }
}
