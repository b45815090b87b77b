//! "How a fault propagates": the operator–AVS network with what the traced event (or all of
//! them) hit, and the picker of the event to trace.

use leptos::prelude::*;
use restake_core::slashing::SlashingReport;

use crate::components::chart::network::{NetEdge, NetNode, NetworkDiagram};
use crate::components::outcome::Outcome;

use super::magnitudes::Magnitudes;

/// Most operators and AVSs together the diagram draws; a larger network gets a note instead
/// (the tables list every one), so a network at the size limits never builds an SVG of
/// hundreds of nodes and thousands of lines.
const MAX_DIAGRAM_NODES: usize = 80;
/// Most allocations (lines) the diagram draws.
const MAX_DIAGRAM_EDGES: usize = 600;

/// The diagram: one node per operator and AVS, one edge per non-zero cell of `grid` (width =
/// magnitude); `event_count` is the number of events in the list (the trace options).
#[component]
pub(super) fn Propagation(
    outcome: Outcome<SlashingReport>,
    grid: Magnitudes,
    op_ids: Vec<String>,
    op_names: Vec<String>,
    avs_ids: Vec<String>,
    avs_names: Vec<String>,
    event_count: Signal<usize>,
) -> impl IntoView {
    // The propagation picture: which event to trace (None = all of them).
    let focus = RwSignal::new(None::<usize>);
    let (op_ids2, avs_ids2, op_names2, avs_names2, grid2) =
        (op_ids, avs_ids, op_names, avs_names, grid);
    let report = move || outcome.report();
    let nodes = op_ids2.len() + avs_ids2.len();
    // `Some(why)` when the network is over the diagram's size.
    let too_big = Memo::new(move |_| {
        let lines = grid2.allocated();
        (nodes > MAX_DIAGRAM_NODES || lines > MAX_DIAGRAM_EDGES).then(|| {
            format!(
                "The diagram is drawn for networks of up to {MAX_DIAGRAM_NODES} operators and AVSs together and {MAX_DIAGRAM_EDGES} allocations; this one has {nodes} and {lines}. The tables below list every operator and AVS with what the events did to it."
            )
        })
    });
    let picture = Signal::derive(move || {
        if too_big.with(Option::is_some) {
            return (Vec::new(), Vec::new(), Vec::new());
        }
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
            .edges()
            .into_iter()
            .map(|(o, a, w)| NetEdge {
                from: o,
                to: a,
                weight: w,
                highlighted: traced.iter().any(|(x, v)| {
                    x == &op_ids2[o] && v.as_deref().is_none_or(|v| v == avs_ids2[a].as_str())
                }),
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
    let focus_options = move || (0..event_count.get()).collect::<Vec<_>>();
    view! {
        <h2>"How a fault propagates"</h2>
        <label class="select">"Trace "
            <select id="trace-event" on:change=move |ev| focus.set(event_target_value(&ev).parse().ok())>
                <option value="all" selected=move || focus.get().is_none()>"all events"</option>
                <For
                    each=focus_options
                    key=|i| *i
                    children=move |i| view! { <option value=i.to_string() selected=move || focus.get() == Some(i)>{format!("Event {}", i + 1)}</option> }
                />
            </select>
        </label>
        {move || match too_big.get() {
            Some(why) => view! { <p class="hint" id="diagram-too-big">{why}</p> }.into_any(),
            None => view! { <NetworkDiagram title="Operators, AVSs and what the events hit" desc=net_desc operators=net_ops avss=net_avss edges=net_edges file_name="slashing-network"/> }.into_any(),
        }}
    }
}
