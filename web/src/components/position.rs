//! "My position": the token held, the amount, the horizon and an optional loop, set once and
//! carried in the scenario document (`position`, written into every page's section by core's
//! `Scenario::set_position`). [`PositionBar`] shows it in the header of every page and opens
//! the [`PositionForm`]; the home page shows the form open with [`PositionAnswerView`], the
//! position's figures from core's `position_answer`. Nothing here computes a figure.

use leptos::prelude::*;
use restake_core::lending::LoopTarget;
use restake_core::scenario::{PositionAnswer, PositionSection, Scenario, position_answer};

use crate::components::number_input::NumberInput;
use crate::components::outcome::in_words;
use crate::format::{Unit, format};
use crate::store::use_store;

/// `10 ETH in ether.fi (weETH), 1 year, not looped`; `not set …` while the document has none.
pub fn position_words(d: &Scenario) -> String {
    let Some(p) = d.position.clone() else {
        return "not set — each page starts from its own defaults (open to set it)".to_owned();
    };
    let token = d
        .network
        .protocols
        .iter()
        .find(|x| x.id == p.protocol)
        .map_or_else(
            || p.protocol.clone(),
            |x| format!("{} ({})", x.name, x.token),
        );
    let looped = match p.leverage_loop {
        None => "not looped".to_owned(),
        Some(LoopTarget::Loops { loops }) => format!("looped {loops} times"),
        Some(LoopTarget::HealthFactor { health_factor }) => format!(
            "looped to health factor {}",
            format(Some(health_factor), Unit::Plain)
        ),
    };
    format!(
        "{} in {token}, {}, {looped}",
        format(Some(p.amount_eth), Unit::Eth),
        format(Some(p.horizon_years), Unit::Years)
    )
}

