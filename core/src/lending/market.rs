//! Lending-market parameters and the sourced presets (Aave governance posts, Morpho Blue
//! `ConstantsLib.sol`, Seamless docs; every preset field carries its own basis).
//!
//! A market lends ETH against LRT collateral. With collateral `C` tokens at oracle price `p` ETH
//! and debt `D` ETH, the health factor is `HF = C·p·θ / D` (θ = liquidation threshold); a new
//! borrow must keep `D ≤ LTV·C·p`; a position with `HF < 1` can be liquidated. A liquidator
//! repays up to `close factor × D` and receives collateral worth `repaid × (1 + bonus)` at the
//! oracle price, less the protocol's share of the bonus. [`LiquidationRules`] says which
//! protocol's rules decide how much a liquidation may repay.

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
    /// Share of the liquidation bonus the protocol keeps (Aave's liquidation protocol fee,
    /// `getLiquidationProtocolFee` / 1e4), fraction in `0..=1`; 0 when omitted.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub liquidation_protocol_fee: f64,
    /// The liquidation rules; `closeFactor` (Aave v3.0–v3.2) when omitted.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub rules: LiquidationRules,
}

/// One position's health and the liquidation its market allows now ([`MarketParams::quote`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LiquidationQuote {
    /// `C·p·θ / D`; none without debt, or when the ratio is beyond f64's range.
    pub health_factor: Option<f64>,
    /// What the position may still borrow, `max(0, LTV·C·p − D)`, ETH.
    pub available_borrow: f64,
    /// The most a liquidation may repay now, ETH (0 while `HF ≥ 1`).
    pub max_repay: f64,
    /// Collateral that liquidation takes, tokens (the protocol's fee included).
    pub seized: f64,
    /// Of it, the protocol's liquidation fee, tokens.
    pub protocol_fee: f64,
}

/// Aave v3.3+: below this size in USD (collateral or debt of the position) the whole debt may
/// be repaid at once (`MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000e8`, aave-v3-origin
/// `LiquidationLogic.sol`).
pub const AAVE_FULL_CLOSE_BELOW_USD: f64 = 2000.0;
/// Aave v3.3+: a partial liquidation must leave at least this much debt and collateral, USD
/// (`MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2`).
pub const AAVE_MIN_LEFTOVER_USD: f64 = 1000.0;

