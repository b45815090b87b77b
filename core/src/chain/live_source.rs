//! A live figure's basis as a source citation, the way every page shows a sourced figure.

use super::LiveBasis;
use super::block_time::utc_date;
use crate::source::Basis;

impl LiveBasis {
    /// The source of a figure read here: `getRate() on 0x… (chain 1, block N, read live)`, dated
    /// by the block's timestamp (UTC).
    ///
    /// ```
    /// use restake_core::chain::LiveBasis;
    /// use restake_core::source::Basis;
    /// let b = LiveBasis { chain_id: 1, block_number: 21_000_000, block_timestamp: 1_729_252_007,
    ///     address: "0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7".into(), function: "totalSupply()".into() };
    /// assert_eq!(b.source(), Basis::Source {
    ///     citation: "totalSupply() on 0xA1290d69c65A6Fe4DF752f95823fae25cB99e5A7 (chain 1, block 21000000, read live)".into(),
    ///     date: "2024-10-18".into(),
    /// });
    /// ```
    pub fn source(&self) -> Basis {
        Basis::Source {
            citation: format!(
                "{} on {} (chain {}, block {}, read live)",
                self.function, self.address, self.chain_id, self.block_number
            ),
            date: utc_date(self.block_timestamp),
        }
    }
}

/// A figure as a read at `block` (unix time `time`, chain 1) gives it, for tests: `raw` the
/// contract's integer, the value `raw / 1e18`, from `function` on Kelp's LRTOracle address.
#[cfg(test)]
pub(crate) fn sample_value(
    field: &str,
    raw: u128,
    block: u64,
    time: u64,
    function: &str,
) -> super::LiveValue {
    super::LiveValue {
        field: field.to_owned(),
        raw: Some(raw.to_string()),
        value: raw as f64 / 1e18,
        unit: "ETH per token".to_owned(),
        basis: LiveBasis {
            chain_id: 1,
            block_number: block,
            block_timestamp: time,
            address: "0x349A73444b1a310BAe67ef67973022020d70020d".to_owned(),
            function: function.to_owned(),
        },
    }
}
