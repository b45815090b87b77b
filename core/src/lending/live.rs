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
//!   which lends wstETH;
//! - `aaveEModes.core-1.{ltv, liquidationThreshold, liquidationBonus}` (Core's E-mode category 1,
//!   `getEModeCategoryData(1)`) → `aave-v3-eth-emode`: the preset is that category (Ethereum Core's
//!   ETH-correlated E-mode, weETH among its collateral, WETH borrowable; governance posts /13570,
//!   /16168);
//! - `aaveEModes.core-3.{liquidationThreshold, liquidationBonus}` (Core's category 3) →
//!   `aave-v3-rseth-emode`: the preset lends wstETH against rsETH on Core, and category 3 is
//!   Core's one category with rsETH as collateral and wstETH borrowable (aave-address-book
//!   `src/ts/AaveV3Ethereum.ts`, `E_MODES`). Its LTV only when the read shows rsETH outside
//!   the category's LTV-zero set ([`EMODE_STANDING`]): since 2026-04-19 rsETH is in it (same
//!   source), and `getEModeCategoryData` alone does not say so;
//! - the standing of each E-mode preset's collateral in its category
//!   (`aaveEModes.<id>.{reserveId, collateralBitmap, ltvzeroBitmap}`,
//!   [`crate::chain::emode_asset`], Pools v3.2+): a collateral the category does not list, or
//!   lists in its LTV-zero set (its LTV there is 0: it backs no new borrow, so no loop opens),
//!   keeps the preset whole and says why in `kept`;
//! - `capoAdapters.core-weETH` (weETH's CAPO adapter, the AaveOracle's source for weETH on Core)
//!   → the oracle of both weETH presets on Core, and `capoAdapters.core-rsETH` → the oracle of
//!   `aave-v3-rseth-emode` ([`CAPO_OVERLAY`]): [`OracleKind::CappedExchangeRate`] with the
//!   adapter's snapshot ratio, yearly growth cap and the days from its snapshot timestamp to the
//!   read's block, replacing the presets' uncapped exchange rate.
//!
//! - `morphoMarkets.ezETH-WETH-86.borrowRate` and `-77` (derived: the AdaptiveCurveIRM's rate at
//!   the block, [`super::morpho_live`]) → the borrow rate of `morpho-ezeth-weth-86` and `-77`,
//!   the same Morpho Blue markets.
//!
//! Prime's categories, the other Morpho Blue markets (no preset is the same market) and the LRT
//! rates fill no lending preset; the Data panel lists them as read.

use serde::{Deserialize, Serialize};

use super::market::{LendingMarket, lending_markets};
use super::morpho_live::{MorphoLiveRates, morpho_live_rates};
use super::oracle::OracleKind;
use crate::chain::emode_asset::{CollateralStanding, collateral_standing};
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
    ("aaveEModes.core-1.ltv", "aave-v3-eth-emode", Field::Ltv),
    (
        "aaveEModes.core-1.liquidationThreshold",
        "aave-v3-eth-emode",
        Field::LiquidationThreshold,
    ),
    (
        "aaveEModes.core-1.liquidationBonus",
        "aave-v3-eth-emode",
        Field::LiquidationBonus,
    ),
    (
        "aaveEModes.core-3.liquidationThreshold",
        "aave-v3-rseth-emode",
        Field::LiquidationThreshold,
    ),
    (
        "aaveEModes.core-3.liquidationBonus",
        "aave-v3-rseth-emode",
        Field::LiquidationBonus,
    ),
];

/// (E-mode category's path in the read, its name as a person reads it, preset id, the category's
/// LTV needs the standing): the
/// preset borrows inside that category against its collateral (see the module's list). With the
/// standing read, a collateral outside the category or in its LTV-zero set keeps the preset
/// whole; otherwise the category's LTV is the collateral's. Without it, Core 1's LTV still
/// applies (its preset's figures are the category's), Core 3's does not (rsETH's has been 0
/// there since 2026-04-19).
pub const EMODE_STANDING: &[(&str, &str, &str, bool)] = &[
    (
        "aaveEModes.core-1",
        "Aave v3 Core's E-mode category 1",
        "aave-v3-eth-emode",
        false,
    ),
    (
        "aaveEModes.core-3",
        "Aave v3 Core's E-mode category 3",
        "aave-v3-rseth-emode",
        true,
    ),
];

