//! The web app's transport for core's live-read plan (`restake_core::chain`, issue 18): each
//! JSON-RPC request core planned is POSTed with `fetch` to the endpoint the user entered, and
//! what came back is handed to core as an [`RpcReply`] — the body text, a timeout, or a failure
//! below JSON-RPC. This file only moves text; core checks and decodes every answer.
//!
//! Limits, so a slow or hostile endpoint can delay the Data panel but never freeze the page:
//! - every request is aborted after [`TIMEOUT_MS`] (an `AbortController`), body included;
//! - the body is read as a stream and dropped past [`MAX_RESPONSE_BYTES`] (core's 4 MiB cap),
//!   so a huge or endless answer is never held whole;
//! - no cookies or other credentials (`credentials: "omit"`), no referrer, no cache, and a
//!   redirect is an error (the answer comes from the endpoint entered, or not at all).
//!
//! Only what core planned is sent, so the methods are core's `Method`s (`eth_chainId`,
//! `eth_getBlockByNumber`, `eth_call`).

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use restake_core::Error;
use restake_core::chain::rpc::MAX_RESPONSE_BYTES;
use restake_core::chain::{Head, LiveRead, ReadPlan, RpcReply, RpcRequest};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, Headers, ReadableStreamDefaultReader, ReferrerPolicy, RequestCache,
    RequestCredentials, RequestInit, RequestMode, RequestRedirect, Response,
};

/// How long one request may take, body included, ms.
pub const TIMEOUT_MS: i32 = 10_000;

/// A JS exception's message (`TypeError: Failed to fetch` → `Failed to fetch`).
fn js_text(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// POSTs `request` to `url` and gives back what happened: the body, [`RpcReply::TimedOut`]
/// after [`TIMEOUT_MS`], or [`RpcReply::Transport`] (refused connection, HTTP status, CORS,
/// a body over the cap or not UTF-8).
pub async fn send(url: &str, request: &RpcRequest) -> RpcReply {
    let transport = |message: String| RpcReply::Transport { message };
    let Some(window) = web_sys::window() else {
        return transport("no window to fetch from".to_owned());
    };
    let controller = match AbortController::new() {
        Ok(c) => c,
        Err(e) => return transport(js_text(e)),
    };
    let timed_out = Rc::new(Cell::new(false));
    let fired = timed_out.clone();
    let abort = controller.clone();
    let on_timeout = Closure::<dyn FnMut()>::new(move || {
        fired.set(true);
        abort.abort();
    });
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            TIMEOUT_MS,
        )
        .ok();
    let outcome = exchange(&window, url, request, &controller).await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    drop(on_timeout);
    match outcome {
        Ok(text) => RpcReply::Body { text },
        Err(_) if timed_out.get() => RpcReply::TimedOut,
        Err(message) => transport(message),
    }
}

/// Sends `requests` to `url` one at a time, in their order; after the `k`-th answer
/// `answered(k)` says whether to go on. The answers in order, or `None` when `answered` said
/// stop (the rest is not sent). One at a time keeps within a public endpoint's limits and
/// gives "answered of total" progress; each request is bounded by [`TIMEOUT_MS`], so `n`
/// requests take at most `n × TIMEOUT_MS`.
pub async fn send_each(
    url: &str,
    requests: &[RpcRequest],
    mut answered: impl FnMut(usize) -> bool,
) -> Option<Vec<RpcReply>> {
    let mut replies = Vec::with_capacity(requests.len());
    for r in requests {
        replies.push(send(url, r).await);
        if !answered(replies.len()) {
            return None;
        }
    }
    Some(replies)
}

/// Core's four steps of a read pinned to one block, all of one shape for the live read
/// (`chain::{plan, head, call_requests, apply}`) and the wallet read (`chain::wallet::…`).
pub struct Steps<R>(
    pub fn(&R) -> Result<ReadPlan, Error>,
    pub fn(&R, &[RpcReply]) -> Result<Head, Error>,
    pub fn(&R, &Head) -> Result<Vec<RpcRequest>, Error>,
    pub fn(&R, &Head, &[RpcReply]) -> Result<LiveRead, Error>,
);

