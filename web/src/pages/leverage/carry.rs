//! The Leverage page's carry panel: the loop's net APY and health factor over a horizon as the
//! debt accrues at the market's rate model under a utilisation path, the break-even borrow rate,
//! the day a health factor is reached, and the model's rate against utilisation with today's
//! point marked. Every figure comes from `restake_core::lending::carry` and `rate_model`.

use leptos::prelude::*;
use restake_core::Error;
use restake_core::lending::LeverageReport;
use restake_core::lending::carry::{
    CarryInput, CarryReport, UtilizationPath, carry, weth_february_2026,
};
use restake_core::lending::rate_model::presets::rate_model_presets;
use restake_core::lending::rate_model::{RateModel, RatePoint};

use crate::components::chart::histogram::Marker;
use crate::components::chart::line::{LineChart, Series};
use crate::components::number_input::NumberInput;
use crate::components::outcome::{Outcome, beside_field};
use crate::format::{Unit, format};

/// The carry's own fields (the position comes from the loop).
#[derive(Clone, Copy)]
pub(super) struct Carry {
    /// Index into [`rate_model_presets`], or `None` for the loop's fixed borrow rate.
    model: RwSignal<Option<usize>>,
    /// Utilisation today, fraction.
    utilization: RwSignal<f64>,
    /// Utilisation after the step, fraction.
    stepped: RwSignal<f64>,
    /// Day of the step.
    step_day: RwSignal<f64>,
    /// Use the February 2026 WETH spike instead of the step.
    spike: RwSignal<bool>,
    horizon: RwSignal<f64>,
    floor: RwSignal<f64>,
}

impl Carry {
    /// Aave Core WETH at its kink (94%) stepping to 99.85% on day 7, for 90 days, floor HF 1.
    pub(super) fn new() -> Carry {
        Carry {
            model: RwSignal::new(Some(0)),
            utilization: RwSignal::new(0.94),
            stepped: RwSignal::new(0.9985),
            step_day: RwSignal::new(7.0),
            spike: RwSignal::new(false),
            horizon: RwSignal::new(90.0),
            floor: RwSignal::new(1.0),
        }
    }

    fn rate_model(&self, fixed_apr: f64) -> RateModel {
        match self.model.get() {
            Some(i) => rate_model_presets()
                .get(i)
                .map_or(RateModel::Fixed { apr: fixed_apr }, |p| p.model),
            None => RateModel::Fixed { apr: fixed_apr },
        }
    }

    /// The carry input for the loop's report `r` (tracked).
    fn input(
        &self,
        r: &LeverageReport,
        price: f64,
        lrt_yield: f64,
        theta: f64,
        apr: f64,
    ) -> CarryInput {
        let utilization = if self.spike.get() {
            weth_february_2026().path
        } else {
            UtilizationPath::Step {
                before: self.utilization.get(),
                after: self.stepped.get(),
                at_day: self.step_day.get(),
            }
        };
        CarryInput {
            deposit: r.equity_eth / price,
            exchange_rate: price,
            lrt_yield,
            leverage: r.leverage,
            liquidation_threshold: theta,
            rate_model: self.rate_model(apr),
            utilization,
            horizon_days: self.horizon.get(),
            step_days: 1.0,
            health_factor_floor: self.floor.get(),
        }
    }
}

/// What the carry panel reads from the rest of the page.
#[derive(Clone, Copy)]
pub(super) struct CarrySource {
    pub(super) good: RwSignal<Option<LeverageReport>>,
    pub(super) price: Signal<f64>,
    pub(super) lrt_yield: Signal<f64>,
    pub(super) theta: Signal<f64>,
    pub(super) borrow_rate: Signal<f64>,
}

fn run(c: Carry, s: CarrySource) -> Result<CarryReport, Error> {
    let r = s.good.get().ok_or_else(|| Error::Invariant {
        field: "leverage".to_owned(),
        message: "the loop has no valid figures yet".to_owned(),
    })?;
    carry(&c.input(
        &r,
        s.price.get(),
        s.lrt_yield.get(),
        s.theta.get(),
        s.borrow_rate.get(),
    ))
}

