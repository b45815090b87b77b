//! Live market state for JS (issue 18): `mainnetLiveRequest()`, `planLiveRead(request)`,
//! `liveReadCalls(request, headReplies)`, `applyLiveRead(request, head, replies)`,
//! `liveRetryBatches(request, live)` (what a retry resends), `liveLendingMarkets(live)` (the lending presets with the live figures in them), `liveMorphoRates(live)` (Morpho markets' borrow rates at the block) and `livePools(live)` (the pools as the cascade takes them). The caller
//! sends the requests with any transport and passes back each answer as an `RpcReply`
//! (`{ kind: "body", text }`, `{ kind: "timedOut" }` or `{ kind: "transport", message }`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::chain::{self, Head, LiveRead, ReadRequest, RpcReply, RpcRequest};

/// The first cut of Ethereum mainnet reads (LRT rates and supplies, the Curve weETH/WETH pool,
/// Aave v3 Core reserves, Morpho Blue LRT markets), every address cited in docs/sources.md.
#[wasm_bindgen(js_name = mainnetLiveRequest, unchecked_return_type = "ReadRequest")]
pub fn mainnet_live_request_js() -> Result<JsValue, JsValue> {
    to_js(&ReadRequest::mainnet())
}

/// What a refresh of `request` sends: the two head requests, every call, the `aggregate3`
/// batches. Errors name the request's field (`rates[1].token`).
#[wasm_bindgen(js_name = planLiveRead, unchecked_return_type = "ReadPlan")]
pub fn plan_live_read_js(
    #[wasm_bindgen(unchecked_param_type = "ReadRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let request: ReadRequest = from_js(request, "request")?;
    to_js(&chain::plan(&request)?)
}

/// A read's head and its `eth_call` requests pinned to the head's block.
#[derive(Serialize)]
pub(crate) struct Calls {
    /// The block.
    pub head: Head,
    /// The requests to send, in order.
    pub requests: Vec<RpcRequest>,
}

/// The head from the answers to the plan's two head requests (chain id 1, or 31337 with
/// `allowLocalChain`; the latest block) and the `eth_call` requests pinned to its block.
#[wasm_bindgen(js_name = liveReadCalls, unchecked_return_type = "{ head: Head; requests: RpcRequest[] }")]
pub fn live_read_calls_js(
    #[wasm_bindgen(unchecked_param_type = "ReadRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RpcReply[]")] head_replies: JsValue,
) -> Result<JsValue, JsValue> {
    let request: ReadRequest = from_js(request, "request")?;
    let replies: Vec<RpcReply> = from_js(head_replies, "headReplies")?;
    let head = chain::head(&request, &replies)?;
    let requests = chain::call_requests(&request, &head)?;
    to_js(&Calls { head, requests })
}

/// The figures from the answers to `liveReadCalls`' requests, in order: each with its live
/// basis, each failed call with why (its figures keep their presets).
#[wasm_bindgen(js_name = applyLiveRead, unchecked_return_type = "LiveRead")]
pub fn apply_live_read_js(
    #[wasm_bindgen(unchecked_param_type = "ReadRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Head")] head: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RpcReply[]")] replies: JsValue,
) -> Result<JsValue, JsValue> {
    let request: ReadRequest = from_js(request, "request")?;
    let head: Head = from_js(head, "head")?;
    let replies: Vec<RpcReply> = from_js(replies, "replies")?;
    to_js(&chain::apply(&request, &head, &replies)?)
}

/// The batches a retry of `live` (what `applyLiveRead` returned for `request`) resends at the
/// same block, as indices into the plan's batches and `liveReadCalls`' requests: each batch
/// holding a call that timed out or met an RPC error. Resend those requests, put their answers
/// in place of the old ones and call `applyLiveRead` with all of them again.
#[wasm_bindgen(js_name = liveRetryBatches, unchecked_return_type = "number[]")]
pub fn live_retry_batches_js(
    #[wasm_bindgen(unchecked_param_type = "ReadRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
) -> Result<JsValue, JsValue> {
    let request: ReadRequest = from_js(request, "request")?;
    let live: LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    to_js(&chain::retry_batches(&request, &live)?)
}

/// The built-in lending presets with the live figures of `live` (a `LiveRead`, e.g. a
/// document's `live` section) that describe the same contracts: Aave v3 Core's weETH LTV,
/// threshold and bonus, its WETH and wstETH variable borrow rates, the Morpho ezETH/WETH 86% and
/// 77% markets' borrow rate at the block (`liveMorphoRates`). `{ markets, changes, kept }`:
/// every replaced figure beside the preset's value and source; presets whose live figures fail
/// the model's checks, kept whole, with why.
#[wasm_bindgen(js_name = liveLendingMarkets, unchecked_return_type = "LiveMarkets")]
pub fn live_lending_markets_js(
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
) -> Result<JsValue, JsValue> {
    let live: chain::LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    to_js(&crate::lending::live::live_markets(Some(&live)))
}

/// The borrow rate at the read's block of each Morpho Blue market of `live` whose
/// AdaptiveCurveIRM `rateAtTarget(id)` was read (`lending::morpho_live`): `{ rates, kept }`, each
/// rate with the IRM's input (utilisation, rate at target, seconds since the market's last
/// update), its output (per-second WADs as decimal strings and APRs), `borrowApr` (APR per year,
/// fraction), the rate model for the carry engine, and the basis of `rateAtTarget`.
#[wasm_bindgen(js_name = liveMorphoRates, unchecked_return_type = "MorphoLiveRates")]
pub fn live_morpho_rates_js(
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
) -> Result<JsValue, JsValue> {
    let live: chain::LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    to_js(&crate::lending::morpho_live::morpho_live_rates(&live))
}

/// Every pool of `live` (a `LiveRead`) as the cascade engine takes it (`lending::pool_live`):
/// `LivePool[]`, each with its venue, id, path in the read, the `Pool` (reserves in tokens and
/// ETH, `lrtRate` ETH per token, the fee a fraction) or why none could be built, and the basis
/// of its reserves. Pass a pool to `poolSell` or as a cascade's `pool`.
#[wasm_bindgen(js_name = livePools, unchecked_return_type = "LivePool[]")]
pub fn live_pools_js(
    #[wasm_bindgen(unchecked_param_type = "LiveRead")] live: JsValue,
) -> Result<JsValue, JsValue> {
    let live: chain::LiveRead = from_js(live, "live")?;
    live.validate("live")?;
    to_js(&crate::lending::pool_live::live_pools(&live))
}
