//! Ethereum mainnet's contracts for a wallet import ([`WalletTargets::mainnet`]), each with its
//! source (also in docs/sources.md, "Wallet import"); the tokens and their rate functions are
//! the live read's ([`crate::chain::ReadRequest::mainnet`]).

use super::request::{
    AaveAccountTarget, EigenLayerTarget, MorphoPositionTarget, WalletTargets, WalletToken,
};
use crate::chain::mainnet::{
    AAVE_CORE_DATA, EZETH, EZETH_RATE, MORPHO, RSETH, RSETH_ORACLE, WEETH, WETH, WSTETH,
};
use crate::chain::request::RateSource;

/// Aave v3 Ethereum Core Pool (aave-address-book src/AaveV3Ethereum.sol, `POOL`).
const AAVE_CORE_POOL: &str = "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2";
/// Aave v3 Ethereum Prime ("Lido") Pool and PoolDataProvider (aave-address-book
/// src/AaveV3EthereumLido.sol).
const AAVE_PRIME_POOL: &str = "0x4e033931ad43597d96D6bcc25c280717730B58B1";
const AAVE_PRIME_DATA: &str = "0xB85B2bFEbeC4F5f401dbf92ac147A3076391fCD5";
/// EigenLayer DelegationManager proxy (Layr-Labs/eigenlayer-contracts README, mainnet deployment).
const DELEGATION_MANAGER: &str = "0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A";

impl WalletTargets {
    /// Mainnet: the weETH, ezETH, rsETH and wstETH balances and rates and the WETH balance; Aave
    /// v3 Core (WETH, weETH, ezETH, rsETH, wstETH) and Prime (WETH, wstETH, ezETH, rsETH)
    /// accounts; the Morpho Blue weETH, ezETH and rsETH / WETH markets at 94.5% LLTV and the
    /// ezETH / WETH markets at 86% and 77% (karpatkey/defi-kit
    /// sdk/src/protocols/morpho/markets/_ethInfo.ts); EigenLayer's queued withdrawals.
    pub fn mainnet() -> WalletTargets {
        let token = |id: &str, token: &str, rate: Option<RateSource>| WalletToken {
            id: id.to_owned(),
            token: token.to_owned(),
            rate,
        };
        let at = |a: &str| a.to_owned();
        let aave = |id: &str, pool: &str, data: &str, reserves: &[&str]| AaveAccountTarget {
            id: id.to_owned(),
            pool: at(pool),
            data_provider: at(data),
            reserves: reserves.iter().map(|r| (*r).to_owned()).collect(),
        };
        let morpho = |id: &str, market_id: &str, collateral: &str| MorphoPositionTarget {
            id: id.to_owned(),
            morpho: at(MORPHO),
            market_id: market_id.to_owned(),
            collateral: collateral.to_owned(),
            loan: "WETH".to_owned(),
        };
        WalletTargets {
            tokens: vec![
                token("WETH", WETH, None),
                token(
                    "weETH",
                    WEETH,
                    Some(RateSource::GetRate { address: at(WEETH) }),
                ),
                token(
                    "ezETH",
                    EZETH,
                    Some(RateSource::GetRate {
                        address: at(EZETH_RATE),
                    }),
                ),
                token(
                    "rsETH",
                    RSETH,
                    Some(RateSource::RsEthPrice {
                        address: at(RSETH_ORACLE),
                    }),
                ),
                token(
                    "wstETH",
                    WSTETH,
                    Some(RateSource::StEthPerToken {
                        address: at(WSTETH),
                    }),
                ),
            ],
            aave: vec![
                aave(
                    "core",
                    AAVE_CORE_POOL,
                    AAVE_CORE_DATA,
                    &["WETH", "weETH", "ezETH", "rsETH", "wstETH"],
                ),
                aave(
                    "prime",
                    AAVE_PRIME_POOL,
                    AAVE_PRIME_DATA,
                    &["WETH", "wstETH", "ezETH", "rsETH"],
                ),
            ],
            morpho: vec![
                morpho(
                    "weETH-WETH-94.5",
                    "0x37e7484d642d90f14451f1910ba4b7b8e4c3ccdd0ec28f8b2bdb35479e472ba7",
                    "weETH",
                ),
                morpho(
                    "ezETH-WETH-94.5",
                    "0xa0534c78620867b7c8706e3b6df9e69a2bc67c783281b7a77e034ed75cee012e",
                    "ezETH",
                ),
                morpho(
                    "rsETH-WETH-94.5",
                    "0xba761af4134efb0855adfba638945f454f0a704af11fc93439e20c7c5ebab942",
                    "rsETH",
                ),
                morpho(
                    "ezETH-WETH-86",
                    "0x49bb2d114be9041a787432952927f6f144f05ad3e83196a7d062f374ee11d0ee",
                    "ezETH",
                ),
                morpho(
                    "ezETH-WETH-77",
                    "0x093d5b432aace8bf6c4d67494f4ac2542a499571ff7a1bcc9f8778f3200d457d",
                    "ezETH",
                ),
            ],
            eigen_layer: Some(EigenLayerTarget {
                delegation_manager: at(DELEGATION_MANAGER),
            }),
        }
    }
}
