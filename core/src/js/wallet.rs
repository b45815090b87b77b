//! Wallet import for JS (issue 19): `mainnetWalletTargets()`, `planWalletRead(request)`,
//! `walletReadCalls(request, headReplies)`, `applyWalletRead(request, head, replies)`,
//! `importWallet(scenario, section)` and `walletPositions(scenario)`. The caller sends the
//! requests with any transport, exactly as for the live read (`planLiveRead`); the wallet's
//! address goes only into the `eth_call` data it sends.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::live::Calls;
use super::{from_js, scenario_from, to_js};
use crate::chain::wallet::{self, WalletRequest, WalletTargets};
use crate::chain::{Head, RpcReply};
use crate::scenario::{Scenario, WalletPositions, WalletSection};

/// Ethereum mainnet's wallet targets: the LRT, LST and WETH tokens with their rate functions,
/// Aave v3 Core and Prime, the Morpho Blue LRT/WETH markets, EigenLayer's DelegationManager.
#[wasm_bindgen(js_name = mainnetWalletTargets, unchecked_return_type = "WalletTargets")]
pub fn mainnet_wallet_targets_js() -> Result<JsValue, JsValue> {
    to_js(&WalletTargets::mainnet())
}

/// What a wallet import of `request` sends: the two head requests, every call, the batches.
/// Errors name the request's field (`address`, `targets.aave[0].reserves[1]`).
#[wasm_bindgen(js_name = planWalletRead, unchecked_return_type = "ReadPlan")]
pub fn plan_wallet_read_js(
    #[wasm_bindgen(unchecked_param_type = "WalletRequest")] request: JsValue,
) -> Result<JsValue, JsValue> {
    let request: WalletRequest = from_js(request, "")?;
    to_js(&wallet::plan(&request)?)
}

/// The head from the answers to the plan's two head requests and the `eth_call` requests
/// pinned to its block.
#[wasm_bindgen(js_name = walletReadCalls, unchecked_return_type = "{ head: Head; requests: RpcRequest[] }")]
pub fn wallet_read_calls_js(
    #[wasm_bindgen(unchecked_param_type = "WalletRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RpcReply[]")] head_replies: JsValue,
) -> Result<JsValue, JsValue> {
    let request: WalletRequest = from_js(request, "")?;
    let replies: Vec<RpcReply> = from_js(head_replies, "headReplies")?;
    let head = wallet::head(&request, &replies)?;
    let requests = wallet::call_requests(&request, &head)?;
    to_js(&Calls { head, requests })
}

/// The wallet's figures from the answers to `walletReadCalls`' requests, in order, as the
/// document's `wallet` section (`{ targets, read }`: the contracts and their answers at the
/// block, without the wallet's address).
#[wasm_bindgen(js_name = applyWalletRead, unchecked_return_type = "WalletSection")]
pub fn apply_wallet_read_js(
    #[wasm_bindgen(unchecked_param_type = "WalletRequest")] request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Head")] head: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RpcReply[]")] replies: JsValue,
) -> Result<JsValue, JsValue> {
    let request: WalletRequest = from_js(request, "")?;
    let head: Head = from_js(head, "head")?;
    let replies: Vec<RpcReply> = from_js(replies, "replies")?;
    let read = wallet::apply(&request, &head, &replies)?;
    to_js(&WalletSection {
        targets: request.targets,
        read,
    })
}

/// Imports `section` into `scenario` (`Scenario::import_wallet`): its holdings become the
/// network's positions, its largest loop the Leverage page's loop, the section the document's
/// `wallet`. `{ scenario, positions }`; errors name the field (`wallet.read.values[3].value`).
#[wasm_bindgen(js_name = importWallet, unchecked_return_type = "{ scenario: Scenario; positions: WalletPositions }")]
pub fn import_wallet_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WalletSection")] section: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Imported {
        scenario: Scenario,
        positions: WalletPositions,
    }
    let mut s = scenario_from(scenario)?;
    let section: WalletSection = from_js(section, "wallet")?;
    let positions = s.import_wallet(section)?;
    to_js(&Imported {
        scenario: s,
        positions,
    })
}

/// The positions of a document's `wallet` section ("your positions as of block N"), or `null`
/// without one.
#[wasm_bindgen(js_name = walletPositions, unchecked_return_type = "WalletPositions | null")]
pub fn wallet_positions_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
) -> Result<JsValue, JsValue> {
    let s = scenario_from(scenario)?;
    match s.wallet_positions() {
        Some(p) => to_js(&p?),
        None => Ok(JsValue::NULL),
    }
}
