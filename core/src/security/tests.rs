//! Hand-worked cases: D&R's constructions, small graphs where the search must find or rule out
//! an attack, exact thresholds, and the demo network.

use super::*;
use crate::wad::WAD;

fn graph(
    validators: &[(&str, f64)],
    services: &[(&str, f64, u64, u64)],
    edges: &[(&str, &str)],
) -> RestakingGraph {
    RestakingGraph {
        validators: validators
            .iter()
            .map(|&(id, stake_eth)| GraphValidator {
                id: id.to_owned(),
                stake_eth,
            })
            .collect(),
        services: services
            .iter()
            .map(|&(id, profit_eth, n, d)| GraphService {
                id: id.to_owned(),
                profit_eth,
                threshold: Threshold::new(n, d),
            })
            .collect(),
        edges: edges
            .iter()
            .map(|&(v, s)| (v.to_owned(), s.to_owned()))
            .collect(),
    }
}

fn options(shock_fraction: f64, shocked: Option<&[&str]>) -> AnalysisOptions {
    AnalysisOptions {
        shock_fraction,
        shocked: shocked.map(|s| s.iter().map(|x| (*x).to_owned()).collect()),
        search: SearchMode::Exact,
    }
}

#[test]
fn theorem_2_whitepaper_condition_holds_yet_a_tiny_shock_destroys_everything() {
    // One service x, π = 1, α = 1; σ_a = ε = 0.01, σ_b = 0.99.
    // T_a = T_b = π/(α·σ(N(x))) = 1/(1·1) = 1: the condition holds, with no slack.
    let g = graph(
        &[("a", 0.01), ("b", 0.99)],
        &[("x", 1.0, 1, 1)],
        &[("a", "x"), ("b", "x")],
    );
    let r = analyze_graph(&g, &options(0.01, None)).unwrap();
    assert!(r.certificate.whitepaper_holds);
    assert_eq!(r.certificate.verdict, Verdict::NoSlack);
    assert_eq!(r.certificate.gamma_star, Some(0.0));
    assert_eq!(r.certificate.loss_bound, None);
    assert!(
        r.validators
            .iter()
            .all(|v| v.load == 1.0 && v.whitepaper_holds)
    );
    // Before the shock: corrupting x needs all of its 1 ETH, π = 1 is not more: secure.
    assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
    // ψ = ε: the shock takes a (0.01 ≤ 1% of 1 ETH). Then b alone (0.99) is all of x's stake
    // and π_x = 1 > 0.99: b is corrupted too. Everything is lost.
    assert_eq!(r.cascade.shocked, ["a"]);
    assert_eq!(r.cascade.steps.len(), 1);
    assert_eq!(r.cascade.steps[0].attack.validators, ["b"]);
    assert_eq!(r.cascade.steps[0].attack.gain.wei, (WAD / 100).to_string()); // 1 − 0.99
    assert_eq!(r.cascade.lost.wei, WAD.to_string());
    assert_eq!(r.cascade.lost_share, 1.0);
    // A shock just under ε shocks nobody and nothing happens.
    let r = analyze_graph(&g, &options(0.009, None)).unwrap();
    assert!(r.cascade.shocked.is_empty() && r.cascade.steps.is_empty());
    assert_eq!(r.cascade.lost_share, 0.0);
}