/// What a pinned read sent and got, and core's reading of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    /// The block every call was pinned to.
    pub head: Head,
    /// The `eth_call` requests, in order.
    pub requests: Vec<RpcRequest>,
    /// Their answers, in order.
    pub replies: Vec<RpcReply>,
    /// Core's reading of the answers.
    pub live: LiveRead,
}

/// Reads `req` through `steps` from `url`: the head (the chain id and the latest block), then
/// the `eth_call` batches core pins to that block, one request at a time. A head core refuses
/// is `"{refused}: {why}"`; `progress(answered, total)` after each answer, `total` being the
/// head requests and the batches core planned.
pub async fn read_pinned<R>(
    url: &str,
    req: &R,
    steps: &Steps<R>,
    refused: &str,
    progress: impl Fn(usize, usize),
) -> Result<Pinned, String> {
    let Steps(plan, head, calls, apply) = steps;
    let plan = plan(req).map_err(|e| e.to_string())?;
    let total = plan.head.len() + plan.batches.len();
    progress(0, total);
    let all = |k: usize| {
        progress(k, total);
        true
    };
    let head_replies = send_each(url, &plan.head, all).await.unwrap_or_default();
    let head = head(req, &head_replies).map_err(|e| format!("{refused}: {e}"))?;
    let requests = calls(req, &head).map_err(|e| e.to_string())?;
    let n = plan.head.len();
    let replies = send_each(url, &requests, |k| {
        progress(n + k, total);
        true
    })
    .await
    .unwrap_or_default();
    let live = apply(req, &head, &replies).map_err(|e| e.to_string())?;
    Ok(Pinned {
        head,
        requests,
        replies,
        live,
    })
}

/// The request and its body, read within the cap.
async fn exchange(
    window: &web_sys::Window,
    url: &str,
    request: &RpcRequest,
    controller: &AbortController,
) -> Result<String, String> {
    let body = serde_json::to_string(request).map_err(|e| e.to_string())?;
    let headers = Headers::new().map_err(js_text)?;
    headers
        .set("content-type", "application/json")
        .map_err(js_text)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    init.set_headers(headers.as_ref());
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    init.set_redirect(RequestRedirect::Error);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_signal(Some(&controller.signal()));
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(js_text)?
        .dyn_into()
        .map_err(|_| "fetch gave no response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let Some(stream) = response.body() else {
        return Ok(String::new());
    };
    let reader = ReadableStreamDefaultReader::new(&stream).map_err(js_text)?;
    let mut bytes: Vec<u8> = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(js_text)?;
        let done = Reflect::get(&chunk, &JsValue::from_str("done"))
            .map_err(js_text)?
            .as_bool()
            .unwrap_or(true);
        if done {
            break;
        }
        let value: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))
            .map_err(js_text)?
            .dyn_into()
            .map_err(|_| "the body is not bytes".to_owned())?;
        let n = value.length() as usize;
        if bytes.len() + n > MAX_RESPONSE_BYTES {
            // Stop the download; the promise's outcome no longer matters.
            let _ = reader.cancel();
            return Err(format!(
                "the answer exceeds the {} MiB cap",
                MAX_RESPONSE_BYTES >> 20
            ));
        }
        let start = bytes.len();
        bytes.resize(start + n, 0);
        value.copy_to(&mut bytes[start..]);
    }
    String::from_utf8(bytes).map_err(|_| "the answer is not UTF-8 text".to_owned())
}

/// The endpoint as typed, checked: an `http://` or `https://` URL without a user name or
/// password (a browser refuses to fetch those). Errors are the reason in words.
pub fn endpoint(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Enter the URL of an Ethereum JSON-RPC endpoint.".to_owned());
    }
    let url = web_sys::Url::new(text)
        .map_err(|_| format!("“{text}” is not a URL (e.g. https://rpc.example.org/…)."))?;
    let scheme = url.protocol();
    if scheme != "http:" && scheme != "https:" {
        return Err(format!(
            "The endpoint must start with https:// (or http:// for a node on this computer), not {scheme}"
        ));
    }
    if !url.username().is_empty() || !url.password().is_empty() {
        return Err(
            "Remove the user name and password from the URL: a browser does not send them."
                .to_owned(),
        );
    }
    Ok(url.href())
}
