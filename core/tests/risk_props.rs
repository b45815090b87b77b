//! Property tests of the Monte Carlo risk engine with random probabilities, severities, horizons
//! and seeds, on the demo network and on random networks (`common::arb_network`).
//!
//! Not tested as a property: "more fault probability never lowers the mean for the same seed".
//! The sampler searches the sources in order with one uniform per event, so raising one
//! source's probability shifts the draws of the sources after it; the paths are not coupled.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Shape, arb_network};
use proptest::prelude::*;
use restake_core::network::Network;
use restake_core::risk::{
    LossDistribution, RiskModel, RiskOptions, SeedInput, Severity, risk_demo, simulate_risk,
};

/// A severity: a fixed fraction or a Beta distribution.
fn severity() -> impl Strategy<Value = Severity> {
    prop_oneof![
        (0.0..=1.0f64).prop_map(|fraction| Severity::Fixed { fraction }),
        (0.1..50.0f64, 0.1..50.0f64).prop_map(|(alpha, beta)| Severity::Beta { alpha, beta }),
    ]
}

/// Random options on the demo's defaults: event probabilities (squared, so small ones are
/// common), severities, the common shock, horizon, seed and 1–599 paths.
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

/// The bounds of a loss distribution whose worst loss can be at most `cap`: every figure finite
/// and ≥ 0, 0 ≤ VaR95 ≤ VaR99 ≤ ES99 ≤ worst ≤ cap, VaR ≤ ES at each level, P(loss) ≤ 1, the
/// histogram inside `(0, cap]`.
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
        prop_assert!(r.position.is_some());
        check_report(&r, o.paths as u64)?;
    }

    #[test]
    fn any_split_into_chunks_gives_the_same_report(o in options(), cut in 0.0..1.0f64) {
        let demo = risk_demo().unwrap();
        prop_assert_eq!(in_two_chunks(&demo.network, &o, cut), simulate_risk(&demo.network, &o).unwrap());
    }
}

/// The bounds of [`sane`] on every series of a report, the histogram's path count, and the
/// position's contributions adding up to its mean and ES99.
fn check_report(r: &restake_core::risk::RiskReport, paths: u64) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.paths, paths);
    for l in &r.lrts {
        sane(&l.loss, 1.0)?;
        let bins: u64 = l.loss.histogram.bins.iter().map(|b| b.paths).sum();
        prop_assert_eq!(bins + l.loss.histogram.zero_paths, r.paths);
    }
    if let Some(p) = &r.position {
        sane(&p.loss, p.value_eth)?;
        let c = &p.contributions;
        let ops: f64 = c.operators.iter().map(|x| x.expected).sum();
        prop_assert!((ops - p.loss.mean).abs() <= 1e-9 * p.value_eth.max(1.0));
        let tail: f64 = c.avss.iter().map(|x| x.tail99).sum::<f64>() + c.beacon_chain.tail99;
        prop_assert!((tail - p.loss.es99).abs() <= 1e-9 * p.value_eth.max(1.0));
    }
    Ok(())
}

/// The report of `network` computed in two chunks split at `cut` of the paths, merged out of
/// order.
fn in_two_chunks(network: &Network, o: &RiskOptions, cut: f64) -> restake_core::risk::RiskReport {
    let model = RiskModel::new(network, o).unwrap();
    let n = model.paths();
    let k = ((n as f64) * cut) as u64;
    let mut a = model.simulate_chunk(k, n - k).unwrap();
    a.merge(model.simulate_chunk(0, k).unwrap()).unwrap();
    model.finish(&a).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// On any network with operators and AVSs: the bounds hold and a split run is the same run.
    #[test]
    fn on_random_networks_bounds_hold_and_chunks_do_not_matter(
        network in arb_network(Shape { operators: 1..=5, avss: 1..=4, protocols: 0..=7 }),
        o in options(),
        cut in 0.0..1.0f64,
    ) {
        let r = simulate_risk(&network, &o).unwrap();
        check_report(&r, o.paths as u64)?;
        prop_assert_eq!(in_two_chunks(&network, &o, cut), r);
    }
}

fn with_loop(o: &RiskOptions, leverage: f64, apr: f64) -> RiskOptions {
    use restake_core::risk::{AprPoint, RatePath, RiskCarry};
    RiskOptions {
        carry: Some(RiskCarry {
            leverage,
            lrt_yield: 0.03,
            liquidation_threshold: 0.93,
            rate_paths: vec![RatePath {
                name: "fixed".into(),
                probability: 1.0,
                borrow_apr: vec![
                    AprPoint { from_day: 0.0, apr },
                    AprPoint {
                        from_day: 100.0,
                        apr: apr * 2.0,
                    },
                ],
            }],
            step_days: Some(30.0),
        }),
        ..o.clone()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// A higher borrow rate never lowers the looped loss nor raises its net yield, path by path
    /// (the same seed draws the same slashes), and never touches the unlevered figures.
    #[test]
    fn a_higher_borrow_rate_never_helps_the_loop(
        leverage in 1.0f64..20.0,
        apr in 0.0f64..0.2,
        bump in 0.0f64..0.2,
        seed in 0u64..1_000,
    ) {
        let demo = risk_demo().unwrap();
        let mut network = demo.network;
        if network.positions.is_empty() {
            network.positions.push(restake_core::network::Position {
                protocol: network.restaking[0].protocol.clone(),
                amount_eth: 30.0,
            });
        }
        let base = RiskOptions { paths: 2_000.0, seed: Some(SeedInput::Text(seed.to_string())), ..demo.options };
        let low = simulate_risk(&network, &with_loop(&base, leverage, apr)).unwrap();
        let high = simulate_risk(&network, &with_loop(&base, leverage, apr + bump)).unwrap();
        let (a, b) = (low.looped.unwrap(), high.looped.unwrap());
        for (x, y) in [
            (a.loss.mean, b.loss.mean),
            (a.loss.var95, b.loss.var95),
            (a.loss.var99, b.loss.var99),
            (a.loss.es99, b.loss.es99),
            (a.loss.worst, b.loss.worst),
            (a.loss.p_loss, b.loss.p_loss),
        ] {
            prop_assert!(x <= y + 1e-12, "{x} > {y}");
        }
        prop_assert!(b.mean_net_yield <= a.mean_net_yield + 1e-12);
        prop_assert!(a.underwater_paths <= b.underwater_paths);
        prop_assert_eq!(low.position, high.position);
        // The loss stays within the own capital.
        prop_assert!(b.loss.worst <= b.equity_eth);
    }
}
