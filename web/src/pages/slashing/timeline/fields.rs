//! The action list editor: one fieldset per action (its kind, block and the fields that kind
//! takes), the model's message at the action it concerns, and "Add an action".

use leptos::prelude::*;
use restake_core::slashing::timeline::TimelineReport;

use super::rows::{ActionRow, Kind, StrategyChoice};
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;

/// The lists a row's selects offer.
#[derive(Clone)]
pub(super) struct Choices {
    pub(super) op_names: Vec<String>,
    pub(super) avs_names: Vec<String>,
}

/// The editable list, keyed by each row's `uid` (ids `action-{uid}-…`); its number and error
/// path (`actions[{index}]`) follow its position.
#[component]
pub(super) fn ActionList(
    rows: RwSignal<Vec<ActionRow>>,
    next_uid: StoredValue<usize>,
    choices: Choices,
    outcome: Outcome<TimelineReport>,
) -> impl IntoView {
    let choices = StoredValue::new(choices);
    let add = move |_| {
        let uid = next_uid.get_value();
        next_uid.set_value(uid + 1);
        rows.update(|v| {
            // A new action follows the last one's block and staker.
            let (block, staker) = v.last().map_or((1, String::new()), |r| {
                (r.block.get_untracked() as u32, r.staker.get_untracked())
            });
            v.push(ActionRow::new(uid, Kind::Deposit, block, staker));
        });
    };
    view! {
        <ForEnumerate
            each=move || rows.get()
            key=|row| row.uid
            children={move |index: ReadSignal<usize>, row: ActionRow| {
                view! { <ActionFields row=row index=index rows=rows choices=choices.get_value() outcome=outcome/> }
            }}
        />
        <button type="button" id="add-action" class="secondary" on:click=add>"Add an action"</button>
    }
}

/// A `<select>` over `names` bound to an index signal.
fn index_select(
    class: &'static str,
    names: &[String],
    value: RwSignal<usize>,
) -> impl IntoView + use<> {
    let options = names
        .iter()
        .enumerate()
        .map(|(j, n)| view! { <option value=j.to_string() selected=move || value.get() == j>{n.clone()}</option> })
        .collect_view();
    view! {
        <select class=class on:change=move |ev| value.set(event_target_value(&ev).parse().unwrap_or(0))>{options}</select>
    }
}

