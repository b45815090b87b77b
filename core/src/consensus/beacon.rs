//! What a slashed validator loses on the beacon chain under Electra (`specs/electra/beacon-chain.md`,
//! `specs/altair/beacon-chain.md`, ethereum/consensus-specs a08d8a6, 2026-08-07).
//! All amounts in gwei, with the spec's integer arithmetic.
//!
//! 1. **Initial penalty** at slashing (`slash_validator`): `EB // 4096`
//!    (`MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA`).
//! 2. **Missed attestations**: a slashed validator counts as non-participating until its
//!    `withdrawable_epoch = epoch + 8192` (`EPOCHS_PER_SLASHINGS_VECTOR`), so each of those 8192
//!    epochs it pays the source and target penalties (`get_flag_index_deltas`: the head flag is
//!    not penalised): `base_reward·14//64 + base_reward·26//64` with
//!    `base_reward = (EB // 1e9) · (1e9 · 64 // isqrt(total_active_balance))`.
//! 3. **Correlation penalty** at the halfway point, epoch `+4096` (`process_slashings`):
//!    `(min(3 · Σ slashings, total) // (total // 1e9)) · (EB // 1e9)` ≈ `EB · min(3·f, 1)`,
//!    `f` the share of all stake slashed in the 8192-epoch window.
//!
//! The epoch loop also applies the effective-balance hysteresis (`HYSTERESIS_QUOTIENT = 4`,
//! `HYSTERESIS_DOWNWARD_MULTIPLIER = 1`: the effective balance falls to the whole ETH below the
//! balance once the balance is more than 0.25 ETH under it), so a large initial or correlation
//! penalty lowers the later base rewards, and penalties stop at a zero balance
//! (`decrease_balance` saturates).
//!
//! Labelled assumptions: the balance equals the effective balance at the moment of slashing;
//! the total active balance is constant over the 8192 epochs; no inactivity leak; the validator
//! is not in a sync committee. The whistleblower and proposer rewards are paid to others from
//! new issuance, not from the slashed validator.

use serde::{Deserialize, Serialize};

/// `EFFECTIVE_BALANCE_INCREMENT`: 1 ETH in gwei.
pub const EFFECTIVE_BALANCE_INCREMENT: u128 = 1_000_000_000;
/// `MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA`.
pub const MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA: u128 = 4096;
/// `PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX`.
pub const PROPORTIONAL_SLASHING_MULTIPLIER: u128 = 3;
/// `EPOCHS_PER_SLASHINGS_VECTOR`: epochs from slashing to `withdrawable_epoch`.
pub const EPOCHS_PER_SLASHINGS_VECTOR: u32 = 8192;
/// `BASE_REWARD_FACTOR`.
pub const BASE_REWARD_FACTOR: u128 = 64;
/// `TIMELY_SOURCE_WEIGHT`, `TIMELY_TARGET_WEIGHT` and `WEIGHT_DENOMINATOR` (Altair).
pub const SOURCE_WEIGHT: u128 = 14;
/// See [`SOURCE_WEIGHT`].
pub const TARGET_WEIGHT: u128 = 26;
/// See [`SOURCE_WEIGHT`].
pub const WEIGHT_DENOMINATOR: u128 = 64;
/// `HYSTERESIS_QUOTIENT` (phase0 preset).
pub const HYSTERESIS_QUOTIENT: u128 = 4;
/// `HYSTERESIS_DOWNWARD_MULTIPLIER` (phase0 preset).
pub const HYSTERESIS_DOWNWARD_MULTIPLIER: u128 = 1;
/// `MAX_EFFECTIVE_BALANCE_ELECTRA`, ETH.
pub const MAX_EFFECTIVE_BALANCE_ELECTRA_ETH: u32 = 2048;

/// The loss of one slashed validator, gwei, split by cause. `initial + missedAttestations +
/// correlation = total ≤ effective balance`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidatorLoss {
    /// Initial penalty `EB // 4096`, gwei.
    pub initial: u128,
    /// Source and target penalties over the 8192 epochs to `withdrawable_epoch`, gwei.
    pub missed_attestations: u128,
    /// Correlation penalty at epoch +4096, gwei.
    pub correlation: u128,
}

impl ValidatorLoss {
    /// Sum of the three parts, gwei.
    pub fn total(&self) -> u128 {
        self.initial + self.missed_attestations + self.correlation
    }
}

