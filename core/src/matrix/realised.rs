//! The realised-yield row of the live matrix: when a live read holds a trailing read
//! (`crate::chain::trailing`), each protocol's token's realised APY between the two blocks
//! (`yield_stack::realised`), a check beside the modelled net APY row.

use super::cell::MatrixCell;
use super::table::{Matrix, QuantitativeRow};
use crate::chain::LiveRead;
use crate::unit::Unit;
use crate::yield_stack::realised::realised_yields;

/// Id of the realised APY row.
pub const REALISED_APY_ROW: &str = "realisedApy";

/// `matrix` with a row [`REALISED_APY_ROW`] (APY fraction) when `live` holds a trailing read:
/// each token's realised APY, sourced to both blocks, or why it has none. Without a trailing
/// read the matrix is returned unchanged.
pub fn with_realised(mut matrix: Matrix, live: &LiveRead) -> Matrix {
    let r = realised_yields(live);
    if r.yields.is_empty() && r.missing.is_empty() {
        return matrix;
    }
    let cells = matrix
        .protocols
        .iter()
        .map(|p| {
            if p.custom {
                return MatrixCell::per_protocol();
            }
            if let Some(y) = r.of(&p.token) {
                return MatrixCell::known(y.apy, y.basis.clone());
            }
            let why = r
                .missing
                .iter()
                .find(|m| m.token == p.token)
                .map_or("the trailing read holds no rate of this token", |m| {
                    m.reason.as_str()
                });
            MatrixCell::absent("not read", why, vec![])
        })
        .collect();
    matrix.quantitative.push(QuantitativeRow {
        id: REALISED_APY_ROW.to_owned(),
        label: "Realised APY (chain)".to_owned(),
        group: "Yield".to_owned(),
        unit: Unit::Fraction,
        definition: "The token's exchange-rate growth between the trailing block and the snapshot's block, compounded over a year: (r1/r0)^(31,557,600 s / Δt) − 1. A check on the modelled net APY, not part of it.".to_owned(),
        cells,
    });
    matrix
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::{Head, LiveValue};
    use crate::matrix::MatrixProtocol;

    fn value(field: &str, raw: u128, block: u64, time: u64) -> LiveValue {
        crate::chain::live_source::sample_value(field, raw, block, time, "rsETHPrice()")
    }

    #[test]
    fn a_row_only_with_a_trailing_read() {
        let e18 = 1_000_000_000_000_000_000u128;
        let mut live = LiveRead {
            head: Head {
                chain_id: 1,
                block_number: 200,
                block_timestamp: 315_576,
                block_hash: format!("0x{}", "00".repeat(32)),
            },
            values: vec![value(
                "rates.rsETH.exchangeRate",
                e18 + e18 / 1000,
                200,
                315_576,
            )],
            failures: vec![],
        };
        let heading = |id: &str, token: &str| MatrixProtocol {
            id: id.to_owned(),
            name: id.to_owned(),
            token: token.to_owned(),
            custom: false,
        };
        let m = Matrix {
            protocols: vec![heading("kelp", "rsETH"), heading("etherfi", "weETH")],
            qualitative: vec![],
            quantitative: vec![],
        };
        assert_eq!(with_realised(m.clone(), &live), m);
        // 1.000 → 1.001 over a hundredth of a year: APY = 1.001^100 − 1 = 0.105115697720756.
        live.values
            .push(value("trailing.rates.rsETH.exchangeRate", e18, 100, 0));
        let out = with_realised(m, &live);
        let row = &out.quantitative[0];
        assert_eq!(row.id, REALISED_APY_ROW);
        assert!((row.cells[0].value.unwrap() - 0.105_115_697_720_756).abs() < 1e-12);
        assert!(!row.cells[0].basis.rests_on_assumption());
        assert_eq!(row.cells[1].missing.as_deref(), Some("not read"));
    }
}
