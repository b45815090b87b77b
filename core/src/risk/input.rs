//! The options of a Monte Carlo run: how many paths, the seed, the horizon, and the probability
//! model (annual event probabilities and severities). Every default probability is a labelled
//! assumption: no published loss history of AVS slashing exists yet (EigenLayer slashing, ELIP-002 in
//! eigenfoundation/ELIPs, went live on mainnet on 2025-04-17 per Chaos Labs on
//! gov.renzoprotocol.com; Symbiotic's slashers are symbioticfi/core `src/contracts/slasher/`).

use serde::{Deserialize, Serialize};

use crate::network::demo::DemoNote;
use crate::source::Basis;
use crate::{Error, validate};

/// Most paths one run may simulate (10,000,000).
pub const MAX_PATHS: u64 = 10_000_000;

/// A count of paths given as a number (`options.paths`, or the `n` of a
/// [`RiskRun::step`](super::RiskRun::step) from JavaScript): a whole number in
/// `1..=`[`MAX_PATHS`]. Errors name `field`.
pub fn path_count(field: &str, n: f64) -> Result<u64, Error> {
    const EXPECTED: &str = "a whole number of paths in 1..=10000000";
    let n = validate::in_range(field, n, 1.0, MAX_PATHS as f64, EXPECTED)?;
    if n.fract() != 0.0 {
        return Err(Error::OutOfRange {
            field: field.to_owned(),
            value: n,
            expected: EXPECTED.to_owned(),
        });
    }
    // Whole and within 1..=1e7: exact.
    Ok(n as u64)
}

/// Bounds of a Beta severity's shape parameters `α`, `β`.
pub const BETA_SHAPE_RANGE: (f64, f64) = (0.1, 1_000.0);

/// Longest horizon, years.
pub const MAX_HORIZON_YEARS: f64 = 100.0;

/// How severe an event is: the fraction slashed (`wadsToSlash` of an AVS slash, or the share of
/// an operator's validators slashed on the beacon chain), fraction in `0..=1`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Severity {
    /// Always the same fraction, `0..=1`.
    Fixed {
        /// The fraction, `0..=1`.
        fraction: f64,
    },
    /// A Beta(`α`, `β`) draw per event: mean `α / (α + β)`, both in `0.1..=1000`.
    Beta {
        /// Shape `α`.
        alpha: f64,
        /// Shape `β`.
        beta: f64,
    },
}

impl Severity {
    /// The mean fraction: `fraction`, or `α / (α + β)`.
    pub fn mean(&self) -> f64 {
        match *self {
            Severity::Fixed { fraction } => fraction,
            Severity::Beta { alpha, beta } => alpha / (alpha + beta),
        }
    }

    fn validate(&self, field: &str) -> Result<(), Error> {
        match *self {
            Severity::Fixed { fraction } => {
                validate::fraction(&format!("{field}.fraction"), fraction)?;
            }
            Severity::Beta { alpha, beta } => {
                let (lo, hi) = BETA_SHAPE_RANGE;
                let expected = "a Beta shape in 0.1..=1000";
                validate::in_range(&format!("{field}.alpha"), alpha, lo, hi, expected)?;
                validate::in_range(&format!("{field}.beta"), beta, lo, hi, expected)?;
            }
        }
        Ok(())
    }
}

/// One kind of independent event: its annual probability and its severity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventRisk {
    /// Probability of the event within one year, fraction in `0..=1`. Over a horizon of `T`
    /// years it is `1 − (1 − perYear)^T` (independent years; at most one event per source and
    /// path).
    pub per_year: f64,
    /// The fraction slashed when it happens.
    pub severity: Severity,
}

