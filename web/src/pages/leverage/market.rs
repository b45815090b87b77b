//! The Leverage page's lending market: a sourced preset or the user's own LTV, liquidation
//! threshold and bonus, close factor and oracle kind, shared by the loop and the cascade, and
//! the sources of the picked preset.

use leptos::prelude::*;
use restake_core::lending::{
    LendingMarket, LiquidationRules, MarketParams, OracleKind, morpho_lif,
};

use super::Errors;
use crate::components::number_input::NumberInput;
use crate::components::source::describe;
use crate::components::term::Term;
use crate::format::{Unit, format};

/// The market's fields, one signal each (fractions `0..=1`; the borrow rate a year).
#[derive(Clone, Copy)]
pub(super) struct Market {
    markets: StoredValue<Vec<LendingMarket>>,
    /// The preset whose parameters the fields hold; `None` for a market of the user's own.
    preset: RwSignal<Option<usize>>,
    ltv: RwSignal<f64>,
    lt: RwSignal<f64>,
    bonus: RwSignal<f64>,
    close_factor: RwSignal<f64>,
    full_close_hf: RwSignal<f64>,
    oracle: RwSignal<OracleKind>,
    /// Which protocol's liquidation rules apply (Aave v3.3+, the older close factor, Morpho).
    rules: RwSignal<LiquidationRules>,
    /// Aave v3.3+: the ETH price that sizes positions, USD.
    eth_usd: RwSignal<f64>,
    /// Share of the bonus the protocol keeps, fraction.
    protocol_fee: RwSignal<f64>,
    /// The borrow rate, a year (a preset sets it; the loop reads it).
    pub(super) borrow_rate: RwSignal<f64>,
}

impl Market {
    /// Fields holding `m0` and `rate0`; the picker shows the preset with those parameters.
    pub(super) fn new(markets: Vec<LendingMarket>, m0: MarketParams, rate0: f64) -> Market {
        Market {
            preset: RwSignal::new(markets.iter().position(|m| m.params() == m0)),
            markets: StoredValue::new(markets),
            ltv: RwSignal::new(m0.ltv),
            lt: RwSignal::new(m0.liquidation_threshold),
            bonus: RwSignal::new(m0.liquidation_bonus),
            close_factor: RwSignal::new(m0.close_factor),
            full_close_hf: RwSignal::new(m0.full_close_hf),
            oracle: RwSignal::new(m0.oracle),
            rules: RwSignal::new(m0.rules),
            eth_usd: RwSignal::new(match m0.rules {
                LiquidationRules::AaveV33 { eth_usd } => eth_usd,
                _ => 3000.0,
            }),
            protocol_fee: RwSignal::new(m0.liquidation_protocol_fee),
            borrow_rate: RwSignal::new(rate0),
        }
    }

    /// Loads preset `i` (every parameter and the borrow rate).
    fn pick(&self, i: usize) {
        self.markets.with_value(|ms| {
            if let Some(m) = ms.get(i) {
                self.ltv.set(m.ltv.value);
                self.lt.set(m.liquidation_threshold.value);
                self.bonus.set(m.liquidation_bonus.value);
                self.close_factor.set(m.close_factor.value);
                self.full_close_hf.set(m.full_close_hf.value);
                self.oracle.set(m.oracle.value);
                self.rules.set(m.rules.value);
                if let LiquidationRules::AaveV33 { eth_usd } = m.rules.value {
                    self.eth_usd.set(eth_usd);
                }
                self.protocol_fee.set(m.liquidation_protocol_fee.value);
                self.borrow_rate.set(m.borrow_rate.value);
                self.preset.set(Some(i));
            }
        })
    }

    /// The market's parameters (tracked).
    pub(super) fn params(&self) -> MarketParams {
        MarketParams {
            ltv: self.ltv.get(),
            liquidation_threshold: self.lt.get(),
            liquidation_bonus: self.bonus.get(),
            close_factor: self.close_factor.get(),
            full_close_hf: self.full_close_hf.get(),
            oracle: self.oracle.get(),
            liquidation_protocol_fee: self.protocol_fee.get(),
            rules: match self.rules.get() {
                LiquidationRules::AaveV33 { .. } => LiquidationRules::AaveV33 {
                    eth_usd: self.eth_usd.get(),
                },
                r => r,
            },
        }
    }
}

