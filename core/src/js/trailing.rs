//! The trailing read and the realised yield for JS: `trailingBlockRequest(head, lagBlocks)`,
//! `trailingReadCalls(request, head, lagBlocks, blockReply)`, `applyTrailingRead(request, live,
//! trailing, replies)` (core's `chain::trailing`) and `realisedYields(live)`
//! (`yield_stack::realised`). The caller sends the requests with any transport, as for the live
//! read; on mainnet the trailing block's `eth_call`s need an archive-capable endpoint.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::chain::{Head, LiveRead, ReadRequest, RpcReply, RpcRequest, trailing};

/// Reads a lag, in blocks, from a JS number (a whole number ≥ 0; the bounds are core's).
fn lag_from(value: JsValue) -> Result<u64, JsValue> {
    from_js(value, "lagBlocks")
}

/// The request for the trailing block, `head − lagBlocks` (`eth_getBlockByNumber`, id 2).
/// `lagBlocks` is 1 to 2,629,800 (a year of 12-second slots) and at most the head's block
/// number (no block before genesis); errors name `lagBlocks`.
#[wasm_bindgen(js_name = trailingBlockRequest, unchecked_return_type = "RpcRequest")]
pub fn trailing_block_request_js(
    #[wasm_bindgen(unchecked_param_type = "Head")] head: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] lag_blocks: JsValue,
) -> Result<JsValue, JsValue> {
    let head: Head = from_js(head, "head")?;
    to_js(&trailing::block_request(&head, lag_from(lag_blocks)?)?)
}

/// The trailing block and its `eth_call` requests.
#[derive(Serialize)]
struct TrailingCalls {
    /// The trailing block.
    trailing: Head,
    /// The rate calls pinned to it, in order.
    requests: Vec<RpcRequest>,
}

/// The trailing block from the answer to `trailingBlockRequest` (the block asked for, no later
/// than `head`) and the request's rate calls as `eth_call`s pinned to it.
#[wasm_bindgen(js_name = trailingReadCalls, unchecked_return_type = "{ trailing: Head; requests: RpcRequest[] }")]
pub fn trailing_read_calls_js(
    #[wasm_bindgen(unchecked_param_type = "ReadRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Head")] head: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] lag_blocks: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RpcReply")] block_reply: JsValue,
) -> Result<JsValue, JsValue> {
    let request: ReadRequest = from_js(request, "request")?;
    let head: Head = from_js(head, "head")?;
    let reply: RpcReply = from_js(block_reply, "blockReply")?;
    let t = trailing::trailing_head(&request, &head, lag_from(lag_blocks)?, &reply)?;
    let requests = trailing::call_requests(&request, &t)?;
    to_js(&TrailingCalls {
        trailing: t,
        requests,
    })
}

/// `live` (what `applyLiveRead` returned) with the trailing figures from the answers to
/// `trailingReadCalls`' requests: `trailing.rates.<id>.exchangeRate` at the trailing block,
/// each failed call as a `trailing.rates.<id>` failure (the head's figures untouched).
#[wasm_bindgen(js_name = applyTrailingRead, unchecked_return_type = "LiveRead")]
pub fn apply_trailing_read_js(
    #[wasm_bindgen(unchecked_param_type = "ReadRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Head")] trailing_head: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RpcReply[]")] replies: JsValue,
) -> Result<JsValue, JsValue> {
    let request: ReadRequest = from_js(request, "request")?;
    let live: LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    let t: Head = from_js(trailing_head, "trailing")?;
    let replies: Vec<RpcReply> = from_js(replies, "replies")?;
    to_js(&trailing::apply(&request, &live, &t, &replies)?)
}

/// Each token's realised APR and APY between the trailing block and the head of `live` (a
/// `LiveRead` with a trailing read, e.g. a document's `live` section): APR = (r1/r0 − 1) ·
/// Y/Δt, APY = (r1/r0)^(Y/Δt) − 1, Y = 31,557,600 s; `{ yields, missing }`.
#[wasm_bindgen(js_name = realisedYields, unchecked_return_type = "RealisedYields")]
pub fn realised_yields_js(
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
) -> Result<JsValue, JsValue> {
    let live: LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    to_js(&crate::yield_stack::realised::realised_yields(&live))
}
