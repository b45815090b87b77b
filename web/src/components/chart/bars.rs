//! Horizontal bar chart and waterfall. In a waterfall each step starts where the previous one
//! ended and `Total` bars are drawn from zero; increases and decreases differ by colour, by
//! hatching (decreases) and by the sign of their label.

use leptos::prelude::*;

use super::scale::{Linear, nice_ticks};
use super::{ChartFrame, DataRows, Tick, XAxis};
use crate::components::unique_id;
use crate::format::{Unit, axis, format};

/// How a bar is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKind {
    /// An increase (income).
    Up,
    /// A decrease (fee, drag, loss): hatched.
    Down,
    /// A total, drawn from zero.
    Total,
    /// A plain comparison bar in series colour `n` (0-based).
    Series(usize),
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Category label.
    pub label: String,
    /// Signed value in the chart's unit.
    pub value: f64,
    /// Drawing style.
    pub kind: BarKind,
}

const WIDTH: f64 = 600.0;
const LEFT: f64 = 200.0;
const RIGHT: f64 = 520.0;
const ROW: f64 = 30.0;
const TOP: f64 = 10.0;

/// Start and end of each bar along the value axis: cumulative for a waterfall (totals from 0),
/// from 0 otherwise. Non-finite values count as 0 so one bad number cannot break the drawing.
pub fn spans(bars: &[Bar], waterfall: bool) -> Vec<(f64, f64)> {
    let mut run = 0.0;
    bars.iter()
        .map(|b| {
            let v = if b.value.is_finite() { b.value } else { 0.0 };
            if !waterfall || matches!(b.kind, BarKind::Total | BarKind::Series(_)) {
                run = v;
                (0.0, v)
            } else {
                let start = run;
                run += v;
                (start, run)
            }
        })
        .collect()
}

/// A horizontal bar chart; with `waterfall` the bars are the steps of a waterfall.
#[component]
pub fn BarChart(
    /// Chart title.
    #[prop(into)]
    title: String,
    /// What the chart shows.
    #[prop(into)]
    desc: Signal<String>,
    /// The bars, top to bottom.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// Unit of the values.
    unit: Unit,
    /// Axis title, e.g. `APR (percentage points)`.
    #[prop(into)]
    axis_label: String,
    /// Draw as a waterfall.
    #[prop(default = false)]
    waterfall: bool,
    /// Base name of the SVG download.
    #[prop(into)]
    file_name: String,
) -> impl IntoView {
    let readout = RwSignal::new(None::<String>);
    let hatch = unique_id("hatch");
    let hatch_fill = format!("url(#{hatch})");
    let height = Signal::derive(move || TOP + bars.with(Vec::len) as f64 * ROW + 50.0);
    let table = Signal::derive(move || DataRows {
        header: vec!["Item".to_owned(), format!("Value ({})", unit.symbol())],
        rows: bars
            .get()
            .into_iter()
            .map(|b| vec![b.label, format(Some(b.value), unit)])
            .collect(),
    });
    let plot = move || {
        let bars = bars.get();
        let spans = spans(&bars, waterfall);
        let lo = spans
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .fold(0.0_f64, f64::min);
        let hi = spans
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .fold(0.0_f64, f64::max);
        let ticks = nice_ticks(lo, hi, 5);
        let x = Linear::new(
            (
                *ticks.first().unwrap_or(&0.0),
                *ticks.last().unwrap_or(&1.0),
            ),
            (LEFT, RIGHT),
        );
        let bottom = TOP + bars.len() as f64 * ROW;
        let tick_views: Vec<Tick> = ticks
            .iter()
            .map(|&t| Tick {
                at: x.at(t),
                label: axis(t, unit),
            })
            .collect();
        let marks = bars
            .iter()
            .zip(&spans)
            .enumerate()
            .map(|(i, (b, &(s, e)))| {
                let y = TOP + i as f64 * ROW + 5.0;
                let (x0, x1) = (x.at(s.min(e)), x.at(s.max(e)));
                let fill = (b.kind == BarKind::Down).then(|| hatch_fill.clone());
                let class = match b.kind {
                    BarKind::Up => "bar up".to_owned(),
                    BarKind::Down => "bar down".to_owned(),
                    BarKind::Total => "bar total".to_owned(),
                    BarKind::Series(n) => format!("bar series-{}", n % 6 + 1),
                };
                let shown = format(Some(b.value), unit);
                let text = format!("{}: {shown}", b.label);
                let hover = text.clone();
                let label_x = x1.max(x0) + 4.0;
                let connector = (waterfall && i + 1 < bars.len()).then(|| {
                    let cx = x.at(e);
                    view! { <line class="connector" x1=cx x2=cx y1=y + ROW - 10.0 y2=y + ROW + 5.0/> }
                });
                view! {
                    <g class="mark" on:mouseenter=move |_| readout.set(Some(hover.clone()))>
                        <text class="bar-label" x=LEFT - 8.0 y=y + 15.0 text-anchor="end">{b.label.clone()}</text>
                        <rect class=class fill=fill x=x0 y=y width=(x1 - x0).max(1.0) height=ROW - 10.0>
                            <title>{text}</title>
                        </rect>
                        <text class="value-label" x=label_x y=y + 15.0>{shown}</text>
                        {connector}
                    </g>
                }
            })
            .collect_view();
        let zero = x.at(0.0);
        view! {
            <XAxis ticks=tick_views top=TOP bottom=bottom label=axis_label.clone() span=(LEFT, RIGHT)/>
            <line class="zero-line" x1=zero x2=zero y1=TOP y2=bottom/>
            {marks}
        }
    };
    view! {
        <ChartFrame title=title desc=desc width=WIDTH height=height table=table readout=readout file_name=file_name>
            <defs>
                <pattern id=hatch width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="hatch-bg"/>
                    <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/>
                </pattern>
            </defs>
            {plot}
        </ChartFrame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: f64, kind: BarKind) -> Bar {
        Bar {
            label: String::new(),
            value,
            kind,
        }
    }

    #[test]
    fn waterfall_steps_accumulate_and_totals_start_at_zero() {
        let bars = [
            bar(3.0, BarKind::Up),
            bar(1.0, BarKind::Up),
            bar(-0.5, BarKind::Down),
            bar(3.5, BarKind::Total),
        ];
        assert_eq!(
            spans(&bars, true),
            [(0.0, 3.0), (3.0, 4.0), (4.0, 3.5), (0.0, 3.5)]
        );
        assert_eq!(spans(&bars, false)[1], (0.0, 1.0));
        assert_eq!(spans(&[bar(f64::NAN, BarKind::Up)], true), [(0.0, 0.0)]);
    }
}
