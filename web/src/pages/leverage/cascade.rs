//! The Leverage page's cascade: a depeg or slash shock on a population of borrowers between two
//! health factors, liquidations sold into a stableswap or constant-product pool round by round;
//! its figures are the totals, the price by round and the table of rounds, from
//! `restake_core::lending::liquidation_cascade`.

use leptos::prelude::*;
use restake_core::lending::cascade::CascadeRound;
use restake_core::lending::pool_live::LivePool;
use restake_core::lending::{
    CascadeInput, CascadeReport, Pool, PoolKind, Population, Shock, SwapFee,
};
use restake_core::source::Basis;

use super::Errors;
use super::market::Market;
use super::pool_choice::{FixedPool, PoolChoice, PoolSource};
use crate::components::chart::line::{LineChart, Series};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::number_input::NumberInput;
use crate::components::source::describe;
use crate::components::term::Term;
use crate::format::{Unit, format};

/// Per round: oracle and pool price, liquidations, debt repaid (ETH), collateral seized and
/// sold (tokens), bad debt (ETH).
fn round_rows(rounds: &[CascadeRound]) -> Vec<Row> {
    rounds
        .iter()
        .map(|r| Row {
            header: r.round.to_string(),
            cells: vec![
                Cell::number(r.oracle_price),
                Cell::number(r.market_price),
                Cell::number(f64::from(r.liquidations)),
                Cell::number(r.debt_repaid),
                Cell::number(r.collateral_seized),
                Cell::number(r.collateral_sold),
                Cell::number(r.bad_debt),
            ],
        })
        .collect()
}

/// Price after the shock (round 0) and after each round's sale.
fn price_series(r: &CascadeReport) -> Vec<Series> {
    let mut oracle = vec![(0.0, r.oracle_price_after_shock)];
    let mut market = vec![(0.0, r.shock_sale.price_after)];
    for (i, round) in r.rounds.iter().enumerate() {
        let next = r
            .rounds
            .get(i + 1)
            .map_or(r.final_oracle_price, |x| x.oracle_price);
        oracle.push(((i + 1) as f64, next));
        market.push(((i + 1) as f64, round.market_price));
    }
    vec![
        Series {
            name: "Oracle price".to_owned(),
            points: oracle,
        },
        Series {
            name: "Pool price".to_owned(),
            points: market,
        },
    ]
}

/// The cascade's fields, one signal each (fractions `0..=1`, collateral in tokens, pool depth
/// in ETH), and what the page keeps from the starting input (exchange rate, size skew, round
/// limit).
#[derive(Clone, Copy)]
pub(super) struct Cascade {
    slash: RwSignal<bool>,
    shock: RwSignal<f64>,
    count: RwSignal<f64>,
    total: RwSignal<f64>,
    hf_min: RwSignal<f64>,
    hf_max: RwSignal<f64>,
    stableswap: RwSignal<bool>,
    depth: RwSignal<f64>,
    amplification: RwSignal<f64>,
    /// The swap fee's rate, fraction; its kind (Curve's output fee or a fee on the input) is the
    /// starting pool's, or follows the curve when it had none.
    swap_fee: RwSignal<f64>,
    fee0: SwapFee,
    sale_share: RwSignal<f64>,
    /// The pool sold into when it is not the fields' (a live pool, the scenario's own), and the
    /// others offered.
    pub(super) choice: PoolChoice,
    /// The LRT's exchange rate before the shock, ETH per token: the starting input's, or the
    /// chosen pool's rate oracle (`lrtRate`) when it has one.
    exchange_rate: RwSignal<f64>,
    exchange_rate0: f64,
    skew: f64,
    /// Most rounds the cascade runs.
    max_rounds: u32,
}

