//! One reserve's standing in an Aave v3 E-mode category (issue 18): is it collateral there, and
//! is its LTV forced to zero there (the "LTV-zero" set: collateral that keeps its liquidation
//! threshold but backs no new borrow)?
//!
//! Three calls on the Pool, for a category target that names its `collateral`
//! ([`super::emode::AaveEModeTarget`]):
//! - `getReserveData(address)`, both Pool versions (`@aave/core-v3` `contracts/interfaces/IPool.sol`
//!   returning `DataTypes.ReserveData`; aave-dao/aave-v3-origin `src/contracts/interfaces/IPool.sol`
//!   returning `DataTypes.ReserveDataLegacy`, the same fifteen static fields): the reserve's `id`,
//!   its bit in every reserve bitmap. Figure `reserveId`, below `MAX_RESERVES_COUNT = 128`
//!   (`ReserveConfiguration.sol`); an asset whose `aTokenAddress` is zero is not a reserve of the
//!   Pool (a failure).
//! - `getEModeCategoryCollateralBitmap(uint8)` and `getEModeCategoryLtvzeroBitmap(uint8)`, v3.2 and
//!   later only (aave-v3-origin `IPool.sol`; a v3.0/v3.1 Pool reverts, and the figures are then
//!   missing): figures `collateralBitmap` and `ltvzeroBitmap`, `uint128`, bit `i` = reserve id `i`.
//!
//! [`collateral_standing`] reads the reserve's two bits from the three figures' exact integers.

use alloy_primitives::{Address, U256};
use alloy_sol_types::sol;

use super::decode::{Figure, decoded, fig, shape};
use super::plan::{Call, Decode, call};
use super::rpc::Failure;
use super::{LiveBasis, LiveRead};

sol! {
    /// The Aave v3 Pool's reserve and E-mode bitmap getters (see the module docs for sources).
    interface IAavePoolEModeAsset {
        struct ReserveDataLegacy {
            uint256 configuration;
            uint128 liquidityIndex;
            uint128 currentLiquidityRate;
            uint128 variableBorrowIndex;
            uint128 currentVariableBorrowRate;
            uint128 currentStableBorrowRate;
            uint40 lastUpdateTimestamp;
            uint16 id;
            address aTokenAddress;
            address stableDebtTokenAddress;
            address variableDebtTokenAddress;
            address interestRateStrategyAddress;
            uint128 accruedToTreasury;
            uint128 unbacked;
            uint128 isolationModeTotalDebt;
        }
        function getReserveData(address asset) external view returns (ReserveDataLegacy memory);
        function getEModeCategoryCollateralBitmap(uint8 id) external view returns (uint128);
        function getEModeCategoryLtvzeroBitmap(uint8 id) external view returns (uint128);
    }
}

/// `MAX_RESERVES_COUNT`: reserve ids are below it, one bit each in a `uint128` bitmap.
pub const MAX_RESERVES: u64 = 128;

/// Which of the three calls a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EModeAssetDecode {
    /// `getReserveData(asset)`: the reserve id.
    ReserveId,
    /// `getEModeCategoryCollateralBitmap(category)`.
    CollateralBitmap,
    /// `getEModeCategoryLtvzeroBitmap(category)`.
    LtvzeroBitmap,
}

/// The three calls for `asset` in `category` on `pool`, figures under `field`, appended to `out`.
pub(crate) fn calls(field: &str, pool: Address, category: u8, asset: Address, out: &mut Vec<Call>) {
    use EModeAssetDecode as D;
    use IAavePoolEModeAsset as P;
    let d = Decode::EModeAsset;
    out.push(call(
        field,
        pool,
        P::getReserveDataCall { asset },
        d(D::ReserveId),
    ));
    out.push(call(
        field,
        pool,
        P::getEModeCategoryCollateralBitmapCall { id: category },
        d(D::CollateralBitmap),
    ));
    out.push(call(
        field,
        pool,
        P::getEModeCategoryLtvzeroBitmapCall { id: category },
        d(D::LtvzeroBitmap),
    ));
}

/// The figure of one call's answer (bounds as the module lists them).
pub(crate) fn figures(d: EModeAssetDecode, data: &[u8]) -> Result<Vec<Figure>, Failure> {
    use IAavePoolEModeAsset as P;
    const BITMAP: &str = "bitmap (bit i = reserve id i)";
    Ok(match d {
        EModeAssetDecode::ReserveId => {
            let r = decoded::<P::getReserveDataCall>(data)?;
            if r.aTokenAddress == Address::ZERO {
                return Err(shape(
                    "the asset is not a reserve of this Pool (aTokenAddress is zero)".to_owned(),
                ));
            }
            if u64::from(r.id) >= MAX_RESERVES {
                return Err(shape(format!(
                    "reserve id {} is not below MAX_RESERVES_COUNT {MAX_RESERVES}",
                    r.id
                )));
            }
            vec![fig(
                "reserveId",
                U256::from(r.id),
                1.0,
                "index (the reserve's bit in the category's bitmaps)",
            )]
        }
        EModeAssetDecode::CollateralBitmap => {
            let b = decoded::<P::getEModeCategoryCollateralBitmapCall>(data)?;
            vec![fig("collateralBitmap", U256::from(b), 1.0, BITMAP)]
        }
        EModeAssetDecode::LtvzeroBitmap => {
            let b = decoded::<P::getEModeCategoryLtvzeroBitmapCall>(data)?;
            vec![fig("ltvzeroBitmap", U256::from(b), 1.0, BITMAP)]
        }
    })
}

