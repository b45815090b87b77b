//! "Your positions as of block N": the line the Slashing and Leverage pages show while the
//! document carries an imported wallet (its `wallet` section), with a link to what was read.

use leptos::prelude::*;
use leptos_router::components::A;
use restake_core::chain::block_time::utc_time;

use crate::store::use_store;

/// The notice, or nothing without a `wallet` section; `what` says what of the import the page
/// shows (`your positions`, `your largest loop`).
#[component]
pub fn WalletNotice(
    /// What of the import the page shows, in the user's words.
    what: &'static str,
) -> impl IntoView {
    let store = use_store();
    move || {
        let head = store
            .doc
            .with(|d| d.wallet.as_ref().map(|w| w.read.head.clone()))?;
        Some(view! {
            <p class="notice" id="wallet-notice">
                {format!(
                    "Your positions as of block {} (chain {}, {} UTC), imported from your wallet: this page starts from {what}. ",
                    head.block_number,
                    head.chain_id,
                    utc_time(head.block_timestamp)
                )}
                <A href="/data">"What was read (Data page)"</A>
            </p>
        })
    }
}
