//! Hand-worked cases of both rate models at the kink and beyond (each figure worked out from the
//! contract formulas in the module docs, the arithmetic shown).

use super::RateModel;
use super::aave::*;
use super::compound::*;
use super::morpho::*;
use super::presets::rate_model_presets;

const E23: u128 = 100_000_000_000_000_000_000_000;

fn weth() -> AaveRateData {
    // Core WETH after 2026-02-07: U* 94%, base 0, slope 1 2.45%, slope 2 8%.
    AaveRateData {
        optimal_usage_ratio: 9400,
        base_variable_borrow_rate: 0,
        variable_rate_slope1: 245,
        variable_rate_slope2: 800,
    }
}

fn usage(bps: u128) -> u128 {
    bps * E23
}

#[test]
fn aave_below_at_and_beyond_the_kink() {
    let d = weth();
    // U = 47%: 2.45% × 0.47 / 0.94 = 1.225%.
    assert_eq!(
        d.variable_borrow_rate_at(usage(4700)),
        1_225 * RAY / 100_000
    );
    // At the kink: base + slope 1 = 2.45%.
    assert_eq!(d.variable_borrow_rate_at(usage(9400)), 245 * E23);
    // 95.42% (Feb 2026): excess = 0.0142/0.06 = 0.23666…667 (rayDiv rounds half up), × 8% =
    // 0.018933…333 (rayMul), + 2.45% = 4.3433…333%.
    assert_eq!(
        d.variable_borrow_rate_at(usage(9542)),
        43_433_333_333_333_333_333_333_333
    );
    // 99.85%: excess = 0.0585/0.06 = 0.975 exactly, 2.45% + 8% × 0.975 = 10.25%.
    assert_eq!(d.variable_borrow_rate_at(usage(9985)), 1025 * E23);
    // 100%: base + slope 1 + slope 2 = 10.45% (getMaxVariableBorrowRate).
    assert_eq!(d.variable_borrow_rate_at(RAY), 1045 * E23);
}

#[test]
fn aave_rates_from_a_reserve_state() {
    // 99.85 WETH borrowed of 100 supplied, 10% of it unbacked on top, reserve factor 15%.
    let wei = 10u128.pow(16);
    let state = AaveReserveState {
        total_debt: 9_985 * wei,
        available_liquidity: 15 * wei,
        unbacked: 1_000 * wei,
        reserve_factor: 1500,
    };
    let r = calculate_interest_rates(&weth(), &state).unwrap();
    assert_eq!(r.borrow_usage_ratio, usage(9985));
    assert_eq!(r.variable_borrow_rate, 1025 * E23);
    // supply usage = 99.85/110 = 0.907727…27 (half up), × 10.25% × 0.85.
    assert_eq!(r.supply_usage_ratio, 907_727_272_727_272_727_272_727_273);
    // 0.1025 × 0.907727… = 0.0930420454… (half up), × 8500/10000 = 0.0790857386…
    assert_eq!(r.liquidity_rate, 79_085_738_636_363_636_363_636_363);
    assert!((r.borrow_apr - 0.1025).abs() < 1e-15);
    // No debt: the base rate, nothing paid to suppliers.
    let empty = AaveReserveState {
        total_debt: 0,
        ..state
    };
    let r0 = calculate_interest_rates(&weth(), &empty).unwrap();
    assert_eq!((r0.variable_borrow_rate, r0.liquidity_rate), (0, 0));
}

#[test]
fn aave_refuses_what_the_contract_refuses() {
    let bad = [
        (
            AaveRateData {
                optimal_usage_ratio: 9950,
                ..weth()
            },
            "data.optimalUsageRatio",
        ),
        (
            AaveRateData {
                variable_rate_slope2: 100,
                ..weth()
            },
            "data.variableRateSlope2",
        ),
        (
            AaveRateData {
                base_variable_borrow_rate: 99_500,
                ..weth()
            },
            "data.baseVariableBorrowRate",
        ),
    ];
    let state = AaveReserveState {
        total_debt: 1,
        available_liquidity: 1,
        unbacked: 0,
        reserve_factor: 0,
    };
    for (d, field) in bad {
        assert_eq!(
            calculate_interest_rates(&d, &state).unwrap_err().field(),
            field
        );
    }
    let too_much = AaveReserveState {
        reserve_factor: 10_001,
        ..state
    };
    assert_eq!(
        calculate_interest_rates(&weth(), &too_much)
            .unwrap_err()
            .field(),
        "state.reserveFactor"
    );
}

