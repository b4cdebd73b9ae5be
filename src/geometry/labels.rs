//! Label placement: a point inside each ward and how much room a centred label has there.
//!
//! The centroid of a concave ward can fall outside it, so the anchor is an interior point of
//! the ward's largest polygon, found like geo's `InteriorPoint` (the middle of the longest
//! inside interval of a horizontal scan line) but on several horizontal and vertical scan
//! lines. Each candidate is re-centred in its vertical and horizontal chords; the spot where
//! the widest typical (wide, short) label fits wins. geo's `InteriorPoint` is the fallback.
//!
//! Every chord asks where one line crosses the ward's edges. A ward winding round itself has
//! hundreds of candidates and tens of thousands of edges, so the edges of a large ward are
//! first sorted into bands across each axis (`Edges`), and a line looks only at the edges of
//! its band: the same crossings, found without reading the whole outline each time.

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
/// At most this many intervals are tried per line (the longest): an ordinary ward has a few,
/// one winding round itself thousands, each costing a few scans.
const MAX_PER_LINE: usize = 16;

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
    let rings = Edges::new(&rings);

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
fn scan_line_candidates(polygon: &Polygon<f64>, rings: &Edges, axis: Axis) -> Vec<Coord<f64>> {
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
        let positions = rings.crossings(axis, level);
        let intervals = positions.chunks_exact(2).map(|pair| (pair[0], pair[1]));
        let longest = intervals.clone().map(|(a, b)| b - a).fold(0.0, f64::max);
        let mut tried: Vec<(f64, f64)> = intervals.filter(|(a, b)| b - a >= MIN_INTERVAL_SHARE * longest).collect();
        if tried.len() > MAX_PER_LINE {
            // Only a ward that winds round itself has so many: the longest, kept in line order.
            let mut by_length: Vec<usize> = (0..tried.len()).collect();
            by_length.sort_by(|&i, &j| (tried[j].1 - tried[j].0).total_cmp(&(tried[i].1 - tried[i].0)));
            by_length.truncate(MAX_PER_LINE);
            by_length.sort_unstable();
            tried = by_length.into_iter().map(|i| tried[i]).collect();
        }
        for (a, b) in tried {
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
fn centre(rings: &Edges, point: Coord<f64>) -> Option<(Coord<f64>, f64, f64)> {
    let (bottom, top) = chord(rings, Axis::Vertical, point.x, point.y)?;
    let y = f64::midpoint(bottom, top);
    let (left, right) = chord(rings, Axis::Horizontal, y, point.x)?;
    let anchor = Coord { x: f64::midpoint(left, right), y };
    let (width, height) = room_at(rings, anchor)?;
    Some((anchor, width, height))
}

/// The full spot: the room on lines above and below the anchor too.
fn measure(rings: &Edges, anchor: Coord<f64>, width: f64, height: f64) -> LabelSpot {
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
fn room_at(rings: &Edges, anchor: Coord<f64>) -> Option<(f64, f64)> {
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

/// The inside interval of the line (`axis`, `level`) that contains position `at`: of the
/// sorted crossings taken in pairs (see [`Edges::crossings`]), the first pair `(p, q)` with
/// `p <= at <= q`.
///
/// Found in one pass without sorting: with `below` crossings before `at`, the first pair that
/// can end at or after `at` is pair `below / 2`, so the answer is made of the crossings just
/// before and just after `at` in sorted order, and those are all that is kept.
fn chord(rings: &Edges, axis: Axis, level: f64, at: f64) -> Option<(f64, f64)> {
    let (mut count, mut below, mut equal) = (0_usize, 0_usize, 0_usize);
    // The largest crossing before `at`, and the two smallest at or after it, in the order of
    // the sort (`total_cmp`, which puts -0 before 0).
    let (mut last_below, mut first, mut second) = (f64::NEG_INFINITY, f64::INFINITY, f64::INFINITY);
    rings.for_each_crossing(axis, level, |x| {
        count += 1;
        if x < at {
            below += 1;
            if x.total_cmp(&last_below).is_gt() {
                last_below = x;
            }
        } else {
            if x <= at {
                equal += 1;
            }
            if x.total_cmp(&first).is_lt() {
                second = first;
                first = x;
            } else if x.total_cmp(&second).is_lt() {
                second = x;
            }
        }
    });
    let pair = below / 2;
    // The pair must exist (a last, odd crossing has none) and start at or before `at`.
    if 2 * pair + 2 > count || 2 * pair >= below + equal {
        return None;
    }
    Some(if below % 2 == 1 { (last_below, first) } else { (first, second) })
}

/// A polygon's edges, sorted into bands across each axis when there are many, so that a scan
/// line need only look at the edges of its band (and at the few that span many bands).
struct Edges {
    /// Every edge of every ring, as `LineString::lines` gives them.
    lines: Vec<(Coord<f64>, Coord<f64>)>,
    /// `None` for a small polygon: every edge is looked at.
    bands: Option<[Bands; 2]>,
}

/// Edges by band of one axis (y for horizontal lines, x for vertical ones).
struct Bands {
    start: f64,
    /// Bands per unit of the axis.
    scale: f64,
    count: usize,
    /// `members[offsets[b]..offsets[b + 1]]`: the edges reaching band `b`.
    offsets: Vec<u32>,
    members: Vec<u32>,
    /// Edges reaching more than `MAX_SPAN` bands: looked at by every line.
    long: Vec<u32>,
}

/// Polygons with fewer edges are scanned whole.
const INDEXED_FROM: usize = 128;
/// At least this many edges per band, on average.
const EDGES_PER_BAND: usize = 8;
/// An edge reaching more bands than this goes on the `long` list instead.
const MAX_SPAN: usize = 16;

impl Edges {
    fn new(rings: &[&LineString<f64>]) -> Self {
        let lines: Vec<(Coord<f64>, Coord<f64>)> =
            rings.iter().flat_map(|ring| ring.lines()).map(|line| (line.start, line.end)).collect();
        let indexed = lines.len() >= INDEXED_FROM && u32::try_from(lines.len()).is_ok();
        let bands = indexed.then(|| [Bands::new(&lines, |c| c.y), Bands::new(&lines, |c| c.x)]);
        Edges { lines, bands }
    }

    /// Call `f` with the position of every crossing of the line (`axis`, `level`) with an
    /// edge, in no particular order. The bands only leave out edges that cannot cross the
    /// line, so the positions are the same with them or without.
    fn for_each_crossing(&self, axis: Axis, level: f64, mut f: impl FnMut(f64)) {
        let mut visit = |&(start, end): &(Coord<f64>, Coord<f64>)| {
            let (a, b) = match axis {
                Axis::Horizontal => (start, end),
                Axis::Vertical => (swap(start), swap(end)),
            };
            if (a.y > level) != (b.y > level) {
                f(a.x + (level - a.y) * (b.x - a.x) / (b.y - a.y));
            }
        };
        match &self.bands {
            None => self.lines.iter().for_each(&mut visit),
            Some([horizontal, vertical]) => {
                let bands = match axis {
                    Axis::Horizontal => horizontal,
                    Axis::Vertical => vertical,
                };
                let band = bands.band(level);
                let members = &bands.members[bands.offsets[band] as usize..bands.offsets[band + 1] as usize];
                for &edge in members.iter().chain(&bands.long) {
                    visit(&self.lines[edge as usize]);
                }
            }
        }
    }

    /// Sorted positions where the line (`axis`, `level`) crosses the edges. With the half-open
    /// rule each closed ring contributes an even count, so consecutive pairs are the inside
    /// intervals (even-odd rule, holes included).
    fn crossings(&self, axis: Axis, level: f64) -> Vec<f64> {
        let mut positions = Vec::new();
        self.for_each_crossing(axis, level, |x| positions.push(x));
        positions.sort_by(f64::total_cmp);
        positions
    }
}

impl Bands {
    /// Bands across the coordinate `along` gives (edges' numbers fit u32: the caller checks),
    /// about as tall as an edge is on average, and no more than one per `EDGES_PER_BAND` edges.
    fn new(lines: &[(Coord<f64>, Coord<f64>)], along: fn(Coord<f64>) -> f64) -> Self {
        let (mut low, mut high, mut reach) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
        for &(a, b) in lines {
            let (u, v) = (along(a), along(b));
            low = low.min(u).min(v);
            high = high.max(u).max(v);
            reach += (v - u).abs();
        }
        let span = high - low;
        let per_edge = reach / lines.len() as f64;
        let count = if span > 0.0 && span.is_finite() && per_edge > 0.0 {
            (span / per_edge).clamp(1.0, (lines.len() / EDGES_PER_BAND).max(1) as f64) as usize
        } else {
            1
        };
        let scale = if span > 0.0 && span.is_finite() { count as f64 / span } else { 0.0 };
        let mut bands =
            Bands { start: low, scale, count, offsets: vec![0; count + 1], members: Vec::new(), long: Vec::new() };
        let reach = |bands: &Bands, &(a, b): &(Coord<f64>, Coord<f64>)| {
            let (u, v) = (along(a), along(b));
            (bands.band(u.min(v)), bands.band(u.max(v)))
        };
        // A counting sort by band: count, sum, place.
        for line in lines {
            let (first, last) = reach(&bands, line);
            if last - first < MAX_SPAN {
                for size in &mut bands.offsets[first + 1..=last + 1] {
                    *size += 1;
                }
            }
        }
        for band in 0..count {
            bands.offsets[band + 1] += bands.offsets[band];
        }
        let mut next: Vec<u32> = bands.offsets[..count].to_vec();
        bands.members = vec![0; bands.offsets[count] as usize];
        for (index, line) in lines.iter().enumerate() {
            let (first, last) = reach(&bands, line);
            if last - first < MAX_SPAN {
                for slot in &mut next[first..=last] {
                    bands.members[*slot as usize] = index as u32;
                    *slot += 1;
                }
            } else {
                bands.long.push(index as u32);
            }
        }
        bands
    }

    /// The band of a coordinate. It never decreases as the coordinate grows, so an edge from
    /// `u` to `v` is filed under the band of every level between them. Below the polygon, the
    /// first band; above it, the last; not a number, the first.
    fn band(&self, value: f64) -> usize {
        (((value - self.start) * self.scale).max(0.0) as usize).min(self.count - 1)
    }
}

fn swap(c: Coord<f64>) -> Coord<f64> {
    Coord { x: c.y, y: c.x }
}

#[cfg(test)]
mod tests {
    use geo::{LineString, MultiPolygon, Polygon};

    use super::{Axis, Edges, chord, label_spot};

    /// The chord as first written: sort every crossing, take them in pairs.
    fn sorted_chord(edges: &Edges, axis: Axis, level: f64, at: f64) -> Option<(f64, f64)> {
        let positions = edges.crossings(axis, level);
        positions.chunks_exact(2).find(|pair| pair[0] <= at && at <= pair[1]).map(|pair| (pair[0], pair[1]))
    }

    /// A ring of `n` corners round the origin, wobbling, winding `turns` times.
    fn ring(n: u32, turns: f64, wobble: f64) -> LineString<f64> {
        LineString::from(
            (0..=n)
                .map(|k| {
                    let f = f64::from(k % n) / f64::from(n);
                    let r = 1_000.0 * (1.0 + wobble * (std::f64::consts::TAU * 97.0 * f).sin());
                    let t = std::f64::consts::TAU * turns * f;
                    (r * t.cos(), r * t.sin())
                })
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn the_banded_edges_give_the_crossings_of_every_edge() {
        let hole = LineString::from(vec![
            (-100.0, -100.0),
            (100.0, -100.0),
            (100.0, 100.0),
            (-100.0, 100.0),
            (-100.0, -100.0),
        ]);
        // Long edges too (the hole's, and a ring of few corners), which go on the long list.
        for rings in
            [vec![ring(5_000, 1.0, 0.05), hole.clone()], vec![ring(3_000, 7.0, 0.25)], vec![ring(130, 1.0, 0.0)]]
        {
            let rings: Vec<&LineString<f64>> = rings.iter().collect();
            let banded = Edges::new(&rings);
            assert!(banded.bands.is_some());
            let whole = Edges { lines: banded.lines.clone(), bands: None };
            for k in -5..=1_005 {
                let level = -1_300.0 + 2.6 * f64::from(k) + 0.123;
                for axis in [Axis::Horizontal, Axis::Vertical] {
                    assert_eq!(banded.crossings(axis, level), whole.crossings(axis, level), "level {level}");
                }
            }
            // Corners exactly on a line, the ends of the range, and beyond.
            for level in [0.0, 1_000.0, -1_000.0, 100.0, 1e9, -1e9, f64::NAN] {
                for axis in [Axis::Horizontal, Axis::Vertical] {
                    assert_eq!(banded.crossings(axis, level), whole.crossings(axis, level), "level {level}");
                }
            }
        }
    }

    #[test]
    fn the_one_pass_chord_is_the_sorted_chord() {
        // A grid-like ward: many crossings land exactly on the positions asked about.
        let steps = LineString::from(
            (0..=40)
                .flat_map(|k| [(f64::from(k), f64::from(k % 3)), (f64::from(k) + 0.5, f64::from(k % 3))])
                .chain([(40.5, -1.0), (-1.0, -1.0), (0.0, 0.0)])
                .collect::<Vec<_>>(),
        );
        let signed_zero = LineString::from(vec![(-0.0, -1.0), (1.0, 1.0), (0.0, 1.0), (-1.0, 0.0), (-0.0, -1.0)]);
        for rings in [vec![ring(3_000, 7.0, 0.25)], vec![ring(200, 1.0, 0.05)], vec![steps], vec![signed_zero]] {
            let rings: Vec<&LineString<f64>> = rings.iter().collect();
            let edges = Edges::new(&rings);
            for k in -50..=50 {
                let level = f64::from(k) * 31.7 + 0.25;
                for axis in [Axis::Horizontal, Axis::Vertical] {
                    let crossings = edges.crossings(axis, level);
                    let mut ats: Vec<f64> = crossings.clone();
                    ats.extend(crossings.windows(2).map(|w| f64::midpoint(w[0], w[1])));
                    ats.extend([-1e9, 1e9, 0.0, -0.0, f64::NAN, f64::from(k) * 29.3]);
                    for at in ats {
                        let (ours, theirs) = (chord(&edges, axis, level, at), sorted_chord(&edges, axis, level, at));
                        assert_eq!(
                            ours.map(|(a, b)| (a.to_bits(), b.to_bits())),
                            theirs.map(|(a, b)| (a.to_bits(), b.to_bits()))
                        );
                    }
                }
            }
            for level in [0.0, -0.0, 1.0, 2.0] {
                for at in [0.0, -0.0, 0.5, 1.0] {
                    for axis in [Axis::Horizontal, Axis::Vertical] {
                        let (ours, theirs) = (chord(&edges, axis, level, at), sorted_chord(&edges, axis, level, at));
                        assert_eq!(
                            ours.map(|(a, b)| (a.to_bits(), b.to_bits())),
                            theirs.map(|(a, b)| (a.to_bits(), b.to_bits()))
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_ward_winding_round_itself_gets_a_spot_inside_its_even_odd_interior() {
        let ward = MultiPolygon::new(vec![Polygon::new(ring(20_000, 7.0, 0.25), vec![])]);
        let spot = label_spot(&ward).expect("a spot");
        // The middle is wound seven times (odd: inside) and is by far the roomiest place.
        assert!(spot.anchor.x.hypot(spot.anchor.y) < 500.0, "{spot:?}");
        assert!(spot.width > 500.0 && spot.height > 500.0, "{spot:?}");
    }
}
