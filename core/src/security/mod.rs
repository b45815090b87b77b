//! Cryptoeconomic security of a restaking network: cost vs profit of corruption, the
//! EigenLayer whitepaper condition, the Durvasula–Roughgarden γ-slack certificate and loss
//! bound, an attack search, and cascades after a shock (Durvasula & Roughgarden, "Robust
//! Restaking Networks", arXiv:2407.21785, ITCS 2025, LIPIcs vol. 325, 48:1–48:21).
//!
//! The network is a [restaking graph](graph): validators with stake `σ_v`, services with profit
//! from corruption `π_s` and corruption threshold `α_s`. An attack `(A, B)` is *valid* when the
//! coalition `B` holds at least `α_s` of every attacked service's stake (Eq. 1) and
//! `π_A > σ_B` (Eq. 2). The analysis reports:
//!
//! - per service, the **cost of corruption** `⌈α_s · σ(N(s))⌉` against the **profit from
//!   corruption** `π_s`;
//! - the whitepaper condition and Corollary 2 (`certificate.rs`): `γ*` and the worst-case loss bound
//!   `(1 + 1/γ*) · ψ` for a shock of `ψ` of all stake;
//! - the most profitable valid attack (`attack.rs`), exactly on components of up to
//!   [`EXACT_LIMIT`] validators (a heuristic, labelled as such, beyond);
//! - a cascade (`cascade.rs`) after a shock, and the stake it destroys;
//! - the worst-case loss `R_ψ` over every shock of at most `ψ` (`worst_case.rs`), with the
//!   shock and attack attaining it: exactly while `3^n · (|S| + 1)` ≤ [`WORST_CASE_WORK`] for
//!   the whole graph, or else while `Σ_c 3^{n_c} · (|S_c| + 1)` over the connected components,
//!   plus combining their Pareto fronts (`front.rs`), is; a labelled lower bound (the cascade's
//!   loss) beyond.
//!
//! Stakes and profits are integers in wei and thresholds ratios of integers: every comparison
//! that decides security is exact.
//!
//! # Example: Theorem 2 of D&R
//! One service `x` with `π_x = 1`, `α_x = 1`, validators `a` (`σ = ε`) and `b` (`σ = 1 − ε`).
//! The whitepaper condition holds with no slack (`T = 1/(1·1) = 1`), and a shock of `ε` (slash
//! `a`) leaves `b` alone: `π_x = 1 > 1 − ε`, so `b` is lost too — all the stake.
//! ```
//! use restake_core::security::{analyze_graph, AnalysisOptions, Verdict};
//! use restake_core::security::graph::{GraphService, GraphValidator, RestakingGraph, Threshold};
//!
//! let g = RestakingGraph {
//!     validators: vec![
//!         GraphValidator { id: "a".into(), stake_eth: 0.01 },
//!         GraphValidator { id: "b".into(), stake_eth: 0.99 },
//!     ],
//!     services: vec![GraphService { id: "x".into(), profit_eth: 1.0, threshold: Threshold::new(1, 1) }],
//!     edges: vec![("a".into(), "x".into()), ("b".into(), "x".into())],
//! };
//! let r = analyze_graph(&g, &AnalysisOptions { shock_fraction: 0.01, ..AnalysisOptions::default() }).unwrap();
//! assert!(r.certificate.whitepaper_holds);
//! assert_eq!(r.certificate.verdict, Verdict::NoSlack);
//! assert!(r.attack.attack.is_none());           // secure before the shock …
//! assert_eq!(r.cascade.lost_share, 1.0);        // … and a 1% shock destroys everything
//! ```

mod attack;
mod cascade;
mod certificate;
pub mod demo;
mod front;
pub mod graph;
mod rational;
mod worst_case;

pub use attack::{EXACT_LIMIT, HEURISTIC_WORK, SearchMode};
pub use graph::{
    GraphService, GraphValidator, MAX_EDGES, MAX_SERVICES, MAX_VALIDATORS, RestakingGraph,
    ServiceParams, Threshold,
};
pub use worst_case::WORST_CASE_WORK;

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::network::{Network, StakeMode};
use crate::wad::Amount;
use crate::wad::{self, Rounding};
use attack::Found;
use graph::Graph;

/// What to search for and which shock to apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnalysisOptions {
    /// The shock `ψ`: share of all stake slashed for reasons outside the model, fraction in
    /// `0..=1`; default 0.01. Sets the loss bound `(1 + 1/γ*)·ψ` and, unless `shocked` names the
    /// validators, the cascade's shock (the smallest validators while `σ_D ≤ ψ·σ_V`).
    #[serde(default = "default_shock")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub shock_fraction: f64,
    /// Validators (or operators: all their validators) the shock slashes; omitted, the shock is
    /// chosen from `shockFraction`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub shocked: Option<Vec<String>>,
    /// Search mode; default `auto`.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub search: SearchMode,
}

