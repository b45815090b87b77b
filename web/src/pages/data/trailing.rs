//! The trailing read on the Data panel: after a refresh, the same rate calls at `head − lag`
//! blocks (core's `chain::trailing`: the block request, its check, the calls pinned to it, the
//! merge into the refresh's read), so each token's realised APY over the window can be shown
//! (`yield_stack::realised`) and frozen with the rest.

use leptos::prelude::*;
use leptos::task::spawn_local;
use restake_core::chain::block_time::utc_time;
use restake_core::chain::trailing::{self, DEFAULT_LAG_BLOCKS, MAX_LAG_BLOCKS, SECONDS_PER_SLOT};
use restake_core::chain::{LiveRead, ReadRequest};
use restake_core::yield_stack::realised::realised_yields;

use super::refresh::Fetched;
use crate::components::number_input::NumberInput;
use crate::format::{Unit, format};
use crate::rpc_fetch::{send, send_each};

/// Reads the request's rates at `head − lag` from `url` and gives `live` with them in it.
async fn read_trailing(
    url: String,
    request: ReadRequest,
    live: LiveRead,
    lag: u64,
) -> Result<LiveRead, String> {
    let block = trailing::block_request(&live.head, lag).map_err(|e| e.to_string())?;
    let reply = send(&url, &block).await;
    let t = trailing::trailing_head(&request, &live.head, lag, &reply)
        .map_err(|e| format!("The trailing block could not be read: {e}"))?;
    let requests = trailing::call_requests(&request, &t).map_err(|e| e.to_string())?;
    let replies = send_each(&url, &requests, |_| true)
        .await
        .unwrap_or_default();
    trailing::apply(&request, &live, &t, &replies).map_err(|e| e.to_string())
}

/// The realised APY of each token in `live`, with its window and blocks (or why not).
#[component]
pub(super) fn RealisedList(live: LiveRead) -> impl IntoView {
    let r = realised_yields(&live);
    let yields = r
        .yields
        .iter()
        .map(|y| {
            view! {
                <li data-token=y.token.clone()>
                    <strong>{y.token.clone()}</strong>": realised APY "
                    <span class="realised-apy">{format(Some(y.apy), Unit::Fraction)}</span>
                    {format!(
                        " (APR {}) from block {} ({} UTC) to block {} ({} UTC): {} blocks, {:.2} days",
                        format(Some(y.apr), Unit::Fraction),
                        y.from.block_number,
                        utc_time(y.from.block_timestamp),
                        y.to.block_number,
                        utc_time(y.to.block_timestamp),
                        y.window_blocks,
                        y.window_days()
                    )}
                </li>
            }
        })
        .collect_view();
    let missing = r
        .missing
        .iter()
        .map(|m| view! { <li class="realised-missing">{format!("{}: no realised yield — {}", m.token, m.reason)}</li> })
        .collect_view();
    view! { <ul class="realised-list">{yields}{missing}</ul> }
}

/// The panel: the lag, the button, and what the trailing read gave.
#[component]
pub(super) fn TrailingRead(fetched: RwSignal<Option<Fetched>>) -> impl IntoView {
    let lag = RwSignal::new(DEFAULT_LAG_BLOCKS as f64);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let read = move |_| {
        let Some(f) = fetched.get_untracked() else {
            return;
        };
        busy.set(true);
        error.set(None);
        let n = lag.get_untracked().round() as u64;
        spawn_local(async move {
            let out = read_trailing(f.url.clone(), f.request.clone(), f.live.clone(), n).await;
            busy.try_set(false);
            match out {
                Ok(live) => {
                    // Only into the read it was made for (a new refresh may have replaced it).
                    fetched.try_update(|cur| {
                        if let Some(cur) = cur.as_mut().filter(|c| c.head == f.head) {
                            cur.live = live;
                        }
                    });
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="trailing-h">
            <h2 id="trailing-h">"Realised yield: the rates at an earlier block"</h2>
            <p>
                "An exchange rate at one block says nothing about yield; at two blocks it gives the token's realised growth. "
                "This reads the same rate functions at the head's block minus a lag, and derives each token's realised "
                "APR = (r1/r0 − 1) · Y/Δt and APY = (r1/r0)^(Y/Δt) − 1, with Y = 365.25 days and Δt the two blocks' timestamps. "
                "The Yield page shows it beside the modelled net APY, as a check."
            </p>
            <p class="warning" id="archive-note">
                "On mainnet, reading an older block needs an archive-capable endpoint: most full nodes keep only the last 128 blocks' state "
                "and answer an older eth_call with an error. Then each rate says why and every preset is kept."
            </p>
            <NumberInput id="trailing-lag" label="Lag" unit="blocks" value=lag min=1.0 max=MAX_LAG_BLOCKS as f64 step=1.0 slider=false/>
            <p class="hint">{format!("{DEFAULT_LAG_BLOCKS} blocks ≈ 7 days at {SECONDS_PER_SLOT} s a slot (ethereum/consensus-specs, SECONDS_PER_SLOT); at most {MAX_LAG_BLOCKS}, about a year.")}</p>
            <p class="actions">
                <button type="button" id="read-trailing" disabled=move || busy.get() || fetched.with(Option::is_none) on:click=read>
                    {move || format!("Read the rates at head − {} blocks", lag.get().round())}
                </button>
            </p>
            {move || busy.get().then(|| view! { <p role="status">"Reading the trailing block…"</p> })}
            {move || error.get().map(|e| view! { <p class="error" id="trailing-error" role="alert">{e}</p> })}
            {move || fetched.get().map(|f| view! { <RealisedList live=f.live/> })}
        </section>
    }
}
