//! The entry of a what-if page: its starting input (the page's demo read against the scenario
//! document), or, if that built-in data failed to load, the page's title and the reason in an
//! alert instead of a blank page. The demos are covered by core's tests; this is the last line.

use leptos::prelude::*;
use restake_core::Error;

use super::page::Page;

/// Renders `lab(start)` when `start` is `Ok`, else the page `title` with the error.
pub fn demo_or_error<T, V: IntoView + 'static>(
    title: &'static str,
    start: Result<T, Error>,
    lab: impl FnOnce(T) -> V,
) -> AnyView {
    match start {
        Ok(s) => lab(s).into_any(),
        Err(e) => view! {
            <Page title=title>
                <p role="alert" class="error">{format!("The built-in scenario failed to load: {e}")}</p>
            </Page>
        }
        .into_any(),
    }
}
