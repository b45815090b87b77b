//! The last network import of this tab (the Data panel's "Import network", issue 19), shared as
//! Leptos context so any page can read it (the Matrix's per-protocol rows). It is not part of the
//! document: only one LRT's part goes into the scenario, through "Start from today's network"
//! (`Scenario::start_from_import`), which a share link carries.

use leptos::prelude::*;
use restake_core::chain::network_import::NetworkImport;

/// The last finished import, `None` until one finishes. `Copy`: an arena handle.
#[derive(Clone, Copy)]
pub struct Imported(pub RwSignal<Option<NetworkImport>>);

/// Provides an empty [`Imported`] (once, in the app).
pub fn provide_imported() {
    provide_context(Imported(RwSignal::new(None)));
}

/// The app's [`Imported`]; a fresh empty one where none was provided (a component mounted alone).
pub fn use_imported() -> Imported {
    use_context::<Imported>().unwrap_or_else(|| Imported(RwSignal::new(None)))
}
