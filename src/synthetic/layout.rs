//! Where the synthetic wards are: a jittered grid of cells over an ellipse the size of Greater
//! London, each cell a ward, with wiggly edges shared exactly between neighbours.
//!
//! Why a jittered grid rather than true Voronoi cells: it is O(N) (a Voronoi diagram through
//! geo's boolean ops would be far slower at 10,000 wards), neighbours share edges by
//! construction (each edge is a function of its two end nodes only), and with bounded jitter
//! and wiggle no ring can cross itself or a neighbour, so the readers see clean data, as they
//! would from ONS files.

use super::rng::{hash, unit, unit_of};

/// Centre of the region (lon, lat): near Westminster.
const CENTRE: (f64, f64) = (-0.118, 51.49);
/// Semi-axes of the elliptical region in km (east-west, north-south): Greater London's extent.
const SEMI_AXES_KM: (f64, f64) = (29.0, 21.0);
/// Kilometres per degree of latitude (WGS84, mid-latitudes).
const KM_PER_DEG_LAT: f64 = 110.574;
/// Kilometres per degree of longitude at the equator (scaled by cos(lat)).
const KM_PER_DEG_LON_EQUATOR: f64 = 111.320;
/// Segments per cell edge: four edges of 50 make the ~200 vertices per ward of real boundaries.
pub const SEGMENTS_PER_EDGE: usize = 50;
/// Node jitter as a share of the cell size. With the wiggle bound below, edges meeting at a
/// node stay at least ~44° apart while each stays within ~14° of its chord: no crossings.
const JITTER: f64 = 0.15;
/// Wiggle harmonics of an edge: (amplitude as a share of the edge length, base frequency).
/// The amplitudes sum to 0.077, so with the sin(πt) envelope an edge stays in a 14° cone at
/// both ends and within 8% of its length of its chord.
const HARMONICS: [(f64, f64); 3] = [(0.045, 1.0), (0.022, 2.7), (0.010, 6.3)];

/// Tags keeping the hashes of different things apart.
const NODE: u64 = 1;
const EDGE: u64 = 2;

/// A cell of the grid: (column, row), column 0 in the west, row 0 in the south.
pub type Cell = (usize, usize);

/// The grid and the cells chosen as wards.
pub struct Layout {
    seed: u64,
    cell_km: f64,
    origin_km: (f64, f64),
    /// The wards' cells, north to south, then west to east (reading order).
    pub cells: Vec<Cell>,
}

impl Layout {
    /// `wards` cells (at least one) closest to the centre of the ellipse, on a grid whose cell
    /// area makes them fill it.
    pub fn new(wards: usize, seed: u64) -> Layout {
        let wards = wards.max(1);
        let (a, b) = SEMI_AXES_KM;
        let cell_km = (std::f64::consts::PI * a * b / wards as f64).sqrt();
        // The ellipse's bounding box holds 4/π times its cells, so at least `wards`.
        let cols = (2.0 * a / cell_km).ceil() as usize + 2;
        let rows = (2.0 * b / cell_km).ceil() as usize + 2;
        let origin_km = (-(cols as f64) * cell_km / 2.0, -(rows as f64) * cell_km / 2.0);
        let layout = Layout { seed, cell_km, origin_km, cells: Vec::new() };
        let mut all: Vec<(f64, Cell)> = (0..rows)
            .flat_map(|row| (0..cols).map(move |col| (col, row)))
            .map(|cell| {
                let (x, y) = layout.centre_km(cell);
                ((x / a).powi(2) + (y / b).powi(2), cell)
            })
            .collect();
        all.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
        let mut cells: Vec<Cell> = all.into_iter().take(wards).map(|(_, cell)| cell).collect();
        cells.sort_by(|p, q| q.1.cmp(&p.1).then(p.0.cmp(&q.0)));
        Layout { cells, ..layout }
    }

