//! Live state over the Bridge page's preset (issue 18): the token's exchange rate and total
//! supply on Ethereum as a live read gave them (`rates.<token>.exchangeRate`, ETH per token,
//! and `rates.<token>.totalSupply`, tokens), each beside the preset's value and source.

use serde::{Deserialize, Serialize};

use super::BridgeInput;
use crate::chain::{LiveBasis, LiveRead};
use crate::source::Basis;
use crate::unit::Unit;

/// One preset figure of the bridge input a live figure replaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BridgeLiveChange {
    /// The input's field (`exchangeRateEth`, `ethereumSupply`).
    pub field: String,
    /// The live figure's path in the read (`rates.rsETH.totalSupply`).
    pub live_field: String,
    /// Both values' unit (ETH per token; tokens).
    pub unit: Unit,
    /// The preset's value.
    pub preset: f64,
    /// The preset's source or assumption, when the preset names one.
    pub preset_basis: Option<Basis>,
    /// The live value.
    pub live: f64,
    /// Where the live value was read.
    pub basis: LiveBasis,
}

/// The bridge input with the live figures in it, what changed, and why it was kept if so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LiveBridge {
    /// The input with the live rate and supply, or the input unchanged when `kept` says why.
    pub input: BridgeInput,
    /// The live figures for the input's token, beside the preset's (listed even when kept).
    pub changes: Vec<BridgeLiveChange>,
    /// Why the input kept its figures: the live ones fail its checks (the remote chains'
    /// locked tokens exceed the live supply, a rate out of range).
    pub kept: Option<String>,
}

/// `input` with the live exchange rate and Ethereum supply of its token from `live`, when the
/// read holds them; `notes` are the preset's bases by field path (`exchangeRateEth`), shown
/// beside each change. When the input with the live figures fails [`BridgeInput::validate`],
/// the input is kept whole and `kept` says why.
///
/// ```
/// use restake_core::bridge::{live::live_bridge, rseth_april_2026};
/// # let live: restake_core::chain::LiveRead = serde_json::from_str(r#"{"head":{"chainId":1,"blockNumber":7,"blockTimestamp":0,"blockHash":"0x0000000000000000000000000000000000000000000000000000000000000000"},"values":[],"failures":[]}"#).unwrap();
/// let (input, notes) = rseth_april_2026();
/// let out = live_bridge(&input, &notes, &live);
/// assert!(out.changes.is_empty()); // nothing of rsETH was read
/// assert_eq!(out.input, input);
/// ```
pub fn live_bridge(input: &BridgeInput, notes: &[(String, Basis)], live: &LiveRead) -> LiveBridge {
    let mut next = input.clone();
    let mut changes = Vec::new();
    let token = &input.token;
    for (field, name, unit) in [
        ("exchangeRateEth", "exchangeRate", Unit::Price),
        ("ethereumSupply", "totalSupply", Unit::Tokens),
    ] {
        let live_field = format!("rates.{token}.{name}");
        let Some(v) = live.value(&live_field) else {
            continue;
        };
        let slot = match field {
            "exchangeRateEth" => &mut next.exchange_rate_eth,
            _ => &mut next.ethereum_supply,
        };
        changes.push(BridgeLiveChange {
            field: field.to_owned(),
            live_field,
            unit,
            preset: *slot,
            preset_basis: notes
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, b)| b.clone()),
            live: v.value,
            basis: v.basis.clone(),
        });
        *slot = v.value;
    }
    match next.validate() {
        Ok(()) => LiveBridge {
            input: next,
            changes,
            kept: None,
        },
        Err(e) => LiveBridge {
            input: input.clone(),
            changes,
            kept: Some(e.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bridge::rseth_april_2026;
    use crate::chain::{Head, LiveValue};

    /// A figure at block 42 of the local chain (2025-12-01), `raw` in 1e18.
    fn value(field: &str, raw: u128, function: &str) -> LiveValue {
        let mut v =
            crate::chain::live_source::sample_value(field, raw, 42, 1_764_547_200, function);
        v.basis.chain_id = 31337;
        v
    }

    fn read(values: Vec<LiveValue>) -> LiveRead {
        LiveRead {
            head: Head {
                chain_id: 31337,
                block_number: 42,
                block_timestamp: 1_764_547_200,
                block_hash: format!("0x{}", "00".repeat(32)),
            },
            values,
            failures: vec![],
        }
    }

    #[test]
    fn the_local_chains_rseth_replaces_rate_and_supply() {
        // The local chain's rsETH: price 1.0615 ETH, supply 400,000 tokens (tests/chain).
        let live = read(vec![
            value(
                "rates.rsETH.exchangeRate",
                1_061_500_000_000_000_000,
                "rsETHPrice()",
            ),
            value(
                "rates.rsETH.totalSupply",
                400_000_000_000_000_000_000_000,
                "totalSupply()",
            ),
            value(
                "rates.weETH.exchangeRate",
                1_069_000_000_000_000_000,
                "getRate()",
            ),
        ]);
        let (preset, notes) = rseth_april_2026();
        let out = live_bridge(&preset, &notes, &live);
        assert_eq!(out.kept, None);
        assert_eq!(out.input.exchange_rate_eth, 1.0615);
        // 4e23 wei as f64, ÷ 1e18: 400,000 to within a rounding of the last bit.
        assert!((out.input.ethereum_supply - 400_000.0).abs() < 1e-9);
        assert_eq!(out.input.chains, preset.chains);
        let got: Vec<(&str, f64, f64)> = out
            .changes
            .iter()
            .map(|c| (c.field.as_str(), c.preset, (c.live * 1e6).round() / 1e6))
            .collect();
        // The preset: 1 ETH per rsETH (assumed) and 116,500 / 0.18 = 647,222.2… tokens (derived).
        assert_eq!(
            got,
            [
                ("exchangeRateEth", 1.0, 1.0615),
                ("ethereumSupply", 116_500.0 / 0.18, 400_000.0)
            ]
        );
        assert!(
            out.changes[0]
                .preset_basis
                .as_ref()
                .unwrap()
                .rests_on_assumption()
        );
        assert!(matches!(
            out.changes[1].preset_basis,
            Some(Basis::Derived { .. })
        ));
        assert_eq!(out.changes[1].basis.function, "totalSupply()");
    }

    #[test]
    fn a_supply_below_the_locked_tokens_keeps_the_preset() {
        // 100,000 rsETH read, but the preset locks 116,500 for the L2s: refused, kept whole.
        let live = read(vec![value(
            "rates.rsETH.totalSupply",
            100_000_000_000_000_000_000_000,
            "totalSupply()",
        )]);
        let (preset, notes) = rseth_april_2026();
        let out = live_bridge(&preset, &notes, &live);
        assert_eq!(out.input, preset);
        assert_eq!(out.changes.len(), 1);
        let why = out.kept.unwrap();
        assert!(why.contains("chains"), "{why}");
    }
}
