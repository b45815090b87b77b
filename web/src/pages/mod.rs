//! One file per page.

pub mod bridge;
pub mod glossary;
pub mod matrix;
pub mod security;
pub mod slashing;