    /// The cell's centre relative to the region's, as a share of the semi-axes (about -1..1).
    pub fn position(&self, cell: Cell) -> (f64, f64) {
        let (x, y) = self.centre_km(cell);
        (x / SEMI_AXES_KM.0, y / SEMI_AXES_KM.1)
    }

    /// The ward's outline as a closed ring of (lon, lat), counter-clockwise as RFC 7946 asks:
    /// south edge west to east, east edge northwards, north edge back west, west edge south.
    pub fn ring(&self, (col, row): Cell) -> Vec<(f64, f64)> {
        let mut ring = Vec::with_capacity(4 * SEGMENTS_PER_EDGE + 1);
        let corners = [(col, row), (col + 1, row), (col + 1, row + 1), (col, row + 1)];
        for k in 0..4 {
            let (from, to) = (corners[k], corners[(k + 1) % 4]);
            let mut edge = self.edge(from.min(to), from.max(to));
            if from > to {
                edge.reverse();
            }
            edge.pop(); // the next edge starts where this one ends
            ring.extend(edge);
        }
        if let Some(&first) = ring.first() {
            ring.push(first);
        }
        ring
    }

    fn centre_km(&self, (col, row): Cell) -> (f64, f64) {
        (self.origin_km.0 + (col as f64 + 0.5) * self.cell_km, self.origin_km.1 + (row as f64 + 0.5) * self.cell_km)
    }

    /// A grid node, jittered, in km from the centre.
    fn node_km(&self, (i, j): Cell) -> (f64, f64) {
        let h = hash(self.seed, &[NODE, i as u64, j as u64]);
        let jitter = |bits: u64| (unit(bits) - 0.5) * 2.0 * JITTER * self.cell_km;
        (
            self.origin_km.0 + i as f64 * self.cell_km + jitter(h),
            self.origin_km.1 + j as f64 * self.cell_km + jitter(h.rotate_left(32)),
        )
    }

    /// The edge from node `a` to node `b` (`a < b`), both ends included, in lon/lat. Computed
    /// the same way whichever ward asks, so neighbours share it to the last bit.
    fn edge(&self, a: Cell, b: Cell) -> Vec<(f64, f64)> {
        let (start, end) = (self.node_km(a), self.node_km(b));
        let (dx, dy) = (end.0 - start.0, end.1 - start.1);
        let edge = hash(self.seed, &[EDGE, a.0 as u64, a.1 as u64, b.0 as u64, b.1 as u64]);
        let harmonics: Vec<(f64, f64, f64)> = HARMONICS
            .iter()
            .zip(0u64..)
            .map(|(&(amplitude, frequency), h)| {
                let frequency = frequency * (0.75 + 0.5 * unit_of(edge, &[h]));
                let phase = std::f64::consts::TAU * unit_of(edge, &[h + 8]);
                (amplitude, frequency, phase)
            })
            .collect();
        (0..=SEGMENTS_PER_EDGE)
            .map(|k| {
                let t = k as f64 / SEGMENTS_PER_EDGE as f64;
                let envelope = (std::f64::consts::PI * t).sin();
                let wiggle: f64 =
                    harmonics.iter().map(|&(a, f, p)| a * (std::f64::consts::TAU * f * t + p).sin()).sum::<f64>();
                // Sideways by `envelope * wiggle` of the edge length: (-dy, dx) is the edge turned left.
                let side = envelope * wiggle;
                to_lon_lat((start.0 + t * dx - side * dy, start.1 + t * dy + side * dx))
            })
            .collect()
    }
}

/// Kilometres from the centre to (lon, lat) on a local equirectangular plane (fine at this size).
fn to_lon_lat((x, y): (f64, f64)) -> (f64, f64) {
    let km_per_deg_lon = KM_PER_DEG_LON_EQUATOR * CENTRE.1.to_radians().cos();
    (CENTRE.0 + x / km_per_deg_lon, CENTRE.1 + y / KM_PER_DEG_LAT)
}
