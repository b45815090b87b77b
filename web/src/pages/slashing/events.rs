//! The event list editor: what kind of event each row describes, its fields, and the core
//! [`SlashEvent`] it stands for.

use leptos::prelude::*;
use restake_core::slashing::{SlashEvent, SlashingReport};

use crate::components::number_input::NumberInput;
use crate::components::outcome::{Outcome, beside_field};
use crate::components::pager::{Pager, Window};

/// What kind of event an event row describes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    OperatorFault,
    LayeredFault,
    AvsWide,
    BeaconSlashing,
    BeaconBalanceDrop,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::OperatorFault,
        Kind::LayeredFault,
        Kind::AvsWide,
        Kind::BeaconSlashing,
        Kind::BeaconBalanceDrop,
    ];

    pub(super) fn label(self) -> &'static str {
        match self {
            Kind::OperatorFault => "Operator fault on one AVS",
            Kind::LayeredFault => "Operator fault on every AVS it secures (layered)",
            Kind::AvsWide => "AVS-wide slash (a bug in the AVS)",
            Kind::BeaconSlashing => "Beacon-chain slashing of validators",
            Kind::BeaconBalanceDrop => "Beacon-chain balance drop",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Kind::OperatorFault => "operatorFault",
            Kind::LayeredFault => "layeredFault",
            Kind::AvsWide => "avsWide",
            Kind::BeaconSlashing => "beaconSlashing",
            Kind::BeaconBalanceDrop => "beaconBalanceDrop",
        }
    }

    fn from_key(key: &str) -> Kind {
        Kind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .unwrap_or(Kind::OperatorFault)
    }

    pub(super) fn of(e: &SlashEvent) -> Kind {
        match e {
            SlashEvent::OperatorFault { .. } => Kind::OperatorFault,
            SlashEvent::LayeredFault { .. } => Kind::LayeredFault,
            SlashEvent::AvsWide { .. } => Kind::AvsWide,
            SlashEvent::BeaconSlashing { .. } => Kind::BeaconSlashing,
            SlashEvent::BeaconBalanceDrop { .. } => Kind::BeaconBalanceDrop,
        }
    }

    fn uses_operator(self) -> bool {
        self != Kind::AvsWide
    }

    fn uses_avs(self) -> bool {
        matches!(self, Kind::OperatorFault | Kind::AvsWide)
    }

    fn uses_fraction(self) -> bool {
        matches!(
            self,
            Kind::OperatorFault | Kind::LayeredFault | Kind::AvsWide
        )
    }
}

/// The editable state of one event; `uid` keys the row so ids stay stable when rows are removed.
#[derive(Clone, Copy)]
pub(super) struct EventRow {
    pub(super) uid: usize,
    kind: RwSignal<Kind>,
    operator: RwSignal<usize>,
    avs: RwSignal<usize>,
    fraction: RwSignal<f64>,
    validators: RwSignal<f64>,
    effective_balance: RwSignal<f64>,
    amount: RwSignal<f64>,
}

impl EventRow {
    pub(super) fn new(uid: usize, kind: Kind) -> EventRow {
        EventRow {
            uid,
            kind: RwSignal::new(kind),
            operator: RwSignal::new(0),
            avs: RwSignal::new(0),
            fraction: RwSignal::new(0.1),
            validators: RwSignal::new(1.0),
            effective_balance: RwSignal::new(32.0),
            amount: RwSignal::new(16.0),
        }
    }

