//! The one error type of the crate: every variant names the offending field (a path such as
//! `protocols[2].feeOnRewards.value`) and the value that was rejected.

use serde::Serialize;

/// Why an input was rejected. Every variant carries the field path and the offending value, so
/// a form can show the message next to the right input and a JS caller can read `field`.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
#[non_exhaustive]
pub enum Error {
    /// A number is NaN or ±∞.
    #[error("{field}: must be a finite number, got {value}")]
    NotFinite {
        /// Path of the field.
        field: String,
        /// The rejected value, printed (`NaN`, `inf`, `-inf`).
        value: String,
    },
    /// A finite number outside the range the field allows.
    #[error("{field}: must be {expected}, got {value}")]
    OutOfRange {
        /// Path of the field.
        field: String,
        /// The rejected value.
        value: f64,
        /// The allowed range in words, e.g. `a fraction in 0..=1`.
        expected: String,
    },
    /// A text field that is empty, too long, or otherwise malformed.
    #[error("{field}: {reason}, got {value:?}")]
    InvalidText {
        /// Path of the field.
        field: String,
        /// The rejected text (truncated to 80 characters).
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An id that refers to nothing in the document.
    #[error("{field}: no {target} with id {value:?}")]
    UnknownReference {
        /// Path of the field.
        field: String,
        /// The dangling id.
        value: String,
        /// What kind of object the id should name (`operator`, `AVS`, `protocol`).
        target: String,
    },
    /// Two objects of the same kind share an id.
    #[error("{field}: id {value:?} is used more than once")]
    DuplicateId {
        /// Path of the second occurrence.
        field: String,
        /// The repeated id.
        value: String,
    },
    /// A collection whose entries must sum to at most a limit (e.g. allocations ≤ 100%).
    #[error("{field}: entries sum to {value}, which exceeds {limit}")]
    SumTooLarge {
        /// Path of the collection.
        field: String,
        /// The sum found.
        value: f64,
        /// The largest allowed sum.
        limit: f64,
    },
    /// A document that is not valid JSON or does not match the expected shape.
    #[error("{field}: {message}")]
    Parse {
        /// JSON path where parsing failed (`.` for the root).
        field: String,
        /// The parser's message.
        message: String,
    },
    /// An action of a timeline that the contracts would revert (a withdrawal completed inside its
    /// delay, an allocation modified while one is pending, …); `field` names the action
    /// (`actions[3]`) and `reason` the contract's rule.
    #[error("{field}: the contracts would revert: {reason}")]
    Reverted {
        /// Path of the action, `actions[i]` (or one of its fields).
        field: String,
        /// The rule that refuses it, with the contract error where there is one.
        reason: String,
    },
    /// An internal consistency check failed (an accounting invariant or an arithmetic bound that
    /// valid inputs cannot break): a bug in this crate, reported instead of a panic.
    #[error("{field}: internal check failed: {message}")]
    Invariant {
        /// What was being computed, e.g. `slashing.conservation`.
        field: String,
        /// What went wrong.
        message: String,
    },
}

impl Error {
    /// The path of the offending field, for placing the message next to its input.
    pub fn field(&self) -> &str {
        match self {
            Error::NotFinite { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::InvalidText { field, .. }
            | Error::UnknownReference { field, .. }
            | Error::DuplicateId { field, .. }
            | Error::SumTooLarge { field, .. }
            | Error::Parse { field, .. }
            | Error::Reverted { field, .. }
            | Error::Invariant { field, .. } => field,
        }
    }

    /// The same error with its field path re-rooted: a path starting with `from` (a whole
    /// segment: `from` itself, `from.…` or `from[…`) has that prefix replaced by `to`; with an
    /// empty `from`, every path is prefixed by `to` (`chains[2].supply` → `bridge.chains[2].supply`);
    /// with an empty `to`, the prefix is removed (`network.operators[0]` → `operators[0]`, and
    /// `network` itself → `.`, the whole document).
    /// Used to place an engine's errors inside a scenario document section.
    pub fn rebased(mut self, from: &str, to: &str) -> Error {
        let field = self.field_mut();
        let rest = if from.is_empty() {
            Some(if field.as_str() == "." {
                ""
            } else {
                field.as_str()
            })
        } else {
            field
                .strip_prefix(from)
                .filter(|r| r.is_empty() || r.starts_with('.') || r.starts_with('['))
        };
        if let Some(rest) = rest {
            let joined = if to.is_empty() {
                match rest.strip_prefix('.') {
                    Some(r) => r.to_owned(),
                    None if rest.is_empty() => ".".to_owned(),
                    None => rest.to_owned(),
                }
            } else if rest.is_empty() || rest.starts_with('.') || rest.starts_with('[') {
                format!("{to}{rest}")
            } else {
                format!("{to}.{rest}")
            };
            *field = joined;
        }
        self
    }

    fn field_mut(&mut self) -> &mut String {
        match self {
            Error::NotFinite { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::InvalidText { field, .. }
            | Error::UnknownReference { field, .. }
            | Error::DuplicateId { field, .. }
            | Error::SumTooLarge { field, .. }
            | Error::Parse { field, .. }
            | Error::Reverted { field, .. }
            | Error::Invariant { field, .. } => field,
        }
    }
}