/// The carry panel: its inputs, figures and two charts.
#[component]
pub(super) fn CarryPanel(c: Carry, s: CarrySource) -> impl IntoView {
    let outcome = Outcome::new(move || run(c, s));
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
    let on_model = move |ev| {
        let v = event_target_value(&ev);
        c.model.set(v.parse::<usize>().ok());
    };
    let curve = Memo::new(move |_| {
        let model = c.rate_model(s.borrow_rate.get());
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
            <p>"The debt accrues at the market's interest-rate model as its utilisation moves; the collateral grows with the LRT's yield. Rates are APR a year; the debt compounds once a day as the contracts do at each interaction."</p>
            <label for="carry-model">"Rate model"</label>
            <select id="carry-model" on:change=on_model>
                {names.into_iter().map(|(v, n)| view! { <option value=v.clone() selected=move || c.model.get().map(|i| i.to_string()) == Some(v.clone())>{n}</option> }).collect_view()}
                <option value="fixed" selected=move || c.model.get().is_none()>"The loop's fixed borrow rate"</option>
            </select>
            <fieldset class="radio-group">
                <legend>"Utilisation path"</legend>
                <label><input type="radio" name="carry-path" checked=move || !c.spike.get() on:change=move |_| c.spike.set(false)/>" a step"</label>
                <label><input type="radio" name="carry-path" checked=move || c.spike.get() on:change=move |_| c.spike.set(true)/>" Aave Core WETH, February 2026 (95.42%, then 99.85%)"</label>
            </fieldset>
            <NumberInput id="carry-utilization" label="Utilisation today" term="utilisation" unit="%" scale=100.0 value=c.utilization min=0.0 max=100.0 step=0.1 error=at("utilization.before")/>
            {move || (!c.spike.get()).then(|| view! {
                <NumberInput id="carry-stepped" label="Utilisation after the step" unit="%" scale=100.0 value=c.stepped min=0.0 max=100.0 step=0.1 error=at("utilization.after")/>
                <NumberInput id="carry-step-day" label="Day of the step" unit="days" value=c.step_day min=0.0 max=3650.0 step=1.0 error=at("utilization.atDay")/>
            })}
            {move || c.spike.get().then(|| view! { <p class="field-note assumed">"Assumption: the source gives the levels (LlamaRisk, 18 Feb 2026), not their timing — a week at the kink, two days at 95.42%, a week at 99.85%."</p> })}
            <NumberInput id="carry-horizon" label="Horizon" unit="days" value=c.horizon min=1.0 max=3650.0 step=1.0 error=at("horizonDays")/>
            <NumberInput id="carry-floor" label="Health factor floor" term="health-factor" unit="" value=c.floor min=0.5 max=5.0 step=0.01 error=at("healthFactorFloor")/>
            {other}
            {headline}
            <LineChart title="Health factor over time" desc=Signal::derive(|| "The loop's health factor each day of the horizon as the debt accrues.".to_owned()) series=hf_series x_unit=Unit::Days y_unit=Unit::Plain x_label="Day" y_label="Health factor" file_name="carry-health-factor"/>
            <LineChart title="Borrow rate over time" desc=Signal::derive(|| "The borrow APR the debt accrues at each day.".to_owned()) series=apr_series x_unit=Unit::Days y_unit=Unit::Fraction x_label="Day" y_label="Borrow APR" file_name="carry-borrow-rate"/>
            <LineChart title="Borrow rate against utilisation" desc=Signal::derive(|| "The selected rate model's borrow APR at each utilisation, today's utilisation marked.".to_owned()) series=curve_series markers=today x_unit=Unit::Fraction y_unit=Unit::Fraction x_label="Utilisation" y_label="Borrow APR" file_name="rate-curve"/>
        </section>
    }
}
