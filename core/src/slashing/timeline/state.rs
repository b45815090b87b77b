//! The timeline's state: operators (one [`Ledger`] per strategy), stakers (deposit shares,
//! deposit scaling factor `k`, EigenPod), the withdrawal queue and the slash escrows, built
//! from a network at block 0. Claims follow `docs/core/accounting/SharesAccounting.md`:
//! withdrawable `s.mulWad(k).mulWad(sf)` with `sf = m·l` (native) or `m` (LST), a queued
//! withdrawal `scaled.mulWad(sf at min(block, slashableUntil))`.

use std::collections::HashMap;

use super::action::TimelineOptions;
use super::allocation::Ledger;
use crate::Error;
use crate::network::Network;
use crate::slashing::conservation::overflow;
use crate::wad::{self, WAD};

/// Index of native ETH (`beaconChainETHStrategy`) in per-strategy arrays; LST is 1.
pub(super) const NATIVE: usize = 0;

/// One operator.
#[derive(Debug, Clone)]
pub(super) struct OperatorState {
    pub id: String,
    /// Native, LST.
    pub ledgers: [Ledger; 2],
    /// The AVS (index into the network's AVSs) of each operator set, in ledger order.
    pub set_avs: Vec<usize>,
}

/// A queued withdrawal of one strategy.
#[derive(Debug, Clone)]
pub(super) struct Withdrawal {
    /// The action that queued it (`usize::MAX` for the network's queued withdrawals at block 0).
    pub action: usize,
    pub staker: usize,
    /// `delegatedTo` when queued.
    pub operator: Option<usize>,
    pub strategy: usize,
    pub start: u32,
    /// `scaledShares = depositShares·k`, wei.
    pub scaled: u128,
    pub done: bool,
}

/// One staker.
#[derive(Debug, Clone)]
pub(super) struct StakerState {
    pub id: String,
    /// The protocol (index) whose delegation it is, if any.
    pub protocol: Option<usize>,
    pub operator: Option<usize>,
    /// Deposit shares per strategy, wei.
    pub shares: [u128; 2],
    /// Deposit scaling factor per strategy, WAD.
    pub dsf: [u128; 2],
    /// Beacon-chain slashing factor `l`, WAD.
    pub bcsf: u128,
    /// The pod's restaked balance as of its last checkpoint (plus verified validators), wei.
    pub pod_restaked: u128,
    /// The validators' balance on the beacon chain, wei (below `pod_restaked` after an
    /// unproven loss).
    pub beacon_balance: u128,
    /// Withdrawals paid out as tokens, wei.
    pub paid_out: u128,
}

/// A slash's funds held by the escrow.
#[derive(Debug, Clone)]
pub(super) struct Escrow {
    /// Index of the slash action.
    pub action: usize,
    pub block: u32,
    pub amount: u128,
    pub recipient: Option<String>,
    pub released: bool,
}

/// Running accounts of where value went, wei; each is added to by the action that moves it.
#[derive(Debug, Clone, Default)]
pub(super) struct Accounts {
    /// Initial stake plus every deposit.
    pub deposited: u128,
    pub escrowed: u128,
    pub burned: u128,
    /// Per recipient, in first-release order.
    pub redistributed: Vec<(String, u128)>,
    /// Claims lost at checkpoints.
    pub beacon: u128,
    /// Claims lost to the contracts' rounding in non-slash actions.
    pub dust: u128,
    /// Claims lost to AVS slashes (before the escrow's release).
    pub slashed: u128,
}

/// The whole state.
#[derive(Debug, Clone)]
pub(super) struct State<'a> {
    pub network: &'a Network,
    pub options: TimelineOptions,
    pub operators: Vec<OperatorState>,
    pub stakers: Vec<StakerState>,
    pub queue: Vec<Withdrawal>,
    pub escrows: Vec<Escrow>,
    pub accounts: Accounts,
    pub avs_index: HashMap<&'a str, usize>,
    pub operator_index: HashMap<&'a str, usize>,
}

