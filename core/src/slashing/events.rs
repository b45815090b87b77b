//! The slashing events a user can stack, the engine options, and the expansion of each event into
//! elementary steps: one (operator, AVS) slash, or one beacon-chain penalty on an operator's
//! validators.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::consensus::beacon::{EFFECTIVE_BALANCE_INCREMENT, MAX_EFFECTIVE_BALANCE_ELECTRA_ETH};
use crate::network::{Network, StakeMode};
use crate::wad::{self, WEI_PER_GWEI};
use crate::{Error, validate};

/// Most events one sequence may hold (keeps every run bounded).
pub const MAX_EVENTS: usize = 1_000;

/// Total ETH staked assumed when the options omit it, ETH: [`crate::presets::TOTAL_STAKED_ETH`]
/// (36M ETH, from coinfeather.com, a secondary source).
fn default_total_active_balance_eth() -> f64 {
    crate::presets::TOTAL_STAKED_ETH
}

/// Options of a slashing run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SlashingOptions {
    /// AVS-slashing semantics; default `uniqueStake`.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub mode: StakeMode,
    /// The beacon chain's total active balance, ETH, `1..=1e9`; default 36M ETH. Sets the base
    /// reward and the correlation penalty's denominator.
    #[serde(default = "default_total_active_balance_eth")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub total_active_balance_eth: f64,
    /// Effective balance slashed network-wide in the same 8192-epoch window by validators outside
    /// this sequence, ETH, `0..=1e9`; default 0. The window also holds every `beaconSlashing` event
    /// of the sequence (they are taken to fall within 36 days of each other).
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub other_slashed_eth: f64,
}

impl Default for SlashingOptions {
    fn default() -> Self {
        SlashingOptions {
            mode: StakeMode::UniqueStake,
            total_active_balance_eth: default_total_active_balance_eth(),
            other_slashed_eth: 0.0,
        }
    }
}

/// One event of a slashing sequence. Fractions are `wadsToSlash` as fractions in `(0, 1]`
/// (0.08 = an 8% slash = `8e16` WAD); like `AllocationManager.slashOperator`, 0 is rejected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum SlashEvent {
    /// The operator faults on one AVS, which slashes `fraction` of the operator's allocation to it
    /// (unique stake) or of its network stake (shared stake).
    OperatorFault {
        /// Operator id.
        operator: String,
        /// AVS id; the operator must have an allocation to it.
        avs: String,
        /// `wadsToSlash` as a fraction in `(0, 1]`.
        fraction: f64,
    },
    /// The operator faults on every AVS it secures (a shared key or client bug): each AVS it has
    /// an allocation to slashes `fraction`, in the scenario's allocation order.
    LayeredFault {
        /// Operator id.
        operator: String,
        /// `wadsToSlash` as a fraction in `(0, 1]`.
        fraction: f64,
    },
    /// A bug in the AVS slashes every operator registered with it by `fraction`, in the
    /// scenario's allocation order.
    AvsWide {
        /// AVS id.
        avs: String,
        /// `wadsToSlash` as a fraction in `(0, 1]`.
        fraction: f64,
    },
    /// `validators` of the operator's validators, each of effective balance
    /// `effectiveBalanceEth`, are slashed on the beacon chain (Electra penalties; see
    /// [`beacon`](crate::consensus::beacon)). The loss falls on the EigenPods of the stakers delegated to the
    /// operator, in proportion to their native ETH.
    BeaconSlashing {
        /// Operator id.
        operator: String,
        /// Number of validators slashed, `≥ 1`; their total effective balance may not exceed the
        /// operator's native ETH not yet slashed.
        validators: u32,
        /// Effective balance of each, whole ETH in `1..=2048`.
        effective_balance_eth: u32,
    },
    /// A beacon-chain balance drop of `amountEth` on the operator's EigenPods, as a checkpoint
    /// records it (e.g. the 16 ETH of `DualSlashingEdgeCase.md`), shared by the pods in
    /// proportion to their balances.
    BeaconBalanceDrop {
        /// Operator id.
        operator: String,
        /// ETH lost, `≥ 0` and at most the pods' remaining balance.
        amount_eth: f64,
    },
}

/// What a beacon-chain step does to the operator's pods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BeaconCause {
    /// `count` validators of `effective_balance` gwei each are slashed.
    Validators { count: u32, effective_balance: u128 },
    /// The pods lose `wei` in total.
    BalanceDrop { wei: u128 },
}

/// One elementary step of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Operator set `set` (index into the operator's allocations) slashes `wad`.
    Avs {
        operator: usize,
        set: usize,
        wad: u128,
    },
    /// A beacon-chain penalty on the operator's validators.
    Beacon { operator: usize, cause: BeaconCause },
}

/// Ids and registrations of a network, indexed for the expansion.
pub(crate) struct Registry<'a> {
    operators: HashMap<&'a str, usize>,
    avss: HashMap<&'a str, usize>,
    /// For each operator, `(AVS index, allocation index)` of each of its allocations (its
    /// operator sets), in scenario order.
    pub sets: Vec<Vec<(usize, usize)>>,
    /// For each AVS, its `(operator, set)` registrations in scenario order.
    pub members: Vec<Vec<(usize, usize)>>,
}

