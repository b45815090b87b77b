//! Whatever an endpoint sends, the import never panics and never takes more than
//! [`MAX_ROUNDS`] rounds: it finishes (with a valid network, every bad answer an issue) or
//! stops with a typed error.

use std::cell::Cell;

use alloy_sol_types::SolCall;
use proptest::prelude::*;
use serde_json::json;

use super::super::limits::MAX_ROUNDS;
use super::fake::FakeChain;
use super::spec::spec;
use crate::chain::abi::IMulticall3;
use crate::chain::{Method, RpcReply};

/// A reply an endpoint might send: any text, JSON-RPC with any hex result, a timeout, a
/// transport failure.
fn any_reply() -> impl Strategy<Value = RpcReply> {
    prop_oneof![
        ".{0,64}".prop_map(|text| RpcReply::Body { text }),
        (1u64..40, proptest::collection::vec(any::<u8>(), 0..200)).prop_map(|(id, bytes)| {
            RpcReply::Body {
                text: json!({"jsonrpc": "2.0", "id": id, "result": alloy_primitives::hex::encode_prefixed(bytes)}).to_string(),
            }
        }),
        Just(RpcReply::TimedOut),
        Just(RpcReply::Transport { message: "ECONNRESET".to_owned() }),
    ]
}

/// The next value of a xorshift64 generator.
fn next(state: &Cell<u64>) -> u64 {
    let mut x = state.get();
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    state.set(x);
    x
}

/// Return data that looks like ABI: words of small numbers, offsets, lengths and all-ones,
/// or plain random bytes.
fn abi_ish(state: &Cell<u64>) -> Vec<u8> {
    let words = (next(state) % 12) as usize;
    if next(state).is_multiple_of(4) {
        return (0..next(state) % 300).map(|_| next(state) as u8).collect();
    }
    let mut out = Vec::new();
    for _ in 0..words {
        let mut w = [0u8; 32];
        match next(state) % 6 {
            0 => w = [0xff; 32],
            1 => w[31] = 0x20,
            2 => w[31] = (next(state) % 8) as u8,
            3 => w[24..].copy_from_slice(&next(state).to_be_bytes()),
            4 => w[12..].copy_from_slice(&[0x11; 20]),
            _ => {}
        }
        out.extend_from_slice(&w);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Any reply in place of any of the first requests.
    #[test]
    fn any_reply_to_any_request_never_panics(
        replies in proptest::collection::vec(proptest::option::of(any_reply()), 12),
    ) {
        let mut chain = FakeChain::new(spec());
        chain.fault = Box::new(move |r| replies.get(r.id as usize - 1).cloned().flatten());
        if let Ok(import) = chain.run(&chain.request()) {
            prop_assert!(import.rounds <= MAX_ROUNDS);
            prop_assert!(import.network.validate().is_ok());
        }
    }

    /// Well-formed `aggregate3` answers whose calls succeed or revert at random and return
    /// ABI-looking bytes: every bad return is an issue, the network stays valid.
    #[test]
    fn any_return_data_never_panics(seed in 1u64.., fail in 0u64..4) {
        let mut chain = FakeChain::new(spec());
        let state = Cell::new(seed);
        chain.fault = Box::new(move |r| {
            if r.method != Method::Call || next(&state).is_multiple_of(3) {
                return None;
            }
            let data = r.params[0]["data"].as_str()?;
            let bytes = alloy_primitives::hex::decode(&data[2..]).ok()?;
            let n = IMulticall3::aggregate3Call::abi_decode(&bytes).ok()?.calls.len();
            let results: Vec<IMulticall3::Result> = (0..n)
                .map(|_| IMulticall3::Result {
                    success: next(&state) % 4 >= fail,
                    returnData: abi_ish(&state).into(),
                })
                .collect();
            let out = IMulticall3::aggregate3Call::abi_encode_returns(&results);
            Some(RpcReply::Body {
                text: json!({"jsonrpc": "2.0", "id": r.id, "result": alloy_primitives::hex::encode_prefixed(out)}).to_string(),
            })
        });
        match chain.run(&chain.request()) {
            Ok(import) => {
                prop_assert!(import.rounds <= MAX_ROUNDS);
                prop_assert!(import.network.validate().is_ok());
            }
            // Only a network the answers make invalid (amounts beyond 1e9 ETH) may stop it.
            Err(e) => prop_assert!(e.field().starts_with("restaking") || e.field().starts_with("operators") || e.field().starts_with("delegations"), "{e}"),
        }
    }
}
