//! Provenance of every preset figure: either a cited source with its date, or an explicit,
//! labelled assumption that the user is invited to change.

use serde::{Deserialize, Serialize};

use crate::{Error, validate};

/// Where a value comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[serde(deny_unknown_fields)]
pub enum Basis {
    /// A published source: document, governance post, contract or article.
    Source {
        /// The reference as a reader can find it (title, URL or repository path).
        citation: String,
        /// Date of the source or of the snapshot read: ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or
        /// the word `undated` when the source carries no date.
        date: String,
    },
    /// No source was found; this value is a modelling assumption and says why it was chosen.
    Assumption {
        /// Why this value, and what would replace it.
        note: String,
    },
    /// Computed by this crate from other values, each with its own basis.
    Derived {
        /// The computation in words and symbols, e.g. `protocol delay + 14-day EigenLayer escrow`.
        formula: String,
        /// The bases of the inputs, in the order the formula names them.
        inputs: Vec<Basis>,
    },
}

impl Basis {
    /// Checks that the citation, date or note is present.
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        match self {
            Basis::Source { citation, date } => {
                validate::text(&format!("{field}.citation"), citation)?;
                validate::text(&format!("{field}.date"), date)?;
                let ok = date == "undated"
                    || date.len() >= 4
                        && date.chars().all(|c| c.is_ascii_digit() || c == '-')
                        && date.as_bytes()[..4].iter().all(u8::is_ascii_digit);
                if !ok {
                    return Err(Error::InvalidText {
                        field: format!("{field}.date"),
                        value: date.clone(),
                        reason: "must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or \"undated\""
                            .to_owned(),
                    });
                }
                Ok(())
            }
            Basis::Assumption { note } => {
                validate::text(&format!("{field}.note"), note).map(|_| ())
            }
            Basis::Derived { formula, inputs } => {
                validate::text(&format!("{field}.formula"), formula)?;
                inputs
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, b)| b.validate(&format!("{field}.inputs[{i}]")))
            }
        }
    }

    /// The notes of every assumption the value rests on (itself, or its inputs' at any depth),
    /// each once, in the order the basis names them; empty for a value that rests on sources
    /// alone.
    pub fn assumption_notes(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut stack = vec![self];
        while let Some(b) = stack.pop() {
            match b {
                Basis::Source { .. } => {}
                Basis::Assumption { note } => {
                    if !out.contains(note) {
                        out.push(note.clone());
                    }
                }
                Basis::Derived { inputs, .. } => stack.extend(inputs.iter().rev()),
            }
        }
        out
    }

    /// True when the value is an assumption or is derived from at least one assumption.
    pub fn rests_on_assumption(&self) -> bool {
        match self {
            Basis::Source { .. } => false,
            Basis::Assumption { .. } => true,
            Basis::Derived { inputs, .. } => inputs.iter().any(Basis::rests_on_assumption),
        }
    }
}

/// A value together with its [`Basis`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(rename = "Sourced_{T}")]
pub struct Sourced<T> {
    /// The value; its unit is documented on the field that holds the `Sourced`.
    pub value: T,
    /// Where the value comes from.
    pub basis: Basis,
}

#[cfg(test)]
mod tests {
    use super::Basis;

    #[test]
    fn assumption_notes_walk_the_inputs_once_each_in_order() {
        let a = |n: &str| Basis::Assumption { note: n.to_owned() };
        let src = Basis::Source {
            citation: "ELIP-002".to_owned(),
            date: "2026".to_owned(),
        };
        let inner = Basis::Derived {
            formula: "x".to_owned(),
            inputs: vec![a("first"), src.clone(), a("second")],
        };
        let outer = Basis::Derived {
            formula: "y".to_owned(),
            inputs: vec![inner, a("first"), a("third")],
        };
        assert_eq!(outer.assumption_notes(), ["first", "second", "third"]);
        assert!(src.assumption_notes().is_empty());
        assert_eq!(
            outer.assumption_notes().is_empty(),
            !outer.rests_on_assumption()
        );
    }
}
