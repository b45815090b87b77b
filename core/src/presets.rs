//! The built-in protocol profiles. The data lives in one reviewed file, `core/data/protocols.json`,
//! compiled into the crate; every figure in it carries a [`Basis`](crate::source::Basis) (a cited
//! source with its date, or a labelled assumption).

use crate::Error;
use crate::consensus::exit::ExitQueue;
use crate::network::Network;
use crate::protocol::Protocol;

/// The reviewed preset file, embedded at compile time.
const PROTOCOLS_JSON: &str = include_str!("../data/protocols.json");

/// EigenLayer's withdrawal escrow, `MIN_WITHDRAWAL_DELAY_BLOCKS` = 100,800 blocks, in blocks
/// (DelegationManager.md §Parameterization, Layr-Labs/eigenlayer-contracts f84a515, 2026-05-01).
pub const EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS: u32 = 100_800;

/// Ethereum slot time in seconds (one block per 12 s slot).
pub const SECONDS_PER_SLOT: u32 = 12;

/// [`EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS`] in days: `blocks × 12 s / 86,400 s` = 14 days.
pub fn eigenlayer_withdrawal_delay_days() -> f64 {
    f64::from(EIGENLAYER_WITHDRAWAL_DELAY_BLOCKS) * f64::from(SECONDS_PER_SLOT) / 86_400.0
}

/// Total ETH staked assumed by default, in ETH: ">36 million ETH staked, ~30% of supply"
/// (coinfeather.com, ~2026; a secondary source, not checked against a primary count).
pub const TOTAL_STAKED_ETH: f64 = 36_000_000.0;

/// The default beacon exit queue: nobody ahead (an assumption — the live queue is not in our
/// sources; the page lets the user set it) and S = [`TOTAL_STAKED_ETH`].
pub fn default_exit_queue() -> ExitQueue {
    ExitQueue {
        queued_eth: 0.0,
        total_staked_eth: TOTAL_STAKED_ETH,
    }
}

/// The preset protocols, parsed and validated: the source article's three (ether.fi weETH,
/// Renzo ezETH, Kelp DAO rsETH), then Puffer pufETH, Swell rswETH, YieldNest ynETH and the plain
/// LST baseline wstETH.
///
/// # Example
/// ```
/// let p = restake_core::presets::protocols().unwrap();
/// let tokens: Vec<&str> = p.iter().map(|p| p.token.as_str()).collect();
/// assert_eq!(tokens, ["weETH", "ezETH", "rsETH", "pufETH", "rswETH", "ynETH", "wstETH"]);
/// ```
pub fn protocols() -> Result<Vec<Protocol>, Error> {
    Ok(Network::from_json(PROTOCOLS_JSON)?.protocols)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Basis;

    #[test]
    fn seed_matrix_rows_are_verbatim() {
        let p = protocols().unwrap();
        let text = |s: &Option<crate::source::Sourced<String>>| s.as_ref().unwrap().value.clone();
        let rows: Vec<[String; 4]> = p[..3]
            .iter()
            .map(|p| {
                [
                    text(&p.node_operator_design),
                    text(&p.avs_allocation_selection),
                    text(&p.primary_focus),
                    text(&p.trust_marker),
                ]
            })
            .collect();
        assert_eq!(
            rows,
            [
                [
                    "Highly distributed, permissionless nodes",
                    "Driven by user choice and governance",
                    "Maximum DeFi liquidity integration",
                    "Smooth operational continuity"
                ],
                [
                    "Curated, professional operators",
                    "Algorithmic, fully automated selection",
                    "Hands-off risk-spread automation",
                    "Smooth operational scaling"
                ],
                [
                    "Curated, enterprise-grade operators",
                    "Curated via protocol management strategies",
                    "High cross-chain Layer 2 deployment",
                    "Recovering from April 2026 bridge exploit"
                ],
            ]
        );
    }

    #[test]
    fn sourced_facts_match_the_domain_brief() {
        let p = protocols().unwrap();
        assert_eq!(p[0].fee_on_rewards.value, 0.10);
        assert_eq!(p[1].fee_on_rewards.value, 0.10);
        // Kelp's fee is not published in our sources: it must be labelled as an assumption.
        assert!(p[2].fee_on_rewards.basis.rests_on_assumption());
        assert!(!p[0].fee_on_rewards.basis.rests_on_assumption());
        assert_eq!(p[1].withdrawal_delay_days.value, 3.0);
        assert_eq!(p[2].withdrawal_delay_days.value, 8.0);
        let ez_limit = p[1].bridges[0].rate_limit_per_day.as_ref().unwrap();
        assert_eq!(ez_limit.value, 2000.0);
    }

    #[test]
    fn every_preset_value_has_a_source_or_an_assumption_label() {
        // Validation rejects an empty citation, date or note; a missing basis fails to parse.
        for (i, p) in protocols().unwrap().iter().enumerate() {
            p.validate(&format!("protocols[{i}]")).unwrap();
            for b in &p.bridges {
                assert!(matches!(
                    b.basis,
                    Basis::Source { .. } | Basis::Assumption { .. }
                ));
            }
        }
    }

    #[test]
    fn escrow_is_fourteen_days() {
        assert_eq!(eigenlayer_withdrawal_delay_days(), 14.0);
    }
}
