//! The Data panel (issue 18): read today's market state from Ethereum through an RPC endpoint
//! the user enters, see what changed against the presets, retry what failed, and freeze the
//! read into the scenario's `live` section so a share link carries it without any fetch.
//! Core plans every request and decodes every answer (`restake_core::chain`); the transport is
//! [`crate::rpc_fetch`]; the summary is [`summary`]; the steps of one read are [`refresh`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use restake_core::chain::{self, ReadRequest};

use crate::components::page::Page;
use crate::rpc_fetch::endpoint;
use crate::store::use_store;

mod network;
mod network_view;
mod refresh;
mod summary;
mod trailing;
mod wallet;

use network::NetworkImportPanel;
use refresh::Fetched;
use summary::LiveSummary;
use trailing::TrailingRead;
use wallet::WalletImport;

/// Longest read request accepted in the text box, bytes (a request of 64 targets per list is
/// about 40 kB).
const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// Where the panel stands.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Reading { answered: usize, total: usize },
    Failed(String),
    Stopped,
}

/// A JSON text the user pasted, at most `max` bytes, read as `T` (strict JSON, unknown fields
/// refused); `what` names it in the message.
fn parse_json<T: serde::de::DeserializeOwned>(
    text: &str,
    max: usize,
    what: &str,
) -> Result<T, String> {
    if text.len() > max {
        return Err(format!("The {what} is longer than {} kB.", max / 1024));
    }
    let value = restake_core::json_text::parse(text).map_err(|e| e.to_string())?;
    restake_core::json_text::typed(value).map_err(|e| e.to_string())
}

/// The contracts to read: the built-in mainnet list, or the user's own request as JSON text.
fn request_of(own: bool, text: &str) -> Result<ReadRequest, String> {
    if !own {
        return Ok(ReadRequest::mainnet());
    }
    let req: ReadRequest = parse_json(text, MAX_REQUEST_BYTES, "read request")?;
    chain::plan(&req).map_err(|e| e.to_string())?;
    Ok(req)
}

