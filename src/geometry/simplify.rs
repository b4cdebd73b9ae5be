//! Visvalingam–Whyatt simplification, ranked once per ring.
//!
//! VW removes, one at a time, the vertex whose triangle with its neighbours has the smallest
//! area, until every remaining triangle is larger than the tolerance. Recording each vertex's
//! "effective area" (its triangle's area when removed, never less than that of a vertex removed
//! before it) turns every later simplification into a filter: at tolerance `t` VW keeps exactly
//! the vertices whose effective area exceeds `t`. So the levels of detail need one heap pass
//! per ring instead of one per zoom band.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use geo::{Coord, LineString};

/// The effective area of each vertex of a closed ring. The ring itself is not kept: it is the
/// prepared set's own world geometry, passed again to [`RankedRing::simplified`], so that a
/// national set holds its vertices once and its ranks (8 bytes a vertex) beside them.
#[derive(Clone, Debug)]
pub struct RankedRing {
    /// Effective area per vertex, without the closing repeat of the first; infinite for the
    /// first vertex (kept fixed, as geo's VW keeps a ring's start) and for the last two
    /// standing, so a ring never drops below a triangle.
    areas: Vec<f64>,
}

impl RankedRing {
    /// Rank the vertices of `ring` (closed or not; expected sanitised: finite, no repeats).
    pub fn new(ring: &LineString<f64>) -> Self {
        RankedRing { areas: effective_areas(open(ring)) }
    }

    /// How many vertices VW at `tolerance` keeps.
    pub fn kept(&self, tolerance: f64) -> usize {
        self.areas.iter().filter(|&&area| area > tolerance).count()
    }

    /// The ring VW at `tolerance` gives, closed. `ring` must be the ring this was ranked from.
    pub fn simplified(&self, ring: &LineString<f64>, tolerance: f64) -> LineString<f64> {
        let coords = open(ring);
        let mut kept: Vec<Coord<f64>> = Vec::with_capacity(coords.len() + 1);
        kept.extend(coords.iter().zip(&self.areas).filter(|&(_, &area)| area > tolerance).map(|(&c, _)| c));
        if let Some(&first) = kept.first() {
            kept.push(first);
        }
        LineString::new(kept)
    }
}

/// The ring's vertices without the closing repeat of the first.
fn open(ring: &LineString<f64>) -> &[Coord<f64>] {
    let coords = ring.0.as_slice();
    if coords.len() > 1 && coords.first() == coords.last() { &coords[..coords.len() - 1] } else { coords }
}

/// Area of the triangle `a b c`.
fn triangle_area(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>) -> f64 {
    ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs() / 2.0
}

/// The effective area of each vertex of an open ring (the last vertex joins the first).
fn effective_areas(coords: &[Coord<f64>]) -> Vec<f64> {
    let n = coords.len();
    let mut areas = vec![f64::INFINITY; n];
    if n <= 3 {
        return areas;
    }
    let mut prev: Vec<usize> = (0..n).map(|i| (i + n - 1) % n).collect();
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1) % n).collect();
    let area_at = |i: usize, prev: &[usize], next: &[usize]| triangle_area(coords[prev[i]], coords[i], coords[next[i]]);
    // Areas are never negative, so their bit patterns order like the numbers: the heap needs
    // no float wrapper. Entries go stale when a neighbour is removed; `current` tells.
    let mut current: Vec<u64> = (0..n).map(|i| area_at(i, &prev, &next).to_bits()).collect();
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = (1..n).map(|i| Reverse((current[i], i))).collect();
    let mut removed = vec![false; n];
    let mut remaining = n;
    let mut last = 0.0_f64;
    while remaining > 3 {
        let Some(Reverse((bits, i))) = heap.pop() else {
            break;
        };
        if removed[i] || bits != current[i] {
            continue;
        }
        last = last.max(f64::from_bits(bits));
        areas[i] = last;
        removed[i] = true;
        remaining -= 1;
        let (p, q) = (prev[i], next[i]);
        next[p] = q;
        prev[q] = p;
        for j in [p, q] {
            if j != 0 {
                current[j] = area_at(j, &prev, &next).to_bits();
                heap.push(Reverse((current[j], j)));
            }
        }
    }
    areas
}

#[cfg(test)]
mod tests {
    use geo::{LineString, SimplifyVw};

    use super::RankedRing;

    fn wiggly_ring() -> LineString<f64> {
        let mut ring: Vec<(f64, f64)> = (0..400)
            .map(|k| {
                let t = f64::from(k) / 400.0 * std::f64::consts::TAU;
                let r = 1_000.0 + 20.0 * (t * 37.0).sin() + 7.0 * (t * 91.0).cos();
                (r * t.cos(), r * t.sin())
            })
            .collect();
        ring.push(ring[0]);
        LineString::from(ring)
    }

    #[test]
    fn filtering_by_effective_area_keeps_what_geo_vw_keeps_at_each_tolerance() {
        let ring = wiggly_ring();
        let ranked = RankedRing::new(&ring);
        for tolerance in [1.0, 10.0, 100.0, 1_000.0, 10_000.0] {
            let ours = ranked.simplified(&ring, tolerance);
            let geos = ring.simplify_vw(tolerance);
            assert_eq!(ours, geos, "tolerance {tolerance}");
            assert_eq!(ranked.kept(tolerance) + 1, ours.0.len());
        }
    }

    #[test]
    fn a_ring_never_drops_below_a_triangle() {
        let ring = wiggly_ring();
        let ranked = RankedRing::new(&ring);
        assert_eq!(ranked.kept(f64::MAX), 3);
        assert_eq!(ranked.simplified(&ring, 1e12).0.len(), 4);
    }
}
