//! "My position": the token the user holds, how much, for how long and whether it is looped —
//! set once and carried in the document's optional `position` section. [`Scenario::set_position`]
//! writes it into every page's section (the network's positions, the Yield page's deposit and
//! preset, the Risk page's horizon, the Leverage page's market, deposit and loop), so each page
//! starts from the same position; [`position_answer`] computes the position's figures once, from
//! those same sections, for every page that shows them.

use serde::{Deserialize, Serialize};

use super::Scenario;
use crate::Error;
use crate::bridge::BridgeReport;
use crate::lending::{LoopTarget, main_lending_market};
use crate::network::Position;
use crate::risk::input::MAX_HORIZON_YEARS;
use crate::validate;
use crate::yield_stack::{TokenYield, YieldReport, yield_presets, yield_stack};

/// Largest position, ETH (the network's own bound on amounts).
pub const MAX_POSITION_ETH: f64 = 1e9;

/// The user's position; JSON key `position`. Absent = each page's own default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PositionSection {
    /// Id of the protocol whose token is held (`etherfi` for weETH), one of the network's
    /// protocols.
    pub protocol: String,
    /// Value held, ETH, in `(0, 1e9]`.
    pub amount_eth: f64,
    /// How long it is held, years, in `(0, 100]`.
    pub horizon_years: f64,
    /// An optional leverage loop on the token's main lending market (loop count or target
    /// health factor); JSON key `loop`. Absent = not looped.
    #[serde(rename = "loop", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub leverage_loop: Option<LoopTarget>,
}

impl PositionSection {
    /// Checks the position against the document's network; paths relative to the section
    /// (`amountEth`), the document roots them at `position`.
    pub fn validate(&self, s: &Scenario) -> Result<(), Error> {
        if !s.network.protocols.iter().any(|p| p.id == self.protocol) {
            return Err(Error::UnknownReference {
                field: "protocol".to_owned(),
                value: self.protocol.clone(),
                target: "protocol of the network".to_owned(),
            });
        }
        validate::above_at_most(
            "amountEth",
            self.amount_eth,
            0.0,
            MAX_POSITION_ETH,
            "an amount in (0, 1e9] ETH",
        )?;
        validate::above_at_most(
            "horizonYears",
            self.horizon_years,
            0.0,
            MAX_HORIZON_YEARS,
            "a horizon in (0, 100] years",
        )?;
        match self.leverage_loop {
            Some(LoopTarget::Loops { loops }) if loops > 100 => Err(Error::OutOfRange {
                field: "loop.loops".to_owned(),
                value: f64::from(loops),
                expected: "0..=100 loops".to_owned(),
            }),
            Some(LoopTarget::HealthFactor { health_factor }) => validate::above_at_most(
                "loop.healthFactor",
                health_factor,
                1.0,
                100.0,
                "a health factor in (1, 100]",
            )
            .map(|_| ()),
            _ => Ok(()),
        }
    }
}

impl Scenario {
    /// The document's position, or the one its sections already imply when it has none: the
    /// largest of the network's positions (the first of equals; the first protocol and 10 ETH
    /// when it holds none),
    /// the Risk page's horizon (1 year without one), not looped.
    ///
    /// ```
    /// let d = restake_core::scenario::default_document().unwrap();
    /// let p = d.position_or_default();
    /// assert_eq!((p.protocol.as_str(), p.amount_eth, p.horizon_years), ("etherfi", 10.0, 1.0));
    /// ```
    pub fn position_or_default(&self) -> PositionSection {
        if let Some(p) = &self.position {
            return p.clone();
        }
        let largest = self
            .network
            .positions
            .iter()
            .filter(|p| p.amount_eth > 0.0)
            .fold(None::<&Position>, |best, p| match best {
                Some(b) if b.amount_eth >= p.amount_eth => Some(b),
                _ => Some(p),
            });
        let (protocol, amount_eth) = match largest {
            Some(p) => (p.protocol.clone(), p.amount_eth),
            None => (
                self.network
                    .protocols
                    .first()
                    .map(|p| p.id.clone())
                    .unwrap_or_default(),
                10.0,
            ),
        };
        PositionSection {
            protocol,
            amount_eth,
            horizon_years: self.risk.as_ref().map_or(1.0, |r| r.horizon_years),
            leverage_loop: None,
        }
    }

