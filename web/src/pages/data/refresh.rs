//! One refresh, step by step through core's plan (`restake_core::chain`): the two head requests,
//! core's check of the chain and block, the `eth_call` batches pinned to that block, and core's
//! decoding into a `LiveRead`. Requests go one at a time through [`crate::rpc_fetch::read_pinned`], so
//! progress is "answered of total"; the page ignores a refresh it no longer waits for.

use restake_core::chain::{self, Head, LiveRead, ReadRequest, RpcReply, RpcRequest};

use crate::rpc_fetch::{Steps, read_pinned, send};

/// Core's steps of the live read.
const STEPS: Steps<ReadRequest> =
    Steps(chain::plan, chain::head, chain::call_requests, chain::apply);

/// Why nothing is read when the head is refused.
const REFUSED: &str =
    "The chain's head could not be read, so nothing was read and every preset is kept";

/// A finished refresh: what was asked, of whom, every answer, and core's reading of them (kept
/// so a retry resends only what failed, pinned to the same block).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fetched {
    pub request: ReadRequest,
    pub url: String,
    pub head: Head,
    pub requests: Vec<RpcRequest>,
    pub replies: Vec<RpcReply>,
    pub live: LiveRead,
}

/// Reads `request` from `url`: `progress(answered, total)` after each answer. Errors (the plan,
/// the head, a chain that is not mainnet) are sentences for the page; nothing is read then.
pub(super) async fn read(
    url: String,
    request: ReadRequest,
    progress: impl Fn(usize, usize),
) -> Result<Fetched, String> {
    let p = read_pinned(&url, &request, &STEPS, REFUSED, progress).await?;
    Ok(Fetched {
        request,
        url,
        head: p.head,
        requests: p.requests,
        replies: p.replies,
        live: p.live,
    })
}

/// Resends, at `f`'s block, the batches core names for a retry ([`chain::retry_batches`]: those
/// holding a timed-out or RPC-errored call) and decodes all answers again;
/// `progress(answered, total)` over the resent ones.
pub(super) async fn retry(f: Fetched, progress: impl Fn(usize, usize)) -> Result<Fetched, String> {
    let again = chain::retry_batches(&f.request, &f.live).map_err(|e| e.to_string())?;
    let mut replies = f.replies.clone();
    progress(0, again.len());
    for (k, &i) in again.iter().enumerate() {
        if let (Some(slot), Some(r)) = (replies.get_mut(i), f.requests.get(i)) {
            *slot = send(&f.url, r).await;
        }
        progress(k + 1, again.len());
    }
    let live = chain::apply(&f.request, &f.head, &replies).map_err(|e| e.to_string())?;
    Ok(Fetched { replies, live, ..f })
}
