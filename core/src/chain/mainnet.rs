//! Ethereum mainnet's contracts for [`ReadRequest::mainnet`], each with its source (also in
//! docs/sources.md, "Live market state").

use super::balancer::BalancerPoolTarget;
use super::capo::CapoAdapterTarget;
use super::emode::AaveEModeTarget;
use super::request::{
    AaveReserveTarget, AaveStrategy, CurvePoolTarget, MorphoMarketTarget, RateSource, RateTarget,
    ReadRequest,
};

/// WETH9 (aave-address-book src/AaveV3Ethereum.sol, `AaveV3EthereumAssets.WETH_UNDERLYING`).
pub(crate) const WETH: &str = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
/// ether.fi weETH (etherfi-protocol/smart-contracts deployment list; aave-address-book).
pub(crate) const WEETH: &str = "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee";
/// Renzo ezETH (aave-address-book src/AaveV3Ethereum.sol L1173).
pub(crate) const EZETH: &str = "0xbf5495Efe5DB9ce00f80364C8B423567e58d2110";
/// Renzo BalancerRateProvider (compound-finance/comet deployments/mainnet/weth/migrations/1718352598_add_ezeth_as_collateral.ts L7).
pub(crate) const EZETH_RATE: &str = "0x387dBc0fB00b26fb085aa658527D5BE98302c84C";
/// Kelp rsETH and LRTOracle (Kelp-DAO/LRT-rsETH README, Ethereum mainnet table).
pub(crate) const RSETH: &str = "0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7";
pub(crate) const RSETH_ORACLE: &str = "0x349A73444b1a310BAe67ef67973022020d70020d";
/// Lido wstETH (lidofinance/core deployed-mainnet.json).
pub(crate) const WSTETH: &str = "0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0";
/// Curve weETH/WETH stableswap-ng pool (sparkdotfi/spark-address-registry src/Ethereum.sol L299).
const CURVE_WEETH_WETH: &str = "0xDB74dfDD3BB46bE8Ce6C33dC9D82777BCFc3dEd5";
/// The Balancer v2 Vault (balancer-v2-monorepo `pkg/deployments/tasks/20210418-vault/output/mainnet.json`;
/// karpatkey/defi-kit `sdk/eth-sdk/config.ts` L237).
pub(crate) const BALANCER_VAULT: &str = "0xBA12222222228d8Ba445958a75a0704d566BF2C8";
/// Balancer v2 ezETH/WETH ComposableStable pool (karpatkey/defi-kit
/// `sdk/src/protocols/balancer/v2/_ethPools.ts` L5064, with its pool id).
pub(crate) const BALANCER_EZETH_WETH: &str = "0x596192bB6e41802428Ac943D2f1476C1Af25CC0E";
/// Its Vault pool id, as that list gives it. A pool id is the pool address (20 bytes) ‖
/// specialization (2 bytes) ‖ the Vault's nonce (10 bytes) (`PoolRegistry._toPoolId`,
/// balancer-v2-monorepo `pkg/vault/contracts/PoolRegistry.sol`); a ComposableStable pool registers
/// as GENERAL (0), so this id is the pool's, registered with nonce 0x659 (1625):
/// [`super::balancer::pool_id`]`(pool, 0, 0x659)`, checked in the tests. The read checks it
/// against the pool's own `getPoolId()`.
pub(crate) const BALANCER_EZETH_WETH_ID: &str =
    "0x596192bb6e41802428ac943d2f1476c1af25cc0e000000000000000000000659";
