//! The yield rows (net APY, expected slashing loss, risk-adjusted APY) and the AVS streams of a
//! protocol's yield preset, all from [`crate::yield_stack`].

use crate::protocol::{Protocol, ProtocolKind};
use crate::source::{Basis, Sourced};
use crate::yield_stack::{AvsStream, yield_preset, yield_stack};

/// Which figure of a yield-stack report a matrix row shows.
#[derive(Clone, Copy)]
pub(super) enum YieldFigure {
    /// Net APY after fees, commissions and idle buffer, daily compounding (fraction per year).
    NetApy,
    /// Σ AVS allocation × fault probability × slash fraction (fraction per year).
    ExpectedLoss,
    /// Net APY − expected slashing loss (fraction per year).
    RiskAdjustedApy,
}

impl YieldFigure {
    /// How the figure is computed, for the cell's basis.
    fn formula(self) -> &'static str {
        match self {
            YieldFigure::NetApy => {
                "yield stack of the protocol's preset: net APY, daily compounding"
            }
            YieldFigure::ExpectedLoss => {
                "yield stack of the protocol's preset: Σ AVS allocation × fault probability × slash fraction per year"
            }
            YieldFigure::RiskAdjustedApy => {
                "yield stack of the protocol's preset: net APY − expected slashing loss"
            }
        }
    }
}

/// One protocol's figure from [`crate::yield_stack`] run on its yield preset against the LST
/// baseline `lst` (the first LST among the columns, else the preset Lido wstETH). An LRT reads
/// its LRT side; an LST its plain side, with no AVS slashing. The basis carries the notes of
/// the preset's inputs the figure reads (the expected loss: only the AVS streams and the idle
/// buffer), so the illustrative AVS streams mark the cell as resting on assumptions.
pub(super) fn yield_cell(
    p: &Protocol,
    lst: Option<&Protocol>,
    figure: YieldFigure,
) -> Sourced<Option<f64>> {
    let Some(lst) = lst else {
        return Sourced {
            value: None,
            basis: Basis::Derived {
                formula: "no LST baseline to compare with".to_owned(),
                inputs: vec![],
            },
        };
    };
    let preset = yield_preset(p, lst);
    let is_lrt = p.kind == ProtocolKind::Lrt;
    let value = yield_stack(&preset.input)
        .ok()
        .map(|r| match (figure, is_lrt) {
            (YieldFigure::NetApy, true) => r.lrt.net_apy,
            (YieldFigure::NetApy, false) | (YieldFigure::RiskAdjustedApy, false) => r.lst.net_apy,
            (YieldFigure::ExpectedLoss, true) => r.expected_slash_loss,
            (YieldFigure::ExpectedLoss, false) => 0.0,
            (YieldFigure::RiskAdjustedApy, true) => r.risk_adjusted_apy,
        });
    // The expected loss reads only the AVS streams and the idle buffer (`(1 − buffer) ×
    // Σ allocation × fault probability × slash fraction`); the APYs read every input.
    let inputs: Vec<Basis> = match figure {
        YieldFigure::ExpectedLoss if is_lrt => preset
            .notes
            .into_iter()
            .filter(|n| n.path == "lrt.avss" || n.path == "lrt.bufferShare")
            .map(|n| n.basis)
            .collect(),
        YieldFigure::ExpectedLoss => vec![avs_streams(p, lst).1],
        _ => preset.notes.into_iter().map(|n| n.basis).collect(),
    };
    Sourced {
        value,
        basis: Basis::Derived {
            formula: figure.formula().to_owned(),
            inputs,
        },
    }
}

/// The illustrative AVS streams of the protocol's yield preset against the LST baseline `lst`
/// (none for an LST), with their basis.
pub(super) fn avs_streams(p: &Protocol, lst: &Protocol) -> (Vec<AvsStream>, Basis) {
    let preset = yield_preset(p, lst);
    let basis = preset
        .notes
        .into_iter()
        .find(|n| n.path == "lrt.avss")
        .map(|n| n.basis)
        .unwrap_or(Basis::Derived {
            formula: "an LST restakes nothing: no AVS".to_owned(),
            inputs: vec![p.underlying.basis.clone()],
        });
    (preset.input.lrt.avss, basis)
}
