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

/// Slots for each ward set's hexes.
#[derive(Default)]
pub struct HexSets(Vec<OnceLock<HexGeometry>>);

impl HexSets {
    /// Slots for `data`'s ward sets, none prepared yet.
    #[must_use]
    pub fn lazy(data: &Dataset) -> HexSets {
        HexSets(data.ward_sets.iter().map(|_| OnceLock::new()).collect())
    }

    /// The hexes of ward set `id`, prepared now if they were not yet.
    pub fn get(&self, data: &Dataset, id: WardSetId) -> Option<&HexGeometry> {
        let set = data.ward_set(id)?;
        Some(self.0.get(id.0)?.get_or_init(|| {
            let (prepared, layout) = crate::session::hexmap::prepare_hexes(set, None);
            HexGeometry { geometry: Arc::new(prepared), layout }
        }))
    }
}
