//! Balancer v2 ComposableStable pools (issue 18): what a request names ([`BalancerPoolTarget`]),
//! the Vault's `getPoolTokens(bytes32)` (balancer-v2-monorepo `pkg/interfaces/contracts/vault/IVault.sol`)
//! and the pool's `getPoolId()`, `getAmplificationParameter()`, `getSwapFeePercentage()`,
//! `getScalingFactors()` and `getBptIndex()` (`pkg/pool-stable/contracts/ComposableStablePool.sol`
//! and its bases), and their figures.
//!
//! Figures, under `balancerPools.<id>`:
//! - from `getPoolTokens`: `tokens.lrtIndex`, `tokens.ethIndex`, `tokens.bptIndex` (positions in
//!   the Vault's token list; the BPT is the pool contract itself, registered as a token),
//!   `lrtBalance` and `ethBalance` (the Vault's raw balances / 1e18: tokens for 18-decimal
//!   tokens), `lastChangeBlock` (a block number). The list must hold exactly three tokens: the
//!   BPT, the request's LRT and one other (the ETH side).
//! - `poolIdMatches` (1): the pool's `getPoolId()` is the request's `poolId` (a failure otherwise).
//! - `amplification` = `value / precision` (A, the convention of Balancer's `StableMath` and of
//!   Curve's contracts: `ampTimesTotal = A·n`, `StableMath.sol` `_calculateInvariant`, whose
//!   comment reads "The amplification parameter equals: A n^(n-1)"), `amplificationIsUpdating`.
//!   `precision` must be `_AMP_PRECISION = 1e3` and `A` in `_MIN_AMP..=_MAX_AMP = 1..=5000`
//!   (`StableMath.sol`).
//! - `swapFee`: `getSwapFeePercentage() / 1e18`, a fraction at most 10% (BasePool's
//!   `_MAX_SWAP_FEE_PERCENTAGE = 1e17`, `pkg/pool-utils/contracts/BasePool.sol`).
//! - `scalingFactors.length` and `scalingFactors[k]` / 1e18: `10^(18 − decimals) × rate`, the
//!   token's rate the pool's cached rate-provider rate (1 without a provider;
//!   `ComposableStablePoolRates.sol`). Each in `(0, 1e20]` (1e18 decimals scaling × a rate up to 100).
//! - `bptIndex` from `getBptIndex()`, at most 5 (`_MAX_STABLE_TOKENS = 5` plus the BPT).

use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::sol;
use serde::{Deserialize, Serialize};

use super::decode::{Figure, at_most, decoded, fig, shape};
use super::plan::{Call, Decode, call};
use super::request;
use super::rpc::Failure;
use crate::Error;

sol! {
    /// The Balancer v2 Vault's pool-token read (balancer-v2-monorepo IVault).
    interface IBalancerVault {
        function getPoolTokens(bytes32 poolId) external view returns (address[] tokens, uint256[] balances, uint256 lastChangeBlock);
    }

    /// The read interface of a ComposableStable pool (balancer-v2-monorepo pkg/pool-stable).
    interface IComposableStablePool {
        function getPoolId() external view returns (bytes32);
        function getAmplificationParameter() external view returns (uint256 value, bool isUpdating, uint256 precision);
        function getSwapFeePercentage() external view returns (uint256);
        function getScalingFactors() external view returns (uint256[] memory);
        function getBptIndex() external view returns (uint256);
    }
}

/// One Balancer v2 ComposableStable pool of an LRT against ETH.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BalancerPoolTarget {
    /// The pool's id in the lab (`ezETH-WETH`).
    pub id: String,
    /// The Balancer v2 Vault holding the pool's balances.
    pub vault: String,
    /// The pool contract (also its BPT).
    pub pool: String,
    /// The Vault's pool id, `0x` + 64 hex digits: the pool address (20 bytes) ‖ specialization
    /// (2 bytes) ‖ nonce (10 bytes), [`pool_id`].
    pub pool_id: String,
    /// The LRT token: the pool's LRT side; its one other non-BPT token is the ETH side.
    pub lrt: String,
}

/// Which call a Balancer figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BalancerDecode {
    /// Vault `getPoolTokens`, the list checked against the pool (its BPT) and the LRT.
    PoolTokens {
        pool: Address,
        lrt: Address,
    },
    /// Pool `getPoolId()`, required to equal this id.
    PoolId(B256),
    Amplification,
    SwapFee,
    ScalingFactors,
    BptIndex,
}

/// Most a Vault balance can be: balances are packed in 112 bits (balancer-v2-monorepo
/// `pkg/vault/contracts/balances/BalanceAllocation.sol`).
const MAX_BALANCE_BITS: usize = 112;
/// `_AMP_PRECISION` and `_MAX_AMP` (balancer-v2-monorepo `pkg/pool-stable/contracts/StableMath.sol`).
const AMP_PRECISION: u64 = 1_000;
const MAX_AMP: u64 = 5_000;
/// BasePool's `_MAX_SWAP_FEE_PERCENTAGE`, 10% in 1e18.
const MAX_SWAP_FEE: u64 = 100_000_000_000_000_000;
/// `_MAX_STABLE_TOKENS` (5) plus the BPT.
const MAX_TOKENS: usize = 6;
const E18: f64 = 1e18;

