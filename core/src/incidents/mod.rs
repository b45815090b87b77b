//! Published incident arithmetic, reproduced from cited inputs: each replay lists its inputs with
//! their basis, the figures it reproduces beside the published ones (with the relative error),
//! and the inputs no source gives.
//!
//! - [`rseth_april_2026`]: the two bad-debt totals Aave's incident report gave after the rsETH
//!   bridge exploit of 18 April 2026 (about $123.7M if the loss is socialised over all rsETH,
//!   about $230.1M if only the bridged copies bear it). A position holding collateral `C` (USD)
//!   against debt `D` is left with bad debt `max(0, D − C·(1 − h))` after a haircut `h`
//!   ([`bad_debt_after_haircut`]); a looped book at debt ratio `r = D/C` loses `C·max(0, r − (1 − h))`.
//! - [`weeth_slash_2pct`]: the order of magnitude of the estimate that a ~2% weETH slash would
//!   unwind about $1B of EigenLayer TVL through Aave liquidations. A position at health factor
//!   `HF` is liquidatable after a slash `s` when `HF·(1 − s) < 1`; one liquidation repays the close
//!   factor's share of the debt and seizes `(1 + bonus)` times it ([`seized_on_liquidation`]).

use serde::Serialize;

use crate::source::Basis;
use crate::unit::Unit;

/// One input of a replay, with its basis.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IncidentInput {
    /// What the input is.
    pub name: String,
    /// Its value, in `unit` (USD amounts in millions of USD are `Plain`, named so).
    pub value: f64,
    /// Unit of `value`.
    pub unit: Unit,
    /// Where it comes from.
    pub basis: Basis,
}

/// A reproduced figure beside the published one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IncidentFigure {
    /// What the figure is.
    pub name: String,
    /// The replay's value, in `unit`.
    pub reproduced: f64,
    /// The published value, in `unit`.
    pub published: f64,
    /// Unit of both.
    pub unit: Unit,
    /// `reproduced / published − 1`, fraction.
    pub relative_error: f64,
    /// Where the published value comes from.
    pub basis: Basis,
}

/// One incident's arithmetic.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IncidentReplay {
    /// Stable id, e.g. `rseth-2026-04-bad-debt`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date of the incident or of the estimate, ISO.
    pub date: String,
    /// The arithmetic in symbols.
    pub formula: String,
    /// The inputs, each with its basis.
    pub inputs: Vec<IncidentInput>,
    /// The reproduced figures beside the published ones.
    pub figures: Vec<IncidentFigure>,
    /// Inputs no source gives, named precisely.
    pub unpublished: Vec<String>,
}

/// Bad debt of one position after its collateral loses a fraction `haircut`:
/// `max(0, debt − collateral·(1 − haircut))`, in the unit of the amounts.
///
/// ```
/// use restake_core::incidents::bad_debt_after_haircut;
/// assert_eq!(bad_debt_after_haircut(100.0, 93.0, 0.10), 3.0); // 93 − 90
/// assert_eq!(bad_debt_after_haircut(100.0, 80.0, 0.10), 0.0);
/// ```
pub fn bad_debt_after_haircut(collateral: f64, debt: f64, haircut: f64) -> f64 {
    (debt - collateral * (1.0 - haircut)).max(0.0)
}

/// Collateral seized by one liquidation: `closeFactor · debt · (1 + bonus)`, in the unit of
/// `debt` (Aave v3: the close factor is 50% while `HF > 0.95`).
pub fn seized_on_liquidation(debt: f64, close_factor: f64, bonus: f64) -> f64 {
    close_factor * debt * (1.0 + bonus)
}

/// The smallest slash that makes a position at health factor `hf` liquidatable: `1 − 1/hf`
/// (0 when `hf ≤ 1`), fraction.
pub fn liquidating_slash(hf: f64) -> f64 {
    if hf <= 1.0 { 0.0 } else { 1.0 - 1.0 / hf }
}

fn src(citation: &str, date: &str) -> Basis {
    Basis::Source {
        citation: citation.to_owned(),
        date: date.to_owned(),
    }
}

fn input(name: &str, value: f64, unit: Unit, basis: Basis) -> IncidentInput {
    IncidentInput {
        name: name.to_owned(),
        value,
        unit,
        basis,
    }
}

fn figure(name: &str, reproduced: f64, published: f64, unit: Unit, basis: Basis) -> IncidentFigure {
    IncidentFigure {
        name: name.to_owned(),
        reproduced,
        published,
        unit,
        relative_error: reproduced / published - 1.0,
        basis,
    }
}

const REPORT: &str = "Aave, rsETH Incident Report (April 20, 2026), governance.aave.com/t/rseth-incident-report-april-20-2026/24580";
const EMODE_LTV: f64 = 0.93;

