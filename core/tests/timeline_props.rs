//! Property tests of the slashing timeline on random networks (`common::arb_network`) and random
//! action sequences: value is conserved to the wei after every step, an action never changes
//! what its effect block protects, and released escrows add up to what was slashed.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Shape, arb_network};
use proptest::prelude::*;
use restake_core::Error;
use restake_core::network::Network;
use restake_core::slashing::staker::Strategy as Asset;
use restake_core::slashing::timeline::{
    Action, TimedAction, TimelineOptions, TimelineReport, apply_timeline,
};

/// A raw action: (kind, operator, AVS, staker, amount in basis points, block gap).
type Raw = (u8, usize, usize, usize, u32, u32);

fn shape() -> Shape {
    Shape {
        operators: 1..=4,
        avss: 1..=3,
        protocols: 0..=4,
    }
}

/// Short delays so random blocks cross them.
fn options() -> TimelineOptions {
    TimelineOptions {
        deallocation_delay_blocks: 20,
        allocation_delay_blocks: 5,
        withdrawal_delay_blocks: 30,
        escrow_delay_blocks: 10,
        start: Vec::new(),
    }
}

/// Staker ids of the network as the timeline names them, plus one new staker.
fn staker_ids(n: &Network) -> Vec<String> {
    let mut ids: Vec<String> = n
        .delegations
        .iter()
        .map(|d| format!("{}@{}", d.protocol, d.operator))
        .collect();
    ids.extend(
        n.operators
            .iter()
            .filter(|o| o.other_delegated_eth > 0.0)
            .map(|o| format!("others@{}", o.id)),
    );
    ids.push("newcomer".to_owned());
    ids
}

/// Turns raw draws into actions on the network's ids.
fn actions(n: &Network, raw: &[Raw]) -> Vec<TimedAction> {
    let ids = staker_ids(n);
    let mut block = 0u32;
    let mut out = Vec::new();
    for (i, &(kind, o, a, s, amount, gap)) in raw.iter().enumerate() {
        block += gap;
        let operator = n.operators[o % n.operators.len()].id.clone();
        let avs = n.avss[a % n.avss.len()].id.clone();
        let staker = ids[s % ids.len()].clone();
        let f = f64::from(amount % 10_000 + 1) / 10_000.0;
        let asset = if amount % 2 == 0 {
            Asset::BeaconChainEth
        } else {
            Asset::Lst
        };
        let action = match kind % 11 {
            0 => Action::Allocate {
                operator,
                avs,
                magnitude: f,
                strategy: None,
            },
            1 => Action::Deallocate {
                operator,
                avs,
                magnitude: f / 2.0,
                strategy: None,
            },
            2 | 3 => Action::Slash {
                operator,
                avs,
                fraction: f,
                redistribute_to: (amount % 3 == 0).then(|| "fund".to_owned()),
                veto: None,
            },
            4 => Action::BeaconBalanceDrop {
                staker,
                amount_eth: f * 10.0,
            },
            5 => Action::Checkpoint { staker },
            6 => Action::Deposit {
                staker,
                strategy: asset,
                amount_eth: f * 50.0,
            },
            7 => Action::QueueWithdrawal {
                staker,
                strategy: asset,
                deposit_shares_eth: f * 5.0,
            },
            8 => Action::CompleteWithdrawal {
                staker,
                withdrawal: (amount as usize) % (i + 1),
                as_shares: amount % 2 == 0,
            },
            9 => Action::Undelegate { staker },
            _ => Action::ReleaseEscrow {
                slash: (amount as usize) % (i + 1),
            },
        };
        out.push(TimedAction { block, action });
    }
    out
}

