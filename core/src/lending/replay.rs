//! Historical replay: the ezETH depeg of 24 April 2024 on Morpho Blue.
//!
//! What is published (Gauntlet post-mortem, forum.morpho.org/t/…/578): the oracle fell below 1.0
//! at 02:25 UTC and the first liquidation came at 02:29:47 (block 19722269); the ezETH/WETH market
//! at LLTV 0.77 saw 8 liquidations, 804 WETH repaid, 1,000.25 ezETH seized and no bad debt; the
//! Balancer ezETH/WETH pool's WETH fell from about 4,000 to 500 (then recovered to 1,300); the
//! market oracle "relies on a few liquidity sources". Chaos Labs: the ezETH/ETH feed fell below
//! 0.8 (governance.aave.com/t/…/17402/4).
//!
//! What is not published — the borrowers' positions, the pool's ezETH side and amplification,
//! where liquidators sold — is a labelled assumption, calibrated so the replay reproduces the
//! 0.77 market's figures. [`EzEthReplay::comparison`] states how close it comes.

use serde::{Deserialize, Serialize};

use super::amm::{Pool, PoolKind, SwapFee};
use super::cascade::{CascadeInput, Population, Shock};
use super::market::lending_markets;
use crate::source::Basis;

/// The published outcome the replay is calibrated against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PublishedOutcome {
    /// Liquidation calls.
    pub liquidations: u32,
    /// Debt repaid, WETH.
    pub debt_repaid: f64,
    /// Collateral seized, ezETH.
    pub collateral_seized: f64,
    /// Bad debt, WETH.
    pub bad_debt: f64,
    /// Where the figures come from.
    pub basis: Basis,
}

/// The replay preset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EzEthReplay {
    /// The cascade to run (Morpho Blue ezETH/WETH, LLTV 0.77).
    pub input: CascadeInput,
    /// The basis of each figure, by field path.
    pub notes: Vec<(String, Basis)>,
    /// The published outcome of the 0.77 market.
    pub published: PublishedOutcome,
    /// How the replay compares with the published outcome, in words.
    pub comparison: String,
}

const GAUNTLET: &str = "Gauntlet post-mortem of the ezETH depeg, forum.morpho.org/t/…/578";

fn assumption(note: &str) -> Basis {
    Basis::Assumption {
        note: note.to_owned(),
    }
}

