//! Live pools (issue 18): the AMM engine's [`Pool`] built from the figures of a [`LiveRead`], for
//! the cascade to sell into the pool as it stood at the read's block.
//!
//! - **Curve stableswap-ng** (`curvePools.<id>`, curvefi/stableswap-ng
//!   `contracts/main/CurveStableSwapNG.vy`): the LRT is the coin whose `coins(i)` is the
//!   request's `lrt`; `lrtReserve = balances(i)`, `ethReserve = balances(j)` (both 18-decimal
//!   coins, so `balances / 1e18` tokens); `lrtRate = stored_rates()[i] / stored_rates()[j]` (the
//!   ETH coin must hold the plain rate 1e18: no rate oracle, 18 decimals); `amplification = A()`;
//!   the fee Curve's output fee `fee() / 1e10` with `offpeg_fee_multiplier() / 1e10` (below 1 the
//!   pool charges the constant fee, `_dynamic_fee`) and the admin share stableswap-ng fixes at 50%
//!   (`ADMIN_FEE = 5000000000`).
//!
//! - **Balancer v2 ComposableStable** (`balancerPools.<id>`, balancer-v2-monorepo
//!   `pkg/pool-stable/contracts/ComposableStablePool.sol`, crate::chain::balancer): the LRT and
//!   ETH tokens are the Vault's `getPoolTokens` positions of the request's `lrt` and of the one
//!   other non-BPT token (the BPT, the pool itself, is left out, as the pool's swaps leave it out
//!   of the invariant); `getBptIndex()` must agree with the Vault's list, and `getPoolId()` with
//!   the request. `lrtReserve`, `ethReserve` = the raw balances / 1e18 (18-decimal tokens: the
//!   pool's upscaled balance is `balance × scalingFactor / 1e18`, and for an 18-decimal token the
//!   scaling factor is `1e18 × rate`); `lrtRate = scalingFactor(lrt) / scalingFactor(eth)`, the ETH
//!   token's required to be exactly 1 (18 decimals, no rate provider), so a 6-decimal LRT's
//!   rate of 1e12 fails the engine's range; `amplification = value / precision`, the same
//!   convention as Curve's `A()` (`StableMath._calculateInvariant`: `ampTimesTotal =
//!   amplificationParameter * numTokens`, "The amplification parameter equals: A n^(n-1)");
//!   the fee `getSwapFeePercentage() / 1e18` on the input, which stays in the pool (BaseGeneralPool
//!   `_swapGivenIn` subtracts it from the amount in before the invariant math,
//!   `pkg/pool-utils/contracts/BaseGeneralPool.sol`).
//!
//! A pool whose figures are missing or fail the engine's checks is listed with why, never
//! half-built.

use serde::{Deserialize, Serialize};

use super::amm::{Pool, PoolKind, SwapFee};
use crate::chain::{LiveBasis, LiveRead};

/// stableswap-ng's admin share of the fee, `ADMIN_FEE / FEE_DENOMINATOR = 5e9 / 1e10`.
const CURVE_NG_ADMIN_FEE: f64 = 0.5;

/// The figures a Curve pool's calls put under `curvePools.<id>` (crate::chain's decoding).
const CURVE_FIGURES: &[&str] = &[
    "balances[0]",
    "balances[1]",
    "coins[0].isLrt",
    "coins[1].isLrt",
    "A",
    "fee",
    "offpegFeeMultiplier",
    "storedRates[0]",
    "storedRates[1]",
];

/// The figures a Balancer pool's calls put under `balancerPools.<id>` (crate::chain::balancer).
const BALANCER_FIGURES: &[&str] = &[
    "tokens.bptIndex",
    "tokens.lrtIndex",
    "tokens.ethIndex",
    "lrtBalance",
    "ethBalance",
    "lastChangeBlock",
    "poolIdMatches",
    "amplification",
    "amplificationIsUpdating",
    "swapFee",
    "scalingFactors.length",
    "scalingFactors[0]",
    "scalingFactors[1]",
    "scalingFactors[2]",
    "bptIndex",
];

/// The venue a live pool was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Venue {
    /// A Curve stableswap-ng pool (`curvePools`).
    Curve,
    /// A Balancer v2 ComposableStable pool (`balancerPools`).
    BalancerV2,
}

