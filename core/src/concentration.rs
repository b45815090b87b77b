//! Concentration of stake among node operators: the Herfindahl–Hirschman index and the Nakamoto
//! coefficient of a list of stakes, and each operator's delegated stake in a network.
//!
//! - **HHI** `= Σ sᵢ²` with `sᵢ = stakeᵢ / Σ stake` (shares as fractions, so `1/n ≤ HHI ≤ 1` for `n`
//!   operators with stake; 1 when one operator holds everything). The index is Herfindahl's and
//!   Hirschman's measure of market concentration, here on shares of stake, as in the HHI of
//!   operator concentration in `MinterGMT/restaking-research-visuals` (HHI over the operators of
//!   the top 30 AVSs) and in docs.eigenwatch.xyz (an operator risk score).
//! - **Nakamoto coefficient**: the fewest operators whose stake together **exceeds one third** of
//!   the total ([`NAKAMOTO_THRESHOLD`]). Srinivasan & Lee ("Quantifying Decentralization", 2017)
//!   defined the coefficient as the fewest entities that can compromise a system; for a
//!   proof-of-stake protocol with BFT finality that is more than one third of the stake, the part
//!   that can stop Casper FFG finality, which needs two thirds (Buterin & Griffith, "Casper the
//!   Friendly Finality Gadget", 2017). Durvasula & Roughgarden use the same α = 1/3 as an AVS's
//!   corruption threshold ("Robust Restaking Networks", arXiv:2407.21785).

use serde::Serialize;

use crate::network::Network;
use crate::{Error, validate};

/// The share of total stake a coalition must exceed to count towards the Nakamoto coefficient:
/// one third (see the [module documentation](self)).
pub const NAKAMOTO_THRESHOLD: f64 = 1.0 / 3.0;

/// HHI and Nakamoto coefficient of a list of stakes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Concentration {
    /// Operators with a positive stake, count.
    pub operators: usize,
    /// Total stake, ETH.
    pub total_eth: f64,
    /// `Σ sᵢ²` over the shares `sᵢ` of the total, in `[1/operators, 1]`.
    pub hhi: f64,
    /// Fewest operators whose stake together exceeds one third of the total, count.
    pub nakamoto: usize,
}

/// The concentration of `stakes` (ETH each, `field[i]` naming a bad one). Errors when a stake is
/// negative or not finite, or when no stake is positive (concentration is then undefined).
///
/// ```
/// // Shares 1/2, 1/4, 1/4: HHI = 1/4 + 1/16 + 1/16 = 0.375; the largest alone exceeds 1/3.
/// let c = restake_core::concentration::concentration("stakes", &[2.0, 1.0, 1.0]).unwrap();
/// assert_eq!((c.hhi, c.nakamoto), (0.375, 1));
/// ```
pub fn concentration(field: &str, stakes: &[f64]) -> Result<Concentration, Error> {
    for (i, &s) in stakes.iter().enumerate() {
        validate::in_range(
            &format!("{field}[{i}]"),
            s,
            0.0,
            f64::MAX,
            "a non-negative finite stake in ETH",
        )?;
    }
    let mut positive: Vec<f64> = stakes.iter().copied().filter(|&s| s > 0.0).collect();
    let total: f64 = positive.iter().sum();
    if positive.is_empty() || !total.is_finite() {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: positive.len() as f64,
            expected: "at least one operator with a positive stake, and a finite total".to_owned(),
        });
    }
    let hhi = positive.iter().map(|s| (s / total) * (s / total)).sum();
    positive.sort_by(|a, b| b.total_cmp(a));
    let mut held = 0.0;
    let mut nakamoto = positive.len();
    for (k, s) in positive.iter().enumerate() {
        held += s;
        if held / total > NAKAMOTO_THRESHOLD {
            nakamoto = k + 1;
            break;
        }
    }
    Ok(Concentration {
        operators: positive.len(),
        total_eth: total,
        hhi,
        nakamoto,
    })
}

/// Each operator's delegated stake in `scenario`, ETH, in operator order:
/// `Σ_d weight_d × restakedEth(protocol_d) + otherDelegatedEth` over the delegations `d` to the
/// operator (queued withdrawals leave the delegation, so they are not counted).
pub fn operator_stakes(network: &Network) -> Vec<f64> {
    network
        .operators
        .iter()
        .map(|o| {
            let delegated: f64 = network
                .delegations
                .iter()
                .filter(|d| d.operator == o.id)
                .map(|d| {
                    d.weight
                        * network
                            .restaking_of(&d.protocol)
                            .map_or(0.0, |r| r.restaked_eth)
                })
                .sum();
            delegated + o.other_delegated_eth
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_worked_example() {
        // Stakes 50, 30, 10, 10 (total 100): shares 0.5, 0.3, 0.1, 0.1.
        // HHI = 0.25 + 0.09 + 0.01 + 0.01 = 0.36. The largest holds 0.5 > 1/3: Nakamoto 1.
        let c = concentration("s", &[10.0, 50.0, 30.0, 10.0]).unwrap();
        assert!((c.hhi - 0.36).abs() < 1e-15);
        assert_eq!((c.nakamoto, c.operators, c.total_eth), (1, 4, 100.0));
        // Five equal operators: HHI = 5 × 0.04 = 0.2 = 1/n; one holds 0.2, two 0.4 > 1/3 ⇒ 2.
        let c = concentration("s", &[1.0; 5]).unwrap();
        assert!((c.hhi - 0.2).abs() < 1e-15);
        assert_eq!(c.nakamoto, 2);
        // Three equal operators: two hold 2/3 > 1/3, one holds exactly 1/3, which does not
        // exceed it ⇒ 2. Zero stakes are not operators.
        let c = concentration("s", &[3.0, 0.0, 3.0, 3.0]).unwrap();
        assert_eq!((c.nakamoto, c.operators), (2, 3));
        assert!((c.hhi - 1.0 / 3.0).abs() < 1e-15);
        // One operator: HHI 1, Nakamoto 1.
        let c = concentration("s", &[7.0]).unwrap();
        assert_eq!((c.hhi, c.nakamoto), (1.0, 1));
    }

    #[test]
    fn rejects_bad_stakes() {
        assert_eq!(
            concentration("s", &[1.0, -1.0]).unwrap_err().field(),
            "s[1]"
        );
        assert_eq!(concentration("s", &[f64::NAN]).unwrap_err().field(), "s[0]");
        assert_eq!(concentration("s", &[0.0, 0.0]).unwrap_err().field(), "s");
        assert_eq!(concentration("s", &[]).unwrap_err().field(), "s");
        assert_eq!(
            concentration("s", &[f64::MAX, f64::MAX])
                .unwrap_err()
                .field(),
            "s"
        );
    }

    #[test]
    fn stakes_of_the_demo_network() {
        let d = crate::network::demo::demo().unwrap();
        let stakes = operator_stakes(&d.network);
        // op-a: ether.fi 0.5 × 100,000 + 20,000 other = 70,000;
        // op-b: ether.fi 0.3 × 100,000 + Renzo 0.4 × 60,000 + 10,000 = 64,000.
        assert_eq!(stakes[0], 70_000.0);
        assert_eq!(stakes[1], 64_000.0);
    }
}
