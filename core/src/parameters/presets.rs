//! Starting inputs for the workbench, one per token and chain, with the basis of every figure:
//! the published DEX depth points (a sale size and the price impact it caused, from risk
//! providers' governance posts) and the labelled assumptions the rules need but no source gives.
//! The market's liquidation bonus is not here: the caller takes it from the market it compares
//! against (the lending engine's presets), and so is the slippage budget.

use serde::Serialize;

use super::input::{LiquidityPoint, WorkbenchInput};
use crate::source::Basis;

/// A token on one chain, as the workbench starts from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TokenPreset {
    /// Stable id, e.g. `weeth-arbitrum`.
    pub id: String,
    /// Display name, e.g. `weETH on Arbitrum`.
    pub name: String,
    /// The input, with the liquidation bonus and slippage budget at 0 until a market is chosen.
    pub input: WorkbenchInput,
    /// The basis of each figure, by field path (`liquidity[0]`, `volatility`, …).
    pub bases: Vec<(String, Basis)>,
}

fn src(citation: &str, date: &str) -> Basis {
    Basis::Source {
        citation: citation.to_owned(),
        date: date.to_owned(),
    }
}

fn assumption(note: &str) -> Basis {
    Basis::Assumption {
        note: note.to_owned(),
    }
}

/// One token on one chain with a single published depth point.
fn preset(
    id: &str,
    name: &str,
    token: &str,
    depth: (f64, f64, Basis),
    volatility: (f64, Basis),
    supply: Option<(f64, Basis)>,
) -> TokenPreset {
    let (lrt_in, price_impact, depth_basis) = depth;
    let mut bases = vec![
        ("liquidity[0]".to_owned(), depth_basis),
        (
            "liquidity".to_owned(),
            assumption(
                "one published depth point: impact is taken as linear in size from no sale to it, and nothing is known beyond it; build the curve from a pool for more",
            ),
        ),
        ("volatility".to_owned(), volatility.1),
        (
            "debtSize".to_owned(),
            assumption(
                "the debt the market lends against this collateral is the market's choice; 1,000 ETH is a placeholder to change",
            ),
        ),
        (
            "riskLevel".to_owned(),
            assumption(
                "SmartLTV leaves the risk level to the market's appetite; 3 follows B.Protocol's example of volatility three times what was observed (gov.silo.finance/t/silo-finance-b-protocol-partnership/464)",
            ),
        ),
        (
            "bufferSigmas".to_owned(),
            assumption(
                "how many σ the threshold keeps free is not published; 3 mirrors the risk level",
            ),
        ),
        (
            "spotPrice".to_owned(),
            assumption("LRT/ETH price taken at parity, 1 ETH per token"),
        ),
    ];
    if let Some((_, b)) = &supply {
        bases.push(("circulatingSupply".to_owned(), b.clone()));
    }
    TokenPreset {
        id: id.to_owned(),
        name: name.to_owned(),
        input: WorkbenchInput {
            token: token.to_owned(),
            market: String::new(),
            liquidity: vec![LiquidityPoint {
                lrt_in,
                price_impact,
            }],
            spot_price: 1.0,
            volatility: volatility.0,
            liquidation_bonus: 0.0,
            slippage_budget: 0.0,
            debt_size: 1000.0,
            risk_level: 3.0,
            buffer_sigmas: 3.0,
            circulating_supply: supply.map(|s| s.0),
            daily_volume: None,
            current: None,
        },
        bases,
    }
}

/// The built-in token presets: weETH on Arbitrum and Base, rsETH on Arbitrum, ezETH on Arbitrum.
pub fn token_presets() -> Vec<TokenPreset> {
    let weeth_vol = || {
        (
            0.014,
            assumption(
                "no published LRT/ETH volatility; σ is set to weETH/WETH's largest deviation in the 5 August 2024 stress, 140 bps (Chaos Labs, governance.aave.com/t/arfc-wsteth-and-weeth-e-modes-and-lt-ltv-adjustments-on-ethereum-arbitrum-base-03-12-25/21370)",
            ),
        )
    };
    let other_vol = |t: &str| {
        (
            0.02,
            assumption(&format!(
                "no published {t}/ETH volatility; 2% is a placeholder to change"
            )),
        )
    };
    let chaos_21370 = "Chaos Labs, [ARFC] wstETH and weETH E-Modes and LT/LTV Adjustments on Ethereum, Arbitrum, Base (governance.aave.com/t/arfc-wsteth-and-weeth-e-modes-and-lt-ltv-adjustments-on-ethereum-arbitrum-base-03-12-25/21370)";
    let chaos_19622 = "Chaos Labs on ezETH (governance.aave.com/t/…/19622/2)";
    vec![
        preset(
            "weeth-arbitrum",
            "weETH on Arbitrum",
            "weETH",
            (
                500.0,
                0.02,
                src(
                    &format!("selling 500 weETH incurs less than 2% price slippage: {chaos_21370}"),
                    "2025-03-12",
                ),
            ),
            weeth_vol(),
            None,
        ),
        preset(
            "weeth-base",
            "weETH on Base",
            "weETH",
            (
                650.0,
                0.02,
                src(
                    &format!("selling 650 weETH incurs less than 2% price slippage: {chaos_21370}"),
                    "2025-03-12",
                ),
            ),
            weeth_vol(),
            None,
        ),
        preset(
            "rseth-arbitrum",
            "rsETH on Arbitrum",
            "rsETH",
            (
                462.0,
                0.075,
                src(
                    "462 rsETH can be sold at a 7.5% price impact (Kyberswap): LlamaRisk, [ARFC] Onboard rsETH to Arbitrum and Base V3 Instances (governance.aave.com/t/arfc-onboard-rseth-to-arbitrum-and-base-v3-instances/20741/2)",
                    "2025-01-27",
                ),
            ),
            other_vol("rsETH"),
            None,
        ),
        preset(
            "ezeth-arbitrum",
            "ezETH on Arbitrum",
            "ezETH",
            (
                700.0,
                0.01,
                src(
                    &format!(
                        "about 700 WETH sellable within 1% price impact, steady for 60 days (read as 700 ezETH at parity): {chaos_19622}"
                    ),
                    "2024-10",
                ),
            ),
            other_vol("ezETH"),
            Some((
                19_300.0,
                src(
                    &format!("ezETH supply on Arbitrum 19,300: {chaos_19622}"),
                    "2024-10",
                ),
            )),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_sourced_where_a_source_exists() {
        let presets = token_presets();
        assert_eq!(presets.len(), 4);
        for p in &presets {
            for (f, b) in &p.bases {
                b.validate(&format!("{}.{f}", p.id)).unwrap();
            }
            let depth = &p.bases.iter().find(|(f, _)| f == "liquidity[0]").unwrap().1;
            assert!(!depth.rests_on_assumption(), "{}", p.id);
            let debt = &p.bases.iter().find(|(f, _)| f == "debtSize").unwrap().1;
            assert!(debt.rests_on_assumption());
            // a market's bonus completes the input
            let mut input = p.input.clone();
            input.market = "m".into();
            input.liquidation_bonus = 0.01;
            input.slippage_budget = 0.01;
            input.validate().unwrap();
        }
        assert_eq!(presets[2].input.liquidity[0].lrt_in, 462.0);
    }
}
