//! Property tests of the slashing engine on random networks (`common::arb_network`) and random
//! event sequences, and of the WAD arithmetic against a bit-by-bit reference.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Shape, arb_network};
use proptest::prelude::*;
use restake_core::network::Network;
use restake_core::slashing::{
    SlashEvent, SlashingOptions, SlashingReport, StakeMode, StepDetail, apply_slashing,
};
use restake_core::wad::{self, Amount, Rounding, WAD};

/// Basis points as the decimal the user would type (`1234` → `0.1234`).
fn bp(x: u32) -> f64 {
    f64::from(x) / 10_000.0
}

/// A network and a sequence of slashing events on it.
#[derive(Debug, Clone)]
struct World {
    network: Network,
    events: Vec<SlashEvent>,
}

/// An event as (kind 0–4, operator, AVS, fraction in basis points, amount in 1/100 ETH or
/// validator count).
type RawEvent = (u8, usize, usize, u32, u32);

/// A random network of 1–5 operators and 1–4 AVSs (the shared generator) with 0–6 events on
/// its operators and AVSs.
fn arb_world() -> impl Strategy<Value = World> {
    let shape = Shape {
        operators: 1..=5,
        avss: 1..=4,
        protocols: 0..=7,
    };
    arb_network(shape)
        .prop_flat_map(|network| {
            let (n_ops, n_avss) = (network.operators.len(), network.avss.len());
            let event = (0u8..5, 0..n_ops, 0..n_avss, 1u32..=10_000, 0u32..=3_000);
            (Just(network), proptest::collection::vec(event, 0..=6))
        })
        .prop_map(|(network, raw)| {
            let events = raw.into_iter().map(|e| event(&network, e)).collect();
            World { network, events }
        })
}

/// The event `raw` on `network`: an operator fault hits one of the AVSs the operator allocates
/// to (a layered fault when it allocates to none).
fn event(network: &Network, (kind, o, v, fraction, amount): RawEvent) -> SlashEvent {
    let operator = network.operators[o].id.clone();
    let registered: Vec<&str> = network
        .allocations
        .iter()
        .filter(|a| a.operator == operator)
        .map(|a| a.avs.as_str())
        .collect();
    match kind {
        0 if !registered.is_empty() => SlashEvent::OperatorFault {
            avs: registered[v % registered.len()].to_owned(),
            operator,
            fraction: bp(fraction),
        },
        0 | 1 => SlashEvent::LayeredFault {
            operator,
            fraction: bp(fraction),
        },
        2 => SlashEvent::AvsWide {
            avs: network.avss[v].id.clone(),
            fraction: bp(fraction),
        },
        3 => SlashEvent::BeaconBalanceDrop {
            operator,
            amount_eth: f64::from(amount) / 100.0,
        },
        _ => SlashEvent::BeaconSlashing {
            operator,
            validators: 1 + amount % 3,
            effective_balance_eth: 32,
        },
    }
}

fn options(mode: StakeMode) -> SlashingOptions {
    SlashingOptions {
        mode,
        ..SlashingOptions::default()
    }
}

/// Runs the world; `None` when a beacon-chain event asks for more than the operator has (an
/// input error the engine reports by field).
fn run(world: &World, mode: StakeMode) -> Option<SlashingReport> {
    match apply_slashing(&world.network, &world.events, &options(mode)) {
        Ok(r) => Some(r),
        Err(e) => {
            let f = e.field();
            assert!(
                f.starts_with("events[")
                    && (f.ends_with(".amountEth") || f.ends_with(".validators")),
                "unexpected error {e}"
            );
            None
        }
    }
}

fn w(a: &Amount) -> u128 {
    a.wei_value()
}

fn sum<'a>(xs: impl Iterator<Item = &'a Amount>) -> u128 {
    xs.map(w).sum()
}

