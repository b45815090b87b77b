//! The realised check beside the modelled net APY: when the scenario carries a live snapshot
//! with a trailing read (the Data panel), the chosen LRT's realised APY from its exchange rate
//! at the two blocks (`restake_core::yield_stack::realised`), with its window and blocks. A
//! check, not a replacement: the stack's streams and fees stay what they are.

use leptos::prelude::*;
use restake_core::chain::block_time::utc_time;
use restake_core::yield_stack::realised::realised_yields;

use crate::format::{Unit, format};
use crate::store::use_store;

/// The realised APY of `token` against `net_apy` (the modelled one), or why the snapshot has
/// none; nothing when the scenario holds no trailing read.
#[component]
pub(super) fn RealisedCheck(token: String, net_apy: f64) -> impl IntoView {
    let store = use_store();
    move || {
        store.doc.with(|d| {
            let r = realised_yields(d.live.as_ref()?);
            if let Some(y) = r.of(&token) {
                return Some(view! {
                    <p class="notice" id="lrt-realised">
                        {format!("Check from the chain: {} realised APY ", y.token)}
                        <strong id="lrt-realised-apy">{format(Some(y.apy), Unit::Fraction)}</strong>
                        {format!(
                            " (APR {}), its exchange rate {:.6} → {:.6} ETH from block {} ({} UTC) to block {} ({} UTC), {} blocks over {:.2} days; modelled net APY {}. ",
                            format(Some(y.apr), Unit::Fraction),
                            y.rate_from,
                            y.rate_to,
                            y.from.block_number,
                            utc_time(y.from.block_timestamp),
                            y.to.block_number,
                            utc_time(y.to.block_timestamp),
                            y.window_blocks,
                            y.window_days(),
                            format(Some(net_apy), Unit::Fraction)
                        )}
                        "The realised figure is the rate's past growth after the protocol's fees; the modelled stack above is unchanged."
                    </p>
                }
                .into_any());
            }
            let m = r.missing.iter().find(|m| m.token == token)?;
            Some(view! {
                <p class="notice" id="lrt-realised">
                    {format!("No realised APY of {} from the chain: {}. The modelled figures stand alone.", m.token, m.reason)}
                </p>
            }
            .into_any())
        })
    }
}