#[test]
fn a_cascade_with_gamma_slack_stays_under_the_bound() {
    // x: N = {d, b1, b2}, 1 ETH each, α = 1, π = 2.1 → T = 2.1/3 = 0.7, γ* = 1/0.7 − 1 = 3/7.
    // y: N = {z}, σ_z = 10, π = 0: T_z = 0. σ_V = 13.
    let g = graph(
        &[("d", 1.0), ("b1", 1.0), ("b2", 1.0), ("z", 10.0)],
        &[("x", 2.1, 1, 1), ("y", 0.0, 1, 2)],
        &[("d", "x"), ("b1", "x"), ("b2", "x"), ("z", "y")],
    );
    let r = analyze_graph(&g, &options(0.01, Some(&["d"]))).unwrap();
    assert_eq!(r.certificate.verdict, Verdict::Certified);
    let gamma = r.certificate.gamma_star.unwrap();
    assert!((gamma - 3.0 / 7.0).abs() < 1e-15, "{gamma}");
    assert_eq!(r.certificate.binding_validator.as_deref(), Some("d"));
    // Bound for ψ = 1%: ψ/(1 − 0.7) = 0.0333….
    assert!((r.certificate.loss_bound.unwrap() - 0.01 / 0.3).abs() < 1e-15);
    assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
    // Shock d (1/13 of the stake): b1 + b2 now hold all of x (2 ETH) and π = 2.1 > 2.
    assert_eq!(r.cascade.steps.len(), 1);
    assert_eq!(r.cascade.steps[0].attack.validators, ["b1", "b2"]);
    assert_eq!(r.cascade.steps[0].attack.services, ["x"]);
    // Lost 3 of 13 = 0.2308 < bound (1/13)·(1 + 7/3) = 10/39 = 0.2564.
    assert!((r.cascade.lost_share - 3.0 / 13.0).abs() < 1e-15);
    let bound = r.cascade.bound.unwrap();
    assert!((bound - 10.0 / 39.0).abs() < 1e-12, "{bound}");
    assert!(r.cascade.lost_share < bound);
}

#[test]
fn the_search_finds_an_attack_no_single_service_check_sees() {
    // a, b: 3 ETH each, both restake for x and y (α = 1/2, π = 2 each).
    // Per service: cost ⌈½·6⌉ = 3 ≥ π = 2, covered. But B = {a} (3 ETH) holds half of both:
    // π_A = 4 > 3, gain 1 ETH. Whitepaper: T_a = 2/3 + 2/3 = 4/3 > 1.
    let g = graph(
        &[("a", 3.0), ("b", 3.0)],
        &[("x", 2.0, 1, 2), ("y", 2.0, 1, 2)],
        &[("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")],
    );
    let r = analyze_graph(&g, &options(0.0, None)).unwrap();
    assert!(
        r.services
            .iter()
            .all(|s| s.covered && s.cost_of_corruption.eth == 3.0)
    );
    assert_eq!(r.services[0].margin_eth, 1.0);
    assert!(!r.certificate.whitepaper_holds);
    assert_eq!(r.certificate.verdict, Verdict::NotCertified);
    assert!((r.certificate.gamma_star.unwrap() + 0.25).abs() < 1e-15); // 3/4 − 1
    assert_eq!(r.attack.verdict, SearchVerdict::AttackFound);
    let a = r.attack.attack.unwrap();
    assert_eq!(
        (a.services.as_slice(), a.validators.as_slice()),
        (&["x".to_owned(), "y".to_owned()][..], &["a".to_owned()][..])
    );
    assert_eq!((a.profit.eth, a.cost.eth, a.gain.eth), (4.0, 3.0, 1.0));
}

#[test]
fn the_search_rules_out_an_attack_at_the_exact_boundary() {
    // As above with π = 1.5: B = {a} gains 3 − 3 = 0, not > 0; B = {a, b} costs 6. Secure.
    // T_a = 1.5/3 · 2 = 1 exactly: the condition holds with no slack.
    let g = graph(
        &[("a", 3.0), ("b", 3.0)],
        &[("x", 1.5, 1, 2), ("y", 1.5, 1, 2)],
        &[("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")],
    );
    let r = analyze_graph(&g, &options(0.0, None)).unwrap();
    assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
    assert_eq!(r.attack.method, SearchMethod::Exact);
    assert_eq!(r.certificate.verdict, Verdict::NoSlack);
}

