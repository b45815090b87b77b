//! The leverage rows: max leverage and the liquidation price at it on a token's main lending
//! market, from [`crate::lending`].

use super::cell::{CellPair, MatrixCell};
use crate::lending::{
    LendingMarket, LeverageInput, LoopTarget, lending_markets, leverage_loop, liquidation_price,
};
use crate::protocol::Protocol;
use crate::source::Basis;

/// Each protocol's main lending market among the sourced presets of
/// [`crate::lending::lending_markets`], for the three tokens whose collateral parameters are
/// published: weETH → Aave v3 ETH-correlated E-mode (weETH priced by its exchange rate;
/// governance.aave.com/t/…/13570 and /16168); ezETH → Morpho Blue ezETH/WETH at LLTV 86% (of the
/// two ezETH markets in Gauntlet's post-mortem of the 2024-04-24 depeg, forum.morpho.org/t/…/578,
/// the one with the higher LLTV, the post-mortem's first); rsETH → Aave v3 rsETH/wstETH E-mode
/// (vote.onaave.com proposal 311). Other protocols have no sourced market preset: `None`.
///
/// ```
/// let m = restake_core::matrix::main_lending_market("etherfi").unwrap();
/// assert_eq!(m.id, "aave-v3-eth-emode");
/// assert_eq!(restake_core::matrix::main_lending_market("kelp").unwrap().id, "aave-v3-rseth-emode");
/// assert!(restake_core::matrix::main_lending_market("puffer").is_none());
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

/// Why `m` is the token's main market: our pick among the sourced presets.
fn market_choice_basis(m: &LendingMarket) -> Basis {
    Basis::Assumption {
        note: format!(
            "\"main market\" is our pick among the sourced lending-market presets (the market's own sources follow): {} for {}",
            m.name, m.collateral
        ),
    }
}

/// Max leverage `1/(1 − LTV)` (×) and the liquidation price at that leverage as a share of
/// today's oracle price, `LTV/θ` (fraction), from [`crate::lending`] on the protocol's main
/// market.
pub(super) fn leverage_cells(p: &Protocol) -> CellPair {
    let none = || {
        MatrixCell::absent(
            "no sourced market",
            "no lending-market preset for this token in our sources (Aave and Morpho governance posts publish collateral parameters for weETH, ezETH and rsETH only); open the Leverage page to enter one",
            vec![],
        )
    };
    let Some(m) = main_lending_market(&p.id) else {
        return (none(), none());
    };
    let input = LeverageInput {
        deposit: 1.0,
        price: 1.0,
        lrt_yield: 0.0,
        borrow_rate: m.borrow_rate.value,
        market: m.params(),
        target: LoopTarget::Loops { loops: 0 },
    };
    let Ok(r) = leverage_loop(&input) else {
        return (none(), none());
    };
    let theta = m.liquidation_threshold.value;
    let inputs = vec![
        market_choice_basis(&m),
        m.ltv.basis.clone(),
        m.liquidation_threshold.basis.clone(),
    ];
    let max = MatrixCell::known(
        r.max_leverage,
        Basis::Derived {
            formula: format!(
                "computed by the lending engine (leverage_loop) on {}: max leverage = 1/(1 − LTV) = 1/(1 − {})",
                m.name, m.ltv.value
            ),
            inputs: inputs.clone(),
        },
    );
    let liq = match liquidation_price(1.0, r.max_leverage, theta) {
        Some(v) => MatrixCell::known(
            v,
            Basis::Derived {
                formula: format!(
                    "computed by the lending engine on {}: liquidation price at max leverage ÷ today's price = (λ − 1)/(λ·θ) = LTV/θ = {}/{}; oracle: {:?}",
                    m.name, m.ltv.value, theta, m.oracle.value
                ),
                inputs,
            },
        ),
        None => none(),
    };
    (max, liq)
}
