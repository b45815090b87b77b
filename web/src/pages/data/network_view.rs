//! What a network import shows (issue 19): each LRT's progress (round, stakers listed and read,
//! operators), the block and its UTC time, the calls and rounds made, every issue in words
//! (a list cut at its cap, a call that failed, a figure skipped, a record that disagrees), the
//! pending allocation changes, the labelled assumptions, and per LRT "Start from today's network
//! of …", which puts that LRT's part into the scenario (`Scenario::start_from_import`).

use leptos::prelude::*;
use restake_core::chain::block_time::utc_time;
use restake_core::chain::network_import::{ImportPhase, Issue, LrtProgress, NetworkImport};
use restake_core::presets::protocols;
use restake_core::protocol::Protocol;

use super::summary::{failure_text, scroll_table};
use crate::components::source::describe;
use crate::store::use_store;

/// The token of protocol `id` among `presets` (`renzo` → `ezETH`), the id itself when unknown.
fn token_of(presets: &[Protocol], id: &str) -> String {
    presets
        .iter()
        .find(|p| p.id == id)
        .map_or_else(|| id.to_owned(), |p| p.token.clone())
}

/// A round in words.
fn phase_text(p: ImportPhase) -> &'static str {
    match p {
        ImportPhase::Head => "the block",
        ImportPhase::Lists => "staker lists",
        ImportPhase::Entries => "list entries",
        ImportPhase::Stakers => "stakers",
        ImportPhase::Operators => "operators",
        ImportPhase::Allocations => "allocations",
        ImportPhase::Done => "done",
    }
}

/// An issue in words, with whether it leaves figures out.
fn issue_text(i: &Issue) -> String {
    match i {
        Issue::Truncated { field, found, kept } => format!(
            "{field}: the chain lists {found}, only the first {kept} were read (the cap) — partial"
        ),
        Issue::Failed {
            field,
            address,
            function,
            reason,
        } => format!(
            "{field}: {function} on {address} gave nothing — {}; its figures are left out — partial",
            failure_text(reason)
        ),
        Issue::Skipped { field, detail } => format!("{field}: {detail} — partial"),
        Issue::Mismatch { field, detail } => format!(
            "{field}: the LRT's own record disagrees with EigenLayer's ({detail}); EigenLayer's is used"
        ),
    }
}

/// Each LRT's progress as a table; `id` is the table's id.
#[component]
pub(super) fn ProgressTable(lrts: Vec<LrtProgress>, id: &'static str) -> impl IntoView {
    let presets = protocols().unwrap_or_default();
    let rows = lrts
        .iter()
        .map(|l| {
            let state = if l.complete {
                "complete so far".to_owned()
            } else {
                format!("partial: {} issue(s)", l.issues.len())
            };
            view! {
                <tr data-protocol=l.protocol.clone()>
                    <th scope="row">{format!("{} ({})", token_of(&presets, &l.protocol), l.protocol)}</th>
                    <td>{phase_text(l.phase)}</td>
                    <td class="num">{l.stakers_listed}</td>
                    <td class="num">{l.stakers_read}</td>
                    <td class="num">{l.operators}</td>
                    <td>{state}</td>
                </tr>
            }
        })
        .collect_view();
    scroll_table(
        "Import progress per LRT",
        view! {
            <table id=id>
                <thead><tr><th scope="col">"LRT"</th><th scope="col">"Round"</th><th scope="col">"Stakers listed"</th><th scope="col">"Stakers read"</th><th scope="col">"Operators"</th><th scope="col">"State"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        },
    )
}

/// A finished import.
#[component]
pub(super) fn ImportResult(import: NetworkImport) -> impl IntoView {
    let store = use_store();
    let presets = StoredValue::new(import.network.protocols.clone());
    let head = &import.head;
    let when = format!(
        "Imported at block {} ({} UTC), chain {}, hash {}",
        head.block_number,
        utc_time(head.block_timestamp),
        head.chain_id,
        head.block_hash
    );
    let counts = format!(
        "{} contract calls in {} rounds of requests (batched through Multicall3).",
        import.calls, import.rounds
    );
    let started = RwSignal::new(None::<Result<String, String>>);
    let shared = StoredValue::new(import.clone());
    let start_from = move |protocol: String| {
        let mut next = store.doc.get_untracked();
        let out = shared
            .with_value(|i| next.start_from_import(i, &protocol))
            .map(|()| {
                let block = shared.with_value(|i| i.head.block_number);
                let text = format!(
                    "The scenario now runs on the network of {} as of block {block}: see the Slashing, Risk and Security pages.",
                    presets.with_value(|p| token_of(p, &protocol))
                );
                store.replace(next, text.clone());
                text
            })
            .map_err(|e| format!("Could not start from it: {e}"));
        started.set(Some(out));
    };
    let lrts = import
        .lrts
        .iter()
        .map(|l| {
            let token = presets.with_value(|p| token_of(p, &l.protocol));
            let protocol = l.protocol.clone();
            let issues = l.issues.iter().map(|i| view! { <li>{issue_text(i)}</li> }).collect_view();
            let verdict = if l.complete {
                "complete".to_owned()
            } else {
                format!("partial: {} issue(s) leave figures out", l.issues.iter().filter(|i| i.is_partial()).count())
            };
            view! {
                <li class="netimport-lrt" data-protocol=l.protocol.clone()>
                    <h4>{format!("{token}: {} stakers read of {} listed, {} operators — {verdict}", l.stakers_read, l.stakers_listed, l.operators)}</h4>
                    {(!l.issues.is_empty()).then(|| view! { <ul class="netimport-issues">{issues}</ul> })}
                    <button type="button" id=format!("start-from-{}", l.protocol) on:click=move |_| start_from(protocol.clone())>
                        {format!("Start from today's network of {token}")}
                    </button>
                </li>
            }
        })
        .collect_view();
    let pending = import
        .pending
        .iter()
        .map(|p| view! {
            <li>{format!("{} in {} (strategy {}): magnitude {} of its maximum, {:+} pending until block {} — still slashable, counted", p.operator, p.avs, p.strategy, p.current_magnitude, p.pending_diff, p.effect_block)}</li>
        })
        .collect_view();
    let n_pending = import.pending.len();
    let assumptions = import
        .assumptions
        .iter()
        .map(|n| view! { <li class="assumed"><code>{n.path.clone()}</code>": "{describe(&n.basis)}</li> })
        .collect_view();
    let network = &import.network;
    let sizes = format!(
        "The network read: {} LRTs, {} operators, {} operator sets (as AVSs), {} delegations, {} allocations.",
        network.restaking.len(),
        network.operators.len(),
        network.avss.len(),
        network.delegations.len(),
        network.allocations.len()
    );
    view! {
        <h3 id="netimport-head">{when}</h3>
        <p id="netimport-counts">{counts}</p>
        <p>{sizes}</p>
        <ProgressTable lrts=import.lrts.clone() id="netimport-done"/>
        <ul class="netimport-lrts">{lrts}</ul>
        <div role="status" aria-live="polite" id="netimport-started">{move || started.get().map(|s| match s {
            Ok(t) => view! { <p>{t}</p> }.into_any(),
            Err(e) => view! { <p class="error">{e}</p> }.into_any(),
        })}</div>
        {(n_pending > 0).then(|| view! {
            <h4>"Allocation changes not yet in effect"</h4>
            <ul id="netimport-pending">{pending}</ul>
        })}
        <h4>"Assumptions (what the chain does not say)"</h4>
        <ul id="netimport-assumptions">{assumptions}</ul>
    }
}
