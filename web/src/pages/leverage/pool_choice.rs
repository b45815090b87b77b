//! Which pool the cascade sells into: the fields' own pool, a pool of the scenario's live read
//! (core's `lending::pool_live::live_pools`: a Curve pool's balances, `A()`, fee and rate oracle,
//! or a Balancer v2 pool's Vault balances, amplification, fee and scaling factors, at the block), or a pool the scenario already holds that the fields cannot (unequal sides, a
//! rate). A chosen pool is shown figure by figure with where it was read; the fields return when
//! the own pool is chosen again.

use leptos::prelude::*;
use restake_core::lending::pool_live::LivePool;
use restake_core::lending::{Pool, PoolKind, SwapFee};

use super::cascade::Cascade;
use crate::format::{Unit, format};

/// A whole pool offered beside the fields.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FixedPool {
    /// The option's value (`live:curvePools.weETH-WETH`, `scenario`).
    key: String,
    /// The option's text.
    label: String,
    /// The pool.
    pub(super) pool: Pool,
    /// Where its figures come from, in words.
    source: String,
}

/// The offered pools, the chosen one, and the live pools that could not be built (label, why).
#[derive(Clone, Copy)]
pub(super) struct PoolChoice {
    /// The chosen pool; none for the fields' own.
    pub(super) fixed: RwSignal<Option<FixedPool>>,
    offered: StoredValue<Vec<FixedPool>>,
    unavailable: StoredValue<Vec<(String, String)>>,
}

impl PoolChoice {
    /// The live pools on offer, and `start` chosen when it is one of them or the fields cannot
    /// hold it (sides unequal, a rate other than 1): then it is offered as the scenario's pool.
    pub(super) fn new(start: Pool, live: &[LivePool]) -> PoolChoice {
        let mut offered: Vec<FixedPool> = Vec::new();
        let mut unavailable = Vec::new();
        for p in live {
            let label = format!("{} {}", p.venue.label(), p.id);
            match (&p.pool, &p.basis) {
                (Some(pool), Some(b)) => offered.push(FixedPool {
                    key: format!("live:{}", p.field),
                    label: format!("{label} at block {} (live)", b.block_number),
                    pool: *pool,
                    source: format!(
                        "Read from {} — chain {}, block {}",
                        b.address, b.chain_id, b.block_number
                    ),
                }),
                _ => unavailable.push((label, p.reason.clone().unwrap_or_default())),
            }
        }
        let fields_hold_it = start.lrt_reserve == start.eth_reserve && start.lrt_rate == 1.0;
        let chosen = offered
            .iter()
            .find(|f| f.pool == start)
            .cloned()
            .or_else(|| {
                (!fields_hold_it).then(|| FixedPool {
                    key: "scenario".to_owned(),
                    label: "The scenario's pool".to_owned(),
                    pool: start,
                    source: "From the scenario document".to_owned(),
                })
            });
        if let Some(c) = chosen.as_ref().filter(|c| c.key == "scenario") {
            offered.push(c.clone());
        }
        PoolChoice {
            fixed: RwSignal::new(chosen),
            offered: StoredValue::new(offered),
            unavailable: StoredValue::new(unavailable),
        }
    }
}

/// The pool's figures, as a description list: reserves, rate, curve, fee.
fn pool_figures(p: &Pool) -> Vec<(&'static str, String)> {
    let curve = match p.kind {
        PoolKind::Stableswap { amplification } => {
            format!(
                "Stableswap, A = {}",
                format(Some(amplification), Unit::Count)
            )
        }
        PoolKind::ConstantProduct => "Constant product".to_owned(),
    };
    let fee = match p.fee {
        SwapFee::None => "None".to_owned(),
        SwapFee::Curve {
            fee,
            offpeg_fee_multiplier,
            ..
        } => format!(
            "{} of the output (off-peg multiplier {})",
            format(Some(fee), Unit::Fraction),
            format(Some(offpeg_fee_multiplier), Unit::Multiple)
        ),
        SwapFee::OnInput { fee } => format!("{} of the input", format(Some(fee), Unit::Fraction)),
    };
    vec![
        (
            "LRT side",
            format!("{} tokens", format(Some(p.lrt_reserve), Unit::Count)),
        ),
        ("ETH side", format(Some(p.eth_reserve), Unit::Eth)),
        (
            "LRT rate in the pool",
            format(Some(p.lrt_rate), Unit::Price),
        ),
        ("Curve", curve),
        ("Swap fee", fee),
    ]
}

/// The pool selector, the chosen pool's figures and source, and the live pools left out.
#[component]
pub(super) fn PoolSource(c: Cascade) -> impl IntoView {
    let choice = c.choice;
    let options = choice.offered.with_value(|o| {
        o.iter()
            .map(|f| {
                let key = f.key.clone();
                view! { <option value=f.key.clone() selected=move || choice.fixed.with(|x| x.as_ref().is_some_and(|x| x.key == key))>{f.label.clone()}</option> }
            })
            .collect_view()
    });
    let pick = move |ev| {
        let key = event_target_value(&ev);
        let pool = choice
            .offered
            .with_value(|o| o.iter().find(|f| f.key == key).cloned());
        c.choose(pool);
    };
    let chosen = move || {
        choice.fixed.get().map(|f| {
            let rows = pool_figures(&f.pool)
                .into_iter()
                .map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> })
                .collect_view();
            view! {
                <dl class="headline" id="live-pool">{rows}</dl>
                <p class="field-note">{f.source}". The exchange rate before the shock is the pool's LRT rate when it is not 1."</p>
            }
        })
    };
    let left_out = choice.unavailable.with_value(|u| {
        (!u.is_empty()).then(|| {
            let items = u
                .iter()
                .map(|(l, why)| view! { <li>{format!("{l}: {why}")}</li> })
                .collect_view();
            view! { <p>"Pools of the live read that could not be used:"</p><ul id="pool-unavailable" class="source-list">{items}</ul> }
        })
    });
    view! {
        <label class="select">"Pool sold into "
            <select id="pool-source" style="max-width: 100%" on:change=pick>
                <option value="own" selected=move || choice.fixed.with(Option::is_none)>"My own pool (the fields below)"</option>
                {options}
            </select>
        </label>
        {chosen}
        {left_out}
    }
}
