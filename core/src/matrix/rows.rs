//! The rows of the matrix as data: each a value with its id, label, unit, definition and the
//! function that makes its cells. The order here is the order of the matrix.

use super::cell::{MatrixCell, NOT_SOURCED};
use super::column::ProtocolColumn;
use super::custom::CustomFigures;
use super::exit::time_to_exit_cell;
use super::table::{QualitativeRow, QuantitativeRow};
use crate::consensus::exit::ExitQueue;
use crate::protocol::Protocol;
use crate::source::{Basis, Sourced};
use crate::unit::Unit;

/// A quantitative row: what it shows and how its cells are made.
pub(super) struct NumberRow {
    /// Stable row id, e.g. `feeOnRewards`.
    id: &'static str,
    /// Row heading.
    label: &'static str,
    /// The group the row belongs to, in words: `Yield`, `Exit`, `Bridges`, `Slashing risk`,
    /// `Leverage` or `Operators`.
    group: &'static str,
    /// Unit of every cell.
    unit: Unit,
    /// One-sentence definition.
    definition: &'static str,
    /// The cell of a protocol column behind the exit queue (read by the exit row only; every
    /// other row reads the figures the column computed once).
    cell: fn(&ProtocolColumn, &ExitQueue) -> MatrixCell,
    /// The cell of the custom column.
    custom: fn(&CustomFigures) -> MatrixCell,
}

impl NumberRow {
    /// The row over `columns` behind the exit queue `queue`, then the custom column's cell
    /// when `custom` is given.
    pub(super) fn row(
        &self,
        columns: &[ProtocolColumn],
        custom: Option<&CustomFigures>,
        queue: &ExitQueue,
    ) -> QuantitativeRow {
        QuantitativeRow {
            id: self.id.to_owned(),
            label: self.label.to_owned(),
            group: self.group.to_owned(),
            unit: self.unit,
            definition: self.definition.to_owned(),
            cells: columns
                .iter()
                .map(|c| (self.cell)(c, queue))
                .chain(custom.map(self.custom))
                .collect(),
        }
    }
}

/// A qualitative row of the seed article's matrix: the protocol profile's text for it.
pub(super) struct TextRow {
    /// Stable row id, e.g. `nodeOperatorDesign`.
    id: &'static str,
    /// Row heading as the seed's matrix names it.
    label: &'static str,
    /// The profile's sourced text on this row, if any.
    text: fn(&Protocol) -> &Option<Sourced<String>>,
}

impl TextRow {
    /// The row over `protocols`, with an empty cell for the custom column when `custom`.
    pub(super) fn row(&self, protocols: &[Protocol], custom: bool) -> QualitativeRow {
        QualitativeRow {
            id: self.id.to_owned(),
            label: self.label.to_owned(),
            cells: protocols
                .iter()
                .map(|p| (self.text)(p).clone())
                .chain(custom.then_some(None))
                .collect(),
        }
    }
}

/// The seed article's four qualitative rows.
pub(super) static TEXT_ROWS: [TextRow; 4] = [
    TextRow {
        id: "nodeOperatorDesign",
        label: "Node Operator Design",
        text: |p| &p.node_operator_design,
    },
    TextRow {
        id: "avsAllocationSelection",
        label: "AVS Allocation Selection",
        text: |p| &p.avs_allocation_selection,
    },
    TextRow {
        id: "primaryFocus",
        label: "Primary Structural Focus",
        text: |p| &p.primary_focus,
    },
    TextRow {
        id: "trustMarker",
        label: "Historical Trust Marker",
        text: |p| &p.trust_marker,
    },
];

/// The custom column's cell on a row of protocol figures only.
fn per_protocol(_: &CustomFigures) -> MatrixCell {
    MatrixCell::per_protocol()
}

/// Concentration cells of a preset: node operators and their stakes are not published.
fn not_sourced(_: &ProtocolColumn, _: &ExitQueue) -> MatrixCell {
    MatrixCell::absent(
        NOT_SOURCED,
        "node operators and their stakes are not published for any protocol in core/data/protocols.json (none of its docs, contracts or governance posts gives a node-operator count); computed for your scenario only",
        vec![],
    )
}

