//! The beacon chain's rules that several engines share: what a slashed validator loses under
//! Electra ([`beacon`]) and how long the exit queue takes ([`exit`]). Integer steps as the
//! consensus specification writes them (ethereum/consensus-specs, `specs/electra/beacon-chain.md`).

pub mod beacon;
pub mod exit;
