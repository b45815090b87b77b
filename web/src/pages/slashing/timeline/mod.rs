//! The Slashing page's timeline: block-numbered actions on the page's network, replayed by
//! `restake_core::slashing::timeline::apply_timeline` with EigenLayer's delays, and the state
//! after each step. The actions and delays are saved in the document's `slashing.timeline`
//! (so in the share link) whenever they replay without error; a revert is shown at its action.
//!
//! Files: `rows` (one action's signals ↔ the core action), `fields` (the action editor),
//! `steps` (the scrubber and the state after a step), `staker` (one staker through the story).

use leptos::prelude::*;
use restake_core::Error;
use restake_core::network::Network;
use restake_core::scenario::{SlashingSection, TimelineSection, timeline_replays};
use restake_core::slashing::timeline::{
    StartMagnitude, TimelineOptions, TimelineReport, apply_timeline,
};

use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::pager::{Pager, Window};
use crate::components::source::BasisList;
use crate::store::{use_store, write_back};

mod fields;
mod rows;
mod staker;
mod steps;

use fields::{ActionList, Choices};
use rows::{ActionRow, whole};
use staker::StakerStory;
pub(super) use steps::Names;
use steps::StepView;

/// The delays and starting magnitudes, as the fields hold them (blocks; fractions).
#[derive(Clone, Copy)]
struct OptionFields {
    deallocation: RwSignal<f64>,
    allocation: RwSignal<f64>,
    withdrawal: RwSignal<f64>,
    escrow: RwSignal<f64>,
    /// `maxMagnitude` at block 0 per operator (1 = never slashed).
    start: StoredValue<Vec<RwSignal<f64>>>,
}

impl OptionFields {
    fn new(o: &TimelineOptions, op_ids: &[String]) -> OptionFields {
        let start = op_ids
            .iter()
            .map(|id| {
                let m = o
                    .start
                    .iter()
                    .find(|s| &s.operator == id)
                    .map_or(1.0, |s| s.max_magnitude);
                RwSignal::new(m)
            })
            .collect();
        OptionFields {
            deallocation: RwSignal::new(f64::from(o.deallocation_delay_blocks)),
            allocation: RwSignal::new(f64::from(o.allocation_delay_blocks)),
            withdrawal: RwSignal::new(f64::from(o.withdrawal_delay_blocks)),
            escrow: RwSignal::new(f64::from(o.escrow_delay_blocks)),
            start: StoredValue::new(start),
        }
    }

    fn options(&self, op_ids: &[String]) -> Result<TimelineOptions, Error> {
        let start = self.start.with_value(|s| {
            s.iter()
                .zip(op_ids)
                .filter(|(m, _)| m.get() < 1.0)
                .map(|(m, id)| StartMagnitude {
                    operator: id.clone(),
                    max_magnitude: m.get(),
                })
                .collect()
        });
        Ok(TimelineOptions {
            deallocation_delay_blocks: whole(
                "options.deallocationDelayBlocks",
                self.deallocation.get(),
            )?,
            allocation_delay_blocks: whole("options.allocationDelayBlocks", self.allocation.get())?,
            withdrawal_delay_blocks: whole("options.withdrawalDelayBlocks", self.withdrawal.get())?,
            escrow_delay_blocks: whole("options.escrowDelayBlocks", self.escrow.get())?,
            start,
        })
    }
}

/// Operators' starting-magnitude fields shown at once; more page.
const START_PER_PAGE: usize = 25;

