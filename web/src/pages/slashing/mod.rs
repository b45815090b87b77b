//! The Slashing page: an editable operator × AVS allocation grid, a stack of slashing events,
//! unique-stake vs shared-stake semantics, and what the sequence does to every operator, AVS,
//! LRT and the user's positions. Every figure comes from `restake_core::slashing`.
//!
//! This file holds the page's state and layout; the event list is in `events`, the allocation
//! grid in `grid`, the results panel in `results` and its propagation diagram in `diagram`;
//! the timeline of actions through time (its editor, scrubber and per-staker view) in
//! `timeline`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::network::Network;
use restake_core::scenario::SlashingSection;
use restake_core::slashing::demo::{SlashingDemo, demo};
use restake_core::slashing::{SlashEvent, SlashingOptions, apply_slashing, slashing_work};

use crate::components::network_notice::NetworkNotice;
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels, Summary};
use crate::components::page_entry::demo_or_error;
use crate::components::prefill::prefill_notice;
use crate::components::replay_gap::ReplayGap;
use crate::components::source::BasisList;
use crate::components::stake_mode::StakeModePicker;
use crate::components::term::Term;
use crate::components::wallet_notice::WalletNotice;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

mod diagram;
mod events;
mod grid;
mod magnitudes;
mod results;
mod timeline;

use events::{EventList, EventRow};
use grid::{AllocationGrid, Mine};
use results::Results;
use timeline::{Names, TimelineEditor};

/// Most work (`restake_core::slashing::slashing_work`, units) the page applies on each edit:
/// at about 5.4e7 units a second in wasm, about 50 ms, the performance issue's limit for a
/// main-thread task. The one-shot budget of `applySlashing` is 2e8.
const PAGE_SLASHING_WORK: f64 = 2.5e6;

/// Whether the page applies a sequence of `work` units: up to [`PAGE_SLASHING_WORK`] it does;
/// beyond, the refusal at `events` names the work, the budget and what to reduce.
fn page_budget(work: f64) -> Result<(), restake_core::Error> {
    if work <= PAGE_SLASHING_WORK {
        return Ok(());
    }
    Err(restake_core::Error::OutOfRange {
        field: "events".to_owned(),
        value: work,
        expected: format!(
            "at most {PAGE_SLASHING_WORK:.1e} work units on this page (about 50 ms for each recompute, so typing stays responsive): the events' steps × the network's entries. The sequence is kept in the scenario but not applied here; use fewer events (or fewer AVS-wide events on large AVSs), a smaller network, or run it with applySlashing in the npm package (budget 2e8 units)"
        ),
    })
}

/// Token symbol per protocol id (the id itself when the network has no such protocol).
#[derive(Clone)]
struct Tokens(Vec<(String, String)>);

impl Tokens {
    fn of(&self, id: &str) -> String {
        self.0
            .iter()
            .find(|(p, _)| p == id)
            .map_or_else(|| id.to_owned(), |(_, t)| t.clone())
    }
}

/// The page.
#[component]
pub fn SlashingPage() -> impl IntoView {
    let store = use_store();
    // `/slashing?protocol=kelp` (a link from the matrix): the user's position moves into that token.
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    demo_or_error("Layered slashing", demo(), move |mut d| {
        // The document's network and slashing section; the demo's events and options when it
        // has no section. The demo's notes describe the demo's figures only.
        let doc = store.doc.get_untracked();
        let timeline = doc.slashing.as_ref().and_then(|s| s.timeline.clone());
        if doc.network != d.network {
            d.notes.clear();
        }
        if let Some(section) = doc.slashing.clone() {
            if section.events != d.events {
                d.notes.retain(|n| !n.path.starts_with("events"));
            }
            d.events = section.events;
            d.options = section.options;
        }
        d.network = doc.network;
        let notice = wanted.map(|id| prefill_notice(&mut d.network, &id));
        view! { <SlashingLab demo=d notice=notice timeline=timeline/> }
    })
}