/// The names of the operators and AVSs behind the position's token, as one sentence.
pub fn behind_words(d: &Scenario) -> String {
    let p = d.position_or_default();
    let b = d.network.behind(&p.protocol);
    let names = |ids: &[String], of: &dyn Fn(&str) -> Option<String>| {
        ids.iter()
            .map(|id| of(id).unwrap_or_else(|| id.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let op = |id: &str| {
        d.network
            .operators
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
    };
    let avs = |id: &str| {
        d.network
            .avss
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
    };
    if b.operators.is_empty() {
        "No operator of this scenario's network holds this token's stake, so no AVS can slash it here.".to_owned()
    } else {
        format!(
            "Behind it in this scenario: operators {}; AVSs {}.",
            names(&b.operators, &op),
            if b.avss.is_empty() {
                "none".to_owned()
            } else {
                names(&b.avss, &avs)
            }
        )
    }
}

/// The position's fields. Every valid change is written into the document at once (all pages
/// follow it); a refused one is said beside the form and changes nothing. Fields follow the
/// document when it changes elsewhere (the header's form, a loaded scenario).
#[component]
pub fn PositionForm(
    /// Prefix of the fields' element ids (`home`, `bar`), so two forms can share a page.
    id_prefix: &'static str,
) -> impl IntoView {
    let store = use_store();
    let p0 = store.doc.with_untracked(Scenario::position_or_default);
    let token = RwSignal::new(p0.protocol.clone());
    let amount = RwSignal::new(p0.amount_eth);
    let horizon = RwSignal::new(p0.horizon_years);
    let (looped0, hf0) = match p0.leverage_loop {
        Some(LoopTarget::HealthFactor { health_factor }) => (true, health_factor),
        _ => (false, 1.5),
    };
    let looped = RwSignal::new(looped0);
    let health = RwSignal::new(hf0);
    let problem = RwSignal::new(None::<String>);
    // The document → the fields (an edit elsewhere, a replaced document).
    Effect::new(move |_| {
        let p = store.doc.with(Scenario::position_or_default);
        token.set(p.protocol);
        amount.set(p.amount_eth);
        horizon.set(p.horizon_years);
        if let Some(LoopTarget::HealthFactor { health_factor }) = p.leverage_loop {
            health.set(health_factor);
        }
        looped.set(p.leverage_loop.is_some());
    });
    // The fields → the document; the first run only subscribes.
    Effect::new(move |built: Option<()>| {
        let p = PositionSection {
            protocol: token.get(),
            amount_eth: amount.get(),
            horizon_years: horizon.get(),
            leverage_loop: looped.get().then(|| LoopTarget::HealthFactor {
                health_factor: health.get(),
            }),
        };
        if built.is_some() {
            problem.set(store.set_position(p).err().map(|e| in_words(&e)));
        }
    });
    let protocols = store.doc.with_untracked(|d| {
        d.network
            .protocols
            .iter()
            .map(|p| (p.id.clone(), format!("{} ({})", p.name, p.token)))
            .collect::<Vec<_>>()
    });
    let options = protocols
        .into_iter()
        .map(|(id, label)| {
            let value = id.clone();
            view! { <option value=value selected=move || token.get() == id>{label}</option> }
        })
        .collect_view();
    let token_id = format!("{id_prefix}-position-token");
    view! {
        <div class="position-form">
            <div class="field">
                <div class="field-label"><label for=token_id.clone()>"Token held"</label></div>
                <select id=token_id prop:value=move || token.get() on:change=move |ev| token.set(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <NumberInput id=format!("{id_prefix}-position-amount") label="Amount held (its value in ETH)" unit="ETH" value=amount min=0.001 max=1_000_000_000.0 step=1.0/>
            <NumberInput id=format!("{id_prefix}-position-horizon") label="Horizon" unit="years" value=horizon min=0.1 max=100.0 step=0.5/>
            <label class="check">
                <input type="checkbox" id=format!("{id_prefix}-position-looped") prop:checked=move || looped.get() on:change=move |ev| looped.set(event_target_checked(&ev))/>
                " Looped on the token's main lending market"
            </label>
            <div hidden=move || !looped.get()>
                <NumberInput id=format!("{id_prefix}-position-hf") label="Target health factor of the loop" unit="" term="health-factor" value=health min=1.01 max=100.0 step=0.05/>
            </div>
            {move || problem.get().map(|m| view! { <p class="field-msg" role="alert">{m}</p> })}
        </div>
    }
}

/// The header line on every page: the position in words, opening the form in place.
#[component]
pub fn PositionBar() -> impl IntoView {
    let store = use_store();
    let words = move || store.doc.with(position_words);
    view! {
        <details class="position-bar">
            <summary><span class="position-label">"My position: "</span><span id="position-words">{words}</span></summary>
            <PositionForm id_prefix="bar"/>
        </details>
    }
}

/// The answer for the position: its net APY and premium over the LST (the Yield page's
/// figures) and its expected, mean, VaR99 and ES99 losses (the Yield page's expected loss and
/// the Risk page's Monte Carlo), each labelled with where it comes from.
#[component]
pub fn PositionAnswerView() -> impl IntoView {
    let store = use_store();
    let answer = Memo::new(move |_| store.doc.with(position_answer).map_err(|e| in_words(&e)));
    let behind = move || store.doc.with(behind_words);
    let body = move || match answer.get() {
        Err(e) => view! { <p role="alert" class="error">{e}</p> }.into_any(),
        Ok(a) => answer_list(&a).into_any(),
    };
    view! {
        <div class="position-answer" id="position-answer" aria-live="polite">
            {body}
            <p class="hint">{behind}</p>
        </div>
    }
}

fn answer_list(a: &PositionAnswer) -> impl IntoView + use<> {
    let horizon = format(Some(a.position.horizon_years), Unit::Years);
    let risk_horizon = format(Some(a.risk_horizon_years), Unit::Years);
    let loss = |v: Option<f64>| {
        v.map_or_else(
            || {
                format!(
                    "none: {} is not restaked in this scenario's network",
                    a.token
                )
            },
            |v| format(Some(v), Unit::Eth),
        )
    };
    view! {
        <dl class="answer">
            <dt>"Net APY of " {a.token.clone()}</dt>
            <dd id="answer-net-apy">{format(Some(a.net_apy), Unit::Fraction)}</dd>
            <dt>"Premium over " {a.lst_token.clone()}</dt>
            <dd id="answer-premium">{format!("{} ({} over {horizon})", format(Some(a.premium_apy), Unit::RatePoints), format(Some(a.premium_eth), Unit::Eth))}</dd>
            <dt>"Expected slashing loss (the Yield page's AVS streams)"</dt>
            <dd id="answer-expected-loss">{format!("{} a year", format(Some(a.expected_loss), Unit::Fraction))}</dd>
            <dt>"Mean loss over " {risk_horizon.clone()} " (the Risk page's simulation)"</dt>
            <dd id="answer-mean-loss">{loss(a.mean_loss_eth)}</dd>
            <dt>"Worst case in a hundred (VaR99) over " {risk_horizon.clone()}</dt>
            <dd id="answer-var99">{loss(a.var99_eth)}</dd>
            <dt>"Mean of the worst 1%: ES99"</dt>
            <dd id="answer-es99">{loss(a.es99_eth)}</dd>
        </dl>
        <p class="hint">
            {format!(
                "Losses from {} simulated paths of the scenario's network over {risk_horizon}, the Risk page's run; the expected loss is the yield preset's own (allocation × fault probability × slash fraction), a different model, so the two need not agree.",
                format(Some(a.paths as f64), Unit::Count)
            )}
        </p>
    }
}
