//! The shell: header with navigation, the routes, and the footer.

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::position::PositionBar;
use crate::pages::leverage::LeveragePage;
use crate::pages::parameters::ParametersPage;
use crate::pages::risk::RiskPage;
use crate::pages::scenarios::ScenariosPage;
use crate::pages::{
    bridge::BridgePage, data::DataPage, glossary::GlossaryPage, matrix::MatrixPage,
    security::SecurityPage, slashing::SlashingPage, yield_stack::YieldPage,
};
use crate::store::{Keyed, Store};

/// One entry of the top navigation. Only pages that work are listed.
struct NavItem {
    href: &'static str,
    label: &'static str,
}

const NAV: &[NavItem] = &[
    NavItem {
        href: "/",
        label: "Matrix",
    },
    NavItem {
        href: "/yield",
        label: "Yield",
    },
    NavItem {
        href: "/slashing",
        label: "Slashing",
    },
    NavItem {
        href: "/risk",
        label: "Risk",
    },
    NavItem {
        href: "/security",
        label: "Security",
    },
    NavItem {
        href: "/bridge",
        label: "Bridge",
    },
    NavItem {
        href: "/leverage",
        label: "Leverage",
    },
    NavItem {
        href: "/data",
        label: "Data",
    },
    NavItem {
        href: "/parameters",
        label: "Parameters",
    },
    NavItem {
        href: "/scenarios",
        label: "Scenarios",
    },
    NavItem {
        href: "/glossary",
        label: "Glossary",
    },
];

/// The application: header, routed page, footer. It owns the scenario store (the document every
/// what-if page reads and edits, see `crate::store`) and rebuilds the routed what-if page when the
/// document is replaced.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::from_location();
    provide_context(store);
    crate::store::imported::provide_imported();
    store.follow_history();
    let banner = move || {
        store.banner.get().map(|message| {
            view! {
                <div class="banner error" role="alert">
                    <p>{message}</p>
                    <button type="button" class="secondary" on:click=move |_| store.banner.set(None)>"Dismiss"</button>
                </div>
            }
        })
    };
    view! {
        <Router>
            <StampEntries/>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">
                    <span aria-hidden="true">"◈ "</span>
                    "restake-lab"
                </A>
                <nav aria-label="Main">
                    <ul>
                        {NAV
                            .iter()
                            .map(|item| view! { <li><A href=item.href>{item.label}</A></li> })
                            .collect_view()}
                    </ul>
                </nav>
                <PositionBar/>
            </header>
            <main id="main" tabindex="-1">
                {banner}
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=MatrixPage/>
                    <Route path=path!("/yield") view=|| view! { <Keyed><YieldPage/></Keyed> }/>
                    <Route path=path!("/slashing") view=|| view! { <Keyed><SlashingPage/></Keyed> }/>
                    <Route path=path!("/risk") view=|| view! { <Keyed><RiskPage/></Keyed> }/>
                    <Route path=path!("/security") view=|| view! { <Keyed><SecurityPage/></Keyed> }/>
                    <Route path=path!("/bridge") view=|| view! { <Keyed><BridgePage/></Keyed> }/>
                    <Route path=path!("/leverage") view=|| view! { <Keyed><LeveragePage/></Keyed> }/>
                    <Route path=path!("/data") view=DataPage/>
                    <Route path=path!("/parameters") view=|| view! { <Keyed><ParametersPage/></Keyed> }/>
                    <Route path=path!("/scenarios") view=ScenariosPage/>
                    <Route path=path!("/glossary") view=GlossaryPage/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>
                    "A what-if lab, not advice. Figures carry their source and date; "
                    "values marked “assumption” have no published source and are yours to change."
                </p>
            </footer>
        </Router>
    }
}

/// Writes the document into each history entry the router makes or returns to without one
/// ([`Store::stamp_entry`]): a page link's address then still stands for the scenario.
#[component]
fn StampEntries() -> impl IntoView {
    let store = use_context::<Store>();
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        location.search.track();
        if let Some(store) = store {
            stamp_when_shown(store, path, STAMP_TRIES);
        }
    });
}

/// How often [`stamp_when_shown`] looks for the router's new address: every
/// [`STAMP_RETRY_MS`], 50 times (1 s).
const STAMP_TRIES: u32 = 50;
/// The pause between two looks, ms.
const STAMP_RETRY_MS: u64 = 20;

/// Stamps the history entry once the address bar shows `path`: the router moves its location
/// first and writes the address only when the new route is resolved, so the entry to stamp
/// may not exist yet. Gives up after `tries` looks (a later navigation took over).
fn stamp_when_shown(store: Store, path: String, tries: u32) {
    let shown = web_sys::window().and_then(|w| w.location().pathname().ok());
    if shown.as_deref() == Some(path.as_str()) {
        store.stamp_entry();
    } else if tries > 0 {
        set_timeout(
            move || stamp_when_shown(store, path, tries - 1),
            std::time::Duration::from_millis(STAMP_RETRY_MS),
        );
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <div class="page">
            <h1>"Page not found"</h1>
            <p><A href="/">"Back to the comparison matrix"</A></p>
        </div>
    }
}
