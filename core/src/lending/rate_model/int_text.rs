//! Contract integers (wei, ray, WAD, per-second WAD rates) as decimal strings in JSON, so a
//! value from a contract call reaches the model to the unit: a JS number holds only 53 bits,
//! a ray 90. `"1268391679"` is the integer 1,268,391,679; anything else (a sign where none is
//! allowed, a decimal point, an exponent, more digits than the type holds) is refused by the
//! reader, which names the field's JSON path.

use serde::{Deserialize, Deserializer, Serializer};

fn parse<'de, D, T>(d: D, what: &str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr,
{
    let text = String::deserialize(d)?;
    let plain = !text.is_empty()
        && text.len() <= 80
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || (i == 0 && b == b'-' && text.len() > 1));
    plain
        .then(|| text.parse::<T>().ok())
        .flatten()
        .ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected {what} as a string of decimal digits, got {:?}",
                text.chars().take(80).collect::<String>()
            ))
        })
}

/// `u128` as a decimal string (wei, ray, WAD).
pub mod unsigned {
    use super::*;

    /// Writes the integer's decimal digits.
    pub fn serialize<S: Serializer>(v: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    /// Reads a string of decimal digits, `0..=2^128 − 1`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        parse(d, "a whole number in 0..=2^128 − 1")
    }
}

/// `i128` as a decimal string (Morpho's signed WAD rates).
pub mod signed {
    use super::*;

    /// Writes the integer's decimal digits, with a leading `-` when negative.
    pub fn serialize<S: Serializer>(v: &i128, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    /// Reads an optionally negative string of decimal digits.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<i128, D::Error> {
        parse(d, "a whole number (128-bit, signed)")
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, serde::Serialize, Debug)]
    struct T {
        #[serde(with = "super::unsigned")]
        u: u128,
        #[serde(with = "super::signed")]
        i: i128,
    }

    #[test]
    fn digits_round_trip_and_anything_else_is_refused() {
        let t: T =
            serde_json::from_str(r#"{"u":"1000000000000000000000000000","i":"-42"}"#).unwrap();
        assert_eq!(t.u, 10u128.pow(27));
        assert_eq!(t.i, -42);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"u":"1000000000000000000000000000","i":"-42"}"#
        );
        for bad in [
            r#""-1""#, r#""1e3""#, r#""1.5""#, r#""""#, r#"" 1""#, "7", r#""+1""#,
        ] {
            let doc = format!(r#"{{"u":{bad},"i":"0"}}"#);
            assert!(
                serde_json::from_str::<T>(&doc).is_err(),
                "{bad} was accepted"
            );
        }
        let too_big = format!(r#"{{"u":"{}0","i":"0"}}"#, u128::MAX);
        assert!(serde_json::from_str::<T>(&too_big).is_err());
    }
}
