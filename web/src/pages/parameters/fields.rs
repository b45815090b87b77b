//! The workbench's inputs: a token preset (published depth points and labelled assumptions) and
//! a lending market preset (its bonus and today's LTV and threshold) to start from, then one
//! number field per input, each with the basis of the preset's figure while it holds it.

use leptos::prelude::*;
use restake_core::lending::LendingMarket;
use restake_core::parameters::{
    CurrentParameters, LiquidityPoint, TokenPreset, WorkbenchInput, WorkbenchReport,
};
use restake_core::scenario::ParametersSection;
use restake_core::source::{Basis, Sourced};

use crate::components::number_input::NumberInput;
use crate::components::outcome::Outcome;
use crate::components::source::SourceNote;

/// One point of the liquidity curve.
#[derive(Clone, Copy)]
struct Point {
    lrt_in: RwSignal<f64>,
    impact: RwSignal<f64>,
}

/// Every input, one signal each (fractions `0..=1`, tokens, ETH); `0` in an optional field
/// (circulating supply, daily volume, supply cap today) means "not given".
#[derive(Clone, Copy)]
pub(super) struct Fields {
    tokens: StoredValue<Vec<TokenPreset>>,
    markets: StoredValue<Vec<LendingMarket>>,
    /// The token preset the fields started from; `None` for a token of one's own.
    token: RwSignal<Option<usize>>,
    /// The market compared against; `None` for a bonus of one's own and no figures today.
    market: RwSignal<Option<usize>>,
    token_name: RwSignal<String>,
    market_name: RwSignal<String>,
    points: RwSignal<Vec<Point>>,
    spot: RwSignal<f64>,
    volatility: RwSignal<f64>,
    bonus: RwSignal<f64>,
    budget: RwSignal<f64>,
    debt: RwSignal<f64>,
    risk_level: RwSignal<f64>,
    buffer: RwSignal<f64>,
    supply: RwSignal<f64>,
    volume: RwSignal<f64>,
    now_ltv: RwSignal<f64>,
    now_lt: RwSignal<f64>,
    now_cap: RwSignal<f64>,
}

fn given(v: f64) -> Option<f64> {
    (v != 0.0).then_some(v)
}

impl Fields {
    /// The fields of `section`, or of the first token preset against the first market preset.
    pub(super) fn new(
        section: Option<ParametersSection>,
        tokens: Vec<TokenPreset>,
        markets: Vec<LendingMarket>,
    ) -> Fields {
        let f = Fields {
            token: RwSignal::new(None),
            market: RwSignal::new(None),
            token_name: RwSignal::new(String::new()),
            market_name: RwSignal::new(String::new()),
            points: RwSignal::new(Vec::new()),
            spot: RwSignal::new(1.0),
            volatility: RwSignal::new(0.0),
            bonus: RwSignal::new(0.0),
            budget: RwSignal::new(0.0),
            debt: RwSignal::new(0.0),
            risk_level: RwSignal::new(0.0),
            buffer: RwSignal::new(0.0),
            supply: RwSignal::new(0.0),
            volume: RwSignal::new(0.0),
            now_ltv: RwSignal::new(0.0),
            now_lt: RwSignal::new(0.0),
            now_cap: RwSignal::new(0.0),
            tokens: StoredValue::new(tokens),
            markets: StoredValue::new(markets),
        };
        match section {
            Some(s) => {
                f.load(&s.input);
                f.token.set(f.tokens.with_value(|t| {
                    t.iter()
                        .position(|p| Some(&p.id) == s.token_preset.as_ref())
                }));
                f.market.set(f.markets.with_value(|m| {
                    m.iter()
                        .position(|p| Some(&p.id) == s.market_preset.as_ref())
                }));
            }
            None => {
                f.pick_token(0);
                f.pick_market(Some(0));
            }
        }
        f
    }

