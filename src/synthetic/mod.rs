//! Synthetic ward boundaries and results at any scale, for benchmarks and the `--synthetic N`
//! option: wardmap ships one borough (21 wards), but has to stay fast for all of London
//! (~630 wards) or a national file (~7,000), and one cannot commit tens of MB of test data.
//!
//! Everything is a pure function of the ward count and a seed (no `rand`, no clock): the same
//! call gives the same bytes on every machine, so benchmark figures are comparable. The output
//! is text in the formats users open (a GeoJSON FeatureCollection and wardmap's results CSV)
//! so that [`open`] goes through the real readers, as a user's files would.
//!
//! The data is clearly not real: ward codes are `E059…` (no real ward has one), names are
//! invented, the file and the ward set say "synthetic".

mod geojson;
pub mod hostile;
mod layout;
mod names;
mod results;
mod rng;

#[cfg(test)]
mod tests;

use std::path::Path;

use crate::io::boundaries;
use crate::io::properties::BoundaryOptions;
use crate::io::{LoadError, Opened, no_progress, results as results_reader};

pub use layout::SEGMENTS_PER_EDGE;
pub use results::POLL_DATE;

/// The seed the command line and the benchmarks use.
pub const DEFAULT_SEED: u64 = 2024;
/// The most wards generated: ward codes have five free digits, and 50,000 wards are already
/// over 200 MB of GeoJSON.
pub const MAX_WARDS: usize = 50_000;
/// The borough the results name.
pub const BOROUGH: &str = "Synthetic London";

/// A generated data set, as the text of its two files.
#[derive(Clone, Debug)]
pub struct Synthetic {
    /// Number of wards.
    pub wards: usize,
    /// A GeoJSON FeatureCollection of the wards (lon/lat, one Polygon each).
    pub geojson: String,
    /// The results in wardmap's own CSV format, one row per candidate.
    pub results_csv: String,
}

impl Synthetic {
    /// A file name for the boundaries, used as the ward set's source in messages.
    pub fn boundaries_file_name(&self) -> String {
        format!("synthetic-{}-wards.geojson", self.wards)
    }

    /// A file name for the results.
    pub fn results_file_name(&self) -> String {
        format!("synthetic-{}-results.csv", self.wards)
    }
}

/// Generate `wards` wards (clamped to `1..=MAX_WARDS`) around London, with results.
pub fn generate(wards: usize, seed: u64) -> Synthetic {
    let wards = wards.clamp(1, MAX_WARDS);
    let layout = layout::Layout::new(wards, seed);
    Synthetic { wards, geojson: geojson::write(&layout), results_csv: results::write(&layout, seed, BOROUGH) }
}

/// Only the boundaries (cheaper when the results are not needed, as in geometry benchmarks).
pub fn boundaries_geojson(wards: usize, seed: u64) -> String {
    geojson::write(&layout::Layout::new(wards.clamp(1, MAX_WARDS), seed))
}

/// Generate and read back through the real readers, as if the user had opened the two files:
/// the boundaries and the results, not yet joined (`crate::session` joins and checks them, as
/// it does a user's files).
///
/// # Errors
/// None in practice: the generated text always reads back (the tests hold it to that), but it
/// goes through the real readers, which can fail.
pub fn open(wards: usize, seed: u64) -> Result<Vec<Opened>, LoadError> {
    let data = generate(wards, seed);
    let name = format!("Synthetic wards ({} wards, seed {seed}; not real data)", data.wards);
    let boundaries_file = data.boundaries_file_name();
    let boundaries = boundaries::parse_with(
        &data.geojson,
        Path::new(&boundaries_file),
        &name,
        Some(2022),
        &BoundaryOptions::default(),
        &no_progress,
    )?;
    let results_file = data.results_file_name();
    let results = results_reader::parse(&data.results_csv, Path::new(&results_file), BOROUGH, &no_progress)?;
    Ok(vec![
        Opened::Boundaries { path: boundaries_file.into(), parsed: boundaries },
        Opened::Results { path: results_file.into(), parsed: results },
    ])
}