impl Venue {
    /// Every venue, in the order a read lists them ([`live_pools`]' order).
    pub const ALL: [Venue; 2] = [Venue::Curve, Venue::BalancerV2];

    /// The read's list the venue's pools are under (`curvePools`, `balancerPools`).
    pub fn list(self) -> &'static str {
        match self {
            Venue::Curve => "curvePools",
            Venue::BalancerV2 => "balancerPools",
        }
    }

    /// The venue's name as a person reads it (`Curve`, `Balancer v2`).
    pub fn label(self) -> &'static str {
        match self {
            Venue::Curve => "Curve",
            Venue::BalancerV2 => "Balancer v2",
        }
    }

    /// The figures its pools' calls put under `list.<id>`.
    fn figures(self) -> &'static [&'static str] {
        match self {
            Venue::Curve => CURVE_FIGURES,
            Venue::BalancerV2 => BALANCER_FIGURES,
        }
    }

    /// The pool under `field` and the basis of its reserves, or why there is none.
    fn pool(self, live: &LiveRead, field: &str) -> Result<(Pool, LiveBasis), String> {
        match self {
            Venue::Curve => curve_pool(live, field),
            Venue::BalancerV2 => balancer_pool(live, field),
        }
    }
}

/// One pool of a live read, as the cascade engine takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LivePool {
    /// Where it was read from.
    pub venue: Venue,
    /// The request's id for it (`weETH-WETH`).
    pub id: String,
    /// Its path in the read (`curvePools.weETH-WETH`).
    pub field: String,
    /// The pool (reserves in tokens and ETH, the LRT's rate ETH per token, the fee a fraction);
    /// none when its figures could not make one.
    pub pool: Option<Pool>,
    /// Why there is no pool, when there is none.
    pub reason: Option<String>,
    /// Where its reserves were read (block and pool contract); none when they were not.
    pub basis: Option<LiveBasis>,
}

