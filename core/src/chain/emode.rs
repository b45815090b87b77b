//! Aave v3 E-mode categories (issue 18): what a request names ([`AaveEModeTarget`]), the call
//! (`getEModeCategoryData(uint8)` on the Pool) and its figures.
//!
//! `getEModeCategoryData` is the one E-mode getter both Pool versions have: v3.0/v3.1
//! (`@aave/core-v3` `contracts/interfaces/IPool.sol`, returning `DataTypes.EModeCategory`) and,
//! deprecated but present, v3.2 and later (aave-dao/aave-v3-origin
//! `src/contracts/interfaces/IPool.sol`, returning `DataTypes.EModeCategoryLegacy` with
//! `priceSource` always zero). Both return one struct `(uint16 ltv, uint16 liquidationThreshold,
//! uint16 liquidationBonus, address priceSource, string label)`, ABI-encoded as a dynamic tuple
//! (an offset word first), so the interface below declares the struct, not five flat returns.
//!
//! Figures, under `aaveEModes.<id>`: `ltv` and `liquidationThreshold` (fractions, raw bps),
//! `liquidationBonus` (fraction of the repaid debt, raw `1e4 + bps`). What the category does not
//! say: which reserves are in it, and (v3.2+) which of them have their LTV forced to zero inside
//! it. A target naming its `collateral` also reads that reserve's standing in the category
//! ([`super::emode_asset`]); `lending::live` says which presets take which figure.

use alloy_primitives::U256;
use alloy_sol_types::sol;
use serde::{Deserialize, Serialize};

use super::decode::{Figure, at_most, decoded, fig, shape};
use super::plan::{Call, Decode, call};
use super::request;
use super::rpc::Failure;
use crate::Error;

sol! {
    /// The Aave v3 Pool's E-mode getter (see the module docs for both versions' sources).
    interface IAavePoolEMode {
        struct EModeCategoryLegacy {
            uint16 ltv;
            uint16 liquidationThreshold;
            uint16 liquidationBonus;
            address priceSource;
            string label;
        }
        function getEModeCategoryData(uint8 id) external view returns (EModeCategoryLegacy memory);
    }
}

/// Longest E-mode label accepted, bytes (mainnet's are a few words: `ETH correlated`).
pub const MAX_LABEL_BYTES: usize = 128;

/// One E-mode category of an Aave v3 Pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AaveEModeTarget {
    /// The category's id in the lab (`core-1`: market and category).
    pub id: String,
    /// The market's Pool (proxy).
    pub pool: String,
    /// The category id on that Pool, `1..=255` (0 is "no E-mode").
    pub category: u8,
    /// A reserve (token address) whose standing in the category to read as well: its reserve
    /// id and the category's collateral and LTV-zero bitmaps ([`super::emode_asset`]). None when
    /// omitted.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub collateral: Option<String>,
}

/// The calls of `targets` (validated; errors name `aaveEModes[i].…`), appended to `out`.
pub(crate) fn calls(targets: &[AaveEModeTarget], out: &mut Vec<Call>) -> Result<(), Error> {
    request::list("aaveEModes", targets, |t| &t.id)?;
    for (i, t) in targets.iter().enumerate() {
        let pool = request::address(&format!("aaveEModes[{i}].pool"), &t.pool)?;
        if t.category == 0 {
            return Err(Error::OutOfRange {
                field: format!("aaveEModes[{i}].category"),
                value: 0.0,
                expected: "an E-mode category id in 1..=255 (0 means no E-mode)".to_owned(),
            });
        }
        let field = format!("aaveEModes.{}", t.id);
        out.push(call(
            &field,
            pool,
            IAavePoolEMode::getEModeCategoryDataCall { id: t.category },
            Decode::EMode,
        ));
        if let Some(asset) = &t.collateral {
            let asset = request::address(&format!("aaveEModes[{i}].collateral"), asset)?;
            super::emode_asset::calls(&field, pool, t.category, asset, out);
        }
    }
    Ok(())
}

