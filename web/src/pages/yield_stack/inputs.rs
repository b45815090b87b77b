//! The Yield page's input panel: the preset picker, the base layer (consensus APR entered or
//! derived from the ETH staked, execution APR), the LST's fee, the LRT's fees, commission and
//! buffer, the AVS streams ([`super::avs`]) and the deposit. Each field shows the model's error
//! for its own path and, under a preset, the basis of its value.

use leptos::prelude::*;
use restake_core::Error;
use restake_core::source::Basis;
use restake_core::yield_stack::{YieldNote, YieldPreset, YieldReport};

use super::avs::AvsStreams;
use super::state::Inputs;
use crate::components::number_input::NumberInput;
use crate::components::outcome::{beside_field, field_error};
use crate::components::source::describe;
use crate::components::term::TermTip;

/// Compounding choices: label and periods per year (0 = continuously).
const COMPOUNDING: &[(&str, u32)] = &[
    ("Yearly", 1),
    ("Monthly", 12),
    ("Weekly", 52),
    ("Daily", 365),
    ("Continuously", 0),
];

/// The input panel. `picked` is the picker's value (a preset's index or `custom`); picking a
/// preset loads its values into `inputs` and its notes into `notes`.
#[component]
pub(super) fn YieldInputs(
    inputs: Inputs,
    result: Memo<Result<YieldReport, Error>>,
    notes: RwSignal<Vec<YieldNote>>,
    presets: StoredValue<Vec<YieldPreset>>,
    picked: RwSignal<String>,
) -> impl IntoView {
    let on_preset = move |ev| {
        let v = event_target_value(&ev);
        picked.set(v.clone());
        if let Ok(i) = v.parse::<usize>()
            && let Some(p) = presets.with_value(|ps| ps.get(i).cloned())
        {
            inputs.load(&p.input);
            notes.set(p.notes);
        } else {
            // Custom: keep the values, drop the preset's notes.
            notes.set(vec![]);
        }
    };
    let preset_options = move || {
        presets.with_value(|ps| {
            ps.iter()
                .enumerate()
                .map(|(i, p)| {
                    let label = format!("{} ({})", p.name, p.input.lrt.token);
                    view! { <option value=i.to_string()>{label}</option> }
                })
                .collect_view()
        })
    };

    let error_at = move |field: String| field_error(result, field);
    let note_view = move |path: &'static str| {
        move || {
            notes.with(|ns: &Vec<YieldNote>| {
                ns.iter().find(|n| n.path == path).map(|n| {
                    let assumed = n.basis.rests_on_assumption();
                    let text = if matches!(n.basis, Basis::Assumption { .. }) {
                        describe(&n.basis)
                    } else {
                        format!("Source: {}", describe(&n.basis))
                    };
                    view! { <p class="field-note" class:assumed=assumed>{text}</p> }
                })
            })
        }
    };

    let allocation_error = Signal::derive(move || {
        result
            .get()
            .err()
            .filter(|e| e.field() == "lrt.avss[].allocation")
            .map(|e| beside_field(&e))
    });

    let compounding_options = move || {
        COMPOUNDING
            .iter()
            .map(|&(label, n)| {
                view! { <option value=n.to_string() selected=move || inputs.periods.get() == n>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <label class="select">"Start from "
            <select id="preset" on:change=on_preset prop:value=move || picked.get()>
                {preset_options}
                <option value="custom">"Custom (keep my values)"</option>
            </select>
        </label>
        <h2>"Base layer"</h2>
        <fieldset class="radio-group">
            <legend>"Consensus-layer APR"<TermTip id="consensus-apr"/></legend>
            <label><input type="radio" name="cl-mode" checked=move || inputs.derive_cl.get() on:change=move |_| inputs.derive_cl.set(true)/>" Derive it from the total ETH staked"</label>
            <label><input type="radio" name="cl-mode" checked=move || !inputs.derive_cl.get() on:change=move |_| inputs.derive_cl.set(false)/>" Enter it"</label>
        </fieldset>
        {move || if inputs.derive_cl.get() {
            view! {
                <NumberInput id="total-staked" label="Total ETH staked" term="total-staked" unit="M ETH" scale=1e-6 value=inputs.total_staked min=0.1 max=200.0 step=0.5 error=error_at("base.consensus.totalStakedEth".into())/>
                {note_view("base.consensus.totalStakedEth")}
                <NumberInput id="participation" label="Participation" term="participation" unit="%" scale=100.0 value=inputs.participation min=0.0 max=100.0 step=0.5 error=error_at("base.consensus.participation".into())/>
                {note_view("base.consensus.participation")}
            }.into_any()
        } else {
            view! {
                <NumberInput id="cl-apr" label="Consensus-layer APR" term="consensus-apr" unit="% a year" scale=100.0 value=inputs.cl_apr min=0.0 max=100.0 step=0.05 error=error_at("base.consensus.apr".into())/>
            }.into_any()
        }}
        <NumberInput id="el-apr" label="Execution-layer APR (fees + MEV)" term="execution-apr" unit="% a year" scale=100.0 value=inputs.el_apr min=0.0 max=100.0 step=0.01 error=error_at("base.executionApr".into())/>
        {note_view("base.executionApr")}
        <h2>"Plain LST"</h2>
        <NumberInput id="lst-fee" label="LST fee on rewards" term="fee-on-rewards" unit="%" scale=100.0 value=inputs.lst_fee min=0.0 max=100.0 step=0.5 error=error_at("lst.feeOnRewards".into())/>
        {note_view("lst.feeOnRewards")}
        <h2>"LRT fees and buffer"</h2>
        <NumberInput id="lrt-fee" label="LRT protocol fee on rewards" term="fee-on-rewards" unit="%" scale=100.0 value=inputs.lrt_fee min=0.0 max=100.0 step=0.5 error=error_at("lrt.feeOnRewards".into())/>
        {note_view("lrt.feeOnRewards")}
        <fieldset>
            <legend>"The protocol fee is taken from"</legend>
            <label><input type="checkbox" prop:checked=move || inputs.fee_cl.get() on:change=move |ev| inputs.fee_cl.set(event_target_checked(&ev))/>" consensus rewards"</label>" "
            <label><input type="checkbox" prop:checked=move || inputs.fee_el.get() on:change=move |ev| inputs.fee_el.set(event_target_checked(&ev))/>" execution rewards"</label>" "
            <label><input type="checkbox" prop:checked=move || inputs.fee_avs.get() on:change=move |ev| inputs.fee_avs.set(event_target_checked(&ev))/>" AVS rewards"</label>
        </fieldset>
        {note_view("lrt.feeAppliesTo")}
        <NumberInput id="operator-commission" label="Operators' commission on AVS rewards" term="operator-commission" unit="%" scale=100.0 value=inputs.commission min=0.0 max=100.0 step=0.5 error=error_at("lrt.operatorCommission".into())/>
        {note_view("lrt.operatorCommission")}
        <NumberInput id="buffer" label="Idle withdrawal buffer" term="withdrawal-buffer" unit="% of the LRT's ETH" scale=100.0 value=inputs.buffer min=0.0 max=100.0 step=0.5 error=error_at("lrt.bufferShare".into())/>
        {note_view("lrt.bufferShare")}
        <h2>"AVS reward streams"</h2>
        {note_view("lrt.avss")}
        {move || allocation_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
        <AvsStreams inputs=inputs result=result/>
        <h2>"Deposit"</h2>
        <div class="field">
            <div class="field-label"><label for="compounding">"Compounding"</label><TermTip id="apy"/></div>
            <select id="compounding" on:change=move |ev| inputs.periods.set(event_target_value(&ev).parse().unwrap_or(365))>{compounding_options}</select>
        </div>
        <NumberInput id="deposit" label="Deposit" term="deposit" unit="ETH" value=inputs.deposit min=0.0 max=10_000.0 step=1.0 error=error_at("depositEth".into())/>
        <NumberInput id="horizon" label="Horizon" term="horizon" unit="years" value=inputs.horizon min=0.0 max=30.0 step=0.5 error=error_at("horizonYears".into())/>
    }
}
