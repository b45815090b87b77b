//! The matrix's figures, checked by hand against the engines and the sources.

use super::tail_risk::protocol_risk_input;
use super::*;
use crate::presets::protocols;
use crate::risk::{RiskOptions, SeedInput, simulate_risk};

#[test]
fn matrix_of_presets() {
    let no_queue = ExitQueue {
        queued_eth: 0.0,
        total_staked_eth: 36_000_000.0,
    };
    let m = comparison_matrix(&protocols().unwrap(), &no_queue, None).unwrap();
    assert_eq!(m.protocols.len(), 7);
    assert_eq!(m.qualitative.len(), 4);
    assert_eq!(
        m.qualitative[3].cells[2].as_ref().unwrap().value,
        "Recovering from April 2026 bridge exploit"
    );
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    let values = |id: &str| row(id).cells.iter().map(|c| c.value).collect::<Vec<_>>();
    // 7 + 14, 3 + 14, 8 + 14 days with an empty queue; 0 + 14 for the three LRTs without a
    // published delay; the LST skips EigenLayer's escrow.
    assert_eq!(
        values("timeToExit"),
        [
            Some(21.0),
            Some(17.0),
            Some(22.0),
            Some(14.0),
            Some(14.0),
            Some(14.0),
            Some(0.0)
        ]
    );
    // No source describes Puffer's primary focus: the cell is empty, not invented.
    assert!(m.qualitative[2].cells[3].is_none());
    assert_eq!(values("bridgeMintLimit")[..3], [None, Some(2000.0), None]);
    assert_eq!(values("chains")[..3], [Some(18.0), Some(3.0), Some(13.0)]);
    // Kelp's fee is an assumption, and so is anything derived from it.
    assert!(row("feeOnRewards").cells[2].basis.rests_on_assumption());
    // The queue length is the user's input, so the exit time is labelled as resting on it.
    assert!(row("timeToExit").cells[0].basis.rests_on_assumption());
    assert!(!row("withdrawalDelay").cells[2].basis.rests_on_assumption());
    // 115,200 ETH ahead at 57,600 ETH/day adds 2 days.
    let queue = ExitQueue {
        queued_eth: 115_200.0,
        total_staked_eth: 36_000_000.0,
    };
    let m = comparison_matrix(&protocols().unwrap(), &queue, None).unwrap();
    let t = m
        .quantitative
        .iter()
        .find(|r| r.id == "timeToExit")
        .unwrap();
    assert_eq!(t.cells[1].value, Some(19.0));
    let bad = ExitQueue {
        queued_eth: -1.0,
        total_staked_eth: 36_000_000.0,
    };
    assert_eq!(
        comparison_matrix(&[], &bad, None).unwrap_err().field(),
        "exitQueue.queuedEth"
    );
}

#[test]
fn yield_rows_come_from_the_yield_engine() {
    let ps = protocols().unwrap();
    let m = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    // wstETH (last column): CL = 64 · 1e9 · 82,181.25 / √(36e6 · 1e9) / 1e9 = 2.77205%,
    // EL 0.54%, Lido fee 10% ⇒ APR 0.9 × 3.31205% = 2.98085%; daily compounding
    // (1 + 0.0298085/365)^365 − 1 = 3.02559%. No AVS: no expected loss.
    let lst = 6;
    assert!((row("netApy").cells[lst].value.unwrap() - 0.030_255_94).abs() < 1e-8);
    assert_eq!(row("expectedLoss").cells[lst].value, Some(0.0));
    assert_eq!(
        row("riskAdjustedApy").cells[lst].value,
        row("netApy").cells[lst].value
    );
    // LRTs: risk-adjusted = net − expected loss, and the illustrative AVS streams make every
    // such cell rest on an assumption.
    // The expected loss rests on those streams alone: `not sourced`, kept as illustrative.
    for i in 0..6 {
        let net = row("netApy").cells[i].value.unwrap();
        assert_eq!(row("expectedLoss").cells[i].value, None);
        let loss = row("expectedLoss").cells[i].illustrative.unwrap();
        let adjusted = row("riskAdjustedApy").cells[i].value.unwrap();
        assert!(loss > 0.0 && (net - loss - adjusted).abs() < 1e-15);
        assert!(row("netApy").cells[i].basis.rests_on_assumption());
    }
    // Same streams, same fee (10%) and ether.fi's 5% idle buffer: ether.fi earns less than Renzo.
    assert!(row("netApy").cells[0].value < row("netApy").cells[1].value);
    // Without any LST among the columns, the preset wstETH is the baseline.
    let m2 = comparison_matrix(&ps[..1], &crate::presets::default_exit_queue(), None).unwrap();
    assert_eq!(
        m2.quantitative[0].cells[0].value,
        row("netApy").cells[0].value
    );
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap();
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
}

