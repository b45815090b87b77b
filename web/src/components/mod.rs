//! The shared UI kit: every page is built from these views. They hold no model math.

pub mod data_table;
pub mod download;
pub mod page;
pub mod source;
pub mod term;
