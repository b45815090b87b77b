//! The Slashing page: an editable operator × AVS allocation grid, a stack of slashing events,
//! unique-stake vs shared-stake semantics, and what the sequence does to every operator, AVS,
//! LRT and the user's positions. Every figure comes from `restake_core::slashing`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::network::{Allocation, Network};
use restake_core::scenario::SlashingSection;
use restake_core::slashing::demo::{SlashingDemo, demo};
use restake_core::slashing::{SlashEvent, SlashingOptions, StakeMode, apply_slashing};

use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::chart::network::{NetEdge, NetNode, NetworkDiagram};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::download::{csv, offer_file};
use crate::components::number_input::{NumberInput, parse_display};
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels};
use crate::components::page_entry::demo_or_error;
use crate::components::prefill::prefill_notice;
use crate::components::source::BasisList;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

/// What kind of event an event row describes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
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

    fn label(self) -> &'static str {
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

    fn of(e: &SlashEvent) -> Kind {
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
struct EventRow {
    uid: usize,
    kind: RwSignal<Kind>,
    operator: RwSignal<usize>,
    avs: RwSignal<usize>,
    fraction: RwSignal<f64>,
    validators: RwSignal<f64>,
    effective_balance: RwSignal<f64>,
    amount: RwSignal<f64>,
}

impl EventRow {
    fn new(uid: usize, kind: Kind) -> EventRow {
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
    fn from_event(uid: usize, e: &SlashEvent, ops: &[String], avss: &[String]) -> EventRow {
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
    fn event(&self, ops: &[String], avss: &[String]) -> SlashEvent {
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

/// One cell of the allocation grid: a percentage field without a slider (the grid would be
/// unreadable with one per cell). Invalid text marks the cell and leaves the value unchanged.
#[component]
fn MagnitudeCell(value: RwSignal<f64>, label: String, id: String) -> impl IntoView {
    let text = RwSignal::new(trim_percent(value.get_untracked()));
    let invalid = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let shown = trim_percent(value.get());
        if invalid.get_untracked().is_none() {
            text.set(shown);
        }
    });
    let msg_id = format!("{id}-msg");
    view! {
        <td class:invalid=move || invalid.get().is_some()>
            <input
                id=id
                class="grid-cell"
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=label
                aria-invalid=move || if invalid.get().is_some() { "true" } else { "false" }
                aria-describedby=msg_id.clone()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    text.set(raw.clone());
                    match parse_display(&raw, 0.0, 100.0) {
                        Ok(v) => {
                            invalid.set(None);
                            value.set(v / 100.0);
                        }
                        Err(e) => invalid.set(Some(e)),
                    }
                }
            />
            <span class="visually-hidden" id=msg_id>{move || invalid.get()}</span>
        </td>
    }
}

fn trim_percent(fraction: f64) -> String {
    let s = format!("{:.4}", fraction * 100.0);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The page.
#[component]
pub fn SlashingPage() -> impl IntoView {
    let store = use_store();
    // `/slashing?protocol=kelp` (a link from the matrix): the user's position moves into that token.
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    demo_or_error("Layered slashing", demo(), move |mut d| {
        // The document's network and slashing section; the demo's events and options when it
        // has no section. The demo's notes describe the demo's figures only.
        let doc = store.doc.get_untracked();
        if doc.network != d.network {
            d.notes.clear();
        }
        if let Some(section) = doc.slashing.clone() {
            if section.events != d.events {
                d.notes.retain(|n| !n.path.starts_with("events"));
            }
            d.events = section.events;
            d.options = section.options;
        }
        d.network = doc.network;
        let notice = wanted.map(|id| prefill_notice(&mut d.network, &id));
        view! { <SlashingLab demo=d notice=notice/> }
    })
}

#[component]
fn SlashingLab(demo: SlashingDemo, notice: Option<String>) -> impl IntoView {
    let base = demo.network.clone();
    let op_ids: Vec<String> = base.operators.iter().map(|o| o.id.clone()).collect();
    let op_names: Vec<String> = base.operators.iter().map(|o| o.name.clone()).collect();
    let avs_ids: Vec<String> = base.avss.iter().map(|a| a.id.clone()).collect();
    let avs_names: Vec<String> = base.avss.iter().map(|a| a.name.clone()).collect();
    let token_of = {
        let protocols = base.protocols.clone();
        move |id: &str| {
            protocols
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.token.clone())
                .unwrap_or_else(|| id.to_owned())
        }
    };

    // Allocation grid: magnitude per (operator, AVS), a fraction; 0 = not allocated.
    let grid: Vec<Vec<RwSignal<f64>>> = op_ids
        .iter()
        .map(|o| {
            avs_ids
                .iter()
                .map(|a| {
                    let m = base
                        .allocations
                        .iter()
                        .find(|x| &x.operator == o && &x.avs == a)
                        .map_or(0.0, |x| x.magnitude);
                    RwSignal::new(m)
                })
                .collect()
        })
        .collect();
    let limits: Vec<(String, String, Option<f64>)> = base
        .allocations
        .iter()
        .map(|a| (a.operator.clone(), a.avs.clone(), a.network_limit))
        .collect();
    let restaked: Vec<RwSignal<f64>> = base
        .restaking
        .iter()
        .map(|r| RwSignal::new(r.restaked_eth))
        .collect();
    let positions: Vec<RwSignal<f64>> = base
        .positions
        .iter()
        .map(|p| RwSignal::new(p.amount_eth))
        .collect();
    let mode = RwSignal::new(demo.options.mode);
    let total_active = RwSignal::new(demo.options.total_active_balance_eth);
    let other_slashed = RwSignal::new(demo.options.other_slashed_eth);
    let next_uid = StoredValue::new(demo.events.len());
    let events = RwSignal::new(
        demo.events
            .iter()
            .enumerate()
            .map(|(i, e)| EventRow::from_event(i, e, &op_ids, &avs_ids))
            .collect::<Vec<_>>(),
    );

    let inputs = {
        let (base, grid, restaked, positions) = (
            base.clone(),
            grid.clone(),
            restaked.clone(),
            positions.clone(),
        );
        let (op_ids, avs_ids) = (op_ids.clone(), avs_ids.clone());
        move || -> (Network, Vec<SlashEvent>, SlashingOptions) {
            let mut s = base.clone();
            s.allocations = grid
                .iter()
                .enumerate()
                .flat_map(|(o, row)| {
                    let (op_ids, avs_ids, limits) = (&op_ids, &avs_ids, &limits);
                    row.iter().enumerate().filter_map(move |(a, m)| {
                        let magnitude = m.get();
                        (magnitude > 0.0).then(|| Allocation {
                            operator: op_ids[o].clone(),
                            avs: avs_ids[a].clone(),
                            magnitude,
                            network_limit: limits
                                .iter()
                                .find(|(x, y, _)| x == &op_ids[o] && y == &avs_ids[a])
                                .and_then(|(_, _, l)| *l),
                        })
                    })
                })
                .collect();
            for (r, v) in s.restaking.iter_mut().zip(&restaked) {
                r.restaked_eth = v.get();
            }
            for (p, v) in s.positions.iter_mut().zip(&positions) {
                p.amount_eth = v.get();
            }
            let evs = events
                .get()
                .iter()
                .map(|e| e.event(&op_ids, &avs_ids))
                .collect();
            let options = SlashingOptions {
                mode: mode.get(),
                total_active_balance_eth: total_active.get(),
                other_slashed_eth: other_slashed.get(),
            };
            (s, evs, options)
        }
    };
    let inputs = StoredValue::new(inputs);
    let outcome = Outcome::new(move || {
        let (s, evs, options) = inputs.get_value()();
        s.validate()?;
        apply_slashing(&s, &evs, &options)
    });
    write_back(
        move || {
            outcome
                .result
                .with(Result::is_ok)
                .then(|| inputs.get_value()())
        },
        |d, (s, events, options)| {
            d.network = s;
            d.slashing = Some(SlashingSection { events, options });
        },
    );
    let error_at = move |prefix: String| outcome.error_at(prefix);
    let other_error =
        outcome.other_error(&["events", "allocations", "restaking", "positions", "options"]);
    let stale = outcome.stale();

    // ---- inputs panel pieces ----
    let mode_view = view! {
        <fieldset class="radio-group">
            <legend>"Slashing semantics"</legend>
            <label>
                <input type="radio" name="stake-mode" checked=move || mode.get() == StakeMode::UniqueStake on:change=move |_| mode.set(StakeMode::UniqueStake)/>
                " Unique stake (EigenLayer, ELIP-002)"
            </label>
            <label>
                <input type="radio" name="stake-mode" checked=move || mode.get() == StakeMode::SharedStake on:change=move |_| mode.set(StakeMode::SharedStake)/>
                " Shared stake (Symbiotic restaking)"
            </label>
            <p class="hint">
                <Term id="unique-stake">"Unique stake"</Term>
                ": each AVS can slash only the magnitude allocated to it. "
                <Term id="shared-stake">"Shared stake"</Term>
                ": the same collateral backs every AVS, first slash first served."
            </p>
        </fieldset>
    };

    let ops_for_select = op_names.clone();
    let avss_for_select = avs_names.clone();
    let event_views = move || {
        let list = events.get();
        list.into_iter()
            .enumerate()
            .map(|(i, row)| {
                let uid = row.uid;
                let ops = ops_for_select.clone();
                let avss = avss_for_select.clone();
                let prefix = format!("events[{i}]");
                let err = error_at(prefix.clone());
                let remove = move |_| events.update(|v| v.retain(|e| e.uid != uid));
                let op_options = ops
                    .iter()
                    .enumerate()
                    .map(|(j, n)| view! { <option value=j.to_string() selected=move || row.operator.get() == j>{n.clone()}</option> })
                    .collect_view();
                let avs_options = avss
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
                        <legend>{format!("Event {}", i + 1)}</legend>
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
                        <button type="button" class="secondary" on:click=remove>{format!("Remove event {}", i + 1)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add_event = move |_| {
        let uid = next_uid.get_value();
        next_uid.set_value(uid + 1);
        events.update(|v| v.push(EventRow::new(uid, Kind::LayeredFault)));
    };

    let grid_view = {
        let grid = grid.clone();
        let (op_ids, op_names, avs_names) = (op_ids.clone(), op_names.clone(), avs_names.clone());
        let header = avs_names
            .iter()
            .map(|a| view! { <th scope="col">{a.clone()}</th> })
            .collect_view();
        let rows = grid
            .iter()
            .enumerate()
            .map(|(o, row)| {
                let cells = row
                    .iter()
                    .enumerate()
                    .map(|(a, m)| {
                        view! {
                            <MagnitudeCell value=*m label=format!("{} → {}: magnitude (%)", op_names[o], avs_names[a]) id=format!("alloc-{o}-{a}")/>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{op_names[o].clone()}</th>{cells}</tr> }
            })
            .collect_view();
        // The grid as CSV: magnitudes in % of each operator's stake, as the cells show them.
        let grid_message = RwSignal::new(None::<String>);
        let download_grid = {
            let (grid, op_names, avs_names) = (grid.clone(), op_names.clone(), avs_names.clone());
            move |_| {
                let header: Vec<String> = std::iter::once("Operator".to_owned())
                    .chain(avs_names.iter().map(|a| format!("{a} (%)")))
                    .collect();
                let body: Vec<Vec<String>> = grid
                    .iter()
                    .zip(&op_names)
                    .map(|(row, name)| {
                        std::iter::once(name.clone())
                            .chain(row.iter().map(|m| trim_percent(m.get_untracked())))
                            .collect()
                    })
                    .collect();
                let text = csv(&header, &body);
                grid_message.set(offer_file("slashing-allocations.csv", "text/csv", &text).err());
            }
        };
        let messages = op_ids
            .iter()
            .zip(&op_names)
            .map(|(id, name)| {
                let err = error_at(format!("allocations[operator={id}]"));
                let name = name.clone();
                move || err.get().map(|_| view! { <p class="field-msg" role="status">{format!("{name}: allocations sum above 100% of its stake.")}</p> })
            })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="alloc-grid">
                    <caption>
                        "Allocated "
                        <Term id="magnitude">"magnitude"</Term>
                        " per operator and AVS, % of the operator's stake (0 = not allocated)"
                    </caption>
                    <thead><tr><th scope="col">"Operator"</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="table-actions">
                <button type="button" class="secondary" on:click=download_grid>"Download CSV"</button>
                {move || grid_message.get().map(|m| view! { <span role="alert">{m}</span> })}
            </div>
            {messages}
            {move || error_at("allocations[".to_owned()).get().filter(|e| !e.contains("operator=")).map(|e| view! { <p class="field-msg" role="status">{e}</p> })}
        }
    };

    let pool_inputs = base
        .restaking
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let token = token_of(&r.protocol);
            view! {
                <NumberInput id=format!("restaked-{i}") label=format!("{token}: ETH restaked through EigenLayer") term="lrt" unit="ETH" value=restaked[i] min=0.0 max=10_000_000.0 step=1_000.0 error=error_at(format!("restaking[{i}]"))/>
            }
        })
        .collect_view();
    let position_inputs = base
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let token = token_of(&p.protocol);
            view! {
                <NumberInput id=format!("position-{i}") label=format!("Your position in {token}") unit="ETH" value=positions[i] min=0.0 max=1_000_000.0 step=1.0 error=error_at(format!("positions[{i}]"))/>
            }
        })
        .collect_view();
    let demo_notes: Vec<(String, restake_core::source::Basis)> = demo
        .notes
        .iter()
        .map(|n| (n.path.clone(), n.basis.clone()))
        .collect();

    // ---- results ----
    let report = move || outcome.report();
    let headline = move || {
        report().map(|r| {
            let (mut before, mut after, mut loss) = (0.0, 0.0, 0.0);
            for p in &r.positions {
                before += p.before.eth;
                after += p.after.eth;
                loss += p.loss.eth;
            }
            view! {
                <dl class="headline">
                    <div><dt>"Delegated stake before"</dt><dd>{format(Some(r.totals.before.eth), Unit::Eth)}</dd></div>
                    <div><dt>"Slashed in total"</dt><dd id="total-slashed">{format(Some(r.totals.slashed.eth), Unit::Eth)}</dd></div>
                    <div><dt>"… by AVSs"</dt><dd id="slashed-by-avss">{format(Some(r.totals.slashed_by_avss.eth), Unit::Eth)}</dd></div>
                    <div><dt>"… by the beacon chain"</dt><dd>{format(Some(r.totals.slashed_by_beacon_chain.eth), Unit::Eth)}</dd></div>
                    <div><dt>"Your positions, before → after"</dt><dd>{format!("{} → {}", format(Some(before), Unit::Eth), format(Some(after), Unit::Eth))}</dd></div>
                    <div><dt>"Your loss"</dt><dd id="position-loss">{format(Some(loss), Unit::Eth)}</dd></div>
                </dl>
            }
        })
    };
    let token_of = StoredValue::new(token_of);
    let rate_bars = Signal::derive(move || {
        report()
            .map(|r| {
                r.protocols
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Bar {
                        label: p.token.clone(),
                        value: p.rate_change,
                        kind: BarKind::Series(i),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lrt_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.protocols
                    .iter()
                    .map(|p| Row {
                        header: format!("{} ({})", p.token, p.name),
                        cells: vec![
                            Cell::number(p.backing_before.eth),
                            Cell::number(p.backing_after.eth),
                            Cell::number(p.loss.eth),
                            Cell::number(p.rate_change),
                            Cell::maybe(p.exchange_rate_after),
                            Cell::text(if p.contagion_with.is_empty() {
                                "—".to_owned()
                            } else {
                                p.contagion_with
                                    .iter()
                                    .map(|id| token_of.with_value(|f| f(id)))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            }),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lrt_columns = vec![
        Column::new("Backing before", Some(Unit::Eth), None),
        Column::new("Backing after", Some(Unit::Eth), None),
        Column::new("Loss", Some(Unit::Eth), None),
        Column::new("Exchange-rate change", Some(Unit::Fraction), None),
        Column::new("Exchange rate after", Some(Unit::Plain), None),
        Column::new("Shares a slashed operator with", None, None),
    ];
    let position_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.positions
                    .iter()
                    .map(|p| Row {
                        header: token_of.with_value(|f| f(&p.protocol)),
                        cells: vec![
                            Cell::number(p.before.eth),
                            Cell::number(p.after.eth),
                            Cell::number(p.loss.eth),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let position_columns = vec![
        Column::new("Before", Some(Unit::Eth), None),
        Column::new("After", Some(Unit::Eth), None),
        Column::new("Loss", Some(Unit::Eth), None),
    ];
    let operator_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.operators
                    .iter()
                    .map(|o| Row {
                        header: o.name.clone(),
                        cells: vec![
                            Cell::number(o.before.eth),
                            Cell::number(o.after.eth),
                            Cell::number(o.slashed.eth),
                            Cell::number(o.slashed_by_beacon_chain.eth),
                            Cell::maybe(o.max_magnitude_after.as_ref().map(|m| m.value)),
                            Cell::maybe(o.non_slashable_after.as_ref().map(|m| m.value)),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let operator_columns = vec![
        Column::new("Stake before", Some(Unit::Eth), None),
        Column::new("Stake after", Some(Unit::Eth), None),
        Column::new("Slashed", Some(Unit::Eth), Some("slashing")),
        Column::new("… by the beacon chain", Some(Unit::Eth), None),
        Column::new(
            "Max magnitude after",
            Some(Unit::Fraction),
            Some("magnitude"),
        ),
        Column::new("Non-slashable after", Some(Unit::Fraction), None),
    ];
    let avs_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.avss
                    .iter()
                    .map(|a| Row {
                        header: a.name.clone(),
                        cells: vec![
                            Cell::number(a.secured_before.eth),
                            Cell::number(a.secured_after.eth),
                            Cell::number(a.slashed.eth),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let avs_columns = vec![
        Column::new("Slashable stake before", Some(Unit::Eth), None),
        Column::new("Slashable stake after", Some(Unit::Eth), None),
        Column::new("Slashed by it", Some(Unit::Eth), Some("slashing")),
    ];
    let event_rows = Signal::derive(move || {
        report()
            .map(|r| {
                r.events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| Row {
                        header: format!("Event {}", i + 1),
                        cells: vec![
                            Cell::text(Kind::of(&e.event).label().to_owned()),
                            Cell::number(e.lost_at_event.eth),
                            Cell::number(e.attributed.eth),
                        ],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let event_columns = vec![
        Column::new("What happened", None, None),
        Column::new("Lost when it happened", Some(Unit::Eth), None),
        Column::new("Attributed at the end", Some(Unit::Eth), None),
    ];

    // The propagation picture: which event to trace (None = all of them).
    let focus = RwSignal::new(None::<usize>);
    let (op_ids2, avs_ids2) = (op_ids.clone(), avs_ids.clone());
    let (op_names2, avs_names2) = (op_names.clone(), avs_names.clone());
    let grid2 = grid.clone();
    let picture = Signal::derive(move || {
        let Some(r) = report() else {
            return (Vec::new(), Vec::new(), Vec::new());
        };
        let traced: Vec<(String, Option<String>)> = r
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| focus.get().is_none_or(|f| f == *i))
            .flat_map(|(_, e)| e.steps.iter())
            .filter(|s| s.lost_at_step.eth > 0.0 || s.attributed.eth > 0.0)
            .map(|s| (s.operator.clone(), s.avs.clone()))
            .collect();
        let ops = op_ids2
            .iter()
            .zip(&op_names2)
            .map(|(id, name)| NetNode {
                label: name.clone(),
                highlighted: traced.iter().any(|(o, _)| o == id),
            })
            .collect();
        let avss = avs_ids2
            .iter()
            .zip(&avs_names2)
            .zip(&r.avss)
            .map(|((id, name), a)| NetNode {
                label: name.clone(),
                // Hit directly, or (shared stake, all events) its security fell.
                highlighted: traced.iter().any(|(_, v)| v.as_deref() == Some(id))
                    || (focus.get().is_none() && a.secured_after.eth < a.secured_before.eth),
            })
            .collect();
        let edges = grid2
            .iter()
            .enumerate()
            .flat_map(|(o, row)| {
                let traced = &traced;
                let (op_ids2, avs_ids2) = (&op_ids2, &avs_ids2);
                row.iter().enumerate().filter_map(move |(a, m)| {
                    let w = m.get();
                    (w > 0.0).then(|| NetEdge {
                        from: o,
                        to: a,
                        weight: w,
                        highlighted: traced.iter().any(|(x, v)| {
                            x == &op_ids2[o]
                                && v.as_deref().is_none_or(|v| v == avs_ids2[a].as_str())
                        }),
                    })
                })
            })
            .collect();
        (ops, avss, edges)
    });
    let net_ops = Signal::derive(move || picture.get().0);
    let net_avss = Signal::derive(move || picture.get().1);
    let net_edges = Signal::derive(move || picture.get().2);
    let net_desc = Signal::derive(move || {
        let which = match focus.get() {
            None => "all events".to_owned(),
            Some(i) => format!("event {}", i + 1),
        };
        format!(
            "Operators on the left, AVSs on the right, one line per allocation (width = magnitude). Parts hit by {which} are dashed and marked “!”; a beacon-chain event marks every allocation of its operator."
        )
    });
    let focus_options = move || {
        let n = events.with(Vec::len);
        (0..n)
            .map(|i| view! { <option value=i.to_string() selected=move || focus.get() == Some(i)>{format!("Event {}", i + 1)}</option> })
            .collect_view()
    };
    let model_notes = move || {
        report().map(|r| {
            r.notes
                .into_iter()
                .map(|n| view! { <li>{n.text}</li> })
                .collect_view()
        })
    };
    let rate_desc = Signal::derive(move || {
        "Change of each LRT's exchange rate (ETH per token) caused by the sequence: the share of its backing that was slashed.".to_owned()
    });

    view! {
        <Page title="Layered slashing">
            {notice.map(|n| view! { <p class="notice" role="status" id="prefill-notice">{n}</p> })}
            <p class="lead">
                "One "
                <Term id="operator">"operator"</Term>
                " secures several "
                <Term id="avs">"AVSs"</Term>
                " with the same restaked ETH. A fault can be slashed on one AVS, on every AVS it secures ("
                <Term id="layered-slashing">"layered slashing"</Term>
                "), by a bug in an AVS, or on the beacon chain — and every LRT that delegates to that operator loses, whoever else it belongs to."
            </p>
            <p>
                "The scenario is illustrative (its figures are marked as assumptions below). The ledger follows EigenLayer's contracts to the wei: magnitudes in "
                <Term id="wad">"WAD"</Term>
                ", slashes rounded against the operator, beacon-chain slashing with priority."
            </p>
            <Panels
                inputs=Box::new(move || view! {
                    {mode_view}
                    <h2>"Events, applied in order"</h2>
                    {event_views}
                    <button type="button" id="add-event" class="secondary" on:click=add_event>"Add an event"</button>
                    <h2>"Allocations"</h2>
                    {grid_view}
                    <h2>"LRTs and your positions"</h2>
                    {pool_inputs}
                    {position_inputs}
                    <h2>"Beacon chain"</h2>
                    <NumberInput id="total-active" label="Total ETH staked (active balance)" unit="ETH" value=total_active min=1.0 max=1_000_000_000.0 step=100_000.0 error=error_at("options.totalActiveBalanceEth".to_owned())/>
                    <NumberInput id="other-slashed" label="ETH slashed elsewhere in the same 36-day window" unit="ETH" value=other_slashed min=0.0 max=1_000_000_000.0 step=1_000.0 error=error_at("options.otherSlashedEth".to_owned())/>
                    <BasisList items=demo_notes.clone()/>
                }.into_any())
                results=Box::new(move || view! {
                    {move || other_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
                    {move || stale.get().then(|| view! { <p class="warning">"An input is invalid: the figures below are from the last valid inputs."</p> })}
                    {headline}
                    <DataTable caption="Your positions" row_header="LRT" columns=position_columns.clone() rows=position_rows csv_name="slashing-positions.csv"/>
                    <BarChart title="Exchange-rate change per LRT" desc=rate_desc bars=rate_bars unit=Unit::Fraction axis_label="Change of ETH per token (%)" file_name="slashing-rate-change"/>
                    <DataTable caption="LRTs: backing, exchange rate and contagion" row_header="LRT" columns=lrt_columns.clone() rows=lrt_rows csv_name="slashing-lrts.csv"/>
                    <h2>"How a fault propagates"</h2>
                    <label class="select">"Trace "
                        <select id="trace-event" on:change=move |ev| focus.set(event_target_value(&ev).parse().ok())>
                            <option value="all" selected=move || focus.get().is_none()>"all events"</option>
                            {focus_options}
                        </select>
                    </label>
                    <NetworkDiagram title="Operators, AVSs and what the events hit" desc=net_desc operators=net_ops avss=net_avss edges=net_edges file_name="slashing-network"/>
                    <DataTable caption="Operators" row_header="Operator" columns=operator_columns.clone() rows=operator_rows csv_name="slashing-operators.csv"/>
                    <DataTable caption="AVSs" row_header="AVS" columns=avs_columns.clone() rows=avs_rows csv_name="slashing-avss.csv"/>
                    <DataTable caption="Events" row_header="Event" columns=event_columns.clone() rows=event_rows csv_name="slashing-events.csv"/>
                    <details class="notes">
                        <summary>"Modelling choices in force"</summary>
                        <ul>{model_notes}</ul>
                    </details>
                }.into_any())
            />
        </Page>
    }
}
