//! The rates again at a trailing block, sans-I/O: an exchange rate at one block says nothing
//! about yield, at two blocks it gives the token's realised growth (`yield_stack::realised`
//! turns the pair into an APR and an APY).
//!
//! After a live read ([`super::plan`] → [`super::head`] → [`super::apply`]) at head block `H`:
//! 1. [`block_request`] asks for block `H − lag` (`eth_getBlockByNumber`, id 2), the lag in
//!    blocks chosen by the caller, `1..=`[`MAX_LAG_BLOCKS`] and at most `H` (block 0 is
//!    genesis: an earlier block does not exist);
//! 2. [`trailing_head`] reads its answer into a [`Head`] (the number asked for, a timestamp no
//!    later than the head's, the head's chain);
//! 3. [`call_requests`] gives the request's rate calls only (no supplies, pools or reserves)
//!    as `eth_call`s pinned to that block: on mainnet an older block's state needs an
//!    archive-capable endpoint (a full node keeps about the last 128 blocks' state), so a
//!    plain endpoint answers each with an RPC error;
//! 4. [`apply`] decodes the answers and returns the live read with the trailing figures in
//!    it: `trailing.rates.<id>.exchangeRate`, each with its [`super::LiveBasis`] at the
//!    trailing block, and each failed call as a `trailing.rates.<id>` [`super::LiveFailure`]
//!    (the head's figures and presets are untouched either way). A second trailing read
//!    replaces the first. Frozen into a scenario's `live` section, the snapshot carries both
//!    blocks' rates.

use serde_json::json;

use super::plan::{self, Decode};
use super::{Head, LiveRead, MAX_LIVE_ENTRIES, ReadRequest, RpcReply, RpcRequest};
use super::{Method, apply_calls, block_header, check_chain, pinned_requests, request};
use crate::Error;

/// Seconds per slot on Ethereum mainnet, 12 (`SECONDS_PER_SLOT`, ethereum/consensus-specs
/// configs/mainnet.yaml). A slot holds at most one block, so `n` blocks span at least
/// `12 · n` s (more when slots are missed); the realised figures use the blocks' timestamps.
pub const SECONDS_PER_SLOT: u64 = 12;

/// The default lag, blocks: 7 days of 12-second slots, `7 · 86,400 / 12` = 50,400.
pub const DEFAULT_LAG_BLOCKS: u64 = 50_400;

/// The longest lag, blocks: one Julian year of 12-second slots, `365.25 · 86,400 / 12` =
/// 2,629,800.
pub const MAX_LAG_BLOCKS: u64 = 2_629_800;

/// What a trailing figure's path starts with (`trailing.rates.weETH.exchangeRate`).
pub const PREFIX: &str = "trailing.";

/// `lag_blocks` is in `1..=MAX_LAG_BLOCKS` and at most `head`'s block (no block before
/// genesis); the trailing block's number.
fn trailing_number(head: &Head, lag_blocks: u64) -> Result<u64, Error> {
    if lag_blocks == 0 || lag_blocks > MAX_LAG_BLOCKS {
        return Err(Error::OutOfRange {
            field: "lagBlocks".to_owned(),
            value: lag_blocks as f64,
            expected: format!("a lag of 1 to {MAX_LAG_BLOCKS} blocks"),
        });
    }
    head.block_number
        .checked_sub(lag_blocks)
        .ok_or_else(|| Error::OutOfRange {
            field: "lagBlocks".to_owned(),
            value: lag_blocks as f64,
            expected: format!(
                "at most the head's block number {} (block {} − {lag_blocks} would be before genesis)",
                head.block_number, head.block_number
            ),
        })
}

/// The request for the trailing block `head − lag_blocks`: `eth_getBlockByNumber(n, false)`,
/// id 2. Errors name `lagBlocks` (0, over [`MAX_LAG_BLOCKS`], or before genesis).
///
/// ```
/// use restake_core::chain::{Head, trailing};
/// let head = Head { chain_id: 1, block_number: 21_050_400, block_timestamp: 0, block_hash: format!("0x{}", "0".repeat(64)) };
/// let r = trailing::block_request(&head, trailing::DEFAULT_LAG_BLOCKS).unwrap();
/// assert_eq!(r.params, serde_json::json!(["0x1406f40", false])); // 21,000,000
/// assert_eq!(trailing::block_request(&head, 21_050_401).unwrap_err().field(), "lagBlocks");
/// ```
pub fn block_request(head: &Head, lag_blocks: u64) -> Result<RpcRequest, Error> {
    let n = trailing_number(head, lag_blocks)?;
    Ok(RpcRequest::new(
        2,
        Method::GetBlockByNumber,
        json!([format!("{n:#x}"), false]),
    ))
}

