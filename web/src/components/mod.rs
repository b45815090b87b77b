//! The shared UI kit: every page is built from these views. They hold no model math.

pub mod chart;
pub mod data_table;
pub mod download;
pub mod health_gauge;
pub mod network_notice;
pub mod number_input;
pub mod number_text;
pub mod outcome;
pub mod page;
pub mod page_entry;
pub mod pager;
pub mod pause;
pub mod position;
pub mod prefill;
pub mod replay_gap;
pub mod source;
pub mod stake_mode;
pub mod term;
pub mod tip_place;
pub mod wallet_notice;

/// A document-unique id such as `chart-title-7`, for `aria-labelledby` and tooltip links. View
/// state only; thread-local because the browser runs one thread.
pub fn unique_id(prefix: &str) -> String {
    use std::cell::Cell;
    thread_local!(static N: Cell<u32> = const { Cell::new(0) });
    let n = N.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    format!("{prefix}-{n}")
}