/// Balancer's pool id of `pool` (`PoolRegistry._toPoolId`, balancer-v2-monorepo
/// `pkg/vault/contracts/PoolRegistry.sol`): `pool` (20 bytes) ‖ `specialization` (2 bytes: 0
/// GENERAL, 1 MINIMAL_SWAP_INFO, 2 TWO_TOKEN) ‖ `nonce` (10 bytes, the Vault's registration
/// count). Errors: a specialization above 2 or a nonce of 2^80 or more.
pub fn pool_id(pool: Address, specialization: u16, nonce: u128) -> Result<B256, Error> {
    if specialization > 2 {
        return Err(Error::OutOfRange {
            field: "specialization".to_owned(),
            value: f64::from(specialization),
            expected: "0 (GENERAL), 1 (MINIMAL_SWAP_INFO) or 2 (TWO_TOKEN)".to_owned(),
        });
    }
    if nonce >> 80 != 0 {
        return Err(Error::OutOfRange {
            field: "nonce".to_owned(),
            value: nonce as f64,
            expected: "a uint80 (below 2^80)".to_owned(),
        });
    }
    let mut id = [0u8; 32];
    id[..20].copy_from_slice(pool.as_slice());
    id[20..22].copy_from_slice(&specialization.to_be_bytes());
    id[22..].copy_from_slice(&nonce.to_be_bytes()[6..]);
    Ok(B256::from(id))
}

/// The calls of `targets` (validated; errors name `balancerPools[i].…`; the pool id's first 20
/// bytes must be the pool), appended to `out`.
pub(crate) fn calls(targets: &[BalancerPoolTarget], out: &mut Vec<Call>) -> Result<(), Error> {
    request::list("balancerPools", targets, |t| &t.id)?;
    use BalancerDecode as D;
    use IComposableStablePool as P;
    let mut planned = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        let at = |name: &str, a: &str| request::address(&format!("balancerPools[{i}].{name}"), a);
        let (vault, pool, lrt) = (
            at("vault", &t.vault)?,
            at("pool", &t.pool)?,
            at("lrt", &t.lrt)?,
        );
        let id_field = format!("balancerPools[{i}].poolId");
        let id = request::word(&id_field, &t.pool_id)?;
        if id[..20] != pool.as_slice()[..] {
            return Err(Error::InvalidText {
                field: id_field,
                value: t.pool_id.clone(),
                reason: format!("its first 20 bytes are not the pool {pool}"),
            });
        }
        let f = format!("balancerPools.{}", t.id);
        let d = |d: BalancerDecode| Decode::Balancer(d);
        let tokens = IBalancerVault::getPoolTokensCall { poolId: id };
        planned.push(call(&f, vault, tokens, d(D::PoolTokens { pool, lrt })));
        planned.push(call(&f, pool, P::getPoolIdCall {}, d(D::PoolId(id))));
        let amp = P::getAmplificationParameterCall {};
        planned.push(call(&f, pool, amp, d(D::Amplification)));
        let fee = P::getSwapFeePercentageCall {};
        planned.push(call(&f, pool, fee, d(D::SwapFee)));
        let scaling = P::getScalingFactorsCall {};
        planned.push(call(&f, pool, scaling, d(D::ScalingFactors)));
        planned.push(call(&f, pool, P::getBptIndexCall {}, d(D::BptIndex)));
    }
    out.append(&mut planned);
    Ok(())
}

/// A position in the token list as a figure.
fn index(name: &str, k: usize) -> Figure {
    fig(name, U256::from(k), 1.0, "index in the Vault's token list")
}

/// The one position of `a` in `tokens`, or a failure naming `what`.
fn only(tokens: &[Address], a: Address, what: &str) -> Result<usize, Failure> {
    let mut at = tokens.iter().enumerate().filter(|(_, t)| **t == a);
    match (at.next(), at.next()) {
        (Some((k, _)), None) => Ok(k),
        (None, _) => Err(shape(format!("getPoolTokens does not list {what} {a}"))),
        _ => Err(shape(format!(
            "getPoolTokens lists {what} {a} more than once"
        ))),
    }
}