    /// Makes `p` the document's position and writes it into every page's section, so each
    /// page starts from it:
    /// - `network.positions`: all of `amountEth` in the token, every other position 0;
    /// - `yieldStack`: the token's yield preset (kept as edited when it already is that token's)
    ///   with `depositEth = amountEth` and the horizon;
    /// - `risk`: the horizon (the Risk page's default options when the section is absent);
    /// - `leverage.loop`: the token's main lending market and its borrow rate (where one is
    ///   sourced), `deposit = amountEth ÷ price` tokens, the LRT yield = the Yield page's net
    ///   APY, and the position's loop (not looped: 0 loops).
    ///
    /// Errors (the document is then unchanged): the position's own checks at `position.…`, or
    /// a section the position makes invalid, at its path.
    ///
    /// ```
    /// use restake_core::scenario::{PositionSection, default_document};
    /// let mut d = default_document().unwrap();
    /// d.set_position(PositionSection {
    ///     protocol: "kelp".into(), amount_eth: 5.0, horizon_years: 2.0, leverage_loop: None,
    /// }).unwrap();
    /// let held: Vec<f64> = d.network.positions.iter().map(|p| p.amount_eth).collect();
    /// assert_eq!(held, [0.0, 0.0, 5.0]);
    /// assert_eq!(d.yield_stack.unwrap().deposit_eth, 5.0);
    /// assert_eq!(d.risk.unwrap().horizon_years, 2.0);
    /// ```
    pub fn set_position(&mut self, p: PositionSection) -> Result<(), Error> {
        p.validate(self).map_err(|e| e.rebased("", "position"))?;
        let mut next = self.clone();
        for held in &mut next.network.positions {
            held.amount_eth = 0.0;
        }
        match next
            .network
            .positions
            .iter_mut()
            .find(|h| h.protocol == p.protocol)
        {
            Some(h) => h.amount_eth = p.amount_eth,
            None => next.network.positions.push(Position {
                protocol: p.protocol.clone(),
                amount_eth: p.amount_eth,
            }),
        }
        let preset = yield_presets()?
            .into_iter()
            .find(|y| y.protocol == p.protocol)
            .map(|y| y.input);
        let mut input = match (next.yield_stack.take(), preset) {
            (Some(own), Some(preset)) if own.lrt.token == preset.lrt.token => own,
            (_, Some(preset)) => preset,
            (Some(own), None) => own,
            (None, None) => {
                return Err(Error::UnknownReference {
                    field: "position.protocol".to_owned(),
                    value: p.protocol.clone(),
                    target: "protocol with a yield preset".to_owned(),
                });
            }
        };
        input.deposit_eth = p.amount_eth;
        input.horizon_years = p.horizon_years;
        let report = yield_stack(&input).map_err(|e| e.rebased("", "yieldStack"))?;
        next.yield_stack = Some(input);
        let mut risk = match next.risk.take() {
            Some(r) => r,
            None => crate::risk::risk_demo()?.options,
        };
        risk.horizon_years = p.horizon_years;
        next.risk = Some(risk);
        if let Some(section) = &mut next.leverage {
            let l = &mut section.leverage_loop;
            if let Some(m) = main_lending_market(&p.protocol) {
                l.market = m.params();
                l.borrow_rate = m.borrow_rate.value;
            }
            l.deposit = p.amount_eth / l.price;
            l.lrt_yield = held_side(&p, &report).net_apy;
            l.target = p.leverage_loop.unwrap_or(LoopTarget::Loops { loops: 0 });
        }
        next.position = Some(p);
        next.validate_document()?;
        *self = next;
        Ok(())
    }
}

impl Scenario {
    /// What the user's position loses in a bridge what-if `r` of token `bridge_token` (the
    /// Bridge page's): `amountEth × haircut` of the first chain, Ethereum, where the position is
    /// held (ETH). `None` without a set position, or when it is in another token.
    ///
    /// ```
    /// use restake_core::scenario::{PositionSection, default_document};
    /// let mut d = default_document().unwrap();
    /// let r = restake_core::bridge::bridge_exposure(d.bridge.as_ref().unwrap()).unwrap();
    /// assert_eq!(d.position_bridge_loss("rsETH", &r), None);
    /// d.set_position(PositionSection {
    ///     protocol: "kelp".into(), amount_eth: 10.0, horizon_years: 1.0, leverage_loop: None,
    /// }).unwrap();
    /// assert_eq!(d.position_bridge_loss("rsETH", &r), Some(10.0 * r.chains[0].haircut));
    /// assert_eq!(d.position_bridge_loss("weETH", &r), None);
    /// ```
    pub fn position_bridge_loss(&self, bridge_token: &str, r: &BridgeReport) -> Option<f64> {
        let p = self.position.as_ref()?;
        let held = self.network.protocols.iter().find(|x| x.id == p.protocol)?;
        if held.token != bridge_token {
            return None;
        }
        Some(p.amount_eth * r.chains.first()?.haircut)
    }
}

