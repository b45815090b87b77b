//! The allocation grid: one magnitude field per operator × AVS, its CSV download and the
//! messages of over-allocated operators.

use leptos::prelude::*;
use restake_core::slashing::SlashingReport;

use crate::components::download::{csv, offer_file};
use crate::components::number_input::NumberText;
use crate::components::outcome::Outcome;
use crate::components::term::Term;

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

/// The grid: `grid[o][a]` is operator `o`'s magnitude on AVS `a`, a fraction (0 = not
/// allocated); the fields show it in %.
#[component]
pub(super) fn AllocationGrid(
    grid: Vec<Vec<RwSignal<f64>>>,
    op_ids: Vec<String>,
    op_names: Vec<String>,
    avs_names: Vec<String>,
    outcome: Outcome<SlashingReport>,
    /// What stands behind the user's position: per operator and per AVS (in grid order),
    /// whether it holds or secures the token's stake, and the token's symbol.
    mine: Mine,
) -> impl IntoView {
    let other_error = outcome.error_at("allocations[");
    let mark = |on: bool| {
        on.then(|| view! { <span class="mine-mark" title="Behind your position">" ◆"<span class="visually-hidden">{format!(" (behind your {})", mine.token)}</span></span> })
    };
    let header = avs_names
        .iter()
        .enumerate()
        .map(|(a, name)| {
            let on = mine.avss.get(a).copied().unwrap_or(false);
            view! { <th scope="col" class:mine=on>{name.clone()}{mark(on)}</th> }
        })
        .collect_view();
    let mut cell_states = Vec::new();
    let rows = grid
        .iter()
        .enumerate()
        .map(|(o, row)| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(a, m)| {
                    let label = format!("{} → {}: magnitude (%)", op_names[o], avs_names[a]);
                    let state = CellState { problem: RwSignal::new(None), note: RwSignal::new(None) };
                    cell_states.push((label.clone(), state));
                    view! { <MagnitudeCell value=*m label=label id=format!("alloc-{o}-{a}") state=state/> }
                })
                .collect_view();
            let on = mine.operators.get(o).copied().unwrap_or(false);
            view! { <tr class:mine=on><th scope="row">{op_names[o].clone()}{mark(on)}</th>{cells}</tr> }
        })
        .collect_view();
    let cell_messages = move || {
        cell_states
            .iter()
            .filter_map(|(label, st)| {
                let (problem, note) = (st.problem.get(), st.note.get());
                let invalid = problem.is_some();
                problem
                    .or(note)
                    .map(|m| view! { <li class:field-msg=invalid>{format!("{label}: {m}")}</li> })
            })
            .collect_view()
    };
    // The grid as CSV: magnitudes in % of each operator's stake, as the cells show them.
    let grid_message = RwSignal::new(None::<String>);
    let download_grid = {
        let (grid, op_names, avs_names) = (grid.clone(), op_names.clone(), avs_names.clone());
        move |_| {
            let header: Vec<String> = std::iter::once("Operator".to_owned())
                .chain(avs_names.iter().map(|a| format!("{a} (%)")))
                .collect();
            let body: Vec<Vec<String>> = grid
                .iter()
                .zip(&op_names)
                .map(|(row, name)| {
                    std::iter::once(name.clone())
                        .chain(row.iter().map(|m| trim_percent(m.get_untracked())))
                        .collect()
                })
                .collect();
            let text = csv(&header, &body);
            grid_message.set(offer_file("slashing-allocations.csv", "text/csv", &text).err());
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
        {messages}
        {move || other_error.get().filter(|e| !e.contains("operator=")).map(|e| view! { <p class="field-msg" role="status">{e}</p> })}
    }
}
