//! Each token's main lending market among the sourced presets, the one market the matrix's
//! leverage rows, the Leverage page opened for a token and the user's position
//! (`scenario::PositionSection`) all use.

use super::market::{LendingMarket, lending_markets};

/// Each protocol's main lending market among the sourced presets of
/// [`crate::lending::lending_markets`], for the three tokens whose collateral parameters are
/// published: weETH → Aave v3 ETH-correlated E-mode (weETH priced by its exchange rate;
/// governance.aave.com/t/…/13570 and /16168); ezETH → Morpho Blue ezETH/WETH at LLTV 86% (of the
/// two ezETH markets in Gauntlet's post-mortem of the 2024-04-24 depeg, forum.morpho.org/t/…/578,
/// the one with the higher LLTV, the post-mortem's first); rsETH → Aave v3 rsETH/wstETH E-mode
/// (vote.onaave.com proposal 311). Other protocols have no sourced market preset: `None`.
///
/// ```
/// let m = restake_core::lending::main_lending_market("etherfi").unwrap();
/// assert_eq!(m.id, "aave-v3-eth-emode");
/// assert_eq!(restake_core::lending::main_lending_market("kelp").unwrap().id, "aave-v3-rseth-emode");
/// assert!(restake_core::lending::main_lending_market("puffer").is_none());
/// ```
pub fn main_lending_market(protocol_id: &str) -> Option<LendingMarket> {
    let id = match protocol_id {
        "etherfi" => "aave-v3-eth-emode",
        "renzo" => "morpho-ezeth-weth-86",
        "kelp" => "aave-v3-rseth-emode",
        _ => return None,
    };
    lending_markets().into_iter().find(|m| m.id == id)
}
