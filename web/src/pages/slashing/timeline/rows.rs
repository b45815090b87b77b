//! One editable timeline action: its kind, block and fields as signals, and the core
//! [`TimedAction`] it stands for. Action numbers on screen count from 1; the core's indices
//! (`withdrawal`, `slash`) from 0.

use leptos::prelude::*;
use restake_core::slashing::staker::Strategy;
use restake_core::slashing::timeline::{Action, TimedAction, Veto};

/// What an action row does; `key` is the core's `kind`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Allocate,
    Deallocate,
    Slash,
    BeaconBalanceDrop,
    Checkpoint,
    Deposit,
    QueueWithdrawal,
    CompleteWithdrawal,
    Delegate,
    Undelegate,
    ReleaseEscrow,
}

impl Kind {
    pub(super) const ALL: [Kind; 11] = [
        Kind::Deposit,
        Kind::Delegate,
        Kind::Allocate,
        Kind::Deallocate,
        Kind::Slash,
        Kind::BeaconBalanceDrop,
        Kind::Checkpoint,
        Kind::QueueWithdrawal,
        Kind::CompleteWithdrawal,
        Kind::Undelegate,
        Kind::ReleaseEscrow,
    ];

    pub(super) fn label(self) -> &'static str {
        match self {
            Kind::Allocate => "Operator allocates to an AVS",
            Kind::Deallocate => "Operator deallocates from an AVS",
            Kind::Slash => "AVS slashes the operator",
            Kind::BeaconBalanceDrop => "Validators lose ETH on the beacon chain",
            Kind::Checkpoint => "EigenPod checkpoint",
            Kind::Deposit => "Staker deposits (or proves a new validator)",
            Kind::QueueWithdrawal => "Staker queues a withdrawal",
            Kind::CompleteWithdrawal => "Staker completes a withdrawal",
            Kind::Delegate => "Staker delegates to an operator",
            Kind::Undelegate => "Staker undelegates",
            Kind::ReleaseEscrow => "Slashed funds leave escrow",
        }
    }

    pub(super) fn key(self) -> &'static str {
        match self {
            Kind::Allocate => "allocate",
            Kind::Deallocate => "deallocate",
            Kind::Slash => "slash",
            Kind::BeaconBalanceDrop => "beaconBalanceDrop",
            Kind::Checkpoint => "checkpoint",
            Kind::Deposit => "deposit",
            Kind::QueueWithdrawal => "queueWithdrawal",
            Kind::CompleteWithdrawal => "completeWithdrawal",
            Kind::Delegate => "delegate",
            Kind::Undelegate => "undelegate",
            Kind::ReleaseEscrow => "releaseEscrow",
        }
    }

    pub(super) fn from_key(key: &str) -> Kind {
        Kind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .unwrap_or(Kind::Deposit)
    }

    pub(super) fn uses_operator(self) -> bool {
        matches!(
            self,
            Kind::Allocate | Kind::Deallocate | Kind::Slash | Kind::Delegate
        )
    }

    pub(super) fn uses_avs(self) -> bool {
        matches!(self, Kind::Allocate | Kind::Deallocate | Kind::Slash)
    }

    pub(super) fn uses_staker(self) -> bool {
        !matches!(
            self,
            Kind::Allocate | Kind::Deallocate | Kind::Slash | Kind::ReleaseEscrow
        )
    }

    pub(super) fn uses_amount(self) -> bool {
        matches!(
            self,
            Kind::BeaconBalanceDrop | Kind::Deposit | Kind::QueueWithdrawal
        )
    }

    /// The amount field's label.
    pub(super) fn amount_label(self) -> &'static str {
        match self {
            Kind::BeaconBalanceDrop => "ETH lost by the validators",
            Kind::QueueWithdrawal => "Deposit shares withdrawn",
            _ => "Amount deposited",
        }
    }
}

/// Which strategy a row names: `Both` only for allocations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum StrategyChoice {
    Both,
    Native,
    Lst,
}

impl StrategyChoice {
    pub(super) fn key(self) -> &'static str {
        match self {
            StrategyChoice::Both => "both",
            StrategyChoice::Native => "native",
            StrategyChoice::Lst => "lst",
        }
    }

    pub(super) fn label(self) -> &'static str {
        match self {
            StrategyChoice::Both => "Both strategies",
            StrategyChoice::Native => "Native ETH (EigenPod)",
            StrategyChoice::Lst => "LSTs",
        }
    }

    pub(super) fn from_key(key: &str) -> StrategyChoice {
        match key {
            "native" => StrategyChoice::Native,
            "lst" => StrategyChoice::Lst,
            _ => StrategyChoice::Both,
        }
    }

    fn of(s: Option<Strategy>) -> StrategyChoice {
        match s {
            None => StrategyChoice::Both,
            Some(Strategy::BeaconChainEth) => StrategyChoice::Native,
            Some(Strategy::Lst) => StrategyChoice::Lst,
        }
    }

    /// The strategy; `Both` reads as native where one strategy is needed.
    fn strategy(self) -> Option<Strategy> {
        match self {
            StrategyChoice::Both => None,
            StrategyChoice::Native => Some(Strategy::BeaconChainEth),
            StrategyChoice::Lst => Some(Strategy::Lst),
        }
    }
}

