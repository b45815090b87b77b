//! Hand-worked cases of [`super::live_markets`]: Aave Core's reserve, E-mode categories and CAPO
//! adapters into the lending presets.

use super::*;
use crate::chain::{Head, LiveValue};

fn basis(function: &str) -> LiveBasis {
    LiveBasis {
        chain_id: 1,
        block_number: 21_000_000,
        // 1,729,252,007 s = 20,014 days + 42,407 s: 2024-10-18 11:46:47 UTC.
        block_timestamp: 1_729_252_007,
        address: "0x0a16f2FCC0D44FaE41cc54e079281D84A363bECD".to_owned(),
        function: function.to_owned(),
    }
}

fn value(field: &str, v: f64, function: &str) -> LiveValue {
    LiveValue {
        field: field.to_owned(),
        raw: None,
        value: v,
        unit: "fraction".to_owned(),
        basis: basis(function),
    }
}

fn read(values: Vec<LiveValue>) -> LiveRead {
    LiveRead {
        head: Head {
            chain_id: 1,
            block_number: 21_000_000,
            block_timestamp: 1_729_252_007,
            block_hash: format!("0x{}", "ab".repeat(32)),
        },
        values,
        failures: vec![],
    }
}

const CONFIG: &str = "getReserveConfigurationData(address)";

/// A preset's LTV, liquidation threshold and bonus.
fn triple(m: &LendingMarket) -> [f64; 3] {
    [
        m.ltv.value,
        m.liquidation_threshold.value,
        m.liquidation_bonus.value,
    ]
}

/// `{at}.ltv`, `{at}.liquidationThreshold` and `{at}.liquidationBonus` read by `function`.
fn collateral(at: &str, [ltv, lt, lb]: [f64; 3], function: &str) -> Vec<LiveValue> {
    vec![
        value(&format!("{at}.ltv"), ltv, function),
        value(&format!("{at}.liquidationThreshold"), lt, function),
        value(&format!("{at}.liquidationBonus"), lb, function),
    ]
}

#[test]
fn core_weeth_config_and_weth_rate_replace_the_presets() {
    // The local chain's fixture values: LTV 7250, LT 7500, bonus 10750 bps → 0.725, 0.75,
    // 0.075; a WETH variable borrow rate of 0.0312 (APR).
    let mut values = collateral("aaveReserves.core-weETH", [0.725, 0.75, 0.075], CONFIG);
    values.push(value(
        "aaveReserves.core-WETH.variableBorrowRate",
        0.0312,
        "getReserveData(address)",
    ));
    let live = read(values);
    let out = live_markets(Some(&live));
    assert!(out.kept.is_empty(), "{:?}", out.kept);
    let core = out
        .markets
        .iter()
        .find(|m| m.id == "aave-v3-weeth-core")
        .unwrap();
    assert_eq!(core.ltv.value, 0.725);
    assert_eq!(core.liquidation_threshold.value, 0.75);
    assert_eq!(core.liquidation_bonus.value, 0.075);
    assert_eq!(core.borrow_rate.value, 0.0312);
    assert_eq!(
        core.ltv.basis,
        Basis::Source {
            citation: "getReserveConfigurationData(address) on 0x0a16f2FCC0D44FaE41cc54e079281D84A363bECD (chain 1, block 21000000, read live)".to_owned(),
            date: "2024-10-18".to_owned(),
        }
    );
    // The E-mode preset keeps its governance LTV 0.93 (no E-mode read) but takes the rate.
    let emode = &out.markets[0];
    assert_eq!(emode.ltv.value, 0.93);
    assert_eq!(emode.borrow_rate.value, 0.0312);
    // Changes: E-mode's rate, then Core's LTV, LT, bonus and rate, with the presets' values
    // (0.775 / 0.80 / 0.07 from governance post 20167, 2.5% assumed).
    let got: Vec<(&str, &str, Option<f64>, f64)> = out
        .changes
        .iter()
        .map(|c| (c.market.as_str(), c.field.as_str(), c.preset, c.live))
        .collect();
    assert_eq!(
        got,
        vec![
            ("aave-v3-eth-emode", "borrowRate", Some(0.025), 0.0312),
            ("aave-v3-weeth-core", "ltv", Some(0.775), 0.725),
            (
                "aave-v3-weeth-core",
                "liquidationThreshold",
                Some(0.80),
                0.75
            ),
            ("aave-v3-weeth-core", "liquidationBonus", Some(0.07), 0.075),
            ("aave-v3-weeth-core", "borrowRate", Some(0.025), 0.0312),
        ]
    );
    assert!(out.changes[0].preset_basis.rests_on_assumption());
    assert!(!out.changes[1].preset_basis.rests_on_assumption());
    // Every other preset is untouched.
    let presets = lending_markets();
    for (a, b) in out.markets.iter().zip(&presets).skip(2) {
        assert_eq!(a, b);
    }
}

