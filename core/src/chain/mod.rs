//! Live market state, sans-I/O (issue 18): core plans the JSON-RPC calls and decodes the answers;
//! the caller (the web app with `fetch`, a Node script with any client) sends them.
//!
//! 1. [`plan`] validates a [`ReadRequest`] and returns the [`ReadPlan`]: two head requests
//!    (`eth_chainId`, `eth_getBlockByNumber("latest")`) and the Multicall3 `aggregate3` batches.
//! 2. [`head`] reads the two answers into a [`Head`]: the chain id must be 1, or 31337 when the
//!    request sets `allowLocalChain`; the block's number, timestamp and hash.
//! 3. [`call_requests`] gives the batches as `eth_call` requests pinned to that block.
//! 4. [`apply`] decodes their answers into a [`LiveRead`]: each figure with its [`LiveBasis`]
//!    (chain, block, contract, function), each failed call with its [`Failure`] (reverted, timed
//!    out, RPC error, unexpected shape), whose figures keep their presets.
//! 5. [`retry_batches`] names the batches worth resending at the same block (those holding a
//!    timed-out or RPC-errored call); the caller resends them and [`apply`]s every answer again.
//!
//! [`trailing`] reads the same rates again at a trailing block (head − a lag the caller
//! chooses), so two rates and two timestamps give each token's realised growth.
//!
//! [`network_import`] reads each LRT's network (operators, operator sets, delegations,
//! allocations) the same way, in several rounds.
//!
//! Nothing an endpoint sends can panic: bodies are size-capped ([`rpc::MAX_RESPONSE_BYTES`]),
//! JSON and hex are checked, and ABI data is decoded by `alloy-sol-types` in strict mode.

mod abi;
pub mod balancer;
pub mod block_time;
pub mod capo;
mod decode;
pub mod emode;
pub mod emode_asset;
pub(crate) mod live_source;
mod mainnet;
mod morpho_rate;
pub mod network_import;
pub mod plan;
pub mod request;
pub mod rpc;
pub mod trailing;
pub mod wallet;

use alloy_sol_types::SolCall;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::Error;
pub use plan::{Batch, MULTICALL3, PlannedCall};
pub use request::ReadRequest;
pub use rpc::{Failure, Method, RpcReply, RpcRequest};

/// Ethereum mainnet's chain id.
pub const MAINNET_CHAIN_ID: u64 = 1;

/// The local test chain's id (Hardhat's default), accepted only with `allowLocalChain`.
pub const LOCAL_CHAIN_ID: u64 = 31337;

/// Most figures and failures a [`LiveRead`] may hold (a document's snapshot included).
pub const MAX_LIVE_ENTRIES: usize = 4096;

/// What a refresh will send: the head requests and the `aggregate3` batches.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ReadPlan {
    /// `eth_chainId` (id 1) and `eth_getBlockByNumber("latest", false)` (id 2), answered first.
    pub head: Vec<RpcRequest>,
    /// Every contract call, in order.
    pub calls: Vec<PlannedCall>,
    /// The calls grouped into `aggregate3` batches, one `eth_call` each.
    pub batches: Vec<Batch>,
}

/// The block every call is pinned to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Head {
    /// The chain id the endpoint reported.
    pub chain_id: u64,
    /// The block number.
    pub block_number: u64,
    /// The block's timestamp, unix seconds.
    pub block_timestamp: u64,
    /// The block hash, `0x` + 64 hex digits.
    pub block_hash: String,
}

/// Where a live figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveBasis {
    /// Chain id.
    pub chain_id: u64,
    /// Block number the call was pinned to.
    pub block_number: u64,
    /// That block's timestamp, unix seconds.
    pub block_timestamp: u64,
    /// The contract called, checksummed.
    pub address: String,
    /// The function's signature (`getRate()`).
    pub function: String,
}

/// One figure read from the chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveValue {
    /// Its path (`rates.weETH.exchangeRate`, `aaveReserves.core-weETH.ltv`).
    pub field: String,
    /// The integer the contract returned, in decimal (exact); absent for a derived figure
    /// (utilisation).
    pub raw: Option<String>,
    /// The value in `unit`.
    pub value: f64,
    /// Its unit (`ETH per token`, `fraction`, `APR fraction`, `tokens`).
    pub unit: String,
    /// Where it comes from.
    pub basis: LiveBasis,
}

