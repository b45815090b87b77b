//! Morpho's AdaptiveCurveIRM `rateAtTarget(id)` as a live figure (morpho-org/morpho-blue-irm
//! src/adaptive-curve-irm/AdaptiveCurveIrm.sol; constants in `libraries/ConstantsLib.sol`). The
//! borrow rate it gives with the market's utilisation is derived above the chain layer
//! (`lending::morpho_live`), from the figures of the same read.

use alloy_primitives::I256;

use super::decode::{Figure, shape};
use super::rpc::Failure;

/// Seconds in a year as the IRM counts them (`365 days`).
const SECONDS_PER_YEAR: u64 = 31_536_000;
/// `MIN_RATE_AT_TARGET` = 0.1% APR per second, WAD: `0.001e18 / 365 days`.
const MIN_RATE_AT_TARGET: u64 = 1_000_000_000_000_000 / SECONDS_PER_YEAR;
/// `MAX_RATE_AT_TARGET` = 200% APR per second, WAD: `2e18 / 365 days`.
const MAX_RATE_AT_TARGET: u64 = 2_000_000_000_000_000_000 / SECONDS_PER_YEAR;

/// The figure `rateAtTarget`: the stored per-second WAD as `raw`, its APR
/// (`raw × 31,536,000 / 1e18`, per year) as the value. Only 0 (never accrued) or a value within
/// `MIN_RATE_AT_TARGET..=MAX_RATE_AT_TARGET` can be stored (the IRM clamps every update);
/// anything else is an unexpected shape.
pub(crate) fn rate_at_target(r: I256) -> Result<Figure, Failure> {
    let ok = r.is_zero()
        || (I256::try_from(MIN_RATE_AT_TARGET).ok()..=I256::try_from(MAX_RATE_AT_TARGET).ok())
            .contains(&Some(r));
    if !ok {
        return Err(shape(format!(
            "rateAtTarget {r} is neither 0 nor within {MIN_RATE_AT_TARGET}..={MAX_RATE_AT_TARGET} (per second, WAD), which the IRM cannot store"
        )));
    }
    let raw = r.into_raw();
    let per_second = u64::try_from(raw).unwrap_or(0);
    Ok(Figure {
        name: "rateAtTarget".to_owned(),
        raw: Some(raw),
        value: (per_second as f64) * (SECONDS_PER_YEAR as f64) / 1e18,
        unit: "APR fraction (raw: per second, WAD; 0 = never accrued)",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::abi::IAdaptiveCurveIrm;
    use crate::chain::decode::figures;
    use crate::chain::plan::Decode;
    use alloy_primitives::U256;
    use alloy_sol_types::SolCall;

    fn word(hex: &str) -> Vec<u8> {
        alloy_primitives::hex::decode(hex).unwrap()
    }

    #[test]
    fn selector_and_encoding_are_the_interfaces() {
        // rateAtTarget(bytes32): keccak256 → 0x01977b57 (morpho-blue-irm IAdaptiveCurveIrm.sol).
        let id = alloy_primitives::B256::repeat_byte(0xab);
        let data = IAdaptiveCurveIrm::rateAtTargetCall { id }.abi_encode();
        assert_eq!(
            IAdaptiveCurveIrm::rateAtTargetCall::SIGNATURE,
            "rateAtTarget(bytes32)"
        );
        assert_eq!(
            &data[..4],
            &alloy_primitives::keccak256("rateAtTarget(bytes32)")[..4]
        );
        assert_eq!(data.len(), 36);
        assert_eq!(&data[4..], id.as_slice());
    }

    #[test]
    fn the_stored_rate_reads_as_its_apr() {
        // 1,268,391,679 per second (INITIAL_RATE_AT_TARGET, 4% APR): × 31,536,000 / 1e18 =
        // 0.039999999988… a year.
        let f = figures(
            Decode::MorphoRateAtTarget,
            &word("000000000000000000000000000000000000000000000000000000004b9a1eff"),
        )
        .unwrap();
        assert_eq!(f[0].raw, Some(U256::from(1_268_391_679u64)));
        assert_eq!(f[0].value, 1_268_391_679.0 * 31_536_000.0 / 1e18);
        assert!((f[0].value - 0.04).abs() < 1e-10);
        // Zero: a market whose interest never accrued.
        let zero = figures(Decode::MorphoRateAtTarget, &[0u8; 32]).unwrap();
        assert_eq!(zero[0].value, 0.0);
        // The bounds themselves are storable.
        assert_eq!(MIN_RATE_AT_TARGET, 31_709_791);
        assert_eq!(MAX_RATE_AT_TARGET, 63_419_583_967);
    }

    #[test]
    fn hostile_rates_are_unexpected_shapes() {
        let shape = |data: &[u8]| {
            matches!(
                figures(Decode::MorphoRateAtTarget, data),
                Err(Failure::UnexpectedShape { .. })
            )
        };
        // −1 (two's complement), 1 (below MIN), MAX + 1, short and oversized-length data.
        assert!(shape(&[0xff; 32]));
        let mut one = [0u8; 32];
        one[31] = 1;
        assert!(shape(&one));
        let mut above = [0u8; 32];
        above[24..].copy_from_slice(&(MAX_RATE_AT_TARGET + 1).to_be_bytes());
        assert!(shape(&above));
        assert!(shape(&[0u8; 31]));
        assert!(shape(&[]));
        // The largest storable value is read.
        let mut max = [0u8; 32];
        max[24..].copy_from_slice(&MAX_RATE_AT_TARGET.to_be_bytes());
        assert!(!shape(&max));
    }
}
