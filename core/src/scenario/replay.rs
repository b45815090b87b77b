//! The replay library: historical and stylised events as ready-made documents, each with a short
//! note and the basis of its figures (each basis names its source). Every replay carries the demo
//! network (so the network pages still have something to show) and the section(s) of its event.

use serde::{Deserialize, Serialize};

use super::sections::{LeverageSection, SlashingSection};
use super::{SCENARIO_VERSION, Scenario};
use crate::Error;
use crate::lending::{
    CascadeInput, LeverageInput, LiquidationRules, LoopTarget, MarketParams, OracleKind, Pool,
    PoolKind, Population, Shock, SwapFee, lending_markets, replay::ezeth_april_2024,
};
use crate::slashing::{SlashEvent, SlashingOptions};
use crate::source::Basis;

/// One replay: a document to open, with what it shows and where its figures come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Replay {
    /// Stable id, e.g. `ezeth-2024-04`.
    pub id: String,
    /// Title, e.g. `ezETH depeg`.
    pub title: String,
    /// When it happened, `YYYY-MM`; a stylised replay gives the month its model was written.
    pub date: String,
    /// What happened and what the replay shows, a few sentences.
    pub note: String,
    /// The sources and labelled assumptions behind its figures.
    pub basis: Vec<Basis>,
    /// The document (valid; [`super::run_scenario`] runs it).
    pub scenario: Scenario,
}

fn assumption(note: &str) -> Basis {
    Basis::Assumption {
        note: note.to_owned(),
    }
}

fn source(citation: &str, date: &str) -> Basis {
    Basis::Source {
        citation: citation.to_owned(),
        date: date.to_owned(),
    }
}

/// The demo network (illustrative, see [`crate::network::demo`]) under `name`, no sections.
fn network(name: &str) -> Result<Scenario, Error> {
    Ok(Scenario {
        version: SCENARIO_VERSION,
        name: Some(name.to_owned()),
        network: crate::network::demo::demo()?.network,
        ..Scenario::default()
    })
}

fn demo_network_basis() -> Basis {
    assumption(
        "The network (three LRTs, operators A–D, four AVSs, delegations, allocations, restaked ETH) is the Slashing page's illustrative demo, not a measurement of real operators or AVSs.",
    )
}

fn market(id: &str) -> Result<crate::lending::LendingMarket, Error> {
    lending_markets()
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| Error::Invariant {
            field: "lending.markets".to_owned(),
            message: format!("no preset market {id}"),
        })
}

/// The ezETH depeg of 24 April 2024: the calibrated Morpho Blue LLTV 0.77 cascade
/// ([`ezeth_april_2024`]) and a loop in the same market.
fn ezeth() -> Result<Replay, Error> {
    let preset = ezeth_april_2024();
    let m = market("morpho-ezeth-weth-77")?;
    let mut basis: Vec<Basis> = preset.notes.into_iter().map(|(_, b)| b).collect();
    basis.push(preset.published.basis);
    basis.push(assumption("The loop (10 ezETH at 1 ETH, 3%/year yield, levered to health factor 1.2) is an illustrative position in the same market, not a reported one."));
    basis.push(m.borrow_rate.basis.clone());
    let scenario = Scenario {
        leverage: Some(LeverageSection {
            leverage_loop: LeverageInput {
                deposit: 10.0,
                price: 1.0,
                lrt_yield: 0.03,
                borrow_rate: m.borrow_rate.value,
                market: m.params(),
                target: LoopTarget::HealthFactor { health_factor: 1.2 },
            },
            cascade: preset.input,
            carry: None,
        }),
        ..network("ezETH depeg, April 2024")?
    };
    Ok(Replay {
        id: "ezeth-2024-04".to_owned(),
        title: "ezETH depeg".to_owned(),
        date: "2024-04".to_owned(),
        note: format!(
            "On 24 April 2024 ezETH traded below 0.8 ETH after the REZ airdrop backlash, with no native withdrawals to arbitrage the gap. Morpho's ezETH/WETH markets read a thin Balancer pool, so liquidators' own sales pushed the oracle further. The Leverage section replays the LLTV 0.77 market. {}",
            preset.comparison
        ),
        basis,
        scenario,
    })
}

/// The rsETH LayerZero adapter exploit of 18 April 2026 ([`crate::bridge::rseth_april_2026`]).
fn rseth() -> Result<Replay, Error> {
    let (bridge, notes) = crate::bridge::rseth_april_2026();
    let scenario = Scenario {
        bridge: Some(bridge),
        ..network("rsETH bridge exploit, April 2026")?
    };
    Ok(Replay {
        id: "rseth-bridge-2026-04".to_owned(),
        title: "rsETH bridge exploit".to_owned(),
        date: "2026-04".to_owned(),
        note: "On 18 April 2026 a forged cross-chain message released 116,500 rsETH (about 18% of supply) from the Ethereum-side LayerZero adapter with no burn on the source chain, so that much rsETH was unbacked. The attacker posted it on Aave v3 to borrow WETH. The Bridge section splits the shortfall between holders (switch the loss policy to compare who bears it) and shows the lending market's bad debt: a market prices the symbol, not the backing.".to_owned(),
        basis: notes.into_iter().map(|(_, b)| b).collect(),
        scenario,
    })
}

