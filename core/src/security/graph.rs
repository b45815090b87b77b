//! The restaking graph `G = (S, V, E, π, σ, α)` of Durvasula & Roughgarden ("Robust Restaking
//! Networks", arXiv:2407.21785, §2): validators `v` with stake `σ_v`, services `s` with profit
//! from corruption `π_s` and corruption threshold `α_s`, and an edge for every validator that
//! restakes for a service.
//!
//! Two ways in: a [`RestakingGraph`] written out explicitly (the paper's constructions), or a
//! [`Scenario`] whose allocations become edges ([`Graph::from_network`]):
//!
//! - **unique stake** (EigenLayer after ELIP-002): each allocation `(operator o, AVS s)` is its
//!   own validator `o/s` with stake `σ_o · magnitude`, connected to `s` only — the stake no other
//!   AVS can slash;
//! - **shared stake** (Symbiotic restaking, Karak): each operator is one validator with its whole
//!   delegated stake, connected to every AVS it allocates to (network limits are ignored: the
//!   paper's model gives a validator one stake for all its services).
//!
//! An operator's stake `σ_o = Σ weight · restakedEth + queued withdrawals + otherDelegatedEth`,
//! in wei, as the slashing engine counts it. Validators with zero stake are dropped: they add
//! nothing to any sum, and keeping them would put a false `0 ≤ 0` row in the certificate.

use serde::{Deserialize, Serialize};

use crate::network::Network;
use crate::network::StakeMode;
use crate::wad::{self, Rounding, WAD};
use crate::{Error, validate};

/// Most validators a graph may have (unique-stake mode counts allocations).
pub const MAX_VALIDATORS: usize = 1_024;
/// Most services a graph may have.
pub const MAX_SERVICES: usize = 64;
/// Most edges a graph may have.
pub const MAX_EDGES: usize = 16_384;

/// A corruption threshold `α = numerator / denominator`, a fraction in `(0, 1]`: the share of a
/// service's restaked stake an attacking coalition must control to corrupt it (1/3 for safety of
/// a BFT protocol, 2/3 for liveness and safety together, 1/2 for a majority vote). Kept as a
/// ratio of integers so that 1/3 is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Threshold {
    /// Numerator, `1 ≤ numerator ≤ denominator`.
    pub numerator: u64,
    /// Denominator, `≥ 1`.
    pub denominator: u64,
}

impl Threshold {
    /// `numerator / denominator`.
    pub const fn new(numerator: u64, denominator: u64) -> Threshold {
        Threshold {
            numerator,
            denominator,
        }
    }

    /// Checks `1 ≤ numerator ≤ denominator`; errors name `field.numerator` or
    /// `field.denominator`.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        if self.denominator == 0 {
            return Err(Error::OutOfRange {
                field: format!("{field}.denominator"),
                value: 0.0,
                expected: "a denominator ≥ 1".to_owned(),
            });
        }
        if self.numerator == 0 || self.numerator > self.denominator {
            return Err(Error::OutOfRange {
                field: format!("{field}.numerator"),
                value: self.numerator as f64,
                expected: format!(
                    "a numerator in 1..={} (the threshold is a fraction in (0, 1])",
                    self.denominator
                ),
            });
        }
        Ok(())
    }

    /// The threshold as `f64` (for display only).
    pub fn to_f64(self) -> f64 {
        self.numerator as f64 / self.denominator.max(1) as f64
    }

    /// `⌈α · stake⌉`, wei: the least integer stake that reaches the threshold, so that
    /// `σ(B ∩ N(s)) ≥ α·σ(N(s)) ⇔ σ(B ∩ N(s)) ≥ ⌈α·σ(N(s))⌉` is an exact integer comparison.
    pub(crate) fn needed(self, stake: u128) -> u128 {
        // α ≤ 1, so the quotient is at most `stake` and fits; a zero denominator was rejected.
        wad::mul_div(
            stake,
            u128::from(self.numerator),
            u128::from(self.denominator.max(1)),
            Rounding::Up,
        )
        .unwrap_or(stake)
    }
}

/// A validator of an explicit graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GraphValidator {
    /// Stable identifier, `a-z0-9-_`.
    pub id: String,
    /// Stake `σ_v`, ETH, `0..=1e9` (read exactly to 18 decimals).
    pub stake_eth: f64,
}

/// A service of an explicit graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GraphService {
    /// Stable identifier, `a-z0-9-_`.
    pub id: String,
    /// Profit from corruption `π_s`, ETH, `0..=1e9`.
    pub profit_eth: f64,
    /// Corruption threshold `α_s`.
    pub threshold: Threshold,
}

/// An explicit restaking graph: validators, services, and `[validator id, service id]` edges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestakingGraph {
    /// Validators (at most [`MAX_VALIDATORS`]).
    pub validators: Vec<GraphValidator>,
    /// Services (at most [`MAX_SERVICES`]).
    pub services: Vec<GraphService>,
    /// Who restakes for whom, `[validator id, service id]` (at most [`MAX_EDGES`], no repeats).
    pub edges: Vec<(String, String)>,
}