#[test]
fn one_third_is_exact() {
    // α = 1/3 on 3 × 1 ETH with π = 1: T = 1/(⅓·3) = 1 exactly (in f64, 1/0.333… ≠ 1), and
    // the cost of corruption is ⌈3/3⌉ = 1 ETH: π = 1 does not exceed it.
    let g = graph(
        &[("a", 1.0), ("b", 1.0), ("c", 1.0)],
        &[("x", 1.0, 1, 3)],
        &[("a", "x"), ("b", "x"), ("c", "x")],
    );
    let r = analyze_graph(&g, &options(0.0, None)).unwrap();
    assert_eq!(r.certificate.verdict, Verdict::NoSlack);
    assert_eq!(r.services[0].cost_of_corruption.wei, WAD.to_string());
    assert!(r.services[0].covered);
    assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
    // A micro-ether more profit and a single validator's attack pays: gain 1e12 wei.
    let mut g2 = g.clone();
    g2.services[0].profit_eth = 1.000001;
    let r = analyze_graph(&g2, &options(0.0, None)).unwrap();
    assert_eq!(r.attack.attack.unwrap().gain.wei, "1000000000000");
    // Over 2 ETH of stake, α = 1/3 needs ⌈2/3 ETH⌉ = 666…667 wei (rounded up).
    let g3 = graph(
        &[("a", 1.0), ("b", 1.0)],
        &[("x", 0.0, 1, 3)],
        &[("a", "x"), ("b", "x")],
    );
    let r = analyze_graph(&g3, &options(0.0, None)).unwrap();
    assert_eq!(r.services[0].cost_of_corruption.wei, "666666666666666667");
}

#[test]
fn an_unstaked_service_with_a_profit_is_attacked_for_free() {
    let g = graph(
        &[("a", 1.0)],
        &[("x", 0.5, 1, 2), ("z", 1.0, 1, 3)],
        &[("a", "x")],
    );
    let r = analyze_graph(&g, &options(0.0, None)).unwrap();
    assert_eq!(r.certificate.verdict, Verdict::NotCertified);
    assert!(!r.certificate.whitepaper_holds);
    assert_eq!(r.certificate.unstaked_services, ["z"]);
    let a = r.attack.attack.unwrap();
    assert_eq!(
        (a.services, a.validators, a.cost.eth),
        (vec!["z".to_owned()], vec![], 0.0)
    );
}

#[test]
fn zero_stake_validators_are_dropped_and_inputs_are_checked() {
    let g = graph(
        &[("a", 1.0), ("zero", 0.0)],
        &[("x", 0.2, 1, 2)],
        &[("a", "x"), ("zero", "x")],
    );
    let r = analyze_graph(&g, &options(0.0, None)).unwrap();
    assert_eq!(r.dropped_validators, ["zero"]);
    assert_eq!(r.validators.len(), 1);
    type Breaker = fn(&mut RestakingGraph);
    let cases: [(Breaker, &str); 6] = [
        (
            |g| g.services[0].threshold = Threshold::new(0, 3),
            "graph.services[0].threshold.numerator",
        ),
        (
            |g| g.services[0].threshold = Threshold::new(4, 3),
            "graph.services[0].threshold.numerator",
        ),
        (
            |g| g.services[0].threshold = Threshold::new(1, 0),
            "graph.services[0].threshold.denominator",
        ),
        (
            |g| g.validators[0].stake_eth = f64::NAN,
            "graph.validators[0].stakeEth",
        ),
        (
            |g| g.services[0].profit_eth = -1.0,
            "graph.services[0].profitEth",
        ),
        (|g| g.edges[0].1 = "nope".into(), "graph.edges[0][1]"),
    ];
    for (break_it, field) in cases {
        let mut g2 = g.clone();
        break_it(&mut g2);
        assert_eq!(
            analyze_graph(&g2, &options(0.0, None)).unwrap_err().field(),
            field
        );
    }
    assert_eq!(
        analyze_graph(&g, &options(1.5, None)).unwrap_err().field(),
        "analysis.shockFraction"
    );
    assert_eq!(
        analyze_graph(&g, &options(0.1, Some(&["ghost"])))
            .unwrap_err()
            .field(),
        "analysis.shocked[0]"
    );
}

