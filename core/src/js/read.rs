//! The one way a JS argument enters the model: the value is walked once into JSON, with a cap on
//! nesting (so a cyclic or very deep object is refused instead of overflowing the stack), on the
//! number of values and on the text it holds (so no argument can reserve more wasm memory than a
//! 1 MiB document), NaN/±∞ and BigInt refused, and every refusal naming the path of the
//! offending value (`options.probabilities.avsBug.perYear`). The JSON is then read by the same
//! typed readers documents use (unknown fields refused with their path).
//!
//! Every JS operation of the walk that can run the caller's code (a getter, a `Proxy` trap)
//! is called through a `catch` import, so a throwing getter becomes an error at its path and
//! never unwinds through the wasm frames (which would leave the instance's stack pointer
//! behind). Text arguments (`parseScenario(text)`) come in through [`text`]: a non-string is
//! refused before anything is copied into the wasm memory.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::Error;

/// Deepest nesting of arrays and objects accepted, levels (serde_json's own limit for text).
pub const MAX_DEPTH: usize = 128;

/// Most values (numbers, strings, array items, object entries …) one argument may hold: far
/// above a 1 MiB document, far below what would exhaust the wasm memory.
pub const MAX_VALUES: usize = 1_000_000;

/// Most text one argument may hold, UTF-16 code units of its strings and keys together:
/// 1,048,576, the size limit of a document (a UTF-16 unit is at least one UTF-8 byte, so a
/// document within 1 MiB always fits).
pub const MAX_TEXT_UNITS: usize = 1 << 20;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(o)`: a `Proxy`'s `ownKeys` trap may throw.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// `Array.isArray(v)`: throws on a revoked `Proxy`.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> Result<bool, JsValue>;
}

/// A text argument: a JS string of at most `max_units` UTF-16 code units, checked before it is
/// copied into the wasm memory. Anything else is an [`Error::Parse`] at `field`; a longer
/// string an [`Error::OutOfRange`] at `field`.
pub fn text(value: &JsValue, field: &str, max_units: usize) -> Result<String, Error> {
    let Some(s) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(Error::Parse {
            field: field.to_owned(),
            message: format!("expected a string, got {}", type_name(value)),
        });
    };
    let units = s.length() as usize;
    if units > max_units {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: units as f64,
            expected: format!("a string of at most {max_units} characters"),
        });
    }
    Ok(String::from(s))
}

/// Walks `value` into JSON (see the module documentation); errors name the path inside it.
pub fn json_of(value: &JsValue) -> Result<Value, Error> {
    let mut walk = Walk {
        values: 0,
        text: 0,
        ancestors: Vec::new(),
    };
    walk.value(value, &mut String::new())
}

/// Reads `value` into `T` through [`json_of`] and serde with the path of any mismatch; errors are
/// rooted at `root` (an argument's name such as `options`; empty for a whole document).
pub fn read<T: DeserializeOwned>(value: &JsValue, root: &str) -> Result<T, Error> {
    let json = json_of(value).map_err(|e| rooted(e, root))?;
    typed(json, root)
}

/// Reads JSON into `T` with the path of any mismatch, rooted at `root` as in [`read`].
pub fn typed<T: DeserializeOwned>(json: Value, root: &str) -> Result<T, Error> {
    crate::json_text::typed(json).map_err(|e| rooted(e, root))
}

fn rooted(e: Error, root: &str) -> Error {
    if root.is_empty() {
        e
    } else {
        e.rebased("", root)
    }
}

/// `typeof`, with `array` and `null` told apart, for messages.
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        return "null".to_owned();
    }
    if is_array(v).unwrap_or(false) {
        return "an array".to_owned();
    }
    v.js_typeof().as_string().unwrap_or_default()
}

struct Walk {
    values: usize,
    text: usize,
    /// The arrays and objects being walked, outermost first, to tell a cycle from deep nesting.
    ancestors: Vec<JsValue>,
}

fn at(path: &str) -> String {
    if path.is_empty() {
        ".".to_owned()
    } else {
        path.to_owned()
    }
}

fn refuse(path: &str, message: &str) -> Error {
    Error::Parse {
        field: at(path),
        message: message.to_owned(),
    }
}

impl Walk {
    fn count(&mut self, n: usize, path: &str) -> Result<(), Error> {
        self.values += n;
        if self.values > MAX_VALUES {
            return Err(refuse(
                path,
                &format!("the argument holds more than {MAX_VALUES} values"),
            ));
        }
        Ok(())
    }

    fn string(&mut self, s: &js_sys::JsString, path: &str) -> Result<String, Error> {
        self.text += s.length() as usize;
        if self.text > MAX_TEXT_UNITS {
            return Err(refuse(
                path,
                &format!("the argument holds more than {MAX_TEXT_UNITS} characters of text"),
            ));
        }
        Ok(String::from(s))
    }

    fn value(&mut self, v: &JsValue, path: &mut String) -> Result<Value, Error> {
        self.count(1, path)?;
        if v.is_null() || v.is_undefined() {
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(x) = v.as_f64() {
            return number(x, path);
        }
        if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
            return Ok(Value::String(self.string(s, path)?));
        }
        if v.is_bigint() {
            return Err(refuse(
                path,
                "a BigInt is not accepted: pass a number, or a decimal string where the field allows one",
            ));
        }
        if !v.is_object() {
            return Err(refuse(path, "a function or symbol is not a value"));
        }
        if self.ancestors.len() >= MAX_DEPTH {
            let cyclic = self.ancestors.iter().any(|a| js_sys::Object::is(a, v));
            return Err(refuse(
                path,
                &if cyclic {
                    "the value contains itself (a cycle), which JSON cannot hold".to_owned()
                } else {
                    format!("nested deeper than {MAX_DEPTH} levels")
                },
            ));
        }
        self.ancestors.push(v.clone());
        let out = match is_array(v) {
            Ok(true) => self.array(v, path),
            Ok(false) => self.object(v, path),
            Err(_) => Err(refuse(path, "inspecting this value threw")),
        };
        self.ancestors.pop();
        out
    }

    fn array(&mut self, v: &JsValue, path: &mut String) -> Result<Value, Error> {
        let len = js_sys::Reflect::get(v, &JsValue::from_str("length"))
            .ok()
            .and_then(|l| l.as_f64())
            .ok_or_else(|| refuse(path, "reading this array's length threw"))?;
        if len > (MAX_VALUES - self.values) as f64 {
            return Err(refuse(
                path,
                &format!("the argument holds more than {MAX_VALUES} values"),
            ));
        }
        let len = len as u32;
        let mut items = Vec::with_capacity(len.min(1024) as usize);
        for i in 0..len {
            let mark = path.len();
            path.push_str(&format!("[{i}]"));
            let item = js_sys::Reflect::get_u32(v, i)
                .map_err(|_| refuse(path, "reading this item threw"))?;
            items.push(self.value(&item, path)?);
            path.truncate(mark);
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self, v: &JsValue, path: &mut String) -> Result<Value, Error> {
        let keys = object_keys(v).map_err(|_| refuse(path, "listing this object's keys threw"))?;
        self.count(keys.length() as usize, path)?;
        let mut map = Map::new();
        for key in keys.iter() {
            let mark = path.len();
            let name = match key.dyn_ref::<js_sys::JsString>() {
                Some(k) => self.string(k, path)?,
                None => String::new(),
            };
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&name);
            let item = js_sys::Reflect::get(v, &key)
                .map_err(|_| refuse(path, "reading this property threw"))?;
            // An `undefined` property is an absent one, as in JSON.stringify.
            if !item.is_undefined() {
                let parsed = self.value(&item, path)?;
                map.insert(name, parsed);
            }
            path.truncate(mark);
        }
        Ok(Value::Object(map))
    }
}

/// A finite number as JSON (a safe integer stays an integer, so integer fields read it); NaN and
/// ±∞ are refused.
fn number(x: f64, path: &str) -> Result<Value, Error> {
    if !x.is_finite() {
        return Err(Error::NotFinite {
            field: at(path),
            value: x.to_string(),
        });
    }
    const SAFE: f64 = 9_007_199_254_740_991.0;
    if x.fract() == 0.0 && x.abs() <= SAFE {
        return Ok(Value::from(x as i64));
    }
    // Finite, so from_f64 cannot fail.
    Ok(serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number))
}
