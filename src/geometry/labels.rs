//! Label placement: a point inside each ward and how much room a centred label has there.
//!
//! The centroid of a concave ward can fall outside it, so the anchor is an interior point of
//! the ward's largest polygon, found like geo's `InteriorPoint` (the middle of the longest
//! inside interval of a horizontal scan line) but on several horizontal and vertical scan
//! lines. Each candidate is re-centred in its vertical and horizontal chords; the spot where
//! the widest typical (wide, short) label fits wins. geo's `InteriorPoint` is the fallback.

use geo::{Area, BoundingRect, Coord, InteriorPoint, LineString, MultiPolygon, Polygon};

use super::mesh::sanitize_polygon;

/// Typical label width over height, for scoring candidate spots.
const LABEL_ASPECT: f64 = 6.0;
/// Scan lines tried across the largest polygon in each direction; odd, so that the middle
/// line (the one geo's `InteriorPoint` uses) is among them.
const SCAN_LINES: usize = 9;
/// Candidates measured in full (room above and below the anchor), best first by middle room.
const FINALISTS: usize = 4;
/// Inside intervals shorter than this fraction of the longest on their line are not tried.
const MIN_INTERVAL_SHARE: f64 = 0.25;

/// Where a ward's name goes, and the room a label centred there has inside the ward.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    /// Inside the ward (world metres).
    pub anchor: Coord<f64>,
    /// Length of the horizontal chord through the anchor that is centred on it (world metres):
    /// a centred label narrower than this does not cross the ward edge on its middle line.
    pub width: f64,
    /// The same vertically.
    pub height: f64,
    /// `widths[k]`: the narrowest centred horizontal room on the lines `k * height / 10`
    /// above and below the anchor, and on every line nearer the anchor (so it never grows).
    pub widths: [f64; BANDS],
}

/// Number of lines either side of the anchor where label room is measured.
const BANDS: usize = 5;

impl LabelSpot {
    /// True when a `text_width` x `text_height` box (world metres) centred on the anchor fits
    /// the ward: narrower than the room at its top, middle and bottom lines, and lower than
    /// the vertical room.
    pub fn fits(&self, text_width: f64, text_height: f64) -> bool {
        if !(text_width.is_finite() && text_height.is_finite()) || text_height > self.height {
            return false;
        }
        let step = self.height / (2 * BANDS) as f64;
        let reach = (text_height / 2.0 / step).ceil() as usize;
        self.widths.get(reach).is_some_and(|&room| text_width <= room)
    }

    /// The widest label of the given width/height `aspect` that [`Self::fits`] (world metres).
    pub fn widest_label(&self, aspect: f64) -> f64 {
        let step = self.height / (2 * BANDS) as f64;
        (1..BANDS).map(|reach| self.widths[reach].min(aspect * 2.0 * reach as f64 * step)).fold(0.0, f64::max)
    }
}

/// The label spot of a ward, `None` when it has no usable polygon.
pub fn label_spot(ward: &MultiPolygon<f64>) -> Option<LabelSpot> {
    let largest =
        ward.iter().filter_map(sanitize_polygon).max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let rings: Vec<&LineString<f64>> = std::iter::once(largest.exterior()).chain(largest.interiors()).collect();

    // The middle horizontal scan line is the construction of geo's `InteriorPoint` (the middle
    // of the longest inside interval on the line through the bbox middle), which is costly to
    // call (it builds a relate graph): it is kept as the fallback only.
    let mut candidates = scan_line_candidates(&largest, &rings, Axis::Horizontal);
    candidates.extend(scan_line_candidates(&largest, &rings, Axis::Vertical));

    // Measuring the room above and below a spot is the costly part: rank all candidates by
    // their middle-line room first, then measure only the most promising in full.
    let mut centred: Vec<(f64, Coord<f64>, f64, f64)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let (anchor, width, height) = centre(&rings, candidate)?;
            Some((width.min(LABEL_ASPECT * height), anchor, width, height))
        })
        .collect();
    centred.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = centred
        .into_iter()
        .take(FINALISTS)
        .map(|(_, anchor, width, height)| measure(&rings, anchor, width, height))
        .map(|spot| (spot.widest_label(LABEL_ASPECT), spot))
        .reduce(|best, next| if next.0 > best.0 { next } else { best });
    let fallback = || {
        let anchor = largest.interior_point().map_or(largest.exterior().0[0], |p| p.0);
        LabelSpot { anchor, width: 0.0, height: 0.0, widths: [0.0; BANDS] }
    };
    Some(best.map_or_else(fallback, |(_, spot)| spot))
}

