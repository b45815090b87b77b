//! Hand-worked cases of [`super::liquidation_cascade`].

use super::*;
use crate::lending::amm::{PoolKind, SwapFee};
use crate::lending::market::lending_markets;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
}

fn deep_pool() -> Pool {
    Pool::new(PoolKind::ConstantProduct, 1e6, 1e6)
}

/// Aave v3 Core weETH outside E-mode: θ = 0.80, bonus 7%, close factor 50% / 100% at
/// HF ≤ 0.95, exchange-rate oracle. One position: 100 weETH against 78 ETH (HF 1.0256).
fn aave_slash(fraction: f64) -> CascadeReport {
    let input = CascadeInput {
        market: lending_markets()[1].params(),
        exchange_rate: 1.0,
        pool: deep_pool(),
        population: Population::Explicit {
            positions: vec![Position {
                collateral: 100.0,
                debt: 78.0,
            }],
        },
        shock: Shock::Slash { fraction },
        sale_share: 1.0,
        max_rounds: 50,
    };
    liquidation_cascade(&input).unwrap()
}

#[test]
fn half_close_factor_above_095() {
    // 3% slash: p = 0.97, HF = 100 × 0.97 × 0.8 / 78 = 77.6/78 = 0.99487 > 0.95 ⇒ 50%:
    // repay 39 ETH, seize 39 × 1.07 / 0.97 = 41.73/0.97 = 43.0206 weETH. Left: 56.9794 weETH
    // against 39 ETH, HF = 56.9794 × 0.97 × 0.8 / 39 = 1.1337 — one round.
    let r = aave_slash(0.03);
    assert_eq!(r.rounds.len(), 1);
    let round = r.rounds[0];
    close(round.oracle_price, 0.97);
    close(round.debt_repaid, 39.0);
    close(round.bonus_eth, 2.73);
    close(round.collateral_seized, 41.73 / 0.97);
    // Value conserved at the oracle price: 39 + 2.73 = 41.73 = 43.0206 × 0.97.
    close(
        round.debt_repaid + round.bonus_eth,
        round.collateral_seized * 0.97,
    );
    close(round.bad_debt, 0.0);
}

#[test]
fn protocol_fee_comes_out_of_the_bonus_and_sales_pay_the_swap_fee() {
    // The same 3% slash on the preset (Aave v3.3 rules, 10% protocol fee): 43.0206 weETH leave
    // the borrower; the protocol keeps (43.0206 − 43.0206/1.07) × 10% = 43.0206 × 0.07/1.07 × 0.1
    // = 0.28144 of them (10% of the 2.73 ETH bonus at 0.97); the liquidator sells the rest.
    let r = aave_slash(0.03);
    let round = r.rounds[0];
    let seized = 41.73 / 0.97;
    close(round.protocol_fee, seized * 0.07 / 1.07 * 0.1);
    close(round.protocol_fee * 0.97, 0.273);
    close(round.collateral_sold, seized - round.protocol_fee);
    // Into a Uniswap v2 pool (0.3% on the input) the sale pays the fee.
    let mut input = morpho_two(50);
    input.pool.fee = SwapFee::OnInput { fee: 0.003 };
    let r = liquidation_cascade(&input).unwrap();
    let first = r.rounds[0];
    assert!(first.swap_fees_eth > 0.0);
    assert_eq!(first.protocol_fee, 0.0); // Morpho keeps no share
    close(
        r.totals.swap_fees_eth,
        r.rounds.iter().map(|x| x.swap_fees_eth).sum(),
    );
}

