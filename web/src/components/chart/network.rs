//! A small network diagram: operators (circles) on the left, AVSs (squares) on the right, an
//! edge for each allocation with its width proportional to the allocated magnitude. Highlighted
//! nodes and edges (a fault and where it propagates) are drawn thicker, dashed and marked “!”,
//! so the highlight does not rely on colour.

use leptos::prelude::*;

use super::{ChartFrame, DataRows};
use crate::format::{Unit, format};

/// A node: an operator or an AVS.
#[derive(Debug, Clone, PartialEq)]
pub struct NetNode {
    /// Label.
    pub label: String,
    /// Drawn as affected.
    pub highlighted: bool,
}

/// An edge from operator `from` to AVS `to` (indices into the two node lists).
#[derive(Debug, Clone, PartialEq)]
pub struct NetEdge {
    /// Operator index.
    pub from: usize,
    /// AVS index.
    pub to: usize,
    /// Allocated magnitude, fraction in `0..=1` (line width).
    pub weight: f64,
    /// Drawn as affected.
    pub highlighted: bool,
}

const WIDTH: f64 = 600.0;
const ROW: f64 = 44.0;
const LX: f64 = 170.0;
const RX: f64 = 430.0;

/// The operator ↔ AVS diagram.
#[component]
pub fn NetworkDiagram(
    /// Chart title.
    #[prop(into)]
    title: String,
    /// What the diagram shows.
    #[prop(into)]
    desc: Signal<String>,
    /// Operators, top to bottom.
    #[prop(into)]
    operators: Signal<Vec<NetNode>>,
    /// AVSs, top to bottom.
    #[prop(into)]
    avss: Signal<Vec<NetNode>>,
    /// Allocations.
    #[prop(into)]
    edges: Signal<Vec<NetEdge>>,
    /// Base name of the SVG download.
    #[prop(into)]
    file_name: String,
) -> impl IntoView {
    let readout = RwSignal::new(None::<String>);
    let rows = move || operators.with(Vec::len).max(avss.with(Vec::len)).max(1);
    let height = Signal::derive(move || rows() as f64 * ROW + 40.0);
    let table = Signal::derive(move || {
        let (ops, avs) = (operators.get(), avss.get());
        DataRows {
            header: vec![
                "Operator".to_owned(),
                "AVS".to_owned(),
                "Magnitude".to_owned(),
                "Affected".to_owned(),
            ],
            rows: edges
                .get()
                .into_iter()
                .filter_map(|e| {
                    Some(vec![
                        ops.get(e.from)?.label.clone(),
                        avs.get(e.to)?.label.clone(),
                        format(Some(e.weight), Unit::Fraction),
                        if e.highlighted { "yes" } else { "no" }.to_owned(),
                    ])
                })
                .collect(),
        }
    });
    let plot = move || {
        let (ops, avs) = (operators.get(), avss.get());
        let n = rows() as f64;
        let pos =
            |i: usize, count: usize| 30.0 + (i as f64 + 0.5) * (n * ROW) / count.max(1) as f64;
        let edge_views = edges
            .get()
            .into_iter()
            .filter(|e| e.from < ops.len() && e.to < avs.len())
            .map(|e| {
                let (y1, y2) = (pos(e.from, ops.len()), pos(e.to, avs.len()));
                let text = format!(
                    "{} → {}: {}{}",
                    ops[e.from].label,
                    avs[e.to].label,
                    format(Some(e.weight), Unit::Fraction),
                    if e.highlighted { " (affected)" } else { "" }
                );
                let hover = text.clone();
                let w = 1.0 + 9.0 * e.weight.clamp(0.0, 1.0);
                view! {
                    <path
                        class=if e.highlighted { "edge hot" } else { "edge" }
                        d=format!("M{} {y1} C{} {y1} {} {y2} {} {y2}", LX + 10.0, (LX + RX) / 2.0, (LX + RX) / 2.0, RX - 10.0)
                        stroke-width=w
                        stroke-dasharray=if e.highlighted { "7 3" } else { "" }
                        on:mouseenter=move |_| readout.set(Some(hover.clone()))
                    >
                        <title>{text}</title>
                    </path>
                }
            })
            .collect_view();
        let node = |label: String, hot: bool, x: f64, y: f64, left: bool| {
            let shape = if left {
                view! { <circle class=if hot { "node hot" } else { "node" } cx=x cy=y r=10.0/> }
                    .into_any()
            } else {
                view! { <rect class=if hot { "node hot" } else { "node" } x=x - 10.0 y=y - 10.0 width=20.0 height=20.0/> }.into_any()
            };
            let text = if hot { format!("! {label}") } else { label };
            let (tx, anchor) = if left {
                (x - 16.0, "end")
            } else {
                (x + 16.0, "start")
            };
            view! {
                <g class="net-node">
                    {shape}
                    <text class=if hot { "node-label hot" } else { "node-label" } x=tx y=y + 4.0 text-anchor=anchor>{text}</text>
                </g>
            }
        };
        let op_views = ops
            .iter()
            .enumerate()
            .map(|(i, o)| node(o.label.clone(), o.highlighted, LX, pos(i, ops.len()), true))
            .collect_view();
        let avs_views = avs
            .iter()
            .enumerate()
            .map(|(i, a)| node(a.label.clone(), a.highlighted, RX, pos(i, avs.len()), false))
            .collect_view();
        view! {
            <text class="axis-title" x=LX y=16.0 text-anchor="middle">"Operators (●)"</text>
            <text class="axis-title" x=RX y=16.0 text-anchor="middle">"AVSs (■)"</text>
            {edge_views}
            {op_views}
            {avs_views}
        }
    };
    view! {
        <ChartFrame title=title desc=desc width=WIDTH height=height table=table readout=readout file_name=file_name>
            {plot}
        </ChartFrame>
    }
}
