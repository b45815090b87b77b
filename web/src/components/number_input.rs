//! Number entry: [`NumberText`], the one text field every number on every page is typed into,
//! and [`NumberInput`], that field with its label, unit, slider twin, glossary tooltip and
//! messages.
//!
//! The signal holds the value in model units (a fraction for percentages); the field shows it
//! multiplied by `scale` (100 for percentages). While the user types, the field keeps exactly
//! the text typed (`2.`, `0.0`, `-`): each keystroke that reads as a number in range
//! ([`read_number`]) sets the signal; anything else shows a message and puts the signal — and so
//! the model — back to the value it had before the text being typed was begun (the *anchor*: the
//! value when the text was last cleared, replaced, shortened or set from outside), so `1,5`
//! typed key by key never leaves the `1` it passed through in the model. The text is normalised
//! only on blur or when the value changes from outside (a preset, the slider, a replay). When
//! the text was reinterpreted (`1,000`, `5%`, `10 ETH`, `1e6`) the value read is shown beside
//! the field.

use leptos::prelude::*;

use crate::components::number_text::{plain, read_number};
use crate::components::term::TermTip;
use crate::components::unique_id;

/// The text field alone, in display units; `problem` and `note` are written for the caller to
/// show (the message of a refused text; the value a reinterpreted text was read as).
#[component]
pub fn NumberText(
    /// The value, in model units.
    value: RwSignal<f64>,
    /// Display = model × `scale`.
    #[prop(default = 1.0)]
    scale: f64,
    /// Smallest accepted display value.
    min: f64,
    /// Largest accepted display value.
    max: f64,
    /// The field's unit as shown (`%`, `ETH`): typed after a number, it is understood.
    #[prop(into)]
    unit: String,
    /// Element id.
    #[prop(into)]
    id: String,
    /// The message of a refused text, `None` while the text reads as a valid number.
    problem: RwSignal<Option<String>>,
    /// What a reinterpreted text was read as (`= 1000 ETH`).
    note: RwSignal<Option<String>>,
    /// `aria-label` when no `<label for>` names the field.
    #[prop(into, optional)]
    label: Option<String>,
    /// Id of the element describing the field (its messages).
    #[prop(into)]
    described_by: String,
    /// True while a message from the model concerns this field.
    #[prop(into, optional)]
    flagged: Signal<bool>,
    /// CSS class of the input.
    #[prop(into, optional)]
    class: String,
) -> impl IntoView {
    let text = RwSignal::new(plain(value.get_untracked() * scale));
    // The model value this field last wrote: a change to anything else comes from outside.
    let written = StoredValue::new(None::<f64>);
    // The value before the text being typed was begun: what a refused text puts back.
    let anchor = StoredValue::new(value.get_untracked());
    Effect::new(move |_| {
        let v = value.get();
        if written.get_value() != Some(v) {
            written.set_value(None);
            anchor.set_value(v);
            text.set(plain(v * scale));
            problem.set(None);
            note.set(None);
        }
    });
    let unit_for_input = unit.clone();
    let on_input = move |ev| {
        let raw = event_target_value(&ev);
        // Typing on (characters added at the end) continues the same text; anything else —
        // clearing, replacing, pasting over, deleting — begins a new one from the current value.
        let typed_on = text.with_untracked(|t| raw.len() > t.len() && raw.starts_with(t.as_str()));
        if !typed_on {
            anchor.set_value(value.get_untracked());
        }
        text.set(raw.clone());
        match read_number(&raw, &unit_for_input, min, max) {
            Ok(r) => {
                problem.set(None);
                note.set(r.note);
                let v = r.value / scale;
                written.set_value(Some(v));
                value.set(v);
            }
            Err(e) => {
                problem.set(Some(e));
                note.set(None);
                let before = anchor.get_value();
                if value.get_untracked() != before {
                    written.set_value(Some(before));
                    value.set(before);
                }
            }
        }
    };
    let on_blur = move |_| {
        if problem.get_untracked().is_none() {
            text.set(plain(value.get_untracked() * scale));
            note.set(None);
        }
    };
    view! {
        <input
            id=id
            class=class
            type="text"
            inputmode="decimal"
            autocomplete="off"
            spellcheck="false"
            aria-label=label
            prop:value=move || text.get()
            on:input=on_input
            on:blur=on_blur
            aria-invalid=move || if problem.get().is_some() || flagged.get() { "true" } else { "false" }
            aria-describedby=described_by
        />
    }
}

/// The labelled field.
#[component]
pub fn NumberInput(
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Glossary id for the tooltip.
    #[prop(optional)]
    term: Option<&'static str>,
    /// Unit shown after the field (`%`, `ETH`, `days`).
    #[prop(into)]
    unit: String,
    /// The value, in model units.
    value: RwSignal<f64>,
    /// Display = model × `scale` (100 for a fraction shown in %).
    #[prop(default = 1.0)]
    scale: f64,
    /// Smallest accepted display value.
    min: f64,
    /// Largest accepted display value.
    max: f64,
    /// Step of the slider, in display units.
    step: f64,
    /// A message from the model about this field (e.g. “allocations sum above 100%”).
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Element id of the number field (the slider gets `<id>-slider`); generated when absent.
    #[prop(into, optional)]
    id: Option<String>,
    /// Whether the slider twin is shown (false for a field whose range a slider cannot span,
    /// such as a block number).
    #[prop(default = true)]
    slider: bool,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| unique_id("num"));
    let slider_id = format!("{id}-slider");
    let msg_id = format!("{id}-msg");
    let note_id = format!("{id}-read");
    let problem = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let on_slider = move |ev| {
        if let Ok(r) = read_number(&event_target_value(&ev), "", min, max) {
            value.set(r.value / scale);
        }
    };
    let message = move || problem.get().or_else(|| error.get());
    let flagged = Signal::derive(move || error.with(Option::is_some));
    let label_for_slider = format!("{label} (slider)");
    view! {
        <div class="field" class:invalid=move || message().is_some()>
            <div class="field-label">
                <label for=id.clone()>{label}</label>
                {term.map(|t| view! { <TermTip id=t/> })}
            </div>
            <div class="field-row">
                <NumberText value=value scale=scale min=min max=max unit=unit.clone() id=id.clone()
                    problem=problem note=note flagged=flagged described_by=format!("{msg_id} {note_id}")/>
                <span class="unit">{unit}</span>
                <output class="field-read" id=note_id>{move || note.get()}</output>
            </div>
            {slider.then(|| view! {
                <input
                    id=slider_id
                    type="range"
                    min=min
                    max=max
                    step=step
                    prop:value=move || (value.get() * scale).clamp(min, max).to_string()
                    on:input=on_slider
                    aria-label=label_for_slider
                />
            })}
            <p class="field-msg" id=msg_id role="status">{message}</p>
        </div>
    }
}