    /// Loads a preset event; ids that are not in the lists fall back to the first entry.
    pub(super) fn from_event(
        uid: usize,
        e: &SlashEvent,
        ops: &[String],
        avss: &[String],
    ) -> EventRow {
        let index = |list: &[String], id: &str| list.iter().position(|x| x == id).unwrap_or(0);
        let row = EventRow::new(uid, Kind::OperatorFault);
        match e {
            SlashEvent::OperatorFault {
                operator,
                avs,
                fraction,
            } => {
                row.operator.set(index(ops, operator));
                row.avs.set(index(avss, avs));
                row.fraction.set(*fraction);
            }
            SlashEvent::LayeredFault { operator, fraction } => {
                row.kind.set(Kind::LayeredFault);
                row.operator.set(index(ops, operator));
                row.fraction.set(*fraction);
            }
            SlashEvent::AvsWide { avs, fraction } => {
                row.kind.set(Kind::AvsWide);
                row.avs.set(index(avss, avs));
                row.fraction.set(*fraction);
            }
            SlashEvent::BeaconSlashing {
                operator,
                validators,
                effective_balance_eth,
            } => {
                row.kind.set(Kind::BeaconSlashing);
                row.operator.set(index(ops, operator));
                row.validators.set(f64::from(*validators));
                row.effective_balance.set(f64::from(*effective_balance_eth));
            }
            SlashEvent::BeaconBalanceDrop {
                operator,
                amount_eth,
            } => {
                row.kind.set(Kind::BeaconBalanceDrop);
                row.operator.set(index(ops, operator));
                row.amount.set(*amount_eth);
            }
        }
        row
    }

    /// The core event this row describes (the number fields only hold accepted values).
    pub(super) fn event(&self, ops: &[String], avss: &[String]) -> SlashEvent {
        let op = ops.get(self.operator.get()).cloned().unwrap_or_default();
        let avs = avss.get(self.avs.get()).cloned().unwrap_or_default();
        match self.kind.get() {
            Kind::OperatorFault => SlashEvent::OperatorFault {
                operator: op,
                avs,
                fraction: self.fraction.get(),
            },
            Kind::LayeredFault => SlashEvent::LayeredFault {
                operator: op,
                fraction: self.fraction.get(),
            },
            Kind::AvsWide => SlashEvent::AvsWide {
                avs,
                fraction: self.fraction.get(),
            },
            Kind::BeaconSlashing => SlashEvent::BeaconSlashing {
                operator: op,
                // The fields accept whole numbers in 1..=10,000 and 1..=2,048 only.
                validators: self.validators.get() as u32,
                effective_balance_eth: self.effective_balance.get() as u32,
            },
            Kind::BeaconBalanceDrop => SlashEvent::BeaconBalanceDrop {
                operator: op,
                amount_eth: self.amount.get(),
            },
        }
    }
}

/// The editable list of events, keyed by each row's `uid` so a row keeps its DOM (and its ids,
/// `event-{uid}`) when rows above it are removed; its number and error path follow its index.
#[component]
pub(super) fn EventList(
    events: RwSignal<Vec<EventRow>>,
    next_uid: StoredValue<usize>,
    op_names: Vec<String>,
    avs_names: Vec<String>,
    outcome: Outcome<SlashingReport>,
) -> impl IntoView {
    let (op_names, avs_names) = (StoredValue::new(op_names), StoredValue::new(avs_names));
    // A long list is shown EVENTS_PER_PAGE at a time (each row lists every operator and AVS
    // of the network).
    let count = Signal::derive(move || events.with(Vec::len));
    let window = Window::new(count, EVENTS_PER_PAGE);
    let add_event = move |_| {
        let uid = next_uid.get_value();
        next_uid.set_value(uid + 1);
        events.update(|v| v.push(EventRow::new(uid, Kind::LayeredFault)));
        window.show(count.get_untracked().saturating_sub(1));
    };
    // The whole sequence's own message (its size, the page's work budget).
    let list_error = Signal::derive(move || {
        outcome.result.with(|r| {
            r.as_ref()
                .err()
                .filter(|e| e.field() == "events")
                .map(beside_field)
        })
    });
    let shown = move || {
        let r = window.range();
        events.with(|v| v[r].to_vec())
    };
    view! {
        {move || list_error.get().map(|e| view! { <p class="field-msg" role="status" id="events-error">{e}</p> })}
        <Pager window=window noun="events" label="Events" id="events"/>
        <For
            each=shown
            key=|row| row.uid
            children={move |row: EventRow| {
                let uid = row.uid;
                let index = Signal::derive(move || events.with(|v| v.iter().position(|e| e.uid == uid).unwrap_or(0)));
                view! { <EventFields row=row index=index events=events op_names=op_names.get_value() avs_names=avs_names.get_value() outcome=outcome/> }
            }}
        />
        <button type="button" id="add-event" class="secondary" on:click=add_event>"Add an event"</button>
    }
}