#[component]
fn SlashingLab(
    demo: SlashingDemo,
    notice: Option<String>,
    timeline: Option<restake_core::scenario::TimelineSection>,
) -> impl IntoView {
    let base = demo.network.clone();
    let op_ids: Vec<String> = base.operators.iter().map(|o| o.id.clone()).collect();
    let op_names: Vec<String> = base.operators.iter().map(|o| o.name.clone()).collect();
    let avs_ids: Vec<String> = base.avss.iter().map(|a| a.id.clone()).collect();
    let avs_names: Vec<String> = base.avss.iter().map(|a| a.name.clone()).collect();
    let mine = {
        let held = use_store()
            .doc
            .with_untracked(|d| d.position_or_default().protocol);
        let behind = base.behind(&held);
        Mine {
            operators: op_ids
                .iter()
                .map(|o| behind.operators.contains(o))
                .collect(),
            avss: avs_ids.iter().map(|a| behind.avss.contains(a)).collect(),
            token: base
                .protocols
                .iter()
                .find(|p| p.id == held)
                .map_or(held.clone(), |p| p.token.clone()),
        }
    };
    let tokens = Tokens(
        base.protocols
            .iter()
            .map(|p| (p.id.clone(), p.token.clone()))
            .collect(),
    );
    let grid = magnitudes::Magnitudes::new(&base);
    let restaked: Vec<RwSignal<f64>> = base
        .restaking
        .iter()
        .map(|r| RwSignal::new(r.restaked_eth))
        .collect();
    let positions: Vec<RwSignal<f64>> = base
        .positions
        .iter()
        .map(|p| RwSignal::new(p.amount_eth))
        .collect();
    let mode = RwSignal::new(demo.options.mode);
    let total_active = RwSignal::new(demo.options.total_active_balance_eth);
    let other_slashed = RwSignal::new(demo.options.other_slashed_eth);
    let next_uid = StoredValue::new(demo.events.len());
    let events = RwSignal::new(
        demo.events
            .iter()
            .enumerate()
            .map(|(i, e)| EventRow::from_event(i, e, &op_ids, &avs_ids))
            .collect::<Vec<_>>(),
    );

    let inputs = {
        let (base, restaked, positions) = (base.clone(), restaked.clone(), positions.clone());
        let (op_ids, avs_ids) = (op_ids.clone(), avs_ids.clone());
        move || -> (Network, Vec<SlashEvent>, SlashingOptions) {
            let mut s = base.clone();
            s.allocations = grid.allocations(&op_ids, &avs_ids);
            for (r, v) in s.restaking.iter_mut().zip(&restaked) {
                r.restaked_eth = v.get();
            }
            for (p, v) in s.positions.iter_mut().zip(&positions) {
                p.amount_eth = v.get();
            }
            let evs = events
                .get()
                .iter()
                .map(|e| e.event(&op_ids, &avs_ids))
                .collect();
            let options = SlashingOptions {
                mode: mode.get(),
                total_active_balance_eth: total_active.get(),
                other_slashed_eth: other_slashed.get(),
            };
            (s, evs, options)
        }
    };
    let inputs = StoredValue::new(inputs);
    let network = Memo::new(move |_| inputs.get_value()().0);
    let names = Names {
        operators: op_ids
            .iter()
            .cloned()
            .zip(op_names.iter().cloned())
            .collect(),
        avss: avs_ids
            .iter()
            .cloned()
            .zip(avs_names.iter().cloned())
            .collect(),
        tokens: tokens.0.clone(),
    };
    let (t_op_ids, t_avs_ids) = (op_ids.clone(), avs_ids.clone());
    // The work of the sequence, after core's checks: over the page's budget, the sequence is
    // not applied here (the document still takes every valid edit).
    let work = Memo::new(move |_| {
        let (s, evs, options) = inputs.get_value()();
        slashing_work(&s, &evs, &options).map_err(|e| e.to_string())
    });
    let outcome = Outcome::new(move || {
        let (s, evs, options) = inputs.get_value()();
        if let Ok(w) = work.get() {
            page_budget(w)?;
        }
        s.validate()?;
        apply_slashing(&s, &evs, &options)
    });
    write_back(
        move || {
            let over = work.with(|w| w.as_ref().is_ok_and(|w| page_budget(*w).is_err()));
            (over || outcome.result.with(Result::is_ok)).then(|| inputs.get_value()())
        },
        |d, (s, events, options)| {
            d.network = s;
            let timeline = d.slashing.take().and_then(|x| x.timeline);
            d.slashing = Some(SlashingSection {
                events,
                options,
                timeline,
            });
        },
    );
    let other_error =
        outcome.other_error(&["events", "allocations", "restaking", "positions", "options"]);
    let stale = outcome.stale();

    let pool_inputs = base
        .restaking
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let token = tokens.of(&r.protocol);
            view! {
                <NumberInput id=format!("restaked-{i}") label=format!("{token}: ETH restaked through EigenLayer") term="lrt" unit="ETH" value=restaked[i] min=0.0 max=10_000_000.0 step=1_000.0 error=outcome.error_at(format!("restaking[{i}]"))/>
            }
        })
        .collect_view();
    let position_inputs = base
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let token = tokens.of(&p.protocol);
            view! {
                <NumberInput id=format!("position-{i}") label=format!("Your position in {token}") unit="ETH" value=positions[i] min=0.0 max=1_000_000.0 step=1.0 error=outcome.error_at(format!("positions[{i}]"))/>
            }
        })
        .collect_view();
    let demo_notes: Vec<(String, restake_core::source::Basis)> = demo
        .notes
        .iter()
        .map(|n| (n.path.clone(), n.basis.clone()))
        .collect();

    let event_count = Signal::derive(move || events.with(Vec::len));
    let imported = {
        let store = use_store();
        Memo::new(move |_| store.doc.with(|d| d.network_origin.is_some()))
    };
    // The results panel's copies of what the inputs panel takes.
    let (r_grid, r_op_ids, r_op_names, r_avs_names) =
        (grid, op_ids.clone(), op_names.clone(), avs_names.clone());

    view! {
        <Page title="Layered slashing">
            <ReplayGap what="slashing events" has_section=|d| d.slashing.is_some()/>
            <WalletNotice what="your positions in each token"/>
            <NetworkNotice/>
            {notice.map(|n| view! { <p class="notice" role="status" id="prefill-notice">{n}</p> })}
            <p class="lead">
                "One "
                <Term id="operator">"operator"</Term>
                " secures several "
                <Term id="avs">"AVSs"</Term>
                " with the same restaked ETH. A fault can be slashed on one AVS, on every AVS it secures ("
                <Term id="layered-slashing">"layered slashing"</Term>
                "), by a bug in an AVS, or on the beacon chain — and every LRT that delegates to that operator loses, whoever else it belongs to."
            </p>
            <p id="slashing-basis">
                {move || if imported.get() {
                    "The operators, AVSs, allocations and delegations are the imported network's (notice above); the fault probabilities and events are yours. "
                } else {
                    "The scenario is illustrative (its figures are marked as assumptions below). "
                }}
                "The ledger follows EigenLayer's contracts to the wei: magnitudes in "
                <Term id="wad">"WAD"</Term>
                ", slashes rounded against the operator, beacon-chain slashing with priority."
            </p>
            <Panels
                inputs=Box::new(move || view! {
                    <StakeModePicker
                        mode=mode
                        name="stake-mode"
                        legend="Slashing semantics"
                        unique_hint=": each AVS can slash only the magnitude allocated to it. "
                        shared_hint=": the same collateral backs every AVS, first slash first served."
                    />
                    <h2>"Events, applied in order"</h2>
                    <EventList events=events next_uid=next_uid op_names=op_names.clone() avs_names=avs_names.clone() outcome=outcome/>
                    <h2>"Allocations"</h2>
                    <AllocationGrid magnitudes=grid op_ids=op_ids op_names=op_names avs_names=avs_names outcome=outcome mine=mine.clone()/>
                    <h2>"LRTs and your positions"</h2>
                    {pool_inputs}
                    {position_inputs}
                    <h2>"Beacon chain"</h2>
                    <NumberInput id="total-active" label="Total ETH staked (active balance)" unit="ETH" value=total_active min=1.0 max=1_000_000_000.0 step=100_000.0 error=outcome.error_at("options.totalActiveBalanceEth")/>
                    <NumberInput id="other-slashed" label="ETH slashed elsewhere in the same 36-day window" unit="ETH" value=other_slashed min=0.0 max=1_000_000_000.0 step=1_000.0 error=outcome.error_at("options.otherSlashedEth")/>
                    <BasisList items=demo_notes.clone()/>
                }.into_any())
                results=Box::new(move || view! {
                    {move || other_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
                    {move || stale.get().then(|| view! { <p class="warning">"An input is invalid: the figures below are from the last valid inputs."</p> })}
                    <Results outcome=outcome tokens=tokens grid=r_grid op_ids=r_op_ids op_names=r_op_names avs_ids=avs_ids avs_names=r_avs_names event_count=event_count/>
                }.into_any())
                summary=Box::new(move || view! {
                    <Summary items=Signal::derive(move || outcome.report().map(|r| vec![
                        ("Your loss".to_owned(), format(Some(r.position_totals.loss.eth), Unit::Eth)),
                        ("Your positions after".to_owned(), format(Some(r.position_totals.after.eth), Unit::Eth)),
                        ("Slashed in total".to_owned(), format(Some(r.totals.slashed.eth), Unit::Eth)),
                    ]).unwrap_or_default())/>
                }.into_any())
            />
            <TimelineEditor network=network initial=timeline op_ids=t_op_ids avs_ids=t_avs_ids names=names/>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Up to the budget the page applies the sequence; one unit over, it refuses at `events`
    /// with the work it was given, the budget and the npm way to run it.
    #[test]
    fn page_budget_refuses_past_its_limit() {
        assert_eq!(page_budget(0.0), Ok(()));
        assert_eq!(page_budget(2.5e6), Ok(()));
        match page_budget(2_500_001.0) {
            Err(restake_core::Error::OutOfRange {
                field,
                value,
                expected,
            }) => {
                assert_eq!(field, "events");
                assert_eq!(value, 2_500_001.0);
                assert!(
                    expected.starts_with("at most 2.5e6 work units on this page"),
                    "{expected}"
                );
                assert!(expected.contains("applySlashing"), "{expected}");
            }
            other => panic!("expected a refusal at events, got {other:?}"),
        }
    }
}
