//! The matrix as a front end receives it: column headings, text rows and rows of figures.

use serde::Serialize;

use super::cell::MatrixCell;
use crate::source::Sourced;
use crate::unit::Unit;

/// One protocol heading a matrix column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixProtocol {
    /// Protocol id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token symbol; for the custom column, the tokens held, joined by ` + `.
    pub token: String,
    /// True for the custom column built from the user's network (id
    /// [`super::SCENARIO_COLUMN_ID`]).
    pub custom: bool,
}

/// A row of text cells, one per protocol.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QualitativeRow {
    /// Stable row id, e.g. `nodeOperatorDesign`.
    pub id: String,
    /// Row heading as the seed's matrix names it.
    pub label: String,
    /// One cell per column, in [`Matrix::protocols`] order; `null` where no source describes
    /// the protocol on this row (and always for the custom column).
    pub cells: Vec<Option<Sourced<String>>>,
}

/// A row of numbers, one per protocol; `value: null` where no figure is known.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct QuantitativeRow {
    /// Stable row id, e.g. `feeOnRewards`.
    pub id: String,
    /// Row heading.
    pub label: String,
    /// The group the row belongs to, in words, for a view that folds rows by group: `Yield`,
    /// `Exit`, `Bridges`, `Slashing risk`, `Leverage` or `Operators`.
    pub group: String,
    /// Unit of every cell in the row.
    pub unit: Unit,
    /// One-sentence definition of the row.
    pub definition: String,
    /// One cell per column, in [`Matrix::protocols`] order.
    pub cells: Vec<MatrixCell>,
}

/// The comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// Column headings: the protocols, then the custom column when a network was given.
    pub protocols: Vec<MatrixProtocol>,
    /// The seed's four qualitative rows.
    pub qualitative: Vec<QualitativeRow>,
    /// Figures per protocol.
    pub quantitative: Vec<QuantitativeRow>,
}