#[test]
fn leverage_bridge_and_avs_rows() {
    let m = comparison_matrix(
        &protocols().unwrap(),
        &crate::presets::default_exit_queue(),
        None,
    )
    .unwrap();
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    // ether.fi → Aave v3 E-mode (LTV 0.93, θ 0.95): λmax = 1/0.07 = 14.2857;
    // liquidation at (λ − 1)/(λθ) = 0.93/0.95 = 0.978947 of today's price.
    close(row("maxLeverage").cells[0].value, 1.0 / 0.07);
    close(row("liquidationPrice").cells[0].value, 0.93 / 0.95);
    // Renzo → Morpho ezETH/WETH LLTV 0.86 (LTV = LLTV): λmax = 1/0.14 = 7.142857, and a
    // position at it is liquidatable at today's price (0.86/0.86 = 1).
    close(row("maxLeverage").cells[1].value, 1.0 / 0.14);
    close(row("liquidationPrice").cells[1].value, 1.0);
    // Kelp → Aave v3 rsETH/wstETH E-mode (LTV 0.93, θ 0.95): as ether.fi's E-mode.
    close(row("maxLeverage").cells[2].value, 1.0 / 0.07);
    close(row("liquidationPrice").cells[2].value, 0.93 / 0.95);
    // The rest: no sourced market preset, not an invented one.
    for i in 3..7 {
        assert_eq!(row("maxLeverage").cells[i].value, None);
        assert_eq!(
            row("maxLeverage").cells[i].missing.as_deref(),
            Some("no sourced market")
        );
    }
    // Kelp (rsETH) has the 2026-04-18 preset: 116,500 bridged of 116,500/0.18 ⇒ 18%;
    // socialised drain X/(S + X) = 0.18/1.18 = 0.152542 of every holder's value.
    close(row("bridgedShare").cells[2].value, 0.18);
    close(row("bridgeExploitLoss").cells[2].value, 0.18 / 1.18);
    assert_eq!(
        row("bridgedShare").cells[0].missing.as_deref(),
        Some("not modelled")
    );
    // AVS count: the yield preset's three illustrative AVSs are no protocol's count (not
    // sourced, kept as illustrative); none for wstETH, which restakes nothing.
    assert_eq!(row("avsCount").cells[0].value, None);
    assert_eq!(row("avsCount").cells[0].illustrative, Some(3.0));
    assert!(row("avsCount").cells[0].basis.rests_on_assumption());
    assert_eq!(row("avsCount").cells[6].value, Some(0.0));
    // Concentration is not sourced for any preset.
    for id in ["operatorHhi", "nakamoto"] {
        assert!(
            row(id)
                .cells
                .iter()
                .all(|c| c.value.is_none() && c.missing.as_deref() == Some("not sourced"))
        );
    }
    // Every present value has no `missing` label and every missing one has one.
    for r in &m.quantitative {
        for c in &r.cells {
            assert_eq!(c.value.is_none(), c.missing.is_some(), "{}", r.id);
            c.basis.validate(&r.id).unwrap();
        }
    }
}

#[test]
fn var_es_rows_from_the_risk_engine() {
    let ps = protocols().unwrap();
    let m = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    // wstETH: no AVS, so only a beacon incident (0.2%/yr) or the common shock
    // (1%/yr × 30% hit) can slash: P(loss) ≈ 0.2% + 0.3% = 0.5% < 1%, so the 201st worst
    // of 20,000 paths loses nothing: VaR99 = 0, and ES99 > 0 (the worst 200 include the
    // ≈100 lossy paths).
    // Every input of these runs is an assumption: the cells say `not sourced` and keep the
    // engine's figures as illustrative.
    let figure = |id: &str, i: usize| {
        let c = &row(id).cells[i];
        assert_eq!((c.value, c.missing.as_deref()), (None, Some("not sourced")));
        c.illustrative
    };
    assert_eq!(figure("var99", 6), Some(0.0));
    let es_lst = figure("es99", 6).unwrap();
    assert!(es_lst > 0.0 && es_lst < 0.01);
    // An LRT adds three AVSs (bug rates 1%, 0.5%, 3%) and three operator sets (0.2% each):
    // P(loss) ≈ 5.6% > 1% ⇒ VaR99 > 0; VaR ≤ ES ≤ 1.
    for i in 0..6 {
        let var = figure("var99", i).unwrap();
        let es = figure("es99", i).unwrap();
        assert!(0.0 < var && var <= es && es <= 1.0, "{var} {es}");
        assert!(row("var99").cells[i].basis.rests_on_assumption());
    }
    // Same as running the engine directly on the illustrative scenario (fixed seed).
    let (s, o) = protocol_risk_input(&ps[0], &ps[6]);
    assert_eq!(o.paths, 20_000.0);
    let r = simulate_risk(&s, &o).unwrap().position.unwrap();
    assert_eq!(figure("var99", 0), Some(r.loss.var99));
    assert_eq!(figure("es99", 0), Some(r.loss.es99));
    // A fixed seed: the matrix is the same every time.
    let again = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
    assert_eq!(again, m);
}

