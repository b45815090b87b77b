//! The wallet plan and decoder on hand-built answers ([`super::fixture`]), bad addresses, and
//! hostile answers (a property: any bytes, never a panic).

use proptest::prelude::*;

use super::fixture::{self, WALLET, answer, e, head_replies, request, returns};
use super::{apply, call_requests, head, plan};
use crate::chain::{Failure, LiveRead, RpcReply};

/// The integer the contract returned for `field` (empty when not read).
fn raw<'a>(read: &'a LiveRead, field: &str) -> &'a str {
    read.value(field)
        .and_then(|v| v.raw.as_deref())
        .unwrap_or_default()
}

#[test]
fn the_plan_asks_about_the_wallet_only_with_read_calls() {
    let p = plan(&request()).unwrap();
    let functions: Vec<&str> = p.calls.iter().map(|c| c.function.as_str()).collect();
    assert_eq!(
        functions,
        [
            "balanceOf(address)",
            "balanceOf(address)",
            "getRate()",
            "balanceOf(address)",
            "getRate()",
            "getUserAccountData(address)",
            "getUserReserveData(address,address)",
            "getUserReserveData(address,address)",
            "position(bytes32,address)",
            "market(bytes32)",
            "idToMarketParams(bytes32)",
            "getQueuedWithdrawals(address)",
            "minWithdrawalDelayBlocks()",
        ]
    );
    assert_eq!(p.batches.len(), 1);
    // aggregate3 = 0x82ad56cb; the wallet's address is inside the call data (getUserAccountData
    // = 0xbf92857c followed by the address word), so only the endpoint sees it.
    let data = &p.batches[0].data;
    assert!(data.starts_with("0x82ad56cb"));
    let word = format!(
        "bf92857c000000000000000000000000{}",
        "70997970c51812dc3a010c7d01b50e0d17dc79c8"
    );
    assert!(data.contains(&word));
    // getQueuedWithdrawals(address) = 0x5dd68579, position(bytes32,address) = 0x93c52062,
    // getUserReserveData(address,address) = 0x28dd2d01, balanceOf(address) = 0x70a08231
    // (keccak256 of each signature, as ethers' `id` gives them).
    for selector in ["5dd68579", "93c52062", "28dd2d01", "70a08231"] {
        assert!(data.contains(selector), "{selector}");
    }
    let h = head(&request(), &head_replies()).unwrap();
    let calls = call_requests(&request(), &h).unwrap();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].params[1], "0x1234");
}

#[test]
fn hand_built_answers_decode_to_the_wei() {
    let (_, head, read) = fixture::read();
    assert!(read.failures.is_empty(), "{:?}", read.failures);
    assert_eq!((head.chain_id, head.block_number), (31337, 4660));
    assert_eq!(raw(&read, "tokens.WETH.balance"), e(150, 18).to_string());
    assert_eq!(
        raw(&read, "tokens.weETH.exchangeRate"),
        "1069000000000000000"
    );
    let hf = read.value("aave.core.healthFactor").unwrap();
    assert_eq!(
        (hf.value, hf.basis.function.as_str()),
        (1.6035, "getUserAccountData(address)")
    );
    assert_eq!(
        read.value("aave.core.totalCollateralBase").unwrap().value,
        320_700.0
    );
    assert_eq!(
        read.value("aave.core.currentLiquidationThreshold")
            .unwrap()
            .value,
        0.75
    );
    assert_eq!(read.value("aave.core.ltv").unwrap().value, 0.725);
    assert_eq!(
        raw(&read, "aave.core.WETH.variableDebt"),
        e(50, 18).to_string()
    );
    assert_eq!(
        read.value("aave.core.weETH.usedAsCollateral")
            .unwrap()
            .value,
        1.0
    );
    assert_eq!(
        raw(&read, "morpho.weETH-WETH-94.5.borrowShares"),
        e(1, 26).to_string()
    );
    assert_eq!(
        read.value("morpho.weETH-WETH-94.5.lltv").unwrap().value,
        0.945
    );
    assert_eq!(read.value("eigenLayer.count").unwrap().value, 1.0);
    assert_eq!(
        read.value("eigenLayer.withdrawals[0].startBlock")
            .unwrap()
            .value,
        1000.0
    );
    let shares = format!(
        "eigenLayer.withdrawals[0].{}",
        fixture::BEACON.to_checksum(None)
    );
    assert_eq!(raw(&read, &shares), e(16, 18).to_string());
    assert_eq!(
        read.value("eigenLayer.minWithdrawalDelayBlocks")
            .unwrap()
            .value,
        100_800.0
    );
    // Every basis is the pinned block; none names the wallet.
    assert!(read.values.iter().all(|v| v.basis.block_number == 4660
        && v.basis.block_timestamp == 1_700_000_012
        && v.basis.address != WALLET.to_checksum(None)));
}

#[test]
fn a_bad_address_is_a_typed_error_naming_it() {
    let cases = [
        ("", "must start with 0x"),
        (
            "70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "must start with 0x",
        ),
        (
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C",
            "40 hexadecimal digits",
        ),
        (
            "0x70997970C51812dc3A010C7d01b50e0d17dc79CZ",
            "40 hexadecimal digits",
        ),
        ("0x70997970c51812dc3A010C7d01b50e0d17dc79C8", "EIP-55"),
        ("0x0000000000000000000000000000000000000000", "zero address"),
    ];
    for (address, why) in cases {
        let req = super::WalletRequest {
            address: address.into(),
            ..request()
        };
        let err = plan(&req).unwrap_err();
        assert_eq!(err.field(), "address", "{address}");
        assert!(err.to_string().contains(why), "{address}: {err}");
        assert_eq!(head(&req, &head_replies()).unwrap_err().field(), "address");
    }
    // All lower case is accepted, and checksummed back.
    let lower = super::WalletRequest {
        address: WALLET.to_checksum(None).to_lowercase(),
        ..request()
    };
    assert_eq!(
        lower.checksummed().unwrap(),
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
    );
    assert!(plan(&lower).is_ok());
}