/// The editable state of one action; `uid` keys the row so its ids stay when rows above it
/// are removed.
#[derive(Clone, Copy)]
pub(super) struct ActionRow {
    pub(super) uid: usize,
    pub(super) kind: RwSignal<Kind>,
    pub(super) block: RwSignal<f64>,
    pub(super) operator: RwSignal<usize>,
    pub(super) avs: RwSignal<usize>,
    pub(super) staker: RwSignal<String>,
    pub(super) strategy: RwSignal<StrategyChoice>,
    pub(super) magnitude: RwSignal<f64>,
    pub(super) fraction: RwSignal<f64>,
    pub(super) amount: RwSignal<f64>,
    /// 1-based action number of the withdrawal (completeWithdrawal) or slash (releaseEscrow).
    pub(super) target: RwSignal<f64>,
    pub(super) as_shares: RwSignal<bool>,
    pub(super) recipient: RwSignal<String>,
    pub(super) veto: RwSignal<bool>,
    pub(super) requested_at: RwSignal<f64>,
    pub(super) veto_blocks: RwSignal<f64>,
    pub(super) vetoed: RwSignal<bool>,
    /// Share of the collateral whose resolvers vetoed (a reduced slash), fraction.
    pub(super) vetoed_share: RwSignal<f64>,
}

impl ActionRow {
    /// A new row of `kind` at `block`, naming `staker`.
    pub(super) fn new(uid: usize, kind: Kind, block: u32, staker: String) -> ActionRow {
        ActionRow {
            uid,
            kind: RwSignal::new(kind),
            block: RwSignal::new(f64::from(block)),
            operator: RwSignal::new(0),
            avs: RwSignal::new(0),
            staker: RwSignal::new(staker),
            strategy: RwSignal::new(StrategyChoice::Native),
            magnitude: RwSignal::new(0.5),
            fraction: RwSignal::new(0.5),
            amount: RwSignal::new(32.0),
            target: RwSignal::new(1.0),
            as_shares: RwSignal::new(false),
            recipient: RwSignal::new(String::new()),
            veto: RwSignal::new(false),
            requested_at: RwSignal::new(f64::from(block)),
            veto_blocks: RwSignal::new(7_200.0),
            vetoed: RwSignal::new(false),
            vetoed_share: RwSignal::new(0.0),
        }
    }

    /// A row loaded from the document; ids not in the lists fall back to the first entry.
    pub(super) fn from_action(
        uid: usize,
        t: &TimedAction,
        ops: &[String],
        avss: &[String],
    ) -> ActionRow {
        let index = |list: &[String], id: &str| list.iter().position(|x| x == id).unwrap_or(0);
        let kind = Kind::from_key(t.action.kind());
        let row = ActionRow::new(uid, kind, t.block, String::new());
        let set_staker = |s: &String| row.staker.set(s.clone());
        match &t.action {
            Action::Allocate {
                operator,
                avs,
                magnitude,
                strategy,
            }
            | Action::Deallocate {
                operator,
                avs,
                magnitude,
                strategy,
            } => {
                row.operator.set(index(ops, operator));
                row.avs.set(index(avss, avs));
                row.magnitude.set(*magnitude);
                row.strategy.set(StrategyChoice::of(*strategy));
            }
            Action::Slash {
                operator,
                avs,
                fraction,
                redistribute_to,
                veto,
            } => {
                row.operator.set(index(ops, operator));
                row.avs.set(index(avss, avs));
                row.fraction.set(*fraction);
                row.recipient
                    .set(redistribute_to.clone().unwrap_or_default());
                if let Some(v) = veto {
                    row.veto.set(true);
                    row.requested_at.set(f64::from(v.requested_at));
                    row.veto_blocks.set(f64::from(v.veto_duration_blocks));
                    row.vetoed.set(v.vetoed);
                    row.vetoed_share.set(v.vetoed_share);
                }
            }
            Action::BeaconBalanceDrop { staker, amount_eth } => {
                set_staker(staker);
                row.amount.set(*amount_eth);
            }
            Action::Checkpoint { staker } | Action::Undelegate { staker } => set_staker(staker),
            Action::Deposit {
                staker,
                strategy,
                amount_eth,
            } => {
                set_staker(staker);
                row.strategy.set(StrategyChoice::of(Some(*strategy)));
                row.amount.set(*amount_eth);
            }
            Action::QueueWithdrawal {
                staker,
                strategy,
                deposit_shares_eth,
            } => {
                set_staker(staker);
                row.strategy.set(StrategyChoice::of(Some(*strategy)));
                row.amount.set(*deposit_shares_eth);
            }
            Action::CompleteWithdrawal {
                staker,
                withdrawal,
                as_shares,
            } => {
                set_staker(staker);
                row.target.set(*withdrawal as f64 + 1.0);
                row.as_shares.set(*as_shares);
            }
            Action::Delegate { staker, operator } => {
                set_staker(staker);
                row.operator.set(index(ops, operator));
            }
            Action::ReleaseEscrow { slash } => row.target.set(*slash as f64 + 1.0),
        }
        row
    }