/// The trailing block from the answer to [`block_request`]: it must be block
/// `head − lag_blocks`, no later than the head (timestamp), on the head's chain (which
/// `req` must allow). Errors name `lagBlocks`, `head.chainId` or `trailing.<key>`.
pub fn trailing_head(
    req: &ReadRequest,
    head: &Head,
    lag_blocks: u64,
    reply: &RpcReply,
) -> Result<Head, Error> {
    check_chain(req, "head.chainId", head.chain_id)?;
    let want = trailing_number(head, lag_blocks)?;
    let mut t = block_header(reply, "trailing")?;
    if t.block_number != want {
        return Err(Error::OutOfRange {
            field: "trailing.number".to_owned(),
            value: t.block_number as f64,
            expected: format!("block {want}, the one asked for"),
        });
    }
    if t.block_timestamp > head.block_timestamp {
        return Err(Error::OutOfRange {
            field: "trailing.timestamp".to_owned(),
            value: t.block_timestamp as f64,
            expected: format!(
                "at most the head's timestamp {} (an earlier block cannot be later)",
                head.block_timestamp
            ),
        });
    }
    t.chain_id = head.chain_id;
    Ok(t)
}

/// The rate calls of `req`, their figures under `trailing.rates.<id>`.
fn rate_calls(req: &ReadRequest) -> Result<Vec<plan::Call>, Error> {
    Ok(plan::calls(req)?
        .into_iter()
        .filter(|c| c.decode == Decode::Rate)
        .map(|c| plan::Call {
            field: format!("{PREFIX}{}", c.field),
            ..c
        })
        .collect())
}

/// The rate calls of `req` (one per rate target, in order) as `eth_call`s pinned to the
/// trailing block (`aggregate3` batches, ids 3, 4, …). Errors are the plan's.
pub fn call_requests(req: &ReadRequest, trailing: &Head) -> Result<Vec<RpcRequest>, Error> {
    Ok(pinned_requests(&rate_calls(req)?, trailing))
}

/// `live` with the trailing figures from the answers to [`call_requests`] (one per batch, in
/// order): any earlier `trailing.` entries are replaced, everything else is kept as it was.
/// `trailing` is checked against `live`'s head (same chain, an earlier block, no later
/// timestamp), as a JS caller passes both back; errors name `trailing.<key>` or `replies`.
pub fn apply(
    req: &ReadRequest,
    live: &LiveRead,
    trailing: &Head,
    replies: &[RpcReply],
) -> Result<LiveRead, Error> {
    check_chain(req, "head.chainId", live.head.chain_id)?;
    request::word("trailing.blockHash", &trailing.block_hash)?;
    if trailing.chain_id != live.head.chain_id {
        return Err(Error::OutOfRange {
            field: "trailing.chainId".to_owned(),
            value: trailing.chain_id as f64,
            expected: format!("the head's chain id {}", live.head.chain_id),
        });
    }
    if trailing.block_number >= live.head.block_number {
        return Err(Error::OutOfRange {
            field: "trailing.blockNumber".to_owned(),
            value: trailing.block_number as f64,
            expected: format!("below the head's block {}", live.head.block_number),
        });
    }
    if trailing.block_timestamp > live.head.block_timestamp {
        return Err(Error::OutOfRange {
            field: "trailing.blockTimestamp".to_owned(),
            value: trailing.block_timestamp as f64,
            expected: format!("at most the head's timestamp {}", live.head.block_timestamp),
        });
    }
    let read = apply_calls(trailing, &rate_calls(req)?, replies)?;
    let mut out = live.clone();
    out.values.retain(|v| !v.field.starts_with(PREFIX));
    out.failures.retain(|f| !f.field.starts_with(PREFIX));
    out.values.extend(read.values);
    out.failures.extend(read.failures);
    let n = out.values.len() + out.failures.len();
    if n > MAX_LIVE_ENTRIES {
        return Err(Error::OutOfRange {
            field: "replies".to_owned(),
            value: n as f64,
            expected: format!("at most {MAX_LIVE_ENTRIES} values and failures in all"),
        });
    }
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "trailing_tests.rs"]
mod tests;
