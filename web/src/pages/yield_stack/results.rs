//! The Yield page's figures: the headline APYs and premia, the deposit after the horizon, the
//! LRT's APR waterfall, the LST-versus-LRT comparison and the table of AVS streams. Every figure
//! is from the report of `restake_core::yield_stack`.

use leptos::prelude::*;
use restake_core::yield_stack::{StepKind, YieldReport};

use super::realised::RealisedCheck;
use super::state::Inputs;
use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::outcome::{Outcome, in_words};
use crate::components::term::Term;
use crate::format::{Unit, format};

/// The waterfall of the LRT's APR: each income stream up, each fee or drag down, then the net
/// APR (APR points).
fn waterfall(r: &YieldReport) -> Vec<Bar> {
    let mut bars: Vec<Bar> = r
        .lrt
        .steps
        .iter()
        .map(|s| Bar {
            label: s.label.clone(),
            value: s.apr,
            kind: if s.kind == StepKind::Income {
                BarKind::Up
            } else {
                BarKind::Down
            },
        })
        .collect();
    bars.push(Bar {
        label: format!("Net APR of {}", r.lrt.token),
        value: r.lrt.net_apr,
        kind: BarKind::Total,
    });
    bars
}

/// Net APY of the LST and of the LRT, and the LRT's risk-adjusted APY.
fn comparison(r: &YieldReport) -> Vec<Bar> {
    vec![
        Bar {
            label: format!("{} net APY", r.lst.token),
            value: r.lst.net_apy,
            kind: BarKind::Series(0),
        },
        Bar {
            label: format!("{} net APY", r.lrt.token),
            value: r.lrt.net_apy,
            kind: BarKind::Series(1),
        },
        Bar {
            label: format!("{} risk-adjusted APY", r.lrt.token),
            value: r.risk_adjusted_apy,
            kind: BarKind::Series(2),
        },
    ]
}

/// Per AVS stream: reward on allocated stake, gross, commission and fee (negative points),
/// kept by the holder, and the expected slashing loss a year.
fn avs_rows(r: &YieldReport) -> Vec<Row> {
    r.avss
        .iter()
        .map(|a| Row {
            header: a.name.clone(),
            cells: vec![
                Cell::number(a.reward_apr),
                Cell::number(a.gross_apr),
                Cell::number(-a.operator_commission_apr),
                Cell::number(-a.protocol_fee_apr),
                Cell::number(a.net_apr),
                Cell::number(a.expected_loss),
            ],
        })
        .collect()
}