fn default_shock() -> f64 {
    0.01
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            shock_fraction: default_shock(),
            shocked: None,
            search: SearchMode::Auto,
        }
    }
}

/// The parameters a scenario lacks: each AVS's profit from corruption and threshold, the
/// stake semantics, and the analysis options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SecurityParams {
    /// How allocations become stake: `uniqueStake` (default; EigenLayer) or `sharedStake`.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub mode: StakeMode,
    /// One entry per AVS of the network.
    pub services: Vec<ServiceParams>,
    /// Shock and search options.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub analysis: AnalysisOptions,
}

/// The certificate's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// `γ* > 0`: Corollary 2 holds, the network is secure with γ*-slack and a shock of `ψ`
    /// destroys less than `(1 + 1/γ*)·ψ` of the stake.
    Certified,
    /// `γ* = 0`: the whitepaper condition holds with no slack; Theorem 2 shows a tiny shock may
    /// then destroy all the stake.
    NoSlack,
    /// The whitepaper condition fails (`γ* < 0`) or a service with a profit has no stake: the
    /// certificate says nothing (the attack search may still find the graph secure).
    NotCertified,
}

/// Which search produced a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SearchMethod {
    /// Every coalition of every component was checked.
    Exact,
    /// At least one component was larger than [`EXACT_LIMIT`] and searched greedily.
    Heuristic,
}

/// The attack search's conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum SearchVerdict {
    /// A valid attack exists (shown): the graph is not secure.
    AttackFound,
    /// The exact search checked every coalition: no valid attack exists.
    ProvedSecure,
    /// The heuristic found no attack; that proves nothing.
    NoAttackFound,
}

/// One validator (an operator, or one allocation in unique-stake mode).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidatorReport {
    /// Id: the operator id (shared stake, explicit graphs) or `operator/avs` (unique stake).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The scenario operator it belongs to.
    pub operator: String,
    /// Stake `σ_v`.
    pub stake: Amount,
    /// Ids of the services it restakes for.
    pub services: Vec<String>,
    /// `T_v = Σ_{s∈N(v)} π_s / (α_s·σ_{N(s)})`, dimensionless (for display; the check is exact).
    pub load: f64,
    /// The whitepaper condition for `v`: `T_v ≤ 1`, exact.
    pub whitepaper_holds: bool,
}

/// Cost vs profit of corruption of one service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ServiceReport {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Profit from corruption `π_s`.
    pub profit: Amount,
    /// Corruption threshold `α_s`.
    pub threshold: Threshold,
    /// `α_s` as a fraction (display).
    pub threshold_fraction: f64,
    /// Stake restaked for it, `σ(N(s))`.
    pub stake: Amount,
    /// Cost of corruption: the least stake that reaches the threshold, `⌈α_s · σ(N(s))⌉` wei (a
    /// lower bound on what corrupting `s` alone costs).
    pub cost_of_corruption: Amount,
    /// `cost − profit`, ETH (negative: the profit exceeds the cost).
    pub margin_eth: f64,
    /// `π_s ≤ ⌈α_s·σ(N(s))⌉`, exact: no attack on this service alone pays.
    pub covered: bool,
}

/// The whitepaper condition and the Corollary 2 certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CertificateReport {
    /// Every validator satisfies `T_v ≤ 1` and every service with a profit has stake.
    pub whitepaper_holds: bool,
    /// The verdict.
    pub verdict: Verdict,
    /// Why, in one sentence.
    pub reason: String,
    /// `γ* = 1/max_v T_v − 1`, fraction (e.g. 0.25 = 25% overcollateralised); `null` when no
    /// validator carries any profit (`γ*` unbounded).
    pub gamma_star: Option<f64>,
    /// Id of the validator with the largest `T_v` (the binding constraint), if any.
    pub binding_validator: Option<String>,
    /// Ids of services with a profit and no stake (open to the empty coalition).
    pub unstaked_services: Vec<String>,
    /// The shock `ψ` of the options, fraction.
    pub shock_fraction: f64,
    /// Worst-case loss bound `(1 + 1/γ*)·ψ = ψ/(1 − max_v T_v)`, fraction of all stake (may
    /// exceed 1, when it says nothing); `null` unless the verdict is `certified`.
    pub loss_bound: Option<f64>,
}