#[test]
fn a_figure_the_model_refuses_keeps_the_whole_preset() {
    // LTV 0 (weETH not a collateral outside E-mode) fails `ltv ≥ 0.01`: nothing of the
    // Core preset changes, the E-mode preset still takes the WETH rate.
    let live = read(vec![
        value("aaveReserves.core-weETH.ltv", 0.0, CONFIG),
        value(
            "aaveReserves.core-WETH.variableBorrowRate",
            0.04,
            "getReserveData(address)",
        ),
    ]);
    let out = live_markets(Some(&live));
    assert_eq!(out.markets[1], lending_markets()[1]);
    assert_eq!(out.kept.len(), 1);
    assert_eq!(out.kept[0].market, "aave-v3-weeth-core");
    assert!(
        out.kept[0].reason.contains("market.ltv"),
        "{}",
        out.kept[0].reason
    );
    assert_eq!(out.markets[0].borrow_rate.value, 0.04);
    // A rate above 100% a year is refused too.
    let live = read(vec![value(
        "aaveReserves.core-wstETH.variableBorrowRate",
        1.5,
        "getReserveData(address)",
    )]);
    let out = live_markets(Some(&live));
    assert_eq!(out.kept[0].market, "aave-v3-rseth-emode");
    assert_eq!(out.markets, lending_markets());
}

const EMODE: &str = "getEModeCategoryData(uint8)";

#[test]
fn core_emode_categories_fill_the_emode_presets() {
    // Core 1 at 92% / 94% / 1.5% and Core 3 at 90% / 93% / 2% (bps 9200 / 9400 / 10150 and
    // 9000 / 9300 / 10200 as the Pool returns them).
    let mut values = collateral("aaveEModes.core-1", [0.92, 0.94, 0.015], EMODE);
    values.extend(collateral("aaveEModes.core-3", [0.90, 0.93, 0.02], EMODE));
    // Prime's rsETH category fills no preset.
    values.push(value("aaveEModes.prime-5.liquidationThreshold", 0.5, EMODE));
    let live = read(values);
    let out = live_markets(Some(&live));
    assert!(out.kept.is_empty(), "{:?}", out.kept);
    let eth = &out.markets[0];
    assert_eq!(triple(eth), [0.92, 0.94, 0.015]);
    let Basis::Source { citation, .. } = &eth.ltv.basis else {
        panic!("{:?}", eth.ltv.basis);
    };
    assert!(
        citation.starts_with("getEModeCategoryData(uint8) on 0x"),
        "{citation}"
    );
    // The rsETH preset takes the threshold and bonus of category 3, not its LTV (rsETH's
    // LTV is zero inside it since 2026-04-19): the governance 0.93 stays.
    let rs = &out.markets[5];
    assert_eq!(rs.id, "aave-v3-rseth-emode");
    assert_eq!(triple(rs), [0.93, 0.93, 0.02]);
    let got: Vec<(&str, &str)> = out
        .changes
        .iter()
        .map(|c| (c.market.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("aave-v3-eth-emode", "ltv"),
            ("aave-v3-eth-emode", "liquidationThreshold"),
            ("aave-v3-eth-emode", "liquidationBonus"),
            ("aave-v3-rseth-emode", "liquidationThreshold"),
            ("aave-v3-rseth-emode", "liquidationBonus"),
        ]
    );
    assert_eq!(out.changes[0].preset, Some(0.93));
    // The Core weETH preset (outside E-mode) is untouched.
    assert_eq!(out.markets[1], lending_markets()[1]);
}

