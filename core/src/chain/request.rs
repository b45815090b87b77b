//! What to read: the contracts behind each preset figure, by address. [`ReadRequest::mainnet`]
//! gives Ethereum mainnet's (addresses in docs/sources.md, "Live market state"); a caller may
//! name its own (the local test chain's, a fork's).

use alloy_primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::Error;

/// Most entries one list of a request may hold (rates, pools, reserves, markets each).
pub const MAX_TARGETS: usize = 64;

/// Longest id of a target, characters (`weETH`, `core-WETH`).
pub const MAX_ID_CHARS: usize = 40;

/// The contracts to read. Every address is `0x` + 40 hex digits (mixed case must be a valid
/// EIP-55 checksum). Empty lists read nothing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReadRequest {
    /// Accept the local test chain (chain id 31337) as well as mainnet (chain id 1). Off unless
    /// set: a live read of mainnet figures must come from mainnet.
    #[serde(default)]
    pub allow_local_chain: bool,
    /// LRT and LST exchange rates and supplies.
    #[serde(default)]
    pub rates: Vec<RateTarget>,
    /// Curve stableswap pools (two coins).
    #[serde(default)]
    pub curve_pools: Vec<CurvePoolTarget>,
    /// Aave v3 reserves.
    #[serde(default)]
    pub aave_reserves: Vec<AaveReserveTarget>,
    /// Morpho Blue markets.
    #[serde(default)]
    pub morpho_markets: Vec<MorphoMarketTarget>,
    /// Aave v3 E-mode categories.
    #[serde(default)]
    pub aave_e_modes: Vec<super::emode::AaveEModeTarget>,
    /// Aave CAPO price adapters.
    #[serde(default)]
    pub capo_adapters: Vec<super::capo::CapoAdapterTarget>,
    /// Balancer v2 ComposableStable pools (an LRT, ETH and the pool's BPT).
    #[serde(default)]
    pub balancer_pools: Vec<super::balancer::BalancerPoolTarget>,
}

/// One token's exchange rate (the protocol's own rate function) and total supply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RateTarget {
    /// The token's id, as the protocol presets name it (`weETH`).
    pub id: String,
    /// The ERC-20 whose `totalSupply()` is read.
    pub token: String,
    /// The rate function and the contract it is called on.
    pub rate: RateSource,
}

/// A rate function returning ETH (or eETH/stETH) per token in 1e18.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum RateSource {
    /// `getRate()`: ether.fi weETH, Renzo's BalancerRateProvider, Swell rswETH.
    GetRate {
        /// The contract.
        address: String,
    },
    /// `rsETHPrice()`: Kelp's LRTOracle.
    RsEthPrice {
        /// The contract.
        address: String,
    },
    /// `stEthPerToken()`: Lido's wstETH.
    StEthPerToken {
        /// The contract.
        address: String,
    },
    /// `convertToAssets(1e18)`: an ERC-4626 vault (pufETH, ynETH).
    ConvertToAssets {
        /// The vault.
        address: String,
    },
}

impl RateSource {
    /// The contract the rate function is called on, as given.
    pub fn address(&self) -> &str {
        match self {
            RateSource::GetRate { address }
            | RateSource::RsEthPrice { address }
            | RateSource::StEthPerToken { address }
            | RateSource::ConvertToAssets { address } => address,
        }
    }
}

/// A two-coin Curve stableswap-ng pool of an LRT against ETH: `balances(i)` and `coins(i)` for
/// both coins, `A()`, `fee()`, `offpeg_fee_multiplier()` and `stored_rates()`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CurvePoolTarget {
    /// The pool's id (`weETH-WETH`).
    pub id: String,
    /// The pool contract.
    pub pool: String,
    /// The LRT coin's token (weETH): the coin whose `coins(i)` is this address is the pool's
    /// LRT side, the other its ETH side.
    pub lrt: String,
}

/// One Aave v3 reserve: configuration and caps and state from the PoolDataProvider, and the
/// interest-rate strategy's parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AaveReserveTarget {
    /// The reserve's id (`core-weETH`).
    pub id: String,
    /// The market's PoolDataProvider.
    pub data_provider: String,
    /// The reserve's underlying asset.
    pub asset: String,
    /// The interest-rate strategy.
    pub strategy: AaveStrategy,
}

