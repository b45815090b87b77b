//! The Security page: the operator–AVS graph, each AVS's cost vs profit of corruption, the
//! EigenLayer whitepaper condition and the Durvasula–Roughgarden γ* certificate with its
//! worst-case loss bound, the most profitable attack (highlighted on the graph) and the cascade
//! after a shock. π and α per AVS are editable. Every figure comes from
//! `restake_core::security`.

use leptos::prelude::*;
use restake_core::security::demo::{SecurityDemo, demo};
use restake_core::security::{
    SearchMethod, SearchVerdict, SecurityParams, SecurityReport, Threshold, Verdict,
    security_analysis,
};

use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::chart::network::{NetEdge, NetNode, NetworkDiagram};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::network_notice::NetworkNotice;
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels, Summary};
use crate::components::page_entry::demo_or_error;
use crate::components::replay_gap::ReplayGap;
use crate::components::source::describe;
use crate::components::stake_mode::StakeModePicker;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

/// The thresholds offered per AVS.
const THRESHOLDS: [(u64, u64); 4] = [(1, 3), (1, 2), (2, 3), (1, 1)];

fn threshold_label(t: Threshold) -> String {
    format!("{}/{}", t.numerator, t.denominator)
}

/// The certificate's traffic light: icon, CSS class and words (never colour alone).
fn light(v: Verdict) -> (&'static str, &'static str, &'static str) {
    match v {
        Verdict::Certified => ("✓", "good", "Certified"),
        Verdict::NoSlack => ("!", "warn", "No slack"),
        Verdict::NotCertified => ("✗", "bad", "Not certified"),
    }
}

/// The page.
#[component]
pub fn SecurityPage() -> impl IntoView {
    let store = use_store();
    demo_or_error("Cryptoeconomic security", demo(), move |mut d| {
        // The document's network and security parameters; the demo's parameters when it has
        // none. The demo's notes describe the demo's figures only.
        let doc = store.doc.get_untracked();
        let params = doc.security.clone().unwrap_or_else(|| d.params.clone());
        if doc.network != d.network || params != d.params {
            d.notes.clear();
        }
        d.params = params;
        d.network = doc.network;
        view! { <SecurityLab demo=d/> }
    })
}

