//! The Parameters page (`/parameters`): for a token and a lending market, what each published
//! rule suggests for the LTV, the liquidation threshold, the bonus and the supply cap, side by
//! side with the market's figures today, and which rule binds. A thin view over
//! `restake_core::parameters`: the page holds the inputs, core computes every figure.
//! Files: [`fields`] (the inputs and the presets they start from), [`results`] (the figures).

use leptos::prelude::*;
use restake_core::lending::lending_markets;
use restake_core::parameters::{parameter_workbench, token_presets};
use restake_core::scenario::ParametersSection;

use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels};
use crate::components::replay_gap::ReplayGap;
use crate::components::term::Term;
use crate::store::{use_store, write_back};

mod fields;
mod results;

use fields::{Fields, FieldsPanel};
use results::ResultsPanel;

/// The page: the document's `parameters` section, or weETH on Arbitrum against Aave v3's
/// ETH-correlated E-mode when it has none.
#[component]
pub fn ParametersPage() -> impl IntoView {
    let store = use_store();
    let section = store.doc.with_untracked(|d| d.parameters.clone());
    let f = Fields::new(section, token_presets(), lending_markets());
    let outcome = Outcome::new(move || parameter_workbench(&f.input()));
    write_back(
        move || {
            outcome
                .result
                .with(Result::is_ok)
                .then(|| ParametersSection {
                    token_preset: f.token_id(),
                    market_preset: f.market_id(),
                    input: f.input(),
                })
        },
        |d, section| d.parameters = Some(section),
    );
    view! {
        <Page title="Risk parameters">
            <ReplayGap what="workbench inputs" has_section=|d| d.parameters.is_some()/>
            <p class="lead">
                "What "<Term id="ltv">"LTV"</Term>", "<Term id="liquidation-threshold">"liquidation threshold"</Term>", "
                <Term id="liquidation-bonus">"bonus"</Term>" and "<Term id="supply-cap">"supply cap"</Term>
                " would the published risk frameworks give this token in this market? Each rule reads the token's DEX liquidity (sale size against "
                <Term id="price-impact">"price impact"</Term>"), its volatility and the market's bonus, and sets only some of the parameters. The rules are set side by side with the market's figures today, and the tightest one is named."
            </p>
            <Panels
                inputs=Box::new(move || view! { <FieldsPanel f=f outcome=outcome/> }.into_any())
                results=Box::new(move || view! { <ResultsPanel f=f outcome=outcome/> }.into_any())
            />
        </Page>
    }
}