#[test]
fn scenario_column() {
    let ps = protocols().unwrap();
    let d = crate::slashing::demo::demo().unwrap();
    let q = crate::presets::default_exit_queue();
    let m = comparison_matrix(&ps, &q, Some(&d.network)).unwrap();
    assert_eq!(m.protocols.len(), 8);
    let col = &m.protocols[7];
    assert!(col.custom && col.id == SCENARIO_COLUMN_ID);
    assert_eq!(col.token, "weETH + ezETH + rsETH");
    assert!(
        m.qualitative
            .iter()
            .all(|r| r.cells.len() == 8 && r.cells[7].is_none())
    );
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    let mine = |id: &str| row(id).cells[7].clone();
    // Operator stakes of the demo: A 50,000 + 20,000 = 70,000; B 30,000 + 24,000 + 10,000 =
    // 64,000; C 24,000 + 20,000 + 5,000 = 49,000; D 16,000. Total 199,000.
    // HHI = (70² + 64² + 49² + 16²)/199² = 11,653/39,601 = 0.294260.
    close(mine("operatorHhi").value, 11_653.0 / 39_601.0);
    // A alone holds 70/199 = 0.352 > 1/3 ⇒ Nakamoto 1.
    assert_eq!(mine("nakamoto").value, Some(1.0));
    // The three held LRTs' operators reach all four AVSs.
    assert_eq!(mine("avsCount").value, Some(4.0));
    // 10 ETH in each of ether.fi, Renzo, Kelp: the net APY is the plain mean of theirs.
    let mean = (0..3)
        .map(|i| row("netApy").cells[i].value.unwrap())
        .sum::<f64>()
        / 3.0;
    close(mine("netApy").value, mean);
    // VaR/ES: the risk engine on the scenario with default options and seed 1, ÷ 30 ETH.
    let o = RiskOptions {
        seed: Some(SeedInput::Number(1.0)),
        ..RiskOptions::default()
    };
    let pos = simulate_risk(&d.network, &o).unwrap().position.unwrap();
    assert_eq!(pos.value_eth, 30.0);
    close(mine("var99").value, pos.loss.var99 / 30.0);
    close(mine("es99").value, pos.loss.es99 / 30.0);
    assert_eq!(
        mine("feeOnRewards").missing.as_deref(),
        Some("per protocol")
    );
    // Without positions: no VaR, no yield, the operators' concentration still.
    let mut empty = d.network.clone();
    empty.positions.clear();
    let m = comparison_matrix(&ps, &q, Some(&empty)).unwrap();
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        row("var99").cells[7].missing.as_deref(),
        Some("no position")
    );
    assert_eq!(
        row("netApy").cells[7].missing.as_deref(),
        Some("no position")
    );
    assert_eq!(row("avsCount").cells[7].value, Some(0.0));
    assert_eq!(m.protocols[7].token, "no position");
    // An invalid scenario is an error naming its field.
    let mut bad = d.network.clone();
    bad.delegations[0].weight = f64::NAN;
    assert_eq!(
        comparison_matrix(&ps, &q, Some(&bad)).unwrap_err().field(),
        "delegations[0].weight"
    );
}

