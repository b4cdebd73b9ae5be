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

use super::point_in::BandedWard;
use crate::model::WardSet;
use crate::model::notional::{MIN_POSTCODES, WeightBasis, WeightMethod, WeightShare, Weights};
use geo::{Area, BooleanOps, BoundingRect, Contains, Coord, MultiPolygon, Rect};
use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

type WardBox = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// A ward set's wards with an R-tree of their bounding boxes, for finding which ward holds a
/// point and which wards may overlap another's.
pub struct WardIndex<'a> {
    set: &'a WardSet,
    tree: RTree<WardBox>,
    bounds: Option<Rect<f64>>,
    /// Each ward's outlines banded for point tests, built on the first [`Self::ward_at`].
    banded: OnceLock<Vec<BandedWard>>,
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
        WardIndex { set, tree: RTree::bulk_load(boxes), bounds, banded: OnceLock::new() }
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
        let banded = self.banded.get_or_init(|| self.set.wards.iter().map(|w| BandedWard::new(&w.geometry)).collect());
        candidates.into_iter().find(|&w| banded[w].contains(point))
    }

    /// Wards whose bounding boxes overlap `rect`, in set order.
    fn overlapping(&self, rect: Rect<f64>) -> Vec<usize> {
        let envelope = AABB::from_corners(rect.min().into(), rect.max().into());
        let mut found: Vec<usize> =
            self.tree.locate_in_envelope_intersecting(&envelope).map(|entry| entry.data).collect();
        found.sort_unstable();
        found
    }
}

fn merge(a: Rect<f64>, b: Rect<f64>) -> Rect<f64> {
    Rect::new(
        Coord { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
        Coord { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
    )
}

/// The points of a list that fall in some ward of one set: `(point index, ward index)`, in
/// point order. Sparse, because most of London's postcodes are far from any one borough.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PointWards(Vec<(u32, u32)>);

/// Which ward of `set` holds each of `points` (the first in set order on a shared edge), found
/// on every core. A set compared with several others is located once: [`weights_located`].
#[must_use]
pub fn locate(set: &WardSet, points: &[Coord<f64>]) -> PointWards {
    let index = WardIndex::new(set);
    let Some(bounds) = index.bounds else { return PointWards::default() };
    // Only the points in the set's bounds are looked up, on every core (work-stealing, as the
    // points of one borough sit together in a list sorted by postcode).
    let inside: Vec<u32> =
        (0..points.len()).filter(|&i| bounds.contains(&points[i])).filter_map(|i| u32::try_from(i).ok()).collect();
    let found: Vec<(u32, u32)> = inside
        .par_iter()
        .with_min_len(256)
        .filter_map(|&i| {
            let ward = index.ward_at(points[i as usize])?;
            Some((i, u32::try_from(ward).ok()?))
        })
        .collect();
    PointWards(found)
}

/// The weights from ward set `from` onto ward set `onto`, from `points` (postcode points in
/// lon/lat; ignored under [`WeightMethod::Area`]).
#[must_use]
pub fn weights(from: &WardSet, onto: &WardSet, points: &[Coord<f64>], method: WeightMethod) -> Weights {
    if method != WeightMethod::Postcodes {
        return weights_located(from, onto, &PointWards::default(), &PointWards::default(), method);
    }
    weights_located(from, onto, &locate(from, points), &locate(onto, points), method)
}

/// [`weights`] from the same points located in the old set (`in_old`) and the new
/// (`in_new`); they are ignored under [`WeightMethod::Area`].
#[must_use]
pub fn weights_located(
    from: &WardSet,
    onto: &WardSet,
    in_old: &PointWards,
    in_new: &PointWards,
    method: WeightMethod,
) -> Weights {
    let new = WardIndex::new(onto);
    let code_in_new: HashMap<String, usize> =
        onto.wards.iter().enumerate().filter_map(|(i, w)| Some((w.code.as_ref()?.to_ascii_uppercase(), i))).collect();
    // Postcode counts per (old ward, new ward), and per old ward.
    let mut counts: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    let mut postcodes = vec![0u32; from.wards.len()];
    if method == WeightMethod::Postcodes {
        // Both lists are in point order: walk them together.
        let mut new_wards = in_new.0.iter().peekable();
        for &(point, a) in &in_old.0 {
            let a = a as usize;
            if a >= from.wards.len() {
                continue;
            }
            postcodes[a] += 1;
            while new_wards.next_if(|(p, _)| *p < point).is_some() {}
            if let Some(&&(_, b)) = new_wards.peek().filter(|(p, _)| *p == point) {
                let b = b as usize;
                if b < onto.wards.len() {
                    *counts.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let scale = lon_scale(from);
    // rayon, not `par_map`'s own threads: this runs inside rayon's pool (one pair per task,
    // session::notional), and the overlay crate parallelises with rayon too, so a worker must
    // wait by taking other work rather than by blocking on a thread join, or the pool can run
    // out of free workers and deadlock.
    let areas: Vec<f64> = from.wards.par_iter().map(|ward| scaled_area(&ward.geometry, scale)).collect();
    let mut basis = Vec::with_capacity(from.wards.len());
    let mut into: Vec<Vec<WeightShare>> = vec![Vec::new(); onto.wards.len()];
    let per_old: Vec<(WeightBasis, Vec<(usize, WeightShare)>)> = (0..from.wards.len())
        .into_par_iter()
        .map(|a| {
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
        })
        .collect();
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
