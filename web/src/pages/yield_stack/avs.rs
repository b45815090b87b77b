//! The Yield page's AVS streams: one fieldset per stream (name, allocation, reward in ETH or in
//! the AVS's token, its own commission, fault probability and slash fraction) in a keyed list,
//! with Remove and Add buttons. Fields of stream `i` have ids `avs-{i}-…` and show the model's
//! errors for `lrt.avss[i].…`.

use leptos::prelude::*;
use restake_core::Error;
use restake_core::yield_stack::{AvsReward, AvsStream, YieldReport};

use super::state::{AvsState, Inputs};
use crate::components::number_input::NumberInput;
use crate::components::outcome::field_error;

/// The streams of `inputs`, keyed by position and stream, so adding a stream renders only the
/// new one and removing one re-renders only those after it (their ids move up by one).
#[component]
pub(super) fn AvsStreams(
    inputs: Inputs,
    result: Memo<Result<YieldReport, Error>>,
) -> impl IntoView {
    let add_avs = move |_| {
        let n = inputs.avss.with(Vec::len) + 1;
        let stream = AvsStream {
            name: format!("New AVS {n}"),
            allocation: 0.0,
            reward: AvsReward::Eth { apr: 0.01 },
            operator_commission: None,
            fault_probability: 0.01,
            slash_fraction: 0.1,
        };
        inputs
            .avss
            .update(|v| v.push(AvsState::new(&stream, inputs.commission.get_untracked())));
    };
    view! {
        <For
            each=move || inputs.avss.get().into_iter().enumerate()
            key=|(i, a)| (*i, a.name)
            children=move |(i, a)| avs_fieldset(i, a, inputs, result)
        />
        <button type="button" class="secondary" on:click=add_avs>"Add an AVS"</button>
    }
}

/// The inputs of AVS stream `i`, with a Remove button.
fn avs_fieldset(
    i: usize,
    a: AvsState,
    inputs: Inputs,
    result: Memo<Result<YieldReport, Error>>,
) -> impl IntoView {
    let error_at =
        move |suffix: &'static str| field_error(result, format!("lrt.avss[{i}].{suffix}"));
    let name_id = format!("avs-{i}-name");
    let kind_id = format!("avs-{i}-kind");
    let reward_error = error_at("reward");
    let name_error = error_at("name");
    let remove = move |_| {
        inputs.avss.update(|v| {
            if i < v.len() {
                v.remove(i);
            }
        })
    };
    let legend = move || a.name.get();
    view! {
        <fieldset class="avs">
            <legend>{legend}</legend>
            <div class="field" class:invalid=move || name_error.get().is_some()>
                <div class="field-label"><label for=name_id.clone()>"Name"</label></div>
                <div class="field-row">
                    <input id=name_id.clone() type="text" autocomplete="off" prop:value=move || a.name.get() on:input=move |ev| a.name.set(event_target_value(&ev))/>
                </div>
                <p class="field-msg" role="status">{move || name_error.get()}</p>
            </div>
            <NumberInput id=format!("avs-{i}-allocation") label="Share of the restaked ETH allocated" term="allocation" unit="%" scale=100.0 value=a.allocation min=0.0 max=100.0 step=1.0 error=error_at("allocation")/>
            <label class="select" for=kind_id.clone()>"Paid in "</label>
            <select id=kind_id.clone() on:change=move |ev| a.paid_in_token.set(event_target_value(&ev) == "token")>
                <option value="eth" selected=move || !a.paid_in_token.get()>"ETH"</option>
                <option value="token" selected=move || a.paid_in_token.get()>"its own token"</option>
            </select>
            {move || if a.paid_in_token.get() {
                view! {
                    <NumberInput id=format!("avs-{i}-emission") label="Tokens paid per ETH a year" term="token-emission" unit="tokens/ETH/yr" value=a.tokens_per_eth min=0.0 max=10_000.0 step=1.0 error=error_at("reward.tokensPerEthPerYear")/>
                    <NumberInput id=format!("avs-{i}-price") label="Token price" term="token-price" unit="ETH per token" value=a.price_eth min=0.0 max=1.0 step=0.0001 error=error_at("reward.tokenPriceEth")/>
                    <NumberInput id=format!("avs-{i}-haircut") label="Liquidity haircut" term="liquidity-haircut" unit="%" scale=100.0 value=a.haircut min=0.0 max=100.0 step=1.0 error=error_at("reward.liquidityHaircut")/>
                    {move || reward_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
                }.into_any()
            } else {
                view! {
                    <NumberInput id=format!("avs-{i}-apr") label="Reward on allocated stake" term="avs-reward" unit="% a year" scale=100.0 value=a.apr min=0.0 max=100.0 step=0.1 error=error_at("reward.apr")/>
                }.into_any()
            }}
            <label class="check"><input type="checkbox" prop:checked=move || a.own_commission.get() on:change=move |ev| a.own_commission.set(event_target_checked(&ev))/>" Its own operators' commission"</label>
            {move || a.own_commission.get().then(|| view! {
                <NumberInput id=format!("avs-{i}-commission") label="Operators' commission on this AVS" term="operator-commission" unit="%" scale=100.0 value=a.commission min=0.0 max=100.0 step=0.5 error=error_at("operatorCommission")/>
            })}
            <NumberInput id=format!("avs-{i}-fault") label="Chance of a slashing fault a year" term="fault-probability" unit="%" scale=100.0 value=a.fault min=0.0 max=100.0 step=0.1 error=error_at("faultProbability")/>
            <NumberInput id=format!("avs-{i}-slash") label="Share of the allocation slashed" term="slash-fraction" unit="%" scale=100.0 value=a.slash min=0.0 max=100.0 step=1.0 error=error_at("slashFraction")/>
            <button type="button" class="secondary" on:click=remove>{move || format!("Remove {}", a.name.get())}</button>
        </fieldset>
    }
}
