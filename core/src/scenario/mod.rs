//! The scenario document: everything the engines read, in one versioned serde (JSON) value —
//! the shared network and one optional section per page — with share links, migration of older
//! versions, limits, a run of every engine, and a library of historical replays.
//!
//! Invariants (tested in `core/tests/scenario_props.rs`):
//! - **A value that exists is valid.** [`Scenario::from_json`] and [`Scenario::from_fragment`]
//!   reject unknown fields (naming them), migrate version 1, and validate the network and every
//!   section present; errors carry the JSON path (`risk.paths`, `bridge.chains[2].supply`).
//! - **Round trip.** For every valid document `s`, `from_json(to_json(s)) == s` and
//!   `from_fragment(to_fragment(s)) == s`.
//! - **Bounded.** A document is at most 1 MiB (raw or inflated), 500 operators, 200 AVSs and
//!   10,000,000 Monte Carlo paths ([`limits`]); beyond, a typed error, never a hang.
//!
//! Files: `document.rs` (the types, JSON, the network's validation), `sections.rs` (the
//! slashing and leverage sections, validation of every section), `carry_section.rs` (the
//! leverage section's optional `carry`), `parameters_section.rs` (the workbench's
//! `parameters`), `limits.rs`, `migrate.rs`, `fragment.rs` (share links), `figures.rs` (the
//! figures several pages show, each from one function of the section its page runs:
//! [`Scenario::yield_figures`], [`Scenario::position_risk`], [`Scenario::max_leverage`]),
//! `position.rs` ("my position": [`Scenario::set_position`],
//! [`position_answer`]), `wallet.rs` (the optional `wallet` section: a wallet import frozen
//! at its block, [`Scenario::wallet_positions`], [`Scenario::import_wallet`]; its arithmetic in
//! `wallet_convert.rs`), `defaults.rs` ([`default_document`]), `run.rs`
//! ([`run_scenario`], headlines), `replay.rs` ([`replays`]), `schema.rs` ([`json_schema`]).

mod carry_section;
mod defaults;
mod document;
mod figures;
mod fragment;
pub mod limits;
pub mod migrate;
mod network_origin;
mod parameters_section;
mod position;
mod replay;
mod replay_timeline;
mod risk_loop;
mod run;
mod schema;
mod sections;
mod wallet;
mod wallet_convert;

pub use carry_section::CarrySection;
pub use defaults::default_document;
pub use document::{SCENARIO_VERSION, Scenario};
pub use figures::{PositionRisk, YieldFigures};
pub use fragment::FRAGMENT_PREFIX;
pub use limits::MAX_DOCUMENT_BYTES;
pub use network_origin::NetworkOrigin;
pub use parameters_section::ParametersSection;
pub use position::{MAX_POSITION_ETH, PositionAnswer, PositionSection, position_answer};
pub use replay::{Replay, replays};
pub use replay_timeline::timeline_replays;
pub use risk_loop::{RiskLoopDefault, borrow_rate_path, risk_loop_default};
pub use run::{
    DEFAULT_RISK_SEED, Headline, LeverageSectionReport, ScenarioReport, headlines, run_scenario,
};
pub use schema::json_schema;
pub use sections::{LeverageSection, SlashingSection, TimelineSection};
pub use wallet::{WalletHolding, WalletLoop, WalletPositions, WalletSection, WalletWithdrawal};
pub use wallet_convert::morpho_assets;

#[cfg(test)]
mod tests;