fn irm(utilization: u128, rate_at_target: i128, elapsed: u64) -> AdaptiveCurveRates {
    adaptive_curve_borrow_rate(&AdaptiveCurveInput {
        utilization,
        rate_at_target,
        elapsed,
    })
    .unwrap()
}

const W: u128 = 1_000_000_000_000_000_000;

#[test]
fn utilisation_as_a_fraction_is_the_wad_over_1e18() {
    let input = AdaptiveCurveInput {
        utilization: 9 * W / 10,
        rate_at_target: 0,
        elapsed: 0,
    };
    assert_eq!(input.utilization_fraction(), 0.9);
}

#[test]
fn morpho_constants_are_the_contracts() {
    // ConstantsLib: 4% / 0.1% / 200% APR and 50 per year, each divided by 365 days (floor).
    assert_eq!(INITIAL_RATE_AT_TARGET, 1_268_391_679);
    assert_eq!(MIN_RATE_AT_TARGET, 31_709_791);
    assert_eq!(MAX_RATE_AT_TARGET, 63_419_583_967);
    assert_eq!(ADJUSTMENT_SPEED, 1_585_489_599_188);
}

#[test]
fn morpho_curve_at_target_zero_and_full() {
    let r = INITIAL_RATE_AT_TARGET;
    // At target (the kink): err = 0, the rate is the rate at target and nothing adapts.
    let at = irm(9 * W / 10, r, 86_400);
    assert_eq!((at.avg_borrow_rate, at.end_rate_at_target), (r, r));
    // 100%, no time: err = 1, (3·1 + 1)·R = 4R.
    assert_eq!(irm(W, r, 0).avg_borrow_rate, 4 * r);
    // 0%, no time: err = −1, (0.75·(−1) + 1)·R = R/4, toward zero: 317,097,919.
    assert_eq!(irm(0, r, 0).avg_borrow_rate, 317_097_919);
    // 95%: err = 0.05/0.1 = 0.5, (3·0.5 + 1)·R = 2.5R, toward zero.
    assert_eq!(irm(95 * W / 100, r, 0).avg_borrow_rate, 3_170_979_197);
}

#[test]
fn morpho_beyond_the_kink_adapts_over_a_day() {
    // 100% for one day from the initial rate: speed = ADJUSTMENT_SPEED (err = 1), linear
    // adaptation x = 1,585,489,599,188 × 86,400 = 136,986,301,369,843,200 (≈ 50/365).
    // wExp(x): q = 0, r = x, 1e18 + x + ⌊x²/1e18⌋/2 = 1,146,368,924,751,337,952.
    assert_eq!(
        w_exp(136_986_301_369_843_200),
        Some(1_146_368_924_751_337_952)
    );
    // wExp(x/2) = 1e18 + x/2 + ⌊(x/2)²/1e18⌋/2 = 1,070,838,806,530,295,288.
    assert_eq!(
        w_exp(68_493_150_684_921_600),
        Some(1_070_838_806_530_295_288)
    );
    let r = INITIAL_RATE_AT_TARGET;
    let end = r * 1_146_368_924_751_337_952 / 1_000_000_000_000_000_000;
    let mid = r * 1_070_838_806_530_295_288 / 1_000_000_000_000_000_000;
    assert_eq!(end, 1_454_044_805);
    let out = irm(W, r, 86_400);
    assert_eq!(out.end_rate_at_target, end);
    // The average rate at target (R + R_end + 2·R_mid)/4 on the curve at err = 1 (× 4).
    assert_eq!(out.avg_borrow_rate, (r + end + 2 * mid) / 4 * 4);
    assert_eq!(out.avg_borrow_rate, 5_438_922_544);
    assert_eq!(out.end_borrow_rate, 4 * end);
}