/// The side of the yield stack the position holds: the LRT's, or the LST's when the position is
/// in the LST itself (Lido wstETH).
fn held_side<'a>(p: &PositionSection, r: &'a YieldReport) -> &'a TokenYield {
    let is_lst = crate::presets::protocols()
        .ok()
        .and_then(|ps| ps.into_iter().find(|x| x.id == p.protocol))
        .is_some_and(|x| x.kind == crate::protocol::ProtocolKind::Lst);
    if is_lst { &r.lst } else { &r.lrt }
}

/// The position's figures, each computed once from the document's sections by the functions
/// every place that shows them calls ([`Scenario::yield_figures_of`],
/// [`Scenario::position_risk`]): the Yield page's net APY, its premium over the LST and its
/// expected slashing loss (the yield preset's AVS streams), and the Risk page's Monte Carlo of
/// the network's positions over the Risk page's horizon (its paths and seed; seed
/// [`super::DEFAULT_RISK_SEED`] when it gives none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PositionAnswer {
    /// The position the figures are for.
    pub position: PositionSection,
    /// Symbol of the token held and of the LST it is compared with (`weETH`, `wstETH`).
    pub token: String,
    /// Symbol of the LST baseline.
    pub lst_token: String,
    /// Net APY of the token held, fraction per year (the Yield page's headline).
    pub net_apy: f64,
    /// Net APY of the LST baseline, fraction per year.
    pub lst_net_apy: f64,
    /// `netApy − lstNetApy`, fraction per year (APY points).
    pub premium_apy: f64,
    /// The premium in ETH over the horizon: the difference of the two deposits' values after
    /// `horizonYears`, ETH.
    pub premium_eth: f64,
    /// Expected slashing loss of the yield preset's AVS streams, fraction per year
    /// (`Σ allocation × fault probability × slash fraction`, the Yield page's figure).
    pub expected_loss: f64,
    /// The Monte Carlo of the network's positions over the Risk page's horizon: mean loss,
    /// ETH over the horizon; `None` when the token is not restaked in the network.
    pub mean_loss_eth: Option<f64>,
    /// 99% value at risk of the positions over the horizon (the loss exceeded in 1 path in
    /// 100), ETH.
    pub var99_eth: Option<f64>,
    /// 99% expected shortfall (mean of the worst 1% of paths), ETH.
    pub es99_eth: Option<f64>,
    /// Paths of the Monte Carlo run.
    pub paths: u64,
    /// Horizon of the Monte Carlo run, years.
    pub risk_horizon_years: f64,
}

