//! Running a whole document: every engine whose section is present, and the headline figures
//! the Compare view puts side by side.

use serde::{Deserialize, Serialize};

use super::Scenario;
use super::sections::SECTIONS;
use crate::Error;
use crate::bridge::BridgeReport;
use crate::lending::carry::CarryReport;
use crate::lending::{CascadeReport, LeverageReport};
use crate::parameters::{Parameter, WorkbenchReport};
use crate::risk::RiskReport;
use crate::security::SecurityReport;
use crate::slashing::SlashingReport;
use crate::slashing::timeline::TimelineReport;
use crate::unit::Unit;
use crate::yield_stack::YieldReport;

/// Seed of a document's Monte Carlo run when its `risk` section gives none, so that the same
/// document always gives the same report (and two documents compare on the same paths).
pub const DEFAULT_RISK_SEED: u64 = 1;

/// One figure of a run, for comparing two documents side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Headline {
    /// Stable id, `<section>.<figure>` (e.g. `yield.lrtNetApy`): the key that pairs figures of
    /// two runs.
    pub id: String,
    /// What the figure is, in words.
    pub label: String,
    /// The value, finite, in `unit`.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
}

/// The Leverage section's two reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LeverageSectionReport {
    /// The looped position; JSON key `loop`.
    #[serde(rename = "loop")]
    pub leverage_loop: LeverageReport,
    /// The liquidation cascade.
    pub cascade: CascadeReport,
    /// The loop's carry under `leverage.carry`; `null` when the section has none.
    pub carry: Option<CarryReport>,
}

/// Every engine's report for the sections present (`null` for a missing section) and the
/// headline figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioReport {
    /// The yield stack of `yieldStack`.
    pub yield_stack: Option<YieldReport>,
    /// The slashing sequence of `slashing` on the network.
    pub slashing: Option<SlashingReport>,
    /// The timeline of `slashing.timeline`, step by step.
    pub slashing_timeline: Option<TimelineReport>,
    /// The Monte Carlo run of `risk` on the network (seed [`DEFAULT_RISK_SEED`] when none is
    /// given).
    pub risk: Option<RiskReport>,
    /// The security analysis of `security` on the network.
    pub security: Option<SecurityReport>,
    /// The loop and cascade of `leverage`.
    pub leverage: Option<LeverageSectionReport>,
    /// The bridge what-if of `bridge`.
    pub bridge: Option<BridgeReport>,
    /// The parameter workbench of `parameters`.
    pub parameters: Option<WorkbenchReport>,
    /// The headline figures, in section order (yield, slashing, risk, security, leverage,
    /// bridge, parameters); figures a report leaves `null` (no debt, γ* unbounded) are left out.
    pub headlines: Vec<Headline>,
}

/// Validates the document ([`Scenario::validate_document`]) and runs every engine whose section
/// is present. Errors name the document path (`risk.paths`, `bridge.chains[0].supply`).
///
/// ```
/// let doc = restake_core::scenario::default_document().unwrap();
/// let r = restake_core::scenario::run_scenario(&doc).unwrap();
/// assert!(r.yield_stack.is_some() && r.bridge.is_some());
/// assert!(r.headlines.iter().any(|h| h.id == "bridge.holderLossEth"));
/// ```
pub fn run_scenario(s: &Scenario) -> Result<ScenarioReport, Error> {
    s.validate_document()?;
    let mut report = ScenarioReport {
        yield_stack: None,
        slashing: None,
        slashing_timeline: None,
        risk: None,
        security: None,
        leverage: None,
        bridge: None,
        parameters: None,
        headlines: Vec::new(),
    };
    for section in &SECTIONS {
        (section.run)(s, &mut report).map_err(section.rebase)?;
    }
    report.headlines = headlines(&report);
    Ok(report)
}

