//! Hostile return data for the Curve stableswap-ng figures: every answer a contract cannot give
//! is an unexpected-shape failure naming the figure, never a panic or a figure out of range.

use alloy_primitives::U256;
use alloy_sol_types::SolValue;

use super::figures;
use crate::chain::plan::Decode;
use crate::chain::rpc::Failure;

fn detail(r: Result<Vec<super::Figure>, Failure>) -> String {
    match r {
        Err(Failure::UnexpectedShape { detail }) => detail,
        other => panic!("expected an unexpected-shape failure, got {other:?}"),
    }
}

fn rates(words: &[U256]) -> Vec<u8> {
    words.to_vec().abi_encode()
}

#[test]
fn stored_rates_must_hold_two_rates_in_range() {
    let wad = U256::from(10u64).pow(U256::from(18u64));
    // Two coins: WETH (1e18) and weETH at 1.069 ETH.
    let good = figures(
        Decode::CurveRates,
        &rates(&[wad, U256::from(1_069_000_000_000_000_000u64)]),
    )
    .unwrap();
    let values: Vec<(&str, f64)> = good.iter().map(|f| (f.name.as_str(), f.value)).collect();
    assert_eq!(values, [("storedRates[0]", 1.0), ("storedRates[1]", 1.069)]);
    // Three rates (a three-coin pool), one rate, none.
    for n in [3usize, 1, 0] {
        let d = detail(figures(Decode::CurveRates, &rates(&vec![wad; n])));
        assert_eq!(
            d,
            format!("stored_rates() holds {n} rates, not the two coins' rates")
        );
    }
    // A zero rate, and one above 1e38 (an 18-decimal coin's rate is 1e18 × its oracle rate; a
    // 0-decimal coin's 1e36).
    assert_eq!(
        detail(figures(Decode::CurveRates, &rates(&[wad, U256::ZERO]))),
        "stored_rates()[1] = 0 is outside (0, 1e38]"
    );
    let huge = U256::from(10u64).pow(U256::from(38u64)) + U256::from(1u64);
    assert!(
        detail(figures(Decode::CurveRates, &rates(&[huge, wad])))
            .starts_with("stored_rates()[0] = 1000")
    );
}

#[test]
fn the_offpeg_multiplier_is_bounded_at_100_times() {
    let word = |x: u64| U256::from(x).abi_encode();
    let m = figures(Decode::CurveOffpeg, &word(20_000_000_000)).unwrap();
    assert_eq!(
        (m[0].name.as_str(), m[0].value),
        ("offpegFeeMultiplier", 2.0)
    );
    // 1e12 (100×) is the largest the engine follows; one more is refused, naming the figure.
    assert_eq!(
        figures(Decode::CurveOffpeg, &word(1_000_000_000_000)).unwrap()[0].value,
        100.0
    );
    assert_eq!(
        detail(figures(Decode::CurveOffpeg, &word(1_000_000_000_001))),
        "offpeg_fee_multiplier = 1000000000001 exceeds 1000000000000, which the contract cannot return"
    );
    // Short data.
    assert!(
        detail(figures(Decode::CurveOffpeg, &[0u8; 31]))
            .starts_with("offpeg_fee_multiplier() returned 31 bytes")
    );
}