/// Number of the protocol's bridge routes (count).
fn bridge_routes(c: &ProtocolColumn, _: &ExitQueue) -> MatrixCell {
    let p = &c.protocol;
    MatrixCell::known(
        p.bridges.len() as f64,
        Basis::Derived {
            formula: "count of the protocol's bridge routes".to_owned(),
            inputs: p.bridges.iter().map(|b| b.basis.clone()).collect(),
        },
    )
}

/// Smallest published per-day mint limit over the token's bridges (tokens/day).
fn tightest_mint_limit(c: &ProtocolColumn, _: &ExitQueue) -> MatrixCell {
    let p = &c.protocol;
    let limited = p
        .bridges
        .iter()
        .filter_map(|b| b.rate_limit_per_day.as_ref());
    match limited.min_by(|a, b| a.value.total_cmp(&b.value)) {
        Some(s) => MatrixCell::known(s.value, s.basis.clone()),
        None => MatrixCell::absent(
            "none published",
            "no bridge of this token has a published mint limit",
            p.bridges.iter().map(|b| b.basis.clone()).collect(),
        ),
    }
}

/// The quantitative rows, in matrix order.
pub(super) static NUMBER_ROWS: [NumberRow; 18] = [
    NumberRow {
        id: "netApy",
        label: "Net APY",
        group: "Yield",
        unit: Unit::Fraction,
        definition: "What a holder earns in a year after every fee, commission and idle buffer, compounded daily (AVS streams illustrative).",
        cell: |c, _| c.net_apy.clone(),
        custom: |c| c.net_apy.clone(),
    },
    NumberRow {
        id: "expectedLoss",
        label: "Expected annual slashing loss",
        group: "Yield",
        unit: Unit::Fraction,
        definition: "Allocation × fault probability × slash fraction, summed over the AVSs (illustrative); an LST has no AVS.",
        cell: |c, _| c.expected_loss.clone(),
        custom: |c| c.expected_loss.clone(),
    },
    NumberRow {
        id: "riskAdjustedApy",
        label: "Risk-adjusted APY",
        group: "Yield",
        unit: Unit::Fraction,
        definition: "Net APY less the expected annual slashing loss.",
        cell: |c, _| c.risk_adjusted_apy.clone(),
        custom: |c| c.risk_adjusted_apy.clone(),
    },
    NumberRow {
        id: "feeOnRewards",
        label: "Fee on rewards",
        group: "Yield",
        unit: Unit::Fraction,
        definition: "Share of the staking and restaking rewards the protocol keeps.",
        cell: |c, _| {
            let fee = &c.protocol.fee_on_rewards;
            MatrixCell::known(fee.value, fee.basis.clone())
        },
        custom: per_protocol,
    },
    NumberRow {
        id: "withdrawalDelay",
        label: "Protocol withdrawal delay",
        group: "Exit",
        unit: Unit::Days,
        definition: "Days the protocol itself holds a withdrawal request before paying out.",
        cell: |c, _| {
            let delay = &c.protocol.withdrawal_delay_days;
            MatrixCell::known(delay.value, delay.basis.clone())
        },
        custom: per_protocol,
    },
    NumberRow {
        id: "timeToExit",
        label: "Time to exit (slow path)",
        group: "Exit",
        unit: Unit::Days,
        definition: "Protocol delay, then EigenLayer's 14-day withdrawal escrow (restaked tokens only), then the beacon-chain exit queue.",
        cell: |c, q| time_to_exit_cell(&c.protocol, q),
        custom: per_protocol,
    },
    NumberRow {
        id: "chains",
        label: "Chains",
        group: "Bridges",
        unit: Unit::Count,
        definition: "Networks on which the token can be held.",
        cell: |c, _| {
            let chains = &c.protocol.chains;
            MatrixCell::known(chains.value.len() as f64, chains.basis.clone())
        },
        custom: per_protocol,
    },
    NumberRow {
        id: "bridges",
        label: "Bridge routes",
        group: "Bridges",
        unit: Unit::Count,
        definition: "Distinct bridges that mint the token on other chains; each is a third party the backing depends on.",
        cell: bridge_routes,
        custom: per_protocol,
    },
    NumberRow {
        id: "bridgeMintLimit",
        label: "Tightest bridge mint limit",
        group: "Bridges",
        unit: Unit::TokensPerDay,
        definition: "Smallest published per-day mint limit over the token's bridges; empty where none is published.",
        cell: tightest_mint_limit,
        custom: per_protocol,
    },
    NumberRow {
        id: "var99",
        label: "VaR99 (1 year)",
        group: "Slashing risk",
        unit: Unit::Fraction,
        definition: "The one-year slashing loss of a position that is exceeded in only 1% of simulated years, as a share of the position (illustrative scenario).",
        cell: |c, _| c.var_es.0.clone(),
        custom: |c| c.var_es.0.clone(),
    },
    NumberRow {
        id: "es99",
        label: "ES99 (1 year)",
        group: "Slashing risk",
        unit: Unit::Fraction,
        definition: "The mean one-year slashing loss over the worst 1% of simulated years, as a share of the position (illustrative scenario).",
        cell: |c, _| c.var_es.1.clone(),
        custom: |c| c.var_es.1.clone(),
    },
    NumberRow {
        id: "maxLeverage",
        label: "Max leverage (main market)",
        group: "Leverage",
        unit: Unit::Multiple,
        definition: "The most leverage a borrow can open on the token's main lending market, 1/(1 − LTV).",
        cell: |c, _| c.leverage.0.clone(),
        custom: |c| c.max_leverage.clone(),
    },
    NumberRow {
        id: "liquidationPrice",
        label: "Liquidation price at max leverage",
        group: "Leverage",
        unit: Unit::Fraction,
        definition: "The oracle price, as a share of today's, at which a position looped to the market's LTV is liquidated: LTV/θ.",
        cell: |c, _| c.leverage.1.clone(),
        custom: per_protocol,
    },
    NumberRow {
        id: "bridgedShare",
        label: "Share of supply bridged",
        group: "Bridges",
        unit: Unit::Fraction,
        definition: "Share of the holders' tokens that sit on other chains, backed by a bridge.",
        cell: |c, _| c.bridge.0.clone(),
        custom: per_protocol,
    },
    NumberRow {
        id: "bridgeExploitLoss",
        label: "Loss in a bridge exploit",
        group: "Bridges",
        unit: Unit::Fraction,
        definition: "Holders' loss as a share of their tokens' value in the token's bridge-exploit scenario (rsETH 2026-04-18, loss socialised).",
        cell: |c, _| c.bridge.1.clone(),
        custom: per_protocol,
    },
    NumberRow {
        id: "avsCount",
        label: "AVS count",
        group: "Slashing risk",
        unit: Unit::Count,
        definition: "AVSs the restaked ETH secures (for the presets, the yield preset's illustrative AVSs: no per-protocol count is sourced).",
        cell: |c, _| c.avs_count.clone(),
        custom: |c| c.avs_count.clone(),
    },
    NumberRow {
        id: "operatorHhi",
        label: "Operator concentration (HHI)",
        group: "Operators",
        unit: Unit::Plain,
        definition: "Sum of the squared shares of the operators' delegated stake: 1 for a single operator, 1/n for n equal ones.",
        cell: not_sourced,
        custom: |c| c.hhi.clone(),
    },
    NumberRow {
        id: "nakamoto",
        label: "Nakamoto coefficient",
        group: "Operators",
        unit: Unit::Count,
        definition: "Fewest operators whose delegated stake together exceeds one third of the total.",
        cell: not_sourced,
        custom: |c| c.nakamoto.clone(),
    },
];
