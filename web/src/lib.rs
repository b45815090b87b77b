//! # restake-web
//!
//! The Leptos client-side app: thin views over `restake-core`. No model math lives here — pages
//! build inputs, call the core, and format its reports. Layout: `app` (router and shell),
//! `pages/` (one file per page), `components/` (the shared UI kit), `format` (all number
//! formatting), `glossary` (every term's definition), `risk_run` (the Risk page's Web Worker
//! protocol; the worker itself is the `risk-worker` binary), `rpc_fetch` (the Data panel's `fetch`
//! transport for core's live-read plan), `store` (the scenario document shared
//! by the pages, its share link, browser history, saved copies and files).
#![warn(missing_docs)]

mod app;
pub mod components;
pub mod format;
pub mod glossary;
pub mod pages;
pub mod risk_run;
pub mod rpc_fetch;
pub mod store;

pub use app::App;
