//! Starting points for the Yield page and `yieldPresets()`: one [`YieldInput`] per protocol of
//! [`crate::presets::protocols`]. The fee on rewards is each protocol's (with its source or
//! assumption label); the base layer is `base` (consensus-spec APR at 36M ETH staked, Rated's
//! execution-layer APR); the AVS streams, their
//! allocations and fault probabilities have **no published figures** and are illustrative,
//! labelled assumptions listed in [`YieldPreset::notes`].

use serde::{Deserialize, Serialize};

use super::base::{BaseLayer, ConsensusApr};
use super::compounding::Compounding;
use super::input::{AvsReward, AvsStream, FeeScope, LrtInput, LstInput, YieldInput};
use crate::Error;
use crate::protocol::{Protocol, ProtocolKind};
use crate::source::Basis;

/// The basis of one preset figure, by its path in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct YieldNote {
    /// Path such as `lrt.feeOnRewards` or `lrt.avss` (the whole list).
    pub path: String,
    /// Where the figure comes from.
    pub basis: Basis,
}

/// One protocol's starting input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct YieldPreset {
    /// The protocol's id in the presets, e.g. `etherfi`.
    pub protocol: String,
    /// Display name, e.g. `ether.fi`.
    pub name: String,
    /// The input (valid).
    pub input: YieldInput,
    /// The basis of every figure in the input that is not the user's own choice (deposit,
    /// horizon and compounding are).
    pub notes: Vec<YieldNote>,
}

fn note(path: &str, basis: Basis) -> YieldNote {
    YieldNote {
        path: path.to_owned(),
        basis,
    }
}

fn assumption(path: &str, text: &str) -> YieldNote {
    note(
        path,
        Basis::Assumption {
            note: text.to_owned(),
        },
    )
}

fn source(citation: &str, date: &str) -> Basis {
    Basis::Source {
        citation: citation.to_owned(),
        date: date.to_owned(),
    }
}

/// Three illustrative AVS streams: one paid in ETH, one in EIGEN at the PIv1 emission rate, one
/// in a thinly traded AVS token. Allocations sum to 0.9.
fn illustrative_avss() -> Vec<AvsStream> {
    vec![
        AvsStream {
            name: "AVS A (paid in ETH)".to_owned(),
            allocation: 0.4,
            reward: AvsReward::Eth { apr: 0.01 },
            operator_commission: None,
            fault_probability: 0.01,
            slash_fraction: 0.1,
        },
        AvsStream {
            name: "EIGEN incentives".to_owned(),
            allocation: 0.3,
            reward: AvsReward::Token {
                token: "EIGEN".to_owned(),
                // 0.209 EIGEN per ETH per week × 52 weeks.
                tokens_per_eth_per_year: 10.868,
                token_price_eth: 0.0003,
                liquidity_haircut: 0.05,
            },
            operator_commission: None,
            fault_probability: 0.005,
            slash_fraction: 0.05,
        },
        AvsStream {
            name: "AVS C (own token)".to_owned(),
            allocation: 0.2,
            reward: AvsReward::Token {
                token: "AVSC".to_owned(),
                tokens_per_eth_per_year: 100.0,
                token_price_eth: 0.0002,
                liquidity_haircut: 0.3,
            },
            operator_commission: Some(0.2),
            fault_probability: 0.03,
            slash_fraction: 0.25,
        },
    ]
}

/// One preset per protocol, in the order of [`crate::presets::protocols`]. The LST baseline of
/// every preset is the preset LST (Lido wstETH) with its fee; an LST protocol gets no AVS streams
/// and no buffer, so its two columns agree.
///
/// # Example
/// ```
/// let p = restake_core::yield_stack::yield_presets().unwrap();
/// assert_eq!(p[0].protocol, "etherfi");
/// let r = restake_core::yield_stack::yield_stack(&p[0].input).unwrap();
/// assert!(r.lrt.net_apr > 0.0);
/// ```
pub fn yield_presets() -> Result<Vec<YieldPreset>, Error> {
    let protocols = crate::presets::protocols()?;
    let lst = protocols
        .iter()
        .find(|p| p.kind == ProtocolKind::Lst)
        .ok_or_else(|| Error::Invariant {
            field: "presets.protocols".to_owned(),
            message: "no LST among the preset protocols".to_owned(),
        })?;
    Ok(protocols.iter().map(|p| yield_preset(p, lst)).collect())
}