fn check_conservation(r: &SlashingReport) {
    let t = &r.totals;
    assert_eq!(w(&t.before), w(&t.after) + w(&t.slashed));
    assert_eq!(
        w(&t.slashed),
        w(&t.slashed_by_avss) + w(&t.slashed_by_beacon_chain)
    );
    assert_eq!(
        sum(r.events.iter().map(|e| &e.lost_at_event)),
        w(&t.slashed)
    );
    assert_eq!(sum(r.events.iter().map(|e| &e.attributed)), w(&t.slashed));
    assert_eq!(sum(r.operators.iter().map(|o| &o.slashed)), w(&t.slashed));
    assert_eq!(
        sum(r.avss.iter().map(|a| &a.slashed))
            + sum(r.operators.iter().map(|o| &o.slashed_by_beacon_chain)),
        w(&t.slashed)
    );
    for o in &r.operators {
        assert_eq!(w(&o.before), w(&o.after) + w(&o.slashed));
        assert_eq!(sum(o.by_protocol.iter().map(|s| &s.amount)), w(&o.slashed));
        assert_eq!(
            sum(o.allocations.iter().map(|a| &a.slashed)) + w(&o.slashed_by_beacon_chain),
            w(&o.slashed)
        );
        assert_eq!(sum(o.strategies.iter().map(|s| &s.before)), w(&o.before));
        assert_eq!(sum(o.strategies.iter().map(|s| &s.after)), w(&o.after));
    }
    for p in &r.protocols {
        assert_eq!(w(&p.backing_before), w(&p.backing_after) + w(&p.loss));
        assert_eq!(sum(p.by_operator.iter().map(|s| &s.amount)), w(&p.loss));
        assert_eq!(
            sum(p.by_avs.iter().map(|s| &s.amount)) + w(&p.loss_by_beacon_chain),
            w(&p.loss)
        );
        assert!(p.rate_change <= 0.0 && p.rate_change.is_finite());
    }
    for pos in &r.positions {
        assert_eq!(w(&pos.before), w(&pos.after) + w(&pos.loss));
    }
    let pt = &r.position_totals;
    assert_eq!(sum(r.positions.iter().map(|p| &p.before)), w(&pt.before));
    assert_eq!(sum(r.positions.iter().map(|p| &p.after)), w(&pt.after));
    assert_eq!(sum(r.positions.iter().map(|p| &p.loss)), w(&pt.loss));
    // Every f64 view is a finite number (serde_json writes NaN and ±∞ as null).
    fn finite_views(v: &serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if ["eth", "value", "rateChange"].contains(&k.as_str()) {
                        assert!(x.is_number(), "{k}: {x}");
                    }
                    finite_views(x);
                }
            }
            serde_json::Value::Array(xs) => xs.iter().for_each(finite_views),
            _ => {}
        }
    }
    finite_views(&serde_json::to_value(r).unwrap());
}

fn check_unique_stake(r: &SlashingReport) {
    for o in &r.operators {
        let max_before = o.max_magnitude_before.as_ref().unwrap().wad_value();
        let max_after = o.max_magnitude_after.as_ref().unwrap().wad_value();
        let mut from_sets = 0;
        let mut encumbered = 0;
        for a in &o.allocations {
            let before = a.magnitude_before.as_ref().unwrap().wad_value();
            let after = a.magnitude_after.as_ref().unwrap().wad_value();
            assert!(after <= before);
            from_sets += before - after;
            encumbered += before;
        }
        // Each unit of magnitude removed left exactly one set: nothing slashed twice, and the
        // non-slashable remainder is untouched.
        assert_eq!(max_before - max_after, from_sets);
        assert_eq!(o.non_slashable_before, o.non_slashable_after);
        assert!(encumbered <= WAD);
        // The operator's AVS losses stay within its allocated share of its stake (up to the
        // floor of each WAD product: a few wei per staker plus 1e-18 of the stake).
        let avs_loss: u128 = o.allocations.iter().map(|a| w(&a.slashed)).sum();
        let bound = wad::mul_div(w(&o.before), encumbered, WAD, Rounding::Up).unwrap();
        let slack = 64 + 4 * w(&o.before) / WAD;
        assert!(avs_loss <= bound + slack, "{}: {avs_loss} > {bound}", o.id);
    }
    for e in &r.events {
        for s in &e.steps {
            if let StepDetail::Magnitude {
                slashed_magnitude,
                magnitude_before,
                ..
            } = &s.detail
            {
                assert!(slashed_magnitude.wad_value() <= magnitude_before.wad_value());
            }
        }
    }
}

