//! The Leverage page's live figures: with a refresh frozen into the scenario (the Data page),
//! each preset figure the read replaced (core's `lending::live::live_markets`: Aave Core's weETH
//! reserve, the E-mode categories, the CAPO adapters' cap parameters, the borrow rates), beside
//! the preset's value, with the call and block it was read at, and each preset kept whole with why.

use leptos::prelude::*;
use restake_core::lending::live::LiveMarkets;

use crate::format::format;

/// The list of `over`'s changes, one item per replaced figure.
#[component]
pub(super) fn LiveChanges(over: LiveMarkets) -> impl IntoView {
    let name_of = |market: &str| {
        over.markets
            .iter()
            .find(|m| m.id == market)
            .map_or_else(|| market.to_owned(), |m| m.name.clone())
    };
    let items = over
        .changes
        .iter()
        .map(|c| {
            let text = format!(
                "{}: {} {} → {} ({} on {}, block {})",
                name_of(&c.market),
                c.field,
                format(c.preset, c.unit),
                format(Some(c.live), c.unit),
                c.basis.function,
                c.basis.address,
                c.basis.block_number
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    // A preset the read could not go into (a collateral in its E-mode category's LTV-zero set,
    // a figure the model refuses) says so here too, not only on the Data page.
    let kept = over
        .kept
        .iter()
        .map(|k| {
            let text = format!("{}: its preset is kept — {}", name_of(&k.market), k.reason);
            view! { <li class="live-kept">{text}</li> }
        })
        .collect_view();
    view! { <ul id="live-changes" class="source-list">{items}{kept}</ul> }
}
