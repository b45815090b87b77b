//! A call's return data as figures in the model's units, each checked against what the
//! contract can return. Decoding is `alloy-sol-types`' strict mode (`abi_decode_returns_validate`):
//! short data, dirty padding and out-of-range values are errors, never panics.

use alloy_primitives::U256;
use alloy_sol_types::SolCall;

use super::abi::{
    IAaveDataProvider, IAaveRateStrategyV2, IAaveRateStrategyV30, IAdaptiveCurveIrm, ICurvePool,
    IErc20, IMorpho, IRateProvider,
};
use super::plan::Decode;
use super::rpc::Failure;

/// One decoded figure: its name under the call's field, the integer the contract returned (when
/// the figure is not derived), the value in the model's unit, and that unit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub name: String,
    pub raw: Option<U256>,
    pub value: f64,
    pub unit: &'static str,
}

const WAD: f64 = 1e18;
const RAY: f64 = 1e27;
const BPS: f64 = 1e4;

pub(crate) fn fig(name: &str, raw: U256, scale: f64, unit: &'static str) -> Figure {
    Figure {
        name: name.to_owned(),
        raw: Some(raw),
        value: f64::from(raw) / scale,
        unit,
    }
}

pub(crate) fn shape(detail: String) -> Failure {
    Failure::UnexpectedShape { detail }
}

/// `data` decoded as `C`'s return value (strict), or an unexpected-shape failure naming `C`.
pub(crate) fn decoded<C: SolCall>(data: &[u8]) -> Result<C::Return, Failure> {
    C::abi_decode_returns_validate(data).map_err(|e| {
        shape(format!(
            "{} returned {} bytes that do not decode: {}",
            C::SIGNATURE,
            data.len(),
            super::rpc::short(&e.to_string())
        ))
    })
}

/// `raw ≤ max`, or an unexpected-shape failure naming the figure.
pub(crate) fn at_most(name: &str, raw: U256, max: u64) -> Result<U256, Failure> {
    if raw <= U256::from(max) {
        Ok(raw)
    } else {
        Err(shape(format!(
            "{name} = {raw} exceeds {max}, which the contract cannot return"
        )))
    }
}

/// Utilisation `borrowed / supplied` (0 when nothing is supplied), a fraction.
fn utilisation(borrowed: U256, supplied: U256) -> Figure {
    let value = if supplied.is_zero() {
        0.0
    } else {
        f64::from(borrowed) / f64::from(supplied)
    };
    Figure {
        name: "utilisation".to_owned(),
        raw: None,
        value,
        unit: "fraction (borrowed / supplied)",
    }
}

