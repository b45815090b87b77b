//! What a wallet import reads: the wallet's address and the contracts to ask about it — the
//! tokens whose balances and exchange rates are read, the Aave v3 markets, the Morpho Blue
//! markets and EigenLayer's DelegationManager. [`WalletTargets::mainnet`] gives Ethereum
//! mainnet's (addresses cited in docs/sources.md, "Wallet import").

use alloy_primitives::{Address, B256};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::chain::request::{self as read, RateSource};

/// Most reserves one Aave market target may name.
pub const MAX_RESERVES: usize = 16;

/// One wallet to import: its address and the contracts to read about it. The address is only
/// sent to the chosen RPC endpoint (inside `eth_call` data); it is never part of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WalletRequest {
    /// The wallet: `0x` + 40 hex digits; mixed case must be its EIP-55 checksum.
    pub address: String,
    /// Accept the local test chain (chain id 31337) as well as mainnet (chain id 1).
    #[serde(default)]
    pub allow_local_chain: bool,
    /// The contracts to read.
    pub targets: WalletTargets,
}

/// The contracts a wallet import reads (no address of the wallet in it, so a scenario can keep
/// it beside the snapshot).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WalletTargets {
    /// Tokens whose `balanceOf(wallet)` (and exchange rate) is read; every token the Aave and
    /// Morpho targets name must be here.
    #[serde(default)]
    pub tokens: Vec<WalletToken>,
    /// Aave v3 markets: `getUserAccountData(wallet)` and, per reserve, `getUserReserveData`.
    #[serde(default)]
    pub aave: Vec<AaveAccountTarget>,
    /// Morpho Blue markets: `position(id, wallet)`, `market(id)`, `idToMarketParams(id)`.
    #[serde(default)]
    pub morpho: Vec<MorphoPositionTarget>,
    /// EigenLayer's DelegationManager: `getQueuedWithdrawals(wallet)`,
    /// `minWithdrawalDelayBlocks()`; absent = not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub eigen_layer: Option<EigenLayerTarget>,
}

/// A token with 18 decimals (every LRT, LST and WETH of the mainnet list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WalletToken {
    /// Its symbol as the protocol presets name it (`weETH`, `wstETH`, `WETH`).
    pub id: String,
    /// The ERC-20 contract.
    pub token: String,
    /// The protocol's rate function (ETH per token, 1e18); absent = the token is ETH itself
    /// (WETH: 1 ETH per token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub rate: Option<RateSource>,
}

/// One Aave v3 market (Core, Prime).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AaveAccountTarget {
    /// The market's id in the lab (`core`).
    pub id: String,
    /// The market's Pool.
    pub pool: String,
    /// The market's PoolDataProvider.
    pub data_provider: String,
    /// Ids of [`WalletTargets::tokens`] whose reserve is read, at most [`MAX_RESERVES`].
    pub reserves: Vec<String>,
}

/// One Morpho Blue market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MorphoPositionTarget {
    /// The market's id in the lab (`weETH-WETH-94.5`).
    pub id: String,
    /// The Morpho Blue singleton.
    pub morpho: String,
    /// The market id: keccak256 of the ABI-encoded market parameters, `0x` + 64 hex digits.
    pub market_id: String,
    /// Id of the collateral token in [`WalletTargets::tokens`]; checked against
    /// `idToMarketParams`.
    pub collateral: String,
    /// Id of the loan token in [`WalletTargets::tokens`]; checked likewise.
    pub loan: String,
}

/// EigenLayer's DelegationManager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EigenLayerTarget {
    /// The DelegationManager (proxy).
    pub delegation_manager: String,
}

/// The validated addresses of a request, by the targets' order.
pub(crate) struct Checked {
    pub wallet: Address,
    pub tokens: Vec<Address>,
    pub aave: Vec<(Address, Address, Vec<usize>)>,
    pub morpho: Vec<(Address, B256, usize, usize)>,
    pub eigen_layer: Option<Address>,
}

