//! The leverage rows: max leverage and the liquidation price at it on a token's main lending
//! market, from [`crate::lending`].

use super::cell::{CellPair, MatrixCell};
use crate::lending::{
    LendingMarket, LeverageInput, LoopTarget, leverage_loop, liquidation_price, main_lending_market,
};
use crate::protocol::Protocol;
use crate::source::Basis;

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
    market_cells(main_lending_market(&p.id))
}

/// [`leverage_cells`] on the market `m` (a token's main market, possibly with live figures in
/// it); both cells say "no sourced market" when there is none.
pub(super) fn market_cells(m: Option<LendingMarket>) -> CellPair {
    let none = || {
        MatrixCell::absent(
            "no sourced market",
            "no lending-market preset for this token in our sources (Aave and Morpho governance posts publish collateral parameters for weETH, ezETH and rsETH only); open the Leverage page to enter one",
            vec![],
        )
    };
    let Some(m) = m else {
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
