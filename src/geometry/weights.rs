//! The weights of a notional result: how the voters of each ward of one set are shared among
//! the wards of another set of the same borough (see `model::notional`).
//!
//! By default from postcode points: w(a, b) is the number of old ward a's points that fall in
//! new ward b, over all of a's points that fall in any new ward. An old ward with fewer than
//! [`MIN_POSTCODES`] points, or every ward when area is asked for, is shared by area instead:
//! the area of a ∩ b over the area of a inside the new set. A ward whose ONS code is in both
//! sets is the same ward (ONS gives a ward a new code whenever its boundary changes), so it goes
//! whole to itself: a set that did not change gives the actual result back exactly.
//!
//! Areas are measured on lon/lat degrees with longitude scaled by the cosine of the set's mean
//! latitude: weights are ratios within one borough, which that scale keeps to well under 0.1%.

use super::parallel::par_map;
use crate::model::WardSet;
use crate::model::notional::{MIN_POSTCODES, WeightBasis, WeightMethod, WeightShare, Weights};
use geo::{Area, BooleanOps, BoundingRect, Contains, Coord, MultiPolygon, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use std::collections::{BTreeMap, HashMap};

type WardBox = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// A ward set's wards with an R-tree of their bounding boxes, for finding which ward holds a
/// point and which wards may overlap another's.
pub struct WardIndex<'a> {
    set: &'a WardSet,
    tree: RTree<WardBox>,
    bounds: Option<Rect<f64>>,
}

