//! The calls a [`ReadRequest`] makes: each contract call with the field it fills, then the calls
//! grouped into Multicall3 `aggregate3` batches (`allowFailure` set, so one revert costs only its
//! own figure).

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use serde::Serialize;

use super::abi::{
    IAaveDataProvider, IAaveRateStrategyV2, IAaveRateStrategyV30, IAdaptiveCurveIrm, ICurvePool,
    IErc20, IErc4626, IKelpOracle, IMorpho, IMulticall3, IRateProvider, IWstEth,
};
use super::request::{self, AaveStrategy, RateSource, ReadRequest};

/// One `aggregate3` result: the call's success and return data.
pub(crate) type Aggregate3Result = IMulticall3::Result;
use crate::Error;

/// Multicall3's address, the same on every chain it is deployed to (mds1/multicall3 README).
pub const MULTICALL3: &str = "0xcA11bde05977b3631167028862bE2a173976CA11";

/// Most calls in one `aggregate3` batch: small enough for a public endpoint's `eth_call` gas cap.
pub const MAX_CALLS_PER_BATCH: usize = 32;

/// How a call's return data becomes figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decode {
    /// A 1e18 exchange rate.
    Rate,
    /// An ERC-20 total supply.
    Supply,
    /// Curve `balances(i)`.
    CurveBalance(u8),
    /// Curve `A()`.
    CurveA,
    /// Curve `fee()`.
    CurveFee,
    /// Curve `coins(i)`, compared with the LRT the request names.
    CurveCoin(u8, Address),
    /// Curve stableswap-ng `stored_rates()`.
    CurveRates,
    /// Curve stableswap-ng `offpeg_fee_multiplier()`.
    CurveOffpeg,
    /// Aave `getReserveConfigurationData`.
    AaveConfig,
    /// Aave `getReserveCaps`.
    AaveCaps,
    /// Aave PoolDataProvider `getReserveData`.
    AaveData,
    /// Aave v3.2+ `getInterestRateDataBps`.
    StrategyV2,
    /// One of Aave v3.0's strategy getters (a ray), with the field it fills.
    StrategyRay(&'static str),
    /// Morpho `idToMarketParams`.
    MorphoParams,
    /// Morpho `market`.
    MorphoMarket,
    /// Morpho `idToMarketParams`, the market's `irm` required to be this AdaptiveCurveIRM.
    MorphoParamsIrm(Address),
    /// AdaptiveCurveIRM `rateAtTarget`.
    MorphoRateAtTarget,
    /// A wallet import's call ([`super::wallet`]).
    Wallet(super::wallet::WalletDecode),
    /// Aave `getEModeCategoryData` ([`super::emode`]).
    EMode,
    /// One of the calls of a reserve's standing in an E-mode category ([`super::emode_asset`]).
    EModeAsset(super::emode_asset::EModeAssetDecode),
    /// One of a CAPO adapter's getters ([`super::capo`]).
    Capo(super::capo::CapoDecode),
    /// One of a Balancer pool's calls ([`super::balancer`]).
    Balancer(super::balancer::BalancerDecode),
}

/// One contract call of a plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    /// The field path its figures go under (`rates.weETH`).
    pub field: String,
    /// The contract called.
    pub target: Address,
    /// The function's signature (`getRate()`), for the live basis.
    pub function: &'static str,
    /// ABI-encoded call data.
    pub data: Vec<u8>,
    /// How its return data is read.
    pub decode: Decode,
}

/// A call as the plan shows it: field, contract and function.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PlannedCall {
    /// The field path its figures go under (`aaveReserves.core-weETH`).
    pub field: String,
    /// The contract, checksummed.
    pub address: String,
    /// The function's signature.
    pub function: String,
}

/// One `eth_call` of the plan: `aggregate3` on Multicall3 with `calls` calls.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    /// Multicall3's address.
    pub to: String,
    /// The call data, `0x` + hex.
    pub data: String,
    /// The index of its first call in the plan's `calls`.
    pub first: usize,
    /// How many calls it holds.
    pub calls: usize,
}