/// Aave v3 Ethereum Core PoolDataProvider and interest-rate strategy (aave-address-book src/AaveV3Ethereum.sol).
pub(crate) const AAVE_CORE_DATA: &str = "0x0a16f2FCC0D44FaE41cc54e079281D84A363bECD";
const AAVE_CORE_IRM: &str = "0x9ec6F08190DeA04A54f8Afc53Db96134e5E3FdFB";
/// Aave v3 Ethereum Core and Prime ("Lido") Pools (aave-address-book src/AaveV3Ethereum.sol and
/// src/AaveV3EthereumLido.sol, `POOL`).
pub(crate) const AAVE_CORE_POOL: &str = "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2";
pub(crate) const AAVE_PRIME_POOL: &str = "0x4e033931ad43597d96D6bcc25c280717730B58B1";
/// The E-mode categories with an LRT (aave-address-book src/ts/AaveV3Ethereum.ts and
/// src/ts/AaveV3EthereumLido.ts, `E_MODES`): Core 1 (ETH-correlated, weETH among its collateral),
/// 3 (rsETH / WETH, wstETH, ETHx), 22 (ezETH / wstETH), 23 (ezETH / stablecoins), 26 (weETH /
/// WETH, wstETH), 42 (rsETH / stablecoins); Prime 2 (ezETH / stablecoins), 3 (ezETH / wstETH),
/// 5 (rsETH / wstETH), 6 (rsETH / stablecoins). Each with the LRT whose standing in it (collateral,
/// LTV-zero) is read as well.
const AAVE_LRT_EMODES: &[(&str, &str, u8, &str)] = &[
    ("core-1", AAVE_CORE_POOL, 1, WEETH),
    ("core-3", AAVE_CORE_POOL, 3, RSETH),
    ("core-22", AAVE_CORE_POOL, 22, EZETH),
    ("core-23", AAVE_CORE_POOL, 23, EZETH),
    ("core-26", AAVE_CORE_POOL, 26, WEETH),
    ("core-42", AAVE_CORE_POOL, 42, RSETH),
    ("prime-2", AAVE_PRIME_POOL, 2, EZETH),
    ("prime-3", AAVE_PRIME_POOL, 3, EZETH),
    ("prime-5", AAVE_PRIME_POOL, 5, RSETH),
    ("prime-6", AAVE_PRIME_POOL, 6, RSETH),
];
/// The AaveOracle's CAPO sources (aave-address-book src/AaveV3Ethereum.sol and
/// src/AaveV3EthereumLido.sol, `<ASSET>_ORACLE`): weETH, rsETH and ezETH on Core (rsETH's and
/// ezETH's also Prime's), wstETH on Prime.
const CAPO_ADAPTERS: &[(&str, &str)] = &[
    ("core-weETH", "0x87625393534d5C102cADB66D37201dF24cc26d4C"),
    ("core-rsETH", "0x7292C95A5f6A501a9c4B34f6393e221F2A0139c3"),
    ("core-ezETH", "0xF3d49021fF3bbBFDfC1992A4b09E5D1d141D044C"),
    ("prime-wstETH", "0xe1D97bF61901B075E9626c8A2340a7De385861Ef"),
];
/// Morpho Blue (morpho-org/morpho-blue README; sparkdotfi/spark-address-registry src/Ethereum.sol L330).
pub(crate) const MORPHO: &str = "0xBBBBBbbBBb9cC5e90e3b3Af64bdAF62C37EEFFCb";
/// Morpho's AdaptiveCurveIRM, the IRM of every LRT market read here (morpho-org/morpho-blue-irm
/// README.md L6; karpatkey/defi-kit sdk/src/protocols/morpho/markets/_ethInfo.ts lists it for each).
const ADAPTIVE_CURVE_IRM: &str = "0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC";

