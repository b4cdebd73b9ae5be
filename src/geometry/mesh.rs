//! Triangulated fills and outline rings of one ward, in f32 relative to a local origin.
//!
//! egui only fills convex paths, so each ward is triangulated once (earcut, holes handled)
//! and the UI merely moves the cached vertices each frame. Coordinates are stored relative to
//! the ward's own origin (its bounding-box centre, in world metres) so they keep sub-millimetre
//! precision as f32 however far the ward lies from the projection origin.
//!
//! Earcut is fast on simple polygons but not on rings that cross themselves: when it runs out
//! of ears it splits the polygon by trying diagonal after diagonal, each checked against every
//! edge, and a ring winding round itself a few times took minutes at 50,000 vertices. So a
//! polygon whose rings cross or touch (themselves or each other; a sweep line, O(n log n),
//! shared with the reader's warning) is first cut into the simple pieces of its even-odd
//! interior (geo's boolean operations, i_overlay's sweep, with the even-odd rule), and earcut
//! fills those. The fill is then the one the exports draw (tiny-skia and SVG `evenodd`), as
//! `io::rings` promises: "drawn as given". Simple polygons, every ordinary ward, are earcut as
//! before. (geo's `MakeValid` gives the same pieces, but took 20 times as long at 50,000
//! vertices.)

use geo::algorithm::bool_ops::{BooleanOps, FillRule, OpType};
use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Coord, LineString, MultiPolygon, Polygon, Translate, TriangulateEarcut};

// The sweep that the reader uses to warn about rings that cross themselves (`io::rings`). It
// needs nothing but geo, so the same file is compiled here too, rather than `geometry` naming
// `io` (which the layers forbid); its tests run in both places.
#[path = "../io/self_crossing.rs"]
#[allow(dead_code, reason = "the reader's entry point, `self_crossing`, is not needed here")]
#[allow(clippy::duplicate_mod, reason = "geometry may not use io: one source, compiled in both layers")]
mod crossing;

/// Triangles of a ward's fill: vertices relative to the ward origin, three indices per triangle.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WardMesh {
    /// Vertex positions in world metres relative to the ward origin (x east, y north).
    pub vertices: Vec<[f32; 2]>,
    /// Triangle corner indices into `vertices`, three per triangle.
    pub indices: Vec<u32>,
}

impl WardMesh {
    /// True when there is nothing to fill (degenerate or empty input).
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// Number of triangles.
    pub fn triangle_count(&self) -> usize {
        self.indices.len() / 3
    }
}

/// What is drawn for a ward at one level of detail: its fill mesh and its outline rings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WardShape {
    /// The fill.
    pub mesh: WardMesh,
    /// Every ring (exteriors and holes), relative to the ward origin, without the closing
    /// repeat of the first point (draw them as closed lines).
    pub rings: Vec<Vec<[f32; 2]>>,
}

impl WardShape {
    /// Triangulate and collect the rings of `ward` (world metres) relative to `origin`.
    /// Degenerate rings are dropped; a ward with nothing valid gets an empty shape.
    pub fn build(ward: &MultiPolygon<f64>, origin: Coord<f64>) -> Self {
        let polygons: Vec<Polygon<f64>> = ward.iter().filter_map(sanitize_polygon).collect();
        Self::from_sanitized(&polygons, origin)
    }

    /// [`Self::build`] from polygons already through [`sanitize_polygon`] (saves a copy).
    pub(super) fn from_sanitized(polygons: &[Polygon<f64>], origin: Coord<f64>) -> Self {
        let mut shape = WardShape::default();
        for polygon in polygons {
            append_triangles(&mut shape.mesh, polygon, origin);
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                shape.rings.push(relative_ring(ring, origin));
            }
        }
        shape
    }
}

/// A ring fit for earcut and point-in-polygon tests: finite coordinates, no repeated
/// consecutive points, at least three distinct corners, some area. `None` when nothing usable remains.
pub fn sanitize_ring(ring: &LineString<f64>) -> Option<LineString<f64>> {
    let mut coords: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len());
    for &c in &ring.0 {
        if c.x.is_finite() && c.y.is_finite() && coords.last() != Some(&c) {
            coords.push(c);
        }
    }
    while coords.len() > 1 && coords.first() == coords.last() {
        coords.pop();
    }
    if coords.len() < 3 || twice_area(&coords) == 0.0 {
        return None;
    }
    // Polygon::new closes the ring again.
    Some(LineString::new(coords))
}