/// The stETH discount of June 2022: the Curve stETH/ETH pool pushed to ~0.93 ETH per stETH at
/// 22/78 ETH/stETH, and the liquidations a market-priced lending market would see.
fn steth() -> Result<Replay, Error> {
    let (cf, full) = (0.5, 0.95);
    let stand_in = MarketParams {
        ltv: 0.785,
        liquidation_threshold: 0.81,
        liquidation_bonus: 0.06,
        close_factor: cf,
        full_close_hf: full,
        oracle: OracleKind::Market,
        liquidation_protocol_fee: 0.0,
        rules: LiquidationRules::CloseFactor,
    };
    let cascade = CascadeInput {
        market: stand_in,
        exchange_rate: 1.0,
        pool: Pool {
            kind: PoolKind::Stableswap {
                amplification: 30.0,
            },
            lrt_reserve: 100_000.0,
            eth_reserve: 100_000.0,
            fee: SwapFee::Curve {
                fee: 0.0004,
                admin_fee: 0.5,
                offpeg_fee_multiplier: 1.0,
            },
            lrt_rate: 1.0,
        },
        population: Population::Generated {
            count: 50,
            total_collateral: 100_000.0,
            min_health_factor: 1.0,
            max_health_factor: 2.0,
            size_skew: 1.0,
        },
        shock: Shock::Depeg { fraction: 0.07 },
        sale_share: 0.5,
        max_rounds: 50,
    };
    let scenario = Scenario {
        leverage: Some(LeverageSection {
            leverage_loop: LeverageInput {
                deposit: 10.0,
                price: 1.0,
                lrt_yield: 0.04,
                borrow_rate: 0.025,
                market: stand_in,
                target: LoopTarget::HealthFactor { health_factor: 1.1 },
            },
            cascade,
            carry: None,
        }),
        ..network("stETH discount, June 2022")?
    };
    let discount = "Nansen research on stETH (June 2022); a tuta-space Notion write-up; trustnodes \"0.937\" (all secondary, news and research notes)";
    let basis = vec![
        source(&format!("stETH hit about 0.93 ETH in mid-June 2022: {discount}"), "2022-06"),
        source(&format!("The Curve stETH/ETH pool reached about 22/78 ETH/stETH and lost more than half its TVL as 3AC and Celsius withdrew about $800M: {discount}"), "2022-06"),
        Basis::Derived {
            formula: "A = 30 (as the pool's A() returns: Curve's Ann = A·n; 15 in the whitepaper's A·nⁿ) calibrated so that a balanced two-coin stableswap pushed to a spot price of 0.93 holds 22% ETH and 78% stETH (the reported imbalance); A = 28 gives 22.7%, A = 32 gives 21.4%".to_owned(),
            inputs: vec![
                source(&format!("pool at ~22/78 ETH/stETH, price ~0.93: {discount}"), "2022-06"),
                assumption("The Curve pool is modelled as a two-coin stableswap, balanced before the discount"),
            ],
        },
        assumption("The pool's size before the discount is not in our sources: a balanced 100,000 stETH / 100,000 ETH stands in; the price path depends only on the ratio, the liquidators' price impact on the size."),
        assumption("stETH's backing is taken as 1 ETH per stETH throughout (exchange rate 1): the discount was a market price, not a loss of backing; there were no withdrawals before Shapella (April 2023) to close it."),
        Basis::Derived {
            formula: "Lending market: LTV 78.5%, liquidation threshold 81%, bonus 6% (the Aave v3 Core wstETH comparator of /20167/2, December 2024), close factor 50% above HF 0.95 (aave-v3-origin LiquidationLogic.sol)".to_owned(),
            inputs: vec![
                source("governance.aave.com/t/…/20167/2: wstETH comparator 78.5/81/6", "2024-12"),
                assumption("The 2022 positions sat on Aave v2 and other markets whose parameters are not in our sources; the later wstETH parameters stand in, with a market-price oracle (the discount reached the oracle)"),
            ],
        },
        assumption("The borrowers are not in our sources: 50 positions holding 100,000 stETH with health factors spread from 1.0 to 2.0 and the largest positions the most levered (size skew 1), standing for the large leveraged holders of the time."),
        assumption("Half of the seized stETH is sold into the pool in the round it is seized, the rest elsewhere or held."),
        assumption("The Curve stETH/ETH pool's fee() and admin_fee() in June 2022 are not in our sources: a 0.04% fee on the output with half of it to the DAO (admin fee 50%) is assumed, and no off-peg multiplier (the 2020 pool has none)."),
        assumption("The 2022 liquidations ran on markets older than Aave v3.3: the replay keeps the close-factor rules (50%, 100% at HF ≤ 0.95) with no liquidation protocol fee (Aave v2 had none)."),
        assumption("The loop (10 stETH, 4%/year staking yield, 2.5%/year borrow rate, levered to health factor 1.1) is illustrative."),
        demo_network_basis(),
    ];
    Ok(Replay {
        id: "steth-2022-06".to_owned(),
        title: "stETH discount".to_owned(),
        date: "2022-06".to_owned(),
        note: "After the Terra collapse in May 2022, large holders left the Curve stETH/ETH pool; with no withdrawals before Shapella nothing closed the gap and stETH traded near 0.93 ETH in mid-June with the pool at about 22/78 ETH/stETH. The backing never fell: the loss was the discount to anyone who had to sell, and liquidations where a lending market read the market price. The Leverage section replays a 7% discount on a market-priced stETH market; the pool, the market and the borrowers are labelled stand-ins.".to_owned(),
        basis,
        scenario,
    })
}