    /// Fills every field from `input`.
    fn load(&self, i: &WorkbenchInput) {
        self.token_name.set(i.token.clone());
        self.market_name.set(i.market.clone());
        self.points.set(
            i.liquidity
                .iter()
                .map(|p| Point {
                    lrt_in: RwSignal::new(p.lrt_in),
                    impact: RwSignal::new(p.price_impact),
                })
                .collect(),
        );
        self.spot.set(i.spot_price);
        self.volatility.set(i.volatility);
        self.bonus.set(i.liquidation_bonus);
        self.budget.set(i.slippage_budget);
        self.debt.set(i.debt_size);
        self.risk_level.set(i.risk_level);
        self.buffer.set(i.buffer_sigmas);
        self.supply.set(i.circulating_supply.unwrap_or(0.0));
        self.volume.set(i.daily_volume.unwrap_or(0.0));
        let now = i.current.unwrap_or_default();
        self.now_ltv.set(now.ltv.unwrap_or(0.0));
        self.now_lt.set(now.liquidation_threshold.unwrap_or(0.0));
        self.now_cap.set(now.supply_cap.unwrap_or(0.0));
    }

    /// Token preset `i`: its curve, volatility, price, debt, risk level, buffer and supply; the
    /// market's fields stay.
    fn pick_token(&self, i: usize) {
        let Some(p) = self.tokens.with_value(|t| t.get(i).cloned()) else {
            return;
        };
        let keep = untrack(|| self.input());
        self.load(&WorkbenchInput {
            market: keep.market,
            liquidation_bonus: keep.liquidation_bonus,
            slippage_budget: keep.slippage_budget,
            current: keep.current,
            ..p.input
        });
        self.token.set(Some(i));
    }

    /// Market preset `i`: its name, its bonus as bonus and slippage budget (as both liquidity
    /// rules take it), its LTV and threshold as today's; `None` keeps the figures, unlinked.
    fn pick_market(&self, i: Option<usize>) {
        self.market.set(i);
        let Some(m) = i.and_then(|i| self.markets.with_value(|m| m.get(i).cloned())) else {
            return;
        };
        self.market_name.set(m.name.clone());
        self.bonus.set(m.liquidation_bonus.value);
        self.budget.set(m.liquidation_bonus.value);
        self.now_ltv.set(m.ltv.value);
        self.now_lt.set(m.liquidation_threshold.value);
        self.now_cap.set(0.0);
    }

    /// The workbench input the fields hold (tracked).
    pub(super) fn input(&self) -> WorkbenchInput {
        let linked = self.market.get().is_some();
        WorkbenchInput {
            token: self.token_name.get(),
            market: self.market_name.get(),
            liquidity: self
                .points
                .get()
                .iter()
                .map(|p| LiquidityPoint {
                    lrt_in: p.lrt_in.get(),
                    price_impact: p.impact.get(),
                })
                .collect(),
            spot_price: self.spot.get(),
            volatility: self.volatility.get(),
            liquidation_bonus: self.bonus.get(),
            slippage_budget: self.budget.get(),
            debt_size: self.debt.get(),
            risk_level: self.risk_level.get(),
            buffer_sigmas: self.buffer.get(),
            circulating_supply: given(self.supply.get()),
            daily_volume: given(self.volume.get()),
            current: linked.then(|| CurrentParameters {
                ltv: Some(self.now_ltv.get()),
                liquidation_threshold: Some(self.now_lt.get()),
                supply_cap: given(self.now_cap.get()),
            }),
        }
    }

    /// The token preset's id (tracked).
    pub(super) fn token_id(&self) -> Option<String> {
        let i = self.token.get()?;
        self.tokens.with_value(|t| t.get(i).map(|p| p.id.clone()))
    }

    /// The market preset's id (tracked).
    pub(super) fn market_id(&self) -> Option<String> {
        let i = self.market.get()?;
        self.markets.with_value(|m| m.get(i).map(|p| p.id.clone()))
    }

    /// The market preset compared against (tracked).
    pub(super) fn market(&self) -> Option<LendingMarket> {
        let i = self.market.get()?;
        self.markets.with_value(|m| m.get(i).cloned())
    }

