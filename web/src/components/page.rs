//! Page layout: a title, an optional lead paragraph, and an inputs panel beside a results panel
//! on wide screens, stacked on phones (CSS grid in `style.css`).

use leptos::prelude::*;

/// A page with a title and free content.
#[component]
pub fn Page(
    /// The page's `<h1>`.
    title: &'static str,
    /// Content below the title.
    children: Children,
) -> impl IntoView {
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
