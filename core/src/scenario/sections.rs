//! The page sections of a document that need a type of their own (slashing: events and options;
//! leverage: the loop and the cascade), and the validation of every section present, each
//! engine's own checks with the section's path in front of the field (`risk.paths`,
//! `bridge.chains[2].supply`, `slashing.events[0].avs`, `leverage.loop.deposit`).

use serde::{Deserialize, Serialize};

use super::Scenario;
use crate::Error;
use crate::lending::{CascadeInput, LeverageInput};
use crate::slashing::events::{self, Registry};
use crate::slashing::{MAX_EVENTS, SlashEvent, SlashingOptions};

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
}

/// Validates every section of `s` that is present (the network is checked by
/// [`Scenario::validate`]); errors name the section's path.
pub(crate) fn validate_sections(s: &Scenario) -> Result<(), Error> {
    if let Some(y) = &s.yield_stack {
        y.validate().map_err(|e| e.rebased("", "yieldStack"))?;
    }
    if let Some(section) = &s.slashing {
        slashing(s, section).map_err(|e| {
            e.rebased("events", "slashing.events")
                .rebased("options", "slashing.options")
        })?;
    }
    if let Some(r) = &s.risk {
        r.validate().map_err(|e| e.rebased("options", "risk"))?;
        risk_references(s, r)?;
    }
    if let Some(p) = &s.security {
        security(s, p).map_err(|e| {
            e.rebased("params", "security")
                .rebased("analysis", "security.analysis")
                .rebased("scenario.avss", "avss")
        })?;
    }
    if let Some(l) = &s.leverage {
        l.leverage_loop
            .validate()
            .map_err(|e| e.rebased("", "leverage.loop"))?;
        l.cascade
            .validate()
            .map_err(|e| e.rebased("", "leverage.cascade"))?;
    }
    if let Some(b) = &s.bridge {
        b.validate().map_err(|e| e.rebased("", "bridge"))?;
    }
    Ok(())
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
    let registry = Registry::new(s);
    for (i, e) in section.events.iter().enumerate() {
        events::expand(e, i, &registry)?;
    }
    Ok(())
}

/// The risk options' per-operator and per-AVS overrides name operators and AVSs of the network.
fn risk_references(s: &Scenario, r: &crate::risk::RiskOptions) -> Result<(), Error> {
    let p = &r.probabilities;
    for (i, o) in p.operators.iter().enumerate() {
        if !s.operators.iter().any(|x| x.id == o.operator) {
            return Err(Error::UnknownReference {
                field: format!("risk.probabilities.operators[{i}].operator"),
                value: o.operator.clone(),
                target: "operator".to_owned(),
            });
        }
    }
    for (i, a) in p.avss.iter().enumerate() {
        if !s.avss.iter().any(|x| x.id == a.avs) {
            return Err(Error::UnknownReference {
                field: format!("risk.probabilities.avss[{i}].avs"),
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
    let g = crate::security::graph::Graph::from_scenario(s, p.mode, &p.services)?;
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