impl<'a> State<'a> {
    /// The state at block 0: each delegation is a staker `"<protocol>@<operator>"`, each
    /// operator's other delegators `"others@<operator>"`, delegated with `k = 1/sf`.
    pub fn new(network: &'a Network, options: &TimelineOptions) -> Result<State<'a>, Error> {
        let avs_index = network
            .avss
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let operator_index: HashMap<&str, usize> = network
            .operators
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let mut start = vec![WAD; network.operators.len()];
        for (i, s) in options.start.iter().enumerate() {
            let f = format!("options.start[{i}]");
            let o = *operator_index.get(s.operator.as_str()).ok_or_else(|| {
                Error::UnknownReference {
                    field: format!("{f}.operator"),
                    value: s.operator.clone(),
                    target: "operator".to_owned(),
                }
            })?;
            let m = wad::fraction_to_wad(&format!("{f}.maxMagnitude"), s.max_magnitude)?;
            if m == 0 {
                return Err(Error::OutOfRange {
                    field: format!("{f}.maxMagnitude"),
                    value: 0.0,
                    expected:
                        "a fraction in (0, 1]: a fully slashed operator cannot be delegated to"
                            .to_owned(),
                });
            }
            start[o] = m;
        }
        let mut operators = Vec::with_capacity(network.operators.len());
        for (o, op) in network.operators.iter().enumerate() {
            let mut set_avs = Vec::new();
            let mut mags = Vec::new();
            for (i, a) in network.allocations.iter().enumerate() {
                if a.operator == op.id {
                    let m =
                        wad::fraction_to_wad(&format!("allocations[{i}].magnitude"), a.magnitude)?;
                    set_avs.push(avs_index_of(&avs_index, &a.avs)?);
                    mags.push(wad::mul_wad(m, start[o]).ok_or_else(|| overflow("timeline"))?);
                }
            }
            let ledger = Ledger::new(start[o], mags);
            operators.push(OperatorState {
                id: op.id.clone(),
                ledgers: [ledger.clone(), ledger],
                set_avs,
            });
        }
        let mut state = State {
            network,
            options: options.clone(),
            operators,
            stakers: Vec::new(),
            queue: Vec::new(),
            escrows: Vec::new(),
            accounts: Accounts::default(),
            avs_index,
            operator_index,
        };
        state.add_network_stakers()?;
        state.accounts.deposited = state.claims_total(0)?;
        Ok(state)
    }

    fn add_network_stakers(&mut self) -> Result<(), Error> {
        let network = self.network;
        for (i, d) in network.delegations.iter().enumerate() {
            let f = format!("delegations[{i}]");
            let (p, r) = network.restaking_for(&format!("{f}.protocol"), &d.protocol)?;
            let o = self.operator_index[d.operator.as_str()];
            let rf = format!("restaking[{p}]");
            let restaked = wad::eth_to_wei(&format!("{rf}.restakedEth"), r.restaked_eth)?;
            let weight = wad::fraction_to_wad(&format!("{f}.weight"), d.weight)?;
            let native = wad::fraction_to_wad(&format!("{rf}.nativeShare"), r.native_share)?;
            let active = wad::mul_wad(restaked, weight).ok_or_else(|| overflow("timeline"))?;
            let queued =
                wad::eth_to_wei(&format!("{f}.queuedWithdrawalEth"), d.queued_withdrawal_eth)?;
            let protocol = network.protocols.iter().position(|x| x.id == d.protocol);
            let id = format!("{}@{}", d.protocol, d.operator);
            self.add_staker(id, protocol, o, active, queued, native)?;
        }
        for (o, op) in network.operators.iter().enumerate() {
            let f = format!("operators[{o}]");
            let amount =
                wad::eth_to_wei(&format!("{f}.otherDelegatedEth"), op.other_delegated_eth)?;
            let native =
                wad::fraction_to_wad(&format!("{f}.otherNativeShare"), op.other_native_share)?;
            if amount > 0 {
                self.add_staker(format!("others@{}", op.id), None, o, amount, 0, native)?;
            }
        }
        Ok(())
    }

    /// A staker delegated to `o` at block 0 with `active` + `queued` wei, `native` (WAD) of each
    /// in its EigenPod; the queued part is a withdrawal started at block 0.
    fn add_staker(
        &mut self,
        id: String,
        protocol: Option<usize>,
        o: usize,
        active: u128,
        queued: u128,
        native: u128,
    ) -> Result<(), Error> {
        let split = |x: u128| -> Result<[u128; 2], Error> {
            let n = wad::mul_wad(x, native).ok_or_else(|| overflow("timeline"))?;
            Ok([n, x - n])
        };
        let (active, queued) = (split(active)?, split(queued)?);
        let s = self.stakers.len();
        let mut dsf = [WAD; 2];
        for (j, k) in dsf.iter_mut().enumerate() {
            let m = self.operators[o].ledgers[j].max();
            *k = wad::div_wad(WAD, m).ok_or_else(|| overflow("timeline"))?;
        }
        let pod = active[NATIVE] + queued[NATIVE];
        self.stakers.push(StakerState {
            id,
            protocol,
            operator: Some(o),
            shares: active,
            dsf,
            bcsf: WAD,
            pod_restaked: pod,
            beacon_balance: pod,
            paid_out: 0,
        });
        for j in 0..2 {
            if queued[j] > 0 {
                let scaled = wad::mul_wad(queued[j], dsf[j]).ok_or_else(|| overflow("timeline"))?;
                self.queue.push(Withdrawal {
                    action: usize::MAX,
                    staker: s,
                    operator: Some(o),
                    strategy: j,
                    start: 0,
                    scaled,
                    done: false,
                });
            }
        }
        Ok(())
    }

    /// The slashing factor of staker `s` in strategy `j` under operator `o` (or none) with
    /// `maxMagnitude` `m`: `m·l` for native, `m` for LST, WAD.
    fn factor(&self, s: usize, j: usize, m: u128) -> Option<u128> {
        if j == NATIVE {
            wad::mul_wad(m, self.stakers[s].bcsf)
        } else {
            Some(m)
        }
    }

    /// The current slashing factor of staker `s` in strategy `j`, WAD.
    pub fn slashing_factor(&self, s: usize, j: usize) -> Option<u128> {
        let m = self.stakers[s]
            .operator
            .map_or(WAD, |o| self.operators[o].ledgers[j].max());
        self.factor(s, j, m)
    }

    /// Withdrawable shares of staker `s` in strategy `j`, wei.
    pub fn withdrawable(&self, s: usize, j: usize) -> Option<u128> {
        let st = &self.stakers[s];
        wad::mul_wad(
            wad::mul_wad(st.shares[j], st.dsf[j])?,
            self.slashing_factor(s, j)?,
        )
    }

    /// Last block at which withdrawal `w` can be slashed, `startBlock + MIN_WITHDRAWAL_DELAY`.
    pub fn slashable_until(&self, w: &Withdrawal) -> u64 {
        u64::from(w.start) + u64::from(self.options.withdrawal_delay_blocks)
    }

    /// What withdrawal `w` pays if completed after `block`: `scaled × sf` with `m` as of
    /// `min(block, slashableUntil)`, wei.
    pub fn withdrawal_value(&self, w: &Withdrawal, block: u32) -> Option<u128> {
        let at = u64::from(block).min(self.slashable_until(w));
        let at = u32::try_from(at).unwrap_or(u32::MAX);
        let m = w
            .operator
            .map_or(WAD, |o| self.operators[o].ledgers[w.strategy].max_at(at));
        wad::mul_wad(w.scaled, self.factor(w.staker, w.strategy, m)?)
    }

    /// Staker `s`'s claim at `block`: withdrawable plus its withdrawals still queued, wei.
    pub fn claim(&self, s: usize, block: u32) -> Result<u128, Error> {
        let mut total = 0u128;
        for j in 0..2 {
            total += self
                .withdrawable(s, j)
                .ok_or_else(|| overflow("timeline"))?;
        }
        for w in self.queue.iter().filter(|w| w.staker == s && !w.done) {
            total += self
                .withdrawal_value(w, block)
                .ok_or_else(|| overflow("timeline"))?;
        }
        Ok(total)
    }

    /// Every staker's claim, wei.
    pub fn claims(&self, block: u32) -> Result<Vec<u128>, Error> {
        (0..self.stakers.len())
            .map(|s| self.claim(s, block))
            .collect()
    }

    /// Σ claims, wei.
    pub fn claims_total(&self, block: u32) -> Result<u128, Error> {
        Ok(self.claims(block)?.iter().sum())
    }

    /// Staker index of `id`, if it exists.
    pub fn staker(&self, id: &str) -> Option<usize> {
        self.stakers.iter().position(|s| s.id == id)
    }
}

/// The AVS index of `id` (the network is validated, so allocations name known AVSs).
fn avs_index_of(index: &HashMap<&str, usize>, id: &str) -> Result<usize, Error> {
    index.get(id).copied().ok_or_else(|| overflow("timeline"))
}
