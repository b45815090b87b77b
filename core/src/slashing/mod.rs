//! Layered slashing: what a sequence of AVS and beacon-chain slashes does to operators, AVSs,
//! liquid restaking tokens and the positions of their holders.
//!
//! The model follows what EigenLayer and Symbiotic ship: Layr-Labs/eigenlayer-contracts f84a515
//! (`docs/core/AllocationManager.md`, `docs/core/DelegationManager.md`,
//! `docs/core/accounting/SharesAccounting.md`, `DualSlashingEdgeCase.md`), ELIP-002
//! (eigenfoundation/ELIPs aa39caf), symbioticfi/core 25a065a (`src/contracts/delegator/*.sol`,
//! `slasher/`, `vault/Vault.sol`) and, for the beacon chain, ethereum/consensus-specs a08d8a6
//! (Electra `slash_validator`, `process_slashings`):
//!
//! - **Stakers.** Each delegation of the scenario (`protocol → operator`, weight `w` of the
//!   protocol's restaked ETH `R`, plus its queued withdrawals) is one EigenLayer staker — LRTs
//!   delegate through one contract per operator (Renzo's OperatorDelegators, Kelp's
//!   NodeDelegators, ether.fi's nodes) — with its own EigenPod. Its stake `w·R` is split into
//!   native ETH (`nativeShare`, beacon-chain slashable) and LSTs. Each operator's
//!   `otherDelegatedEth` is one more staker. Claims follow [`staker`]: `a = s·k·l·m`.
//! - **Unique stake** ([`StakeMode::UniqueStake`], EigenLayer after ELIP-002): each operator has a
//!   [`ledger::MagnitudeLedger`] with the scenario's allocations as magnitudes; a slash removes
//!   `⌈a·w⌉` from that set and from `maxMagnitude`, and every staker of the operator loses
//!   `slashedMag / maxMagnitude` of its claim, queued withdrawals included.
//! - **Shared stake** ([`StakeMode::SharedStake`], Symbiotic restaking delegators): each operator's
//!   stake is a [`shared_stake::Vault`] that counts for every AVS up to its network limit; slashes
//!   are capped by what is left, first come, first served.
//! - **Beacon chain** ([`beacon`]): Electra penalties of slashed validators, or a checkpointed
//!   balance drop, lower the pods' factor `l`; this composes multiplicatively with AVS slashing and
//!   has priority.
//! - **LRTs**: a protocol's backing is `R` plus its queued withdrawals; its exchange rate falls by
//!   the share of backing lost, and so does every holder's position. One operator's fault hits
//!   every protocol that delegates to it (cross-LRT contagion).
//!
//! Invariants, checked on every run (a failure is returned as [`Error::Invariant`]): value is
//! conserved to the wei (before = after + slashed, and the per-step, per-AVS, per-operator and
//! per-protocol accounts each sum to `slashed`); in unique-stake mode every unit of magnitude
//! leaves exactly one allocation and the non-slashable remainder never changes, so nothing is
//! slashed twice and an operator's AVS losses stay within its allocated share. Each identity is
//! a named check in [`conservation`].
//!
//! # Example
//! ```
//! use restake_core::slashing::{apply_slashing, SlashEvent, SlashingOptions};
//! use restake_core::network::Network;
//!
//! // DualSlashingEdgeCase.md: 32 ETH restaked natively with one operator fully allocated to
//! // one AVS; a 75% AVS slash, then a 16 ETH beacon-chain balance drop.
//! let network = Network::from_json(r#"{
//!   "protocols": [], "operators": [{"id": "op", "name": "Op", "otherDelegatedEth": 32, "otherNativeShare": 1}],
//!   "avss": [{"id": "avs", "name": "AVS"}],
//!   "allocations": [{"operator": "op", "avs": "avs", "magnitude": 1}]}"#).unwrap();
//! let events = [
//!     SlashEvent::OperatorFault { operator: "op".into(), avs: "avs".into(), fraction: 0.75 },
//!     SlashEvent::BeaconBalanceDrop { operator: "op".into(), amount_eth: 16.0 },
//! ];
//! let r = apply_slashing(&network, &events, &SlashingOptions::default()).unwrap();
//! assert_eq!(r.totals.after.eth, 4.0);
//! assert_eq!(r.avss[0].slashed.eth, 12.0);              // the AVS's attributable slash
//! assert_eq!(r.totals.slashed_by_beacon_chain.eth, 16.0); // the beacon chain's, with priority
//! ```

mod build;
pub mod conservation;
pub mod demo;
mod engine;
pub mod events;
pub mod ledger;
pub mod report;
pub mod shared_stake;
pub mod staker;
pub mod timeline;

pub use crate::network::StakeMode;
pub use events::{MAX_EVENTS, SlashEvent, SlashingOptions};
pub use report::{
    AllocationReport, AvsReport, ContagionReport, EventReport, ModelNote, OTHER_DELEGATORS_ID,
    OperatorReport, PositionReport, PositionTotals, ProtocolReport, Share, SlashingReport,
    StepDetail, StepReport, StrategyReport, Totals, ValidatorPenalty,
};

use crate::Error;
use crate::network::Network;
use engine::{Engine, slashable_table};
use events::{BeaconCause, Registry, Step};

