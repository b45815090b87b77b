//! The Yield page's editable state: one signal per input, in model units, for the base layer,
//! the LST, the LRT's fees and buffer, each AVS stream, and the deposit; loaded from a
//! [`YieldInput`] and read back into one.

use leptos::prelude::*;
use restake_core::yield_stack::{
    AvsReward, AvsStream, BaseLayer, Compounding, ConsensusApr, FeeScope, LrtInput, LstInput,
    YieldInput,
};

/// The editable state of one AVS stream, in model units.
#[derive(Clone, Copy)]
pub(super) struct AvsState {
    pub(super) name: RwSignal<String>,
    pub(super) allocation: RwSignal<f64>,
    pub(super) paid_in_token: RwSignal<bool>,
    pub(super) apr: RwSignal<f64>,
    pub(super) token: RwSignal<String>,
    pub(super) tokens_per_eth: RwSignal<f64>,
    pub(super) price_eth: RwSignal<f64>,
    pub(super) haircut: RwSignal<f64>,
    pub(super) own_commission: RwSignal<bool>,
    pub(super) commission: RwSignal<f64>,
    pub(super) fault: RwSignal<f64>,
    pub(super) slash: RwSignal<f64>,
}

impl AvsState {
    pub(super) fn new(a: &AvsStream, default_commission: f64) -> Self {
        let (paid_in_token, apr, token, tpe, price, haircut) = match &a.reward {
            AvsReward::Eth { apr } => (false, *apr, "TOKEN".to_owned(), 0.0, 0.0, 0.0),
            AvsReward::Token {
                token,
                tokens_per_eth_per_year,
                token_price_eth,
                liquidity_haircut,
            } => (
                true,
                0.0,
                token.clone(),
                *tokens_per_eth_per_year,
                *token_price_eth,
                *liquidity_haircut,
            ),
        };
        AvsState {
            name: RwSignal::new(a.name.clone()),
            allocation: RwSignal::new(a.allocation),
            paid_in_token: RwSignal::new(paid_in_token),
            apr: RwSignal::new(apr),
            token: RwSignal::new(token),
            tokens_per_eth: RwSignal::new(tpe),
            price_eth: RwSignal::new(price),
            haircut: RwSignal::new(haircut),
            own_commission: RwSignal::new(a.operator_commission.is_some()),
            commission: RwSignal::new(a.operator_commission.unwrap_or(default_commission)),
            fault: RwSignal::new(a.fault_probability),
            slash: RwSignal::new(a.slash_fraction),
        }
    }

    /// The stream of the current values (tracked).
    fn stream(&self) -> AvsStream {
        AvsStream {
            name: self.name.get(),
            allocation: self.allocation.get(),
            reward: if self.paid_in_token.get() {
                AvsReward::Token {
                    token: self.token.get(),
                    tokens_per_eth_per_year: self.tokens_per_eth.get(),
                    token_price_eth: self.price_eth.get(),
                    liquidity_haircut: self.haircut.get(),
                }
            } else {
                AvsReward::Eth {
                    apr: self.apr.get(),
                }
            },
            operator_commission: self.own_commission.get().then(|| self.commission.get()),
            fault_probability: self.fault.get(),
            slash_fraction: self.slash.get(),
        }
    }
}

/// Every input of the page, in model units.
#[derive(Clone, Copy)]
pub(super) struct Inputs {
    pub(super) derive_cl: RwSignal<bool>,
    pub(super) cl_apr: RwSignal<f64>,
    pub(super) total_staked: RwSignal<f64>,
    pub(super) participation: RwSignal<f64>,
    pub(super) el_apr: RwSignal<f64>,
    pub(super) lst_token: RwSignal<String>,
    pub(super) lst_fee: RwSignal<f64>,
    pub(super) lrt_token: RwSignal<String>,
    pub(super) lrt_fee: RwSignal<f64>,
    pub(super) fee_cl: RwSignal<bool>,
    pub(super) fee_el: RwSignal<bool>,
    pub(super) fee_avs: RwSignal<bool>,
    pub(super) commission: RwSignal<f64>,
    pub(super) buffer: RwSignal<f64>,
    pub(super) avss: RwSignal<Vec<AvsState>>,
    /// Compounding periods per year; 0 = continuously.
    pub(super) periods: RwSignal<u32>,
    pub(super) deposit: RwSignal<f64>,
    pub(super) horizon: RwSignal<f64>,
}

