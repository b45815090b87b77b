//! Interest compounding as Aave v3 and Morpho Blue both accrue it: the first terms of
//! `e^x = 1 + x + x²/2 + x³/6`, `x = rate × time`, once per interaction (Aave
//! `MathUtils.calculateCompoundedInterest`, Morpho `MathLib.wTaylorCompounded`; the contracts'
//! integer versions are in [`crate::lending::rate_model::compound`]). A shared primitive, so the
//! carry engine and the Monte Carlo's loop accrue debt the same way.

/// The factor `1 + x + x²/2 + x³/6`, `x = apr × years`, by which debt grows over one step at a
/// rate held constant through it (APR per year, fraction; years; the factor, ×).
///
/// ```
/// let f = restake_core::interest::compounded_factor(1.0, 1.0);
/// assert!((f - 8.0 / 3.0).abs() < 1e-15);
/// ```
pub fn compounded_factor(apr: f64, years: f64) -> f64 {
    let x = apr * years;
    1.0 + x + x * x / 2.0 + x * x * x / 6.0
}