/// The ezETH depeg of 24 April 2024, calibrated on the Morpho Blue ezETH/WETH LLTV 0.77 market.
///
/// ```
/// use restake_core::lending::{liquidation_cascade, replay::ezeth_april_2024};
/// let preset = ezeth_april_2024();
/// let r = liquidation_cascade(&preset.input).unwrap();
/// assert_eq!(r.totals.liquidations, preset.published.liquidations); // 8
/// ```
pub fn ezeth_april_2024() -> EzEthReplay {
    let market = lending_markets()
        .into_iter()
        .find(|m| m.id == "morpho-ezeth-weth-77")
        .map(|m| m.params())
        // The preset list is a constant of this crate and contains this id (tested).
        .unwrap_or_else(|| unreachable!("the Morpho 0.77 preset exists"));
    let input = CascadeInput {
        market,
        exchange_rate: 1.0,
        pool: Pool {
            kind: PoolKind::Stableswap {
                amplification: 120.0,
            },
            lrt_reserve: 4000.0,
            eth_reserve: 4000.0,
            fee: SwapFee::OnInput { fee: 0.0004 },
            lrt_rate: 1.0,
        },
        population: Population::Generated {
            count: 40,
            total_collateral: 5750.0,
            min_health_factor: 1.0,
            max_health_factor: 2.0,
            size_skew: 0.0,
        },
        shock: Shock::Depeg { fraction: 0.13 },
        sale_share: 0.1,
        max_rounds: 50,
    };
    let gauntlet = |what: &str| Basis::Source {
        citation: format!("{GAUNTLET}: {what}"),
        date: "2024-04-24".to_owned(),
    };
    let notes = vec![
        ("market".to_owned(), gauntlet("Morpho Blue ezETH/WETH market at LLTV 0.77, market oracle; LIF from the Morpho formula")),
        ("pool.ethReserve".to_owned(), gauntlet("Balancer ezETH/WETH WETH liquidity fell from about 4,000 to 500 WETH, then recovered to 1,300")),
        ("pool.lrtReserve".to_owned(), assumption("The pool's ezETH side before the depeg is not in our sources; a balanced 4,000 ezETH is assumed")),
        ("pool.kind.amplification".to_owned(), Basis::Derived {
            formula: "A = 120 (as the pool's A() returns: Curve's Ann = A·n; 60 in the whitepaper's A·nⁿ) calibrated so that selling ezETH until the price is 0.80 leaves 507 WETH in a 4,000/4,000 pool, matching the reported fall to about 500 WETH while the feed went below 0.8".to_owned(),
            inputs: vec![
                gauntlet("WETH liquidity fell from about 4K to 500 WETH"),
                Basis::Source { citation: "Chaos Labs: the ezETH/ETH price feed depegged to less than 0.8, governance.aave.com/t/…/17402/4".to_owned(), date: "2024-04".to_owned() },
                assumption("The Balancer pool is modelled as a two-coin Curve stableswap"),
            ],
        }),
        ("pool.fee".to_owned(), assumption("The Balancer ezETH/WETH pool's swap fee (getSwapFeePercentage) on the day is not in our sources: 0.04%, taken from the amount in as Balancer does, is assumed")),
        ("exchangeRate".to_owned(), assumption("ezETH's exchange rate on the day is not in our sources; 1 ETH per ezETH assumed (it only sets the starting price here: the market oracle reads the pool)")),
        ("shock.fraction".to_owned(), Basis::Derived {
            formula: "13% depeg, calibrated: the published seizure implies an average liquidation price of 804 × 1.0741 / 1,000.25 = 0.863 ETH per ezETH, so most liquidations happened on the way down, above the trough below 0.8".to_owned(),
            inputs: vec![gauntlet("804 WETH repaid, 1,000.25 ezETH seized"), assumption("One instantaneous shock stands for a fall that took minutes (oracle below 1.0 at 02:25 UTC, first liquidation 02:29:47)")],
        }),
        ("population".to_owned(), assumption("The borrowers' positions are not in our sources: 40 equal positions holding 5,750 ezETH with health factors spread evenly from 1.0 to 2.0 (3,069 WETH borrowed), calibrated to the published outcome")),
        ("saleShare".to_owned(), assumption("Where liquidators sold is not in our sources: 10% of the seized ezETH is sold into this pool in the same round (the rest elsewhere or held). Selling all of it into a 500-WETH pool crashes the price and liquidates every position, which did not happen")),
    ];
    EzEthReplay {
        input,
        notes,
        published: PublishedOutcome {
            liquidations: 8,
            debt_repaid: 804.0,
            collateral_seized: 1000.25,
            bad_debt: 0.0,
            basis: gauntlet("Morpho ezETH/WETH LLTV 0.77: 8 liquidations, 804 WETH repaid, 1,000.25 ezETH seized, 0 bad debt"),
        },
        comparison: "The replay gives 8 liquidations over 3 rounds, 807 WETH repaid (published 804, +0.4%), 1,004 ezETH seized (published 1,000.25, +0.4%) and no bad debt (published none); the oracle goes 0.870 → 0.844 → 0.840. The fit rests on the calibrated assumptions (positions, sale share, a 13% shock). At the feed's trough (a 20% shock) the same market liquidates all 40 positions and the pool price collapses to 0.38 with 2.3 WETH of bad debt: the damage depended on liquidators not selling into the thin pool the oracle read.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lending::cascade::liquidation_cascade;

    #[test]
    fn replay_matches_the_published_077_outcome() {
        let p = ezeth_april_2024();
        for (f, b) in &p.notes {
            b.validate(f).unwrap();
        }
        p.published.basis.validate("published").unwrap();
        let r = liquidation_cascade(&p.input).unwrap();
        let t = r.totals;
        // The figures the comparison text quotes.
        assert_eq!(t.liquidations, 8);
        assert_eq!(r.rounds.len(), 3);
        assert_eq!(t.debt_repaid.round(), 807.0);
        assert_eq!(t.collateral_seized.round(), 1004.0);
        assert_eq!(t.bad_debt, 0.0);
        assert!((t.debt_repaid / 804.0 - 1.0).abs() < 0.01);
        assert!((t.collateral_seized / 1000.25 - 1.0).abs() < 0.01);
        let prices: Vec<f64> = r
            .rounds
            .iter()
            .map(|x| (x.oracle_price * 1000.0).round() / 1000.0)
            .collect();
        assert_eq!(prices, [0.87, 0.844, 0.84]);
        // The amplification's calibration: to 0.80 the pool keeps 507 WETH of 4,000.
        let mut pool = p.input.pool;
        pool.sell_to_price(0.8).unwrap();
        assert_eq!(pool.eth_reserve.round(), 507.0);
        // The trough, as the comparison says.
        let mut deep = p.input.clone();
        deep.shock = Shock::Depeg { fraction: 0.20 };
        let r = liquidation_cascade(&deep).unwrap();
        assert_eq!(r.totals.positions_liquidated, 40);
        assert_eq!((r.final_market_price * 100.0).round(), 38.0);
        assert_eq!((r.totals.bad_debt * 10.0).round(), 23.0);
    }
}
