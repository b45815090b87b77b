//! The timeline's results: a scrubber through the steps (a range input, Previous/Next and a
//! list of step buttons, all keyboard-operable) and the state after the selected step — the
//! rule it follows and where that rule is written, a slash's outcome, every operator, operator
//! set, staker, LRT and position, and the accounts. Figures are the report's; factors and
//! staker amounts are shown exactly (18 decimals, as the contracts keep them).

use leptos::prelude::*;
use restake_core::slashing::staker::Strategy;
use restake_core::slashing::timeline::{TimelineReport, TimelineStep};

use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::outcome::Outcome;
use crate::format::{Unit, exact18};

/// Display names of the network's operators and AVSs, by id.
#[derive(Clone)]
pub(in crate::pages::slashing) struct Names {
    pub(in crate::pages::slashing) operators: Vec<(String, String)>,
    pub(in crate::pages::slashing) avss: Vec<(String, String)>,
    pub(in crate::pages::slashing) tokens: Vec<(String, String)>,
}

fn lookup(list: &[(String, String)], id: &str) -> String {
    list.iter()
        .find(|(i, _)| i == id)
        .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
}

/// `Deposit at block 4` for step buttons and the scrubber's value text.
pub(super) fn step_title(s: &TimelineStep) -> String {
    match s.index {
        None => "Start, block 0".to_owned(),
        Some(i) => format!("Action {}: {} at block {}", i + 1, s.kind, s.block),
    }
}

fn strategy_label(s: Strategy) -> &'static str {
    match s {
        Strategy::BeaconChainEth => "native ETH",
        Strategy::Lst => "LSTs",
    }
}

