//! A wallet import in the document (issue 19): the optional `wallet` section keeps the contracts
//! read ([`WalletTargets`], no address of the wallet) and the read itself ([`LiveRead`], every
//! figure with its block and contract), so a share link freezes "your positions as of block N";
//! [`Scenario::wallet_positions`] turns it into holdings (ETH at each token's exchange rate from
//! the same read) and looped positions (collateral, debt, LTV and liquidation threshold as read),
//! and [`Scenario::import_wallet`] writes them into the network's positions and the Leverage
//! page's loop.

use serde::{Deserialize, Serialize};

use super::Scenario;
use super::wallet_convert::{holdings, loops};
use crate::Error;
use crate::chain::wallet::WalletTargets;
use crate::chain::{Failure, Head, LiveBasis, LiveRead};
use crate::lending::LeverageInput;
use crate::network::Position;

/// The document's `wallet` section: a wallet import frozen at one block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WalletSection {
    /// The contracts that were read (tokens, Aave and Morpho markets, EigenLayer).
    pub targets: WalletTargets,
    /// What they answered, pinned to one block (`chain::wallet::apply`).
    pub read: LiveRead,
}

/// One token the wallet holds, directly or through a lending market.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WalletHolding {
    /// The token's id (`weETH`).
    pub token: String,
    /// The network's protocol with this token (`etherfi`); `null` for WETH and tokens no
    /// protocol issues (then not a position).
    pub protocol: Option<String>,
    /// `balanceOf(wallet)`, tokens.
    pub in_wallet: f64,
    /// Supplied on Aave (aToken balances, every market), tokens.
    pub on_aave: f64,
    /// Collateral and supply on Morpho Blue (supply shares at `toAssetsDown`), tokens.
    pub on_morpho: f64,
    /// `inWallet + onAave + onMorpho`, tokens.
    pub tokens: f64,
    /// ETH per token from the same read (1 for WETH).
    pub exchange_rate: f64,
    /// `tokens × exchangeRate`, ETH.
    pub amount_eth: f64,
    /// The calls the figures come from.
    pub basis: Vec<LiveBasis>,
}

/// One borrow position, as a Leverage page loop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WalletLoop {
    /// Its target path (`aave.core`, `morpho.weETH-WETH-94.5`).
    pub id: String,
    /// The collateral token's id.
    pub collateral: String,
    /// Collateral, tokens.
    pub collateral_tokens: f64,
    /// Debt in ETH (each debt token at its exchange rate; Morpho: `toAssetsUp` of the borrow
    /// shares), ETH.
    pub debt_eth: f64,
    /// LTV as read (Aave: the account's weighted `ltv`; Morpho: the LLTV), fraction.
    pub ltv: f64,
    /// Liquidation threshold as read (Aave: `currentLiquidationThreshold`; Morpho: LLTV).
    pub liquidation_threshold: f64,
    /// Aave's health factor as read; for Morpho `C·p·LLTV / D` at the exchange rate. `null`
    /// without debt.
    pub health_factor: Option<f64>,
    /// Where the market's other rules (bonus, close factor, oracle) come from.
    pub market_basis: String,
    /// The Leverage page's loop with exactly this collateral and debt
    /// (`deposit = C − D/p`, target health factor `θ·C·p/D`); `null` when it cannot be one
    /// (the reason is in `skipped`).
    pub leverage: Option<LeverageInput>,
    /// The calls the figures come from.
    pub basis: Vec<LiveBasis>,
}

/// One strategy of one queued EigenLayer withdrawal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WalletWithdrawal {
    /// The withdrawal's index in `getQueuedWithdrawals`.
    pub index: usize,
    /// The strategy, checksummed.
    pub strategy: String,
    /// Shares completing it would give after every slash so far (1e18 = one share).
    pub shares: f64,
    /// The block it was queued at.
    pub start_block: u64,
    /// `startBlock + minWithdrawalDelayBlocks`: the first block it can complete; slashable
    /// until then. `null` when the delay was not read.
    pub completable_block: Option<u64>,
}

/// A wallet import as positions: "your positions as of block N".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "js", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WalletPositions {
    /// The block every figure is from.
    pub head: Head,
    /// Every token with a non-zero holding.
    pub holdings: Vec<WalletHolding>,
    /// Every borrow position (and collateral without debt).
    pub loops: Vec<WalletLoop>,
    /// EigenLayer queued withdrawals (shown, not positions: a direct restaker's shares are no
    /// LRT of the network).
    pub withdrawals: Vec<WalletWithdrawal>,
    /// What was read but not converted, and why; then every failed call.
    pub skipped: Vec<String>,
}

impl Scenario {
    /// The `wallet` section as positions, `None` without one. Holdings are in ETH at the
    /// token's exchange rate from the same read; loops keep the collateral and debt as read,
    /// with the LRT yield and borrow rate of the document's `leverage.loop` (the page's inputs,
    /// not on chain). Errors: a section whose targets or read are invalid, at `wallet.…`.
    pub fn wallet_positions(&self) -> Option<Result<WalletPositions, Error>> {
        self.wallet.as_ref().map(|w| self.positions_of(w))
    }

