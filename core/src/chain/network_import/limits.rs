//! The bounds of a network import, so that a big or hostile network costs a known number of calls
//! and rounds and never hangs. Beyond a cap the import keeps the first entries (in the order the
//! contracts list them) and labels the LRTs concerned partial ([`super::Issue::Truncated`]);
//! beyond a request limit the request is refused with a typed error.

/// Most LRTs one import reads (request limit).
pub const MAX_LRTS: usize = 8;

/// Most LST strategies read besides beacon-chain ETH (request limit; mainnet lists 12).
pub const MAX_LST_STRATEGIES: usize = 12;

/// Most stakers (OperatorDelegators, NodeDelegators, staking nodes) read per LRT; an LRT listing
/// more is read for its first 64 and labelled partial.
pub const MAX_STAKERS_PER_LRT: usize = 64;

/// Most operators read per import (over all LRTs, in order of first appearance); stake delegated
/// to operators beyond it is left out and its LRTs labelled partial.
pub const MAX_IMPORT_OPERATORS: usize = 64;

/// Most operator sets read per operator (in `getAllocatedSets` order); an operator with more is
/// read for its first 16 and the LRTs delegating to it labelled partial.
pub const MAX_SETS_PER_OPERATOR: usize = 16;

/// Most queued withdrawals read per staker; more are left out and the LRT labelled partial.
pub const MAX_QUEUED_PER_STAKER: usize = 64;

/// Rounds of requests an import takes at most: the head, then five rounds of `eth_call`
/// batches (strategies and staker lists; Renzo's list entries; stakers; operators;
/// allocations). A round with no calls is skipped.
pub const MAX_ROUNDS: usize = 6;

/// Largest share amount accepted from the chain, wei (1e27 = 1e9 ETH, the network's amount limit).
pub const MAX_SHARES_WEI: u128 = 1_000_000_000_000_000_000_000_000_000;
