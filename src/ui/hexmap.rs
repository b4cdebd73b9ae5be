//! The hex map's geometry per ward set, prepared on first use and kept until the data changes,
//! beside the geographic geometry the loader prepares. See [`crate::session::hexmap`].

use std::sync::{Arc, OnceLock};

use crate::geometry::PreparedWardSet;
use crate::model::hexmap::HexLayout;
use crate::model::{Dataset, WardSetId};

/// One set's hexes and what the map says of their layout.
pub struct HexGeometry {
    pub geometry: Arc<PreparedWardSet>,
    pub layout: HexLayout,
}

/// Slots for each ward set's hexes, and the layout the user opened (`--hexmap`), tried first.
#[derive(Default)]
pub struct HexSets {
    slots: Vec<OnceLock<HexGeometry>>,
    opened: Option<Arc<HexLayout>>,
}

impl HexSets {
    /// Slots for `data`'s ward sets, none prepared yet, with the layout the user opened.
    #[must_use]
    pub fn lazy(data: &Dataset, opened: Option<Arc<HexLayout>>) -> HexSets {
        HexSets { slots: data.ward_sets.iter().map(|_| OnceLock::new()).collect(), opened }
    }

    /// The layout the user opened, if any.
    #[must_use]
    pub fn opened(&self) -> Option<Arc<HexLayout>> {
        self.opened.clone()
    }

    /// The hexes of ward set `id`, prepared now if they were not yet.
    pub fn get(&self, data: &Dataset, id: WardSetId) -> Option<&HexGeometry> {
        let set = data.ward_set(id)?;
        Some(self.slots.get(id.0)?.get_or_init(|| {
            let (prepared, layout) = crate::session::hexmap::prepare_hexes(set, self.opened.as_deref());
            HexGeometry { geometry: Arc::new(prepared), layout }
        }))
    }
}
