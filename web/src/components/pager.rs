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

    /// Whether the first page is shown (tracked): nothing before it.
    pub fn at_start(self) -> bool {
        self.range().start == 0
    }

    /// Whether the last page is shown (tracked): nothing after it.
    pub fn at_end(self) -> bool {
        self.range().end >= self.total.get()
    }

    /// Moves the window back by a page (to the start at most).
    pub fn previous(self) {
        self.first.set(self.range().start.saturating_sub(self.page));
    }

    /// Moves the window on by a page (to the last page at most).
    pub fn next(self) {
        self.first
            .set((self.range().start + self.page).min(self.last_start()));
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
                        disabled=move || window.at_start()
                        on:click=move |_| window.previous()>{format!("Previous {page}")}</button>
                    <button type="button" class="secondary" id=id_of("next") aria-label=label.with_value(|l| format!("{l}: next {page} {noun}"))
                        disabled=move || window.at_end()
                        on:click=move |_| window.next()>{format!("Next {page}")}</button>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_moves_a_page_at_a_time_and_stays_in_the_list() {
        let owner = Owner::new();
        owner.with(|| {
            // 45 items, 20 a page: 1–20, 21–40, 41–45.
            let w = Window::new(Signal::derive(|| 45), 20);
            assert_eq!((w.range(), w.at_start(), w.at_end()), (0..20, true, false));
            w.next();
            assert_eq!(
                (w.range(), w.at_start(), w.at_end()),
                (20..40, false, false)
            );
            w.next();
            assert_eq!((w.range(), w.at_end()), (40..45, true));
            w.next();
            assert_eq!(w.range(), 40..45, "Next on the last page stays there");
            w.previous();
            assert_eq!(w.range(), 20..40);
            w.previous();
            w.previous();
            assert_eq!((w.range(), w.at_start()), (0..20, true));
            w.show(44);
            assert_eq!(w.range(), 40..45);
            // A list that fits in one page: both ends at once; an empty one shows nothing.
            let whole = Window::new(Signal::derive(|| 7), 7);
            assert!(whole.at_start() && whole.at_end());
            assert_eq!(Window::new(Signal::derive(|| 0), 0).range(), 0..0);
        });
    }
}
