//! "Your wallet" on the Data panel (issue 19): an address the user types (opt-in, sent only to
//! the endpoint above, inside `eth_call` data) is read through core's wallet plan
//! (`restake_core::chain::wallet`), imported into the document (`Scenario::import_wallet`:
//! positions, the Leverage page's loop, the frozen `wallet` section, never the address) and
//! shown as "your positions as of block N".

use leptos::prelude::*;
use leptos::task::spawn_local;
use restake_core::chain::wallet::{WalletRequest, WalletTargets, apply, call_requests, head, plan};
use restake_core::scenario::{WalletPositions, WalletSection};

use super::summary::{basis_text, scroll_table};
use crate::format::{Unit, format};
use crate::rpc_fetch::{Steps, endpoint, read_pinned};
use crate::store::use_store;

/// Core's steps of the wallet read.
const STEPS: Steps<WalletRequest> = Steps(plan, head, call_requests, apply);

/// Why nothing is imported when the head is refused.
const REFUSED: &str = "The chain's head could not be read, so nothing was imported";

/// Longest wallet-targets text accepted, bytes.
const MAX_TARGETS_BYTES: usize = 64 * 1024;

/// The contracts: mainnet's, or the user's own JSON (a fork, the local test chain).
fn targets_of(own: bool, text: &str) -> Result<WalletTargets, String> {
    if !own {
        return Ok(WalletTargets::mainnet());
    }
    let t: WalletTargets = super::parse_json(text, MAX_TARGETS_BYTES, "wallet targets text")?;
    t.validate().map_err(|e| e.to_string())?;
    Ok(t)
}

/// Reads `req` from `url` step by step; `progress(answered, total)` after each answer.
async fn read(
    url: String,
    req: WalletRequest,
    progress: impl Fn(usize, usize),
) -> Result<WalletSection, String> {
    let p = read_pinned(&url, &req, &STEPS, REFUSED, progress).await?;
    Ok(WalletSection {
        targets: req.targets,
        read: p.live,
    })
}

/// The wallet section of the Data page. `url` is the endpoint field's text; `own` whether the
/// user reads their own contracts (then chain id 31337 is accepted and the targets are JSON).
#[component]
pub(super) fn WalletImport(url: RwSignal<String>, own: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    let address = RwSignal::new(String::new());
    let targets_text = RwSignal::new(String::new());
    let status = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    let run = StoredValue::new(0u64);
    let import = move || {
        let url = match endpoint(&url.get_untracked()) {
            Ok(u) => u,
            Err(e) => return status.set(Some(Err(e))),
        };
        let targets = match targets_of(own.get_untracked(), &targets_text.get_untracked()) {
            Ok(t) => t,
            Err(e) => return status.set(Some(Err(format!("The wallet targets are refused: {e}")))),
        };
        let req = WalletRequest {
            address: address.get_untracked().trim().to_owned(),
            allow_local_chain: own.get_untracked(),
            targets,
        };
        if let Err(e) = req.checksummed() {
            return status.set(Some(Err(format!("This is not a wallet address: {e}"))));
        }
        run.update_value(|r| *r += 1);
        let me = run.get_value();
        busy.set(true);
        let progress = move |answered: usize, total: usize| {
            if run.try_get_value() == Some(me) {
                status.try_set(Some(Ok(format!(
                    "Reading your positions… {answered} of {total} requests answered."
                ))));
            }
        };
        spawn_local(async move {
            let out = read(url, req, progress).await;
            if run.try_get_value() != Some(me) {
                return;
            }
            busy.try_set(false);
            let out = out.and_then(|section| {
                let mut next = store.doc.get_untracked();
                let p = next.import_wallet(section).map_err(|e| e.to_string())?;
                store.replace(
                    next,
                    format!(
                        "Imported your positions as of block {}.",
                        p.head.block_number
                    ),
                );
                Ok(format!(
                    "Imported your positions as of block {}.",
                    p.head.block_number
                ))
            });
            status.try_set(Some(out));
        });
    };
    let remove = move || store.edit(|d| d.wallet = None);
    let positions = move || {
        store
            .doc
            .with(|d| d.wallet_positions())
            .map(|p| p.map_err(|e| e.to_string()))
    };
    view! {
        <section class="panel" aria-labelledby="wallet-h">
            <h2 id="wallet-h">"Your wallet"</h2>
            <p id="wallet-privacy">
                "Optional. The address goes only to the endpoint above, inside the read requests (so its operator can link it to your IP address); "
                "it is not put into the scenario, its link or saved copies — only the positions read are, as of their block."
            </p>
            <label for="wallet-address">"Wallet address"</label>
            <input id="wallet-address" type="text" autocomplete="off" spellcheck="false" placeholder="0x…"
                prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" && !busy.get_untracked() { import() }/>
            {move || own.get().then(|| view! {
                <label for="wallet-targets">"Wallet targets (JSON: tokens, aave, morpho, eigenLayer)"</label>
                <textarea id="wallet-targets" rows="6" spellcheck="false" prop:value=move || targets_text.get()
                    on:input=move |ev| targets_text.set(event_target_value(&ev))></textarea>
            })}
            <p class="actions">
                <button type="button" id="import-wallet" disabled=move || busy.get() on:click=move |_| import()>"Import my positions"</button>
            </p>
            <div role="status" aria-live="polite" id="wallet-status">{move || status.get().map(|s| match s {
                Ok(t) => view! { <p>{t}</p> }.into_any(),
                Err(e) => view! { <p class="error" id="wallet-error">{e}</p> }.into_any(),
            })}</div>
            {move || positions().map(|p| match p {
                Ok(p) => view! { <WalletSummary p=p/> <p class="actions"><button type="button" class="secondary" id="remove-wallet" on:click=move |_| remove()>"Remove the snapshot (the positions stay as imported)"</button></p> }.into_any(),
                Err(e) => view! { <p class="error">{e}</p> }.into_any(),
            })}
        </section>
    }
}

