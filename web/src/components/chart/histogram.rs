//! Histogram with vertical markers (VaR, expected shortfall, a liquidation price …). Markers
//! differ by dash pattern and carry their own text label, not only a colour.

use leptos::prelude::*;

use super::scale::{Linear, nice_ticks};
use super::{ChartFrame, DASHES, DataRows, Tick, XAxis, YAxis};
use crate::format::{Unit, axis, format};

/// One bin `[lo, hi)` with its height.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    /// Lower edge, in the x unit.
    pub lo: f64,
    /// Upper edge, in the x unit.
    pub hi: f64,
    /// Height: a probability (fraction) or a count, in the y unit.
    pub value: f64,
}

/// A labelled vertical line at `at` (x unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Label, e.g. `VaR 99%`.
    pub label: String,
    /// Position in the x unit.
    pub at: f64,
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 580.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 250.0;

/// Text anchor of a marker label at `mx` (SVG units): labels near either edge grow inwards so
/// they are never cut off.
pub fn label_anchor(mx: f64) -> &'static str {
    let fifth = (RIGHT - LEFT) / 5.0;
    if mx < LEFT + fifth {
        "start"
    } else if mx > RIGHT - fifth {
        "end"
    } else {
        "middle"
    }
}

/// A histogram of `bins` with `markers`.
#[component]
pub fn Histogram(
    /// Chart title.
    #[prop(into)]
    title: String,
    /// What the chart shows.
    #[prop(into)]
    desc: Signal<String>,
    /// The bins, in increasing order of `lo`.
    #[prop(into)]
    bins: Signal<Vec<Bin>>,
    /// Vertical markers.
    #[prop(into)]
    markers: Signal<Vec<Marker>>,
    /// Unit of the x axis.
    x_unit: Unit,
    /// Unit of the bin heights.
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
        let mut rows: Vec<Vec<String>> = bins
            .get()
            .into_iter()
            .map(|b| {
                vec![
                    format!(
                        "{} to {}",
                        format(Some(b.lo), x_unit),
                        format(Some(b.hi), x_unit)
                    ),
                    format(Some(b.value), y_unit),
                ]
            })
            .collect();
        rows.extend(
            markers
                .get()
                .into_iter()
                .map(|m| vec![m.label, format!("marker at {}", format(Some(m.at), x_unit))]),
        );
        DataRows {
            header: vec!["Range".to_owned(), "Height".to_owned()],
            rows,
        }
    });
    let plot = move || {
        let bins: Vec<Bin> = bins
            .get()
            .into_iter()
            .filter(|b| b.lo.is_finite() && b.hi.is_finite() && b.value.is_finite())
            .collect();
        let markers: Vec<Marker> = markers
            .get()
            .into_iter()
            .filter(|m| m.at.is_finite())
            .collect();
        let xs = bins
            .iter()
            .flat_map(|b| [b.lo, b.hi])
            .chain(markers.iter().map(|m| m.at));
        let (xlo, xhi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
        let xt = nice_ticks(xlo, xhi, 6);
        let ymax = bins.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        let yt = nice_ticks(0.0, ymax, 4);
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
        let rects = bins
            .iter()
            .map(|b| {
                let text = format!(
                    "{} to {}: {}",
                    format(Some(b.lo), x_unit),
                    format(Some(b.hi), x_unit),
                    format(Some(b.value), y_unit)
                );
                let hover = text.clone();
                let (x0, x1) = (x.at(b.lo), x.at(b.hi));
                let top = y.at(b.value);
                view! {
                    <rect
                        class="bar series-1"
                        x=x0
                        y=top
                        width=(x1 - x0 - 1.0).max(1.0)
                        height=(BOTTOM - top).max(0.0)
                        on:mouseenter=move |_| readout.set(Some(hover.clone()))
                    >
                        <title>{text}</title>
                    </rect>
                }
            })
            .collect_view();
        let lines = markers
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mx = x.at(m.at);
                let text = format!("{}: {}", m.label, format(Some(m.at), x_unit));
                let hover = text.clone();
                let ly = TOP - 6.0 - (i % 2) as f64 * 14.0;
                view! {
                    <g class="marker" on:mouseenter=move |_| readout.set(Some(hover.clone()))>
                        <line x1=mx x2=mx y1=TOP - 4.0 y2=BOTTOM stroke-dasharray=DASHES[(i + 1) % DASHES.len()]>
                            <title>{text.clone()}</title>
                        </line>
                        <text class="marker-label" x=mx y=ly text-anchor=label_anchor(mx)>{text}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <YAxis ticks=yticks left=LEFT right=RIGHT label=y_label.clone() span=(TOP, BOTTOM)/>
            <XAxis ticks=xticks top=TOP bottom=BOTTOM label=x_label.clone() span=(LEFT, RIGHT)/>
            {rects}
            {lines}
        }
    };
    view! {
        <ChartFrame title=title desc=desc width=WIDTH height=HEIGHT table=table readout=readout file_name=file_name>
            {plot}
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_labels_grow_inwards_at_the_edges() {
        // The plot spans 64..580: a fifth is 103.2 units.
        assert_eq!(label_anchor(LEFT), "start");
        assert_eq!(label_anchor(167.0), "start");
        assert_eq!(label_anchor(322.0), "middle");
        assert_eq!(label_anchor(RIGHT), "end");
    }
}