#[test]
fn the_exact_search_refuses_a_component_above_its_limit_and_auto_falls_back() {
    // 21 validators of 1 ETH on one service (α = 1/2, π = 12): 11 of them (11 ETH) corrupt it.
    let names: Vec<String> = (0..21).map(|i| format!("v{i}")).collect();
    let vs: Vec<(&str, f64)> = names.iter().map(|n| (n.as_str(), 1.0)).collect();
    let es: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "x")).collect();
    let g = graph(&vs, &[("x", 12.0, 1, 2)], &es);
    let e = analyze_graph(&g, &options(0.0, None)).unwrap_err();
    assert_eq!(e.field(), "graph.validators");
    let r = analyze_graph(
        &g,
        &AnalysisOptions {
            shock_fraction: 0.0,
            ..AnalysisOptions::default()
        },
    )
    .unwrap();
    assert_eq!(r.attack.method, SearchMethod::Heuristic);
    assert_eq!(r.attack.verdict, SearchVerdict::AttackFound);
    let a = r.attack.attack.unwrap();
    // ⌈21/2⌉ = 10.5 ETH needed: 11 validators, gain 12 − 11 = 1.
    assert_eq!((a.validators.len(), a.gain.eth), (11, 1.0));
    assert!(r.notes.iter().any(|n| n.contains("heuristic")));
    // One component of 21: 3^21 · 2 pairs is past the worst case's work, so R_ψ is a bound.
    assert!(!r.worst_case.exact);
    assert!(
        r.worst_case.note.starts_with("A lower bound on R_ψ"),
        "{}",
        r.worst_case.note
    );
}

/// R_ψ exactly on 15 validators, past the 12 one enumeration of the whole graph could take
/// (3^15 · 3 ≈ 4.3e7 pairs), because it splits into components of 7, 7 and 1 (2 · 3^7 · 2 + 3
/// pairs). Two services `x` and `y` (π = 50 ETH, α = 1/2) on seven 10-ETH validators each, and
/// a 5-ETH validator `z` on nothing; σ_V = 145 ETH, ψ = 10%: shocks of at most 14.5 ETH.
///
/// By hand: a shock of one validator of `x` leaves it 60 ETH, so ⌈30⌉ ETH (3 validators)
/// corrupt it; `y` needs ⌈35⌉ (4). Corrupting both pays `100 > σ_B` for `B` of up to 9
/// validators (90 ETH), and the surplus 100 − 90 = 10 ETH still carries `z` (5 ETH), whose
/// stake gains nothing on its own: R_ψ · σ_V = 10 + 90 + 5 = 105 ETH, 105/145 = 72.41%.
/// Shocking `z` instead loses 5 + 90 (no validator of `x` out, 4 + 4 … 9 of 14) = 95, and no
/// attack on one service alone loses more than 10 + 40 (its 50 ETH buys at most 4 validators).
#[test]
fn the_worst_case_is_exact_over_components_and_carries_unprofitable_stake() {
    let xs: Vec<String> = (0..7).map(|i| format!("x{i}")).collect();
    let ys: Vec<String> = (0..7).map(|i| format!("y{i}")).collect();
    let mut vs: Vec<(&str, f64)> = xs.iter().chain(&ys).map(|n| (n.as_str(), 10.0)).collect();
    vs.push(("z", 5.0));
    let es: Vec<(&str, &str)> = xs
        .iter()
        .map(|n| (n.as_str(), "x"))
        .chain(ys.iter().map(|n| (n.as_str(), "y")))
        .collect();
    let g = graph(&vs, &[("x", 50.0, 1, 2), ("y", 50.0, 1, 2)], &es);
    let r = analyze_graph(&g, &options(0.10, None)).unwrap();
    let w = &r.worst_case;
    assert!(w.exact, "{}", w.note);
    assert_eq!(w.loss.eth, 105.0);
    assert!((w.loss_share - 105.0 / 145.0).abs() < 1e-15);
    assert_eq!(w.shocked.len(), 1);
    assert_eq!(w.coalition.len(), 10);
    assert!(w.coalition.iter().any(|v| v == "z"));
    assert_eq!(w.services, ["x", "y"]);
}

