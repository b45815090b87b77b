//! The one way a JS argument enters the model: the value is walked once into JSON, with a cap on
//! nesting (so a cyclic or very deep object is refused instead of overflowing the stack) and on
//! size, NaN/±∞ and BigInt refused, and every refusal naming the path of the offending value
//! (`probabilities.avsBug.perYear`). The JSON is then read by the same typed readers documents use.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::Error;

/// Deepest nesting of arrays and objects accepted, levels (serde_json's own limit for text).
pub const MAX_DEPTH: usize = 128;

/// Most values (numbers, strings, array items, object entries …) one argument may hold: far
/// above a 1 MiB document, far below what would exhaust the wasm memory.
pub const MAX_VALUES: usize = 1_000_000;

/// Walks `value` into JSON (see the module documentation); errors name the path inside it.
pub fn json_of(value: &JsValue) -> Result<Value, Error> {
    let mut walk = Walk { values: 0 };
    walk.value(value, &mut String::new(), 0)
}

/// Reads `value` into `T` through [`json_of`] and serde with the path of any mismatch; errors are
/// rooted at `root` (an argument's name such as `options`; empty for a whole document).
pub fn read<T: DeserializeOwned>(value: &JsValue, root: &str) -> Result<T, Error> {
    let rooted = |e: Error| {
        if root.is_empty() {
            e
        } else {
            e.rebased("", root)
        }
    };
    let json = json_of(value).map_err(rooted)?;
    serde_path_to_error::deserialize(json).map_err(|e| {
        let field = match e.path().to_string() {
            p if p == "?" => ".".to_owned(),
            p => p,
        };
        rooted(Error::Parse {
            field,
            message: e.into_inner().to_string(),
        })
    })
}

struct Walk {
    values: usize,
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
    fn value(&mut self, v: &JsValue, path: &mut String, depth: usize) -> Result<Value, Error> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(refuse(
                path,
                &format!("the argument holds more than {MAX_VALUES} values"),
            ));
        }
        if v.is_null() || v.is_undefined() {
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(x) = v.as_f64() {
            return number(x, path);
        }
        if let Some(s) = v.as_string() {
            return Ok(Value::String(s));
        }
        if v.is_bigint() {
            return Err(refuse(
                path,
                "a BigInt is not accepted: pass a number, or a decimal string where the field allows one",
            ));
        }
        if v.is_function() || v.is_symbol() {
            return Err(refuse(path, "a function or symbol is not a value"));
        }
        if depth >= MAX_DEPTH {
            return Err(refuse(
                path,
                &format!("nested deeper than {MAX_DEPTH} levels (or cyclic)"),
            ));
        }
        if let Some(array) = v.dyn_ref::<js_sys::Array>() {
            let len = array.length() as usize;
            let mut items = Vec::with_capacity(len.min(1024));
            for i in 0..len {
                let mark = path.len();
                path.push_str(&format!("[{i}]"));
                items.push(self.value(&array.get(i as u32), path, depth + 1)?);
                path.truncate(mark);
            }
            return Ok(Value::Array(items));
        }
        let object = v
            .dyn_ref::<js_sys::Object>()
            .ok_or_else(|| refuse(path, "not a JSON value"))?;
        let mut map = Map::new();
        for key in js_sys::Object::keys(object).iter() {
            let name = key.as_string().unwrap_or_default();
            let mark = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&name);
            let item = js_sys::Reflect::get(object, &key)
                .map_err(|_| refuse(path, "reading this property threw"))?;
            // An `undefined` property is an absent one, as in JSON.stringify.
            if !item.is_undefined() {
                let parsed = self.value(&item, path, depth + 1)?;
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
