//! Property tests of the scenario document: any valid document survives JSON and share-link
//! round trips unchanged (issue #8's "done when"), and a document's run is a function of the
//! document alone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{Shape, arb_name, num};
use proptest::prelude::*;
use restake_core::bridge::LossPolicy;
use restake_core::chain::Head;
use restake_core::risk::{RiskOptions, SeedInput};
use restake_core::scenario::{
    LeverageSection, NetworkOrigin, SCENARIO_VERSION, Scenario, SlashingSection, TimelineSection,
    default_document,
};
use restake_core::security::graph::{ServiceParams, Threshold};
use restake_core::security::{AnalysisOptions, SecurityParams};
use restake_core::slashing::timeline::{Action, TimedAction, TimelineOptions};
use restake_core::slashing::{SlashEvent, SlashingOptions, StakeMode};

/// A document holding a random network (the shared generator) and no sections.
fn arb_network() -> impl Strategy<Value = Scenario> {
    let shape = Shape {
        operators: 0..=6,
        avss: 0..=4,
        protocols: 0..=7,
    };
    common::arb_network(shape).prop_map(|network| Scenario {
        version: SCENARIO_VERSION,
        network,
        ..Scenario::default()
    })
}

/// Slashing events as (kind 0–3, which allocation/operator/AVS, fraction), stake mode shared?,
/// total active balance (ETH), ETH slashed elsewhere.
type SlashingKnobs = (Vec<(u8, usize, f64)>, bool, f64, f64);
/// Per AVS (profit ETH, threshold numerator, denominator), stake mode shared?, shock fraction.
type SecurityKnobs = (Vec<(f64, u64, u64)>, bool, f64);

/// The knobs of the page sections; each section is built from them and the network.
#[derive(Debug, Clone)]
struct Knobs {
    name: Option<String>,
    yield_stack: Option<(usize, f64, f64)>,
    slashing: Option<SlashingKnobs>,
    risk: Option<(u32, Option<u64>, f64, f64)>,
    security: Option<SecurityKnobs>,
    leverage: Option<(f64, f64, f64)>,
    bridge: Option<(f64, bool)>,
    /// The network's origin: block number, timestamp (s), complete, issue count.
    origin: Option<(u64, u64, bool, u32)>,
}

fn arb_knobs() -> impl Strategy<Value = Knobs> {
    (
        proptest::option::of(arb_name()),
        proptest::option::of((0usize..7, num(0.0, 1e12), num(0.0, 100.0))),
        proptest::option::of((
            proptest::collection::vec((0u8..4, 0usize..64, num(1e-6, 1.0)), 0..5),
            any::<bool>(),
            num(1.0, 1e9),
            num(0.0, 1e9),
        )),
        proptest::option::of((
            1u32..=10_000_000,
            proptest::option::of(any::<u64>()),
            num(1e-3, 100.0),
            num(1.0, 1e9),
        )),
        proptest::option::of((
            proptest::collection::vec((num(0.0, 1e6), 1u64..=10, 1u64..=10), 4),
            any::<bool>(),
            num(0.0, 1.0),
        )),
        proptest::option::of((num(1e-9, 1e12), num(0.01, 100.0), num(1.0001, 100.0))),
        proptest::option::of((num(1e-6, 1e6), any::<bool>())),
        proptest::option::of((any::<u64>(), any::<u64>(), any::<bool>(), any::<u32>())),
    )
        .prop_map(
            |(name, yield_stack, slashing, risk, security, leverage, bridge, origin)| Knobs {
                name,
                yield_stack,
                slashing,
                risk,
                security,
                leverage,
                bridge,
                origin,
            },
        )
}

