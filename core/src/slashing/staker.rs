//! Staker share accounting in EigenLayer's `DelegationManager` and `EigenPodManager`
//! (`docs/core/accounting/SharesAccounting.md`, `SlashingLib.sol`; Layr-Labs/eigenlayer-contracts
//! f84a515, 2026-05-01):
//!
//! ```text
//! withdrawable a = s · k · l · m        computed as  s.mulWad(k).mulWad(m.mulWad(l))
//! ```
//! with `s` deposit shares (wei), `k` the deposit scaling factor, `l` the beacon-chain slashing
//! factor (1 for LST strategies) and `m` the operator's `maxMagnitude`, all factors in WAD.
//!
//! - An AVS slash lowers `m` only: every staker of the operator loses the same proportion, with
//!   no per-staker write.
//! - A beacon-chain balance drop, checkpointed in the staker's EigenPod, lowers `l`:
//!   `l' = ⌊l · h / g⌋` where `g`/`h` are the pod's restaked balance before/after
//!   (`EigenPodManager._reduceSlashingFactor`).
//! - The two compose multiplicatively and the beacon chain has priority: an AVS only ever slashes
//!   what the beacon chain left (`DualSlashingEdgeCase.md`).
//! - Withdrawals still in the queue hold scaled shares `q = x · k` and pay `q · m · l` on
//!   completion, so they take every slash of the escrow period in the same proportion.

use serde::{Deserialize, Serialize};

use crate::wad::{self, WAD};

/// The two kinds of strategy an LRT restakes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Strategy {
    /// Native ETH in EigenPods (`beaconChainETHStrategy`): exposed to beacon-chain slashing
    /// through the factor `l`.
    BeaconChainEth,
    /// Liquid staking tokens (stETH, ETHx, …) deposited in strategies, valued 1:1 in ETH here;
    /// `l` is always 1.
    Lst,
}

impl Strategy {
    /// Both strategies, native first.
    pub const ALL: [Strategy; 2] = [Strategy::BeaconChainEth, Strategy::Lst];

    /// Position in [`Strategy::ALL`].
    pub fn index(self) -> usize {
        match self {
            Strategy::BeaconChainEth => 0,
            Strategy::Lst => 1,
        }
    }
}

/// The slashing factor applied to a staker's shares: `m · l` for native ETH, `m` otherwise
/// (`DelegationManager._getSlashingFactor`), WAD.
pub fn slashing_factor(
    max_magnitude: u128,
    beacon_chain_slashing_factor: Option<u128>,
) -> Option<u128> {
    match beacon_chain_slashing_factor {
        Some(l) => wad::mul_wad(max_magnitude, l),
        None => Some(max_magnitude),
    }
}

/// A staker's shares in one strategy: deposit shares `s`, deposit scaling factor `k`, and the
/// scaled shares `q` of its withdrawals still in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrategyPosition {
    /// Deposit shares `s`, wei (1 share = 1 wei of ETH or LST).
    pub deposit_shares: u128,
    /// Deposit scaling factor `k`, WAD.
    pub deposit_scaling_factor: u128,
    /// Scaled shares of queued withdrawals, `q = x · k`, wei.
    pub queued_scaled_shares: u128,
}

impl StrategyPosition {
    /// A staker's first delegation to an operator at slashing factor `sf`: `k = 1 / sf`
    /// (`SlashingLib.update` when the previous deposit shares are 0), with `active` deposit shares
    /// delegated and `queued` deposit shares already in the withdrawal queue (`q = queued · k`).
    /// `None` when `sf` is 0 (the contract refuses to delegate a fully slashed position).
    pub fn first_deposit(
        active: u128,
        queued: u128,
        slashing_factor: u128,
    ) -> Option<StrategyPosition> {
        let k = wad::div_wad(WAD, slashing_factor)?;
        Some(StrategyPosition {
            deposit_shares: active,
            deposit_scaling_factor: k,
            queued_scaled_shares: wad::mul_wad(queued, k)?,
        })
    }

    /// Withdrawable shares `s.mulWad(k).mulWad(sf)` (`SlashingLib.calcWithdrawable`), wei.
    pub fn withdrawable(&self, slashing_factor: u128) -> Option<u128> {
        wad::mul_wad(
            wad::mul_wad(self.deposit_shares, self.deposit_scaling_factor)?,
            slashing_factor,
        )
    }

    /// What the queued withdrawals pay out, `q.mulWad(sf)` (`scaleForCompleteWithdrawal`), wei.
    pub fn queued_withdrawable(&self, slashing_factor: u128) -> Option<u128> {
        wad::mul_wad(self.queued_scaled_shares, slashing_factor)
    }

    /// Withdrawable plus queued, wei: the staker's whole claim in this strategy.
    pub fn value(&self, slashing_factor: u128) -> Option<u128> {
        self.withdrawable(slashing_factor)?
            .checked_add(self.queued_withdrawable(slashing_factor)?)
    }

