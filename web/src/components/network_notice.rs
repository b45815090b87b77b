//! "The network of ezETH as of block N": the line the Slashing, Risk and Security pages show
//! while the document's network was started from one LRT's part of a network import (its
//! `networkOrigin` section, issue 19), with a link to the Data page.

use leptos::prelude::*;
use leptos_router::components::A;
use restake_core::chain::block_time::utc_time;

use crate::store::use_store;

/// The notice, or nothing without a `networkOrigin` section.
#[component]
pub fn NetworkNotice() -> impl IntoView {
    let store = use_store();
    move || {
        let (o, token) = store.doc.with(|d| {
            let o = d.network_origin.clone()?;
            let token = d
                .network
                .protocols
                .iter()
                .find(|p| p.id == o.protocol)
                .map_or_else(|| o.protocol.clone(), |p| p.token.clone());
            Some((o, token))
        })?;
        let partial = if o.complete {
            String::new()
        } else {
            format!(
                " — partial: {} issue(s) left figures out (listed on the Data page)",
                o.issues
            )
        };
        Some(view! {
            <p class="notice" id="network-notice">
                {format!(
                    "The network of {token} as of block {} (chain {}, {} UTC), imported from the chain{partial}. Fault probabilities, π and α stay labelled assumptions. ",
                    o.head.block_number,
                    o.head.chain_id,
                    utc_time(o.head.block_timestamp)
                )}
                <A href="/data">"Import again (Data page)"</A>
            </p>
        })
    }
}
