//! Id lookups in constant time: the position of each operator, AVS or protocol id in its list.
//!
//! An engine that resolves every delegation's and allocation's references by a linear search
//! builds in `O(references × ids)`; with an [`IdIndex`] the build is `O(references + ids)`.

use std::collections::HashMap;

use crate::Error;

/// The position of each id in one list (`operators`, `avss`, `protocols`). An id written twice
/// (which [`super::Network::validate`] refuses) resolves to its first position, as a linear
/// search would.
#[derive(Debug, Clone)]
pub struct IdIndex<'a> {
    positions: HashMap<&'a str, usize>,
}

impl<'a> IdIndex<'a> {
    /// Indexes `ids` in list order.
    pub fn new(ids: impl IntoIterator<Item = &'a str>) -> IdIndex<'a> {
        let mut positions = HashMap::new();
        for (i, id) in ids.into_iter().enumerate() {
            positions.entry(id).or_insert(i);
        }
        IdIndex { positions }
    }

    /// The position of `id`, if the list holds it.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// The position of `id`; a dangling id is an [`Error::UnknownReference`] at the path that
    /// `field` builds (only on the error path, so a valid build allocates no paths) naming the
    /// `target` kind (`operator`, `AVS`).
    pub fn resolve(
        &self,
        id: &str,
        target: &str,
        field: impl FnOnce() -> String,
    ) -> Result<usize, Error> {
        self.get(id).ok_or_else(|| Error::UnknownReference {
            field: field(),
            value: id.to_owned(),
            target: target.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_positions_and_names_a_dangling_id() {
        let ids = IdIndex::new(["a", "b", "a"]);
        assert_eq!(
            ids.get("a"),
            Some(0),
            "the first of a repeated id, as a linear search"
        );
        assert_eq!(ids.get("b"), Some(1));
        let e = ids
            .resolve("zz", "operator", || "allocations[4].operator".to_owned())
            .unwrap_err();
        assert_eq!(e.field(), "allocations[4].operator");
        assert!(e.to_string().contains("zz"), "{e}");
    }
}
