//! The calls a [`WalletRequest`] makes, in order: per token its `balanceOf(wallet)` and rate; per
//! Aave market `getUserAccountData(wallet)` and each reserve's `getUserReserveData`; per Morpho
//! market `position(id, wallet)`, `market(id)` and `idToMarketParams(id)`; EigenLayer's
//! `getQueuedWithdrawals(wallet)` and `minWithdrawalDelayBlocks()`.

use super::abi::{
    IAavePoolAccount, IAaveUserReserve, IDelegationManagerWallet, IErc20Balance, IMorphoWallet,
};
use super::decode::WalletDecode;
use super::request::{WalletRequest, rate_address};
use crate::Error;
use crate::chain::plan::{Call, Decode, call, rate_call};

/// Every call of `req`, in order, after validating it (errors name the request's field).
pub(crate) fn calls(req: &WalletRequest) -> Result<Vec<Call>, Error> {
    let c = req.check()?;
    let t = &req.targets;
    let user = c.wallet;
    let w = Decode::Wallet;
    let mut out = Vec::new();
    for (i, (token, address)) in t.tokens.iter().zip(&c.tokens).enumerate() {
        let f = format!("tokens.{}", token.id);
        out.push(call(
            &f,
            *address,
            IErc20Balance::balanceOfCall { account: user },
            w(WalletDecode::Balance),
        ));
        if let Some(rate) = &token.rate {
            let at = rate_address(&format!("targets.tokens[{i}].rate.address"), rate)?;
            out.push(rate_call(&f, at, rate));
        }
    }
    for (m, (pool, data, reserves)) in t.aave.iter().zip(&c.aave) {
        let f = format!("aave.{}", m.id);
        out.push(call(
            &f,
            *pool,
            IAavePoolAccount::getUserAccountDataCall { user },
            w(WalletDecode::AaveAccount),
        ));
        for &k in reserves {
            out.push(call(
                &format!("{f}.{}", t.tokens[k].id),
                *data,
                IAaveUserReserve::getUserReserveDataCall {
                    asset: c.tokens[k],
                    user,
                },
                w(WalletDecode::AaveReserve),
            ));
        }
    }
    for (m, &(morpho, id, collateral, loan)) in t.morpho.iter().zip(&c.morpho) {
        let f = format!("morpho.{}", m.id);
        out.push(call(
            &f,
            morpho,
            IMorphoWallet::positionCall { id, user },
            w(WalletDecode::MorphoPosition),
        ));
        out.push(call(
            &f,
            morpho,
            IMorphoWallet::marketCall { id },
            w(WalletDecode::MorphoMarket),
        ));
        out.push(call(
            &f,
            morpho,
            IMorphoWallet::idToMarketParamsCall { id },
            w(WalletDecode::MorphoParams {
                collateral: c.tokens[collateral],
                loan: c.tokens[loan],
            }),
        ));
    }
    if let Some(manager) = c.eigen_layer {
        out.push(call(
            "eigenLayer",
            manager,
            IDelegationManagerWallet::getQueuedWithdrawalsCall { staker: user },
            w(WalletDecode::QueuedWithdrawals { staker: user }),
        ));
        out.push(call(
            "eigenLayer",
            manager,
            IDelegationManagerWallet::minWithdrawalDelayBlocksCall {},
            w(WalletDecode::MinDelay),
        ));
    }
    Ok(out)
}
