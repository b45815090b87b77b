//! The document the app starts from: the Slashing page's demo network with every section filled
//! with its page's default.

use super::sections::{LeverageSection, SlashingSection};
use super::{SCENARIO_VERSION, Scenario};
use crate::Error;
use crate::lending::{LeverageInput, LoopTarget, lending_markets, replay::ezeth_april_2024};

/// The Leverage page's market: Morpho Blue ezETH/WETH at LLTV 0.77 (the ezETH replay's market).
const LOOP_MARKET: &str = "morpho-ezeth-weth-77";

/// The default document: the slashing demo's network (three LRTs, four operators, four AVSs;
/// every figure an illustrative assumption, see [`crate::network::demo`]) and
/// - `yieldStack`: the first yield preset (ether.fi weETH against wstETH);
/// - `slashing`: the demo's three events and default options;
/// - `risk`: 100,000 paths, one year, seed 1, the default (assumed) probabilities;
/// - `security`: the security demo's π and α per AVS and a 5% shock;
/// - `leverage`: a 10-token loop at price 1 ETH, 3%/year LRT yield, target health factor 1.2 on
///   Morpho ezETH/WETH 0.77 at its preset borrow rate; the cascade of the ezETH April 2024 replay;
/// - `bridge`: the rsETH April 2026 adapter exploit preset.
///
/// ```
/// let d = restake_core::scenario::default_document().unwrap();
/// d.validate_document().unwrap();
/// assert_eq!(d.network.operators.len(), 4);
/// ```
pub fn default_document() -> Result<Scenario, Error> {
    let demo = crate::slashing::demo::demo()?;
    let risk = crate::risk::risk_demo()?.options;
    let security = crate::security::demo::demo()?.params;
    let yield_stack = crate::yield_stack::yield_presets()?
        .into_iter()
        .next()
        .map(|p| p.input);
    let market = lending_markets()
        .into_iter()
        .find(|m| m.id == LOOP_MARKET)
        .ok_or_else(|| Error::Invariant {
            field: "lending.markets".to_owned(),
            message: format!("no preset market {LOOP_MARKET}"),
        })?;
    let leverage = LeverageSection {
        leverage_loop: LeverageInput {
            deposit: 10.0,
            price: 1.0,
            lrt_yield: 0.03,
            borrow_rate: market.borrow_rate.value,
            market: market.params(),
            target: LoopTarget::HealthFactor { health_factor: 1.2 },
        },
        cascade: ezeth_april_2024().input,
        carry: None,
    };
    let (bridge, _) = crate::bridge::rseth_april_2026();
    let doc = Scenario {
        version: SCENARIO_VERSION,
        name: Some("Demo network".to_owned()),
        yield_stack,
        slashing: Some(SlashingSection {
            events: demo.events,
            options: demo.options,
            timeline: None,
        }),
        risk: Some(risk),
        security: Some(security),
        leverage: Some(leverage),
        bridge: Some(bridge),
        position: None,
        network: demo.network,
        live: None,
        parameters: None,
        wallet: None,
        network_origin: None,
    };
    doc.validate_document()?;
    Ok(doc)
}