impl Cascade {
    /// Fields holding `c0`; an explicit population or a sale shock start from the defaults of a
    /// generated population (40 positions, 5,750 tokens, health factors 1–2) and a 13% depeg.
    /// `live` are the pools of the scenario's live read, offered beside the fields; a starting
    /// pool the fields cannot hold (unequal sides, a rate) is kept whole as the scenario's own.
    pub(super) fn new(c0: &CascadeInput, live: &[LivePool]) -> Cascade {
        let (count, total, hf_min, hf_max, skew) = match c0.population {
            Population::Generated {
                count,
                total_collateral,
                min_health_factor,
                max_health_factor,
                size_skew,
            } => (
                f64::from(count),
                total_collateral,
                min_health_factor,
                max_health_factor,
                size_skew,
            ),
            Population::Explicit { .. } => (40.0, 5750.0, 1.0, 2.0, 0.0),
        };
        let (slash, shock) = match c0.shock {
            Shock::Depeg { fraction } => (false, fraction),
            Shock::Slash { fraction } => (true, fraction),
            Shock::Sale { .. } => (false, 0.13),
        };
        let (stableswap, amplification) = match c0.pool.kind {
            PoolKind::Stableswap { amplification } => (true, amplification),
            PoolKind::ConstantProduct => (false, 120.0),
        };
        let rate = match c0.pool.fee {
            SwapFee::None => 0.0,
            SwapFee::Curve { fee, .. } | SwapFee::OnInput { fee } => fee,
        };
        Cascade {
            slash: RwSignal::new(slash),
            shock: RwSignal::new(shock),
            count: RwSignal::new(count),
            total: RwSignal::new(total),
            hf_min: RwSignal::new(hf_min),
            hf_max: RwSignal::new(hf_max),
            stableswap: RwSignal::new(stableswap),
            depth: RwSignal::new(c0.pool.eth_reserve),
            amplification: RwSignal::new(amplification),
            swap_fee: RwSignal::new(rate),
            fee0: c0.pool.fee,
            sale_share: RwSignal::new(c0.sale_share),
            choice: PoolChoice::new(c0.pool, live),
            exchange_rate: RwSignal::new(c0.exchange_rate),
            exchange_rate0: c0.exchange_rate,
            skew,
            max_rounds: c0.max_rounds,
        }
    }

    /// The pool's fee at the rate in the field (tracked): the starting pool's kind of fee; a
    /// pool that had none gets Curve's output fee (stableswap-ng's fixed 50% admin share) or a
    /// fee on the input (constant product).
    fn fee(&self) -> SwapFee {
        let fee = self.swap_fee.get();
        match self.fee0 {
            SwapFee::Curve {
                admin_fee,
                offpeg_fee_multiplier,
                ..
            } => SwapFee::Curve {
                fee,
                admin_fee,
                offpeg_fee_multiplier,
            },
            SwapFee::OnInput { .. } => SwapFee::OnInput { fee },
            SwapFee::None if fee == 0.0 => SwapFee::None,
            SwapFee::None if self.stableswap.get() => SwapFee::Curve {
                fee,
                admin_fee: 0.5,
                offpeg_fee_multiplier: 1.0,
            },
            SwapFee::None => SwapFee::OnInput { fee },
        }
    }

    /// Sells into `pool` (a live pool or the scenario's own) or, with none, the fields' pool; a
    /// pool with a rate oracle sets the exchange rate to its rate, the fields' pool restores the
    /// starting one.
    pub(super) fn choose(&self, pool: Option<FixedPool>) {
        let rate = pool
            .as_ref()
            .and_then(|f| f.pool.oracle_rate())
            .unwrap_or(self.exchange_rate0);
        self.exchange_rate.set(rate);
        self.choice.fixed.set(pool);
    }

