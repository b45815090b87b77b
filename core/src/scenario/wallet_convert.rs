//! The arithmetic of a wallet import: the read's integers into holdings (tokens, then ETH at the
//! token's exchange rate from the same read) and loops (collateral and debt as read, the loop
//! that has exactly them). Exact in the contracts' integers until the last division by 1e18.

use alloy_primitives::U256;

use super::wallet::{WalletHolding, WalletLoop};
use crate::chain::wallet::WalletTargets;
use crate::chain::{LiveBasis, LiveRead};
use crate::lending::{
    LeverageInput, LiquidationRules, LoopTarget, MarketParams, OracleKind, lending_markets,
    morpho_lif,
};
use crate::network::Network;

/// Highest health factor a loop may target (the Leverage page's bound).
const MAX_LOOP_HF: f64 = 100.0;

/// The integer a figure holds, and its basis.
fn exact<'a>(read: &'a LiveRead, field: &str) -> Option<(U256, &'a LiveBasis)> {
    let v = read.value(field)?;
    let raw = U256::from_str_radix(v.raw.as_deref()?, 10).ok()?;
    Some((raw, &v.basis))
}

/// Wei (1e-18 of a token) as tokens.
fn tokens(raw: U256) -> f64 {
    f64::from(raw) / 1e18
}

/// Morpho Blue's `SharesMathLib` (morpho-blue src/libraries/SharesMathLib.sol): the assets of
/// `shares` with 1 virtual asset and 1e6 virtual shares, `shares·(assets + 1)/(total + 1e6)`,
/// rounded up (`toAssetsUp`, a debt) or down (`toAssetsDown`, a supply). `None` on overflow (no
/// market can give such totals).
pub fn morpho_assets(shares: U256, assets: U256, total: U256, up: bool) -> Option<U256> {
    let num = shares.checked_mul(assets.checked_add(U256::from(1u8))?)?;
    let den = total.checked_add(U256::from(1_000_000u32))?;
    let q = num / den;
    Some(if up && q * den != num {
        q + U256::from(1u8)
    } else {
        q
    })
}

/// ETH per token `i` (exactly 1 for a token without a rate function: WETH) and its basis.
fn rate<'a>(
    t: &WalletTargets,
    read: &'a LiveRead,
    i: usize,
) -> Option<(f64, Option<&'a LiveBasis>)> {
    let token = &t.tokens[i];
    if token.rate.is_none() {
        return Some((1.0, None));
    }
    let v = read.value(&format!("tokens.{}.exchangeRate", token.id))?;
    Some((v.value, Some(&v.basis)))
}

/// The Morpho market's figure `name` and the position's `shares` as assets.
fn morpho_side(
    read: &LiveRead,
    f: &str,
    shares: &str,
    totals: [&str; 2],
    up: bool,
) -> Option<U256> {
    let (s, _) = exact(read, &format!("{f}.{shares}"))?;
    let (a, _) = exact(read, &format!("{f}.{}", totals[0]))?;
    let (n, _) = exact(read, &format!("{f}.{}", totals[1]))?;
    morpho_assets(s, a, n, up)
}

/// Every token's holding: in the wallet, supplied on Aave, collateral or supply on Morpho.
pub(crate) fn holdings(
    t: &WalletTargets,
    read: &LiveRead,
    network: &Network,
    skipped: &mut Vec<String>,
) -> Vec<WalletHolding> {
    let mut out = Vec::new();
    for (i, token) in t.tokens.iter().enumerate() {
        let mut basis: Vec<LiveBasis> = Vec::new();
        let mut add = |sum: &mut U256, got: Option<(U256, &LiveBasis)>| {
            if let Some((raw, b)) = got {
                *sum = sum.saturating_add(raw);
                if !basis.contains(b) {
                    basis.push(b.clone());
                }
            }
        };
        let mut wallet = U256::ZERO;
        add(
            &mut wallet,
            exact(read, &format!("tokens.{}.balance", token.id)),
        );
        let mut aave = U256::ZERO;
        for m in t.aave.iter().filter(|m| m.reserves.contains(&token.id)) {
            add(
                &mut aave,
                exact(read, &format!("aave.{}.{}.supplied", m.id, token.id)),
            );
        }
        let mut morpho = U256::ZERO;
        for m in &t.morpho {
            let f = format!("morpho.{}", m.id);
            if m.collateral == token.id {
                add(&mut morpho, exact(read, &format!("{f}.collateral")));
            }
            if m.loan == token.id {
                let supplied = morpho_side(
                    read,
                    &f,
                    "supplyShares",
                    ["totalSupplyAssets", "totalSupplyShares"],
                    false,
                );
                let b = read.value(&format!("{f}.supplyShares")).map(|v| &v.basis);
                add(&mut morpho, supplied.zip(b));
            }
        }
        let total = wallet.saturating_add(aave).saturating_add(morpho);
        let Some((r, rb)) = rate(t, read, i) else {
            if !total.is_zero() {
                skipped.push(format!(
                    "tokens.{}: {} tokens held, but its exchange rate was not read: not valued",
                    token.id,
                    tokens(total)
                ));
            }
            continue;
        };
        basis.extend(rb.cloned());
        let n = tokens(total);
        out.push(WalletHolding {
            token: token.id.clone(),
            protocol: network
                .protocols
                .iter()
                .find(|p| p.token == token.id)
                .map(|p| p.id.clone()),
            in_wallet: tokens(wallet),
            on_aave: tokens(aave),
            on_morpho: tokens(morpho),
            tokens: n,
            exchange_rate: r,
            amount_eth: n * r,
            basis,
        });
    }
    out
}

