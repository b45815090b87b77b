//! The matrix on live state (issue 18): [`with_live`] takes a matrix computed from the presets
//! and a refresh (`crate::chain::LiveRead`, e.g. a scenario's frozen `live` section) and gives
//! the matrix "as of that block": the leverage rows recomputed on each token's main market with
//! the live figures in it ([`crate::lending::live::live_markets`]), and two rows only a read
//! fills — each token's exchange rate and its main market's borrow rate — every live cell
//! sourced to the call, contract, chain and block it was read at.

use super::cell::MatrixCell;
use super::leverage::market_cells;
use super::table::{Matrix, QuantitativeRow};
use crate::chain::LiveRead;
use crate::lending::live::{live_markets, live_source};
use crate::lending::{LendingMarket, main_lending_market};
use crate::unit::Unit;

/// Id of the live exchange-rate row.
pub const LIVE_EXCHANGE_RATE_ROW: &str = "liveExchangeRate";

/// Id of the main market's borrow-rate row.
pub const MAIN_MARKET_BORROW_RATE_ROW: &str = "mainMarketBorrowRate";

/// `matrix` as of the block of `live`:
/// - `maxLeverage` and `liquidationPrice` (`1/(1 − LTV)` and `LTV/θ`) on each protocol's main
///   market ([`main_lending_market`]) with the live figures in it;
/// - a row [`LIVE_EXCHANGE_RATE_ROW`] (ETH per token): `rates.<token>.exchangeRate` of the read,
///   "not read" where the read has none;
/// - a row [`MAIN_MARKET_BORROW_RATE_ROW`] (APR fraction): the main market's borrow rate, live
///   where the read filled it, else the preset's (with its basis, an assumption);
/// - when the read holds a trailing read, a row [`super::realised::REALISED_APY_ROW`]
///   ([`super::realised::with_realised`]).
///
/// The custom column ("Your scenario") gets "per protocol" on the added rows and keeps its
/// cells elsewhere.
///
/// ```
/// use restake_core::matrix::{Matrix, MatrixProtocol, live::with_live};
/// # let live: restake_core::chain::LiveRead = serde_json::from_str(r#"{"head":{"chainId":1,"blockNumber":7,"blockTimestamp":0,"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000000"},"values":[],"failures":[]}"#).unwrap();
/// let m = Matrix { protocols: vec![MatrixProtocol { id: "renzo".into(), name: "Renzo".into(), token: "ezETH".into(), custom: false }], qualitative: vec![], quantitative: vec![] };
/// let m = with_live(m, &live);
/// // Renzo's main market (Morpho Blue ezETH/WETH 86%) keeps its assumed 2.5% borrow rate.
/// assert_eq!(m.quantitative[1].cells[0].value, Some(0.025));
/// assert_eq!(m.quantitative[0].cells[0].missing.as_deref(), Some("not read"));
/// ```
pub fn with_live(mut matrix: Matrix, live: &LiveRead) -> Matrix {
    let markets = live_markets(Some(live)).markets;
    let main = |protocol_id: &str| -> Option<LendingMarket> {
        let preset = main_lending_market(protocol_id)?;
        markets.iter().find(|m| m.id == preset.id).cloned()
    };
    let mut rate_cells = Vec::with_capacity(matrix.protocols.len());
    let mut borrow_cells = Vec::with_capacity(matrix.protocols.len());
    for (i, p) in matrix.protocols.iter().enumerate() {
        if p.custom {
            rate_cells.push(MatrixCell::per_protocol());
            borrow_cells.push(MatrixCell::per_protocol());
            continue;
        }
        let (max, liq) = market_cells(main(&p.id));
        for row in &mut matrix.quantitative {
            let cell = match row.id.as_str() {
                "maxLeverage" => &max,
                "liquidationPrice" => &liq,
                _ => continue,
            };
            if let Some(slot) = row.cells.get_mut(i) {
                *slot = cell.clone();
            }
        }
        rate_cells.push(
            match live.value(&format!("rates.{}.exchangeRate", p.token)) {
                Some(v) => MatrixCell::known(v.value, live_source(&v.basis)),
                None => MatrixCell::absent(
                    "not read",
                    "the snapshot holds no exchange rate of this token (the mainnet read names weETH, ezETH, rsETH and wstETH)",
                    vec![],
                ),
            },
        );
        borrow_cells.push(match main(&p.id) {
            Some(m) => MatrixCell::known(m.borrow_rate.value, m.borrow_rate.basis),
            None => MatrixCell::absent(
                "no sourced market",
                "no lending-market preset for this token in our sources",
                vec![],
            ),
        });
    }
    matrix.quantitative.push(QuantitativeRow {
        id: LIVE_EXCHANGE_RATE_ROW.to_owned(),
        label: "Exchange rate (live)".to_owned(),
        group: "Yield".to_owned(),
        unit: Unit::Price,
        definition: "ETH per token from the protocol's own rate function (getRate, rsETHPrice, stEthPerToken) at the snapshot's block.".to_owned(),
        cells: rate_cells,
    });
    matrix.quantitative.push(QuantitativeRow {
        id: MAIN_MARKET_BORROW_RATE_ROW.to_owned(),
        label: "Borrow rate (main market)".to_owned(),
        group: "Leverage".to_owned(),
        unit: Unit::Fraction,
        definition: "The APR a loop pays on the token's main lending market: read at the snapshot's block where the read holds it, otherwise the preset's.".to_owned(),
        cells: borrow_cells,
    });
    super::realised::with_realised(matrix, live)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::{Head, LiveBasis, LiveValue};
    use crate::matrix::MatrixProtocol;
    use crate::source::Basis;

    fn heading(id: &str, token: &str, custom: bool) -> MatrixProtocol {
        MatrixProtocol {
            id: id.to_owned(),
            name: id.to_owned(),
            token: token.to_owned(),
            custom,
        }
    }

    fn value(field: &str, v: f64, function: &str) -> LiveValue {
        LiveValue {
            field: field.to_owned(),
            raw: None,
            value: v,
            unit: "x".to_owned(),
            basis: LiveBasis {
                chain_id: 31337,
                block_number: 42,
                // 1,764,547,200 s = 20,423 days: 2025-12-01.
                block_timestamp: 1_764_547_200,
                address: "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee".to_owned(),
                function: function.to_owned(),
            },
        }
    }

    #[test]
    fn live_rows_and_leverage_on_live_markets() {
        let live = LiveRead {
            head: Head {
                chain_id: 31337,
                block_number: 42,
                block_timestamp: 1_764_547_200,
                block_hash: format!("0x{}", "00".repeat(32)),
            },
            values: vec![
                value("rates.weETH.exchangeRate", 1.069, "getRate()"),
                value(
                    "aaveReserves.core-WETH.variableBorrowRate",
                    0.0312,
                    "getReserveData(address)",
                ),
            ],
            failures: vec![],
        };
        let preset = crate::matrix::comparison_matrix(
            &crate::presets::protocols().unwrap(),
            &crate::presets::default_exit_queue(),
            None,
        )
        .unwrap();
        let m = with_live(preset.clone(), &live);
        let row = |id: &str| m.quantitative.iter().find(|r| r.id == id).unwrap();
        let col = |id: &str| m.protocols.iter().position(|p| p.id == id).unwrap();
        let (etherfi, renzo, kelp) = (col("etherfi"), col("renzo"), col("kelp"));
        // weETH's rate as read, sourced to the call and block, dated by the block.
        let rate = &row(LIVE_EXCHANGE_RATE_ROW).cells[etherfi];
        assert_eq!(rate.value, Some(1.069));
        assert_eq!(
            rate.basis,
            Basis::Source {
                citation: "getRate() on 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee (chain 31337, block 42, read live)".to_owned(),
                date: "2025-12-01".to_owned(),
            }
        );
        assert_eq!(
            row(LIVE_EXCHANGE_RATE_ROW).cells[renzo].missing.as_deref(),
            Some("not read")
        );
        // ether.fi's main market (Aave E-mode) borrows WETH: the live 3.12%; Renzo's Morpho
        // market and Kelp's wstETH E-mode keep the assumed 2.5%.
        let borrow = row(MAIN_MARKET_BORROW_RATE_ROW);
        assert_eq!(borrow.cells[etherfi].value, Some(0.0312));
        assert!(!borrow.cells[etherfi].basis.rests_on_assumption());
        assert_eq!(borrow.cells[renzo].value, Some(0.025));
        assert!(borrow.cells[renzo].basis.rests_on_assumption());
        assert_eq!(borrow.cells[kelp].value, Some(0.025));
        // No E-mode figure is read, so max leverage stays 1/(1 − 0.93) = 14.2857…×, as in the
        // preset matrix, and the preset rows are otherwise the same.
        let max = |m: &Matrix| {
            m.quantitative
                .iter()
                .find(|r| r.id == "maxLeverage")
                .unwrap()
                .cells[etherfi]
                .value
                .unwrap()
        };
        assert!((max(&m) - 1.0 / 0.07).abs() < 1e-9);
        assert_eq!(max(&m), max(&preset));
        assert_eq!(m.quantitative.len(), preset.quantitative.len() + 2);
        assert_eq!(
            m.quantitative[..preset.quantitative.len()],
            preset.quantitative[..]
        );
    }

    #[test]
    fn the_custom_column_is_per_protocol() {
        let live: LiveRead = serde_json::from_value(serde_json::json!({
            "head": {"chainId": 1, "blockNumber": 1, "blockTimestamp": 0,
                     "blockHash": format!("0x{}", "00".repeat(32))},
            "values": [], "failures": []
        }))
        .unwrap();
        let m = Matrix {
            protocols: vec![
                heading("etherfi", "weETH", false),
                heading("your-scenario", "weETH", true),
            ],
            qualitative: vec![],
            quantitative: vec![],
        };
        let m = with_live(m, &live);
        assert_eq!(
            m.quantitative[0].cells[1].missing.as_deref(),
            Some("per protocol")
        );
        assert_eq!(
            m.quantitative[1].cells[1].missing.as_deref(),
            Some("per protocol")
        );
        // Without a live rate, ether.fi's preset rate (2.5%, assumed) is shown.
        assert_eq!(m.quantitative[1].cells[0].value, Some(0.025));
    }
}
