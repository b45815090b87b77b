//! The health-factor gauge of a lending position (the Leverage page's loop): where the health
//! factor sits between liquidatable and safe, drawn and in words.

use leptos::prelude::*;

use crate::components::download::offer_file;
use crate::format::{Unit, format};

/// Where a health factor sits on the gauge's 0.8–3 scale, as an SVG x (40–560).
fn gauge_x(hf: f64) -> f64 {
    40.0 + (hf.clamp(0.8, 3.0) - 0.8) / 2.2 * 520.0
}

/// The health-factor gauge: a 0.8–3 scale with labelled zones (liquidatable below 1, within 10%
/// of liquidation below 1.1) and a pointer, the same in words (`#hf-words`), and a Download SVG
/// button. One per page: its SVG ids (`hf-gauge-title`, `hf-hatch`) are fixed.
#[component]
pub fn HealthGauge(
    /// The health factor (collateral × liquidation threshold ÷ debt, no unit); `None` with no
    /// debt.
    #[prop(into)]
    hf: Signal<Option<f64>>,
) -> impl IntoView {
    let words = move || match hf.get() {
        None => "No debt: nothing to liquidate.".to_owned(),
        Some(h) if h < 1.0 => format!(
            "Health factor {} — liquidatable now.",
            format(Some(h), Unit::Plain)
        ),
        Some(h) if h < 1.1 => format!(
            "Health factor {} — within 10% of liquidation.",
            format(Some(h), Unit::Plain)
        ),
        Some(h) => format!(
            "Health factor {} — above 1.1.",
            format(Some(h), Unit::Plain)
        ),
    };
    let x = move || gauge_x(hf.get().unwrap_or(3.0));
    let ticks = [0.8, 1.0, 1.1, 1.5, 2.0, 2.5, 3.0];
    let holder = NodeRef::<leptos::html::Div>::new();
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let Some(h) = holder.get() else { return };
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            h.inner_html()
        );
        message.set(offer_file("health-factor.svg", "image/svg+xml", &doc).err());
    };
    view! {
        <figure class="gauge">
            <div node_ref=holder>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 92" role="img" aria-labelledby="hf-gauge-title">
                <title id="hf-gauge-title">{words}</title>
                <defs>
                    <pattern id="hf-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="var(--surface)"/>
                        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bad)" stroke-width="3"/>
                    </pattern>
                </defs>
                <rect x=gauge_x(0.8) y="20" width=gauge_x(1.0) - gauge_x(0.8) height="18" fill="url(#hf-hatch)" stroke="var(--border)"/>
                <rect x=gauge_x(1.0) y="20" width=gauge_x(1.1) - gauge_x(1.0) height="18" fill="var(--warn-bg)" stroke="var(--border)"/>
                <rect x=gauge_x(1.1) y="20" width=gauge_x(3.0) - gauge_x(1.1) height="18" fill="var(--surface)" stroke="var(--border)"/>
                <text x=gauge_x(0.9) y="14" text-anchor="middle" font-size="11" fill="var(--text)">"liquidatable"</text>
                <text x=gauge_x(1.7) y="14" text-anchor="middle" font-size="11" fill="var(--text)">"safer →"</text>
                {ticks.iter().map(|&t| view! {
                    <line x1=gauge_x(t) x2=gauge_x(t) y1="38" y2="44" stroke="var(--muted)"/>
                    <text x=gauge_x(t) y="56" text-anchor="middle" font-size="11" fill="var(--muted)">{format!("{t}")}</text>
                }).collect_view()}
                <path d=move || format!("M{} 40 l-7 -14 h14 z", x()) fill="var(--text)" stroke="var(--bg)"/>
                <text x=x y="80" text-anchor="middle" font-size="12" font-weight="700" fill="var(--text)">
                    {move || hf.get().map_or("no debt".to_owned(), |h| format!("HF {}", format(Some(h), Unit::Plain)))}
                </text>
            </svg>
            </div>
            <figcaption class="chart-foot">
                <span id="hf-words" class="readout">{words}</span>
                <button type="button" class="secondary small" on:click=download>"Download SVG"</button>
                {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
            </figcaption>
        </figure>
    }
}
