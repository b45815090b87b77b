//! What a network import reads: EigenLayer's DelegationManager and AllocationManager, the LST
//! strategies to value besides beacon-chain ETH, and for each LRT the entry point that lists its
//! stakers (the contracts that hold its EigenLayer shares). [`NetworkImportRequest::mainnet`]
//! gives Ethereum mainnet's (addresses in docs/sources.md, "Network import").

use alloy_primitives::Address;
use serde::{Deserialize, Serialize};

use super::limits::{MAX_LRTS, MAX_LST_STRATEGIES, MAX_STAKERS_PER_LRT};
use crate::Error;
use crate::chain::request::address;
use crate::protocol::Protocol;

/// The beacon-chain ETH strategy, a virtual strategy whose shares are wei of native ETH
/// (eigenlayer-contracts README, "Strategies"; `DelegationManager` passes it like any other).
pub const BEACON_CHAIN_ETH_STRATEGY: &str = "0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0";

/// [`BEACON_CHAIN_ETH_STRATEGY`] as an address.
pub(crate) const BEACON: Address =
    alloy_primitives::address!("0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0");

/// The contracts an import reads. Every address is `0x` + 40 hex digits (mixed case must be its
/// EIP-55 checksum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkImportRequest {
    /// Accept the local test chain (chain id 31337) as well as mainnet (chain id 1).
    #[serde(default)]
    pub allow_local_chain: bool,
    /// EigenLayer's DelegationManager (`delegatedTo`, `getWithdrawableShares`,
    /// `getQueuedWithdrawals`, `getOperatorShares`).
    pub delegation_manager: String,
    /// EigenLayer's AllocationManager (`getAllocatedSets`, `getMaxMagnitudes`, `getAllocation`).
    pub allocation_manager: String,
    /// LST strategies read besides beacon-chain ETH (always read), at most
    /// [`MAX_LST_STRATEGIES`]; each is valued with its own `sharesToUnderlyingView(1e18)`.
    #[serde(default)]
    pub strategies: Vec<String>,
    /// The LRTs, at most [`MAX_LRTS`], each a preset protocol at most once.
    pub lrts: Vec<LrtTarget>,
}

/// One LRT to import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LrtTarget {
    /// The preset protocol id (`renzo`, `kelp`, `yieldnest`): the network's protocol profile.
    pub protocol: String,
    /// Where its stakers are listed.
    pub source: StakerSource,
}

/// The LRT contract that lists the LRT's EigenLayer stakers, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum StakerSource {
    /// Renzo's RestakeManager: `getOperatorDelegatorsLength()`, `operatorDelegators(i)`; each
    /// OperatorDelegator's `delegateAddress()` is its operator (Renzo contracts-public
    /// contracts/RestakeManager.sol, Delegation/OperatorDelegator.sol).
    Renzo {
        /// The RestakeManager.
        restake_manager: String,
    },
    /// Kelp's LRTDepositPool: `getNodeDelegatorQueue()`; each NodeDelegator's
    /// `elOperatorDelegatedTo()` (Kelp-DAO/LRT-rsETH contracts/LRTDepositPool.sol, NodeDelegator.sol).
    Kelp {
        /// The LRTDepositPool.
        deposit_pool: String,
    },
    /// YieldNest's StakingNodesManager: `getAllNodes()`; each StakingNode's `delegatedTo()`
    /// (yieldnest-protocol src/StakingNodesManager.sol, src/StakingNode.sol).
    YieldNest {
        /// The StakingNodesManager.
        staking_nodes_manager: String,
    },
    /// The staker addresses themselves (Puffer modules, ether.fi nodes, Swell's stakers: LRTs
    /// whose list this import does not read), at most [`MAX_STAKERS_PER_LRT`].
    Stakers {
        /// The staker contracts.
        addresses: Vec<String>,
    },
}

/// A request after its checks: addresses parsed, profiles found.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pub delegation_manager: Address,
    pub allocation_manager: Address,
    /// Beacon-chain ETH first, then the request's LST strategies.
    pub strategies: Vec<Address>,
    pub lrts: Vec<CheckedLrt>,
}

/// One LRT after its checks.
#[derive(Debug, Clone)]
pub(crate) struct CheckedLrt {
    pub profile: Protocol,
    pub source: Source,
}

/// A staker source with its addresses parsed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    Renzo(Address),
    Kelp(Address),
    YieldNest(Address),
    Stakers(Vec<Address>),
}

