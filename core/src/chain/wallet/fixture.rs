//! A hand-worked wallet for the tests of the import (here and in `scenario::wallet`): its
//! request, and the answers an endpoint gives, ABI-encoded by `alloy-sol-types` from the
//! figures below.
//!
//! The wallet holds 150 WETH, 5 weETH and 2 ezETH; on Aave "core" it supplies 100 weETH as
//! collateral and owes 50 WETH (collateral USD 320,700, debt USD 150,000, LTV 72.5%, threshold
//! 75%, health factor 320,700 × 0.75 / 150,000 = 1.6035); on Morpho it posts 200 weETH against
//! 1e26 borrow shares of a market with 100 WETH borrowed over 1e26 shares (so 100 WETH owed,
//! LLTV 94.5%); one EigenLayer withdrawal queued at block 1,000 of 32 beacon-chain shares that
//! give 16 after slashing, with the 100,800-block delay. Rates: weETH 1.069, ezETH 1.043.

use alloy_primitives::{Address, U256, address};
use alloy_sol_types::SolCall;
use serde_json::json;

use super::abi::{
    IAavePoolAccount, IAaveUserReserve, IDelegationManagerWallet, IErc20Balance, IMorphoWallet,
};
use super::request::{
    AaveAccountTarget, EigenLayerTarget, MorphoPositionTarget, WalletRequest, WalletTargets,
    WalletToken,
};
use crate::chain::abi::{IMulticall3, IRateProvider};
use crate::chain::request::RateSource;
use crate::chain::{Head, LiveRead, RpcReply};

pub(crate) const WALLET: Address = address!("70997970C51812dc3A010C7d01b50e0d17dc79C8");
pub(crate) const WETH: Address = address!("00000000000000000000000000000000000000e1");
pub(crate) const WEETH: Address = address!("00000000000000000000000000000000000000e2");
pub(crate) const EZETH: Address = address!("00000000000000000000000000000000000000e3");
pub(crate) const EZETH_RATE: Address = address!("00000000000000000000000000000000000000e4");
const POOL: Address = address!("00000000000000000000000000000000000000a1");
const DATA: Address = address!("00000000000000000000000000000000000000a2");
const MORPHO: Address = address!("00000000000000000000000000000000000000b1");
const DELEGATION: Address = address!("00000000000000000000000000000000000000c1");
/// EigenLayer's beacon-chain ETH strategy (eigenlayer-contracts README).
pub(crate) const BEACON: Address = address!("beaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0");
/// A Morpho market id (any 32-byte word: the stand-in answers by call, not by id).
pub(crate) const MARKET: &str =
    "0x37e7484d642d90f14451f1910ba4b7b8e4c3ccdd0ec28f8b2bdb35479e472ba7";

/// `x` × 10^`e`.
pub(crate) fn e(x: u64, e: u32) -> U256 {
    U256::from(x) * U256::from(10u64).pow(U256::from(e))
}

/// The request of the hand-worked wallet.
pub(crate) fn request() -> WalletRequest {
    let s = |a: Address| a.to_checksum(None);
    WalletRequest {
        address: s(WALLET),
        allow_local_chain: true,
        targets: WalletTargets {
            tokens: vec![
                WalletToken {
                    id: "WETH".into(),
                    token: s(WETH),
                    rate: None,
                },
                WalletToken {
                    id: "weETH".into(),
                    token: s(WEETH),
                    rate: Some(RateSource::GetRate { address: s(WEETH) }),
                },
                WalletToken {
                    id: "ezETH".into(),
                    token: s(EZETH),
                    rate: Some(RateSource::GetRate {
                        address: s(EZETH_RATE),
                    }),
                },
            ],
            aave: vec![AaveAccountTarget {
                id: "core".into(),
                pool: s(POOL),
                data_provider: s(DATA),
                reserves: vec!["WETH".into(), "weETH".into()],
            }],
            morpho: vec![MorphoPositionTarget {
                id: "weETH-WETH-94.5".into(),
                morpho: s(MORPHO),
                market_id: MARKET.into(),
                collateral: "weETH".into(),
                loan: "WETH".into(),
            }],
            eigen_layer: Some(EigenLayerTarget {
                delegation_manager: s(DELEGATION),
            }),
        },
    }
}

