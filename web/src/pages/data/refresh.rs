//! One refresh, step by step through core's plan (`restake_core::chain`): the two head requests,
//! core's check of the chain and block, the `eth_call` batches pinned to that block, and core's
//! decoding into a `LiveRead`. Requests go one at a time through [`crate::rpc_fetch::send`], so
//! progress is "answered of total"; the page ignores a refresh it no longer waits for.

use restake_core::chain::{self, Head, LiveRead, ReadRequest, RpcReply, RpcRequest};

use crate::rpc_fetch::send;

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
    let plan = chain::plan(&request).map_err(|e| format!("The read request is refused: {e}"))?;
    let total = plan.head.len() + plan.batches.len();
    progress(0, total);
    let mut head_replies = Vec::with_capacity(plan.head.len());
    for r in &plan.head {
        head_replies.push(send(&url, r).await);
        progress(head_replies.len(), total);
    }
    let head = chain::head(&request, &head_replies).map_err(|e| {
        format!(
            "The chain's head could not be read, so nothing was read and every preset is kept: {e}"
        )
    })?;
    let requests = chain::call_requests(&request, &head).map_err(|e| e.to_string())?;
    let mut replies = Vec::with_capacity(requests.len());
    for r in &requests {
        replies.push(send(&url, r).await);
        progress(plan.head.len() + replies.len(), total);
    }
    let live = chain::apply(&request, &head, &replies).map_err(|e| e.to_string())?;
    Ok(Fetched {
        request,
        url,
        head,
        requests,
        replies,
        live,
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
