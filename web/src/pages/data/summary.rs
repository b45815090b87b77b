//! What a refresh (or a frozen snapshot) holds, as the reader sees it: the block, what changed
//! against the lending presets (core's `lending::live::live_markets`, each live value's basis
//! beside the preset's source), the calls that failed and why (their presets kept), and every
//! figure read with its contract and function.

use leptos::prelude::*;
use restake_core::chain::block_time::utc_time;
use restake_core::chain::{Failure, LiveBasis, LiveRead};
use restake_core::lending::live::live_markets;

use crate::components::source::describe;
use crate::format::{format, live_value};

/// A failure in words.
pub(super) fn failure_text(f: &Failure) -> String {
    match f {
        Failure::Reverted {
            reason: Some(r), ..
        } => format!("the contract reverted: {r}"),
        Failure::Reverted { data, .. } => format!("the contract reverted ({data})"),
        Failure::TimedOut => format!(
            "timed out (no answer within {} s)",
            crate::rpc_fetch::TIMEOUT_MS / 1000
        ),
        Failure::RpcError { code: 0, message } => {
            format!("the endpoint could not be reached: {message}")
        }
        Failure::RpcError { code, message } => format!("RPC error {code}: {message}"),
        Failure::UnexpectedShape { detail } => format!("unexpected answer: {detail}"),
    }
}

/// `getRate() on 0x… — chain 1, block 21000000, 2024-10-18 11:46:47 UTC`.
pub(super) fn basis_text(b: &LiveBasis) -> String {
    format!(
        "{} on {} — chain {}, block {}, {} UTC",
        b.function,
        b.address,
        b.chain_id,
        b.block_number,
        utc_time(b.block_timestamp)
    )
}

/// A scrollable, keyboard-reachable table region.
pub(super) fn scroll_table(label: &'static str, table: impl IntoView) -> impl IntoView {
    view! { <div class="table-scroll" role="region" aria-label=label tabindex="0">{table}</div> }
}

/// The summary of `live`; `id` prefixes the element ids (`new`, `frozen`).
#[component]
pub(super) fn LiveSummary(live: LiveRead, id: &'static str) -> impl IntoView {
    let over = live_markets(Some(&live));
    let name_of = |market: &str| {
        over.markets
            .iter()
            .find(|m| m.id == market)
            .map_or_else(|| market.to_owned(), |m| m.name.clone())
    };
    let head = format!(
        "Chain {}, block {} ({} UTC), hash {}",
        live.head.chain_id,
        live.head.block_number,
        utc_time(live.head.block_timestamp),
        live.head.block_hash
    );
    let changes = over
        .changes
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <th scope="row">{name_of(&c.market)}</th>
                    <td><code>{c.field.clone()}</code></td>
                    <td class="num">{format(c.preset, c.unit)}</td>
                    <td class="note" class:assumed=c.preset_basis.rests_on_assumption()>{describe(&c.preset_basis)}</td>
                    <td class="num live">{format(Some(c.live), c.unit)}</td>
                    <td class="note live-basis">{basis_text(&c.basis)}</td>
                </tr>
            }
        })
        .collect_view();
    let kept = over
        .kept
        .iter()
        .map(|k| view! { <li>{name_of(&k.market)}": its preset is kept — "{k.reason.clone()}</li> })
        .collect_view();
    let n_failed = live.failures.len();
    let failures = live
        .failures
        .iter()
        .map(|f| {
            view! {
                <li><code>{f.field.clone()}</code>" "<code>{f.function.clone()}</code>" on "<code class="address">{f.address.clone()}</code>": "{failure_text(&f.reason)}</li>
            }
        })
        .collect_view();
    let values = live
        .values
        .iter()
        .map(|v| {
            view! {
                <tr>
                    <th scope="row"><code>{v.field.clone()}</code></th>
                    <td class="num">{live_value(v.value, &v.unit)}</td>
                    <td>{v.unit.clone()}</td>
                    <td class="num"><code>{v.raw.clone().unwrap_or_else(|| "derived".to_owned())}</code></td>
                    <td class="note live-basis">{basis_text(&v.basis)}</td>
                </tr>
            }
        })
        .collect_view();
    let n_values = live.values.len();
    let n_changes = over.changes.len();
    view! {
        <p id=format!("{id}-head") class="live-head">{head}</p>
        <h3>"Changed against the presets"</h3>
        {if n_changes == 0 {
            view! { <p>"No lending preset changed: none of the figures read fills one (see the list below)."</p> }.into_any()
        } else {
            scroll_table("Live figures against the presets", view! {
                <table id=format!("{id}-changes") class="live-changes">
                    <thead><tr><th scope="col">"Preset"</th><th scope="col">"Field"</th><th scope="col">"Preset value"</th><th scope="col">"Preset source"</th><th scope="col">"Live value"</th><th scope="col">"Live basis"</th></tr></thead>
                    <tbody>{changes}</tbody>
                </table>
            }).into_any()
        }}
        <ul class="live-kept">{kept}</ul>
        {(n_failed > 0).then(|| view! {
            <h3>"Not read"</h3>
            <p>{format!("{n_failed} call(s) gave no figure; the presets they would have changed are kept.")}</p>
            <ul id=format!("{id}-failures") class="live-failures">{failures}</ul>
        })}
        <details>
            <summary>{format!("All {n_values} figures read, with their contract and function")}</summary>
            {scroll_table("Every figure read", view! {
                <table id=format!("{id}-values") class="live-values">
                    <thead><tr><th scope="col">"Figure"</th><th scope="col">"Value"</th><th scope="col">"Unit"</th><th scope="col">"As returned"</th><th scope="col">"Live basis"</th></tr></thead>
                    <tbody>{values}</tbody>
                </table>
            })}
        </details>
    }
}