/// One position's collateral, debt and the market it sits in, before it becomes a loop.
struct Borrow<'a> {
    id: String,
    collateral: usize,
    collateral_raw: U256,
    debt_eth: f64,
    market: MarketParams,
    market_basis: String,
    health_factor: Option<f64>,
    basis: Vec<&'a LiveBasis>,
}

/// The preset market with this collateral whose id starts with `kind` (`aave-`, `morpho-`).
fn preset(kind: &str, collateral: &str) -> Option<crate::lending::LendingMarket> {
    lending_markets()
        .into_iter()
        .find(|m| m.id.starts_with(kind) && m.collateral == collateral)
}

/// Every Aave account and Morpho position with collateral or debt, as loops.
pub(crate) fn loops(
    t: &WalletTargets,
    read: &LiveRead,
    page: &LeverageInput,
    skipped: &mut Vec<String>,
) -> Vec<WalletLoop> {
    let mut borrows = Vec::new();
    for m in &t.aave {
        if let Some(b) = aave_borrow(t, read, &m.id, &m.reserves, skipped) {
            borrows.push(b);
        }
    }
    for m in &t.morpho {
        if let Some(b) = morpho_borrow(t, read, m, skipped) {
            borrows.push(b);
        }
    }
    borrows
        .into_iter()
        .filter_map(|b| as_loop(t, read, b, page, skipped))
        .collect()
}

fn aave_borrow<'a>(
    t: &WalletTargets,
    read: &'a LiveRead,
    id: &str,
    reserves: &[String],
    skipped: &mut Vec<String>,
) -> Option<Borrow<'a>> {
    let f = format!("aave.{id}");
    let mut basis = Vec::new();
    let mut collateral = Vec::new();
    let mut debt_eth = 0.0;
    for r in reserves {
        let k = t.tokens.iter().position(|x| &x.id == r)?;
        let at = |name: &str| exact(read, &format!("{f}.{r}.{name}"));
        let (Some(supplied), Some(flag), Some(variable), Some(stable)) = (
            at("supplied"),
            at("usedAsCollateral"),
            at("variableDebt"),
            at("stableDebt"),
        ) else {
            continue;
        };
        basis.push(supplied.1);
        if !supplied.0.is_zero() && flag.0 == U256::from(1u8) {
            collateral.push((k, supplied.0));
        }
        let debt = variable.0.saturating_add(stable.0);
        if !debt.is_zero() {
            let Some((p, _)) = rate(t, read, k) else {
                skipped.push(format!(
                    "{f}.{r}: debt without an exchange rate: not converted"
                ));
                return None;
            };
            debt_eth += tokens(debt) * p;
        }
    }
    if collateral.is_empty() {
        if debt_eth > 0.0 {
            skipped.push(format!(
                "{f}: debt without collateral among the reserves read: not converted"
            ));
        }
        return None;
    }
    if collateral.len() > 1 {
        skipped.push(format!(
            "{f}: {} collateral reserves; a Leverage page loop has one collateral: not a loop",
            collateral.len()
        ));
        return None;
    }
    let account = |name: &str| read.value(&format!("{f}.{name}"));
    let (Some(lt), Some(ltv)) = (account("currentLiquidationThreshold"), account("ltv")) else {
        skipped.push(format!("{f}: getUserAccountData not read: not a loop"));
        return None;
    };
    basis.extend([&lt.basis, &ltv.basis]);
    let (k, raw) = collateral[0];
    let token = &t.tokens[k].id;
    let base = preset("aave-", token).or_else(|| preset("aave-", "weETH"))?;
    Some(Borrow {
        id: f.clone(),
        collateral: k,
        collateral_raw: raw,
        debt_eth,
        market: MarketParams {
            ltv: ltv.value,
            liquidation_threshold: lt.value,
            ..base.params()
        },
        market_basis: format!(
            "LTV and liquidation threshold as read; bonus, close factor, rules and oracle of the preset {}",
            base.id
        ),
        health_factor: account("healthFactor").map(|v| v.value),
        basis,
    })
}

