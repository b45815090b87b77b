//! The Yield page: what an LRT earns over a plain LST, stream by stream and fee by fee, as a
//! waterfall in APR points; net APY for a compounding frequency; the deposit after a horizon;
//! the expected slashing loss and the risk-adjusted APY. Every figure comes from
//! `restake_core::yield_stack`; the page only holds the inputs and formats the report.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::source::Basis;
use restake_core::yield_stack::{
    AvsReward, AvsStream, BaseLayer, Compounding, ConsensusApr, FeeScope, LrtInput, LstInput,
    StepKind, YieldInput, YieldNote, YieldPreset, YieldReport, yield_presets, yield_stack,
};

use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels};
use crate::components::source::describe;
use crate::components::term::{Term, TermTip};
use crate::format::{Unit, format};
use crate::store::{url, use_store, write_back};

/// The editable state of one AVS stream, in model units.
#[derive(Clone, Copy)]
struct AvsState {
    name: RwSignal<String>,
    allocation: RwSignal<f64>,
    paid_in_token: RwSignal<bool>,
    apr: RwSignal<f64>,
    token: RwSignal<String>,
    tokens_per_eth: RwSignal<f64>,
    price_eth: RwSignal<f64>,
    haircut: RwSignal<f64>,
    own_commission: RwSignal<bool>,
    commission: RwSignal<f64>,
    fault: RwSignal<f64>,
    slash: RwSignal<f64>,
}

impl AvsState {
    fn new(a: &AvsStream, default_commission: f64) -> Self {
        let (paid_in_token, apr, token, tpe, price, haircut) = match &a.reward {
            AvsReward::Eth { apr } => (false, *apr, "TOKEN".to_owned(), 0.0, 0.0, 0.0),
            AvsReward::Token {
                token,
                tokens_per_eth_per_year,
                token_price_eth,
                liquidity_haircut,
            } => (
                true,
                0.0,
                token.clone(),
                *tokens_per_eth_per_year,
                *token_price_eth,
                *liquidity_haircut,
            ),
        };
        AvsState {
            name: RwSignal::new(a.name.clone()),
            allocation: RwSignal::new(a.allocation),
            paid_in_token: RwSignal::new(paid_in_token),
            apr: RwSignal::new(apr),
            token: RwSignal::new(token),
            tokens_per_eth: RwSignal::new(tpe),
            price_eth: RwSignal::new(price),
            haircut: RwSignal::new(haircut),
            own_commission: RwSignal::new(a.operator_commission.is_some()),
            commission: RwSignal::new(a.operator_commission.unwrap_or(default_commission)),
            fault: RwSignal::new(a.fault_probability),
            slash: RwSignal::new(a.slash_fraction),
        }
    }

    fn stream(&self) -> AvsStream {
        AvsStream {
            name: self.name.get(),
            allocation: self.allocation.get(),
            reward: if self.paid_in_token.get() {
                AvsReward::Token {
                    token: self.token.get(),
                    tokens_per_eth_per_year: self.tokens_per_eth.get(),
                    token_price_eth: self.price_eth.get(),
                    liquidity_haircut: self.haircut.get(),
                }
            } else {
                AvsReward::Eth {
                    apr: self.apr.get(),
                }
            },
            operator_commission: self.own_commission.get().then(|| self.commission.get()),
            fault_probability: self.fault.get(),
            slash_fraction: self.slash.get(),
        }
    }
}

/// Every input of the page, in model units.
#[derive(Clone, Copy)]
struct Inputs {
    derive_cl: RwSignal<bool>,
    cl_apr: RwSignal<f64>,
    total_staked: RwSignal<f64>,
    participation: RwSignal<f64>,
    el_apr: RwSignal<f64>,
    lst_token: RwSignal<String>,
    lst_fee: RwSignal<f64>,
    lrt_token: RwSignal<String>,
    lrt_fee: RwSignal<f64>,
    fee_cl: RwSignal<bool>,
    fee_el: RwSignal<bool>,
    fee_avs: RwSignal<bool>,
    commission: RwSignal<f64>,
    buffer: RwSignal<f64>,
    avss: RwSignal<Vec<AvsState>>,
    /// Compounding periods per year; 0 = continuously.
    periods: RwSignal<u32>,
    deposit: RwSignal<f64>,
    horizon: RwSignal<f64>,
}

impl Inputs {
    fn new(input: &YieldInput) -> Self {
        let s = Inputs {
            derive_cl: RwSignal::new(true),
            cl_apr: RwSignal::new(0.03),
            total_staked: RwSignal::new(36e6),
            participation: RwSignal::new(1.0),
            el_apr: RwSignal::new(0.0),
            lst_token: RwSignal::new(String::new()),
            lst_fee: RwSignal::new(0.0),
            lrt_token: RwSignal::new(String::new()),
            lrt_fee: RwSignal::new(0.0),
            fee_cl: RwSignal::new(true),
            fee_el: RwSignal::new(true),
            fee_avs: RwSignal::new(true),
            commission: RwSignal::new(0.1),
            buffer: RwSignal::new(0.0),
            avss: RwSignal::new(vec![]),
            periods: RwSignal::new(365),
            deposit: RwSignal::new(10.0),
            horizon: RwSignal::new(1.0),
        };
        s.load(input);
        s
    }

