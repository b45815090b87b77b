//! The bridge-exploit rows: share of supply bridged and the holders' loss, from the
//! bridge-exploit preset of [`crate::bridge`] where the token has one.

use super::cell::{CellPair, MatrixCell};
use crate::bridge::{bridge_exposure, rseth_april_2026};
use crate::protocol::Protocol;
use crate::source::Basis;

/// Share of supply bridged (fraction) and the holders' loss as a share of their value
/// (fraction, `X/(S + X)` for a socialised drain of X on S) in the bridge-exploit preset of
/// [`crate::bridge`] for the token, where one exists (the rsETH 2026-04-18 adapter drain).
pub(super) fn bridge_cells(p: &Protocol) -> CellPair {
    let (input, notes) = rseth_april_2026();
    let none = || {
        let inputs = p
            .bridges
            .iter()
            .map(|b| b.basis.clone())
            .collect::<Vec<_>>();
        MatrixCell::absent(
            "not modelled",
            "the token's bridge sources (cited below) name its chains and bridges but not the supply on each chain or what backs it, so no exploit scenario is modelled; build one on the Bridge page",
            inputs,
        )
    };
    if input.token != p.token {
        return (none(), none());
    }
    let Ok(r) = bridge_exposure(&input) else {
        return (none(), none());
    };
    let bases: Vec<Basis> = notes.into_iter().map(|(_, b)| b).collect();
    let value = r.holder_supply * input.exchange_rate_eth;
    let share = MatrixCell::known(
        r.bridged_share,
        Basis::Derived {
            formula: "computed by the bridge engine on the rsETH 2026-04-18 preset: supply on remote chains ÷ holders' supply (116,500 ÷ ≈647,222)".to_owned(),
            inputs: bases.clone(),
        },
    );
    let loss = if value > 0.0 {
        MatrixCell::known(
            r.holder_loss_eth / value,
            Basis::Derived {
                formula: "computed by the bridge engine on the rsETH 2026-04-18 preset (drained adapter, socialised loss): holders' loss ÷ holders' value = X/(S + X)".to_owned(),
                inputs: bases,
            },
        )
    } else {
        none()
    };
    (share, loss)
}