/// Which protocol's rules decide how much one liquidation may repay.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum LiquidationRules {
    /// The close factor above `fullCloseHf` and nothing else: Aave v3.0 to v3.2 (the logic of
    /// `@aave/core-v3` 1.19.3), for replays of events before Aave v3.3.
    #[default]
    CloseFactor,
    /// Aave v3.3 and later (aave-v3-origin `LiquidationLogic.executeLiquidationCall`): a
    /// position has a size in USD. The close factor applies only while the position's
    /// collateral and debt are both worth at least USD 2,000 and `HF > fullCloseHf`; a partial
    /// liquidation must leave at least USD 1,000 of debt and of collateral (`MustNotLeaveDust`),
    /// so the liquidator repays the most that does; with no collateral left the rest of the
    /// debt is written off (the reserve's deficit).
    AaveV33 {
        /// Price of ETH (the debt), USD, in `1..=1e7`; sizes the positions.
        eth_usd: f64,
    },
    /// Morpho Blue (`Morpho.liquidate`): any amount up to the whole position, at the incentive
    /// the LLTV implies, `min(1.15, 1/(1 − 0.3·(1 − LLTV)))` ([`morpho_lif`]); the market's
    /// `liquidationBonus`, close factor and `fullCloseHf` are not used.
    Morpho,
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
        validate::fraction(&f("liquidationProtocolFee"), self.liquidation_protocol_fee)?;
        self.oracle.validate(&f("oracle"))?;
        if let LiquidationRules::AaveV33 { eth_usd } = self.rules {
            validate::in_range(
                &f("rules.ethUsd"),
                eth_usd,
                1.0,
                1e7,
                "a price in 1..=1e7 USD per ETH",
            )?;
        }
        Ok(())
    }

    /// The liquidation incentive factor: collateral value seized per ETH repaid, `1 + bonus`,
    /// or Morpho's [`morpho_lif`] of the LLTV under [`LiquidationRules::Morpho`].
    pub fn incentive_factor(&self) -> f64 {
        match self.rules {
            LiquidationRules::Morpho => morpho_lif(self.liquidation_threshold),
            _ => 1.0 + self.liquidation_bonus,
        }
    }

    /// The most debt one liquidation may repay on a position with collateral `c` tokens and
    /// debt `d` ETH at oracle price `p` (health factor `hf`):
    /// - `closeFactor`: `d` at or below `fullCloseHf`, else `closeFactor·d`;
    /// - `aaveV33`: the same, but all of `d` whenever the collateral (`c·p·ethUsd`) or the debt
    ///   (`d·ethUsd`) is worth less than USD 2,000; a partial repayment `r < d` that leaves
    ///   collateral `c − r·LIF/p` is capped so that at least USD 1,000 of debt and of collateral
    ///   remain (the liquidator's largest call that does not revert);
    /// - `morpho`: `d`.
    ///
    /// ```
    /// # use restake_core::lending::{MarketParams, OracleKind, LiquidationRules};
    /// let mut m = MarketParams { ltv: 0.93, liquidation_threshold: 0.95, liquidation_bonus: 0.01,
    ///     close_factor: 0.5, full_close_hf: 0.95, oracle: OracleKind::ExchangeRate,
    ///     liquidation_protocol_fee: 0.1, rules: LiquidationRules::AaveV33 { eth_usd: 2000.0 } };
    /// // 0.9 ETH of debt is USD 1,800 < 2,000: the whole debt, although HF = 0.97 > 0.95.
    /// assert_eq!(m.max_repay(1.0, 0.9, 1.0, 0.97), 0.9);
    /// // 10 ETH (USD 20,000) against 10.21 tokens: half is 5 ETH, but 10.21 − 5·1.01 = 5.16
    /// // tokens (USD 10,320) stay, so half it is.
    /// assert_eq!(m.max_repay(10.21, 10.0, 1.0, 0.97), 5.0);
    /// m.rules = LiquidationRules::CloseFactor;
    /// assert_eq!(m.max_repay(1.0, 0.9, 1.0, 0.97), 0.45);
    /// ```
    pub fn max_repay(&self, c: f64, d: f64, p: f64, hf: f64) -> f64 {
        match self.rules {
            LiquidationRules::Morpho => d,
            LiquidationRules::CloseFactor => self.close_factor_at(hf) * d,
            LiquidationRules::AaveV33 { eth_usd } => {
                let small = c * p * eth_usd < AAVE_FULL_CLOSE_BELOW_USD
                    || d * eth_usd < AAVE_FULL_CLOSE_BELOW_USD;
                let cap = if small {
                    d
                } else {
                    self.close_factor_at(hf) * d
                };
                let lif = self.incentive_factor();
                if cap >= d || cap * lif >= c * p {
                    // All of the debt, or all of the collateral: no dust rule.
                    return cap;
                }
                let leftover = AAVE_MIN_LEFTOVER_USD / eth_usd;
                cap.min(d - leftover).min((c * p - leftover) / lif).max(0.0)
            }
        }
    }

    /// A position of `collateral` tokens and `debt` ETH at oracle price `price` ETH per token
    /// (all `≥ 0`, finite): its health factor `C·p·θ/D` (none without debt or beyond f64), what it may still
    /// borrow, `max(0, LTV·C·p − D)`, and the largest liquidation allowed now (nothing at
    /// `HF ≥ 1`): repay `R` = [`Self::max_repay`], seize `R·LIF/p` — or, when the collateral
    /// cannot cover that, all of it for `R = C·p/LIF` — of which the protocol keeps
    /// `(seized − seized/LIF)·liquidationProtocolFee` (Aave's
    /// `_calculateAvailableCollateralToLiquidate`).
    ///
    /// ```
    /// use restake_core::lending::lending_markets;
    /// let m = lending_markets()[3].params(); // Morpho, LLTV 0.77: whole position, LIF 1/0.931
    /// let q = m.quote(100.0, 70.0, 0.88);    // HF = 100 × 0.88 × 0.77 / 70 = 0.968
    /// assert!((q.health_factor.unwrap() - 0.968).abs() < 1e-12);
    /// assert_eq!(q.max_repay, 70.0);
    /// assert!((q.seized - 70.0 / 0.931 / 0.88).abs() < 1e-9);
    /// // 5e-324 ETH of debt: C·p·θ/D overflows f64, so no health factor (and nothing to repay).
    /// let tiny = m.quote(0.7875, 5e-324, 0.9238);
    /// assert_eq!((tiny.health_factor, tiny.max_repay), (None, 0.0));
    /// ```
    pub fn quote(&self, collateral: f64, debt: f64, price: f64) -> LiquidationQuote {
        let value = collateral * price;
        // None without debt, and where C·p·θ/D leaves f64's range (a debt of a few
        // subnormal wei-fractions): there is no finite health factor to report.
        let health_factor = (debt > 0.0)
            .then(|| value * self.liquidation_threshold / debt)
            .filter(|hf| hf.is_finite());
        let available_borrow = (self.ltv * value - debt).max(0.0);
        let lif = self.incentive_factor();
        let (mut repay, mut seized) = (0.0, 0.0);
        // HF < 1 ⇔ C·p·θ < D (no division: a zero price or zero collateral stays finite).
        if debt > 0.0 && value * self.liquidation_threshold < debt {
            let hf = value * self.liquidation_threshold / debt;
            repay = self.max_repay(collateral, debt, price, hf);
            if repay > 0.0 {
                seized = if repay * lif >= value {
                    repay = value / lif;
                    collateral
                } else {
                    repay * lif / price
                };
            }
        }
        LiquidationQuote {
            health_factor,
            available_borrow,
            max_repay: repay,
            seized,
            protocol_fee: (seized - seized / lif) * self.liquidation_protocol_fee,
        }
    }

    /// The share of the debt a liquidator may repay at health factor `hf` under the close
    /// factor alone: everything at or below `fullCloseHf`, else the close factor.
    ///
    /// ```
    /// # use restake_core::lending::{MarketParams, OracleKind};
    /// let aave = MarketParams { ltv: 0.93, liquidation_threshold: 0.95, liquidation_bonus: 0.01,
    ///     close_factor: 0.5, full_close_hf: 0.95, oracle: OracleKind::ExchangeRate,
    ///     liquidation_protocol_fee: 0.0, rules: Default::default() };
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

