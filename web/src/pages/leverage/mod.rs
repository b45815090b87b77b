//! The Leverage page: build a looped LRT position (leverage, health factor, net APY, liquidation
//! price), then shock the market and watch the liquidation cascade round by round. Every figure
//! comes from `restake_core::lending`.
//! Files: [`market`] (the lending market), [`position`] (the loop), [`cascade`] (the
//! liquidation cascade), [`carry`] (the loop's carry over time, `leverage.carry`); the
//! health-factor gauge is [`crate::components::health_gauge`].

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use restake_core::Error;
use restake_core::chain::block_time::utc_time;
use restake_core::lending::live::live_markets;
use restake_core::lending::morpho_live::morpho_live_rates;
use restake_core::lending::pool_live::live_pools;
use restake_core::lending::replay::ezeth_april_2024;
use restake_core::lending::{CascadeReport, LeverageReport, leverage_loop, liquidation_cascade};
use restake_core::scenario::{LeverageSection, default_document};

use crate::components::outcome::{Outcome, beside_field};
use crate::components::page::{Page, Panels, Summary};
use crate::components::page_entry::demo_or_error;
use crate::components::replay_gap::ReplayGap;
use crate::components::term::Term;
use crate::components::wallet_notice::WalletNotice;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

mod carry;
mod cascade;
mod live;
mod market;
mod pool_choice;
mod position;

use carry::{Carry, CarryPanel, CarrySource};
use cascade::{Cascade, CascadeInputs, CascadeResults};
use market::{Market, MarketInputs};
use position::{Loop, LoopInputs, LoopResults};

/// The current errors of the loop and of the cascade, for the fields of both panels.
#[derive(Clone, Copy)]
struct Errors {
    loop_result: Memo<Result<LeverageReport, Error>>,
    cascade_result: Memo<Result<CascadeReport, Error>>,
}

impl Errors {
    /// The message of the loop's or the cascade's error when its field starts with `prefix`.
    fn at(self, prefix: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            let a = self.loop_result.get().err();
            let b = self.cascade_result.get().err();
            a.into_iter()
                .chain(b)
                .find(|e| e.field().starts_with(prefix))
                .map(|e| beside_field(&e))
        })
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
    let store = use_store();
    // With a refresh frozen into the scenario (the Data page), the presets carry its figures
    // (core's `lending::live::live_markets`: Aave Core's weETH parameters, the E-mode categories,
    // the CAPO adapters, WETH and wstETH rates), each replaced figure listed with its block.
    let live = store.doc.with_untracked(|d| d.live.clone());
    let live_notice = live.as_ref().map(|l| {
        let over = live_markets(Some(l));
        let text = format!(
            "The presets use live figures from the scenario's snapshot of chain {}, block {} ({} UTC): {} preset figure(s) replaced{}; pick a preset to load them. ",
            l.head.chain_id,
            l.head.block_number,
            utc_time(l.head.block_timestamp),
            over.changes.len(),
            match over.kept.len() {
                0 => String::new(),
                n => format!(", {n} preset(s) kept whole (why below)"),
            }
        );
        (text, over)
    });
    let markets = live_markets(live.as_ref()).markets;
    let replay = ezeth_april_2024();
    let LeverageSection {
        leverage_loop: loop0,
        cascade: cascade0,
        carry: carry0,
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
    let market = Market::new(markets, m0, rate0);
    let position = Loop::new(&loop0);
    let live_pools = live.as_ref().map(live_pools).unwrap_or_default();
    let cascade = Cascade::new(&cascade0, &live_pools);
    let loops = Outcome::new(move || leverage_loop(&position.input(market)));
    let cascades = Outcome::new(move || liquidation_cascade(&cascade.input(market)));
    let live_rates = live
        .as_ref()
        .map(|l| morpho_live_rates(l).rates)
        .unwrap_or_default();
    let carry_fields = Carry::new(carry0.as_ref(), live_rates);
    let carry_source = CarrySource {
        good: loops.last_good,
        input: Signal::derive(move || position.input(market)),
    };
    let carries = carry::outcome(carry_fields, carry_source);
    write_back(
        move || {
            (loops.result.with(Result::is_ok)
                && cascades.result.with(Result::is_ok)
                && carries.result.with(Result::is_ok))
            .then(|| LeverageSection {
                leverage_loop: position.input(market),
                cascade: cascade.input(market),
                carry: Some(carry_fields.section()),
            })
        },
        |d, section| d.leverage = Some(section),
    );
    let errors = Errors {
        loop_result: loops.result,
        cascade_result: cascades.result,
    };
    let verdict = move || {
        let (l, c) = (loops.last_good.get()?, cascades.last_good.get()?);
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
    let comparison = replay.comparison.clone();
    let published = replay.published.clone();

    view! {
        <Page title="Leverage and liquidation cascades">
            <ReplayGap what="leverage inputs" has_section=|d| d.leverage.is_some()/>
            <WalletNotice what="your largest borrow position as the loop"/>
            {notice.map(|n| view! { <p class="notice" role="status" id="prefill-notice">{n}</p> })}
            {live_notice.map(|(n, over)| view! {
                <div class="notice" id="live-notice"><p>{n}<A href="/data">"What changed (Data page)"</A></p><live::LiveChanges over=over/></div>
            })}
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
                    <MarketInputs m=market errors=errors/>
                    <LoopInputs l=position borrow_rate=market.borrow_rate errors=errors/>
                    <CascadeInputs c=cascade errors=errors notes=replay_notes.clone()/>
                }.into_any())
                results=Box::new(move || view! {
                    <LoopResults l=position borrow_rate=market.borrow_rate good=loops.last_good/>
                    <CarryPanel c=carry_fields s=carry_source outcome=carries/>
                    <h2>"Cascade"</h2>
                    <p id="loop-verdict" class="verdict">{verdict}</p>
                    <CascadeResults c=cascade good=cascades.last_good/>
                }.into_any())
                summary=Box::new(move || view! {
                    <Summary items=Signal::derive(move || loops.last_good.get().map(|l| vec![
                        ("Leverage".to_owned(), format(Some(l.leverage), Unit::Multiple)),
                        ("Health factor".to_owned(), format(l.health_factor, Unit::Plain)),
                        ("Net APY".to_owned(), format(Some(l.net_apy), Unit::Fraction)),
                    ]).unwrap_or_default())/>
                }.into_any())
            />
        </Page>
    }
}