/// The return data of every call of [`request`]'s plan, in plan order.
pub(crate) fn returns() -> Vec<Vec<u8>> {
    let balance = |x: U256| IErc20Balance::balanceOfCall::abi_encode_returns(&x);
    let rate = |x: U256| IRateProvider::getRateCall::abi_encode_returns(&x);
    let reserve = |supplied: U256, debt: U256, collateral: bool| {
        IAaveUserReserve::getUserReserveDataCall::abi_encode_returns_tuple(&(
            supplied,
            U256::ZERO,
            debt,
            U256::ZERO,
            debt,
            U256::ZERO,
            U256::ZERO,
            alloy_primitives::aliases::U40::ZERO,
            collateral,
        ))
    };
    let withdrawal = IDelegationManagerWallet::Withdrawal {
        staker: WALLET,
        delegatedTo: address!("00000000000000000000000000000000000000d1"),
        withdrawer: WALLET,
        nonce: U256::ZERO,
        startBlock: 1000,
        strategies: vec![BEACON],
        scaledShares: vec![e(32, 18)],
    };
    vec![
        balance(e(150, 18)),
        balance(e(5, 18)),
        rate(e(1069, 15)),
        balance(e(2, 18)),
        rate(e(1043, 15)),
        IAavePoolAccount::getUserAccountDataCall::abi_encode_returns_tuple(&(
            e(320_700, 8),
            e(150_000, 8),
            U256::from(8_250_750_000_000u64),
            U256::from(7500u64),
            U256::from(7250u64),
            e(16_035, 14),
        )),
        reserve(U256::ZERO, e(50, 18), false),
        reserve(e(100, 18), U256::ZERO, true),
        IMorphoWallet::positionCall::abi_encode_returns_tuple(&(
            U256::ZERO,
            e(1, 26).to::<u128>(),
            e(200, 18).to::<u128>(),
        )),
        IMorphoWallet::marketCall::abi_encode_returns_tuple(&(
            e(500, 18).to::<u128>(),
            e(500, 24).to::<u128>(),
            e(100, 18).to::<u128>(),
            e(1, 26).to::<u128>(),
            1_700_000_000u128,
            0u128,
        )),
        IMorphoWallet::idToMarketParamsCall::abi_encode_returns_tuple(&(
            WETH,
            WEETH,
            address!("00000000000000000000000000000000000000b2"),
            address!("00000000000000000000000000000000000000b3"),
            e(945, 15),
        )),
        IDelegationManagerWallet::getQueuedWithdrawalsCall::abi_encode_returns_tuple(&(
            vec![withdrawal],
            vec![vec![e(16, 18)]],
        )),
        IDelegationManagerWallet::minWithdrawalDelayBlocksCall::abi_encode_returns(&100_800u32),
    ]
}

/// An `eth_call` answer with id `id` carrying `aggregate3`'s results.
pub(crate) fn answer(id: u64, results: Vec<(bool, Vec<u8>)>) -> RpcReply {
    let results: Vec<IMulticall3::Result> = results
        .into_iter()
        .map(|(success, data)| IMulticall3::Result {
            success,
            returnData: data.into(),
        })
        .collect();
    let data = IMulticall3::aggregate3Call::abi_encode_returns(&results);
    RpcReply::Body {
        text: json!({"jsonrpc": "2.0", "id": id, "result": alloy_primitives::hex::encode_prefixed(data)})
            .to_string(),
    }
}

/// The head answers: chain 31337, block 0x1234 (4660) at timestamp 1,700,000,012.
pub(crate) fn head_replies() -> Vec<RpcReply> {
    let body = |v: serde_json::Value| RpcReply::Body {
        text: v.to_string(),
    };
    vec![
        body(json!({"jsonrpc": "2.0", "id": 1, "result": "0x7a69"})),
        body(json!({"jsonrpc": "2.0", "id": 2, "result": {
            "number": "0x1234", "timestamp": "0x6553f10c",
            "hash": format!("0x{}", "ab".repeat(32)),
        }})),
    ]
}

/// The hand-worked wallet read through plan → head → apply.
pub(crate) fn read() -> (WalletRequest, Head, LiveRead) {
    let req = request();
    let head = super::head(&req, &head_replies()).unwrap();
    let results = returns().into_iter().map(|d| (true, d)).collect();
    let read = super::apply(&req, &head, &[answer(3, results)]).unwrap();
    (req, head, read)
}
