//! The allocation grid: one magnitude field per operator × AVS, its CSV download and the
//! messages of over-allocated operators.

use leptos::prelude::*;
use restake_core::slashing::SlashingReport;

use crate::components::download::{csv, offer_file};
use crate::components::number_input::NumberText;
use crate::components::outcome::Outcome;
use crate::components::term::Term;
use crate::format::abbreviate_addresses;

use super::magnitudes::{GridWindow, MAX_SHOWN_CELLS, Magnitudes, PAGE_AVSS, PAGE_OPERATORS};

/// The operators and AVSs behind the user's position (core's `Network::behind`), as flags in
/// the grid's order, with the token's symbol.
#[derive(Clone)]
pub(super) struct Mine {
    pub(super) operators: Vec<bool>,
    pub(super) avss: Vec<bool>,
    pub(super) token: String,
}

/// What a grid cell has to say: the message of a refused text, or what a reinterpreted one was
/// read as. The grid lists them under the table, named by the cell.
#[derive(Clone, Copy)]
struct CellState {
    problem: RwSignal<Option<String>>,
    note: RwSignal<Option<String>>,
}

/// An operator's or AVS's name in a header cell: an address in it is shortened, the full name
/// kept as the abbreviation's title (an imported network names both by address).
fn name_cell(name: &str) -> AnyView {
    match abbreviate_addresses(name) {
        Some(short) => view! { <abbr title=name.to_owned()>{short}</abbr> }.into_any(),
        None => name.to_owned().into_any(),
    }
}

/// One cell of the allocation grid: the shared number field without a slider (the grid would be
/// unreadable with one per cell). Refused text marks the cell and keeps the value.
#[component]
fn MagnitudeCell(
    value: RwSignal<f64>,
    label: String,
    id: String,
    state: CellState,
) -> impl IntoView {
    let msg_id = format!("{id}-msg");
    view! {
        <td class:invalid=move || state.problem.get().is_some()>
            <NumberText value=value scale=100.0 min=0.0 max=100.0 unit="%" id=id class="grid-cell"
                label=label problem=state.problem note=state.note described_by=msg_id.clone()/>
            <span class="visually-hidden" id=msg_id>{move || state.problem.get().or_else(|| state.note.get())}</span>
        </td>
    }
}