/// One call of `c` on `target`, its figures under `field`.
pub(crate) fn call<C: SolCall>(field: &str, target: Address, c: C, decode: Decode) -> Call {
    Call {
        field: field.to_owned(),
        target,
        function: C::SIGNATURE,
        data: c.abi_encode(),
        decode,
    }
}

/// The call of a rate function on `target`; its figures (`exchangeRate`) under `field`.
pub(crate) fn rate_call(field: &str, target: Address, rate: &RateSource) -> Call {
    match rate {
        RateSource::GetRate { .. } => {
            call(field, target, IRateProvider::getRateCall {}, Decode::Rate)
        }
        RateSource::RsEthPrice { .. } => {
            call(field, target, IKelpOracle::rsETHPriceCall {}, Decode::Rate)
        }
        RateSource::StEthPerToken { .. } => {
            call(field, target, IWstEth::stEthPerTokenCall {}, Decode::Rate)
        }
        RateSource::ConvertToAssets { .. } => call(
            field,
            target,
            IErc4626::convertToAssetsCall {
                shares: U256::from(10u64).pow(U256::from(18u64)),
            },
            Decode::Rate,
        ),
    }
}

/// Every call of `req`, in order, after validating it (errors name the request's field).
pub(crate) fn calls(req: &ReadRequest) -> Result<Vec<Call>, Error> {
    request::list("rates", &req.rates, |t| &t.id)?;
    request::list("curvePools", &req.curve_pools, |t| &t.id)?;
    request::list("aaveReserves", &req.aave_reserves, |t| &t.id)?;
    request::list("morphoMarkets", &req.morpho_markets, |t| &t.id)?;
    let mut out = Vec::new();
    for (i, t) in req.rates.iter().enumerate() {
        let f = format!("rates.{}", t.id);
        let at = |name: &str, a: &str| request::address(&format!("rates[{i}].{name}"), a);
        let target = at("rate.address", t.rate.address())?;
        out.push(rate_call(&f, target, &t.rate));
        out.push(call(
            &f,
            at("token", &t.token)?,
            IErc20::totalSupplyCall {},
            Decode::Supply,
        ));
    }
    for (i, t) in req.curve_pools.iter().enumerate() {
        let f = format!("curvePools.{}", t.id);
        let pool = request::address(&format!("curvePools[{i}].pool"), &t.pool)?;
        let lrt = request::address(&format!("curvePools[{i}].lrt"), &t.lrt)?;
        for k in 0..2u8 {
            out.push(call(
                &f,
                pool,
                ICurvePool::balancesCall { i: U256::from(k) },
                Decode::CurveBalance(k),
            ));
            out.push(call(
                &f,
                pool,
                ICurvePool::coinsCall { i: U256::from(k) },
                Decode::CurveCoin(k, lrt),
            ));
        }
        out.push(call(&f, pool, ICurvePool::ACall {}, Decode::CurveA));
        out.push(call(&f, pool, ICurvePool::feeCall {}, Decode::CurveFee));
        out.push(call(
            &f,
            pool,
            ICurvePool::offpeg_fee_multiplierCall {},
            Decode::CurveOffpeg,
        ));
        out.push(call(
            &f,
            pool,
            ICurvePool::stored_ratesCall {},
            Decode::CurveRates,
        ));
    }
    for (i, t) in req.aave_reserves.iter().enumerate() {
        let f = format!("aaveReserves.{}", t.id);
        let at = |name: &str, a: &str| request::address(&format!("aaveReserves[{i}].{name}"), a);
        let data = at("dataProvider", &t.data_provider)?;
        let asset = at("asset", &t.asset)?;
        out.push(call(
            &f,
            data,
            IAaveDataProvider::getReserveConfigurationDataCall { asset },
            Decode::AaveConfig,
        ));
        out.push(call(
            &f,
            data,
            IAaveDataProvider::getReserveCapsCall { asset },
            Decode::AaveCaps,
        ));
        out.push(call(
            &f,
            data,
            IAaveDataProvider::getReserveDataCall { asset },
            Decode::AaveData,
        ));
        match &t.strategy {
            AaveStrategy::V2 { address } => {
                let s = at("strategy.address", address)?;
                out.push(call(
                    &f,
                    s,
                    IAaveRateStrategyV2::getInterestRateDataBpsCall { reserve: asset },
                    Decode::StrategyV2,
                ));
            }
            AaveStrategy::V30 { address } => {
                let s = at("strategy.address", address)?;
                use IAaveRateStrategyV30 as V;
                out.push(call(
                    &f,
                    s,
                    V::OPTIMAL_USAGE_RATIOCall {},
                    Decode::StrategyRay("optimalUsage"),
                ));
                out.push(call(
                    &f,
                    s,
                    V::getBaseVariableBorrowRateCall {},
                    Decode::StrategyRay("baseVariableBorrowRate"),
                ));
                out.push(call(
                    &f,
                    s,
                    V::getVariableRateSlope1Call {},
                    Decode::StrategyRay("variableRateSlope1"),
                ));
                out.push(call(
                    &f,
                    s,
                    V::getVariableRateSlope2Call {},
                    Decode::StrategyRay("variableRateSlope2"),
                ));
            }
        }
    }
    for (i, t) in req.morpho_markets.iter().enumerate() {
        let f = format!("morphoMarkets.{}", t.id);
        let morpho = request::address(&format!("morphoMarkets[{i}].morpho"), &t.morpho)?;
        let id = request::word(&format!("morphoMarkets[{i}].marketId"), &t.market_id)?;
        let irm = t
            .irm
            .as_deref()
            .map(|a| request::address(&format!("morphoMarkets[{i}].irm"), a))
            .transpose()?;
        out.push(call(
            &f,
            morpho,
            IMorpho::idToMarketParamsCall { id },
            irm.map_or(Decode::MorphoParams, Decode::MorphoParamsIrm),
        ));
        out.push(call(
            &f,
            morpho,
            IMorpho::marketCall { id },
            Decode::MorphoMarket,
        ));
        if let Some(irm) = irm {
            out.push(call(
                &f,
                irm,
                IAdaptiveCurveIrm::rateAtTargetCall { id },
                Decode::MorphoRateAtTarget,
            ));
        }
    }
    super::emode::calls(&req.aave_e_modes, &mut out)?;
    super::capo::calls(&req.capo_adapters, &mut out)?;
    super::balancer::calls(&req.balancer_pools, &mut out)?;
    Ok(out)
}

