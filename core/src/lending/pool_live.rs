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

/// The venue a live pool was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Venue {
    /// A Curve stableswap-ng pool (`curvePools`).
    Curve,
}

impl Venue {
    /// The read's list the venue's pools are under (`curvePools`).
    pub fn list(self) -> &'static str {
        match self {
            Venue::Curve => "curvePools",
        }
    }

    /// The venue's name as a person reads it (`Curve`).
    pub fn label(self) -> &'static str {
        match self {
            Venue::Curve => "Curve",
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
    let pool = Pool {
        kind: PoolKind::Stableswap {
            amplification: get("A")?.0,
        },
        lrt_reserve,
        eth_reserve,
        fee: SwapFee::Curve {
            fee: get("fee")?.0,
            admin_fee: CURVE_NG_ADMIN_FEE,
            offpeg_fee_multiplier: get("offpegFeeMultiplier")?.0.max(1.0),
        },
        lrt_rate,
    };
    pool.validate(field).map_err(|e| e.to_string())?;
    Ok((pool, basis))
}

/// Every pool of `live` (Curve's, in read order), each built or with why not.
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
    ids(live, Venue::Curve.list(), CURVE_FIGURES)
        .into_iter()
        .map(|id| {
            let field = format!("{}.{id}", Venue::Curve.list());
            let built = curve_pool(live, &field);
            let (pool, reason, basis) = match built {
                Ok((p, b)) => (Some(p), None, Some(b)),
                Err(why) => (None, Some(why), None),
            };
            LivePool {
                venue: Venue::Curve,
                id,
                field,
                pool,
                reason,
                basis,
            }
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
                    field: format!("curvePools.weETH-WETH.{name}"),
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
}