/// The figures of `getPoolTokens`'s answer (see the module's list).
fn pool_tokens(data: &[u8], pool: Address, lrt: Address) -> Result<Vec<Figure>, Failure> {
    let r = decoded::<IBalancerVault::getPoolTokensCall>(data)?;
    if r.tokens.len() != r.balances.len() {
        return Err(shape(format!(
            "getPoolTokens lists {} tokens but {} balances",
            r.tokens.len(),
            r.balances.len()
        )));
    }
    if r.tokens.len() != 3 {
        return Err(shape(format!(
            "getPoolTokens lists {} tokens, not 3 (the BPT, the LRT and one ETH token)",
            r.tokens.len()
        )));
    }
    let bpt = only(&r.tokens, pool, "the pool's BPT")?;
    let lrt_at = only(&r.tokens, lrt, "the LRT")?;
    if bpt == lrt_at {
        return Err(shape(format!("the LRT {lrt} is the pool's BPT")));
    }
    // Three distinct positions of 0, 1, 2: the ETH token's is the one left.
    let eth = 3 - bpt - lrt_at;
    let limit = (U256::from(1u64) << MAX_BALANCE_BITS) - U256::from(1u64);
    let balance = |name: &str, k: usize| {
        let b = r.balances[k];
        if b > limit {
            return Err(shape(format!(
                "{name} = {b} exceeds 2^112 − 1, the Vault's bound"
            )));
        }
        Ok(fig(name, b, E18, "tokens (raw balance / 1e18)"))
    };
    Ok(vec![
        index("tokens.bptIndex", bpt),
        index("tokens.lrtIndex", lrt_at),
        index("tokens.ethIndex", eth),
        balance("lrtBalance", lrt_at)?,
        balance("ethBalance", eth)?,
        fig(
            "lastChangeBlock",
            at_most("lastChangeBlock", r.lastChangeBlock, u64::MAX)?,
            1.0,
            "block number",
        ),
    ])
}

/// The figures of one call's answer. Bounds as the module lists them; nothing else is accepted.
pub(crate) fn figures(d: BalancerDecode, data: &[u8]) -> Result<Vec<Figure>, Failure> {
    use IComposableStablePool as P;
    Ok(match d {
        BalancerDecode::PoolTokens { pool, lrt } => pool_tokens(data, pool, lrt)?,
        BalancerDecode::PoolId(want) => {
            let got = decoded::<P::getPoolIdCall>(data)?;
            if got != want {
                return Err(shape(format!(
                    "getPoolId() = {got}, not the request's poolId {want}"
                )));
            }
            vec![fig(
                "poolIdMatches",
                U256::from(1u64),
                1.0,
                "1 = getPoolId() is the request's poolId",
            )]
        }
        BalancerDecode::Amplification => {
            let r = decoded::<P::getAmplificationParameterCall>(data)?;
            if r.precision != U256::from(AMP_PRECISION) {
                return Err(shape(format!(
                    "amplification precision {} is not {AMP_PRECISION}",
                    r.precision
                )));
            }
            let v = at_most("amplification", r.value, MAX_AMP * AMP_PRECISION)?;
            if v < U256::from(AMP_PRECISION) {
                return Err(shape(format!(
                    "amplification {v} (×{AMP_PRECISION}) is below Balancer's minimum A of 1"
                )));
            }
            vec![
                fig(
                    "amplification",
                    v,
                    AMP_PRECISION as f64,
                    "A (value / precision; Ann = A·n as in Curve's contracts)",
                ),
                fig(
                    "amplificationIsUpdating",
                    U256::from(u8::from(r.isUpdating)),
                    1.0,
                    "1 = A is ramping now, 0 = not",
                ),
            ]
        }
        BalancerDecode::SwapFee => {
            let f = decoded::<P::getSwapFeePercentageCall>(data)?;
            let f = at_most("swapFee", f, MAX_SWAP_FEE)?;
            vec![fig(
                "swapFee",
                f,
                E18,
                "fraction of the amount in (raw: 1e18)",
            )]
        }
        BalancerDecode::ScalingFactors => {
            let s = decoded::<P::getScalingFactorsCall>(data)?;
            if s.is_empty() || s.len() > MAX_TOKENS {
                return Err(shape(format!(
                    "getScalingFactors() lists {} factors, not 1 to {MAX_TOKENS}",
                    s.len()
                )));
            }
            let max = U256::from(100u64) * U256::from(10u64).pow(U256::from(36u64));
            let mut out = vec![fig(
                "scalingFactors.length",
                U256::from(s.len()),
                1.0,
                "count",
            )];
            for (k, v) in s.iter().enumerate() {
                let name = format!("scalingFactors[{k}]");
                if v.is_zero() || *v > max {
                    return Err(shape(format!("{name} = {v} is outside (0, 1e38]")));
                }
                out.push(fig(
                    &name,
                    *v,
                    E18,
                    "multiple (10^(18 − decimals) × the token's rate; raw: 1e18)",
                ));
            }
            out
        }
        BalancerDecode::BptIndex => {
            let k = decoded::<P::getBptIndexCall>(data)?;
            let k = at_most("bptIndex", k, (MAX_TOKENS - 1) as u64)?;
            vec![fig("bptIndex", k, 1.0, "index in the Vault's token list")]
        }
    })
}

#[cfg(test)]
#[path = "balancer_tests.rs"]
mod tests;