/// The figures of a `getEModeCategoryData` answer. The PoolConfigurator's checks bound them
/// (`configureEModeCategory`, aave-v3-origin `PoolConfigurator.sol`): `ltv ≤ liquidationThreshold
/// ≤ 10,000` bps, `liquidationBonus > 10,000` and `percentMul(liquidationThreshold,
/// liquidationBonus) = ⌊(lt·lb + 5,000) / 10,000⌋ ≤ 10,000` (a liquidation never seizes more than
/// the collateral); a category never configured reads all zeros and is reported as missing.
pub(crate) fn figures(data: &[u8]) -> Result<Vec<Figure>, Failure> {
    let c = decoded::<IAavePoolEMode::getEModeCategoryDataCall>(data)?;
    if c.label.len() > MAX_LABEL_BYTES {
        return Err(shape(format!(
            "label of {} bytes (at most {MAX_LABEL_BYTES})",
            c.label.len()
        )));
    }
    let (ltv, lt, lb) = (
        U256::from(c.ltv),
        U256::from(c.liquidationThreshold),
        U256::from(c.liquidationBonus),
    );
    if lt.is_zero() {
        return Err(shape(
            "no E-mode category with this id (liquidation threshold 0)".to_owned(),
        ));
    }
    let lt = at_most("liquidationThreshold", lt, 10_000)?;
    if ltv > lt {
        return Err(shape(format!(
            "ltv {ltv} exceeds liquidationThreshold {lt}"
        )));
    }
    let seized = (lt * lb + U256::from(5_000u64)) / U256::from(10_000u64);
    if lb <= U256::from(10_000u64) || seized > U256::from(10_000u64) {
        return Err(shape(format!(
            "liquidationBonus {lb} must exceed 10000 (1e4 + bonus in bps) with percentMul(liquidationThreshold {lt}, liquidationBonus) ≤ 10000"
        )));
    }
    Ok(vec![
        fig("ltv", ltv, 1e4, "fraction"),
        fig("liquidationThreshold", lt, 1e4, "fraction"),
        Figure {
            name: "liquidationBonus".to_owned(),
            raw: Some(lb),
            value: (f64::from(lb) - 1e4) / 1e4,
            unit: "fraction of the repaid debt (raw: 1e4 + bps)",
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::{Address, hex};
    use alloy_sol_types::SolCall;

    fn answer(ltv: u16, lt: u16, lb: u16, label: &str) -> Vec<u8> {
        IAavePoolEMode::getEModeCategoryDataCall::abi_encode_returns(
            &IAavePoolEMode::EModeCategoryLegacy {
                ltv,
                liquidationThreshold: lt,
                liquidationBonus: lb,
                priceSource: Address::ZERO,
                label: label.to_owned(),
            },
        )
    }

    #[test]
    fn selector_and_struct_encoding() {
        // keccak256("getEModeCategoryData(uint8)")[..4] = 0x6c6f6ae1 (aave-v3-origin IPool.sol).
        let data = IAavePoolEMode::getEModeCategoryDataCall { id: 3 }.abi_encode();
        assert_eq!(hex::encode(&data[..4]), "6c6f6ae1");
        assert_eq!(data[35], 3);
        // The struct is a dynamic tuple: an offset word (0x20), then ltv, lt, lb, priceSource,
        // the label's offset (5 × 32 = 0xa0), its length and its bytes.
        let a = answer(9300, 9500, 10100, "ETH correlated");
        assert_eq!(a.len(), 32 * 8);
        assert_eq!(a[31], 0x20);
        assert_eq!(u16::from_be_bytes([a[62], a[63]]), 9300);
        assert_eq!(a[32 * 6 - 1], 0xa0);
        assert_eq!(a[32 * 7 - 1], 14);
    }

    #[test]
    fn figures_of_a_category() {
        // Core category 1 as aave-address-book lists it: 93% / 95% / 1%.
        let f = figures(&answer(9300, 9500, 10100, "ETH correlated")).unwrap();
        let got: Vec<(&str, f64)> = f.iter().map(|x| (x.name.as_str(), x.value)).collect();
        assert_eq!(
            got,
            [
                ("ltv", 0.93),
                ("liquidationThreshold", 0.95),
                ("liquidationBonus", 0.01)
            ]
        );
        assert_eq!(f[2].raw, Some(U256::from(10100u64)));
        // An LTV of 0 is a category whose collateral cannot back new borrows: read as it is.
        assert_eq!(figures(&answer(0, 9500, 10100, "x")).unwrap()[0].value, 0.0);
    }

    #[test]
    fn hostile_answers_are_typed_failures() {
        let bad = |data: &[u8]| match figures(data) {
            Err(Failure::UnexpectedShape { detail }) => detail,
            other => panic!("{other:?}"),
        };
        assert!(bad(&answer(0, 0, 0, "")).contains("no E-mode category"));
        assert!(bad(&answer(9600, 9500, 10100, "x")).contains("exceeds"));
        assert!(bad(&answer(9300, 10001, 10100, "x")).contains("exceeds 10000"));
        assert!(bad(&answer(9300, 9500, 10000, "x")).contains("liquidationBonus"));
        // 95% × 110% > 100%: a liquidation would seize more than the collateral; 95% × 105.26%
        // = 9999.97 rounds to 10000 and passes, 95% × 105.27% = 10000.65 rounds to 10001.
        assert!(bad(&answer(9300, 9500, 11000, "x")).contains("percentMul"));
        assert!(figures(&answer(9300, 9500, 10526, "x")).is_ok());
        assert!(bad(&answer(9300, 9500, 10527, "x")).contains("percentMul"));
        assert!(bad(&answer(9300, 9500, 10100, &"a".repeat(129))).contains("129 bytes"));
        // Short, empty, flat (no offset word) and dirty-padded answers do not decode.
        let good = answer(9300, 9500, 10100, "ETH correlated");
        // (The label claims 14 bytes; 10 are there.)
        assert!(bad(&good[..32 * 7 + 10]).contains("do not decode"));
        assert!(bad(&[]).contains("do not decode"));
        assert!(bad(&good[32..]).contains("do not decode"));
        let mut dirty = good.clone();
        dirty[32] = 1; // the ltv word's high byte: not a uint16
        assert!(bad(&dirty).contains("do not decode"));
    }

    #[test]
    fn category_zero_and_bad_pools_are_refused() {
        let t = |category: u8, pool: &str| AaveEModeTarget {
            id: "core-1".to_owned(),
            pool: pool.to_owned(),
            category,
            collateral: None,
        };
        let pool = "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2";
        let mut out = Vec::new();
        let e = calls(&[t(0, pool)], &mut out).unwrap_err();
        assert_eq!(e.field(), "aaveEModes[0].category");
        let e = calls(
            &[t(1, "0x87870bca3f3fD6335C3F4ce8392D69350B4fA4E2")],
            &mut out,
        );
        assert_eq!(e.unwrap_err().field(), "aaveEModes[0].pool");
        let e = calls(&[t(1, pool), t(3, pool)], &mut out).unwrap_err();
        assert_eq!(e.field(), "aaveEModes[1].id");
        calls(&[t(1, pool)], &mut out).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].function, "getEModeCategoryData(uint8)");
    }
}
