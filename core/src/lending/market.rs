//! Lending-market parameters and the sourced presets (Aave governance posts, Morpho Blue
//! `ConstantsLib.sol`, Seamless docs; every preset field carries its own basis).
//!
//! A market lends ETH against LRT collateral. With collateral `C` tokens at oracle price `p` ETH
//! and debt `D` ETH, the health factor is `HF = C·p·θ / D` (θ = liquidation threshold); a new
//! borrow must keep `D ≤ LTV·C·p`; a position with `HF < 1` can be liquidated. A liquidator
//! repays up to `close factor × D` and receives collateral worth `repaid × (1 + bonus)` at the
//! oracle price.

use serde::{Deserialize, Serialize};

use super::oracle::OracleKind;
use crate::source::{Basis, Sourced};
use crate::{Error, validate};

/// The parameters the models use, as plain numbers (a preset's values without their sources,
/// or the user's own).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MarketParams {
    /// Loan-to-value: the largest debt a borrow may create, as a fraction of the collateral's
    /// value, in `(0, 1)` and at most the liquidation threshold. Morpho Blue borrows up to the
    /// LLTV itself.
    pub ltv: f64,
    /// Liquidation threshold θ (Morpho: LLTV), fraction in `(0, 1)`: liquidatable when
    /// `debt > θ × collateral value`.
    pub liquidation_threshold: f64,
    /// Liquidation bonus: the liquidator receives collateral worth `(1 + bonus) ×` the debt it
    /// repays, fraction in `0..=0.5` (Morpho: `LIF − 1`).
    pub liquidation_bonus: f64,
    /// Largest share of the debt one liquidation may repay while `HF > fullCloseHf`, fraction in
    /// `(0, 1]` (Aave v3: 0.5; 1 = no cap).
    pub close_factor: f64,
    /// At or below this health factor the whole debt may be repaid at once, in `0..=1`
    /// (Aave v3: 0.95).
    pub full_close_hf: f64,
    /// How the market prices the collateral.
    pub oracle: OracleKind,
}

impl MarketParams {
    /// Checks every field; `prefix` is the path of the parameters in the caller's input
    /// (e.g. `market`).
    pub fn validate(&self, prefix: &str) -> Result<(), Error> {
        let f = |name: &str| format!("{prefix}.{name}");
        let lt = validate::in_range(
            &f("liquidationThreshold"),
            self.liquidation_threshold,
            0.01,
            0.99,
            "a fraction in 0.01..=0.99",
        )?;
        validate::in_range(
            &f("ltv"),
            self.ltv,
            0.01,
            lt,
            &format!("a fraction in 0.01..= the liquidation threshold ({lt})"),
        )?;
        validate::in_range(
            &f("liquidationBonus"),
            self.liquidation_bonus,
            0.0,
            0.5,
            "a fraction in 0..=0.5",
        )?;
        validate::in_range(
            &f("closeFactor"),
            self.close_factor,
            0.01,
            1.0,
            "a fraction in 0.01..=1",
        )?;
        validate::fraction(&f("fullCloseHf"), self.full_close_hf)?;
        Ok(())
    }

    /// The liquidation incentive factor `1 + bonus`: collateral value seized per ETH repaid.
    pub fn incentive_factor(&self) -> f64 {
        1.0 + self.liquidation_bonus
    }

    /// The share of the debt a liquidator may repay at health factor `hf`: everything at or
    /// below `fullCloseHf`, else the close factor.
    ///
    /// ```
    /// # use restake_core::lending::{MarketParams, OracleKind};
    /// let aave = MarketParams { ltv: 0.93, liquidation_threshold: 0.95, liquidation_bonus: 0.01,
    ///     close_factor: 0.5, full_close_hf: 0.95, oracle: OracleKind::ExchangeRate };
    /// assert_eq!(aave.close_factor_at(0.97), 0.5);
    /// assert_eq!(aave.close_factor_at(0.95), 1.0);
    /// ```
    pub fn close_factor_at(&self, hf: f64) -> f64 {
        if hf <= self.full_close_hf {
            1.0
        } else {
            self.close_factor
        }
    }
}