impl<'a> WardIndex<'a> {
    pub fn new(set: &'a WardSet) -> WardIndex<'a> {
        let mut bounds: Option<Rect<f64>> = None;
        let boxes = set
            .wards
            .iter()
            .enumerate()
            .filter_map(|(i, ward)| {
                let rect = ward.geometry.bounding_rect()?;
                bounds = Some(bounds.map_or(rect, |b| merge(b, rect)));
                Some(GeomWithData::new(Rectangle::from_corners(rect.min().into(), rect.max().into()), i))
            })
            .collect();
        WardIndex { set, tree: RTree::bulk_load(boxes), bounds }
    }

    /// The ward that holds `point` (the first in set order if it lies on a shared edge).
    pub fn ward_at(&self, point: Coord<f64>) -> Option<usize> {
        let bounds = self.bounds?;
        if point.x < bounds.min().x || point.x > bounds.max().x || point.y < bounds.min().y || point.y > bounds.max().y
        {
            return None;
        }
        let mut candidates: Vec<usize> =
            self.tree.locate_all_at_point(&[point.x, point.y]).map(|entry| entry.data).collect();
        candidates.sort_unstable();
        candidates.into_iter().find(|&w| self.set.wards[w].geometry.contains(&point))
    }

    /// Wards whose bounding boxes overlap `rect`, in set order.
    fn overlapping(&self, rect: Rect<f64>) -> Vec<usize> {
        let envelope = AABB::from_corners(rect.min().into(), rect.max().into());
        let mut found: Vec<usize> =
            self.tree.locate_in_envelope_intersecting(&envelope).map(|entry| entry.data).collect();
        found.sort_unstable();
        found
    }

    /// The ward of each point, in point order (on every core for many points).
    pub fn locate_all(&self, points: &[Coord<f64>]) -> Vec<Option<usize>> {
        par_map(points, |p| self.ward_at(*p))
    }
}

fn merge(a: Rect<f64>, b: Rect<f64>) -> Rect<f64> {
    Rect::new(
        Coord { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
        Coord { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
    )
}

/// The weights from ward set `from` onto ward set `onto`, from `points` (postcode points in
/// lon/lat; ignored under [`WeightMethod::Area`]).
pub fn weights(from: &WardSet, onto: &WardSet, points: &[Coord<f64>], method: WeightMethod) -> Weights {
    let old = WardIndex::new(from);
    let new = WardIndex::new(onto);
    let code_in_new: HashMap<String, usize> =
        onto.wards.iter().enumerate().filter_map(|(i, w)| Some((w.code.as_ref()?.to_ascii_uppercase(), i))).collect();
    // Postcode counts per (old ward, new ward), and per old ward.
    let mut counts: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let mut postcodes = vec![0u32; from.wards.len()];
    if method == WeightMethod::Postcodes {
        let inside: Vec<Coord<f64>> = match old.bounds {
            Some(b) => points.iter().copied().filter(|p| b.contains(p)).collect(),
            None => Vec::new(),
        };
        let in_old = old.locate_all(&inside);
        let in_new = new.locate_all(&inside);
        for (a, b) in in_old.into_iter().zip(in_new) {
            let Some(a) = a else { continue };
            postcodes[a] += 1;
            if let Some(b) = b {
                *counts.entry((a, b)).or_default() += 1;
            }
        }
    }
    let scale = lon_scale(from);
    let areas = par_map(&from.wards, |ward| scaled_area(&ward.geometry, scale));
    let mut basis = Vec::with_capacity(from.wards.len());
    let mut into: Vec<Vec<WeightShare>> = vec![Vec::new(); onto.wards.len()];
    let per_old: Vec<(WeightBasis, Vec<(usize, WeightShare)>)> =
        par_map(&(0..from.wards.len()).collect::<Vec<_>>(), |&a| {
            let ward = &from.wards[a];
            if let Some(&b) = ward.code.as_ref().and_then(|c| code_in_new.get(&c.to_ascii_uppercase())) {
                let share = WeightShare { from_ward: a, weight: 1.0, postcodes: postcodes[a], area_share: Some(1.0) };
                return (WeightBasis::SameCode, vec![(b, share)]);
            }
            let mine: Vec<(usize, u32)> = counts.range((a, 0)..=(a, usize::MAX)).map(|(&(_, b), &n)| (b, n)).collect();
            let located: u32 = mine.iter().map(|(_, n)| n).sum();
            let by_postcodes = method == WeightMethod::Postcodes && located >= MIN_POSTCODES;
            // Areas of a ∩ b: for every overlapping b under the area method, and for the b the
            // postcodes found (to show beside the weights) under the postcode method.
            let targets: Vec<usize> = if by_postcodes {
                mine.iter().map(|(b, _)| *b).collect()
            } else {
                ward.geometry.bounding_rect().map(|r| new.overlapping(r)).unwrap_or_default()
            };
            let overlaps: Vec<(usize, f64)> = targets
                .into_iter()
                .map(|b| (b, scaled_area(&ward.geometry.intersection(&onto.wards[b].geometry), scale)))
                .collect();
            let area = areas[a];
            let area_share = |b: usize| {
                overlaps.iter().find(|(x, _)| *x == b).map(|(_, o)| if area > 0.0 { (o / area).min(1.0) } else { 0.0 })
            };
            let count_in = |b: usize| mine.iter().find(|(x, _)| *x == b).map_or(0, |(_, n)| *n);
            if by_postcodes {
                let shares = mine
                    .iter()
                    .map(|&(b, n)| {
                        let weight = f64::from(n) / f64::from(located);
                        (b, WeightShare { from_ward: a, weight, postcodes: n, area_share: area_share(b) })
                    })
                    .collect();
                return (WeightBasis::Postcodes, shares);
            }
            let overlapping: f64 = overlaps.iter().map(|(_, o)| o).sum();
            if overlapping <= 0.0 {
                return (WeightBasis::NoOverlap, Vec::new());
            }
            let shares = overlaps
                .iter()
                .filter(|(_, o)| *o > 0.0)
                .map(|&(b, o)| {
                    (
                        b,
                        WeightShare {
                            from_ward: a,
                            weight: o / overlapping,
                            postcodes: count_in(b),
                            area_share: area_share(b),
                        },
                    )
                })
                .collect();
            let why = if method == WeightMethod::Area { WeightBasis::Area } else { WeightBasis::AreaTooFewPostcodes };
            (why, shares)
        });
    for (why, shares) in per_old {
        basis.push(why);
        for (b, share) in shares {
            into[b].push(share);
        }
    }
    for shares in &mut into {
        shares.sort_by(|x, y| y.weight.total_cmp(&x.weight).then(x.from_ward.cmp(&y.from_ward)));
    }
    Weights { method, basis, postcodes, into }
}

/// Longitude's scale at the set's mean latitude, so lon/lat areas are in proportion to ground
/// areas across one borough.
fn lon_scale(set: &WardSet) -> f64 {
    let rect = set.wards.iter().filter_map(|w| w.geometry.bounding_rect()).reduce(merge);
    rect.map_or(1.0, |r| ((r.min().y + r.max().y) / 2.0).to_radians().cos())
}

fn scaled_area(shape: &MultiPolygon<f64>, lon_scale: f64) -> f64 {
    shape.unsigned_area() * lon_scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Ward;
    use geo::{MultiPolygon, polygon};

    fn square(code: &str, x0: f64, x1: f64) -> Ward {
        let shape = polygon![(x: x0, y: 0.0), (x: x1, y: 0.0), (x: x1, y: 1.0), (x: x0, y: 1.0), (x: x0, y: 0.0)];
        Ward { code: Some(code.into()), name: code.into(), borough: None, geometry: MultiPolygon::new(vec![shape]) }
    }

    fn set(wards: Vec<Ward>) -> WardSet {
        WardSet { name: "s".into(), first_year: None, source: "t".into(), borough: None, wards }
    }

    /// `n` points evenly along y = 0.5 between x0 and x1.
    fn points(n: usize, x0: f64, x1: f64) -> Vec<Coord<f64>> {
        (0..n).map(|i| Coord { x: x0 + (x1 - x0) * (i as f64 + 0.5) / n as f64, y: 0.5 }).collect()
    }

    #[test]
    fn postcodes_share_an_old_ward_by_where_its_points_are() {
        // Old A = [0,2]; new X = [0,1], Y = [1,2]. 30 points in X's half, 10 in Y's.
        let old = set(vec![square("E05000001", 0.0, 2.0)]);
        let new = set(vec![square("E05000010", 0.0, 1.0), square("E05000011", 1.0, 2.0)]);
        let mut pts = points(30, 0.0, 1.0);
        pts.extend(points(10, 1.0, 2.0));
        let w = weights(&old, &new, &pts, WeightMethod::Postcodes);
        assert_eq!(w.basis, [WeightBasis::Postcodes]);
        assert_eq!(w.postcodes, [40]);
        assert_eq!((w.into[0][0].weight, w.into[0][0].postcodes), (0.75, 30));
        assert_eq!((w.into[1][0].weight, w.into[1][0].postcodes), (0.25, 10));
        // Area shares are shown beside: each half is half of A.
        assert!(w.into[0][0].area_share.is_some_and(|a| (a - 0.5).abs() < 1e-9));
        assert!((w.total_of(0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn too_few_postcodes_fall_back_to_area_and_say_so() {
        let old = set(vec![square("E05000001", 0.0, 4.0)]);
        let new = set(vec![square("E05000010", 0.0, 1.0), square("E05000011", 1.0, 4.0)]);
        let w = weights(&old, &new, &points(5, 0.0, 1.0), WeightMethod::Postcodes);
        assert_eq!(w.basis, [WeightBasis::AreaTooFewPostcodes]);
        assert!((w.into[0][0].weight - 0.25).abs() < 1e-9 && (w.into[1][0].weight - 0.75).abs() < 1e-9);
        let by_area = weights(&old, &new, &[], WeightMethod::Area);
        assert_eq!(by_area.basis, [WeightBasis::Area]);
    }

    #[test]
    fn a_ward_with_the_same_code_goes_whole_to_itself_and_one_outside_is_left_out() {
        let old = set(vec![square("E05000001", 0.0, 1.0), square("E05000002", 5.0, 6.0)]);
        let new = set(vec![square("E05000001", 0.0, 1.0)]);
        let w = weights(&old, &new, &points(50, 0.0, 6.0), WeightMethod::Postcodes);
        assert_eq!(w.basis, [WeightBasis::SameCode, WeightBasis::NoOverlap]);
        assert_eq!(w.into[0].len(), 1);
        assert_eq!(w.into[0][0].weight, 1.0);
        assert_eq!(w.total_of(1), 0.0);
    }
}