/// A reserve's standing in an E-mode category at the read's block.
#[derive(Debug, Clone, PartialEq)]
pub struct CollateralStanding {
    /// The reserve's id (its bit), `0..128`.
    pub reserve_id: u8,
    /// The category's collateral bitmap has the reserve's bit.
    pub is_collateral: bool,
    /// The category's LTV-zero bitmap has the reserve's bit: inside the category its LTV is 0.
    pub ltv_zero: bool,
    /// Where the LTV-zero bitmap was read.
    pub basis: LiveBasis,
}

/// The standing of the collateral read under `field` (`aaveEModes.core-3`): bit `reserveId` of
/// `collateralBitmap` and of `ltvzeroBitmap`, from their exact integers; none unless all three
/// figures were read (a v3.0/v3.1 Pool has no such bitmaps).
///
/// ```
/// use restake_core::chain::{Head, LiveBasis, LiveRead, LiveValue, emode_asset::collateral_standing};
/// let basis = LiveBasis { chain_id: 1, block_number: 1, block_timestamp: 0,
///     address: "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2".into(), function: "f()".into() };
/// let v = |name: &str, raw: &str| LiveValue { field: format!("aaveEModes.core-3.{name}"),
///     raw: Some(raw.into()), value: raw.parse().unwrap(), unit: "bitmap".into(), basis: basis.clone() };
/// let head = Head { chain_id: 1, block_number: 1, block_timestamp: 0, block_hash: format!("0x{}", "0".repeat(64)) };
/// // Reserve id 3: bit 3 = 8. Collateral bitmap 0b1010 has it; LTV-zero bitmap 0b0010 does not.
/// let live = LiveRead { head, failures: vec![],
///     values: vec![v("reserveId", "3"), v("collateralBitmap", "10"), v("ltvzeroBitmap", "2")] };
/// let s = collateral_standing(&live, "aaveEModes.core-3").unwrap();
/// assert_eq!((s.reserve_id, s.is_collateral, s.ltv_zero), (3, true, false));
/// ```
pub fn collateral_standing(live: &LiveRead, field: &str) -> Option<CollateralStanding> {
    let raw = |name: &str| {
        let v = live.value(&format!("{field}.{name}"))?;
        Some((v.raw.as_deref()?.parse::<u128>().ok()?, v))
    };
    let (id, _) = raw("reserveId")?;
    let id = u8::try_from(id)
        .ok()
        .filter(|&i| u64::from(i) < MAX_RESERVES)?;
    let (collateral, _) = raw("collateralBitmap")?;
    let (ltv_zero, v) = raw("ltvzeroBitmap")?;
    let bit = |b: u128| (b >> id) & 1 == 1;
    Some(CollateralStanding {
        reserve_id: id,
        is_collateral: bit(collateral),
        ltv_zero: bit(ltv_zero),
        basis: v.basis.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::hex;
    use alloy_sol_types::SolCall;

    fn reserve(id: u16, a_token: Address) -> Vec<u8> {
        let mut r = IAavePoolEModeAsset::ReserveDataLegacy {
            configuration: U256::from(1u64),
            liquidityIndex: 0,
            currentLiquidityRate: 0,
            variableBorrowIndex: 0,
            currentVariableBorrowRate: 0,
            currentStableBorrowRate: 0,
            lastUpdateTimestamp: alloy_primitives::aliases::U40::ZERO,
            id,
            aTokenAddress: a_token,
            stableDebtTokenAddress: Address::ZERO,
            variableDebtTokenAddress: Address::ZERO,
            interestRateStrategyAddress: Address::ZERO,
            accruedToTreasury: 0,
            unbacked: 0,
            isolationModeTotalDebt: 0,
        };
        r.liquidityIndex = 10u128.pow(27);
        IAavePoolEModeAsset::getReserveDataCall::abi_encode_returns(&r)
    }

    fn bitmap(b: u128) -> Vec<u8> {
        IAavePoolEModeAsset::getEModeCategoryLtvzeroBitmapCall::abi_encode_returns(&b)
    }

    #[test]
    fn selectors_are_the_pools() {
        // aave-v3-origin IPool.sol: keccak256 of each signature, first four bytes.
        use IAavePoolEModeAsset as P;
        let a = Address::repeat_byte(0x11);
        let sel = |d: Vec<u8>| hex::encode(&d[..4]);
        assert_eq!(
            sel(P::getReserveDataCall { asset: a }.abi_encode()),
            "35ea6a75"
        );
        let c = P::getEModeCategoryCollateralBitmapCall { id: 3 }.abi_encode();
        assert_eq!((sel(c.clone()), c[35]), ("b0771dba".to_owned(), 3));
        assert_eq!(
            sel(P::getEModeCategoryLtvzeroBitmapCall { id: 3 }.abi_encode()),
            "fd89dee5"
        );
        // ReserveData is fifteen static words, returned inline (no offset word).
        let r = reserve(28, a);
        assert_eq!(r.len(), 15 * 32);
        assert_eq!(u16::from_be_bytes([r[7 * 32 + 30], r[7 * 32 + 31]]), 28);
    }

    #[test]
    fn figures_and_hostile_answers() {
        let a = Address::repeat_byte(0x11);
        let f = figures(EModeAssetDecode::ReserveId, &reserve(28, a)).unwrap();
        assert_eq!((f[0].name.as_str(), f[0].value), ("reserveId", 28.0));
        let bad = |d, data: &[u8]| match figures(d, data) {
            Err(Failure::UnexpectedShape { detail }) => detail,
            other => panic!("{other:?}"),
        };
        let r = EModeAssetDecode::ReserveId;
        assert!(bad(r, &reserve(0, Address::ZERO)).contains("not a reserve"));
        assert!(bad(r, &reserve(128, a)).contains("MAX_RESERVES_COUNT"));
        assert!(figures(r, &reserve(127, a)).is_ok());
        assert!(bad(r, &reserve(28, a)[..14 * 32]).contains("do not decode"));
        let l = EModeAssetDecode::LtvzeroBitmap;
        // The largest uint128 is read exactly (raw); one more bit is not a uint128.
        let f = figures(l, &bitmap(u128::MAX)).unwrap();
        assert_eq!(f[0].raw, Some(U256::from(u128::MAX)));
        let mut wide = bitmap(0);
        wide[15] = 1;
        assert!(bad(l, &wide).contains("do not decode"));
        assert!(bad(EModeAssetDecode::CollateralBitmap, &[]).contains("do not decode"));
    }

    fn read(figs: &[(&str, &str)]) -> LiveRead {
        let basis = LiveBasis {
            chain_id: 1,
            block_number: 24_000_000,
            block_timestamp: 0,
            address: "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2".to_owned(),
            function: "getEModeCategoryLtvzeroBitmap(uint8)".to_owned(),
        };
        LiveRead {
            head: super::super::Head {
                chain_id: 1,
                block_number: 24_000_000,
                block_timestamp: 0,
                block_hash: format!("0x{}", "0".repeat(64)),
            },
            values: figs
                .iter()
                .map(|(n, raw)| super::super::LiveValue {
                    field: format!("aaveEModes.core-3.{n}"),
                    raw: Some((*raw).to_owned()),
                    value: 0.0,
                    unit: "bitmap".to_owned(),
                    basis: basis.clone(),
                })
                .collect(),
            failures: vec![],
        }
    }

    #[test]
    fn standing_reads_the_reserve_bit_exactly() {
        // Bit 127 of a bitmap above 2^53: f64 could not hold it, the raw integer does.
        let top = (1u128 << 127) | 1;
        let s = collateral_standing(
            &read(&[
                ("reserveId", "127"),
                ("collateralBitmap", &top.to_string()),
                ("ltvzeroBitmap", &(1u128 << 126).to_string()),
            ]),
            "aaveEModes.core-3",
        )
        .unwrap();
        assert_eq!(
            (s.reserve_id, s.is_collateral, s.ltv_zero),
            (127, true, false)
        );
        // rsETH as reserve 40 in category 3's collateral and LTV-zero sets.
        let both = (1u128 << 40).to_string();
        let s = collateral_standing(
            &read(&[
                ("reserveId", "40"),
                ("collateralBitmap", &both),
                ("ltvzeroBitmap", &both),
            ]),
            "aaveEModes.core-3",
        )
        .unwrap();
        assert!(s.is_collateral && s.ltv_zero);
        // A missing bitmap (a v3.0 Pool) or an id out of range gives no standing.
        assert!(
            collateral_standing(
                &read(&[("reserveId", "40"), ("collateralBitmap", &both)]),
                "aaveEModes.core-3"
            )
            .is_none()
        );
        assert!(
            collateral_standing(
                &read(&[
                    ("reserveId", "128"),
                    ("collateralBitmap", "1"),
                    ("ltvzeroBitmap", "0")
                ]),
                "aaveEModes.core-3"
            )
            .is_none()
        );
    }
}