    /// The model input on market `m` (tracked): the chosen pool, or the fields' with the depth on
    /// both sides; the count is rounded to a whole number in 0..=1e6.
    pub(super) fn input(&self, m: Market) -> CascadeInput {
        let fraction = self.shock.get();
        CascadeInput {
            market: m.params(),
            exchange_rate: self.exchange_rate.get(),
            pool: self
                .choice
                .fixed
                .get()
                .map(|f| f.pool)
                .unwrap_or_else(|| Pool {
                    kind: if self.stableswap.get() {
                        PoolKind::Stableswap {
                            amplification: self.amplification.get(),
                        }
                    } else {
                        PoolKind::ConstantProduct
                    },
                    lrt_reserve: self.depth.get(),
                    eth_reserve: self.depth.get(),
                    fee: self.fee(),
                    lrt_rate: 1.0,
                }),
            population: Population::Generated {
                count: self.count.get().round().clamp(0.0, 1e6) as u32,
                total_collateral: self.total.get(),
                min_health_factor: self.hf_min.get(),
                max_health_factor: self.hf_max.get(),
                size_skew: self.skew,
            },
            shock: if self.slash.get() {
                Shock::Slash { fraction }
            } else {
                Shock::Depeg { fraction }
            },
            sale_share: self.sale_share.get(),
            max_rounds: self.max_rounds,
        }
    }
}

/// The cascade's inputs; `notes` (field, basis) are the replay's sources, shown under their
/// fields while the cascade is the replay's.
#[component]
pub(super) fn CascadeInputs(
    c: Cascade,
    errors: Errors,
    notes: Vec<(String, Basis)>,
) -> impl IntoView {
    let notes = StoredValue::new(notes);
    let note_view = move |field: &'static str| {
        notes.with_value(|ns| {
            ns.iter().find(|(f, _)| f == field).map(|(_, b)| {
                let assumed = b.rests_on_assumption();
                let text = if matches!(b, Basis::Assumption { .. }) {
                    describe(b)
                } else {
                    format!("Source: {}", describe(b))
                };
                view! { <p class="field-note" class:assumed=assumed>{text}</p> }
            })
        })
    };
    view! {
        <h2>"Cascade"</h2>
        <fieldset class="radio-group">
            <legend>"Shock"</legend>
            <label><input type="radio" name="shock-kind" checked=move || !c.slash.get() on:change=move |_| c.slash.set(false)/>" "<Term id="depeg">"Depeg"</Term>" (market price only)"</label>
            <label><input type="radio" name="shock-kind" checked=move || c.slash.get() on:change=move |_| c.slash.set(true)/>" Slash (exchange rate and market price)"</label>
        </fieldset>
        <NumberInput id="shock" label="Shock: price fall" unit="%" scale=100.0 value=c.shock min=0.0 max=99.0 step=0.5 error=errors.at("shock")/>
        {note_view("shock.fraction")}
        <NumberInput id="positions" label="Borrowers" unit="positions" value=c.count min=1.0 max=100_000.0 step=1.0 error=errors.at("population.count")/>
        <NumberInput id="total-collateral" label="Their collateral" unit="tokens" value=c.total min=1.0 max=10_000_000.0 step=250.0 error=errors.at("population.totalCollateral")/>
        <NumberInput id="hf-min" label="Lowest health factor" term="health-factor" unit="" value=c.hf_min min=1.0 max=100.0 step=0.01 error=errors.at("population.minHealthFactor")/>
        <NumberInput id="hf-max" label="Highest health factor" unit="" value=c.hf_max min=1.0 max=100.0 step=0.01 error=errors.at("population.maxHealthFactor")/>
        {note_view("population")}
        <PoolSource c=c/>
        {move || c.choice.fixed.with(Option::is_none).then(|| view! {
            <fieldset class="radio-group">
                <legend>"Pool"</legend>
                <label><input type="radio" name="pool-kind" checked=move || c.stableswap.get() on:change=move |_| c.stableswap.set(true)/>" "<Term id="stableswap">"Stableswap"</Term></label>
                <label><input type="radio" name="pool-kind" checked=move || !c.stableswap.get() on:change=move |_| c.stableswap.set(false)/>" Constant product"</label>
            </fieldset>
            <NumberInput id="depth" label="Pool depth (each side)" unit="ETH" value=c.depth min=1.0 max=10_000_000.0 step=100.0 error=errors.at("pool.lrtReserve")/>
            {note_view("pool.ethReserve")}
            {move || c.stableswap.get().then(|| view! {
                <NumberInput id="amplification" label="Amplification A (what the pool's A() returns)" term="amplification" unit="" value=c.amplification min=1.0 max=10_000.0 step=1.0 error=errors.at("pool.kind")/>
            })}
            {note_view("pool.kind.amplification")}
            <NumberInput id="swap-fee" label="Swap fee" term="swap-fee" unit="%" scale=100.0 value=c.swap_fee min=0.0 max=50.0 step=0.01 error=errors.at("pool.fee")/>
            {note_view("pool.fee")}
        })}
        <NumberInput id="sale-share" label="Seized collateral sold into this pool" unit="%" scale=100.0 value=c.sale_share min=0.0 max=100.0 step=1.0 error=errors.at("saleShare")/>
        {note_view("saleShare")}
    }
}