/// An attack `(A, B)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Attack {
    /// Ids of the corrupted services `A`.
    pub services: Vec<String>,
    /// Ids of the coalition `B`.
    pub validators: Vec<String>,
    /// `π_A`.
    pub profit: Amount,
    /// `σ_B`, the stake the coalition loses.
    pub cost: Amount,
    /// `π_A − σ_B > 0`.
    pub gain: Amount,
}

/// The attack search on the unshocked graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AttackReport {
    /// Conclusion.
    pub verdict: SearchVerdict,
    /// How it was searched.
    pub method: SearchMethod,
    /// The most profitable valid attack found.
    pub attack: Option<Attack>,
    /// Validators in the largest connected component (exact up to [`EXACT_LIMIT`]).
    pub largest_component: usize,
}

/// One step of a cascade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CascadeStep {
    /// The attack of this step (valid on what the shock and earlier steps left).
    pub attack: Attack,
    /// How it was found.
    pub method: SearchMethod,
}

/// A shock and the cascade it sets off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CascadeReport {
    /// Ids of the shocked validators `D`.
    pub shocked: Vec<String>,
    /// `σ_D`.
    pub shock: Amount,
    /// `σ_D / σ_V`, fraction.
    pub shock_share: f64,
    /// The attacks that followed, in order.
    pub steps: Vec<CascadeStep>,
    /// Stake lost in all: `σ_D + Σ_t σ_{B_t}`.
    pub lost: Amount,
    /// `lost / σ_V`, fraction.
    pub lost_share: f64,
    /// Theorem 1's bound for this shock, `σ_D/σ_V · (1 + 1/γ*)`, fraction; `null` unless
    /// certified.
    pub bound: Option<f64>,
    /// How the search that ended the cascade (found nothing more) was done.
    pub ended_by: SearchMethod,
}

/// The paper's worst-case loss `R_ψ`: the most stake any shock of at most `ψ·σ_V` and the
/// attacks it enables can destroy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WorstCaseReport {
    /// True when every shock and coalition was tried (`R_ψ` exactly); false: `loss` is a lower
    /// bound (the loss of the cascade above), the graph being too large to enumerate.
    pub exact: bool,
    /// `R_ψ · σ_V` (or its lower bound).
    pub loss: Amount,
    /// `R_ψ` (or its lower bound), fraction of all stake.
    pub loss_share: f64,
    /// The shock `D` that attains it (ids).
    pub shocked: Vec<String>,
    /// The coalition `B` that then attacks (ids; empty when no attack follows).
    pub coalition: Vec<String>,
    /// The services `A` it corrupts (ids).
    pub services: Vec<String>,
    /// What the figure is, in words.
    pub note: String,
}

/// Everything the analysis reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SecurityReport {
    /// `σ_V`, all stake in the graph.
    pub total_stake: Amount,
    /// Validators, in graph order.
    pub validators: Vec<ValidatorReport>,
    /// Services, in graph order.
    pub services: Vec<ServiceReport>,
    /// Whitepaper condition and certificate.
    pub certificate: CertificateReport,
    /// The attack search on the graph as it is.
    pub attack: AttackReport,
    /// The shock and its cascade.
    pub cascade: CascadeReport,
    /// The worst case over all shocks, `R_ψ`.
    pub worst_case: WorstCaseReport,
    /// Validators left out because their stake is zero.
    pub dropped_validators: Vec<String>,
    /// Modelling choices in force, one sentence each.
    pub notes: Vec<String>,
}

/// Analyses a network: builds the graph of its allocations under `params.mode` with each
/// AVS's `π_s` and `α_s` from `params.services`, then [`analyze_graph`]. Errors name the field:
/// scenario paths, `params.services[i].…`, `analysis.shockFraction`, `shocked[i]`.
///
/// # Example
/// ```
/// let d = restake_core::security::demo::demo().unwrap();
/// let r = restake_core::security::security_analysis(&d.network, &d.params).unwrap();
/// assert_eq!(r.certificate.verdict, restake_core::security::Verdict::Certified);
/// ```
pub fn security_analysis(
    network: &Network,
    params: &SecurityParams,
) -> Result<SecurityReport, Error> {
    let g = Graph::from_network(network, params.mode, &params.services)?;
    let mut notes = vec![match params.mode {
        StakeMode::UniqueStake => "Unique stake (EigenLayer): each allocation is its own validator with stake = operator stake × magnitude, slashable by its AVS only.".to_owned(),
        StakeMode::SharedStake => "Shared stake: each operator's whole delegated stake counts for every AVS it allocates to (network limits are not modelled).".to_owned(),
    }];
    notes.push(
        "Profits from corruption are not published anywhere; every π is an estimate you supply."
            .to_owned(),
    );
    analyze(&g, &params.analysis, notes)
}

