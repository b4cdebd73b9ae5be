//! Notional results for every comparison across a boundary change in a dataset: the weights
//! from the postcode points built in (or from area), then the apportioned elections.

use crate::geometry::weights::{PointWards, locate, weights_located};
use crate::model::notional::{WeightMethod, Weights};
use crate::model::{Dataset, WardSetId};
use geo::Coord;
use std::collections::BTreeMap;
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
    use rayon::prelude::*;
    let mut pairs: Vec<(WardSetId, WardSetId)> = crate::analysis::notional::needed(data)
        .into_iter()
        .filter_map(|(from, onto)| Some((data.election(from)?.ward_set?, onto)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    // Each set's postcodes are found once however many sets it is compared with (London's four
    // whole-city sets meet in six pairs), and the sets and then the pairs are worked on every
    // core: a borough's pair is too small to split, and there are seventy.
    let mut sets: Vec<WardSetId> = pairs.iter().flat_map(|&(from, onto)| [from, onto]).collect();
    sets.sort_unstable();
    sets.dedup();
    // No pair, no postcodes: parsing London's 179,000 points costs a Barnet export 40 ms.
    let located: BTreeMap<WardSetId, PointWards> = if method == WeightMethod::Postcodes && !pairs.is_empty() {
        let points = postcode_points();
        sets.par_iter().filter_map(|&set| Some((set, locate(data.ward_set(set)?, points)))).collect()
    } else {
        BTreeMap::new()
    };
    let nowhere = PointWards::default();
    let weights: BTreeMap<(WardSetId, WardSetId), Arc<Weights>> = pairs
        .par_iter()
        .filter_map(|&(from, onto)| {
            let (old, new) = (data.ward_set(from)?, data.ward_set(onto)?);
            let (in_old, in_new) = (located.get(&from).unwrap_or(&nowhere), located.get(&onto).unwrap_or(&nowhere));
            Some(((from, onto), Arc::new(weights_located(old, new, in_old, in_new, method))))
        })
        .collect();
    let notionals =
        crate::analysis::notional::estimate_all(data, |from, onto| weights.get(&(from, onto)).map(Arc::clone));
    data.notionals = notionals;
}

/// The weights between two ward sets of `data`, as [`attach`] finds them.
pub fn weights_between(data: &Dataset, from: WardSetId, onto: WardSetId, method: WeightMethod) -> Option<Weights> {
    let points = if method == WeightMethod::Postcodes { postcode_points() } else { &[] };
    Some(crate::geometry::weights::weights(data.ward_set(from)?, data.ward_set(onto)?, points, method))
}
