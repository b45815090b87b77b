//! A liquid (re)staking protocol's profile: its token, fees, operator design, chains and bridges,
//! and how a holder exits. Every figure is [`Sourced`].

use serde::{Deserialize, Serialize};

use crate::source::Sourced;
use crate::{Error, validate};

/// Whether the token only stakes (LST) or also restakes (LRT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ProtocolKind {
    /// Liquid Staking Token: secures Ethereum consensus only.
    Lst,
    /// Liquid Restaking Token: the stake is restaked to secure AVSs as well.
    Lrt,
}

/// How a bridge moves the token between chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum BridgeDesign {
    /// Tokens are locked in an adapter on Ethereum and minted on the remote chain
    /// (e.g. a LayerZero OFT adapter). Remote supply is backed by the adapter's balance.
    LockAndMint,
    /// Tokens are burned on one chain and minted on the other by an authorised bridge
    /// (e.g. xERC20 with per-bridge mint/burn limits).
    BurnAndMint,
    /// The LRT is minted natively on the remote chain against deposited ETH, which is later
    /// moved to Ethereum (native-minting sync pools).
    NativeMint,
}

/// One bridge route the protocol uses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bridge {
    /// Messaging layer or bridge name, e.g. `LayerZero OFT`, `Hyperlane`, `Chainlink CCIP`.
    pub name: String,
    /// How supply on the remote chain is created.
    pub design: BridgeDesign,
    /// Largest amount that may be minted through this bridge per day on one chain, in tokens per
    /// day; `null` when no limit is known.
    pub rate_limit_per_day: Option<Sourced<f64>>,
    /// Where the description of this bridge comes from.
    pub basis: crate::source::Basis,
}

/// A protocol profile as the comparison matrix and the engines read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Protocol {
    /// Stable identifier, `a-z0-9-_`, e.g. `etherfi`.
    pub id: String,
    /// Display name, e.g. `ether.fi`.
    pub name: String,
    /// Token symbol, e.g. `weETH`.
    pub token: String,
    /// LST or LRT.
    pub kind: ProtocolKind,
    /// Protocol fee taken from the rewards the stake earns, fraction of rewards in `0..=1`
    /// (0.10 = 10% of rewards; not a fee on principal).
    pub fee_on_rewards: Sourced<f64>,
    /// What backs the token (native ETH in EigenPods, an LST basket, …).
    pub underlying: Sourced<String>,
    /// Node-operator design (seed matrix row "Node Operator Design"); `null` when no source
    /// describes it.
    pub node_operator_design: Option<Sourced<String>>,
    /// How stake is allocated to AVSs (seed matrix row "AVS Allocation Selection"); `null` when
    /// no source describes it (and for an LST, which has no AVSs).
    pub avs_allocation_selection: Option<Sourced<String>>,
    /// What the protocol optimises for (seed matrix row "Primary Structural Focus"); `null`
    /// when no source describes it.
    pub primary_focus: Option<Sourced<String>>,
    /// Track record (seed matrix row "Historical Trust Marker"); `null` when no source
    /// describes it.
    pub trust_marker: Option<Sourced<String>>,
    /// Chains where the token exists, Ethereum first.
    pub chains: Sourced<Vec<String>>,
    /// Bridge routes used to bring the token to other chains.
    pub bridges: Vec<Bridge>,
    /// Delay the protocol itself adds before a withdrawal request pays out, in days (not counting
    /// the EigenLayer escrow or the beacon-chain exit queue).
    pub withdrawal_delay_days: Sourced<f64>,
    /// How exits work, in words (fast-exit pools, buffers, queues).
    pub withdrawal_note: Sourced<String>,
}

impl Protocol {
    /// Checks every field; `field` is the path prefix used in error messages (e.g. `protocols[1]`).
    pub fn validate(&self, field: &str) -> Result<(), Error> {
        validate::id(&format!("{field}.id"), &self.id)?;
        validate::text(&format!("{field}.name"), &self.name)?;
        validate::text(&format!("{field}.token"), &self.token)?;
        validate::fraction(
            &format!("{field}.feeOnRewards.value"),
            self.fee_on_rewards.value,
        )?;
        self.fee_on_rewards
            .basis
            .validate(&format!("{field}.feeOnRewards.basis"))?;
        let qualitative = [
            ("underlying", Some(&self.underlying)),
            ("nodeOperatorDesign", self.node_operator_design.as_ref()),
            (
                "avsAllocationSelection",
                self.avs_allocation_selection.as_ref(),
            ),
            ("primaryFocus", self.primary_focus.as_ref()),
            ("trustMarker", self.trust_marker.as_ref()),
            ("withdrawalNote", Some(&self.withdrawal_note)),
        ];
        for (name, s) in qualitative
            .into_iter()
            .filter_map(|(n, s)| s.map(|s| (n, s)))
        {
            validate::text(&format!("{field}.{name}.value"), &s.value)?;
            s.basis.validate(&format!("{field}.{name}.basis"))?;
        }
        if self.chains.value.is_empty() {
            return Err(Error::InvalidText {
                field: format!("{field}.chains.value"),
                value: String::new(),
                reason: "must list at least one chain".to_owned(),
            });
        }
        for (i, c) in self.chains.value.iter().enumerate() {
            validate::text(&format!("{field}.chains.value[{i}]"), c)?;
        }
        self.chains
            .basis
            .validate(&format!("{field}.chains.basis"))?;
        for (i, b) in self.bridges.iter().enumerate() {
            let f = format!("{field}.bridges[{i}]");
            validate::text(&format!("{f}.name"), &b.name)?;
            b.basis.validate(&format!("{f}.basis"))?;
            if let Some(limit) = &b.rate_limit_per_day {
                validate::non_negative(&format!("{f}.rateLimitPerDay.value"), limit.value)?;
                limit
                    .basis
                    .validate(&format!("{f}.rateLimitPerDay.basis"))?;
            }
        }
        validate::in_range(
            &format!("{field}.withdrawalDelayDays.value"),
            self.withdrawal_delay_days.value,
            0.0,
            3650.0,
            "a delay in 0..=3650 days",
        )?;
        self.withdrawal_delay_days
            .basis
            .validate(&format!("{field}.withdrawalDelayDays.basis"))
    }
}
