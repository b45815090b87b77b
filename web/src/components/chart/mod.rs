//! Hand-written SVG charts (no chart library, no canvas). Every chart:
//! - is an `<svg role="img">` labelled by its `<title>` and `<desc>`;
//! - has axes with round ticks and units;
//! - shows a value on hover (each mark has a `<title>`, and a readout line under the chart);
//! - carries a visually hidden data table with the same numbers for screen readers;
//! - uses the theme's colour variables and a second cue besides hue (hatching, dash patterns,
//!   marker shapes, signed labels), so it reads in light and dark themes and without colour;
//! - can be downloaded as an SVG file.

pub mod bars;
pub mod histogram;
pub mod line;
pub mod network;
pub mod scale;

use leptos::html;
use leptos::prelude::*;

use crate::components::download::offer_file;
use crate::components::unique_id;

/// The numbers behind a chart, as text, for the hidden table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DataRows {
    /// Column headings.
    pub header: Vec<String>,
    /// Rows of formatted cells.
    pub rows: Vec<Vec<String>>,
}

/// Dash patterns that tell series apart without colour.
pub const DASHES: [&str; 6] = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 6"];

/// The frame shared by every chart: the accessible `<svg>`, the hover readout, the hidden data
/// table and the SVG download button.
#[component]
pub fn ChartFrame(
    /// Chart title (the SVG's `<title>` and the hidden table's caption).
    #[prop(into)]
    title: String,
    /// One or two sentences saying what the chart shows (the SVG's `<desc>`).
    #[prop(into)]
    desc: Signal<String>,
    /// Width of the view box, in SVG units.
    width: f64,
    /// Height of the view box, in SVG units.
    #[prop(into)]
    height: Signal<f64>,
    /// The data behind the chart.
    #[prop(into)]
    table: Signal<DataRows>,
    /// Text of the value under the pointer, set by the marks.
    readout: RwSignal<Option<String>>,
    /// Base name of the SVG download (without extension).
    #[prop(into)]
    file_name: String,
    /// The marks, axes and labels.
    children: Children,
) -> impl IntoView {
    let title_id = unique_id("chart-title");
    let desc_id = unique_id("chart-desc");
    let svg_ref = NodeRef::<html::Div>::new();
    let message = RwSignal::new(None::<String>);
    let download = {
        let file_name = file_name.clone();
        move |_| {
            let Some(holder) = svg_ref.get() else { return };
            let markup = holder.inner_html();
            let doc = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}");
            message.set(offer_file(&format!("{file_name}.svg"), "image/svg+xml", &doc).err());
        }
    };
    let caption = title.clone();
    view! {
        <figure class="chart">
            <div class="chart-svg" node_ref=svg_ref tabindex="0">
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=move || format!("0 0 {width} {}", height.get())
                    role="img"
                    aria-labelledby=format!("{title_id} {desc_id}")
                    on:mouseleave=move |_| readout.set(None)
                >
                    <title id=title_id.clone()>{title.clone()}</title>
                    <desc id=desc_id.clone()>{move || desc.get()}</desc>
                    {children()}
                </svg>
            </div>
            <figcaption class="chart-foot">
                <span class="readout" aria-hidden="true">
                    {move || readout.get().unwrap_or_else(|| "Point at a mark to read its value.".to_owned())}
                </span>
                <button type="button" class="secondary small" on:click=download>
                    "Download SVG"
                </button>
                {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
            </figcaption>
            <table class="visually-hidden">
                <caption>{caption}</caption>
                <thead>
                    <tr>{move || table.get().header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {move || {
                        table
                            .get()
                            .rows
                            .into_iter()
                            .map(|r| {
                                let mut cells = r.into_iter();
                                let head = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{head}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </figure>
    }
}

/// Round-number ticks on an axis, with grid lines across the plot.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Pixel position along the axis.
    pub at: f64,
    /// Formatted label.
    pub label: String,
}

/// A horizontal value axis at the bottom of a plot with vertical grid lines.
#[component]
pub fn XAxis(
    /// Ticks to draw.
    ticks: Vec<Tick>,
    /// Top of the plot (grid lines start here).
    top: f64,
    /// Bottom of the plot (the axis line).
    bottom: f64,
    /// Axis title, with its unit.
    #[prop(into)]
    label: String,
    /// Left and right ends of the axis line.
    span: (f64, f64),
) -> impl IntoView {
    let mid = (span.0 + span.1) / 2.0;
    view! {
        <g class="axis x-axis">
            {ticks
                .into_iter()
                .map(|t| {
                    view! {
                        <line class="grid" x1=t.at x2=t.at y1=top y2=bottom/>
                        <line class="tick" x1=t.at x2=t.at y1=bottom y2=bottom + 5.0/>
                        <text class="tick-label" x=t.at y=bottom + 18.0 text-anchor="middle">{t.label}</text>
                    }
                })
                .collect_view()}
            <line class="axis-line" x1=span.0 x2=span.1 y1=bottom y2=bottom/>
            <text class="axis-title" x=mid y=bottom + 36.0 text-anchor="middle">{label}</text>
        </g>
    }
}

/// A vertical value axis on the left of a plot with horizontal grid lines.
#[component]
pub fn YAxis(
    /// Ticks to draw.
    ticks: Vec<Tick>,
    /// Left edge of the plot (the axis line).
    left: f64,
    /// Right edge of the plot (grid lines end here).
    right: f64,
    /// Axis title, with its unit.
    #[prop(into)]
    label: String,
    /// Top and bottom ends of the axis line.
    span: (f64, f64),
) -> impl IntoView {
    let mid = (span.0 + span.1) / 2.0;
    view! {
        <g class="axis y-axis">
            {ticks
                .into_iter()
                .map(|t| {
                    view! {
                        <line class="grid" x1=left x2=right y1=t.at y2=t.at/>
                        <text class="tick-label" x=left - 6.0 y=t.at + 4.0 text-anchor="end">{t.label}</text>
                    }
                })
                .collect_view()}
            <line class="axis-line" x1=left x2=left y1=span.0 y2=span.1/>
            <text
                class="axis-title"
                x=14.0
                y=mid
                text-anchor="middle"
                transform=format!("rotate(-90 14 {mid})")
            >
                {label}
            </text>
        </g>
    }
}
