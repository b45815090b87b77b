//! The Leverage page's carry panel: the loop's net APY and health factor over a horizon as the
//! debt accrues at the market's rate model under a utilisation path, the break-even borrow rate,
//! the day a health factor is reached, and the model's rate against utilisation with today's
//! point marked. Every figure comes from `restake_core::lending::carry` and `rate_model`; the
//! fields are the document's `leverage.carry` (`restake_core::scenario::CarrySection`).

use leptos::prelude::*;
use restake_core::Error;
use restake_core::lending::carry::{CarryReport, UtilizationPath, weth_february_2026};
use restake_core::lending::morpho_live::MorphoLiveRate;
use restake_core::lending::rate_model::presets::rate_model_presets;
use restake_core::lending::rate_model::{RateModel, RatePoint};
use restake_core::lending::{LeverageInput, LeverageReport};
use restake_core::scenario::CarrySection;

use crate::components::chart::histogram::Marker;
use crate::components::chart::line::{LineChart, Series};
use crate::components::number_input::NumberInput;
use crate::components::outcome::{Outcome, beside_field};
use crate::format::{Unit, format};

/// Which rate model the carry reads.
#[derive(Clone, Copy, PartialEq)]
enum ModelChoice {
    /// A preset of [`rate_model_presets`], by index.
    Preset(usize),
    /// The loop's borrow rate, fixed.
    Fixed,
    /// A Morpho market's AdaptiveCurveIRM as of the scenario's live snapshot, by index into
    /// core's `morpho_live_rates`.
    Live(usize),
    /// The scenario's own model (not a preset), kept as it came.
    Document,
}

/// Which utilisation path the carry reads.
#[derive(Clone, Copy, PartialEq)]
enum PathChoice {
    /// The step of the fields below.
    Step,
    /// Aave Core WETH in February 2026 ([`weth_february_2026`]).
    Spike,
    /// The scenario's own path (constant or drawn), kept as it came.
    Document,
}

/// The carry's own fields (the position comes from the loop): what `leverage.carry` holds.
#[derive(Clone, Copy)]
pub(super) struct Carry {
    model: RwSignal<ModelChoice>,
    /// The document's model or path when they are not the page's presets.
    custom_model: StoredValue<Option<RateModel>>,
    custom_path: StoredValue<Option<UtilizationPath>>,
    /// The Morpho markets' rate models at the scenario's live snapshot's block.
    live: StoredValue<Vec<MorphoLiveRate>>,
    /// Utilisation today (the step's `before`), fraction.
    utilization: RwSignal<f64>,
    /// Utilisation after the step, fraction.
    stepped: RwSignal<f64>,
    /// Day of the step.
    step_day: RwSignal<f64>,
    path: RwSignal<PathChoice>,
    horizon: RwSignal<f64>,
    step_days: RwSignal<f64>,
    floor: RwSignal<f64>,
}

impl Carry {
    /// The document's carry, or Aave Core WETH at its kink (94%) stepping to 99.85% on day 7,
    /// for 90 days in steps of a day, floor HF 1. `live`: the Morpho markets' rate models at the
    /// scenario's live snapshot (offered beside the presets).
    pub(super) fn new(section: Option<&CarrySection>, live: Vec<MorphoLiveRate>) -> Carry {
        let presets = rate_model_presets();
        let (model, custom_model) = match section.map(|s| s.rate_model) {
            None => (ModelChoice::Preset(0), None),
            Some(None) => (ModelChoice::Fixed, None),
            Some(Some(m)) => match presets.iter().position(|p| p.model == m) {
                Some(i) => (ModelChoice::Preset(i), None),
                None => match live.iter().position(|r| r.model == m) {
                    Some(i) => (ModelChoice::Live(i), None),
                    None => (ModelChoice::Document, Some(m)),
                },
            },
        };
        let spike = weth_february_2026().path;
        let (path, (before, after, at_day), custom_path) = match section.map(|s| &s.utilization) {
            None => (PathChoice::Step, (0.94, 0.9985, 7.0), None),
            Some(p) if *p == spike => (PathChoice::Spike, (0.94, 0.9985, 7.0), None),
            Some(UtilizationPath::Step {
                before,
                after,
                at_day,
            }) => (PathChoice::Step, (*before, *after, *at_day), None),
            Some(p) => (
                PathChoice::Document,
                (p.at(0.0), 0.9985, 7.0),
                Some(p.clone()),
            ),
        };
        Carry {
            model: RwSignal::new(model),
            custom_model: StoredValue::new(custom_model),
            custom_path: StoredValue::new(custom_path),
            live: StoredValue::new(live),
            utilization: RwSignal::new(before),
            stepped: RwSignal::new(after),
            step_day: RwSignal::new(at_day),
            path: RwSignal::new(path),
            horizon: RwSignal::new(section.map_or(90.0, |s| s.horizon_days)),
            step_days: RwSignal::new(section.map_or(1.0, |s| s.step_days)),
            floor: RwSignal::new(section.map_or(1.0, |s| s.health_factor_floor)),
        }
    }

