//! Unit tests of the document: default document, run and headlines, replays, section paths.

use super::*;
use crate::Error;

fn headline(r: &ScenarioReport, id: &str) -> f64 {
    r.headlines
        .iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("no headline {id}"))
        .value
}

#[test]
fn default_document_runs_every_engine() {
    let d = default_document().unwrap();
    assert_eq!(d.version, 4);
    let r = run_scenario(&d).unwrap();
    assert!(r.yield_stack.is_some() && r.slashing.is_some() && r.risk.is_some());
    assert!(r.security.is_some() && r.leverage.is_some() && r.bridge.is_some());
    // rsETH preset, socialised: supply S = 116,500 / 0.18, all of it held (the L2 supply is
    // exactly what is locked), haircut h = X/(S + X) = 0.18/1.18, loss S·h = 116,500/1.18
    // = 98,728.81 ETH; the attacker's Aave borrow 116,500 × 0.93 = 108,345 against collateral
    // worth 116,500 × (1 − h) = 98,728.81 ⇒ bad debt 9,616.19 ETH.
    assert!((headline(&r, "bridge.holderLossEth") - 116_500.0 / 1.18).abs() < 1e-6);
    let bad = 116_500.0 * 0.93 - 116_500.0 / 1.18;
    assert!((headline(&r, "bridge.lendingBadDebtEth") - bad).abs() < 1e-6);
    // The loop targets health factor 1.2 exactly; λ = 1/(1 − θ/h) = 1/(1 − 0.77/1.2).
    assert!((headline(&r, "leverage.healthFactor") - 1.2).abs() < 1e-12);
    assert!((headline(&r, "leverage.leverage") - 1.0 / (1.0 - 0.77 / 1.2)).abs() < 1e-9);
    // The ezETH replay's cascade: 8 liquidations (lending::replay's published figure).
    assert_eq!(headline(&r, "leverage.cascadeLiquidations"), 8.0);
    // The risk section's seed is 1, so two runs agree to the bit.
    assert_eq!(run_scenario(&d).unwrap().risk, r.risk);
    for h in &r.headlines {
        assert!(h.value.is_finite(), "{}", h.id);
    }
    let ids: Vec<&str> = r.headlines.iter().map(|h| h.id.as_str()).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn a_network_only_document_has_no_reports() {
    let d = Scenario {
        version: SCENARIO_VERSION,
        ..Scenario::default()
    };
    let r = run_scenario(&d).unwrap();
    assert!(r.headlines.is_empty() && r.yield_stack.is_none() && r.bridge.is_none());
}

#[test]
fn a_risk_section_without_seed_runs_with_seed_one() {
    let mut d = default_document().unwrap();
    if let Some(r) = d.risk.as_mut() {
        r.seed = None;
        r.paths = 2_000.0;
    }
    let r = run_scenario(&d).unwrap().risk.unwrap();
    assert_eq!(r.seed, DEFAULT_RISK_SEED.to_string());
}

#[test]
fn section_errors_carry_the_document_path() {
    type Breaker = fn(&mut Scenario);
    let cases: [(Breaker, &str); 11] = [
        (|d| d.risk.as_mut().unwrap().paths = 0.0, "risk.paths"),
        (
            |d| {
                let mut c = super::risk_loop_default(1.0).unwrap().carry;
                c.rate_paths[0].probability = 0.5;
                d.risk.as_mut().unwrap().carry = Some(c);
            },
            "risk.carry.ratePaths",
        ),
        (
            |d| d.risk.as_mut().unwrap().paths = 10_000_001.0,
            "risk.paths",
        ),
        (
            |d| d.bridge.as_mut().unwrap().chains[0].supply = -1.0,
            "bridge.chains[0].supply",
        ),
        (
            |d| {
                d.slashing.as_mut().unwrap().events[0] = crate::slashing::SlashEvent::AvsWide {
                    avs: "nope".into(),
                    fraction: 0.1,
                }
            },
            "slashing.events[0].avs",
        ),
        (
            |d| {
                d.slashing
                    .as_mut()
                    .unwrap()
                    .options
                    .total_active_balance_eth = f64::NAN;
            },
            "slashing.options.totalActiveBalanceEth",
        ),
        (
            |d| d.security.as_mut().unwrap().services[1].avs = "nope".into(),
            "security.services[1].avs",
        ),
        (
            |d| d.security.as_mut().unwrap().analysis.shock_fraction = 2.0,
            "security.analysis.shockFraction",
        ),
        (
            |d| d.leverage.as_mut().unwrap().leverage_loop.deposit = 0.0,
            "leverage.loop.deposit",
        ),
        (
            |d| d.leverage.as_mut().unwrap().cascade.sale_share = 2.0,
            "leverage.cascade.saleShare",
        ),
        (
            |d| d.yield_stack.as_mut().unwrap().lrt.fee_on_rewards = 1.5,
            "yieldStack.lrt.feeOnRewards",
        ),
    ];
    for (break_it, field) in cases {
        let mut d = default_document().unwrap();
        break_it(&mut d);
        let e = d.validate_document().unwrap_err();
        assert_eq!(e.field(), field, "{e}");
        assert_eq!(run_scenario(&d).unwrap_err().field(), field);
        // The same document as text names the same field.
        let text = serde_json::to_string(&d).unwrap_or_default();
        if !text.contains("null") {
            assert_eq!(Scenario::from_json(&text).unwrap_err().field(), field);
        }
    }
}

#[test]
fn risk_overrides_must_name_the_network() {
    let mut d = default_document().unwrap();
    d.risk
        .as_mut()
        .unwrap()
        .probabilities
        .avss
        .push(crate::risk::AvsRisk {
            avs: "nope".into(),
            bug_per_year: 0.1,
        });
    assert_eq!(
        d.validate_document().unwrap_err().field(),
        "risk.probabilities.avss[0].avs"
    );
}

#[test]
fn every_replay_validates_runs_and_is_sourced() {
    let all = replays().unwrap();
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "steth-2022-06",
            "ezeth-2024-04",
            "rseth-bridge-2026-04",
            "mass-operator-fault",
            "avs-bug"
        ]
    );
    for r in &all {
        assert_eq!(r.date.len(), 7, "{}", r.id);
        assert!(!r.note.is_empty() && !r.basis.is_empty(), "{}", r.id);
        for (i, b) in r.basis.iter().enumerate() {
            b.validate(&format!("{}.basis[{i}]", r.id)).unwrap();
        }
        let report = run_scenario(&r.scenario).unwrap_or_else(|e| panic!("{}: {e}", r.id));
        assert!(!report.headlines.is_empty(), "{}", r.id);
        assert_eq!(
            Scenario::from_fragment(&r.scenario.to_fragment()).unwrap(),
            r.scenario
        );
    }
}

