//! One figure of the matrix with where it comes from, and the ways a cell is made.

use serde::Serialize;

use crate::source::{Basis, Sourced};

/// One number of a quantitative row, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    /// The figure in the row's unit; `null` where none is known or modelled.
    pub value: Option<f64>,
    /// Where the figure comes from (computed cells: the engine, its inputs and assumptions), or
    /// why there is none.
    pub basis: Basis,
    /// Short text to show in place of a missing value, e.g. `not sourced`, `no sourced market`,
    /// `not modelled`; `null` when `value` is present.
    pub missing: Option<String>,
}

impl MatrixCell {
    /// A cell from a sourced figure that may be absent; `missing` labels the absent case.
    pub(super) fn of(s: Sourced<Option<f64>>, missing: &str) -> MatrixCell {
        MatrixCell {
            missing: s.value.is_none().then(|| missing.to_owned()),
            value: s.value,
            basis: s.basis,
        }
    }

    /// A cell with a figure.
    pub(super) fn known(value: f64, basis: Basis) -> MatrixCell {
        MatrixCell {
            value: Some(value),
            basis,
            missing: None,
        }
    }

    /// A cell without a figure: the short label `missing`, and `why` with its `inputs` as the
    /// basis.
    pub(super) fn absent(missing: &str, why: &str, inputs: Vec<Basis>) -> MatrixCell {
        MatrixCell {
            value: None,
            basis: Basis::Derived {
                formula: why.to_owned(),
                inputs,
            },
            missing: Some(missing.to_owned()),
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
