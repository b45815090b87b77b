//! The page sections of a document: the types of those that need one (slashing: events and
//! options; leverage: the loop, the cascade and the carry) and [`SECTIONS`], the one table that maps each
//! section to its checks, its engine call and the root of its error paths (`risk.paths`,
//! `bridge.chains[2].supply`, `slashing.events[0].avs`, `leverage.loop.deposit`,
//! `network.delegations[2].protocol`).

use serde::{Deserialize, Serialize};

use super::Scenario;
use super::carry_section::CarrySection;
use super::migrate::NETWORK_KEYS;
use super::parameters_section::ParametersSection;
use super::run::{DEFAULT_RISK_SEED, LeverageSectionReport, ScenarioReport};
use crate::Error;
use crate::bridge::bridge_exposure;
use crate::lending::{CascadeInput, LeverageInput, leverage_loop, liquidation_cascade};
use crate::parameters::parameter_workbench;
use crate::risk::{RiskModel, RiskOptions, RiskReport, SeedInput};
use crate::security::security_analysis;
use crate::slashing::events::{self, Registry};
use crate::slashing::timeline::{TimedAction, TimelineOptions, TimelineReport, apply_timeline};
use crate::slashing::{MAX_EVENTS, SlashEvent, SlashingOptions, apply_slashing};
use crate::yield_stack::yield_stack;

/// The Slashing page's what-if: a sequence of events applied in order to the network's
/// delegated stake, and the engine options.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SlashingSection {
    /// The events, in order (at most [`MAX_EVENTS`]); empty when omitted.
    #[serde(default)]
    pub events: Vec<SlashEvent>,
    /// Stake mode, total active balance (ETH), ETH slashed elsewhere (ETH); defaults when
    /// omitted.
    #[serde(default)]
    pub options: SlashingOptions,
    /// Slashing through time: block-numbered actions and their options, applied by
    /// [`apply_timeline`]; omitted when the page has none (documents without it stay valid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub timeline: Option<TimelineSection>,
}

/// A timeline in the document: `slashing.timeline`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineSection {
    /// The actions, in block order (at most [`crate::slashing::timeline::MAX_ACTIONS`]).
    #[serde(default)]
    pub actions: Vec<TimedAction>,
    /// Delays (blocks) and operators already slashed at block 0; defaults when omitted.
    #[serde(default)]
    pub options: TimelineOptions,
}

/// The timeline of a slashing section, its errors rooted at `timeline` (`timeline.actions[2]`).
fn run_timeline(s: &Scenario, t: &TimelineSection) -> Result<TimelineReport, Error> {
    apply_timeline(&s.network, &t.actions, &t.options).map_err(|e| {
        e.rebased("actions", "timeline.actions")
            .rebased("options", "timeline.options")
    })
}

/// The Leverage page's what-ifs: a looped position and a liquidation cascade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeverageSection {
    /// The looped position; JSON key `loop`.
    #[serde(rename = "loop")]
    pub leverage_loop: LeverageInput,
    /// The cascade of liquidations after a shock.
    pub cascade: CascadeInput,
    /// The loop's carry over a horizon under a rate model and utilisation path; omitted when
    /// the page has none (documents without it stay valid, with the page's default carry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub carry: Option<CarrySection>,
}

/// One page section of the document: how an engine error is placed in the document (under
/// the section's JSON key), the section's own checks against the network, and
/// the engine call that fills its part of the [`ScenarioReport`]. [`SECTIONS`] is the one table
/// both validation ([`validate_sections`]) and [`super::run_scenario`] go through.
pub(crate) struct Section {
    /// Re-roots an engine error at the section (`options.paths` → `risk.paths`), and a network
    /// path at the network (`delegations[2].protocol` → `network.delegations[2].protocol`).
    pub rebase: fn(Error) -> Error,
    /// Validates the section, if present, against the network.
    pub check: fn(&Scenario) -> Result<(), Error>,
    /// Runs the section's engine, if present, into the report.
    pub run: fn(&Scenario, &mut ScenarioReport) -> Result<(), Error>,
}