impl<'a> Registry<'a> {
    /// Indexes a validated network.
    pub fn new(network: &'a Network) -> Registry<'a> {
        let operators: HashMap<&str, usize> = network
            .operators
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let avss: HashMap<&str, usize> = network
            .avss
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut sets = vec![Vec::new(); network.operators.len()];
        let mut members = vec![Vec::new(); network.avss.len()];
        for (i, a) in network.allocations.iter().enumerate() {
            // The scenario is validated: both references resolve.
            if let (Some(&o), Some(&v)) =
                (operators.get(a.operator.as_str()), avss.get(a.avs.as_str()))
            {
                members[v].push((o, sets[o].len()));
                sets[o].push((v, i));
            }
        }
        Registry {
            operators,
            avss,
            sets,
            members,
        }
    }

    /// Index of operator `id`, or an error naming `field`.
    pub fn operator(&self, field: &str, id: &str) -> Result<usize, Error> {
        self.operators
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownReference {
                field: field.to_owned(),
                value: id.to_owned(),
                target: "operator".to_owned(),
            })
    }

    /// Index of AVS `id`, or an error naming `field`.
    pub fn avs(&self, field: &str, id: &str) -> Result<usize, Error> {
        self.avss
            .get(id)
            .copied()
            .ok_or_else(|| Error::UnknownReference {
                field: field.to_owned(),
                value: id.to_owned(),
                target: "AVS".to_owned(),
            })
    }
}

/// A slash fraction in `(0, 1]` as WAD; 0 is rejected like the contract's `InvalidWadToSlash`.
fn wad_to_slash(field: &str, fraction: f64) -> Result<u128, Error> {
    let w = wad::fraction_to_wad(field, fraction)?;
    if w == 0 {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: fraction,
            expected: "a slash fraction in (0, 1] (at least 1e-18)".to_owned(),
        });
    }
    Ok(w)
}

/// Validates event `index` and expands it into steps.
pub(crate) fn expand(
    event: &SlashEvent,
    index: usize,
    registry: &Registry,
) -> Result<Vec<Step>, Error> {
    let f = format!("events[{index}]");
    Ok(match event {
        SlashEvent::OperatorFault {
            operator,
            avs,
            fraction,
        } => {
            let o = registry.operator(&format!("{f}.operator"), operator)?;
            let v = registry.avs(&format!("{f}.avs"), avs)?;
            let wad = wad_to_slash(&format!("{f}.fraction"), *fraction)?;
            let set = registry.sets[o]
                .iter()
                .position(|&(x, _)| x == v)
                .ok_or_else(|| Error::UnknownReference {
                    field: format!("{f}.avs"),
                    value: avs.clone(),
                    target: format!("allocation of operator {operator:?}"),
                })?;
            vec![Step::Avs {
                operator: o,
                set,
                wad,
            }]
        }
        SlashEvent::LayeredFault { operator, fraction } => {
            let o = registry.operator(&format!("{f}.operator"), operator)?;
            let wad = wad_to_slash(&format!("{f}.fraction"), *fraction)?;
            (0..registry.sets[o].len())
                .map(|set| Step::Avs {
                    operator: o,
                    set,
                    wad,
                })
                .collect()
        }
        SlashEvent::AvsWide { avs, fraction } => {
            let v = registry.avs(&format!("{f}.avs"), avs)?;
            let wad = wad_to_slash(&format!("{f}.fraction"), *fraction)?;
            registry.members[v]
                .iter()
                .map(|&(operator, set)| Step::Avs { operator, set, wad })
                .collect()
        }
        SlashEvent::BeaconSlashing {
            operator,
            validators,
            effective_balance_eth,
        } => {
            let o = registry.operator(&format!("{f}.operator"), operator)?;
            if *validators == 0 {
                return Err(Error::OutOfRange {
                    field: format!("{f}.validators"),
                    value: 0.0,
                    expected: "at least 1 validator".to_owned(),
                });
            }
            if !(1..=MAX_EFFECTIVE_BALANCE_ELECTRA_ETH).contains(effective_balance_eth) {
                return Err(Error::OutOfRange {
                    field: format!("{f}.effectiveBalanceEth"),
                    value: f64::from(*effective_balance_eth),
                    expected: "a whole number of ETH in 1..=2048".to_owned(),
                });
            }
            vec![Step::Beacon {
                operator: o,
                cause: BeaconCause::Validators {
                    count: *validators,
                    effective_balance: u128::from(*effective_balance_eth)
                        * EFFECTIVE_BALANCE_INCREMENT,
                },
            }]
        }
        SlashEvent::BeaconBalanceDrop {
            operator,
            amount_eth,
        } => {
            let o = registry.operator(&format!("{f}.operator"), operator)?;
            let wei = wad::eth_to_wei(&format!("{f}.amountEth"), *amount_eth)?;
            vec![Step::Beacon {
                operator: o,
                cause: BeaconCause::BalanceDrop { wei },
            }]
        }
    })
}

