//! Page layout: a title (the `<h1>` and the browser tab's `document.title`), an optional lead paragraph, and an inputs panel beside a results panel
//! on wide screens, stacked on phones (CSS grid in `style.css`).

use leptos::prelude::*;

/// The browser tab's title for a page: `Yield stacking — restake-lab`, so tabs, history and
/// bookmarks tell the pages apart.
pub fn tab_title(page: &str) -> String {
    format!("{page} — restake-lab")
}

/// A page with a title and free content.
#[component]
pub fn Page(
    /// The page's `<h1>`, also the tab's title.
    title: &'static str,
    /// Content below the title.
    children: Children,
) -> impl IntoView {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&tab_title(title));
    }
    view! {
        <div class="page">
            <h1>{title}</h1>
            {children()}
        </div>
    }
}

/// Inputs on the left (or on top on a phone), results on the right (or below). On a phone
/// (≤ 800 px) an optional `summary` of the headline results sits above the inputs, sticky at
/// the top of the screen, so the answer stays in view while the inputs are edited; on wide
/// screens the results panel itself is sticky beside the inputs and the summary is not drawn.
#[component]
pub fn Panels(
    /// The inputs panel's content.
    inputs: Children,
    /// The results panel's content.
    results: Children,
    /// The headline results for the phone summary (no element ids: the results panel keeps
    /// those).
    #[prop(optional)]
    summary: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="panels">
            {summary.map(|s| view! {
                <section class="panel-summary" aria-label="Results summary">{s()}</section>
            })}
            <section class="panel inputs" aria-label="Inputs">{inputs()}</section>
            <section class="panel results" aria-label="Results" aria-live="polite">{results()}</section>
        </div>
    }
}

/// The figures of a phone's results summary ([`Panels`]' `summary`): `(what, value)` pairs the
/// page has formatted; empty until the page has a result.
#[component]
pub fn Summary(
    /// The pairs, in display order.
    #[prop(into)]
    items: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <dl>
            {move || items.get().into_iter().map(|(what, value)| view! { <div><dt>{what}</dt><dd>{value}</dd></div> }).collect_view()}
        </dl>
    }
}