#[test]
fn references_and_limits_name_their_field() {
    let mut req = request();
    req.targets.aave[0].reserves[1] = "rsETH".into();
    let err = plan(&req).unwrap_err();
    assert_eq!(err.field(), "targets.aave[0].reserves[1]");
    let mut req = request();
    req.targets.morpho[0].loan = "USDC".into();
    assert_eq!(plan(&req).unwrap_err().field(), "targets.morpho[0].loan");
    let mut req = request();
    req.targets.aave[0].reserves = vec!["WETH".into(); 2];
    assert_eq!(
        plan(&req).unwrap_err().field(),
        "targets.aave[0].reserves[1]"
    );
    let mut req = request();
    req.targets.morpho[0].market_id = "0x12".into();
    assert_eq!(
        plan(&req).unwrap_err().field(),
        "targets.morpho[0].marketId"
    );
    let mut req = request();
    req.allow_local_chain = false;
    assert_eq!(
        head(&req, &head_replies()).unwrap_err().field(),
        "eth_chainId"
    );
}

/// The answers with call `k`'s return data replaced.
fn with(k: usize, success: bool, data: Vec<u8>) -> LiveRead {
    let req = request();
    let h = head(&req, &head_replies()).unwrap();
    let mut results: Vec<(bool, Vec<u8>)> = returns().into_iter().map(|d| (true, d)).collect();
    results[k] = (success, data);
    apply(&req, &h, &[answer(3, results)]).unwrap()
}

#[test]
fn hostile_answers_are_typed_failures_of_their_call_only() {
    // A revert of getUserAccountData: only its figures go, with the revert's reason.
    let reason = alloy_sol_types::Revert {
        reason: "paused".into(),
    };
    let r = with(5, false, alloy_sol_types::SolError::abi_encode(&reason));
    assert_eq!(r.failures.len(), 1);
    assert_eq!(r.failures[0].field, "aave.core");
    assert!(
        matches!(&r.failures[0].reason, Failure::Reverted { reason: Some(x), .. } if x.contains("paused")),
        "{:?}",
        r.failures[0]
    );
    assert!(r.value("aave.core.WETH.variableDebt").is_some());
    // Short data, an LTV above 100%, a market lending another token, a withdrawal of another
    // staker: each an unexpected shape.
    let mut lt = returns()[5].clone();
    lt[3 * 32 + 31] = 0xff;
    lt[3 * 32 + 30] = 0xff;
    let other = {
        let mut d = returns()[11].clone();
        // The staker is the first word of the first withdrawal: offsets 0x40, then 0x20 … find it.
        let needle = WALLET.into_word();
        let at = d.windows(32).position(|w| w == needle.as_slice()).unwrap();
        d[at + 31] ^= 1;
        d
    };
    let swapped = {
        let mut d = returns()[10].clone();
        d.swap(31, 63);
        d
    };
    for (k, data) in [(0, vec![0u8; 31]), (5, lt), (10, swapped), (11, other)] {
        let r = with(k, true, data);
        assert_eq!(r.failures.len(), 1, "{k}: {:?}", r.failures);
        assert!(
            matches!(r.failures[0].reason, Failure::UnexpectedShape { .. }),
            "{k}: {:?}",
            r.failures[0]
        );
    }
    // No debt: Aave answers type(uint256).max, and no health factor is reported.
    let mut no_debt = returns()[5].clone();
    no_debt[5 * 32..].fill(0xff);
    assert!(
        with(5, true, no_debt)
            .value("aave.core.healthFactor")
            .is_none()
    );
    // A transport failure fails every call of the batch.
    let req = request();
    let h = head(&req, &head_replies()).unwrap();
    let down = apply(&req, &h, &[RpcReply::TimedOut]).unwrap();
    assert_eq!((down.values.len(), down.failures.len()), (0, 13));
    assert!(down.failures.iter().all(|f| f.reason == Failure::TimedOut));
    assert_eq!(apply(&req, &h, &[]).unwrap_err().field(), "replies");
}

#[test]
fn the_mainnet_targets_are_valid_and_plan() {
    let req = super::WalletRequest {
        address: WALLET.to_checksum(None),
        allow_local_chain: false,
        targets: super::WalletTargets::mainnet(),
    };
    let p = plan(&req).unwrap();
    // 5 tokens (4 with rates), Aave Core 1 + 5 and Prime 1 + 4, 5 Morpho markets × 3, EigenLayer 2.
    assert_eq!(p.calls.len(), 9 + 6 + 5 + 15 + 2);
    assert_eq!(p.batches.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any return data in any call's place: a figure or a typed failure, never a panic, and
    /// every figure finite.
    #[test]
    fn any_return_data_never_panics(k in 0usize..13, data in proptest::collection::vec(any::<u8>(), 0..700)) {
        let r = with(k, true, data);
        prop_assert!(r.values.iter().all(|v| v.value.is_finite()));
        // Only the call given the bytes can fail; the other twelve still decode.
        prop_assert!(r.failures.len() <= 1);
    }

    /// Any text as the endpoint's body: a typed failure, never a panic.
    #[test]
    fn any_body_never_panics(text in ".{0,400}") {
        let req = request();
        let h = head(&req, &head_replies()).unwrap();
        let r = apply(&req, &h, &[RpcReply::Body { text }]).unwrap();
        prop_assert_eq!(r.failures.len(), 13);
    }
}