/// The rsETH bad-debt totals of Aave's incident report (20 April 2026), from its published
/// haircuts, the attacker's published positions and the published size of Aave's rsETH book.
pub fn rseth_april_2026() -> IncidentReplay {
    let secondary = |via: &str| format!("{REPORT}, as quoted by {via} (secondary)");
    let attacker_rseth = 89_567.0;
    let attacker_collateral_musd = 221.39;
    let attacker_debt_musd = 190.9 + 2.3;
    let price = attacker_collateral_musd * 1e6 / attacker_rseth;
    let book_rseth = 666_000.0;
    let l2_book_musd = 359.0;
    let haircut_all = 0.1512;
    let haircut_l2 = 0.7354;
    let honest_musd = (book_rseth - attacker_rseth) * price / 1e6;
    let socialised = honest_musd * (EMODE_LTV - (1.0 - haircut_all)).max(0.0)
        + bad_debt_after_haircut(attacker_collateral_musd, attacker_debt_musd, haircut_all);
    let bridged = l2_book_musd * (EMODE_LTV - (1.0 - haircut_l2)).max(0.0);
    let ngmi = "0xngmi (DefiLlama) on the loss-allocation paths, as reported by chaincatcher.com (secondary)";
    IncidentReplay {
        id: "rseth-2026-04-bad-debt".to_owned(),
        title: "rsETH bridge exploit: Aave's two bad-debt totals".to_owned(),
        date: "2026-04-20".to_owned(),
        formula: "socialised: Σ honest C·max(0, r − (1 − h₁)) + max(0, D_att − C_att·(1 − h₁)); bridged only: C_L2·max(0, r − (1 − h₂)); r = the E-mode LTV".to_owned(),
        inputs: vec![
            input("haircut on every rsETH if the loss is socialised, h₁", haircut_all, Unit::Fraction, src(&secondary("qiwihui/blog issue 195"), "2026-04-20")),
            input("haircut on the bridged copies if only they bear it, h₂", haircut_l2, Unit::Fraction, src(&secondary("vntool.net, 2026-04-21"), "2026-04-20")),
            input("rsETH the attacker supplied to Aave v3, tokens", attacker_rseth, Unit::Tokens, src("Aave governance proposal 477, \"rsETH Incident: Liquidate rsETH attacker positions\" (Aave Labs)", "2026-05")),
            input("attacker's collateral value, million USD", attacker_collateral_musd, Unit::Plain, src(&secondary("the [TEMP CHECK] Post-rsETH Collateral Framework, governance.aave.com/t/…/24726"), "2026-04-20")),
            input("attacker's debt, 82,650 WETH (~$190.9M) + 821 wstETH (~$2.3M), million USD", attacker_debt_musd, Unit::Plain, src(&secondary("1712n/dn-institute pull request 1199"), "2026-04-20")),
            input("rsETH price, USD per token (collateral value ÷ tokens)", price, Unit::Plain, Basis::Derived { formula: "221.39 M USD ÷ 89,567 rsETH".to_owned(), inputs: vec![src(REPORT, "2026-04-20")] }),
            input("rsETH collateral on Aave across chains, tokens", book_rseth, Unit::Tokens, src(ngmi, "2026-04")),
            input("rsETH collateral on Aave's L2 deployments, million USD", l2_book_musd, Unit::Plain, src(ngmi, "2026-04")),
            input("debt ratio r of every honest position: the rsETH E-mode LTV", EMODE_LTV, Unit::Fraction, Basis::Assumption { note: "how far each honest position had borrowed is not published; every loop is taken at the rsETH/wstETH E-mode's LTV of 93% (vote.onaave.com proposal 311), the most it could borrow".to_owned() }),
        ],
        figures: vec![
            figure("bad debt, loss socialised over all rsETH, million USD", socialised, 123.7, Unit::Plain, src(REPORT, "2026-04-20")),
            figure("bad debt, loss borne by the bridged copies only, million USD", bridged, 230.1, Unit::Plain, src(REPORT, "2026-04-20")),
        ],
        unpublished: vec![
            "each honest position's collateral and debt per market (the report's totals rest on them; the replay takes every loop at the 93% E-mode LTV)".to_owned(),
            "how the attacker's Arbitrum position splits from its Ethereum Core one (the bridged-only total treats the L2 book as honest loops)".to_owned(),
        ],
    }
}

const EL_POST: &str = "\"LRT Lending Health & Slashing Report\", forum.eigenlayer.xyz/t/lrt-lending-health-slashing-report/14310";