/// The middles of the longer inside intervals on a few lines across the polygon.
fn scan_line_candidates(polygon: &Polygon<f64>, rings: &[&LineString<f64>], axis: Axis) -> Vec<Coord<f64>> {
    let Some(bounds) = polygon.bounding_rect() else {
        return Vec::new();
    };
    let (start, span) = match axis {
        Axis::Horizontal => (bounds.min().y, bounds.height()),
        Axis::Vertical => (bounds.min().x, bounds.width()),
    };
    let mut candidates = Vec::new();
    for k in 1..=SCAN_LINES {
        let level = start + span * k as f64 / (SCAN_LINES + 1) as f64;
        let positions = crossings(rings, axis, level);
        let intervals = positions.chunks_exact(2).map(|pair| (pair[0], pair[1]));
        let longest = intervals.clone().map(|(a, b)| b - a).fold(0.0, f64::max);
        for (a, b) in intervals.filter(|(a, b)| b - a >= MIN_INTERVAL_SHARE * longest) {
            let middle = f64::midpoint(a, b);
            candidates.push(match axis {
                Axis::Horizontal => Coord { x: middle, y: level },
                Axis::Vertical => Coord { x: level, y: middle },
            });
        }
    }
    candidates
}

/// Centre `point` in its vertical chord, then in its horizontal chord; with the room there.
fn centre(rings: &[&LineString<f64>], point: Coord<f64>) -> Option<(Coord<f64>, f64, f64)> {
    let (bottom, top) = chord(rings, Axis::Vertical, point.x, point.y)?;
    let y = f64::midpoint(bottom, top);
    let (left, right) = chord(rings, Axis::Horizontal, y, point.x)?;
    let anchor = Coord { x: f64::midpoint(left, right), y };
    let (width, height) = room_at(rings, anchor)?;
    Some((anchor, width, height))
}

/// The full spot: the room on lines above and below the anchor too.
fn measure(rings: &[&LineString<f64>], anchor: Coord<f64>, width: f64, height: f64) -> LabelSpot {
    let room = |line_y: f64| {
        chord(rings, Axis::Horizontal, line_y, anchor.x).map_or(0.0, |(l, r)| 2.0 * (anchor.x - l).min(r - anchor.x))
    };
    let mut widths = [width; BANDS];
    for k in 1..BANDS {
        let dy = height * k as f64 / (2 * BANDS) as f64;
        widths[k] = widths[k - 1].min(room(anchor.y + dy)).min(room(anchor.y - dy));
    }
    LabelSpot { anchor, width, height, widths }
}

/// Symmetric room around `anchor`: twice the distance to the nearer edge, per axis.
/// `None` when `anchor` is not inside the rings.
fn room_at(rings: &[&LineString<f64>], anchor: Coord<f64>) -> Option<(f64, f64)> {
    let (left, right) = chord(rings, Axis::Horizontal, anchor.y, anchor.x)?;
    let (bottom, top) = chord(rings, Axis::Vertical, anchor.x, anchor.y)?;
    let width = 2.0 * (anchor.x - left).min(right - anchor.x);
    let height = 2.0 * (anchor.y - bottom).min(top - anchor.y);
    Some((width, height))
}

#[derive(Clone, Copy)]
enum Axis {
    /// The line `y = level`; positions along it are x.
    Horizontal,
    /// The line `x = level`; positions along it are y.
    Vertical,
}

/// The inside interval of the line (`axis`, `level`) that contains position `at`.
fn chord(rings: &[&LineString<f64>], axis: Axis, level: f64, at: f64) -> Option<(f64, f64)> {
    let positions = crossings(rings, axis, level);
    positions.chunks_exact(2).find(|pair| pair[0] <= at && at <= pair[1]).map(|pair| (pair[0], pair[1]))
}

/// Sorted positions where the line (`axis`, `level`) crosses the rings' edges. With the
/// half-open rule each closed ring contributes an even count, so consecutive pairs are the
/// inside intervals (even-odd rule, holes included).
fn crossings(rings: &[&LineString<f64>], axis: Axis, level: f64) -> Vec<f64> {
    let mut positions = Vec::new();
    for ring in rings {
        for line in ring.lines() {
            let (a, b) = match axis {
                Axis::Horizontal => (line.start, line.end),
                Axis::Vertical => (swap(line.start), swap(line.end)),
            };
            if (a.y > level) != (b.y > level) {
                positions.push(a.x + (level - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        }
    }
    positions.sort_by(f64::total_cmp);
    positions
}

fn swap(c: Coord<f64>) -> Coord<f64> {
    Coord { x: c.y, y: c.x }
}