#[test]
fn figures_once_then_any_exit_queue() {
    let ps = protocols().unwrap();
    let d = crate::slashing::demo::demo().unwrap();
    let figures = MatrixFigures::new(&ps, Some(&d.network)).unwrap();
    let q = |queued_eth: f64| ExitQueue {
        queued_eth,
        total_staked_eth: 36_000_000.0,
    };
    // The same matrix as the one-call form, for any queue.
    for queued in [0.0, 115_200.0, 1_000_000.0] {
        assert_eq!(
            figures.matrix(&q(queued)).unwrap(),
            comparison_matrix(&ps, &q(queued), Some(&d.network)).unwrap()
        );
    }
    // A longer queue moves the time-to-exit row only: 576,000 ETH at 57,600 ETH/day = 10 days.
    let a = figures.matrix(&q(0.0)).unwrap();
    let b = figures.matrix(&q(576_000.0)).unwrap();
    for (ra, rb) in a.quantitative.iter().zip(&b.quantitative) {
        if ra.id == "timeToExit" {
            for (ca, cb) in ra.cells.iter().zip(&rb.cells).take(ps.len()) {
                assert_eq!(cb.value.unwrap() - ca.value.unwrap(), 10.0);
            }
        } else {
            assert_eq!(ra, rb);
        }
    }
    assert_eq!(
        figures.matrix(&q(-1.0)).unwrap_err().field(),
        "exitQueue.queuedEth"
    );
}

/// Which cells of the preset matrix rest on labelled assumptions, and which are `not sourced`
/// (#20: a sourced figure is never marked, an illustrative figure identical across protocols
/// is not shown as a protocol's).
#[test]
fn cells_that_rest_on_assumptions() {
    let ps = protocols().unwrap();
    let m = comparison_matrix(&ps, &crate::presets::default_exit_queue(), None).unwrap();
    let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
    let marked = |id: &str| {
        row(id)
            .cells
            .iter()
            .map(|c| !c.assumptions.is_empty())
            .collect::<Vec<_>>()
    };
    let not_sourced = |id: &str| {
        row(id)
            .cells
            .iter()
            .map(|c| c.missing.as_deref() == Some("not sourced"))
            .collect::<Vec<_>>()
    };
    // Every cell: its marks are exactly the assumption notes its basis names, and a `not
    // sourced` cell rests on an assumption or on no figure at all.
    for r in &m.quantitative {
        for c in &r.cells {
            assert_eq!(c.assumptions, c.basis.assumption_notes(), "{}", r.id);
            assert_eq!(
                c.illustrative.is_some(),
                c.value.is_none()
                    && c.missing.as_deref() == Some("not sourced")
                    && c.basis.rests_on_assumption(),
                "{}",
                r.id
            );
        }
    }
    // Order: ether.fi, Renzo, Kelp DAO, Puffer, Swell, YieldNest, Lido.
    let (all, none) = ([true; 7], [false; 7]);
    // Lido's and ether.fi's fees are published; Kelp's fee is an assumption.
    assert_eq!(marked("feeOnRewards")[..2], [false, false]);
    assert!(!marked("feeOnRewards")[6]);
    assert!(marked("feeOnRewards")[2]);
    // The LRTs' expected loss, AVS count, and everyone's VaR/ES are not sourced; the LST's
    // expected loss and AVS count are 0 (it restakes nothing), marked only with the one
    // assumption of its profile (wstETH's backing is not described in our sources).
    let lrts = [true, true, true, true, true, true, false];
    assert_eq!(not_sourced("expectedLoss"), lrts);
    assert_eq!(not_sourced("avsCount"), lrts);
    for id in ["expectedLoss", "avsCount"] {
        let c = &row(id).cells[6];
        assert_eq!(c.value, Some(0.0));
        assert_eq!(c.assumptions.len(), 1, "{id}: {:?}", c.assumptions);
        assert!(c.assumptions[0].starts_with("wstETH's backing"));
    }
    assert_eq!(not_sourced("var99"), all);
    assert_eq!(not_sourced("es99"), all);
    // Five of six LRTs would show the same illustrative loss: (1 − 0) × Σ allocation × fault
    // probability × slash fraction = 0.4 × 0.01 × 0.1 + 0.3 × 0.005 × 0.05 + 0.2 × 0.03 × 0.25
    // = 0.001975; ether.fi's sourced 5% buffer gives 0.95 × 0.001975 = 0.00187625.
    let loss = |i: usize| row("expectedLoss").cells[i].illustrative.unwrap();
    assert!((loss(0) - 0.001_876_25).abs() < 1e-15, "{}", loss(0));
    for i in 1..6 {
        assert!((loss(i) - 0.001_975).abs() < 1e-15, "{}", loss(i));
    }
    // Net APY: a number (the fees differ), marked with the illustrative AVS streams it reads.
    assert_eq!(not_sourced("netApy"), none);
    assert!(
        row("netApy").cells[0]
            .assumptions
            .iter()
            .any(|n| n.starts_with("Illustrative AVS streams"))
    );
    // Max leverage rests on our pick of the main market (the market's figures are sourced).
    assert!(
        row("maxLeverage").cells[0]
            .assumptions
            .iter()
            .any(|n| n.contains("main market"))
    );
    // The protocol delay is sourced for the three of the article.
    assert_eq!(marked("withdrawalDelay")[..3], [false, false, false]);
    // Concentration: not published for any protocol; no illustrative figure behind it.
    assert_eq!(not_sourced("operatorHhi"), all);
    assert!(
        row("operatorHhi")
            .cells
            .iter()
            .all(|c| c.illustrative.is_none())
    );
}

