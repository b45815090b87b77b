//! A chain in memory for the importer's tests: it answers the importer's JSON-RPC requests
//! from a [`Spec`] as the EigenLayer and LRT contracts would (decoding each `aggregate3` batch
//! and each call with the same `sol!` interfaces), with faults to inject: a revert predicate and
//! a per-request override.

use std::collections::HashMap;

use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use serde_json::json;

use super::super::abi::{
    IAllocationManager, IDelegationManager, IKelpDepositPool, IKelpNodeDelegator,
    IRenzoOperatorDelegator, IRenzoRestakeManager, IStrategy, IYieldNestNode,
    IYieldNestNodesManager,
};
use super::super::request::BEACON;
use super::super::{ImportStep, LrtTarget, NetworkImport, NetworkImportRequest, StakerSource};
use super::spec::{Spec, SpecAllocation, int};
use crate::Error;
use crate::chain::abi::IMulticall3;
use crate::chain::{Method, RpcReply, RpcRequest};

pub const DM: Address = Address::with_last_byte(0xd1);
pub const AM: Address = Address::with_last_byte(0xa1);
pub const LST: Address = Address::with_last_byte(0x51);
pub const BLOCK: u64 = 1234;

/// The listing contract of LRT `l`.
pub fn list_address(l: usize) -> Address {
    Address::with_last_byte(0x10 + l as u8)
}

/// The address of staker `k` of LRT `l`.
pub fn staker_address(l: usize, k: usize) -> Address {
    let mut b = [0u8; 20];
    b[0] = 0x57;
    b[17] = l as u8;
    b[18] = (k >> 8) as u8;
    b[19] = k as u8;
    Address::from(b)
}

type Reverts = Box<dyn Fn(Address, &[u8]) -> bool>;
type Override = Box<dyn Fn(&RpcRequest) -> Option<RpcReply>>;

pub struct FakeChain {
    pub spec: Spec,
    /// `(staker) → (lrt, index)`.
    stakers: HashMap<Address, (usize, usize)>,
    /// A call that reverts.
    pub reverts: Reverts,
    /// An answer that replaces the chain's.
    pub fault: Override,
}

fn a(s: &str) -> Address {
    s.parse().expect("an address")
}

impl FakeChain {
    pub fn new(spec: Spec) -> FakeChain {
        let mut stakers = HashMap::new();
        for (l, lrt) in spec.lrts.iter().enumerate() {
            for k in 0..lrt.stakers.len() {
                stakers.insert(staker_address(l, k), (l, k));
            }
        }
        FakeChain {
            spec,
            stakers,
            reverts: Box::new(|_, _| false),
            fault: Box::new(|_| None),
        }
    }

    /// The request that reads this chain.
    pub fn request(&self) -> NetworkImportRequest {
        let lrts = self
            .spec
            .lrts
            .iter()
            .enumerate()
            .map(|(l, lrt)| {
                let at = list_address(l).to_checksum(None);
                let source = match lrt.kind.as_str() {
                    "renzo" => StakerSource::Renzo {
                        restake_manager: at,
                    },
                    "kelp" => StakerSource::Kelp { deposit_pool: at },
                    "yieldNest" => StakerSource::YieldNest {
                        staking_nodes_manager: at,
                    },
                    _ => StakerSource::Stakers {
                        addresses: (0..lrt.stakers.len())
                            .map(|k| staker_address(l, k).to_checksum(None))
                            .collect(),
                    },
                };
                LrtTarget {
                    protocol: lrt.protocol.clone(),
                    source,
                }
            })
            .collect();
        NetworkImportRequest {
            allow_local_chain: true,
            delegation_manager: DM.to_checksum(None),
            allocation_manager: AM.to_checksum(None),
            strategies: vec![LST.to_checksum(None)],
            lrts,
        }
    }

    /// Runs `req` to the end against this chain (at most 20 steps).
    pub fn run(&self, req: &NetworkImportRequest) -> Result<NetworkImport, Error> {
        let (mut importer, mut step) = super::super::NetworkImporter::start(req)?;
        for _ in 0..20 {
            match step {
                ImportStep::Done { import } => return Ok(*import),
                ImportStep::Calls { requests, .. } => {
                    let replies: Vec<RpcReply> = requests.iter().map(|r| self.answer(r)).collect();
                    step = importer.on_replies(&replies)?;
                }
            }
        }
        panic!("the import did not finish in 20 steps");
    }

