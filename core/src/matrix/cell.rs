//! One figure of the matrix with where it comes from, and the ways a cell is made.

use serde::Serialize;

use crate::source::{Basis, Sourced};

/// The short text of a cell without a sourced figure (and of one whose figure rests on
/// assumptions alone, `MatrixCell::illustrative`).
pub(super) const NOT_SOURCED: &str = "not sourced";

/// One number of a quantitative row, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    /// The figure in the row's unit; `null` where none is known or modelled, or where it would
    /// rest on assumptions alone (`missing` is then `not sourced` and `illustrative` holds it).
    pub value: Option<f64>,
    /// Where the figure comes from (computed cells: the engine, its inputs and assumptions), or
    /// why there is none.
    pub basis: Basis,
    /// Short text to show in place of a missing value, e.g. `not sourced`, `no sourced market`,
    /// `not modelled`; `null` when `value` is present.
    pub missing: Option<String>,
    /// The notes of every labelled assumption the figure rests on ([`Basis::assumption_notes`]
    /// of `basis`), each once; empty when it rests on sources alone — so a sourced figure is
    /// never marked as an assumption.
    pub assumptions: Vec<String>,
    /// For a `not sourced` cell: the figure the engine gives on the illustrative assumptions,
    /// in the row's unit — shown only as such, never as the protocol's figure; `null` otherwise.
    pub illustrative: Option<f64>,
}

impl MatrixCell {
    /// A cell of `value` (or of the short label `missing` when `None`) on `basis`.
    fn on(value: Option<f64>, basis: Basis, missing: Option<&str>) -> MatrixCell {
        MatrixCell {
            assumptions: basis.assumption_notes(),
            missing: value
                .is_none()
                .then(|| missing.unwrap_or(NOT_SOURCED).to_owned()),
            value,
            basis,
            illustrative: None,
        }
    }

    /// A cell from a sourced figure that may be absent; `missing` labels the absent case.
    pub(super) fn of(s: Sourced<Option<f64>>, missing: &str) -> MatrixCell {
        MatrixCell::on(s.value, s.basis, Some(missing))
    }

    /// A cell with a figure.
    pub(super) fn known(value: f64, basis: Basis) -> MatrixCell {
        MatrixCell::on(Some(value), basis, None)
    }

    /// A cell without a figure: the short label `missing`, and `why` with its `inputs` as the
    /// basis.
    pub(super) fn absent(missing: &str, why: &str, inputs: Vec<Basis>) -> MatrixCell {
        MatrixCell::on(
            None,
            Basis::Derived {
                formula: why.to_owned(),
                inputs,
            },
            Some(missing),
        )
    }

    /// This computed cell as `not sourced`: its figure rests on labelled assumptions only (the
    /// same illustrative inputs for every protocol), so it is kept as `illustrative` and not
    /// shown as the protocol's figure; `why` says what is missing, the old basis follows it.
    /// A cell without a figure is returned as it is.
    pub(super) fn illustrative(self, why: &str) -> MatrixCell {
        let Some(v) = self.value else { return self };
        MatrixCell {
            illustrative: Some(v),
            ..MatrixCell::absent(NOT_SOURCED, why, vec![self.basis])
        }
    }

    /// The custom column's cell on a row that is a figure of each protocol, not of a network.
    pub(super) fn per_protocol() -> MatrixCell {
        MatrixCell::absent(
            "per protocol",
            "a figure of each protocol, not of a scenario: see the columns of the protocols you hold",
            vec![],
        )
    }
}

/// Two cells computed together (VaR and ES, max leverage and liquidation price, bridged share
/// and exploit loss).
pub(super) type CellPair = (MatrixCell, MatrixCell);