/// "Your positions as of block N": holdings, loops, queued withdrawals, what was not converted.
#[component]
fn WalletSummary(p: WalletPositions) -> impl IntoView {
    let holdings = p
        .holdings
        .iter()
        .map(|h| {
            view! {
                <tr>
                    <th scope="row">{h.token.clone()}</th>
                    <td>{h.protocol.clone().unwrap_or_else(|| "not a position".to_owned())}</td>
                    <td class="num">{format(Some(h.in_wallet), Unit::Tokens)}</td>
                    <td class="num">{format(Some(h.on_aave), Unit::Tokens)}</td>
                    <td class="num">{format(Some(h.on_morpho), Unit::Tokens)}</td>
                    <td class="num">{format(Some(h.exchange_rate), Unit::Price)}</td>
                    <td class="num">{format(Some(h.amount_eth), Unit::Eth)}</td>
                </tr>
            }
        })
        .collect_view();
    let loops = p.loops.iter().map(|l| view! {
        <tr>
            <th scope="row"><code>{l.id.clone()}</code></th>
            <td class="num">{format!("{} {}", format(Some(l.collateral_tokens), Unit::Tokens), l.collateral)}</td>
            <td class="num">{format(Some(l.debt_eth), Unit::Eth)}</td>
            <td class="num">{format(Some(l.ltv), Unit::Fraction)}</td>
            <td class="num">{format(Some(l.liquidation_threshold), Unit::Fraction)}</td>
            <td class="num">{format(l.health_factor, Unit::Plain)}</td>
            <td class="note">{l.market_basis.clone()}</td>
        </tr>
    }).collect_view();
    let withdrawals = p.withdrawals.iter().map(|w| view! {
        <li>{format!("Withdrawal {}: {} shares of strategy {}, queued at block {}{}", w.index, w.shares, w.strategy, w.start_block,
            w.completable_block.map_or_else(String::new, |b| format!(", slashable until block {b}")))}</li>
    }).collect_view();
    let skipped = p
        .skipped
        .iter()
        .map(|s| view! { <li>{s.clone()}</li> })
        .collect_view();
    let basis = p
        .holdings
        .first()
        .and_then(|h| h.basis.first())
        .map(basis_text);
    view! {
        <h3 id="wallet-head">{format!("Your positions as of block {}", p.head.block_number)}</h3>
        {basis.map(|b| view! { <p class="note live-basis">{b}</p> })}
        {scroll_table("Your holdings", view! {
            <table id="wallet-holdings">
                <thead><tr><th scope="col">"Token"</th><th scope="col">"Protocol"</th><th scope="col">"In the wallet"</th><th scope="col">"On Aave"</th><th scope="col">"On Morpho"</th><th scope="col">"ETH per token"</th><th scope="col">"Value (ETH)"</th></tr></thead>
                <tbody>{holdings}</tbody>
            </table>
        })}
        {scroll_table("Your borrow positions", view! {
            <table id="wallet-loops">
                <thead><tr><th scope="col">"Position"</th><th scope="col">"Collateral"</th><th scope="col">"Debt"</th><th scope="col">"LTV"</th><th scope="col">"Liquidation threshold"</th><th scope="col">"Health factor"</th><th scope="col">"Market rules"</th></tr></thead>
                <tbody>{loops}</tbody>
            </table>
        })}
        <ul id="wallet-withdrawals">{withdrawals}</ul>
        <ul id="wallet-skipped">{skipped}</ul>
    }
}
