//! The Security page's starting point: the demo network (three LRTs, four
//! operators, four AVSs) with a profit from corruption and a threshold for each AVS. No AVS
//! publishes what corrupting it would pay (Durvasula & Roughgarden, arXiv:2407.21785, leave
//! estimating π open), so
//! every π and α here is a labelled assumption.

use serde::{Deserialize, Serialize};

use super::graph::{ServiceParams, Threshold};
use super::{AnalysisOptions, SecurityParams};
use crate::Error;
use crate::network::Network;
use crate::network::StakeMode;
use crate::network::demo::{DemoNote, assumption};

/// The demo: network, parameters and the basis of each figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SecurityDemo {
    /// The network (validated): the demo network.
    pub network: Network,
    /// π and α per AVS, unique stake, a 5% shock, automatic search.
    pub params: SecurityParams,
    /// The basis of each figure, by path.
    pub notes: Vec<DemoNote>,
}

fn service(avs: &str, profit_eth: f64, numerator: u64, denominator: u64) -> ServiceParams {
    ServiceParams {
        avs: avs.to_owned(),
        profit_eth,
        threshold: Threshold::new(numerator, denominator),
    }
}

/// The demo network and parameters.
///
/// # Example
/// ```
/// let d = restake_core::security::demo::demo().unwrap();
/// assert_eq!(d.params.services.len(), d.network.avss.len());
/// assert!(d.notes.iter().all(|n| n.basis.rests_on_assumption()));
/// ```
pub fn demo() -> Result<SecurityDemo, Error> {
    let base = crate::network::demo::demo()?;
    let params = SecurityParams {
        mode: StakeMode::UniqueStake,
        services: vec![
            service("da", 5_000.0, 1, 2),
            service("oracle", 4_000.0, 1, 3),
            service("bridge", 6_000.0, 2, 3),
            service("coprocessor", 2_000.0, 1, 2),
        ],
        analysis: AnalysisOptions {
            shock_fraction: 0.05,
            ..AnalysisOptions::default()
        },
    };
    let notes = vec![
        assumption(
            "params.services[*].profitEth",
            "No AVS publishes a profit from corruption (D&R treat estimating it as open); these round figures are placeholders to replace with your own estimate of what an attacker could take.",
        ),
        assumption(
            "params.services[*].threshold",
            "Illustrative thresholds: 1/3 is the stake that breaks a BFT protocol's safety, 1/2 a majority vote, 2/3 a supermajority quorum; no AVS's actual rule is encoded here.",
        ),
        assumption(
            "params.analysis.shockFraction",
            "A 5% shock, an illustrative size for slashing from outside the model (a client bug, a key leak).",
        ),
        assumption(
            "network",
            "The demo network: stakes, delegations and allocations are round numbers, not measurements.",
        ),
    ];
    Ok(SecurityDemo {
        network: base.network,
        params,
        notes,
    })
}