/// The ids under `list.` in `live`, in read order: from the failures' fields (`list.<id>`) and the
/// values' (`list.<id>.<figure>`, `figure` one of `figures`).
fn ids(live: &LiveRead, list: &str, figures: &[&str]) -> Vec<String> {
    let prefix = format!("{list}.");
    let from_values = live.values.iter().filter_map(|v| {
        let rest = v.field.strip_prefix(&prefix)?;
        figures
            .iter()
            .find_map(|f| rest.strip_suffix(f)?.strip_suffix('.'))
    });
    let from_failures = live
        .failures
        .iter()
        .filter_map(|f| f.field.strip_prefix(&prefix));
    let mut out: Vec<String> = Vec::new();
    for id in from_values.chain(from_failures) {
        if !out.iter().any(|o| o == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// The value of `field.name` in `live`, or why it is missing (the failure of its call when it
/// failed).
fn figure(live: &LiveRead, field: &str, name: &str) -> Result<(f64, LiveBasis), String> {
    let path = format!("{field}.{name}");
    if let Some(v) = live.value(&path) {
        return Ok((v.value, v.basis.clone()));
    }
    let why = live
        .failures
        .iter()
        .find(|f| f.field == field)
        .map(|f| format!(": {} failed ({:?})", f.function, f.reason))
        .unwrap_or_default();
    Err(format!("{path} was not read{why}"))
}

/// The Curve pool under `field` (see the module's list), and the basis of its reserves.
fn curve_pool(live: &LiveRead, field: &str) -> Result<(Pool, LiveBasis), String> {
    let get = |name: &str| figure(live, field, name);
    let is_lrt = [get("coins[0].isLrt")?.0, get("coins[1].isLrt")?.0];
    let i = match is_lrt {
        [1.0, 0.0] => 0,
        [0.0, 1.0] => 1,
        [0.0, 0.0] => return Err("neither of the pool's coins is the LRT the request names".into()),
        _ => return Err("both of the pool's coins are the LRT the request names".into()),
    };
    let j = 1 - i;
    let (lrt_reserve, basis) = get(&format!("balances[{i}]"))?;
    let eth_reserve = get(&format!("balances[{j}]"))?.0;
    let (lrt_rate, eth_rate) = (
        get(&format!("storedRates[{i}]"))?.0,
        get(&format!("storedRates[{j}]"))?.0,
    );
    if eth_rate != 1.0 {
        return Err(format!(
            "the ETH coin's stored rate is {eth_rate} (1e18 = 1), not 1: a coin with a rate \
             oracle or fewer than 18 decimals, which the engine does not price in ETH"
        ));
    }
    let fee = SwapFee::Curve {
        fee: get("fee")?.0,
        admin_fee: CURVE_NG_ADMIN_FEE,
        offpeg_fee_multiplier: get("offpegFeeMultiplier")?.0.max(1.0),
    };
    let pool = stableswap(
        field,
        get("A")?.0,
        (lrt_reserve, eth_reserve),
        fee,
        lrt_rate,
    )?;
    Ok((pool, basis))
}

/// The stableswap pool of `amplification` (A as Curve's `A()` and Balancer's value / precision
/// state it), the `(LRT tokens, ETH)` reserves, `fee` and the LRT's rate (ETH per token), checked
/// by the engine's own `Pool::validate` under `field`.
fn stableswap(
    field: &str,
    amplification: f64,
    (lrt_reserve, eth_reserve): (f64, f64),
    fee: SwapFee,
    lrt_rate: f64,
) -> Result<Pool, String> {
    let pool = Pool {
        kind: PoolKind::Stableswap { amplification },
        lrt_reserve,
        eth_reserve,
        fee,
        lrt_rate,
    };
    pool.validate(field).map_err(|e| e.to_string())?;
    Ok(pool)
}

/// A position figure (`tokens.lrtIndex`) as an index `0..3`.
fn position(live: &LiveRead, field: &str, name: &str) -> Result<usize, String> {
    match figure(live, field, name)?.0 {
        0.0 => Ok(0),
        1.0 => Ok(1),
        2.0 => Ok(2),
        k => Err(format!("{field}.{name} is {k}, not a position 0 to 2")),
    }
}

/// The Balancer pool under `field` (see the module's list), and the basis of its reserves (the
/// Vault's `getPoolTokens`).
fn balancer_pool(live: &LiveRead, field: &str) -> Result<(Pool, LiveBasis), String> {
    let get = |name: &str| figure(live, field, name);
    get("poolIdMatches")?;
    let bpt = position(live, field, "tokens.bptIndex")?;
    if position(live, field, "bptIndex")? != bpt {
        return Err(format!(
            "the pool's getBptIndex() is not the BPT's position {bpt} in the Vault's tokens"
        ));
    }
    let count = get("scalingFactors.length")?.0;
    if count != 3.0 {
        return Err(format!(
            "the pool has {count} scaling factors for the Vault's 3 tokens"
        ));
    }
    let i = position(live, field, "tokens.lrtIndex")?;
    let j = position(live, field, "tokens.ethIndex")?;
    let (lrt_reserve, basis) = get("lrtBalance")?;
    let eth_reserve = get("ethBalance")?.0;
    let lrt_scaling = get(&format!("scalingFactors[{i}]"))?.0;
    let eth_scaling = get(&format!("scalingFactors[{j}]"))?.0;
    if eth_scaling != 1.0 {
        return Err(format!(
            "the ETH token's scaling factor is {eth_scaling} (1e18 = 1), not 1: a token with a \
             rate provider or fewer than 18 decimals, which the engine does not price in ETH"
        ));
    }
    let fee = SwapFee::OnInput {
        fee: get("swapFee")?.0,
    };
    let amplification = get("amplification")?.0;
    let pool = stableswap(
        field,
        amplification,
        (lrt_reserve, eth_reserve),
        fee,
        lrt_scaling,
    )?;
    Ok((pool, basis))
}

/// Every pool of `live` (each venue's of [`Venue::ALL`] in turn, each venue's in read order),
/// each built or with why not.
///
/// ```
/// let pools = restake_core::lending::pool_live::live_pools(&restake_core::chain::LiveRead {
///     head: restake_core::chain::Head { chain_id: 1, block_number: 1, block_timestamp: 0, block_hash: format!("0x{}", "0".repeat(64)) },
///     values: vec![],
///     failures: vec![],
/// });
/// assert!(pools.is_empty());
/// ```
pub fn live_pools(live: &LiveRead) -> Vec<LivePool> {
    Venue::ALL
        .into_iter()
        .flat_map(|venue| {
            ids(live, venue.list(), venue.figures())
                .into_iter()
                .map(move |id| {
                    let field = format!("{}.{id}", venue.list());
                    let (pool, reason, basis) = match venue.pool(live, &field) {
                        Ok((p, b)) => (Some(p), None, Some(b)),
                        Err(why) => (None, Some(why), None),
                    };
                    LivePool {
                        venue,
                        id,
                        field,
                        pool,
                        reason,
                        basis,
                    }
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::{Head, LiveValue};

    fn basis() -> LiveBasis {
        LiveBasis {
            chain_id: 1,
            block_number: 21_000_000,
            block_timestamp: 1_730_000_000,
            address: "0xDB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5".to_owned(),
            function: "balances(uint256)".to_owned(),
        }
    }

    fn read(figures: &[(&str, f64)]) -> LiveRead {
        read_at("curvePools.weETH-WETH", figures)
    }

    /// A read of `figures` under `field`.
    fn read_at(field: &str, figures: &[(&str, f64)]) -> LiveRead {
        LiveRead {
            head: Head {
                chain_id: 1,
                block_number: 21_000_000,
                block_timestamp: 1_730_000_000,
                block_hash: format!("0x{}", "ab".repeat(32)),
            },
            values: figures
                .iter()
                .map(|(name, value)| LiveValue {
                    field: format!("{field}.{name}"),
                    raw: None,
                    value: *value,
                    unit: "test".to_owned(),
                    basis: basis(),
                })
                .collect(),
            failures: vec![],
        }
    }

    /// coin 0 WETH, coin 1 weETH at a stored rate of 1.069: 10,000 WETH, 9,000 weETH, A() = 1000,
    /// fee() = 1e6 (0.01%), offpeg 2e10 (2×).
    fn weeth_weth() -> Vec<(&'static str, f64)> {
        vec![
            ("balances[0]", 10_000.0),
            ("coins[0].isLrt", 0.0),
            ("balances[1]", 9_000.0),
            ("coins[1].isLrt", 1.0),
            ("A", 1000.0),
            ("fee", 1e-4),
            ("offpegFeeMultiplier", 2.0),
            ("storedRates[0]", 1.0),
            ("storedRates[1]", 1.069),
        ]
    }

    #[test]
    fn a_curve_pool_takes_its_lrt_side_from_coins() {
        let pools = live_pools(&read(&weeth_weth()));
        assert_eq!(pools.len(), 1);
        let p = &pools[0];
        assert_eq!((p.venue, p.id.as_str()), (Venue::Curve, "weETH-WETH"));
        let pool = p.pool.unwrap();
        assert_eq!(
            (pool.lrt_reserve, pool.eth_reserve, pool.lrt_rate),
            (9_000.0, 10_000.0, 1.069)
        );
        assert_eq!(
            pool.kind,
            PoolKind::Stableswap {
                amplification: 1000.0
            }
        );
        assert_eq!(
            pool.fee,
            SwapFee::Curve {
                fee: 1e-4,
                admin_fee: 0.5,
                offpeg_fee_multiplier: 2.0
            }
        );
        // 9,000 weETH × 1.069 = 9,621 against 10,000 ETH: more ETH than LRT in the invariant's
        // units, so the pool prices weETH above its rate.
        assert!(pool.spot_price().unwrap() > 1.069);
        assert_eq!(p.basis.as_ref().unwrap().block_number, 21_000_000);
    }

    #[test]
    fn a_pool_missing_a_figure_or_the_lrt_says_why() {
        let mut f = weeth_weth();
        f.retain(|(n, _)| *n != "A");
        let p = &live_pools(&read(&f))[0];
        assert_eq!(p.pool, None);
        assert_eq!(
            p.reason.as_deref(),
            Some("curvePools.weETH-WETH.A was not read")
        );
        let mut f = weeth_weth();
        f[3].1 = 0.0;
        let p = &live_pools(&read(&f))[0];
        assert_eq!(
            p.reason.as_deref(),
            Some("neither of the pool's coins is the LRT the request names")
        );
        let mut f = weeth_weth();
        f[7].1 = 1e12; // a 6-decimal ETH side
        assert!(
            live_pools(&read(&f))[0]
                .reason
                .as_deref()
                .unwrap()
                .contains("stored rate")
        );
        let mut f = weeth_weth();
        f[8].1 = 1e12; // a 6-decimal LRT: its rate is outside the engine's range
        assert!(
            live_pools(&read(&f))[0]
                .reason
                .as_deref()
                .unwrap()
                .contains("lrtRate")
        );
    }

    /// BPT, ezETH, WETH as the Vault lists them: 9,000 ezETH at a cached rate of 1.0125, 9,112.5
    /// WETH, A = 200, a 0.02% fee.
    fn ezeth_weth() -> Vec<(&'static str, f64)> {
        vec![
            ("tokens.bptIndex", 0.0),
            ("tokens.lrtIndex", 1.0),
            ("tokens.ethIndex", 2.0),
            ("lrtBalance", 9_000.0),
            ("ethBalance", 9_112.5),
            ("lastChangeBlock", 20_999_990.0),
            ("poolIdMatches", 1.0),
            ("amplification", 200.0),
            ("amplificationIsUpdating", 0.0),
            ("swapFee", 0.0002),
            ("scalingFactors.length", 3.0),
            ("scalingFactors[0]", 1.0),
            ("scalingFactors[1]", 1.0125),
            ("scalingFactors[2]", 1.0),
            ("bptIndex", 0.0),
        ]
    }

    fn balancer(figures: &[(&str, f64)]) -> LivePool {
        let pools = live_pools(&read_at("balancerPools.ezETH-WETH", figures));
        assert_eq!(pools.len(), 1);
        pools.into_iter().next().unwrap()
    }

    #[test]
    fn a_balanced_balancer_pool_prices_the_lrt_at_its_rate() {
        let p = balancer(&ezeth_weth());
        assert_eq!(
            (p.venue, p.id.as_str(), p.field.as_str()),
            (Venue::BalancerV2, "ezETH-WETH", "balancerPools.ezETH-WETH")
        );
        assert_eq!(p.reason, None);
        let pool = p.pool.unwrap();
        assert_eq!(
            (pool.lrt_reserve, pool.eth_reserve, pool.lrt_rate),
            (9_000.0, 9_112.5, 1.0125)
        );
        assert_eq!(
            pool.kind,
            PoolKind::Stableswap {
                amplification: 200.0
            }
        );
        assert_eq!(pool.fee, SwapFee::OnInput { fee: 0.0002 });
        // 9,000 ezETH × 1.0125 = 9,112.5 = the WETH side: balanced in the invariant's units, so
        // the slope of the curve is exactly the rate (up to float rounding).
        let spot = pool.spot_price().unwrap();
        assert!((spot - 1.0125).abs() < 1e-9, "{spot}");
        assert_eq!(p.basis.unwrap().block_number, 21_000_000);
    }

    #[test]
    fn a_balancer_pool_missing_or_contradicting_a_figure_says_why() {
        let without = |name: &str| {
            let mut f = ezeth_weth();
            f.retain(|(n, _)| *n != name);
            balancer(&f).reason.unwrap()
        };
        assert_eq!(
            without("amplification"),
            "balancerPools.ezETH-WETH.amplification was not read"
        );
        assert_eq!(
            without("poolIdMatches"),
            "balancerPools.ezETH-WETH.poolIdMatches was not read"
        );
        let with = |name: &str, v: f64| {
            let mut f = ezeth_weth();
            f.iter_mut().find(|(n, _)| *n == name).unwrap().1 = v;
            balancer(&f).reason.unwrap()
        };
        assert!(with("bptIndex", 2.0).contains("getBptIndex()"));
        assert!(with("scalingFactors.length", 4.0).contains("4 scaling factors"));
        assert!(with("scalingFactors[2]", 1.05).contains("ETH token's scaling factor"));
        // A 6-decimal LRT: a scaling factor of 1e12 × its rate, outside the engine's rates.
        assert!(with("scalingFactors[1]", 1.0125e12).contains("lrtRate"));
        assert!(with("tokens.lrtIndex", 3.0).contains("not a position"));
        // Curve's pools come first, then Balancer's, each built.
        let mut both = read(&weeth_weth());
        both.values
            .extend(read_at("balancerPools.ezETH-WETH", &ezeth_weth()).values);
        let pools = live_pools(&both);
        let got: Vec<(Venue, &str, bool)> = pools
            .iter()
            .map(|p| (p.venue, p.id.as_str(), p.pool.is_some()))
            .collect();
        assert_eq!(
            got,
            [
                (Venue::Curve, "weETH-WETH", true),
                (Venue::BalancerV2, "ezETH-WETH", true)
            ]
        );
        assert_eq!(Venue::BalancerV2.label(), "Balancer v2");
    }
}
