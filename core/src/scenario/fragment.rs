//! Share links: a scenario in a URL fragment. `s2.` + base64url (no padding) of the raw-deflated
//! compact JSON. Decoding is bounded at every step: the fragment's length, the inflated size
//! (1 MiB, so a "zip bomb" stops at the limit instead of filling memory), then
//! [`Scenario::from_json`].

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::Scenario;
use super::limits::{MAX_DOCUMENT_BYTES, MAX_FRAGMENT_CHARS};
use crate::Error;

/// Prefix of a version 2 share fragment: format `s`, document version 2.
pub const FRAGMENT_PREFIX: &str = "s2.";

/// Deflate level of share links (miniz: 0 = store … 10 = best); 9 is the usual "best".
const LEVEL: u8 = 9;

fn fragment_error(message: impl Into<String>) -> Error {
    Error::Parse {
        field: "fragment".to_owned(),
        message: message.into(),
    }
}

impl Scenario {
    /// The scenario as a URL fragment (without `#`): `s2.` + base64url without padding of the
    /// raw-deflated compact JSON. [`Scenario::from_fragment`] reads it back identical.
    ///
    /// ```
    /// let s = restake_core::scenario::default_document().unwrap();
    /// let f = s.to_fragment();
    /// assert!(f.starts_with("s2."));
    /// assert_eq!(restake_core::scenario::Scenario::from_fragment(&f).unwrap(), s);
    /// ```
    pub fn to_fragment(&self) -> String {
        // Serialising plain structs of strings and finite numbers cannot fail.
        let json = serde_json::to_vec(self).expect("scenario serialises");
        let packed = miniz_oxide::deflate::compress_to_vec(&json, LEVEL);
        format!("{FRAGMENT_PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
    }

    /// Reads a share fragment (a leading `#` is ignored): checks the prefix and the length
    /// (at most [`MAX_FRAGMENT_CHARS`]), decodes base64url, inflates to at most
    /// [`MAX_DOCUMENT_BYTES`] and parses with [`Scenario::from_json`]. Every failure is an
    /// [`Error`]: `Parse` at `fragment` for a bad prefix, bad base64 or broken deflate data,
    /// `OutOfRange` at `fragment` or `.` for a link or document over the limits, and the
    /// document's own errors after that.
    pub fn from_fragment(text: &str) -> Result<Scenario, Error> {
        let text = text.trim();
        let text = text.strip_prefix('#').unwrap_or(text);
        if text.len() > MAX_FRAGMENT_CHARS {
            return Err(Error::OutOfRange {
                field: "fragment".to_owned(),
                value: text.len() as f64,
                expected: format!("a share link of at most {MAX_FRAGMENT_CHARS} characters"),
            });
        }
        let Some(body) = text.strip_prefix(FRAGMENT_PREFIX) else {
            let shown: String = text.chars().take(8).collect();
            return Err(fragment_error(format!(
                "not a scenario link: expected the prefix {FRAGMENT_PREFIX:?}, got {shown:?}"
            )));
        };
        let packed = URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|e| fragment_error(format!("not base64url: {e}")))?;
        let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DOCUMENT_BYTES)
            .map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Error::OutOfRange {
                    field: ".".to_owned(),
                    value: (MAX_DOCUMENT_BYTES + 1) as f64,
                    expected: format!(
                        "a document of at most {MAX_DOCUMENT_BYTES} bytes (1 MiB) once inflated"
                    ),
                },
                status => fragment_error(format!("broken compressed data ({status:?})")),
            })?;
        let json = std::str::from_utf8(&json)
            .map_err(|e| fragment_error(format!("the inflated document is not UTF-8: {e}")))?;
        Scenario::from_json(json)
    }
}
