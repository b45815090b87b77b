//! Paging for a long list: which part is shown ("Showing events 21–40 of 1,000") and the
//! Previous / Next buttons. A network at the size limits (500 operators, 10,000 allocations)
//! would otherwise put thousands of rows and fields in the page at once.

use leptos::prelude::*;

use crate::format::{Unit, format};

/// The shown part of a list of `total()` items, `page` at a time from `first`.
#[derive(Clone, Copy)]
pub struct Window {
    /// Index of the first item shown.
    pub first: RwSignal<usize>,
    /// Items in the list (tracked).
    pub total: Signal<usize>,
    /// Items per page, ≥ 1.
    pub page: usize,
}

impl Window {
    /// A window at the start of a list of `total` items.
    pub fn new(total: Signal<usize>, page: usize) -> Window {
        Window {
            first: RwSignal::new(0),
            total,
            page: page.max(1),
        }
    }

    /// The first item of the last page.
    fn last_start(self) -> usize {
        self.total.get().saturating_sub(1) / self.page * self.page
    }

    /// The shown items' indexes, tracked (the whole list when it fits in a page).
    pub fn range(self) -> std::ops::Range<usize> {
        let start = self.first.get().min(self.last_start());
        start..(start + self.page).min(self.total.get())
    }

    /// Moves the window to the page holding item `i`.
    pub fn show(self, i: usize) {
        self.first.set(i / self.page * self.page);
    }
}

/// "Showing {noun} a–b of n." with Previous / Next buttons (named "{label}: next 20 {noun}"),
/// or nothing while the list fits in a page. `id`, when given, prefixes the elements' ids
/// (`{id}-window`, `{id}-prev`, `{id}-next`).
#[component]
pub fn Pager(
    /// The shown part of the list.
    window: Window,
    /// What the list holds, plural (`events`, `rows`).
    noun: &'static str,
    /// The list's name, for the buttons' accessible names (a table's caption).
    #[prop(into)]
    label: String,
    /// Prefix of the elements' ids; none without it.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let id_of = move |part: &str| id.map(|p| format!("{p}-{part}"));
    let label = StoredValue::new(label);
    move || {
        let n = window.total.get();
        (n > window.page).then(|| {
            let r = window.range();
            let page = window.page;
            view! {
                <div class="table-actions pager">
                    <span id=id_of("window") role="status">{format!("Showing {noun} {}–{} of {}.", r.start + 1, r.end, format(Some(n as f64), Unit::Count))}</span>
                    <button type="button" class="secondary" id=id_of("prev") aria-label=label.with_value(|l| format!("{l}: previous {page} {noun}"))
                        disabled=move || { window.range().start == 0 }
                        on:click=move |_| window.first.set(window.range().start.saturating_sub(page))>{format!("Previous {page}")}</button>
                    <button type="button" class="secondary" id=id_of("next") aria-label=label.with_value(|l| format!("{l}: next {page} {noun}"))
                        disabled=move || { window.range().end >= window.total.get() }
                        on:click=move |_| window.first.set(window.range().start + page)>{format!("Next {page}")}</button>
                </div>
            }
        })
    }
}
