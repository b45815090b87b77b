//! The matrix's figures computed once per protocol set and network, and the cheap step that
//! adds the exit queue.

use super::SCENARIO_COLUMN_ID;
use super::column::ProtocolColumn;
use super::custom::CustomFigures;
use super::rows::{NUMBER_ROWS, TEXT_ROWS};
use super::table::{Matrix, MatrixProtocol, QualitativeRow};
use crate::Error;
use crate::consensus::exit::ExitQueue;
use crate::network::Network;
use crate::protocol::{Protocol, ProtocolKind};
use crate::scenario::Scenario;

/// The LST the yield and AVS presets are relative to: the first LST among `protocols`, else
/// the preset Lido wstETH.
fn lst_baseline(protocols: &[Protocol]) -> Option<Protocol> {
    protocols
        .iter()
        .find(|p| p.kind == ProtocolKind::Lst)
        .cloned()
        .or_else(|| {
            crate::presets::protocols()
                .ok()
                .and_then(|ps| ps.into_iter().find(|p| p.kind == ProtocolKind::Lst))
        })
}

/// Every figure of the matrix that does not depend on the exit queue, for one protocol set and
/// an optional network: the yield stack, the VaR/ES Monte Carlo runs
/// ([`super::MATRIX_RISK_PATHS`] paths per protocol; the network's positions with the default
/// risk options), leverage, bridge and concentration figures. Build it once
/// ([`MatrixFigures::new`], the slow step) and call [`MatrixFigures::matrix`] for each exit queue
/// (cheap: it computes the time-to-exit row, `delay + escrow + queue wait` in days, and copies
/// the rest).
///
/// ```
/// use restake_core::consensus::exit::ExitQueue;
/// use restake_core::matrix::MatrixFigures;
/// let figures = MatrixFigures::new(&restake_core::presets::protocols().unwrap(), None).unwrap();
/// let q = |queued_eth| ExitQueue { queued_eth, total_staked_eth: 36e6 };
/// let exit = |m: &restake_core::matrix::Matrix| {
///     m.quantitative.iter().find(|r| r.id == "timeToExit").unwrap().cells[1].value
/// };
/// // Renzo: 3-day delay + 14-day escrow, then 115,200 ETH ÷ 57,600 ETH/day = 2 days.
/// assert_eq!(exit(&figures.matrix(&q(0.0)).unwrap()), Some(17.0));
/// assert_eq!(exit(&figures.matrix(&q(115_200.0)).unwrap()), Some(19.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixFigures {
    /// Column headings, the custom column last when a network was given.
    headings: Vec<MatrixProtocol>,
    /// The seed's text rows.
    qualitative: Vec<QualitativeRow>,
    /// The protocols of the columns, in order (the text rows are built from them).
    protocols: Vec<Protocol>,
    /// Each protocol column's profile and engine figures.
    columns: Vec<ProtocolColumn>,
    /// The custom column's figures, when a network was given.
    custom: Option<CustomFigures>,
}

impl MatrixFigures {
    /// Runs every engine once for `protocols` (columns in the given order) and, when `network`
    /// is given, for the custom column "Your scenario" (id [`SCENARIO_COLUMN_ID`]) computed from
    /// it as a bare network (the yield presets weighted by its positions, default risk options).
    /// The yield and AVS presets are relative to the first LST among `protocols`, else the
    /// preset Lido wstETH.
    ///
    /// Errors: an invalid network (its field path, e.g. `delegations[0].weight`).
    pub fn new(protocols: &[Protocol], network: Option<&Network>) -> Result<MatrixFigures, Error> {
        let lst = lst_baseline(protocols);
        let custom = network
            .map(|n| CustomFigures::new(n, lst.as_ref()))
            .transpose()?;
        Ok(MatrixFigures::with(protocols, lst.as_ref(), custom))
    }

    /// As [`MatrixFigures::new`], with the custom column "Your scenario" computed from the
    /// scenario document `d`: each of its net APY, expected loss, risk-adjusted APY, VaR99,
    /// ES99 and max leverage is the figure its page shows (Yield, Risk, Leverage), from the same
    /// function of the same section ([`Scenario::yield_figures`], [`Scenario::position_risk`],
    /// [`Scenario::max_leverage`]), so the matrix and the pages never disagree.
    ///
    /// Errors: an invalid network (its field path).
    pub fn for_scenario(protocols: &[Protocol], d: &Scenario) -> Result<MatrixFigures, Error> {
        MatrixFigures::new(protocols, None)?.with_scenario(d)
    }

    /// These protocol columns, computed once, with the custom column "Your scenario" of `d`
    /// (in place of any custom column they had): equal to
    /// [`MatrixFigures::for_scenario`]`(protocols, d)`, but only the custom column's engines run
    /// (the protocol columns, seven 20,000-path runs, do not depend on the document).
    ///
    /// Errors: an invalid network (its field path).
    pub fn with_scenario(&self, d: &Scenario) -> Result<MatrixFigures, Error> {
        let custom = CustomFigures::of_scenario(d)?;
        Ok(MatrixFigures::assemble(
            &self.protocols,
            self.columns.clone(),
            Some(custom),
        ))
    }

    /// The figures of `protocols` against `lst`, with the custom column `custom` last.
    fn with(
        protocols: &[Protocol],
        lst: Option<&Protocol>,
        custom: Option<CustomFigures>,
    ) -> MatrixFigures {
        let columns = protocols
            .iter()
            .map(|p| ProtocolColumn::new(p, lst))
            .collect();
        MatrixFigures::assemble(protocols, columns, custom)
    }

    /// The headings and text rows of `protocols`, around their computed `columns` and the
    /// custom column `custom` (last).
    fn assemble(
        protocols: &[Protocol],
        columns: Vec<ProtocolColumn>,
        custom: Option<CustomFigures>,
    ) -> MatrixFigures {
        let mut headings: Vec<MatrixProtocol> = protocols
            .iter()
            .map(|p| MatrixProtocol {
                id: p.id.clone(),
                name: p.name.clone(),
                token: p.token.clone(),
                custom: false,
            })
            .collect();
        if let Some(c) = &custom {
            headings.push(MatrixProtocol {
                id: SCENARIO_COLUMN_ID.to_owned(),
                name: "Your scenario".to_owned(),
                token: c.tokens.clone(),
                custom: true,
            });
        }
        MatrixFigures {
            headings,
            qualitative: TEXT_ROWS
                .iter()
                .map(|r| r.row(protocols, custom.is_some()))
                .collect(),
            protocols: protocols.to_vec(),
            columns,
            custom,
        }
    }

    /// The matrix behind the beacon-chain exit queue `exit_queue`: the time-to-exit row
    /// (days = protocol delay + 14-day EigenLayer escrow for an LRT + queued ETH ÷
    /// (min(256, max(128, S/65,536)) ETH/epoch × 225 epochs/day)) computed now, every other
    /// row copied from the figures computed once.
    ///
    /// Errors: a bad exit queue (`exitQueue.queuedEth`, `exitQueue.totalStakedEth`).
    pub fn matrix(&self, exit_queue: &ExitQueue) -> Result<Matrix, Error> {
        exit_queue.validate("exitQueue")?;
        Ok(Matrix {
            protocols: self.headings.clone(),
            qualitative: self.qualitative.clone(),
            quantitative: NUMBER_ROWS
                .iter()
                .map(|r| r.row(&self.columns, self.custom.as_ref(), exit_queue))
                .collect(),
        })
    }
}
