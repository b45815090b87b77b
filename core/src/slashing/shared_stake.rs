//! Shared-stake slashing as Symbiotic ships it (symbioticfi/core 25a065a, 2026-08-07:
//! `src/contracts/delegator/*.sol`, `slasher/BaseSlasher.sol`, `slasher/VetoSlasher.sol`,
//! `vault/Vault.sol`; docs.symbiotic.fi/modules/vault/delegator).
//!
//! Each operator's delegated stake in one strategy is modelled as one vault with a single operator
//! (an `OperatorSpecificDelegator`, or equivalently a `FullRestakeDelegator`/
//! `NetworkRestakeDelegator` vault with one operator): the **same collateral counts for every
//! network** (AVS) the operator is registered with.
//!
//! - Network stake at the capture timestamp: `stake_n = min(activeStake, NL_n)`; the scenario gives
//!   the network limit `NL_n` as a share of the active stake, so `stake_n = activeStake · NL_n`.
//! - A slash request of a fraction `w` of that stake asks `⌈stake_n · w⌉` (rounded against the
//!   operator, as EigenLayer does; in Symbiotic the network names an absolute amount).
//! - `BaseSlasher` caps it at what the network may still take since the capture:
//!   `stake_n − min(cumulativeSlash_n, stake_n)`.
//! - `Vault.onSlash` caps it at the collateral still there, `activeStake + pending withdrawals`,
//!   **first come, first served**, and splits the loss pro rata between active stake and pending
//!   withdrawals (`activeSlashed = ⌊slashed · active / (active + withdrawals)⌋`). This module keeps
//!   one pool per vault and values every holder pro rata, `⌊shares · pool / pool₀⌋`, which is the
//!   same proportion for active and queued holders.
//!
//! All slashes of a sequence share one capture timestamp — the state before the first event —
//! as correlated faults inside one vault epoch would.

/// One operator's vault in one strategy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vault {
    initial_active: u128,
    initial_pool: u128,
    pool: u128,
    cumulative: Vec<u128>,
}

/// What one slash request did to a vault. Amounts in wei of the strategy's collateral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VaultSlash {
    /// `⌈stake_n · w⌉`: what the network asked for.
    pub requested: u128,
    /// What the network could still take since the capture, before the request.
    pub network_slashable: u128,
    /// What the vault paid: `min(requested, network_slashable, pool)`.
    pub slashed: u128,
}

impl Vault {
    /// A vault with `active` stake and `withdrawals` pending, registered with `networks` networks
    /// (indexed `0..networks`).
    pub fn new(active: u128, withdrawals: u128, networks: usize) -> Vault {
        let pool = active.saturating_add(withdrawals);
        Vault {
            initial_active: active,
            initial_pool: pool,
            pool,
            cumulative: vec![0; networks],
        }
    }

    /// Collateral still in the vault (active + pending withdrawals), wei.
    pub fn pool(&self) -> u128 {
        self.pool
    }

    /// Collateral at the capture timestamp, wei.
    pub fn initial_pool(&self) -> u128 {
        self.initial_pool
    }

    /// Network stake at capture for a network limit of `limit` (WAD share of the active stake):
    /// `⌊activeStake · limit⌋`, wei.
    pub fn network_stake(&self, limit: u128) -> u128 {
        // limit ≤ 1 WAD, so the quotient is ≤ the active stake and fits.
        crate::wad::mul_wad(self.initial_active, limit.min(crate::wad::WAD)).unwrap_or(0)
    }

    /// What network `network` with limit `limit` could still take now:
    /// `min(stake_n − min(cumulative_n, stake_n), pool)`, wei.
    pub fn slashable(&self, network: usize, limit: u128) -> u128 {
        let stake = self.network_stake(limit);
        let taken = self.cumulative.get(network).copied().unwrap_or(0);
        (stake - taken.min(stake)).min(self.pool)
    }

    /// Network `network` (limit `limit`, WAD) slashes the fraction `wad` (WAD) of its stake.
    pub fn slash(&mut self, network: usize, limit: u128, wad: u128) -> VaultSlash {
        let stake = self.network_stake(limit);
        // wad ≤ 1 WAD, so ⌈stake · wad⌉ ≤ stake: it fits.
        let requested =
            crate::wad::mul_wad_round_up(stake, wad.min(crate::wad::WAD)).unwrap_or(stake);
        let taken = self.cumulative.get(network).copied().unwrap_or(0);
        let network_slashable = stake - taken.min(stake);
        let slashed = requested.min(network_slashable).min(self.pool);
        self.pool -= slashed;
        if let Some(c) = self.cumulative.get_mut(network) {
            *c += slashed;
        }
        VaultSlash {
            requested,
            network_slashable,
            slashed,
        }
    }

    /// A holder's claim on the vault now, `⌊shares · pool / pool₀⌋`, where `shares` is the
    /// holder's wei in the vault at capture.
    pub fn holder_value(&self, shares: u128) -> u128 {
        holder_value(shares, self.pool, self.initial_pool)
    }
}

/// A holder's claim on a vault whose collateral went from `initial_pool` to `pool`:
/// `⌊shares · pool / initial_pool⌋`, wei (0 for an empty vault).
pub fn holder_value(shares: u128, pool: u128, initial_pool: u128) -> u128 {
    // shares ≤ pool₀ and pool ≤ pool₀, so the quotient fits; pool₀ = 0 means nothing to claim.
    crate::wad::mul_div(shares, pool, initial_pool, crate::wad::Rounding::Down).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wad::WAD;

    #[test]
    fn the_same_collateral_answers_every_network_first_come_first_served() {
        // 100 ETH active, no withdrawals; networks A and B each with a limit of the full stake.
        // A takes 60% of 100 = 60; B asks 60% of its capture stake (100) = 60 but only 40 is left.
        let mut v = Vault::new(100 * WAD, 0, 2);
        let a = v.slash(0, WAD, 6 * WAD / 10);
        assert_eq!((a.requested, a.slashed), (60 * WAD, 60 * WAD));
        let b = v.slash(1, WAD, 6 * WAD / 10);
        assert_eq!(
            (b.requested, b.network_slashable, b.slashed),
            (60 * WAD, 100 * WAD, 40 * WAD)
        );
        assert_eq!(v.pool(), 0);
        assert_eq!(v.holder_value(30 * WAD), 0);
    }

    #[test]
    fn a_network_cannot_exceed_its_stake_since_capture() {
        // Limit 50% of 80 ETH active (+20 ETH withdrawing): stake 40. Two 75% requests ask 30
        // each; the second gets only the 10 left of the network's 40.
        let mut v = Vault::new(80 * WAD, 20 * WAD, 1);
        assert_eq!(v.network_stake(WAD / 2), 40 * WAD);
        assert_eq!(v.slash(0, WAD / 2, 3 * WAD / 4).slashed, 30 * WAD);
        let second = v.slash(0, WAD / 2, 3 * WAD / 4);
        assert_eq!((second.requested, second.slashed), (30 * WAD, 10 * WAD));
        assert_eq!(v.slashable(0, WAD / 2), 0);
        // Holders lose pro rata: 60 of 100 left, so 20 ETH withdrawing → 12.
        assert_eq!(v.holder_value(20 * WAD), 12 * WAD);
    }
}
