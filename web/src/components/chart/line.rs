//! Line chart with several series. Series differ by colour, dash pattern and marker shape; the
//! legend repeats all three. Optional vertical markers (e.g. the current leverage).

use leptos::prelude::*;

use super::histogram::Marker;
use super::scale::{Linear, nice_ticks};
use super::{ChartFrame, DASHES, DataRows, Tick, XAxis, YAxis};
use crate::format::{Unit, axis, format};

/// One series of `(x, y)` points, in increasing `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Legend name.
    pub name: String,
    /// Points in the chart's units.
    pub points: Vec<(f64, f64)>,
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 580.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 250.0;

/// The marker shape of series `i` at `(x, y)`: circle, square, triangle, diamond, …
fn shape(i: usize, x: f64, y: f64) -> String {
    match i % 4 {
        0 => format!("M{} {y} a3.5 3.5 0 1 0 7 0 a3.5 3.5 0 1 0 -7 0", x - 3.5),
        1 => format!("M{} {} h7 v7 h-7 z", x - 3.5, y - 3.5),
        2 => format!("M{x} {} l4 7 h-8 z", y - 4.5),
        _ => format!("M{x} {} l4 4.5 l-4 4.5 l-4 -4.5 z", y - 4.5),
    }
}

/// A line chart.
#[component]
pub fn LineChart(
    /// Chart title.
    #[prop(into)]
    title: String,
    /// What the chart shows.
    #[prop(into)]
    desc: Signal<String>,
    /// The series.
    #[prop(into)]
    series: Signal<Vec<Series>>,
    /// Vertical markers.
    #[prop(into, optional)]
    markers: Signal<Vec<Marker>>,
    /// Unit of x.
    x_unit: Unit,
    /// Unit of y.
    y_unit: Unit,
    /// x axis title.
    #[prop(into)]
    x_label: String,
    /// y axis title.
    #[prop(into)]
    y_label: String,
    /// Base name of the SVG download.
    #[prop(into)]
    file_name: String,
) -> impl IntoView {
    let readout = RwSignal::new(None::<String>);
    let table = Signal::derive(move || {
        let series = series.get();
        let mut rows = Vec::new();
        for s in &series {
            for &(px, py) in &s.points {
                rows.push(vec![
                    s.name.clone(),
                    format(Some(px), x_unit),
                    format(Some(py), y_unit),
                ]);
            }
        }
        DataRows {
            header: vec!["Series".to_owned(), "x".to_owned(), "y".to_owned()],
            rows,
        }
    });
    let plot = move || {
        let series = series.get();
        let markers: Vec<Marker> = markers
            .get()
            .into_iter()
            .filter(|m| m.at.is_finite())
            .collect();
        let pts = || {
            series
                .iter()
                .flat_map(|s| s.points.iter().copied())
                .filter(|(a, b)| a.is_finite() && b.is_finite())
        };
        let (xlo, xhi) = pts()
            .map(|p| p.0)
            .chain(markers.iter().map(|m| m.at))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        let (ylo, yhi) = pts()
            .map(|p| p.1)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
        let xt = nice_ticks(xlo, xhi, 6);
        let yt = nice_ticks(ylo.min(0.0), yhi.max(0.0), 5);
        let x = Linear::new((xt[0], *xt.last().unwrap_or(&1.0)), (LEFT, RIGHT));
        let y = Linear::new((yt[0], *yt.last().unwrap_or(&1.0)), (BOTTOM, TOP));
        let xticks = xt
            .iter()
            .map(|&t| Tick {
                at: x.at(t),
                label: axis(t, x_unit),
            })
            .collect();
        let yticks = yt
            .iter()
            .map(|&t| Tick {
                at: y.at(t),
                label: axis(t, y_unit),
            })
            .collect();
        let lines = series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let finite: Vec<(f64, f64)> = s.points.iter().copied().filter(|(a, b)| a.is_finite() && b.is_finite()).collect();
                let d: String = finite
                    .iter()
                    .enumerate()
                    .map(|(k, &(px, py))| format!("{}{:.2} {:.2}", if k == 0 { "M" } else { " L" }, x.at(px), y.at(py)))
                    .collect();
                let step = (finite.len() / 12).max(1);
                let marks = finite
                    .iter()
                    .enumerate()
                    .map(|(k, &(px, py))| {
                        let text = format!("{} at {}: {}", s.name, format(Some(px), x_unit), format(Some(py), y_unit));
                        let hover = text.clone();
                        // Every point is hoverable; only some carry a visible shape, to keep the line readable.
                        let visible = k % step == 0 || k + 1 == finite.len();
                        view! {
                            <g on:mouseenter=move |_| readout.set(Some(hover.clone()))>
                                <circle class="hit" cx=x.at(px) cy=y.at(py) r=6.0><title>{text}</title></circle>
                                {visible.then(|| view! { <path class=format!("shape series-{}", i % 6 + 1) d=shape(i, x.at(px), y.at(py))/> })}
                            </g>
                        }
                    })
                    .collect_view();
                view! {
                    <path class=format!("line series-{}", i % 6 + 1) d=d stroke-dasharray=DASHES[i % DASHES.len()]/>
                    {marks}
                }
            })
            .collect_view();
        let marker_views = markers
            .iter()
            .map(|m| {
                let mx = x.at(m.at);
                let text = format!("{}: {}", m.label, format(Some(m.at), x_unit));
                view! {
                    <g class="marker">
                        <line x1=mx x2=mx y1=TOP y2=BOTTOM stroke-dasharray="3 3"><title>{text.clone()}</title></line>
                        <text class="marker-label" x=mx y=TOP - 8.0 text-anchor="middle">{text}</text>
                    </g>
                }
            })
            .collect_view();
        let zero = (yt[0] < 0.0).then(|| {
            let zy = y.at(0.0);
            view! { <line class="zero-line" x1=LEFT x2=RIGHT y1=zy y2=zy/> }
        });
        view! {
            <YAxis ticks=yticks left=LEFT right=RIGHT label=y_label.clone() span=(TOP, BOTTOM)/>
            <XAxis ticks=xticks top=TOP bottom=BOTTOM label=x_label.clone() span=(LEFT, RIGHT)/>
            {zero}
            {marker_views}
            {lines}
        }
    };
    let legend = move || {
        series
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                view! {
                    <li>
                        <svg width="34" height="12" aria-hidden="true">
                            <path class=format!("line series-{}", i % 6 + 1) d="M1 6 H33" stroke-dasharray=DASHES[i % DASHES.len()]/>
                            <path class=format!("shape series-{}", i % 6 + 1) d=shape(i, 17.0, 6.0)/>
                        </svg>
                        {s.name}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ChartFrame title=title desc=desc width=WIDTH height=HEIGHT table=table readout=readout file_name=file_name>
            {plot}
        </ChartFrame>
        <ul class="legend">{legend}</ul>
    }
}