/// A common-cause shock, e.g. a bug in a consensus client run by many operators: when it happens,
/// each operator is hit with probability `hitShare`, and each hit operator has `slashedShare` of
/// its validators slashed on the beacon chain (so the Electra correlation penalty grows with the
/// number hit).
///
/// `correlation` `ρ` sets how the hits cluster: with probability `ρ` the shock hits all operators
/// or none (all with probability `hitShare`), otherwise each operator independently. The mean
/// share hit is `hitShare` either way; two operators' hits have correlation exactly `ρ`
/// (`P(both) = ρ·h + (1−ρ)·h²`, so `cov = ρ·h(1−h)`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommonShock {
    /// Probability of the shock within one year, fraction in `0..=1`.
    pub per_year: f64,
    /// Probability that the shock hits a given operator (its expected share of operators),
    /// fraction in `0..=1`.
    pub hit_share: f64,
    /// Pairwise correlation `ρ` of the hits, fraction in `0..=1` (0 = independent, 1 = all or
    /// none).
    pub correlation: f64,
    /// Share of a hit operator's native validators slashed, fraction in `0..=1`.
    pub slashed_share: Severity,
}

/// Per-operator probabilities that replace the defaults of [`Probabilities`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OperatorRisk {
    /// Operator id.
    pub operator: String,
    /// Annual probability of a fault on each of its operator sets, fraction in `0..=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub fault_per_year: Option<f64>,
    /// Annual probability of a beacon-chain slashing incident, fraction in `0..=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub beacon_per_year: Option<f64>,
}

/// Per-AVS probability that replaces the default of [`Probabilities::avs_bug`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AvsRisk {
    /// AVS id.
    pub avs: String,
    /// Annual probability of a bug that slashes every operator registered with it, fraction in
    /// `0..=1`.
    pub bug_per_year: f64,
}

/// The probability model. Every default is a labelled assumption (see [`assumption_notes`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Probabilities {
    /// An operator fault on one of its operator sets (one source per allocation): the AVS
    /// slashes `severity` of the allocation. Default 0.2%/year, Beta(2, 18) (mean 10%).
    #[serde(default = "default_operator_fault")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub operator_fault: EventRisk,
    /// A bug in an AVS that slashes every operator registered with it by the same drawn
    /// fraction. Default 0.5%/year, Beta(2, 8) (mean 20%).
    #[serde(default = "default_avs_bug")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub avs_bug: EventRisk,
    /// A beacon-chain slashing incident at one operator: `severity` is the share of its native
    /// validators slashed. Default 0.2%/year, Beta(1, 19) (mean 5%).
    #[serde(default = "default_beacon")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub beacon_slashing: EventRisk,
    /// The common-cause shock. Default 1%/year, hit share 30%, correlation 0.5, Beta(2, 8).
    #[serde(default = "default_shock")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub common_shock: CommonShock,
    /// Per-operator overrides.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub operators: Vec<OperatorRisk>,
    /// Per-AVS overrides.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub avss: Vec<AvsRisk>,
}

fn default_operator_fault() -> EventRisk {
    EventRisk {
        per_year: 0.002,
        severity: Severity::Beta {
            alpha: 2.0,
            beta: 18.0,
        },
    }
}

fn default_avs_bug() -> EventRisk {
    EventRisk {
        per_year: 0.005,
        severity: Severity::Beta {
            alpha: 2.0,
            beta: 8.0,
        },
    }
}

fn default_beacon() -> EventRisk {
    EventRisk {
        per_year: 0.002,
        severity: Severity::Beta {
            alpha: 1.0,
            beta: 19.0,
        },
    }
}

fn default_shock() -> CommonShock {
    CommonShock {
        per_year: 0.01,
        hit_share: 0.3,
        correlation: 0.5,
        slashed_share: Severity::Beta {
            alpha: 2.0,
            beta: 8.0,
        },
    }
}