/// The scrubber and the state after the selected step.
#[component]
pub(super) fn StepView(
    outcome: Outcome<TimelineReport>,
    selected: RwSignal<usize>,
    names: Names,
) -> impl IntoView {
    let count = Memo::new(move |_| outcome.report().map_or(1, |r| r.steps.len()));
    Effect::new(move |_| {
        let n = count.get();
        if selected.get_untracked() >= n {
            selected.set(n - 1);
        }
    });
    let step = Memo::new(move |_| {
        let k = selected.get();
        outcome
            .report()
            .and_then(|r| r.steps.get(k.min(r.steps.len().saturating_sub(1))).cloned())
    });
    let titles = Memo::new(move |_| {
        outcome
            .report()
            .map(|r| r.steps.iter().map(step_title).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let value_text = move || step.with(|s| s.as_ref().map(step_title).unwrap_or_default());
    let names = StoredValue::new(names);
    let buttons = move || {
        titles
            .get()
            .into_iter()
            .enumerate()
            .map(|(k, t)| {
                view! {
                    <li>
                        <button type="button" class="step-button"
                            aria-current=move || (selected.get() == k).then_some("step")
                            on:click=move |_| selected.set(k)>{t}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="scrubber" role="group" aria-label="Steps of the timeline">
            <button type="button" id="step-prev" class="secondary" disabled=move || selected.get() == 0
                on:click=move |_| selected.update(|k| *k = k.saturating_sub(1))>"Previous step"</button>
            <label for="timeline-step">"Step"</label>
            <input type="range" id="timeline-step" min="0" step="1"
                max=move || (count.get() - 1).to_string()
                prop:value=move || selected.get().to_string()
                aria-valuetext=value_text
                on:input=move |ev| selected.set(event_target_value(&ev).parse().unwrap_or(0))/>
            <button type="button" id="step-next" class="secondary" disabled=move || { selected.get() + 1 >= count.get() }
                on:click=move |_| selected.update(|k| *k = (*k + 1).min(count.get_untracked() - 1))>"Next step"</button>
        </div>
        <ol class="timeline-steps">{buttons}</ol>
        {move || step.get().map(|s| view! { <StepState step=s names=names.get_value()/> })}
    }
}

/// The state after one step.
#[component]
fn StepState(step: TimelineStep, names: Names) -> impl IntoView {
    let title = step_title(&step);
    let slash = step.slash.clone().map(|x| {
        let by: Vec<String> = x
            .by_staker
            .iter()
            .map(|s| format!("{} {} ETH", s.id, exact18(&s.amount.wei)))
            .collect();
        let to = x.recipient.clone().map_or_else(
            || "burned when released from escrow".to_owned(),
            |r| format!("sent to {r} when released from escrow (ELIP-006)"),
        );
        view! {
            <p id="step-slash">{format!(
                "Slashed {} ETH ({}); maxMagnitude {} → {}; {}.",
                exact18(&x.slashed.wei),
                if by.is_empty() { "no staker".to_owned() } else { by.join(", ") },
                exact18(&x.max_magnitude_before.wad),
                exact18(&x.max_magnitude_after.wad),
                to
            )}</p>
        }
    });
    let mut op_rows = Vec::new();
    let mut set_rows = Vec::new();
    for o in &step.operators {
        let name = lookup(&names.operators, &o.id);
        for s in &o.strategies {
            op_rows.push(Row {
                header: format!("{name}, {}", strategy_label(s.strategy)),
                cells: vec![
                    Cell::text(exact18(&s.max_magnitude.wad)),
                    Cell::text(exact18(&s.encumbered.wad)),
                    Cell::number(s.delegated.eth),
                ],
            });
            for a in &s.allocations {
                set_rows.push(Row {
                    header: format!(
                        "{name} → {}, {}",
                        lookup(&names.avss, &a.avs),
                        strategy_label(s.strategy)
                    ),
                    cells: vec![
                        Cell::text(exact18(&a.current.wad)),
                        Cell::text(exact18(&a.pending_increase.wad)),
                        Cell::text(exact18(&a.pending_decrease.wad)),
                        Cell::maybe(a.effect_block.map(f64::from)),
                    ],
                });
            }
        }
    }
    let staker_rows: Vec<Row> = step
        .stakers
        .iter()
        .map(|s| Row {
            header: s.id.clone(),
            cells: vec![
                Cell::text(
                    s.operator
                        .as_deref()
                        .map_or_else(|| "—".to_owned(), |o| lookup(&names.operators, o)),
                ),
                Cell::text(exact18(&s.strategies[0].deposit_scaling_factor.wad)),
                Cell::text(exact18(&s.strategies[1].deposit_scaling_factor.wad)),
                Cell::text(exact18(&s.beacon_chain_slashing_factor.wad)),
                Cell::number(s.strategies[0].withdrawable.eth),
                Cell::number(s.strategies[1].withdrawable.eth),
                Cell::number(s.slashable_in_queue.eth),
                Cell::number(s.claim.eth),
            ],
        })
        .collect();
    let mut lrt_rows = Vec::new();
    let mut position_rows = Vec::new();
    for p in &step.protocols {
        let token = lookup(&names.tokens, &p.id);
        lrt_rows.push(Row {
            header: token.clone(),
            cells: vec![
                Cell::number(p.backing.eth),
                Cell::number(p.backing_ratio),
                Cell::maybe(p.exchange_rate_eth),
            ],
        });
        for x in &p.positions {
            position_rows.push(Row {
                header: format!("Position {} in {token}", x.position + 1),
                cells: vec![Cell::number(x.amount_eth)],
            });
        }
    }
    let t = &step.totals;
    let redistributed = if t.redistributed.is_empty() {
        "0 ETH".to_owned()
    } else {
        t.redistributed
            .iter()
            .map(|r| format!("{} ETH to {}", exact18(&r.amount.wei), r.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let eth = |a: &restake_core::wad::Amount| format!("{} ETH", exact18(&a.wei));
    let totals = vec![
        ("Deposited", eth(&t.deposited)),
        ("Still in EigenLayer", eth(&t.remaining)),
        ("Paid out", eth(&t.paid_out)),
        ("Slashed", eth(&t.slashed)),
        ("… in escrow", eth(&t.escrowed)),
        ("… burned", eth(&t.burned)),
        ("… redistributed", redistributed),
        ("Lost to the beacon chain", eth(&t.lost_to_beacon_chain)),
        (
            "Rounding (the contracts' dust)",
            format!("{} wei", t.rounding_dust.wei),
        ),
    ]
    .into_iter()
    .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
    .collect_view();
    let col = |l: &str, u: Option<Unit>| Column::new(l, u, None);
    view! {
        <section class="step-state" aria-labelledby="step-title">
            <h3 id="step-title">{title}</h3>
            <p class="step-rule" id="step-rule">{step.rule.clone()}</p>
            {(!step.source.is_empty()).then(|| view! { <p class="step-source" id="step-source">"Source: " {step.source.clone()}</p> })}
            {(!step.note.is_empty()).then(|| view! { <p class="step-note">{step.note.clone()}</p> })}
            {slash}
            <dl class="headline" id="step-totals">{totals}</dl>
            <DataTable caption="Stakers after this step" row_header="Staker" csv_name="timeline-stakers.csv"
                columns=vec![col("Operator", None), col("Deposit scaling factor, native", None), col("Deposit scaling factor, LSTs", None),
                    col("Beacon-chain slashing factor", None), col("Withdrawable, native", Some(Unit::Eth)),
                    col("Withdrawable, LSTs", Some(Unit::Eth)), col("Slashable in the queue", Some(Unit::Eth)), col("Claim", Some(Unit::Eth))]
                rows=Signal::derive(move || staker_rows.clone())/>
            <DataTable caption="Operators after this step" row_header="Operator, strategy" csv_name="timeline-operators.csv"
                columns=vec![col("maxMagnitude", None), col("Encumbered magnitude", None), col("Delegated", Some(Unit::Eth))]
                rows=Signal::derive(move || op_rows.clone())/>
            <DataTable caption="Operator sets (AVS allocations) after this step" row_header="Operator → AVS" csv_name="timeline-allocations.csv"
                columns=vec![col("Current magnitude", None), col("Pending increase", None), col("Pending decrease", None), col("Effect block", Some(Unit::Count))]
                rows=Signal::derive(move || set_rows.clone())/>
            <DataTable caption="LRTs after this step" row_header="LRT" csv_name="timeline-lrts.csv"
                columns=vec![col("Backing", Some(Unit::Eth)), col("Backing ratio", Some(Unit::Fraction)), col("Exchange rate", Some(Unit::Price))]
                rows=Signal::derive(move || lrt_rows.clone())/>
            <DataTable caption="Your positions after this step" row_header="Position" csv_name="timeline-positions.csv"
                columns=vec![col("Value", Some(Unit::Eth))]
                rows=Signal::derive(move || position_rows.clone())/>
        </section>
    }
}