impl NetworkImportRequest {
    /// Checks the request (errors name its field: `lrts[1].source.depositPool`,
    /// `strategies[3]`) against the preset protocol profiles `presets`.
    pub(crate) fn check(&self, presets: &[Protocol]) -> Result<Checked, Error> {
        let delegation_manager = address("delegationManager", &self.delegation_manager)?;
        let allocation_manager = address("allocationManager", &self.allocation_manager)?;
        crate::validate::count_at_most(
            "strategies",
            self.strategies.len(),
            MAX_LST_STRATEGIES,
            "LST strategies",
        )?;
        let mut strategies = vec![BEACON];
        for (i, s) in self.strategies.iter().enumerate() {
            let a = address(&format!("strategies[{i}]"), s)?;
            if strategies.contains(&a) {
                return Err(Error::DuplicateId {
                    field: format!("strategies[{i}]"),
                    value: s.clone(),
                });
            }
            strategies.push(a);
        }
        if self.lrts.is_empty() {
            return Err(Error::OutOfRange {
                field: "lrts".to_owned(),
                value: 0.0,
                expected: format!("1 to {MAX_LRTS} LRTs"),
            });
        }
        crate::validate::count_at_most("lrts", self.lrts.len(), MAX_LRTS, "LRTs")?;
        let mut lrts: Vec<CheckedLrt> = Vec::new();
        for (i, t) in self.lrts.iter().enumerate() {
            let at = |leaf: &str| format!("lrts[{i}].{leaf}");
            let profile = presets.iter().find(|p| p.id == t.protocol).ok_or_else(|| {
                Error::UnknownReference {
                    field: at("protocol"),
                    value: t.protocol.clone(),
                    target: "preset protocol".to_owned(),
                }
            })?;
            if lrts.iter().any(|l| l.profile.id == t.protocol) {
                return Err(Error::DuplicateId {
                    field: at("protocol"),
                    value: t.protocol.clone(),
                });
            }
            let source = match &t.source {
                StakerSource::Renzo { restake_manager } => {
                    Source::Renzo(address(&at("source.restakeManager"), restake_manager)?)
                }
                StakerSource::Kelp { deposit_pool } => {
                    Source::Kelp(address(&at("source.depositPool"), deposit_pool)?)
                }
                StakerSource::YieldNest {
                    staking_nodes_manager,
                } => Source::YieldNest(address(
                    &at("source.stakingNodesManager"),
                    staking_nodes_manager,
                )?),
                StakerSource::Stakers { addresses } => {
                    let field = at("source.addresses");
                    if addresses.is_empty() {
                        return Err(Error::OutOfRange {
                            field,
                            value: 0.0,
                            expected: format!("1 to {MAX_STAKERS_PER_LRT} stakers"),
                        });
                    }
                    crate::validate::count_at_most(
                        &field,
                        addresses.len(),
                        MAX_STAKERS_PER_LRT,
                        "stakers",
                    )?;
                    let parsed = addresses
                        .iter()
                        .enumerate()
                        .map(|(k, a)| address(&format!("{field}[{k}]"), a))
                        .collect::<Result<Vec<_>, _>>()?;
                    Source::Stakers(parsed)
                }
            };
            lrts.push(CheckedLrt {
                profile: profile.clone(),
                source,
            });
        }
        Ok(Checked {
            delegation_manager,
            allocation_manager,
            strategies,
            lrts,
        })
    }

    /// Ethereum mainnet: EigenLayer's DelegationManager and AllocationManager
    /// (eigenlayer-contracts README, "Current Mainnet Deployment"), the stETH, rETH, ETHx,
    /// sfrxETH, mETH, cbETH, wBETH and swETH strategies (same README), and Renzo, Kelp and
    /// YieldNest through their own listing contracts (Renzo's RestakeManager from
    /// aave-capo scripts/DeployEthereum.s.sol L49; Kelp's LRTDepositPool from the Kelp-DAO/LRT-rsETH
    /// README; YieldNest's StakingNodesManager from yieldnest-protocol deployments/ynETH-1.json).
    /// Chain id 1 only.
    pub fn mainnet() -> NetworkImportRequest {
        let own = |a: &str| a.to_owned();
        NetworkImportRequest {
            allow_local_chain: false,
            delegation_manager: own("0x39053D51B77DC0d36036Fc1fCc8Cb819df8Ef37A"),
            allocation_manager: own("0x948a420b8CC1d6BFd0B6087C2E7c344a2CD0bc39"),
            strategies: [
                "0x93c4b944D05dfe6df7645A86cd2206016c51564D", // stETH
                "0x1BeE69b7dFFfA4E2d53C2a2Df135C388AD25dCD2", // rETH
                "0x9d7eD45EE2E8FC5482fa2428f15C971e6369011d", // ETHx
                "0x8CA7A5d6f3acd3A7A8bC468a8CD0FB14B6BD28b6", // sfrxETH
                "0x298aFB19A105D59E74658C4C334Ff360BadE6dd2", // mETH
                "0x54945180dB7943c0ed0FEE7EdaB2Bd24620256bc", // cbETH
                "0x7CA911E83dabf90C90dD3De5411a10F1A6112184", // wBETH
                "0x0Fe4F44beE93503346A3Ac9EE5A26b130a5796d6", // swETH
            ]
            .map(own)
            .to_vec(),
            lrts: vec![
                LrtTarget {
                    protocol: own("renzo"),
                    source: StakerSource::Renzo {
                        restake_manager: own("0x74a09653A083691711cF8215a6ab074BB4e99ef5"),
                    },
                },
                LrtTarget {
                    protocol: own("kelp"),
                    source: StakerSource::Kelp {
                        deposit_pool: own("0x036676389e48133B63a802f8635AD39E752D375D"),
                    },
                },
                LrtTarget {
                    protocol: own("yieldnest"),
                    source: StakerSource::YieldNest {
                        staking_nodes_manager: own("0x8C33A1d6d062dB7b51f79702355771d44359cD7d"),
                    },
                },
            ],
        }
    }
}
