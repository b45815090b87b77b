//! One file per page.

pub mod bridge;
pub mod data;
pub mod glossary;
pub mod leverage;
pub mod matrix;
pub mod parameters;
pub mod risk;
pub mod scenarios;
pub mod security;
pub mod slashing;
pub mod yield_stack;
