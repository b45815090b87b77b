//! Boundary checks shared by every constructor: each returns the value when it is acceptable and
//! an [`Error`] naming the field otherwise. Models behind the boundary may then assume finite,
//! in-range inputs.

use crate::Error;

/// Longest text a name or note may have, in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// `v` is neither NaN nor ±∞.
pub fn finite(field: &str, v: f64) -> Result<f64, Error> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::NotFinite {
            field: field.to_owned(),
            value: format!("{v}"),
        })
    }
}

/// `lo ≤ v ≤ hi`, with `expected` describing the range in words.
pub fn in_range(field: &str, v: f64, lo: f64, hi: f64, expected: &str) -> Result<f64, Error> {
    let v = finite(field, v)?;
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(Error::OutOfRange {
            field: field.to_owned(),
            value: v,
            expected: expected.to_owned(),
        })
    }
}

/// `lo < v ≤ hi` (open below: a positive amount or horizon), with `expected` describing the
/// range in words.
pub fn above_at_most(field: &str, v: f64, lo: f64, hi: f64, expected: &str) -> Result<f64, Error> {
    let v = finite(field, v)?;
    if v > lo && v <= hi {
        Ok(v)
    } else {
        Err(Error::OutOfRange {
            field: field.to_owned(),
            value: v,
            expected: expected.to_owned(),
        })
    }
}

/// A fraction in `0..=1`.
pub fn fraction(field: &str, v: f64) -> Result<f64, Error> {
    in_range(field, v, 0.0, 1.0, "a fraction in 0..=1")
}

/// A finite number `≥ 0`.
pub fn non_negative(field: &str, v: f64) -> Result<f64, Error> {
    in_range(field, v, 0.0, f64::MAX, "≥ 0")
}

/// Non-empty text of at most [`MAX_TEXT_CHARS`] characters.
pub fn text<'a>(field: &str, s: &'a str) -> Result<&'a str, Error> {
    let reason = if s.trim().is_empty() {
        "must not be empty"
    } else if s.chars().count() > MAX_TEXT_CHARS {
        "is longer than 2000 characters"
    } else {
        return Ok(s);
    };
    Err(Error::InvalidText {
        field: field.to_owned(),
        value: s.chars().take(80).collect(),
        reason: reason.to_owned(),
    })
}

/// An id: 1–64 characters from `a-z`, `0-9`, `-`, `_`.
pub fn id<'a>(field: &str, s: &'a str) -> Result<&'a str, Error> {
    let ok = (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(s)
    } else {
        Err(Error::InvalidText {
            field: field.to_owned(),
            value: s.chars().take(80).collect(),
            reason: "must be 1–64 characters from a-z, 0-9, '-', '_'".to_owned(),
        })
    }
}

/// `n ≤ max` for the length of a list at `field`; beyond, an [`Error::OutOfRange`] saying
/// "at most `max` `what`" (e.g. "at most 500 operators").
pub fn count_at_most(field: &str, n: usize, max: usize, what: &str) -> Result<usize, Error> {
    if n > max {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: n as f64,
            expected: format!("at most {max} {what}"),
        });
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_nan_and_names_the_field() {
        let e = fraction("fee", f64::NAN).unwrap_err();
        assert_eq!(e.field(), "fee");
        assert_eq!(e.to_string(), "fee: must be a finite number, got NaN");
    }

    #[test]
    fn fraction_bounds_are_inclusive() {
        assert_eq!(fraction("f", 0.0), Ok(0.0));
        assert_eq!(fraction("f", 1.0), Ok(1.0));
        assert_eq!(
            fraction("f", 1.5).unwrap_err().to_string(),
            "f: must be a fraction in 0..=1, got 1.5"
        );
        assert!(fraction("f", -0.1).is_err());
        assert!(non_negative("x", f64::INFINITY).is_err());
    }

    #[test]
    fn ids_and_text() {
        assert!(id("id", "ether-fi_2").is_ok());
        assert!(id("id", "Ether").is_err());
        assert!(id("id", "").is_err());
        assert!(text("name", "  ").is_err());
        assert!(text("name", &"x".repeat(MAX_TEXT_CHARS + 1)).is_err());
        assert_eq!(text("name", "ok"), Ok("ok"));
    }
}