/// Twice the signed area of an open ring (shoelace); zero for collinear points.
fn twice_area(coords: &[Coord<f64>]) -> f64 {
    let n = coords.len();
    (0..n)
        .map(|i| {
            let (a, b) = (coords[i], coords[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum()
}

/// The polygon with degenerate rings removed, or `None` when its exterior is degenerate.
pub fn sanitize_polygon(polygon: &Polygon<f64>) -> Option<Polygon<f64>> {
    let exterior = sanitize_ring(polygon.exterior())?;
    let holes = polygon.interiors().iter().filter_map(sanitize_ring).collect();
    Some(Polygon::new(exterior, holes))
}

/// The ring relative to `origin`, as f32, without its closing point.
fn relative_ring(ring: &LineString<f64>, origin: Coord<f64>) -> Vec<[f32; 2]> {
    let open = ring.0.len().saturating_sub(usize::from(ring.is_closed()));
    ring.0[..open].iter().map(|c| relative(*c, origin)).collect()
}

fn relative(c: Coord<f64>, origin: Coord<f64>) -> [f32; 2] {
    [(c.x - origin.x) as f32, (c.y - origin.y) as f32]
}

/// Polygons with fewer corners than this are checked only by their turning numbers (below).
/// Earcut's trouble grows much faster than the ring, so on a small ring it is bounded (a few
/// milliseconds), while the sweep would cost every ordinary ward about as much as earcut.
const SWEPT_FROM: usize = 1_024;

/// Triangulate one (sanitised) polygon and append its triangles to `mesh`: earcut when its
/// rings neither cross nor touch, else earcut over the simple pieces of its even-odd interior.
fn append_triangles(mesh: &mut WardMesh, polygon: &Polygon<f64>, origin: Coord<f64>) {
    // Triangulate in local coordinates: smaller numbers, better conditioned.
    let local = polygon.translate(-origin.x, -origin.y);
    if !needs_even_odd(&local) {
        append_earcut(mesh, &local);
        return;
    }
    let pieces = local.boolean_op_with_fill_rule(&MultiPolygon::new(Vec::new()), OpType::Union, FillRule::EvenOdd);
    for piece in &pieces {
        append_earcut(mesh, piece);
    }
}

/// True when the polygon's rings are known to cross or touch (themselves or each other): a
/// ring that turns round more or less than once (a simple ring turns exactly once, so this
/// costs one pass and catches every ring winding round itself), or, for a large polygon, the
/// sweep. A small polygon whose rings turn once is earcut as it always was, crossing or not.
fn needs_even_odd(polygon: &Polygon<f64>) -> bool {
    let rings: Vec<&[Coord<f64>]> =
        std::iter::once(polygon.exterior()).chain(polygon.interiors()).map(|ring| ring.0.as_slice()).collect();
    if rings.iter().any(|ring| turning_number(ring).is_some_and(|turns| turns.abs() != 1)) {
        return true;
    }
    rings.iter().map(|ring| ring.len()).sum::<usize>() >= SWEPT_FROM && crossing::rings_meet(&rings).is_some()
}

/// How many times the ring's direction turns round (positive anticlockwise), exactly: the
/// times it passes east, anticlockwise less clockwise, each turn decided by an exact
/// orientation test. `None` when the ring doubles back on itself (a turn of half a circle has
/// no side) or has fewer than three corners.
fn turning_number(ring: &[Coord<f64>]) -> Option<i64> {
    let mut corners: Vec<Coord<f64>> = ring.to_vec();
    corners.dedup();
    while corners.len() > 1 && corners.first() == corners.last() {
        corners.pop();
    }
    let n = corners.len();
    if n < 3 {
        return None;
    }
    // Whether the direction from `a` to `b` lies in the upper half of the circle of directions,
    // counting east in and west out (exact: it compares coordinates only).
    let upper = |a: Coord<f64>, b: Coord<f64>| b.y > a.y || (b.y == a.y && b.x > a.x);
    let mut turns = 0_i64;
    for i in 0..n {
        let (a, b, c) = (corners[i], corners[(i + 1) % n], corners[(i + 2) % n]);
        match RobustKernel::orient2d(a, b, c) {
            Orientation::CounterClockwise => turns += i64::from(!upper(a, b) && upper(b, c)),
            Orientation::Clockwise => turns -= i64::from(upper(a, b) && !upper(b, c)),
            // Straight on, or back the way it came.
            Orientation::Collinear => {
                if upper(a, b) != upper(b, c) {
                    return None;
                }
            }
        }
    }
    Some(turns)
}

/// Earcut a polygon and append its triangles.
fn append_earcut(mesh: &mut WardMesh, polygon: &Polygon<f64>) {
    let raw = polygon.earcut_triangles_raw();
    let count = raw.vertices.len();
    let Ok(base) = u32::try_from(mesh.vertices.len()) else {
        return;
    };
    if raw.triangle_indices.len() % 3 != 0
        || raw.triangle_indices.iter().any(|&i| i >= count)
        || u32::try_from(mesh.vertices.len() + count).is_err()
    {
        return; // earcut gave something unusable: leave this polygon unfilled
    }
    mesh.vertices.extend(raw.vertices.iter().map(|&[x, y]| [x as f32, y as f32]));
    // Indices are < count, which fits u32 (checked above).
    mesh.indices.extend(raw.triangle_indices.iter().map(|&i| base + u32::try_from(i).unwrap_or(0)));
}

#[cfg(test)]
mod tests {
    use geo::algorithm::bool_ops::BooleanOps;
    use geo::{Area, Contains, Coord, LineString, MultiPolygon, Polygon, TriangulateEarcut};

    use super::{WardMesh, WardShape, turning_number};

    const ORIGIN: Coord<f64> = Coord { x: 0.0, y: 0.0 };

    fn polygon(points: &[(f64, f64)]) -> Polygon<f64> {
        Polygon::new(LineString::from(points.to_vec()), vec![])
    }

    fn mesh_of(polygon: &Polygon<f64>) -> WardMesh {
        WardShape::build(&MultiPolygon::new(vec![polygon.clone()]), ORIGIN).mesh
    }

    fn triangles(mesh: &WardMesh) -> Vec<Polygon<f64>> {
        let corner = |i: u32| {
            let [x, y] = mesh.vertices[i as usize];
            (f64::from(x), f64::from(y))
        };
        mesh.indices.chunks_exact(3).map(|t| polygon(&[corner(t[0]), corner(t[1]), corner(t[2])])).collect()
    }

    fn area(mesh: &WardMesh) -> f64 {
        triangles(mesh).iter().map(Area::unsigned_area).sum()
    }

    fn covered(mesh: &WardMesh, x: f64, y: f64) -> bool {
        triangles(mesh).iter().any(|t| t.contains(&Coord { x, y }))
    }

    /// A five-pointed star drawn in one stroke ({5/2}): the pentagon in the middle is wound twice.
    fn pentagram() -> Polygon<f64> {
        let corners: Vec<(f64, f64)> = (0..5)
            .map(|k| {
                let t = std::f64::consts::FRAC_PI_2 + f64::from(k * 2) * std::f64::consts::TAU / 5.0;
                (100.0 * t.cos(), 100.0 * t.sin())
            })
            .collect();
        polygon(&corners)
    }

    #[test]
    fn a_simple_polygon_is_earcut_as_before() {
        let holed = Polygon::new(
            LineString::from(vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (5.0, 6.0), (0.0, 10.0)]),
            vec![LineString::from(vec![(2.0, 2.0), (4.0, 2.0), (4.0, 4.0), (2.0, 4.0)])],
        );
        let mesh = mesh_of(&holed);
        let raw = holed.earcut_triangles_raw();
        let expected: Vec<u32> = raw.triangle_indices.iter().map(|&i| i as u32).collect();
        assert_eq!(mesh.indices, expected);
        assert_eq!(mesh.vertices, raw.vertices.iter().map(|&[x, y]| [x as f32, y as f32]).collect::<Vec<_>>());
    }

    #[test]
    fn a_ring_that_crosses_itself_is_filled_by_the_even_odd_rule() {
        // A lopsided bow tie (a symmetric one has no area and is dropped): both lobes, 1/3
        // and 4/3.
        let bow_tie = mesh_of(&polygon(&[(0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 1.0)]));
        assert!((area(&bow_tie) - 5.0 / 3.0).abs() < 1e-5, "{}", area(&bow_tie));
        assert!(covered(&bow_tie, 0.2, 0.5) && covered(&bow_tie, 1.8, 1.0));
        // A pentagram: the five points, not the pentagon they wind round twice.
        let star = mesh_of(&pentagram());
        assert!(covered(&star, 0.0, 90.0), "a point is filled");
        assert!(!covered(&star, 0.0, 0.0), "the middle is wound twice: even, so empty");
        let pieces: f64 = pentagram()
            .boolean_op(&MultiPolygon::new(Vec::new()), geo::algorithm::bool_ops::OpType::Union)
            .unsigned_area();
        assert!((area(&star) - pieces).abs() < 1e-3 * pieces, "{} vs {pieces}", area(&star));
    }

    /// The square from `(x, y)` with sides `side`, anticlockwise, with `per_side` corners a side.
    fn fine_square(x: f64, y: f64, side: f64, per_side: u32) -> LineString<f64> {
        let step = side / f64::from(per_side);
        let along = |k: u32| f64::from(k) * step;
        let mut ring: Vec<(f64, f64)> = (0..per_side).map(|k| (x + along(k), y)).collect();
        ring.extend((0..per_side).map(|k| (x + side, y + along(k))));
        ring.extend((0..per_side).map(|k| (x + side - along(k), y + side)));
        ring.extend((0..per_side).map(|k| (x, y + side - along(k))));
        LineString::from(ring)
    }

    #[test]
    fn turning_numbers_count_the_turns_exactly() {
        let ring = |points: &[(f64, f64)]| points.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>();
        assert_eq!(turning_number(&ring(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)])), Some(1));
        assert_eq!(turning_number(&ring(&[(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0)])), Some(-1));
        // Straight on through a corner changes nothing; a concave corner turns back.
        assert_eq!(
            turning_number(&ring(&[(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (2.0, 2.0), (1.0, 1.0), (0.0, 2.0)])),
            Some(1)
        );
        assert_eq!(turning_number(&fine_square(0.0, 0.0, 1.0, 300).0), Some(1));
        // A bow tie turns one way and back: 0. A pentagram turns twice.
        assert_eq!(turning_number(&ring(&[(0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 1.0)])), Some(0));
        assert_eq!(turning_number(&pentagram().exterior().0), Some(2));
        // A spike doubles back: no answer. Nor has a ring of two corners.
        assert_eq!(turning_number(&ring(&[(0.0, 0.0), (2.0, 0.0), (3.0, 0.0), (2.5, 0.0), (2.0, 1.0)])), None);
        assert_eq!(turning_number(&ring(&[(0.0, 0.0), (1.0, 0.0), (0.0, 0.0)])), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3_000, ..Default::default() })]

        /// A ring that turns round other than once always crosses or touches itself, so the
        /// quick test never sends a simple ring away from earcut.
        #[test]
        fn a_ring_turning_other_than_once_meets_itself(points in proptest::collection::vec((0i8..6, 0i8..6), 3..14)) {
            let ring: Vec<Coord<f64>> = points.iter().map(|&(x, y)| Coord { x: f64::from(x), y: f64::from(y) }).collect();
            if let Some(turns) = turning_number(&ring).filter(|turns| turns.abs() != 1) {
                proptest::prop_assert!(super::crossing::rings_meet(&[&ring]).is_some(), "{:?} turns {}", ring, turns);
            }
        }
    }

    #[test]
    fn a_hole_crossing_the_outline_of_a_large_polygon_leaves_only_the_even_odd_interior() {
        // Large enough for the sweep (small ones are only checked by their turns).
        let square = Polygon::new(fine_square(0.0, 0.0, 4.0, 200), vec![fine_square(3.0, 1.0, 2.0, 100)]);
        assert!(square.exterior().0.len() + square.interiors()[0].0.len() >= super::SWEPT_FROM);
        let mesh = mesh_of(&square);
        // The square less the hole's part inside it (2), plus the hole's part outside it (2).
        assert!((area(&mesh) - 16.0).abs() < 1e-4, "{}", area(&mesh));
        assert!(!covered(&mesh, 3.4, 2.1), "inside both: even");
        assert!(covered(&mesh, 4.6, 2.1), "inside the hole only: odd");
    }

    #[test]
    fn a_spiral_of_loops_is_filled_quickly_and_like_the_export() {
        // Seven windings of 20,000 corners, wobbling so that they all cross: earcut alone
        // took seconds on it. (No time is asserted: the check is that it finishes, and fills
        // the even-odd interior.)
        let spiral: Vec<(f64, f64)> = (0..20_000)
            .map(|k| {
                let f = f64::from(k) / 20_000.0;
                let r = 1_000.0 * (1.0 + 0.25 * (std::f64::consts::TAU * 1_001.0 * f).sin());
                let t = std::f64::consts::TAU * 7.0 * f;
                (r * t.cos(), r * t.sin())
            })
            .collect();
        let spiral = polygon(&spiral);
        let mesh = mesh_of(&spiral);
        assert!(covered(&mesh, 0.0, 0.0), "the middle is wound seven times: odd, so filled");
        let pieces = spiral.boolean_op(&MultiPolygon::new(Vec::new()), geo::algorithm::bool_ops::OpType::Union);
        let expected = pieces.unsigned_area();
        assert!((area(&mesh) - expected).abs() < 1e-3 * expected, "{} vs {expected}", area(&mesh));
    }
}