    pub fn answer(&self, r: &RpcRequest) -> RpcReply {
        if let Some(reply) = (self.fault)(r) {
            return reply;
        }
        let result = match r.method {
            Method::ChainId => json!("0x7a69"),
            Method::GetBlockByNumber => json!({
                "number": format!("{BLOCK:#x}"),
                "timestamp": "0x6553f100",
                "hash": format!("0x{}", "ab".repeat(32)),
            }),
            Method::Call => {
                let data = r.params[0]["data"].as_str().expect("data");
                let bytes = alloy_primitives::hex::decode(&data[2..]).expect("hex");
                let batch = IMulticall3::aggregate3Call::abi_decode(&bytes).expect("aggregate3");
                let results: Vec<IMulticall3::Result> = batch
                    .calls
                    .iter()
                    .map(|c| match self.call(c.target, &c.callData) {
                        Some(out) if !(self.reverts)(c.target, &c.callData) => {
                            IMulticall3::Result {
                                success: true,
                                returnData: out.into(),
                            }
                        }
                        _ => IMulticall3::Result {
                            success: false,
                            returnData: alloy_primitives::Bytes::new(),
                        },
                    })
                    .collect();
                let out = IMulticall3::aggregate3Call::abi_encode_returns(&results);
                json!(alloy_primitives::hex::encode_prefixed(out))
            }
        };
        RpcReply::Body {
            text: json!({ "jsonrpc": "2.0", "id": r.id, "result": result }).to_string(),
        }
    }

    /// The staker at `s`, if any.
    fn staker(&self, s: Address) -> Option<&super::spec::SpecStaker> {
        let &(l, k) = self.stakers.get(&s)?;
        Some(&self.spec.lrts[l].stakers[k])
    }

    /// Shares of `strategy` in a (beacon, LST) pair.
    fn pick(strategy: Address, beacon: &str, lst: &str) -> U256 {
        if strategy == BEACON {
            int(beacon)
        } else if strategy == LST {
            int(lst)
        } else {
            U256::ZERO
        }
    }

    fn operator(&self, op: Address) -> Option<&super::spec::SpecOperator> {
        self.spec.operators.iter().find(|o| a(&o.address) == op)
    }

    /// One call's return data, `None` for a revert.
    fn call(&self, target: Address, data: &[u8]) -> Option<Vec<u8>> {
        let list = (0..self.spec.lrts.len()).find(|l| list_address(*l) == target);
        if let Ok(c) = IStrategy::sharesToUnderlyingViewCall::abi_decode(data) {
            (target == LST).then_some(())?;
            let r = c.amountShares * int(&self.spec.lst_rate)
                / U256::from(10u64).pow(U256::from(18u64));
            return Some(IStrategy::sharesToUnderlyingViewCall::abi_encode_returns(
                &r,
            ));
        }
        if IRenzoRestakeManager::getOperatorDelegatorsLengthCall::abi_decode(data).is_ok() {
            let n = self.spec.lrts[list?].stakers.len();
            return Some(
                IRenzoRestakeManager::getOperatorDelegatorsLengthCall::abi_encode_returns(
                    &U256::from(n),
                ),
            );
        }
        if let Ok(c) = IRenzoRestakeManager::operatorDelegatorsCall::abi_decode(data) {
            let l = list?;
            let k = usize::try_from(c.index)
                .ok()
                .filter(|k| *k < self.spec.lrts[l].stakers.len())?;
            return Some(
                IRenzoRestakeManager::operatorDelegatorsCall::abi_encode_returns(&staker_address(
                    l, k,
                )),
            );
        }
        if IKelpDepositPool::getNodeDelegatorQueueCall::abi_decode(data).is_ok()
            || IYieldNestNodesManager::getAllNodesCall::abi_decode(data).is_ok()
        {
            let l = list?;
            let all: Vec<Address> = (0..self.spec.lrts[l].stakers.len())
                .map(|k| staker_address(l, k))
                .collect();
            return Some(IKelpDepositPool::getNodeDelegatorQueueCall::abi_encode_returns(&all));
        }
        let own = IRenzoOperatorDelegator::delegateAddressCall::abi_decode(data).is_ok()
            || IKelpNodeDelegator::elOperatorDelegatedToCall::abi_decode(data).is_ok()
            || IYieldNestNode::delegatedToCall::abi_decode(data).is_ok();
        if own {
            let s = self.staker(target)?;
            let op = a(s.own_operator.as_ref().unwrap_or(&s.operator));
            return Some(IRenzoOperatorDelegator::delegateAddressCall::abi_encode_returns(&op));
        }
        if target == DM {
            return self.delegation_manager(data);
        }
        if target == AM {
            return self.allocation_manager(data);
        }
        None
    }

