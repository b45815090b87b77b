//! `simulateRisk(scenario, options?)`, `riskDemo()` and the `RiskRun` class (a run in slices, for
//! a Web Worker that reports progress and can stop between slices).

use wasm_bindgen::prelude::*;

use super::{demo_with_scenario, from_js, network_from, optional_js, to_js};
use crate::network::Network;
use crate::risk::input::path_count;
use crate::risk::{RiskOptions, risk_demo, simulate_risk};
use crate::scenario::{SCENARIO_VERSION, Scenario};

/// The network and options of a run: `options` when given, else the document's `risk` section,
/// else the defaults.
fn run_input(
    scenario: JsValue,
    options: Option<JsValue>,
) -> Result<(Network, RiskOptions), JsValue> {
    let (network, doc) = network_from(scenario)?;
    let given = options.filter(|o| !o.is_undefined() && !o.is_null());
    let options = match (given, doc.and_then(|d| d.risk)) {
        (None, Some(section)) => section,
        (given, _) => optional_js(given, "options")?,
    };
    Ok((network, options))
}

/// Monte Carlo loss distribution of correlated slashing. Its TypeScript signature is written by
/// hand below because wasm-bindgen cannot mark a typed `JsValue` parameter as optional.
#[wasm_bindgen(js_name = simulateRisk, skip_typescript)]
pub fn simulate_risk_js(scenario: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let (network, options) = run_input(scenario, options)?;
    to_js(&simulate_risk(&network, &options)?)
}

#[wasm_bindgen(typescript_custom_section)]
const SIMULATE_RISK_TS: &str = r#"
/**
 * Monte Carlo loss distribution of correlated slashing over `options.horizonYears` (default 1):
 * per LRT (fraction of backing) and for the user's positions (ETH): mean, standard deviation and
 * error, P(loss > 0), VaR and expected shortfall at 95% and 99%, worst path, histogram, and each
 * operator's and AVS's contribution to the mean and to the 99% tail. `options.paths`: 1..=1e7
 * (default 100,000). `options.seed`: a safe integer or a decimal u64 string; omitted, one is drawn
 * from Web Crypto and returned as `report.seed`. The same seed gives the same report on every
 * platform. `scenario` is a scenario document (any version) or a bare network; without
 * `options`, a document's `risk` section is used (the defaults when it has none). Throws an
 * Error with `field` and `kind` on invalid input (e.g. `options.paths`).
 */
export function simulateRisk(scenario: Scenario | Network, options?: RiskOptions): RiskReport;
"#;

/// The built-in starting point: the demo network, default options (seed 1) and the basis of
/// every figure (every probability is a labelled assumption); `scenario` holds both as a
/// document (its `risk` section is the options).
#[wasm_bindgen(js_name = riskDemo, unchecked_return_type = "RiskDemo & { scenario: Scenario }")]
pub fn risk_demo_js() -> Result<JsValue, JsValue> {
    let d = risk_demo()?;
    let doc = Scenario {
        version: SCENARIO_VERSION,
        network: d.network.clone(),
        risk: Some(d.options.clone()),
        ..Scenario::default()
    };
    demo_with_scenario(&d, &doc)
}

/// A run in slices: `new RiskRun(scenario, options)`, then `step(n)` until `done === paths`
/// (post progress, check for cancellation between calls), then `finish()`. The report equals
/// `simulateRisk` with the same seed. A thin wrapper of [`crate::risk::RiskRun`].
#[wasm_bindgen(js_name = RiskRun)]
pub struct RiskRunJs(crate::risk::RiskRun);

#[wasm_bindgen(js_class = RiskRun)]
impl RiskRunJs {
    /// Validates the input and resolves the seed. Throws like `simulateRisk`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Scenario | Network")] scenario: JsValue,
        #[wasm_bindgen(unchecked_param_type = "RiskOptions | undefined")] options: JsValue,
    ) -> Result<RiskRunJs, JsValue> {
        let (network, options) = run_input(scenario, Some(options))?;
        Ok(RiskRunJs(crate::risk::RiskRun::new(&network, &options)?))
    }

    /// The seed in use, a u64 in decimal.
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> String {
        self.0.seed().to_string()
    }

    /// Paths of the whole run.
    #[wasm_bindgen(getter)]
    pub fn paths(&self) -> f64 {
        self.0.paths() as f64
    }

    /// Paths simulated so far.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> f64 {
        self.0.done() as f64
    }

    /// Simulates up to `n` more paths (`n` a whole number in 1..=1e7; throws on field `n`
    /// otherwise, a string or BigInt included); returns the paths done so far.
    pub fn step(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    ) -> Result<f64, JsValue> {
        let n = path_count("n", from_js::<f64>(n, "n")?)?;
        Ok(self.0.step(n)? as f64)
    }

    /// The report of the paths done so far (all of them once `done === paths`).
    #[wasm_bindgen(unchecked_return_type = "RiskReport")]
    pub fn finish(&self) -> Result<JsValue, JsValue> {
        to_js(&self.0.finish()?)
    }
}

/// The Risk page's starting loop over `horizonYears` (default 1) for `options.carry`: 5×, 3% a
/// year (both assumed), Aave's E-mode liquidation threshold (sourced), Core WETH's 2026 rate
/// data read calm at its kink (90%) or along the February 2026 spike (10%, assumed); with the
/// basis of every figure.
#[wasm_bindgen(js_name = riskLoopDefault, unchecked_return_type = "RiskLoopDefault")]
pub fn risk_loop_default_js(
    #[wasm_bindgen(unchecked_param_type = "number | undefined")] horizon_years: JsValue,
) -> Result<JsValue, JsValue> {
    let years = if horizon_years.is_undefined() {
        1.0
    } else {
        from_js(horizon_years, "horizonYears")?
    };
    to_js(&crate::scenario::risk_loop_default(years)?)
}

/// What [`borrow_rate_path_js`] reads.
#[derive(Debug, Clone, serde::Deserialize, tsify::Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BorrowRateInput {
    /// The market's rate model.
    pub rate_model: crate::lending::rate_model::RateModel,
    /// Its utilisation through the horizon.
    pub utilization: crate::lending::carry::UtilizationPath,
    /// Horizon, days, in `0.01..=36500`.
    pub horizon_days: f64,
    /// Step, days, in `0.01..=365`; 1 when omitted. At most 20,000 steps.
    #[serde(default = "one_day")]
    #[tsify(optional)]
    pub step_days: f64,
}

fn one_day() -> f64 {
    1.0
}

/// A rate path for `options.carry.ratePaths[…].borrowApr`: the borrow APR that `rateModel` gives
/// along `utilization`, one point per step, equal runs merged (as the carry engine steps it).
#[wasm_bindgen(js_name = borrowRatePath, unchecked_return_type = "AprPoint[]")]
pub fn borrow_rate_path_js(
    #[wasm_bindgen(unchecked_param_type = "BorrowRateInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let i: BorrowRateInput = from_js(input, "")?;
    to_js(&crate::scenario::borrow_rate_path(
        &i.rate_model,
        &i.utilization,
        i.horizon_days,
        i.step_days,
    )?)
}