/// Builds the sections from the knobs; a section that does not fit the network (e.g. a
/// security analysis of a network with no stake) is dropped, so the document is valid.
fn with_sections(mut s: Scenario, k: Knobs) -> Scenario {
    let defaults = default_document().unwrap();
    s.name = k.name;
    if let Some((i, deposit, horizon)) = k.yield_stack {
        let presets = restake_core::yield_stack::yield_presets().unwrap();
        let mut y = presets[i % presets.len()].input.clone();
        y.deposit_eth = deposit;
        y.horizon_years = horizon;
        s.yield_stack = Some(y);
    }
    if let Some((events, shared, total, other)) = k.slashing {
        let events = events
            .into_iter()
            .filter_map(|(kind, pick, fraction)| match kind {
                0 if !s.network.allocations.is_empty() => {
                    let a = &s.network.allocations[pick % s.network.allocations.len()];
                    Some(SlashEvent::OperatorFault {
                        operator: a.operator.clone(),
                        avs: a.avs.clone(),
                        fraction,
                    })
                }
                1 if !s.network.operators.is_empty() => Some(SlashEvent::LayeredFault {
                    operator: s.network.operators[pick % s.network.operators.len()]
                        .id
                        .clone(),
                    fraction,
                }),
                2 if !s.network.avss.is_empty() => Some(SlashEvent::AvsWide {
                    avs: s.network.avss[pick % s.network.avss.len()].id.clone(),
                    fraction,
                }),
                3 if !s.network.operators.is_empty() => Some(SlashEvent::BeaconBalanceDrop {
                    operator: s.network.operators[pick % s.network.operators.len()]
                        .id
                        .clone(),
                    amount_eth: 0.0,
                }),
                _ => None,
            })
            .collect();
        s.slashing = Some(SlashingSection {
            events,
            options: SlashingOptions {
                mode: if shared {
                    StakeMode::SharedStake
                } else {
                    StakeMode::UniqueStake
                },
                total_active_balance_eth: total,
                other_slashed_eth: other,
            },
            timeline: None,
        });
        // A timeline: the first allocation's AVS slashes half of it at block 1 (redistributed
        // when the stake mode draw is shared, to vary the document).
        if let (Some(a), Some(section)) = (s.network.allocations.first(), s.slashing.as_mut()) {
            section.timeline = Some(TimelineSection {
                actions: vec![TimedAction {
                    block: 1,
                    action: Action::Slash {
                        operator: a.operator.clone(),
                        avs: a.avs.clone(),
                        fraction: 0.5,
                        redistribute_to: shared.then(|| "fund".to_owned()),
                        veto: None,
                    },
                }],
                options: TimelineOptions {
                    escrow_delay_blocks: 7,
                    ..TimelineOptions::default()
                },
            });
        }
    }
    if let Some((paths, seed, horizon, total)) = k.risk {
        s.risk = Some(RiskOptions {
            paths: f64::from(paths),
            seed: seed.map(|x| {
                if x < 1 << 53 {
                    SeedInput::Number(x as f64)
                } else {
                    SeedInput::Text(x.to_string())
                }
            }),
            horizon_years: horizon,
            total_active_balance_eth: total,
            ..RiskOptions::default()
        });
    }
    if let Some((services, shared, shock)) = k.security {
        s.security = Some(SecurityParams {
            mode: if shared {
                StakeMode::SharedStake
            } else {
                StakeMode::UniqueStake
            },
            services: s
                .network
                .avss
                .iter()
                .zip(services)
                .map(|(a, (profit, n, d))| ServiceParams {
                    avs: a.id.clone(),
                    profit_eth: profit,
                    threshold: Threshold::new(n.min(d), d),
                })
                .collect(),
            analysis: AnalysisOptions {
                shock_fraction: shock,
                ..AnalysisOptions::default()
            },
        });
    }
    if let Some((deposit, price, hf)) = k.leverage {
        let mut l: LeverageSection = defaults.leverage.clone().unwrap();
        l.leverage_loop.deposit = deposit;
        l.leverage_loop.price = price;
        l.leverage_loop.target =
            restake_core::lending::LoopTarget::HealthFactor { health_factor: hf };
        s.leverage = Some(l);
    }
    if let Some((rate, socialised)) = k.bridge {
        let mut b = defaults.bridge.clone().unwrap();
        b.exchange_rate_eth = rate;
        b.policy = if socialised {
            LossPolicy::Socialised
        } else {
            LossPolicy::AffectedChainLoses
        };
        s.bridge = Some(b);
    }
    // Where the network came from (the first protocol's part of an import at some block).
    if let (Some((block_number, block_timestamp, complete, issues)), Some(p)) =
        (k.origin, s.network.protocols.first())
    {
        s.network_origin = Some(NetworkOrigin {
            protocol: p.id.clone(),
            head: Head {
                chain_id: 1,
                block_number,
                block_timestamp,
                block_hash: format!("0x{block_number:064x}"),
            },
            complete,
            issues,
        });
    }
    if s.validate_document().is_err() {
        s.security = None;
    }
    s
}

