//! "Import network" on the Data panel (issue 19): core's [`NetworkImporter`] plans each round of
//! requests and reads each round's answers; this file only moves them through
//! [`crate::rpc_fetch::send_each`] to the endpoint above, one request at a time, and shows each
//! LRT's progress. The import is bounded (at most [`MAX_ROUNDS`] rounds of capped lists, each
//! request at most [`crate::rpc_fetch::TIMEOUT_MS`]) and can be stopped between any two
//! requests. A finished import stays in this tab ([`crate::store::imported`]); "Start from
//! today's network of …" puts one LRT's part into the scenario (`Scenario::start_from_import`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use restake_core::chain::network_import::limits::MAX_ROUNDS;
use restake_core::chain::network_import::{
    ImportPhase, ImportStep, LrtProgress, NetworkImport, NetworkImportRequest, NetworkImporter,
};

use super::network_view::{ImportResult, ProgressTable};
use crate::rpc_fetch::{endpoint, send_each};
use crate::store::imported::use_imported;

/// Longest network-import request accepted in the text box, bytes (64 LRTs' staker lists of 64
/// addresses are about 300 kB; a request naming contracts is a few kB).
const MAX_REQUEST_BYTES: usize = 512 * 1024;

/// Where the import stands.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Idle,
    Running {
        round: usize,
        answered: usize,
        total: usize,
        lrts: Vec<LrtProgress>,
    },
    Stopped,
    Failed(String),
}

/// The contracts: mainnet's, or the user's own request as JSON (a fork, the local chain).
fn request_of(own: bool, text: &str) -> Result<NetworkImportRequest, String> {
    if !own {
        return Ok(NetworkImportRequest::mainnet());
    }
    super::parse_json(text, MAX_REQUEST_BYTES, "network import request")
}

/// Runs one import of `request` from `url`: `show(round, answered, total, progress)` after each
/// answer, `current()` false stops it before the next request (`Ok(None)`). Errors are
/// sentences for the page.
async fn run(
    url: String,
    request: NetworkImportRequest,
    current: impl Fn() -> bool,
    show: impl Fn(usize, usize, usize, &[LrtProgress]),
) -> Result<Option<NetworkImport>, String> {
    let (mut importer, mut step) = NetworkImporter::start(&request)
        .map_err(|e| format!("The import request is refused: {e}"))?;
    for round in 1..=MAX_ROUNDS {
        let (requests, progress) = match step {
            ImportStep::Done { import } => return Ok(Some(*import)),
            ImportStep::Calls { requests, progress } => (requests, progress),
        };
        let total = requests.len();
        show(round, 0, total, &progress);
        let answered = |k: usize| {
            if !current() {
                return false;
            }
            show(round, k, total, &progress);
            true
        };
        let Some(replies) = send_each(&url, &requests, answered).await else {
            return Ok(None);
        };
        step = importer.on_replies(&replies).map_err(|e| {
            if progress.iter().all(|l| l.phase == ImportPhase::Head) {
                format!("The chain's head could not be read, so nothing was imported: {e}")
            } else {
                format!("The import stopped in round {round}, so nothing was imported: {e}")
            }
        })?;
    }
    match step {
        ImportStep::Done { import } => Ok(Some(*import)),
        ImportStep::Calls { .. } => Err(format!(
            "The import did not finish in {MAX_ROUNDS} rounds, so nothing was imported."
        )),
    }
}

/// The Data page's network import. `url` is the endpoint field's text; `own` whether the user
/// reads their own contracts (then the request is JSON, and chain id 31337 may be allowed in it).
#[component]
pub(super) fn NetworkImportPanel(url: RwSignal<String>, own: RwSignal<bool>) -> impl IntoView {
    let imported = use_imported().0;
    let request_text = RwSignal::new(String::new());
    let status = RwSignal::new(Status::Idle);
    // The import the page waits for; answers to an older one are dropped.
    let run_id = StoredValue::new(0u64);
    let running = move || matches!(status.get(), Status::Running { .. });
    let start = move || {
        let url = match endpoint(&url.get_untracked()) {
            Ok(u) => u,
            Err(e) => return status.set(Status::Failed(e)),
        };
        let request = match request_of(own.get_untracked(), &request_text.get_untracked()) {
            Ok(r) => r,
            Err(e) => {
                return status.set(Status::Failed(format!(
                    "The network import request is refused: {e}"
                )));
            }
        };
        run_id.update_value(|r| *r += 1);
        let me = run_id.get_value();
        let current = move || run_id.try_get_value() == Some(me);
        let show = move |round: usize, answered: usize, total: usize, lrts: &[LrtProgress]| {
            if current() {
                status.try_set(Status::Running {
                    round,
                    answered,
                    total,
                    lrts: lrts.to_vec(),
                });
            }
        };
        status.set(Status::Running {
            round: 0,
            answered: 0,
            total: 0,
            lrts: Vec::new(),
        });
        spawn_local(async move {
            let out = run(url, request, current, show).await;
            if !current() {
                return;
            }
            match out {
                Ok(Some(import)) => {
                    imported.try_set(Some(import));
                    status.try_set(Status::Idle);
                }
                Ok(None) => {
                    status.try_set(Status::Stopped);
                }
                Err(e) => {
                    status.try_set(Status::Failed(e));
                }
            }
        });
    };
    let stop = move || {
        run_id.update_value(|r| *r += 1);
        status.set(Status::Stopped);
    };
    let status_view = move || {
        match status.get() {
        Status::Idle => None,
        Status::Running {
            round,
            answered,
            total,
            lrts,
        } => Some(view! {
            <p>
                <progress id="netimport-progress" max=MAX_ROUNDS.to_string() value=round.saturating_sub(1).to_string() aria-label="Rounds done"></progress>
                {format!(" Importing… round {round} of at most {MAX_ROUNDS}: {answered} of {total} requests answered.")}
            </p>
            <ProgressTable lrts=lrts id="netimport-lrts"/>
        }.into_any()),
        Status::Stopped => Some(view! { <p id="netimport-stopped">"Stopped. Nothing was imported; the scenario is unchanged."</p> }.into_any()),
        Status::Failed(e) => Some(view! { <p class="error" id="netimport-error">{e}</p> }.into_any()),
    }
    };
    let hint = format!(
        "Reads, through the endpoint above, which operators each LRT delegates to, the operator sets (AVSs) they allocate \
         to and how much, as EigenLayer's DelegationManager and AllocationManager say at one block. Up to {MAX_ROUNDS} \
         rounds of requests, every list capped; you can stop at any time."
    );
    view! {
        <section class="panel" aria-labelledby="netimport-h">
            <h2 id="netimport-h">"Each LRT's network"</h2>
            <p id="netimport-hint">{hint}</p>
            {move || own.get().then(|| view! {
                <label for="network-request">"Network import request (JSON: delegationManager, allocationManager, strategies, lrts)"</label>
                <textarea id="network-request" rows="6" spellcheck="false" prop:value=move || request_text.get()
                    on:input=move |ev| request_text.set(event_target_value(&ev))></textarea>
            })}
            <p class="actions">
                <button type="button" id="import-network" aria-describedby="netimport-hint" disabled=running on:click=move |_| start()>"Import network"</button>
                {move || running().then(|| view! { <button type="button" class="secondary" id="stop-network" on:click=move |_| stop()>"Stop"</button> })}
            </p>
            <div role="status" aria-live="polite" id="netimport-status">{status_view}</div>
            {move || imported.with(|i| i.clone()).map(|i| view! { <ImportResult import=i/> })}
        </section>
    }
}
