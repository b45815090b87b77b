//! Property tests of the Monte Carlo risk engine on the demo scenario with random probabilities,
//! severities, horizons and seeds, and the native side of the native-vs-wasm bit check.
//!
//! Not tested as a property: "more fault probability never lowers the mean for the same seed".
//! The sampler searches the sources in order with one uniform per event, so raising one
//! source's probability shifts the draws of the sources after it; the paths are not coupled.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use restake_core::risk::{
    LossDistribution, RiskModel, RiskOptions, SeedInput, Severity, risk_demo, simulate_risk,
};

fn severity() -> impl Strategy<Value = Severity> {
    prop_oneof![
        (0.0..=1.0f64).prop_map(|fraction| Severity::Fixed { fraction }),
        (0.1..50.0f64, 0.1..50.0f64).prop_map(|(alpha, beta)| Severity::Beta { alpha, beta }),
    ]
}

fn options() -> impl Strategy<Value = RiskOptions> {
    (
        (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64),
        (severity(), severity(), severity(), severity()),
        (0.0..=1.0f64, 0.0..=1.0f64),
        (0.01..5.0f64, any::<u64>(), 1u32..600),
    )
        .prop_map(|(p, sev, (hit, rho), (years, seed, paths))| {
            let mut o = risk_demo().unwrap().options;
            o.paths = f64::from(paths);
            o.seed = Some(SeedInput::Text(seed.to_string()));
            o.horizon_years = years;
            let pr = &mut o.probabilities;
            // Squared so that small probabilities are common.
            pr.operator_fault.per_year = p.0 * p.0;
            pr.avs_bug.per_year = p.1 * p.1;
            pr.beacon_slashing.per_year = p.2 * p.2;
            pr.common_shock.per_year = p.3;
            pr.operator_fault.severity = sev.0;
            pr.avs_bug.severity = sev.1;
            pr.beacon_slashing.severity = sev.2;
            pr.common_shock.slashed_share = sev.3;
            pr.common_shock.hit_share = hit;
            pr.common_shock.correlation = rho;
            o
        })
}

fn sane(d: &LossDistribution, cap: f64) -> Result<(), TestCaseError> {
    let all = [
        d.mean,
        d.std_dev,
        d.std_error,
        d.p_loss,
        d.var95,
        d.es95,
        d.var99,
        d.es99,
        d.worst,
    ];
    prop_assert!(all.iter().all(|x| x.is_finite() && *x >= 0.0), "{d:?}");
    prop_assert!(d.worst <= cap * (1.0 + 1e-12), "{} > {cap}", d.worst);
    prop_assert!(d.p_loss <= 1.0);
    prop_assert!(d.var95 <= d.var99 && d.var99 <= d.worst);
    prop_assert!(d.var95 <= d.es95 * (1.0 + 1e-12) && d.var99 <= d.es99 * (1.0 + 1e-12));
    prop_assert!(d.es95 <= d.es99 * (1.0 + 1e-12) && d.es99 <= d.worst * (1.0 + 1e-12));
    prop_assert!(d.mean <= d.worst * (1.0 + 1e-12));
    for b in &d.histogram.bins {
        prop_assert!(b.from <= b.to && b.from > 0.0 && b.to <= cap * (1.0 + 1e-12));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn losses_stay_in_bounds_and_statistics_are_ordered(o in options()) {
        let demo = risk_demo().unwrap();
        let r = simulate_risk(&demo.network, &o).unwrap();
        prop_assert_eq!(r.paths, o.paths as u64);
        for l in &r.lrts {
            sane(&l.loss, 1.0)?;
            let bins: u64 = l.loss.histogram.bins.iter().map(|b| b.paths).sum();
            prop_assert_eq!(bins + l.loss.histogram.zero_paths, r.paths);
        }
        let p = r.position.unwrap();
        sane(&p.loss, p.value_eth)?;
        let c = &p.contributions;
        let ops: f64 = c.operators.iter().map(|x| x.expected).sum();
        prop_assert!((ops - p.loss.mean).abs() <= 1e-9 * p.value_eth);
        let tail: f64 = c.avss.iter().map(|x| x.tail99).sum::<f64>() + c.beacon_chain.tail99;
        prop_assert!((tail - p.loss.es99).abs() <= 1e-9 * p.value_eth);
    }

    #[test]
    fn any_split_into_chunks_gives_the_same_report(o in options(), cut in 0.0..1.0f64) {
        let demo = risk_demo().unwrap();
        let model = RiskModel::new(&demo.network, &o).unwrap();
        let n = model.paths();
        let k = ((n as f64) * cut) as u64;
        let mut a = model.simulate_chunk(k, n - k).unwrap();
        a.merge(model.simulate_chunk(0, k).unwrap()).unwrap();
        prop_assert_eq!(model.finish(&a).unwrap(), simulate_risk(&demo.network, &o).unwrap());
    }
}

/// The fixed-seed run that `web_risk.rs` checks in wasm: the same bits natively.
#[test]
fn fixed_seed_constants() {
    let demo = risk_demo().unwrap();
    let mut o = demo.options.clone();
    o.paths = 5000.0;
    o.seed = Some(SeedInput::Text("12345678901234567890".into()));
    o.probabilities.operator_fault.per_year = 0.05;
    o.probabilities.beacon_slashing.per_year = 0.05;
    let r = simulate_risk(&demo.network, &o).unwrap();
    assert_eq!(r.lrts[0].loss.mean.to_bits(), 0x3f69ee6793d5dbc3);
    assert_eq!(r.lrts[0].loss.es99.to_bits(), 0x3faeaaa70d7c238f);
    assert_eq!(r.lrts[1].loss.var95.to_bits(), 0x3f96d5ce62ff18f8);
    assert_eq!(r.lrts[2].loss.worst_path, 4292);
    let p = r.position.unwrap();
    assert_eq!(p.loss.mean.to_bits(), 0x3fbd8c9f00b1fe05);
    assert_eq!(p.loss.es99.to_bits(), 0x3ffad796bb469eb0);
    assert_eq!(p.loss.worst.to_bits(), 0x4009a9dd3dfe2111);
    assert_eq!(
        p.contributions.operators[1].tail99.to_bits(),
        0x3fd62e2b8ac436d4
    );
}
