//! The Risk page's loop: whether the positions are looped and, if so, the leverage, the LRT's
//! exchange-rate growth, the market's liquidation threshold and each rate path's probability.
//! The rate paths themselves come from core (`restake_core::scenario::risk_loop_default`, or
//! the document's `risk.carry`); this file only holds the fields and writes them into
//! `options.carry`.

use leptos::prelude::*;
use restake_core::Error;
use restake_core::risk::{RiskCarry, RiskOptions};

use super::worker::Built;
use crate::components::number_input::NumberInput;
use crate::components::outcome::beside_field;
use crate::components::source::BasisList;

/// The loop's fields, one signal each; `paths` holds the rate paths the probabilities apply to.
#[derive(Clone, Copy)]
pub(super) struct LoopKnobs {
    on: RwSignal<bool>,
    leverage: RwSignal<f64>,
    lrt_yield: RwSignal<f64>,
    threshold: RwSignal<f64>,
    probabilities: StoredValue<Vec<RwSignal<f64>>>,
    base: StoredValue<RiskCarry>,
}

impl LoopKnobs {
    /// Fields holding `options.carry` when the options have one (switched on), else `default`
    /// (switched off).
    pub(super) fn new(options: &RiskOptions, default: RiskCarry) -> LoopKnobs {
        let on = options.carry.is_some();
        let c = options.carry.clone().unwrap_or(default);
        LoopKnobs {
            on: RwSignal::new(on),
            leverage: RwSignal::new(c.leverage),
            lrt_yield: RwSignal::new(c.lrt_yield),
            threshold: RwSignal::new(c.liquidation_threshold),
            probabilities: StoredValue::new(
                c.rate_paths
                    .iter()
                    .map(|p| RwSignal::new(p.probability))
                    .collect(),
            ),
            base: StoredValue::new(c),
        }
    }

    /// `options` with `carry` set from the fields when the loop is on, removed when off
    /// (tracked).
    pub(super) fn apply(&self, mut options: RiskOptions) -> RiskOptions {
        options.carry = self.on.get().then(|| {
            let mut c = self.base.get_value();
            c.leverage = self.leverage.get();
            c.lrt_yield = self.lrt_yield.get();
            c.liquidation_threshold = self.threshold.get();
            self.probabilities.with_value(|ps| {
                for (path, p) in c.rate_paths.iter_mut().zip(ps) {
                    path.probability = p.get();
                }
            });
            c
        });
        options
    }
}

/// The loop's panel: a switch, then its fields and each rate path's probability, with the
/// model's error beside the field it names and the basis of each default figure (`notes`).
#[component]
pub(super) fn LoopInputs(
    knobs: LoopKnobs,
    model: Memo<Result<Built, Error>>,
    notes: Vec<(String, restake_core::source::Basis)>,
) -> impl IntoView {
    let error_at = move |prefix: String| {
        Signal::derive(move || {
            model.with(|m| {
                m.as_ref()
                    .err()
                    .filter(|e| e.field().starts_with(&prefix))
                    .map(beside_field)
            })
        })
    };
    let k = knobs;
    let rate_fields = k.base.with_value(|c| {
        c.rate_paths
            .iter()
            .zip(k.probabilities.get_value())
            .enumerate()
            .map(|(i, (path, value))| {
                let label = format!("Probability of the rate path “{}”", path.name);
                view! {
                    <NumberInput id=format!("loop-path-{i}") label=label unit="%" scale=100.0 value=value min=0.0 max=100.0 step=1.0 error=error_at(format!("options.carry.ratePaths[{i}]"))/>
                }
            })
            .collect_view()
    });
    // An error of the rate paths together (their probabilities' sum), not of one field.
    let whole = Signal::derive(move || {
        model.with(|m| {
            m.as_ref()
                .err()
                .filter(|e| e.field() == "options.carry.ratePaths")
                .map(beside_field)
        })
    });
    view! {
        <h2>"Loop"</h2>
        <label class="check">
            <input type="checkbox" id="loop-on" prop:checked=move || k.on.get() on:change=move |ev| k.on.set(event_target_checked(&ev))/>
            " Loop my positions: borrow ETH against them, with the borrow rate drawn per path"
        </label>
        <div hidden=move || !k.on.get()>
            <NumberInput id="loop-leverage" label="Leverage" unit="×" value=k.leverage min=1.0 max=100.0 step=0.5 error=error_at("options.carry.leverage".to_owned())/>
            <NumberInput id="loop-yield" label="The LRT's growth without slashing" unit="% APY" scale=100.0 value=k.lrt_yield min=-100.0 max=100.0 step=0.1 error=error_at("options.carry.lrtYield".to_owned())/>
            <NumberInput id="loop-threshold" label="Liquidation threshold of the market" term="liquidation-threshold" unit="%" scale=100.0 value=k.threshold min=1.0 max=99.0 step=0.5 error=error_at("options.carry.liquidationThreshold".to_owned())/>
            {rate_fields}
            {move || whole.get().map(|m| view! { <p class="field-msg" role="alert" id="loop-paths-error">{m}</p> })}
            <p class="hint">"Each path draws one rate path with these probabilities (they sum to 100%), apart from its slashing draws: the other figures on this page do not change. A gain counts as no loss; the loss stops at your own capital, and no liquidation bonus is charged."</p>
            <BasisList items=notes/>
        </div>
    }
}
