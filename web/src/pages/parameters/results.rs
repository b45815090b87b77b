//! The workbench's figures: which rule binds each parameter (and the market's figure today
//! beside it), every rule's suggestions side by side with the market's today (CSV), the supply
//! caps as a chart (SVG), and each rule's formula, source, inputs and notes.

use leptos::prelude::*;
use restake_core::parameters::{Binding, Parameter, RuleResult, WorkbenchReport};

use super::fields::{Fields, unplaced};
use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::outcome::Outcome;
use crate::components::source::describe;
use crate::components::term::Term;
use crate::format::{Unit, format};

fn words(p: Parameter) -> (&'static str, &'static str, &'static str) {
    match p {
        Parameter::Ltv => ("ltv", "Loan-to-value (LTV)", "ltv"),
        Parameter::LiquidationThreshold => ("lt", "Liquidation threshold", "liquidation-threshold"),
        Parameter::SupplyCap => ("cap", "Supply cap", "supply-cap"),
    }
}

/// One parameter's binding rule, in words.
fn binding_view(b: Binding) -> impl IntoView {
    let (key, label, term) = words(b.parameter);
    let tie = if b.rules.len() > 1 { " (a tie)" } else { "" };
    let by = format!("{}{tie}", b.names.join(" and "));
    let of = format!(
        "the lowest of the {} rule{} that set it",
        b.rules_setting_it,
        if b.rules_setting_it == 1 { "" } else { "s" }
    );
    let today = match (b.current, b.current_above) {
        (Some(now), Some(true)) => format!(
            "Today's {} is above it: the market allows more than this rule suggests.",
            format(Some(now), b.unit)
        ),
        (Some(now), _) => format!("Today's {} is within it.", format(Some(now), b.unit)),
        (None, _) => "No figure today to compare.".to_owned(),
    };
    view! {
        <div>
            <dt><Term id=term>{label}</Term></dt>
            <dd>
                <span id=format!("tight-{key}")>{format(Some(b.value), b.unit)}</span>
                " — "<span id=format!("tight-{key}-rule")>{by}</span>", "{of}". "
                <span id=format!("tight-{key}-today")>{today}</span>
            </dd>
        </div>
    }
}

fn rule_row(r: &RuleResult) -> Row {
    let note = Some(describe(&r.source));
    let cell = |v: Option<f64>| Cell {
        note: note.clone(),
        ..Cell::maybe(v)
    };
    Row {
        header: r.name.clone(),
        cells: vec![
            cell(r.ltv),
            cell(r.liquidation_threshold),
            cell(r.liquidation_bonus),
            cell(r.supply_cap),
        ],
    }
}

/// The market's figures today as a row, each with the preset's basis.
fn today_row(f: Fields) -> Option<Row> {
    let m = f.market()?;
    let input = f.input();
    let current = input.current.unwrap_or_default();
    let sourced = |v: Option<f64>, s: &restake_core::source::Sourced<f64>| Cell {
        note: (v == Some(s.value)).then(|| describe(&s.basis)),
        assumptions: if v == Some(s.value) {
            s.basis.assumption_notes()
        } else {
            Vec::new()
        },
        ..Cell::maybe(v)
    };
    Some(Row {
        header: format!("Today: {}", m.name),
        cells: vec![
            sourced(current.ltv, &m.ltv),
            sourced(current.liquidation_threshold, &m.liquidation_threshold),
            sourced(Some(input.liquidation_bonus), &m.liquidation_bonus),
            Cell::maybe(current.supply_cap),
        ],
    })
}

fn rule_details(r: RuleResult) -> impl IntoView {
    let inputs = r
        .inputs
        .iter()
        .map(|i| view! { <li><code>{i.name.clone()}</code>" = "{format(Some(i.value), i.unit)}</li> })
        .collect_view();
    let notes = r
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    view! {
        <details class="notes">
            <summary>{r.name.clone()}</summary>
            <p><code>{r.formula.clone()}</code></p>
            <p>"Source: "{describe(&r.source)}</p>
            <p>"Inputs used:"</p>
            <ul>{inputs}</ul>
            <p>"Notes:"</p>
            <ul>{notes}</ul>
        </details>
    }
}

/// The results panel.
#[component]
pub(super) fn ResultsPanel(f: Fields, outcome: Outcome<WorkbenchReport>) -> impl IntoView {
    let other = unplaced(outcome);
    let stale = outcome.stale();
    let report = move || outcome.report();
    let bindings = move || {
        report().map(|r| {
            view! {
                <dl class="headline" id="bindings">
                    {r.bindings.into_iter().map(binding_view).collect_view()}
                </dl>
                <p class="disclaimer" id="not-advice">{r.disclaimer}</p>
            }
        })
    };
    let rows = Signal::derive(move || {
        report()
            .map(|r| {
                let mut rows: Vec<Row> = r.rules.iter().map(rule_row).collect();
                rows.extend(today_row(f));
                rows
            })
            .unwrap_or_default()
    });
    let columns = vec![
        Column::new("LTV", Some(Unit::Fraction), Some("ltv")),
        Column::new(
            "Liquidation threshold",
            Some(Unit::Fraction),
            Some("liquidation-threshold"),
        ),
        Column::new(
            "Liquidation bonus",
            Some(Unit::Fraction),
            Some("liquidation-bonus"),
        ),
        Column::new("Supply cap", Some(Unit::Tokens), Some("supply-cap")),
    ];
    let bars = Signal::derive(move || {
        report()
            .map(|r| {
                r.rules
                    .iter()
                    .filter_map(|x| {
                        x.supply_cap.map(|v| Bar {
                            label: x.name.clone(),
                            value: v,
                            kind: BarKind::Series(0),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let details = move || report().map(|r| r.rules.into_iter().map(rule_details).collect_view());
    view! {
        {move || other.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
        {move || stale.get().then(|| view! { <p class="warning" role="status">"These figures are for the last valid inputs."</p> })}
        <h2>"Which rule binds"</h2>
        {bindings}
        <DataTable caption="Each rule's suggestion beside the market today" row_header="Rule" columns=columns rows=rows csv_name="parameters.csv"/>
        <BarChart title="Supply cap by rule" desc=Signal::derive(|| "Each rule's suggested supply cap, in tokens of the collateral.".to_owned()) bars=bars unit=Unit::Tokens axis_label="Supply cap (tokens)" file_name="supply-caps"/>
        <h2>"Each rule: formula, source, inputs, notes"</h2>
        {details}
    }
}