/// The figures of the last valid report of `outcome`, with the current error above them.
#[component]
pub(super) fn YieldResults(inputs: Inputs, outcome: Outcome<YieldReport>) -> impl IntoView {
    let result = outcome.result;
    let report = move || outcome.report();
    let bars = Signal::derive(move || report().map(|r| waterfall(&r)).unwrap_or_default());
    let versus = Signal::derive(move || report().map(|r| comparison(&r)).unwrap_or_default());
    let rows = Signal::derive(move || report().map(|r| avs_rows(&r)).unwrap_or_default());
    let waterfall_desc = Signal::derive(move || {
        report()
            .map(|r| {
                format!(
                    "Each reward stream of {} adds to its APR and each fee or drag takes away, in percentage points, ending at the net APR of {}.",
                    r.lrt.token,
                    format(Some(r.lrt.net_apr), Unit::Fraction)
                )
            })
            .unwrap_or_default()
    });
    let versus_desc = Signal::derive(move || {
        report()
            .map(|r| {
                format!(
                    "Net APY of the LST {}, net APY of the LRT {}, and the LRT's APY less its expected slashing loss {}.",
                    format(Some(r.lst.net_apy), Unit::Fraction),
                    format(Some(r.lrt.net_apy), Unit::Fraction),
                    format(Some(r.risk_adjusted_apy), Unit::Fraction)
                )
            })
            .unwrap_or_default()
    });
    let columns = vec![
        Column {
            label: "Reward on allocated stake".into(),
            unit: Some(Unit::Fraction),
            term: Some("avs-reward"),
        },
        Column {
            label: "Gross".into(),
            unit: Some(Unit::RatePoints),
            term: None,
        },
        Column {
            label: "Operators' commission".into(),
            unit: Some(Unit::RatePoints),
            term: Some("operator-commission"),
        },
        Column {
            label: "Protocol fee".into(),
            unit: Some(Unit::RatePoints),
            term: Some("fee-on-rewards"),
        },
        Column {
            label: "Kept by the holder".into(),
            unit: Some(Unit::RatePoints),
            term: None,
        },
        Column {
            label: "Expected slashing loss a year".into(),
            unit: Some(Unit::Fraction),
            term: Some("expected-loss"),
        },
    ];
    let horizon_label = move || {
        report().map(|_| {
            format!(
                "{} after {}",
                format(Some(inputs.deposit.get()), Unit::Eth),
                format(Some(inputs.horizon.get()), Unit::Years)
            )
        })
    };
    let headline = move || {
        report().map(|r| {
            view! {
                <dl class="headline">
                    <div><dt>{format!("{} net APY", r.lrt.token)}</dt><dd id="lrt-net-apy">{format(Some(r.lrt.net_apy), Unit::Fraction)}</dd></div>
                    <div><dt>{format!("{} net APY", r.lst.token)}</dt><dd id="lst-net-apy">{format(Some(r.lst.net_apy), Unit::Fraction)}</dd></div>
                    <div><dt><Term id="yield-premium">"Yield premium"</Term>" of the LRT"</dt><dd id="premium-apy">{format(Some(r.premium_apy), Unit::RatePoints)}</dd></div>
                    <div><dt><Term id="expected-loss">"Expected slashing loss"</Term>" a year"</dt><dd id="expected-loss">{format(Some(r.expected_slash_loss), Unit::Fraction)}</dd></div>
                    <div><dt><Term id="risk-adjusted-apy">"Risk-adjusted APY"</Term></dt><dd id="risk-adjusted-apy">{format(Some(r.risk_adjusted_apy), Unit::Fraction)}</dd></div>
                    <div><dt>"Risk-adjusted premium over the LST"</dt><dd id="risk-adjusted-premium">{format(Some(r.risk_adjusted_premium), Unit::RatePoints)}</dd></div>
                </dl>
                <RealisedCheck token=r.lrt.token.clone() net_apy=r.lrt.net_apy/>
                <p class="hint figure-note" id="yield-differs-note">
                    "The expected slashing loss here is this page's AVS list, Σ allocation × fault probability × slash fraction, a year. The Risk page simulates the scenario's network instead (its operators, AVSs and probabilities, over its horizon), so its expected loss differs; the matrix's net APY and expected loss for a protocol equal this page opened on its preset."
                </p>
                <h2>{horizon_label}</h2>
                <dl class="headline">
                    <div><dt>{format!("In {}", r.lst.token)}</dt><dd id="deposit-lst">{format(Some(r.lst.deposit_value_eth), Unit::Eth)}</dd></div>
                    <div><dt>{format!("In {}", r.lrt.token)}</dt><dd id="deposit-lrt">{format(Some(r.lrt.deposit_value_eth), Unit::Eth)}</dd></div>
                    <div><dt>{format!("In {}, less expected slashing", r.lrt.token)}</dt><dd id="deposit-risk-adjusted">{format(Some(r.risk_adjusted_deposit_value_eth), Unit::Eth)}</dd></div>
                </dl>
                <p>
                    "Gross consensus APR used: " <span id="consensus-apr">{format(Some(r.consensus_apr), Unit::Fraction)}</span>
                    "; execution APR: " {format(Some(r.execution_apr), Unit::Fraction)} "."
                </p>
            }
        })
    };
    view! {
        {move || result.get().err().map(|e| view! {
            <p role="alert" class="error">"Showing the last valid result. " {in_words(&e)}</p>
        })}
        {headline}
        <BarChart title="LRT yield waterfall" desc=waterfall_desc bars=bars unit=Unit::RatePoints axis_label="APR (percentage points)" waterfall=true file_name="yield-waterfall"/>
        <BarChart title="LST versus LRT" desc=versus_desc bars=versus unit=Unit::Fraction axis_label="APY" file_name="yield-lst-vs-lrt"/>
        <DataTable caption="Each AVS stream, per unit of the LRT's ETH" row_header="AVS" columns=columns rows=rows csv_name="yield-avs.csv"/>
    }
}