/// One call that gave no figure; the figures it would have filled keep their presets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveFailure {
    /// The path its figures go under (`rates.weETH`).
    pub field: String,
    /// The contract, checksummed.
    pub address: String,
    /// The function's signature.
    pub function: String,
    /// Why.
    pub reason: Failure,
}

/// The outcome of a refresh: the block, the figures read and the calls that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveRead {
    /// The block all calls were pinned to.
    pub head: Head,
    /// The figures, in plan order.
    pub values: Vec<LiveValue>,
    /// The calls that failed, in plan order.
    pub failures: Vec<LiveFailure>,
}

impl LiveRead {
    /// The figure at `field`, if it was read.
    pub fn value(&self, field: &str) -> Option<&LiveValue> {
        self.values.iter().find(|v| v.field == field)
    }

    /// Checks a snapshot read from a document: at most [`MAX_LIVE_ENTRIES`] entries, finite
    /// values, bounded texts (errors name the path under `field`).
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        let n = self.values.len() + self.failures.len();
        if n > MAX_LIVE_ENTRIES {
            return Err(Error::OutOfRange {
                field: field.to_owned(),
                value: n as f64,
                expected: format!("at most {MAX_LIVE_ENTRIES} values and failures"),
            });
        }
        request::word(&format!("{field}.head.blockHash"), &self.head.block_hash)?;
        for (i, v) in self.values.iter().enumerate() {
            let at = format!("{field}.values[{i}]");
            crate::validate::finite(&format!("{at}.value"), v.value)?;
            for (name, text) in [
                ("field", &v.field),
                ("unit", &v.unit),
                ("basis.function", &v.basis.function),
            ] {
                crate::validate::text(&format!("{at}.{name}"), text)?;
            }
            request::address(&format!("{at}.basis.address"), &v.basis.address)?;
            if let Some(raw) = &v.raw
                && (raw.is_empty() || raw.len() > 78 || !raw.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(Error::InvalidText {
                    field: format!("{at}.raw"),
                    value: raw.chars().take(80).collect(),
                    reason: "must be a decimal integer of at most 78 digits".to_owned(),
                });
            }
        }
        Ok(())
    }
}

/// The plan for `req` (validated; errors name the request's field).
pub fn plan(req: &ReadRequest) -> Result<ReadPlan, Error> {
    Ok(plan_of(&plan::calls(req)?))
}

/// The plan of `calls`: the two head requests, the calls and their batches.
pub(crate) fn plan_of(calls: &[plan::Call]) -> ReadPlan {
    ReadPlan {
        head: vec![
            RpcRequest::new(1, Method::ChainId, json!([])),
            RpcRequest::new(2, Method::GetBlockByNumber, json!(["latest", false])),
        ],
        batches: plan::batches(calls),
        calls: calls.iter().map(PlannedCall::from).collect(),
    }
}

fn head_error(field: &str, f: Failure) -> Error {
    let message = match f {
        Failure::TimedOut => "timed out".to_owned(),
        Failure::RpcError { code, message } => format!("RPC error {code}: {message}"),
        Failure::UnexpectedShape { detail } => detail,
        Failure::Reverted { data, .. } => format!("reverted with {data}"),
    };
    Error::Parse {
        field: field.to_owned(),
        message,
    }
}

/// The head from the answers to the plan's two head requests, in order. The chain id must be
/// [`MAINNET_CHAIN_ID`], or [`LOCAL_CHAIN_ID`] when `req.allow_local_chain`; errors name the
/// method (`eth_chainId`, `eth_getBlockByNumber`).
pub fn head(req: &ReadRequest, replies: &[RpcReply]) -> Result<Head, Error> {
    let [chain, block] = replies else {
        return Err(Error::OutOfRange {
            field: "replies".to_owned(),
            value: replies.len() as f64,
            expected: "the 2 answers to the plan's head requests".to_owned(),
        });
    };
    let chain_id = rpc::result(chain, 1)
        .and_then(|v| rpc::quantity(&v))
        .map_err(|f| head_error("eth_chainId", f))?;
    check_chain(req, "eth_chainId", chain_id)?;
    let mut h = block_header(block, "eth_getBlockByNumber")?;
    h.chain_id = chain_id;
    Ok(h)
}

