//! Live state over the lending presets (issue 18): [`live_markets`] puts the figures of a
//! [`LiveRead`] (`crate::chain`) into the presets of [`lending_markets`] that describe the same
//! contract state, each replaced figure sourced to the call and block it was read at, and lists
//! every change beside the preset's value and source.
//!
//! Which live figure fills which preset field ([`OVERLAY`]), all on Aave v3 Ethereum Core:
//! - `aaveReserves.core-weETH.{ltv, liquidationThreshold, liquidationBonus}` (the reserve's own
//!   configuration, `getReserveConfigurationData`) → `aave-v3-weeth-core` (weETH outside
//!   E-mode);
//! - `aaveReserves.core-WETH.variableBorrowRate` (APR, ray) → the borrow rate of the two weETH
//!   presets on Core, which borrow WETH;
//! - `aaveReserves.core-wstETH.variableBorrowRate` → the borrow rate of `aave-v3-rseth-emode`,
//!   which lends wstETH.
//!
//! - `morphoMarkets.ezETH-WETH-86.borrowRate` and `-77` (derived: the AdaptiveCurveIRM's rate at
//!   the block, [`super::morpho_live`]) → the borrow rate of `morpho-ezeth-weth-86` and `-77`,
//!   the same Morpho Blue markets.
//!
//! E-mode categories, the other Morpho Blue markets (no preset is the same market) and the LRT
//! rates fill no lending preset; the Data panel lists them as read.

use serde::{Deserialize, Serialize};

use super::market::{LendingMarket, lending_markets};
use super::morpho_live::{MorphoLiveRates, morpho_live_rates};
use crate::chain::{LiveBasis, LiveRead};
use crate::source::{Basis, Sourced};
use crate::unit::Unit;

/// A preset field a live figure can replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Ltv,
    LiquidationThreshold,
    LiquidationBonus,
    BorrowRate,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Ltv => "ltv",
            Field::LiquidationThreshold => "liquidationThreshold",
            Field::LiquidationBonus => "liquidationBonus",
            Field::BorrowRate => "borrowRate",
        }
    }

    fn slot(self, m: &mut LendingMarket) -> &mut Sourced<f64> {
        match self {
            Field::Ltv => &mut m.ltv,
            Field::LiquidationThreshold => &mut m.liquidation_threshold,
            Field::LiquidationBonus => &mut m.liquidation_bonus,
            Field::BorrowRate => &mut m.borrow_rate,
        }
    }
}

/// (live field, preset id, preset field): see the module's list.
const OVERLAY: &[(&str, &str, Field)] = &[
    (
        "aaveReserves.core-weETH.ltv",
        "aave-v3-weeth-core",
        Field::Ltv,
    ),
    (
        "aaveReserves.core-weETH.liquidationThreshold",
        "aave-v3-weeth-core",
        Field::LiquidationThreshold,
    ),
    (
        "aaveReserves.core-weETH.liquidationBonus",
        "aave-v3-weeth-core",
        Field::LiquidationBonus,
    ),
    (
        "aaveReserves.core-WETH.variableBorrowRate",
        "aave-v3-eth-emode",
        Field::BorrowRate,
    ),
    (
        "aaveReserves.core-WETH.variableBorrowRate",
        "aave-v3-weeth-core",
        Field::BorrowRate,
    ),
    (
        "aaveReserves.core-wstETH.variableBorrowRate",
        "aave-v3-rseth-emode",
        Field::BorrowRate,
    ),
    (
        "morphoMarkets.ezETH-WETH-86.borrowRate",
        "morpho-ezeth-weth-86",
        Field::BorrowRate,
    ),
    (
        "morphoMarkets.ezETH-WETH-77.borrowRate",
        "morpho-ezeth-weth-77",
        Field::BorrowRate,
    ),
];

/// The figure at `field` of `live`, or of the Morpho borrow rates derived from it
/// (`morphoMarkets.<id>.borrowRate`, [`super::morpho_live`]): its value and basis.
fn figure(live: &LiveRead, derived: &MorphoLiveRates, field: &str) -> Option<(f64, LiveBasis)> {
    if let Some(v) = live.value(field) {
        return Some((v.value, v.basis.clone()));
    }
    let market = field
        .strip_prefix("morphoMarkets.")?
        .strip_suffix(".borrowRate")?;
    let r = derived.rates.iter().find(|r| r.market == market)?;
    Some((r.borrow_apr, r.basis.clone()))
}