/// The order of magnitude of the EigenLayer forum's estimate that a ~2% weETH slash unwinds
/// about $1B of TVL through Aave liquidations, from the E-mode parameters and the published size
/// of Aave's weETH book.
pub fn weeth_slash_2pct() -> IncidentReplay {
    let (lt, ltv, bonus, close) = (0.95, 0.93, 0.01, 0.5);
    let book_busd = 3.75;
    let hf = lt / ltv;
    let threshold = liquidating_slash(hf);
    let seized_busd = seized_on_liquidation(book_busd * ltv, close, bonus);
    let emode = "Aave v3 ETH-correlated E-mode, governance.aave.com/t/…/13570 and /16168";
    IncidentReplay {
        id: "weeth-slash-2pct-tvl".to_owned(),
        title: "A ~2% weETH slash and ~$1B of EigenLayer TVL unwound through Aave".to_owned(),
        date: "2024".to_owned(),
        formula: "liquidatable when HF·(1 − s) < 1, s* = 1 − LTV/LT; seized = close factor · debt · (1 + bonus), debt = LTV · weETH on Aave".to_owned(),
        inputs: vec![
            input("E-mode liquidation threshold", lt, Unit::Fraction, src(emode, "2024")),
            input("E-mode LTV (a loop borrowed to the limit)", ltv, Unit::Fraction, src(emode, "2024")),
            input("E-mode liquidation bonus", bonus, Unit::Fraction, src(emode, "2024")),
            input("close factor while HF > 0.95", close, Unit::Fraction, src("aave-dao/aave-v3-origin LiquidationLogic.sol: DEFAULT_LIQUIDATION_CLOSE_FACTOR = 50%", "2024")),
            input("weETH supplied on Aave (61% of Ethereum weETH), billion USD", book_busd, Unit::Plain, src("Chaos Labs on Seamless PCP-31, seamlessprotocol.discourse.group/t/pcp-31…/591", "2024-10")),
        ],
        figures: vec![
            figure("smallest slash that liquidates a loop at the E-mode LTV", threshold, 0.02, Unit::Fraction, src(EL_POST, "2024")),
            figure("TVL unwound if the whole book sat at the E-mode LTV, billion USD (an upper bound)", seized_busd, 1.0, Unit::Plain, src(EL_POST, "2024")),
        ],
        unpublished: vec![
            "the health-factor distribution of weETH positions on Aave at the post's snapshot: only positions with HF < 1/(1 − 2%) ≈ 1.0204 are liquidated, and the post shows how much collateral sat there only as a chart; $1B needs about 57% of the book there".to_owned(),
            "the post's snapshot date and its weETH book (the $3.75B is Chaos Labs' figure of about October 2024)".to_owned(),
        ],
    }
}

/// Every incident replay.
pub fn incident_replays() -> Vec<IncidentReplay> {
    vec![rseth_april_2026(), weeth_slash_2pct()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rseth_totals_within_five_percent() {
        let r = rseth_april_2026();
        // socialised: (666,000 − 89,567) × $2,471.79 = $1,424.8M × (0.93 − 0.8488) = $115.69M,
        // plus the attacker's 193.2 − 221.39 × 0.8488 = $5.28M: $120.98M against $123.7M
        let s = &r.figures[0];
        assert!((s.reproduced - 120.98).abs() < 0.01, "{}", s.reproduced);
        assert!(s.relative_error.abs() < 0.05);
        // bridged only: 359 × (0.93 − 0.2646) = $238.88M against $230.1M
        let b = &r.figures[1];
        assert!((b.reproduced - 238.88).abs() < 0.01, "{}", b.reproduced);
        assert!(b.relative_error.abs() < 0.05);
        for i in &r.inputs {
            i.basis.validate(&i.name).unwrap();
        }
        assert!(!r.unpublished.is_empty());
    }

    #[test]
    fn weeth_estimate_is_the_same_order_of_magnitude() {
        let r = weeth_slash_2pct();
        // 1 − 0.93/0.95 = 2.105%: a 2% slash is where E-mode loops at the limit start to fall
        assert!((r.figures[0].reproduced - 0.02 / 0.95).abs() < 1e-12);
        // 0.5 × 0.93 × 3.75 × 1.01 = $1.761B: within a factor of two of ~$1B
        let t = &r.figures[1];
        assert!((t.reproduced - 1.761_187_5).abs() < 1e-9);
        assert!((t.reproduced / t.published).log10().abs() < 0.5);
        assert!(r.unpublished[0].contains("health-factor distribution"));
    }

    #[test]
    fn arithmetic_by_hand() {
        assert_eq!(liquidating_slash(0.99), 0.0);
        assert!((liquidating_slash(1.25) - 0.2).abs() < 1e-12);
        assert!((seized_on_liquidation(100.0, 0.5, 0.01) - 50.5).abs() < 1e-12);
        assert_eq!(incident_replays().len(), 2);
    }
}
