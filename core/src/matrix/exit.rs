//! The time-to-exit row: protocol delay, then EigenLayer's withdrawal escrow (restaked tokens
//! only), then the beacon-chain exit queue — the one row that follows the exit queue.

use super::cell::MatrixCell;
use crate::consensus::exit::ExitQueue;
use crate::presets::{EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS, eigenlayer_withdrawal_delay_days};
use crate::protocol::{Protocol, ProtocolKind};
use crate::source::Basis;

/// Where the 14-day escrow comes from.
fn escrow_basis() -> Basis {
    Basis::Source {
        citation: format!(
            "EigenLayer MIN_WITHDRAWAL_DELAY_BLOCKS = {EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS} blocks × 12 s \
             (Layr-Labs/eigenlayer-contracts docs/core/DelegationManager.md)"
        ),
        date: "2026-05-01".to_owned(),
    }
}

/// How the queue wait is computed from the user's queue.
fn queue_basis(q: &ExitQueue) -> Basis {
    Basis::Derived {
        formula: format!(
            "beacon exit queue: {} ETH ahead ÷ (min(256, max(128, S/65,536)) ETH/epoch × 225 epochs/day), S = {} ETH",
            q.queued_eth, q.total_staked_eth
        ),
        inputs: vec![
            Basis::Assumption {
                note: "queue length and total stake are your inputs; the live exit queue is not in our sources"
                    .to_owned(),
            },
            Basis::Source {
                citation: "ethereum/consensus-specs (Electra) get_activation_exit_churn_limit".to_owned(),
                date: "2026-08-07".to_owned(),
            },
        ],
    }
}

/// Days to ETH in hand by the slow path for a holder of `p` behind the exit queue `q`:
/// protocol withdrawal delay + 14-day escrow (an LRT only) + [`ExitQueue::wait_days`], where
/// the wait is `queued ETH ÷ (min(256, max(128, S/65,536)) ETH/epoch × 225 epochs/day)`.
pub(super) fn time_to_exit_cell(p: &Protocol, q: &ExitQueue) -> MatrixCell {
    let restaked = p.kind == ProtocolKind::Lrt;
    let escrow = if restaked {
        eigenlayer_withdrawal_delay_days()
    } else {
        0.0
    };
    let mut inputs = vec![p.withdrawal_delay_days.basis.clone()];
    if restaked {
        inputs.push(escrow_basis());
    }
    inputs.push(queue_basis(q));
    MatrixCell::known(
        p.withdrawal_delay_days.value + escrow + q.wait_days(),
        Basis::Derived {
            formula: if restaked {
                "protocol withdrawal delay + EigenLayer withdrawal escrow (100,800 blocks × 12 s = 14 days) + beacon exit queue wait"
            } else {
                "protocol withdrawal delay + beacon exit queue wait (an LST is not in EigenLayer's escrow)"
            }
            .to_owned(),
            inputs,
        },
    )
}
