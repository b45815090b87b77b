//! The live offer on the Bridge page: when the scenario carries a live snapshot (the Data
//! panel's frozen read, or a share link's), the token's exchange rate and Ethereum supply as
//! read (core's `bridge::live::live_bridge`), each beside the preset's value and source, and a
//! button that puts them into the inputs.

use leptos::prelude::*;
use restake_core::bridge::BridgeInput;
use restake_core::bridge::live::{LiveBridge, live_bridge};
use restake_core::chain::block_time::utc_time;
use restake_core::source::Basis;

use crate::components::source::describe;
use crate::format::format;
use crate::store::use_store;

/// The offer for `preset` (with its `notes`, field → basis); `use_live` puts the live figures
/// into the page's inputs.
#[component]
pub(super) fn LiveBridgeOffer(
    preset: BridgeInput,
    notes: Vec<(String, Basis)>,
    use_live: Callback<LiveBridge>,
) -> impl IntoView {
    let store = use_store();
    move || {
        let live = store.doc.with(|d| d.live.clone())?;
        let out = live_bridge(&preset, &notes, &live);
        if out.changes.is_empty() {
            return None;
        }
        let rows = out
            .changes
            .iter()
            .map(|c| {
                let preset_source = c
                    .preset_basis
                    .as_ref()
                    .map_or_else(|| "this scenario's own figure".to_owned(), describe);
                view! {
                    <tr>
                        <th scope="row"><code>{c.field.clone()}</code></th>
                        <td class="num">{format(Some(c.preset), c.unit)}</td>
                        <td class="note">{preset_source}</td>
                        <td class="num live">{format(Some(c.live), c.unit)}</td>
                        <td class="note live-basis">{format!(
                            "{} on {} — chain {}, block {}, {} UTC",
                            c.basis.function,
                            c.basis.address,
                            c.basis.chain_id,
                            c.basis.block_number,
                            utc_time(c.basis.block_timestamp)
                        )}</td>
                    </tr>
                }
            })
            .collect_view();
        let kept = out.kept.clone();
        let usable = kept.is_none();
        let chosen = out.clone();
        Some(view! {
            <section class="panel" id="bridge-live" aria-labelledby="bridge-live-h">
                <h2 id="bridge-live-h">{format!("{} on Ethereum, read live (block {})", out.input.token, live.head.block_number)}</h2>
                <div class="table-scroll" role="region" aria-label="Live figures against the preset" tabindex="0">
                    <table class="live-changes">
                        <thead><tr><th scope="col">"Field"</th><th scope="col">"Preset value"</th><th scope="col">"Preset source"</th><th scope="col">"Live value"</th><th scope="col">"Live basis"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {kept.map(|k| view! { <p class="warning" id="bridge-live-kept">{format!("The preset is kept: with the live figures the inputs fail a check — {k}")}</p> })}
                {usable.then(|| view! {
                    <p class="actions"><button type="button" id="use-live-bridge" on:click=move |_| use_live.run(chosen.clone())>"Use the live rate and supply"</button></p>
                })}
            </section>
        })
    }
}
