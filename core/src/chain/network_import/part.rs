//! One LRT's part of an imported network ([`NetworkImport::network_of`]): what the Slashing,
//! Risk and Security pages start from when the user picks "today's network of ezETH".

use super::NetworkImport;
use crate::Error;
use crate::network::{Network, Operator};

impl NetworkImport {
    /// The part of the imported network that `protocol` (a preset id: `renzo`, `kelp`, …)
    /// reaches: its profile, its delegations and restaked ETH, the operators it delegates to,
    /// those operators' allocations and the AVSs (operator sets) they allocate to, and its
    /// positions (an import has none). Nothing else is dropped from what those operators hold:
    /// the stake other imported LRTs delegate to a kept operator joins the operator's
    /// `otherDelegatedEth`, so every operator's delegated stake, and so every slash, is the
    /// same as in the whole network. For each kept operator `o`:
    ///
    /// - `otherDelegatedEth' = otherDelegatedEth + Σ_{p ≠ protocol} (w_{p,o} · R_p + q_{p,o})`, ETH,
    ///   with `w` the delegation weight (fraction), `R` the LRT's `restakedEth` and `q` its
    ///   `queuedWithdrawalEth` (ETH);
    /// - `otherNativeShare' = (otherDelegatedEth · otherNativeShare + Σ_{p ≠ protocol}
    ///   (w_{p,o} · R_p + q_{p,o}) · n_p) / otherDelegatedEth'` (fraction; `n_p` the LRT's
    ///   `nativeShare`, which its queued withdrawals share), unchanged when the sum is 0.
    ///
    /// Errors: `protocol` not among the imported LRTs (`UnknownReference` at `protocol`), or a
    /// part that fails [`Network::validate`] (an operator's stake over 1e9 ETH), at its path.
    pub fn network_of(&self, protocol: &str) -> Result<Network, Error> {
        part_of(&self.network, protocol)
    }
}

/// The error for `protocol` not among an import's LRTs: `UnknownReference` at `protocol`.
pub fn not_imported(protocol: &str) -> Error {
    Error::UnknownReference {
        field: "protocol".to_owned(),
        value: protocol.to_owned(),
        target: "imported LRT".to_owned(),
    }
}

/// `protocol`'s part of `network` (see [`NetworkImport::network_of`]).
pub(crate) fn part_of(network: &Network, protocol: &str) -> Result<Network, Error> {
    let profile = network
        .protocols
        .iter()
        .find(|p| p.id == protocol)
        .ok_or_else(|| not_imported(protocol))?;
    let own = |p: &str| p == protocol;
    let reached = |op: &str| {
        network
            .delegations
            .iter()
            .any(|d| own(&d.protocol) && d.operator == op)
    };
    let operators: Vec<Operator> = network
        .operators
        .iter()
        .filter(|o| reached(&o.id))
        .map(|o| folded(network, o, protocol))
        .collect();
    let kept = |op: &str| operators.iter().any(|o| o.id == op);
    let allocations: Vec<_> = network
        .allocations
        .iter()
        .filter(|a| kept(&a.operator))
        .cloned()
        .collect();
    let part = Network {
        protocols: vec![profile.clone()],
        avss: network
            .avss
            .iter()
            .filter(|s| allocations.iter().any(|a| a.avs == s.id))
            .cloned()
            .collect(),
        delegations: network
            .delegations
            .iter()
            .filter(|d| own(&d.protocol))
            .cloned()
            .collect(),
        restaking: network
            .restaking
            .iter()
            .filter(|r| own(&r.protocol))
            .cloned()
            .collect(),
        positions: network
            .positions
            .iter()
            .filter(|p| own(&p.protocol))
            .cloned()
            .collect(),
        operators,
        allocations,
    };
    part.validate()?;
    Ok(part)
}

/// Operator `o` with the other LRTs' stake with it folded into its outside stake.
fn folded(network: &Network, o: &Operator, protocol: &str) -> Operator {
    let (mut eth, mut native) = (
        o.other_delegated_eth,
        o.other_delegated_eth * o.other_native_share,
    );
    for d in network
        .delegations
        .iter()
        .filter(|d| d.operator == o.id && d.protocol != protocol)
    {
        let (restaked, share) = network
            .restaking_of(&d.protocol)
            .map_or((0.0, 0.0), |r| (r.restaked_eth, r.native_share));
        let x = d.weight * restaked + d.queued_withdrawal_eth;
        eth += x;
        native += x * share;
    }
    Operator {
        other_delegated_eth: eth,
        other_native_share: if eth > o.other_delegated_eth {
            (native / eth).clamp(0.0, 1.0)
        } else {
            o.other_native_share
        },
        ..o.clone()
    }
}