/// The page.
#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_store();
    let url_text = RwSignal::new(String::new());
    let own = RwSignal::new(false);
    let request_text = RwSignal::new(String::new());
    let status = RwSignal::new(Status::Idle);
    let fetched = RwSignal::new(None::<Fetched>);
    // The refresh the page waits for; an answer to an older one is dropped.
    let run = StoredValue::new(0u64);
    let request = Memo::new(move |_| request_of(own.get(), &request_text.get()));
    let url_error = RwSignal::new(None::<String>);

    let begin = move || -> Option<u64> {
        run.update_value(|r| *r += 1);
        run.try_get_value()
    };
    let progress = move |me: u64| {
        move |answered: usize, total: usize| {
            if run.try_get_value() == Some(me) {
                status.try_set(Status::Reading { answered, total });
            }
        }
    };
    let finish = move |me: u64, out: Result<Fetched, String>| {
        if run.try_get_value() != Some(me) {
            return;
        }
        match out {
            Ok(f) => {
                fetched.try_set(Some(f));
                status.try_set(Status::Idle);
            }
            Err(e) => {
                status.try_set(Status::Failed(e));
            }
        }
    };
    let read = move || {
        let url = match endpoint(&url_text.get_untracked()) {
            Ok(u) => u,
            Err(e) => {
                url_error.set(Some(e));
                return;
            }
        };
        url_error.set(None);
        let req = match request.get_untracked() {
            Ok(r) => r,
            Err(e) => {
                status.set(Status::Failed(e));
                return;
            }
        };
        let Some(me) = begin() else { return };
        // A new read replaces the last one (so a retry always means this read's failures).
        fetched.set(None);
        spawn_local(async move {
            let out = refresh::read(url, req, progress(me)).await;
            finish(me, out);
        });
    };
    let retry = move || {
        let Some(f) = fetched.get_untracked() else {
            read();
            return;
        };
        let Some(me) = begin() else { return };
        spawn_local(async move {
            let out = refresh::retry(f, progress(me)).await;
            finish(me, out);
        });
    };
    let stop = move || {
        run.update_value(|r| *r += 1);
        status.set(Status::Stopped);
    };
    let freeze = move || {
        if let Some(f) = fetched.get_untracked() {
            store.edit(|d| d.live = Some(f.live));
        }
    };
    let unfreeze = move || store.edit(|d| d.live = None);

    let reading = move || matches!(status.get(), Status::Reading { .. });
    let status_view = move || {
        match status.get() {
        Status::Idle => None,
        Status::Reading { answered, total } => Some(view! {
            <p>
                <progress id="live-progress" max=total.to_string() value=answered.to_string() aria-label="Requests answered"></progress>
                {format!(" Reading… {answered} of {total} requests answered.")}
            </p>
        }.into_any()),
        Status::Stopped => Some(view! { <p>"Stopped. Nothing changed; the presets are kept."</p> }.into_any()),
        Status::Failed(e) => Some(view! { <p class="error" id="live-error">{e}</p> }.into_any()),
    }
    };
    let retryable = move || {
        fetched.with(|f| match f {
            Some(f) => f.live.failures.iter().any(|x| x.reason.is_transient()),
            None => matches!(status.get(), Status::Failed(_)),
        })
    };
    let frozen = move || store.doc.with(|d| d.live.clone());
    let planned = move || {
        request.with(|r| match r {
            Ok(r) => chain::plan(r)
                .map(|p| {
                    p.calls
                        .iter()
                        .map(|c| view! { <li><code>{c.function.clone()}</code>" on "<code class="address">{c.address.clone()}</code>" → "<code>{c.field.clone()}</code></li> })
                        .collect_view()
                        .into_any()
                })
                .unwrap_or_else(|e| view! { <li>{e.to_string()}</li> }.into_any()),
            Err(e) => view! { <li class="error">{e.clone()}</li> }.into_any(),
        })
    };
    view! {
        <Page title="Data">
            <p class="lead">
                "Every figure in the lab starts from a dated preset. Here you can read today's state from Ethereum instead — "
                "exchange rates, the Curve weETH/WETH pool, Aave v3 Core reserves and rates, Morpho Blue markets — "
                "from your browser, through an endpoint you choose. Nothing is read until you ask, and every preset stays the fallback."
            </p>
            <section class="panel" aria-labelledby="privacy-h">
                <h2 id="privacy-h">"Privacy"</h2>
                <p id="privacy-note">
                    "Reading sends requests from this browser straight to the endpoint you enter: its operator sees your IP address and "
                    "which contracts are read (listed below), and may keep logs. Only eth_chainId, eth_getBlockByNumber and eth_call "
                    "are sent — nothing is signed and no transaction is made. The URL stays in this tab only: it is not put into the "
                    "scenario, its link or saved copies, since a provider's URL often holds an API key."
                </p>
            </section>
            <section class="panel" aria-labelledby="endpoint-h">
                <h2 id="endpoint-h">"Endpoint"</h2>
                <label for="rpc-url">"RPC endpoint URL"</label>
                <input id="rpc-url" type="url" inputmode="url" autocomplete="off" spellcheck="false"
                    placeholder="https://…" aria-describedby="rpc-url-hint"
                    prop:value=move || url_text.get()
                    on:input=move |ev| { url_text.set(event_target_value(&ev)); url_error.set(None); }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" && !reading() { read() }/>
                <p id="rpc-url-hint" class="hint">
                    "None is built in. Your own node (e.g. http://127.0.0.1:8545) or your wallet provider's endpoint works best; "
                    "a public endpoint may refuse browser requests or limit them. Plain http:// works only for a node on this computer."
                </p>
                {move || url_error.get().map(|e| view! { <p class="error" id="rpc-url-error" role="alert">{e}</p> })}
                <fieldset class="radio-group">
                    <legend>"Contracts"</legend>
                    <label><input type="radio" name="contracts" checked=move || !own.get() on:change=move |_| own.set(false)/>" Ethereum mainnet (chain id 1): the built-in list, each address cited in the sources"</label>
                    <label><input type="radio" name="contracts" id="contracts-own" checked=move || own.get() on:change=move |_| {
                        if request_text.get_untracked().is_empty() {
                            request_text.set(serde_json::to_string_pretty(&ReadRequest::mainnet()).unwrap_or_default());
                        }
                        own.set(true);
                    }/>" My own (a fork or a local test chain): a read request as JSON"</label>
                </fieldset>
                {move || own.get().then(|| view! {
                    <label for="read-request">"Read request (JSON; set allowLocalChain for chain id 31337)"</label>
                    <textarea id="read-request" rows="8" spellcheck="false" prop:value=move || request_text.get()
                        on:input=move |ev| request_text.set(event_target_value(&ev))></textarea>
                })}
                <details>
                    <summary>"What will be read"</summary>
                    <ul class="planned">{planned}</ul>
                </details>
                <p class="actions">
                    <button type="button" id="read-live" disabled=reading on:click=move |_| read()>"Read from the chain"</button>
                    {move || reading().then(|| view! { <button type="button" class="secondary" id="stop-live" on:click=move |_| stop()>"Stop"</button> })}
                    {move || (retryable() && !reading()).then(|| view! { <button type="button" class="secondary" id="retry-live" on:click=move |_| retry()>"Retry what failed"</button> })}
                </p>
                <div role="status" aria-live="polite">{status_view}</div>
            </section>
            <TrailingRead fetched=fetched/>
            <WalletImport url=url_text own=own/>
            <NetworkImportPanel url=url_text own=own/>
            {move || fetched.get().filter(|f| frozen().as_ref() != Some(&f.live)).map(|f| view! {
                <section class="panel" aria-labelledby="read-h">
                    <h2 id="read-h">"This read (not yet in the scenario)"</h2>
                    <LiveSummary live=f.live.clone() id="new"/>
                    <p class="actions">
                        <button type="button" id="freeze-live" on:click=move |_| freeze()>"Freeze into the scenario"</button>
                    </p>
                </section>
            })}
            {move || frozen().map(|live| view! {
                <section class="panel" aria-labelledby="frozen-h">
                    <h2 id="frozen-h">"Frozen in this scenario"</h2>
                    <p>
                        "The scenario carries this snapshot in its "<code>"live"</code>" section: the Leverage page's lending presets use "
                        "its figures, the Yield page its realised yields (with a trailing read), the Bridge page offers its token's rate and supply, "
                        "and a share link reproduces them without any fetch."
                    </p>
                    <LiveSummary live=live id="frozen"/>
                    <p class="actions"><button type="button" class="secondary" id="unfreeze-live" on:click=move |_| unfreeze()>"Remove the snapshot (back to the presets)"</button></p>
                </section>
            })}
        </Page>
    }
}
