//! The report of a slashing run. Every amount carries its exact integer (wei, as a decimal
//! string, since JS numbers cannot hold 1e18-scale integers exactly) and an `f64` view in ETH;
//! every fraction its WAD integer (decimal string) and an `f64` view in `0..=1`. Rows carry the
//! scenario's ids; events and steps are numbered by position (`events[2]`,
//! `events[2].steps[0]`), positions by their path (`positions[1]`).
//!
//! Two accounts of the same losses:
//! - **at the event** (`lostAtEvent`, `lostAtStep`): how much value disappeared when the event
//!   happened, given everything before it;
//! - **attributed** (`attributed`, every `byAvs`/`byOperator`/`byProtocol` breakdown): who ends up
//!   with the loss once the sequence is over. The beacon chain has priority (its loss is measured
//!   as if no AVS had slashed) and each AVS step gets what it removed from what the beacon chain
//!   left (`DualSlashingEdgeCase.md`: 32 ETH, a 75% AVS slash and a 16 ETH beacon-chain slash →
//!   beacon chain 16, AVS 12, staker keeps 4).
//!
//! Both accounts sum, to the wei, to `totals.slashed = totals.before − totals.after`.

use serde::{Deserialize, Serialize};

use std::collections::BTreeMap;

use super::engine::{Engine, Owner, Pools, StepOutcome, broken, overflow};
use super::events::{Registry, SlashEvent, Step};
use super::staker::Strategy;
use crate::Error;
use crate::consensus::beacon::ValidatorLoss;
use crate::network::Network;
use crate::network::StakeMode;
use crate::wad::{self, Amount, Fraction, Rounding, WAD};

/// Id used in `byProtocol` lists for the stake of delegators outside the scenario's protocols
/// (`operators[].otherDelegatedEth`); it cannot clash with a protocol id, which is lower case.
pub const OTHER_DELEGATORS_ID: &str = "otherDelegators";

/// A loss (or stake) attributed to one id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// Operator, AVS or protocol id ([`OTHER_DELEGATORS_ID`] for non-LRT delegators).
    pub id: String,
    /// The amount, ETH.
    pub amount: Amount,
}

/// Sums over all delegated stake in the scenario (every protocol's delegations and every
/// operator's other delegators; stake a protocol keeps undelegated is not included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// Delegated stake before the sequence (withdrawable + queued), ETH.
    pub before: Amount,
    /// After it, ETH.
    pub after: Amount,
    /// `before − after`, ETH.
    pub slashed: Amount,
    /// Part of `slashed` attributed to AVS slashes, ETH.
    pub slashed_by_avss: Amount,
    /// Part of `slashed` attributed to the beacon chain, ETH.
    pub slashed_by_beacon_chain: Amount,
}

/// The beacon-chain penalties of one slashed validator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValidatorPenalty {
    /// Initial penalty `EB/4096`, ETH.
    pub initial: Amount,
    /// Source and target penalties over the 8192 epochs to withdrawability, ETH.
    pub missed_attestations: Amount,
    /// Correlation penalty `EB·min(3·f, 1)` (spec integer form), ETH.
    pub correlation: Amount,
    /// Sum of the three, ETH.
    pub total: Amount,
}

impl From<ValidatorLoss> for ValidatorPenalty {
    fn from(l: ValidatorLoss) -> Self {
        ValidatorPenalty {
            initial: Amount::from_gwei(l.initial),
            missed_attestations: Amount::from_gwei(l.missed_attestations),
            correlation: Amount::from_gwei(l.correlation),
            total: Amount::from_gwei(l.total()),
        }
    }
}