/// The three standing figures under `at`: reserve `id`, and the bitmaps' exact integers.
fn standing(at: &str, id: u8, collateral: u128, ltvzero: u128) -> Vec<LiveValue> {
    let f = |name: &str, raw: u128, function: &str| LiveValue {
        raw: Some(raw.to_string()),
        ..value(&format!("{at}.{name}"), raw as f64, function)
    };
    vec![
        f("reserveId", u128::from(id), "getReserveData(address)"),
        f(
            "collateralBitmap",
            collateral,
            "getEModeCategoryCollateralBitmap(uint8)",
        ),
        f(
            "ltvzeroBitmap",
            ltvzero,
            "getEModeCategoryLtvzeroBitmap(uint8)",
        ),
    ]
}

#[test]
fn a_collateral_in_the_ltv_zero_set_keeps_its_preset_and_says_why() {
    // Core 3 as on 2026-05-01 (aave-address-book E_MODES): rsETH (say reserve 40) collateral and
    // in the LTV-zero set; Core 1 with weETH (reserve 28) collateral, LTV-zero set = WETH (0) only.
    let mut values = collateral("aaveEModes.core-1", [0.93, 0.95, 0.01], EMODE);
    values.extend(standing("aaveEModes.core-1", 28, 1 << 28 | 1, 1));
    values.extend(collateral("aaveEModes.core-3", [0.93, 0.95, 0.01], EMODE));
    values.extend(standing("aaveEModes.core-3", 40, 1 << 40, 1 << 40));
    let out = live_markets(Some(&read(values)));
    assert_eq!(out.kept.len(), 1, "{:?}", out.kept);
    assert_eq!(out.kept[0].market, "aave-v3-rseth-emode");
    let why = &out.kept[0].reason;
    assert!(
        why.contains("rsETH is in the LTV-zero set of Aave v3 Core's E-mode category 3 at block 21000000 (reserve id 40, getEModeCategoryLtvzeroBitmap(uint8) on 0x"),
        "{why}"
    );
    assert!(why.contains("no loop can be opened"), "{why}");
    assert_eq!(out.markets[5], lending_markets()[5]);
    // weETH stands in Core 1 outside its LTV-zero set: the category's figures go in.
    assert_eq!(triple(&out.markets[0]), [0.93, 0.95, 0.01]);
    assert!(out.changes.iter().all(|c| c.market == "aave-v3-eth-emode"));
}

#[test]
fn a_collateral_outside_the_ltv_zero_set_takes_the_categorys_ltv() {
    // rsETH collateral in Core 3 and not in its LTV-zero set (as before 2026-04-19): the
    // category's 90% becomes the preset's LTV.
    let mut values = collateral("aaveEModes.core-3", [0.90, 0.93, 0.02], EMODE);
    values.extend(standing("aaveEModes.core-3", 40, 1 << 40, 1 << 41));
    let out = live_markets(Some(&read(values)));
    assert!(out.kept.is_empty(), "{:?}", out.kept);
    assert_eq!(triple(&out.markets[5]), [0.90, 0.93, 0.02]);
    let ltv = out.changes.iter().find(|c| c.field == "ltv").unwrap();
    assert_eq!(
        (ltv.live_field.as_str(), ltv.preset, ltv.live),
        ("aaveEModes.core-3.ltv", Some(0.93), 0.90)
    );
    // A collateral bitmap without rsETH's bit: the category does not describe it.
    let mut values = collateral("aaveEModes.core-3", [0.90, 0.93, 0.02], EMODE);
    values.extend(standing("aaveEModes.core-3", 40, 1 << 39, 0));
    let out = live_markets(Some(&read(values)));
    assert!(
        out.kept[0]
            .reason
            .contains("rsETH is not collateral in Aave v3 Core's E-mode category 3")
    );
    assert!(out.changes.is_empty());
}

fn capo(id: &str, ratio: f64, bps: f64, stamp: f64) -> Vec<LiveValue> {
    let f = |name: &str| format!("capoAdapters.{id}.{name}");
    vec![
        value(&f("snapshotRatio"), ratio, "getSnapshotRatio()"),
        value(
            &f("maxYearlyGrowthRatePercent"),
            bps / 1e4,
            "getMaxYearlyGrowthRatePercent()",
        ),
        value(&f("snapshotTimestamp"), stamp, "getSnapshotTimestamp()"),
    ]
}

