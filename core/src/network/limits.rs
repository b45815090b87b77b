//! Limits on a network's size and amounts, so that every engine run stays bounded: at most 500
//! operators and 200 AVSs, every amount at most 1e9 ETH. Beyond a limit the answer is an
//! [`Error::OutOfRange`] naming the field, never a hang or an out-of-memory.

use super::Network;
use crate::Error;
use crate::validate::count_at_most;

/// Most operators a network may hold.
pub const MAX_OPERATORS: usize = 500;

/// Most AVSs a network may hold.
pub const MAX_AVSS: usize = 200;

/// Largest ETH amount a network field may hold, in ETH (1e9, about eight times the ether
/// supply); keeps wei amounts far inside the slashing engine's integer range. Defined with the
/// wei conversion it bounds, in the shared primitives.
pub use crate::wad::MAX_AMOUNT_ETH;

/// Largest network accepted as JSON text by [`Network::from_json`], bytes (1 MiB, the limit of
/// a whole scenario document).
pub const MAX_JSON_BYTES: usize = 1 << 20;

/// `bytes ≤ MAX_JSON_BYTES`; the error's field is `.` (the whole network).
pub fn json_size(bytes: usize) -> Result<(), Error> {
    count_at_most(".", bytes, MAX_JSON_BYTES, "bytes (1 MiB)").map(|_| ())
}

/// The list lengths of the network: `operators` ≤ [`MAX_OPERATORS`], `avss` ≤ [`MAX_AVSS`].
pub fn counts(n: &Network) -> Result<(), Error> {
    count_at_most("operators", n.operators.len(), MAX_OPERATORS, "operators")?;
    count_at_most("avss", n.avss.len(), MAX_AVSS, "AVSs").map(|_| ())
}
