//! A number field with its unit, a slider twin, inline validation and a glossary tooltip.
//!
//! The signal holds the value in model units (a fraction for percentages); the field and the
//! slider show it multiplied by `scale` (100 for percentages). Text that is not a number, or a
//! number outside `min..=max`, shows an inline message and leaves the signal unchanged, so
//! results keep the last valid value. A message from the model (`error`) is shown the same way.

use leptos::prelude::*;

use crate::components::term::TermTip;
use crate::components::unique_id;

/// Parses what the user typed, in display units, and checks the range. Accepts a comma as the
/// decimal separator and ignores spaces and thousands separators such as `1 000` or `1,000.5`.
pub fn parse_display(text: &str, min: f64, max: f64) -> Result<f64, String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .collect();
    let cleaned = if cleaned.contains('.') {
        cleaned.replace(',', "")
    } else {
        cleaned.replace(',', ".")
    };
    if cleaned.is_empty() {
        return Err("Enter a number.".to_owned());
    }
    let v: f64 = cleaned
        .parse()
        .map_err(|_| format!("“{text}” is not a number."))?;
    if !v.is_finite() {
        return Err("Enter a finite number.".to_owned());
    }
    if v < min || v > max {
        return Err(format!(
            "Enter a value from {} to {}.",
            trim(min),
            trim(max)
        ));
    }
    Ok(v)
}

/// Shortest text for a number: `5`, `0.25`, `1e-7` stays readable.
fn trim(v: f64) -> String {
    let s = format!("{v}");
    if s.len() > 12 {
        format!("{v:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        s
    }
}

/// The component.
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
    /// Step of the slider and the field's arrows, in display units.
    step: f64,
    /// A message from the model about this field (e.g. “allocations sum above 100%”).
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Element id of the number field (the slider gets `<id>-slider`); generated when absent.
    #[prop(into, optional)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| unique_id("num"));
    let slider_id = format!("{id}-slider");
    let msg_id = format!("{id}-msg");
    let local_error = RwSignal::new(None::<String>);
    let text = RwSignal::new(trim(value.get_untracked() * scale));
    // Follow outside changes (preset picked, slider moved) unless the user is mid-edit with an error.
    Effect::new(move |_| {
        let shown = trim(value.get() * scale);
        if local_error.get_untracked().is_none() {
            text.set(shown);
        }
    });
    let on_text = move |ev| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        match parse_display(&raw, min, max) {
            Ok(v) => {
                local_error.set(None);
                value.set(v / scale);
            }
            Err(e) => local_error.set(Some(e)),
        }
    };
    let on_slider = move |ev| {
        if let Ok(v) = parse_display(&event_target_value(&ev), min, max) {
            local_error.set(None);
            text.set(trim(v));
            value.set(v / scale);
        }
    };
    let message = move || local_error.get().or_else(|| error.get());
    let label_for_slider = format!("{label} (slider)");
    view! {
        <div class="field" class:invalid=move || message().is_some()>
            <div class="field-label">
                <label for=id.clone()>{label}</label>
                {term.map(|t| view! { <TermTip id=t/> })}
            </div>
            <div class="field-row">
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || text.get()
                    on:input=on_text
                    aria-invalid=move || if message().is_some() { "true" } else { "false" }
                    aria-describedby=msg_id.clone()
                />
                <span class="unit">{unit}</span>
            </div>
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
            <p class="field-msg" id=msg_id role="status">{message}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_display("12.5", 0.0, 100.0), Ok(12.5));
        assert_eq!(parse_display("12,5", 0.0, 100.0), Ok(12.5));
        assert_eq!(parse_display(" 1 000 ", 0.0, 1e6), Ok(1000.0));
        assert_eq!(parse_display("1,000.5", 0.0, 1e6), Ok(1000.5));
        assert_eq!(
            parse_display("", 0.0, 1.0),
            Err("Enter a number.".to_owned())
        );
        assert_eq!(
            parse_display("abc", 0.0, 1.0),
            Err("“abc” is not a number.".to_owned())
        );
        assert_eq!(
            parse_display("inf", 0.0, 1.0),
            Err("Enter a finite number.".to_owned())
        );
        assert_eq!(
            parse_display("NaN", 0.0, 1.0),
            Err("Enter a finite number.".to_owned())
        );
        assert_eq!(
            parse_display("101", 0.0, 100.0),
            Err("Enter a value from 0 to 100.".to_owned())
        );
        assert_eq!(
            parse_display("-1", 0.0, 100.0),
            Err("Enter a value from 0 to 100.".to_owned())
        );
    }
}