/// The "Your scenario" column of a document is each page's own figure: the same function of the
/// same section, for the default document and for an edited one.
#[test]
fn scenario_column_is_the_pages_figures() {
    use crate::scenario::{PositionSection, default_document, position_answer};
    let ps = protocols().unwrap();
    let q = crate::presets::default_exit_queue();
    let mine = |d: &crate::scenario::Scenario, id: &str| {
        let m = MatrixFigures::for_scenario(&ps, d)
            .unwrap()
            .matrix(&q)
            .unwrap();
        assert!(m.protocols[7].custom);
        m.quantitative.iter().find(|r| r.id == id).unwrap().cells[7].clone()
    };
    let mut d = default_document().unwrap();
    d.risk.as_mut().unwrap().paths = 2_000.0;
    // The default document: the Yield page's ether.fi stack, the Risk page's run of the demo's
    // 30 ETH, the Leverage page's Morpho ezETH/WETH 0.77 market (1/0.23 = 4.35×).
    let y = d.yield_figures().unwrap().unwrap();
    let r = d.position_risk().unwrap();
    assert_eq!(mine(&d, "netApy").value, Some(y.net_apy));
    assert_eq!(mine(&d, "expectedLoss").value, Some(y.expected_loss));
    assert_eq!(mine(&d, "riskAdjustedApy").value, Some(y.risk_adjusted_apy));
    assert_eq!(r.value_eth, Some(30.0));
    assert_eq!(mine(&d, "var99").value, Some(r.var99_eth.unwrap() / 30.0));
    assert_eq!(mine(&d, "es99").value, Some(r.es99_eth.unwrap() / 30.0));
    close(mine(&d, "maxLeverage").value, 1.0 / 0.23);
    // Edited: 10 ETH of weETH on Aave v3 E-mode, a 7% idle buffer, 3,000 paths. The column is
    // the home page's answer (as a share of the 10 ETH) and the pages' figures.
    d.set_position(PositionSection {
        protocol: "etherfi".to_owned(),
        amount_eth: 10.0,
        horizon_years: 1.0,
        leverage_loop: None,
    })
    .unwrap();
    d.yield_stack.as_mut().unwrap().lrt.buffer_share = 0.07;
    d.risk.as_mut().unwrap().paths = 3_000.0;
    let a = position_answer(&d).unwrap();
    assert_eq!(mine(&d, "netApy").value, Some(a.net_apy));
    assert_eq!(mine(&d, "expectedLoss").value, Some(a.expected_loss));
    // (1 − 0.07) × 0.001975 = 0.00183675.
    assert!((a.expected_loss - 0.001_836_75).abs() < 1e-15);
    assert_eq!(mine(&d, "var99").value, Some(a.var99_eth.unwrap() / 10.0));
    assert_eq!(mine(&d, "es99").value, Some(a.es99_eth.unwrap() / 10.0));
    close(mine(&d, "maxLeverage").value, 1.0 / 0.07);
    assert_eq!(mine(&d, "maxLeverage").value, d.max_leverage().unwrap());
    // The protocol columns computed once: adding a document's column leaves their cells as
    // they were, and a second document's column replaces the first's (eight columns, not nine).
    let base = MatrixFigures::new(&ps, None).unwrap();
    let bare = base.matrix(&q).unwrap();
    let once = base.with_scenario(&default_document().unwrap()).unwrap();
    let twice = once.with_scenario(&d).unwrap();
    assert_eq!(twice, base.with_scenario(&d).unwrap());
    let m = twice.matrix(&q).unwrap();
    assert_eq!(m.protocols.len(), 8);
    for (row, plain) in m.quantitative.iter().zip(&bare.quantitative) {
        assert_eq!(row.cells[..7], plain.cells[..], "{}", row.id);
    }
    // Without a yield section the cells say so.
    d.yield_stack = None;
    assert_eq!(
        mine(&d, "netApy").missing.as_deref(),
        Some("no yield input")
    );
}