/// Penalty per effective-balance increment of the correlation penalty,
/// `min(3 · window_slashings, total) // (total // 1e9)`, gwei. Both arguments in gwei;
/// `total_active_balance` must be at least 1 ETH (the caller validates it).
pub fn correlation_penalty_per_increment(
    window_slashings: u128,
    total_active_balance: u128,
) -> u128 {
    let adjusted = window_slashings
        .saturating_mul(PROPORTIONAL_SLASHING_MULTIPLIER)
        .min(total_active_balance);
    adjusted / (total_active_balance / EFFECTIVE_BALANCE_INCREMENT).max(1)
}

/// `base_reward_per_increment = 1e9 · 64 // isqrt(total_active_balance)`, gwei.
pub fn base_reward_per_increment(total_active_balance: u128) -> u128 {
    EFFECTIVE_BALANCE_INCREMENT * BASE_REWARD_FACTOR / total_active_balance.isqrt().max(1)
}

/// The loss of one validator of effective balance `effective_balance` (gwei, a whole number of
/// ETH) slashed while `window_slashings` gwei of effective balance (its own included) is slashed
/// network-wide in the same 8192-epoch window, out of `total_active_balance` gwei.
///
/// # Example
/// ```
/// use restake_core::consensus::beacon::validator_loss;
/// // A lone 32 ETH validator, 36M ETH staked (worked in the unit tests).
/// let gwei = 1_000_000_000u128;
/// let l = validator_loss(32 * gwei, 32 * gwei, 36_000_000 * gwei);
/// assert_eq!((l.initial, l.correlation, l.missed_attestations), (7_812_500, 85_312, 55_214_080));
/// ```
pub fn validator_loss(
    effective_balance: u128,
    window_slashings: u128,
    total_active_balance: u128,
) -> ValidatorLoss {
    let per_increment = correlation_penalty_per_increment(window_slashings, total_active_balance);
    let base_per_increment = base_reward_per_increment(total_active_balance);
    let downward_threshold =
        EFFECTIVE_BALANCE_INCREMENT / HYSTERESIS_QUOTIENT * HYSTERESIS_DOWNWARD_MULTIPLIER;

    let mut balance = effective_balance;
    let mut eb = effective_balance;
    // `decrease_balance` saturates at zero: take what is there.
    let take = |balance: &mut u128, amount: u128| -> u128 {
        let taken = amount.min(*balance);
        *balance -= taken;
        taken
    };
    let mut loss = ValidatorLoss {
        initial: take(&mut balance, eb / MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA),
        missed_attestations: 0,
        correlation: 0,
    };
    // End-of-epoch processing for the slashing epoch and the 8191 after it; bounded loop.
    for epoch in 0..EPOCHS_PER_SLASHINGS_VECTOR {
        let base_reward = eb / EFFECTIVE_BALANCE_INCREMENT * base_per_increment;
        let penalty = base_reward * SOURCE_WEIGHT / WEIGHT_DENOMINATOR
            + base_reward * TARGET_WEIGHT / WEIGHT_DENOMINATOR;
        loss.missed_attestations += take(&mut balance, penalty);
        if epoch == EPOCHS_PER_SLASHINGS_VECTOR / 2 {
            loss.correlation += take(
                &mut balance,
                per_increment * (eb / EFFECTIVE_BALANCE_INCREMENT),
            );
        }
        if balance + downward_threshold < eb {
            eb = balance - balance % EFFECTIVE_BALANCE_INCREMENT;
        }
    }
    loss
}

#[cfg(test)]
mod tests {
    use super::*;

    const GWEI_PER_ETH: u128 = 1_000_000_000;

    #[test]
    fn lone_32_eth_validator() {
        // S = 36M ETH = 3.6e16 gwei; isqrt = 189,736,659 (√3.6e16 = 1.897366596e8).
        // base_reward_per_increment = 64e9 // 189,736,659 = 337; base_reward = 32·337 = 10,784.
        // Per epoch: 10,784·14//64 = 2,359 and 10,784·26//64 = 4,381 → 6,740; × 8192 = 55,214,080.
        // Initial: 32e9 // 4096 = 7,812,500. Correlation: min(96e9, 3.6e16) // 36e6 = 2,666 per
        // increment × 32 = 85,312. Total 63,111,892 gwei ≈ 0.0631 ETH; the balance stays within
        // 0.25 ETH of 32, so the effective balance never moves.
        let s = 36_000_000 * GWEI_PER_ETH;
        assert_eq!(s.isqrt(), 189_736_659);
        assert_eq!(base_reward_per_increment(s), 337);
        let l = validator_loss(32 * GWEI_PER_ETH, 32 * GWEI_PER_ETH, s);
        assert_eq!(l.initial, 7_812_500);
        assert_eq!(l.missed_attestations, 55_214_080);
        assert_eq!(l.correlation, 85_312);
        assert_eq!(l.total(), 63_111_892);
    }