fn morpho_borrow<'a>(
    t: &WalletTargets,
    read: &'a LiveRead,
    m: &crate::chain::wallet::MorphoPositionTarget,
    skipped: &mut Vec<String>,
) -> Option<Borrow<'a>> {
    let f = format!("morpho.{}", m.id);
    let k = t.tokens.iter().position(|x| x.id == m.collateral)?;
    let loan = t.tokens.iter().position(|x| x.id == m.loan)?;
    let (collateral, cb) = exact(read, &format!("{f}.collateral"))?;
    let debt = morpho_side(
        read,
        &f,
        "borrowShares",
        ["totalBorrowAssets", "totalBorrowShares"],
        true,
    );
    let (Some(debt), Some(lltv)) = (debt, read.value(&format!("{f}.lltv"))) else {
        skipped.push(format!(
            "{f}: market or its parameters not read: not a loop"
        ));
        return None;
    };
    if collateral.is_zero() {
        if !debt.is_zero() {
            skipped.push(format!("{f}: debt without collateral: not converted"));
        }
        return None;
    }
    let Some((p, _)) = rate(t, read, loan) else {
        skipped.push(format!(
            "{f}: the loan token's exchange rate was not read: not converted"
        ));
        return None;
    };
    let oracle = preset("morpho-", &m.collateral);
    let (oracle_kind, oracle_note) = match &oracle {
        Some(o) => (
            o.oracle.value,
            format!("oracle kind of the preset {}", o.id),
        ),
        None => (
            OracleKind::ExchangeRate,
            "oracle kind assumed: exchange rate (no preset market for this collateral)".to_owned(),
        ),
    };
    let l = lltv.value;
    Some(Borrow {
        id: f,
        collateral: k,
        collateral_raw: collateral,
        debt_eth: tokens(debt) * p,
        market: MarketParams {
            ltv: l,
            liquidation_threshold: l,
            liquidation_bonus: morpho_lif(l) - 1.0,
            close_factor: 1.0,
            full_close_hf: 1.0,
            oracle: oracle_kind,
            liquidation_protocol_fee: 0.0,
            rules: LiquidationRules::Morpho,
        },
        market_basis: format!("LLTV as read; Morpho Blue's liquidation rules; {oracle_note}"),
        health_factor: None,
        basis: vec![cb, &lltv.basis],
    })
}

/// The loop with exactly `b`'s collateral `C` and debt `D` at price `p` (the collateral's
/// exchange rate): `deposit = C − D/p` tokens of own capital, target health factor `θ·C·p/D`
/// (so `λ = C·p/(C·p − D)` and the page's collateral `deposit·λ = C`, debt `deposit·p·(λ − 1) = D`);
/// without debt, `C` tokens not looped.
fn as_loop(
    t: &WalletTargets,
    read: &LiveRead,
    b: Borrow<'_>,
    page: &LeverageInput,
    skipped: &mut Vec<String>,
) -> Option<WalletLoop> {
    let token = &t.tokens[b.collateral].id;
    let Some((p, pb)) = rate(t, read, b.collateral) else {
        skipped.push(format!(
            "{}: the collateral's exchange rate was not read: not converted",
            b.id
        ));
        return None;
    };
    let c = tokens(b.collateral_raw);
    let d = b.debt_eth;
    let theta = b.market.liquidation_threshold;
    let hf = (d > 0.0).then(|| theta * c * p / d);
    let health_factor = b.health_factor.or(hf);
    let target = match hf {
        None => Some(LoopTarget::Loops { loops: 0 }),
        Some(h) if h > 1.0 && h <= MAX_LOOP_HF => {
            Some(LoopTarget::HealthFactor { health_factor: h })
        }
        Some(h) => {
            skipped.push(format!(
                "{}: health factor {h:.4} at the exchange rate is outside the Leverage page's (1, {MAX_LOOP_HF}]: not a loop",
                b.id
            ));
            None
        }
    };
    let leverage = target.and_then(|target| {
        let input = LeverageInput {
            deposit: c - d / p,
            price: p,
            market: b.market,
            target,
            ..*page
        };
        match input.validate() {
            Ok(()) => Some(input),
            Err(e) => {
                skipped.push(format!("{}: not a loop: {e}", b.id));
                None
            }
        }
    });
    let mut basis: Vec<LiveBasis> = b.basis.into_iter().cloned().collect();
    basis.extend(pb.cloned());
    Some(WalletLoop {
        id: b.id,
        collateral: token.clone(),
        collateral_tokens: c,
        debt_eth: d,
        ltv: b.market.ltv,
        liquidation_threshold: theta,
        health_factor,
        market_basis: b.market_basis,
        leverage,
        basis,
    })
}
