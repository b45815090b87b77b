//! The allocation grid's values: one magnitude (a fraction of the operator's stake, 0 = not
//! allocated) per operator × AVS, held in one signal so that a network at the size limits (500
//! operators × 200 AVSs, 100,000 cells) costs one vector, not a signal and a field per cell. The
//! grid shows a window of it ([`GridWindow`]); each shown field gets its own signal, written back
//! here as the user types.

use std::collections::HashMap;

use leptos::prelude::*;
use restake_core::network::{Allocation, Network};

use crate::components::pager::Window;

/// Most cells the grid shows at once before it pages (a 40 × 30 grid fits whole); beyond, it
/// shows [`PAGE_OPERATORS`] × [`PAGE_AVSS`] cells with buttons to move the window.
pub(super) const MAX_SHOWN_CELLS: usize = 1_200;
/// Operators (rows) per page of a paged grid.
pub(super) const PAGE_OPERATORS: usize = 25;
/// AVSs (columns) per page of a paged grid.
pub(super) const PAGE_AVSS: usize = 12;

/// The magnitudes, row-major (`operators × avss`), and each allocation's network limit (ETH,
/// Symbiotic), kept for the cells that had one.
#[derive(Clone, Copy)]
pub(super) struct Magnitudes {
    values: RwSignal<Vec<f64>>,
    limits: StoredValue<HashMap<usize, f64>>,
    avss: usize,
}

impl Magnitudes {
    /// The grid of `network` (operators and AVSs in its order): O(allocations).
    pub(super) fn new(network: &Network) -> Magnitudes {
        let avss = network.avss.len();
        let op_index: HashMap<&str, usize> = network
            .operators
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let avs_index: HashMap<&str, usize> = network
            .avss
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut values = vec![0.0; network.operators.len() * avss];
        let mut limits = HashMap::new();
        for a in &network.allocations {
            let (Some(&o), Some(&v)) = (
                op_index.get(a.operator.as_str()),
                avs_index.get(a.avs.as_str()),
            ) else {
                continue;
            };
            values[o * avss + v] = a.magnitude;
            if let Some(l) = a.network_limit {
                limits.insert(o * avss + v, l);
            }
        }
        Magnitudes {
            values: RwSignal::new(values),
            limits: StoredValue::new(limits),
            avss,
        }
    }

    /// The non-zero cells as allocations, in grid order (tracked: a read in a memo reruns it
    /// after an edit).
    pub(super) fn allocations(&self, op_ids: &[String], avs_ids: &[String]) -> Vec<Allocation> {
        let limits = self.limits;
        self.values.with(|v| {
            v.iter()
                .enumerate()
                .filter(|(_, m)| **m > 0.0)
                .map(|(i, m)| Allocation {
                    operator: op_ids[i / self.avss].clone(),
                    avs: avs_ids[i % self.avss].clone(),
                    magnitude: *m,
                    network_limit: limits.with_value(|l| l.get(&i).copied()),
                })
                .collect()
        })
    }

    /// The non-zero cells as (operator index, AVS index, magnitude), tracked.
    pub(super) fn edges(&self) -> Vec<(usize, usize, f64)> {
        self.values.with(|v| {
            v.iter()
                .enumerate()
                .filter(|(_, m)| **m > 0.0)
                .map(|(i, m)| (i / self.avss, i % self.avss, *m))
                .collect()
        })
    }

    /// How many cells are allocated (non-zero), tracked.
    pub(super) fn allocated(&self) -> usize {
        self.values.with(|v| v.iter().filter(|m| **m > 0.0).count())
    }

    /// Operator `o`'s row, untracked (the CSV download).
    pub(super) fn row(&self, o: usize) -> Vec<f64> {
        self.values
            .with_untracked(|v| v[o * self.avss..(o + 1) * self.avss].to_vec())
    }

    /// A signal for the field of cell (`o`, `a`): starts at the cell's value and writes every
    /// change back. It lives as long as the view that creates it (the shown window).
    pub(super) fn cell(&self, o: usize, a: usize) -> RwSignal<f64> {
        let (values, i) = (self.values, o * self.avss + a);
        let field = RwSignal::new(values.with_untracked(|v| v[i]));
        Effect::new(move |_| {
            let m = field.get();
            if values.with_untracked(|v| v[i] != m) {
                values.update(|v| v[i] = m);
            }
        });
        field
    }
}

/// Which part of the grid is shown: a window over the operators (rows) and one over the AVSs
/// (columns), each a page of [`PAGE_OPERATORS`] or [`PAGE_AVSS`] when the grid has more than
/// [`MAX_SHOWN_CELLS`] cells, otherwise the whole of it.
#[derive(Clone, Copy)]
pub(super) struct GridWindow {
    pub(super) operators: Window,
    pub(super) avss: Window,
    pub(super) paged: bool,
}

impl GridWindow {
    /// The window of an `operators × avss` grid.
    pub(super) fn new(operators: usize, avss: usize) -> GridWindow {
        let paged = operators * avss > MAX_SHOWN_CELLS;
        let axis = |n: usize, page: usize| {
            Window::new(Signal::derive(move || n), if paged { page } else { n })
        };
        GridWindow {
            operators: axis(operators, PAGE_OPERATORS),
            avss: axis(avss, PAGE_AVSS),
            paged,
        }
    }
}
