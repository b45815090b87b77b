//! The Risk page: the Monte Carlo loss distribution of correlated slashing, per LRT and for the
//! user's positions. Runs go to a dedicated Web Worker ([`worker`]), so the main thread never
//! runs the simulation and typing is never held up; only when no worker can be started does the
//! page fall back to slices on the main thread, and says so. Every figure comes from
//! `restake_core::risk`; slices merge exactly, so the report equals a single run's with the same
//! seed. Files: [`inputs`] (the fields), [`worker`] (where runs execute), [`results`] (the
//! figures); this file wires them together.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::risk::{RiskDemo, RiskModel, risk_demo};
use restake_core::scenario::risk_loop_default;
use std::sync::Arc;

use crate::components::network_notice::NetworkNotice;
use crate::components::outcome::in_words;
use crate::components::page::{Page, Panels, Summary};
use crate::components::page_entry::demo_or_error;
use crate::components::prefill::prefill_notice;
use crate::components::replay_gap::ReplayGap;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

mod inputs;
mod loop_inputs;
mod loop_results;
mod results;
mod worker;

use inputs::{Knobs, RiskInputs};
use loop_inputs::{LoopInputs, LoopKnobs};
use loop_results::LoopResults;
use results::RiskResults;
use worker::{Built, Engine, Status, runner};

/// The page.
#[component]
pub fn RiskPage() -> impl IntoView {
    let store = use_store();
    // `/risk?protocol=kelp` (a link from the matrix): the user's position moves into that token.
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    demo_or_error("Slashing risk, simulated", risk_demo(), move |mut d| {
        // The document's network and risk options; the demo's options when it has none. The
        // demo's notes describe the demo's figures only.
        let doc = store.doc.get_untracked();
        if doc.network != d.network {
            d.notes.clear();
        }
        if let Some(options) = doc.risk.clone() {
            d.options = options;
        }
        d.network = doc.network;
        let notice = wanted.map(|id| prefill_notice(&mut d.network, &id));
        view! { <RiskLab demo=d notice=notice/> }
    })
}

#[component]
fn RiskLab(demo: RiskDemo, notice: Option<String>) -> impl IntoView {
    let network = StoredValue::new(demo.network.clone());
    let options0 = demo.options.clone();
    let knobs = Knobs::new(&options0);
    // The loop's starting point: core's default over this horizon (1 year if the horizon is
    // invalid), with the basis of each figure.
    let loop_default = risk_loop_default(options0.horizon_years)
        .or_else(|_| risk_loop_default(1.0))
        .ok();
    let loop_notes: Vec<(String, restake_core::source::Basis)> = loop_default
        .iter()
        .flat_map(|d| d.notes.iter())
        .map(|n| (n.path.clone(), n.basis.clone()))
        .collect();
    let loop_knobs = loop_default
        .map(|d| LoopKnobs::new(&options0, d.carry))
        .or_else(|| options0.carry.clone().map(|c| LoopKnobs::new(&options0, c)));
    let options = {
        let base = options0.clone();
        Memo::new(move |_| {
            let o = knobs.options(&base);
            match loop_knobs {
                Some(l) => l.apply(o),
                None => o,
            }
        })
    };
    let model = Memo::new(move |_| {
        let o = options.get();
        network.with_value(|s| RiskModel::new(s, &o).map(|m| Built(Arc::new(m))))
    });
    write_back(
        move || model.with(Result::is_ok).then(|| options.get()),
        |d, options| d.risk = Some(options),
    );
    let runner = runner(network, options, model);
    let running = move || {
        matches!(
            runner.status.get(),
            Status::Running { .. } | Status::Waiting
        )
    };
    let stale = move || model.with(Result::is_err) && runner.report.with(Option::is_some);
    let names: Vec<(String, String)> = {
        let s = &demo.network;
        s.operators
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .chain(s.avss.iter().map(|a| (a.id.clone(), a.name.clone())))
            .chain([("beacon-chain".to_owned(), "Beacon chain".to_owned())])
            .collect()
    };
    let notes: Vec<(String, restake_core::source::Basis)> = demo
        .notes
        .iter()
        .map(|n| (n.path.clone(), n.basis.clone()))
        .collect();

    view! {
        <Page title="Slashing risk, simulated">
            <ReplayGap what="Monte Carlo options" has_section=|d| d.risk.is_some()/>
            <NetworkNotice/>
            {notice.map(|n| view! { <p class="notice" role="status" id="prefill-notice">{n}</p> })}
            <p class="lead">
                "Expected loss hides the tail. This page draws many possible years of operator faults, "
                <Term id="avs">"AVS"</Term>
                " bugs, beacon-chain slashings and a correlated common-cause shock over the Slashing page's scenario, and shows the whole distribution of what the three LRTs and your positions lose: "
                <Term id="var">"value at risk"</Term>
                " and "
                <Term id="expected-shortfall">"expected shortfall"</Term>
                ", and which operator or AVS drives the tail."
            </p>
            <p class="warning">"No published fault or bug frequencies exist for AVSs or operators: every probability below is an assumption to change, not a measurement."</p>
            <Panels
                inputs=Box::new(move || view! {
                    <RiskInputs knobs=knobs model=model options=options0.clone() notes=notes.clone()/>
                    {loop_knobs.map(|l| view! { <LoopInputs knobs=l model=model notes=loop_notes.clone()/> })}
                }.into_any())
                results=Box::new(move || view! {
                    <div class="run-status">
                        <progress max="1" value=move || runner.status.get().progress() aria-label="Simulation progress"></progress>
                        <span id="run-status" role="status">{move || runner.status.get().text()}</span>
                        <button type="button" class="secondary" on:click=move |_| runner.cancel() disabled=move || !running()>"Cancel"</button>
                    </div>
                    <p class="hint" id="run-engine">{move || match runner.engine.get() {
                        Engine::Worker => "Runs in a background worker (a Web Worker): the page stays responsive while it runs.".to_owned(),
                        Engine::Page(why) => format!("Runs on the page in short slices, because {why}: typing may lag a little during long runs."),
                    }}</p>
                    {move || model.get().err().filter(|e| !e.field().starts_with("options")).map(|e| view! { <p role="alert" class="error">{in_words(&e)}</p> })}
                    {move || stale().then(|| view! { <p class="warning">"An input is invalid: the figures below are from the last valid run."</p> })}
                    <RiskResults report=runner.report names=names.clone()/>
                    <LoopResults report=runner.report/>
                }.into_any())
                summary=Box::new(move || view! {
                    <Summary items=Signal::derive(move || runner.report.get().map(|r| {
                        let mut items: Vec<(String, String)> = r.position.map(|p| vec![
                            ("Your VaR 99%".to_owned(), format(Some(p.loss.var99), Unit::Eth)),
                            ("ES 99%".to_owned(), format(Some(p.loss.es99), Unit::Eth)),
                            ("Mean loss".to_owned(), format(Some(p.loss.mean), Unit::Eth)),
                        ]).unwrap_or_default();
                        if let Some(l) = r.looped {
                            items.push(("Looped VaR 99%".to_owned(), format(Some(l.loss.var99), Unit::Eth)));
                        }
                        items
                    }).unwrap_or_default())/>
                }.into_any())
            />
        </Page>
    }
}
