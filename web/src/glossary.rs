//! The one glossary: every term a tooltip or the Glossary page defines, in one sentence each.

/// A defined term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Anchor id on the Glossary page, e.g. `apy`.
    pub id: &'static str,
    /// The term as shown.
    pub term: &'static str,
    /// One-sentence definition in the product's own words.
    pub definition: &'static str,
}

/// All terms, alphabetical by `term`.
pub const ENTRIES: &[Entry] = &[
    Entry {
        id: "allocation",
        term: "Allocation (to an AVS)",
        definition: "The share of an LRT's restaked ETH that its operators commit to one AVS, which earns that AVS's rewards and can be slashed by it.",
    },
    Entry {
        id: "amplification",
        term: "Amplification A",
        definition: "A Curve pool's flatness near balance, entered exactly as the pool's A() returns: the contracts use A·n (2A for two coins), half the whitepaper's A·nⁿ, so a whitepaper A is half the contract's.",
    },
    Entry {
        id: "apr",
        term: "APR",
        definition: "Annual percentage rate: the yearly reward as a fraction of the stake, without compounding.",
    },
    Entry {
        id: "apy",
        term: "APY",
        definition: "Annual percentage yield: the yearly growth once rewards are compounded, (1 + APR/n)^n − 1 for n compounding periods a year.",
    },
    Entry {
        id: "avs",
        term: "AVS",
        definition: "Actively Validated Service: a network (data availability layer, oracle, bridge, sequencer) secured by restaked ETH that can slash the operators who misbehave on it.",
    },
    Entry {
        id: "avs-reward",
        term: "AVS reward rate",
        definition: "What an AVS pays a year on the stake allocated to it, as a fraction of that stake in ETH terms.",
    },
    Entry {
        id: "break-even-rate",
        term: "Break-even borrow rate",
        definition: "The constant borrow APR at which a looped position ends its horizon with the equity it started with: above it the loop loses money.",
    },
    Entry {
        id: "bridge",
        term: "Bridge (lock-and-mint, burn-and-mint)",
        definition: "A bridge brings a token to another chain either by locking it in an adapter on Ethereum and minting a copy remotely, or by burning it on one chain and minting it on the other; remote supply is only as good as that mechanism.",
    },
    Entry {
        id: "capo",
        term: "CAPO (capped exchange-rate oracle)",
        definition: "Aave's price adapter that reads an LST's or LRT's exchange rate but never more than a snapshot ratio grown linearly by a yearly cap, so a sudden jump of the rate cannot inflate the collateral.",
    },
    Entry {
        id: "carry",
        term: "Carry",
        definition: "What a looped position earns over time: the LRT's yield on all the collateral minus the interest on the debt, which compounds at the market's borrow rate as utilisation moves.",
    },
    Entry {
        id: "cascade",
        term: "Cascade",
        definition: "A chain of attacks in which slashing one set of validators leaves the remaining stake open to a further profitable attack, and so on.",
    },
    Entry {
        id: "close-factor",
        term: "Close factor",
        definition: "The largest share of a borrower's debt a liquidator may repay in one liquidation: 50% on Aave v3, or 100% once the health factor is at or below 0.95.",
    },
    Entry {
        id: "consensus-apr",
        term: "Consensus-layer APR",
        definition: "The yearly reward the beacon chain pays a validator for attesting, proposing and sync duties, about 166.3 ÷ √(total ETH staked) at full participation.",
    },
    Entry {
        id: "corruption-threshold",
        term: "Corruption threshold (α)",
        definition: "The share of a service's restaked stake an attacking coalition must control to corrupt it, e.g. 1/3 to break the safety of a BFT protocol.",
    },
    Entry {
        id: "cost-of-corruption",
        term: "Cost of corruption",
        definition: "The stake an attacker must control, and will lose to slashing, to corrupt a service: at least its corruption threshold times the stake restaked for it.",
    },
    Entry {
        id: "depeg",
        term: "Depeg",
        definition: "A fall of a token's market price below the value of the ETH that backs it.",
    },
    Entry {
        id: "deposit",
        term: "Deposit",
        definition: "The ETH you put into the token at the start of the horizon.",
    },
    Entry {
        id: "exchange-rate-oracle",
        term: "Exchange-rate oracle",
        definition: "A price feed that values an LRT by its redemption rate, so it moves only on slashing or rate changes, not on market depegs.",
    },
    Entry {
        id: "execution-apr",
        term: "Execution-layer APR",
        definition: "The yearly reward from priority fees and MEV that block proposers collect, as a fraction of the stake.",
    },
    Entry {
        id: "expected-shortfall",
        term: "Expected shortfall (ES)",
        definition: "The average loss in the worst cases beyond the VaR level, e.g. the mean of the worst 1% of outcomes for ES99.",
    },
    Entry {
        id: "expected-loss",
        term: "Expected slashing loss",
        definition: "The average yearly loss to slashing: for each AVS, its allocation × the chance of a fault in a year × the share of the allocation a fault slashes.",
    },
    Entry {
        id: "fault-probability",
        term: "Fault probability",
        definition: "The chance that an AVS slashes the stake allocated to it in a given year, a modelling assumption since no published rates exist.",
    },
    Entry {
        id: "fee-on-rewards",
        term: "Fee on rewards",
        definition: "The share of the rewards a protocol keeps for itself and its node operators; it is taken from rewards, never from principal.",
    },
    Entry {
        id: "gamma-slack",
        term: "Gamma slack (γ-slack)",
        definition: "Overcollateralisation of a restaking network: every attacking coalition holds more than (1 + γ) times the profit it could take, which keeps the loss after a shock ψ below (1 + 1/γ)·ψ.",
    },
    Entry {
        id: "health-factor",
        term: "Health factor",
        definition: "Collateral value × liquidation threshold ÷ debt; a position can be liquidated once it falls below 1.",
    },
    Entry {
        id: "hhi",
        term: "HHI",
        definition: "Herfindahl–Hirschman index: the sum of the squared shares of stake, 1 when one operator holds everything and 1/n when n operators hold equal shares.",
    },
    Entry {
        id: "horizon",
        term: "Horizon",
        definition: "How long the deposit is held, in years, with rewards compounded over the whole period.",
    },
    Entry {
        id: "layered-slashing",
        term: "Layered slashing",
        definition: "One operator fault slashing the same restaked capital through every AVS the operator secures.",
    },
    Entry {
        id: "leverage-loop",
        term: "Leverage loop",
        definition: "Depositing an LRT, borrowing ETH against it, buying more of the LRT and depositing it again, so that the position earns the LRT's yield on several times the capital and pays the borrow rate on the rest.",
    },
    Entry {
        id: "liquidation-bonus",
        term: "Liquidation bonus",
        definition: "The extra collateral a liquidator receives over the debt it repays, e.g. 1% in Aave's ETH-correlated E-mode.",
    },
    Entry {
        id: "liquidation-cascade",
        term: "Liquidation cascade",
        definition: "Liquidations whose seized collateral, sold into a thin market, lowers the price a market oracle reads and so pushes further borrowers below a health factor of 1.",
    },
    Entry {
        id: "liquidation-price",
        term: "Liquidation price",
        definition: "The oracle price of the collateral at which a position's health factor reaches 1 and it can be liquidated.",
    },
    Entry {
        id: "liquidation-threshold",
        term: "Liquidation threshold",
        definition: "The share of collateral value that counts toward the health factor; above it the position can be liquidated.",
    },
    Entry {
        id: "liquidity-haircut",
        term: "Liquidity haircut",
        definition: "The share of a reward token's quoted value lost when selling it for ETH (thin markets, slippage, vesting).",
    },
    Entry {
        id: "lrt",
        term: "LRT",
        definition: "Liquid Restaking Token: a tradable claim on ETH that is staked and also restaked to secure AVSs, earning their rewards and bearing their slashing risk.",
    },
    Entry {
        id: "lst",
        term: "LST",
        definition: "Liquid Staking Token: a tradable claim on ETH staked to secure Ethereum only, earning consensus and execution rewards.",
    },
    Entry {
        id: "ltv",
        term: "LTV",
        definition: "Loan-to-value: the most a lending market lets you borrow against collateral, as a fraction of the collateral's value.",
    },
    Entry {
        id: "magnitude",
        term: "Magnitude",
        definition: "The fraction of an operator's stake allocated to one operator set, counted in WAD (10^18 = 100%); only allocated magnitude can be slashed by that set.",
    },
    Entry {
        id: "market-oracle",
        term: "Market oracle",
        definition: "A price feed that follows trading prices on exchanges, so a depeg moves it and can trigger liquidations.",
    },
    Entry {
        id: "nakamoto",
        term: "Nakamoto coefficient",
        definition: "The fewest operators whose stake together exceeds one third of the total — enough to stop a BFT chain's finality (Casper FFG needs two thirds) or to reach an AVS's 1/3 corruption threshold.",
    },
    Entry {
        id: "operator",
        term: "Operator",
        definition: "A node operator that runs validators and AVS software with stake delegated to it, and whose faults get that stake slashed.",
    },
    Entry {
        id: "operator-commission",
        term: "Operator commission",
        definition: "The share of AVS rewards the node operator keeps before the rest reaches the stakers; EigenLayer's default is 10%, set per AVS.",
    },
    Entry {
        id: "operator-set",
        term: "Operator set",
        definition: "The group of operators an AVS accepts for one task; EigenLayer slashes per operator set.",
    },
    Entry {
        id: "optimal-usage",
        term: "Optimal usage (kink)",
        definition: "The utilisation at which Aave's rate model switches from the gentle slope 1 to the steep slope 2, and the level the model aims to keep the market at.",
    },
    Entry {
        id: "participation",
        term: "Participation",
        definition: "The share of all staked ETH whose validators attest on time, which scales the consensus rewards everyone receives.",
    },
    Entry {
        id: "price-impact",
        term: "Price impact",
        definition: "How far one sale moves a pool's spot price, 1 − price after ÷ price before; the workbench's liquidity curve is price impact against sale size.",
    },
    Entry {
        id: "profit-from-corruption",
        term: "Profit from corruption (π)",
        definition: "What an attacker gains by corrupting a service (the funds it secures, bribes), an estimate that no service publishes.",
    },
    Entry {
        id: "rate-at-target",
        term: "Rate at target",
        definition: "The borrow rate of a Morpho market at 90% utilisation, which the AdaptiveCurveIRM raises while the market is above target and lowers while it is below, at up to 50 times a year in log terms.",
    },
    Entry {
        id: "replay",
        term: "Replay",
        definition: "A ready-made scenario that restages a past event (or a stylised one) with a note on what happened and the sources of its figures.",
    },
    Entry {
        id: "risk-level",
        term: "Risk level (SmartLTV)",
        definition: "SmartLTV's factor c, the safety margin a market chooses over observed volatility (e.g. 3 for volatility three times what was seen), which lowers the suggested LTV as it rises.",
    },
    Entry {
        id: "risk-adjusted-apy",
        term: "Risk-adjusted APY",
        definition: "The net APY less the expected yearly slashing loss.",
    },
    Entry {
        id: "scenario",
        term: "Scenario",
        definition: "The one versioned document that holds a what-if: the network of protocols, operators and AVSs and every page's inputs, saved, shared and compared as a whole.",
    },
    Entry {
        id: "share-link",
        term: "Share link",
        definition: "A link that carries a whole scenario, compressed, after its “#s=”, so it opens the same figures elsewhere without any server keeping it.",
    },
    Entry {
        id: "shared-stake",
        term: "Shared stake",
        definition: "Restaking where the same collateral counts for several networks at once (Symbiotic full or network restake), so slashes compete for it first come, first served.",
    },
    Entry {
        id: "slash-fraction",
        term: "Slash fraction",
        definition: "The share of the stake allocated to an AVS that one fault on that AVS destroys.",
    },
    Entry {
        id: "slashing",
        term: "Slashing",
        definition: "The destruction or redistribution of stake as a penalty for a provable fault.",
    },
    Entry {
        id: "slippage-budget",
        term: "Slippage budget",
        definition: "The price impact a liquidation may cause and still pay the liquidator; the published liquidity rules take the liquidation bonus.",
    },
    Entry {
        id: "smart-ltv",
        term: "SmartLTV",
        definition: "B.Protocol and Risk DAO's formula for a loan-to-value ratio, LTV = e^(−c·σ/√(ℓ/d)) − β, from volatility σ, the liquidity ℓ within the bonus β, the debt d and a risk level c.",
    },
    Entry {
        id: "stableswap",
        term: "Stableswap",
        definition: "Curve's pool curve for assets meant to trade near one price: almost flat near balance, steep once one side is nearly drained; the amplification A (what the pool's A() returns) sets how flat.",
    },
    Entry {
        id: "supply-cap",
        term: "Supply cap",
        definition: "The most of a token a lending market accepts as collateral, in tokens, set so that a liquidation of the collateral can still be sold.",
    },
    Entry {
        id: "swap-fee",
        term: "Swap fee",
        definition: "What a pool keeps from each swap, as its venue charges it: Curve takes fee() / 1e10 of the output and sends the admin share to the DAO, Uniswap v2 takes 0.3% of the input, Uniswap v3 its fee tier and Balancer its swap fee percentage.",
    },
    Entry {
        id: "token-emission",
        term: "Token emission",
        definition: "How many reward tokens an AVS (or EigenLayer's incentives) pays per allocated ETH per year.",
    },
    Entry {
        id: "token-price",
        term: "Token price",
        definition: "What one reward token is worth in ETH when it is sold.",
    },
    Entry {
        id: "total-staked",
        term: "Total ETH staked",
        definition: "All ETH staked on the beacon chain; the consensus reward per ETH falls with its square root.",
    },
    Entry {
        id: "unique-stake",
        term: "Unique stake",
        definition: "EigenLayer's rule that each unit of allocated magnitude can be slashed by only one operator set.",
    },
    Entry {
        id: "utilisation",
        term: "Utilisation",
        definition: "The share of a lending market's supply that is borrowed, which sets the borrow rate through the market's interest-rate model.",
    },
    Entry {
        id: "var",
        term: "VaR",
        definition: "Value at risk: the loss that is not exceeded with a given confidence over a horizon, e.g. VaR99 over one year.",
    },
    Entry {
        id: "volatility-buffer",
        term: "Volatility buffer",
        definition: "The room k·σ that the rule LT ≤ 1 − LB − k·σ keeps between the liquidation threshold and what the bonus leaves, a multiple k of the collateral's volatility σ.",
    },
    Entry {
        id: "wad",
        term: "WAD",
        definition: "Fixed-point unit of EigenLayer's contracts: 10^18 stands for 1, so 5 × 10^17 is 50%.",
    },
    Entry {
        id: "whitepaper-condition",
        term: "Whitepaper condition",
        definition: "EigenLayer's sufficient test for security: for every validator, the profit of each service it secures, shared out by stake and divided by the threshold, sums to at most its stake.",
    },
    Entry {
        id: "withdrawal-buffer",
        term: "Withdrawal buffer",
        definition: "The share of an LRT's ETH kept idle to pay out withdrawals quickly, which earns no rewards and cannot be slashed.",
    },
    Entry {
        id: "escrow",
        term: "Withdrawal escrow",
        definition: "EigenLayer holds withdrawn stake for 100,800 blocks (about 14 days), during which it can still be slashed.",
    },
    Entry {
        id: "yield-premium",
        term: "Yield premium",
        definition: "How much more a year an LRT pays than the plain LST, in percentage points.",
    },
];

/// Looks a term up by id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique_sorted_and_one_sentence() {
        for w in ENTRIES.windows(2) {
            assert!(
                w[0].term.to_lowercase() < w[1].term.to_lowercase(),
                "{} before {}",
                w[0].term,
                w[1].term
            );
        }
        let mut ids: Vec<_> = ENTRIES.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ENTRIES.len());
        for e in ENTRIES {
            assert!(e.definition.ends_with('.'), "{}", e.id);
            assert_eq!(
                e.definition.replace("e.g. ", "").matches(". ").count(),
                0,
                "one sentence: {}",
                e.id
            );
        }
        assert_eq!(entry("ltv").unwrap().term, "LTV");
        assert!(entry("nope").is_none());
    }
}
