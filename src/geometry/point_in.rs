//! Point in ward, answered exactly as geo's `Contains` answers it, without reading the whole
//! outline for every point.
//!
//! A notional result finds 179,000 London postcode points in each ward set, and a London
//! ward's outline has hundreds to thousands of corners. geo's winding-number test
//! (`coord_pos_relative_to_ring`) visits every edge, yet only edges whose height range holds the
//! point's y can count. So each ring's edges are sorted once into horizontal bands, and a point
//! runs the same per-edge rules (the same robust orientation test) over its band alone. The
//! winding number is a sum, and "on the boundary" is a property of one edge, so any order of
//! the same edges gives the same answer: inside, outside and on the boundary come out as geo's,
//! bit for bit (tested against geo on random and real wards).

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Coord, LineString, MultiPolygon};

/// About this many edges to a band on average.
const EDGES_PER_BAND: usize = 8;

/// Where a point lies relative to a ring or polygon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    Inside,
    OnBoundary,
    Outside,
}

/// A ring with its edges sorted into bands by height.
struct BandedRing {
    corners: Vec<Coord<f64>>,
    min_y: f64,
    max_y: f64,
    /// Bands per unit of height.
    scale: f64,
    /// Band `k`'s edges are `edges[starts[k]..starts[k + 1]]` (edge `i` runs from corner `i`
    /// to corner `i + 1`).
    starts: Vec<u32>,
    edges: Vec<u32>,
}

impl BandedRing {
    fn new(ring: &LineString<f64>) -> BandedRing {
        let corners = ring.0.clone();
        let edge_count = corners.len().saturating_sub(1);
        let (min_y, max_y) =
            corners.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), c| (lo.min(c.y), hi.max(c.y)));
        let bands = (edge_count / EDGES_PER_BAND).max(1);
        let height = max_y - min_y;
        #[allow(clippy::cast_precision_loss)] // a band count is far below 2^52
        let scale = if height > 0.0 && height.is_finite() { bands as f64 / height } else { 0.0 };
        let mut ring = BandedRing { corners, min_y, max_y, scale, starts: vec![0; bands + 1], edges: Vec::new() };
        let span = |ring: &BandedRing, i: usize| {
            let (a, b) = (ring.corners[i].y, ring.corners[i + 1].y);
            (ring.band(a.min(b)), ring.band(a.max(b)))
        };
        // Count, then place: every edge goes in each band its height range meets.
        let mut counts = vec![0u32; bands];
        for i in 0..edge_count {
            let (first, last) = span(&ring, i);
            for count in &mut counts[first..=last] {
                *count += 1;
            }
        }
        for (k, count) in counts.iter().enumerate() {
            ring.starts[k + 1] = ring.starts[k] + count;
        }
        let mut next: Vec<u32> = ring.starts[..bands].to_vec();
        ring.edges = vec![0; ring.starts[bands] as usize];
        for i in 0..edge_count {
            let (first, last) = span(&ring, i);
            for slot in &mut next[first..=last] {
                ring.edges[*slot as usize] = u32::try_from(i).unwrap_or(u32::MAX);
                *slot += 1;
            }
        }
        ring
    }

    /// The band of height `y` (clamped to the ring's bands). Monotone in `y`: an edge whose
    /// height range holds `y` is in `y`'s band.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped, non-negative
    fn band(&self, y: f64) -> usize {
        let last = self.starts.len() - 2;
        let k = ((y - self.min_y) * self.scale).floor();
        if k.is_nan() || k <= 0.0 { 0 } else { (k as usize).min(last) }
    }

    /// geo's `coord_pos_relative_to_ring`, over the edges of `c`'s band only.
    fn position(&self, c: Coord<f64>) -> Position {
        match self.corners.len() {
            0 => return Position::Outside,
            1 => return if c == self.corners[0] { Position::OnBoundary } else { Position::Outside },
            _ => {}
        }
        // No edge holds a height outside the ring's (NaN compares false: no edge holds it either).
        if !(c.y >= self.min_y && c.y <= self.max_y) {
            return Position::Outside;
        }
        let k = self.band(c.y);
        let mut winding = 0i32;
        for &i in &self.edges[self.starts[k] as usize..self.starts[k + 1] as usize] {
            let (start, end) = (self.corners[i as usize], self.corners[i as usize + 1]);
            if start.y <= c.y {
                if end.y >= c.y {
                    let o = RobustKernel::orient2d(start, end, c);
                    if o == Orientation::CounterClockwise && end.y != c.y {
                        winding += 1;
                    } else if o == Orientation::Collinear && between(c.x, start.x, end.x) {
                        return Position::OnBoundary;
                    }
                }
            } else if end.y <= c.y {
                let o = RobustKernel::orient2d(start, end, c);
                if o == Orientation::Clockwise {
                    winding -= 1;
                } else if o == Orientation::Collinear && between(c.x, start.x, end.x) {
                    return Position::OnBoundary;
                }
            }
        }
        if winding == 0 { Position::Outside } else { Position::Inside }
    }
}

