//! What the side panels worked out, kept until what they show changes: a panel asks for its
//! analysis through [`PanelCache::get`] with a key naming everything the result depends on
//! (election, wards, spec, years…), and an idle frame recomputes nothing.
//!
//! Why a cache rather than results computed by the app: the panels stay the only place that
//! knows what they show, and adding a panel needs no new field in the app. The app clears the
//! cache whenever the data changes, so keys never name the data itself.

use super::state::ViewState;
use crate::analysis::colouring::MapSubject;
use crate::model::Dataset;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt::Debug;
use std::rc::Rc;

/// A kept result: the key it was made under (its `Debug` text) and the value.
type Entry = (String, Rc<dyn Any>);

/// Results by slot; one entry per slot (a panel part), replaced when its key changes.
#[derive(Default)]
pub struct PanelCache {
    entries: RefCell<HashMap<&'static str, Entry>>,
    computations: Cell<usize>,
}

impl PanelCache {
    /// The result for `slot` under `key`: the one kept, if it was made under the same key, or
    /// `compute()`'s, kept for next time.
    pub fn get<T: 'static>(&self, slot: &'static str, key: &impl Debug, compute: impl FnOnce() -> T) -> Rc<T> {
        let key = format!("{key:?}");
        if let Some((kept_key, value)) = self.entries.borrow().get(slot)
            && *kept_key == key
            && let Ok(value) = Rc::clone(value).downcast::<T>()
        {
            return value;
        }
        self.computations.set(self.computations.get() + 1);
        let value = Rc::new(compute());
        self.entries.borrow_mut().insert(slot, (key, Rc::clone(&value) as Rc<dyn Any>));
        value
    }

    /// Forget everything (the data changed).
    pub fn clear(&self) {
        self.entries.borrow_mut().clear();
    }

    /// How many results were computed so far: for tests that an idle frame computes nothing.
    pub fn computations(&self) -> usize {
        self.computations.get()
    }
}

/// What every side panel is given: the data, what the map shows, the user's choices and the
/// cache its figures go through. One value, so a panel's signature is the same as every other's.
#[derive(Clone, Copy)]
pub struct PanelInput<'a> {
    pub data: &'a Dataset,
    pub subject: Option<MapSubject>,
    pub state: &'a ViewState,
    pub cache: &'a PanelCache,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_computed_once_per_key_and_again_when_the_key_changes() {
        let cache = PanelCache::default();
        let a = cache.get("slot", &(1, "x"), || vec![1, 2, 3]);
        let b = cache.get("slot", &(1, "x"), || vec![9]);
        assert_eq!(*a, vec![1, 2, 3]);
        assert_eq!(*b, vec![1, 2, 3], "the kept result, not the new closure's");
        assert_eq!(cache.computations(), 1);
        let c = cache.get("slot", &(2, "x"), || vec![9]);
        assert_eq!(*c, vec![9]);
        assert_eq!(cache.computations(), 2);
        cache.clear();
        let _ = cache.get("slot", &(2, "x"), || vec![9]);
        assert_eq!(cache.computations(), 3);
    }
}
