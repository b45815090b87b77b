//! The trailing read's steps on hand-built answers: the block asked for, its checks, the rate
//! calls pinned to it, and the figures merged into the head's read.

use alloy_primitives::U256;
use alloy_sol_types::SolCall;

use super::*;
use crate::chain::Failure;
use crate::chain::abi::IMulticall3;

fn hash(byte: &str) -> String {
    format!("0x{}", byte.repeat(32))
}

fn head() -> Head {
    Head {
        chain_id: 1,
        block_number: 21_050_400,
        block_timestamp: 1_730_000_000,
        block_hash: hash("ab"),
    }
}

fn body(text: String) -> RpcReply {
    RpcReply::Body { text }
}

fn block_answer(number: u64, timestamp: u64) -> RpcReply {
    body(format!(
        r#"{{"jsonrpc":"2.0","id":2,"result":{{"number":"{number:#x}","timestamp":"{timestamp:#x}","hash":"{}"}}}}"#,
        hash("cd")
    ))
}

/// One `aggregate3` answer (id 3) of the given results.
fn aggregate3(results: &[(bool, Vec<u8>)]) -> RpcReply {
    let list: Vec<IMulticall3::Result> = results
        .iter()
        .map(|(success, data)| IMulticall3::Result {
            success: *success,
            returnData: data.clone().into(),
        })
        .collect();
    let data = IMulticall3::aggregate3Call::abi_encode_returns(&list);
    body(format!(
        r#"{{"jsonrpc":"2.0","id":3,"result":"{}"}}"#,
        alloy_primitives::hex::encode_prefixed(data)
    ))
}

fn word(v: u128) -> Vec<u8> {
    U256::from(v).to_be_bytes::<32>().to_vec()
}

fn head_read() -> LiveRead {
    LiveRead {
        head: head(),
        values: vec![crate::chain::live_source::sample_value(
            "rates.rsETH.exchangeRate",
            1_062_500_000_000_000_000,
            21_050_400,
            1_730_000_000,
            "rsETHPrice()",
        )],
        failures: vec![],
    }
}

#[test]
fn the_block_asked_for_is_head_minus_the_lag() {
    let h = head();
    // 21,050,400 − 50,400 = 21,000,000 = 0x1406f40.
    let r = block_request(&h, DEFAULT_LAG_BLOCKS).unwrap();
    assert_eq!(r.id, 2);
    assert_eq!(r.method, Method::GetBlockByNumber);
    assert_eq!(r.params, json!(["0x1406f40", false]));
    // Block 0 (genesis) is the earliest: lag = head is allowed, one more is before genesis.
    let low = Head {
        block_number: 100,
        ..h.clone()
    };
    assert_eq!(
        block_request(&low, 100).unwrap().params,
        json!(["0x0", false])
    );
    let e = block_request(&low, 101).unwrap_err();
    assert_eq!(e.field(), "lagBlocks");
    assert!(e.to_string().contains("before genesis"), "{e}");
    for bad in [0, MAX_LAG_BLOCKS + 1] {
        assert_eq!(block_request(&h, bad).unwrap_err().field(), "lagBlocks");
    }
    assert_eq!(DEFAULT_LAG_BLOCKS, 7 * 86_400 / SECONDS_PER_SLOT);
}

