//! Wards and ward sets (one borough's wards as drawn for a run of elections).

use geo::MultiPolygon;

/// One ward: its ONS code (when the file has one), its name and its shape in lon/lat degrees.
#[derive(Clone, Debug)]
pub struct Ward {
    /// ONS GSS code such as `E05000045`; `None` when the boundary file carries no code.
    pub code: Option<String>,
    pub name: String,
    /// The borough the ward is in, where the file says (London-wide layers): London's map
    /// draws borough outlines from it, and its tooltips name the borough.
    pub borough: Option<String>,
    /// Shape in WGS84 / CRS84 lon/lat (x = longitude). Files in British National Grid are
    /// reprojected on load, so everything downstream sees one coordinate system.
    pub geometry: MultiPolygon<f64>,
}

/// A borough's wards as drawn for a run of elections. Barnet has two: 21 wards used from 2002
/// to 2018, and 24 new wards from 2022. Names are reused across sets with other shapes, which
/// is why results are joined within one set only.
#[derive(Clone, Debug)]
pub struct WardSet {
    /// A name for pickers and reports, e.g. "Barnet wards 2002–2018".
    pub name: String,
    /// The first election year these boundaries were used for, when known.
    pub first_year: Option<i32>,
    /// Where the boundaries came from (a file path, or "embedded").
    pub source: String,
    /// The borough these wards belong to ("London" for a set of all London), when known:
    /// results of a borough are joined to its own sets first. `None` for a user's file, which
    /// may hold any wards.
    pub borough: Option<String>,
    pub wards: Vec<Ward>,
}

impl WardSet {
    /// Index of the ward with this ONS code.
    pub fn position_by_code(&self, code: &str) -> Option<usize> {
        self.wards.iter().position(|w| w.code.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(code)))
    }
}