/// The fields of one action; `index` is its position in the list.
#[component]
fn ActionFields(
    row: ActionRow,
    index: ReadSignal<usize>,
    rows: RwSignal<Vec<ActionRow>>,
    choices: Choices,
    outcome: Outcome<TimelineReport>,
) -> impl IntoView {
    let uid = row.uid;
    let id = move |name: &str| format!("action-{uid}-{name}");
    let err = outcome.error_under(move || format!("actions[{}]", index.get()));
    let remove = move |_| rows.update(|v| v.retain(|r| r.uid != uid));
    let kind_options = Kind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.key() selected=move || row.kind.get() == k>{k.label()}</option> })
        .collect_view();
    let strategy_options = move |both: bool| {
        [StrategyChoice::Both, StrategyChoice::Native, StrategyChoice::Lst]
            .into_iter()
            .filter(|c| both || *c != StrategyChoice::Both)
            .map(|c| view! { <option value=c.key() selected=move || row.strategy.get() == c>{c.label()}</option> })
            .collect_view()
    };
    let on_strategy = move |ev| {
        row.strategy
            .set(StrategyChoice::from_key(&event_target_value(&ev)))
    };
    let kind = move || row.kind.get();
    let choices = StoredValue::new(choices);
    let ops =
        move || choices.with_value(|c| index_select("action-operator", &c.op_names, row.operator));
    let avss = move || choices.with_value(|c| index_select("action-avs", &c.avs_names, row.avs));
    view! {
        <fieldset class="event timeline-action" id=id("row")>
            <legend>{move || format!("Action {}", index.get() + 1)}</legend>
            <label class="select">"What happens "
                <select class="action-kind" on:change=move |ev| row.kind.set(Kind::from_key(&event_target_value(&ev)))>{kind_options}</select>
            </label>
            <NumberInput id=id("block") label="Block" unit="block" value=row.block min=0.0 max=4_294_967_295.0 step=1.0 slider=false/>
            <Show when=move || kind().uses_staker()>
                <label class="select">"Staker id "
                    <input type="text" class="action-staker" list="timeline-stakers" autocomplete="off" spellcheck="false"
                        prop:value=move || row.staker.get() on:input=move |ev| row.staker.set(event_target_value(&ev))/>
                </label>
            </Show>
            <Show when=move || kind().uses_operator()>
                <label class="select">"Operator " {ops}</label>
            </Show>
            <Show when=move || kind().uses_avs()>
                <label class="select">"AVS " {avss}</label>
            </Show>
            <Show when=move || matches!(kind(), Kind::Allocate | Kind::Deallocate)>
                <NumberInput id=id("magnitude") label="New magnitude" term="magnitude" unit="%" scale=100.0 value=row.magnitude min=0.0 max=100.0 step=1.0 slider=false/>
                <label class="select">"Strategy " <select class="action-strategy" on:change=on_strategy>{strategy_options(true)}</select></label>
            </Show>
            <Show when=move || matches!(kind(), Kind::Deposit | Kind::QueueWithdrawal)>
                <label class="select">"Strategy " <select class="action-strategy" on:change=on_strategy>{strategy_options(false)}</select></label>
            </Show>
            {move || kind().uses_amount().then(|| view! {
                <NumberInput id=id("amount") label=kind().amount_label() unit="ETH" value=row.amount min=0.0 max=1_000_000_000.0 step=1.0 slider=false/>
            })}
            <Show when=move || kind() == Kind::Slash>
                <NumberInput id=id("fraction") label="Slash (wadsToSlash)" term="slashing" unit="%" scale=100.0 value=row.fraction min=0.0 max=100.0 step=1.0 slider=false/>
                <label class="select">"Redistribute to (ELIP-006; empty = burn) "
                    <input type="text" class="action-recipient" autocomplete="off" spellcheck="false"
                        prop:value=move || row.recipient.get() on:input=move |ev| row.recipient.set(event_target_value(&ev))/>
                </label>
                <label class="check"><input type="checkbox" class="action-veto" prop:checked=move || row.veto.get()
                    on:change=move |ev| row.veto.set(event_target_checked(&ev))/>" Symbiotic veto phase (VetoSlasher)"</label>
                <Show when=move || row.veto.get()>
                    <NumberInput id=id("requested") label="Requested at block" unit="block" value=row.requested_at min=0.0 max=4_294_967_295.0 step=1.0 slider=false/>
                    <NumberInput id=id("veto-blocks") label="Veto duration" unit="blocks" value=row.veto_blocks min=0.0 max=4_294_967_295.0 step=1.0 slider=false/>
                    <label class="check"><input type="checkbox" class="action-vetoed" prop:checked=move || row.vetoed.get()
                        on:change=move |ev| row.vetoed.set(event_target_checked(&ev))/>" The resolver vetoed it"</label>
                    <NumberInput id=id("vetoed-share") label="Or: share of the collateral whose resolvers vetoed (reduces the slash; assumption)" unit="%" scale=100.0 value=row.vetoed_share min=0.0 max=100.0 step=1.0 slider=false/>
                </Show>
            </Show>
            <Show when=move || kind() == Kind::CompleteWithdrawal>
                <NumberInput id=id("target") label="Withdrawal queued by action" unit="action" value=row.target min=1.0 max=200.0 step=1.0 slider=false/>
                <label class="check"><input type="checkbox" class="action-as-shares" prop:checked=move || row.as_shares.get()
                    on:change=move |ev| row.as_shares.set(event_target_checked(&ev))/>" Receive as shares (redelegate)"</label>
            </Show>
            <Show when=move || kind() == Kind::ReleaseEscrow>
                <NumberInput id=id("target") label="Slash of action" unit="action" value=row.target min=1.0 max=200.0 step=1.0 slider=false/>
            </Show>
            {move || err.get().map(|e| view! { <p class="field-msg event-error action-error" role="status">{e}</p> })}
            <button type="button" class="secondary" on:click=remove>{move || format!("Remove action {}", index.get() + 1)}</button>
        </fieldset>
    }
}
