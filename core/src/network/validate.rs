//! The network's validation: ids unique and well-formed, every reference known, every amount
//! and fraction in range, delegation weights and allocated magnitudes summing to at most 1.

use std::collections::{HashMap, HashSet};

use super::Network;
use super::limits::{self, MAX_AMOUNT_ETH};
use crate::{Error, validate};

impl Network {
    /// Checks the network: the size limits ([`limits`]), ids, references, ranges and sums.
    /// Every engine that reads a network calls it first; errors name the field path inside the
    /// network (`operators[2].otherDelegatedEth`, `allocations[operator=op-a].magnitude`).
    pub fn validate(&self) -> Result<(), Error> {
        limits::counts(self)?;
        let protocols = unique_ids("protocols", self.protocols.iter().map(|p| &p.id))?;
        for (i, p) in self.protocols.iter().enumerate() {
            p.validate(&format!("protocols[{i}]"))?;
        }
        let operators = unique_ids("operators", self.operators.iter().map(|o| &o.id))?;
        for (i, o) in self.operators.iter().enumerate() {
            let f = |leaf: &str| format!("operators[{i}].{leaf}");
            at(|| f("id"), |p| validate::id(p, &o.id))?;
            at(|| f("name"), |p| validate::text(p, &o.name))?;
            at(
                || f("otherDelegatedEth"),
                |p| eth_amount(p, o.other_delegated_eth),
            )?;
            at(
                || f("otherNativeShare"),
                |p| validate::fraction(p, o.other_native_share),
            )?;
        }
        let avss = unique_ids("avss", self.avss.iter().map(|a| &a.id))?;
        for (i, a) in self.avss.iter().enumerate() {
            at(|| format!("avss[{i}].id"), |p| validate::id(p, &a.id))?;
            at(|| format!("avss[{i}].name"), |p| validate::text(p, &a.name))?;
        }
        for (i, d) in self.delegations.iter().enumerate() {
            let f = |leaf: &str| format!("delegations[{i}].{leaf}");
            at(
                || f("protocol"),
                |p| reference(p, &d.protocol, &protocols, "protocol"),
            )?;
            at(
                || f("operator"),
                |p| reference(p, &d.operator, &operators, "operator"),
            )?;
            at(|| f("weight"), |p| validate::fraction(p, d.weight))?;
            at(
                || f("queuedWithdrawalEth"),
                |p| eth_amount(p, d.queued_withdrawal_eth),
            )?;
        }
        let mut weights: HashMap<&str, f64> = HashMap::new();
        for d in &self.delegations {
            *weights.entry(d.protocol.as_str()).or_default() += d.weight;
        }
        for p in &self.protocols {
            let sum = weights.get(p.id.as_str()).copied().unwrap_or(0.0);
            at_most_one(&format!("delegations[protocol={}].weight", p.id), sum)?;
        }
        let mut pairs = HashSet::new();
        for (i, a) in self.allocations.iter().enumerate() {
            let f = |leaf: &str| format!("allocations[{i}].{leaf}");
            at(
                || f("operator"),
                |p| reference(p, &a.operator, &operators, "operator"),
            )?;
            at(|| f("avs"), |p| reference(p, &a.avs, &avss, "AVS"))?;
            at(|| f("magnitude"), |p| validate::fraction(p, a.magnitude))?;
            if let Some(limit) = a.network_limit {
                at(|| f("networkLimit"), |p| validate::fraction(p, limit))?;
            }
            if !pairs.insert((a.operator.as_str(), a.avs.as_str())) {
                return Err(Error::DuplicateId {
                    field: format!("allocations[{i}]"),
                    value: format!("{}/{}", a.operator, a.avs),
                });
            }
        }
        let mut magnitudes: HashMap<&str, f64> = HashMap::new();
        for a in &self.allocations {
            *magnitudes.entry(a.operator.as_str()).or_default() += a.magnitude;
        }
        for o in &self.operators {
            let sum = magnitudes.get(o.id.as_str()).copied().unwrap_or(0.0);
            at_most_one(&format!("allocations[operator={}].magnitude", o.id), sum)?;
        }
        for (i, p) in self.positions.iter().enumerate() {
            let f = format!("positions[{i}]");
            reference(
                &format!("{f}.protocol"),
                &p.protocol,
                &protocols,
                "protocol",
            )?;
            validate::non_negative(&format!("{f}.amountEth"), p.amount_eth)?;
        }
        let mut restaked = HashSet::new();
        for (i, r) in self.restaking.iter().enumerate() {
            let f = format!("restaking[{i}]");
            reference(
                &format!("{f}.protocol"),
                &r.protocol,
                &protocols,
                "protocol",
            )?;
            if !restaked.insert(r.protocol.as_str()) {
                return Err(Error::DuplicateId {
                    field: format!("{f}.protocol"),
                    value: r.protocol.clone(),
                });
            }
            eth_amount(&format!("{f}.restakedEth"), r.restaked_eth)?;
            validate::fraction(&format!("{f}.nativeShare"), r.native_share)?;
            if let Some(rate) = r.exchange_rate_eth {
                validate::in_range(
                    &format!("{f}.exchangeRateEth"),
                    rate,
                    f64::MIN_POSITIVE,
                    1e6,
                    "an exchange rate in (0, 1e6] ETH per token",
                )?;
            }
        }
        Ok(())
    }
}

/// `check(field())`, with the field path built only when the check fails: the check runs first
/// at an empty path and, on an error, again at `field()`. The checks are pure, so the error is
/// the one a check at `field()` gives, and a valid network formats no path (at the size limits,
/// tens of thousands of strings).
fn at<T>(
    field: impl FnOnce() -> String,
    check: impl Fn(&str) -> Result<T, Error>,
) -> Result<T, Error> {
    check("").or_else(|_| check(&field()))
}

fn eth_amount(field: &str, v: f64) -> Result<f64, Error> {
    validate::in_range(field, v, 0.0, MAX_AMOUNT_ETH, "an amount in 0..=1e9 ETH")
}

/// Tolerance for sums of fractions typed as decimals (0.1 + 0.2 + 0.7 must pass).
const SUM_TOLERANCE: f64 = 1e-9;

fn at_most_one(field: &str, sum: f64) -> Result<(), Error> {
    if sum > 1.0 + SUM_TOLERANCE {
        return Err(Error::SumTooLarge {
            field: field.to_owned(),
            value: sum,
            limit: 1.0,
        });
    }
    Ok(())
}

fn unique_ids<'a>(
    field: &str,
    ids: impl Iterator<Item = &'a String>,
) -> Result<HashSet<&'a str>, Error> {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id.as_str()) {
            return Err(Error::DuplicateId {
                field: format!("{field}[{i}].id"),
                value: id.clone(),
            });
        }
    }
    Ok(seen)
}

fn reference(field: &str, id: &str, known: &HashSet<&str>, target: &str) -> Result<(), Error> {
    if known.contains(id) {
        Ok(())
    } else {
        Err(Error::UnknownReference {
            field: field.to_owned(),
            value: id.to_owned(),
            target: target.to_owned(),
        })
    }
}
