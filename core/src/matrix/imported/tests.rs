//! The matrix on the local chain's imported network (the network-import round-trip fixture),
//! checked by hand.

use super::*;
use crate::chain::Head;
use crate::chain::network_import::{ImportPhase, Issue};
use crate::consensus::exit::ExitQueue;
use crate::matrix::comparison_matrix;
use crate::presets::protocols;

/// The network the stand-in contracts hold (core/tests/fixtures/network_import_local.json,
/// `expected`): renzo 1,000 ETH at 0x11… (weight 0.5) and 0x22… (0.25); kelp 2,000 ETH at 0x22…
/// and 0x33… (0.5 each); yieldnest 400 ETH at 0x33… and 0x44… (0.5 each).
fn fixture_network() -> Network {
    let text = include_str!("../../../tests/fixtures/network_import_local.json");
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(v["expected"].clone()).unwrap()
}

fn progress(protocol: &str, issues: Vec<Issue>) -> LrtProgress {
    LrtProgress {
        protocol: protocol.to_owned(),
        phase: ImportPhase::Done,
        done: 1.0,
        stakers_listed: 2,
        stakers_read: 2,
        operators: 2,
        complete: issues.iter().all(|i| !i.is_partial()),
        issues,
    }
}

fn import(lrts: Vec<LrtProgress>) -> NetworkImport {
    NetworkImport {
        head: Head {
            chain_id: 31337,
            block_number: 1234,
            // 2026-12-02T00:00:00Z
            block_timestamp: 1_796_169_600,
            block_hash: format!("0x{}", "ab".repeat(32)),
        },
        network: fixture_network(),
        bases: vec![],
        lrts,
        pending: vec![],
        assumptions: vec![],
        rounds: 6,
        calls: 40,
    }
}

fn preset_matrix() -> Matrix {
    let q = ExitQueue {
        queued_eth: 0.0,
        total_staked_eth: 36e6,
    };
    comparison_matrix(&protocols().unwrap(), &q, None).unwrap()
}

fn values(m: &Matrix, id: &str) -> Vec<Option<f64>> {
    m.quantitative
        .iter()
        .find(|r| r.id == id)
        .unwrap()
        .cells
        .iter()
        .map(|c| c.value)
        .collect()
}

#[test]
fn per_protocol_rows_on_the_imported_network() {
    let before = preset_matrix();
    let all = import(vec![
        progress("renzo", vec![]),
        progress("kelp", vec![]),
        progress("yieldnest", vec![]),
    ]);
    let m = with_network_import(before.clone(), &all).unwrap();
    // Columns: etherfi, renzo, kelp, puffer, swell, yieldnest, wsteth.
    // renzo: 500 and 250 ETH → HHI (2/3)² + (1/3)² = 5/9; 0x11… alone holds over 1/3.
    // kelp: 1,000 and 1,000 → 1/2, Nakamoto 1; yieldnest: 200 and 200 → 1/2, 1.
    let hhi = values(&m, "operatorHhi");
    assert!((hhi[1].unwrap() - 5.0 / 9.0).abs() < 1e-15);
    assert_eq!([hhi[2], hhi[5]], [Some(0.5), Some(0.5)]);
    assert_eq!(
        values(&m, "nakamoto"),
        [None, Some(1.0), Some(1.0), None, None, Some(1.0), None]
    );
    // renzo: 0x11… → dada-0, 0c0c-0; 0x22… → dada-0, b0b0-2: 3 sets. kelp: 0x22… → dada-0,
    // b0b0-2; 0x33… → dada-1: 3. yieldnest: 0x33… → dada-1; 0x44… → 0c0c-0: 2.
    let avs = values(&m, "avsCount");
    assert_eq!([avs[1], avs[2], avs[5]], [Some(3.0), Some(3.0), Some(2.0)]);
    assert_eq!(
        values(&m, NETWORK_BLOCK_ROW),
        [
            None,
            Some(1234.0),
            Some(1234.0),
            None,
            None,
            Some(1234.0),
            None
        ]
    );
    let block = &m.quantitative.last().unwrap().cells[1];
    assert!(matches!(&block.basis, Basis::Source { date, .. } if date == "2026-12-02"));
    assert!(block.assumptions.is_empty());
    // The columns the import did not read keep every cell.
    for (row_before, row_after) in before.quantitative.iter().zip(&m.quantitative) {
        for col in [0, 3, 4, 6] {
            assert_eq!(
                row_before.cells[col], row_after.cells[col],
                "{}",
                row_before.id
            );
        }
    }
    // The VaR and ES are the risk engine's on the protocol's part holding 1 ETH, and differ
    // where the networks differ.
    let var = values(&m, "var99");
    let es = values(&m, "es99");
    for col in [1, 2, 5] {
        let (v, e) = (var[col].unwrap(), es[col].unwrap());
        assert!((0.0..=1.0).contains(&v) && v <= e && e <= 1.0, "{v} {e}");
        assert!(e > 0.0, "a network with allocations has a tail: {e}");
    }
    let mut renzo = all.network_of("renzo").unwrap();
    renzo.positions = vec![Position {
        protocol: "renzo".to_owned(),
        amount_eth: 1.0,
    }];
    let options = RiskOptions {
        paths: MATRIX_RISK_PATHS as f64,
        seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
        ..RiskOptions::default()
    };
    let direct = position_var_es(&renzo, &options).unwrap().unwrap();
    assert_eq!((var[1], es[1]), (Some(direct.0), Some(direct.1)));
    assert_ne!(es[1], es[5]);
    // The figures rest on the chain and on the risk engine's labelled probabilities.
    let cell = &m
        .quantitative
        .iter()
        .find(|r| r.id == "es99")
        .unwrap()
        .cells[1];
    assert!(!cell.assumptions.is_empty());
    assert_eq!(cell.missing, None);
}