/// The yield preset of one protocol `p` against the LST baseline `lst`: `p`'s sourced fee on
/// rewards, the base layer at 36M ETH staked, EigenLayer's default 10% operator commission and,
/// for an LRT, the illustrative AVS streams (labelled assumptions in the notes).
pub fn yield_preset(p: &Protocol, lst: &Protocol) -> YieldPreset {
    let staked = source(
        "\">36 million ETH staked, ~30% of supply\" (coinfeather.com; secondary, not checked against a primary source)",
        "2026",
    );
    let execution = source(
        "Rated (rated.network), 30-day execution-layer APR 0.54%, as quoted by HashKey Cloud (not read from Rated directly)",
        "2024-07-09",
    );
    let commission = source(
        "ELIP-001: operator reward split default 10%, configurable per AVS 0–100% (eigenfoundation/ELIPs aa39caf)",
        "2026-07-14",
    );
    let is_lrt = p.kind == ProtocolKind::Lrt;
    let input = YieldInput {
        base: BaseLayer {
            consensus: ConsensusApr::FromStake {
                total_staked_eth: crate::presets::TOTAL_STAKED_ETH,
                participation: 1.0,
            },
            execution_apr: 0.0054,
        },
        lst: LstInput {
            token: lst.token.clone(),
            fee_on_rewards: lst.fee_on_rewards.value,
        },
        lrt: LrtInput {
            token: p.token.clone(),
            fee_on_rewards: p.fee_on_rewards.value,
            fee_applies_to: FeeScope::ALL,
            operator_commission: 0.10,
            buffer_share: if p.id == "etherfi" { 0.05 } else { 0.0 },
            avss: if is_lrt { illustrative_avss() } else { vec![] },
        },
        compounding: Compounding::Periodic {
            periods_per_year: 365,
        },
        deposit_eth: 10.0,
        horizon_years: 1.0,
    };
    let mut notes = vec![
        note("base.consensus.totalStakedEth", staked.clone()),
        assumption(
            "base.consensus.participation",
            "Full participation, as in the domain brief's 166.3/√S derivation; live participation is a little lower — set it.",
        ),
        note("base.executionApr", execution.clone()),
        note("lst.feeOnRewards", lst.fee_on_rewards.basis.clone()),
        note("lrt.feeOnRewards", p.fee_on_rewards.basis.clone()),
        assumption(
            "lrt.feeAppliesTo",
            "Which streams the fee is taken from is assumed to be all of them; check the protocol's terms (Renzo, for one, describes its fee as a share of restaking rewards).",
        ),
        note("lrt.operatorCommission", commission.clone()),
    ];
    if p.id == "etherfi" {
        notes.push(note(
            "lrt.bufferShare",
            source(
                "Chaos Labs on Aave governance /17402/4: the eETH liquidity pool held 40.6K WETH, more than 5% of supply",
                "2024-04",
            ),
        ));
    } else if is_lrt {
        notes.push(assumption(
            "lrt.bufferShare",
            "The idle withdrawal buffer is not in our sources; 0 assumed — set it.",
        ));
    }
    if is_lrt {
        notes.push(assumption(
            "lrt.avss",
            "Illustrative AVS streams: no published per-protocol AVS reward rates, allocations or fault probabilities exist in our sources (ELIP-001 and ELIP-014 define how AVS rewards are paid, not how much). Every rate, allocation, fault probability, slash fraction, token price and haircut here is made up to show the mechanics — replace them.",
        ));
        notes.push(note(
            "lrt.avss[1].reward.tokensPerEthPerYear",
            source(
                "ether.fi docs, LRT rewards distribution: PIv1 ≈ 0.209 EIGEN per restaked ETH per week (× 52), with ~4.2M ETH restaked; PIv2 (ELIP-011) changed the emission since",
                "2024-11",
            ),
        ));
    }
    YieldPreset {
        protocol: p.id.clone(),
        name: p.name.clone(),
        input,
        notes,
    }
}