    fn delegation_manager(&self, data: &[u8]) -> Option<Vec<u8>> {
        use IDelegationManager as D;
        if let Ok(c) = D::delegatedToCall::abi_decode(data) {
            let op = self
                .staker(c.staker)
                .map_or(Address::ZERO, |s| a(&s.operator));
            return Some(D::delegatedToCall::abi_encode_returns(&op));
        }
        if let Ok(c) = D::getWithdrawableSharesCall::abi_decode(data) {
            let shares: Vec<U256> = c
                .strategies
                .iter()
                .map(|s| {
                    self.staker(c.staker)
                        .map_or(U256::ZERO, |x| Self::pick(*s, &x.beacon, &x.lst))
                })
                .collect();
            return Some(D::getWithdrawableSharesCall::abi_encode_returns(
                &D::getWithdrawableSharesReturn {
                    withdrawableShares: shares.clone(),
                    depositShares: shares,
                },
            ));
        }
        if let Ok(c) = D::getQueuedWithdrawalsCall::abi_decode(data) {
            let queued = self.staker(c.staker).map_or(&[][..], |s| &s.queued[..]);
            let withdrawals = queued
                .iter()
                .enumerate()
                .map(|(i, q)| D::Withdrawal {
                    staker: c.staker,
                    delegatedTo: a(&q.operator),
                    withdrawer: c.staker,
                    nonce: U256::from(i),
                    startBlock: 1,
                    strategies: vec![BEACON, LST],
                    scaledShares: vec![int(&q.beacon), int(&q.lst)],
                })
                .collect();
            let shares = queued
                .iter()
                .map(|q| vec![int(&q.beacon), int(&q.lst)])
                .collect();
            return Some(D::getQueuedWithdrawalsCall::abi_encode_returns(
                &D::getQueuedWithdrawalsReturn {
                    withdrawals,
                    shares,
                },
            ));
        }
        if let Ok(c) = D::getOperatorSharesCall::abi_decode(data) {
            let spec = self.operator(c.operator);
            let shares = c
                .strategies
                .iter()
                .map(|s| {
                    let mut x = spec.map_or(U256::ZERO, |o| {
                        Self::pick(*s, &o.other_beacon, &o.other_lst)
                    });
                    for st in self.spec.lrts.iter().flat_map(|l| &l.stakers) {
                        if a(&st.operator) == c.operator {
                            x += Self::pick(*s, &st.beacon, &st.lst);
                        }
                    }
                    x
                })
                .collect();
            return Some(D::getOperatorSharesCall::abi_encode_returns(&shares));
        }
        None
    }

    fn allocation_manager(&self, data: &[u8]) -> Option<Vec<u8>> {
        use IAllocationManager as M;
        if let Ok(c) = M::getAllocatedSetsCall::abi_decode(data) {
            let sets = self.operator(c.operator).map_or(Vec::new(), |o| {
                o.sets
                    .iter()
                    .map(|s| M::OperatorSet {
                        avs: a(&s.avs),
                        id: s.id,
                    })
                    .collect()
            });
            return Some(M::getAllocatedSetsCall::abi_encode_returns(&sets));
        }
        if let Ok(c) = M::getMaxMagnitudesCall::abi_decode(data) {
            let o = self.operator(c.operator);
            let max: Vec<u64> = c
                .strategies
                .iter()
                .map(|s| match o {
                    Some(o) if *s == BEACON => int(&o.max_beacon).to::<u64>(),
                    Some(o) if *s == LST => int(&o.max_lst).to::<u64>(),
                    _ => 1_000_000_000_000_000_000,
                })
                .collect();
            return Some(M::getMaxMagnitudesCall::abi_encode_returns(&max));
        }
        if let Ok(c) = M::getAllocationCall::abi_decode(data) {
            let set = self.operator(c.operator).and_then(|o| {
                o.sets
                    .iter()
                    .find(|s| a(&s.avs) == c.operatorSet.avs && s.id == c.operatorSet.id)
            });
            let none = SpecAllocation::default();
            let x = match set {
                Some(s) if c.strategy == BEACON => &s.beacon,
                Some(s) if c.strategy == LST => &s.lst,
                _ => &none,
            };
            let current = if x.current.is_empty() {
                0
            } else {
                int(&x.current).to::<u64>()
            };
            let pending: i128 = if x.pending_diff.is_empty() {
                0
            } else {
                x.pending_diff.parse().expect("i128")
            };
            return Some(M::getAllocationCall::abi_encode_returns(&M::Allocation {
                currentMagnitude: current,
                pendingDiff: pending,
                effectBlock: x.effect_block,
            }));
        }
        None
    }
}
