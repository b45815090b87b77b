//! The figures several places show for one document — net APY, expected slashing loss and
//! risk-adjusted APY (the Yield page), the positions' VaR99 and ES99 (the Risk page), max
//! leverage (the Leverage page) — each computed by one function from the section that page runs.
//! [`super::position_answer`] and the matrix's "Your scenario" column read them, so the same
//! document gives the same figure wherever it appears.

use super::Scenario;
use super::run::DEFAULT_RISK_SEED;
use crate::Error;
use crate::lending::leverage_loop;
use crate::protocol::ProtocolKind;
use crate::risk::{RiskModel, RiskOptions, SeedInput};
use crate::yield_stack::{YieldInput, yield_stack};

/// The Yield page's figures of the token it stacks, from the document's `yieldStack` section.
#[derive(Debug, Clone, PartialEq)]
pub struct YieldFigures {
    /// Symbol of the token whose figures these are (the LRT's, or the LST's when the section
    /// stacks an LST on itself).
    pub token: String,
    /// Symbol of the LST baseline.
    pub lst_token: String,
    /// Net APY of the token, fraction per year.
    pub net_apy: f64,
    /// Net APY of the LST baseline, fraction per year.
    pub lst_net_apy: f64,
    /// Expected slashing loss, fraction per year: `(1 − buffer) × Σ allocation × fault
    /// probability × slash fraction` of the AVS streams; 0 for an LST.
    pub expected_loss: f64,
    /// `netApy − expectedLoss`, fraction per year.
    pub risk_adjusted_apy: f64,
    /// The deposit's value after the section's horizon, ETH.
    pub deposit_value_eth: f64,
    /// The same deposit in the LST after the horizon, ETH.
    pub lst_deposit_value_eth: f64,
}

/// The Risk page's figures of the network's positions, from the document's `risk` section.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionRisk {
    /// Value of the positions in restaked tokens, ETH; `None` (with the losses) when none of
    /// the network's positions is in a restaked token.
    pub value_eth: Option<f64>,
    /// Mean loss over the horizon, ETH.
    pub mean_loss_eth: Option<f64>,
    /// 99% value at risk over the horizon (the loss exceeded in 1 path in 100), ETH.
    pub var99_eth: Option<f64>,
    /// 99% expected shortfall (mean of the worst 1% of paths), ETH.
    pub es99_eth: Option<f64>,
    /// Paths of the run.
    pub paths: u64,
    /// Horizon of the run, years.
    pub horizon_years: f64,
}

impl Scenario {
    /// True when `token` is an LST's (a protocol of the network or of the presets).
    fn is_lst_token(&self, token: &str) -> bool {
        let presets = crate::presets::protocols().unwrap_or_default();
        self.network
            .protocols
            .iter()
            .chain(&presets)
            .any(|p| p.token == token && p.kind == ProtocolKind::Lst)
    }

    /// The Yield page's figures of `input` (the document's `yieldStack` section, or the preset
    /// a position implies): the LRT side, or the LST side when the stacked token is itself an
    /// LST (Lido wstETH, no AVS). Errors: an invalid input, at `yieldStack.…`.
    pub fn yield_figures_of(&self, input: &YieldInput) -> Result<YieldFigures, Error> {
        let y = yield_stack(input).map_err(|e| e.rebased("", "yieldStack"))?;
        let lst = self.is_lst_token(&input.lrt.token);
        let side = if lst { &y.lst } else { &y.lrt };
        let expected_loss = if lst { 0.0 } else { y.expected_slash_loss };
        Ok(YieldFigures {
            token: side.token.clone(),
            lst_token: y.lst.token.clone(),
            net_apy: side.net_apy,
            lst_net_apy: y.lst.net_apy,
            expected_loss,
            risk_adjusted_apy: side.net_apy - expected_loss,
            deposit_value_eth: side.deposit_value_eth,
            lst_deposit_value_eth: y.lst.deposit_value_eth,
        })
    }

    /// The Yield page's figures of the document's `yieldStack` section; `None` without one.
    pub fn yield_figures(&self) -> Result<Option<YieldFigures>, Error> {
        self.yield_stack
            .as_ref()
            .map(|input| self.yield_figures_of(input))
            .transpose()
    }