/// Checks the options and returns `(total active balance, other slashed)` in gwei.
pub(crate) fn beacon_context(options: &SlashingOptions) -> Result<(u128, u128), Error> {
    validate::in_range(
        "options.totalActiveBalanceEth",
        options.total_active_balance_eth,
        1.0,
        crate::network::MAX_AMOUNT_ETH,
        "a balance in 1..=1e9 ETH",
    )?;
    let total = wad::eth_to_wei(
        "options.totalActiveBalanceEth",
        options.total_active_balance_eth,
    )? / WEI_PER_GWEI;
    let other =
        wad::eth_to_wei("options.otherSlashedEth", options.other_slashed_eth)? / WEI_PER_GWEI;
    Ok((total, other))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Network {
        Network::from_json(
            r#"{"protocols": [],
            "operators": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
            "avss": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
            "allocations": [
                {"operator": "a", "avs": "x", "magnitude": 0.2},
                {"operator": "b", "avs": "x", "magnitude": 0.3},
                {"operator": "a", "avs": "y", "magnitude": 0.4}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn events_expand_in_allocation_order() {
        let s = scenario();
        let r = Registry::new(&s);
        let layered = SlashEvent::LayeredFault {
            operator: "a".into(),
            fraction: 0.5,
        };
        let steps = expand(&layered, 0, &r).unwrap();
        // Operator a's sets: x (set 0), y (set 1).
        assert_eq!(
            steps,
            [
                Step::Avs {
                    operator: 0,
                    set: 0,
                    wad: wad::WAD / 2
                },
                Step::Avs {
                    operator: 0,
                    set: 1,
                    wad: wad::WAD / 2
                }
            ]
        );
        let wide = SlashEvent::AvsWide {
            avs: "x".into(),
            fraction: 1.0,
        };
        let steps = expand(&wide, 1, &r).unwrap();
        assert_eq!(
            steps,
            [
                Step::Avs {
                    operator: 0,
                    set: 0,
                    wad: wad::WAD
                },
                Step::Avs {
                    operator: 1,
                    set: 0,
                    wad: wad::WAD
                }
            ]
        );
    }

    #[test]
    fn bad_events_name_their_field() {
        let s = scenario();
        let r = Registry::new(&s);
        let cases = [
            (
                SlashEvent::OperatorFault {
                    operator: "b".into(),
                    avs: "y".into(),
                    fraction: 0.1,
                },
                "events[3].avs",
            ),
            (
                SlashEvent::OperatorFault {
                    operator: "z".into(),
                    avs: "x".into(),
                    fraction: 0.1,
                },
                "events[3].operator",
            ),
            (
                SlashEvent::AvsWide {
                    avs: "x".into(),
                    fraction: 0.0,
                },
                "events[3].fraction",
            ),
            (
                SlashEvent::LayeredFault {
                    operator: "a".into(),
                    fraction: 1.1,
                },
                "events[3].fraction",
            ),
            (
                SlashEvent::BeaconSlashing {
                    operator: "a".into(),
                    validators: 1,
                    effective_balance_eth: 4096,
                },
                "events[3].effectiveBalanceEth",
            ),
            (
                SlashEvent::BeaconSlashing {
                    operator: "a".into(),
                    validators: 0,
                    effective_balance_eth: 32,
                },
                "events[3].validators",
            ),
            (
                SlashEvent::BeaconBalanceDrop {
                    operator: "a".into(),
                    amount_eth: f64::NAN,
                },
                "events[3].amountEth",
            ),
        ];
        for (event, field) in cases {
            assert_eq!(
                expand(&event, 3, &r).unwrap_err().field(),
                field,
                "{event:?}"
            );
        }
        let e = expand(
            &SlashEvent::OperatorFault {
                operator: "b".into(),
                avs: "y".into(),
                fraction: 0.1,
            },
            0,
            &r,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "events[0].avs: no allocation of operator \"b\" with id \"y\""
        );
    }

    #[test]
    fn options_default_and_parse() {
        let o: SlashingOptions = serde_json::from_str("{}").unwrap();
        assert_eq!(o, SlashingOptions::default());
        assert_eq!(o.total_active_balance_eth, 36_000_000.0);
        assert_eq!(beacon_context(&o).unwrap(), (36_000_000 * 1_000_000_000, 0));
        let o: SlashingOptions = serde_json::from_str(r#"{"mode": "sharedStake"}"#).unwrap();
        assert_eq!(o.mode, StakeMode::SharedStake);
        let bad = SlashingOptions {
            total_active_balance_eth: 0.5,
            ..SlashingOptions::default()
        };
        assert_eq!(
            beacon_context(&bad).unwrap_err().field(),
            "options.totalActiveBalanceEth"
        );
        let e: SlashEvent = serde_json::from_str(
            r#"{"kind": "beaconBalanceDrop", "operator": "a", "amountEth": 16}"#,
        )
        .unwrap();
        assert_eq!(
            e,
            SlashEvent::BeaconBalanceDrop {
                operator: "a".into(),
                amount_eth: 16.0
            }
        );
    }
}