/// What one step did, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum StepDetail {
    /// Unique stake: `AllocationManager.slashOperator` on one operator set (both strategies; the
    /// scenario allocates the same magnitude of each, so their ledgers move together).
    Magnitude {
        /// `wadsToSlash`.
        wad_to_slash: Fraction,
        /// The set's magnitude before, WAD.
        magnitude_before: Fraction,
        /// `⌈magnitude · wadToSlash⌉`, WAD.
        slashed_magnitude: Fraction,
        /// The set's magnitude after, WAD.
        magnitude_after: Fraction,
        /// `maxMagnitude` before, WAD.
        max_magnitude_before: Fraction,
        /// `maxMagnitude` after, WAD.
        max_magnitude_after: Fraction,
        /// `slashedMagnitude / maxMagnitude_before`: share of all the operator's stake lost.
        wad_slashed: Fraction,
        /// Operator shares removed, `op − ⌈op·newMax/prevMax⌉`, summed over strategies, ETH.
        operator_shares_slashed: Amount,
        /// Queued-withdrawal shares burned, `q·(prevMax − newMax)`, summed over strategies, ETH.
        queued_shares_slashed: Amount,
    },
    /// Unique stake: the set's magnitude is 0, so the contract skips it.
    ZeroMagnitude,
    /// Shared stake: one network slashes the operator's vaults (both strategies).
    Vault {
        /// Share of the network stake requested.
        wad_to_slash: Fraction,
        /// The network limit, share of the active stake at capture.
        network_limit: Fraction,
        /// `⌈stake · w⌉`, ETH.
        requested: Amount,
        /// What the network could still take since the capture, ETH.
        network_slashable: Amount,
        /// What the vaults paid (capped first come, first served), ETH.
        slashed: Amount,
        /// `requested − slashed`: the part of the claim no collateral was left for, ETH.
        shortfall: Amount,
    },
    /// Validators slashed on the beacon chain (Electra).
    BeaconSlashing {
        /// Number of validators.
        validators: u32,
        /// Effective balance of each, ETH.
        effective_balance_eth: u32,
        /// Loss of each validator by cause.
        per_validator: ValidatorPenalty,
        /// Balance decrease checkpointed in the pods, ETH (each pod's share rounded up, so it
        /// may exceed `validators × perValidator.total` by a few wei; capped at the pods).
        pod_balance_decrease: Amount,
    },
    /// A checkpointed beacon-chain balance drop.
    BeaconBalanceDrop {
        /// Balance decrease checkpointed in the pods, ETH.
        pod_balance_decrease: Amount,
    },
}

/// One elementary step of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StepReport {
    /// `events[i].steps[j]`.
    pub id: String,
    /// Operator id.
    pub operator: String,
    /// AVS id; `null` for a beacon-chain step.
    pub avs: Option<String>,
    /// Value the operator's stakers lost at this step, given the steps before it, ETH.
    pub lost_at_step: Amount,
    /// Loss attributed to this step at the end of the sequence, ETH.
    pub attributed: Amount,
    /// Mechanics of the step.
    pub detail: StepDetail,
}

/// One event of the sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EventReport {
    /// `events[i]`.
    pub id: String,
    /// The event as given.
    pub event: super::events::SlashEvent,
    /// Its steps, in order (none if, e.g., the operator has no allocations).
    pub steps: Vec<StepReport>,
    /// Σ `lostAtStep`, ETH.
    pub lost_at_event: Amount,
    /// Σ `attributed`, ETH.
    pub attributed: Amount,
}

/// The operator's stake in one strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StrategyReport {
    /// Which strategy.
    pub strategy: Strategy,
    /// Stakers' claims (withdrawable + queued) before, ETH.
    pub before: Amount,
    /// After, ETH.
    pub after: Amount,
    /// Unique stake: `DelegationManager.operatorShares` before (active stake only, contract
    /// rounding), ETH.
    pub operator_shares_before: Option<Amount>,
    /// Unique stake: `operatorShares` after, ETH.
    pub operator_shares_after: Option<Amount>,
    /// Shared stake: collateral left in the vault (active + pending withdrawals, before the
    /// beacon-chain factor), ETH.
    pub vault_after: Option<Amount>,
}

/// One operator × AVS registration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllocationReport {
    /// AVS id.
    pub avs: String,
    /// Unique stake: the set's magnitude before, WAD.
    pub magnitude_before: Option<Fraction>,
    /// Unique stake: after, WAD.
    pub magnitude_after: Option<Fraction>,
    /// Unique stake: `magnitude / maxMagnitude` before — the share of the operator's stake this
    /// AVS can slash.
    pub share_of_stake_before: Option<Fraction>,
    /// Unique stake: the same after (it rises when another set was slashed).
    pub share_of_stake_after: Option<Fraction>,
    /// Shared stake: the network limit, share of the active stake at capture.
    pub network_limit: Option<Fraction>,
    /// What a 100% slash by this AVS would have taken before the sequence, ETH.
    pub slashable_before: Amount,
    /// What it would take after, ETH.
    pub slashable_after: Amount,
    /// Loss attributed to this AVS on this operator, ETH.
    pub slashed: Amount,
}