    /// Operator shares removed when the staker's beacon-chain slashing factor falls by
    /// `l_decrease` (`DelegationManager.decreaseDelegatedShares`):
    /// `s.mulWad(k).mulWad(m.mulWad(lDecrease))`, wei.
    pub fn operator_shares_for_beacon_decrease(
        &self,
        max_magnitude: u128,
        l_decrease: u128,
    ) -> Option<u128> {
        self.withdrawable(wad::mul_wad(max_magnitude, l_decrease)?)
    }
}

/// A staker's EigenPod as the slashing factor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pod {
    /// Beacon-chain slashing factor `l`, WAD; starts at 1 WAD.
    pub beacon_chain_slashing_factor: u128,
    /// Restaked balance at the last checkpoint (validators + withdrawable execution-layer ETH),
    /// wei.
    pub restaked_balance: u128,
}

impl Pod {
    /// A pod with `balance` wei restaked and `l` = 1 WAD.
    pub fn new(balance: u128) -> Pod {
        Pod {
            beacon_chain_slashing_factor: WAD,
            restaked_balance: balance,
        }
    }

    /// Checkpoints a balance decrease of `decrease` wei (capped at the balance):
    /// `l' = ⌊l · (g − decrease) / g⌋`. Returns the fall `l − l'`, WAD.
    pub fn record_balance_decrease(&mut self, decrease: u128) -> u128 {
        let g = self.restaked_balance;
        if g == 0 || decrease == 0 {
            return 0;
        }
        let h = g - decrease.min(g);
        let l = self.beacon_chain_slashing_factor;
        // h ≤ g, so the quotient is ≤ l: it fits and cannot fail.
        let new_l = wad::mul_div(l, h, g, wad::Rounding::Down).unwrap_or(0);
        self.beacon_chain_slashing_factor = new_l;
        self.restaked_balance = h;
        l - new_l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dual_slashing_edge_case() {
        // DualSlashingEdgeCase.md: 32 ETH restaked natively; the operator is slashed 75%
        // (m = 0.25) → 8 ETH withdrawable; then a 16 ETH beacon-chain slash is checkpointed
        // (l = 16/32 = 0.5) → 32·0.5·0.25 = 4 ETH.
        let mut pod = Pod::new(32 * WAD);
        let pos = StrategyPosition::first_deposit(32 * WAD, 0, WAD).unwrap();
        assert_eq!(pos.deposit_scaling_factor, WAD);
        let m = WAD / 4;
        let sf = slashing_factor(m, Some(pod.beacon_chain_slashing_factor)).unwrap();
        assert_eq!(pos.withdrawable(sf), Some(8 * WAD));
        let drop = pod.record_balance_decrease(16 * WAD);
        assert_eq!(drop, WAD / 2);
        let sf = slashing_factor(m, Some(pod.beacon_chain_slashing_factor)).unwrap();
        assert_eq!(pos.withdrawable(sf), Some(4 * WAD));
        // The operator's shares fall by s·k·m·(l − l') = 32·0.25·0.5 = 4 ETH.
        assert_eq!(
            pos.operator_shares_for_beacon_decrease(m, drop),
            Some(4 * WAD)
        );
    }

    #[test]
    fn queued_withdrawals_take_the_same_proportion() {
        // 10 ETH active + 6 ETH queued, LST strategy; m: 1 → 0.9 → both lose 10%.
        let pos = StrategyPosition::first_deposit(10 * WAD, 6 * WAD, WAD).unwrap();
        let sf = slashing_factor(9 * WAD / 10, None).unwrap();
        assert_eq!(pos.withdrawable(sf), Some(9 * WAD));
        assert_eq!(pos.queued_withdrawable(sf), Some(54 * WAD / 10));
        assert_eq!(pos.value(sf), Some(144 * WAD / 10));
    }

    #[test]
    fn beacon_factor_rounds_down_and_saturates() {
        // g = 3 wei, drop 1 → l = ⌊1e18·2/3⌋ = 666…666.
        let mut pod = Pod::new(3);
        assert_eq!(
            pod.record_balance_decrease(1),
            WAD - 666_666_666_666_666_666
        );
        // A drop larger than the balance empties the pod: l = 0.
        pod.record_balance_decrease(100);
        assert_eq!(pod.beacon_chain_slashing_factor, 0);
        assert_eq!(pod.record_balance_decrease(1), 0);
    }

    #[test]
    fn first_deposit_inverts_the_slashing_factor() {
        // Delegating to an operator already at m = 0.5: k = 2, so s·k·m = s.
        let pos = StrategyPosition::first_deposit(5 * WAD, 0, WAD / 2).unwrap();
        assert_eq!(pos.deposit_scaling_factor, 2 * WAD);
        assert_eq!(pos.withdrawable(WAD / 2), Some(5 * WAD));
        assert_eq!(StrategyPosition::first_deposit(1, 0, 0), None);
    }
}
