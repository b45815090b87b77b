//! Realised APR and APY worked by hand, and the pairs the derivation refuses.

use super::*;
use crate::chain::{Head, LiveFailure};

fn value(field: &str, raw: u128, block: u64, time: u64) -> LiveValue {
    crate::chain::live_source::sample_value(field, raw, block, time, "rsETHPrice()")
}

const E18: u128 = 1_000_000_000_000_000_000;
/// A hundredth of a year, 31,557,600 / 100 s: `Y/Δt = 100`.
const CENTI_YEAR: u64 = 315_576;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-12, "{a} vs {b}");
}

#[test]
fn rising_rate_by_hand() {
    // 1.000 → 1.001 ETH over a hundredth of a year: g = 0.001, APR = 0.001 · 100 = 0.1,
    // APY = 1.001^100 − 1 = e^(100 · ln 1.001) − 1 = 0.105115697720756.
    let y = realised_yield(
        "rsETH",
        &value("trailing.rates.rsETH.exchangeRate", E18, 1_000, 0),
        &value(
            "rates.rsETH.exchangeRate",
            E18 + E18 / 1000,
            27_298,
            CENTI_YEAR,
        ),
    )
    .unwrap();
    close(y.growth, 0.001);
    close(y.apr, 0.1);
    close(y.apy, 0.105_115_697_720_756);
    assert_eq!((y.window_blocks, y.window_seconds), (26_298, CENTI_YEAR));
    // 315,576 s / 86,400 = 3.6525 days.
    close(y.window_days(), 3.6525);
    assert_eq!((y.rate_from, y.rate_to), (1.0, 1.001));
    let Basis::Derived { formula, inputs } = &y.basis else {
        panic!("{:?}", y.basis)
    };
    assert!(
        formula.contains("between block 1000 and block 27298"),
        "{formula}"
    );
    assert_eq!(inputs.len(), 2);
    assert!(
        matches!(&inputs[0], Basis::Source { citation, .. } if citation.contains("block 1000,"))
    );
}

#[test]
fn the_local_chains_week_by_hand() {
    // The npm test's figures: rsETH 1.0615 → 1.0625 ETH over 7 days (604,800 s).
    // g = 0.001 / 1.0615 = 0.000942063118228921; Y/Δt = 31,557,600 / 604,800 = 52.178571…;
    // APR = 0.0491555077047305; APY = e^(52.178571 · ln 1.000942063) − 1 = 0.0503593759712035 (40-digit decimal: 0.05035937597120348394).
    let y = realised_yield(
        "rsETH",
        &value(
            "trailing.rates.rsETH.exchangeRate",
            1_061_500_000_000_000_000,
            10,
            1_000_000,
        ),
        &value(
            "rates.rsETH.exchangeRate",
            1_062_500_000_000_000_000,
            110,
            1_604_800,
        ),
    )
    .unwrap();
    close(y.growth, 0.000_942_063_118_228_921);
    close(y.apr, 0.049_155_507_704_730_5);
    assert!((y.apy - 0.050_359_375_971_203_5).abs() < 1e-15, "{}", y.apy);
}

#[test]
fn a_falling_rate_gives_negative_figures() {
    // 1.00 → 0.99 over a hundredth of a year: g = −0.01, APR = −1.0, APY = 0.99^100 − 1 =
    // −0.633967658726771.
    let y = realised_yield(
        "rsETH",
        &value("t", E18, 1, 0),
        &value("h", E18 / 100 * 99, 2, CENTI_YEAR),
    )
    .unwrap();
    close(y.growth, -0.01);
    close(y.apr, -1.0);
    close(y.apy, -0.633_967_658_726_771);
    // The same rate at both blocks: zero, not a tiny residue.
    let flat = realised_yield("x", &value("t", E18, 1, 0), &value("h", E18, 2, 12)).unwrap();
    assert_eq!((flat.growth, flat.apr, flat.apy), (0.0, 0.0, 0.0));
}

#[test]
fn windows_the_derivation_refuses() {
    let field = |from: LiveValue, to: LiveValue| {
        realised_yield("rsETH", &from, &to)
            .unwrap_err()
            .field()
            .to_owned()
    };
    // Δt = 0: two blocks with one timestamp.
    assert_eq!(
        field(value("t", E18, 1, 50), value("h", E18, 2, 50)),
        "realised.rsETH.windowSeconds"
    );
    // A later timestamp at the earlier block counts as Δt = 0 too (no negative window).
    assert_eq!(
        field(value("t", E18, 1, 60), value("h", E18, 2, 50)),
        "realised.rsETH.windowSeconds"
    );
    // The "trailing" block is the head's or after it; another chain.
    assert_eq!(
        field(value("t", E18, 2, 0), value("h", E18, 2, 12)),
        "realised.rsETH.window"
    );
    let mut other = value("h", E18, 3, 12);
    other.basis.chain_id = 31337;
    assert_eq!(field(value("t", E18, 2, 0), other), "realised.rsETH.window");
    // A rate of 0 or NaN.
    let mut nan = value("t", E18, 1, 0);
    nan.value = f64::NAN;
    nan.raw = None;
    assert_eq!(field(nan, value("h", E18, 2, 12)), "realised.rsETH.rate");
    assert_eq!(
        field(value("t", 0, 1, 0), value("h", E18, 2, 12)),
        "realised.rsETH.rate"
    );
    // The rate doubles in one second: (2)^31,557,600 − 1 is beyond f64, refused (never ∞).
    assert_eq!(
        field(value("t", E18, 1, 0), value("h", 2 * E18, 2, 1)),
        "realised.rsETH.apy"
    );
}

#[test]
fn realised_yields_of_a_read() {
    let head = Head {
        chain_id: 1,
        block_number: 27_298,
        block_timestamp: CENTI_YEAR,
        block_hash: format!("0x{}", "00".repeat(32)),
    };
    let live = LiveRead {
        head,
        values: vec![
            value(
                "rates.rsETH.exchangeRate",
                E18 + E18 / 1000,
                27_298,
                CENTI_YEAR,
            ),
            value("rates.weETH.totalSupply", E18, 27_298, CENTI_YEAR),
            value("trailing.rates.rsETH.exchangeRate", E18, 1_000, 0),
            // Read at the trailing block only (its head call failed).
            value("trailing.rates.ezETH.exchangeRate", E18, 1_000, 0),
        ],
        failures: vec![LiveFailure {
            field: "trailing.rates.weETH".to_owned(),
            address: "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee".to_owned(),
            function: "getRate()".to_owned(),
            reason: Failure::RpcError {
                code: -32000,
                message: "missing trie node".to_owned(),
            },
        }],
    };
    let r = realised_yields(&live);
    assert_eq!(r.yields.len(), 1);
    close(r.of("rsETH").unwrap().apr, 0.1);
    assert!(r.of("weETH").is_none());
    let missing: Vec<(&str, bool)> = r
        .missing
        .iter()
        .map(|m| (m.token.as_str(), m.failure.is_some()))
        .collect();
    assert_eq!(missing, [("ezETH", false), ("weETH", true)]);
    assert!(r.missing[0].reason.contains("head block 27298"));
    assert!(r.missing[1].reason.contains("archive"));
    // No trailing read: nothing derived, nothing missing.
    let plain = LiveRead {
        values: live.values[..2].to_vec(),
        failures: vec![],
        ..live
    };
    assert_eq!(realised_yields(&plain), RealisedYields::default());
}