#[test]
fn full_close_at_or_below_095() {
    // 10% slash: p = 0.9, HF = 72/78 = 0.923 ≤ 0.95 ⇒ 100%: repay 78, seize 78 × 1.07 / 0.9
    // = 83.46/0.9 = 92.7333 of the 100 weETH; nothing is left owing.
    let r = aave_slash(0.10);
    assert_eq!(r.totals.liquidations, 1);
    close(r.totals.debt_repaid, 78.0);
    close(r.totals.collateral_seized, 83.46 / 0.9);
    close(r.totals.bad_debt, 0.0);
    // 30% slash: the 70 ETH of collateral cannot pay 78 × 1.07 = 83.46, so the liquidator takes
    // all 100 weETH and repays 70/1.07 = 65.4206; the other 12.5794 ETH is bad debt.
    let r = aave_slash(0.30);
    close(r.totals.collateral_seized, 100.0);
    close(r.totals.debt_repaid, 70.0 / 1.07);
    close(r.totals.bad_debt, 78.0 - 70.0 / 1.07);
}

fn morpho_two(max_rounds: u32) -> CascadeInput {
    CascadeInput {
        market: lending_markets()[3].params(), // LLTV 0.77, LIF 1/0.931, market oracle
        exchange_rate: 1.0,
        pool: Pool::new(PoolKind::ConstantProduct, 1000.0, 1000.0),
        population: Population::Explicit {
            positions: vec![
                Position {
                    collateral: 100.0,
                    debt: 70.0,
                },
                Position {
                    collateral: 100.0,
                    debt: 66.0,
                },
            ],
        },
        shock: Shock::Depeg { fraction: 0.12 },
        sale_share: 1.0,
        max_rounds,
    }
}

#[test]
fn market_oracle_cascades_through_the_pool() {
    let r = liquidation_cascade(&morpho_two(50)).unwrap();
    let lif = 1.0 / 0.931;
    // Depeg to 0.88: x = √(1e6/0.88) = 1,066.0036. HF₁ = 100 × 0.88 × 0.77 / 70 = 0.968 < 1,
    // HF₂ = 67.76/66 = 1.027. Round 1 closes #1 in full: repay 70, seize 70 × 1.0741/0.88 = 85.44.
    close(r.oracle_price_after_shock, 0.88);
    let x1 = (1e6_f64 / 0.88).sqrt();
    let seized1 = 70.0 * lif / 0.88;
    close(r.rounds[0].debt_repaid, 70.0);
    close(r.rounds[0].collateral_seized, seized1);
    // Selling 85.44 moves the spot to 1e6/(1,066.0036 + 85.44)² = 0.7542: HF₂ = 100 × 0.7542 ×
    // 0.77 / 66 = 0.88 — round 2 closes #2 (repay 66, seize 66 × 1.0741/0.7542 = 93.99).
    let p2 = 1e6 / (x1 + seized1).powi(2);
    close(r.rounds[1].oracle_price, p2);
    close(r.rounds[1].collateral_seized, 66.0 * lif / p2);
    assert_eq!(r.rounds.len(), 2);
    assert_eq!(r.totals.positions_liquidated, 2);
    assert!(!r.hit_round_limit);
    // The same population behind an exchange-rate oracle does not notice the depeg.
    let mut input = morpho_two(50);
    input.market.oracle = OracleKind::ExchangeRate;
    let r = liquidation_cascade(&input).unwrap();
    assert!(r.rounds.is_empty());
    assert_eq!(r.totals.positions_liquidated, 0);
}

#[test]
fn round_limit_is_flagged_not_hung() {
    let r = liquidation_cascade(&morpho_two(1)).unwrap();
    assert_eq!(r.rounds.len(), 1);
    assert!(r.hit_round_limit);
}

#[test]
fn generated_population_is_deterministic() {
    // 4 positions, HF 1.1, 1.3, 1.5, 1.7 (= 1 + 0.8 × (i + ½)/4), equal sizes of 25 tokens,
    // at p = 1 with θ = 0.77: debt of the first = 25 × 0.77 / 1.1 = 17.5.
    let pop = Population::Generated {
        count: 4,
        total_collateral: 100.0,
        min_health_factor: 1.0,
        max_health_factor: 1.8,
        size_skew: 0.0,
    };
    let ps = pop.positions(1.0, 0.77);
    close(ps[0].debt, 17.5);
    close(ps[3].debt, 25.0 * 0.77 / 1.7);
    assert_eq!(ps, pop.positions(1.0, 0.77));
}

