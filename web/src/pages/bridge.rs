//! The Bridge page: where an LRT's supply sits, what backs each remote chain, and who loses what
//! when a bridge is exploited — under both loss policies side by side. Every figure comes from
//! `restake_core::bridge`.

use leptos::prelude::*;
use restake_core::bridge::{
    BridgeInput, BridgeReport, ChainSupply, Exploit, LossPolicy, bridge_exposure, rseth_april_2026,
};
use restake_core::protocol::BridgeDesign;
use restake_core::source::Basis;

use crate::components::chart::bars::{Bar, BarChart, BarKind};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::page::{Page, Panels, Summary};
use crate::components::position::position_words;
use crate::components::replay_gap::ReplayGap;
use crate::components::source::describe;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::store::{use_store, write_back};

mod live;

use live::LiveBridgeOffer;

/// The editable state of one remote chain.
#[derive(Clone, Copy)]
struct ChainState {
    supply: RwSignal<f64>,
    locked: RwSignal<f64>,
}

/// Which exploit the user picked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ExploitKind {
    None,
    Drain,
    Mint,
}

fn chain_rows(a: &BridgeReport, s: &BridgeReport) -> Vec<Row> {
    a.chains
        .iter()
        .zip(&s.chains)
        .map(|(c, d)| Row {
            header: c.chain.clone(),
            cells: vec![
                Cell::number(c.holder_supply),
                Cell::number(c.share_of_supply),
                Cell::number(c.shortfall),
                Cell::number(c.haircut),
                Cell::number(c.holder_loss_eth),
                Cell::number(d.haircut),
                Cell::number(d.holder_loss_eth),
            ],
        })
        .collect()
}

fn loss_bars(r: &BridgeReport) -> Vec<Bar> {
    r.chains
        .iter()
        .enumerate()
        .map(|(i, c)| Bar {
            label: c.chain.clone(),
            value: c.holder_loss_eth,
            kind: BarKind::Series(i),
        })
        .collect()
}