/// One operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OperatorReport {
    /// Operator id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Stake delegated to it (withdrawable + queued, all strategies) before, ETH.
    pub before: Amount,
    /// After, ETH.
    pub after: Amount,
    /// `before − after`, ETH.
    pub slashed: Amount,
    /// Part of `slashed` attributed to the beacon chain, ETH.
    pub slashed_by_beacon_chain: Amount,
    /// Unique stake: `maxMagnitude` before, WAD.
    pub max_magnitude_before: Option<Fraction>,
    /// Unique stake: `maxMagnitude` after, WAD.
    pub max_magnitude_after: Option<Fraction>,
    /// Unique stake: `maxMagnitude − encumbered` before (not slashable by any AVS), WAD.
    pub non_slashable_before: Option<Fraction>,
    /// Unique stake: the same after (equal to before: slashes never touch it).
    pub non_slashable_after: Option<Fraction>,
    /// Per strategy.
    pub strategies: Vec<StrategyReport>,
    /// Per AVS registration, in scenario order.
    pub allocations: Vec<AllocationReport>,
    /// Loss by delegator, ETH.
    pub by_protocol: Vec<Share>,
}

/// One AVS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AvsReport {
    /// AVS id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Σ over its operators of what a 100% slash would take, before, ETH.
    pub secured_before: Amount,
    /// The same after, ETH.
    pub secured_after: Amount,
    /// Loss attributed to this AVS, ETH.
    pub slashed: Amount,
    /// By operator, ETH.
    pub by_operator: Vec<Share>,
    /// By delegator, ETH.
    pub by_protocol: Vec<Share>,
}

/// One protocol (LRT).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProtocolReport {
    /// Protocol id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Token symbol.
    pub token: String,
    /// Backing before: restaked ETH plus queued withdrawals, ETH.
    pub backing_before: Amount,
    /// Backing after, ETH.
    pub backing_after: Amount,
    /// `backingBefore − backingAfter`, ETH.
    pub loss: Amount,
    /// Part of `loss` attributed to the beacon chain, ETH.
    pub loss_by_beacon_chain: Amount,
    /// Exchange-rate factor `backingAfter / backingBefore` (floor), WAD.
    pub rate_factor: Fraction,
    /// Relative change of the exchange rate, `rateFactor − 1` (≤ 0), fraction.
    pub rate_change: f64,
    /// Exchange rate before, ETH per token, when the scenario gives it.
    pub exchange_rate_before: Option<f64>,
    /// Exchange rate after (`before × rateFactor`), ETH per token, when known.
    pub exchange_rate_after: Option<f64>,
    /// Loss by operator, ETH.
    pub by_operator: Vec<Share>,
    /// Loss by AVS, ETH.
    pub by_avs: Vec<Share>,
    /// Other protocols that lost through an operator this one also lost through.
    pub contagion_with: Vec<String>,
}

/// One of the user's positions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PositionReport {
    /// `positions[i]`.
    pub id: String,
    /// Protocol id.
    pub protocol: String,
    /// Value before, ETH.
    pub before: Amount,
    /// Value after, `⌊before · rateFactor⌋` computed exactly, ETH.
    pub after: Amount,
    /// `before − after`, ETH.
    pub loss: Amount,
}

/// An operator whose slashing hit two or more delegators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ContagionReport {
    /// Operator id.
    pub operator: String,
    /// Each delegator's loss through it, ETH.
    pub protocols: Vec<Share>,
}

/// A modelling choice in force for this run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ModelNote {
    /// Stable id, e.g. `sharedCapture`.
    pub id: String,
    /// The choice in words.
    pub text: String,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SlashingReport {
    /// Semantics used for AVS slashes.
    pub mode: StakeMode,
    /// Sums over all delegated stake.
    pub totals: Totals,
    /// Per event, in order.
    pub events: Vec<EventReport>,
    /// Per operator, in scenario order.
    pub operators: Vec<OperatorReport>,
    /// Per AVS, in scenario order.
    pub avss: Vec<AvsReport>,
    /// Per protocol with a restaking entry, in scenario order.
    pub protocols: Vec<ProtocolReport>,
    /// Per position, in scenario order.
    pub positions: Vec<PositionReport>,
    /// Operators whose slashing hit two or more delegators.
    pub contagion: Vec<ContagionReport>,
    /// Modelling choices in force.
    pub notes: Vec<ModelNote>,
}