/// An Aave interest-rate strategy contract, by version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum AaveStrategy {
    /// v3.2+ `DefaultReserveInterestRateStrategyV2`: `getInterestRateDataBps(asset)`, bps.
    V2 {
        /// The strategy contract (one per market).
        address: String,
    },
    /// v3.0/v3.1 `DefaultReserveInterestRateStrategy`: four no-argument getters, rays.
    V30 {
        /// The strategy contract (one per reserve).
        address: String,
    },
}

/// One Morpho Blue market: `idToMarketParams(id)` and `market(id)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MorphoMarketTarget {
    /// The market's id in the lab (`weETH-WETH-94.5`).
    pub id: String,
    /// The Morpho Blue singleton.
    pub morpho: String,
    /// The market id: keccak256 of the ABI-encoded market parameters, `0x` + 64 hex digits.
    pub market_id: String,
    /// Morpho's AdaptiveCurveIRM, when the market's IRM is meant to be it: then its
    /// `rateAtTarget(id)` is read too, the market's `irm` must be this address
    /// (`idToMarketParams` fails otherwise) and the borrow rate at the block is derived
    /// ([`super::morpho_rate`]). Absent: neither is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub irm: Option<String>,
}

/// An address at `field`: `0x` + 40 hex digits; mixed case must be its EIP-55 checksum.
pub(crate) fn address(field: &str, s: &str) -> Result<Address, Error> {
    let bad = |reason: &str| Error::InvalidText {
        field: field.to_owned(),
        value: s.chars().take(80).collect(),
        reason: reason.to_owned(),
    };
    let hex = s
        .strip_prefix("0x")
        .ok_or_else(|| bad("must start with 0x"))?;
    if hex.len() != 40 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad("must be 0x followed by 40 hexadecimal digits"));
    }
    let mixed =
        hex.bytes().any(|b| b.is_ascii_lowercase()) && hex.bytes().any(|b| b.is_ascii_uppercase());
    if mixed {
        Address::parse_checksummed(s, None)
            .map_err(|_| bad("mixed case that is not the EIP-55 checksum"))
    } else {
        s.parse().map_err(|_| bad("not an address"))
    }
}

/// A 32-byte word at `field`: `0x` + 64 hex digits.
pub(crate) fn word(field: &str, s: &str) -> Result<B256, Error> {
    let ok = s.len() == 66 && s.starts_with("0x") && s[2..].bytes().all(|b| b.is_ascii_hexdigit());
    if !ok {
        return Err(Error::InvalidText {
            field: field.to_owned(),
            value: s.chars().take(80).collect(),
            reason: "must be 0x followed by 64 hexadecimal digits".to_owned(),
        });
    }
    s.parse().map_err(|_| Error::InvalidText {
        field: field.to_owned(),
        value: s.to_owned(),
        reason: "not a 32-byte word".to_owned(),
    })
}

/// An id at `field`: 1 to [`MAX_ID_CHARS`] characters of letters, digits, `-`, `_`, `.`.
pub(crate) fn id(field: &str, s: &str) -> Result<(), Error> {
    let ok = !s.is_empty()
        && s.chars().count() <= MAX_ID_CHARS
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidText {
            field: field.to_owned(),
            value: s.chars().take(80).collect(),
            reason: format!("must be 1 to {MAX_ID_CHARS} letters, digits, '-', '_' or '.'"),
        })
    }
}

/// A list at `field` of at most [`MAX_TARGETS`] entries with distinct ids.
pub(crate) fn list<T>(field: &str, items: &[T], id_of: impl Fn(&T) -> &str) -> Result<(), Error> {
    if items.len() > MAX_TARGETS {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: items.len() as f64,
            expected: format!("at most {MAX_TARGETS} entries"),
        });
    }
    for (i, item) in items.iter().enumerate() {
        let this = id_of(item);
        id(&format!("{field}[{i}].id"), this)?;
        if items[..i].iter().any(|o| id_of(o) == this) {
            return Err(Error::DuplicateId {
                field: format!("{field}[{i}].id"),
                value: this.to_owned(),
            });
        }
    }
    Ok(())
}
