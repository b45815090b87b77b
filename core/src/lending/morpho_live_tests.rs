use super::*;
use crate::chain::{Head, LiveValue};

const TIME: u64 = 1_764_633_600; // 2025-12-02 00:00:00 UTC

fn basis(function: &str) -> LiveBasis {
    LiveBasis {
        chain_id: 1,
        block_number: 23_900_000,
        block_timestamp: TIME,
        address: "0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC".to_owned(),
        function: function.to_owned(),
    }
}

fn value(field: &str, raw: &str) -> LiveValue {
    LiveValue {
        field: format!("morphoMarkets.m.{field}"),
        raw: Some(raw.to_owned()),
        value: 0.0,
        unit: "x".to_owned(),
        basis: basis("rateAtTarget(bytes32)"),
    }
}

/// A market with 500 supplied and 100 borrowed (utilisation 20%), updated `ago` seconds before
/// the block, its rate at target `rat` (per second, WAD).
fn read(rat: &str, ago: u64) -> LiveRead {
    LiveRead {
        head: Head {
            chain_id: 1,
            block_number: 23_900_000,
            block_timestamp: TIME,
            block_hash: format!("0x{}", "cd".repeat(32)),
        },
        values: vec![
            value("lltv", "945000000000000000"),
            value("totalSupplyAssets", "500000000000000000000"),
            value("totalBorrowAssets", "100000000000000000000"),
            value("lastUpdate", &(TIME - ago).to_string()),
            value("rateAtTarget", rat),
        ],
        failures: vec![],
    }
}

#[test]
fn a_never_accrued_market_borrows_at_the_curve_of_the_initial_rate() {
    // u = 0.2: err = ⌊(0.2 − 0.9)/0.9⌋ = −777,777,777,777,777,777 (toward zero); the curve below
    // target (1 − 1/4)·err + 1 = 416,666,666,666,666,668 (WAD); × INITIAL_RATE_AT_TARGET
    // 1,268,391,679 = 528,496,532 per second → × 31,536,000 / 1e18 = 1.6667% a year.
    let out = morpho_live_rates(&read("0", 0));
    assert!(out.kept.is_empty(), "{:?}", out.kept);
    let r = &out.rates[0];
    assert_eq!(r.market, "m");
    assert_eq!(r.input.utilization, 200_000_000_000_000_000);
    assert_eq!(r.rates.end_borrow_rate, 528_496_532);
    assert_eq!(r.borrow_apr, 16_666_666_633_152_000.0 / 1e18);
    assert_eq!(r.basis.function, "rateAtTarget(bytes32)");
}

#[test]
fn a_stored_rate_at_target_sets_the_curve() {
    // rateAtTarget 3,170,979,198 (10% APR) at u = 0.2, no time elapsed: ×
    // 416,666,666,666,666,668 / 1e18 = 1,321,241,332 per second, 4.1667% a year; the carry
    // model starts from the same rate at target.
    let out = morpho_live_rates(&read("3170979198", 0));
    let r = &out.rates[0];
    assert_eq!(r.rates.end_borrow_rate, 1_321_241_332);
    assert_eq!(r.borrow_apr, 41_666_666_645_952_000.0 / 1e18);
    assert_eq!(
        r.model,
        RateModel::AdaptiveCurve {
            rate_at_target_apr: 3_170_979_198.0 * 31_536_000.0 / 1e18
        }
    );
    // A day later the rate at target has fallen (speed 50/year × err < 0), and so has the rate.
    let later = morpho_live_rates(&read("3170979198", 86_400));
    assert_eq!(later.rates[0].input.elapsed, 86_400);
    assert!(later.rates[0].rates.end_rate_at_target < 3_170_979_198);
    assert!(later.rates[0].borrow_apr < r.borrow_apr);
}

#[test]
fn missing_or_impossible_figures_keep_the_market_out_and_say_why() {
    let kept = |live: LiveRead| {
        let out = morpho_live_rates(&live);
        assert!(out.rates.is_empty());
        out.kept[0].reason.clone()
    };
    let mut no_lltv = read("0", 0);
    no_lltv.values.remove(0);
    assert!(kept(no_lltv).contains("irm is unchecked"));
    let mut no_totals = read("0", 0);
    no_totals.values.remove(1);
    assert!(kept(no_totals).contains("totalSupplyAssets was not read"));
    let mut future = read("0", 0);
    future.values[3].raw = Some((TIME + 1).to_string());
    assert!(kept(future).contains("after the block's timestamp"));
    let mut over = read("0", 0);
    over.values[2].raw = Some("600000000000000000000".to_owned());
    assert!(kept(over).contains("exceeds supplied"));
    let mut bad = read("0", 0);
    bad.values[4].raw = Some("5".to_owned());
    assert!(kept(bad).contains("rateAtTarget"));
    let mut text = read("0", 0);
    text.values[4].raw = None;
    assert!(kept(text).contains("no integer"));
}

#[test]
fn the_same_market_s_preset_takes_the_live_rate() {
    // The read's market `ezETH-WETH-86` is the preset `morpho-ezeth-weth-86`: its borrow rate
    // (an assumption) becomes 4.1667% a year, sourced to rateAtTarget on the IRM at the block.
    let mut live = read("3170979198", 0);
    for v in &mut live.values {
        v.field = v
            .field
            .replace("morphoMarkets.m.", "morphoMarkets.ezETH-WETH-86.");
    }
    let out = crate::lending::live::live_markets(Some(&live));
    let m = out
        .markets
        .iter()
        .find(|m| m.id == "morpho-ezeth-weth-86")
        .unwrap();
    assert_eq!(m.borrow_rate.value, 41_666_666_645_952_000.0 / 1e18);
    assert_eq!(
        m.borrow_rate.basis,
        crate::source::Basis::Source {
            citation: "rateAtTarget(bytes32) on 0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC (chain 1, block 23900000, read live)".to_owned(),
            date: "2025-12-02".to_owned(),
        }
    );
    let change = &out.changes[0];
    assert_eq!(
        (change.market.as_str(), change.live_field.as_str()),
        (
            "morpho-ezeth-weth-86",
            "morphoMarkets.ezETH-WETH-86.borrowRate"
        )
    );
    // The 77% market was not read: its preset is unchanged.
    let m77 = out.markets.iter().find(|m| m.id == "morpho-ezeth-weth-77");
    let p77 = crate::lending::lending_markets()
        .into_iter()
        .find(|m| m.id == "morpho-ezeth-weth-77");
    assert_eq!(m77, p77.as_ref());
}