#[test]
fn rejects_bad_inputs() {
    let mut i = morpho_two(50);
    i.shock = Shock::Depeg { fraction: 1.0 };
    assert_eq!(
        liquidation_cascade(&i).unwrap_err().field(),
        "shock.fraction"
    );
    i.shock = Shock::Sale { lrt: f64::NAN };
    assert_eq!(liquidation_cascade(&i).unwrap_err().field(), "shock.lrt");
    i.shock = Shock::Sale { lrt: 1.0 };
    i.max_rounds = 0;
    assert_eq!(liquidation_cascade(&i).unwrap_err().field(), "maxRounds");
    i.max_rounds = 5;
    i.population = Population::Explicit {
        positions: vec![Position {
            collateral: -1.0,
            debt: 0.0,
        }],
    };
    assert_eq!(
        liquidation_cascade(&i).unwrap_err().field(),
        "population.positions[0].collateral"
    );
}

/// Aave Core weETH (θ = 0.80, bonus 7%) with 100 weETH against 82 ETH, the exchange rate at
/// 1.05 — above a CAPO line that starts at 1.0 today (snapshot 1.0, 8.75% a year, 0 days).
fn capo_case(days_since_snapshot: f64) -> CascadeInput {
    let mut market = lending_markets()[1].params();
    market.oracle = OracleKind::CappedExchangeRate {
        snapshot_ratio: 1.0,
        max_yearly_ratio_growth_percent: 875,
        days_since_snapshot,
    };
    CascadeInput {
        market,
        exchange_rate: 1.05,
        pool: deep_pool(),
        population: Population::Explicit {
            positions: vec![Position {
                collateral: 100.0,
                debt: 82.0,
            }],
        },
        shock: Shock::Slash { fraction: 0.0 },
        sale_share: 1.0,
        max_rounds: 50,
    }
}

#[test]
fn a_binding_capo_cap_prices_the_collateral_at_the_cap() {
    // The cap binds: p = min(1.05, 1.0) = 1.0, HF = 100 × 1.0 × 0.8 / 82 = 0.9756 > 0.95 ⇒ 50%:
    // repay 41 ETH, seize 41 × 1.07 / 1.0 = 43.87 weETH; left 56.13 against 41, HF 1.0952.
    let r = liquidation_cascade(&capo_case(0.0)).unwrap();
    assert_eq!(r.rounds.len(), 1);
    close(r.rounds[0].oracle_price, 1.0);
    close(r.rounds[0].debt_repaid, 41.0);
    close(r.rounds[0].collateral_seized, 43.87);
    // The uncapped exchange rate sees HF = 100 × 1.05 × 0.8 / 82 = 1.0244: nobody is liquidated.
    let mut plain = capo_case(0.0);
    plain.market.oracle = OracleKind::ExchangeRate;
    assert!(liquidation_cascade(&plain).unwrap().rounds.is_empty());
    // A year after the snapshot the line is at 1.0875 > 1.05: the cap no longer binds.
    let later = liquidation_cascade(&capo_case(365.0)).unwrap();
    assert!(later.rounds.is_empty());
    close(later.oracle_price_before, 1.05);
    // Its parameters are checked at their path.
    let mut bad = capo_case(0.0);
    bad.market.oracle = OracleKind::CappedExchangeRate {
        snapshot_ratio: 0.0,
        max_yearly_ratio_growth_percent: 875,
        days_since_snapshot: 0.0,
    };
    assert_eq!(
        liquidation_cascade(&bad).unwrap_err().field(),
        "market.oracle.cappedExchangeRate.snapshotRatio"
    );
}
