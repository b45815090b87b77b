//! The protocol comparison matrix: the seed article's four qualitative rows, verbatim, and rows
//! of figures taken or computed from each protocol's sourced profile. Every cell keeps its basis
//! so a view can show where the figure comes from.
//!
//! Each computed row comes from the engine that owns it: yield figures from
//! [`crate::yield_stack`], VaR/ES from the Monte Carlo engine [`crate::risk`], leverage from
//! [`crate::lending`], bridge figures from [`crate::bridge`], concentration from
//! [`crate::concentration`]. An optional user [`Network`] adds a "Your scenario" column computed
//! from it.
//!
//! A cell lists the labelled assumptions its figure rests on ([`MatrixCell::assumptions`]);
//! a figure that would rest on made-up inputs alone, the same for every protocol (every
//! preset's VaR99/ES99, an LRT's expected loss and AVS count), is `not sourced`, the engine's
//! figure kept apart in its `illustrative` field. [`MatrixFigures::for_scenario`] fills the
//! custom column from a scenario document with the figures its pages show.
//!
//! The rows are data (`rows.rs`: id, label, group, unit, definition and a cell function each). The
//! engines run once per protocol set and network in [`MatrixFigures::new`]; the exit queue only
//! moves the time-to-exit row, which [`MatrixFigures::matrix`] computes on each call.
//! [`live::with_live`] turns a matrix into the same matrix as of a chain read's block.

mod bridging;
mod cell;
mod column;
mod custom;
mod exit;
mod figures;
pub mod imported;
mod leverage;
pub mod live;
pub mod realised;
mod rows;
mod table;
mod tail_risk;
#[cfg(test)]
mod tests;
mod yields;

pub use crate::lending::main_lending_market;
pub use cell::MatrixCell;
pub use figures::MatrixFigures;
pub use table::{Matrix, MatrixProtocol, QualitativeRow, QuantitativeRow};

use crate::Error;
use crate::consensus::exit::ExitQueue;
use crate::network::Network;
use crate::protocol::Protocol;

/// Monte Carlo paths of each protocol's VaR/ES run in the matrix: modest, so the whole matrix
/// stays fast (the 99% tail is then the worst 200 paths).
pub const MATRIX_RISK_PATHS: u64 = 20_000;

/// The fixed seed of every Monte Carlo run in the matrix, so the matrix is the same on every
/// load and target.
pub const MATRIX_RISK_SEED: u64 = 1;

/// Restaked ETH of each protocol's illustrative risk scenario (an assumption: it only sets the
/// size of the Electra correlation penalty of a common shock).
pub const MATRIX_RISK_RESTAKED_ETH: f64 = 100_000.0;

/// Id of the custom column built from the user's network.
pub const SCENARIO_COLUMN_ID: &str = "your-scenario";

/// Builds the matrix for `protocols` (columns in the given order), with the slow-path exit time
/// computed for the beacon-chain exit queue `exit_queue`, and, when `network` is given, a
/// custom column "Your scenario" computed from it (id [`SCENARIO_COLUMN_ID`]): the one-call
/// form of [`MatrixFigures::new`] then [`MatrixFigures::matrix`].
///
/// Quantitative rows (per protocol; the custom column's figure, where it has one, in brackets):
/// - net APY, expected annual slashing loss and risk-adjusted APY (fractions per year) from
///   [`crate::yield_stack`] on each protocol's yield preset
///   ([`crate::yield_stack::yield_preset`]), whose AVS streams are labelled assumptions
///   [weighted by the network's positions]; an LRT's expected loss is `not sourced` (it rests
///   on the illustrative AVS streams alone), its figure in `illustrative`;
/// - fee on rewards (fraction of rewards); protocol withdrawal delay (days);
/// - time to exit by the slow path = protocol delay + 14-day EigenLayer escrow + beacon exit
///   queue wait ([`ExitQueue::wait_days`]) (days);
/// - chains the token is on, bridge routes (counts); tightest published bridge mint limit
///   (tokens/day; `null` when none is published);
/// - VaR99 and ES99 of a 1-ETH position over one year (fractions of the position) from
///   [`crate::risk`] on an illustrative one-operator network of the protocol
///   ([`MATRIX_RISK_PATHS`] paths, seed [`MATRIX_RISK_SEED`]; `not sourced`, the figures in
///   `illustrative`: every input is an assumption) [the network's positions with
///   default [`crate::risk::RiskOptions`], seed [`MATRIX_RISK_SEED`], as fractions of their
///   value];
/// - max leverage `1/(1 − LTV)` (×) and the liquidation price at it, `LTV/θ` of today's price
///   (fraction), from [`crate::lending`] on [`main_lending_market`];
/// - share of supply bridged and the holders' loss (fractions) in the token's bridge-exploit
///   preset of [`crate::bridge`], where there is one;
/// - AVS count: `not sourced` for an LRT (the yield preset's AVSs are illustrative), 0 for an
///   LST [AVSs the positions are exposed to];
/// - operator HHI and Nakamoto coefficient: not sourced for the presets [from the network's
///   operator stakes, [`crate::concentration`]].
///
/// Errors: a bad exit queue (`exitQueue.*`, checked first) or an invalid network (its field
/// path).
pub fn comparison_matrix(
    protocols: &[Protocol],
    exit_queue: &ExitQueue,
    network: Option<&Network>,
) -> Result<Matrix, Error> {
    exit_queue.validate("exitQueue")?;
    MatrixFigures::new(protocols, network)?.matrix(exit_queue)
}