/// Adds `amount` under `key`.
fn add<K: Ord>(map: &mut BTreeMap<K, u128>, key: K, amount: u128) {
    *map.entry(key).or_insert(0) += amount;
}

fn owner_id(network: &Network, owner: Owner) -> String {
    match owner {
        Owner::Protocol(p) => network.protocols[p].id.clone(),
        Owner::Other => OTHER_DELEGATORS_ID.to_owned(),
    }
}

fn shares<K: Ord + Copy>(map: &BTreeMap<K, u128>, id: impl Fn(K) -> String) -> Vec<Share> {
    map.iter()
        .filter(|&(_, &v)| v > 0)
        .map(|(&k, &v)| Share {
            id: id(k),
            amount: Amount::from_wei(v),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
pub(super) fn build(
    network: &Network,
    events: &[SlashEvent],
    registry: &Registry,
    engine: &Engine,
    steps: &[(usize, Step)],
    outcomes: Vec<StepOutcome>,
    attributed: &[(usize, usize, u128)],
    slashable: [Vec<Vec<u128>>; 2],
) -> Result<SlashingReport, Error> {
    let step_avs = |k: usize| match steps[k].1 {
        Step::Avs { operator, set, .. } => Some(registry.sets[operator][set].0),
        Step::Beacon { .. } => None,
    };
    let step_operator = |k: usize| match steps[k].1 {
        Step::Avs { operator, .. } | Step::Beacon { operator, .. } => operator,
    };

    // Aggregate the attribution.
    let mut per_step = vec![0u128; steps.len()];
    let mut op_avs: BTreeMap<(usize, usize), u128> = BTreeMap::new();
    let mut op_owner: BTreeMap<(usize, Owner), u128> = BTreeMap::new();
    let mut op_beacon: BTreeMap<usize, u128> = BTreeMap::new();
    let mut avs_owner: BTreeMap<(usize, Owner), u128> = BTreeMap::new();
    let mut owner_avs: BTreeMap<(Owner, usize), u128> = BTreeMap::new();
    let mut owner_op: BTreeMap<(Owner, usize), u128> = BTreeMap::new();
    let mut owner_beacon: BTreeMap<Owner, u128> = BTreeMap::new();
    let (mut by_avss, mut by_beacon) = (0u128, 0u128);
    for &(k, s, amount) in attributed {
        per_step[k] += amount;
        let owner = engine.stakers[s].owner;
        let o = step_operator(k);
        add(&mut op_owner, (o, owner), amount);
        add(&mut owner_op, (owner, o), amount);
        match step_avs(k) {
            Some(v) => {
                add(&mut op_avs, (o, v), amount);
                add(&mut avs_owner, (v, owner), amount);
                add(&mut owner_avs, (owner, v), amount);
                by_avss += amount;
            }
            None => {
                add(&mut op_beacon, o, amount);
                add(&mut owner_beacon, owner, amount);
                by_beacon += amount;
            }
        }
    }

    // Values before and after, per staker.
    let finals = (0..engine.stakers.len())
        .map(|s| engine.current_value(s))
        .collect::<Result<Vec<_>, _>>()?;
    let before: u128 = engine.stakers.iter().map(|s| s.initial_value).sum();
    let after: u128 = finals.iter().sum();
    // Every staker's loss was checked non-negative in the attribution.
    let slashed = before - after;
    let lost_total: u128 = outcomes.iter().map(|o| o.lost).sum();
    if by_avss + by_beacon != slashed || lost_total != slashed {
        return Err(broken(
            "conservation",
            format!(
                "slashed {slashed} wei; attributed {}; lost at steps {lost_total}",
                by_avss + by_beacon
            ),
        ));
    }

    // Events and steps.
    let mut event_reports: Vec<EventReport> = events
        .iter()
        .enumerate()
        .map(|(i, e)| EventReport {
            id: format!("events[{i}]"),
            event: e.clone(),
            steps: Vec::new(),
            lost_at_event: Amount::from_wei(0),
            attributed: Amount::from_wei(0),
        })
        .collect();
    let mut event_sums = vec![(0u128, 0u128); events.len()];
    for (k, outcome) in outcomes.into_iter().enumerate() {
        let event = steps[k].0;
        let report = &mut event_reports[event];
        event_sums[event].0 += outcome.lost;
        event_sums[event].1 += per_step[k];
        report.steps.push(StepReport {
            id: format!("events[{event}].steps[{}]", report.steps.len()),
            operator: network.operators[step_operator(k)].id.clone(),
            avs: step_avs(k).map(|v| network.avss[v].id.clone()),
            lost_at_step: Amount::from_wei(outcome.lost),
            attributed: Amount::from_wei(per_step[k]),
            detail: outcome.detail,
        });
    }
    for (r, (lost, attr)) in event_reports.iter_mut().zip(event_sums) {
        r.lost_at_event = Amount::from_wei(lost);
        r.attributed = Amount::from_wei(attr);
    }

    let protocol_id = |o: Owner| owner_id(network, o);

    // Operators.
    let mut operators = Vec::with_capacity(network.operators.len());
    for (o, op) in network.operators.iter().enumerate() {
        let st = &engine.operators[o];
        let v_before: u128 = st
            .stakers
            .iter()
            .map(|&s| engine.stakers[s].initial_value)
            .sum();
        let v_after: u128 = st.stakers.iter().map(|&s| finals[s]).sum();
        let mut strategies = Vec::with_capacity(2);
        for strategy in Strategy::ALL {
            let j = strategy.index();
            let (mut sb, mut sa) = (0u128, 0u128);
            for &s in &st.stakers {
                let staker = &engine.stakers[s];
                sb += engine.strategy_value(staker, j, WAD, st.initial_state)?;
                sa += engine.strategy_value(
                    staker,
                    j,
                    staker.pod.beacon_chain_slashing_factor,
                    st.state(),
                )?;
            }
            let (shares_before, shares_after, vault_after) = match &st.pools {
                Pools::Unique {
                    operator_shares,
                    initial_operator_shares,
                    ..
                } => (
                    Some(Amount::from_wei(initial_operator_shares[j])),
                    Some(Amount::from_wei(operator_shares[j])),
                    None,
                ),
                Pools::Shared { vaults, .. } => {
                    (None, None, Some(Amount::from_wei(vaults[j].pool())))
                }
            };
            strategies.push(StrategyReport {
                strategy,
                before: Amount::from_wei(sb),
                after: Amount::from_wei(sa),
                operator_shares_before: shares_before,
                operator_shares_after: shares_after,
                vault_after,
            });
        }
        let allocations = registry.sets[o]
            .iter()
            .enumerate()
            .map(|(set, &(v, _))| {
                let (mb, ma, shb, sha, limit) = match &st.pools {
                    Pools::Unique {
                        ledger,
                        initial_ledger,
                        ..
                    } => (
                        Some(Fraction::from_wad(initial_ledger.allocation(set))),
                        Some(Fraction::from_wad(ledger.allocation(set))),
                        Some(Fraction::from_wad(initial_ledger.slashable_share(set))),
                        Some(Fraction::from_wad(ledger.slashable_share(set))),
                        None,
                    ),
                    Pools::Shared { limits, .. } => (
                        None,
                        None,
                        None,
                        None,
                        Some(Fraction::from_wad(limits[set])),
                    ),
                };
                AllocationReport {
                    avs: network.avss[v].id.clone(),
                    magnitude_before: mb,
                    magnitude_after: ma,
                    share_of_stake_before: shb,
                    share_of_stake_after: sha,
                    network_limit: limit,
                    slashable_before: Amount::from_wei(slashable[0][o][set]),
                    slashable_after: Amount::from_wei(slashable[1][o][set]),
                    slashed: Amount::from_wei(op_avs.get(&(o, v)).copied().unwrap_or(0)),
                }
            })
            .collect();
        let (max_before, max_after, ns_before, ns_after) = match &st.pools {
            Pools::Unique {
                ledger,
                initial_ledger,
                ..
            } => (
                Some(Fraction::from_wad(initial_ledger.max_magnitude())),
                Some(Fraction::from_wad(ledger.max_magnitude())),
                Some(Fraction::from_wad(initial_ledger.non_slashable())),
                Some(Fraction::from_wad(ledger.non_slashable())),
            ),
            Pools::Shared { .. } => (None, None, None, None),
        };
        let mine: BTreeMap<Owner, u128> = op_owner
            .iter()
            .filter(|((oo, _), _)| *oo == o)
            .map(|(&(_, owner), &v)| (owner, v))
            .collect();
        operators.push(OperatorReport {
            id: op.id.clone(),
            name: op.name.clone(),
            before: Amount::from_wei(v_before),
            after: Amount::from_wei(v_after),
            // Each staker's final value ≤ initial (checked in the attribution).
            slashed: Amount::from_wei(v_before - v_after),
            slashed_by_beacon_chain: Amount::from_wei(op_beacon.get(&o).copied().unwrap_or(0)),
            max_magnitude_before: max_before,
            max_magnitude_after: max_after,
            non_slashable_before: ns_before,
            non_slashable_after: ns_after,
            strategies,
            allocations,
            by_protocol: shares(&mine, protocol_id),
        });
    }

    // AVSs.
    let avss = network
        .avss
        .iter()
        .enumerate()
        .map(|(v, avs)| {
            let members = &registry.members[v];
            let secured =
                |t: usize| -> u128 { members.iter().map(|&(o, set)| slashable[t][o][set]).sum() };
            let by_op: BTreeMap<usize, u128> = op_avs
                .iter()
                .filter(|((_, vv), _)| *vv == v)
                .map(|(&(o, _), &x)| (o, x))
                .collect();
            let by_owner: BTreeMap<Owner, u128> = avs_owner
                .iter()
                .filter(|((vv, _), _)| *vv == v)
                .map(|(&(_, w), &x)| (w, x))
                .collect();
            AvsReport {
                id: avs.id.clone(),
                name: avs.name.clone(),
                secured_before: Amount::from_wei(secured(0)),
                secured_after: Amount::from_wei(secured(1)),
                slashed: Amount::from_wei(by_op.values().sum()),
                by_operator: shares(&by_op, |o| network.operators[o].id.clone()),
                by_protocol: shares(&by_owner, protocol_id),
            }
        })
        .collect();

    // Contagion: operators whose loss reached two or more protocols.
    let mut contagion = Vec::new();
    for (o, op) in network.operators.iter().enumerate() {
        let hit: BTreeMap<usize, u128> = op_owner
            .iter()
            .filter_map(|(&(oo, owner), &v)| match owner {
                Owner::Protocol(p) if oo == o && v > 0 => Some((p, v)),
                _ => None,
            })
            .collect();
        if hit.len() >= 2 {
            contagion.push(ContagionReport {
                operator: op.id.clone(),
                protocols: shares(&hit, |p| network.protocols[p].id.clone()),
            });
        }
    }

    // Protocols with a restaking entry.
    let mut protocols = Vec::new();
    let mut factors: BTreeMap<&str, (u128, u128)> = BTreeMap::new();
    for (p, protocol) in network.protocols.iter().enumerate() {
        let (Some(r), Some(backing_before)) =
            (network.restaking_of(&protocol.id), engine.backing[p])
        else {
            continue;
        };
        let loss: u128 = engine
            .stakers
            .iter()
            .enumerate()
            .filter(|(_, st)| st.owner == Owner::Protocol(p))
            // Non-negative: checked per staker in the attribution.
            .map(|(s, st)| st.initial_value - finals[s])
            .sum();
        let backing_after = backing_before.checked_sub(loss).ok_or_else(|| {
            broken(
                "conservation",
                format!("protocol {p} lost more than its backing"),
            )
        })?;
        factors.insert(protocol.id.as_str(), (backing_before, backing_after));
        let factor = if backing_before == 0 {
            WAD
        } else {
            wad::mul_div(backing_after, WAD, backing_before, Rounding::Down)
                .ok_or_else(|| overflow("rate"))?
        };
        let owner = Owner::Protocol(p);
        let by_op: BTreeMap<usize, u128> = owner_op
            .iter()
            .filter(|((w, _), _)| *w == owner)
            .map(|(&(_, o), &x)| (o, x))
            .collect();
        let by_avs: BTreeMap<usize, u128> = owner_avs
            .iter()
            .filter(|((w, _), _)| *w == owner)
            .map(|(&(_, v), &x)| (v, x))
            .collect();
        let contagion_with = network
            .protocols
            .iter()
            .filter(|other| {
                other.id != protocol.id
                    && contagion.iter().any(|c| {
                        c.protocols.iter().any(|s| s.id == protocol.id)
                            && c.protocols.iter().any(|s| s.id == other.id)
                    })
            })
            .map(|other| other.id.clone())
            .collect();
        protocols.push(ProtocolReport {
            id: protocol.id.clone(),
            name: protocol.name.clone(),
            token: protocol.token.clone(),
            backing_before: Amount::from_wei(backing_before),
            backing_after: Amount::from_wei(backing_after),
            loss: Amount::from_wei(loss),
            loss_by_beacon_chain: Amount::from_wei(owner_beacon.get(&owner).copied().unwrap_or(0)),
            rate_factor: Fraction::from_wad(factor),
            rate_change: -wad::wad_to_f64(WAD - factor.min(WAD)),
            exchange_rate_before: r.exchange_rate_eth,
            exchange_rate_after: r.exchange_rate_eth.map(|x| x * wad::wad_to_f64(factor)),
            by_operator: shares(&by_op, |o| network.operators[o].id.clone()),
            by_avs: shares(&by_avs, |v| network.avss[v].id.clone()),
            contagion_with,
        });
    }

    // Positions: each holder's claim falls with its protocol's backing.
    let positions = network
        .positions
        .iter()
        .enumerate()
        .map(|(i, pos)| {
            let amount = wad::eth_to_wei(&format!("positions[{i}].amountEth"), pos.amount_eth)?;
            let after = match factors.get(pos.protocol.as_str()) {
                Some(&(b, a)) if b > 0 => wad::mul_div(amount, a, b, Rounding::Down)
                    .ok_or_else(|| overflow("position"))?,
                _ => amount,
            };
            Ok(PositionReport {
                id: format!("positions[{i}]"),
                protocol: pos.protocol.clone(),
                before: Amount::from_wei(amount),
                after: Amount::from_wei(after),
                loss: Amount::from_wei(amount - after),
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    Ok(SlashingReport {
        mode: engine.mode,
        totals: Totals {
            before: Amount::from_wei(before),
            after: Amount::from_wei(after),
            slashed: Amount::from_wei(slashed),
            slashed_by_avss: Amount::from_wei(by_avss),
            slashed_by_beacon_chain: Amount::from_wei(by_beacon),
        },
        events: event_reports,
        operators,
        avss,
        protocols,
        positions,
        contagion,
        notes: notes(engine.mode),
    })
}

fn notes(mode: StakeMode) -> Vec<ModelNote> {
    let mut n = vec![
        (
            "decimals",
            "Fractions and ETH amounts are read as the decimals typed: exact to 18 places (1 wei, 1e-18 WAD), then rounded to the nearest unit, ties down.",
        ),
        (
            "stakers",
            "Each delegation is one EigenLayer staker with its own EigenPod; its stake is split native/LST by the protocol's nativeShare; LSTs count 1:1 in ETH and their own validators' slashing is not modelled.",
        ),
        (
            "queue",
            "Queued withdrawals entered the queue less than 14 days ago, so all of them are still slashable; an LRT's backing includes them and all its holders share their loss.",
        ),
        (
            "beaconPods",
            "A beacon-chain loss of an operator's validators falls on the pods delegated to it in proportion to their balances (each share rounded up, capped at the pod).",
        ),
        (
            "beaconWindow",
            "Slashed validators: balance equal to effective balance when slashed; total active balance constant; no inactivity leak; every beaconSlashing event of the sequence in the same 8192-epoch window.",
        ),
    ];
    match mode {
        StakeMode::UniqueStake => n.push((
            "magnitudes",
            "Allocations are settled (no pending allocation or deallocation) and the same magnitude of both strategies, so one ledger per operator serves both.",
        )),
        StakeMode::SharedStake => {
            n.push((
                "sharedVault",
                "Each operator's stake in a strategy is one Symbiotic vault with that operator only; an omitted network limit is the whole active stake (full restaking).",
            ));
            n.push((
                "sharedCapture",
                "All slashes share one capture timestamp, before the first event; requests are ⌈w · network stake⌉ and are paid first come, first served.",
            ));
            n.push((
                "sharedBeacon",
                "Beacon-chain slashing is applied as in EigenLayer (pod factor l with priority), so only the AVS semantics differ between the modes.",
            ));
        }
    }
    n.into_iter()
        .map(|(id, text)| ModelNote {
            id: id.to_owned(),
            text: text.to_owned(),
        })
        .collect()
}
