//! The Risk page's looped figures: the looped positions' loss distribution (ETH of own capital),
//! the mean net yield, the paths under water at the horizon, and what each rate path does to the
//! loop without slashing. Every figure is from the report's `looped` (`restake_core::risk::carry`).

use leptos::prelude::*;
use restake_core::risk::{LoopRisk, RiskReport};

use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::term::Term;
use crate::format::{Unit, format};

fn figures(l: LoopRisk, paths: u64) -> impl IntoView {
    let under = l.underwater_paths as f64 / paths.max(1) as f64;
    view! {
        <h2>"Your positions, looped"</h2>
        <dl class="headline">
            <div><dt>"Own capital"</dt><dd>{format!("{} at {}", format(Some(l.equity_eth), Unit::Eth), format(Some(l.leverage), Unit::Multiple))}</dd></div>
            <div><dt>"Mean net yield"</dt><dd id="loop-net-yield">{format(Some(l.mean_net_yield), Unit::Fraction)}</dd></div>
            <div><dt>"Expected loss"</dt><dd id="loop-mean">{format(Some(l.loss.mean), Unit::Eth)}</dd></div>
            <div><dt>"P(any loss)"</dt><dd id="loop-ploss">{format(Some(l.loss.p_loss), Unit::Fraction)}</dd></div>
            <div><dt><Term id="var">"VaR 99%"</Term></dt><dd id="loop-var99">{format(Some(l.loss.var99), Unit::Eth)}</dd></div>
            <div><dt><Term id="expected-shortfall">"ES 99%"</Term></dt><dd id="loop-es99">{format(Some(l.loss.es99), Unit::Eth)}</dd></div>
            <div><dt><Term id="health-factor">"Under water at the end"</Term></dt><dd id="loop-underwater">{format(Some(under), Unit::Fraction)}</dd></div>
        </dl>
        <p class="hint">"Net yield and losses over the whole horizon (not a year), slashing and borrow cost together; “under water” is a health factor below 1 at the horizon."</p>
    }
}

/// The looped figures of `report`, when the run had a loop.
#[component]
pub(super) fn LoopResults(report: RwSignal<Option<RiskReport>>) -> impl IntoView {
    let rows = Signal::derive(move || {
        report
            .get()
            .and_then(|r| r.looped)
            .map(|l| {
                l.rate_paths
                    .iter()
                    .map(|p| Row {
                        header: p.name.clone(),
                        cells: vec![
                            Cell::number(p.probability),
                            Cell::number(p.paths as f64),
                            Cell::number(p.net_yield),
                            Cell::maybe(p.net_apy),
                            Cell::number(p.max_borrow_apr),
                            Cell::maybe(p.end_health_factor),
                            Cell::maybe(p.days_until_liquidation),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let columns = vec![
        Column::new("Probability", Some(Unit::Fraction), None),
        Column::new("Paths", Some(Unit::Count), None),
        Column::new("Net yield over the horizon", Some(Unit::Fraction), None),
        Column::new("Net APY", Some(Unit::Fraction), None),
        Column::new("Highest borrow APR", Some(Unit::Fraction), None),
        Column::new(
            "Health factor at the end",
            Some(Unit::Plain),
            Some("health-factor"),
        ),
        Column::new("Day it falls to 1", Some(Unit::Days), None),
    ];
    view! {
        {move || report.get().and_then(|r| r.looped.map(|l| figures(l, r.paths)))}
        <div hidden=move || report.with(|r| r.as_ref().is_none_or(|r| r.looped.is_none()))>
            <DataTable caption="Each rate path without slashing" row_header="Rate path" columns=columns rows=rows csv_name="risk-rate-paths.csv"/>
        </div>
    }
}
