//! The Leverage page's loop: own capital, price, LRT yield and how far to lever up (a target
//! health factor or a number of loops at full LTV); its figures are the leverage, net APY,
//! liquidation price, the health-factor gauge and the net APY against leverage, from
//! `restake_core::lending::leverage_loop`.

use leptos::prelude::*;
use restake_core::lending::{LeverageInput, LeverageReport, LoopTarget, OracleKind};

use super::Errors;
use super::market::Market;
use crate::components::chart::histogram::Marker;
use crate::components::chart::line::{LineChart, Series};
use crate::components::health_gauge::HealthGauge;
use crate::components::number_input::NumberInput;
use crate::format::{Unit, format};

/// The loop's fields, one signal each (price in ETH per token, yields a year).
#[derive(Clone, Copy)]
pub(super) struct Loop {
    deposit: RwSignal<f64>,
    pub(super) price: RwSignal<f64>,
    pub(super) lrt_yield: RwSignal<f64>,
    /// Lever up by a number of loops (else to a target health factor).
    by_loops: RwSignal<bool>,
    loops: RwSignal<f64>,
    target_hf: RwSignal<f64>,
}

impl Loop {
    /// Fields holding `l0` (the other target gets a default: 3 loops or health factor 1.2).
    pub(super) fn new(l0: &LeverageInput) -> Loop {
        let (by_loops, loops, hf) = match l0.target {
            LoopTarget::Loops { loops } => (true, f64::from(loops), 1.2),
            LoopTarget::HealthFactor { health_factor } => (false, 3.0, health_factor),
        };
        Loop {
            deposit: RwSignal::new(l0.deposit),
            price: RwSignal::new(l0.price),
            lrt_yield: RwSignal::new(l0.lrt_yield),
            by_loops: RwSignal::new(by_loops),
            loops: RwSignal::new(loops),
            target_hf: RwSignal::new(hf),
        }
    }

    /// The model input on market `m` (tracked); loops are rounded to a whole number in 0..=1000.
    pub(super) fn input(&self, m: Market) -> LeverageInput {
        let target = if self.by_loops.get() {
            LoopTarget::Loops {
                loops: self.loops.get().round().clamp(0.0, 1000.0) as u32,
            }
        } else {
            LoopTarget::HealthFactor {
                health_factor: self.target_hf.get(),
            }
        };
        LeverageInput {
            deposit: self.deposit.get(),
            price: self.price.get(),
            lrt_yield: self.lrt_yield.get(),
            borrow_rate: m.borrow_rate.get(),
            market: m.params(),
            target,
        }
    }
}

/// The loop's inputs.
#[component]
pub(super) fn LoopInputs(l: Loop, borrow_rate: RwSignal<f64>, errors: Errors) -> impl IntoView {
    view! {
        <h2>"Your loop"</h2>
        <NumberInput id="deposit" label="Own capital" unit="tokens" value=l.deposit min=0.001 max=1_000_000.0 step=1.0 error=errors.at("deposit")/>
        <NumberInput id="price" label="Today's oracle price" unit="ETH per token" value=l.price min=0.01 max=100.0 step=0.01 error=errors.at("price")/>
        <NumberInput id="lrt-yield" label="LRT yield" term="apy" unit="% a year" scale=100.0 value=l.lrt_yield min=-100.0 max=100.0 step=0.1 error=errors.at("lrtYield")/>
        <p class="field-note assumed">"Assumption: 3% a year stands in for the LRT's yield; set your own."</p>
        <NumberInput id="borrow-rate" label="Borrow rate" unit="% a year" scale=100.0 value=borrow_rate min=0.0 max=20.0 step=0.1 error=errors.at("borrowRate")/>
        <fieldset class="radio-group">
            <legend>"Lever up by"</legend>
            <label><input type="radio" name="loop-target" checked=move || !l.by_loops.get() on:change=move |_| l.by_loops.set(false)/>" a target health factor"</label>
            <label><input type="radio" name="loop-target" checked=move || l.by_loops.get() on:change=move |_| l.by_loops.set(true)/>" a number of loops at full LTV"</label>
        </fieldset>
        {move || if l.by_loops.get() {
            view! { <NumberInput id="loops" label="Loops" unit="loops" value=l.loops min=0.0 max=100.0 step=1.0 error=errors.at("target.loops")/> }.into_any()
        } else {
            view! { <NumberInput id="target-hf" label="Target health factor" term="health-factor" unit="" value=l.target_hf min=1.001 max=5.0 step=0.01 error=errors.at("target.healthFactor")/> }.into_any()
        }}
    }
}

