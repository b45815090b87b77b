//! The Leverage page: build a looped LRT position (leverage, health factor, net APY, liquidation
//! price), then shock the market and watch the liquidation cascade round by round. Every figure
//! comes from `restake_core::lending`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::lending::cascade::CascadeRound;
use restake_core::lending::replay::ezeth_april_2024;
use restake_core::lending::{
    CascadeInput, CascadeReport, LeverageInput, LoopTarget, MarketParams, OracleKind, Pool,
    PoolKind, Population, Shock, lending_markets, leverage_loop, liquidation_cascade,
};
use restake_core::scenario::{LeverageSection, default_document};
use restake_core::source::Basis;

use crate::components::chart::histogram::Marker;
use crate::components::chart::line::{LineChart, Series};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::download::offer_file;
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels};
use crate::components::page_entry::demo_or_error;
use crate::components::source::describe;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

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

/// Where a health factor sits on the gauge's 0.8–3 scale, as an SVG x (40–560).
fn gauge_x(hf: f64) -> f64 {
    40.0 + (hf.clamp(0.8, 3.0) - 0.8) / 2.2 * 520.0
}

/// The health-factor gauge: a scale with labelled zones and a pointer, and the same in words.
#[component]
fn HealthGauge(#[prop(into)] hf: Signal<Option<f64>>) -> impl IntoView {
    let words = move || match hf.get() {
        None => "No debt: nothing to liquidate.".to_owned(),
        Some(h) if h < 1.0 => format!(
            "Health factor {} — liquidatable now.",
            format(Some(h), Unit::Plain)
        ),
        Some(h) if h < 1.1 => format!(
            "Health factor {} — within 10% of liquidation.",
            format(Some(h), Unit::Plain)
        ),
        Some(h) => format!(
            "Health factor {} — above 1.1.",
            format(Some(h), Unit::Plain)
        ),
    };
    let x = move || gauge_x(hf.get().unwrap_or(3.0));
    let ticks = [0.8, 1.0, 1.1, 1.5, 2.0, 2.5, 3.0];
    let holder = NodeRef::<leptos::html::Div>::new();
    let message = RwSignal::new(None::<String>);
    let download = move |_| {
        let Some(h) = holder.get() else { return };
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            h.inner_html()
        );
        message.set(offer_file("health-factor.svg", "image/svg+xml", &doc).err());
    };
    view! {
        <figure class="gauge">
            <div node_ref=holder>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 92" role="img" aria-labelledby="hf-gauge-title">
                <title id="hf-gauge-title">{words}</title>
                <defs>
                    <pattern id="hf-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="6" height="6" fill="var(--surface)"/>
                        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bad)" stroke-width="3"/>
                    </pattern>
                </defs>
                <rect x=gauge_x(0.8) y="20" width=gauge_x(1.0) - gauge_x(0.8) height="18" fill="url(#hf-hatch)" stroke="var(--border)"/>
                <rect x=gauge_x(1.0) y="20" width=gauge_x(1.1) - gauge_x(1.0) height="18" fill="var(--warn-bg)" stroke="var(--border)"/>
                <rect x=gauge_x(1.1) y="20" width=gauge_x(3.0) - gauge_x(1.1) height="18" fill="var(--surface)" stroke="var(--border)"/>
                <text x=gauge_x(0.9) y="14" text-anchor="middle" font-size="11" fill="var(--text)">"liquidatable"</text>
                <text x=gauge_x(1.7) y="14" text-anchor="middle" font-size="11" fill="var(--text)">"safer →"</text>
                {ticks.iter().map(|&t| view! {
                    <line x1=gauge_x(t) x2=gauge_x(t) y1="38" y2="44" stroke="var(--muted)"/>
                    <text x=gauge_x(t) y="56" text-anchor="middle" font-size="11" fill="var(--muted)">{format!("{t}")}</text>
                }).collect_view()}
                <path d=move || format!("M{} 40 l-7 -14 h14 z", x()) fill="var(--text)" stroke="var(--bg)"/>
                <text x=x y="80" text-anchor="middle" font-size="12" font-weight="700" fill="var(--text)">
                    {move || hf.get().map_or("no debt".to_owned(), |h| format!("HF {}", format(Some(h), Unit::Plain)))}
                </text>
            </svg>
            </div>
            <figcaption class="chart-foot">
                <span id="hf-words" class="readout">{words}</span>
                <button type="button" class="secondary small" on:click=download>"Download SVG"</button>
                {move || message.get().map(|m| view! { <span role="alert">{m}</span> })}
            </figcaption>
        </figure>
    }
}