/// The cascade's figures from the last valid report `good`.
#[component]
pub(super) fn CascadeResults(c: Cascade, good: RwSignal<Option<CascadeReport>>) -> impl IntoView {
    let cascade_headline = move || {
        good.get().map(|r| {
            let t = r.totals;
            view! {
                <dl class="headline">
                    <div><dt>"Liquidations"</dt><dd id="liquidations">{format(Some(f64::from(t.liquidations)), Unit::Count)}</dd></div>
                    <div><dt>"Positions liquidated"</dt><dd id="positions-liquidated">{format!("{} of {}", t.positions_liquidated, r.positions)}</dd></div>
                    <div><dt>"Debt repaid"</dt><dd id="debt-repaid">{format(Some(t.debt_repaid), Unit::Eth)}</dd></div>
                    <div><dt>"Collateral seized (tokens)"</dt><dd id="collateral-seized">{format(Some(t.collateral_seized), Unit::Count)}</dd></div>
                    <div><dt>"Bad debt"</dt><dd id="bad-debt">{format(Some(t.bad_debt), Unit::Eth)}</dd></div>
                    <div><dt>"Oracle price at the end"</dt><dd id="final-price">{format(Some(r.final_oracle_price), Unit::Price)}</dd></div>
                </dl>
                {r.hit_round_limit.then(|| view! { <p class="warning">{format!("Stopped after {} rounds with positions still liquidatable.", c.max_rounds)}</p> })}
            }
        })
    };
    let rows = Signal::derive(move || {
        good.get()
            .map(|r| round_rows(&r.rounds))
            .unwrap_or_default()
    });
    let price_chart =
        Signal::derive(move || good.get().map(|r| price_series(&r)).unwrap_or_default());
    let liq_marker_desc = Signal::derive(move || {
        "Oracle and pool price of the LRT in ETH just after the shock (round 0) and after each round's liquidations and sale.".to_owned()
    });
    let columns = vec![
        Column {
            label: "Oracle price".into(),
            unit: Some(Unit::Price),
            term: None,
        },
        Column {
            label: "Pool price after the sale".into(),
            unit: Some(Unit::Price),
            term: None,
        },
        Column {
            label: "Liquidations".into(),
            unit: Some(Unit::Count),
            term: None,
        },
        Column {
            label: "Debt repaid".into(),
            unit: Some(Unit::Eth),
            term: None,
        },
        Column {
            label: "Collateral seized (tokens)".into(),
            unit: Some(Unit::Count),
            term: None,
        },
        Column {
            label: "Sold into the pool (tokens)".into(),
            unit: Some(Unit::Count),
            term: None,
        },
        Column {
            label: "Bad debt".into(),
            unit: Some(Unit::Eth),
            term: None,
        },
    ];
    view! {
        {cascade_headline}
        <LineChart title="Price by round" desc=liq_marker_desc series=price_chart x_unit=Unit::Count y_unit=Unit::Price x_label="Round (0 = just after the shock)" y_label="Price (ETH per token)" file_name="cascade-price"/>
        <DataTable caption="Liquidations round by round" row_header="Round" columns=columns rows=rows csv_name="cascade-rounds.csv"/>
    }
}