/// Work budget of one [`apply_slashing`] call, work units: `steps × (operators + AVSs +
/// allocations + delegations + protocols + positions)`, where `steps` counts the expanded
/// events (an `avsWide` event is one step per operator of the AVS) and the bracket is what a
/// step and its report rows can touch. 200,000,000 units is about 4 s of wasm on the reference
/// machine (1,000 events expanding to 10,500 steps on a 500-operator × 200-AVS network, 6,200
/// entries: 6.5e7 units, 1.2 s through `applySlashing` in Node).
pub const MAX_SLASHING_WORK: f64 = 2e8;

/// What [`apply_slashing`] checks and expands before it applies anything.
struct Prepared<'a> {
    registry: Registry<'a>,
    steps: Vec<(usize, Step)>,
    total_active: u128,
    other_slashed: u128,
}

/// The checks of [`apply_slashing`] that need no ledger (the network, the number of events,
/// the options, every event's fields) and the events expanded into steps.
fn prepare<'a>(
    network: &'a Network,
    events: &[SlashEvent],
    options: &SlashingOptions,
) -> Result<Prepared<'a>, Error> {
    network.validate()?;
    if events.len() > MAX_EVENTS {
        return Err(Error::OutOfRange {
            field: "events".to_owned(),
            value: events.len() as f64,
            expected: format!("at most {MAX_EVENTS} events"),
        });
    }
    let (total_active, other_slashed) = events::beacon_context(options)?;
    let registry = Registry::new(network);
    let mut steps: Vec<(usize, Step)> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        steps.extend(events::expand(e, i, &registry)?.into_iter().map(|s| (i, s)));
    }
    Ok(Prepared {
        registry,
        steps,
        total_active,
        other_slashed,
    })
}

/// The entries a step and its report rows can touch: operators + AVSs + allocations +
/// delegations + protocols + positions (at least 1).
fn network_size(network: &Network) -> usize {
    (network.operators.len()
        + network.avss.len()
        + network.allocations.len()
        + network.delegations.len()
        + network.protocols.len()
        + network.positions.len())
    .max(1)
}

/// The work of [`apply_slashing`] on these inputs, work units: `steps × (operators + AVSs +
/// allocations + delegations + protocols + positions)` ([`MAX_SLASHING_WORK`]'s formula), after
/// every check `apply_slashing` makes before applying anything (the same errors). A caller with
/// a smaller budget than [`MAX_SLASHING_WORK`] (a page recomputing on every keystroke) compares
/// against its own; about 5.4e7 units a second in wasm.
///
/// ```
/// use restake_core::slashing::{demo::demo, slashing_work};
/// let d = demo().unwrap();
/// let work = slashing_work(&d.network, &d.events, &d.options).unwrap();
/// assert!(work > 0.0 && work < 1e5);
/// ```
pub fn slashing_work(
    network: &Network,
    events: &[SlashEvent],
    options: &SlashingOptions,
) -> Result<f64, Error> {
    let steps = prepare(network, events, options)?.steps.len();
    Ok(steps as f64 * network_size(network) as f64)
}

/// Refuses a sequence over [`MAX_SLASHING_WORK`] before anything is applied, at `events`.
fn work_budget(network: &Network, steps: usize) -> Result<(), Error> {
    let size = network_size(network);
    let work = steps as f64 * size as f64;
    if work <= MAX_SLASHING_WORK {
        return Ok(());
    }
    Err(Error::OutOfRange {
        field: "events".to_owned(),
        value: work,
        expected: format!(
            "a sequence of at most {MAX_SLASHING_WORK:e} work units (its {steps} steps × the \
             network's {size} entries); use fewer events, fewer avsWide events on large AVSs, \
             or a smaller network"
        ),
    })
}

/// Applies `events` in order to the scenario's delegated stake and reports the result.
///
/// Errors name the offending field: scenario paths (`allocations[operator=op-a].magnitude`,
/// `delegations[2].protocol` when a delegating protocol has no `restaking` entry), event paths
/// (`events[1].avs`, `events[0].validators`) or option paths (`options.totalActiveBalanceEth`).
/// See the [module documentation](self) for the model and an example.
pub fn apply_slashing(
    network: &Network,
    events: &[SlashEvent],
    options: &SlashingOptions,
) -> Result<SlashingReport, Error> {
    let Prepared {
        registry,
        steps,
        total_active,
        other_slashed,
    } = prepare(network, events, options)?;
    work_budget(network, steps.len())?;
    // Every beaconSlashing event of the sequence falls in one 8192-epoch window.
    let window = steps.iter().fold(other_slashed, |w, (_, s)| match s {
        Step::Beacon {
            cause:
                BeaconCause::Validators {
                    count,
                    effective_balance,
                },
            ..
        } => w + u128::from(*count) * effective_balance,
        _ => w,
    });

    let mut engine = Engine::build(network, &registry, options.mode)?;
    let slashable_before = slashable_table(&engine, &registry)?;
    let mut outcomes = Vec::with_capacity(steps.len());
    for (k, &(event, step)) in steps.iter().enumerate() {
        outcomes.push(match step {
            Step::Avs { operator, set, wad } => engine.apply_avs(k, operator, set, wad)?,
            Step::Beacon { operator, cause } => {
                engine.apply_beacon(k, event, operator, cause, window, total_active)?
            }
        });
    }
    let attributed = engine.attribute()?;
    engine.check_unique_stake()?;
    let slashable_after = slashable_table(&engine, &registry)?;
    build::report(
        network,
        events,
        &registry,
        &engine,
        &steps,
        outcomes,
        &attributed,
        [slashable_before, slashable_after],
    )
}

#[cfg(test)]
mod tests;
