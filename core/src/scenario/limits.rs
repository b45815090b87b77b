//! Limits that keep every page responsive: a document of at most 1 MiB (raw, or inflated from a
//! share link); the network inside it is bounded by [`crate::network::limits`] (500 operators,
//! 200 AVSs). A Monte Carlo run's paths are bounded by
//! [`crate::risk::MAX_PATHS`] (10,000,000), checked by [`crate::risk::RiskOptions::validate`].
//! Beyond a limit the answer is an [`Error::OutOfRange`] naming the field, never a hang or an
//! out-of-memory.

use crate::Error;

/// Largest scenario document accepted, bytes of UTF-8 JSON (1 MiB = 1,048,576).
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// Longest display name of a scenario, characters.
pub const MAX_NAME_CHARS: usize = 120;

/// Longest share-link fragment accepted, characters: base64 of a deflated document is at most
/// about 4/3 of the document's 1 MiB (deflate's stored blocks add 5 bytes per 64 KiB), so
/// anything longer cannot decode to a valid document.
pub const MAX_FRAGMENT_CHARS: usize = 1_500_000;

/// `bytes ≤ MAX_DOCUMENT_BYTES`; the error's field is `.` (the whole document).
pub fn document_size(bytes: usize) -> Result<(), Error> {
    if bytes > MAX_DOCUMENT_BYTES {
        return Err(Error::OutOfRange {
            field: ".".to_owned(),
            value: bytes as f64,
            expected: format!("a document of at most {MAX_DOCUMENT_BYTES} bytes (1 MiB)"),
        });
    }
    Ok(())
}

/// The document's size as [`super::Scenario::to_json`] writes it (compact, every default filled
/// in) is at most [`MAX_DOCUMENT_BYTES`]; the error's field is `.`. Counted without building the
/// text. A document read from at most 1 MiB can be larger written out (defaults such as
/// `queuedWithdrawalEth: 0` added), and would then be refused when read back: it is refused here,
/// where it comes in, instead.
pub fn written_size(doc: &impl serde::Serialize) -> Result<(), Error> {
    /// A writer that only counts bytes.
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut n = Count(0);
    // Serialising plain structs of strings and finite numbers cannot fail.
    serde_json::to_writer(&mut n, doc).expect("scenario serialises");
    if n.0 > MAX_DOCUMENT_BYTES {
        return Err(Error::OutOfRange {
            field: ".".to_owned(),
            value: n.0 as f64,
            expected: format!(
                "a document of at most {MAX_DOCUMENT_BYTES} bytes (1 MiB) as this app writes it (compact JSON with every default filled in); remove entries (operators, delegations, allocations, chains) to make it smaller"
            ),
        });
    }
    Ok(())
}

/// A display name: non-empty, at most [`MAX_NAME_CHARS`] characters.
pub fn name(field: &str, text: &str) -> Result<(), Error> {
    crate::validate::text(field, text)?;
    if text.chars().count() > MAX_NAME_CHARS {
        return Err(Error::InvalidText {
            field: field.to_owned(),
            value: text.chars().take(80).collect(),
            reason: format!("is longer than {MAX_NAME_CHARS} characters"),
        });
    }
    Ok(())
}
