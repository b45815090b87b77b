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

/// Inputs on the left (or on top on a phone), results on the right (or below).
#[component]
pub fn Panels(
    /// The inputs panel's content.
    inputs: Children,
    /// The results panel's content.
    results: Children,
) -> impl IntoView {
    view! {
        <div class="panels">
            <section class="panel inputs" aria-label="Inputs">{inputs()}</section>
            <section class="panel results" aria-label="Results" aria-live="polite">{results()}</section>
        </div>
    }
}
