//! JSON-RPC 2.0 as the plan speaks it: the only methods it can name ([`Method`]: chain id, block
//! and block header, `eth_call`), and the checks every answer passes before anything is decoded
//! (size cap, matching `id`, a `result` of the expected type or an `error` object).

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Largest response body accepted, bytes (4 MiB: a 32-call `aggregate3` answer is a few kB).
pub const MAX_RESPONSE_BYTES: usize = 4 << 20;

/// Longest error message kept from an RPC error or a revert, characters.
pub const MAX_MESSAGE_CHARS: usize = 200;

/// The read-only methods a plan sends; nothing else can be named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub enum Method {
    /// `eth_chainId`.
    #[serde(rename = "eth_chainId")]
    ChainId,
    /// `eth_getBlockByNumber`.
    #[serde(rename = "eth_getBlockByNumber")]
    GetBlockByNumber,
    /// `eth_call`.
    #[serde(rename = "eth_call")]
    Call,
}

/// One JSON-RPC request, to POST as JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
pub struct RpcRequest {
    /// Always `"2.0"`.
    pub jsonrpc: &'static str,
    /// The id the answer must echo.
    pub id: u64,
    /// The method.
    pub method: Method,
    /// Its parameters.
    #[cfg_attr(feature = "js", tsify(type = "unknown[]"))]
    pub params: Value,
}

impl RpcRequest {
    pub(crate) fn new(id: u64, method: Method, params: Value) -> RpcRequest {
        RpcRequest {
            jsonrpc: "2.0",
            id,
            method,
            params,
        }
    }
}

/// What the transport got for one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum RpcReply {
    /// The HTTP response body, as text.
    Body {
        /// The body.
        text: String,
    },
    /// No answer within the transport's timeout.
    TimedOut,
    /// The request failed below JSON-RPC (connection refused, HTTP status, body too large).
    Transport {
        /// What the transport says.
        message: String,
    },
}

/// Why an answer could not be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Failure {
    /// The contract reverted (`success = false` in `aggregate3`, or an RPC error carrying revert data).
    Reverted {
        /// The revert data, `0x` + hex (at most 256 bytes kept).
        data: String,
        /// The `Error(string)` reason, when the data holds one.
        reason: Option<String>,
    },
    /// The transport gave up waiting.
    TimedOut,
    /// The endpoint answered with a JSON-RPC error, or the request never reached it.
    RpcError {
        /// The JSON-RPC error code (0 for a transport failure).
        code: i64,
        /// The message, shortened to 200 characters.
        message: String,
    },
    /// The answer is not what the function returns (too short, too long, wrong types, not hex …).
    UnexpectedShape {
        /// What is wrong.
        detail: String,
    },
}

impl Failure {
    /// Whether the same call at the same block may succeed if sent again: the answer never came
    /// ([`Failure::TimedOut`]) or the endpoint erred ([`Failure::RpcError`]). A revert or an
    /// answer of the wrong shape at a pinned block comes back the same.
    pub fn is_transient(&self) -> bool {
        matches!(self, Failure::TimedOut | Failure::RpcError { .. })
    }
}

/// Text shortened to [`MAX_MESSAGE_CHARS`] characters.
pub(crate) fn short(s: &str) -> String {
    s.chars().take(MAX_MESSAGE_CHARS).collect()
}

fn shape(detail: impl Into<String>) -> Failure {
    Failure::UnexpectedShape {
        detail: detail.into(),
    }
}

/// The `result` of the answer to request `id`: size-capped, JSON, an object with `"id": id`, and
/// either a `result` or an `error` object.
pub(crate) fn result(reply: &RpcReply, id: u64) -> Result<Value, Failure> {
    let text = match reply {
        RpcReply::Body { text } => text,
        RpcReply::TimedOut => return Err(Failure::TimedOut),
        RpcReply::Transport { message } => {
            return Err(Failure::RpcError {
                code: 0,
                message: short(message),
            });
        }
    };
    if text.len() > MAX_RESPONSE_BYTES {
        return Err(shape(format!(
            "response of {} bytes exceeds the {MAX_RESPONSE_BYTES}-byte cap",
            text.len()
        )));
    }
    let mut body: Value = serde_json::from_str(text)
        .map_err(|e| shape(format!("not JSON: {}", short(&e.to_string()))))?;
    let Some(obj) = body.as_object_mut() else {
        return Err(shape("not a JSON-RPC response object"));
    };
    if obj.get("id").and_then(Value::as_u64) != Some(id) {
        return Err(shape(format!(
            "answer to another request (id {}, expected {id})",
            short(&obj.get("id").map_or("none".to_owned(), Value::to_string))
        )));
    }
    if let Some(err) = obj.get("error") {
        let code = err.get("code").and_then(Value::as_i64).unwrap_or(0);
        let message = err
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("(no message)");
        // Geth-style nodes put revert data in `error.data` (code 3).
        if let Some(data) = err
            .get("data")
            .and_then(Value::as_str)
            .and_then(|d| hex_bytes(d).ok())
        {
            return Err(reverted(&data));
        }
        return Err(Failure::RpcError {
            code,
            message: short(message),
        });
    }
    obj.remove("result")
        .ok_or_else(|| shape("neither result nor error"))
}

/// A revert from its data: the first 256 bytes as hex and the `Error(string)` reason if any.
pub(crate) fn reverted(data: &[u8]) -> Failure {
    Failure::Reverted {
        data: alloy_primitives::hex::encode_prefixed(&data[..data.len().min(256)]),
        reason: alloy_sol_types::decode_revert_reason(data)
            .filter(|r| !r.is_empty())
            .map(|r| short(&r)),
    }
}

/// Bytes from `0x`-prefixed hex of even length.
pub(crate) fn hex_bytes(s: &str) -> Result<Vec<u8>, Failure> {
    let digits = s
        .strip_prefix("0x")
        .ok_or_else(|| shape("hex without 0x prefix"))?;
    alloy_primitives::hex::decode(digits).map_err(|e| shape(format!("not hex: {e}")))
}

/// A JSON-RPC quantity (`0x` + hex without leading zeros, at most 64 bits).
pub(crate) fn quantity(v: &Value) -> Result<u64, Failure> {
    let s = v.as_str().ok_or_else(|| {
        shape(format!(
            "expected a hex quantity, got {}",
            short(&v.to_string())
        ))
    })?;
    let digits = s
        .strip_prefix("0x")
        .ok_or_else(|| shape("quantity without 0x prefix"))?;
    if digits.is_empty() || digits.len() > 16 || (digits.len() > 1 && digits.starts_with('0')) {
        return Err(shape(format!("malformed quantity {}", short(s))));
    }
    u64::from_str_radix(digits, 16).map_err(|_| shape(format!("malformed quantity {}", short(s))))
}