/// The figures of one call's return data.
pub(crate) fn figures(decode: Decode, data: &[u8]) -> Result<Vec<Figure>, Failure> {
    Ok(match decode {
        Decode::Rate => {
            // Every rate function returns one uint256; getRate's decoder reads any of them.
            let r = decoded::<IRateProvider::getRateCall>(data)?;
            if r.is_zero() || r > U256::from(100u64) * U256::from(10u64).pow(U256::from(18u64)) {
                return Err(shape(format!(
                    "exchange rate {r} (1e18) is outside (0, 100] ETH per token"
                )));
            }
            vec![fig("exchangeRate", r, WAD, "ETH per token")]
        }
        Decode::Supply => vec![fig(
            "totalSupply",
            decoded::<IErc20::totalSupplyCall>(data)?,
            WAD,
            "tokens",
        )],
        Decode::CurveBalance(k) => {
            vec![fig(
                &format!("balances[{k}]"),
                decoded::<ICurvePool::balancesCall>(data)?,
                WAD,
                "tokens",
            )]
        }
        Decode::CurveA => {
            // Curve's MAX_A is 1e6 (CurveStableSwapNG.vy); A = 0 has no invariant.
            let a = at_most("A", decoded::<ICurvePool::ACall>(data)?, 1_000_000)?;
            if a.is_zero() {
                return Err(shape("A = 0".to_owned()));
            }
            vec![fig("A", a, 1.0, "A (as A() returns)")]
        }
        Decode::CurveFee => {
            let f = at_most("fee", decoded::<ICurvePool::feeCall>(data)?, 10_000_000_000)?;
            vec![fig("fee", f, 1e10, "fraction of the output")]
        }
        Decode::CurveCoin(k, lrt) => {
            let coin = decoded::<ICurvePool::coinsCall>(data)?;
            vec![Figure {
                name: format!("coins[{k}].isLrt"),
                raw: None,
                value: if coin == lrt { 1.0 } else { 0.0 },
                unit: "1 when coins(i) is the request's LRT, else 0",
            }]
        }
        Decode::CurveOffpeg => {
            // Curve's fee check (`fee · multiplier ≤ MAX_FEE · 1e10`) bounds it; above 100× the
            // engine's fee model does not follow.
            let m = at_most(
                "offpeg_fee_multiplier",
                decoded::<ICurvePool::offpeg_fee_multiplierCall>(data)?,
                1_000_000_000_000,
            )?;
            vec![fig(
                "offpegFeeMultiplier",
                m,
                1e10,
                "multiplier (1 = constant fee)",
            )]
        }
        Decode::CurveRates => {
            let rates = decoded::<ICurvePool::stored_ratesCall>(data)?;
            if rates.len() != 2 {
                return Err(shape(format!(
                    "stored_rates() holds {} rates, not the two coins' rates",
                    rates.len()
                )));
            }
            let mut out = Vec::with_capacity(2);
            for (k, r) in rates.into_iter().enumerate() {
                // An 18-decimal coin's rate is its oracle rate in 1e18 (rate multiplier 1e18);
                // a coin of fewer decimals scales it up to 1e36.
                if r.is_zero() || r > U256::from(10u64).pow(U256::from(38u64)) {
                    return Err(shape(format!(
                        "stored_rates()[{k}] = {r} is outside (0, 1e38]"
                    )));
                }
                out.push(fig(&format!("storedRates[{k}]"), r, WAD, "rate (1e18 = 1)"));
            }
            out
        }
        Decode::AaveConfig => {
            let c = decoded::<IAaveDataProvider::getReserveConfigurationDataCall>(data)?;
            let ltv = at_most("ltv", c.ltv, 10_000)?;
            let lt = at_most("liquidationThreshold", c.liquidationThreshold, 10_000)?;
            if ltv > lt {
                return Err(shape(format!(
                    "ltv {ltv} exceeds liquidationThreshold {lt}"
                )));
            }
            // The bonus is stored as 1e4 + bonus in bps (10750 = 7.5%); 0 when not a collateral.
            let lb = at_most("liquidationBonus", c.liquidationBonus, 65_535)?;
            if !lb.is_zero() && lb < U256::from(10_000u64) {
                return Err(shape(format!(
                    "liquidationBonus {lb} is below 10000 (1e4 + bonus in bps)"
                )));
            }
            let bonus = Figure {
                name: "liquidationBonus".to_owned(),
                raw: Some(lb),
                value: if lb.is_zero() {
                    0.0
                } else {
                    (f64::from(lb) - BPS) / BPS
                },
                unit: "fraction of the repaid debt (raw: 1e4 + bps)",
            };
            vec![
                fig("ltv", ltv, BPS, "fraction"),
                fig("liquidationThreshold", lt, BPS, "fraction"),
                bonus,
                fig(
                    "reserveFactor",
                    at_most("reserveFactor", c.reserveFactor, 10_000)?,
                    BPS,
                    "fraction",
                ),
            ]
        }
        Decode::AaveCaps => {
            let c = decoded::<IAaveDataProvider::getReserveCapsCall>(data)?;
            vec![
                fig("supplyCap", c.supplyCap, 1.0, "whole tokens (0 = no cap)"),
                fig("borrowCap", c.borrowCap, 1.0, "whole tokens (0 = no cap)"),
            ]
        }
        Decode::AaveData => {
            let d = decoded::<IAaveDataProvider::getReserveDataCall>(data)?;
            let borrowed = d.totalStableDebt.saturating_add(d.totalVariableDebt);
            vec![
                fig(
                    "totalSupplied",
                    d.totalAToken,
                    WAD,
                    "tokens (aToken supply)",
                ),
                Figure {
                    name: "totalBorrowed".to_owned(),
                    raw: Some(borrowed),
                    value: f64::from(borrowed) / WAD,
                    unit: "tokens (stable + variable debt)",
                },
                utilisation(borrowed, d.totalAToken),
                fig(
                    "variableBorrowRate",
                    d.variableBorrowRate,
                    RAY,
                    "APR fraction",
                ),
                fig("liquidityRate", d.liquidityRate, RAY, "APR fraction"),
            ]
        }
        Decode::StrategyV2 => {
            let s = decoded::<IAaveRateStrategyV2::getInterestRateDataBpsCall>(data)?;
            let optimal = at_most("optimalUsageRatio", U256::from(s.optimalUsageRatio), 10_000)?;
            vec![
                fig("optimalUsage", optimal, BPS, "fraction"),
                fig(
                    "baseVariableBorrowRate",
                    U256::from(s.baseVariableBorrowRate),
                    BPS,
                    "APR fraction",
                ),
                fig(
                    "variableRateSlope1",
                    U256::from(s.variableRateSlope1),
                    BPS,
                    "APR fraction",
                ),
                fig(
                    "variableRateSlope2",
                    U256::from(s.variableRateSlope2),
                    BPS,
                    "APR fraction",
                ),
            ]
        }
        Decode::StrategyRay(name) => {
            // All four v3.0 getters return one uint256 ray; the optimal usage is at most one ray.
            let r = decoded::<IAaveRateStrategyV30::getVariableRateSlope1Call>(data)?;
            let optimal = name == "optimalUsage";
            if optimal && r > U256::from(10u64).pow(U256::from(27u64)) {
                return Err(shape(format!("optimalUsage {r} exceeds one ray")));
            }
            vec![fig(
                name,
                r,
                RAY,
                if optimal { "fraction" } else { "APR fraction" },
            )]
        }
        Decode::MorphoParams => morpho_params(data, None)?,
        Decode::MorphoParamsIrm(irm) => morpho_params(data, Some(irm))?,
        Decode::MorphoRateAtTarget => {
            let r = decoded::<IAdaptiveCurveIrm::rateAtTargetCall>(data)?;
            vec![super::morpho_rate::rate_at_target(r)?]
        }
        Decode::Wallet(w) => super::wallet::decode::figures(w, data)?,
        Decode::EMode => super::emode::figures(data)?,
        Decode::EModeAsset(d) => super::emode_asset::figures(d, data)?,
        Decode::Capo(c) => super::capo::figures(c, data)?,
        Decode::Balancer(b) => super::balancer::figures(b, data)?,
        Decode::MorphoMarket => {
            let m = decoded::<IMorpho::marketCall>(data)?;
            let supplied = U256::from(m.totalSupplyAssets);
            let borrowed = U256::from(m.totalBorrowAssets);
            vec![
                fig("totalSupplyAssets", supplied, WAD, "tokens"),
                fig("totalBorrowAssets", borrowed, WAD, "tokens"),
                utilisation(borrowed, supplied),
                fig(
                    "fee",
                    at_most("fee", U256::from(m.fee), 10u64.pow(18))?,
                    WAD,
                    "fraction of interest",
                ),
                fig("lastUpdate", U256::from(m.lastUpdate), 1.0, "unix seconds"),
            ]
        }
    })
}

/// Morpho `idToMarketParams`: the LLTV, after checking the market exists and, when `irm` is
/// given, that its IRM is that contract.
fn morpho_params(
    data: &[u8],
    irm: Option<alloy_primitives::Address>,
) -> Result<Vec<Figure>, Failure> {
    let p = decoded::<IMorpho::idToMarketParamsCall>(data)?;
    if p.collateralToken.is_zero() && p.loanToken.is_zero() {
        return Err(shape(
            "no market with this id (idToMarketParams is empty)".to_owned(),
        ));
    }
    if let Some(irm) = irm
        && p.irm != irm
    {
        return Err(shape(format!(
            "the market's irm is {}, not the AdaptiveCurveIRM {} the request names",
            p.irm.to_checksum(None),
            irm.to_checksum(None)
        )));
    }
    let lltv = at_most("lltv", p.lltv, 10u64.pow(18))?;
    Ok(vec![fig("lltv", lltv, WAD, "fraction")])
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