    pub(crate) fn positions_of(&self, w: &WalletSection) -> Result<WalletPositions, Error> {
        w.targets.validate().map_err(|e| e.rebased("", "wallet"))?;
        w.read.validate("wallet.read")?;
        let mut skipped = Vec::new();
        let page = match &self.leverage {
            Some(s) => s.leverage_loop,
            None => default_loop()?,
        };
        let mut held = holdings(&w.targets, &w.read, &self.network, &mut skipped);
        held.retain(|h| h.tokens > 0.0);
        let loops = loops(&w.targets, &w.read, &page, &mut skipped);
        skipped.extend(w.read.failures.iter().map(|f| {
            format!(
                "{} ({}) failed: {}",
                f.field,
                f.function,
                failure_text(&f.reason)
            )
        }));
        Ok(WalletPositions {
            head: w.read.head.clone(),
            holdings: held,
            loops,
            withdrawals: withdrawals(&w.read),
            skipped,
        })
    }

    /// Imports a wallet: keeps `section` as the document's `wallet`, makes its holdings the
    /// network's positions (each protocol's `amountEth`; every other position 0) and its
    /// largest loop (by collateral value) the Leverage page's `leverage.loop`; clears
    /// `position` (the positions are now the wallet's). Returns the positions. Errors (the
    /// document is then unchanged): the section's, at `wallet.…`, or a section the import makes
    /// invalid, at its path.
    pub fn import_wallet(&mut self, section: WalletSection) -> Result<WalletPositions, Error> {
        let positions = self.positions_of(&section)?;
        let mut next = self.clone();
        for p in &mut next.network.positions {
            p.amount_eth = 0.0;
        }
        for h in &positions.holdings {
            let Some(protocol) = &h.protocol else {
                continue;
            };
            match next
                .network
                .positions
                .iter_mut()
                .find(|p| &p.protocol == protocol)
            {
                Some(p) => p.amount_eth = h.amount_eth,
                None => next.network.positions.push(Position {
                    protocol: protocol.clone(),
                    amount_eth: h.amount_eth,
                }),
            }
        }
        let largest = positions
            .loops
            .iter()
            .filter_map(|l| l.leverage.map(|x| (x.price * l.collateral_tokens, x)))
            .fold(None::<(f64, LeverageInput)>, |best, (v, x)| match best {
                Some((b, _)) if b >= v => best,
                _ => Some((v, x)),
            });
        if let Some((_, looped)) = largest {
            let mut section = match next.leverage.take() {
                Some(s) => s,
                None => default_leverage()?,
            };
            section.leverage_loop = looped;
            next.leverage = Some(section);
        }
        next.position = None;
        next.wallet = Some(section);
        next.validate_document()?;
        *self = next;
        Ok(positions)
    }
}

/// The default document's Leverage section (the page's defaults).
fn default_leverage() -> Result<super::LeverageSection, Error> {
    super::default_document()?
        .leverage
        .ok_or_else(|| Error::Invariant {
            field: "leverage".to_owned(),
            message: "the default document has no leverage section".to_owned(),
        })
}

fn default_loop() -> Result<LeverageInput, Error> {
    Ok(default_leverage()?.leverage_loop)
}

/// A failure in words.
fn failure_text(f: &Failure) -> String {
    match f {
        Failure::Reverted { reason, data } => {
            format!("reverted ({})", reason.as_deref().unwrap_or(data))
        }
        Failure::TimedOut => "timed out".to_owned(),
        Failure::RpcError { code, message } => format!("RPC error {code}: {message}"),
        Failure::UnexpectedShape { detail } => format!("unexpected answer: {detail}"),
    }
}

/// The queued withdrawals of `eigenLayer.withdrawals[i].…`, by index then strategy.
fn withdrawals(read: &LiveRead) -> Vec<WalletWithdrawal> {
    let delay = read
        .value("eigenLayer.minWithdrawalDelayBlocks")
        .map(|v| v.value as u64);
    let mut out = Vec::new();
    for v in &read.values {
        let Some(rest) = v.field.strip_prefix("eigenLayer.withdrawals[") else {
            continue;
        };
        let Some((index, name)) = rest.split_once("].") else {
            continue;
        };
        let Ok(index) = index.parse::<usize>() else {
            continue;
        };
        if name == "startBlock" {
            continue;
        }
        let start = read
            .value(&format!("eigenLayer.withdrawals[{index}].startBlock"))
            .map_or(0, |s| s.value as u64);
        out.push(WalletWithdrawal {
            index,
            strategy: name.to_owned(),
            shares: v.value,
            start_block: start,
            completable_block: delay.map(|d| start.saturating_add(d)),
        });
    }
    out
}

// Native only, like the hand-worked wallet it reads (chain::wallet::fixture).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "wallet_tests.rs"]
mod tests;
