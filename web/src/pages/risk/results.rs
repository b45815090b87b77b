//! The Risk page's figures: the headline of the user's positions, the loss histogram of a chosen
//! series (the positions in ETH, or one LRT as a fraction of its backing) with VaR and ES
//! markers, the loss table per LRT and the contributions of each operator, AVS and the beacon
//! chain to the mean and to the 99% tail. Every figure is from the report of
//! `restake_core::risk`.

use leptos::prelude::*;
use restake_core::risk::stats::LossDistribution;
use restake_core::risk::{Contributions, RiskReport};

use crate::components::chart::histogram::{Bin, Histogram, Marker};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::term::Term;
use crate::format::{Unit, format};

/// Mean, P(loss), VaR 95%, ES 95%, VaR 99%, ES 99% and worst path, in the table's order.
fn distribution_cells(d: &LossDistribution) -> Vec<Cell> {
    vec![
        Cell::number(d.mean),
        Cell::number(d.p_loss),
        Cell::number(d.var95),
        Cell::number(d.es95),
        Cell::number(d.var99),
        Cell::number(d.es99),
        Cell::number(d.worst),
    ]
}

/// The headline: the positions' value, expected loss, P(any loss), VaR 99%, ES 99% and worst
/// path (ETH), and the paths, horizon and seed of the run.
fn headline(r: RiskReport) -> impl IntoView {
    view! {
        <dl class="headline">
            {r.position.map(|p| view! {
                <div><dt>"Your positions"</dt><dd>{format(Some(p.value_eth), Unit::Eth)}</dd></div>
                <div><dt>"Expected loss"</dt><dd id="position-mean">{format(Some(p.loss.mean), Unit::Eth)}</dd></div>
                <div><dt>"P(any loss)"</dt><dd id="position-ploss">{format(Some(p.loss.p_loss), Unit::Fraction)}</dd></div>
                <div><dt><Term id="var">"VaR 99%"</Term></dt><dd id="position-var99">{format(Some(p.loss.var99), Unit::Eth)}</dd></div>
                <div><dt><Term id="expected-shortfall">"ES 99%"</Term></dt><dd id="position-es99">{format(Some(p.loss.es99), Unit::Eth)}</dd></div>
                <div><dt>"Worst path"</dt><dd>{format(Some(p.loss.worst), Unit::Eth)}</dd></div>
            })}
        </dl>
        <p class="hint">{format!("{} paths over {} with seed {} — the same seed gives the same figures, here and through npm.", format(Some(r.paths as f64), Unit::Count), format(Some(r.horizon_years), Unit::Years), r.seed)}</p>
        <p class="hint figure-note" id="risk-differs-note">
            "Where these figures appear elsewhere: the matrix's “Your scenario” row shows this run's VaR 99% and ES 99% as shares of your positions, and the home page's answer this run's figures in ETH. They differ from the rest: here, your positions on the scenario's network (its operators, AVSs, allocations and these probabilities) over this horizon. The matrix's VaR 99% and ES 99% are for 1 ETH of each token on one illustrative operator (20,000 paths, 1 year), so it marks them “not sourced”; the Yield page's expected loss is its own AVS list's Σ allocation × fault probability × slash fraction, a year, with no simulation."
        </p>
    }
}