/// Whether `x` lies between `a` and `b`, ends included (geo's `value_in_between`).
fn between(x: f64, a: f64, b: f64) -> bool {
    if a < b { x >= a && x <= b } else { x >= b && x <= a }
}

/// A ward's polygons, each an outline and its holes, banded for point tests.
pub struct BandedWard {
    polygons: Vec<(BandedRing, Vec<BandedRing>)>,
}

impl BandedWard {
    #[must_use]
    pub fn new(shape: &MultiPolygon<f64>) -> BandedWard {
        let polygons = shape
            .iter()
            .filter(|polygon| !polygon.exterior().0.is_empty())
            .map(|polygon| {
                (BandedRing::new(polygon.exterior()), polygon.interiors().iter().map(BandedRing::new).collect())
            })
            .collect();
        BandedWard { polygons }
    }

    /// What `shape.contains(&c)` says for the shape this was built from: inside some polygon's
    /// outline, and inside none of its holes nor on their edges (nor on the outline).
    #[must_use]
    pub fn contains(&self, c: Coord<f64>) -> bool {
        self.polygons.iter().any(|(outline, holes)| {
            outline.position(c) == Position::Inside && holes.iter().all(|hole| hole.position(c) == Position::Outside)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Contains, Polygon};
    use proptest::prelude::*;

    fn ring(points: &[(f64, f64)]) -> LineString<f64> {
        let mut ring: LineString<f64> = points.iter().map(|&(x, y)| Coord { x, y }).collect();
        ring.close();
        ring
    }

    #[test]
    fn a_square_with_a_hole_holds_its_middle_band_and_not_its_hole_or_edges() {
        let shape = MultiPolygon::new(vec![Polygon::new(
            ring(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]),
            vec![ring(&[(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)])],
        )]);
        let banded = BandedWard::new(&shape);
        for (x, y, inside) in [
            (1.0, 1.0, true),
            (5.0, 5.0, false), // in the hole
            (4.0, 5.0, false), // on the hole's edge
            (0.0, 5.0, false), // on the outline
            (10.0, 10.0, false),
            (11.0, 5.0, false),
            (5.0, -0.5, false),
            (9.99, 9.99, true),
        ] {
            assert_eq!(banded.contains(Coord { x, y }), inside, "({x}, {y})");
            assert_eq!(shape.contains(&Coord { x, y }), inside, "geo agrees at ({x}, {y})");
        }
        assert!(!banded.contains(Coord { x: f64::NAN, y: 5.0 }));
        assert!(!banded.contains(Coord { x: 5.0, y: f64::NAN }));
    }

    /// A star-ish ring of `n` corners round (0, 0) with radii from `radii`, on a coarse grid so
    /// that points land on corners and edges often.
    fn star(radii: &[u8]) -> LineString<f64> {
        let n = radii.len();
        let points: Vec<(f64, f64)> = radii
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                #[allow(clippy::cast_precision_loss)]
                let angle = std::f64::consts::TAU * i as f64 / n as f64;
                let r = 2.0 + f64::from(r % 16);
                ((r * angle.cos()).round(), (r * angle.sin()).round())
            })
            .collect();
        ring(&points)
    }

    proptest! {
        #[test]
        fn banded_contains_agrees_with_geo_everywhere(
            radii in proptest::collection::vec(any::<u8>(), 3..120),
            hole in proptest::collection::vec(any::<u8>(), 3..12),
            points in proptest::collection::vec((-20i32..20, -20i32..20, 0u8..4), 1..80),
        ) {
            let hole: Vec<u8> = hole.iter().map(|r| r % 2).collect();
            let hole_ring: LineString<f64> = star(&hole).0.iter().map(|c| Coord { x: c.x * 0.5, y: c.y * 0.5 }).collect();
            let shape = MultiPolygon::new(vec![
                Polygon::new(star(&radii), vec![hole_ring]),
                Polygon::new(ring(&[(30.0, 30.0), (34.0, 30.0), (34.0, 34.0)]), vec![]),
            ]);
            let banded = BandedWard::new(&shape);
            for (x, y, fraction) in points {
                // Grid points (on corners and edges) and points between them.
                let c = Coord { x: f64::from(x) + f64::from(fraction) * 0.25, y: f64::from(y) + f64::from(fraction % 2) * 0.5 };
                prop_assert_eq!(banded.contains(c), shape.contains(&c), "at {:?}", c);
            }
        }
    }
}
