//! # restake-core
//!
//! The no-I/O model of the restake-lab: plain data in, reports out. Nothing here reads a clock,
//! the network, the DOM or global state; randomness (where a model needs it) comes only from an
//! explicit seed.
//!
//! Units are part of every field's documentation: amounts are in ETH, ratios are fractions in
//! `0..=1` unless a field says otherwise, rates are per year (APR unless named APY).
//!
//! Entry points:
//! - [`presets::protocols`] — the built-in protocol profiles with their sources.
//! - [`matrix::comparison_matrix`] — the side-by-side comparison of protocols.
//! - [`scenario::Scenario::from_json`] — parse, migrate and validate a scenario document;
//!   [`scenario::run_scenario`] runs every engine on it, [`scenario::replays`] lists the replays.
//! - [`yield_stack::yield_stack`] — the LRT-vs-LST yield waterfall, compounded and risk-adjusted.
//! - [`risk::simulate_risk`] — Monte Carlo loss distribution of correlated slashing.
//! - [`chain::plan`] / [`chain::apply`] — live market state: the JSON-RPC calls to make and
//!   the typed figures from their answers (sans-I/O).
//! - [`parameters::parameter_workbench`] — published collateral-parameter rules side by side.
//! - [`security::security_analysis`] — cost vs profit of corruption, γ* certificate, attacks, cascades.
#![warn(missing_docs)]

pub mod bridge;
pub mod chain;
pub mod concentration;
pub mod consensus;
pub mod error;
pub mod incidents;
pub mod interest;
pub mod json_text;
pub mod lending;
pub mod matrix;
pub mod network;
pub mod parameters;
pub mod presets;
pub mod protocol;
pub mod risk;
pub mod scenario;
pub mod security;
pub mod slashing;
pub mod source;
pub mod unit;
pub mod validate;
pub mod wad;
pub mod yield_stack;

#[cfg(feature = "js")]
pub mod js;

pub use error::Error;
