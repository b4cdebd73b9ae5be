//! Levels of detail: ward shapes simplified once per zoom band, so a zoomed-out view of
//! thousands of wards moves a few vertices per ward rather than every surveyed corner.
//!
//! Level 0 is the full geometry. Level k ≥ 1 serves views of at least
//! `FIRST_BAND * 2^(k-1)` metres per point and is simplified (Visvalingam–Whyatt) with an area
//! tolerance of one square point at that scale (a quarter at the band's zoomed-out end):
//! corners that bend the outline by well under a pixel go.
//!
//! Why it is built the way it is: running VW once per band cost most of the time of preparing
//! a large set (each pass re-ranks every vertex on a heap). Instead each ring is ranked once
//! per level built (`RankedRing`: every vertex's VW "effective area"), and a band's level
//! keeps the vertices whose area reaches its tolerance: the same vertices VW at that tolerance
//! keeps, for a linear filter per band. A ward the band leaves nearly unchanged (a quarter of
//! its vertices or less removed) keeps the finer band's shape. Levels are built one at a time,
//! on first use (`PreparedWardSet::level`): a view draws one, an export one, and building all
//! of them up front was most of the time and memory of preparing a national set.

use geo::{Coord, MultiPolygon, Polygon};

use super::mesh::{WardShape, sanitize_polygon};
use super::parallel::par_map;
use super::simplify::RankedRing;

/// Metres per point at which the first simplified level takes over.
pub const FIRST_BAND: f64 = 2.0;
/// Each band covers this factor of zoom.
pub const BAND_FACTOR: f64 = 2.0;
/// No level is built for views where the whole set is narrower than this many points.
const SMALLEST_VIEW_POINTS: f64 = 64.0;
/// A hard cap, whatever the extent.
const MAX_LEVELS: usize = 16;
/// A ward is triangulated again for a band only when the band keeps at most 3/4 of the
/// vertices of its last triangulated shape. Triangulation is most of the cost of preparing a
/// set, and the first bands of finely surveyed boundaries remove only a few percent.
const REBUILD_NUMERATOR: usize = 3;
const REBUILD_DENOMINATOR: usize = 4;

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

/// The bands of a set `extent` metres across: `0.0` (full detail), then the metres per point
/// each coarser level starts at, until the whole set would be smaller than a thumbnail.
pub fn bands(extent: f64) -> Vec<f64> {
    let mut bands = vec![0.0];
    let mut band = FIRST_BAND;
    while bands.len() < MAX_LEVELS && band * SMALLEST_VIEW_POINTS <= extent.max(0.0) {
        bands.push(band);
        band *= BAND_FACTOR;
    }
    bands
}

/// Level `k` (≥ 1) of `bands` for `wards` (world metres, sanitised, each with the origin its
/// shape is made relative to, and its ranks). Each level is built on its own, when first asked for: a view
/// needs one or two of a dozen, an export one, so building them all up front cost most of the
/// time and memory of preparing a large set.
pub fn build_level(
    wards: &[(&MultiPolygon<f64>, Coord<f64>)],
    ranks: &[WardRanks],
    bands: &[f64],
    k: usize,
) -> DetailLevel {
    let k = k.min(bands.len().saturating_sub(1));
    let jobs: Vec<_> = wards.iter().zip(ranks).collect();
    DetailLevel {
        min_metres_per_point: bands.get(k).copied().unwrap_or(0.0),
        shapes: par_map(&jobs, |((ward, origin), ranks)| ward_level(ward, ranks, *origin, &bands[..=k])),
    }
}

/// Level 0, full detail: each ward as it is (world metres, sanitised), with no ranking.
pub fn full_detail(wards: &[(&MultiPolygon<f64>, Coord<f64>)]) -> DetailLevel {
    DetailLevel {
        min_metres_per_point: 0.0,
        shapes: par_map(wards, |(ward, origin)| WardShape::from_sanitized(&ward.0, *origin)),
    }
}

/// A polygon's rings, ranked for simplification.
#[derive(Debug)]
struct RankedPolygon {
    exterior: RankedRing,
    holes: Vec<RankedRing>,
}

impl RankedPolygon {
    /// `polygon` (the one this was ranked from) simplified at `tolerance`: holes that collapse
    /// go; `None` when the exterior collapses (the caller then keeps the previous level's
    /// polygon: it is tiny at this scale, so keeping it costs nothing and avoids holes in the map).
    fn simplified(&self, polygon: &Polygon<f64>, tolerance: f64) -> Option<Polygon<f64>> {
        sanitize_polygon(&Polygon::new(
            self.exterior.simplified(polygon.exterior(), tolerance),
            self.holes.iter().zip(polygon.interiors()).map(|(hole, ring)| hole.simplified(ring, tolerance)).collect(),
        ))
    }

    fn kept(&self, tolerance: f64) -> usize {
        self.exterior.kept(tolerance) + self.holes.iter().map(|hole| hole.kept(tolerance)).sum::<usize>()
    }
}

/// A ward's rings ranked for simplification. Ranking (a heap pass over every vertex) is the
/// costly part of simplifying, so a set ranks each ward once, when its first simplified level
/// is built, and every later level only filters. The vertices are not copied: the ranks go with
/// the prepared ward's own world geometry (already sanitised, so every level starts from it).
#[derive(Debug)]
pub struct WardRanks(Vec<RankedPolygon>);

impl WardRanks {
    /// Rank `ward` (world metres, sanitised).
    pub fn new(ward: &MultiPolygon<f64>) -> Self {
        WardRanks(
            ward.iter()
                .map(|polygon| RankedPolygon {
                    exterior: RankedRing::new(polygon.exterior()),
                    holes: polygon.interiors().iter().map(RankedRing::new).collect(),
                })
                .collect(),
        )
    }
}

/// One ward's shape at the last of `bands` (`bands[0]` is full detail). A band that would
/// remove too little keeps the shape of the band before (see `REBUILD_NUMERATOR`), and a polygon
/// whose outline collapses at a band keeps its shape from the band before, so the last band's
/// shape depends on the bands before it; it must be the same whichever levels were built first.
/// The bands where the ward is simplified again follow from vertex counts alone; each polygon
/// is then the one simplified at the last of those bands where it survives.
fn ward_level(ward: &MultiPolygon<f64>, ranks: &WardRanks, origin: Coord<f64>, bands: &[f64]) -> WardShape {
    let mut rebuilt_at: Vec<f64> = Vec::new();
    let mut built = ranks.0.iter().map(|polygon| polygon.kept(0.0)).sum::<usize>();
    for &band in bands.iter().skip(1) {
        let tolerance = band * band;
        let kept = ranks.0.iter().map(|polygon| polygon.kept(tolerance)).sum::<usize>();
        // Too little goes at this band to pay for triangulating again: the finer shape serves
        // (at most a third more vertices to move, and only at this zoom).
        if kept * REBUILD_DENOMINATOR <= built * REBUILD_NUMERATOR {
            rebuilt_at.push(tolerance);
            built = kept;
        }
    }
    let polygons: Vec<Polygon<f64>> = ranks
        .0
        .iter()
        .zip(&ward.0)
        .map(|(ranked, original)| {
            rebuilt_at
                .iter()
                .rev()
                .find_map(|&tolerance| ranked.simplified(original, tolerance))
                .unwrap_or_else(|| original.clone())
        })
        .collect();
    WardShape::from_sanitized(&polygons, origin)
}
