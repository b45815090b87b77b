//! `beaconSlashingLoss(input)` and `exitChurnPerEpochEth(totalStakedEth)`: the Electra
//! penalties of one slashed validator and the exit churn, as the slashing ledger and the exit
//! queue compute them. Gwei amounts travel as decimal strings (they exceed 2⁵³).

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{from_js, to_js};
use crate::consensus::beacon::{
    EFFECTIVE_BALANCE_INCREMENT, MAX_EFFECTIVE_BALANCE_ELECTRA_ETH,
    correlation_penalty_per_increment, validator_loss,
};
use crate::consensus::exit::ExitQueue;
use crate::{Error, validate};

/// One slashed validator: gwei as decimal strings.
#[derive(Debug, Clone, Deserialize, tsify::Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SlashingLossInput {
    /// Effective balance, gwei, a whole number of ETH in `1..=2048` ETH.
    pub effective_balance_gwei: String,
    /// Effective balance slashed network-wide in the window (this validator's included), gwei,
    /// at most the total.
    pub window_slashings_gwei: String,
    /// Total active balance, gwei, at least 1 ETH and at most 1e9 ETH.
    pub total_active_balance_gwei: String,
}

/// The loss by cause, gwei as decimal strings.
#[derive(Debug, Clone, Serialize, tsify::Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SlashingLoss {
    /// `EB // 4096` (`MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA`), gwei.
    pub initial: String,
    /// Missed source and target attestations to `withdrawable_epoch`, gwei.
    pub missed_attestations: String,
    /// `process_slashings`' correlation penalty, gwei.
    pub correlation: String,
    /// Its rate, `min(3·W, T) // (T // 1e9)`, gwei per ETH of effective balance (the penalty is
    /// this times the effective balance, in whole ETH, the validator has left at epoch +4096).
    pub correlation_per_increment: String,
}

fn gwei(field: &str, text: &str, lo: u128, hi: u128) -> Result<u128, Error> {
    let bad = |message: String| Error::Parse {
        field: field.to_owned(),
        message,
    };
    if text.is_empty() || text.len() > 30 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(format!(
            "expected a whole number of gwei in decimal digits, got {text:?}"
        )));
    }
    let v: u128 = text
        .parse()
        .map_err(|_| bad(format!("not a number: {text:?}")))?;
    if !(lo..=hi).contains(&v) {
        return Err(bad(format!("expected {lo}..={hi} gwei, got {v}")));
    }
    Ok(v)
}

/// The loss of one validator slashed under Electra (`EB // 4096` at once, missed attestations,
/// the correlation penalty `min(3·W, T) // (T // 1e9) × EB/1e9` at the window's halfway point).
#[wasm_bindgen(js_name = beaconSlashingLoss, unchecked_return_type = "SlashingLoss")]
pub fn beacon_slashing_loss_js(
    #[wasm_bindgen(unchecked_param_type = "SlashingLossInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let i: SlashingLossInput = from_js(input, "")?;
    let max_total = 1_000_000_000 * EFFECTIVE_BALANCE_INCREMENT;
    let eb = gwei(
        "effectiveBalanceGwei",
        &i.effective_balance_gwei,
        EFFECTIVE_BALANCE_INCREMENT,
        u128::from(MAX_EFFECTIVE_BALANCE_ELECTRA_ETH) * EFFECTIVE_BALANCE_INCREMENT,
    )?;
    if eb % EFFECTIVE_BALANCE_INCREMENT != 0 {
        return Err(Error::Parse {
            field: "effectiveBalanceGwei".to_owned(),
            message: format!("an effective balance is a whole number of ETH, got {eb} gwei"),
        }
        .into());
    }
    let total = gwei(
        "totalActiveBalanceGwei",
        &i.total_active_balance_gwei,
        EFFECTIVE_BALANCE_INCREMENT,
        max_total,
    )?;
    let window = gwei("windowSlashingsGwei", &i.window_slashings_gwei, 0, total)?;
    let l = validator_loss(eb, window, total);
    to_js(&SlashingLoss {
        initial: l.initial.to_string(),
        missed_attestations: l.missed_attestations.to_string(),
        correlation: l.correlation.to_string(),
        correlation_per_increment: correlation_penalty_per_increment(window, total).to_string(),
    })
}

/// Exit churn per epoch, ETH, for a total active stake of `totalStakedEth` (in `1..=1e9`):
/// `min(256, max(128, S // 65,536))` in whole ETH (`get_activation_exit_churn_limit`).
#[wasm_bindgen(js_name = exitChurnPerEpochEth)]
pub fn exit_churn_per_epoch_eth_js(total_staked_eth: f64) -> Result<f64, JsValue> {
    validate::in_range(
        "totalStakedEth",
        total_staked_eth,
        1.0,
        1e9,
        "an amount in 1..=1e9 ETH",
    )?;
    let q = ExitQueue {
        queued_eth: 0.0,
        total_staked_eth,
    };
    Ok(q.churn_per_epoch_eth())
}