    /// The basis of the token preset's figure at `path` while `value` still holds the preset's
    /// value `preset` (tracked); `None` once it is the user's own figure.
    fn token_basis(
        &self,
        path: &'static str,
        value: RwSignal<f64>,
        preset: fn(&WorkbenchInput) -> Option<f64>,
    ) -> Signal<Option<Basis>> {
        let f = *self;
        Signal::derive(move || {
            let i = f.token.get()?;
            let v = value.get();
            f.tokens.with_value(|t| {
                let p = t.get(i)?;
                (preset(&p.input) == Some(v))
                    .then(|| {
                        p.bases
                            .iter()
                            .find(|(f, _)| f == path)
                            .map(|(_, b)| b.clone())
                    })
                    .flatten()
            })
        })
    }

    /// The basis of the market preset's figure `pick` while `value` holds it (tracked).
    fn market_basis(
        &self,
        value: RwSignal<f64>,
        pick: fn(&LendingMarket) -> &Sourced<f64>,
    ) -> Signal<Option<Basis>> {
        let f = *self;
        Signal::derive(move || {
            let m = f.market()?;
            let s = pick(&m);
            (s.value == value.get()).then(|| s.basis.clone())
        })
    }
}

/// The basis of a field's figure: the source tooltip and, for an assumption, its tag; "your
/// figure" once the field no longer holds the preset's value; "not given" for an optional
/// field left at 0.
#[component]
fn FigureBasis(
    basis: Signal<Option<Basis>>,
    #[prop(optional, into)] absent: Signal<bool>,
) -> impl IntoView {
    move || match basis.get() {
        Some(b) => {
            view! { <p class="field-note">"Preset's figure " <SourceNote basis=b/></p> }.into_any()
        }
        None if absent.get() => {
            view! { <p class="field-note">"Not given: the limit that reads it is left out."</p> }
                .into_any()
        }
        None => view! { <p class="field-note">"Your figure."</p> }.into_any(),
    }
}

