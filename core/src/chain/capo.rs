//! Aave's capped price adapters, CAPO (issue 18): what a request names ([`CapoAdapterTarget`]),
//! the six view calls of `IPriceCapAdapter` (bgd-labs/aave-capo `src/interfaces/IPriceCapAdapter.sol`;
//! `latestAnswer()` from its parent `ICLSynchronicityPriceAdapter`) and their figures.
//!
//! Figures, under `capoAdapters.<id>`: `latestAnswer` (the capped price, USD per token with the
//! adapter's 8 decimals), `ratio` (the uncapped exchange rate, `getRatio()`), `snapshotRatio`
//! (both ETH per token, 1e18: the ETH adapters are built with `ratioDecimals = 18`,
//! aave-capo `src/contracts/lst-adapters/*PriceCapAdapter.sol`), `snapshotTimestamp` (unix
//! seconds), `maxYearlyGrowthRatePercent` (fraction a year; raw in hundredths of a percent) and
//! `isCapped` (1 when `getRatio()` is above the cap now). Each is its own call: an adapter
//! deployed before a getter existed loses only that figure (a revert).

use alloy_primitives::{I256, U256};
use alloy_sol_types::sol;
use serde::{Deserialize, Serialize};

use super::decode::{Figure, at_most, decoded, fig, shape};
use super::plan::{Call, Decode, call};
use super::request;
use super::rpc::Failure;
use crate::Error;

sol! {
    /// The read interface of a CAPO adapter (aave-capo `IPriceCapAdapter`).
    interface IPriceCapAdapter {
        function latestAnswer() external view returns (int256);
        function getRatio() external view returns (int256);
        function getSnapshotRatio() external view returns (uint256);
        function getSnapshotTimestamp() external view returns (uint256);
        function getMaxYearlyGrowthRatePercent() external view returns (uint256);
        function isCapped() external view returns (bool);
    }
}

/// One CAPO adapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapoAdapterTarget {
    /// The adapter's id in the lab (`core-weETH`: market and asset).
    pub id: String,
    /// The adapter contract (the AaveOracle's source for the asset).
    pub adapter: String,
}

/// Which of the adapter's getters a call is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CapoDecode {
    LatestAnswer,
    Ratio,
    SnapshotRatio,
    SnapshotTimestamp,
    MaxYearlyGrowth,
    IsCapped,
}

/// The calls of `targets` (validated; errors name `capoAdapters[i].…`), appended to `out`.
pub(crate) fn calls(targets: &[CapoAdapterTarget], out: &mut Vec<Call>) -> Result<(), Error> {
    request::list("capoAdapters", targets, |t| &t.id)?;
    use CapoDecode as D;
    use IPriceCapAdapter as I;
    for (i, t) in targets.iter().enumerate() {
        let a = request::address(&format!("capoAdapters[{i}].adapter"), &t.adapter)?;
        let f = format!("capoAdapters.{}", t.id);
        out.push(call(
            &f,
            a,
            I::latestAnswerCall {},
            Decode::Capo(D::LatestAnswer),
        ));
        out.push(call(&f, a, I::getRatioCall {}, Decode::Capo(D::Ratio)));
        let snapshot = Decode::Capo(D::SnapshotRatio);
        out.push(call(&f, a, I::getSnapshotRatioCall {}, snapshot));
        let timestamp = Decode::Capo(D::SnapshotTimestamp);
        out.push(call(&f, a, I::getSnapshotTimestampCall {}, timestamp));
        let growth = Decode::Capo(D::MaxYearlyGrowth);
        out.push(call(&f, a, I::getMaxYearlyGrowthRatePercentCall {}, growth));
        out.push(call(&f, a, I::isCappedCall {}, Decode::Capo(D::IsCapped)));
    }
    Ok(())
}

const E18: u64 = 1_000_000_000_000_000_000;

/// A 1e18 ratio in `(0, 100]` ETH per token (as [`super::decode`]'s exchange rates).
fn ratio(name: &str, r: U256) -> Result<Figure, Failure> {
    if r.is_zero() || r > U256::from(100u64) * U256::from(E18) {
        return Err(shape(format!(
            "{name} {r} (1e18) is outside (0, 100] ETH per token"
        )));
    }
    Ok(fig(name, r, 1e18, "ETH per token"))
}