/// The timeline section of the Slashing page: presets, actions, delays, and the results.
#[component]
pub(super) fn TimelineEditor(
    network: Memo<Network>,
    initial: Option<TimelineSection>,
    op_ids: Vec<String>,
    avs_ids: Vec<String>,
    names: Names,
) -> impl IntoView {
    let store = use_store();
    let initial = initial.unwrap_or_default();
    let next_uid = StoredValue::new(initial.actions.len());
    let rows = RwSignal::new(
        initial
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| ActionRow::from_action(i, a, &op_ids, &avs_ids))
            .collect::<Vec<_>>(),
    );
    let opts = OptionFields::new(&initial.options, &op_ids);
    let ids = StoredValue::new((op_ids.clone(), avs_ids.clone()));
    let section = move || -> Result<TimelineSection, Error> {
        let rows = rows.get();
        for (i, r) in rows.iter().enumerate() {
            r.check(i)?;
        }
        ids.with_value(|(ops, avss)| {
            Ok(TimelineSection {
                actions: rows.iter().map(|r| r.action(ops, avss)).collect(),
                options: opts.options(ops)?,
            })
        })
    };
    let section = StoredValue::new(section);
    let outcome: Outcome<TimelineReport> = Outcome::new(move || {
        let t = section.get_value()()?;
        network.with(|n| apply_timeline(n, &t.actions, &t.options))
    });
    write_back(
        move || {
            outcome
                .result
                .with(Result::is_ok)
                .then(|| section.get_value()().ok())
                .flatten()
        },
        |d, t: TimelineSection| {
            let keep = !t.actions.is_empty() || t.options != TimelineOptions::default();
            d.slashing
                .get_or_insert_with(SlashingSection::default)
                .timeline = keep.then_some(t);
        },
    );
    let selected = RwSignal::new(0usize);
    let presets = StoredValue::new(timeline_replays().unwrap_or_default());
    let preset_pick = RwSignal::new(0usize);
    let load = move |_| {
        if let Some(r) = presets.with_value(|p| p.get(preset_pick.get_untracked()).cloned()) {
            store.load_replay(r.scenario, &r.title);
        }
    };
    let preset_options = presets.with_value(|p| {
        p.iter()
            .enumerate()
            .map(|(k, r)| view! { <option value=k.to_string()>{r.title.clone()}</option> })
            .collect_view()
    });
    // The preset this timeline is (its note and sources), while it is unchanged.
    let current_preset = Memo::new(move |_| {
        let t = section.get_value()().ok();
        presets.with_value(|p| {
            p.iter()
                .find(|r| {
                    r.scenario
                        .slashing
                        .as_ref()
                        .and_then(|s| s.timeline.as_ref())
                        == t.as_ref()
                })
                .map(|r| (r.title.clone(), r.note.clone(), r.basis.clone()))
        })
    });
    let staker_ids = move || {
        staker::staker_ids(outcome)
            .into_iter()
            .map(|id| view! { <option value=id/> })
            .collect_view()
    };
    let other_error = outcome.other_error(&["actions", "options."]);
    let stale = outcome.stale();
    let choices = Choices {
        op_names: names.operators.iter().map(|(_, n)| n.clone()).collect(),
        avs_names: names.avss.iter().map(|(_, n)| n.clone()).collect(),
    };
    // One field per operator, START_PER_PAGE at a time (a network may have 500 operators).
    let start_data = StoredValue::new((
        opts.start.get_value(),
        names
            .operators
            .iter()
            .map(|(_, n)| n.clone())
            .collect::<Vec<_>>(),
    ));
    let start_total = start_data.with_value(|(m, _)| m.len());
    let start_window = Window::new(Signal::derive(move || start_total), START_PER_PAGE);
    let start_error = outcome.error_at("options.start");
    let start_fields = move || {
        start_data.with_value(|(ms, ns)| {
            start_window.range().map(|k| {
                let name = &ns[k];
                view! { <NumberInput id=format!("timeline-start-{k}") label=format!("{name}: maxMagnitude at block 0") term="magnitude" unit="%" scale=100.0 value=ms[k] min=0.01 max=100.0 step=1.0 slider=false error=start_error/> }
            }).collect_view()
        })
    };
    let count = move || rows.with(Vec::len);
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Through time: a timeline of actions"</h2>
            <p>"Stakers deposit, delegate and withdraw; operators allocate and deallocate; AVSs slash — each at a block, with EigenLayer's delays: a deallocation stays slashable until its effect block, a queued withdrawal through its window, slashed funds sit in escrow. An action the contracts would refuse is marked where you typed it."</p>
            <div class="preset-row">
                <label class="select">"Preset timeline "
                    <select id="timeline-preset" on:change=move |ev| preset_pick.set(event_target_value(&ev).parse().unwrap_or(0))>{preset_options}</select>
                </label>
                <button type="button" id="load-preset" class="secondary" on:click=load>"Load the preset"</button>
            </div>
            {move || current_preset.get().map(|(title, note, basis)| view! {
                <div class="preset-note" id="preset-note">
                    <p><strong>{title}</strong>". "{note}</p>
                    <BasisList items=basis.into_iter().map(|b| ("timeline".to_owned(), b)).collect()/>
                </div>
            })}
            <div class="panels">
                <section class="panel inputs" aria-label="Timeline actions">
                    <datalist id="timeline-stakers">{staker_ids}</datalist>
                    <p>{move || format!("{} actions, applied in block order.", count())}</p>
                    <ActionList rows=rows next_uid=next_uid choices=choices outcome=outcome/>
                    <details class="timeline-options">
                        <summary>"Delays and operators already slashed"</summary>
                        <NumberInput id="timeline-deallocation" label="DEALLOCATION_DELAY" unit="blocks" value=opts.deallocation min=0.0 max=4_294_967_295.0 step=1.0 slider=false error=outcome.error_at("options.deallocationDelayBlocks")/>
                        <NumberInput id="timeline-allocation" label="Operators' allocation delay (assumption)" unit="blocks" value=opts.allocation min=0.0 max=4_294_967_295.0 step=1.0 slider=false error=outcome.error_at("options.allocationDelayBlocks")/>
                        <NumberInput id="timeline-withdrawal" label="MIN_WITHDRAWAL_DELAY_BLOCKS" unit="blocks" value=opts.withdrawal min=0.0 max=4_294_967_295.0 step=1.0 slider=false error=outcome.error_at("options.withdrawalDelayBlocks")/>
                        <NumberInput id="timeline-escrow" label="Slash escrow delay" unit="blocks" value=opts.escrow min=0.0 max=4_294_967_295.0 step=1.0 slider=false error=outcome.error_at("options.escrowDelayBlocks")/>
                        <Pager window=start_window noun="operators" label="Operators already slashed" id="timeline-start"/>
                        {start_fields}
                    </details>
                </section>
                <section class="panel results" aria-label="Timeline results">
                    {move || other_error.get().map(|e| view! { <p role="alert" class="error" id="timeline-error">{e}</p> })}
                    {move || stale.get().then(|| view! { <p class="warning" id="timeline-stale">"An action is refused: the steps below are from the last timeline that replayed."</p> })}
                    <StepView outcome=outcome selected=selected names=names/>
                    <h3>"One staker through the story"</h3>
                    <StakerStory outcome=outcome selected=selected/>
                </section>
            </div>
        </section>
    }
}