/// The loop's figures from the last valid report `good`.
#[component]
pub(super) fn LoopResults(
    l: Loop,
    borrow_rate: RwSignal<f64>,
    good: RwSignal<Option<LeverageReport>>,
) -> impl IntoView {
    let loop_headline = move || {
        good.get().map(|r| {
            view! {
                <dl class="headline">
                    <div><dt>"Leverage"</dt><dd id="leverage">{format(Some(r.leverage), Unit::Multiple)}</dd></div>
                    <div><dt>"Most this market opens, 1/(1 − LTV) (the matrix's max leverage)"</dt><dd id="max-leverage">{format(Some(r.max_leverage), Unit::Multiple)}</dd></div>
                    <div><dt>"Net APY on your capital"</dt><dd id="net-apy">{format(Some(r.net_apy), Unit::Fraction)}</dd></div>
                    <div><dt>"Liquidation price (LRT/ETH)"</dt><dd id="liq-price">{format(r.liquidation_price, Unit::Price)}</dd></div>
                    <div><dt>"Today's oracle price"</dt><dd>{format(Some(l.price.get_untracked()), Unit::Price)}</dd></div>
                    <div><dt>"Fall to liquidation"</dt><dd id="distance">{format(r.distance_to_liquidation, Unit::Fraction)}</dd></div>
                    <div><dt>"Debt"</dt><dd>{format(Some(r.debt_eth), Unit::Eth)}</dd></div>
                </dl>
                {(!r.opens_within_ltv).then(|| view! {
                    <p class="warning">"This leverage needs more debt than the LTV lets you borrow: it can only be reached by drift (interest, price), not opened."</p>
                })}
                <p>
                    {match r.oracle {
                        OracleKind::ExchangeRate => "This market prices the LRT by its exchange rate: only a slash or a rate change moves the price that liquidates you, not a market depeg.",
                        OracleKind::Market => "This market prices the LRT from the market: any depeg, including one made by other borrowers' liquidations, moves the price that liquidates you.",
                        OracleKind::CappedExchangeRate { .. } => "This market prices the LRT by its exchange rate, capped (Aave's CAPO): a slash moves the price that liquidates you, a jump of the rate above the cap does not.",
                    }}
                </p>
            }
        })
    };
    let hf_signal = Signal::derive(move || good.get().and_then(|r| r.health_factor));
    let apy_series = Signal::derive(move || {
        good.get()
            .map(|r| {
                vec![Series {
                    name: "Net APY".to_owned(),
                    points: r.curve.iter().map(|p| (p.leverage, p.net_apy)).collect(),
                }]
            })
            .unwrap_or_default()
    });
    let apy_markers = Signal::derive(move || {
        good.get()
            .map(|r| {
                vec![Marker {
                    label: "your leverage".to_owned(),
                    at: r.leverage,
                }]
            })
            .unwrap_or_default()
    });
    let apy_desc = Signal::derive(move || {
        format!(
            "Net APY on own capital against leverage, for an LRT yield of {} and a borrow rate of {}.",
            format(Some(l.lrt_yield.get()), Unit::Fraction),
            format(Some(borrow_rate.get()), Unit::Fraction)
        )
    });

    view! {
        <h2>"Your loop"</h2>
        {loop_headline}
        <HealthGauge hf=hf_signal/>
        <LineChart title="Net APY against leverage" desc=apy_desc series=apy_series markers=apy_markers x_unit=Unit::Multiple y_unit=Unit::Fraction x_label="Leverage (×)" y_label="Net APY" file_name="net-apy-leverage"/>
    }
}