    /// The options the Risk page runs: the `risk` section, with seed [`DEFAULT_RISK_SEED`] when
    /// it gives none; the risk demo's options without a section.
    pub fn risk_options(&self) -> Result<RiskOptions, Error> {
        Ok(match &self.risk {
            Some(r) if r.seed.is_some() => r.clone(),
            Some(r) => RiskOptions {
                seed: Some(SeedInput::Text(DEFAULT_RISK_SEED.to_string())),
                ..r.clone()
            },
            None => crate::risk::risk_demo()?.options,
        })
    }

    /// The Risk page's Monte Carlo of the network's positions with [`Scenario::risk_options`]:
    /// the positions' value, mean loss, VaR99 and ES99 in ETH over its horizon. Errors: an
    /// invalid section or network, at `risk.…` or the network's path.
    pub fn position_risk(&self) -> Result<PositionRisk, Error> {
        let r = RiskModel::new(&self.network, &self.risk_options()?)
            .and_then(|m| m.run())
            .map_err(|e| e.rebased("options", "risk"))?;
        let held = r.position.as_ref();
        Ok(PositionRisk {
            value_eth: held.map(|h| h.value_eth),
            mean_loss_eth: held.map(|h| h.loss.mean),
            var99_eth: held.map(|h| h.loss.var99),
            es99_eth: held.map(|h| h.loss.es99),
            paths: r.paths,
            horizon_years: r.horizon_years,
        })
    }

    /// The Leverage page's max leverage `1/(1 − LTV)` (×) on its market, from the `leverage`
    /// section's loop; `None` without a section. Errors: an invalid loop, at `leverage.loop.…`.
    pub fn max_leverage(&self) -> Result<Option<f64>, Error> {
        self.leverage
            .as_ref()
            .map(|l| {
                leverage_loop(&l.leverage_loop)
                    .map(|r| r.max_leverage)
                    .map_err(|e| e.rebased("", "leverage.loop"))
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::default_document;

    #[test]
    fn each_figure_is_its_pages_engine_on_its_section() {
        let mut d = default_document().unwrap();
        d.risk.as_mut().unwrap().paths = 2_000.0;
        // Yield: the ether.fi preset (tests/e2e/pages/yield.mjs: 3.46%, 0.19% a year).
        let y = d.yield_figures().unwrap().unwrap();
        let r = crate::yield_stack::yield_stack(d.yield_stack.as_ref().unwrap()).unwrap();
        assert_eq!(
            (y.token.as_str(), y.lst_token.as_str()),
            ("weETH", "wstETH")
        );
        assert_eq!(y.net_apy, r.lrt.net_apy);
        assert_eq!(y.expected_loss, r.expected_slash_loss);
        assert!((y.expected_loss - 0.001_876_25).abs() < 1e-15);
        assert_eq!(y.risk_adjusted_apy, r.risk_adjusted_apy);
        // Risk: the section's run on the demo's 30 ETH of positions.
        let risk = d.position_risk().unwrap();
        let run = crate::risk::RiskModel::new(&d.network, d.risk.as_ref().unwrap())
            .unwrap()
            .run()
            .unwrap();
        let held = run.position.unwrap();
        assert_eq!(risk.value_eth, Some(30.0));
        assert_eq!(risk.var99_eth, Some(held.loss.var99));
        assert_eq!(risk.es99_eth, Some(held.loss.es99));
        assert_eq!((risk.paths, risk.horizon_years), (2_000, 1.0));
        // Leverage: Morpho ezETH/WETH LLTV 0.77 ⇒ 1/(1 − 0.77) = 4.3478×.
        let lev = d.max_leverage().unwrap().unwrap();
        assert!((lev - 1.0 / 0.23).abs() < 1e-12, "{lev}");
        // Without sections: no yield or leverage figure; the risk demo's options.
        d.yield_stack = None;
        d.leverage = None;
        assert_eq!(d.yield_figures().unwrap(), None);
        assert_eq!(d.max_leverage().unwrap(), None);
        // A bad section names its path in the document.
        let mut bad = default_document().unwrap();
        bad.yield_stack.as_mut().unwrap().lrt.buffer_share = 2.0;
        assert_eq!(
            bad.yield_figures().unwrap_err().field(),
            "yieldStack.lrt.bufferShare"
        );
    }
}