/// Profit from corruption and threshold of one AVS of a network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceParams {
    /// Id of the AVS in the network.
    pub avs: String,
    /// Profit from corruption `π_s`, ETH, `0..=1e9`: what an attacker gains by corrupting the
    /// AVS (funds it secures, bribes). Not on-chain and not published: always an estimate.
    pub profit_eth: f64,
    /// Corruption threshold `α_s`.
    pub threshold: Threshold,
}

/// One validator of the graph the analysis runs on (wei, resolved indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub id: String,
    pub name: String,
    /// The scenario operator it belongs to (its own id for an explicit graph).
    pub operator: String,
    /// `σ_v`, wei, `> 0`.
    pub stake: u128,
    /// Services it restakes for (indices), ascending.
    pub services: Vec<usize>,
}

/// One service of the graph the analysis runs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ServiceNode {
    pub id: String,
    pub name: String,
    /// `π_s`, wei.
    pub profit: u128,
    pub threshold: Threshold,
    /// Validators restaking for it (indices), ascending.
    pub validators: Vec<usize>,
}

/// The validated graph in wei with adjacency both ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Graph {
    pub validators: Vec<Node>,
    pub services: Vec<ServiceNode>,
    /// Ids of validators dropped because their stake is zero.
    pub dropped: Vec<String>,
}

impl Graph {
    /// Validates an explicit graph and converts it to wei.
    pub fn from_explicit(g: &RestakingGraph) -> Result<Graph, Error> {
        validate::count_at_most(
            "graph.validators",
            g.validators.len(),
            MAX_VALIDATORS,
            "validators",
        )?;
        validate::count_at_most("graph.services", g.services.len(), MAX_SERVICES, "services")?;
        validate::count_at_most("graph.edges", g.edges.len(), MAX_EDGES, "edges")?;
        let mut validators = Vec::with_capacity(g.validators.len());
        for (i, v) in g.validators.iter().enumerate() {
            let f = format!("graph.validators[{i}]");
            validate::id(&format!("{f}.id"), &v.id)?;
            if validators.iter().any(|n: &Node| n.id == v.id) {
                return Err(Error::DuplicateId {
                    field: format!("{f}.id"),
                    value: v.id.clone(),
                });
            }
            validators.push(Node {
                id: v.id.clone(),
                name: v.id.clone(),
                operator: v.id.clone(),
                stake: wad::eth_to_wei(&format!("{f}.stakeEth"), v.stake_eth)?,
                services: Vec::new(),
            });
        }
        let mut services = Vec::with_capacity(g.services.len());
        for (i, s) in g.services.iter().enumerate() {
            let f = format!("graph.services[{i}]");
            validate::id(&format!("{f}.id"), &s.id)?;
            if services.iter().any(|n: &ServiceNode| n.id == s.id) {
                return Err(Error::DuplicateId {
                    field: format!("{f}.id"),
                    value: s.id.clone(),
                });
            }
            s.threshold.validate(&format!("{f}.threshold"))?;
            services.push(ServiceNode {
                id: s.id.clone(),
                name: s.id.clone(),
                profit: wad::eth_to_wei(&format!("{f}.profitEth"), s.profit_eth)?,
                threshold: s.threshold,
                validators: Vec::new(),
            });
        }
        let mut graph = Graph {
            validators,
            services,
            dropped: Vec::new(),
        };
        for (i, (v, s)) in g.edges.iter().enumerate() {
            let f = format!("graph.edges[{i}]");
            let vi = graph
                .validators
                .iter()
                .position(|n| &n.id == v)
                .ok_or_else(|| Error::UnknownReference {
                    field: format!("{f}[0]"),
                    value: v.clone(),
                    target: "validator".to_owned(),
                })?;
            let si = graph
                .services
                .iter()
                .position(|n| &n.id == s)
                .ok_or_else(|| Error::UnknownReference {
                    field: format!("{f}[1]"),
                    value: s.clone(),
                    target: "service".to_owned(),
                })?;
            if graph.validators[vi].services.contains(&si) {
                return Err(Error::DuplicateId {
                    field: f,
                    value: format!("{v}/{s}"),
                });
            }
            graph.validators[vi].services.push(si);
        }
        graph.finish();
        Ok(graph)
    }