/// The same world with event `j`'s fraction raised to `to` (basis points), if it has one.
fn harsher(world: &World, j: usize, to: u32) -> World {
    let mut harsher = world.clone();
    if let Some(
        SlashEvent::OperatorFault { fraction, .. }
        | SlashEvent::LayeredFault { fraction, .. }
        | SlashEvent::AvsWide { fraction, .. },
    ) = harsher.events.get_mut(j)
    {
        *fraction = fraction.max(bp(to));
    }
    harsher
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn value_is_conserved_to_the_wei(world in arb_world()) {
        for mode in [StakeMode::UniqueStake, StakeMode::SharedStake] {
            if let Some(r) = run(&world, mode) {
                check_conservation(&r);
            }
        }
    }

    #[test]
    fn unique_stake_never_slashes_twice_and_respects_allocations(world in arb_world()) {
        if let Some(r) = run(&world, StakeMode::UniqueStake) {
            check_unique_stake(&r);
        }
    }

    #[test]
    fn a_larger_slash_never_leaves_more_value(world in arb_world(), j in 0usize..6, to in 1u32..=10_000) {
        for mode in [StakeMode::UniqueStake, StakeMode::SharedStake] {
            let (Some(base), Some(hard)) = (run(&world, mode), run(&harsher(&world, j, to), mode)) else {
                continue;
            };
            prop_assert!(w(&hard.totals.after) <= w(&base.totals.after));
            for (a, b) in hard.operators.iter().zip(&base.operators) {
                prop_assert!(w(&a.after) <= w(&b.after), "operator {}", a.id);
            }
            for (a, b) in hard.protocols.iter().zip(&base.protocols) {
                prop_assert!(w(&a.backing_after) <= w(&b.backing_after), "protocol {}", a.id);
            }
        }
    }

    #[test]
    fn beacon_priority_makes_attribution_independent_of_checkpoint_order(world in arb_world()) {
        // Move every beacon-chain event to the front: the end state and who bears what are the same.
        let mut reordered = world.clone();
        reordered.events.sort_by_key(|e| !matches!(e, SlashEvent::BeaconBalanceDrop { .. } | SlashEvent::BeaconSlashing { .. }));
        for mode in [StakeMode::UniqueStake, StakeMode::SharedStake] {
            let (Some(a), Some(b)) = (run(&world, mode), run(&reordered, mode)) else { continue };
            prop_assert_eq!(&a.totals, &b.totals);
            let slashed = |r: &SlashingReport| r.avss.iter().map(|v| v.slashed.wei.clone()).collect::<Vec<_>>();
            prop_assert_eq!(slashed(&a), slashed(&b));
        }
    }

    #[test]
    fn mul_div_matches_a_bit_by_bit_reference(a: u128, b: u128, c in 1u128.., up: bool) {
        let rounding = if up { Rounding::Up } else { Rounding::Down };
        prop_assert_eq!(wad::mul_div(a, b, c, rounding), reference_mul_div(a, b, c, up));
    }

    #[test]
    fn mul_div_matches_on_small_divisors(a: u128, b: u64, c in 1u64.., up: bool) {
        let rounding = if up { Rounding::Up } else { Rounding::Down };
        let (b, c) = (u128::from(b), u128::from(c));
        prop_assert_eq!(wad::mul_div(a, b, c, rounding), reference_mul_div(a, b, c, up));
    }

    #[test]
    fn typed_decimals_convert_exactly(x in 0u64..=1_000_000_000_000_000_000, digits in 0u32..=18) {
        // x / 10^digits as the user would type it: exact in wei/WAD whenever it is a fraction ≤ 1.
        let value = x as f64 / 10f64.powi(digits as i32);
        let text = format!("{value}");
        // Only values whose shortest decimal form is the intended one (f64 can hold ~17 digits).
        if text.parse::<f64>().unwrap() == value && value <= 1.0 {
            let expected = decimal_reference(&text);
            prop_assert_eq!(wad::fraction_to_wad("f", value).unwrap(), expected);
        }
    }
}

/// 256-bit shift-subtract division, independent of the crate's two-digit algorithm.
fn reference_mul_div(a: u128, b: u128, c: u128, up: bool) -> Option<u128> {
    // Product by schoolbook on 32-bit limbs.
    let limbs = |x: u128| {
        [
            x as u32,
            (x >> 32) as u32,
            (x >> 64) as u32,
            (x >> 96) as u32,
        ]
    };
    let (la, lb) = (limbs(a), limbs(b));
    let mut prod = [0u64; 8];
    for i in 0..4 {
        let mut carry = 0u64;
        for j in 0..4 {
            let t = prod[i + j] + u64::from(la[i]) * u64::from(lb[j]) + carry;
            prod[i + j] = t & 0xffff_ffff;
            carry = t >> 32;
        }
        prod[i + 4] += carry;
    }
    // Long division bit by bit, remainder kept below 2^129.
    let mut rem: u128 = 0;
    let mut quotient_bits = Vec::with_capacity(256);
    for bit in (0..256).rev() {
        let limb = prod[bit / 32];
        let next = (limb >> (bit % 32)) & 1;
        // Bit 128 of the shifted remainder: if set, the remainder exceeds c (< 2^128).
        let top = rem >> 127 == 1;
        rem = (rem << 1) | next as u128;
        if top || rem >= c {
            rem = rem.wrapping_sub(c);
            quotient_bits.push(true);
        } else {
            quotient_bits.push(false);
        }
    }
    let high_bits = &quotient_bits[..128];
    if high_bits.iter().any(|&x| x) {
        return None;
    }
    let q = quotient_bits[128..]
        .iter()
        .fold(0u128, |q, &bit| (q << 1) | u128::from(bit));
    if up && rem != 0 {
        q.checked_add(1)
    } else {
        Some(q)
    }
}

/// A plain decimal string (`0.25`, `1`) as 18-decimal fixed point, for strings of ≤ 18 places.
fn decimal_reference(text: &str) -> u128 {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut padded = frac.to_owned();
    while padded.len() < 18 {
        padded.push('0');
    }
    if padded.len() > 18 {
        // Beyond 18 places: only ties and round-downs are checked by the unit tests.
        padded.truncate(18);
        let rest = &frac[18..];
        let above_half = rest.as_bytes()[0] > b'5'
            || (rest.as_bytes()[0] == b'5' && rest[1..].bytes().any(|d| d != b'0'));
        return int.parse::<u128>().unwrap() * WAD
            + padded.parse::<u128>().unwrap()
            + u128::from(above_half);
    }
    int.parse::<u128>().unwrap() * WAD + padded.parse::<u128>().unwrap()
}
