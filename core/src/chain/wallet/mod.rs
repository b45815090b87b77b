//! Wallet import, sans-I/O (issue 19): the same plan → head → calls → apply steps as the live
//! market read ([`crate::chain`]), for one wallet's positions.
//!
//! 1. [`plan`] validates a [`WalletRequest`] (the address: `0x` + 40 hex digits, EIP-55 when
//!    mixed case, not zero) and returns the [`ReadPlan`]: the two head requests and the
//!    Multicall3 `aggregate3` batches of its calls ([`plan::calls`]'s order).
//! 2. [`head`] reads the two answers (chain id 1, or 31337 with `allowLocalChain`; the block).
//! 3. [`call_requests`] gives the batches as `eth_call`s pinned to that block.
//! 4. [`apply`] decodes the answers into a [`LiveRead`]: every figure with its [`LiveBasis`]
//!    (chain, block, contract, function), so each position is "as of block N"; every failed call
//!    with its typed [`Failure`].
//!
//! Figures (`field` = target path + name): `tokens.<id>.balance` (tokens) and
//! `.exchangeRate` (ETH per token); `aave.<market>.totalCollateralBase`, `.totalDebtBase`,
//! `.availableBorrowsBase` (USD), `.currentLiquidationThreshold`, `.ltv` (fractions),
//! `.healthFactor`; `aave.<market>.<token>.supplied`, `.variableDebt`, `.stableDebt` (tokens),
//! `.usedAsCollateral` (flag); `morpho.<market>.supplyShares`, `.borrowShares`, `.collateral`
//! (tokens), `.totalSupplyAssets`, `.totalSupplyShares`, `.totalBorrowAssets`,
//! `.totalBorrowShares`, `.lastUpdate`, `.lltv`; `eigenLayer.count`,
//! `eigenLayer.withdrawals[i].startBlock`, `eigenLayer.withdrawals[i].<strategy>` (shares),
//! `eigenLayer.minWithdrawalDelayBlocks`. `scenario::wallet` turns them into positions.
//!
//! The wallet's address appears only in the `eth_call` data sent to the caller's endpoint; the
//! [`LiveRead`] names contracts, never the wallet.
//!
//! [`LiveBasis`]: crate::chain::LiveBasis
//! [`Failure`]: crate::chain::Failure

mod abi;
pub(crate) mod decode;
mod mainnet;
mod plan;
pub mod request;

pub(crate) use decode::WalletDecode;
pub use decode::{MAX_QUEUED_WITHDRAWALS, MAX_WITHDRAWAL_STRATEGIES};
pub use request::{
    AaveAccountTarget, EigenLayerTarget, MorphoPositionTarget, WalletRequest, WalletTargets,
    WalletToken,
};

use super::{Head, LiveRead, ReadPlan, ReadRequest, RpcReply, RpcRequest};
use crate::Error;

/// The chain checks of the live read, with this request's `allowLocalChain`.
fn chain_rule(req: &WalletRequest) -> ReadRequest {
    ReadRequest {
        allow_local_chain: req.allow_local_chain,
        ..ReadRequest::default()
    }
}

/// The plan for `req` (validated; errors name the request's field: `address`,
/// `targets.morpho[0].marketId`).
///
/// ```
/// use restake_core::chain::wallet::{self, WalletRequest, WalletTargets};
/// let req = WalletRequest {
///     address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8".into(),
///     allow_local_chain: false,
///     targets: WalletTargets::mainnet(),
/// };
/// let plan = wallet::plan(&req).unwrap();
/// assert!(plan.calls.iter().any(|c| c.function == "getUserAccountData(address)"));
/// let bad = WalletRequest { address: "0x70997970c51812dc3A010C7d01b50e0d17dc79C8".into(), ..req };
/// assert_eq!(wallet::plan(&bad).unwrap_err().field(), "address"); // not its checksum
/// ```
pub fn plan(req: &WalletRequest) -> Result<ReadPlan, Error> {
    Ok(super::plan_of(&plan::calls(req)?))
}

/// The head from the answers to the plan's two head requests (see [`crate::chain::head`]).
pub fn head(req: &WalletRequest, replies: &[RpcReply]) -> Result<Head, Error> {
    req.check()?;
    super::head(&chain_rule(req), replies)
}

/// The plan's batches as `eth_call` requests pinned to `head`'s block (ids 3, 4, …).
pub fn call_requests(req: &WalletRequest, head: &Head) -> Result<Vec<RpcRequest>, Error> {
    Ok(super::pinned_requests(&plan::calls(req)?, head))
}

/// The [`LiveRead`] from the answers to [`call_requests`], in order (one per batch); `head` is
/// checked again (chain id, hash), as a JS caller passes it back.
pub fn apply(req: &WalletRequest, head: &Head, replies: &[RpcReply]) -> Result<LiveRead, Error> {
    super::check_chain(&chain_rule(req), "head.chainId", head.chain_id)?;
    super::request::word("head.blockHash", &head.block_hash)?;
    super::apply_calls(head, &plan::calls(req)?, replies)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod fixture;
// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