/// Runs `all` without the actions the contracts refuse: a revert or a rejected value drops that
/// action (its transaction fails) and the rest is replayed; an invariant failure is returned.
/// Returns the report and the actions kept.
fn run_accepted(
    n: &Network,
    all: &[TimedAction],
) -> Result<(TimelineReport, Vec<TimedAction>), Error> {
    let mut kept = all.to_vec();
    loop {
        match apply_timeline(n, &kept, &options()) {
            Ok(r) => return Ok((r, kept)),
            Err(e @ Error::Invariant { .. }) => return Err(e),
            Err(e) => {
                let at: usize = e
                    .field()
                    .strip_prefix("actions[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|x| x.parse().ok())
                    .ok_or(e)?;
                kept.remove(at);
            }
        }
    }
}

fn wei(a: &restake_core::wad::Amount) -> u128 {
    a.wei_value()
}

fn arb_case() -> impl Strategy<Value = (Network, Vec<Raw>)> {
    (
        arb_network(shape()),
        prop::collection::vec(
            (
                0u8..11,
                0usize..8,
                0usize..8,
                0usize..12,
                0u32..100_000,
                0u32..15,
            ),
            0..25,
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// After every step, `deposited = remaining + paidOut + escrowed + burned + Σ redistributed +
    /// lostToBeaconChain + roundingDust` to the wei, read back from the report.
    #[test]
    fn value_is_conserved_to_the_wei((network, raw) in arb_case()) {
        let all = actions(&network, &raw);
        let (r, _) = run_accepted(&network, &all).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for step in &r.steps {
            let t = &step.totals;
            let redistributed: u128 = t.redistributed.iter().map(|s| wei(&s.amount)).sum();
            let out = wei(&t.remaining) + wei(&t.paid_out) + wei(&t.escrowed) + wei(&t.burned)
                + redistributed + wei(&t.lost_to_beacon_chain) + wei(&t.rounding_dust);
            prop_assert_eq!(wei(&t.deposited), out);
            let claims: u128 = step.stakers.iter().map(|s| wei(&s.claim)).sum();
            prop_assert_eq!(claims, wei(&t.remaining));
            // Rounding stays dust: at most 1e-9 of what was ever deposited, plus 100 wei.
            prop_assert!(wei(&t.rounding_dust) <= wei(&t.deposited) / 1_000_000_000 + 100);
        }
    }

    /// Releasing every escrow after the delay: `burned + Σ redistributed = slashed`, and each
    /// slash's per-staker losses add up to its total.
    #[test]
    fn released_escrows_add_up_to_the_slashed((network, raw) in arb_case()) {
        let (r, all) = run_accepted(&network, &actions(&network, &raw))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let end = all.last().map_or(0, |a| a.block) + 10;
        let mut released = all.clone();
        for step in &r.steps {
            if let (Some(i), Some(s)) = (step.index, &step.slash) {
                let by: u128 = s.by_staker.iter().map(|x| wei(&x.amount)).sum();
                prop_assert_eq!(by, wei(&s.slashed));
                let done = r.steps.iter().any(|x| matches!(
                    all.get(x.index.unwrap_or(usize::MAX)).map(|a| &a.action),
                    Some(Action::ReleaseEscrow { slash }) if *slash == i
                ));
                if !done {
                    released.push(TimedAction { block: end, action: Action::ReleaseEscrow { slash: i } });
                }
            }
        }
        let r = apply_timeline(&network, &released, &options())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let t = &r.steps.last().unwrap().totals;
        let redistributed: u128 = t.redistributed.iter().map(|s| wei(&s.amount)).sum();
        prop_assert_eq!(wei(&t.escrowed), 0);
        prop_assert_eq!(wei(&t.burned) + redistributed, wei(&t.slashed));
    }

    /// Before its effect block an action changes nothing it protects: a slash before a pending
    /// deallocation takes effect takes exactly what it takes without the deallocation, and a
    /// slash before a pending allocation takes effect takes nothing from it.
    #[test]
    fn nothing_moves_before_its_effect_block(
        network in arb_network(shape()),
        o in 0usize..8, a in 0usize..8, f in 1u32..=10_000, keep in 0u32..10_000, at in 0u32..=20,
    ) {
        let operator = network.operators[o % network.operators.len()].id.clone();
        let avs = network.avss[a % network.avss.len()].id.clone();
        let slash = Action::Slash {
            operator: operator.clone(), avs: avs.clone(),
            fraction: f64::from(f) / 10_000.0, redistribute_to: None, veto: None,
        };
        let dealloc = Action::Deallocate {
            operator: operator.clone(), avs: avs.clone(),
            magnitude: f64::from(keep) / 1e6, strategy: None,
        };
        // Deallocation at block 1 (effect 1 + 20 + 1 = 22); slash at 1 + at ≤ 21.
        let with = apply_timeline(&network, &[
            TimedAction { block: 1, action: dealloc },
            TimedAction { block: 1 + at, action: slash.clone() },
        ], &options());
        let without = apply_timeline(&network, &[TimedAction { block: 1 + at, action: slash.clone() }], &options());
        if let (Ok(with), Ok(without)) = (with, without) {
            let claims = |r: &TimelineReport| -> Vec<u128> {
                r.steps.last().unwrap().stakers.iter().map(|s| wei(&s.claim)).collect()
            };
            prop_assert_eq!(claims(&with), claims(&without));
        }
        // A fresh allocation to an AVS the operator has none with (delay 5): a slash at +0..4
        // finds no current magnitude and takes nothing.
        let fresh = network.avss.iter().find(|v| {
            !network.allocations.iter().any(|x| x.operator == operator && x.avs == v.id)
        });
        if let Some(v) = fresh {
            let alloc = Action::Allocate {
                operator: operator.clone(), avs: v.id.clone(), magnitude: 1e-6, strategy: None,
            };
            let early = Action::Slash {
                operator: operator.clone(), avs: v.id.clone(), fraction: 1.0,
                redistribute_to: None, veto: None,
            };
            if let Ok(r) = apply_timeline(&network, &[
                TimedAction { block: 1, action: alloc },
                TimedAction { block: 1 + at % 5, action: early },
            ], &options()) {
                let s = r.steps.last().unwrap();
                prop_assert!(s.slash.is_none());
                prop_assert_eq!(wei(&s.totals.slashed), 0);
            }
        }
    }
}