    /// The model the fields name; `None` for the loop's fixed borrow rate (tracked).
    fn rate_model(&self) -> Option<RateModel> {
        match self.model.get() {
            ModelChoice::Preset(i) => rate_model_presets().get(i).map(|p| p.model),
            ModelChoice::Fixed => None,
            ModelChoice::Live(i) => self.live.with_value(|l| l.get(i).map(|r| r.model)),
            ModelChoice::Document => self.custom_model.get_value(),
        }
    }

    /// The section the fields hold (tracked): what the page writes to `leverage.carry`.
    pub(super) fn section(&self) -> CarrySection {
        let step = || UtilizationPath::Step {
            before: self.utilization.get(),
            after: self.stepped.get(),
            at_day: self.step_day.get(),
        };
        let utilization = match self.path.get() {
            PathChoice::Step => step(),
            PathChoice::Spike => weth_february_2026().path,
            PathChoice::Document => self.custom_path.get_value().unwrap_or_else(step),
        };
        CarrySection {
            rate_model: self.rate_model(),
            utilization,
            horizon_days: self.horizon.get(),
            step_days: self.step_days.get(),
            health_factor_floor: self.floor.get(),
        }
    }
}

/// What the carry panel reads from the rest of the page: the loop's input and its last good
/// report.
#[derive(Clone, Copy)]
pub(super) struct CarrySource {
    pub(super) good: RwSignal<Option<LeverageReport>>,
    pub(super) input: Signal<LeverageInput>,
}

/// The carry's run: core's carry of the loop under the section the fields hold.
pub(super) fn outcome(c: Carry, s: CarrySource) -> Outcome<CarryReport> {
    Outcome::new(move || {
        let r = s.good.get().ok_or_else(|| Error::Invariant {
            field: "leverage".to_owned(),
            message: "the loop has no valid figures yet".to_owned(),
        })?;
        c.section().run(&s.input.get(), &r)
    })
}