#[test]
fn replays_show_their_event() {
    let all = replays().unwrap();
    let run = |id: &str| run_scenario(&all.iter().find(|r| r.id == id).unwrap().scenario).unwrap();
    // stETH: the 7% discount liquidates some of the market-priced positions.
    let steth = run("steth-2022-06");
    assert!(headline(&steth, "leverage.cascadeLiquidations") > 0.0);
    // The A() = 30 calibration: a balanced pool pushed to 0.93 holds 22.0% ETH.
    let mut pool = all[0].scenario.leverage.as_ref().unwrap().cascade.pool;
    pool.sell_to_price(0.93).unwrap();
    let eth_share = pool.eth_reserve / (pool.eth_reserve + pool.lrt_reserve);
    assert_eq!((eth_share * 1000.0).round(), 220.0);
    // ezETH: lending::replay's calibrated outcome, 8 liquidations and no bad debt.
    let ez = run("ezeth-2024-04");
    assert_eq!(headline(&ez, "leverage.cascadeLiquidations"), 8.0);
    assert_eq!(headline(&ez, "leverage.cascadeBadDebtEth"), 0.0);
    // rsETH: 116,500/1.18 ETH lost by holders (see default_document_runs_every_engine).
    let rs = run("rseth-bridge-2026-04");
    assert!((headline(&rs, "bridge.holderLossEth") - 116_500.0 / 1.18).abs() < 1e-6);
    // Mass fault: all four operators are slashed, and the two shared by two LRTs each (B:
    // ether.fi and Renzo; C: Renzo and Kelp) carry the loss across LRTs.
    let mass = run("mass-operator-fault");
    let slashed = mass.slashing.as_ref().unwrap().operators.iter();
    assert_eq!(slashed.filter(|o| o.slashed.eth > 0.0).count(), 4);
    assert_eq!(headline(&mass, "slashing.contagionOperators"), 2.0);
    // AVS bug on `da`: operators A, B, D each lose half of their `da` allocation.
    let bug = run("avs-bug");
    let sl = bug.slashing.as_ref().unwrap();
    let hit: Vec<&str> = sl
        .operators
        .iter()
        .filter(|o| o.slashed.eth > 0.0)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(hit, ["op-a", "op-b", "op-d"]);
}

#[test]
fn rebased_paths() {
    let e = Error::OutOfRange {
        field: "options.paths".into(),
        value: 0.0,
        expected: String::new(),
    };
    assert_eq!(e.clone().rebased("options", "risk").field(), "risk.paths");
    assert_eq!(e.clone().rebased("", "x").field(), "x.options.paths");
    assert_eq!(e.clone().rebased("option", "risk").field(), "options.paths");
    let root = Error::Parse {
        field: ".".into(),
        message: String::new(),
    };
    assert_eq!(root.rebased("", "bridge").field(), "bridge");
}