/// The inputs panel.
#[component]
pub(super) fn FieldsPanel(f: Fields, outcome: Outcome<WorkbenchReport>) -> impl IntoView {
    let err = move |p: &'static str| outcome.error_at(p);
    let token_options = f.tokens.with_value(|t| {
        t.iter()
            .enumerate()
            .map(|(i, p)| (i.to_string(), p.name.clone()))
            .collect::<Vec<_>>()
    });
    let market_options = f.markets.with_value(|m| {
        m.iter()
            .enumerate()
            .map(|(i, p)| (i.to_string(), p.name.clone()))
            .collect::<Vec<_>>()
    });
    let points = move || {
        f.points
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                // The preset's depth point keeps its source while both its figures hold.
                let basis = Signal::derive(move || {
                    let t = f.token.get().filter(|_| i == 0)?;
                    let now = (p.lrt_in.get(), p.impact.get());
                    f.tokens.with_value(|ts| {
                        let preset = ts.get(t)?;
                        let first = preset.input.liquidity.first()?;
                        (now == (first.lrt_in, first.price_impact))
                            .then(|| preset.bases.iter().find(|(k, _)| k == "liquidity[0]").map(|(_, b)| b.clone()))
                            .flatten()
                    })
                });
                view! {
                    <fieldset class="chain">
                        <legend>{format!("Sale {}", i + 1)}</legend>
                        <NumberInput id=format!("point-{i}-size") label=format!("Sale {}: tokens sold", i + 1) term="price-impact" unit="tokens" value=p.lrt_in min=0.0 max=10_000_000.0 step=10.0 error=outcome.error_at(format!("liquidity[{i}].lrtIn"))/>
                        <NumberInput id=format!("point-{i}-impact") label=format!("Sale {}: price impact", i + 1) unit="%" scale=100.0 value=p.impact min=0.0 max=99.99 step=0.1 error=outcome.error_at(format!("liquidity[{i}].priceImpact"))/>
                        <FigureBasis basis=basis/>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add_point = move |_| {
        let last = f.points.with_untracked(|v| {
            v.last()
                .map(|p| (p.lrt_in.get_untracked(), p.impact.get_untracked()))
        });
        let (size, impact) = last.unwrap_or((0.0, 0.0));
        f.points.update(|v| {
            v.push(Point {
                lrt_in: RwSignal::new(size * 2.0 + 100.0),
                impact: RwSignal::new((impact * 2.0).clamp(0.01, 0.99)),
            })
        });
    };
    let remove_point = move |_| {
        f.points.update(|v| {
            if v.len() > 1 {
                v.pop();
            }
        })
    };
    let curve_basis = Signal::derive(move || {
        let i = f.token.get()?;
        let now: Vec<(f64, f64)> = f
            .points
            .get()
            .iter()
            .map(|p| (p.lrt_in.get(), p.impact.get()))
            .collect();
        f.tokens.with_value(|t| {
            let p = t.get(i)?;
            let preset: Vec<(f64, f64)> = p
                .input
                .liquidity
                .iter()
                .map(|q| (q.lrt_in, q.price_impact))
                .collect();
            (preset == now)
                .then(|| {
                    p.bases
                        .iter()
                        .find(|(f, _)| f == "liquidity")
                        .map(|(_, b)| b.clone())
                })
                .flatten()
        })
    });
    let budget_note = move || {
        (f.market.get().is_some() && f.budget.get() == f.bonus.get())
            .then(|| view! { <p class="field-note">"The market's liquidation bonus: both liquidity rules take the bonus as the slippage a liquidation may cause (Chaos Labs; SmartLTV's β)."</p> })
    };
    view! {
        <h2>"Token and market"</h2>
        <label for="token-preset">"Token preset"</label>
        <select id="token-preset" on:change=move |ev| { if let Ok(i) = event_target_value(&ev).parse::<usize>() { f.pick_token(i) } }>
            {token_options.into_iter().map(|(v, n)| { let i: usize = v.parse().unwrap_or(usize::MAX); view! { <option value=v selected=move || f.token.get() == Some(i)>{n}</option> } }).collect_view()}
            <option value="own" selected=move || f.token.get().is_none() disabled=true>"My own figures"</option>
        </select>
        <label for="market-preset">"Lending market compared against"</label>
        <select id="market-preset" on:change=move |ev| f.pick_market(event_target_value(&ev).parse::<usize>().ok())>
            {market_options.into_iter().map(|(v, n)| { let i: usize = v.parse().unwrap_or(usize::MAX); view! { <option value=v selected=move || f.market.get() == Some(i)>{n}</option> } }).collect_view()}
            <option value="none" selected=move || f.market.get().is_none()>"None: a bonus of my own, no figures today"</option>
        </select>
        {move || f.market().map(|m| view! { <p class="field-note">{format!("Collateral of this market preset: {}. The token preset's liquidity may be on another chain than the market.", m.collateral)}</p> })}
        <h2>"DEX liquidity"</h2>
        <p>"Each sale's size and the price impact it causes; straight lines between the points, from no sale and no impact."</p>
        {points}
        <FigureBasis basis=curve_basis/>
        <div class="row-actions">
            <button type="button" class="secondary" on:click=add_point>"Add a point"</button>
            <button type="button" class="secondary" on:click=remove_point disabled=move || f.points.with(|v| v.len() <= 1)>"Remove the last point"</button>
        </div>
        <NumberInput id="spot-price" label="DEX spot price" unit="ETH per token" value=f.spot min=0.01 max=10.0 step=0.001 error=err("spotPrice")/>
        <FigureBasis basis=f.token_basis("spotPrice", f.spot, |x| Some(x.spot_price))/>
        <h2>"Token"</h2>
        <NumberInput id="volatility" label="Volatility σ against ETH" unit="%" scale=100.0 value=f.volatility min=0.0 max=100.0 step=0.1 error=err("volatility")/>
        <FigureBasis basis=f.token_basis("volatility", f.volatility, |x| Some(x.volatility))/>
        <NumberInput id="circulating-supply" label="Circulating supply on the market's chain (0 = not given)" unit="tokens" value=f.supply min=0.0 max=1_000_000_000.0 step=1_000.0 error=err("circulatingSupply")/>
        <FigureBasis basis=f.token_basis("circulatingSupply", f.supply, |x| x.circulating_supply) absent=Signal::derive(move || f.supply.get() == 0.0)/>
        <NumberInput id="daily-volume" label="Daily trading volume across venues (0 = not given)" unit="tokens/day" value=f.volume min=0.0 max=1_000_000_000.0 step=100.0 error=err("dailyVolume")/>
        <FigureBasis basis=f.token_basis("dailyVolume", f.volume, |x| x.daily_volume) absent=Signal::derive(move || f.volume.get() == 0.0)/>
        <h2>"Market"</h2>
        <NumberInput id="bonus" label="Liquidation bonus" term="liquidation-bonus" unit="%" scale=100.0 value=f.bonus min=0.0 max=50.0 step=0.1 error=err("liquidationBonus")/>
        <FigureBasis basis=f.market_basis(f.bonus, |m| &m.liquidation_bonus)/>
        <NumberInput id="slippage-budget" label="Slippage budget of a liquidation" term="slippage-budget" unit="%" scale=100.0 value=f.budget min=0.0 max=99.0 step=0.1 error=err("slippageBudget")/>
        {budget_note}
        <NumberInput id="debt-size" label="Debt lent against the token (SmartLTV's d)" unit="ETH" value=f.debt min=0.0 max=1_000_000_000.0 step=100.0 error=err("debtSize")/>
        <FigureBasis basis=f.token_basis("debtSize", f.debt, |x| Some(x.debt_size))/>
        <h2>"Choices the rules leave open"</h2>
        <NumberInput id="risk-level" label="SmartLTV risk level c" term="risk-level" unit="× σ" value=f.risk_level min=0.0 max=100.0 step=0.1 error=err("riskLevel")/>
        <FigureBasis basis=f.token_basis("riskLevel", f.risk_level, |x| Some(x.risk_level))/>
        <NumberInput id="buffer-sigmas" label="Volatility buffer k (threshold rule)" term="volatility-buffer" unit="× σ" value=f.buffer min=0.0 max=100.0 step=0.1 error=err("bufferSigmas")/>
        <FigureBasis basis=f.token_basis("bufferSigmas", f.buffer, |x| Some(x.buffer_sigmas))/>
        {move || f.market.get().is_some().then(|| view! {
            <h2>"The market today"</h2>
            <NumberInput id="now-ltv" label="LTV today" term="ltv" unit="%" scale=100.0 value=f.now_ltv min=0.0 max=99.99 step=0.1 error=err("current.ltv")/>
            <FigureBasis basis=f.market_basis(f.now_ltv, |m| &m.ltv)/>
            <NumberInput id="now-lt" label="Liquidation threshold today" term="liquidation-threshold" unit="%" scale=100.0 value=f.now_lt min=0.0 max=99.99 step=0.1 error=err("current.liquidationThreshold")/>
            <FigureBasis basis=f.market_basis(f.now_lt, |m| &m.liquidation_threshold)/>
            <NumberInput id="now-cap" label="Supply cap today (0 = not given)" term="supply-cap" unit="tokens" value=f.now_cap min=0.0 max=1_000_000_000.0 step=1_000.0 error=err("current.supplyCap")/>
            <p class="field-note">"Not in our sources for the presets: read it from the market (Aave's PoolDataProvider.getReserveCaps) and type it here."</p>
        })}
    }
}

/// The message of an error no field shows (a whole-input problem), for the results panel.
pub(super) fn unplaced(outcome: Outcome<WorkbenchReport>) -> Signal<Option<String>> {
    outcome.other_error(&[
        "liquidity[",
        "spotPrice",
        "volatility",
        "circulatingSupply",
        "dailyVolume",
        "liquidationBonus",
        "slippageBudget",
        "debtSize",
        "riskLevel",
        "bufferSigmas",
        "current.",
    ])
}
