//! One protocol's column: its profile and the figures of the engines computed from it once
//! (the exit-queue row reads the profile alone).

use super::bridging::bridge_cells;
use super::cell::{CellPair, MatrixCell};
use super::leverage::leverage_cells;
use super::tail_risk::protocol_var_es;
use super::yields::{YieldFigure, avs_streams, yield_cell};
use crate::protocol::Protocol;

/// A protocol column's profile and engine figures.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ProtocolColumn {
    /// The protocol's sourced profile (the cheap rows read it directly).
    pub(super) protocol: Protocol,
    /// Net APY (fraction per year), [`crate::yield_stack`].
    pub(super) net_apy: MatrixCell,
    /// Expected annual slashing loss (fraction per year), [`crate::yield_stack`].
    pub(super) expected_loss: MatrixCell,
    /// Risk-adjusted APY (fraction per year), [`crate::yield_stack`].
    pub(super) risk_adjusted_apy: MatrixCell,
    /// VaR99 and ES99 of 1 ETH over one year (fractions), [`crate::risk`] Monte Carlo.
    pub(super) var_es: CellPair,
    /// Max leverage (×) and liquidation price at it (fraction of today's), [`crate::lending`].
    pub(super) leverage: CellPair,
    /// Share of supply bridged and exploit loss (fractions), [`crate::bridge`].
    pub(super) bridge: CellPair,
    /// AVSs of the yield preset (count, an assumption).
    pub(super) avs_count: MatrixCell,
}

impl ProtocolColumn {
    /// Runs every engine once for `p` against the LST baseline `lst` (the yield and AVS presets
    /// are relative to it; `None`: those cells say "not computed").
    pub(super) fn new(p: &Protocol, lst: Option<&Protocol>) -> ProtocolColumn {
        let yield_of = |figure| MatrixCell::of(yield_cell(p, lst, figure), "not computed");
        let avs_count = match lst {
            Some(lst) => {
                let (streams, basis) = avs_streams(p, lst);
                MatrixCell::known(streams.len() as f64, basis)
            }
            None => MatrixCell::absent(
                "not computed",
                "no LST baseline for the AVS presets",
                vec![],
            ),
        };
        ProtocolColumn {
            protocol: p.clone(),
            net_apy: yield_of(YieldFigure::NetApy),
            expected_loss: yield_of(YieldFigure::ExpectedLoss),
            risk_adjusted_apy: yield_of(YieldFigure::RiskAdjustedApy),
            var_es: protocol_var_es(p, lst),
            leverage: leverage_cells(p),
            bridge: bridge_cells(p),
            avs_count,
        }
    }
}