/// The block header in the answer to an `eth_getBlockByNumber` request (id 2): its number,
/// timestamp and hash (chain id 0, for the caller to set); errors name `field` and the key.
pub(crate) fn block_header(block: &RpcReply, field: &str) -> Result<Head, Error> {
    let b = rpc::result(block, 2).map_err(|f| head_error(field, f))?;
    let get = |key: &str| -> Result<&Value, Error> {
        b.get(key).ok_or_else(|| Error::Parse {
            field: format!("{field}.{key}"),
            message: "missing (the block must be an object with number, timestamp and hash)"
                .to_owned(),
        })
    };
    let number =
        rpc::quantity(get("number")?).map_err(|f| head_error(&format!("{field}.number"), f))?;
    let timestamp = rpc::quantity(get("timestamp")?)
        .map_err(|f| head_error(&format!("{field}.timestamp"), f))?;
    let hash = get("hash")?.as_str().unwrap_or_default();
    request::word(&format!("{field}.hash"), hash)?;
    Ok(Head {
        chain_id: 0,
        block_number: number,
        block_timestamp: timestamp,
        block_hash: hash.to_ascii_lowercase(),
    })
}

/// `chain_id` is [`MAINNET_CHAIN_ID`], or [`LOCAL_CHAIN_ID`] when `req.allow_local_chain`.
pub(crate) fn check_chain(req: &ReadRequest, field: &str, chain_id: u64) -> Result<(), Error> {
    let allowed =
        chain_id == MAINNET_CHAIN_ID || req.allow_local_chain && chain_id == LOCAL_CHAIN_ID;
    if allowed {
        return Ok(());
    }
    Err(Error::OutOfRange {
        field: field.to_owned(),
        value: chain_id as f64,
        expected: if req.allow_local_chain {
            "chain id 1 (Ethereum mainnet) or 31337 (the local test chain)".to_owned()
        } else {
            "chain id 1 (Ethereum mainnet)".to_owned()
        },
    })
}

/// The plan's batches as `eth_call` requests pinned to `head`'s block (ids 3, 4, …).
pub fn call_requests(req: &ReadRequest, head: &Head) -> Result<Vec<RpcRequest>, Error> {
    Ok(pinned_requests(&plan::calls(req)?, head))
}

/// The `aggregate3` batches of `calls` as `eth_call` requests pinned to `head`'s block (ids 3, 4, …).
pub(crate) fn pinned_requests(calls: &[plan::Call], head: &Head) -> Vec<RpcRequest> {
    let block = format!("{:#x}", head.block_number);
    plan::batches(calls)
        .iter()
        .zip(3u64..)
        .map(|(b, id)| {
            RpcRequest::new(
                id,
                Method::Call,
                json!([{ "to": b.to, "data": b.data }, block]),
            )
        })
        .collect()
}

/// The [`LiveRead`] from the answers to [`call_requests`], in order (one per batch). `head` is
/// checked again (its chain id against the request, its hash), as a JS caller passes it back.
pub fn apply(req: &ReadRequest, head: &Head, replies: &[RpcReply]) -> Result<LiveRead, Error> {
    check_chain(req, "head.chainId", head.chain_id)?;
    request::word("head.blockHash", &head.block_hash)?;
    apply_calls(head, &plan::calls(req)?, replies)
}

/// The [`LiveRead`] of `calls` (batched as [`plan::batches`] does) from the answers to their
/// `eth_call` requests, in order (ids 3, 4, …).
pub(crate) fn apply_calls(
    head: &Head,
    calls: &[plan::Call],
    replies: &[RpcReply],
) -> Result<LiveRead, Error> {
    let batches = plan::batches(calls);
    if replies.len() != batches.len() {
        return Err(Error::OutOfRange {
            field: "replies".to_owned(),
            value: replies.len() as f64,
            expected: format!("one answer per batch ({})", batches.len()),
        });
    }
    let mut out = LiveRead {
        head: head.clone(),
        values: Vec::new(),
        failures: Vec::new(),
    };
    for ((batch, reply), id) in batches.iter().zip(replies).zip(3u64..) {
        let chunk = &calls[batch.first..batch.first + batch.calls];
        match batch_results(reply, id, chunk.len()) {
            Ok(results) => {
                for (call, r) in chunk.iter().zip(results) {
                    let outcome = if r.success {
                        decode::figures(call.decode, &r.returnData)
                    } else {
                        Err(rpc::reverted(&r.returnData))
                    };
                    record(&mut out, call, outcome);
                }
            }
            Err(f) => chunk
                .iter()
                .for_each(|call| record(&mut out, call, Err(f.clone()))),
        }
    }
    Ok(out)
}