/// The figures of `report` (nothing before the first run). `names` maps operator and AVS ids to
/// their display names.
#[component]
pub(super) fn RiskResults(
    report: RwSignal<Option<RiskReport>>,
    names: Vec<(String, String)>,
) -> impl IntoView {
    // The series shown in the histogram: None = the user's positions, Some(i) = LRT i.
    let series = RwSignal::new(None::<usize>);
    let chosen = move || -> Option<(LossDistribution, Contributions, Unit)> {
        report.get().and_then(|r| match series.get() {
            None => r.position.map(|p| (p.loss, p.contributions, Unit::Eth)),
            Some(i) => r
                .lrts
                .get(i)
                .map(|l| (l.loss.clone(), l.contributions.clone(), Unit::Fraction)),
        })
    };
    let unit = Signal::derive(move || chosen().map_or(Unit::Eth, |c| c.2));
    let bins = Signal::derive(move || {
        chosen()
            .map(|(d, _, _)| {
                d.histogram
                    .bins
                    .iter()
                    .map(|b| Bin {
                        lo: b.from,
                        hi: b.to,
                        value: b.paths as f64,
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let markers = Signal::derive(move || {
        chosen()
            .map(|(d, _, _)| {
                [
                    ("VaR 95%", d.var95),
                    ("VaR 99%", d.var99),
                    ("ES 99%", d.es99),
                ]
                .into_iter()
                .map(|(label, at)| Marker {
                    label: label.to_owned(),
                    at,
                })
                .collect()
            })
            .unwrap_or_default()
    });
    let hist_desc = Signal::derive(move || {
        chosen()
            .map(|(d, _, u)| {
                format!(
                    "Paths by loss over the horizon, losses above zero only ({} of paths lose nothing). Markers: VaR 95% {}, VaR 99% {}, ES 99% {}.",
                    format(Some(1.0 - d.p_loss), Unit::Fraction),
                    format(Some(d.var95), u),
                    format(Some(d.var99), u),
                    format(Some(d.es99), u)
                )
            })
            .unwrap_or_default()
    });
    let lrt_rows = Signal::derive(move || {
        report
            .get()
            .map(|r| {
                r.lrts
                    .iter()
                    .map(|l| Row {
                        header: format!("{} ({})", l.token, l.name),
                        cells: distribution_cells(&l.loss),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lrt_columns = vec![
        Column::new("Mean loss", Some(Unit::Fraction), None),
        Column::new("P(loss > 0)", Some(Unit::Fraction), None),
        Column::new("VaR 95%", Some(Unit::Fraction), Some("var")),
        Column::new("ES 95%", Some(Unit::Fraction), Some("expected-shortfall")),
        Column::new("VaR 99%", Some(Unit::Fraction), Some("var")),
        Column::new("ES 99%", Some(Unit::Fraction), Some("expected-shortfall")),
        Column::new("Worst path", Some(Unit::Fraction), None),
    ];
    let names = StoredValue::new(names);
    let contribution_rows = Signal::derive(move || {
        chosen()
            .map(|(_, c, _)| {
                let name = |id: &str| {
                    names.with_value(|n| {
                        n.iter()
                            .find(|(i, _)| i == id)
                            .map_or_else(|| id.to_owned(), |(_, v)| v.clone())
                    })
                };
                c.operators
                    .iter()
                    .map(|x| (format!("Operator: {}", name(&x.id)), x))
                    .chain(c.avss.iter().map(|x| (format!("AVS: {}", name(&x.id)), x)))
                    .chain([("Beacon chain (all operators)".to_owned(), &c.beacon_chain)])
                    .map(|(header, x)| Row {
                        header,
                        cells: vec![Cell::number(x.expected), Cell::number(x.tail99)],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let contribution_columns = Signal::derive(move || {
        let u = Some(unit.get());
        vec![
            Column::new("Share of the expected loss", u, None),
            Column::new("Share of ES 99%", u, Some("expected-shortfall")),
        ]
    });
    let series_options = move || {
        report.get().map(|r| {
            r.lrts
                .iter()
                .enumerate()
                .map(|(i, l)| view! { <option value=i.to_string() selected=move || series.get() == Some(i)>{format!("{} (fraction of backing)", l.token)}</option> })
                .collect_view()
        })
    };

    view! {
        {move || report.get().map(headline)}
        <label class="select">"Distribution of "
            <select id="series" on:change=move |ev| series.set(event_target_value(&ev).parse().ok())>
                <option value="positions" selected=move || series.get().is_none()>"your positions (ETH)"</option>
                {series_options}
            </select>
        </label>
        {move || {
            let u = unit.get();
            view! {
                <Histogram title="Loss over the horizon" desc=hist_desc bins=bins markers=markers x_unit=u y_unit=Unit::Count x_label=if u == Unit::Eth { "Loss (ETH)" } else { "Loss (% of the LRT's backing)" } y_label="Paths" file_name="risk-histogram"/>
            }
        }}
        <DataTable caption="Loss per LRT over the horizon, as a share of its backing" row_header="LRT" columns=lrt_columns rows=lrt_rows csv_name="risk-lrts.csv"/>
        {move || view! {
            <DataTable caption="Who drives the loss: contributions to the mean and to the 99% tail" row_header="Source" columns=contribution_columns.get() rows=contribution_rows csv_name="risk-contributions.csv"/>
        }}
    }
}