impl Probabilities {
    /// Every event impossible (each rate 0 per year, each severity a fixed 0): a quiet world in
    /// which to switch on one risk at a time.
    ///
    /// ```
    /// let p = restake_core::risk::Probabilities::none();
    /// assert_eq!(p.operator_fault.per_year, 0.0);
    /// assert_eq!(p.common_shock.per_year, 0.0);
    /// ```
    pub fn none() -> Probabilities {
        let zero = EventRisk {
            per_year: 0.0,
            severity: Severity::Fixed { fraction: 0.0 },
        };
        Probabilities {
            operator_fault: zero,
            avs_bug: zero,
            beacon_slashing: zero,
            common_shock: CommonShock {
                per_year: 0.0,
                hit_share: 0.0,
                correlation: 0.0,
                slashed_share: Severity::Fixed { fraction: 0.0 },
            },
            operators: Vec::new(),
            avss: Vec::new(),
        }
    }
}

impl Default for Probabilities {
    fn default() -> Self {
        Probabilities {
            operator_fault: default_operator_fault(),
            avs_bug: default_avs_bug(),
            beacon_slashing: default_beacon(),
            common_shock: default_shock(),
            operators: Vec::new(),
            avss: Vec::new(),
        }
    }
}

/// The basis of every default probability: all are assumptions.
pub fn assumption_notes() -> Vec<DemoNote> {
    let note = |path: &str, text: &str| DemoNote {
        path: path.to_owned(),
        basis: Basis::Assumption {
            note: text.to_owned(),
        },
    };
    vec![
        note(
            "options.probabilities.operatorFault",
            "0.2% a year per operator set, Beta(2, 18) severity (mean 10%): no published history of \
             EigenLayer AVS slashing exists yet; an illustrative order of magnitude to replace.",
        ),
        note(
            "options.probabilities.avsBug",
            "0.5% a year per AVS, Beta(2, 8) severity (mean 20%): an assumption standing for a \
             faulty slashing condition in young AVS code; not a measured rate.",
        ),
        note(
            "options.probabilities.beaconSlashing",
            "0.2% a year per operator, 5% of its validators on average: an assumption for a \
             key-management incident at one operator; not a measured rate.",
        ),
        note(
            "options.probabilities.commonShock",
            "1% a year, 30% of operators hit, correlation 0.5, 20% of each hit operator's \
             validators slashed: an assumption for a consensus-client bug; the hit share stands \
             for a client's market share.",
        ),
        note(
            "options.horizonYears",
            "One year: the usual horizon of an annual loss distribution.",
        ),
    ]
}

/// A seed given by a caller: an integer (a JS safe integer, `0..=2^53 − 1`) or a `u64` written
/// in decimal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum SeedInput {
    /// A safe integer.
    Number(f64),
    /// A `u64` in decimal, e.g. `"18446744073709551615"`.
    Text(String),
}

impl SeedInput {
    /// The seed as a `u64`, or an error naming `field`.
    pub fn value(&self, field: &str) -> Result<u64, Error> {
        match self {
            SeedInput::Number(v) => {
                let v = validate::in_range(
                    field,
                    *v,
                    0.0,
                    9_007_199_254_740_991.0,
                    "a safe integer in 0..=2^53-1 or a decimal u64 string",
                )?;
                if v.fract() != 0.0 {
                    return Err(Error::OutOfRange {
                        field: field.to_owned(),
                        value: v,
                        expected: "a whole number".to_owned(),
                    });
                }
                // A whole number in 0..=2^53-1 converts exactly.
                Ok(v as u64)
            }
            SeedInput::Text(s) => s.trim().parse::<u64>().map_err(|_| Error::InvalidText {
                field: field.to_owned(),
                value: s.chars().take(80).collect(),
                reason: "must be a u64 in decimal (0..=18446744073709551615)".to_owned(),
            }),
        }
    }
}

fn default_horizon() -> f64 {
    1.0
}

fn default_paths() -> f64 {
    100_000.0
}