impl WalletRequest {
    /// The wallet address, checksummed (EIP-55), after the same check as [`WalletRequest`]'s
    /// plan makes; errors name `address`.
    pub fn checksummed(&self) -> Result<String, Error> {
        Ok(read::address("address", &self.address)?.to_checksum(None))
    }

    /// Every address and reference checked (errors name the request's field:
    /// `targets.aave[0].reserves[1]`).
    pub(crate) fn check(&self) -> Result<Checked, Error> {
        let wallet = read::address("address", &self.address)?;
        if wallet.is_zero() {
            return Err(Error::InvalidText {
                field: "address".to_owned(),
                value: self.address.clone(),
                reason: "the zero address holds no positions".to_owned(),
            });
        }
        let mut c = self.targets.check()?;
        c.wallet = wallet;
        Ok(c)
    }
}

impl WalletTargets {
    /// Checks every id, address and reference; errors are rooted at `targets`.
    pub fn validate(&self) -> Result<(), Error> {
        self.check().map(|_| ())
    }

    fn token_index(&self, field: &str, id: &str) -> Result<usize, Error> {
        self.tokens
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(|| Error::UnknownReference {
                field: field.to_owned(),
                value: id.to_owned(),
                target: "token of targets.tokens".to_owned(),
            })
    }

    fn check(&self) -> Result<Checked, Error> {
        read::list("targets.tokens", &self.tokens, |t| &t.id)?;
        read::list("targets.aave", &self.aave, |t| &t.id)?;
        read::list("targets.morpho", &self.morpho, |t| &t.id)?;
        let mut tokens = Vec::new();
        for (i, t) in self.tokens.iter().enumerate() {
            tokens.push(read::address(
                &format!("targets.tokens[{i}].token"),
                &t.token,
            )?);
            if let Some(rate) = &t.rate {
                rate_address(&format!("targets.tokens[{i}].rate.address"), rate)?;
            }
        }
        let mut aave = Vec::new();
        for (i, m) in self.aave.iter().enumerate() {
            let at = |name: &str| format!("targets.aave[{i}].{name}");
            if m.reserves.len() > MAX_RESERVES {
                return Err(Error::OutOfRange {
                    field: at("reserves"),
                    value: m.reserves.len() as f64,
                    expected: format!("at most {MAX_RESERVES} reserves"),
                });
            }
            let mut reserves = Vec::new();
            for (k, r) in m.reserves.iter().enumerate() {
                let index = self.token_index(&at(&format!("reserves[{k}]")), r)?;
                if reserves.contains(&index) {
                    return Err(Error::DuplicateId {
                        field: at(&format!("reserves[{k}]")),
                        value: r.clone(),
                    });
                }
                reserves.push(index);
            }
            aave.push((
                read::address(&at("pool"), &m.pool)?,
                read::address(&at("dataProvider"), &m.data_provider)?,
                reserves,
            ));
        }
        let mut morpho = Vec::new();
        for (i, m) in self.morpho.iter().enumerate() {
            let at = |name: &str| format!("targets.morpho[{i}].{name}");
            morpho.push((
                read::address(&at("morpho"), &m.morpho)?,
                read::word(&at("marketId"), &m.market_id)?,
                self.token_index(&at("collateral"), &m.collateral)?,
                self.token_index(&at("loan"), &m.loan)?,
            ));
        }
        let eigen_layer = self
            .eigen_layer
            .as_ref()
            .map(|e| {
                read::address(
                    "targets.eigenLayer.delegationManager",
                    &e.delegation_manager,
                )
            })
            .transpose()?;
        Ok(Checked {
            wallet: Address::ZERO,
            tokens,
            aave,
            morpho,
            eigen_layer,
        })
    }
}

/// The contract a rate function is called on, checked.
pub(crate) fn rate_address(field: &str, rate: &RateSource) -> Result<Address, Error> {
    read::address(field, rate.address())
}