/// The `aggregate3` batches for `calls`, [`MAX_CALLS_PER_BATCH`] at most each.
pub(crate) fn batches(calls: &[Call]) -> Vec<Batch> {
    batches_of(calls, |c| (c.target, c.data.as_slice()))
}

/// The `aggregate3` batches for any calls, [`MAX_CALLS_PER_BATCH`] at most each, `part` giving
/// each call's contract and call data.
pub(crate) fn batches_of<T>(calls: &[T], part: impl Fn(&T) -> (Address, &[u8])) -> Vec<Batch> {
    calls
        .chunks(MAX_CALLS_PER_BATCH)
        .enumerate()
        .map(|(k, chunk)| {
            let list = chunk
                .iter()
                .map(|c| {
                    let (target, data) = part(c);
                    IMulticall3::Call3 {
                        target,
                        allowFailure: true,
                        callData: data.to_vec().into(),
                    }
                })
                .collect();
            let data = IMulticall3::aggregate3Call { calls: list }.abi_encode();
            Batch {
                to: MULTICALL3.to_owned(),
                data: alloy_primitives::hex::encode_prefixed(data),
                first: k * MAX_CALLS_PER_BATCH,
                calls: chunk.len(),
            }
        })
        .collect()
}

impl From<&Call> for PlannedCall {
    fn from(c: &Call) -> PlannedCall {
        PlannedCall {
            field: c.field.clone(),
            address: c.target.to_checksum(None),
            function: c.function.to_owned(),
        }
    }
}
