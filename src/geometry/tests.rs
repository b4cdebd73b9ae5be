//! Behaviour of the prepared ward set on small hand-made shapes.

use geo::{Area, Centroid, Contains, Coord, LineString, MultiPolygon, Polygon, Rect, polygon};

use super::*;

/// An L-shaped (concave) 10 x 10 polygon with a 2 x 2 square hole at (1..3, 1..3).
fn concave_with_hole() -> Polygon<f64> {
    Polygon::new(
        LineString::from(vec![(0.0, 0.0), (10.0, 0.0), (10.0, 4.0), (4.0, 4.0), (4.0, 10.0), (0.0, 10.0)]),
        vec![LineString::from(vec![(1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0)])],
    )
}

/// A "C" open to the east, whose centroid lies in the opening, outside the polygon.
fn c_shape() -> Polygon<f64> {
    polygon![
        (x: 0.0, y: 0.0), (x: 10.0, y: 0.0), (x: 10.0, y: 2.0), (x: 2.0, y: 2.0),
        (x: 2.0, y: 8.0), (x: 10.0, y: 8.0), (x: 10.0, y: 10.0), (x: 0.0, y: 10.0),
    ]
}

fn square(x: f64, y: f64, side: f64) -> Polygon<f64> {
    Rect::new(Coord { x, y }, Coord { x: x + side, y: y + side }).to_polygon()
}

fn world_set(polygons: Vec<Polygon<f64>>) -> PreparedWardSet {
    PreparedWardSet::from_world(polygons.into_iter().map(|p| MultiPolygon::new(vec![p])).collect())
}

fn triangles(set: &PreparedWardSet, ward: usize) -> Vec<Polygon<f64>> {
    let origin = set.wards()[ward].origin;
    let mesh = &set.shape(ward).expect("ward exists").mesh;
    let corner = |i: u32| {
        let [x, y] = mesh.vertices[i as usize];
        (f64::from(x) + origin.x, f64::from(y) + origin.y)
    };
    mesh.indices
        .chunks_exact(3)
        .map(|t| Polygon::new(LineString::from(vec![corner(t[0]), corner(t[1]), corner(t[2])]), vec![]))
        .collect()
}

#[test]
fn a_concave_polygon_with_a_hole_triangulates_to_its_own_area() {
    let set = world_set(vec![concave_with_hole()]);
    let total: f64 = triangles(&set, 0).iter().map(Area::unsigned_area).sum();
    let expected = concave_with_hole().unsigned_area();
    assert!((expected - 60.0).abs() < 1e-9, "fixture area is 64 - 4 = 60, got {expected}");
    assert!((total - expected).abs() <= 1e-6 * expected, "{total} vs {expected}");
}

#[test]
fn no_triangle_of_a_holed_polygon_lies_in_the_hole() {
    let set = world_set(vec![concave_with_hole()]);
    let hole = square(1.0, 1.0, 2.0);
    for triangle in triangles(&set, 0) {
        let centre = triangle.centroid().expect("non-degenerate triangle");
        assert!(!hole.contains(&centre), "triangle centroid {centre:?} is in the hole");
    }
}

#[test]
fn ward_at_finds_the_ward_under_a_point_and_misses_holes_and_outside() {
    let set = world_set(vec![concave_with_hole(), square(20.0, 0.0, 5.0)]);
    assert_eq!(set.ward_at(Coord { x: 0.5, y: 5.0 }), Some(0));
    assert_eq!(set.ward_at(Coord { x: 22.0, y: 2.0 }), Some(1));
    assert_eq!(set.ward_at(Coord { x: 2.0, y: 2.0 }), None, "in the hole");
    assert_eq!(set.ward_at(Coord { x: 7.0, y: 7.0 }), None, "in the L's notch, inside its bbox");
    assert_eq!(set.ward_at(Coord { x: -1.0, y: 5.0 }), None, "outside everything");
    assert_eq!(set.ward_at(Coord { x: f64::NAN, y: 5.0 }), None);
}

#[test]
fn wards_in_a_view_are_those_whose_boxes_meet_it() {
    let set = world_set(vec![square(0.0, 0.0, 1.0), square(10.0, 0.0, 1.0), square(20.0, 0.0, 1.0)]);
    let view = Rect::new(Coord { x: 9.0, y: -1.0 }, Coord { x: 21.0, y: 0.5 });
    let mut seen: Vec<usize> = set.wards_in(view).collect();
    seen.sort_unstable();
    assert_eq!(seen, vec![1, 2]);
}

#[test]
fn the_label_anchor_of_a_c_shape_lies_inside_although_its_centroid_does_not() {
    let c = c_shape();
    let centroid = c.centroid().expect("has a centroid");
    assert!(!c.contains(&centroid), "fixture: the centroid must be outside");
    let spot = label_spot(&MultiPolygon::new(vec![c.clone()])).expect("has a spot");
    assert!(c.contains(&spot.anchor), "anchor {:?} is outside", spot.anchor);
    assert!(spot.width > 0.0 && spot.height > 0.0);
}

#[test]
fn the_label_room_of_a_rectangle_is_its_width_and_height() {
    let rect = Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 10.0, y: 4.0 }).to_polygon();
    let spot = label_spot(&MultiPolygon::new(vec![rect])).expect("has a spot");
    assert!((spot.anchor.x - 5.0).abs() < 1e-9 && (spot.anchor.y - 2.0).abs() < 1e-9, "{spot:?}");
    assert!((spot.width - 10.0).abs() < 1e-9 && (spot.height - 4.0).abs() < 1e-9, "{spot:?}");
}

