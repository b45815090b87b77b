//! The notice a what-if page shows when the loaded replay has no section for it: the figures
//! on the page are then the page's own defaults, not the replay's, and the page says so
//! instead of showing them silently.

use leptos::prelude::*;
use restake_core::scenario::Scenario;

use crate::store::use_store;

/// `The replay “ezETH depeg” has no yield inputs: …` while the document is a loaded replay
/// whose `has_section` is false; nothing otherwise (and nothing once an edit on the page has
/// written the section).
#[component]
pub fn ReplayGap(
    /// What the section holds, in the user's words (`yield inputs`, `slashing events`).
    what: &'static str,
    /// Whether the document has the page's section.
    has_section: fn(&Scenario) -> bool,
) -> impl IntoView {
    let store = use_store();
    move || {
        let title = store.replay.get()?;
        (!store.doc.with(has_section)).then(|| {
            view! {
                <p class="notice replay-gap" role="status">
                    {format!("The replay “{title}” has no {what}, so this page shows its own defaults, not figures from the replay.")}
                </p>
            }
        })
    }
}