/// A common-cause fault at every operator of the demo network: a shared client bug makes each
/// operator double-sign, so 100 of its validators are slashed on the beacon chain and each AVS
/// it secures slashes 5% of its allocation.
fn mass_operator_fault() -> Result<Replay, Error> {
    let base = network("Mass operator fault")?;
    let mut events = Vec::new();
    for o in &base.network.operators {
        events.push(SlashEvent::BeaconSlashing {
            operator: o.id.clone(),
            validators: 100,
            effective_balance_eth: 32,
        });
        events.push(SlashEvent::LayeredFault {
            operator: o.id.clone(),
            fraction: 0.05,
        });
    }
    let scenario = Scenario {
        slashing: Some(SlashingSection {
            events,
            options: SlashingOptions {
                other_slashed_eth: 100_000.0,
                ..SlashingOptions::default()
            },
            timeline: None,
        }),
        ..base
    };
    Ok(Replay {
        id: "mass-operator-fault".to_owned(),
        title: "Mass operator fault".to_owned(),
        date: "2026-11".to_owned(),
        note: "A stylised common-cause fault: one bug in software every operator runs makes all four demo operators double-sign at once. Each loses 100 validators (32 ETH each) to beacon-chain slashing, with the Electra correlation penalty of a window in which 100,000 ETH more is slashed network-wide, and every AVS each operator secures slashes 5% of its allocation. Every LRT is hit through every operator: diversification across operators does not help against a shared fault.".to_owned(),
        basis: vec![
            assumption("No such event has happened on EigenLayer; the bug, the 100 validators per operator, the 5% AVS slashes and the 100,000 ETH slashed elsewhere in the same window are illustrative. Chaos Labs name consensus-client bugs as the tail risk (governance.aave.com/t/arfc-lrt-and-wsteth-unification/21739/3)."),
            source("Electra slashing: initial penalty EB/4096 (MIN_SLASHING_PENALTY_QUOTIENT_ELECTRA) and the correlation penalty, 3 × the share slashed in the 8192-epoch window (PROPORTIONAL_SLASHING_MULTIPLIER_BELLATRIX): ethereum/consensus-specs HEAD a08d8a6, specs/electra/beacon-chain.md, slash_validator and process_slashings", "undated"),
            demo_network_basis(),
        ],
        scenario,
    })
}

/// A bug in one AVS's slashing condition slashes every operator registered with it.
fn avs_bug() -> Result<Replay, Error> {
    let scenario = Scenario {
        slashing: Some(SlashingSection {
            events: vec![SlashEvent::AvsWide {
                avs: "da".to_owned(),
                fraction: 0.5,
            }],
            options: SlashingOptions::default(),
            timeline: None,
        }),
        ..network("AVS software bug")?
    };
    Ok(Replay {
        id: "avs-bug".to_owned(),
        title: "AVS software bug".to_owned(),
        date: "2026-11".to_owned(),
        note: "A stylised AVS failure: a bug in the data-availability AVS's slashing condition slashes every operator registered with it (A, B and D) by half of what each allocated to it. Under unique stake the loss stops at those allocations; switch the stake mode to shared stake to see it reach the operators' whole stake.".to_owned(),
        basis: vec![
            assumption("No AVS has slashed its whole operator set; the AVS, the 50% fraction and the operators registered with it are illustrative."),
            source("ELIP-002 unique stake: a slash removes wadsToSlash of the operator set's allocated magnitude only (eigenfoundation/ELIPs aa39caf, ELIPs/ELIP-002.md; Layr-Labs/eigenlayer-contracts f84a515, src/contracts/core/AllocationManager.sol, slashOperator)", "undated"),
            demo_network_basis(),
        ],
        scenario,
    })
}

/// The replays, in date order of their events then the stylised ones: `ezeth-2024-04`,
/// `rseth-bridge-2026-04`, `steth-2022-06` are historical; `mass-operator-fault` and `avs-bug`
/// are stylised. Every one validates and runs ([`super::run_scenario`]).
///
/// ```
/// let r = restake_core::scenario::replays().unwrap();
/// assert_eq!(r.len(), 5);
/// assert!(r.iter().all(|x| x.scenario.validate_document().is_ok()));
/// ```
pub fn replays() -> Result<Vec<Replay>, Error> {
    Ok(vec![
        steth()?,
        ezeth()?,
        rseth()?,
        mass_operator_fault()?,
        avs_bug()?,
    ])
}
