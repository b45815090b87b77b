//! The home page: what LSTs, LRTs and AVSs are, and the protocol comparison matrix — the seed
//! article's qualitative rows as published, and the figures per protocol in a sortable table.
//! All protocol facts come from `restake-core`; none are written here.
//!
//! The engines' figures of the protocol columns (yield stacks, 20,000-path VaR/ES runs per
//! protocol, leverage, bridges, concentration) are computed once when the page opens; the
//! custom column's once per network and page sections ([`MatrixFigures::with_scenario`], a
//! memo over the scenario document's network and its Yield, Risk and Leverage sections, so the
//! custom column shows the figures those pages show); typing in the exit-queue fields only
//! recomputes the time-to-exit row. The custom
//! column's Monte Carlo run is left out, with a note saying why, when its work
//! ([`RiskModel::work`]) is over [`CUSTOM_COLUMN_WORK`], so a valid but large network in a link
//! never freezes the page.
//! The "live" toggle shows the matrix as of the scenario's frozen chain read (the Data page).
//! The "imported network" toggle (on once the Data page has imported one in this tab) shows
//! each imported LRT's slashing-risk and operator rows on its own part of that network, with
//! the block ([`ImportedFigures`]: the engines once per import, a copy per matrix).

mod architecture;
mod figures;

use leptos::prelude::*;
use leptos_router::components::A;
use restake_core::chain::block_time::utc_time;
use restake_core::consensus::exit::ExitQueue;
use restake_core::matrix::MatrixFigures;
use restake_core::matrix::imported::ImportedFigures;
use restake_core::matrix::live::with_live;
use restake_core::presets;
use restake_core::protocol::Protocol;
use restake_core::risk::{RISK_UNITS_PER_SECOND, RiskModel};
use restake_core::scenario::Scenario;

use crate::components::chart::bars::BarChart;
use crate::components::data_table::DataTable;
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels};
use crate::components::position::{PositionAnswerView, PositionForm};
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::imported::use_imported;
use crate::store::use_store;
use architecture::QualitativeMatrix;
use figures::{exit_bars, figures_table, row_groups};

/// The home page's budget for the "Your scenario" column's Monte Carlo run (default options,
/// 100,000 paths), work units ([`RiskModel::work`]): 1.5e7, about 50 ms at
/// [`RISK_UNITS_PER_SECOND`] — the longest main-thread task the performance issue allows.
const CUSTOM_COLUMN_WORK: f64 = 1.5e7;