impl Inputs {
    pub(super) fn new(input: &YieldInput) -> Self {
        let s = Inputs {
            derive_cl: RwSignal::new(true),
            cl_apr: RwSignal::new(0.03),
            total_staked: RwSignal::new(36e6),
            participation: RwSignal::new(1.0),
            el_apr: RwSignal::new(0.0),
            lst_token: RwSignal::new(String::new()),
            lst_fee: RwSignal::new(0.0),
            lrt_token: RwSignal::new(String::new()),
            lrt_fee: RwSignal::new(0.0),
            fee_cl: RwSignal::new(true),
            fee_el: RwSignal::new(true),
            fee_avs: RwSignal::new(true),
            commission: RwSignal::new(0.1),
            buffer: RwSignal::new(0.0),
            avss: RwSignal::new(vec![]),
            periods: RwSignal::new(365),
            deposit: RwSignal::new(10.0),
            horizon: RwSignal::new(1.0),
        };
        s.load(input);
        s
    }

    /// Replaces every value with the preset's (deposit, horizon and compounding too).
    pub(super) fn load(&self, i: &YieldInput) {
        match i.base.consensus {
            ConsensusApr::Given { apr } => {
                self.derive_cl.set(false);
                self.cl_apr.set(apr);
            }
            ConsensusApr::FromStake {
                total_staked_eth,
                participation,
            } => {
                self.derive_cl.set(true);
                self.total_staked.set(total_staked_eth);
                self.participation.set(participation);
            }
        }
        self.el_apr.set(i.base.execution_apr);
        self.lst_token.set(i.lst.token.clone());
        self.lst_fee.set(i.lst.fee_on_rewards);
        self.lrt_token.set(i.lrt.token.clone());
        self.lrt_fee.set(i.lrt.fee_on_rewards);
        self.fee_cl.set(i.lrt.fee_applies_to.consensus);
        self.fee_el.set(i.lrt.fee_applies_to.execution);
        self.fee_avs.set(i.lrt.fee_applies_to.avs);
        self.commission.set(i.lrt.operator_commission);
        self.buffer.set(i.lrt.buffer_share);
        self.avss.set(
            i.lrt
                .avss
                .iter()
                .map(|a| AvsState::new(a, i.lrt.operator_commission))
                .collect(),
        );
        self.periods.set(match i.compounding {
            Compounding::Periodic { periods_per_year } => periods_per_year,
            Compounding::Continuous => 0,
        });
        self.deposit.set(i.deposit_eth);
        self.horizon.set(i.horizon_years);
    }

    /// The model input of the current values (tracked).
    pub(super) fn input(&self) -> YieldInput {
        YieldInput {
            base: BaseLayer {
                consensus: if self.derive_cl.get() {
                    ConsensusApr::FromStake {
                        total_staked_eth: self.total_staked.get(),
                        participation: self.participation.get(),
                    }
                } else {
                    ConsensusApr::Given {
                        apr: self.cl_apr.get(),
                    }
                },
                execution_apr: self.el_apr.get(),
            },
            lst: LstInput {
                token: self.lst_token.get(),
                fee_on_rewards: self.lst_fee.get(),
            },
            lrt: LrtInput {
                token: self.lrt_token.get(),
                fee_on_rewards: self.lrt_fee.get(),
                fee_applies_to: FeeScope {
                    consensus: self.fee_cl.get(),
                    execution: self.fee_el.get(),
                    avs: self.fee_avs.get(),
                },
                operator_commission: self.commission.get(),
                buffer_share: self.buffer.get(),
                avss: self.avss.get().iter().map(AvsState::stream).collect(),
            },
            compounding: match self.periods.get() {
                0 => Compounding::Continuous,
                n => Compounding::Periodic {
                    periods_per_year: n,
                },
            },
            deposit_eth: self.deposit.get(),
            horizon_years: self.horizon.get(),
        }
    }
}