/// The batches a retry of `live` resends, as indices into [`ReadPlan::batches`] (and into
/// [`call_requests`]' requests, whose answers [`apply`] then reads again at the same block):
/// every batch holding a call whose failure [`Failure::is_transient`]. Ascending; empty when
/// nothing failed in a way a resend could mend. A failure is matched to its call by field and
/// function (unique within a plan). Errors are the plan's ([`plan`]).
///
/// ```
/// use restake_core::chain::{self, Failure, LiveFailure, LiveRead, ReadRequest};
/// let req = ReadRequest::mainnet();
/// let plan = chain::plan(&req).unwrap();
/// let last = plan.calls.last().unwrap();
/// let head = chain::Head { chain_id: 1, block_number: 7, block_timestamp: 0, block_hash: format!("0x{}", "0".repeat(64)) };
/// let mut live = LiveRead { head, values: vec![], failures: vec![] };
/// assert!(chain::retry_batches(&req, &live).unwrap().is_empty());
/// live.failures.push(LiveFailure {
///     field: last.field.clone(), address: last.address.clone(), function: last.function.clone(),
///     reason: Failure::TimedOut,
/// });
/// assert_eq!(chain::retry_batches(&req, &live).unwrap(), [plan.batches.len() - 1]);
/// ```
pub fn retry_batches(req: &ReadRequest, live: &LiveRead) -> Result<Vec<usize>, Error> {
    let calls = plan::calls(req)?;
    let failed = |call: &plan::Call| {
        live.failures.iter().any(|f| {
            f.reason.is_transient() && f.field == call.field && f.function == call.function
        })
    };
    Ok(plan::batches(&calls)
        .iter()
        .enumerate()
        .filter(|(_, b)| calls[b.first..b.first + b.calls].iter().any(failed))
        .map(|(i, _)| i)
        .collect())
}

/// The `aggregate3` results of one batch's answer, exactly `n` of them.
pub(crate) fn batch_results(
    reply: &RpcReply,
    id: u64,
    n: usize,
) -> Result<Vec<plan::Aggregate3Result>, Failure> {
    let result = rpc::result(reply, id)?;
    let hex = result.as_str().ok_or_else(|| Failure::UnexpectedShape {
        detail: format!(
            "eth_call result is not a hex string: {}",
            rpc::short(&result.to_string())
        ),
    })?;
    let bytes = rpc::hex_bytes(hex)?;
    let results =
        abi::IMulticall3::aggregate3Call::abi_decode_returns_validate(&bytes).map_err(|e| {
            Failure::UnexpectedShape {
                detail: format!(
                    "aggregate3 returned {} bytes that do not decode: {}",
                    bytes.len(),
                    rpc::short(&e.to_string())
                ),
            }
        })?;
    if results.len() != n {
        return Err(Failure::UnexpectedShape {
            detail: format!(
                "aggregate3 returned {} results for {n} calls",
                results.len()
            ),
        });
    }
    Ok(results)
}

fn record(out: &mut LiveRead, call: &plan::Call, outcome: Result<Vec<decode::Figure>, Failure>) {
    let address = call.target.to_checksum(None);
    match outcome {
        Ok(figures) => out.values.extend(figures.into_iter().map(|f| LiveValue {
            field: format!("{}.{}", call.field, f.name),
            raw: f.raw.map(|r| r.to_string()),
            value: f.value,
            unit: f.unit.to_owned(),
            basis: LiveBasis {
                chain_id: out.head.chain_id,
                block_number: out.head.block_number,
                block_timestamp: out.head.block_timestamp,
                address: address.clone(),
                function: call.function.to_owned(),
            },
        })),
        Err(reason) => out.failures.push(LiveFailure {
            field: call.field.clone(),
            address,
            function: call.function.to_owned(),
            reason,
        }),
    }
}
