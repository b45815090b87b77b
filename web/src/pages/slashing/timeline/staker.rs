//! The per-staker view: one staker followed through every step — the deposit scaling factor
//! and withdrawable shares per strategy, the beacon-chain slashing factor, what of its queue
//! is still slashable and its claim — exactly, as the contracts keep them (18 decimals).

use leptos::prelude::*;
use restake_core::slashing::timeline::TimelineReport;

use super::steps::step_title;
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::outcome::Outcome;
use crate::format::exact18;

/// The ids of every staker after the last step (tracked); empty before a valid run.
pub(super) fn staker_ids(outcome: Outcome<TimelineReport>) -> Vec<String> {
    outcome
        .report()
        .and_then(|r| {
            r.steps
                .last()
                .map(|s| s.stakers.iter().map(|x| x.id.clone()).collect())
        })
        .unwrap_or_default()
}

/// The staker picker and its story.
#[component]
pub(super) fn StakerStory(
    outcome: Outcome<TimelineReport>,
    selected: RwSignal<usize>,
) -> impl IntoView {
    let ids = Memo::new(move |_| staker_ids(outcome));
    // The staker followed: the last one by default (the story's own staker comes last).
    let chosen = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        let ids = ids.get();
        chosen
            .get()
            .filter(|c| ids.contains(c))
            .or_else(|| ids.last().cloned())
            .unwrap_or_default()
    });
    let options = move || {
        ids.get()
            .into_iter()
            .map(|id| {
                let (value, label) = (id.clone(), id.clone());
                view! { <option value=value selected=move || current.get() == id>{label}</option> }
            })
            .collect_view()
    };
    let rows = Signal::derive(move || {
        let id = current.get();
        outcome
            .report()
            .map(|r| {
                r.steps
                    .iter()
                    .enumerate()
                    .filter_map(|(k, step)| {
                        let s = step.stakers.iter().find(|s| s.id == id)?;
                        let mark = if k == selected.get() {
                            " (selected)"
                        } else {
                            ""
                        };
                        Some(Row {
                            header: format!("{}{mark}", step_title(step)),
                            cells: vec![
                                Cell::text(exact18(&s.strategies[0].deposit_scaling_factor.wad)),
                                Cell::text(exact18(&s.strategies[1].deposit_scaling_factor.wad)),
                                Cell::text(exact18(&s.beacon_chain_slashing_factor.wad)),
                                Cell::text(exact18(&s.strategies[0].withdrawable.wei)),
                                Cell::text(exact18(&s.strategies[1].withdrawable.wei)),
                                Cell::text(exact18(&s.slashable_in_queue.wei)),
                                Cell::text(exact18(&s.claim.wei)),
                            ],
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let col = |l: &str| Column::new(l, None, None);
    view! {
        <label class="select">"Follow the staker "
            <select id="timeline-staker" on:change=move |ev| chosen.set(Some(event_target_value(&ev)))>{options}</select>
        </label>
        <div id="staker-story">
            <DataTable caption="The staker through the story (exact, 18 decimals; amounts in ETH)" row_header="Step" csv_name="timeline-staker.csv"
                columns=vec![col("Deposit scaling factor, native"), col("Deposit scaling factor, LSTs"), col("Beacon-chain slashing factor"),
                    col("Withdrawable, native (ETH)"), col("Withdrawable, LSTs (ETH)"), col("Slashable in the queue (ETH)"), col("Claim (ETH)")]
                rows=rows/>
        </div>
    }
}