/// The market's inputs: the preset picker, LTV, threshold, bonus, oracle and the preset's
/// sources.
#[component]
pub(super) fn MarketInputs(m: Market, errors: Errors) -> impl IntoView {
    let market_notes = move || {
        m.markets.with_value(|ms| {
            m.preset.get().and_then(|i| ms.get(i)).map(|x| {
                x.bases()
                    .into_iter()
                    .map(|(f, b)| {
                        let assumed = b.rests_on_assumption();
                        view! { <li class:assumed=assumed><strong>{f}</strong>": "{describe(b)}</li> }
                    })
                    .collect_view()
            })
        })
    };
    let market_options = move || {
        m.markets.with_value(|ms| {
            ms.iter()
                .enumerate()
                .map(|(i, x)| {
                    view! { <option value=i.to_string() selected=move || m.preset.get() == Some(i)>{x.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    // Under Morpho's rules the bonus is the LLTV's incentive (morpho-blue ConstantsLib): the
    // field follows the threshold.
    Effect::new(move || {
        if m.rules.get() == LiquidationRules::Morpho {
            m.bonus.set(morpho_lif(m.lt.get()) - 1.0);
        }
    });
    let is = move |k: u8| {
        move || match m.rules.get() {
            LiquidationRules::AaveV33 { .. } => k == 0,
            LiquidationRules::CloseFactor => k == 1,
            LiquidationRules::Morpho => k == 2,
        }
    };
    view! {
        <h2>"Lending market"</h2>
        <label class="select">"Preset "
            <select id="market-preset" style="max-width: 100%" on:change=move |ev| {
                if let Ok(i) = event_target_value(&ev).parse() {
                    m.pick(i);
                }
            }>{market_options}<option value="custom" disabled=true selected=move || m.preset.get().is_none()>"Custom market"</option></select>
        </label>
        <NumberInput id="ltv" label="LTV" term="ltv" unit="%" scale=100.0 value=m.ltv min=1.0 max=99.0 step=0.5 error=errors.at("market.ltv")/>
        <NumberInput id="lt" label="Liquidation threshold" term="liquidation-threshold" unit="%" scale=100.0 value=m.lt min=1.0 max=99.0 step=0.5 error=errors.at("market.liquidationThreshold")/>
        <NumberInput id="bonus" label="Liquidation bonus" term="liquidation-bonus" unit="%" scale=100.0 value=m.bonus min=0.0 max=50.0 step=0.1 error=errors.at("market.liquidationBonus")/>
        <fieldset class="radio-group">
            <legend>"Oracle"</legend>
            <label><input type="radio" name="oracle" checked=move || m.oracle.get() == OracleKind::ExchangeRate on:change=move |_| m.oracle.set(OracleKind::ExchangeRate)/>" "<Term id="exchange-rate-oracle">"Exchange rate"</Term></label>
            <label><input type="radio" name="oracle" checked=move || m.oracle.get() == OracleKind::Market on:change=move |_| m.oracle.set(OracleKind::Market)/>" "<Term id="market-oracle">"Market price"</Term></label>
        </fieldset>
        {move || {
            let o = m.oracle.get();
            let OracleKind::CappedExchangeRate { snapshot_ratio, max_yearly_ratio_growth_percent, days_since_snapshot } = o else {
                return None;
            };
            Some(view! {
                <p id="capo-cap" class="note">{format!(
                    "Capped exchange rate (Aave's CAPO): snapshot {} ETH per token, at most {} a year, {} since the snapshot: cap {} ETH per token. Pick Exchange rate or Market price to drop the cap.",
                    format(Some(snapshot_ratio), Unit::Price),
                    format(Some(f64::from(max_yearly_ratio_growth_percent) / 1e4), Unit::Fraction),
                    format(Some(days_since_snapshot), Unit::Days),
                    format(o.cap(), Unit::Price)
                )}</p>
            })
        }}
        <fieldset class="radio-group">
            <legend>"Liquidation rules"</legend>
            <label><input type="radio" name="rules" checked=is(0) on:change=move |_| m.rules.set(LiquidationRules::AaveV33 { eth_usd: m.eth_usd.get_untracked() })/>" Aave v3.3+ (USD 2,000 full close, USD 1,000 dust rule)"</label>
            <label><input type="radio" name="rules" checked=is(1) on:change=move |_| m.rules.set(LiquidationRules::CloseFactor)/>" Aave v3.0–v3.2 (close factor only; replays before v3.3)"</label>
            <label><input type="radio" name="rules" checked=is(2) on:change=move |_| m.rules.set(LiquidationRules::Morpho)/>" Morpho Blue (whole position, bonus from the LLTV)"</label>
        </fieldset>
        {move || matches!(m.rules.get(), LiquidationRules::AaveV33 { .. }).then(|| view! {
            <NumberInput id="eth-usd" label="ETH price (sizes positions in USD)" unit="USD" value=m.eth_usd min=1.0 max=10_000_000.0 step=10.0 error=errors.at("market.rules.ethUsd")/>
        })}
        <NumberInput id="protocol-fee" label="Liquidation protocol fee (share of the bonus)" unit="%" scale=100.0 value=m.protocol_fee min=0.0 max=100.0 step=1.0 error=errors.at("market.liquidationProtocolFee")/>
        <details>
            <summary>"Sources of this preset"</summary>
            <ul class="source-list">{market_notes}</ul>
        </details>
    }
}
