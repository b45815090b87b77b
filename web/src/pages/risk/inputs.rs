//! The Risk page's inputs: paths, seed and horizon of the run, the annual probabilities of
//! operator faults, AVS bugs and beacon-chain incidents, and the common-cause shock. Each field
//! shows the model's error for its own path (`options.paths`, `options.probabilities.avsBug`, …).

use leptos::prelude::*;
use restake_core::Error;
use restake_core::risk::input::{Probabilities, RiskOptions, SeedInput, Severity};

use super::worker::Built;
use crate::components::number_input::NumberInput;
use crate::components::outcome::beside_field;
use crate::components::source::BasisList;
use crate::format::{Unit, format};

/// The editable fields of the options, one signal each (probabilities per year, `0..=1`).
#[derive(Clone, Copy)]
pub(super) struct Knobs {
    paths: RwSignal<f64>,
    seed: RwSignal<f64>,
    horizon: RwSignal<f64>,
    fault: RwSignal<f64>,
    bug: RwSignal<f64>,
    beacon: RwSignal<f64>,
    shock: RwSignal<f64>,
    hit: RwSignal<f64>,
    correlation: RwSignal<f64>,
}

impl Knobs {
    /// Fields holding `o`'s values. The seed field holds a number; a seed given as decimal text
    /// shows as its value.
    pub(super) fn new(o: &RiskOptions) -> Knobs {
        let p = &o.probabilities;
        Knobs {
            paths: RwSignal::new(o.paths),
            seed: RwSignal::new(seed_number(o)),
            horizon: RwSignal::new(o.horizon_years),
            fault: RwSignal::new(p.operator_fault.per_year),
            bug: RwSignal::new(p.avs_bug.per_year),
            beacon: RwSignal::new(p.beacon_slashing.per_year),
            shock: RwSignal::new(p.common_shock.per_year),
            hit: RwSignal::new(p.common_shock.hit_share),
            correlation: RwSignal::new(p.common_shock.correlation),
        }
    }

    /// `base` with the fields' values (tracked). An unedited seed stays as `base` gives it, so a
    /// seed written as decimal text keeps every digit.
    pub(super) fn options(&self, base: &RiskOptions) -> RiskOptions {
        let mut p: Probabilities = base.probabilities.clone();
        p.operator_fault.per_year = self.fault.get();
        p.avs_bug.per_year = self.bug.get();
        p.beacon_slashing.per_year = self.beacon.get();
        p.common_shock.per_year = self.shock.get();
        p.common_shock.hit_share = self.hit.get();
        p.common_shock.correlation = self.correlation.get();
        let seed = self.seed.get();
        RiskOptions {
            paths: self.paths.get(),
            seed: if seed == seed_number(base) && base.seed.is_some() {
                base.seed.clone()
            } else {
                Some(SeedInput::Number(seed))
            },
            horizon_years: self.horizon.get(),
            probabilities: p,
            ..base.clone()
        }
    }
}

/// The seed of `o` as a number for the seed field (1 when it has none or it is unreadable).
fn seed_number(o: &RiskOptions) -> f64 {
    o.seed
        .as_ref()
        .and_then(|s| s.value("seed").ok())
        .map_or(1.0, |v| v as f64)
}

/// A severity in words: `always 5%` or `Beta(α, β), mean m`.
fn describe_severity(s: &Severity) -> String {
    match s {
        Severity::Fixed { fraction } => {
            format!("always {}", format(Some(*fraction), Unit::Fraction))
        }
        Severity::Beta { alpha, beta } => format!(
            "Beta({alpha}, {beta}), mean {}",
            format(Some(s.mean()), Unit::Fraction)
        ),
    }
}

/// The input panel: the fields of `knobs`, the severities of `options` (not editable here) and
/// the basis of each figure (`notes`).
#[component]
pub(super) fn RiskInputs(
    knobs: Knobs,
    model: Memo<Result<Built, Error>>,
    options: RiskOptions,
    notes: Vec<(String, restake_core::source::Basis)>,
) -> impl IntoView {
    let error_at = move |prefix: &'static str| {
        Signal::derive(move || {
            model.with(|m| {
                m.as_ref()
                    .err()
                    .filter(|e| e.field().starts_with(prefix))
                    .map(beside_field)
            })
        })
    };
    let p = &options.probabilities;
    let severities = format!(
        "Severities (not editable here): operator fault {}; AVS bug {}; beacon-chain incident {}; common shock {}.",
        describe_severity(&p.operator_fault.severity),
        describe_severity(&p.avs_bug.severity),
        describe_severity(&p.beacon_slashing.severity),
        describe_severity(&p.common_shock.slashed_share),
    );
    let k = knobs;
    view! {
        <h2>"Run"</h2>
        <NumberInput id="paths" label="Paths" unit="paths" value=k.paths min=1.0 max=10_000_000.0 step=10_000.0 error=error_at("options.paths")/>
        <NumberInput id="seed" label="Seed" unit="" value=k.seed min=0.0 max=9_007_199_254_740_991.0 step=1.0 error=error_at("options.seed")/>
        <NumberInput id="horizon" label="Horizon" unit="years" value=k.horizon min=0.1 max=100.0 step=0.5 error=error_at("options.horizonYears")/>
        <h2>"Probabilities per year"</h2>
        <NumberInput id="fault" label="Operator fault, per operator set" term="slashing" unit="%" scale=100.0 value=k.fault min=0.0 max=100.0 step=0.1 error=error_at("options.probabilities.operatorFault")/>
        <NumberInput id="bug" label="AVS bug that slashes every operator in its set" term="avs" unit="%" scale=100.0 value=k.bug min=0.0 max=100.0 step=0.1 error=error_at("options.probabilities.avsBug")/>
        <NumberInput id="beacon" label="Beacon-chain slashing incident, per operator" unit="%" scale=100.0 value=k.beacon min=0.0 max=100.0 step=0.1 error=error_at("options.probabilities.beaconSlashing")/>
        <h2>"Common-cause shock"</h2>
        <NumberInput id="shock" label="Shock (e.g. a client bug)" unit="%" scale=100.0 value=k.shock min=0.0 max=100.0 step=0.5 error=error_at("options.probabilities.commonShock.perYear")/>
        <NumberInput id="hit" label="Share of operators it hits" unit="%" scale=100.0 value=k.hit min=0.0 max=100.0 step=5.0 error=error_at("options.probabilities.commonShock.hitShare")/>
        <NumberInput id="correlation" label="Correlation of the hits" unit="" value=k.correlation min=0.0 max=1.0 step=0.05 error=error_at("options.probabilities.commonShock.correlation")/>
        <p class="hint">{severities}</p>
        <BasisList items=notes/>
    }
}