/// (CAPO adapter's path in the read, preset id): the preset's oracle becomes that adapter's
/// (see the module's list).
pub const CAPO_OVERLAY: &[(&str, &str)] = &[
    ("capoAdapters.core-weETH", "aave-v3-eth-emode"),
    ("capoAdapters.core-weETH", "aave-v3-weeth-core"),
    ("capoAdapters.core-rsETH", "aave-v3-rseth-emode"),
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
    /// The preset's field (`ltv`, `liquidationThreshold`, `liquidationBonus`, `borrowRate`,
    /// `oracle.snapshotRatio`, `oracle.maxYearlyRatioGrowthPercent`, `oracle.daysSinceSnapshot`).
    pub field: String,
    /// The live figure's path in the read (`aaveReserves.core-weETH.ltv`).
    pub live_field: String,
    /// Both values' unit (a fraction, the borrow rate an APR fraction; the CAPO snapshot ratio
    /// ETH per token, the yearly growth cap a fraction, the snapshot's age days).
    pub unit: Unit,
    /// The preset's value; none where the preset has no such figure (an uncapped exchange-rate
    /// oracle has no snapshot).
    pub preset: Option<f64>,
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
        let mut overlay: Vec<(String, Field)> = OVERLAY
            .iter()
            .filter(|(_, id, _)| *id == m.id)
            .map(|&(f, _, field)| (f.to_owned(), field))
            .collect();
        let standing = EMODE_STANDING.iter().find(|(_, _, id, _)| *id == m.id);
        if let Some(&(category, label, _, needs)) = standing {
            match collateral_standing(live, category) {
                Some(s) if !s.is_collateral || s.ltv_zero => {
                    out.kept.push(LiveKept {
                        market: m.id.clone(),
                        reason: standing_reason(m, label, &s),
                    });
                    continue;
                }
                Some(_) if needs => overlay.push((format!("{category}.ltv"), Field::Ltv)),
                _ => {}
            }
        }
        let mut next = m.clone();
        let mut changes = Vec::new();
        for (live_field, field) in overlay {
            let live_field = live_field.as_str();
            let Some((value, basis)) = figure(live, &derived, live_field) else {
                continue;
            };
            let slot = field.slot(&mut next);
            changes.push(LiveChange {
                market: m.id.clone(),
                field: field.name().to_owned(),
                live_field: live_field.to_owned(),
                unit: Unit::Fraction,
                preset: Some(slot.value),
                preset_basis: slot.basis.clone(),
                live: value,
                basis: basis.clone(),
            });
            *slot = Sourced {
                value,
                basis: live_source(&basis),
            };
        }
        for &(adapter, _) in CAPO_OVERLAY.iter().filter(|(_, id)| *id == m.id) {
            if let Some((oracle, oracle_changes)) = capo_oracle(live, adapter, &next) {
                next.oracle = oracle;
                changes.extend(oracle_changes);
            }
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

/// Why the preset `m` is kept: its collateral is not in the category (`label`), or is in its
/// LTV-zero set.
fn standing_reason(m: &LendingMarket, label: &str, s: &CollateralStanding) -> String {
    let at = format!(
        "{label} at block {} (reserve id {}, {} on {})",
        s.basis.block_number, s.reserve_id, s.basis.function, s.basis.address
    );
    if !s.is_collateral {
        format!(
            "{} is not collateral in {at}, so the category's figures do not describe it; the preset's figures are kept",
            m.collateral
        )
    } else {
        format!(
            "{} is in the LTV-zero set of {at}: its LTV there is 0, so it backs no new borrow and no loop can be opened; the preset's figures are kept",
            m.collateral
        )
    }
}

/// The CAPO oracle of the adapter read under `adapter` (its `snapshotRatio`,
/// `maxYearlyGrowthRatePercent` and `snapshotTimestamp`; none unless all three were read), for
/// the preset `m`, with the three changes against `m`'s oracle: `daysSinceSnapshot = (block
/// timestamp − snapshotTimestamp) / 86,400`, negative when the snapshot is after the block (the
/// model's check then keeps the preset); the growth cap in whole hundredths of a percent, as
/// the contract stores it.
fn capo_oracle(
    live: &LiveRead,
    adapter: &str,
    m: &LendingMarket,
) -> Option<(Sourced<OracleKind>, Vec<LiveChange>)> {
    let get = |name: &str| live.value(&format!("{adapter}.{name}"));
    let ratio = get("snapshotRatio")?;
    let growth = get("maxYearlyGrowthRatePercent")?;
    let stamp = get("snapshotTimestamp")?;
    let bps = (growth.value * 1e4).round();
    if !(0.0..=f64::from(u16::MAX)).contains(&bps) {
        return None;
    }
    let days = (stamp.basis.block_timestamp as f64 - stamp.value) / 86_400.0;
    let oracle = OracleKind::CappedExchangeRate {
        snapshot_ratio: ratio.value,
        max_yearly_ratio_growth_percent: bps as u16,
        days_since_snapshot: days,
    };
    let preset = match m.oracle.value {
        OracleKind::CappedExchangeRate {
            snapshot_ratio,
            max_yearly_ratio_growth_percent,
            days_since_snapshot,
        } => [
            Some(snapshot_ratio),
            Some(f64::from(max_yearly_ratio_growth_percent) / 1e4),
            Some(days_since_snapshot),
        ],
        _ => [None; 3],
    };
    let parts = [
        (
            "oracle.snapshotRatio",
            "snapshotRatio",
            Unit::Price,
            ratio.value,
            ratio,
        ),
        (
            "oracle.maxYearlyRatioGrowthPercent",
            "maxYearlyGrowthRatePercent",
            Unit::Fraction,
            bps / 1e4,
            growth,
        ),
        (
            "oracle.daysSinceSnapshot",
            "snapshotTimestamp",
            Unit::Days,
            days,
            stamp,
        ),
    ];
    let changes = parts
        .iter()
        .zip(preset)
        .map(|(&(field, name, unit, value, v), preset)| LiveChange {
            market: m.id.clone(),
            field: field.to_owned(),
            live_field: format!("{adapter}.{name}"),
            unit,
            preset,
            preset_basis: m.oracle.basis.clone(),
            live: value,
            basis: v.basis.clone(),
        })
        .collect();
    let basis = Basis::Derived {
        formula: "CAPO: min(exchange rate, snapshotRatio × (1 + maxYearlyGrowthRatePercent / 10,000 × days since snapshotTimestamp / 365)), the adapter's parameters read live; days counted to the read's block".to_owned(),
        inputs: vec![
            live_source(&ratio.basis),
            live_source(&growth.basis),
            live_source(&stamp.basis),
        ],
    };
    Some((
        Sourced {
            value: oracle,
            basis,
        },
        changes,
    ))
}

#[cfg(test)]
#[path = "live_tests.rs"]
mod tests;