/// A network path (`operators[0]`, `delegations[2].protocol`) as a document path
/// (`network.operators[0]`).
fn network_root(e: Error) -> Error {
    NETWORK_KEYS
        .iter()
        .fold(e, |e, key| e.rebased(key, &format!("network.{key}")))
}

/// The sections in document order: yield, slashing, risk, security, leverage, bridge,
/// parameters.
pub(crate) const SECTIONS: [Section; 7] = [
    Section {
        rebase: |e| e.rebased("", "yieldStack"),
        check: |s| {
            s.yield_stack
                .as_ref()
                .map_or(Ok(()), |y| y.validate().map(|_| ()))
        },
        run: |s, r| {
            r.yield_stack = s.yield_stack.as_ref().map(yield_stack).transpose()?;
            Ok(())
        },
    },
    Section {
        rebase: |e| {
            network_root(e)
                .rebased("events", "slashing.events")
                .rebased("options", "slashing.options")
                .rebased("timeline", "slashing.timeline")
        },
        check: |s| s.slashing.as_ref().map_or(Ok(()), |x| slashing(s, x)),
        run: |s, r| {
            r.slashing = s
                .slashing
                .as_ref()
                .map(|x| apply_slashing(&s.network, &x.events, &x.options))
                .transpose()?;
            r.slashing_timeline = s
                .slashing
                .as_ref()
                .and_then(|x| x.timeline.as_ref())
                .map(|t| run_timeline(s, t))
                .transpose()?;
            Ok(())
        },
    },
    Section {
        rebase: |e| network_root(e).rebased("options", "risk"),
        check: |s| {
            s.risk.as_ref().map_or(Ok(()), |o| {
                o.validate()?;
                risk_references(s, o)
            })
        },
        run: |s, r| {
            r.risk = s.risk.as_ref().map(|o| run_risk(s, o)).transpose()?;
            Ok(())
        },
    },
    Section {
        rebase: |e| {
            network_root(e)
                .rebased("params", "security")
                .rebased("analysis", "security.analysis")
        },
        check: |s| s.security.as_ref().map_or(Ok(()), |p| security(s, p)),
        run: |s, r| {
            r.security = s
                .security
                .as_ref()
                .map(|p| security_analysis(&s.network, p))
                .transpose()?;
            Ok(())
        },
    },
    Section {
        rebase: |e| e.rebased("", "leverage"),
        check: |s| {
            s.leverage.as_ref().map_or(Ok(()), |l| {
                l.leverage_loop
                    .validate()
                    .map_err(|e| e.rebased("", "loop"))?;
                l.cascade.validate().map_err(|e| e.rebased("", "cascade"))?;
                l.carry
                    .as_ref()
                    .map_or(Ok(()), CarrySection::validate)
                    .map_err(|e| e.rebased("", "carry"))
            })
        },
        run: |s, r| {
            r.leverage = s
                .leverage
                .as_ref()
                .map(|l| -> Result<LeverageSectionReport, Error> {
                    let looped =
                        leverage_loop(&l.leverage_loop).map_err(|e| e.rebased("", "loop"))?;
                    Ok(LeverageSectionReport {
                        carry: l
                            .carry
                            .as_ref()
                            .map(|c| c.run(&l.leverage_loop, &looped))
                            .transpose()
                            .map_err(|e| e.rebased("", "carry"))?,
                        leverage_loop: looped,
                        cascade: liquidation_cascade(&l.cascade)
                            .map_err(|e| e.rebased("", "cascade"))?,
                    })
                })
                .transpose()?;
            Ok(())
        },
    },
    Section {
        rebase: |e| e.rebased("", "bridge"),
        check: |s| s.bridge.as_ref().map_or(Ok(()), |b| b.validate()),
        run: |s, r| {
            r.bridge = s.bridge.as_ref().map(bridge_exposure).transpose()?;
            Ok(())
        },
    },
    Section {
        rebase: |e| e.rebased("", "parameters"),
        check: |s| {
            s.parameters
                .as_ref()
                .map_or(Ok(()), ParametersSection::validate)
        },
        run: |s, r| {
            r.parameters = s
                .parameters
                .as_ref()
                .map(|p| parameter_workbench(&p.input).map_err(|e| e.rebased("", "input")))
                .transpose()?;
            Ok(())
        },
    },
];