/// Events shown at once; a longer list pages.
const EVENTS_PER_PAGE: usize = 20;

/// The fields of one event row; `index` is its current position in the list.
#[component]
fn EventFields(
    row: EventRow,
    index: Signal<usize>,
    events: RwSignal<Vec<EventRow>>,
    op_names: Vec<String>,
    avs_names: Vec<String>,
    outcome: Outcome<SlashingReport>,
) -> impl IntoView {
    let uid = row.uid;
    let err = outcome.error_under(move || format!("events[{}]", index.get()));
    let remove = move |_| events.update(|v| v.retain(|e| e.uid != uid));
    let op_options = op_names
        .iter()
        .enumerate()
        .map(|(j, n)| view! { <option value=j.to_string() selected=move || row.operator.get() == j>{n.clone()}</option> })
        .collect_view();
    let avs_options = avs_names
        .iter()
        .enumerate()
        .map(|(j, n)| view! { <option value=j.to_string() selected=move || row.avs.get() == j>{n.clone()}</option> })
        .collect_view();
    let kind_options = Kind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.key() selected=move || row.kind.get() == k>{k.label()}</option> })
        .collect_view();
    view! {
        <fieldset class="event" id=format!("event-{uid}")>
            <legend>{move || format!("Event {}", index.get() + 1)}</legend>
            <label class="select">"What happens "
                <select class="event-kind" on:change=move |ev| row.kind.set(Kind::from_key(&event_target_value(&ev)))>{kind_options}</select>
            </label>
            <Show when=move || row.kind.get().uses_operator()>
                <label class="select">"Operator "
                    <select class="event-operator" on:change=move |ev| row.operator.set(event_target_value(&ev).parse().unwrap_or(0))>{op_options.clone()}</select>
                </label>
            </Show>
            <Show when=move || row.kind.get().uses_avs()>
                <label class="select">"AVS "
                    <select class="event-avs" on:change=move |ev| row.avs.set(event_target_value(&ev).parse().unwrap_or(0))>{avs_options.clone()}</select>
                </label>
            </Show>
            <Show when=move || row.kind.get().uses_fraction()>
                <NumberInput id=format!("event-{uid}-fraction") label="Slash (wadsToSlash)" term="slashing" unit="%" scale=100.0 value=row.fraction min=0.01 max=100.0 step=1.0/>
            </Show>
            <Show when=move || row.kind.get() == Kind::BeaconSlashing>
                <NumberInput id=format!("event-{uid}-validators") label="Validators slashed" unit="validators" value=row.validators min=1.0 max=10_000.0 step=1.0/>
                <NumberInput id=format!("event-{uid}-eb") label="Effective balance of each" unit="ETH" value=row.effective_balance min=1.0 max=2_048.0 step=1.0/>
            </Show>
            <Show when=move || row.kind.get() == Kind::BeaconBalanceDrop>
                <NumberInput id=format!("event-{uid}-amount") label="Balance lost by the operator's pods" unit="ETH" value=row.amount min=0.0 max=1_000_000.0 step=1.0/>
            </Show>
            {move || err.get().map(|e| view! { <p class="field-msg event-error" role="status">{e}</p> })}
            <button type="button" class="secondary" on:click=remove>{move || format!("Remove event {}", index.get() + 1)}</button>
        </fieldset>
    }
}