/// The figures of the document's position ([`Scenario::position_or_default`], applied first
/// when the document has none) from its
/// `yieldStack` and `risk` sections and its network, the inputs the Yield and Risk pages run —
/// so the same position shows the same figures on the home page, Yield and Risk. Errors: an
/// invalid section, at its path.
pub fn position_answer(s: &Scenario) -> Result<PositionAnswer, Error> {
    // A document without a position is answered for the one it implies, applied as
    // `set_position` would, so every figure is for that one position (not, say, the demo's three).
    let applied;
    let s = if s.position.is_none() {
        let mut with = s.clone();
        with.set_position(s.position_or_default())?;
        applied = with;
        &applied
    } else {
        s
    };
    let position = s.position_or_default();
    let input = match &s.yield_stack {
        Some(y) => y.clone(),
        None => yield_presets()?
            .into_iter()
            .find(|y| y.protocol == position.protocol)
            .map(|y| y.input)
            .ok_or_else(|| Error::UnknownReference {
                field: "position.protocol".to_owned(),
                value: position.protocol.clone(),
                target: "protocol with a yield preset".to_owned(),
            })?,
    };
    let y = s.yield_figures_of(&input)?;
    let risk = s.position_risk()?;
    Ok(PositionAnswer {
        token: y.token,
        lst_token: y.lst_token,
        net_apy: y.net_apy,
        lst_net_apy: y.lst_net_apy,
        premium_apy: y.net_apy - y.lst_net_apy,
        premium_eth: y.deposit_value_eth - y.lst_deposit_value_eth,
        expected_loss: y.expected_loss,
        mean_loss_eth: risk.mean_loss_eth,
        var99_eth: risk.var99_eth,
        es99_eth: risk.es99_eth,
        paths: risk.paths,
        risk_horizon_years: risk.horizon_years,
        position,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::risk::RiskModel;
    use crate::scenario::default_document;

    fn weeth(amount_eth: f64) -> PositionSection {
        PositionSection {
            protocol: "etherfi".to_owned(),
            amount_eth,
            horizon_years: 1.0,
            leverage_loop: None,
        }
    }

    /// The default document with a short Monte Carlo run, so the tests stay quick.
    fn quick() -> Scenario {
        let mut d = default_document().unwrap();
        if let Some(r) = d.risk.as_mut() {
            r.paths = 2_000.0;
        }
        d
    }

    #[test]
    fn a_position_reaches_every_section() {
        let mut d = quick();
        d.set_position(PositionSection {
            leverage_loop: Some(LoopTarget::HealthFactor { health_factor: 1.5 }),
            horizon_years: 3.0,
            ..weeth(10.0)
        })
        .unwrap();
        let held: Vec<(&str, f64)> = d
            .network
            .positions
            .iter()
            .map(|p| (p.protocol.as_str(), p.amount_eth))
            .collect();
        assert_eq!(held, [("etherfi", 10.0), ("renzo", 0.0), ("kelp", 0.0)]);
        let y = d.yield_stack.clone().unwrap();
        assert_eq!(
            (y.lrt.token.as_str(), y.deposit_eth, y.horizon_years),
            ("weETH", 10.0, 3.0)
        );
        assert_eq!(d.risk.as_ref().unwrap().horizon_years, 3.0);
        let l = &d.leverage.as_ref().unwrap().leverage_loop;
        let m = main_lending_market("etherfi").unwrap();
        assert_eq!(l.market, m.params());
        assert_eq!(l.borrow_rate, m.borrow_rate.value);
        // The default loop prices the token at 1 ETH: 10 ETH buys 10 tokens.
        assert_eq!(l.deposit, 10.0);
        assert_eq!(l.lrt_yield, yield_stack(&y).unwrap().lrt.net_apy);
        assert_eq!(l.target, LoopTarget::HealthFactor { health_factor: 1.5 });
        // Carried in the document and its link.
        assert_eq!(Scenario::from_json(&d.to_json()).unwrap(), d);
        assert_eq!(Scenario::from_fragment(&d.to_fragment()).unwrap(), d);
        assert!(d.to_json().contains("\"position\""));
    }

    #[test]
    fn an_edited_yield_section_of_the_same_token_is_kept() {
        let mut d = quick();
        d.yield_stack.as_mut().unwrap().lrt.buffer_share = 0.07;
        d.set_position(weeth(4.0)).unwrap();
        assert_eq!(d.yield_stack.as_ref().unwrap().lrt.buffer_share, 0.07);
        // Another token replaces it with that token's preset.
        d.set_position(PositionSection {
            protocol: "renzo".to_owned(),
            ..weeth(4.0)
        })
        .unwrap();
        assert_eq!(d.yield_stack.as_ref().unwrap().lrt.token, "ezETH");
        assert_ne!(d.yield_stack.as_ref().unwrap().lrt.buffer_share, 0.07);
    }

    #[test]
    fn a_refused_position_names_its_field_and_changes_nothing() {
        let d0 = quick();
        let cases = [
            (weeth(0.0), "position.amountEth"),
            (weeth(f64::NAN), "position.amountEth"),
            (weeth(2e9), "position.amountEth"),
            (
                PositionSection {
                    horizon_years: 101.0,
                    ..weeth(1.0)
                },
                "position.horizonYears",
            ),
            (
                PositionSection {
                    protocol: "nope".to_owned(),
                    ..weeth(1.0)
                },
                "position.protocol",
            ),
            (
                PositionSection {
                    leverage_loop: Some(LoopTarget::HealthFactor { health_factor: 1.0 }),
                    ..weeth(1.0)
                },
                "position.loop.healthFactor",
            ),
            (
                PositionSection {
                    leverage_loop: Some(LoopTarget::Loops { loops: 101 }),
                    ..weeth(1.0)
                },
                "position.loop.loops",
            ),
        ];
        for (p, field) in cases {
            let mut d = d0.clone();
            assert_eq!(d.set_position(p).unwrap_err().field(), field);
            assert_eq!(d, d0);
        }
        // The same checks when a document is read.
        let mut v: serde_json::Value = serde_json::from_str(&d0.to_json()).unwrap();
        v["position"] =
            serde_json::json!({"protocol": "etherfi", "amountEth": -1, "horizonYears": 1});
        let e = Scenario::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.field(), "position.amountEth");
        v["position"] = serde_json::json!({"protocol": "etherfi", "amountEth": 1, "horizonYears": 1, "size": 2});
        let e = Scenario::from_json(&v.to_string()).unwrap_err();
        assert!(e.to_string().contains("unknown field `size`"), "{e}");
    }

    #[test]
    fn without_a_position_the_default_is_what_the_sections_hold() {
        let d = default_document().unwrap();
        assert!(d.position.is_none());
        // The demo's positions, 10 ETH in each of three tokens: the first of the largest.
        assert_eq!(d.position_or_default(), weeth(10.0));
    }

    #[test]
    fn the_answer_is_the_yield_and_risk_pages_figures() {
        let mut d = quick();
        d.set_position(weeth(10.0)).unwrap();
        let a = position_answer(&d).unwrap();
        let y = yield_stack(d.yield_stack.as_ref().unwrap()).unwrap();
        assert_eq!(
            (a.token.as_str(), a.lst_token.as_str()),
            ("weETH", "wstETH")
        );
        assert_eq!(a.net_apy, y.lrt.net_apy);
        assert_eq!(a.premium_apy, y.lrt.net_apy - y.lst.net_apy);
        assert_eq!(
            a.premium_eth,
            y.lrt.deposit_value_eth - y.lst.deposit_value_eth
        );
        // (1 − buffer) × Σ allocation × fault probability × slash fraction of the preset's
        // streams: 0.95 × (0.4 × 0.01 × 0.1 + 0.3 × 0.005 × 0.05 + 0.2 × 0.03 × 0.25)
        // = 0.95 × 0.001975 = 0.00187625 (tests/e2e/pages/yield.mjs: 0.19%).
        assert!(
            (a.expected_loss - 0.001_876_25).abs() < 1e-15,
            "{}",
            a.expected_loss
        );
        let risk = RiskModel::new(&d.network, d.risk.as_ref().unwrap())
            .unwrap()
            .run()
            .unwrap();
        let held = risk.position.unwrap();
        assert_eq!(held.value_eth, 10.0);
        assert_eq!(a.var99_eth, Some(held.loss.var99));
        assert_eq!(a.es99_eth, Some(held.loss.es99));
        assert_eq!((a.paths, a.risk_horizon_years), (2_000, 1.0));
        assert!(a.var99_eth.unwrap() <= a.es99_eth.unwrap() && a.es99_eth.unwrap() <= 10.0);
    }

    #[test]
    fn without_a_position_the_answer_is_for_the_implied_one() {
        let d = quick();
        let mut set = d.clone();
        set.set_position(d.position_or_default()).unwrap();
        let (a, b) = (position_answer(&d).unwrap(), position_answer(&set).unwrap());
        assert_eq!(a, b);
        // 10 ETH of weETH alone, not the demo's 30 ETH over three tokens.
        assert!(a.es99_eth.unwrap() <= 10.0);
    }

    #[test]
    fn the_lst_itself_has_no_premium_and_no_avs_loss() {
        let mut d = quick();
        d.set_position(PositionSection {
            protocol: "wsteth".to_owned(),
            ..weeth(10.0)
        })
        .unwrap();
        let a = position_answer(&d).unwrap();
        assert_eq!(a.token, "wstETH");
        assert_eq!(
            (a.premium_apy, a.premium_eth, a.expected_loss),
            (0.0, 0.0, 0.0)
        );
        // Lido has no restaking entry: nothing of the network's slashing reaches it.
        assert_eq!(a.var99_eth, None);
    }
}
