//! The VaR99 and ES99 rows: the Monte Carlo engine [`crate::risk`] on an illustrative
//! one-operator network of each protocol (or on the user's network for the custom column).

use super::cell::{CellPair, MatrixCell};
use super::yields::avs_streams;
use super::{MATRIX_RISK_PATHS, MATRIX_RISK_RESTAKED_ETH, MATRIX_RISK_SEED};
use crate::Error;
use crate::network::{Allocation, Avs, Delegation, Network, Operator, Position, Restaking};
use crate::protocol::Protocol;
use crate::risk::{AvsRisk, RiskOptions, SeedInput, simulate_risk};
use crate::source::Basis;

/// What the illustrative one-protocol network assumes.
fn risk_assumption() -> Basis {
    Basis::Assumption {
        note: format!(
            "one illustrative operator holds all the protocol's restaked ETH ({MATRIX_RISK_RESTAKED_ETH} ETH, all native), allocating to the yield preset's illustrative AVSs with their allocations as magnitudes and their fault probabilities as AVS-bug rates; default risk probabilities otherwise; {MATRIX_RISK_PATHS} paths, seed {MATRIX_RISK_SEED}, one year. Node-operator counts are not published by any protocol in core/data/protocols.json (their docs, contracts and governance posts)"
        ),
    }
}

/// The illustrative one-protocol network of `p`: one operator with all its restaked ETH
/// (native), allocating to the yield preset's AVS streams (magnitude = allocation), and the
/// user holding 1 ETH of the token. Options: default probabilities with each AVS's bug rate set
/// to the stream's fault probability (per year), [`MATRIX_RISK_PATHS`] paths, seed
/// [`MATRIX_RISK_SEED`].
pub(super) fn protocol_risk_input(p: &Protocol, lst: &Protocol) -> (Network, RiskOptions) {
    let (streams, _) = avs_streams(p, lst);
    let avs_id = |i: usize| format!("avs-{}", i + 1);
    let network = Network {
        protocols: vec![p.clone()],
        operators: vec![Operator {
            id: "operator".to_owned(),
            name: "Illustrative operator".to_owned(),
            other_delegated_eth: 0.0,
            other_native_share: 0.0,
        }],
        avss: streams
            .iter()
            .enumerate()
            .map(|(i, s)| Avs {
                id: avs_id(i),
                name: s.name.clone(),
            })
            .collect(),
        delegations: vec![Delegation {
            protocol: p.id.clone(),
            operator: "operator".to_owned(),
            weight: 1.0,
            queued_withdrawal_eth: 0.0,
        }],
        allocations: streams
            .iter()
            .enumerate()
            .map(|(i, s)| Allocation {
                operator: "operator".to_owned(),
                avs: avs_id(i),
                magnitude: s.allocation,
                network_limit: None,
            })
            .collect(),
        positions: vec![Position {
            protocol: p.id.clone(),
            amount_eth: 1.0,
        }],
        restaking: vec![Restaking {
            protocol: p.id.clone(),
            restaked_eth: MATRIX_RISK_RESTAKED_ETH,
            native_share: 1.0,
            exchange_rate_eth: None,
        }],
    };
    let mut options = RiskOptions {
        paths: MATRIX_RISK_PATHS as f64,
        seed: Some(SeedInput::Number(MATRIX_RISK_SEED as f64)),
        ..RiskOptions::default()
    };
    options.probabilities.avss = streams
        .iter()
        .enumerate()
        .map(|(i, s)| AvsRisk {
            avs: avs_id(i),
            bug_per_year: s.fault_probability,
        })
        .collect();
    (network, options)
}

/// VaR99 and ES99 of the network's positions over one year, as fractions of their value
/// (`loss quantile ÷ value_eth`); `None` when it holds no position.
pub(super) fn position_var_es(
    network: &Network,
    options: &RiskOptions,
) -> Result<Option<(f64, f64)>, Error> {
    let r = simulate_risk(network, options)?;
    Ok(r.position.and_then(|pos| {
        (pos.value_eth > 0.0).then(|| {
            (
                pos.loss.var99 / pos.value_eth,
                pos.loss.es99 / pos.value_eth,
            )
        })
    }))
}

/// The VaR99 and ES99 cells of a risk run's `result`, with `formula` and `inputs` as the basis.
pub(super) fn var_es_cells(
    result: Result<Option<(f64, f64)>, Error>,
    formula: &str,
    inputs: Vec<Basis>,
) -> CellPair {
    match result {
        Ok(Some((var, es))) => {
            let cell = |v: f64, level: &str| {
                MatrixCell::known(
                    v,
                    Basis::Derived {
                        formula: format!("{level} {formula}"),
                        inputs: inputs.clone(),
                    },
                )
            };
            (cell(var, "VaR99:"), cell(es, "ES99:"))
        }
        Ok(None) => {
            let c = || MatrixCell::absent("no position", "no position in a restaked token", vec![]);
            (c(), c())
        }
        Err(e) => {
            let c = || {
                MatrixCell::absent(
                    "not computed",
                    &format!("the risk engine rejected the scenario: {e}"),
                    vec![],
                )
            };
            (c(), c())
        }
    }
}

/// VaR99 and ES99 of 1 ETH of `p` in its illustrative network ([`protocol_risk_input`]) over
/// one year, as fractions of the position, as `not sourced` cells that keep the figures as
/// illustrative (every input is an assumption); `lst` is the LST baseline of the AVS presets.
pub(super) fn protocol_var_es(p: &Protocol, lst: Option<&Protocol>) -> CellPair {
    let Some(lst) = lst else {
        let c = || {
            MatrixCell::absent(
                "not computed",
                "no LST baseline for the AVS presets",
                vec![],
            )
        };
        return (c(), c());
    };
    let (network, options) = protocol_risk_input(p, lst);
    let (_, avs_basis) = avs_streams(p, lst);
    let why = "no source gives this protocol's operators, their AVSs or their fault rates: the figure would come from an illustrative one-operator network and the default (assumed) risk probabilities, not from the protocol";
    let (var, es) = var_es_cells(
        position_var_es(&network, &options),
        &format!(
            "computed by the Monte Carlo risk engine: one-year loss of 1 ETH of {} in an illustrative one-operator scenario ({MATRIX_RISK_PATHS} paths, seed {MATRIX_RISK_SEED})",
            p.token
        ),
        vec![risk_assumption(), avs_basis],
    );
    (var.illustrative(why), es.illustrative(why))
}