pub(super) fn trim_percent(fraction: f64) -> String {
    let s = format!("{:.4}", fraction * 100.0);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The grid: cell (`o`, `a`) is operator `o`'s magnitude on AVS `a`, a fraction (0 = not
/// allocated); the fields show it in %. A grid over [`MAX_SHOWN_CELLS`] cells is shown a page
/// at a time ([`PAGE_OPERATORS`] operators × [`PAGE_AVSS`] AVSs), with buttons to move.
#[component]
pub(super) fn AllocationGrid(
    magnitudes: Magnitudes,
    op_ids: Vec<String>,
    op_names: Vec<String>,
    avs_names: Vec<String>,
    outcome: Outcome<SlashingReport>,
    /// What stands behind the user's position: per operator and per AVS (in grid order),
    /// whether it holds or secures the token's stake, and the token's symbol.
    mine: Mine,
) -> impl IntoView {
    let other_error = outcome.error_at("allocations[");
    let window = GridWindow::new(op_names.len(), avs_names.len());
    let (names, avss) = (
        StoredValue::new(op_names.clone()),
        StoredValue::new(avs_names.clone()),
    );
    let mine = StoredValue::new(mine);
    let mark = move |on: bool| {
        on.then(|| view! { <span class="mine-mark" title="Behind your position">" ◆"<span class="visually-hidden">{format!(" (behind your {})", mine.with_value(|m| m.token.clone()))}</span></span> })
    };
    // The CSV: magnitudes in % of each operator's stake, as the cells show them, every cell.
    let grid_message = RwSignal::new(None::<String>);
    let download_grid = move |_| {
        let header: Vec<String> = std::iter::once("Operator".to_owned())
            .chain(avss.with_value(|n| n.iter().map(|a| format!("{a} (%)")).collect::<Vec<_>>()))
            .collect();
        let body: Vec<Vec<String>> = names.with_value(|n| {
            n.iter()
                .enumerate()
                .map(|(o, name)| {
                    std::iter::once(name.clone())
                        .chain(magnitudes.row(o).into_iter().map(trim_percent))
                        .collect()
                })
                .collect()
        });
        let text = csv(&header, &body);
        grid_message.set(offer_file("slashing-allocations.csv", "text/csv", &text).err());
    };
    // The shown window: its header, rows and the messages of its cells, built again when the
    // window moves (the fields' signals go with the old window; their values are kept).
    let table = move || {
        let (ops, cols) = (window.operators.range(), window.avss.range());
        let header = cols
            .clone()
            .map(|a| {
                let on = mine.with_value(|m| m.avss.get(a).copied().unwrap_or(false));
                let name = avss.with_value(|n| n[a].clone());
                view! { <th scope="col" class:mine=on>{name_cell(&name)}{mark(on)}</th> }
            })
            .collect_view();
        let mut cell_states = Vec::new();
        let rows = ops
            .map(|o| {
                let op_name = names.with_value(|n| n[o].clone());
                let cells = cols
                    .clone()
                    .map(|a| {
                        let label = format!("{op_name} → {}: magnitude (%)", avss.with_value(|n| n[a].clone()));
                        let state = CellState { problem: RwSignal::new(None), note: RwSignal::new(None) };
                        cell_states.push((label.clone(), state));
                        view! { <MagnitudeCell value=magnitudes.cell(o, a) label=label id=format!("alloc-{o}-{a}") state=state/> }
                    })
                    .collect_view();
                let on = mine.with_value(|m| m.operators.get(o).copied().unwrap_or(false));
                view! { <tr class:mine=on><th scope="row">{name_cell(&op_name)}{mark(on)}</th>{cells}</tr> }
            })
            .collect_view();
        let cell_messages = move || {
            cell_states
                .iter()
                .filter_map(|(label, st)| {
                    let (problem, note) = (st.problem.get(), st.note.get());
                    let invalid = problem.is_some();
                    problem.or(note).map(
                        |m| view! { <li class:field-msg=invalid>{format!("{label}: {m}")}</li> },
                    )
                })
                .collect_view()
        };
        view! {
            <div class="table-scroll">
                <table class="alloc-grid">
                    <caption>
                        "Allocated "
                        <Term id="magnitude">"magnitude"</Term>
                        " per operator and AVS, % of the operator's stake (0 = not allocated); ◆ marks the operators and AVSs behind your position"
                    </caption>
                    <thead><tr><th scope="col">"Operator"</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="table-actions">
                <button type="button" class="secondary" on:click=download_grid>"Download CSV"</button>
                {move || grid_message.get().map(|m| view! { <span role="alert">{m}</span> })}
            </div>
            <ul class="grid-messages" role="status">{cell_messages}</ul>
        }
    };
    let messages = op_ids
        .iter()
        .zip(&op_names)
        .map(|(id, name)| {
            let err = outcome.error_at(format!("allocations[operator={id}]"));
            let name = name.clone();
            move || err.get().map(|_| view! { <p class="field-msg" role="status">{format!("{name}: allocations sum above 100% of its stake.")}</p> })
        })
        .collect_view();
    view! {
        {window.paged.then(|| view! { <GridPager window=window/> })}
        {table}
        {messages}
        {move || other_error.get().filter(|e| !e.contains("operator=")).map(|e| view! { <p class="field-msg" role="status">{e}</p> })}
    }
}

/// The buttons that move a paged grid's window by a page of operators or AVSs, and where it is.
#[component]
fn GridPager(window: GridWindow) -> impl IntoView {
    let (ops, avss) = (window.operators, window.avss);
    let where_ = move || {
        let (o, a) = (ops.range(), avss.range());
        let (n_ops, n_avss) = (ops.total.get(), avss.total.get());
        format!(
            "Showing operators {}–{} of {n_ops} and AVSs {}–{} of {n_avss} (the grid has {} cells; at most {MAX_SHOWN_CELLS} are shown at once). Every cell counts in the figures, shown or not; Download CSV has them all.",
            o.start + 1,
            o.end,
            a.start + 1,
            a.end,
            n_ops * n_avss
        )
    };
    view! {
        <p class="hint" id="grid-window" role="status">{where_}</p>
        <div class="table-actions grid-pager">
            <button type="button" class="secondary" id="grid-prev-operators" disabled=move || ops.at_start() on:click=move |_| ops.previous()>{format!("Previous {PAGE_OPERATORS} operators")}</button>
            <button type="button" class="secondary" id="grid-next-operators" disabled=move || ops.at_end() on:click=move |_| ops.next()>{format!("Next {PAGE_OPERATORS} operators")}</button>
            <button type="button" class="secondary" id="grid-prev-avss" disabled=move || avss.at_start() on:click=move |_| avss.previous()>{format!("Previous {PAGE_AVSS} AVSs")}</button>
            <button type="button" class="secondary" id="grid-next-avss" disabled=move || avss.at_end() on:click=move |_| avss.next()>{format!("Next {PAGE_AVSS} AVSs")}</button>
        </div>
    }
}