#[component]
fn SecurityLab(demo: SecurityDemo) -> impl IntoView {
    let scenario = demo.network.clone();
    // Each service's AVS name (its id when the network has no such AVS).
    let avs_names: Vec<String> = demo
        .params
        .services
        .iter()
        .map(|s| {
            scenario
                .avss
                .iter()
                .find(|a| a.id == s.avs)
                .map_or_else(|| s.avs.clone(), |a| a.name.clone())
        })
        .collect();
    let profits: Vec<RwSignal<f64>> = demo
        .params
        .services
        .iter()
        .map(|s| RwSignal::new(s.profit_eth))
        .collect();
    let thresholds: Vec<RwSignal<Threshold>> = demo
        .params
        .services
        .iter()
        .map(|s| RwSignal::new(s.threshold))
        .collect();
    let mode = RwSignal::new(demo.params.mode);
    let psi = RwSignal::new(demo.params.analysis.shock_fraction);

    let params = {
        let (base, profits, thresholds) =
            (demo.params.clone(), profits.clone(), thresholds.clone());
        move || -> SecurityParams {
            let mut p = base.clone();
            p.mode = mode.get();
            p.analysis.shock_fraction = psi.get();
            for ((s, pi), alpha) in p.services.iter_mut().zip(&profits).zip(&thresholds) {
                s.profit_eth = pi.get();
                s.threshold = alpha.get();
            }
            p
        }
    };
    let params = StoredValue::new(params);
    let run_scenario = scenario.clone();
    let outcome = Outcome::new(move || security_analysis(&run_scenario, &params.get_value()()));
    write_back(
        move || {
            outcome
                .result
                .with(Result::is_ok)
                .then(|| params.get_value()())
        },
        |d, params| d.security = Some(params),
    );
    let other_error = outcome.other_error(&["params.services", "analysis"]);
    let stale = outcome.stale();
    let report = move || outcome.report();

    // ---- inputs ----
    let mode_view = view! {
        <StakeModePicker
            mode=mode
            name="security-mode"
            legend="How allocations count as stake"
            unique_hint=": each allocation backs one AVS only. "
            shared_hint=": an operator's whole stake backs every AVS it secures."
        />
    };
    let service_inputs = avs_names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let alpha = thresholds[i];
            let options = THRESHOLDS
                .into_iter()
                .map(|(n, d)| {
                    let t = Threshold::new(n, d);
                    view! { <option value=format!("{n}/{d}") selected=move || alpha.get() == t>{threshold_label(t)}</option> }
                })
                .collect_view();
            let select_id = format!("alpha-{i}");
            view! {
                <fieldset class="event">
                    <legend>{name.clone()}</legend>
                    <NumberInput id=format!("profit-{i}") label=format!("{name}: profit from corruption π") term="profit-from-corruption" unit="ETH" value=profits[i] min=0.0 max=1_000_000.0 step=500.0 error=outcome.error_at(format!("params.services[{i}]"))/>
                    <p class="select-label">
                        <Term id="corruption-threshold">"Corruption threshold α"</Term>
                    </p>
                    <select id=select_id aria-label=format!("{name}: corruption threshold α") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((n, d)) = v.split_once('/').and_then(|(n, d)| Some((n.parse().ok()?, d.parse().ok()?))) {
                            alpha.set(Threshold::new(n, d));
                        }
                    }>{options}</select>
                </fieldset>
            }
        })
        .collect_view();
    let demo_notes = demo
        .notes
        .iter()
        .map(|n| {
            let assumed = n.basis.rests_on_assumption();
            view! { <li class:assumed=assumed><code>{n.path.clone()}</code>": "{describe(&n.basis)}</li> }
        })
        .collect_view();

    // ---- results ----
    let verdict_view = move || {
        report().map(|r: SecurityReport| {
            let c = &r.certificate;
            let (icon, class, word) = light(c.verdict);
            let gamma = match c.gamma_star {
                Some(g) => format(Some(g), Unit::Fraction),
                None => "unbounded".to_owned(),
            };
            let (a_icon, a_class, a_text) = match (r.attack.verdict, &r.attack.attack) {
                (SearchVerdict::AttackFound, Some(a)) => (
                    "✗",
                    "bad",
                    format!(
                        "Attack found: {} corrupt {} for a gain of {}.",
                        a.validators.join(", "),
                        a.services.join(", "),
                        format(Some(a.gain.eth), Unit::Eth)
                    ),
                ),
                (SearchVerdict::ProvedSecure, _) => (
                    "✓",
                    "good",
                    "No valid attack exists: the exact search checked every coalition.".to_owned(),
                ),
                _ => (
                    "?",
                    "warn",
                    "No attack found by the heuristic search — that proves nothing.".to_owned(),
                ),
            };
            view! {
                <div class=format!("verdict {class}") id="verdict" role="status">
                    <span class="verdict-icon" aria-hidden="true">{icon}</span>
                    <div>
                        <strong>{format!("{word}: γ* = {gamma}")}</strong>
                        <p>{c.reason.clone()}</p>
                    </div>
                </div>
                <div class=format!("verdict {a_class}") id="attack-verdict">
                    <span class="verdict-icon" aria-hidden="true">{a_icon}</span>
                    <div><strong>{a_text}</strong></div>
                </div>
            }
        })
    };
    let headline = move || {
        report().map(|r| {
            let bound = match r.certificate.loss_bound {
                Some(b) => format(Some(b.min(1.0)), Unit::Fraction),
                None => "none (not certified)".to_owned(),
            };
            view! {
                <dl class="headline">
                    <div><dt>"Restaked stake σ"</dt><dd>{format(Some(r.total_stake.eth), Unit::Eth)}</dd></div>
                    <div><dt>"Slack γ*"</dt><dd id="gamma-star">{r.certificate.gamma_star.map_or("unbounded".to_owned(), |g| format(Some(g), Unit::Fraction))}</dd></div>
                    <div><dt>{format!("Worst-case loss after a {} shock", format(Some(r.certificate.shock_fraction), Unit::Fraction))}</dt><dd id="loss-bound">{bound}</dd></div>
                    <div><dt>"Lost in the simulated cascade"</dt><dd id="cascade-lost">{format(Some(r.cascade.lost_share), Unit::Fraction)}</dd></div>
                </dl>
            }
        })
    };
    let service_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.services
                    .iter()
                    .map(|s| Row {
                        header: s.name.clone(),
                        cells: vec![
                            Cell::number(s.stake.eth),
                            Cell::text(threshold_label(s.threshold)),
                            Cell::number(s.cost_of_corruption.eth),
                            Cell::number(s.profit.eth),
                            Cell::number(s.margin_eth),
                            Cell::text(if s.covered { "yes ✓" } else { "no ✗" }.to_owned()),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let service_columns = vec![
        Column::new("Stake restaked for it", Some(Unit::Eth), None),
        Column::new("Threshold α", None, Some("corruption-threshold")),
        Column::new(
            "Cost of corruption",
            Some(Unit::Eth),
            Some("cost-of-corruption"),
        ),
        Column::new(
            "Profit from corruption",
            Some(Unit::Eth),
            Some("profit-from-corruption"),
        ),
        Column::new("Cost − profit", Some(Unit::Eth), None),
        Column::new("Cost covers profit", None, None),
    ];
    let bars = Signal::derive(move || {
        report()
            .map(|r| {
                r.services
                    .iter()
                    .flat_map(|s| {
                        [
                            Bar {
                                label: format!("{}: cost", s.name),
                                value: s.cost_of_corruption.eth,
                                kind: BarKind::Series(0),
                            },
                            Bar {
                                label: format!("{}: profit", s.name),
                                value: s.profit.eth,
                                kind: BarKind::Series(1),
                            },
                        ]
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let validator_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.validators
                    .iter()
                    .map(|v| Row {
                        header: v.name.clone(),
                        cells: vec![
                            Cell::number(v.stake.eth),
                            Cell::number(v.load),
                            Cell::text(
                                if v.whitepaper_holds {
                                    "yes ✓"
                                } else {
                                    "no ✗"
                                }
                                .to_owned(),
                            ),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let validator_columns = vec![
        Column::new("Stake σ_v", Some(Unit::Eth), None),
        Column::new(
            "Load T_v",
            Some(Unit::Fraction),
            Some("whitepaper-condition"),
        ),
        Column::new("T_v ≤ 1", None, Some("whitepaper-condition")),
    ];
    let cascade_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.cascade
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Row {
                        header: format!("Step {}", i + 1),
                        cells: vec![
                            Cell::text(s.attack.services.join(", ")),
                            Cell::text(s.attack.validators.join(", ")),
                            Cell::number(s.attack.profit.eth),
                            Cell::number(s.attack.cost.eth),
                            Cell::text(
                                match s.method {
                                    SearchMethod::Exact => "exact",
                                    SearchMethod::Heuristic => "heuristic",
                                }
                                .to_owned(),
                            ),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let cascade_columns = vec![
        Column::new("Services corrupted", None, None),
        Column::new("Coalition slashed", None, None),
        Column::new("Profit π_A", Some(Unit::Eth), None),
        Column::new("Stake lost σ_B", Some(Unit::Eth), None),
        Column::new("Search", None, None),
    ];
    let cascade_summary = move || {
        report().map(|r| {
            let c = &r.cascade;
            let shocked = if c.shocked.is_empty() {
                "no validator (each is larger than the shock)".to_owned()
            } else {
                c.shocked.join(", ")
            };
            let bound = c.bound.filter(|_| !c.shocked.is_empty()).map_or(String::new(), |b| {
                format!(
                    " Theorem 1 bounds the loss for this shock by {}.",
                    format(Some(b.min(1.0)), Unit::Fraction)
                )
            });
            view! {
                <p id="cascade-summary">
                    {format!(
                        "The shock slashes {shocked} ({} of the stake); attack steps that follow: {}; stake lost in all: {}.{bound}",
                        format(Some(c.shock_share), Unit::Fraction),
                        c.steps.len(),
                        format(Some(c.lost_share), Unit::Fraction),
                    )}
                </p>
            }
        })
    };

    // R_ψ over every shock: exact, with the shock and attack attaining it, or a lower bound.
    let worst_case = move || {
        report().map(|r| {
            let w = &r.worst_case;
            let what = if w.exact {
                "Worst case over every shock (R_ψ, exact)"
            } else {
                "Worst case over every shock (R_ψ): at least"
            };
            // A coalition's attack is valid, so its profit is above its stake: some service.
            let attack = |then: &str| {
                format!(
                    "the coalition {}{then} corrupts {}",
                    w.coalition.join(", "),
                    w.services.join(", ")
                )
            };
            let how = match (w.shocked.is_empty(), w.coalition.is_empty()) {
                (true, true) => "No shock within ψ and no attack loses anything".to_owned(),
                (true, false) => format!("Attained with no shock: {}", attack("")),
                (false, true) => format!(
                    "Attained by shocking {}; no attack follows",
                    w.shocked.join(", ")
                ),
                (false, false) => format!(
                    "Attained by shocking {}; {}",
                    w.shocked.join(", "),
                    attack(" then")
                ),
            };
            view! {
                <p id="worst-case">
                    {format!(
                        "{what}: {} of the stake. {how}. {}",
                        format(Some(w.loss_share), Unit::Fraction),
                        w.note
                    )}
                </p>
            }
        })
    };

    // The graph: scenario operators and AVSs; the attack's coalition and services highlighted.
    let picture = {
        let scenario = scenario.clone();
        Signal::derive(move || {
            let r = report();
            let attack = r.as_ref().and_then(|r| r.attack.attack.clone());
            let hit_avs = |id: &str| {
                attack
                    .as_ref()
                    .is_some_and(|a| a.services.iter().any(|s| s == id))
            };
            // A coalition member is an operator (shared stake) or `operator/avs` (unique stake).
            let hit_edge = |op: &str, avs: &str| {
                attack.as_ref().is_some_and(|a| {
                    a.validators
                        .iter()
                        .any(|v| (v == op && hit_avs(avs)) || *v == format!("{op}/{avs}"))
                })
            };
            let ops = scenario
                .operators
                .iter()
                .map(|o| NetNode {
                    label: o.name.clone(),
                    highlighted: scenario
                        .allocations
                        .iter()
                        .any(|a| a.operator == o.id && hit_edge(&o.id, &a.avs)),
                })
                .collect::<Vec<_>>();
            let avss = scenario
                .avss
                .iter()
                .map(|a| NetNode {
                    label: a.name.clone(),
                    highlighted: hit_avs(&a.id),
                })
                .collect::<Vec<_>>();
            let edges = scenario
                .allocations
                .iter()
                .filter(|a| a.magnitude > 0.0)
                .filter_map(|a| {
                    Some(NetEdge {
                        from: scenario.operators.iter().position(|o| o.id == a.operator)?,
                        to: scenario.avss.iter().position(|x| x.id == a.avs)?,
                        weight: a.magnitude,
                        highlighted: hit_edge(&a.operator, &a.avs),
                    })
                })
                .collect::<Vec<_>>();
            (ops, avss, edges)
        })
    };
    let net_ops = Signal::derive(move || picture.get().0);
    let net_avss = Signal::derive(move || picture.get().1);
    let net_edges = Signal::derive(move || picture.get().2);
    let net_desc = Signal::derive(move || {
        "Operators on the left, AVSs on the right, one line per allocation (width = magnitude). The most profitable attack, if any, is dashed and marked “!”: its coalition's allocations and the AVSs it corrupts.".to_owned()
    });
    let bar_desc = Signal::derive(move || {
        "For each AVS, the cost of corruption (the stake at its threshold) and the profit from corruption you set; an AVS whose profit bar is longer can be attacked on its own.".to_owned()
    });
    let model_notes = move || {
        report().map(|r| {
            r.notes
                .into_iter()
                .map(|n| view! { <li>{n}</li> })
                .collect_view()
        })
    };

    view! {
        <Page title="Cryptoeconomic security">
            <ReplayGap what="security parameters" has_section=|d| d.security.is_some()/>
            <NetworkNotice/>
            <p class="lead">
                "Restaked ETH is only a deterrent if corrupting a service costs more than it pays. Each "
                <Term id="avs">"AVS"</Term>
                " has a "
                <Term id="cost-of-corruption">"cost of corruption"</Term>
                " (the stake at its "
                <Term id="corruption-threshold">"threshold"</Term>
                ") and a "
                <Term id="profit-from-corruption">"profit from corruption"</Term>
                "; because operators secure several AVSs, an attacker can combine them. The "
                <Term id="whitepaper-condition">"whitepaper condition"</Term>
                " and its "
                <Term id="gamma-slack">"γ-slack"</Term>
                " version (Durvasula & Roughgarden, “Robust Restaking Networks”, 2024) certify security without a search and bound how far a "
                <Term id="cascade">"cascade"</Term>
                " can spread after a shock."
            </p>
            <p>
                "The network is the current scenario's (by default the Slashing page's illustrative one). No AVS publishes a profit from corruption: every π and α below is an assumption for you to change."
            </p>
            <Panels
                inputs=Box::new(move || view! {
                    {mode_view}
                    <h2>"Profit and threshold per AVS"</h2>
                    {service_inputs}
                    <h2>"Shock"</h2>
                    <NumberInput id="shock" label="Shock ψ: share of all stake slashed from outside" unit="%" scale=100.0 value=psi min=0.0 max=100.0 step=0.5 error=outcome.error_at("analysis")/>
                    <p class="hint">"The loss bound is (1 + 1/γ*)·ψ. The simulated cascade shocks the smallest validators that fit within ψ."</p>
                    <details class="notes">
                        <summary>"Where the figures come from"</summary>
                        <ul>{demo_notes}</ul>
                    </details>
                }.into_any())
                results=Box::new(move || view! {
                    {move || other_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
                    {move || stale.get().then(|| view! { <p class="warning">"An input is invalid: the figures below are from the last valid inputs."</p> })}
                    {verdict_view}
                    {headline}
                    <NetworkDiagram title="Operators, AVSs and the most profitable attack" desc=net_desc operators=net_ops avss=net_avss edges=net_edges file_name="security-network"/>
                    <BarChart title="Cost vs profit of corruption per AVS" desc=bar_desc bars=bars unit=Unit::Eth axis_label="ETH" file_name="security-cost-profit"/>
                    <DataTable caption="AVSs: cost vs profit of corruption" row_header="AVS" columns=service_columns.clone() rows=service_rows csv_name="security-avss.csv"/>
                    <DataTable caption="Validators: whitepaper condition" row_header="Validator" columns=validator_columns.clone() rows=validator_rows csv_name="security-validators.csv"/>
                    <h2>"Cascade after the shock"</h2>
                    {cascade_summary}
                    <DataTable caption="Cascade steps" row_header="Step" columns=cascade_columns.clone() rows=cascade_rows csv_name="security-cascade.csv"/>
                    {worst_case}
                    <details class="notes">
                        <summary>"Modelling choices in force"</summary>
                        <ul>{model_notes}</ul>
                    </details>
                }.into_any())
                summary=Box::new(move || view! {
                    <Summary items=Signal::derive(move || outcome.report().map(|r| vec![
                        ("Slack γ*".to_owned(), r.certificate.gamma_star.map_or("unbounded".to_owned(), |g| format(Some(g), Unit::Fraction))),
                        ("Worst-case loss".to_owned(), r.certificate.loss_bound.map_or("not certified".to_owned(), |b| format(Some(b.min(1.0)), Unit::Fraction))),
                        ("Lost in the cascade".to_owned(), format(Some(r.cascade.lost_share), Unit::Fraction)),
                    ]).unwrap_or_default())/>
                }.into_any())
            />
        </Page>
    }
}
