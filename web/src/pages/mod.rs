//! One file per page.

pub mod glossary;
pub mod matrix;