/// Morpho Blue's liquidation incentive factor for a market with liquidation LTV `lltv`:
/// `LIF = min(1.15, 1 / (1 − 0.3·(1 − LLTV)))` (`LIQUIDATION_CURSOR = 0.3`,
/// `MAX_LIQUIDATION_INCENTIVE_FACTOR = 1.15`, morpho-blue ConstantsLib).
///
/// ```
/// // LLTV 0.86: 1 / (1 − 0.3 × 0.14) = 1 / 0.958 = 1.04384…
/// assert!((restake_core::lending::morpho_lif(0.86) - 1.0 / 0.958).abs() < 1e-12);
/// ```
pub fn morpho_lif(lltv: f64) -> f64 {
    (1.0 / (1.0 - 0.3 * (1.0 - lltv))).min(1.15)
}

/// A lending-market preset: every parameter with its source or labelled assumption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LendingMarket {
    /// Stable id, e.g. `morpho-ezeth-weth-77`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The collateral the preset describes, e.g. `ezETH`.
    pub collateral: String,
    /// LTV, fraction.
    pub ltv: Sourced<f64>,
    /// Liquidation threshold θ (LLTV on Morpho), fraction.
    pub liquidation_threshold: Sourced<f64>,
    /// Liquidation bonus, fraction (`LIF − 1`).
    pub liquidation_bonus: Sourced<f64>,
    /// Close factor above `fullCloseHf`, fraction.
    pub close_factor: Sourced<f64>,
    /// Health factor at or below which the whole debt may be repaid.
    pub full_close_hf: Sourced<f64>,
    /// Oracle kind for the collateral.
    pub oracle: Sourced<OracleKind>,
    /// Borrow rate of the debt asset (ETH), per year (APR).
    pub borrow_rate: Sourced<f64>,
}

impl LendingMarket {
    /// The plain parameters the models take.
    pub fn params(&self) -> MarketParams {
        MarketParams {
            ltv: self.ltv.value,
            liquidation_threshold: self.liquidation_threshold.value,
            liquidation_bonus: self.liquidation_bonus.value,
            close_factor: self.close_factor.value,
            full_close_hf: self.full_close_hf.value,
            oracle: self.oracle.value,
        }
    }