/// A signed answer that must be `≥ 0` (or `> 0` when `positive`), as a `U256`.
fn unsigned(name: &str, v: I256, positive: bool) -> Result<U256, Failure> {
    if v.is_negative() || positive && v.is_zero() {
        return Err(shape(format!("{name} = {v} is not positive")));
    }
    Ok(v.into_raw())
}

/// The figures of one getter's answer. Bounds: the ratios as exchange rates, `(0, 100]` ETH per
/// token; the price `0..=1e15` (USD 10 million per token at 8 decimals; CAPO answers 0 when a
/// feed is not positive); the snapshot timestamp and the yearly growth as their storage types
/// (`uint48`, `uint16`, aave-capo `PriceCapAdapterBase.sol`).
pub(crate) fn figures(d: CapoDecode, data: &[u8]) -> Result<Vec<Figure>, Failure> {
    use IPriceCapAdapter as I;
    Ok(vec![match d {
        CapoDecode::LatestAnswer => {
            let p = unsigned("latestAnswer", decoded::<I::latestAnswerCall>(data)?, false)?;
            fig(
                "latestAnswer",
                at_most("latestAnswer", p, 1_000_000_000_000_000)?,
                1e8,
                "USD per token (capped; raw: 8 decimals)",
            )
        }
        CapoDecode::Ratio => ratio(
            "ratio",
            unsigned("ratio", decoded::<I::getRatioCall>(data)?, true)?,
        )?,
        CapoDecode::SnapshotRatio => {
            ratio("snapshotRatio", decoded::<I::getSnapshotRatioCall>(data)?)?
        }
        CapoDecode::SnapshotTimestamp => fig(
            "snapshotTimestamp",
            at_most(
                "snapshotTimestamp",
                decoded::<I::getSnapshotTimestampCall>(data)?,
                (1u64 << 48) - 1,
            )?,
            1.0,
            "unix seconds",
        ),
        CapoDecode::MaxYearlyGrowth => fig(
            "maxYearlyGrowthRatePercent",
            at_most(
                "maxYearlyGrowthRatePercent",
                decoded::<I::getMaxYearlyGrowthRatePercentCall>(data)?,
                u64::from(u16::MAX),
            )?,
            1e4,
            "fraction a year (raw: hundredths of a percent)",
        ),
        CapoDecode::IsCapped => {
            let capped = decoded::<I::isCappedCall>(data)?;
            fig(
                "isCapped",
                U256::from(u8::from(capped)),
                1.0,
                "1 = the price is capped now, 0 = not",
            )
        }
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::hex;

    fn word(v: U256) -> Vec<u8> {
        v.to_be_bytes::<32>().to_vec()
    }

    fn one(d: CapoDecode, data: &[u8]) -> Figure {
        figures(d, data).unwrap().remove(0)
    }

    fn bad(d: CapoDecode, data: &[u8]) -> String {
        match figures(d, data) {
            Err(Failure::UnexpectedShape { detail }) => detail,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn selectors_are_the_adapters() {
        // Selectors as the interface's signatures hash (aave-capo IPriceCapAdapter.sol).
        let mut out = Vec::new();
        let t = CapoAdapterTarget {
            id: "core-weETH".to_owned(),
            adapter: "0x87625393534d5C102cADB66D37201dF24cc26d4C".to_owned(),
        };
        calls(&[t], &mut out).unwrap();
        let got: Vec<(String, &str)> = out
            .iter()
            .map(|c| (hex::encode(&c.data), c.function))
            .collect();
        assert_eq!(
            got,
            [
                ("50d25bcd".to_owned(), "latestAnswer()"),
                ("ec1ebd7a".to_owned(), "getRatio()"),
                ("fe4d9e79".to_owned(), "getSnapshotRatio()"),
                ("deb8c641".to_owned(), "getSnapshotTimestamp()"),
                ("caa4cdcf".to_owned(), "getMaxYearlyGrowthRatePercent()"),
                ("671528d4".to_owned(), "isCapped()"),
            ]
        );
        assert!(out.iter().all(|c| c.field == "capoAdapters.core-weETH"));
    }

    #[test]
    fn figures_of_the_weeth_deployment() {
        // weETH's deployment parameters (aave-capo scripts/DeployEthereum.s.sol): snapshot
        // 1.034656878645040505 ETH at 1711411200 (2024-03-26), 8.75% a year.
        let s = one(
            CapoDecode::SnapshotRatio,
            &word(U256::from(1_034_656_878_645_040_505u64)),
        );
        assert!(
            (s.value - 1.034_656_878_645_040_5).abs() < 1e-15,
            "{}",
            s.value
        );
        assert_eq!(s.raw, Some(U256::from(1_034_656_878_645_040_505u64)));
        let t = one(
            CapoDecode::SnapshotTimestamp,
            &word(U256::from(1_711_411_200u64)),
        );
        assert_eq!(t.value, 1_711_411_200.0);
        let g = one(CapoDecode::MaxYearlyGrowth, &word(U256::from(875u64)));
        assert_eq!((g.value, g.raw), (0.0875, Some(U256::from(875u64))));
        // A price of USD 3,207.12345678 and a ratio of 1.069.
        let p = one(
            CapoDecode::LatestAnswer,
            &word(U256::from(320_712_345_678u64)),
        );
        assert_eq!(p.value, 3_207.123_456_78);
        let r = one(
            CapoDecode::Ratio,
            &word(U256::from(1_069u64) * U256::from(E18 / 1000)),
        );
        assert_eq!(r.value, 1.069);
        assert_eq!(
            one(CapoDecode::IsCapped, &word(U256::from(1u64))).value,
            1.0
        );
        assert_eq!(one(CapoDecode::IsCapped, &word(U256::ZERO)).value, 0.0);
    }

    #[test]
    fn hostile_answers_are_typed_failures() {
        let minus_one = vec![0xff; 32];
        assert!(bad(CapoDecode::Ratio, &minus_one).contains("not positive"));
        assert!(bad(CapoDecode::LatestAnswer, &minus_one).contains("not positive"));
        assert!(bad(CapoDecode::Ratio, &word(U256::ZERO)).contains("not positive"));
        // As a uint256, 2^256 − 1 is far above 100 ETH per token.
        assert!(bad(CapoDecode::SnapshotRatio, &minus_one).contains("outside (0, 100]"));
        assert!(bad(CapoDecode::SnapshotRatio, &word(U256::ZERO)).contains("outside"));
        assert!(
            bad(CapoDecode::SnapshotTimestamp, &word(U256::from(1u64 << 48))).contains("exceeds")
        );
        assert!(bad(CapoDecode::MaxYearlyGrowth, &word(U256::from(65_536u64))).contains("exceeds"));
        assert!(
            bad(
                CapoDecode::LatestAnswer,
                &word(U256::from(1_000_000_000_000_001u64))
            )
            .contains("exceeds")
        );
        // A bool other than 0 or 1, short and long answers.
        assert!(bad(CapoDecode::IsCapped, &word(U256::from(2u64))).contains("do not decode"));
        assert!(bad(CapoDecode::Ratio, &[0u8; 31]).contains("do not decode"));
        assert!(bad(CapoDecode::SnapshotRatio, &[]).contains("do not decode"));
        // The CAPO price may be 0 (a non-positive feed): read as it is.
        assert_eq!(one(CapoDecode::LatestAnswer, &word(U256::ZERO)).value, 0.0);
    }

    #[test]
    fn bad_targets_are_refused() {
        let t = |id: &str, adapter: &str| CapoAdapterTarget {
            id: id.to_owned(),
            adapter: adapter.to_owned(),
        };
        let mut out = Vec::new();
        let e = calls(&[t("a", "0x1234")], &mut out).unwrap_err();
        assert_eq!(e.field(), "capoAdapters[0].adapter");
        let e = calls(
            &[t("a b", "0x87625393534d5C102cADB66D37201dF24cc26d4C")],
            &mut out,
        );
        assert_eq!(e.unwrap_err().field(), "capoAdapters[0].id");
        assert!(out.is_empty());
    }
}