/// [`morpho_lif`] for an LLTV a caller passes: `lltv` in `0..1` (Morpho enables LLTVs below
/// 100%); errors name `lltv`.
pub fn morpho_liquidation_incentive(lltv: f64) -> Result<f64, Error> {
    validate::in_range("lltv", lltv, 0.0, 1.0 - f64::EPSILON, "an LLTV in 0..1")?;
    Ok(morpho_lif(lltv))
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
    /// Share of the bonus the protocol keeps, fraction.
    pub liquidation_protocol_fee: Sourced<f64>,
    /// The liquidation rules the preset follows (their basis: the protocol's contract).
    pub rules: Sourced<LiquidationRules>,
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
            liquidation_protocol_fee: self.liquidation_protocol_fee.value,
            rules: self.rules.value,
        }
    }

    /// Every basis of the preset with its field name, for checks and display.
    pub fn bases(&self) -> [(&'static str, &Basis); 9] {
        [
            ("ltv", &self.ltv.basis),
            ("liquidationThreshold", &self.liquidation_threshold.basis),
            ("liquidationBonus", &self.liquidation_bonus.basis),
            ("closeFactor", &self.close_factor.basis),
            ("fullCloseHf", &self.full_close_hf.basis),
            ("oracle", &self.oracle.basis),
            ("borrowRate", &self.borrow_rate.basis),
            (
                "liquidationProtocolFee",
                &self.liquidation_protocol_fee.basis,
            ),
            ("rules", &self.rules.basis),
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

const AAVE_CLOSE: &str = "aave-dao/aave-v3-origin LiquidationLogic.sol: DEFAULT_LIQUIDATION_CLOSE_FACTOR = 50%, 100% when HF ≤ CLOSE_FACTOR_HF_THRESHOLD = 0.95";
const AAVE_RULES: &str = "aave-dao/aave-v3-origin LiquidationLogic.sol (v3.3 and later): 100% below MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = USD 2,000 of collateral or debt, MIN_LEFTOVER_BASE = USD 1,000 after a partial liquidation (MustNotLeaveDust), the deficit written off when no collateral is left";
const ETH_USD_NOTE: &str = "The ETH price only sizes positions against Aave's USD 2,000 / 1,000 thresholds; USD 3,000 is a placeholder — set today's price";
const AAVE_FEE_NOTE: &str = "The liquidation protocol fee of this reserve is not in our sources; 10%, the figure of Aave's weETH listing on Base (governance.aave.com/t/…/17691), is assumed";
const MORPHO_RULES: &str = "morpho-org/morpho-blue src/Morpho.sol liquidate: any amount up to the whole position, seized collateral = repaid × LIF(LLTV) at the oracle price, all of it to the liquidator (no protocol share)";
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

/// Aave v3.3+ rules with a placeholder ETH price, and the assumed 10% protocol fee.
fn aave_rules() -> (Sourced<LiquidationRules>, Sourced<f64>) {
    (
        Sourced {
            value: LiquidationRules::AaveV33 { eth_usd: 3000.0 },
            basis: Basis::Derived {
                formula: "Aave v3.3+ liquidation rules, sized at ethUsd".to_owned(),
                inputs: vec![
                    Basis::Source {
                        citation: AAVE_RULES.to_owned(),
                        date: "undated".to_owned(),
                    },
                    Basis::Assumption {
                        note: ETH_USD_NOTE.to_owned(),
                    },
                ],
            },
        },
        assumed(0.1, AAVE_FEE_NOTE),
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
        liquidation_protocol_fee: src(0.0, MORPHO_RULES, "undated"),
        rules: src(LiquidationRules::Morpho, MORPHO_RULES, "undated"),
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
    let (rules, fee) = aave_rules();
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
            liquidation_protocol_fee: fee.clone(),
            rules: rules.clone(),
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
            liquidation_protocol_fee: fee.clone(),
            rules: rules.clone(),
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
            liquidation_protocol_fee: fee,
            rules,
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
        // Any LLTV: 0.945 ⇒ 1/(1 − 0.0165) = 1.016776…; the cap starts at 1 − 0.3·(1 − L) = 1/1.15,
        // L = 1 − (1 − 1/1.15)/0.3 = 0.565217…
        assert!((morpho_liquidation_incentive(0.945).unwrap() - 1.0 / 0.9835).abs() < 1e-12);
        assert_eq!(morpho_liquidation_incentive(0.56).unwrap(), 1.15);
        assert!(morpho_liquidation_incentive(0.57).unwrap() < 1.15);
        assert_eq!(
            morpho_liquidation_incentive(1.0).unwrap_err().field(),
            "lltv"
        );
        assert_eq!(
            morpho_liquidation_incentive(f64::NAN).unwrap_err().field(),
            "lltv"
        );
        // The Morpho rules derive the incentive from the LLTV, whatever the bonus field says.
        let mut m = lending_markets()[3].params();
        m.liquidation_bonus = 0.3;
        m.liquidation_threshold = 0.945;
        assert!((m.incentive_factor() - 1.0 / 0.9835).abs() < 1e-12);
    }

    #[test]
    fn aave_v33_full_close_and_dust() {
        let mut m = lending_markets()[1].params(); // θ 0.80, bonus 7%, v3.3 rules at USD 3,000
        assert_eq!(m.rules, LiquidationRules::AaveV33 { eth_usd: 3000.0 });
        // 100 weETH / 78 ETH at p = 0.97: HF 0.9949 > 0.95 and both far above USD 2,000 ⇒ 50%.
        assert_eq!(m.max_repay(100.0, 78.0, 0.97, 0.9949), 39.0);
        // 0.6 ETH of debt = USD 1,800 < 2,000 ⇒ the whole debt at any HF.
        assert_eq!(m.max_repay(1.0, 0.6, 0.97, 0.99), 0.6);
        // HF 0.92 ≤ 0.95 ⇒ the whole 2 ETH (2 × 1.07 = 2.14 ≤ 2.3 tokens: no dust rule).
        assert_eq!(m.max_repay(2.3, 2.0, 1.0, 0.92), 2.0);
        // Dust: 4 ETH (USD 12,000) against 4.4 tokens at p = 0.5 (HF 0.44), with the close
        // factor in force (fullCloseHf lowered to 0.3): half is 2 ETH, seizing 2.14 of 2.2 ETH of
        // collateral and leaving USD 180 < 1,000, which reverts. The largest call that does not:
        // (4.4 × 0.5 − 1,000/3,000)/1.07 = 1.74455 ETH.
        m.full_close_hf = 0.3;
        let r = m.max_repay(4.4, 4.0, 0.5, 0.44);
        assert!((r - (2.2 - 1000.0 / 3000.0) / 1.07).abs() < 1e-12, "{r}");
        // The older rules ignore sizes and dust: half.
        m.rules = LiquidationRules::CloseFactor;
        assert_eq!(m.max_repay(4.4, 4.0, 0.5, 0.44), 2.0);
        assert_eq!(m.max_repay(1.0, 0.6, 0.97, 0.99), 0.3);
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
            // The borrow rate is a figure no source gives.
            assert!(m.borrow_rate.basis.rests_on_assumption());
            assert_eq!(
                m.rules.value == LiquidationRules::Morpho,
                m.id.starts_with("morpho")
            );
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