    /// Builds the graph of a scenario's allocations under `mode`, with each AVS's `π_s` and
    /// `α_s` from `params` (every AVS needs exactly one entry; errors name `params.services[i]`).
    pub fn from_network(
        network: &Network,
        mode: StakeMode,
        params: &[ServiceParams],
    ) -> Result<Graph, Error> {
        network.validate()?;
        validate::count_at_most("avss", network.avss.len(), MAX_SERVICES, "AVSs")?;
        let mut services: Vec<Option<ServiceNode>> = vec![None; network.avss.len()];
        for (i, p) in params.iter().enumerate() {
            let f = format!("params.services[{i}]");
            let a = network
                .avss
                .iter()
                .position(|a| a.id == p.avs)
                .ok_or_else(|| Error::UnknownReference {
                    field: format!("{f}.avs"),
                    value: p.avs.clone(),
                    target: "AVS".to_owned(),
                })?;
            if services[a].is_some() {
                return Err(Error::DuplicateId {
                    field: format!("{f}.avs"),
                    value: p.avs.clone(),
                });
            }
            p.threshold.validate(&format!("{f}.threshold"))?;
            services[a] = Some(ServiceNode {
                id: p.avs.clone(),
                name: network.avss[a].name.clone(),
                profit: wad::eth_to_wei(&format!("{f}.profitEth"), p.profit_eth)?,
                threshold: p.threshold,
                validators: Vec::new(),
            });
        }
        let services = services
            .into_iter()
            .zip(&network.avss)
            .map(|(s, a)| {
                s.ok_or_else(|| Error::InvalidText {
                    field: "params.services".to_owned(),
                    value: a.id.clone(),
                    reason: "every AVS needs a profit from corruption and a threshold; this one has none".to_owned(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let stakes = operator_stakes(network)?;
        let mut validators = Vec::new();
        for (o, op) in network.operators.iter().enumerate() {
            let allocations: Vec<(usize, usize)> = network
                .allocations
                .iter()
                .enumerate()
                .filter(|(_, a)| a.operator == op.id && a.magnitude > 0.0)
                .filter_map(|(i, a)| Some((i, network.avss.iter().position(|x| x.id == a.avs)?)))
                .collect();
            match mode {
                StakeMode::UniqueStake => {
                    for (i, s) in allocations {
                        let a = &network.allocations[i];
                        let m = wad::fraction_to_wad(
                            &format!("allocations[{i}].magnitude"),
                            a.magnitude,
                        )?;
                        let stake = wad::mul_wad(stakes[o], m).unwrap_or(0);
                        validators.push(Node {
                            id: format!("{}/{}", op.id, a.avs),
                            name: format!("{} → {}", op.name, services[s].name),
                            operator: op.id.clone(),
                            stake,
                            services: vec![s],
                        });
                    }
                }
                StakeMode::SharedStake => {
                    if allocations.is_empty() {
                        continue;
                    }
                    validators.push(Node {
                        id: op.id.clone(),
                        name: op.name.clone(),
                        operator: op.id.clone(),
                        stake: stakes[o],
                        services: allocations.iter().map(|&(_, s)| s).collect(),
                    });
                }
            }
        }
        validate::count_at_most(
            "graph.validators",
            validators.len(),
            MAX_VALIDATORS,
            "validators",
        )?;
        let mut graph = Graph {
            validators,
            services,
            dropped: Vec::new(),
        };
        graph.finish();
        Ok(graph)
    }

    /// Drops zero-stake validators (explicit graphs), sorts adjacency and fills the reverse lists.
    fn finish(&mut self) {
        let (keep, drop): (Vec<Node>, Vec<Node>) = std::mem::take(&mut self.validators)
            .into_iter()
            .partition(|v| v.stake > 0);
        self.dropped.extend(drop.into_iter().map(|v| v.id));
        self.validators = keep;
        for s in &mut self.services {
            s.validators.clear();
        }
        for (vi, v) in self.validators.iter_mut().enumerate() {
            v.services.sort_unstable();
            v.services.dedup();
            for &s in &v.services {
                self.services[s].validators.push(vi);
            }
        }
    }

    /// `σ(N(s))`, wei.
    pub fn service_stake(&self, s: usize) -> u128 {
        self.services[s]
            .validators
            .iter()
            .map(|&v| self.validators[v].stake)
            .sum()
    }

    /// `σ(V)`, wei.
    pub fn total_stake(&self) -> u128 {
        self.validators.iter().map(|v| v.stake).sum()
    }
}

/// Each operator's delegated stake, wei: `Σ weight · restakedEth + queuedWithdrawalEth` over
/// its delegations plus `otherDelegatedEth` (queued withdrawals stay slashable, ELIP-002).
fn operator_stakes(network: &Network) -> Result<Vec<u128>, Error> {
    let mut stakes = Vec::with_capacity(network.operators.len());
    for (o, op) in network.operators.iter().enumerate() {
        let mut stake = wad::eth_to_wei(
            &format!("operators[{o}].otherDelegatedEth"),
            op.other_delegated_eth,
        )?;
        for (i, d) in network.delegations.iter().enumerate() {
            if d.operator != op.id {
                continue;
            }
            let f = format!("delegations[{i}]");
            let (ri, r) = network.restaking_for(&f, &d.protocol)?;
            let restaked =
                wad::eth_to_wei(&format!("restaking[{ri}].restakedEth"), r.restaked_eth)?;
            let weight = wad::fraction_to_wad(&format!("{f}.weight"), d.weight)?;
            // restaked ≤ 1e27 wei and weight ≤ 1 WAD: the product fits.
            stake += wad::mul_div(restaked, weight, WAD, Rounding::Down).unwrap_or(0);
            stake += wad::eth_to_wei(&format!("{f}.queuedWithdrawalEth"), d.queued_withdrawal_eth)?;
        }
        stakes.push(stake);
    }
    Ok(stakes)
}