/// Why the custom column is left out for document `d`: the Risk page's run of its network
/// ([`Scenario::risk_options`]) is over [`CUSTOM_COLUMN_WORK`]. `None` when it fits, or when no
/// model can be built (the column then shows the section's own error).
fn custom_over_budget(d: &Scenario) -> Option<String> {
    let options = d.risk_options().ok()?;
    let work = RiskModel::new(&d.network, &options).ok()?.work();
    (work > CUSTOM_COLUMN_WORK).then(|| {
        format!(
            "“Your scenario” is not computed on this page: its {}-year Monte Carlo run (the Risk page's options) on this network is {work:.2e} work units (about {:.1} s), over this page's budget of {CUSTOM_COLUMN_WORK:.1e} (about 50 ms, so the page stays responsive). The Risk page runs it in a background worker, with progress and cancel; or make the network smaller (fewer operators, AVSs or allocations), its event probabilities lower or its paths fewer.",
            format(Some(options.paths), Unit::Count),
            work / RISK_UNITS_PER_SECOND
        )
    })
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
            <section class="my-position" aria-labelledby="my-position-title">
                <h2 id="my-position-title">"My position"</h2>
                <p>"Set what you hold once: every page starts from it (Yield's deposit and preset, Slashing's and Risk's positions and horizon, Leverage's market and loop), and the header shows it on every page."</p>
                <Panels
                    inputs=Box::new(|| view! { <PositionForm id_prefix="home"/> }.into_any())
                    results=Box::new(|| view! { <PositionAnswerView/> }.into_any())
                />
            </section>
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
    // The slow step, once per input of the custom column. The parts of the document the custom column reads (the network and the Yield, Risk and
    // Leverage pages' sections), so an edit elsewhere reruns no engine.
    let inputs = Memo::new(move |_| {
        doc.with(|d| Scenario {
            name: None,
            slashing: None,
            security: None,
            bridge: None,
            live: None,
            ..d.clone()
        })
    });
    let over_budget = Memo::new(move |_| inputs.with(custom_over_budget));
    // The protocol columns (seven 20,000-path runs) do not depend on the document: computed
    // once, and only the custom column follows it.
    let protocol_figures = StoredValue::new(MatrixFigures::new(&protocols, None));
    let engine_figures = Memo::new(move |_| {
        let base = protocol_figures.get_value()?;
        if over_budget.with(Option::is_some) {
            Ok(base)
        } else {
            inputs.with(|d| base.with_scenario(d))
        }
    });
    // The cheap step, on every exit-queue input: the time-to-exit row.
    let outcome = Outcome::new(move || {
        let q = ExitQueue {
            queued_eth: queued.get(),
            total_staked_eth: staked.get(),
        };
        engine_figures.with(|f| f.as_ref().map_err(Clone::clone)?.matrix(&q))
    });
    let error_for = move |field: &'static str| outcome.error_at(field);
    let matrix = move || outcome.report();
    // The "live" toggle: the same matrix as of the scenario's frozen chain read (core's
    // `matrix::live::with_live`), available when the document carries one.
    let live = Memo::new(move |_| doc.with(|d| d.live.clone()));
    let live_on = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let m = matrix()?;
        Some(match (live_on.get(), live.get()) {
            (true, Some(l)) => with_live(m, &l),
            _ => m,
        })
    });
    // The network the Data page imported in this tab, if any: its LRTs' rows on their own parts
    // of it (the risk runs once per import, within this page's budget; a copy per matrix).
    let imported = use_imported().0;
    let imported_figures = Memo::new(move |_| {
        imported.with(|i| {
            i.as_ref()
                .map(|i| (ImportedFigures::new(i, CUSTOM_COLUMN_WORK), i.head.clone()))
        })
    });
    let import_on = RwSignal::new(true);
    let shown = Memo::new(move |_| {
        let m = shown.get()?;
        Some(match (import_on.get(), imported_figures.get()) {
            (true, Some((Ok(f), _))) => f.apply(m),
            _ => m,
        })
    });
    let import_label = move || match imported_figures.get() {
        Some((Ok(_), h)) => format!(
            " Imported network: each imported LRT's VaR, ES, AVS count and operator rows on its own part of the network read at block {} ({} UTC), chain {}",
            h.block_number,
            utc_time(h.block_timestamp),
            h.chain_id
        ),
        Some((Err(e), _)) => format!(" Imported network: refused ({e})"),
        None => " Imported network: none in this tab (the Data page's “Import network” reads one)"
            .to_owned(),
    };
    let live_label = move || match live.get() {
        Some(l) => format!(
            " Live: figures as of chain {}, block {} ({} UTC), the scenario's frozen read",
            l.head.chain_id,
            l.head.block_number,
            utc_time(l.head.block_timestamp)
        ),
        None => " Live: this scenario holds no chain read (the Data page makes one)".to_owned(),
    };
    // Row groups (core's `group`: Yield, Exit, Bridges, …) the reader folded away.
    let folded = RwSignal::new(Vec::<String>::new());
    let figures = Memo::new(move |_| {
        let folded = folded.get();
        shown
            .get()
            .map(|m| figures_table(&m, &folded).1)
            .unwrap_or_default()
    });
    let groups = outcome
        .result
        .get_untracked()
        .map(|m| row_groups(&m))
        .unwrap_or_default();
    let group_buttons = groups
        .into_iter()
        .map(|(g, n)| {
            let name = g.clone();
            let open = {
                let g = g.clone();
                move || folded.with(|f| !f.contains(&g))
            };
            let toggle = move |_| {
                folded.update(|f| match f.iter().position(|x| *x == g) {
                    Some(i) => {
                        f.remove(i);
                    }
                    None => f.push(g.clone()),
                })
            };
            let open2 = open.clone();
            view! {
                <button type="button" class="group-toggle secondary" aria-controls="matrix-figures-table"
                    aria-expanded=move || if open() { "true" } else { "false" } on:click=toggle>
                    <span aria-hidden="true">{move || if open2() { "▾ " } else { "▸ " }}</span>
                    {format!("{name} ({n} figure{})", if n == 1 { "" } else { "s" })}
                </button>
            }
        })
        .collect_view();
    // The table's columns follow the folded groups (its labels never follow the exit queue).
    let table = move || {
        // Columns change with the live toggle too: the table is built again then.
        live_on.track();
        live.track();
        import_on.track();
        imported_figures.track();
        let columns = shown
            .get_untracked()
            .map(|m| figures_table(&m, &folded.get()).0)
            .unwrap_or_default();
        view! {
            <DataTable
                caption="Sourced and computed figures per protocol"
                row_header="Protocol"
                columns=columns
                rows=figures
                csv_name="restake-lab-matrix.csv"
            />
        }
    };
    let bars = Memo::new(move |_| matrix().map(|m| exit_bars(&m)).unwrap_or_default());
    // The architecture table does not follow the exit queue: drawn again only when it changes.
    let architecture = Memo::new(move |_| matrix().map(|m| (m.protocols, m.qualitative)));
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
            {move || architecture.get().map(|(protocols, rows)| view! { <QualitativeMatrix protocols=protocols rows=rows/> })}
        </div>
        <div class="matrix-figures" hidden=move || !show_figures.get()>
            <h2>"Figures per protocol"</h2>
            <p>
                "Click a column heading to sort. The “i” beside each figure gives its source and date, or for a computed figure the engine, its inputs and its assumptions; a figure that rests partly on a labelled assumption carries an “assumption” mark that lists them. A figure that would rest on made-up inputs alone says “not sourced”: no protocol publishes its operators' AVSs, allocations or fault rates, so a protocol's expected slashing loss, AVS count, VaR and ES would be the same illustrative number for every LRT (the “i” gives it, from 20,000 simulated years on one illustrative operator, seed 1). The last row, “Your scenario”, is computed from the current scenario — the network the Slashing, Risk and Security pages edit and the Scenarios page saves, loads and shares (the demo network until you change it): its net APY, expected loss and risk-adjusted APY are the Yield page's, its VaR and ES the Risk page's run (its paths, seed and horizon) as shares of your positions, its max leverage the Leverage page's, each from the same core computation on the same inputs."
            </p>
            {move || over_budget.get().map(|m| view! { <p class="notice" id="custom-budget" role="status">{m}</p> })}
            <label class="live-toggle">
                <input type="checkbox" id="matrix-live" prop:checked=move || live_on.get() disabled=move || live.with(Option::is_none)
                    on:change=move |ev| live_on.set(event_target_checked(&ev))/>
                {live_label}
            </label>
            <label class="live-toggle">
                <input type="checkbox" id="matrix-imported" prop:checked=move || import_on.get()
                    disabled=move || !matches!(imported_figures.get(), Some((Ok(_), _)))
                    on:change=move |ev| import_on.set(event_target_checked(&ev))/>
                <span id="matrix-imported-label">{import_label}</span>
            </label>
            <div class="group-toggles" role="group" aria-label="Figure groups: fold or unfold">
                <span class="hint">"Groups (fold to hide): "</span>
                {group_buttons}
            </div>
            <div id="matrix-figures-table">{table}</div>
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