    /// Replaces every value with the preset's (deposit, horizon and compounding too).
    fn load(&self, i: &YieldInput) {
        match i.base.consensus {
            ConsensusApr::Given { apr } => {
                self.derive_cl.set(false);
                self.cl_apr.set(apr);
            }
            ConsensusApr::FromStake {
                total_staked_eth,
                participation,
            } => {
                self.derive_cl.set(true);
                self.total_staked.set(total_staked_eth);
                self.participation.set(participation);
            }
        }
        self.el_apr.set(i.base.execution_apr);
        self.lst_token.set(i.lst.token.clone());
        self.lst_fee.set(i.lst.fee_on_rewards);
        self.lrt_token.set(i.lrt.token.clone());
        self.lrt_fee.set(i.lrt.fee_on_rewards);
        self.fee_cl.set(i.lrt.fee_applies_to.consensus);
        self.fee_el.set(i.lrt.fee_applies_to.execution);
        self.fee_avs.set(i.lrt.fee_applies_to.avs);
        self.commission.set(i.lrt.operator_commission);
        self.buffer.set(i.lrt.buffer_share);
        self.avss.set(
            i.lrt
                .avss
                .iter()
                .map(|a| AvsState::new(a, i.lrt.operator_commission))
                .collect(),
        );
        self.periods.set(match i.compounding {
            Compounding::Periodic { periods_per_year } => periods_per_year,
            Compounding::Continuous => 0,
        });
        self.deposit.set(i.deposit_eth);
        self.horizon.set(i.horizon_years);
    }

    fn input(&self) -> YieldInput {
        YieldInput {
            base: BaseLayer {
                consensus: if self.derive_cl.get() {
                    ConsensusApr::FromStake {
                        total_staked_eth: self.total_staked.get(),
                        participation: self.participation.get(),
                    }
                } else {
                    ConsensusApr::Given {
                        apr: self.cl_apr.get(),
                    }
                },
                execution_apr: self.el_apr.get(),
            },
            lst: LstInput {
                token: self.lst_token.get(),
                fee_on_rewards: self.lst_fee.get(),
            },
            lrt: LrtInput {
                token: self.lrt_token.get(),
                fee_on_rewards: self.lrt_fee.get(),
                fee_applies_to: FeeScope {
                    consensus: self.fee_cl.get(),
                    execution: self.fee_el.get(),
                    avs: self.fee_avs.get(),
                },
                operator_commission: self.commission.get(),
                buffer_share: self.buffer.get(),
                avss: self.avss.get().iter().map(AvsState::stream).collect(),
            },
            compounding: match self.periods.get() {
                0 => Compounding::Continuous,
                n => Compounding::Periodic {
                    periods_per_year: n,
                },
            },
            deposit_eth: self.deposit.get(),
            horizon_years: self.horizon.get(),
        }
    }
}

/// Compounding choices: label and periods per year (0 = continuously).
const COMPOUNDING: &[(&str, u32)] = &[
    ("Yearly", 1),
    ("Monthly", 12),
    ("Weekly", 52),
    ("Daily", 365),
    ("Continuously", 0),
];

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