#[test]
fn the_demo_scenario_by_hand() {
    // Operator stakes (ETH): A 20,000 + 50% of 100,000 = 70,000; B 10,000 + 30,000 + 24,000 =
    // 64,000; C 5,000 + 24,000 + 500 queued + 20,000 = 49,500; D 16,000.
    // Unique stake, oracle: A 20% of 70,000 = 14,000 + B 30% of 64,000 = 19,200 → 33,200.
    // α = 1/3: cost ⌈33,200/3⌉ = 11,066.67 ETH; T = 4,000/11,066.67 = 0.3614 (the largest),
    // γ* = 33,200/12,000 − 1 = 1.7667; bound at ψ = 5%: 0.05/(1 − 0.3614) = 0.0783.
    let d = demo::demo().unwrap();
    let r = security_analysis(&d.network, &d.params).unwrap();
    assert_eq!(r.total_stake.eth, 145_600.0);
    let oracle = r.services.iter().find(|s| s.id == "oracle").unwrap();
    assert_eq!(oracle.stake.eth, 33_200.0);
    assert_eq!(oracle.cost_of_corruption.wei, "11066666666666666666667");
    assert_eq!(r.certificate.verdict, Verdict::Certified);
    assert!((r.certificate.gamma_star.unwrap() - (33_200.0 / 12_000.0 - 1.0)).abs() < 1e-12);
    assert!((r.certificate.loss_bound.unwrap() - 0.05 * 33_200.0 / 21_200.0).abs() < 1e-12);
    assert_eq!(r.attack.verdict, SearchVerdict::ProvedSecure);
    // 5% of 145,600 = 7,280 ETH takes the smallest allocation, D → DA (3,200; the next, 9,600,
    // does not fit). DA keeps 47,200 ETH, needs 23,600 for π = 5,000: no cascade.
    assert_eq!(r.cascade.shocked, ["op-d/da"]);
    assert!(r.cascade.steps.is_empty());
    assert!((r.cascade.lost_share - 3_200.0 / 145_600.0).abs() < 1e-15);
    // R_ψ is that shock too: each AVS's cheapest corrupting set costs more than all four
    // profits together (17,000 ETH), so no attack follows any shock.
    assert!(r.worst_case.exact);
    assert_eq!(r.worst_case.loss.eth, 3_200.0);
    assert_eq!(r.worst_case.shocked, ["op-d/da"]);
    assert!(r.worst_case.coalition.is_empty());
    let bound = r.cascade.bound.unwrap();
    assert!((bound - 3_200.0 / 145_600.0 * 33_200.0 / 21_200.0).abs() < 1e-12);
    // Raise the bridge's π to 40,000: B → bridge (12,800) and C → bridge (24,750) together pass
    // ⌈⅔ · 37,550⌉ = 25,033.33 (neither alone does) at a cost of 37,550: gain 2,450 ETH.
    let mut p = d.params.clone();
    p.services[2].profit_eth = 40_000.0;
    let r = security_analysis(&d.network, &p).unwrap();
    assert_eq!(r.certificate.verdict, Verdict::NotCertified);
    let a = r.attack.attack.unwrap();
    assert_eq!(a.validators, ["op-b/bridge", "op-c/bridge"]);
    assert_eq!(a.gain.eth, 2_450.0);
    // R_ψ: the shock D → DA, then that attack (its 2,450 surplus carries no other validator,
    // the smallest left being 9,600): 3,200 + 37,550 = 40,750 ETH.
    assert_eq!(r.worst_case.loss.eth, 40_750.0);
    assert_eq!(r.worst_case.coalition, ["op-b/bridge", "op-c/bridge"]);
    // At α = 1/3 for the bridge (⌈37,550/3⌉ = 12,516.67): the largest coalition whose AVSs'
    // profits exceed its stake is C → bridge (24,750) with B → oracle (19,200 ≥ 11,066.67):
    // 43,950 < 40,000 + 4,000, the oracle's part (4,000 against 19,200) carried by the bridge's
    // surplus. Three AVSs cost at least 12,800 + 14,000 + 14,850 = 41,650 against 46,000 with
    // nothing under 4,350 left to add; all four at least 69,650 against 51,000. So
    // 3,200 + 43,950 = 47,150 ETH.
    let mut third = p.clone();
    third.services[2].threshold = Threshold::new(1, 3);
    let w = security_analysis(&d.network, &third).unwrap().worst_case;
    assert!(w.exact);
    assert_eq!(w.loss.eth, 47_150.0);
    assert_eq!(w.shocked, ["op-d/da"]);
    assert_eq!(w.coalition, ["op-b/oracle", "op-c/bridge"]);
    assert_eq!(w.services, ["oracle", "bridge"]);
    // With no shock (ψ = 0) D → DA can join instead: B → bridge (12,800), A → oracle (14,000)
    // and C → coprocessor (14,850 ≥ ⌈24,450/2⌉) cost 41,650 against 46,000, and the 4,350 left
    // carries D → DA (3,200): 44,850 ETH. (C → bridge with B → oracle stays at 43,950, the DA
    // needs A → DA's 28,000, and the bridge with DA tops out at 44,000.)
    third.analysis.shock_fraction = 0.0;
    let w = security_analysis(&d.network, &third).unwrap().worst_case;
    assert!(w.exact);
    assert_eq!(w.loss.eth, 44_850.0);
    assert!(w.shocked.is_empty());
    assert_eq!(
        w.coalition,
        ["op-a/oracle", "op-b/bridge", "op-c/coprocessor", "op-d/da"]
    );
    assert_eq!(w.services, ["oracle", "bridge", "coprocessor"]);
    // Shared stake: the whole 199,500 ETH counts; B carries the most load, 0.2355.
    p.mode = StakeMode::SharedStake;
    p.services[2].profit_eth = 6_000.0;
    let r = security_analysis(&d.network, &p).unwrap();
    assert_eq!(r.total_stake.eth, 199_500.0);
    assert_eq!(r.certificate.binding_validator.as_deref(), Some("op-b"));
    let b = r.validators.iter().find(|v| v.id == "op-b").unwrap();
    let t = 5_000.0 / 75_000.0 + 12_000.0 / 134_000.0 + 9_000.0 / 113_500.0;
    assert!((b.load - t).abs() < 1e-12, "{} vs {t}", b.load);
}

#[test]
fn scenario_params_errors_name_their_field() {
    let d = demo::demo().unwrap();
    let mut p = d.params.clone();
    p.services.pop();
    assert_eq!(
        security_analysis(&d.network, &p).unwrap_err().field(),
        "params.services"
    );
    let mut p = d.params.clone();
    p.services[1].avs = "da".into();
    assert_eq!(
        security_analysis(&d.network, &p).unwrap_err().field(),
        "params.services[1].avs"
    );
    let mut p = d.params.clone();
    p.services[3].threshold.numerator = 9;
    assert_eq!(
        security_analysis(&d.network, &p).unwrap_err().field(),
        "params.services[3].threshold.numerator"
    );
    // Shocking an operator shocks every allocation of it (unique stake).
    let mut p = d.params.clone();
    p.analysis.shocked = Some(vec!["op-a".into()]);
    let r = security_analysis(&d.network, &p).unwrap();
    assert_eq!(r.cascade.shocked, ["op-a/da", "op-a/oracle"]);
    assert_eq!(r.cascade.shock.eth, 42_000.0);
}
