//! Data shared by the benchmarks, generated once per process.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use geo::MultiPolygon;
use wardmap::analysis::colouring::{self, ColourSpec, Colouring, MapSubject};
use wardmap::geometry::PreparedWardSet;
use wardmap::io::boundaries;
use wardmap::model::{Dataset, ElectionId, WardSet};
use wardmap::synthetic;

/// Ward counts measured: all of London, and a national-scale file.
pub const SIZES: [usize; 2] = [630, 10_000];

/// A synthetic data set: its GeoJSON text, the joined data, the prepared geometry and the
/// winner colouring the app opens on.
pub struct Fixture {
    pub geojson: String,
    pub data: Dataset,
    pub prepared: Arc<PreparedWardSet>,
    pub colouring: Colouring,
    pub labels: Vec<String>,
}

impl Fixture {
    /// The ward set (there is one).
    pub fn ward_set(&self) -> &WardSet {
        &self.data.ward_sets[0]
    }

    /// The wards' shapes in lon/lat, as the loader hands them to [`PreparedWardSet::new`].
    pub fn shapes(&self) -> Vec<MultiPolygon<f64>> {
        self.ward_set().wards.iter().map(|w| w.geometry.clone()).collect()
    }
}

/// Parse GeoJSON text through the real reader.
pub fn parse(geojson: &str) -> WardSet {
    boundaries::parse(geojson, Path::new("synthetic.geojson"), "synthetic", Some(2022))
        .unwrap_or_else(|e| panic!("the synthetic GeoJSON must read back: {e}"))
}

/// The synthetic data set of `wards` wards (default seed), built on first use.
pub fn synthetic(wards: usize) -> &'static Fixture {
    static CACHE: OnceLock<Mutex<HashMap<usize, &'static Fixture>>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Mutex::default).lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    cache.entry(wards).or_insert_with(|| {
        let data =
            wardmap::session::load(&wardmap::session::Source::Synthetic { wards, seed: synthetic::DEFAULT_SEED })
                .unwrap_or_else(|e| panic!("the synthetic data must read back: {e}"))
                .dataset;
        let geojson = synthetic::boundaries_geojson(wards, synthetic::DEFAULT_SEED);
        let shapes: Vec<_> = data.ward_sets[0].wards.iter().map(|w| w.geometry.clone()).collect();
        let prepared = Arc::new(PreparedWardSet::new(&shapes));
        let colouring = colouring::colour(&data, MapSubject::Election(ElectionId(0)), &ColourSpec::winner());
        let labels = data.ward_sets[0].wards.iter().map(|w| w.name.clone()).collect();
        Box::leak(Box::new(Fixture { geojson, data, prepared, colouring, labels }))
    })
}