/// The page.
#[component]
pub fn YieldPage() -> impl IntoView {
    // The presets are compiled-in and tested in core; an empty list only hides the picker.
    let presets: Vec<YieldPreset> = yield_presets().unwrap_or_default();
    // `/yield?protocol=renzo` (a link from the matrix) starts from that protocol's preset, unless
    // the address also carries a scenario (`#s=`, written once the page was edited): that wins.
    let store = use_store();
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    let from_query = wanted
        .filter(|_| url::current_fragment().is_none() && !store.rebuilding())
        .and_then(|id| presets.iter().position(|p| p.protocol == id));
    let section = store.doc.with_untracked(|d| d.yield_stack.clone());
    let start = match (from_query, section) {
        (Some(i), _) => {
            let input = presets[i].input.clone();
            let synced = input.clone();
            store.sync(move |d| d.yield_stack = Some(synced));
            input
        }
        (None, Some(input)) => input,
        // The document has no yield section: the first preset (the page's default).
        (None, None) => presets
            .first()
            .map(|p| p.input.clone())
            .unwrap_or_else(|| YieldInput {
                base: BaseLayer {
                    consensus: ConsensusApr::Given { apr: 0.03 },
                    execution_apr: 0.005,
                },
                lst: LstInput {
                    token: "LST".to_owned(),
                    fee_on_rewards: 0.1,
                },
                lrt: LrtInput {
                    token: "LRT".to_owned(),
                    fee_on_rewards: 0.1,
                    fee_applies_to: FeeScope::ALL,
                    operator_commission: 0.1,
                    buffer_share: 0.0,
                    avss: vec![],
                },
                compounding: Compounding::Periodic {
                    periods_per_year: 365,
                },
                deposit_eth: 10.0,
                horizon_years: 1.0,
            }),
    };
    // The picker shows the preset the input is, or “Custom” when it is none of them.
    let index = presets.iter().position(|p| p.input == start);
    let notes = RwSignal::new(
        index
            .and_then(|i| presets.get(i))
            .map(|p| p.notes.clone())
            .unwrap_or_default(),
    );
    let inputs = Inputs::new(&start);
    let presets = StoredValue::new(presets);
    let picked = RwSignal::new(index.map_or_else(|| "custom".to_owned(), |i| i.to_string()));
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

    let outcome = Outcome::new(move || yield_stack(&inputs.input()));
    let result = outcome.result;
    write_back(
        move || result.with(Result::is_ok).then(|| inputs.input()),
        |d, input| d.yield_stack = Some(input),
    );
    let error_at = move |field: String| {
        Signal::derive(move || {
            result
                .get()
                .err()
                .filter(|e| e.field() == field)
                .map(|e| e.to_string())
        })
    };
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

    let avs_inputs = move || {
        inputs
            .avss
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, a)| avs_fieldset(i, a, inputs, result))
            .collect_view()
    };
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
    let allocation_error = Signal::derive(move || {
        result
            .get()
            .err()
            .filter(|e| e.field() == "lrt.avss[].allocation")
            .map(|e| e.to_string())
    });

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
    let compounding_options = move || {
        COMPOUNDING
            .iter()
            .map(|&(label, n)| {
                view! { <option value=n.to_string() selected=move || inputs.periods.get() == n>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <Page title="Yield stacking">
            <p class="lead">
                "What does an " <Term id="lrt">"LRT"</Term> " earn over a plain " <Term id="lst">"LST"</Term>
                "? Both earn consensus and execution rewards; the LRT adds " <Term id="avs">"AVS"</Term>
                " rewards, pays its operators' commission and its own fee, keeps part of its ETH idle for withdrawals, and can be "
                <Term id="slashing">"slashed"</Term> " by every AVS it secures. Every stream and fee below is in "
                <Term id="apr">"APR"</Term> " points; the headline figures are " <Term id="apy">"APY"</Term> "."
            </p>
            <p class="warning">
                "AVS reward rates, allocations and fault probabilities have no published figures: the presets' AVS streams are illustrative assumptions. Replace them with your own."
            </p>
            <Panels
                inputs=Box::new(move || view! {
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
                    {avs_inputs}
                    <button type="button" class="secondary" on:click=add_avs>"Add an AVS"</button>
                    <h2>"Deposit"</h2>
                    <div class="field">
                        <div class="field-label"><label for="compounding">"Compounding"</label><TermTip id="apy"/></div>
                        <select id="compounding" on:change=move |ev| inputs.periods.set(event_target_value(&ev).parse().unwrap_or(365))>{compounding_options}</select>
                    </div>
                    <NumberInput id="deposit" label="Deposit" term="deposit" unit="ETH" value=inputs.deposit min=0.0 max=10_000.0 step=1.0 error=error_at("depositEth".into())/>
                    <NumberInput id="horizon" label="Horizon" term="horizon" unit="years" value=inputs.horizon min=0.0 max=30.0 step=0.5 error=error_at("horizonYears".into())/>
                }.into_any())
                results=Box::new(move || view! {
                    {move || result.get().err().map(|e| view! {
                        <p role="alert" class="error">"Showing the last valid result. " {e.to_string()}</p>
                    })}
                    {headline}
                    <BarChart title="LRT yield waterfall" desc=waterfall_desc bars=bars unit=Unit::RatePoints axis_label="APR (percentage points)" waterfall=true file_name="yield-waterfall"/>
                    <BarChart title="LST versus LRT" desc=versus_desc bars=versus unit=Unit::Fraction axis_label="APY" file_name="yield-lst-vs-lrt"/>
                    <DataTable caption="Each AVS stream, per unit of the LRT's ETH" row_header="AVS" columns=columns.clone() rows=rows csv_name="yield-avs.csv"/>
                }.into_any())
            />
        </Page>
    }
}

/// The inputs of AVS stream `i`, with a Remove button.
fn avs_fieldset(
    i: usize,
    a: AvsState,
    inputs: Inputs,
    result: Memo<Result<YieldReport, restake_core::Error>>,
) -> impl IntoView {
    let error_at = move |suffix: &'static str| {
        let field = format!("lrt.avss[{i}].{suffix}");
        Signal::derive(move || {
            result
                .get()
                .err()
                .filter(|e| e.field() == field)
                .map(|e| e.to_string())
        })
    };
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
