//! The Glossary page: every term's definition, each with an anchor that tooltips link to.

use leptos::prelude::*;

use crate::components::page::Page;
use crate::glossary::ENTRIES;

/// Lists [`ENTRIES`] as a description list.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! {
        <Page title="Glossary">
            <p class="lead">"Every term the lab uses, in one sentence each."</p>
            <dl class="glossary">
                {ENTRIES
                    .iter()
                    .map(|e| {
                        view! {
                            <div class="glossary-entry" id=e.id>
                                <dt>{e.term}</dt>
                                <dd>{e.definition}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </Page>
    }
}
