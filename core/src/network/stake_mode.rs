//! Which slashing semantics a network's allocations follow; read by the slashing ledger and the
//! security graph alike.

use serde::{Deserialize, Serialize};

/// Which slashing semantics apply to AVS slashes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum StakeMode {
    /// EigenLayer after ELIP-002: each unit of allocated magnitude is slashable by one operator
    /// set only; a slash removes `⌈a·w⌉` of that set's magnitude and never touches the others.
    #[default]
    UniqueStake,
    /// Symbiotic restaking delegators: the operator's whole stake counts for every AVS up to
    /// each AVS's network limit; each slash takes what is still there, first come, first served.
    SharedStake,
}