#[test]
fn capo_adapters_price_the_core_presets() {
    // weETH's deployment: 1.034656878645040505 at 1,711,411,200 (2024-03-26 00:00 UTC), 8.75%
    // a year; the block at 1,729,252,007: (1,729,252,007 − 1,711,411,200) / 86,400 =
    // 17,840,807 / 86,400 = 206.4908… days.
    let live = read(capo(
        "core-weETH",
        1.034_656_878_645_040_5,
        875.0,
        1_711_411_200.0,
    ));
    let out = live_markets(Some(&live));
    assert!(out.kept.is_empty(), "{:?}", out.kept);
    let days = 17_840_807.0 / 86_400.0;
    let want = OracleKind::CappedExchangeRate {
        snapshot_ratio: 1.034_656_878_645_040_5,
        max_yearly_ratio_growth_percent: 875,
        days_since_snapshot: days,
    };
    for m in &out.markets[..2] {
        assert_eq!(m.oracle.value, want, "{}", m.id);
        assert!(!m.oracle.basis.rests_on_assumption());
    }
    // The cap at the block: 1.0346… × (1 + 0.0875 × 206.49 / 365) = 1.0858…; a rate of 1.09
    // is cut to it, a slash to 1.0 passes.
    let cap = out.markets[0].oracle.value.cap().unwrap();
    assert!((cap - 1.034_656_878_645_040_5 * (1.0 + 0.0875 * days / 365.0)).abs() < 1e-15);
    assert_eq!(out.markets[0].oracle.value.price(1.09, 1.0), cap);
    assert_eq!(out.markets[0].oracle.value.price(1.0, 0.9), 1.0);
    // Three changes per preset; the presets' exchange-rate oracle had no such figures.
    let got: Vec<(&str, &str, Option<f64>, f64)> = out
        .changes
        .iter()
        .map(|c| (c.market.as_str(), c.field.as_str(), c.preset, c.live))
        .collect();
    assert_eq!(got.len(), 6);
    assert_eq!(
        got[..3],
        [
            (
                "aave-v3-eth-emode",
                "oracle.snapshotRatio",
                None,
                1.034_656_878_645_040_5
            ),
            (
                "aave-v3-eth-emode",
                "oracle.maxYearlyRatioGrowthPercent",
                None,
                0.0875
            ),
            ("aave-v3-eth-emode", "oracle.daysSinceSnapshot", None, days),
        ]
    );
    assert_eq!(out.changes[2].unit, Unit::Days);
    assert_eq!(out.changes[2].basis.function, "getSnapshotTimestamp()");
    // The rsETH preset's assumed oracle is replaced by its adapter's.
    let live = read(capo(
        "core-rsETH",
        1.026_549_069_391_100_9,
        983.0,
        1_728_864_000.0,
    ));
    let out = live_markets(Some(&live));
    let rs = &out.markets[5];
    assert!(matches!(
        rs.oracle.value,
        OracleKind::CappedExchangeRate {
            max_yearly_ratio_growth_percent: 983,
            ..
        }
    ));
    assert!(!rs.oracle.basis.rests_on_assumption());
}

#[test]
fn a_capo_read_the_model_refuses_keeps_the_preset() {
    // A snapshot a day after the block: −1 day fails `daysSinceSnapshot ≥ 0`, both weETH
    // presets are kept whole.
    let live = read(capo("core-weETH", 1.03, 875.0, 1_729_252_007.0 + 86_400.0));
    let out = live_markets(Some(&live));
    assert_eq!(out.markets, lending_markets());
    assert_eq!(out.kept.len(), 2);
    assert!(
        out.kept[0].reason.contains("daysSinceSnapshot"),
        "{}",
        out.kept[0].reason
    );
    // Only two of the three figures (the timestamp failed to read): no CAPO oracle at all.
    let mut part = capo("core-weETH", 1.03, 875.0, 1_711_411_200.0);
    part.pop();
    let out = live_markets(Some(&read(part)));
    assert_eq!(out.markets, lending_markets());
    assert!(out.changes.is_empty() && out.kept.is_empty());
    // A growth cap beyond uint16 (a hostile document): ignored, the preset stays.
    let out = live_markets(Some(&read(capo("core-weETH", 1.03, 70_000.0, 1.7e9))));
    assert_eq!(out.markets, lending_markets());
}
