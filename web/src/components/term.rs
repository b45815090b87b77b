//! Tooltips. [`Term`] shows a term with its one-sentence definition from the
//! [glossary](crate::glossary) and a link to the Glossary section; [`Tip`] is the underlying
//! focusable “?”/“i” button whose bubble opens on hover and on keyboard focus.

use leptos::prelude::*;

use crate::components::tip_place::{Rect, place};
use crate::components::unique_id;
use crate::glossary;

/// A focusable button that reveals `children` in a bubble on hover or focus. The bubble is
/// linked to the button with `aria-describedby`, so screen readers read it with the button.
#[component]
pub fn Tip(
    /// Accessible name of the button, e.g. `What is LTV?` or `Source`.
    label: String,
    /// Visible glyph on the button.
    #[prop(default = "?")]
    glyph: &'static str,
    /// Bubble content.
    children: Children,
) -> impl IntoView {
    let tip_id = unique_id("tip");
    // Escape closes an open bubble (WCAG 1.4.13: dismissible without moving the pointer or
    // focus); it opens again once the pointer or focus has left and comes back.
    let dismissed = RwSignal::new(false);
    // Placed when it opens (hover or focus), with `position: fixed` inside the viewport
    // ([`place`]): the bubble fits the screen, is not clipped by a scrolling table, and never
    // changes the page's size or scroll.
    let anchor = NodeRef::<leptos::html::Span>::new();
    let bubble = NodeRef::<leptos::html::Span>::new();
    let open = move || {
        let (Some(a), Some(b)) = (anchor.get_untracked(), bubble.get_untracked()) else {
            return;
        };
        let _ = b.set_attribute("style", "left:0;top:0");
        let (r, t) = (a.get_bounding_client_rect(), b.get_bounding_client_rect());
        let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
        let w = window();
        let (Some(vw), Some(vh)) = (size(w.inner_width()), size(w.inner_height())) else {
            return;
        };
        let rect = Rect {
            left: r.left(),
            top: r.top(),
            right: r.right(),
            bottom: r.bottom(),
        };
        let p = place(rect, t.width(), t.height(), vw, vh);
        let _ = b.set_attribute(
            "style",
            &format!(
                "left:{:.1}px;top:{:.1}px;max-height:{:.1}px",
                p.left, p.top, p.max_height
            ),
        );
    };
    view! {
        <span
            class="tip-anchor"
            node_ref=anchor
            on:mouseenter=move |_| open()
            on:focusin=move |_| open()
            class:dismissed=move || dismissed.get()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    dismissed.set(true);
                }
            }
            on:mouseleave=move |_| dismissed.set(false)
            on:focusout=move |_| dismissed.set(false)
        >
            <button type="button" class="tip-button" aria-label=label aria-describedby=tip_id.clone()>
                {glyph}
            </button>
            <span role="tooltip" id=tip_id class="tip" node_ref=bubble>{children()}</span>
        </span>
    }
}

/// Shows `children` (or the term's own name) followed by a [`Tip`] with the definition. Unknown
/// ids render the label alone, so a typo never breaks a page (a test checks the ids in use).
#[component]
pub fn Term(
    /// Glossary id, e.g. `ltv`.
    id: &'static str,
    /// Visible label; defaults to the glossary term.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let label = match children {
        Some(c) => c().into_any(),
        None => glossary::entry(id).map_or(id, |e| e.term).into_any(),
    };
    view! { <span class="term">{label}<TermTip id=id/></span> }
}

/// Only the [`Tip`] of a glossary term (for places where the label is drawn separately, such as a
/// sortable column header).
#[component]
pub fn TermTip(
    /// Glossary id, e.g. `ltv`.
    id: &'static str,
) -> impl IntoView {
    glossary::entry(id).map(|e| {
        view! {
            <Tip label=format!("What is {}?", e.term)>
                {e.definition}
                " "
                <a href=format!("/glossary#{}", e.id)>"Glossary: " {e.term}</a>
            </Tip>
        }
    })
}