#[test]
fn morpho_rate_at_target_stays_within_its_bounds() {
    // A year at 100%: x = 50, wExp far above what any clamp returns — the maximum, 200% APR.
    let up = irm(W, INITIAL_RATE_AT_TARGET, 31_536_000);
    assert_eq!(up.end_rate_at_target, MAX_RATE_AT_TARGET);
    assert_eq!(up.end_borrow_rate, 4 * MAX_RATE_AT_TARGET);
    // A year at 0%: x = −50, the minimum.
    let down = irm(0, INITIAL_RATE_AT_TARGET, 31_536_000);
    assert_eq!(down.end_rate_at_target, MIN_RATE_AT_TARGET);
    // A first interaction uses the initial rate whatever the time.
    assert_eq!(
        irm(W, 0, 1_000_000).end_rate_at_target,
        INITIAL_RATE_AT_TARGET
    );
    // 100 years at full utilisation does not overflow.
    assert_eq!(
        irm(W, MAX_RATE_AT_TARGET, MAX_ELAPSED).end_rate_at_target,
        MAX_RATE_AT_TARGET
    );
}

#[test]
fn morpho_refuses_states_the_contract_cannot_hold() {
    let bad = [
        (
            AdaptiveCurveInput {
                utilization: W + 1,
                rate_at_target: 0,
                elapsed: 0,
            },
            "utilization",
        ),
        (
            AdaptiveCurveInput {
                utilization: 0,
                rate_at_target: 5,
                elapsed: 0,
            },
            "rateAtTarget",
        ),
        (
            AdaptiveCurveInput {
                utilization: 0,
                rate_at_target: -1,
                elapsed: 0,
            },
            "rateAtTarget",
        ),
        (
            AdaptiveCurveInput {
                utilization: 0,
                rate_at_target: 0,
                elapsed: MAX_ELAPSED + 1,
            },
            "elapsed",
        ),
    ];
    for (input, field) in bad {
        assert_eq!(
            adaptive_curve_borrow_rate(&input).unwrap_err().field(),
            field
        );
    }
}

#[test]
fn compounding_as_each_protocol_does_it() {
    // Aave, 10.25% APR for 30 days: x = 0.1025 × 2,592,000 / 31,536,000 = 0.0084246575…
    // (floor); RAY + x + x.rayMul(x/2 + x.rayMul(x/6)) = 1.0084602446… ray.
    let x: u128 = 8_424_657_534_246_575_342_465_753;
    assert_eq!(
        x,
        1025 * E23 * 2_592_000 / super::compound::SECONDS_PER_YEAR
    );
    let factor: u128 = 1_008_460_244_618_005_125_740_006_220;
    assert_eq!(
        aave_compounded_interest(1025 * E23, 2_592_000),
        Some(factor)
    );
    // The f64 polynomial agrees with the integer one to 1e-15.
    let f = crate::interest::compounded_factor(0.1025, 30.0 / 365.0);
    assert!((f - ray_to_f64(factor)).abs() < 1e-15);
    assert_eq!(aave_compounded_interest(MAX_AAVE_RATE + 1, 1), None);
    assert_eq!(morpho_taylor_compounded(1, MAX_SECONDS + 1), None);
}

#[test]
fn rate_model_view_and_presets() {
    let presets = rate_model_presets();
    let aave = presets[0].model;
    aave.validate("model").unwrap();
    // The chart's view of the WETH preset at 99.85%: 10.25% APR.
    assert!((aave.borrow_apr_now(9985 * W / 10_000) - 0.1025).abs() < 1e-15);
    let morpho = presets[1].model;
    assert_eq!(morpho.start_rate_at_target(), Some(INITIAL_RATE_AT_TARGET));
    let fixed = RateModel::Fixed { apr: 11.0 };
    assert_eq!(fixed.validate("m").unwrap_err().field(), "m.apr");
    let far = RateModel::AdaptiveCurve {
        rate_at_target_apr: 3.0,
    };
    assert_eq!(far.validate("m").unwrap_err().field(), "m.rateAtTargetApr");
}