/// Options of a Monte Carlo run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskOptions {
    /// Number of simulated paths, a whole number in `1..=10,000,000`; default 100,000.
    #[serde(default = "default_paths")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub paths: f64,
    /// The seed; omitted, the JS export draws one from Web Crypto / the OS and reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub seed: Option<SeedInput>,
    /// Horizon, years, in `(0, 100]`; default 1.
    #[serde(default = "default_horizon")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub horizon_years: f64,
    /// The probability model; omitted, the defaults (all labelled assumptions).
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub probabilities: Probabilities,
    /// The beacon chain's total active balance, ETH, `1..=1e9`; default 36M ETH
    /// ([`crate::presets::TOTAL_STAKED_ETH`]).
    #[serde(default = "default_total_active")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub total_active_balance_eth: f64,
    /// ETH slashed network-wide by validators outside the scenario in the same 8192-epoch window,
    /// `0..=1e9`; default 0.
    #[serde(default)]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub other_slashed_eth: f64,
    /// A loop on the positions whose borrow rate follows a drawn utilisation path per run
    /// ([`super::carry`]); omitted, the positions are not looped and the report has no `looped`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "js", tsify(optional))]
    pub carry: Option<super::carry::RiskCarry>,
}

fn default_total_active() -> f64 {
    crate::presets::TOTAL_STAKED_ETH
}

impl Default for RiskOptions {
    fn default() -> Self {
        RiskOptions {
            paths: default_paths(),
            seed: None,
            horizon_years: default_horizon(),
            probabilities: Probabilities::default(),
            total_active_balance_eth: default_total_active(),
            other_slashed_eth: 0.0,
            carry: None,
        }
    }
}

impl RiskOptions {
    /// The number of paths as an integer, validated (`options.paths`).
    pub fn path_count(&self) -> Result<u64, Error> {
        path_count("options.paths", self.paths)
    }

    /// Checks every field except the references to the scenario (checked when the model is
    /// built). Errors name the field: `options.paths`, `options.probabilities.avsBug.perYear`, …
    pub fn validate(&self) -> Result<(), Error> {
        self.path_count()?;
        if let Some(seed) = &self.seed {
            seed.value("options.seed")?;
        }
        validate::above_at_most(
            "options.horizonYears",
            self.horizon_years,
            0.0,
            MAX_HORIZON_YEARS,
            "a horizon in (0, 100] years",
        )?;
        validate::in_range(
            "options.totalActiveBalanceEth",
            self.total_active_balance_eth,
            1.0,
            1e9,
            "an amount in 1..=1e9 ETH",
        )?;
        validate::in_range(
            "options.otherSlashedEth",
            self.other_slashed_eth,
            0.0,
            1e9,
            "an amount in 0..=1e9 ETH",
        )?;
        let p = &self.probabilities;
        let f = "options.probabilities";
        for (name, e) in [
            ("operatorFault", &p.operator_fault),
            ("avsBug", &p.avs_bug),
            ("beaconSlashing", &p.beacon_slashing),
        ] {
            validate::fraction(&format!("{f}.{name}.perYear"), e.per_year)?;
            e.severity.validate(&format!("{f}.{name}.severity"))?;
        }
        let s = &p.common_shock;
        validate::fraction(&format!("{f}.commonShock.perYear"), s.per_year)?;
        validate::fraction(&format!("{f}.commonShock.hitShare"), s.hit_share)?;
        validate::fraction(&format!("{f}.commonShock.correlation"), s.correlation)?;
        s.slashed_share
            .validate(&format!("{f}.commonShock.slashedShare"))?;
        for (i, o) in p.operators.iter().enumerate() {
            if let Some(v) = o.fault_per_year {
                validate::fraction(&format!("{f}.operators[{i}].faultPerYear"), v)?;
            }
            if let Some(v) = o.beacon_per_year {
                validate::fraction(&format!("{f}.operators[{i}].beaconPerYear"), v)?;
            }
        }
        for (i, a) in p.avss.iter().enumerate() {
            validate::fraction(&format!("{f}.avss[{i}].bugPerYear"), a.bug_per_year)?;
        }
        if let Some(c) = &self.carry {
            c.table(self.horizon_years)?;
        }
        Ok(())
    }
}