#[test]
fn a_partial_import_says_so_and_a_protocol_not_read_keeps_its_presets() {
    let before = preset_matrix();
    let cut = Issue::Truncated {
        field: "renzo.operatorDelegators".to_owned(),
        found: 40,
        kept: 8,
    };
    let mut only_renzo = import(vec![progress("renzo", vec![cut])]);
    only_renzo
        .network
        .restaking
        .retain(|r| r.protocol == "renzo");
    only_renzo
        .network
        .delegations
        .retain(|d| d.protocol == "renzo");
    let m = with_network_import(before.clone(), &only_renzo).unwrap();
    let hhi = &m
        .quantitative
        .iter()
        .find(|r| r.id == "operatorHhi")
        .unwrap();
    let Basis::Derived { formula, .. } = &hhi.cells[1].basis else {
        panic!("{:?}", hhi.cells[1].basis)
    };
    assert!(
        formula.contains("partial import") && formula.contains("cut at 8 of 40"),
        "{formula}"
    );
    let block = m.quantitative.last().unwrap();
    assert_eq!(block.cells[2].missing.as_deref(), Some("not imported"));
    let kelp_before = &before.quantitative.iter().find(|r| r.id == "es99").unwrap();
    let kelp_after = &m.quantitative.iter().find(|r| r.id == "es99").unwrap();
    assert_eq!(kelp_before.cells[2], kelp_after.cells[2]);
}

#[test]
fn an_invalid_imported_network_is_refused_by_path() {
    let mut bad = import(vec![progress("renzo", vec![])]);
    bad.network.delegations[0].weight = f64::NAN;
    let e = with_network_import(preset_matrix(), &bad).unwrap_err();
    assert_eq!(e.field(), "delegations[0].weight");
}

#[test]
fn a_run_over_its_share_of_the_budget_is_not_run_and_says_why() {
    let all = import(vec![progress("renzo", vec![]), progress("kelp", vec![])]);
    // A budget of 2 work units in all: 1 each, far below one 20,000-path run.
    let m = ImportedFigures::new(&all, 2.0)
        .unwrap()
        .apply(preset_matrix());
    let es = &m
        .quantitative
        .iter()
        .find(|r| r.id == "es99")
        .unwrap()
        .cells[1];
    assert_eq!(es.missing.as_deref(), Some("not computed here"));
    let Basis::Derived { formula, .. } = &es.basis else {
        panic!("{:?}", es.basis)
    };
    assert!(
        formula.contains("over this view's share of 1.00e0"),
        "{formula}"
    );
    // The operator rows need no run: still computed.
    assert_eq!(values(&m, "avsCount")[2], Some(3.0));
    // Unbounded, the same import runs them.
    let unbounded = ImportedFigures::new(&all, f64::INFINITY)
        .unwrap()
        .apply(preset_matrix());
    assert!(values(&unbounded, "es99")[1].is_some());
}