/// Analyses an explicit restaking graph (see the [module documentation](self)).
pub fn analyze_graph(
    graph: &RestakingGraph,
    options: &AnalysisOptions,
) -> Result<SecurityReport, Error> {
    let g = Graph::from_explicit(graph)?;
    analyze(&g, options, Vec::new())
}

fn method(exact: bool) -> SearchMethod {
    if exact {
        SearchMethod::Exact
    } else {
        SearchMethod::Heuristic
    }
}

fn attack_of(g: &Graph, a: &Found) -> Attack {
    Attack {
        services: a
            .services
            .iter()
            .map(|&s| g.services[s].id.clone())
            .collect(),
        validators: a
            .validators
            .iter()
            .map(|&v| g.validators[v].id.clone())
            .collect(),
        profit: Amount::from_wei(a.profit),
        cost: Amount::from_wei(a.cost),
        gain: Amount::from_wei(a.profit.saturating_sub(a.cost)),
    }
}

/// `x / total` as a fraction (display).
fn share(x: u128, total: u128) -> f64 {
    if total == 0 {
        0.0
    } else {
        wad::wad_to_f64(wad::mul_div(x, wad::WAD, total, Rounding::Down).unwrap_or(0))
    }
}

fn analyze(
    g: &Graph,
    options: &AnalysisOptions,
    mut notes: Vec<String>,
) -> Result<SecurityReport, Error> {
    let psi_wad = wad::fraction_to_wad("analysis.shockFraction", options.shock_fraction)?;
    let psi = options.shock_fraction;
    let total = g.total_stake();

    // Certificate.
    let cert = certificate::certificate(g);
    let validators = g
        .validators
        .iter()
        .zip(&cert.load)
        .map(|(v, t)| ValidatorReport {
            id: v.id.clone(),
            name: v.name.clone(),
            operator: v.operator.clone(),
            stake: Amount::from_wei(v.stake),
            services: v
                .services
                .iter()
                .map(|&s| g.services[s].id.clone())
                .collect(),
            load: t.to_f64(),
            whitepaper_holds: t.cmp_one() != Ordering::Greater,
        })
        .collect::<Vec<_>>();
    let services = (0..g.services.len())
        .map(|s| {
            let svc = &g.services[s];
            let stake = g.service_stake(s);
            let cost = svc.threshold.needed(stake);
            ServiceReport {
                id: svc.id.clone(),
                name: svc.name.clone(),
                profit: Amount::from_wei(svc.profit),
                threshold: svc.threshold,
                threshold_fraction: svc.threshold.to_f64(),
                stake: Amount::from_wei(stake),
                cost_of_corruption: Amount::from_wei(cost),
                margin_eth: wad::wei_to_eth(cost) - wad::wei_to_eth(svc.profit),
                covered: svc.profit <= cost,
            }
        })
        .collect::<Vec<_>>();
    let unstaked: Vec<String> = cert
        .unstaked
        .iter()
        .map(|&s| g.services[s].id.clone())
        .collect();
    let whitepaper_holds = unstaked.is_empty() && validators.iter().all(|v| v.whitepaper_holds);
    // 1/(1 − T_max) = den/(den − num), when T_max < 1.
    let (verdict, gamma_star, amplification, reason) = match &cert.max {
        _ if !unstaked.is_empty() => (
            Verdict::NotCertified,
            None,
            None,
            format!(
                "{} has a profit from corruption but no stake: the empty coalition corrupts it.",
                unstaked.join(", ")
            ),
        ),
        None => (
            Verdict::Certified,
            None,
            Some(1.0),
            "No validator secures a service with a profit: γ* is unbounded.".to_owned(),
        ),
        Some((v, t)) => {
            let (negative, gamma) = t.reciprocal_minus_one().ok_or_else(|| Error::Invariant {
                field: "security.certificate".to_owned(),
                message: "a maximal load of zero was kept".to_owned(),
            })?;
            let name = &g.validators[*v].name;
            match t.cmp_one() {
                Ordering::Less => {
                    let amp = rational::Ratio::new(
                        t.den.clone(),
                        t.den
                            .checked_sub(&t.num)
                            .unwrap_or_else(rational::Big::zero),
                    )
                    .map(|r| r.to_f64());
                    (
                        Verdict::Certified,
                        Some(gamma.to_f64()),
                        amp,
                        format!("Every validator's load is below 1; the tightest is {name}."),
                    )
                }
                Ordering::Equal => (
                    Verdict::NoSlack,
                    Some(0.0),
                    None,
                    format!(
                        "{name}'s load is exactly 1: the whitepaper condition holds with no slack."
                    ),
                ),
                Ordering::Greater => (
                    Verdict::NotCertified,
                    Some(if negative {
                        -gamma.to_f64()
                    } else {
                        gamma.to_f64()
                    }),
                    None,
                    format!("{name}'s load exceeds 1: the whitepaper condition fails."),
                ),
            }
        }
    };
    let certificate = CertificateReport {
        whitepaper_holds,
        verdict,
        reason,
        gamma_star,
        binding_validator: cert.max.as_ref().map(|(v, _)| g.validators[*v].id.clone()),
        unstaked_services: unstaked,
        shock_fraction: psi,
        loss_bound: amplification.map(|a| a * psi),
    };

    // Attack search on the whole graph.
    let all_v = vec![true; g.validators.len()];
    let all_s = vec![true; g.services.len()];
    let found = attack::search(g, &all_v, &all_s, options.search)?;
    if !found.exact {
        notes.push(format!("A connected component has {} validators, more than the exact search's {EXACT_LIMIT}: it was searched by a greedy heuristic, which can miss attacks.", found.largest_component));
    }
    let attack = AttackReport {
        verdict: match (&found.attack, found.exact) {
            (Some(_), _) => SearchVerdict::AttackFound,
            (None, true) => SearchVerdict::ProvedSecure,
            (None, false) => SearchVerdict::NoAttackFound,
        },
        method: method(found.exact),
        attack: found.attack.as_ref().map(|a| attack_of(g, a)),
        largest_component: found.largest_component,
    };

    // Shock and cascade.
    let shocked = cascade::shock(g, psi_wad, options.shocked.as_deref())?;
    let shock: u128 = shocked.iter().map(|&v| g.validators[v].stake).sum();
    let run = cascade::cascade(g, shocked, options.search, &found)?;
    let lost = shock + run.steps.iter().map(|s| s.attack.cost).sum::<u128>();
    let shock_share = share(shock, total);
    notes.push("Cascade: the shock slashes its validators, then each step is the most profitable valid attack on what is left; a corrupted service yields its profit once.".to_owned());
    let cascade = CascadeReport {
        shocked: run
            .shocked
            .iter()
            .map(|&v| g.validators[v].id.clone())
            .collect(),
        shock: Amount::from_wei(shock),
        shock_share,
        steps: run
            .steps
            .iter()
            .map(|s| CascadeStep {
                attack: attack_of(g, &s.attack),
                method: method(s.exact),
            })
            .collect(),
        lost: Amount::from_wei(lost),
        lost_share: share(lost, total),
        bound: amplification.map(|a| a * shock_share),
        ended_by: method(run.ended_exactly),
    };
    let budget = wad::mul_div(total, psi_wad, wad::WAD, Rounding::Down).unwrap_or(0);
    let ids =
        |xs: &[usize]| -> Vec<String> { xs.iter().map(|&v| g.validators[v].id.clone()).collect() };
    let worst_case = match worst_case::worst_case(g, budget) {
        Some(w) => WorstCaseReport {
            exact: true,
            loss: Amount::from_wei(w.loss),
            loss_share: share(w.loss, total),
            shocked: ids(&w.shock),
            coalition: ids(&w.coalition),
            services: w.services.iter().map(|&s| g.services[s].id.clone()).collect(),
            note: "R_ψ exactly: every shock of at most ψ of all stake and every coalition were tried; the cascades a shock may start merge into one attack, so this is the worst any of them can do.".to_owned(),
        },
        None => WorstCaseReport {
            exact: false,
            loss: cascade.lost.clone(),
            loss_share: cascade.lost_share,
            shocked: cascade.shocked.clone(),
            coalition: cascade.steps.iter().flat_map(|s| s.attack.validators.clone()).collect(),
            services: cascade.steps.iter().flat_map(|s| s.attack.services.clone()).collect(),
            note: format!("A lower bound on R_ψ: the cascade above, one shock among many. The graph has {} validators and {} services (its largest connected component {} validators): enumerating every shock and coalition of each component (3^n·(services + 1) per component of n validators) and combining them would take more than the {WORST_CASE_WORK:.0e} units the exact worst case may take.", g.validators.len(), g.services.len(), found.largest_component),
        },
    };
    Ok(SecurityReport {
        total_stake: Amount::from_wei(total),
        validators,
        services,
        certificate,
        attack,
        cascade,
        worst_case,
        dropped_validators: g.dropped.clone(),
        notes,
    })
}

#[cfg(test)]
mod tests;
