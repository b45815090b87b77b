//! One protocol's column: its profile and the figures of the engines computed from it once
//! (the exit-queue row reads the profile alone).

use super::bridging::bridge_cells;
use super::cell::{CellPair, MatrixCell};
use super::leverage::leverage_cells;
use super::tail_risk::protocol_var_es;
use super::yields::{YieldFigure, avs_streams, yield_cell};
use crate::protocol::{Protocol, ProtocolKind};

/// A protocol column's profile and engine figures.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ProtocolColumn {
    /// The protocol's sourced profile (the cheap rows read it directly).
    pub(super) protocol: Protocol,
    /// Net APY (fraction per year), [`crate::yield_stack`].
    pub(super) net_apy: MatrixCell,
    /// Expected annual slashing loss (fraction per year), [`crate::yield_stack`]; `not
    /// sourced` where it rests on the illustrative AVS streams alone.
    pub(super) expected_loss: MatrixCell,
    /// Risk-adjusted APY (fraction per year), [`crate::yield_stack`].
    pub(super) risk_adjusted_apy: MatrixCell,
    /// VaR99 and ES99 of 1 ETH over one year (fractions), [`crate::risk`] Monte Carlo on an
    /// illustrative network: `not sourced`, the figures kept as illustrative.
    pub(super) var_es: CellPair,
    /// Max leverage (×) and liquidation price at it (fraction of today's), [`crate::lending`].
    pub(super) leverage: CellPair,
    /// Share of supply bridged and exploit loss (fractions), [`crate::bridge`].
    pub(super) bridge: CellPair,
    /// AVSs of the yield preset (count): `not sourced` for an LRT (the preset's AVSs are
    /// illustrative), 0 for an LST.
    pub(super) avs_count: MatrixCell,
}

impl ProtocolColumn {
    /// Runs every engine once for `p` against the LST baseline `lst` (the yield and AVS presets
    /// are relative to it; `None`: those cells say "not computed").
    pub(super) fn new(p: &Protocol, lst: Option<&Protocol>) -> ProtocolColumn {
        let yield_of = |figure| MatrixCell::of(yield_cell(p, lst, figure), "not computed");
        // An LRT's figure that reads no input of the protocol but the illustrative AVS streams
        // (the same for every LRT) is not shown as the protocol's: it is `not sourced`. An
        // LST's 0 (it restakes nothing) stays a figure.
        let unsourced = |c: MatrixCell, why: &str| {
            if p.kind == ProtocolKind::Lrt && c.basis.rests_on_assumption() {
                c.illustrative(why)
            } else {
                c
            }
        };
        let avs_count = match lst {
            Some(lst) => {
                let (streams, basis) = avs_streams(p, lst);
                unsourced(
                    MatrixCell::known(streams.len() as f64, basis),
                    "no source gives the AVSs this protocol's operators secure: the count would be the yield preset's illustrative AVSs, the same for every LRT",
                )
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
            expected_loss: unsourced(
                yield_of(YieldFigure::ExpectedLoss),
                "no source gives this protocol's AVS allocations, fault probabilities or slash fractions: the figure would rest on the yield preset's illustrative AVS streams alone, the same for every LRT",
            ),
            risk_adjusted_apy: yield_of(YieldFigure::RiskAdjustedApy),
            var_es: protocol_var_es(p, lst),
            leverage: leverage_cells(p),
            bridge: bridge_cells(p),
            avs_count,
        }
    }
}
