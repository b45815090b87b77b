//! The Yield page: what an LRT earns over a plain LST, stream by stream and fee by fee, as a
//! waterfall in APR points; net APY for a compounding frequency; the deposit after a horizon;
//! the expected slashing loss and the risk-adjusted APY. Every figure comes from
//! `restake_core::yield_stack`; the page only holds the inputs and formats the report.
//! Files: [`state`] (one signal per input), [`inputs`] (the input panel), [`avs`] (the AVS
//! streams, a keyed list), [`results`] (the figures); this file picks the starting input.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::yield_stack::{
    BaseLayer, Compounding, ConsensusApr, FeeScope, LrtInput, LstInput, YieldInput, YieldPreset,
    yield_presets, yield_stack,
};

use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels, Summary};
use crate::components::replay_gap::ReplayGap;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::{url, use_store, write_back};

mod avs;
mod inputs;
mod realised;
mod results;
mod state;

use inputs::YieldInputs;
use results::YieldResults;
use state::Inputs;

/// The page.
#[component]
pub fn YieldPage() -> impl IntoView {
    // The presets are compiled-in and tested in core; an empty list only hides the picker.
    let presets: Vec<YieldPreset> = yield_presets().unwrap_or_default();
    // `/yield?protocol=renzo` (a link from the matrix) starts from that protocol's preset, unless
    // the address also carries a scenario (`#s=`, written once the page was edited): that wins.
    let store = use_store();
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    let from_query = wanted
        .filter(|_| url::current_fragment().is_none() && !store.rebuilding())
        .and_then(|id| presets.iter().position(|p| p.protocol == id));
    let section = store.doc.with_untracked(|d| d.yield_stack.clone());
    let start = match (from_query, section) {
        (Some(i), _) => {
            let input = presets[i].input.clone();
            let synced = input.clone();
            store.sync(move |d| d.yield_stack = Some(synced));
            input
        }
        (None, Some(input)) => input,
        // The document has no yield section: the first preset (the page's default).
        (None, None) => presets
            .first()
            .map(|p| p.input.clone())
            .unwrap_or_else(|| YieldInput {
                base: BaseLayer {
                    consensus: ConsensusApr::Given { apr: 0.03 },
                    execution_apr: 0.005,
                },
                lst: LstInput {
                    token: "LST".to_owned(),
                    fee_on_rewards: 0.1,
                },
                lrt: LrtInput {
                    token: "LRT".to_owned(),
                    fee_on_rewards: 0.1,
                    fee_applies_to: FeeScope::ALL,
                    operator_commission: 0.1,
                    buffer_share: 0.0,
                    avss: vec![],
                },
                compounding: Compounding::Periodic {
                    periods_per_year: 365,
                },
                deposit_eth: 10.0,
                horizon_years: 1.0,
            }),
    };
    // The picker shows the preset the input is, or “Custom” when it is none of them.
    let index = presets.iter().position(|p| p.input == start);
    let notes = RwSignal::new(
        index
            .and_then(|i| presets.get(i))
            .map(|p| p.notes.clone())
            .unwrap_or_default(),
    );
    let inputs = Inputs::new(&start);
    let presets = StoredValue::new(presets);
    let picked = RwSignal::new(index.map_or_else(|| "custom".to_owned(), |i| i.to_string()));
    let outcome = Outcome::new(move || yield_stack(&inputs.input()));
    let result = outcome.result;
    write_back(
        move || result.with(Result::is_ok).then(|| inputs.input()),
        |d, input| d.yield_stack = Some(input),
    );
    view! {
        <Page title="Yield stacking">
            <ReplayGap what="yield inputs" has_section=|d| d.yield_stack.is_some()/>
            <p class="lead">
                "What does an " <Term id="lrt">"LRT"</Term> " earn over a plain " <Term id="lst">"LST"</Term>
                "? Both earn consensus and execution rewards; the LRT adds " <Term id="avs">"AVS"</Term>
                " rewards, pays its operators' commission and its own fee, keeps part of its ETH idle for withdrawals, and can be "
                <Term id="slashing">"slashed"</Term> " by every AVS it secures. Every stream and fee below is in "
                <Term id="apr">"APR"</Term> " points; the headline figures are " <Term id="apy">"APY"</Term> "."
            </p>
            <p class="warning">
                "AVS reward rates, allocations and fault probabilities have no published figures: the presets' AVS streams are illustrative assumptions. Replace them with your own."
            </p>
            <Panels
                inputs=Box::new(move || view! {
                    <YieldInputs inputs=inputs result=result notes=notes presets=presets picked=picked/>
                }.into_any())
                results=Box::new(move || view! {
                    <YieldResults inputs=inputs outcome=outcome/>
                }.into_any())
                summary=Box::new(move || view! {
                    <Summary items=Signal::derive(move || outcome.report().map(|r| vec![
                        (format!("{} net APY", r.lrt.token), format(Some(r.lrt.net_apy), Unit::Fraction)),
                        ("Premium over the LST".to_owned(), format(Some(r.premium_apy), Unit::RatePoints)),
                        ("Expected loss a year".to_owned(), format(Some(r.expected_slash_loss), Unit::Fraction)),
                    ]).unwrap_or_default())/>
                }.into_any())
            />
        </Page>
    }
}
