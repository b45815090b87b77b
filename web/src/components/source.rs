//! Provenance shown to the reader: a [`Basis`] in words, and a small marker for assumptions.

use leptos::prelude::*;
use restake_core::source::Basis;

use crate::components::term::Tip;

/// The basis in one line: `citation (date)`, `Assumption: note`, or `formula — from: …`.
pub fn describe(basis: &Basis) -> String {
    match basis {
        Basis::Source { citation, date } => format!("{citation} ({date})"),
        Basis::Assumption { note } => format!("Assumption: {note}"),
        Basis::Derived { formula, inputs } => {
            let parts: Vec<String> = inputs.iter().map(describe).collect();
            if parts.is_empty() {
                formula.clone()
            } else {
                format!("{formula} — from: {}", parts.join("; "))
            }
        }
    }
}

/// An “i” tooltip with the basis, plus an “assumption” mark listing what it rests on when the
/// value rests on any labelled assumption ([`AssumptionMark`]).
#[component]
pub fn SourceNote(
    /// The value's basis.
    basis: Basis,
) -> impl IntoView {
    let notes = basis.assumption_notes();
    view! {
        <Tip label="Source".to_owned() glyph="i">{describe(&basis)}</Tip>
        <AssumptionMark notes=notes/>
    }
}

/// The visible word “assumption” as a button (so its meaning is text, not colour) whose tooltip
/// lists the labelled assumptions a figure rests on, from core's `Basis::assumption_notes`;
/// nothing at all when `notes` is empty (a sourced figure is never marked).
#[component]
pub fn AssumptionMark(
    /// The notes of the assumptions, each once.
    notes: Vec<String>,
) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        let label = format!(
            "assumption: this figure rests on {} labelled assumption{}",
            notes.len(),
            if notes.len() == 1 { "" } else { "s" }
        );
        let items = notes
            .into_iter()
            .map(|n| view! { <li>{n}</li> })
            .collect_view();
        view! {
            <span class="assumption-mark">
                <Tip label=label glyph="assumption">
                    "Rests on these labelled assumptions (no source gives them):"
                    <ul>{items}</ul>
                </Tip>
            </span>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_each_kind() {
        let src = Basis::Source {
            citation: "ELIP-002".into(),
            date: "2026-07-14".into(),
        };
        let asm = Basis::Assumption {
            note: "no source".into(),
        };
        assert_eq!(describe(&src), "ELIP-002 (2026-07-14)");
        assert_eq!(describe(&asm), "Assumption: no source");
        let d = Basis::Derived {
            formula: "a + b".into(),
            inputs: vec![src, asm],
        };
        assert_eq!(
            describe(&d),
            "a + b — from: ELIP-002 (2026-07-14); Assumption: no source"
        );
    }
}

/// Where a scenario's figures come from, folded away: one line per field path with its basis,
/// assumptions flagged with ⚑.
#[component]
pub fn BasisList(
    /// `(field path, basis)` pairs, in display order.
    items: Vec<(String, Basis)>,
) -> impl IntoView {
    let lines = items
        .into_iter()
        .map(|(path, basis)| {
            let assumed = basis.rests_on_assumption();
            view! { <li class:assumed=assumed><code>{path}</code>": "{describe(&basis)}</li> }
        })
        .collect_view();
    view! {
        <details class="notes">
            <summary>"Where the scenario's figures come from"</summary>
            <ul>{lines}</ul>
        </details>
    }
}
