//! The results panel: headline figures, the positions, LRT, operator, AVS and event tables, the
//! exchange-rate chart, the propagation diagram and the modelling notes.

use leptos::prelude::*;
use restake_core::slashing::SlashingReport;

use super::Tokens;
use super::diagram::Propagation;
use super::events::Kind;
use super::magnitudes::Magnitudes;
use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::outcome::Outcome;
use crate::format::{Unit, format};

/// Everything drawn from the report (the last valid one while an input is invalid).
#[component]
pub(super) fn Results(
    outcome: Outcome<SlashingReport>,
    tokens: Tokens,
    grid: Magnitudes,
    op_ids: Vec<String>,
    op_names: Vec<String>,
    avs_ids: Vec<String>,
    avs_names: Vec<String>,
    event_count: Signal<usize>,
) -> impl IntoView {
    let report = move || outcome.report();
    let headline = move || {
        report().map(|r| {
            let p = &r.position_totals;
            let (before, after, loss) = (p.before.eth, p.after.eth, p.loss.eth);
            view! {
                <dl class="headline">
                    <div><dt>"Delegated stake before"</dt><dd>{format(Some(r.totals.before.eth), Unit::Eth)}</dd></div>
                    <div><dt>"Slashed in total"</dt><dd id="total-slashed">{format(Some(r.totals.slashed.eth), Unit::Eth)}</dd></div>
                    <div><dt>"… by AVSs"</dt><dd id="slashed-by-avss">{format(Some(r.totals.slashed_by_avss.eth), Unit::Eth)}</dd></div>
                    <div><dt>"… by the beacon chain"</dt><dd>{format(Some(r.totals.slashed_by_beacon_chain.eth), Unit::Eth)}</dd></div>
                    <div><dt>"Your positions, before → after"</dt><dd>{format!("{} → {}", format(Some(before), Unit::Eth), format(Some(after), Unit::Eth))}</dd></div>
                    <div><dt>"Your loss"</dt><dd id="position-loss">{format(Some(loss), Unit::Eth)}</dd></div>
                </dl>
            }
        })
    };
    let tokens = StoredValue::new(tokens);
    let rate_bars = Signal::derive(move || {
        report()
            .map(|r| {
                r.protocols
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Bar {
                        label: p.token.clone(),
                        value: p.rate_change,
                        kind: BarKind::Series(i),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lrt_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.protocols
                    .iter()
                    .map(|p| Row {
                        header: format!("{} ({})", p.token, p.name),
                        cells: vec![
                            Cell::number(p.backing_before.eth),
                            Cell::number(p.backing_after.eth),
                            Cell::number(p.loss.eth),
                            Cell::number(p.rate_change),
                            Cell::maybe(p.exchange_rate_after),
                            Cell::text(if p.contagion_with.is_empty() {
                                "—".to_owned()
                            } else {
                                p.contagion_with
                                    .iter()
                                    .map(|id| tokens.with_value(|t| t.of(id)))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            }),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lrt_columns = vec![
        Column::new("Backing before", Some(Unit::Eth), None),
        Column::new("Backing after", Some(Unit::Eth), None),
        Column::new("Loss", Some(Unit::Eth), None),
        Column::new("Exchange-rate change", Some(Unit::Fraction), None),
        Column::new("Exchange rate after", Some(Unit::Plain), None),
        Column::new("Shares a slashed operator with", None, None),
    ];
    let position_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.positions
                    .iter()
                    .map(|p| Row {
                        header: tokens.with_value(|t| t.of(&p.protocol)),
                        cells: vec![
                            Cell::number(p.before.eth),
                            Cell::number(p.after.eth),
                            Cell::number(p.loss.eth),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let position_columns = vec![
        Column::new("Before", Some(Unit::Eth), None),
        Column::new("After", Some(Unit::Eth), None),
        Column::new("Loss", Some(Unit::Eth), None),
    ];
    let operator_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.operators
                    .iter()
                    .map(|o| Row {
                        header: o.name.clone(),
                        cells: vec![
                            Cell::number(o.before.eth),
                            Cell::number(o.after.eth),
                            Cell::number(o.slashed.eth),
                            Cell::number(o.slashed_by_beacon_chain.eth),
                            Cell::maybe(o.max_magnitude_after.as_ref().map(|m| m.value)),
                            Cell::maybe(o.non_slashable_after.as_ref().map(|m| m.value)),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let operator_columns = vec![
        Column::new("Stake before", Some(Unit::Eth), None),
        Column::new("Stake after", Some(Unit::Eth), None),
        Column::new("Slashed", Some(Unit::Eth), Some("slashing")),
        Column::new("… by the beacon chain", Some(Unit::Eth), None),
        Column::new(
            "Max magnitude after",
            Some(Unit::Fraction),
            Some("magnitude"),
        ),
        Column::new("Non-slashable after", Some(Unit::Fraction), None),
    ];
    let avs_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.avss
                    .iter()
                    .map(|a| Row {
                        header: a.name.clone(),
                        cells: vec![
                            Cell::number(a.secured_before.eth),
                            Cell::number(a.secured_after.eth),
                            Cell::number(a.slashed.eth),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let avs_columns = vec![
        Column::new("Slashable stake before", Some(Unit::Eth), None),
        Column::new("Slashable stake after", Some(Unit::Eth), None),
        Column::new("Slashed by it", Some(Unit::Eth), Some("slashing")),
    ];
    let event_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| Row {
                        header: format!("Event {}", i + 1),
                        cells: vec![
                            Cell::text(Kind::of(&e.event).label().to_owned()),
                            Cell::number(e.lost_at_event.eth),
                            Cell::number(e.attributed.eth),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let event_columns = vec![
        Column::new("What happened", None, None),
        Column::new("Lost when it happened", Some(Unit::Eth), None),
        Column::new("Attributed at the end", Some(Unit::Eth), None),
    ];

    let notes = move || report().map(|r| r.notes).unwrap_or_default();
    let rate_desc = Signal::derive(move || {
        "Change of each LRT's exchange rate (ETH per token) caused by the sequence: the share of its backing that was slashed.".to_owned()
    });
    view! {
        {headline}
        <DataTable caption="Your positions" row_header="LRT" columns=position_columns.clone() rows=position_rows csv_name="slashing-positions.csv"/>
        <BarChart title="Exchange-rate change per LRT" desc=rate_desc bars=rate_bars unit=Unit::Fraction axis_label="Change of ETH per token (%)" file_name="slashing-rate-change"/>
        <DataTable caption="LRTs: backing, exchange rate and contagion" row_header="LRT" columns=lrt_columns.clone() rows=lrt_rows csv_name="slashing-lrts.csv"/>
        <Propagation outcome=outcome grid=grid op_ids=op_ids op_names=op_names avs_ids=avs_ids avs_names=avs_names event_count=event_count/>
        <DataTable caption="Operators" row_header="Operator" columns=operator_columns.clone() rows=operator_rows csv_name="slashing-operators.csv"/>
        <DataTable caption="AVSs" row_header="AVS" columns=avs_columns.clone() rows=avs_rows csv_name="slashing-avss.csv"/>
        <DataTable caption="Events" row_header="Event" columns=event_columns.clone() rows=event_rows csv_name="slashing-events.csv"/>
        <details class="notes">
            <summary>"Modelling choices in force"</summary>
            <ul>
                <For each=notes key=|n| n.id.clone() children=move |n| view! { <li>{n.text}</li> }/>
            </ul>
        </details>
    }
}