/// The headline figures of a report (see [`ScenarioReport::headlines`]).
pub fn headlines(r: &ScenarioReport) -> Vec<Headline> {
    use Unit::{Count, Eth, Fraction, Multiple, Plain};
    let mut out = Vec::new();
    let mut push = |id: &str, label: &str, value: Option<f64>, unit: Unit| {
        if let Some(value) = value.filter(|v| v.is_finite()) {
            out.push(Headline {
                id: id.to_owned(),
                label: label.to_owned(),
                value,
                unit,
            });
        }
    };
    if let Some(y) = &r.yield_stack {
        push(
            "yield.lrtNetApy",
            "LRT net APY (per year)",
            Some(y.lrt.net_apy),
            Fraction,
        );
        push(
            "yield.lstNetApy",
            "LST net APY (per year)",
            Some(y.lst.net_apy),
            Fraction,
        );
        push(
            "yield.premiumApy",
            "Restaking premium, LRT − LST net APY (per year)",
            Some(y.premium_apy),
            Fraction,
        );
        push(
            "yield.expectedSlashLoss",
            "Expected AVS slashing loss (per year)",
            Some(y.expected_slash_loss),
            Fraction,
        );
        push(
            "yield.riskAdjustedApy",
            "Risk-adjusted LRT APY (per year)",
            Some(y.risk_adjusted_apy),
            Fraction,
        );
    }
    if let Some(sl) = &r.slashing {
        push(
            "slashing.totalSlashedEth",
            "Stake slashed by the sequence",
            Some(sl.totals.slashed.eth),
            Eth,
        );
        push(
            "slashing.positionLossEth",
            "Loss on your positions",
            Some(sl.position_totals.loss.eth),
            Eth,
        );
        push(
            "slashing.contagionOperators",
            "Operators whose slash hit two or more delegators",
            Some(sl.contagion.len() as f64),
            Count,
        );
    }
    if let Some(rk) = &r.risk {
        if let Some(p) = &rk.position {
            push(
                "risk.positionExpectedLossEth",
                "Expected loss on your positions over the horizon",
                Some(p.loss.mean),
                Eth,
            );
            push(
                "risk.positionVar99Eth",
                "99% VaR of your positions",
                Some(p.loss.var99),
                Eth,
            );
            push(
                "risk.positionEs99Eth",
                "99% expected shortfall of your positions",
                Some(p.loss.es99),
                Eth,
            );
        }
        let worst = rk
            .lrts
            .iter()
            .map(|l| l.loss.var99)
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
        push(
            "risk.maxLrtVar99",
            "Largest 99% VaR of an LRT, share of its backing",
            worst,
            Fraction,
        );
    }
    if let Some(sec) = &r.security {
        push(
            "security.gammaStar",
            "Security slack γ* (overcollateralisation)",
            sec.certificate.gamma_star,
            Fraction,
        );
        push(
            "security.lossBound",
            "Worst-case loss bound after the shock, share of all stake",
            sec.certificate.loss_bound,
            Fraction,
        );
        push(
            "security.cascadeLostShare",
            "Stake lost in the shock's cascade, share of all stake",
            Some(sec.cascade.lost_share),
            Fraction,
        );
        push(
            "security.bestAttackGainEth",
            "Gain of the most profitable attack",
            Some(sec.attack.attack.as_ref().map_or(0.0, |a| a.gain.eth)),
            Eth,
        );
    }
    if let Some(l) = &r.leverage {
        let lp = &l.leverage_loop;
        push(
            "leverage.leverage",
            "Leverage λ",
            Some(lp.leverage),
            Multiple,
        );
        push(
            "leverage.netApy",
            "Net APY on own capital (per year)",
            Some(lp.net_apy),
            Fraction,
        );
        push(
            "leverage.healthFactor",
            "Health factor",
            lp.health_factor,
            Plain,
        );
        push(
            "leverage.liquidationPrice",
            "Liquidation price (ETH per token)",
            lp.liquidation_price,
            Eth,
        );
        let c = &l.cascade.totals;
        push(
            "leverage.cascadeLiquidations",
            "Liquidations in the cascade",
            Some(f64::from(c.liquidations)),
            Count,
        );
        push(
            "leverage.cascadeBadDebtEth",
            "Bad debt left by the cascade",
            Some(c.bad_debt),
            Eth,
        );
        if let Some(carry) = &l.carry {
            push(
                "leverage.carryNetApy",
                "Carry: net APY over the horizon (per year)",
                Some(carry.net_apy),
                Fraction,
            );
        }
    }
    if let Some(b) = &r.bridge {
        push(
            "bridge.holderLossEth",
            "Loss of legitimate holders",
            Some(b.holder_loss_eth),
            Eth,
        );
        push(
            "bridge.lendingBadDebtEth",
            "Bad debt in lending markets",
            Some(b.lending_bad_debt_eth),
            Eth,
        );
    }
    if let Some(p) = &r.parameters {
        for b in &p.bindings {
            let (id, label) = match b.parameter {
                Parameter::Ltv => ("parameters.tightestLtv", "Tightest suggested LTV"),
                Parameter::LiquidationThreshold => (
                    "parameters.tightestLiquidationThreshold",
                    "Tightest suggested liquidation threshold",
                ),
                Parameter::SupplyCap => (
                    "parameters.tightestSupplyCap",
                    "Tightest suggested supply cap",
                ),
            };
            push(id, label, Some(b.value), b.unit);
        }
    }
    out
}
