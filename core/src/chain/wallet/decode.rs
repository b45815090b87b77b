//! A wallet call's return data as figures in the model's units, each range-checked against what
//! the contract can return; strict ABI decoding (`abi_decode_returns_validate`), so short data,
//! dirty padding and out-of-range values are failures, never panics.

use alloy_primitives::{Address, U256};

use super::abi::{
    IAavePoolAccount, IAaveUserReserve, IDelegationManagerWallet, IErc20Balance, IMorphoWallet,
};
use crate::chain::decode::{Figure, at_most, decoded, fig, shape};
use crate::chain::rpc::Failure;

/// Most queued withdrawals of one staker decoded (more is an unexpected-shape failure).
pub const MAX_QUEUED_WITHDRAWALS: usize = 64;

/// Most strategies in one queued withdrawal decoded.
pub const MAX_WITHDRAWAL_STRATEGIES: usize = 32;

const WAD: f64 = 1e18;
/// Aave v3's base currency on Ethereum: USD with 8 decimals (`BASE_CURRENCY_UNIT` = 1e8).
const BASE: f64 = 1e8;
const BPS: f64 = 1e4;

/// How a wallet call's return data becomes figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WalletDecode {
    /// ERC-20 `balanceOf`.
    Balance,
    /// Aave `getUserAccountData`.
    AaveAccount,
    /// Aave `getUserReserveData`.
    AaveReserve,
    /// Morpho `position`.
    MorphoPosition,
    /// Morpho `market` (with the share totals).
    MorphoMarket,
    /// Morpho `idToMarketParams`, whose tokens must be these.
    MorphoParams {
        /// The collateral token the request names.
        collateral: Address,
        /// The loan token the request names.
        loan: Address,
    },
    /// EigenLayer `getQueuedWithdrawals`, every withdrawal of this staker.
    QueuedWithdrawals {
        /// The wallet.
        staker: Address,
    },
    /// EigenLayer `minWithdrawalDelayBlocks`.
    MinDelay,
}

