//! The stake-mode picker shared by the Slashing and Security pages: two radio buttons choosing
//! between unique stake (EigenLayer, ELIP-002) and shared stake (Symbiotic restaking), with a
//! page-specific legend and hint.

use leptos::prelude::*;
use restake_core::network::StakeMode;

use crate::components::term::Term;

/// Radio group `name` setting `mode`; `unique_hint` and `shared_hint` follow the glossary terms
/// "Unique stake" and "Shared stake" in the hint line.
#[component]
pub fn StakeModePicker(
    /// The mode the buttons read and set.
    mode: RwSignal<StakeMode>,
    /// The radio group's `name` (unique per page, e.g. `stake-mode`).
    name: &'static str,
    /// The fieldset's legend.
    legend: &'static str,
    /// Text after the "Unique stake" term, e.g. `": each AVS can slash only … "`.
    unique_hint: &'static str,
    /// Text after the "Shared stake" term.
    shared_hint: &'static str,
) -> impl IntoView {
    view! {
        <fieldset class="radio-group">
            <legend>{legend}</legend>
            <label>
                <input type="radio" name=name checked=move || mode.get() == StakeMode::UniqueStake on:change=move |_| mode.set(StakeMode::UniqueStake)/>
                " Unique stake (EigenLayer, ELIP-002)"
            </label>
            <label>
                <input type="radio" name=name checked=move || mode.get() == StakeMode::SharedStake on:change=move |_| mode.set(StakeMode::SharedStake)/>
                " Shared stake (Symbiotic restaking)"
            </label>
            <p class="hint">
                <Term id="unique-stake">"Unique stake"</Term>
                {unique_hint}
                <Term id="shared-stake">"Shared stake"</Term>
                {shared_hint}
            </p>
        </fieldset>
    }
}