#[test]
fn the_label_goes_in_the_largest_polygon_of_a_ward() {
    let ward = MultiPolygon::new(vec![square(0.0, 0.0, 1.0), square(10.0, 0.0, 5.0)]);
    let spot = label_spot(&ward).expect("has a spot");
    assert!(square(10.0, 0.0, 5.0).contains(&spot.anchor), "{spot:?}");
}

#[test]
fn degenerate_wards_get_empty_shapes_without_panicking() {
    let empty = MultiPolygon::<f64>::new(vec![]);
    let no_rings = MultiPolygon::new(vec![Polygon::new(LineString::new(vec![]), vec![])]);
    let a_line = MultiPolygon::new(vec![polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 1.0)]]);
    let collinear = MultiPolygon::new(vec![polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 2.0, y: 0.0)]]);
    let not_finite =
        MultiPolygon::new(vec![polygon![(x: f64::NAN, y: 0.0), (x: 1.0, y: f64::INFINITY), (x: 2.0, y: 0.0)]]);
    let lon_lat = [empty, no_rings, a_line, collinear, not_finite, MultiPolygon::new(vec![square(0.0, 51.0, 0.01)])];
    let set = PreparedWardSet::new(&lon_lat);
    assert_eq!(set.len(), 6);
    for i in 0..4 {
        assert!(set.shape(i).expect("ward exists").mesh.is_empty(), "ward {i}");
    }
    assert!(set.shape(5).expect("ward exists").mesh.triangle_count() >= 2);
    assert!(set.ward(0).expect("ward exists").label.is_none());
    assert_eq!(set.ward_at(project(Coord { x: 0.005, y: 51.005 })), Some(5));
    assert!(set.bounds().is_some());
}

#[test]
fn an_empty_set_has_no_bounds_and_hits_nothing() {
    let set = PreparedWardSet::new(&[]);
    assert!(set.is_empty() && set.bounds().is_none());
    assert_eq!(set.ward_at(Coord { x: 0.0, y: 0.0 }), None);
    assert_eq!(set.level_count(), 1);
}

#[test]
fn zoomed_out_levels_have_fewer_vertices_but_keep_every_ward() {
    // A wiggly 10 km ring (one vertex every ~30 m) next to a tiny ward.
    let wiggly: Vec<(f64, f64)> = (0..2000)
        .map(|k| {
            let t = f64::from(k) / 2000.0 * std::f64::consts::TAU;
            let r = 5_000.0 + 3.0 * (t * 400.0).sin();
            (r * t.cos(), r * t.sin())
        })
        .collect();
    let set = world_set(vec![Polygon::new(LineString::from(wiggly), vec![]), square(6_000.0, 0.0, 1.0)]);
    assert!(!set.level_is_built(0) && !set.level_is_built(1), "levels wait until they are asked for");
    let coarsest = set.level(set.level_count() - 1);
    assert!(!set.level_is_built(0), "the coarsest level was built alone");
    let levels: Vec<&DetailLevel> = (0..set.level_count()).map(|k| set.level(k)).collect();
    assert!(std::ptr::eq(coarsest, levels[levels.len() - 1]), "a level is built once");
    assert!(levels.len() >= 3, "{} levels", levels.len());
    assert!(levels.last().expect("levels").vertex_count() < levels[0].vertex_count() / 4);
    for level in &levels {
        assert!(level.shapes.iter().all(|s| !s.mesh.is_empty()), "a ward vanished");
    }
    assert_eq!(set.level_for(0.5).min_metres_per_point, 0.0);
    assert_eq!(set.level_for(3.0).min_metres_per_point, 2.0);
    assert_eq!(set.level_for(1e9).min_metres_per_point, levels.last().expect("levels").min_metres_per_point);
}

#[test]
fn wards_by_area_put_the_largest_first() {
    let set = world_set(vec![square(0.0, 0.0, 1.0), square(5.0, 0.0, 3.0), square(10.0, 0.0, 2.0)]);
    assert_eq!(set.by_area_desc(), &[1, 2, 0]);
}

#[test]
fn a_label_fits_a_rectangle_only_when_smaller_than_it() {
    let rect = Rect::new(Coord { x: 0.0, y: 0.0 }, Coord { x: 10.0, y: 4.0 }).to_polygon();
    let spot = label_spot(&MultiPolygon::new(vec![rect])).expect("has a spot");
    assert!(spot.fits(9.0, 3.0));
    assert!(!spot.fits(11.0, 1.0), "too wide");
    assert!(!spot.fits(2.0, 5.0), "too tall");
}

#[test]
fn a_label_does_not_fit_where_the_ward_narrows_above_or_below_the_anchor() {
    // A diamond: wide at the middle line, narrow near its top and bottom corners.
    let diamond = polygon![(x: 0.0, y: 5.0), (x: 10.0, y: 0.0), (x: 20.0, y: 5.0), (x: 10.0, y: 10.0)];
    let spot = label_spot(&MultiPolygon::new(vec![diamond])).expect("has a spot");
    assert!((spot.width - 20.0).abs() < 1e-9, "{spot:?}");
    assert!(spot.fits(15.0, 1.0), "a thin label fits the wide middle");
    assert!(!spot.fits(15.0, 6.0), "a tall one would cross the slanted edges");
}