#[test]
fn the_trailing_head_is_checked() {
    let req = ReadRequest::mainnet();
    let h = head();
    let t = trailing_head(&req, &h, 50_400, &block_answer(21_000_000, 1_729_395_200)).unwrap();
    assert_eq!(
        t,
        Head {
            chain_id: 1,
            block_number: 21_000_000,
            block_timestamp: 1_729_395_200,
            block_hash: hash("cd"),
        }
    );
    // Another block than the one asked for, a later timestamp, no block at all (`null`, what a
    // node answers for a block it does not have), an RPC error: each a typed error.
    let field = |reply: RpcReply| {
        trailing_head(&req, &h, 50_400, &reply)
            .unwrap_err()
            .field()
            .to_owned()
    };
    assert_eq!(
        field(block_answer(21_000_001, 1_729_395_200)),
        "trailing.number"
    );
    assert_eq!(
        field(block_answer(21_000_000, 1_730_000_001)),
        "trailing.timestamp"
    );
    assert_eq!(
        field(body(r#"{"jsonrpc":"2.0","id":2,"result":null}"#.to_owned())),
        "trailing.number"
    );
    assert_eq!(field(RpcReply::TimedOut), "trailing");
    // A head on the local chain is refused unless the request allows it.
    let local = Head {
        chain_id: 31337,
        ..h.clone()
    };
    let e = trailing_head(&req, &local, 1, &block_answer(21_050_399, 0)).unwrap_err();
    assert_eq!(e.field(), "head.chainId");
}

#[test]
fn only_the_rate_calls_are_pinned_to_the_trailing_block() {
    let req = ReadRequest::mainnet();
    let t = Head {
        block_number: 21_000_000,
        ..head()
    };
    let calls = rate_calls(&req).unwrap();
    // The four rate functions of the mainnet request, nothing else.
    let got: Vec<(&str, &str)> = calls
        .iter()
        .map(|c| (c.field.as_str(), c.function))
        .collect();
    assert_eq!(
        got,
        [
            ("trailing.rates.weETH", "getRate()"),
            ("trailing.rates.ezETH", "getRate()"),
            ("trailing.rates.rsETH", "rsETHPrice()"),
            ("trailing.rates.wstETH", "stEthPerToken()"),
        ]
    );
    let r = call_requests(&req, &t).unwrap();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].method, Method::Call);
    assert_eq!(r[0].params[1], json!("0x1406f40"));
}

#[test]
fn apply_merges_the_trailing_figures_and_failures() {
    // Only rsETH's rate is read: 1.0615 ETH at the trailing block.
    let req = ReadRequest {
        rates: ReadRequest::mainnet()
            .rates
            .into_iter()
            .filter(|r| r.id == "rsETH")
            .collect(),
        ..ReadRequest::default()
    };
    let live = head_read();
    let t = Head {
        block_number: 21_000_000,
        block_timestamp: 1_729_395_200,
        block_hash: hash("cd"),
        ..head()
    };
    let out = apply(
        &req,
        &live,
        &t,
        &[aggregate3(&[(true, word(1_061_500_000_000_000_000))])],
    )
    .unwrap();
    assert_eq!(out.head, live.head);
    assert_eq!(out.values.len(), 2);
    let v = out.value("trailing.rates.rsETH.exchangeRate").unwrap();
    assert_eq!(v.raw.as_deref(), Some("1061500000000000000"));
    assert_eq!(v.value, 1.0615);
    assert_eq!(
        (v.basis.block_number, v.basis.block_timestamp),
        (21_000_000, 1_729_395_200)
    );
    assert_eq!(v.basis.function, "rsETHPrice()");
    // A second trailing read replaces the first: an endpoint without old state answers with an
    // RPC error; the head's figure is kept, the trailing one is gone, the failure says why.
    let err = body(
        r#"{"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"missing trie node"}}"#
            .to_owned(),
    );
    let again = apply(&req, &out, &t, &[err]).unwrap();
    assert_eq!(again.values, live.values);
    assert_eq!(again.failures.len(), 1);
    assert_eq!(again.failures[0].field, "trailing.rates.rsETH");
    assert_eq!(
        again.failures[0].reason,
        Failure::RpcError {
            code: -32000,
            message: "missing trie node".to_owned()
        }
    );
}

#[test]
fn apply_refuses_a_trailing_block_that_does_not_trail() {
    let req = ReadRequest::default();
    let live = head_read();
    let at = |f: fn(&mut Head)| {
        let mut t = Head {
            block_number: 21_000_000,
            block_timestamp: 1_729_395_200,
            ..head()
        };
        f(&mut t);
        apply(&req, &live, &t, &[]).unwrap_err().field().to_owned()
    };
    assert_eq!(at(|t| t.block_number = 21_050_400), "trailing.blockNumber");
    assert_eq!(
        at(|t| t.block_timestamp = 1_730_000_001),
        "trailing.blockTimestamp"
    );
    assert_eq!(at(|t| t.chain_id = 31337), "trailing.chainId");
    assert_eq!(
        at(|t| t.block_hash = "0x12".to_owned()),
        "trailing.blockHash"
    );
    // No rate target, no batch: an answer too many is refused.
    let t = Head {
        block_number: 1,
        ..head()
    };
    let extra = aggregate3(&[]);
    assert_eq!(
        apply(&req, &live, &t, &[extra]).unwrap_err().field(),
        "replies"
    );
}