    /// The core action this row stands for (number fields hold only accepted values: whole
    /// blocks in range, fractions in range).
    pub(super) fn action(&self, ops: &[String], avss: &[String]) -> TimedAction {
        let op = ops.get(self.operator.get()).cloned().unwrap_or_default();
        let avs = avss.get(self.avs.get()).cloned().unwrap_or_default();
        let staker = self.staker.get().trim().to_owned();
        let one = self
            .strategy
            .get()
            .strategy()
            .unwrap_or(Strategy::BeaconChainEth);
        let target = (self.target.get() as usize).saturating_sub(1);
        let action = match self.kind.get() {
            Kind::Allocate => Action::Allocate {
                operator: op,
                avs,
                magnitude: self.magnitude.get(),
                strategy: self.strategy.get().strategy(),
            },
            Kind::Deallocate => Action::Deallocate {
                operator: op,
                avs,
                magnitude: self.magnitude.get(),
                strategy: self.strategy.get().strategy(),
            },
            Kind::Slash => {
                let recipient = self.recipient.get().trim().to_owned();
                Action::Slash {
                    operator: op,
                    avs,
                    fraction: self.fraction.get(),
                    redistribute_to: (!recipient.is_empty()).then_some(recipient),
                    veto: self.veto.get().then(|| Veto {
                        requested_at: self.requested_at.get() as u32,
                        veto_duration_blocks: self.veto_blocks.get() as u32,
                        vetoed: self.vetoed.get(),
                        vetoed_share: self.vetoed_share.get(),
                    }),
                }
            }
            Kind::BeaconBalanceDrop => Action::BeaconBalanceDrop {
                staker,
                amount_eth: self.amount.get(),
            },
            Kind::Checkpoint => Action::Checkpoint { staker },
            Kind::Deposit => Action::Deposit {
                staker,
                strategy: one,
                amount_eth: self.amount.get(),
            },
            Kind::QueueWithdrawal => Action::QueueWithdrawal {
                staker,
                strategy: one,
                deposit_shares_eth: self.amount.get(),
            },
            Kind::CompleteWithdrawal => Action::CompleteWithdrawal {
                staker,
                withdrawal: target,
                as_shares: self.as_shares.get(),
            },
            Kind::Delegate => Action::Delegate {
                staker,
                operator: op,
            },
            Kind::Undelegate => Action::Undelegate { staker },
            Kind::ReleaseEscrow => Action::ReleaseEscrow { slash: target },
        };
        TimedAction {
            block: self.block.get() as u32,
            action,
        }
    }
}

/// The value of the field at `path` as a whole number of blocks (the fields accept any number
/// in `0..=u32::MAX`), else an error at `path`.
pub(super) fn whole(path: &str, v: f64) -> Result<u32, restake_core::Error> {
    if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
        Ok(v as u32)
    } else {
        Err(restake_core::Error::OutOfRange {
            field: path.to_owned(),
            value: v,
            expected: "a whole number from 0 to 4294967295".to_owned(),
        })
    }
}

impl ActionRow {
    /// The whole-number fields of row `i` (block, action numbers, veto blocks) hold whole numbers.
    pub(super) fn check(&self, i: usize) -> Result<(), restake_core::Error> {
        let at = |name: &str| format!("actions[{i}].{name}");
        whole(&at("block"), self.block.get())?;
        let kind = self.kind.get();
        if matches!(kind, Kind::CompleteWithdrawal) {
            whole(&at("action.withdrawal"), self.target.get())?;
        }
        if matches!(kind, Kind::ReleaseEscrow) {
            whole(&at("action.slash"), self.target.get())?;
        }
        if kind == Kind::Slash && self.veto.get() {
            whole(&at("action.veto.requestedAt"), self.requested_at.get())?;
            whole(
                &at("action.veto.vetoDurationBlocks"),
                self.veto_blocks.get(),
            )?;
        }
        Ok(())
    }
}