    #[test]
    fn a_third_of_stake_slashed_takes_everything() {
        // Σ = 12M of 36M ETH: min(3·12M, 36M) = 36M → 36e15 // 36e6 = 1e9 gwei per increment,
        // i.e. the whole effective balance. Before it: 7,812,500 + 4097 epochs × 6,740 =
        // 35,426,280 gwei taken; the correlation penalty takes the remaining 31,964,573,720.
        let s = 36_000_000 * GWEI_PER_ETH;
        let l = validator_loss(32 * GWEI_PER_ETH, 12_000_000 * GWEI_PER_ETH, s);
        assert_eq!(l.total(), 32 * GWEI_PER_ETH);
        assert_eq!(l.missed_attestations, 4097 * 6_740);
        assert_eq!(l.correlation, 32 * GWEI_PER_ETH - 7_812_500 - 4097 * 6_740);
    }

    #[test]
    fn hysteresis_lowers_the_effective_balance_of_a_large_validator() {
        // 2048 ETH, 36M ETH staked: initial penalty 2048e9 // 4096 = 0.5 ETH > 0.25 ETH, so at
        // the first epoch boundary the effective balance drops to 2047 ETH, and it keeps
        // stepping down as ~0.00043 ETH/epoch of penalties accrue (≈3.5 ETH over 8192 epochs).
        let s = 36_000_000 * GWEI_PER_ETH;
        let big = validator_loss(2048 * GWEI_PER_ETH, 2048 * GWEI_PER_ETH, s);
        assert_eq!(big.initial, 500_000_000);
        // Per-epoch penalty at EB 2048: 2048·337 = 690,176 → 150,976 + 280,384 = 431,360.
        // At EB 2043: 2043·337 = 688,491 → 150,607 + 279,699 = 430,306. Without hysteresis the
        // total would be exactly 8192·431,360; with it, it is strictly less but above the
        // 2043-ETH rate (the balance never falls 5 ETH).
        assert!(big.missed_attestations < 8192 * 431_360);
        assert!(big.missed_attestations > 8192 * 430_306);
        // Correlation: min(3·2048e9, 3.6e16) // 36e6 = 170,666 gwei per increment, times the
        // effective balance at epoch +4096 (≈2047.5 − 1.77 ETH of balance → 2045 or 2046 ETH).
        assert_eq!(big.correlation % 170_666, 0);
        assert!(
            (2045..=2046).contains(&(big.correlation / 170_666)),
            "{big:?}"
        );
    }

    #[test]
    fn a_tiny_network_charges_the_correlation_penalty_on_a_reduced_effective_balance() {
        // S = 40 ETH: isqrt(40e9) = 200,000, so base_reward_per_increment = 64e9 // 200,000 =
        // 320,000 gwei and a 32 ETH validator first pays 32·320,000·40//64 = 6.4e6 gwei per
        // epoch; its effective balance steps down as its balance falls. The correlation penalty
        // is min(96, 40) ETH // 40 = 1 ETH per increment, charged on the effective balance left
        // at epoch +4096: a whole number of ETH below 32. The loss never exceeds the balance.
        let s = 40 * GWEI_PER_ETH;
        assert_eq!(base_reward_per_increment(s), 320_000);
        assert_eq!(
            correlation_penalty_per_increment(32 * GWEI_PER_ETH, s),
            GWEI_PER_ETH
        );
        let l = validator_loss(32 * GWEI_PER_ETH, 32 * GWEI_PER_ETH, s);
        assert_eq!(l.correlation % GWEI_PER_ETH, 0);
        assert!(l.correlation < 32 * GWEI_PER_ETH);
        assert!(l.total() <= 32 * GWEI_PER_ETH);
        assert!(l.missed_attestations > 4097 * 100_000, "{l:?}");
    }
}