/// The page: the document's leverage section, or the default document's when it has none.
#[component]
pub fn LeveragePage() -> impl IntoView {
    let store = use_store();
    let section = store
        .doc
        .with_untracked(|d| d.leverage.clone())
        .map(Ok)
        .unwrap_or_else(|| {
            default_document().and_then(|d| {
                d.leverage.ok_or_else(|| restake_core::Error::Invariant {
                    field: "leverage".to_owned(),
                    message: "the default document has no leverage section".to_owned(),
                })
            })
        });
    demo_or_error(
        "Leverage and liquidations",
        section,
        |s| view! { <LeverageLab section=s/> },
    )
}

#[component]
fn LeverageLab(section: LeverageSection) -> impl IntoView {
    let markets = lending_markets();
    let replay = ezeth_april_2024();
    let LeverageSection {
        leverage_loop: loop0,
        cascade: cascade0,
    } = section;
    // `/leverage?protocol=etherfi` (a link from the matrix) starts from the token's main market.
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    let main = wanted.as_deref().map(|id| {
        let market = restake_core::matrix::main_lending_market(id)
            .and_then(|m| markets.iter().position(|x| x.id == m.id));
        let name = restake_core::presets::protocols()
            .ok()
            .and_then(|ps| ps.into_iter().find(|p| p.id == id))
            .map_or_else(|| id.to_owned(), |p| format!("{} ({})", p.name, p.token));
        match market {
            Some(i) => (Some(i), format!("Opened from the matrix: {name}'s main lending market, {}.", markets[i].name)),
            None => (None, format!("No lending market for {name} is in our sources, so the page starts from the scenario's market; enter the market's parameters yourself.")),
        }
    });
    let picked = main.as_ref().and_then(|(i, _)| *i).map(|i| &markets[i]);
    let m0 = picked.map_or(loop0.market, |m| m.params());
    let rate0 = picked.map_or(loop0.borrow_rate, |m| m.borrow_rate.value);
    let notice = main.map(|(_, n)| n);
    // The replay's sources describe the replay's cascade only.
    let replay_notes = if cascade0 == replay.input {
        replay.notes.clone()
    } else {
        vec![]
    };
    // The preset whose parameters the loop's market has; `None` for a market of the user's own.
    let preset = RwSignal::new(markets.iter().position(|m| m.params() == m0));
    let ltv = RwSignal::new(m0.ltv);
    let lt = RwSignal::new(m0.liquidation_threshold);
    let bonus = RwSignal::new(m0.liquidation_bonus);
    let close_factor = RwSignal::new(m0.close_factor);
    let full_close_hf = RwSignal::new(m0.full_close_hf);
    let oracle = RwSignal::new(m0.oracle);
    let borrow_rate = RwSignal::new(rate0);
    let markets = StoredValue::new(markets);
    let pick = move |i: usize| {
        markets.with_value(|ms| {
            if let Some(m) = ms.get(i) {
                ltv.set(m.ltv.value);
                lt.set(m.liquidation_threshold.value);
                bonus.set(m.liquidation_bonus.value);
                close_factor.set(m.close_factor.value);
                full_close_hf.set(m.full_close_hf.value);
                oracle.set(m.oracle.value);
                borrow_rate.set(m.borrow_rate.value);
                preset.set(Some(i));
            }
        })
    };
    let market = move || MarketParams {
        ltv: ltv.get(),
        liquidation_threshold: lt.get(),
        liquidation_bonus: bonus.get(),
        close_factor: close_factor.get(),
        full_close_hf: full_close_hf.get(),
        oracle: oracle.get(),
    };

    // The loop.
    let deposit = RwSignal::new(loop0.deposit);
    let price = RwSignal::new(loop0.price);
    let lrt_yield = RwSignal::new(loop0.lrt_yield);
    let (by_loops0, loops0, hf0) = match loop0.target {
        LoopTarget::Loops { loops } => (true, f64::from(loops), 1.2),
        LoopTarget::HealthFactor { health_factor } => (false, 3.0, health_factor),
    };
    let by_loops = RwSignal::new(by_loops0);
    let loops = RwSignal::new(loops0);
    let target_hf = RwSignal::new(hf0);
    let loop_input = move || {
        let target = if by_loops.get() {
            LoopTarget::Loops {
                loops: loops.get().round().clamp(0.0, 1000.0) as u32,
            }
        } else {
            LoopTarget::HealthFactor {
                health_factor: target_hf.get(),
            }
        };
        LeverageInput {
            deposit: deposit.get(),
            price: price.get(),
            lrt_yield: lrt_yield.get(),
            borrow_rate: borrow_rate.get(),
            market: market(),
            target,
        }
    };
    let loop_outcome = Outcome::new(move || leverage_loop(&loop_input()));
    let (loop_result, loop_good) = (loop_outcome.result, loop_outcome.last_good);

    // The cascade (by default the ezETH replay's).
    let (pop_count, pop_total, pop_min, pop_max, skew) = match cascade0.population {
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
    let (slash0, shock0) = match cascade0.shock {
        Shock::Depeg { fraction } => (false, fraction),
        Shock::Slash { fraction } => (true, fraction),
        Shock::Sale { .. } => (false, 0.13),
    };
    let (stableswap0, amp0) = match cascade0.pool.kind {
        PoolKind::Stableswap { amplification } => (true, amplification),
        PoolKind::ConstantProduct => (false, 60.0),
    };
    let (exchange_rate, max_rounds) = (cascade0.exchange_rate, cascade0.max_rounds);
    let slash = RwSignal::new(slash0);
    let shock = RwSignal::new(shock0);
    let count = RwSignal::new(pop_count);
    let total = RwSignal::new(pop_total);
    let hf_min = RwSignal::new(pop_min);
    let hf_max = RwSignal::new(pop_max);
    let stableswap = RwSignal::new(stableswap0);
    let depth = RwSignal::new(cascade0.pool.eth_reserve);
    let amplification = RwSignal::new(amp0);
    let sale_share = RwSignal::new(cascade0.sale_share);
    let cascade_input = move || {
        let fraction = shock.get();
        CascadeInput {
            market: market(),
            exchange_rate,
            pool: Pool {
                kind: if stableswap.get() {
                    PoolKind::Stableswap {
                        amplification: amplification.get(),
                    }
                } else {
                    PoolKind::ConstantProduct
                },
                lrt_reserve: depth.get(),
                eth_reserve: depth.get(),
            },
            population: Population::Generated {
                count: count.get().round().clamp(0.0, 1e6) as u32,
                total_collateral: total.get(),
                min_health_factor: hf_min.get(),
                max_health_factor: hf_max.get(),
                size_skew: skew,
            },
            shock: if slash.get() {
                Shock::Slash { fraction }
            } else {
                Shock::Depeg { fraction }
            },
            sale_share: sale_share.get(),
            max_rounds,
        }
    };
    let cascade_outcome = Outcome::new(move || liquidation_cascade(&cascade_input()));
    let (cascade_result, cascade_good) = (cascade_outcome.result, cascade_outcome.last_good);
    write_back(
        move || {
            (loop_result.with(Result::is_ok) && cascade_result.with(Result::is_ok)).then(|| {
                LeverageSection {
                    leverage_loop: loop_input(),
                    cascade: cascade_input(),
                }
            })
        },
        |d, section| d.leverage = Some(section),
    );

    let error_for = move |prefix: &'static str| {
        Signal::derive(move || {
            let a = loop_result.get().err();
            let b = cascade_result.get().err();
            a.into_iter()
                .chain(b)
                .find(|e| e.field().starts_with(prefix))
                .map(|e| e.to_string())
        })
    };

    let notes = StoredValue::new(replay_notes);
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
    let market_notes = move || {
        markets.with_value(|ms| {
            preset.get().and_then(|i| ms.get(i)).map(|m| {
                m.bases()
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
        markets.with_value(|ms| {
            ms.iter()
                .enumerate()
                .map(|(i, m)| {
                    view! { <option value=i.to_string() selected=move || preset.get() == Some(i)>{m.name.clone()}</option> }
                })
                .collect_view()
        })
    };

    let loop_headline = move || {
        loop_good.get().map(|r| {
            view! {
                <dl class="headline">
                    <div><dt>"Leverage"</dt><dd id="leverage">{format(Some(r.leverage), Unit::Multiple)}</dd></div>
                    <div><dt>"Net APY on your capital"</dt><dd id="net-apy">{format(Some(r.net_apy), Unit::Fraction)}</dd></div>
                    <div><dt>"Liquidation price (LRT/ETH)"</dt><dd id="liq-price">{format(r.liquidation_price, Unit::Price)}</dd></div>
                    <div><dt>"Today's oracle price"</dt><dd>{format(Some(price.get_untracked()), Unit::Price)}</dd></div>
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
                    }}
                </p>
            }
        })
    };
    let hf_signal = Signal::derive(move || loop_good.get().and_then(|r| r.health_factor));
    let apy_series = Signal::derive(move || {
        loop_good
            .get()
            .map(|r| {
                vec![Series {
                    name: "Net APY".to_owned(),
                    points: r.curve.iter().map(|p| (p.leverage, p.net_apy)).collect(),
                }]
            })
            .unwrap_or_default()
    });
    let apy_markers = Signal::derive(move || {
        loop_good
            .get()
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
            format(Some(lrt_yield.get()), Unit::Fraction),
            format(Some(borrow_rate.get()), Unit::Fraction)
        )
    });

    let verdict = move || {
        let (l, c) = (loop_good.get()?, cascade_good.get()?);
        let liq = l.liquidation_price?;
        let end = c.final_oracle_price;
        Some(if end <= liq {
            format!(
                "Your loop is liquidated in this cascade: the oracle price ends at {}, at or below your liquidation price {}.",
                format(Some(end), Unit::Price),
                format(Some(liq), Unit::Price)
            )
        } else {
            format!(
                "Your loop survives this cascade: the oracle price ends at {}, above your liquidation price {}.",
                format(Some(end), Unit::Price),
                format(Some(liq), Unit::Price)
            )
        })
    };
    let cascade_headline = move || {
        cascade_good.get().map(|r| {
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
                {r.hit_round_limit.then(|| view! { <p class="warning">{format!("Stopped after {max_rounds} rounds with positions still liquidatable.")}</p> })}
            }
        })
    };
    let rows = Signal::derive(move || {
        cascade_good
            .get()
            .map(|r| round_rows(&r.rounds))
            .unwrap_or_default()
    });
    let price_chart = Signal::derive(move || {
        cascade_good
            .get()
            .map(|r| price_series(&r))
            .unwrap_or_default()
    });
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
    let comparison = replay.comparison.clone();
    let published = replay.published.clone();

    view! {
        <Page title="Leverage and liquidation cascades">
            {notice.map(|n| view! { <p class="notice" role="status" id="prefill-notice">{n}</p> })}
            <p class="lead">
                "A "<Term id="leverage-loop">"leverage loop"</Term>
                " deposits an LRT, borrows ETH against it, buys more LRT and deposits again. It multiplies the LRT's yield over the borrow rate — and puts a "
                <Term id="liquidation-price">"liquidation price"</Term>
                " under you. When many borrowers sit near theirs, one shock can start a "
                <Term id="liquidation-cascade">"liquidation cascade"</Term>
                ": seized collateral is sold into a thin pool, the market price falls, and a market oracle passes the fall on to the next borrowers."
            </p>
            <p>
                "The cascade starts from the ezETH depeg of 24 April 2024 on Morpho Blue (LLTV 77%): published outcome "
                {published.liquidations}" liquidations, "{format(Some(published.debt_repaid), Unit::Eth)}" repaid, "
                {format(Some(published.collateral_seized), Unit::Count)}" ezETH seized, no bad debt. "{comparison}
            </p>
            <Panels
                inputs=Box::new(move || view! {
                    <h2>"Lending market"</h2>
                    <label class="select">"Preset "
                        <select id="market-preset" style="max-width: 100%" on:change=move |ev| {
                            if let Ok(i) = event_target_value(&ev).parse() {
                                pick(i);
                            }
                        }>{market_options}<option value="custom" disabled=true selected=move || preset.get().is_none()>"Custom market"</option></select>
                    </label>
                    <NumberInput id="ltv" label="LTV" term="ltv" unit="%" scale=100.0 value=ltv min=1.0 max=99.0 step=0.5 error=error_for("market.ltv")/>
                    <NumberInput id="lt" label="Liquidation threshold" term="liquidation-threshold" unit="%" scale=100.0 value=lt min=1.0 max=99.0 step=0.5 error=error_for("market.liquidationThreshold")/>
                    <NumberInput id="bonus" label="Liquidation bonus" term="liquidation-bonus" unit="%" scale=100.0 value=bonus min=0.0 max=50.0 step=0.1 error=error_for("market.liquidationBonus")/>
                    <fieldset class="radio-group">
                        <legend>"Oracle"</legend>
                        <label><input type="radio" name="oracle" checked=move || oracle.get() == OracleKind::ExchangeRate on:change=move |_| oracle.set(OracleKind::ExchangeRate)/>" "<Term id="exchange-rate-oracle">"Exchange rate"</Term></label>
                        <label><input type="radio" name="oracle" checked=move || oracle.get() == OracleKind::Market on:change=move |_| oracle.set(OracleKind::Market)/>" "<Term id="market-oracle">"Market price"</Term></label>
                    </fieldset>
                    <details>
                        <summary>"Sources of this preset"</summary>
                        <ul class="source-list">{market_notes}</ul>
                    </details>
                    <h2>"Your loop"</h2>
                    <NumberInput id="deposit" label="Own capital" unit="tokens" value=deposit min=0.001 max=1_000_000.0 step=1.0 error=error_for("deposit")/>
                    <NumberInput id="price" label="Today's oracle price" unit="ETH per token" value=price min=0.01 max=100.0 step=0.01 error=error_for("price")/>
                    <NumberInput id="lrt-yield" label="LRT yield" term="apy" unit="% a year" scale=100.0 value=lrt_yield min=-100.0 max=100.0 step=0.1 error=error_for("lrtYield")/>
                    <p class="field-note assumed">"Assumption: 3% a year stands in for the LRT's yield; set your own."</p>
                    <NumberInput id="borrow-rate" label="Borrow rate" unit="% a year" scale=100.0 value=borrow_rate min=0.0 max=20.0 step=0.1 error=error_for("borrowRate")/>
                    <fieldset class="radio-group">
                        <legend>"Lever up by"</legend>
                        <label><input type="radio" name="loop-target" checked=move || !by_loops.get() on:change=move |_| by_loops.set(false)/>" a target health factor"</label>
                        <label><input type="radio" name="loop-target" checked=move || by_loops.get() on:change=move |_| by_loops.set(true)/>" a number of loops at full LTV"</label>
                    </fieldset>
                    {move || if by_loops.get() {
                        view! { <NumberInput id="loops" label="Loops" unit="loops" value=loops min=0.0 max=100.0 step=1.0 error=error_for("target.loops")/> }.into_any()
                    } else {
                        view! { <NumberInput id="target-hf" label="Target health factor" term="health-factor" unit="" value=target_hf min=1.001 max=5.0 step=0.01 error=error_for("target.healthFactor")/> }.into_any()
                    }}
                    <h2>"Cascade"</h2>
                    <fieldset class="radio-group">
                        <legend>"Shock"</legend>
                        <label><input type="radio" name="shock-kind" checked=move || !slash.get() on:change=move |_| slash.set(false)/>" "<Term id="depeg">"Depeg"</Term>" (market price only)"</label>
                        <label><input type="radio" name="shock-kind" checked=move || slash.get() on:change=move |_| slash.set(true)/>" Slash (exchange rate and market price)"</label>
                    </fieldset>
                    <NumberInput id="shock" label="Shock: price fall" unit="%" scale=100.0 value=shock min=0.0 max=99.0 step=0.5 error=error_for("shock")/>
                    {note_view("shock.fraction")}
                    <NumberInput id="positions" label="Borrowers" unit="positions" value=count min=1.0 max=100_000.0 step=1.0 error=error_for("population.count")/>
                    <NumberInput id="total-collateral" label="Their collateral" unit="tokens" value=total min=1.0 max=10_000_000.0 step=250.0 error=error_for("population.totalCollateral")/>
                    <NumberInput id="hf-min" label="Lowest health factor" term="health-factor" unit="" value=hf_min min=1.0 max=100.0 step=0.01 error=error_for("population.minHealthFactor")/>
                    <NumberInput id="hf-max" label="Highest health factor" unit="" value=hf_max min=1.0 max=100.0 step=0.01 error=error_for("population.maxHealthFactor")/>
                    {note_view("population")}
                    <fieldset class="radio-group">
                        <legend>"Pool"</legend>
                        <label><input type="radio" name="pool-kind" checked=move || stableswap.get() on:change=move |_| stableswap.set(true)/>" "<Term id="stableswap">"Stableswap"</Term></label>
                        <label><input type="radio" name="pool-kind" checked=move || !stableswap.get() on:change=move |_| stableswap.set(false)/>" Constant product"</label>
                    </fieldset>
                    <NumberInput id="depth" label="Pool depth (each side)" unit="ETH" value=depth min=1.0 max=10_000_000.0 step=100.0 error=error_for("pool.lrtReserve")/>
                    {note_view("pool.ethReserve")}
                    {move || stableswap.get().then(|| view! {
                        <NumberInput id="amplification" label="Amplification A" unit="" value=amplification min=1.0 max=5000.0 step=1.0 error=error_for("pool.kind")/>
                    })}
                    <NumberInput id="sale-share" label="Seized collateral sold into this pool" unit="%" scale=100.0 value=sale_share min=0.0 max=100.0 step=1.0 error=error_for("saleShare")/>
                    {note_view("saleShare")}
                }.into_any())
                results=Box::new(move || view! {
                    <h2>"Your loop"</h2>
                    {loop_headline}
                    <HealthGauge hf=hf_signal/>
                    <LineChart title="Net APY against leverage" desc=apy_desc series=apy_series markers=apy_markers x_unit=Unit::Multiple y_unit=Unit::Fraction x_label="Leverage (×)" y_label="Net APY" file_name="net-apy-leverage"/>
                    <h2>"Cascade"</h2>
                    <p id="loop-verdict" class="verdict">{verdict}</p>
                    {cascade_headline}
                    <LineChart title="Price by round" desc=liq_marker_desc series=price_chart x_unit=Unit::Count y_unit=Unit::Price x_label="Round (0 = just after the shock)" y_label="Price (ETH per token)" file_name="cascade-price"/>
                    <DataTable caption="Liquidations round by round" row_header="Round" columns=columns.clone() rows=rows csv_name="cascade-rounds.csv"/>
                }.into_any())
            />
        </Page>
    }
}
