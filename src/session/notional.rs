//! Notional results for every comparison across a boundary change in a dataset: the weights
//! from the postcode points built in (or from area), then the apportioned elections.

use crate::model::notional::{WeightMethod, Weights};
use crate::model::{Dataset, WardSetId};
use geo::Coord;
use std::sync::{Arc, OnceLock};

/// London's postcode points (OS Code-Point Open), parsed once per process.
pub fn postcode_points() -> &'static [Coord<f64>] {
    static POINTS: OnceLock<Vec<Coord<f64>>> = OnceLock::new();
    POINTS.get_or_init(|| {
        let (_, text) = crate::io::embedded::london::POSTCODES;
        crate::io::postcodes::points(text)
    })
}

/// Estimate every election on each later ward set of its borough that a comparison needs
/// (replacing any estimates `data` had), weighting by `method`.
pub fn attach(data: &mut Dataset, method: WeightMethod) {
    let notionals = crate::analysis::notional::estimate_all(data, |from, onto| {
        weights_between(data, from, onto, method).map(Arc::new)
    });
    data.notionals = notionals;
}

/// The weights between two ward sets of `data`, as [`attach`] finds them.
pub fn weights_between(data: &Dataset, from: WardSetId, onto: WardSetId, method: WeightMethod) -> Option<Weights> {
    let points = if method == WeightMethod::Postcodes { postcode_points() } else { &[] };
    Some(crate::geometry::weights::weights(data.ward_set(from)?, data.ward_set(onto)?, points, method))
}
