//! The source article's matrix as published: its parameters down, the protocols across, each
//! cell with its source.

use leptos::prelude::*;
use leptos_router::components::A;
use restake_core::matrix::{MatrixProtocol, QualitativeRow};

use crate::components::download::{csv, offer_file};
use crate::components::source::SourceNote;

/// The seed's matrix as published: parameters down, protocols across.
#[component]
pub(super) fn QualitativeMatrix(
    /// The matrix's columns (the custom one is left out: it has no architecture).
    protocols: Vec<MatrixProtocol>,
    /// The seed's text rows, one cell per column.
    rows: Vec<QualitativeRow>,
) -> impl IntoView {
    // The custom column has no architecture: the seed's matrix describes protocols only.
    let shown: Vec<bool> = protocols.iter().map(|p| !p.custom).collect();
    let head = protocols
        .iter()
        .filter(|p| !p.custom)
        .map(|p| {
            let href = format!("/yield?protocol={}", p.id);
            let label = format!("{}: open its yield stack", p.name);
            let name = p.name.clone();
            view! { <th scope="col"><A href=href attr:aria-label=label>{name}</A> <span class="token">{format!(" ({})", p.token)}</span></th> }
        })
        .collect_view();
    let names: Vec<String> = protocols.iter().map(|p| p.name.clone()).collect();
    // The table as CSV: the seed's text per protocol, empty where our sources say nothing.
    let csv_text = {
        let header: Vec<String> = std::iter::once("Technical parameter".to_owned())
            .chain(names.iter().cloned())
            .collect();
        let body: Vec<Vec<String>> = rows
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
    let body_rows = rows
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
                <tbody>{body_rows}</tbody>
            </table>
        </div>
        <div class="table-actions">
            <button type="button" class="secondary" on:click=download>"Download CSV"</button>
            {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
        </div>
    }
}