/// Validates every section of `s` that is present (the network is checked by
/// [`Scenario::validate`]); errors name the section's path.
pub(crate) fn validate_sections(s: &Scenario) -> Result<(), Error> {
    SECTIONS
        .iter()
        .try_for_each(|section| (section.check)(s).map_err(section.rebase))
}

/// The Monte Carlo run of a document: seed [`DEFAULT_RISK_SEED`] when the section gives none.
fn run_risk(s: &Scenario, options: &RiskOptions) -> Result<RiskReport, Error> {
    let seeded;
    let options = if options.seed.is_none() {
        seeded = RiskOptions {
            seed: Some(SeedInput::Text(DEFAULT_RISK_SEED.to_string())),
            ..options.clone()
        };
        &seeded
    } else {
        options
    };
    RiskModel::new(&s.network, options).and_then(|m| m.run())
}

/// Event count, options and each event against the network (ids, allocations, fractions);
/// what only the run can know (e.g. more validators slashed than the operator still has) is
/// left to [`crate::slashing::apply_slashing`].
fn slashing(s: &Scenario, section: &SlashingSection) -> Result<(), Error> {
    if section.events.len() > MAX_EVENTS {
        return Err(Error::OutOfRange {
            field: "events".to_owned(),
            value: section.events.len() as f64,
            expected: format!("at most {MAX_EVENTS} events"),
        });
    }
    events::beacon_context(&section.options)?;
    let registry = Registry::new(&s.network);
    for (i, e) in section.events.iter().enumerate() {
        events::expand(e, i, &registry)?;
    }
    // A timeline is valid when it runs: every revert and id is only known by replaying it.
    section
        .timeline
        .as_ref()
        .map_or(Ok(()), |t| run_timeline(s, t).map(|_| ()))
}

/// The risk options' per-operator and per-AVS overrides name operators and AVSs of the network.
fn risk_references(s: &Scenario, r: &crate::risk::RiskOptions) -> Result<(), Error> {
    let p = &r.probabilities;
    for (i, o) in p.operators.iter().enumerate() {
        if !s.network.operators.iter().any(|x| x.id == o.operator) {
            return Err(Error::UnknownReference {
                field: format!("options.probabilities.operators[{i}].operator"),
                value: o.operator.clone(),
                target: "operator".to_owned(),
            });
        }
    }
    for (i, a) in p.avss.iter().enumerate() {
        if !s.network.avss.iter().any(|x| x.id == a.avs) {
            return Err(Error::UnknownReference {
                field: format!("options.probabilities.avss[{i}].avs"),
                value: a.avs.clone(),
                target: "AVS".to_owned(),
            });
        }
    }
    Ok(())
}

/// π and α per AVS against the network (one entry per AVS), the shock fraction, and the
/// shocked ids (a validator of the graph or an operator).
fn security(s: &Scenario, p: &crate::security::SecurityParams) -> Result<(), Error> {
    let g = crate::security::graph::Graph::from_network(&s.network, p.mode, &p.services)?;
    crate::validate::fraction("analysis.shockFraction", p.analysis.shock_fraction)?;
    for (i, id) in p.analysis.shocked.iter().flatten().enumerate() {
        let known = g
            .validators
            .iter()
            .any(|v| v.id == *id || v.operator == *id)
            || g.dropped.contains(id);
        if !known {
            return Err(Error::UnknownReference {
                field: format!("analysis.shocked[{i}]"),
                value: id.clone(),
                target: "validator or operator".to_owned(),
            });
        }
    }
    Ok(())
}