impl ReadRequest {
    /// The first cut of mainnet reads: weETH, ezETH, rsETH and wstETH rates and supplies; the
    /// Curve weETH/WETH pool; Aave v3 Core's WETH, weETH, ezETH, rsETH and wstETH reserves; the
    /// Morpho Blue weETH/WETH and ezETH/WETH markets at 94.5% LLTV and the ezETH/WETH markets at
    /// 86% and 77% (karpatkey/defi-kit sdk/src/protocols/morpho/markets/_ethInfo.ts), each with
    /// its AdaptiveCurveIRM's `rateAtTarget`; Aave's E-mode categories with an LRT on Core and
    /// Prime, and the CAPO adapters of weETH, rsETH, ezETH and wstETH. Chain id 1 only.
    pub fn mainnet() -> ReadRequest {
        let rate = |id: &str, token: &str, rate: RateSource| RateTarget {
            id: id.to_owned(),
            token: token.to_owned(),
            rate,
        };
        let at = |a: &str| a.to_owned();
        let reserve = |id: &str, asset: &str| AaveReserveTarget {
            id: id.to_owned(),
            data_provider: at(AAVE_CORE_DATA),
            asset: at(asset),
            strategy: AaveStrategy::V2 {
                address: at(AAVE_CORE_IRM),
            },
        };
        let market = |id: &str, market_id: &str| MorphoMarketTarget {
            id: id.to_owned(),
            morpho: at(MORPHO),
            market_id: market_id.to_owned(),
            irm: Some(at(ADAPTIVE_CURVE_IRM)),
        };
        ReadRequest {
            allow_local_chain: false,
            rates: vec![
                rate("weETH", WEETH, RateSource::GetRate { address: at(WEETH) }),
                rate(
                    "ezETH",
                    EZETH,
                    RateSource::GetRate {
                        address: at(EZETH_RATE),
                    },
                ),
                rate(
                    "rsETH",
                    RSETH,
                    RateSource::RsEthPrice {
                        address: at(RSETH_ORACLE),
                    },
                ),
                rate(
                    "wstETH",
                    WSTETH,
                    RateSource::StEthPerToken {
                        address: at(WSTETH),
                    },
                ),
            ],
            curve_pools: vec![CurvePoolTarget {
                id: "weETH-WETH".to_owned(),
                pool: at(CURVE_WEETH_WETH),
                lrt: at(WEETH),
            }],
            aave_reserves: vec![
                reserve("core-WETH", WETH),
                reserve("core-weETH", WEETH),
                reserve("core-ezETH", EZETH),
                reserve("core-rsETH", RSETH),
                reserve("core-wstETH", WSTETH),
            ],
            morpho_markets: vec![
                market(
                    "weETH-WETH-94.5",
                    "0x37e7484d642d90f14451f1910ba4b7b8e4c3ccdd0ec28f8b2bdb35479e472ba7",
                ),
                market(
                    "ezETH-WETH-94.5",
                    "0xa0534c78620867b7c8706e3b6df9e69a2bc67c783281b7a77e034ed75cee012e",
                ),
                // The two markets of the April-2024 depeg, the lending presets
                // `morpho-ezeth-weth-86` and `-77` (same file, L2735 and L11315).
                market(
                    "ezETH-WETH-86",
                    "0x49bb2d114be9041a787432952927f6f144f05ad3e83196a7d062f374ee11d0ee",
                ),
                market(
                    "ezETH-WETH-77",
                    "0x093d5b432aace8bf6c4d67494f4ac2542a499571ff7a1bcc9f8778f3200d457d",
                ),
            ],
            aave_e_modes: AAVE_LRT_EMODES
                .iter()
                .map(|&(id, pool, category, lrt)| AaveEModeTarget {
                    id: id.to_owned(),
                    pool: at(pool),
                    category,
                    collateral: Some(at(lrt)),
                })
                .collect(),
            capo_adapters: CAPO_ADAPTERS
                .iter()
                .map(|&(id, adapter)| CapoAdapterTarget {
                    id: id.to_owned(),
                    adapter: at(adapter),
                })
                .collect(),
            balancer_pools: vec![BalancerPoolTarget {
                id: "ezETH-WETH".to_owned(),
                vault: at(BALANCER_VAULT),
                pool: at(BALANCER_EZETH_WETH),
                pool_id: BALANCER_EZETH_WETH_ID.to_owned(),
                lrt: at(EZETH),
            }],
        }
    }
}
