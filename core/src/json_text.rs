//! Strict JSON text, the one way any JSON text enters the core (the scenario document and a bare
//! network alike): serde_json's parser (nesting capped at 128 levels) into a [`Value`], with
//! one rule serde_json leaves out: a key may appear only once in an object. `{"seed": 1,
//! "seed": 2}` is refused at `seed` instead of silently keeping the last value (RFC 8259 §4:
//! "The names within an object SHOULD be unique"; behaviour with duplicates is unpredictable
//! across parsers, so a document that means two things is not read at all).

use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess,
    SeqAccess, Visitor,
};
use serde_json::{Map, Value};

use crate::Error;

/// Parses `text` as one JSON value with unique keys. Errors are [`Error::Parse`] at the JSON
/// path reached (`network.operators[3].id` for a key given twice there, `.` at the top).
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
    de.end().map_err(|e| Error::Parse {
        field: ".".to_owned(),
        message: e.to_string(),
    })?;
    let Unique(value) = value;
    Ok(value)
}

/// Reads a parsed `value` into `T`; a mismatch (wrong type, unknown or missing field) is an
/// [`Error::Parse`] at its JSON path (`operators[0].id`; `.` at the top).
pub fn typed<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(path_error)
}

/// A serde error with the path it happened at, as an [`Error::Parse`]; a path serde_path_to_error
/// cannot name (`?`) is the whole value, `.`.
fn path_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> Error {
    let field = match e.path().to_string() {
        p if p == "?" => ".".to_owned(),
        p => p,
    };
    Error::Parse {
        field,
        message: e.into_inner().to_string(),
    }
}

/// A JSON value read with unique keys (see the module documentation).
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, x: i64) -> Result<Value, E> {
        Ok(Value::from(x))
    }

    fn visit_u64<E>(self, x: u64) -> Result<Value, E> {
        Ok(Value::from(x))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        // serde_json's parser only yields finite numbers (it refuses 1e999).
        Ok(serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                // Read the value so the error's path is the repeated key's.
                return map.next_value_seed(Repeated(key)).map(|()| Value::Null);
            }
            let Unique(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// The value of a key seen before in the same object: skipped, then refused.
struct Repeated(String);

impl<'de> DeserializeSeed<'de> for Repeated {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        IgnoredAny::deserialize(d)?;
        Err(de::Error::custom(format!(
            "the key `{}` appears more than once in this object",
            self.0
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_at_their_path() {
        let e = parse(r#"{"a": {"b": [1, {"seed": 1, "seed": 2}]}}"#).unwrap_err();
        assert_eq!(e.field(), "a.b[1].seed");
        assert!(
            e.to_string().contains("`seed` appears more than once"),
            "{e}"
        );
        // The same key in two different objects is fine.
        let v = parse(r#"{"a": {"k": 1}, "b": {"k": 2}}"#).unwrap();
        assert_eq!(v["b"]["k"], 2);
    }

    #[test]
    fn values_and_syntax_errors() {
        let v = parse(r#"[true, null, -3, 18446744073709551615, 0.5, "x"]"#).unwrap();
        assert_eq!(
            v.to_string(),
            r#"[true,null,-3,18446744073709551615,0.5,"x"]"#
        );
        assert_eq!(parse(r#"{"a": [1, }"#).unwrap_err().field(), "a[1]");
        assert_eq!(parse("1 2").unwrap_err().field(), ".");
        assert_eq!(parse("1e999").unwrap_err().field(), ".");
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(
            parse(&deep)
                .unwrap_err()
                .to_string()
                .contains("recursion limit")
        );
    }
}