/// One preset figure replaced by a live one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LiveChange {
    /// The preset's id (`aave-v3-weeth-core`).
    pub market: String,
    /// The preset's field (`ltv`, `liquidationThreshold`, `liquidationBonus`, `borrowRate`).
    pub field: String,
    /// The live figure's path in the read (`aaveReserves.core-weETH.ltv`).
    pub live_field: String,
    /// Both values' unit (a fraction; the borrow rate an APR fraction).
    pub unit: Unit,
    /// The preset's value.
    pub preset: f64,
    /// The preset's source or assumption.
    pub preset_basis: Basis,
    /// The live value.
    pub live: f64,
    /// Where the live value was read.
    pub basis: LiveBasis,
}

/// A preset the live figures could not go into, kept whole, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LiveKept {
    /// The preset's id.
    pub market: String,
    /// Why its preset figures were kept (the model's check the live figures failed).
    pub reason: String,
}

/// The lending presets with live figures in them, what changed, and what was kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LiveMarkets {
    /// [`lending_markets`] in the same order; replaced figures carry a source naming the call,
    /// contract, chain and block, dated by the block's timestamp (UTC).
    pub markets: Vec<LendingMarket>,
    /// Every replaced figure, in [`lending_markets`]' order.
    pub changes: Vec<LiveChange>,
    /// Presets whose live figures failed the model's checks (so all their figures are the
    /// presets').
    pub kept: Vec<LiveKept>,
}

/// The source of a live figure: `getReserveData(address) on 0x… (chain 1, block N, read live)`,
/// dated by the block.
pub fn live_source(b: &LiveBasis) -> Basis {
    b.source()
}