/// The carry panel: its inputs, figures and two charts.
#[component]
pub(super) fn CarryPanel(c: Carry, s: CarrySource, outcome: Outcome<CarryReport>) -> impl IntoView {
    let at = move |prefix: &'static str| {
        Signal::derive(move || {
            outcome
                .result
                .get()
                .err()
                .filter(|e| e.field().starts_with(prefix))
                .map(|e| beside_field(&e))
        })
    };
    let presets = rate_model_presets();
    let names: Vec<(String, String)> = presets
        .iter()
        .enumerate()
        .map(|(i, p)| (i.to_string(), p.name.clone()))
        .collect();
    // Each live Morpho market: `Morpho weETH-WETH-94.5 at block N (live): 4.17% now, rate at
    // target 10.00%`, and its utilisation at the block.
    let live_names: Vec<(String, f64)> = c.live.with_value(|l| {
        l.iter()
            .map(|r| {
                (
                    format!(
                        "Morpho {} at block {} (live): {} now, rate at target {}",
                        r.market,
                        r.basis.block_number,
                        format(Some(r.borrow_apr), Unit::Fraction),
                        format(Some(r.rates.end_rate_at_target_apr), Unit::Fraction)
                    ),
                    r.input.utilization_fraction(),
                )
            })
            .collect()
    });
    let live_utilization: Vec<f64> = live_names.iter().map(|(_, u)| *u).collect();
    let on_model = move |ev| {
        let v = event_target_value(&ev);
        let live_pick = v
            .strip_prefix("live-")
            .and_then(|i| i.parse::<usize>().ok());
        if let Some(u) = live_pick.and_then(|i| live_utilization.get(i)) {
            // The market's utilisation at the block becomes today's.
            c.utilization.set(*u);
        }
        c.model.set(match (v.as_str(), live_pick) {
            (_, Some(i)) => ModelChoice::Live(i),
            ("fixed", _) => ModelChoice::Fixed,
            ("document", _) => ModelChoice::Document,
            _ => v
                .parse::<usize>()
                .map_or(ModelChoice::Fixed, ModelChoice::Preset),
        });
    };
    let curve = Memo::new(move |_| {
        let model = c.rate_model().unwrap_or(RateModel::Fixed {
            apr: s.input.get().borrow_rate,
        });
        model.curve("rateModel").unwrap_or_default()
    });
    let curve_series = Signal::derive(move || {
        vec![Series {
            name: "Borrow rate".to_owned(),
            points: curve
                .get()
                .iter()
                .map(|p: &RatePoint| (p.utilization, p.borrow_apr))
                .collect(),
        }]
    });
    let today = Signal::derive(move || {
        vec![Marker {
            label: "today".to_owned(),
            at: c.utilization.get(),
        }]
    });
    let good = outcome.last_good;
    let hf_series = Signal::derive(move || {
        good.get()
            .map(|r| {
                vec![Series {
                    name: "Health factor".to_owned(),
                    points: r
                        .points
                        .iter()
                        .filter_map(|p| p.health_factor.map(|h| (p.day, h)))
                        .collect(),
                }]
            })
            .unwrap_or_default()
    });
    let apr_series = Signal::derive(move || {
        good.get()
            .map(|r| {
                vec![Series {
                    name: "Borrow rate".to_owned(),
                    points: r.points.iter().map(|p| (p.day, p.borrow_apr)).collect(),
                }]
            })
            .unwrap_or_default()
    });
    let headline = move || {
        good.get().map(|r| {
            view! {
                <dl class="headline">
                    <div><dt>"Net APY over the horizon"</dt><dd id="carry-net-apy">{format(Some(r.net_apy), Unit::Fraction)}</dd></div>
                    <div><dt>"Net yield (not annualised)"</dt><dd id="carry-net-yield">{format(Some(r.net_yield), Unit::Fraction)}</dd></div>
                    <div><dt>"Break-even borrow rate"</dt><dd id="carry-break-even">{format(r.break_even_borrow_apr, Unit::Fraction)}</dd></div>
                    <div><dt>"Highest borrow rate"</dt><dd id="carry-max-rate">{format(Some(r.max_borrow_apr), Unit::Fraction)}</dd></div>
                    <div><dt>"Health factor at the end"</dt><dd id="carry-end-hf">{format(r.points.last().and_then(|p| p.health_factor), Unit::Plain)}</dd></div>
                    <div><dt>"Day the health factor floor is reached"</dt><dd id="carry-days">{r.days_until_health_factor.map_or_else(|| "not within the horizon".to_owned(), |d| format(Some(d), Unit::Days))}</dd></div>
                </dl>
            }
        })
    };
    let other = move || {
        outcome
            .result
            .get()
            .err()
            .filter(|e| e.field() == "leverage")
            .map(|e| view! { <p class="error">{beside_field(&e)}</p> })
    };
    view! {
        <section aria-labelledby="carry-title" class="carry">
            <h2 id="carry-title">"Carry over time"</h2>
            <p>"The debt accrues at the market's interest-rate model as its utilisation moves; the collateral grows with the LRT's yield. Rates are APR a year; the debt compounds at each step (a day unless you change it), as the contracts do at each interaction. The carry is saved in the scenario and its share link."</p>
            <label for="carry-model">"Rate model"</label>
            <select id="carry-model" on:change=on_model>
                {names.into_iter().enumerate().map(|(i, (v, n))| view! { <option value=v selected=move || c.model.get() == ModelChoice::Preset(i)>{n}</option> }).collect_view()}
                {live_names.into_iter().enumerate().map(|(i, (n, _))| view! { <option value=format!("live-{i}") selected=move || c.model.get() == ModelChoice::Live(i)>{n}</option> }).collect_view()}
                <option value="fixed" selected=move || c.model.get() == ModelChoice::Fixed>"The loop's fixed borrow rate"</option>
                {c.custom_model.get_value().map(|_| view! { <option value="document" selected=move || c.model.get() == ModelChoice::Document>"The scenario's own rate model"</option> })}
            </select>
            <fieldset class="radio-group">
                <legend>"Utilisation path"</legend>
                <label><input type="radio" name="carry-path" checked=move || c.path.get() == PathChoice::Step on:change=move |_| c.path.set(PathChoice::Step)/>" a step"</label>
                <label><input type="radio" name="carry-path" checked=move || c.path.get() == PathChoice::Spike on:change=move |_| c.path.set(PathChoice::Spike)/>" Aave Core WETH, February 2026 (95.42%, then 99.85%)"</label>
                {c.custom_path.get_value().map(|_| view! { <label><input type="radio" name="carry-path" checked=move || c.path.get() == PathChoice::Document on:change=move |_| c.path.set(PathChoice::Document)/>" the scenario's own path"</label> })}
            </fieldset>
            {move || (c.path.get() == PathChoice::Step).then(|| view! {
                <NumberInput id="carry-utilization" label="Utilisation today" term="utilisation" unit="%" scale=100.0 value=c.utilization min=0.0 max=100.0 step=0.1 error=at("utilization.before")/>
                <NumberInput id="carry-stepped" label="Utilisation after the step" unit="%" scale=100.0 value=c.stepped min=0.0 max=100.0 step=0.1 error=at("utilization.after")/>
                <NumberInput id="carry-step-day" label="Day of the step" unit="days" value=c.step_day min=0.0 max=3650.0 step=1.0 error=at("utilization.atDay")/>
            })}
            {move || (c.path.get() == PathChoice::Spike).then(|| view! { <p class="field-note assumed">"Assumption: the source gives the levels (LlamaRisk, 18 Feb 2026), not their timing — a week at the kink, two days at 95.42%, a week at 99.85%."</p> })}
            <NumberInput id="carry-horizon" label="Horizon" unit="days" value=c.horizon min=1.0 max=3650.0 step=1.0 error=at("horizonDays")/>
            <NumberInput id="carry-step-days" label="Step of the accrual" unit="days" value=c.step_days min=0.01 max=365.0 step=1.0 error=at("stepDays")/>
            <NumberInput id="carry-floor" label="Health factor floor" term="health-factor" unit="" value=c.floor min=0.5 max=5.0 step=0.01 error=at("healthFactorFloor")/>
            {other}
            {headline}
            <LineChart title="Health factor over time" desc=Signal::derive(|| "The loop's health factor each day of the horizon as the debt accrues.".to_owned()) series=hf_series x_unit=Unit::Days y_unit=Unit::Plain x_label="Day" y_label="Health factor" file_name="carry-health-factor"/>
            <LineChart title="Borrow rate over time" desc=Signal::derive(|| "The borrow APR the debt accrues at each day.".to_owned()) series=apr_series x_unit=Unit::Days y_unit=Unit::Fraction x_label="Day" y_label="Borrow APR" file_name="carry-borrow-rate"/>
            <LineChart title="Borrow rate against utilisation" desc=Signal::derive(|| "The selected rate model's borrow APR at each utilisation, today's utilisation marked.".to_owned()) series=curve_series markers=today x_unit=Unit::Fraction y_unit=Unit::Fraction x_label="Utilisation" y_label="Borrow APR" file_name="rate-curve"/>
        </section>
    }
}
