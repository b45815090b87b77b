//! The live-read plan and decoder (core/src/chain) against the local test chain's real answers,
//! pinned in tests/fixtures/live_local.json by tests/chain/vectors.mjs: the calldata core encodes
//! equals what ethers encodes for the same calls, and the figures core decodes equal what the
//! fixture deployed, to the wei. Then hostile answers: each a typed failure, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::chain::{self, Failure, LiveRead, ReadRequest, RpcReply};
use serde_json::Value;

fn fixture() -> Value {
    serde_json::from_str(include_str!("fixtures/live_local.json")).unwrap()
}

fn request(f: &Value) -> ReadRequest {
    serde_json::from_value(f["request"].clone()).unwrap()
}

fn body(v: &Value) -> RpcReply {
    RpcReply::Body {
        text: v.as_str().unwrap().to_owned(),
    }
}

fn local() -> (ReadRequest, chain::Head, LiveRead) {
    let f = fixture();
    let req = request(&f);
    let head_replies: Vec<RpcReply> = f["replies"]["head"]
        .as_array()
        .unwrap()
        .iter()
        .map(body)
        .collect();
    let head = chain::head(&req, &head_replies).unwrap();
    let calls: Vec<RpcReply> = f["replies"]["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(body)
        .collect();
    let read = chain::apply(&req, &head, &calls).unwrap();
    (req, head, read)
}

fn raw(read: &LiveRead, field: &str) -> String {
    read.value(field)
        .unwrap_or_else(|| panic!("{field} not read: {:?}", read.failures))
        .raw
        .clone()
        .unwrap()
}

#[test]
fn calldata_equals_what_ethers_encodes() {
    let f = fixture();
    let plan = chain::plan(&request(&f)).unwrap();
    // 4 rates × 2 + Curve 8 (2 balances, 2 coins, A, fee, off-peg multiplier, stored rates) +
    // 2 Aave reserves × 7 + Morpho 2 = 32, one full batch.
    assert_eq!(plan.calls.len(), 32);
    assert_eq!(plan.batches.len(), 1);
    assert_eq!(
        plan.batches[0].to,
        "0xcA11bde05977b3631167028862bE2a173976CA11"
    );
    assert_eq!(
        plan.batches[0].data,
        f["ethersCalldata"][0].as_str().unwrap()
    );
    // aggregate3((address,bool,bytes)[]) = 0x82ad56cb (mds1/multicall3; the data book's selector).
    assert!(plan.batches[0].data.starts_with("0x82ad56cb"));
}

#[test]
fn head_is_the_pinned_block_of_the_local_chain() {
    let (req, head, _) = local();
    assert_eq!(head.chain_id, 31337);
    let block: Value =
        serde_json::from_str(fixture()["replies"]["head"][1].as_str().unwrap()).unwrap();
    let n = u64::from_str_radix(
        block["result"]["number"]
            .as_str()
            .unwrap()
            .trim_start_matches("0x"),
        16,
    )
    .unwrap();
    assert_eq!(head.block_number, n);
    let calls = chain::call_requests(&req, &head).unwrap();
    let sent = serde_json::to_value(&calls).unwrap();
    assert_eq!(sent[0]["method"], "eth_call");
    assert_eq!(sent[0]["params"][1], format!("{n:#x}"));
}

#[test]
fn decoded_figures_equal_the_deployed_ones_to_the_wei() {
    let (_, head, read) = local();
    let fx = fixture()["fixture"].clone();
    let s = |v: &Value| v.as_str().unwrap().to_owned();
    assert!(read.failures.is_empty(), "{:?}", read.failures);
    // weETH: 1e18 × 1,069,000 ETH / 1,000,000 shares; ezETH: 521,500 ETH × 1e18 / 500,000 ezETH.
    assert_eq!(
        raw(&read, "rates.weETH.exchangeRate"),
        "1069000000000000000"
    );
    assert_eq!(
        raw(&read, "rates.ezETH.exchangeRate"),
        "1043000000000000000"
    );
    assert_eq!(
        raw(&read, "rates.rsETH.exchangeRate"),
        s(&fx["kelp"]["rsEthPrice"])
    );
    assert_eq!(
        raw(&read, "rates.wstETH.exchangeRate"),
        s(&fx["lido"]["stEthPerToken"])
    );
    assert_eq!(
        raw(&read, "rates.ezETH.totalSupply"),
        s(&fx["renzo"]["ezEthSupply"])
    );
    assert_eq!(
        raw(&read, "rates.weETH.totalSupply"),
        "300000000000000000000"
    ); // 100 on Aave + 200 on Morpho
    assert_eq!(
        raw(&read, "curvePools.weETH-WETH.balances[1]"),
        s(&fx["curve"]["balances"][1])
    );
    assert_eq!(raw(&read, "curvePools.weETH-WETH.A"), "1000");
    assert_eq!(read.value("curvePools.weETH-WETH.fee").unwrap().value, 1e-4); // 1e6 / 1e10
    assert_eq!(
        raw(&read, "curvePools.weETH-WETH.storedRates[1]"),
        s(&fx["curve"]["rates"][1])
    );
    // The fixture's pool holds WETH as coin 0 and weETH as coin 1; the cascade's pool from it:
    // 9,000 weETH at the stored rate 1.069 against 10,000 ETH, A() = 1000, the constant fee.
    let pools = restake_core::lending::pool_live::live_pools(&read);
    let pool = pools[0].pool.unwrap();
    assert_eq!(
        (pool.lrt_reserve, pool.eth_reserve, pool.lrt_rate),
        (9_000.0, 10_000.0, 1.069)
    );
    assert_eq!(
        pool.fee,
        restake_core::lending::SwapFee::Curve {
            fee: 1e-4,
            admin_fee: 0.5,
            offpeg_fee_multiplier: 1.0
        }
    );
    let w = &fx["aave"]["weeth"];
    for (name, key) in [
        ("ltv", "ltv"),
        ("liquidationThreshold", "liquidationThreshold"),
        ("liquidationBonus", "liquidationBonus"),
        ("reserveFactor", "reserveFactor"),
        ("supplyCap", "supplyCap"),
    ] {
        assert_eq!(
            raw(&read, &format!("aaveReserves.local-weETH.{name}")),
            s(&w[key]),
            "{name}"
        );
    }
    assert_eq!(
        read.value("aaveReserves.local-weETH.liquidationBonus")
            .unwrap()
            .value,
        0.075
    );
    assert_eq!(
        read.value("aaveReserves.local-weETH.ltv").unwrap().value,
        0.725
    );
    assert_eq!(
        raw(&read, "aaveReserves.local-weETH.variableRateSlope2"),
        s(&w["strategy"]["slope2"])
    );
    assert_eq!(
        raw(&read, "aaveReserves.local-WETH.optimalUsage"),
        s(&fx["aave"]["weth"]["strategy"]["optimal"])
    );
    assert_eq!(raw(&read, "aaveReserves.local-WETH.borrowCap"), "1800000");
    // 50 WETH borrowed of 1,000 supplied: utilisation 5% (plus a second of interest on both sides),
    // variable rate = slope1 × U / Uopt = 2.7% × 0.05 / 0.9 = 0.15% APR (Aave v3.0's strategy).
    let u = read
        .value("aaveReserves.local-WETH.utilisation")
        .unwrap()
        .value;
    assert!((u - 0.05).abs() < 1e-6, "{u}");
    let r = read
        .value("aaveReserves.local-WETH.variableBorrowRate")
        .unwrap()
        .value;
    assert!((r - 0.0015).abs() < 1e-12, "{r}");
    assert_eq!(
        raw(&read, "morphoMarkets.weETH-WETH-94.5.lltv"),
        s(&fx["morpho"]["lltv"])
    );
    assert_eq!(
        raw(&read, "morphoMarkets.weETH-WETH-94.5.totalSupplyAssets"),
        s(&fx["morpho"]["supplied"])
    );
    assert_eq!(
        raw(&read, "morphoMarkets.weETH-WETH-94.5.totalBorrowAssets"),
        s(&fx["morpho"]["borrowed"])
    );
    assert_eq!(
        read.value("morphoMarkets.weETH-WETH-94.5.utilisation")
            .unwrap()
            .value,
        0.2
    );
    let basis = &read.value("rates.weETH.exchangeRate").unwrap().basis;
    assert_eq!(
        (basis.chain_id, basis.block_number, basis.block_timestamp),
        (31337, head.block_number, head.block_timestamp)
    );
    assert_eq!(basis.function, "getRate()");
    assert_eq!(
        basis.address.to_lowercase(),
        fixture()["request"]["rates"][0]["rate"]["address"]
            .as_str()
            .unwrap()
            .to_lowercase()
    );
    read.validate("live").unwrap();
}

#[test]
fn mainnet_request_plans_and_refuses_other_chains() {
    let req = ReadRequest::mainnet();
    let plan = chain::plan(&req).unwrap();
    // 4 rates × 2 + Curve 8 + 5 Aave reserves × 4 + 4 Morpho markets × 3 (idToMarketParams,
    // market, the AdaptiveCurveIRM's rateAtTarget) + 10 E-mode categories × 4
    // (getEModeCategoryData, then the LRT's getReserveData and the category's collateral and
    // LTV-zero bitmaps) + 4 CAPO adapters × 6 + 1 Balancer pool × 6 (getPoolTokens, getPoolId,
    // getAmplificationParameter, getSwapFeePercentage, getScalingFactors, getBptIndex) = 118
    // calls, in 4 batches; the Morpho markets' last call is the 48th.
    assert_eq!(plan.calls.len(), 118);
    assert_eq!(
        plan.batches.iter().map(|b| b.calls).collect::<Vec<_>>(),
        [32, 32, 32, 22]
    );
    let ltv_zero = &plan.calls[48 + 3];
    assert_eq!(
        (ltv_zero.field.as_str(), ltv_zero.function.as_str()),
        ("aaveEModes.core-1", "getEModeCategoryLtvzeroBitmap(uint8)")
    );
    let irm = &plan.calls[47];
    assert_eq!(
        (
            irm.field.as_str(),
            irm.address.as_str(),
            irm.function.as_str()
        ),
        (
            "morphoMarkets.ezETH-WETH-77",
            "0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC",
            "rateAtTarget(bytes32)"
        )
    );
    let f = fixture();
    let replies: Vec<RpcReply> = f["replies"]["head"]
        .as_array()
        .unwrap()
        .iter()
        .map(body)
        .collect();
    // The local chain's answer (31337) to a mainnet request that does not allow it.
    let e = chain::head(&req, &replies).unwrap_err();
    assert!(
        e.to_string().starts_with("eth_chainId: must be chain id 1"),
        "{e}"
    );
    let mut five = replies.clone();
    five[0] = RpcReply::Body {
        text: r#"{"jsonrpc":"2.0","id":1,"result":"0x5"}"#.to_owned(),
    };
    assert!(chain::head(&request(&f), &five).is_err());
}

fn one_batch_answer(text: String) -> Vec<LiveFailure> {
    let (req, head, _) = local();
    chain::apply(&req, &head, &[RpcReply::Body { text }])
        .unwrap()
        .failures
}
use restake_core::chain::LiveFailure;

fn reason_of(text: &str) -> Failure {
    let failures = one_batch_answer(text.to_owned());
    assert_eq!(failures.len(), 32, "every call of the batch fails");
    failures[0].reason.clone()
}

#[test]
fn hostile_answers_are_typed_failures() {
    let shape = |f: Failure| matches!(f, Failure::UnexpectedShape { .. });
    assert!(
        shape(reason_of(r#"{"jsonrpc":"2.0","id":3,"result":"0x1234"}"#)),
        "short"
    );
    assert!(
        shape(reason_of(r#"{"jsonrpc":"2.0","id":3,"result":"0xzz"}"#)),
        "non-hex"
    );
    assert!(
        shape(reason_of(r#"{"jsonrpc":"2.0","id":3,"result":"1234"}"#)),
        "no prefix"
    );
    assert!(
        shape(reason_of(r#"{"jsonrpc":"2.0","id":3,"result":42}"#)),
        "wrong type"
    );
    assert!(
        shape(reason_of(r#"{"jsonrpc":"2.0","id":9,"result":"0x"}"#)),
        "wrong id"
    );
    assert!(shape(reason_of("not json")), "not JSON");
    assert!(
        shape(reason_of(&format!(
            r#"{{"id":3,"result":"0x{}"}}"#,
            "0".repeat(5 << 20)
        ))),
        "oversized"
    );
    assert_eq!(
        reason_of(
            r#"{"jsonrpc":"2.0","id":3,"error":{"code":-32000,"message":"execution reverted"}}"#
        ),
        Failure::RpcError {
            code: -32000,
            message: "execution reverted".to_owned()
        }
    );
    // Error(string) "no" as revert data in the error object (geth's code 3).
    let revert = "0x08c379a0000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000026e6f000000000000000000000000000000000000000000000000000000000000";
    let r = reason_of(&format!(
        r#"{{"jsonrpc":"2.0","id":3,"error":{{"code":3,"message":"execution reverted","data":"{revert}"}}}}"#
    ));
    assert_eq!(
        r,
        Failure::Reverted {
            data: revert.to_owned(),
            reason: Some("revert: no".to_owned())
        }
    );
    let (req, head, _) = local();
    let t = chain::apply(&req, &head, &[RpcReply::TimedOut]).unwrap();
    assert!(t.values.is_empty() && t.failures.iter().all(|f| f.reason == Failure::TimedOut));
    let t = chain::apply(
        &req,
        &head,
        &[RpcReply::Transport {
            message: "connection refused".to_owned(),
        }],
    )
    .unwrap();
    assert_eq!(
        t.failures[0].reason,
        Failure::RpcError {
            code: 0,
            message: "connection refused".to_owned()
        }
    );
    assert!(
        chain::apply(&req, &head, &[]).is_err(),
        "one answer per batch"
    );
}

/// An `aggregate3` answer of 28 results from `datas` (success flags and return data).
fn aggregate3(results: &[(bool, Vec<u8>)]) -> String {
    use alloy_sol_types::SolValue;
    let tuples: Vec<(bool, alloy_primitives::Bytes)> = results
        .iter()
        .map(|(s, d)| (*s, d.clone().into()))
        .collect();
    format!(
        r#"{{"jsonrpc":"2.0","id":3,"result":"{}"}}"#,
        alloy_primitives::hex::encode_prefixed(tuples.abi_encode())
    )
}

#[test]
fn a_revert_or_a_bad_word_costs_only_its_own_figures() {
    let f = fixture();
    let good: Value = serde_json::from_str(f["replies"]["calls"][0].as_str().unwrap()).unwrap();
    let bytes =
        alloy_primitives::hex::decode(good["result"].as_str().unwrap().trim_start_matches("0x"))
            .unwrap();
    use alloy_sol_types::SolValue;
    let mut results = <Vec<(bool, alloy_primitives::Bytes)>>::abi_decode(&bytes)
        .unwrap()
        .into_iter()
        .map(|(s, d)| (s, d.to_vec()))
        .collect::<Vec<_>>();
    results[0] = (false, vec![]); // weETH getRate reverted without data
    results[1].1.truncate(31); // weETH totalSupply: short
    results[12].1 = vec![0u8; 32]; // Curve A() = 0
    let mut dirty = vec![0xffu8; 32]; // an address word with dirty high bits in idToMarketParams
    dirty.extend_from_slice(&results[30].1[32..]);
    results[30].1 = dirty;
    let failures = one_batch_answer(aggregate3(&results));
    let fields: Vec<(&str, &str)> = failures
        .iter()
        .map(|f| (f.field.as_str(), f.function.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("rates.weETH", "getRate()"),
            ("rates.weETH", "totalSupply()"),
            ("curvePools.weETH-WETH", "A()"),
            ("morphoMarkets.weETH-WETH-94.5", "idToMarketParams(bytes32)")
        ]
    );
    assert_eq!(
        failures[0].reason,
        Failure::Reverted {
            data: "0x".to_owned(),
            reason: None
        }
    );
    assert!(
        failures[1..]
            .iter()
            .all(|f| matches!(f.reason, Failure::UnexpectedShape { .. }))
    );
    let (req, head, _) = local();
    let read = chain::apply(
        &req,
        &head,
        &[RpcReply::Body {
            text: aggregate3(&results),
        }],
    )
    .unwrap();
    assert!(
        read.value("rates.ezETH.exchangeRate").is_some()
            && read.value("rates.weETH.exchangeRate").is_none()
    );
}

#[test]
fn a_retry_resends_only_the_batches_a_resend_can_mend() {
    let req = ReadRequest::mainnet();
    let plan = chain::plan(&req).unwrap();
    let n = plan.batches.len();
    assert!(n >= 2, "the mainnet plan has {n} batch(es)");
    let head = chain::Head {
        chain_id: 1,
        block_number: 24_000_000,
        block_timestamp: 1_767_000_000,
        block_hash: format!("0x{}", "ab".repeat(32)),
    };
    // Batch 0 never answers, batch 1 answers with every call reverted, the others are refused
    // by the endpoint (a JSON-RPC error): 0 and 2.. may succeed when sent again, 1 cannot.
    let replies: Vec<RpcReply> = plan
        .batches
        .iter()
        .enumerate()
        .map(|(i, b)| match i {
            0 => RpcReply::TimedOut,
            1 => RpcReply::Body {
                text: aggregate3(&vec![(false, vec![]); b.calls]).replace(r#""id":3"#, r#""id":4"#),
            },
            _ => RpcReply::Body {
                text: format!(
                    r#"{{"jsonrpc":"2.0","id":{},"error":{{"code":-32005,"message":"rate limited"}}}}"#,
                    3 + i
                ),
            },
        })
        .collect();
    let read = chain::apply(&req, &head, &replies).unwrap();
    assert!(read.values.is_empty());
    assert_eq!(read.failures.len(), plan.calls.len());
    let second = &plan.batches[1];
    assert!(
        read.failures[second.first..second.first + second.calls]
            .iter()
            .all(|f| matches!(f.reason, Failure::Reverted { .. }))
    );
    let again = chain::retry_batches(&req, &read).unwrap();
    let expected: Vec<usize> = (0..n).filter(|&i| i != 1).collect();
    assert_eq!(again, expected);
    // Nothing failed: nothing to resend; a refused request is the plan's error.
    let (local_req, _, clean) = local();
    assert_eq!(
        chain::retry_batches(&local_req, &clean).unwrap(),
        Vec::<usize>::new()
    );
    let mut bad = req.clone();
    bad.rates[0].token = "0x12".to_owned();
    let e = chain::retry_batches(&bad, &read).unwrap_err();
    assert_eq!(e.field(), "rates[0].token");
}

#[test]
fn bad_requests_name_their_field() {
    let mut req = request(&fixture());
    req.rates[1].token = "0x12".to_owned();
    assert_eq!(
        chain::plan(&req).unwrap_err().to_string(),
        "rates[1].token: must be 0x followed by 40 hexadecimal digits, got \"0x12\""
    );
    let mut req = request(&fixture());
    req.curve_pools[0].pool = "0xdb74dfdd3bb46be8ce6c33dc9d82777bcfc3ded5"
        .to_uppercase()
        .replace("0X", "0x");
    chain::plan(&req).unwrap(); // all upper case: no checksum to check
    req.curve_pools[0].pool = "0xdB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5".to_owned();
    assert!(
        chain::plan(&req)
            .unwrap_err()
            .to_string()
            .contains("EIP-55")
    );
    let mut req = request(&fixture());
    req.rates[1].id = "weETH".to_owned();
    assert!(
        chain::plan(&req)
            .unwrap_err()
            .to_string()
            .starts_with("rates[1].id: id \"weETH\" is used more than once")
    );
}

proptest! {
    #[test]
    fn any_answer_is_a_read_or_a_typed_failure(bytes in proptest::collection::vec(any::<u8>(), 0..2048), id in 0u64..5) {
        let (req, head, _) = local();
        let text = format!(r#"{{"jsonrpc":"2.0","id":{id},"result":"{}"}}"#, alloy_primitives::hex::encode_prefixed(&bytes));
        let read = chain::apply(&req, &head, &[RpcReply::Body { text }]).unwrap();
        prop_assert_eq!(read.values.len() + read.failures.len() >= 28, true);
        for v in &read.values { prop_assert!(v.value.is_finite()); }
    }
}

#[test]
fn a_frozen_refresh_survives_the_share_link() {
    use restake_core::scenario::Scenario;
    let (_, _, read) = local();
    let doc = Scenario {
        live: Some(read.clone()),
        ..restake_core::scenario::default_document().unwrap()
    };
    let back = Scenario::from_fragment(&doc.to_fragment()).unwrap();
    assert_eq!(back.live.as_ref(), Some(&read));
    assert_eq!(
        back.live
            .unwrap()
            .value("rates.weETH.exchangeRate")
            .unwrap()
            .raw
            .as_deref(),
        Some("1069000000000000000")
    );
    // A document without the section reads as before (optional, version unchanged).
    assert_eq!(
        restake_core::scenario::default_document().unwrap().live,
        None
    );
    let mut v: Value = serde_json::from_str(&doc.to_json()).unwrap();
    v["live"]["values"][0]["basis"]["address"] = "0x1".into();
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.field(), "live.values[0].basis.address");
    v["live"]["values"][0]["raw"] = "12e3".into();
    assert!(Scenario::from_json(&v.to_string()).is_err());
}