    /// Every basis of the preset with its field name, for checks and display.
    pub fn bases(&self) -> [(&'static str, &Basis); 7] {
        [
            ("ltv", &self.ltv.basis),
            ("liquidationThreshold", &self.liquidation_threshold.basis),
            ("liquidationBonus", &self.liquidation_bonus.basis),
            ("closeFactor", &self.close_factor.basis),
            ("fullCloseHf", &self.full_close_hf.basis),
            ("oracle", &self.oracle.basis),
            ("borrowRate", &self.borrow_rate.basis),
        ]
    }
}

fn src<T>(value: T, citation: &str, date: &str) -> Sourced<T> {
    Sourced {
        value,
        basis: Basis::Source {
            citation: citation.to_owned(),
            date: date.to_owned(),
        },
    }
}

fn assumed<T>(value: T, note: &str) -> Sourced<T> {
    Sourced {
        value,
        basis: Basis::Assumption {
            note: note.to_owned(),
        },
    }
}

const AAVE_CLOSE: &str = "aave-dao/aave-v3-origin LiquidationLogic.sol: DEFAULT_LIQUIDATION_CLOSE_FACTOR = 50%, 100% when HF ≤ CLOSE_FACTOR_HF_THRESHOLD = 0.95 (the 100% rule for positions under USD 2,000 is not modelled)";
const BORROW_NOTE: &str =
    "No WETH borrow rate is in our sources; 2.5% APR is a placeholder — set today's rate";
const RSETH_ORACLE_NOTE: &str = "Our sources do not say how Aave prices rsETH; its exchange rate is assumed (as for weETH) — choose the market oracle to let a depeg drive liquidations";
const RSETH_BORROW_NOTE: &str = "The E-mode lends wstETH; the loop counts the debt in ETH at a constant wstETH/ETH rate, and no wstETH borrow rate is in our sources: 2.5% APR is a placeholder — set today's rate";
const MORPHO_CLOSE_NOTE: &str = "Morpho Blue's liquidate takes any amount up to the whole position (no close factor); not stated in our sources, so 100% is an assumption";

fn aave_close() -> (Sourced<f64>, Sourced<f64>) {
    (
        src(0.5, AAVE_CLOSE, "undated"),
        src(0.95, AAVE_CLOSE, "undated"),
    )
}

fn morpho(
    id: &str,
    name: &str,
    collateral: &str,
    lltv: Sourced<f64>,
    oracle: Sourced<OracleKind>,
) -> LendingMarket {
    let lif = morpho_lif(lltv.value);
    LendingMarket {
        id: id.to_owned(),
        name: name.to_owned(),
        collateral: collateral.to_owned(),
        ltv: Sourced {
            value: lltv.value,
            basis: Basis::Derived {
                formula: "Morpho Blue borrows up to the LLTV: LTV = LLTV".to_owned(),
                inputs: vec![lltv.basis.clone()],
            },
        },
        liquidation_bonus: Sourced {
            value: lif - 1.0,
            basis: Basis::Derived {
                formula: "LIF − 1 with LIF = min(1.15, 1/(1 − 0.3·(1 − LLTV))) (morpho-blue ConstantsLib: LIQUIDATION_CURSOR = 0.3, MAX_LIQUIDATION_INCENTIVE_FACTOR = 1.15)".to_owned(),
                inputs: vec![lltv.basis.clone()],
            },
        },
        liquidation_threshold: lltv,
        close_factor: assumed(1.0, MORPHO_CLOSE_NOTE),
        full_close_hf: assumed(1.0, MORPHO_CLOSE_NOTE),
        oracle,
        borrow_rate: assumed(0.025, BORROW_NOTE),
    }
}

/// The built-in lending markets (each field cites its governance post or contract): Aave v3
/// ETH-correlated E-mode, Aave v3 Core weETH outside E-mode, Morpho Blue ezETH/WETH at LLTV 0.86 and 0.77 (market oracle) and
/// weETH/WETH on Base at 0.945 (exchange-rate oracle), and Aave v3 rsETH/wstETH E-mode (April
/// 2025; its oracle is an assumption).
///
/// ```
/// let m = restake_core::lending::lending_markets();
/// assert_eq!(m[0].liquidation_threshold.value, 0.95);
/// ```
pub fn lending_markets() -> Vec<LendingMarket> {
    let emode = "governance.aave.com ETH-correlated E-mode (Ethereum) /13570; /16168";
    let weeth_oracle = "Aave prices weETH by its exchange rate; Chaos Labs said ezETH did not qualify for this treatment (governance.aave.com/t/…/17402/4)";
    let core = "governance.aave.com/t/…/20167/2 (weETH Core non-eMode, proposed)";
    let gauntlet = "Gauntlet post-mortem of the ezETH depeg, forum.morpho.org/t/…/578";
    let rseth_emode = "vote.onaave.com proposal 311: rsETH/wstETH E-mode on Core, Prime and Base";
    let (cf, full) = aave_close();
    let (cf_rseth, full_rseth) = aave_close();
    vec![
        LendingMarket {
            id: "aave-v3-eth-emode".to_owned(),
            name: "Aave v3 ETH-correlated E-mode".to_owned(),
            collateral: "weETH".to_owned(),
            ltv: src(0.93, emode, "2024"),
            liquidation_threshold: src(0.95, emode, "2024"),
            liquidation_bonus: src(0.01, emode, "2024"),
            close_factor: cf.clone(),
            full_close_hf: full.clone(),
            oracle: src(OracleKind::ExchangeRate, weeth_oracle, "2024-04"),
            borrow_rate: assumed(0.025, BORROW_NOTE),
        },
        LendingMarket {
            id: "aave-v3-weeth-core".to_owned(),
            name: "Aave v3 Core, weETH outside E-mode".to_owned(),
            collateral: "weETH".to_owned(),
            ltv: src(0.775, core, "2024-12"),
            liquidation_threshold: src(0.80, core, "2024-12"),
            liquidation_bonus: src(0.07, core, "2024-12"),
            close_factor: cf,
            full_close_hf: full,
            oracle: src(OracleKind::ExchangeRate, weeth_oracle, "2024-04"),
            borrow_rate: assumed(0.025, BORROW_NOTE),
        },
        morpho(
            "morpho-ezeth-weth-86",
            "Morpho Blue ezETH/WETH, LLTV 86%",
            "ezETH",
            src(0.86, gauntlet, "2024-04"),
            src(
                OracleKind::Market,
                &format!("{gauntlet}: the market oracle \"relies on a few liquidity sources\""),
                "2024-04",
            ),
        ),
        morpho(
            "morpho-ezeth-weth-77",
            "Morpho Blue ezETH/WETH, LLTV 77%",
            "ezETH",
            src(0.77, gauntlet, "2024-04"),
            src(
                OracleKind::Market,
                &format!("{gauntlet}: the market oracle \"relies on a few liquidity sources\""),
                "2024-04",
            ),
        ),
        morpho(
            "morpho-weeth-weth-base-945",
            "Morpho Blue weETH/WETH on Base, LLTV 94.5%",
            "weETH",
            src(0.945, "docs.seamlessprotocol.com weETH/WETH 17x", "undated"),
            src(
                OracleKind::ExchangeRate,
                "docs.seamlessprotocol.com: Chainlink weETH/eETH exchange-rate oracle",
                "undated",
            ),
        ),
        LendingMarket {
            id: "aave-v3-rseth-emode".to_owned(),
            name: "Aave v3 rsETH/wstETH E-mode".to_owned(),
            collateral: "rsETH".to_owned(),
            ltv: src(0.93, rseth_emode, "2025-04"),
            liquidation_threshold: src(0.95, rseth_emode, "2025-04"),
            liquidation_bonus: src(0.01, rseth_emode, "2025-04"),
            close_factor: cf_rseth,
            full_close_hf: full_rseth,
            oracle: assumed(OracleKind::ExchangeRate, RSETH_ORACLE_NOTE),
            borrow_rate: assumed(0.025, RSETH_BORROW_NOTE),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morpho_incentive_for_lltv_086_and_077() {
        // LLTV 0.86: 1 − 0.3 × (1 − 0.86) = 1 − 0.042 = 0.958 ⇒ LIF = 1/0.958 = 1.043841…
        assert!((morpho_lif(0.86) - 1.043_841_336_116_91).abs() < 1e-12);
        // LLTV 0.77: 1 − 0.3 × 0.23 = 0.931 ⇒ LIF = 1.074113856…
        assert!((morpho_lif(0.77) - 1.074_113_856_068_743).abs() < 1e-12);
        // A very low LLTV hits the 1.15 cap: 1/(1 − 0.3 × 0.5) = 1.176 → 1.15.
        assert_eq!(morpho_lif(0.5), 1.15);
    }

    #[test]
    fn presets_are_valid_and_sourced() {
        let markets = lending_markets();
        assert_eq!(markets.len(), 6);
        for m in &markets {
            m.params().validate(&m.id).unwrap();
            for (f, b) in m.bases() {
                b.validate(&format!("{}.{f}", m.id)).unwrap();
            }
            // The borrow rate is the one figure no source gives.
            assert!(m.borrow_rate.basis.rests_on_assumption());
        }
        let emode = &markets[0];
        assert_eq!(
            (
                emode.ltv.value,
                emode.liquidation_threshold.value,
                emode.liquidation_bonus.value
            ),
            (0.93, 0.95, 0.01)
        );
        assert!(!emode.liquidation_threshold.basis.rests_on_assumption());
        assert_eq!(markets[1].liquidation_bonus.value, 0.07);
        // The April 2024 contrast: weETH on Aave by exchange rate, ezETH on Morpho by market price.
        assert_eq!(emode.oracle.value, OracleKind::ExchangeRate);
        assert_eq!(markets[3].oracle.value, OracleKind::Market);
        assert!((markets[3].liquidation_bonus.value - (1.0 / 0.931 - 1.0)).abs() < 1e-12);
    }

    #[test]
    fn validation_names_the_field() {
        let mut p = lending_markets()[0].params();
        p.ltv = 0.96;
        assert_eq!(p.validate("market").unwrap_err().field(), "market.ltv");
        p.ltv = 0.9;
        p.liquidation_bonus = f64::NAN;
        assert_eq!(
            p.validate("market").unwrap_err().field(),
            "market.liquidationBonus"
        );
    }
}
