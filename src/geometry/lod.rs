//! Levels of detail: ward shapes simplified once per zoom band, so a zoomed-out view of
//! thousands of wards moves a few vertices per ward rather than every surveyed corner.
//!
//! Level 0 is the full geometry. Level k ≥ 1 serves views of at least
//! `FIRST_BAND * 2^(k-1)` metres per point and is simplified (Visvalingam–Whyatt) with an area
//! tolerance of one square point at that scale (a quarter at the band's zoomed-out end):
//! corners that bend the outline by well under a pixel go. Each level is simplified from the
//! previous one, so building them all costs little more than level 0.

use geo::{Coord, MultiPolygon, Polygon, SimplifyVw};

use super::mesh::{WardShape, sanitize_polygon};
use super::parallel::par_map;

/// Metres per point at which the first simplified level takes over.
pub const FIRST_BAND: f64 = 2.0;
/// Each band covers this factor of zoom.
pub const BAND_FACTOR: f64 = 2.0;
/// No level is built for views where the whole set is narrower than this many points.
const SMALLEST_VIEW_POINTS: f64 = 64.0;
/// A hard cap, whatever the extent.
const MAX_LEVELS: usize = 16;

/// Every ward's shape at one level of detail.
#[derive(Clone, Debug, Default)]
pub struct DetailLevel {
    /// The smallest metres-per-point this level is meant for (0 for full detail).
    pub min_metres_per_point: f64,
    /// One shape per ward, in ward order.
    pub shapes: Vec<WardShape>,
}

impl DetailLevel {
    /// Total vertex count of the fill meshes (a measure of drawing cost).
    pub fn vertex_count(&self) -> usize {
        self.shapes.iter().map(|s| s.mesh.vertices.len()).sum()
    }
}

/// Build level 0 from `wards` (world metres, already sanitised, each with the origin its
/// shape is made relative to) and coarser levels until the whole set, `extent` metres across,
/// would be smaller than a thumbnail.
pub fn build_levels(wards: &[(&MultiPolygon<f64>, Coord<f64>)], extent: f64) -> Vec<DetailLevel> {
    let mut levels = vec![DetailLevel {
        min_metres_per_point: 0.0,
        shapes: par_map(wards, |(ward, origin)| WardShape::build(ward, *origin)),
    }];
    let indices: Vec<usize> = (0..wards.len()).collect();
    let mut current: Vec<MultiPolygon<f64>> = Vec::new();
    let mut band = FIRST_BAND;
    while levels.len() < MAX_LEVELS && band * SMALLEST_VIEW_POINTS <= extent.max(0.0) {
        let tolerance = band * band;
        let source = |i: usize| current.get(i).unwrap_or(wards[i].0);
        let (simplified, shapes): (Vec<_>, Vec<_>) = par_map(&indices, |&i| {
            let simpler = simplify(source(i), tolerance);
            let shape = WardShape::build(&simpler, wards[i].1);
            (simpler, shape)
        })
        .into_iter()
        .unzip();
        current = simplified;
        levels.push(DetailLevel { min_metres_per_point: band, shapes });
        band *= BAND_FACTOR;
    }
    levels
}

/// The level to draw at `metres_per_point`: the coarsest whose band has started.
pub fn level_index(levels: &[DetailLevel], metres_per_point: f64) -> usize {
    levels.iter().rposition(|level| level.min_metres_per_point <= metres_per_point).unwrap_or(0)
}

/// Simplify each polygon; one whose exterior collapses keeps its previous shape (it is tiny
/// at this scale, so keeping it costs nothing and avoids holes in the map).
fn simplify(ward: &MultiPolygon<f64>, tolerance: f64) -> MultiPolygon<f64> {
    MultiPolygon::new(
        ward.iter()
            .map(|polygon| sanitize_polygon(&polygon.simplify_vw(tolerance)).unwrap_or_else(|| polygon.clone()))
            .collect::<Vec<Polygon<f64>>>(),
    )
}