/// [`lending_markets`] with the figures of `live` that describe the same contract state (see
/// the module's list), when `live` is given; the presets unchanged otherwise. A preset whose
/// live figures fail the model's checks ([`LendingMarket::params`]' `validate`, the borrow rate
/// in `0..=1` a year) keeps all its preset figures and is listed in `kept`.
///
/// ```
/// use restake_core::lending::live::live_markets;
/// let none = live_markets(None);
/// assert_eq!(none.markets, restake_core::lending::lending_markets());
/// assert!(none.changes.is_empty());
/// ```
pub fn live_markets(live: Option<&LiveRead>) -> LiveMarkets {
    let mut out = LiveMarkets {
        markets: lending_markets(),
        changes: Vec::new(),
        kept: Vec::new(),
    };
    let Some(live) = live else {
        return out;
    };
    let derived = morpho_live_rates(live);
    for m in &mut out.markets {
        let mut next = m.clone();
        let mut changes = Vec::new();
        for &(live_field, _, field) in OVERLAY.iter().filter(|(_, id, _)| *id == m.id) {
            let Some((value, basis)) = figure(live, &derived, live_field) else {
                continue;
            };
            let slot = field.slot(&mut next);
            changes.push(LiveChange {
                market: m.id.clone(),
                field: field.name().to_owned(),
                live_field: live_field.to_owned(),
                unit: Unit::Fraction,
                preset: slot.value,
                preset_basis: slot.basis.clone(),
                live: value,
                basis: basis.clone(),
            });
            *slot = Sourced {
                value,
                basis: live_source(&basis),
            };
        }
        if changes.is_empty() {
            continue;
        }
        let checked = next.params().validate("market").and_then(|()| {
            crate::validate::in_range(
                "borrowRate",
                next.borrow_rate.value,
                0.0,
                1.0,
                "a yearly rate in 0..=1",
            )
        });
        match checked {
            Ok(_) => {
                *m = next;
                out.changes.extend(changes);
            }
            Err(e) => out.kept.push(LiveKept {
                market: m.id.clone(),
                reason: e.to_string(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::{Head, LiveValue};

    fn basis(function: &str) -> LiveBasis {
        LiveBasis {
            chain_id: 1,
            block_number: 21_000_000,
            // 1,729,252,007 s = 20,014 days + 42,407 s: 2024-10-18 11:46:47 UTC.
            block_timestamp: 1_729_252_007,
            address: "0x0a16f2FCC0D44FaE41cc54e079281D84A363bECD".to_owned(),
            function: function.to_owned(),
        }
    }

    fn value(field: &str, v: f64, function: &str) -> LiveValue {
        LiveValue {
            field: field.to_owned(),
            raw: None,
            value: v,
            unit: "fraction".to_owned(),
            basis: basis(function),
        }
    }

    fn read(values: Vec<LiveValue>) -> LiveRead {
        LiveRead {
            head: Head {
                chain_id: 1,
                block_number: 21_000_000,
                block_timestamp: 1_729_252_007,
                block_hash: format!("0x{}", "ab".repeat(32)),
            },
            values,
            failures: vec![],
        }
    }

    const CONFIG: &str = "getReserveConfigurationData(address)";

    #[test]
    fn core_weeth_config_and_weth_rate_replace_the_presets() {
        // The local chain's fixture values: LTV 7250, LT 7500, bonus 10750 bps → 0.725, 0.75,
        // 0.075; a WETH variable borrow rate of 0.0312 (APR).
        let live = read(vec![
            value("aaveReserves.core-weETH.ltv", 0.725, CONFIG),
            value("aaveReserves.core-weETH.liquidationThreshold", 0.75, CONFIG),
            value("aaveReserves.core-weETH.liquidationBonus", 0.075, CONFIG),
            value(
                "aaveReserves.core-WETH.variableBorrowRate",
                0.0312,
                "getReserveData(address)",
            ),
        ]);
        let out = live_markets(Some(&live));
        assert!(out.kept.is_empty(), "{:?}", out.kept);
        let core = out
            .markets
            .iter()
            .find(|m| m.id == "aave-v3-weeth-core")
            .unwrap();
        assert_eq!(core.ltv.value, 0.725);
        assert_eq!(core.liquidation_threshold.value, 0.75);
        assert_eq!(core.liquidation_bonus.value, 0.075);
        assert_eq!(core.borrow_rate.value, 0.0312);
        assert_eq!(
            core.ltv.basis,
            Basis::Source {
                citation: "getReserveConfigurationData(address) on 0x0a16f2FCC0D44FaE41cc54e079281D84A363bECD (chain 1, block 21000000, read live)".to_owned(),
                date: "2024-10-18".to_owned(),
            }
        );
        // The E-mode preset keeps its governance LTV 0.93 (no E-mode read) but takes the rate.
        let emode = &out.markets[0];
        assert_eq!(emode.ltv.value, 0.93);
        assert_eq!(emode.borrow_rate.value, 0.0312);
        // Changes: E-mode's rate, then Core's LTV, LT, bonus and rate, with the presets' values
        // (0.775 / 0.80 / 0.07 from governance post 20167, 2.5% assumed).
        let got: Vec<(&str, &str, f64, f64)> = out
            .changes
            .iter()
            .map(|c| (c.market.as_str(), c.field.as_str(), c.preset, c.live))
            .collect();
        assert_eq!(
            got,
            vec![
                ("aave-v3-eth-emode", "borrowRate", 0.025, 0.0312),
                ("aave-v3-weeth-core", "ltv", 0.775, 0.725),
                ("aave-v3-weeth-core", "liquidationThreshold", 0.80, 0.75),
                ("aave-v3-weeth-core", "liquidationBonus", 0.07, 0.075),
                ("aave-v3-weeth-core", "borrowRate", 0.025, 0.0312),
            ]
        );
        assert!(out.changes[0].preset_basis.rests_on_assumption());
        assert!(!out.changes[1].preset_basis.rests_on_assumption());
        // Every other preset is untouched.
        let presets = lending_markets();
        for (a, b) in out.markets.iter().zip(&presets).skip(2) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn a_figure_the_model_refuses_keeps_the_whole_preset() {
        // LTV 0 (weETH not a collateral outside E-mode) fails `ltv ≥ 0.01`: nothing of the
        // Core preset changes, the E-mode preset still takes the WETH rate.
        let live = read(vec![
            value("aaveReserves.core-weETH.ltv", 0.0, CONFIG),
            value(
                "aaveReserves.core-WETH.variableBorrowRate",
                0.04,
                "getReserveData(address)",
            ),
        ]);
        let out = live_markets(Some(&live));
        assert_eq!(out.markets[1], lending_markets()[1]);
        assert_eq!(out.kept.len(), 1);
        assert_eq!(out.kept[0].market, "aave-v3-weeth-core");
        assert!(
            out.kept[0].reason.contains("market.ltv"),
            "{}",
            out.kept[0].reason
        );
        assert_eq!(out.markets[0].borrow_rate.value, 0.04);
        // A rate above 100% a year is refused too.
        let live = read(vec![value(
            "aaveReserves.core-wstETH.variableBorrowRate",
            1.5,
            "getReserveData(address)",
        )]);
        let out = live_markets(Some(&live));
        assert_eq!(out.kept[0].market, "aave-v3-rseth-emode");
        assert_eq!(out.markets, lending_markets());
    }
}
