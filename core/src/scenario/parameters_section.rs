//! The Parameters page's workbench in the document (`parameters`): the token and market presets
//! the inputs started from, and the workbench's input as the page last ran it.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::lending::lending_markets;
use crate::parameters::{WorkbenchInput, token_presets};

/// The workbench's inputs; JSON key `parameters`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ParametersSection {
    /// Id of the token preset the inputs started from (`parameterTokenPresets`, e.g.
    /// `weeth-arbitrum`); omitted for inputs of one's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub token_preset: Option<String>,
    /// Id of the lending market preset compared against (`lendingMarkets`, e.g.
    /// `aave-v3-eth-emode`): its bonus and today's LTV and threshold; omitted for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub market_preset: Option<String>,
    /// The workbench's input.
    pub input: WorkbenchInput,
}

impl ParametersSection {
    /// Checks the input (errors under `input.`) and that each preset id names a preset
    /// (`tokenPreset`, `marketPreset`).
    pub fn validate(&self) -> Result<(), Error> {
        let tokens: Vec<String> = token_presets().into_iter().map(|p| p.id).collect();
        let markets: Vec<String> = lending_markets().into_iter().map(|m| m.id).collect();
        known(
            "tokenPreset",
            self.token_preset.as_ref(),
            &tokens,
            "token preset",
        )?;
        known(
            "marketPreset",
            self.market_preset.as_ref(),
            &markets,
            "lending market preset",
        )?;
        self.input.validate().map_err(|e| e.rebased("", "input"))
    }
}

/// `id`, when given, is one of `ids`; else an [`Error::UnknownReference`] at `field`.
fn known(field: &str, id: Option<&String>, ids: &[String], target: &str) -> Result<(), Error> {
    match id {
        Some(id) if !ids.contains(id) => Err(Error::UnknownReference {
            field: field.to_owned(),
            value: id.clone(),
            target: target.to_owned(),
        }),
        _ => Ok(()),
    }
}