/// The figures of one wallet call's return data.
pub(crate) fn figures(decode: WalletDecode, data: &[u8]) -> Result<Vec<Figure>, Failure> {
    Ok(match decode {
        WalletDecode::Balance => vec![fig(
            "balance",
            decoded::<IErc20Balance::balanceOfCall>(data)?,
            WAD,
            "tokens",
        )],
        WalletDecode::AaveAccount => {
            let a = decoded::<IAavePoolAccount::getUserAccountDataCall>(data)?;
            let lt = at_most(
                "currentLiquidationThreshold",
                a.currentLiquidationThreshold,
                10_000,
            )?;
            let ltv = at_most("ltv", a.ltv, 10_000)?;
            let mut out = vec![
                fig("totalCollateralBase", a.totalCollateralBase, BASE, "USD"),
                fig("totalDebtBase", a.totalDebtBase, BASE, "USD"),
                fig("availableBorrowsBase", a.availableBorrowsBase, BASE, "USD"),
                fig("currentLiquidationThreshold", lt, BPS, "fraction"),
                fig("ltv", ltv, BPS, "fraction"),
            ];
            // Without debt the Pool returns type(uint256).max: no health factor to show.
            if a.healthFactor != U256::MAX {
                out.push(fig(
                    "healthFactor",
                    a.healthFactor,
                    WAD,
                    "health factor (1 = liquidatable)",
                ));
            }
            out
        }
        WalletDecode::AaveReserve => {
            let r = decoded::<IAaveUserReserve::getUserReserveDataCall>(data)?;
            vec![
                fig(
                    "supplied",
                    r.currentATokenBalance,
                    WAD,
                    "tokens (aToken balance)",
                ),
                fig("variableDebt", r.currentVariableDebt, WAD, "tokens"),
                fig("stableDebt", r.currentStableDebt, WAD, "tokens"),
                fig(
                    "usedAsCollateral",
                    U256::from(u8::from(r.usageAsCollateralEnabled)),
                    1.0,
                    "flag (1 = the supply counts as collateral)",
                ),
            ]
        }
        WalletDecode::MorphoPosition => {
            let p = decoded::<IMorphoWallet::positionCall>(data)?;
            vec![
                fig("supplyShares", p.supplyShares, 1.0, "supply shares"),
                fig(
                    "borrowShares",
                    U256::from(p.borrowShares),
                    1.0,
                    "borrow shares",
                ),
                fig("collateral", U256::from(p.collateral), WAD, "tokens"),
            ]
        }
        WalletDecode::MorphoMarket => {
            let m = decoded::<IMorphoWallet::marketCall>(data)?;
            [
                ("totalSupplyAssets", m.totalSupplyAssets, WAD, "tokens"),
                (
                    "totalSupplyShares",
                    m.totalSupplyShares,
                    1.0,
                    "supply shares",
                ),
                ("totalBorrowAssets", m.totalBorrowAssets, WAD, "tokens"),
                (
                    "totalBorrowShares",
                    m.totalBorrowShares,
                    1.0,
                    "borrow shares",
                ),
                ("lastUpdate", m.lastUpdate, 1.0, "unix seconds"),
            ]
            .into_iter()
            .map(|(name, raw, scale, unit)| fig(name, U256::from(raw), scale, unit))
            .collect()
        }
        WalletDecode::MorphoParams { collateral, loan } => {
            let p = decoded::<IMorphoWallet::idToMarketParamsCall>(data)?;
            if p.collateralToken != collateral || p.loanToken != loan {
                return Err(shape(format!(
                    "the market lends {} against {}, not the request's {loan} against {collateral}",
                    p.loanToken, p.collateralToken
                )));
            }
            let lltv = at_most("lltv", p.lltv, 10u64.pow(18))?;
            vec![fig("lltv", lltv, WAD, "fraction")]
        }
        WalletDecode::QueuedWithdrawals { staker } => queued(staker, data)?,
        WalletDecode::MinDelay => vec![fig(
            "minWithdrawalDelayBlocks",
            U256::from(decoded::<
                IDelegationManagerWallet::minWithdrawalDelayBlocksCall,
            >(data)?),
            1.0,
            "blocks",
        )],
    })
}

/// `getQueuedWithdrawals(staker)`: the count, then per withdrawal `i` its start block and, per
/// strategy, the shares completing it would give (`withdrawals[i].<strategy>`). Every
/// withdrawal must be the staker's and have one share amount per strategy.
fn queued(staker: Address, data: &[u8]) -> Result<Vec<Figure>, Failure> {
    let q = decoded::<IDelegationManagerWallet::getQueuedWithdrawalsCall>(data)?;
    let n = q.withdrawals.len();
    if n > MAX_QUEUED_WITHDRAWALS || q.shares.len() != n {
        return Err(shape(format!(
            "{n} withdrawals and {} share lists (at most {MAX_QUEUED_WITHDRAWALS}, one list each)",
            q.shares.len()
        )));
    }
    let mut out = vec![fig("count", U256::from(n), 1.0, "queued withdrawals")];
    for (i, (w, shares)) in q.withdrawals.iter().zip(&q.shares).enumerate() {
        if w.staker != staker {
            return Err(shape(format!(
                "withdrawal {i} is {}'s, not the wallet's",
                w.staker
            )));
        }
        let k = w.strategies.len();
        if k > MAX_WITHDRAWAL_STRATEGIES || shares.len() != k || w.scaledShares.len() != k {
            return Err(shape(format!(
                "withdrawal {i}: {k} strategies, {} shares, {} scaled shares (at most {MAX_WITHDRAWAL_STRATEGIES}, equal)",
                shares.len(),
                w.scaledShares.len()
            )));
        }
        out.push(fig(
            &format!("withdrawals[{i}].startBlock"),
            U256::from(w.startBlock),
            1.0,
            "block",
        ));
        for (strategy, s) in w.strategies.iter().zip(shares) {
            out.push(fig(
                &format!("withdrawals[{i}].{}", strategy.to_checksum(None)),
                *s,
                WAD,
                "strategy shares (1e18)",
            ));
        }
    }
    Ok(out)
}