fn arb_document() -> impl Strategy<Value = Scenario> {
    (arb_network(), arb_knobs()).prop_map(|(s, k)| with_sections(s, k))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any valid document → JSON → the same document; → share link → the same document.
    #[test]
    fn round_trips_are_identical(s in arb_document()) {
        prop_assert_eq!(s.validate_document(), Ok(()));
        let json = s.to_json();
        prop_assert_eq!(Scenario::from_json(&json).unwrap(), s.clone());
        let compact = serde_json::to_string(&s).unwrap();
        prop_assert_eq!(Scenario::from_json(&compact).unwrap(), s.clone());
        let link = s.to_fragment();
        prop_assert!(link.starts_with("s2."));
        prop_assert!(link[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(Scenario::from_fragment(&link).unwrap(), s);
    }

    /// A version 1 document (the network alone, at the top level) reads as the same network.
    #[test]
    fn a_version_1_document_reads_as_its_network(s in arb_network()) {
        let mut v = serde_json::to_value(&s.network).unwrap();
        v["version"] = 1.into();
        let read = Scenario::from_json(&v.to_string()).unwrap();
        prop_assert_eq!(read.version, SCENARIO_VERSION);
        prop_assert_eq!(read.network, s.network);
    }

    /// A version 2 document (the network's lists at the top level beside the sections) reads
    /// as the same current document, and so does its share link.
    #[test]
    fn a_version_2_document_reads_as_the_same_document(s in arb_document()) {
        let mut v = serde_json::to_value(&s).unwrap();
        let obj = v.as_object_mut().unwrap();
        let network = obj.remove("network").unwrap();
        for (key, list) in network.as_object().unwrap() {
            obj.insert(key.clone(), list.clone());
        }
        obj.insert("version".to_owned(), 2.into());
        // A version 2 writer gave a stableswap the whitepaper's A, half of Curve's A() (×2 is exact).
        if let Some(a) = v.pointer_mut("/leverage/cascade/pool/kind/amplification") {
            *a = (a.as_f64().unwrap() / 2.0).into();
        }
        let text = v.to_string();
        prop_assert_eq!(Scenario::from_json(&text).unwrap(), s.clone());
        let link = format!("s2.{}", base64_url(&miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9)));
        prop_assert_eq!(Scenario::from_fragment(&link).unwrap(), s);
    }
}

/// Base64url without padding, as share links write it.
fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

#[test]
fn the_generator_reaches_every_section() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = [0usize; 8];
    for _ in 0..200 {
        let s = arb_document().new_tree(&mut runner).unwrap().current();
        let present = [
            s.name.is_some(),
            s.yield_stack.is_some(),
            s.slashing.as_ref().is_some_and(|x| !x.events.is_empty()),
            s.risk.is_some(),
            s.security.is_some(),
            s.leverage.is_some(),
            s.bridge.is_some(),
            s.network_origin.is_some(),
        ];
        for (n, p) in seen.iter_mut().zip(present) {
            *n += usize::from(p);
        }
    }
    // Each section is drawn half the time (security kept only when the network carries stake);
    // more than 20 of 200 is a loose floor that still catches a section that is always dropped.
    for (i, n) in seen.iter().enumerate() {
        assert!(*n > 20, "section {i} present in only {n} of 200 documents");
    }
}
