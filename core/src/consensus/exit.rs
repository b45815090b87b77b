//! How long a holder waits to get ETH back by the slow path: the protocol's own delay, then
//! EigenLayer's withdrawal escrow, then the beacon-chain exit queue.
//!
//! The exit queue drains at the Electra churn limit
//! `min(256 ETH, max(128 ETH, S / 65,536))` per epoch, S = total active stake
//! (ethereum/consensus-specs a08d8a6, `specs/electra/beacon-chain.md`,
//! `get_activation_exit_churn_limit` over `get_balance_churn_limit`:
//! `MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA` = 128 ETH, `MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT` =
//! 256 ETH, `CHURN_LIMIT_QUOTIENT` = 65,536), with 225 epochs per day (32 slots × 12 s = 384 s
//! per epoch).

use serde::{Deserialize, Serialize};

use crate::{Error, validate};

/// `MIN_PER_EPOCH_CHURN_LIMIT_ELECTRA`, ETH per epoch.
pub const MIN_PER_EPOCH_CHURN_ETH: f64 = 128.0;
/// `MAX_PER_EPOCH_ACTIVATION_EXIT_CHURN_LIMIT`, ETH per epoch.
pub const MAX_PER_EPOCH_EXIT_CHURN_ETH: f64 = 256.0;
/// `CHURN_LIMIT_QUOTIENT`.
pub const CHURN_LIMIT_QUOTIENT: f64 = 65_536.0;
/// Epochs per day: 86,400 s / (32 slots × 12 s).
pub const EPOCHS_PER_DAY: f64 = 86_400.0 / (32.0 * 12.0);

/// The exit-queue state a user assumes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExitQueue {
    /// ETH already waiting in the beacon-chain exit queue ahead of this withdrawal, ≥ 0.
    pub queued_eth: f64,
    /// Total active stake S, in ETH, > 0 (sets the churn limit).
    pub total_staked_eth: f64,
}

impl ExitQueue {
    /// Checks both fields; `field` prefixes error paths.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        validate::in_range(
            &format!("{field}.queuedEth"),
            self.queued_eth,
            0.0,
            1e9,
            "an amount in 0..=1e9 ETH",
        )?;
        validate::in_range(
            &format!("{field}.totalStakedEth"),
            self.total_staked_eth,
            1.0,
            1e9,
            "an amount in 1..=1e9 ETH",
        )?;
        Ok(())
    }

    /// Exit churn per epoch in ETH: `min(256, max(128, S // 65,536))`, rounded down to a whole
    /// ETH as `get_balance_churn_limit` does (`churn − churn % EFFECTIVE_BALANCE_INCREMENT`).
    pub fn churn_per_epoch_eth(&self) -> f64 {
        (self.total_staked_eth / CHURN_LIMIT_QUOTIENT)
            .floor()
            .clamp(MIN_PER_EPOCH_CHURN_ETH, MAX_PER_EPOCH_EXIT_CHURN_ETH)
    }

    /// Days to drain the queue ahead: `queued / (churn per epoch × 225)`.
    pub fn wait_days(&self) -> f64 {
        self.queued_eth / (self.churn_per_epoch_eth() * EPOCHS_PER_DAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn churn_matches_the_electra_cap() {
        // S ≥ 256 × 65,536 ≈ 16.8M ETH → 256 ETH/epoch × 225 = 57,600 ETH/day (derived from
        // get_activation_exit_churn_limit, consensus-specs Electra).
        let q = ExitQueue {
            queued_eth: 576_000.0,
            total_staked_eth: 36_000_000.0,
        };
        assert_eq!(q.churn_per_epoch_eth(), 256.0);
        assert_eq!(q.churn_per_epoch_eth() * EPOCHS_PER_DAY, 57_600.0);
        assert_eq!(q.wait_days(), 10.0);
        // Small S: floor of 128 ETH/epoch; 8.4M/65,536 = 128.17.
        let small = ExitQueue {
            queued_eth: 0.0,
            total_staked_eth: 4_000_000.0,
        };
        assert_eq!(small.churn_per_epoch_eth(), 128.0);
        assert_eq!(small.wait_days(), 0.0);
        let mid = ExitQueue {
            queued_eth: 0.0,
            total_staked_eth: 13_107_200.0,
        };
        assert_eq!(mid.churn_per_epoch_eth(), 200.0);
        // Rounded down to whole ETH: 13,140,000/65,536 = 200.5 ⇒ 200 (the spec's
        // `churn − churn % EFFECTIVE_BALANCE_INCREMENT`; Lodestar's getBalanceChurnLimit).
        let odd = ExitQueue {
            queued_eth: 0.0,
            total_staked_eth: 13_140_000.0,
        };
        assert_eq!(odd.churn_per_epoch_eth(), 200.0);
    }

    #[test]
    fn rejects_bad_values() {
        let q = ExitQueue {
            queued_eth: f64::NAN,
            total_staked_eth: 1.0,
        };
        assert_eq!(
            q.validate("exitQueue").unwrap_err().field(),
            "exitQueue.queuedEth"
        );
        let q = ExitQueue {
            queued_eth: 0.0,
            total_staked_eth: 0.0,
        };
        assert_eq!(
            q.validate("exitQueue").unwrap_err().field(),
            "exitQueue.totalStakedEth"
        );
    }
}