/// The page.
#[component]
pub fn BridgePage() -> impl IntoView {
    let (demo, notes) = rseth_april_2026();
    // The document's bridge section, or the rsETH preset when it has none.
    let store = use_store();
    let preset = store
        .doc
        .with_untracked(|d| d.bridge.clone())
        .unwrap_or_else(|| demo.clone());
    // The preset's sources describe the preset's figures only.
    let notes = if preset == demo { notes } else { vec![] };
    let preset_notes = notes.clone();
    let notes = StoredValue::new(notes);
    // The live sources of the figures the user took from a live snapshot, by field.
    let live_notes = RwSignal::new(Vec::<(String, Basis)>::new());
    let note = move |field: &str| {
        live_notes
            .with(|l| l.iter().find(|(f, _)| f == field).map(|(_, b)| b.clone()))
            .or_else(|| {
                notes.with_value(|n| n.iter().find(|(f, _)| f == field).map(|(_, b)| b.clone()))
            })
    };
    let rate = RwSignal::new(preset.exchange_rate_eth);
    let eth_supply = RwSignal::new(preset.ethereum_supply);
    let names = RwSignal::new(
        preset
            .chains
            .iter()
            .map(|c| c.chain.clone())
            .collect::<Vec<_>>(),
    );
    let chains = RwSignal::new(
        preset
            .chains
            .iter()
            .map(|c| ChainState {
                supply: RwSignal::new(c.supply),
                locked: RwSignal::new(c.locked),
            })
            .collect::<Vec<_>>(),
    );
    let (kind0, amount0, chain0) = match &preset.exploit {
        Some(Exploit::DrainedAdapter { amount, chain }) => (ExploitKind::Drain, *amount, chain),
        Some(Exploit::UnbackedMint { amount, chain }) => (ExploitKind::Mint, *amount, chain),
        None => (ExploitKind::None, 0.0, &String::new()),
    };
    let kind = RwSignal::new(kind0);
    let target = RwSignal::new(
        preset
            .chains
            .iter()
            .position(|c| &c.chain == chain0)
            .unwrap_or(0),
    );
    let amount = RwSignal::new(amount0);
    // The page edits the first lending market; any others ride along unchanged.
    let has_market = !preset.lending.is_empty();
    let market = preset
        .lending
        .first()
        .cloned()
        .unwrap_or(restake_core::bridge::LendingExposure {
            market: "No lending market".to_owned(),
            chain: "Ethereum".to_owned(),
            collateral: 0.0,
            attacker_share: 0.0,
            ltv: 0.0,
            debt_ratio: 0.0,
        });
    let attacker = RwSignal::new(market.attacker_share);
    let ltv = RwSignal::new(market.ltv);
    let honest = RwSignal::new(market.collateral);
    let debt_ratio = RwSignal::new(market.debt_ratio);
    let base = preset.clone();
    let offered = preset.clone();
    let use_live = Callback::new(move |out: restake_core::bridge::live::LiveBridge| {
        rate.set(out.input.exchange_rate_eth);
        eth_supply.set(out.input.ethereum_supply);
        live_notes.set(
            out.changes
                .iter()
                .map(|c| (c.field.clone(), c.basis.source()))
                .collect(),
        );
    });

    let input_for = move |policy: LossPolicy| {
        let names = names.get();
        let chain_list: Vec<ChainSupply> = chains
            .get()
            .iter()
            .zip(&names)
            .enumerate()
            .map(|(i, (c, n))| ChainSupply {
                chain: n.clone(),
                design: base
                    .chains
                    .get(i)
                    .map_or(BridgeDesign::LockAndMint, |c| c.design),
                supply: c.supply.get(),
                locked: c.locked.get(),
            })
            .collect();
        let chain = names.get(target.get()).cloned().unwrap_or_default();
        let exploit = match kind.get() {
            ExploitKind::None => None,
            ExploitKind::Drain => Some(Exploit::DrainedAdapter {
                chain,
                amount: amount.get(),
            }),
            ExploitKind::Mint => Some(Exploit::UnbackedMint {
                chain,
                amount: amount.get(),
            }),
        };
        let mut lending = base.lending.clone();
        if let Some(first) = lending.first_mut() {
            first.collateral = honest.get();
            first.attacker_share = attacker.get();
            first.ltv = ltv.get();
            first.debt_ratio = debt_ratio.get();
        }
        BridgeInput {
            token: base.token.clone(),
            exchange_rate_eth: rate.get(),
            ethereum_supply: eth_supply.get(),
            chains: chain_list,
            exploit,
            policy,
            lending,
        }
    };
    let input_for = StoredValue::new(input_for);
    let outcome = Outcome::new(move || {
        let f = input_for.get_value();
        let a = bridge_exposure(&f(LossPolicy::AffectedChainLoses))?;
        let s = bridge_exposure(&f(LossPolicy::Socialised))?;
        Ok((a, s))
    });
    let policy = preset.policy;
    write_back(
        move || {
            outcome
                .result
                .with(Result::is_ok)
                .then(|| input_for.get_value()(policy))
        },
        |d, input| d.bridge = Some(input),
    );
    let error_for = move |prefix: &'static str| outcome.error_at(prefix);
    let other_error = outcome.other_error(&["exploit.amount", "lending", "chains"]);
    let report = move || outcome.report();
    let rows = Signal::derive(move || {
        report()
            .map(|(a, s)| chain_rows(&a, &s))
            .unwrap_or_default()
    });
    let columns = vec![
        Column {
            label: "Holders' tokens".into(),
            unit: Some(Unit::Count),
            term: None,
        },
        Column {
            label: "Share of supply".into(),
            unit: Some(Unit::Fraction),
            term: None,
        },
        Column {
            label: "Backing short".into(),
            unit: Some(Unit::Count),
            term: Some("bridge"),
        },
        Column {
            label: "Haircut if the chain bears it".into(),
            unit: Some(Unit::Fraction),
            term: None,
        },
        Column {
            label: "Loss if the chain bears it".into(),
            unit: Some(Unit::Eth),
            term: None,
        },
        Column {
            label: "Haircut if socialised".into(),
            unit: Some(Unit::Fraction),
            term: None,
        },
        Column {
            label: "Loss if socialised".into(),
            unit: Some(Unit::Eth),
            term: None,
        },
    ];
    let policy_view = RwSignal::new(LossPolicy::Socialised);
    let bars = Signal::derive(move || {
        report()
            .map(|(a, s)| {
                loss_bars(if policy_view.get() == LossPolicy::Socialised {
                    &s
                } else {
                    &a
                })
            })
            .unwrap_or_default()
    });
    let desc = Signal::derive(move || {
        format!(
            "Value lost by legitimate holders on each chain, in ETH, when the loss is {}.",
            if policy_view.get() == LossPolicy::Socialised {
                "socialised over every holder"
            } else {
                "borne by the affected chain"
            }
        )
    });
    // Your position (the header's), when it is in this token: what it loses under each policy.
    let bridge_token = StoredValue::new(preset.token.clone());
    let position_line = move |a: &BridgeReport, s: &BridgeReport| {
        let token = bridge_token.get_value();
        store.doc.with(|d| {
            let (mine_a, mine_s) = (
                d.position_bridge_loss(&token, a)?,
                d.position_bridge_loss(&token, s)?,
            );
            Some(view! {
                <p class="notice" id="position-bridge-loss">
                    {format!(
                        "Your position ({}): loses {} if the affected chain bears the loss, {} if it is socialised (held on Ethereum).",
                        position_words(d),
                        format(Some(mine_a), Unit::Eth),
                        format(Some(mine_s), Unit::Eth)
                    )}
                </p>
            })
        })
    };
    let headline = move || {
        report().map(|(a, s)| {
            view! {
                <dl class="headline">
                    <div><dt>"Bridged share of supply"</dt><dd id="bridged-share">{format(Some(a.bridged_share), Unit::Fraction)}</dd></div>
                    <div><dt>"Exploit as share of supply"</dt><dd id="exploit-share">{format(Some(a.exploit_share), Unit::Fraction)}</dd></div>
                    <div><dt>"Holders' loss, affected chain bears it"</dt><dd id="loss-affected">{format(Some(a.holder_loss_eth), Unit::Eth)}</dd></div>
                    <div><dt>"Holders' loss, socialised"</dt><dd id="loss-socialised">{format(Some(s.holder_loss_eth), Unit::Eth)}</dd></div>
                    <div><dt>"Lending bad debt, affected chain bears it"</dt><dd>{format(Some(a.lending_bad_debt_eth), Unit::Eth)}</dd></div>
                    <div><dt>"Lending bad debt, socialised"</dt><dd id="bad-debt-socialised">{format(Some(s.lending_bad_debt_eth), Unit::Eth)}</dd></div>
                </dl>
                {position_line(&a, &s)}
                {(!a.unbacked_before.is_empty()).then(|| view! {
                    <p class="warning">"Already short of backing before any exploit: " {a.unbacked_before.join(", ")}</p>
                })}
            }
        })
    };
    let note_view = move |field: &str| {
        note(field).map(|b: Basis| {
            let assumed = b.rests_on_assumption();
            let text = if matches!(b, Basis::Assumption { .. }) {
                describe(&b)
            } else {
                format!("Source: {}", describe(&b))
            };
            view! { <p class="field-note" class:assumed=assumed>{text}</p> }
        })
    };
    let chain_inputs = move || {
        let names_now = names.get();
        chains
            .get()
            .into_iter()
            .zip(names_now)
            .enumerate()
            .map(|(i, (c, n))| {
                view! {
                    <fieldset class="chain">
                        <legend>{n.clone()}</legend>
                        <NumberInput id=format!("chain-{i}-supply") label=format!("{n}: tokens in circulation") unit="tokens" value=c.supply min=0.0 max=10_000_000.0 step=1_000.0/>
                        <NumberInput id=format!("chain-{i}-locked") label=format!("{n}: tokens locked on Ethereum for it") unit="tokens" value=c.locked min=0.0 max=10_000_000.0 step=1_000.0 error=error_for("chains")/>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add_chain = move |_| {
        let n = names.with(Vec::len) + 1;
        names.update(|v| v.push(format!("Chain {n}")));
        chains.update(|v| {
            v.push(ChainState {
                supply: RwSignal::new(0.0),
                locked: RwSignal::new(0.0),
            })
        });
    };
    let chain_options = move || {
        names.get().into_iter().enumerate().map(|(i, n)| view! { <option value=i.to_string() selected=move || target.get() == i>{n}</option> }).collect_view()
    };
    view! {
        <Page title="Bridge exposure">
            <ReplayGap what="bridge inputs" has_section=|d| d.bridge.is_some()/>
            <p class="lead">
                "An LRT on another chain is only as good as the "
                <Term id="bridge">"bridge"</Term>
                " that put it there. Each remote chain's supply must be backed by tokens locked on Ethereum. Drain the adapter or mint without a lock, and someone holds a claim that nothing backs: either the holders on that chain, or every holder if the protocol socialises the loss. Lending markets price the token's symbol, not its backing."
            </p>
            <p>
                "Preset: the rsETH LayerZero adapter exploit of 18 April 2026 — 116,500 rsETH released on Ethereum with no burn on the remote side, about 18% of supply, then posted as collateral on Aave v3."
            </p>
            <LiveBridgeOffer preset=offered notes=preset_notes use_live=use_live/>
            <Panels
                inputs=Box::new(move || view! {
                    <h2>"Token"</h2>
                    <NumberInput id="rate" label="Exchange rate" unit="ETH per token" value=rate min=0.5 max=2.0 step=0.01 error=error_for("exchangeRateEth")/>
                    {move || note_view("exchangeRateEth")}
                    <NumberInput id="eth-supply" label="Tokens minted on Ethereum" unit="tokens" value=eth_supply min=1.0 max=20_000_000.0 step=1_000.0 error=error_for("ethereumSupply")/>
                    {move || note_view("ethereumSupply")}
                    <h2>"Remote chains"</h2>
                    {chain_inputs}
                    {note_view("chains[0]")}
                    <button type="button" class="secondary" on:click=add_chain>"Add a chain"</button>
                    <h2>"Exploit"</h2>
                    <fieldset class="radio-group">
                        <legend>"What happens"</legend>
                        <label><input type="radio" name="exploit" checked=move || kind.get() == ExploitKind::None on:change=move |_| kind.set(ExploitKind::None)/>" Nothing"</label>
                        <label><input type="radio" name="exploit" checked=move || kind.get() == ExploitKind::Drain on:change=move |_| kind.set(ExploitKind::Drain)/>" The Ethereum adapter is drained"</label>
                        <label><input type="radio" name="exploit" checked=move || kind.get() == ExploitKind::Mint on:change=move |_| kind.set(ExploitKind::Mint)/>" Tokens are minted on the remote chain with no lock"</label>
                    </fieldset>
                    <label class="select">"Chain hit "
                        <select on:change=move |ev| target.set(event_target_value(&ev).parse().unwrap_or(0))>{chain_options}</select>
                    </label>
                    <NumberInput id="exploit-amount" label="Tokens taken" unit="tokens" value=amount min=0.0 max=10_000_000.0 step=500.0 error=error_for("exploit.amount")/>
                    {note_view("exploit.amount")}
                    <h2>"Lending market"</h2>
                    {if has_market {
                        view! {
                            <p>{market.market.clone()}</p>
                            <NumberInput id="attacker-share" label="Share of the taken tokens posted as collateral" unit="%" scale=100.0 value=attacker min=0.0 max=100.0 step=1.0 error=error_for("lending[0].attackerShare")/>
                            <NumberInput id="ltv" label="LTV on the token" term="ltv" unit="%" scale=100.0 value=ltv min=0.0 max=100.0 step=0.5 error=error_for("lending[0].ltv")/>
                            {note_view("lending[0].attackerShare")}
                            {note_view("lending[0].ltv")}
                            <NumberInput id="honest-collateral" label="Honest collateral of the token" unit="tokens" value=honest min=0.0 max=10_000_000.0 step=1_000.0/>
                            <NumberInput id="debt-ratio" label="Honest positions' debt ÷ collateral" unit="%" scale=100.0 value=debt_ratio min=0.0 max=100.0 step=1.0/>
                            {note_view("lending[0].collateral")}
                        }.into_any()
                    } else {
                        view! { <p>"No lending market prices the token in this scenario."</p> }.into_any()
                    }}
                }.into_any())
                results=Box::new(move || view! {
                    {move || other_error.get().map(|e| view! { <p role="alert" class="error">{e}</p> })}
                    {headline}
                    <DataTable caption="Who bears the loss, chain by chain" row_header="Chain" columns=columns.clone() rows=rows csv_name="bridge-exposure.csv"/>
                    <fieldset class="radio-group inline">
                        <legend>"Chart the loss when it is"</legend>
                        <label><input type="radio" name="policy-view" checked=move || policy_view.get() == LossPolicy::Socialised on:change=move |_| policy_view.set(LossPolicy::Socialised)/>" socialised"</label>
                        <label><input type="radio" name="policy-view" checked=move || policy_view.get() == LossPolicy::AffectedChainLoses on:change=move |_| policy_view.set(LossPolicy::AffectedChainLoses)/>" borne by the affected chain"</label>
                    </fieldset>
                    <BarChart title="Holders' loss by chain" desc=desc bars=bars unit=Unit::Eth axis_label="Loss (ETH)" file_name="bridge-loss"/>
                }.into_any())
                summary=Box::new(move || view! {
                    <Summary items=Signal::derive(move || outcome.report().map(|(a, s)| vec![
                        ("Exploit, share of supply".to_owned(), format(Some(a.exploit_share), Unit::Fraction)),
                        ("Holders' loss, affected chain".to_owned(), format(Some(a.holder_loss_eth), Unit::Eth)),
                        ("Socialised".to_owned(), format(Some(s.holder_loss_eth), Unit::Eth)),
                    ]).unwrap_or_default())/>
                }.into_any())
            />
        </Page>
    }
}
