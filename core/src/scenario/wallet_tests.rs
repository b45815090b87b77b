//! The hand-worked wallet (`chain::wallet::fixture`) as positions and loops, imported into the
//! default document and carried by a share link.

use alloy_primitives::U256;

use super::WalletSection;
use crate::chain::wallet::fixture::{self, e};
use crate::lending::{LiquidationRules, LoopTarget, leverage_loop};
use crate::scenario::wallet_convert::morpho_assets;
use crate::scenario::{PositionSection, Scenario, default_document};

fn section() -> WalletSection {
    let (req, _, read) = fixture::read();
    WalletSection {
        targets: req.targets,
        read,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn morpho_shares_to_assets_as_shares_math_lib() {
    // 1e26 shares of 100 WETH over 1e26 shares: 1e26·(1e20 + 1)/(1e26 + 1e6) = 1e20 exactly.
    assert_eq!(
        morpho_assets(e(1, 26), e(100, 18), e(1, 26), true),
        Some(e(100, 18))
    );
    // 1 share of 10 assets over 3 shares: 11/(1e6 + 3), rounded up to 1, down to 0.
    let one = U256::from(1u8);
    assert_eq!(
        morpho_assets(one, U256::from(10u8), U256::from(3u8), true),
        Some(one)
    );
    assert_eq!(
        morpho_assets(one, U256::from(10u8), U256::from(3u8), false),
        Some(U256::ZERO)
    );
    assert_eq!(morpho_assets(U256::MAX, U256::MAX, U256::ZERO, true), None);
}

#[test]
fn the_hand_worked_wallet_as_positions() {
    let mut d = default_document().unwrap();
    d.wallet = Some(section());
    let p = d.wallet_positions().unwrap().unwrap();
    assert_eq!(p.head.block_number, 4660);
    let held: Vec<(&str, Option<&str>, f64)> = p
        .holdings
        .iter()
        .map(|h| (h.token.as_str(), h.protocol.as_deref(), h.amount_eth))
        .collect();
    // weETH: 5 in the wallet + 100 on Aave + 200 on Morpho = 305 × 1.069 = 326.045 ETH;
    // ezETH: 2 × 1.043 = 2.086 ETH; WETH 150 × 1 (no protocol: not a position).
    assert_eq!(held.len(), 3);
    assert_eq!((held[0].0, held[0].1, held[0].2), ("WETH", None, 150.0));
    assert_eq!((held[1].0, held[1].1), ("weETH", Some("etherfi")));
    assert!(close(held[1].2, 326.045), "{}", held[1].2);
    let w = &p.holdings[1];
    assert_eq!(
        (w.in_wallet, w.on_aave, w.on_morpho, w.tokens),
        (5.0, 100.0, 200.0, 305.0)
    );
    assert_eq!((held[2].0, held[2].1), ("ezETH", Some("renzo")));
    assert!(close(held[2].2, 2.086));
    // Aave: 100 weETH against 50 WETH, LTV 0.725 and threshold 0.75 as read, Aave's health
    // factor 1.6035; the loop: deposit 100 − 50/1.069 = 53.2273… weETH, HF 0.75·100·1.069/50.
    let aave = &p.loops[0];
    assert_eq!(aave.id, "aave.core");
    assert_eq!(
        (
            aave.collateral_tokens,
            aave.debt_eth,
            aave.ltv,
            aave.liquidation_threshold
        ),
        (100.0, 50.0, 0.725, 0.75)
    );
    assert_eq!(aave.health_factor, Some(1.6035));
    let l = aave.leverage.unwrap();
    assert!(close(l.deposit, 100.0 - 50.0 / 1.069));
    assert_eq!(l.price, 1.069);
    let LoopTarget::HealthFactor { health_factor } = l.target else {
        panic!("{:?}", l.target)
    };
    assert!(close(health_factor, 0.75 * 100.0 * 1.069 / 50.0));
    // The page's loop has exactly the collateral and debt read.
    let r = leverage_loop(&l).unwrap();
    assert!(
        close(r.collateral, 100.0) && close(r.debt_eth, 50.0),
        "{} {}",
        r.collateral,
        r.debt_eth
    );
    // Morpho: 200 weETH against toAssetsUp(1e26 shares) = 100 WETH at LLTV 0.945; HF at the
    // exchange rate 0.945·200·1.069/100 = 2.020 41; Morpho's rules, incentive from the LLTV.
    let m = &p.loops[1];
    assert_eq!(
        (m.collateral_tokens, m.debt_eth, m.ltv),
        (200.0, 100.0, 0.945)
    );
    assert!(close(m.health_factor.unwrap(), 2.020_41));
    let ml = m.leverage.unwrap();
    assert_eq!(ml.market.rules, LiquidationRules::Morpho);
    let r = leverage_loop(&ml).unwrap();
    assert!(close(r.collateral, 200.0) && close(r.debt_eth, 100.0));
    // The page's own LRT yield and borrow rate are kept (not on chain).
    let page = d.leverage.as_ref().unwrap().leverage_loop;
    assert_eq!(
        (ml.lrt_yield, ml.borrow_rate),
        (page.lrt_yield, page.borrow_rate)
    );
    // EigenLayer: 16 beacon-chain shares queued at block 1,000, completable at 101,800.
    assert_eq!(p.withdrawals.len(), 1);
    let q = &p.withdrawals[0];
    assert_eq!(
        (q.shares, q.start_block, q.completable_block),
        (16.0, 1000, Some(101_800))
    );
    assert_eq!(q.strategy, fixture::BEACON.to_checksum(None));
    assert!(p.skipped.is_empty(), "{:?}", p.skipped);
}

#[test]
fn an_import_writes_positions_and_the_largest_loop_and_travels_in_a_link() {
    let mut d = default_document().unwrap();
    d.set_position(PositionSection {
        protocol: "kelp".into(),
        amount_eth: 3.0,
        horizon_years: 1.0,
        leverage_loop: None,
    })
    .unwrap();
    let p = d.import_wallet(section()).unwrap();
    let held: Vec<(&str, f64)> = d
        .network
        .positions
        .iter()
        .map(|x| (x.protocol.as_str(), x.amount_eth))
        .collect();
    assert_eq!(held.len(), 3);
    assert!(held[0].0 == "etherfi" && close(held[0].1, 326.045));
    assert!(held[1].0 == "renzo" && close(held[1].1, 2.086));
    assert_eq!(held[2], ("kelp", 0.0));
    assert!(d.position.is_none());
    // Morpho's 213.8 ETH of collateral is larger than Aave's 106.9: the page's loop.
    assert_eq!(
        d.leverage.as_ref().unwrap().leverage_loop,
        p.loops[1].leverage.unwrap()
    );
    // The frozen snapshot comes back from the JSON and the link without any fetch.
    assert_eq!(Scenario::from_json(&d.to_json()).unwrap(), d);
    let back = Scenario::from_fragment(&d.to_fragment()).unwrap();
    assert_eq!(back.wallet_positions().unwrap().unwrap(), p);
    // The wallet's address is nowhere in the document.
    assert!(
        !d.to_json()
            .to_lowercase()
            .contains("70997970c51812dc3a010c7d01b50e0d17dc79c8")
    );
}

#[test]
fn a_failed_call_is_skipped_with_why_and_a_bad_snapshot_refused() {
    let mut s = section();
    s.read
        .values
        .retain(|v| !v.field.starts_with("tokens.weETH.exchangeRate"));
    let mut d = default_document().unwrap();
    let p = d.import_wallet(s).unwrap();
    // Without weETH's rate nothing in weETH is valued: only WETH and ezETH hold.
    assert_eq!(
        p.holdings
            .iter()
            .map(|h| h.token.as_str())
            .collect::<Vec<_>>(),
        ["WETH", "ezETH"]
    );
    assert!(p.loops.is_empty());
    assert!(
        p.skipped.iter().any(|x| x.starts_with("tokens.weETH:")),
        "{:?}",
        p.skipped
    );
    // A snapshot with a non-finite figure or an unknown reference is refused at its path, and
    // the document is left as it was.
    let before = d.clone();
    let mut bad = section();
    bad.read.values[0].value = f64::NAN;
    assert_eq!(
        d.import_wallet(bad).unwrap_err().field(),
        "wallet.read.values[0].value"
    );
    let mut bad = section();
    bad.targets.morpho[0].collateral = "rsETH".into();
    assert_eq!(
        d.import_wallet(bad).unwrap_err().field(),
        "wallet.targets.morpho[0].collateral"
    );
    assert_eq!(d, before);
    let mut v: serde_json::Value = serde_json::from_str(&before.to_json()).unwrap();
    v["wallet"]["read"]["values"][0]["raw"] = "12x".into();
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.field(), "wallet.read.values[0].raw");
}
