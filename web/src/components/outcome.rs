//! The outcome of a what-if page's model run: the latest `Result` and the last valid report.
//!
//! A page builds its core input from signals and calls the engine inside [`Outcome::new`]; the
//! results panel draws [`Outcome::last_good`], so an invalid input leaves the last valid figures
//! on screen while [`Outcome::error_at`] puts the model's message next to the offending field.

use leptos::prelude::*;
use restake_core::Error;

/// The latest result of a model run and the last `Ok` report.
pub struct Outcome<T: Send + Sync + 'static> {
    /// The run's result, recomputed whenever a signal it reads changes.
    pub result: Memo<Result<T, Error>>,
    /// The last `Ok` report; `None` until the first valid run.
    pub last_good: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Outcome<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Outcome<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Outcome<T> {
    /// Runs `run` now and whenever a signal it reads changes, keeping the last `Ok` report.
    pub fn new(run: impl Fn() -> Result<T, Error> + Send + Sync + 'static) -> Self {
        let result = Memo::new(move |_| run());
        let last_good = RwSignal::new(None::<T>);
        Effect::new(move |_| {
            if let Ok(r) = result.get() {
                last_good.set(Some(r));
            }
        });
        Outcome { result, last_good }
    }

    /// The current error's message when its field path starts with `prefix` (e.g. `events[2]`).
    pub fn error_at(self, prefix: impl Into<String>) -> Signal<Option<String>> {
        let prefix = prefix.into();
        self.error_under(move || prefix.clone())
    }

    /// [`Outcome::error_at`] with a prefix that may change (tracked), e.g. the path of a row of a
    /// keyed list, `events[{index}]`, whose index moves when rows above it are removed.
    pub fn error_under(
        self,
        prefix: impl Fn() -> String + Send + Sync + 'static,
    ) -> Signal<Option<String>> {
        Signal::derive(move || {
            let prefix = prefix();
            self.result.with(|r| {
                r.as_ref()
                    .err()
                    .filter(|e| e.field().starts_with(&prefix))
                    .map(beside_field)
            })
        })
    }

    /// The current error's message when no field of the form shows it: its path starts with none
    /// of `shown`.
    pub fn other_error(self, shown: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.result.with(|r| {
                r.as_ref()
                    .err()
                    .filter(|e| !shown.iter().any(|p| e.field().starts_with(p)))
                    .map(in_words)
            })
        })
    }

    /// True while the inputs are invalid and the figures on screen are from an earlier run.
    pub fn stale(self) -> Signal<bool> {
        Signal::derive(move || {
            self.result.with(Result::is_err) && self.last_good.with(Option::is_some)
        })
    }

    /// The report to draw (tracked): the current one when the inputs are valid, else the last
    /// valid one; `None` only when no run has succeeded yet.
    pub fn report(self) -> Option<T> {
        self.result
            .with(|r| r.as_ref().ok().cloned())
            .or_else(|| self.last_good.get())
    }
}

/// The message of `result`'s error when its field path is exactly `field` (e.g.
/// `lrt.avss[2].reward`), for a page that routes a memoised run's errors field by field.
pub fn field_error<T: Clone + PartialEq + Send + Sync + 'static>(
    result: Memo<Result<T, Error>>,
    field: String,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        result.with(|r| {
            r.as_ref()
                .err()
                .filter(|e| e.field() == field)
                .map(beside_field)
        })
    })
}

/// The model's message for the field it is shown beside: the JSON path (`options.paths`) is
/// the program's word, not the user's, so it is left out — `Must be at most 10000000, got 2e7`.
pub fn beside_field(e: &Error) -> String {
    let full = e.to_string();
    let rest = full
        .strip_prefix(e.field())
        .and_then(|r| r.strip_prefix(": "))
        .unwrap_or(&full);
    capitalise(rest)
}

/// The model's message where no field shows it: the path's last name in words
/// (`options.probabilities.operatorFault` → `Operator fault`), then the reason.
pub fn in_words(e: &Error) -> String {
    let name = field_words(e.field());
    let reason = beside_field(e);
    if name.is_empty() {
        reason
    } else {
        format!("{}: {}", capitalise(&name), lower_first(&reason))
    }
}

/// `lrt.avss[2].faultProbability` → `fault probability`; `allocations[operator=op-a]` →
/// `allocations`: the last named step of a path, its camelCase split into words.
fn field_words(path: &str) -> String {
    let last = path
        .split('.')
        .rev()
        .map(|step| step.split('[').next().unwrap_or_default())
        .find(|step| !step.is_empty())
        .unwrap_or_default();
    let mut words = String::new();
    for c in last.chars() {
        if c.is_uppercase() {
            words.push(' ');
            words.extend(c.to_lowercase());
        } else {
            words.push(c);
        }
    }
    words
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_no_internal_path() {
        let e = Error::OutOfRange {
            field: "options.paths".into(),
            value: 2e7,
            expected: "at most 10000000".into(),
        };
        assert_eq!(beside_field(&e), "Must be at most 10000000, got 20000000");
        assert_eq!(
            in_words(&e),
            "Paths: must be at most 10000000, got 20000000"
        );
        let e = Error::SumTooLarge {
            field: "lrt.avss[].allocation".into(),
            value: 1.2,
            limit: 1.0,
        };
        assert_eq!(beside_field(&e), "Entries sum to 1.2, which exceeds 1");
        assert_eq!(
            field_words("options.probabilities.operatorFault"),
            "operator fault"
        );
        assert_eq!(field_words("allocations[operator=op-a]"), "allocations");
        assert_eq!(field_words("."), "");
    }
}
