//! Does a ring cross or touch itself? A sweep line (Shamos–Hoyos), O(n log n) per ring.
//!
//! The question is the one the quadratic definition asks: is there a pair of the ring's
//! segments, not neighbours along the ring, that meet (cross, touch or overlap)? Neighbours
//! share a corner by construction and are never compared (a spike still counts, as the
//! segment after it starts on the one before it). The answer is exactly that of comparing every pair with geo's
//! `line_intersection` (the tests hold it to that on many small random rings full of
//! coincidences); only *which* meeting point is named may differ when there are several.
//!
//! How, and why it is exact:
//! - Consecutive repeated points are dropped (a zero-length segment is nobody's crossing).
//! - The ring's corners are sorted lexicographically (x, then y: a sweep line tilted by an
//!   infinitesimal angle, so vertical segments need no special case). Two corners at the same
//!   place mean two segments that are not neighbours share an end: found at once.
//! - The segments that the sweep line crosses are kept in order from bottom to top in a treap
//!   (a balanced tree). Until the first meeting point is passed, that order never changes, so
//!   only segments next to each other in it can meet first (the classical argument). At each
//!   corner: the segments ending there leave; a segment that passes through the corner is a
//!   touch and is reported; the segments starting there enter between the ones just below and
//!   just above the corner, and each newly adjacent pair is tested.
//! - Every above/below decision is an exact orientation test (geo's robust kernel), and every
//!   reported pair is confirmed with `line_intersection`, so rounding cannot invent or hide a
//!   crossing.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Coord, Line, LineIntersection};

/// A point where the ring crosses or touches itself away from its segments' neighbours along
/// the ring, or `None`. An open ring (last point not the first) is checked as if closed.
pub fn self_crossing(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    let points: Vec<Coord<f64>> = ring.iter().map(|&(x, y)| Coord { x, y }).collect();
    let corners = corners(&points);
    // A ring of three segments or fewer has only neighbours.
    if corners.len() < 4 {
        return None;
    }
    Sweep::new(&[corners]).and_then(Sweep::run).map(|c| (c.x, c.y))
}

/// A point where any of `rings` crosses or touches itself or another of them, or `None`: the
/// same question for a polygon's outline and holes together. Rings of fewer than three
/// corners (after repeated points are dropped) are left out.
#[allow(dead_code, reason = "the reader checks one ring at a time; the mesh (`geometry::mesh`) checks polygons")]
pub fn rings_meet(rings: &[&[Coord<f64>]]) -> Option<Coord<f64>> {
    let rings: Vec<Vec<Coord<f64>>> = rings.iter().map(|ring| corners(ring)).filter(|c| c.len() >= 3).collect();
    Sweep::new(&rings).and_then(Sweep::run)
}

/// The ring's corners: consecutive repeats dropped, and the closing repeat of the first.
/// Negative zeros become zeros, so that the sort's order and equality agree.
fn corners(ring: &[Coord<f64>]) -> Vec<Coord<f64>> {
    let mut points: Vec<Coord<f64>> = ring.iter().map(|c| Coord { x: c.x + 0.0, y: c.y + 0.0 }).collect();
    points.dedup();
    if points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    points
}

/// Above, below or on.
fn orient(p: Coord<f64>, q: Coord<f64>, r: Coord<f64>) -> Orientation {
    RobustKernel::orient2d(p, q, r)
}

/// Lexicographic order of points: the sweep's order of events.
fn lex(a: Coord<f64>, b: Coord<f64>) -> std::cmp::Ordering {
    a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y))
}

/// A number as an integer in the same order as `total_cmp` (flip every bit of a negative
/// number, only the sign bit of a positive one), so that equal keys are equal numbers.
fn ordered(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 { !bits } else { bits | (1 << 63) }
}

const NIL: u32 = u32::MAX;

/// One sweep over some rings. Corners are numbered through all rings; segment `i` joins
/// corner `i` to corner `next[i]` (the next along its ring, the last back to the first); each
/// segment is stored with its left end first.
struct Sweep {
    corners: Vec<Coord<f64>>,
    next: Vec<u32>,
    prev: Vec<u32>,
    /// Per segment: (left end, right end) in the sweep's order.
    ends: Vec<(Coord<f64>, Coord<f64>)>,
    tree: Treap,
}

/// Where a corner falls among the segments the sweep line crosses.
enum Slot {
    /// Between `below` and `above` (either may be absent); a new segment goes under `parent`
    /// on its `left` side (or at the root when `parent` is `NIL`).
    Gap { below: u32, above: u32, parent: u32, left: bool },
    /// The segment passes through the corner.
    On(u32),
}

impl Sweep {
    /// `None` when there are too many corners to number (over four billion).
    fn new(rings: &[Vec<Coord<f64>>]) -> Option<Self> {
        let total: usize = rings.iter().map(Vec::len).sum();
        u32::try_from(total).ok().filter(|&n| n < NIL)?;
        let (mut corners, mut next, mut prev) =
            (Vec::with_capacity(total), Vec::with_capacity(total), Vec::with_capacity(total));
        for ring in rings {
            let start = corners.len() as u32;
            let end = start + ring.len() as u32;
            corners.extend_from_slice(ring);
            next.extend((start..end).map(|i| if i + 1 == end { start } else { i + 1 }));
            prev.extend((start..end).map(|i| if i == start { end - 1 } else { i - 1 }));
        }
        let ends = (0..total)
            .map(|i| {
                let (a, b) = (corners[i], corners[next[i] as usize]);
                if lex(a, b).is_le() { (a, b) } else { (b, a) }
            })
            .collect();
        Some(Sweep { corners, next, prev, ends, tree: Treap::new(total) })
    }

    /// Segments `i` and `j` are neighbours along a ring (or the same segment).
    fn neighbours(&self, i: u32, j: u32) -> bool {
        i == j || self.next[i as usize] == j || self.next[j as usize] == i
    }

    fn line(&self, i: u32) -> Line<f64> {
        let (a, b) = self.ends[i as usize];
        Line::new(a, b)
    }

    /// Where two segments that are not neighbours meet, if they do.
    fn meeting(&self, i: u32, j: u32) -> Option<Coord<f64>> {
        if i == NIL || j == NIL || self.neighbours(i, j) {
            return None;
        }
        match geo::algorithm::line_intersection::line_intersection(self.line(i), self.line(j))? {
            LineIntersection::SinglePoint { intersection, .. } => Some(intersection),
            LineIntersection::Collinear { intersection } => Some(intersection.start),
        }
    }

    fn run(mut self) -> Option<Coord<f64>> {
        // Sorting integer keys (in the order of `lex`) is several times faster than comparing
        // the points through their numbers, and the sort is a good part of the sweep.
        let mut order: Vec<(u64, u64, u32)> =
            self.corners.iter().zip(0..).map(|(c, i)| (ordered(c.x), ordered(c.y), i)).collect();
        order.sort_unstable();
        // Two corners in one place: the segments at one and those at the other are not all
        // neighbours (rings of four or more corners; a triangle with some area never comes
        // back to a corner), so the rings touch there.
        if let Some(pair) = order.windows(2).find(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1)) {
            return Some(self.corners[pair[0].2 as usize]);
        }
        for &(_, _, corner) in &order {
            if let Some(found) = self.event(corner) {
                return Some(found);
            }
        }
        None
    }

    /// The sweep at one corner; `Some` when a meeting point was found.
    fn event(&mut self, corner: u32) -> Option<Coord<f64>> {
        let v = self.corners[corner as usize];
        // The corner's two segments: the one arriving and the one leaving.
        let segments = [self.prev[corner as usize], corner];
        let starts = |s: u32| self.ends[s as usize].0 == v;
        if let (false, true) | (true, false) = (starts(segments[0]), starts(segments[1])) {
            // The ring passes through from left to right (or back), as at most corners: the
            // leaving segment takes the arriving one's place in the order, between the same
            // neighbours, unless one of them passes through the corner too.
            let (ending, starting) =
                if starts(segments[1]) { (segments[0], segments[1]) } else { (segments[1], segments[0]) };
            let (below, above) = (self.tree.before(ending), self.tree.after(ending));
            for other in [below, above] {
                if other != NIL {
                    let (a, b) = self.ends[other as usize];
                    if orient(a, b, v) == Orientation::Collinear {
                        return segments.iter().find_map(|&s| self.meeting(other, s)).or(Some(v));
                    }
                }
            }
            self.tree.replace(ending, starting);
            return self.meeting(below, starting).or_else(|| self.meeting(starting, above));
        }
        let (mut starting, mut count) = ([NIL; 2], 0);
        for &s in &segments {
            if self.ends[s as usize].0 == v {
                starting[count] = s;
                count += 1;
            } else {
                self.tree.remove(s);
            }
        }
        let (below, above, parent, left) = match self.locate(v) {
            Slot::Gap { below, above, parent, left } => (below, above, parent, left),
            Slot::On(other) => {
                // Another segment passes through this corner. It is a neighbour of at most one
                // of the corner's two segments, so it meets the other there.
                return segments.iter().find_map(|&s| self.meeting(other, s)).or(Some(v));
            }
        };
        match count {
            0 => self.meeting(below, above),
            1 => {
                self.tree.insert(starting[0], parent, left);
                self.meeting(below, starting[0]).or_else(|| self.meeting(starting[0], above))
            }
            _ => {
                // Both segments start here: the one turning lower goes below.
                let [mut low, mut high] = starting;
                let (low_end, high_end) = (self.ends[low as usize].1, self.ends[high as usize].1);
                let in_order = match orient(v, low_end, high_end) {
                    Orientation::CounterClockwise => true,
                    Orientation::Clockwise => false,
                    // Folded back along each other: neighbours, in either order.
                    Orientation::Collinear => low < high,
                };
                if !in_order {
                    std::mem::swap(&mut low, &mut high);
                }
                self.tree.insert(low, parent, left);
                self.tree.insert_after(high, low);
                self.meeting(below, low).or_else(|| self.meeting(high, above))
            }
        }
    }

    /// The segments just below and just above `v` among those the sweep line crosses, and
    /// the place a new segment starting at `v` goes; or a segment through `v`.
    fn locate(&self, v: Coord<f64>) -> Slot {
        let (mut below, mut above, mut parent, mut left) = (NIL, NIL, NIL, false);
        let mut node = self.tree.root;
        while node != NIL {
            let (a, b) = self.ends[node as usize];
            parent = node;
            match orient(a, b, v) {
                Orientation::Collinear => return Slot::On(node),
                Orientation::CounterClockwise => {
                    below = node;
                    left = false;
                    node = self.tree.right[node as usize];
                }
                Orientation::Clockwise => {
                    above = node;
                    left = true;
                    node = self.tree.left[node as usize];
                }
            }
        }
        Slot::Gap { below, above, parent, left }
    }
}

/// A treap of segment numbers in sweep order (bottom to top), with parent links so that a
/// segment can leave without a search. Priorities are a hash of the segment number: expected
/// depth O(log n) whatever the order the segments arrive in.
struct Treap {
    left: Vec<u32>,
    right: Vec<u32>,
    parent: Vec<u32>,
    /// Heap order: a parent's priority is never below its children's.
    priority: Vec<u64>,
    root: u32,
}

impl Treap {
    fn new(n: usize) -> Self {
        let priority = (0..n as u64)
            .map(|node| {
                // splitmix64's finaliser.
                let mut z = node.wrapping_add(0x9E37_79B9_7F4A_7C15);
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^ (z >> 31)
            })
            .collect();
        Treap { left: vec![NIL; n], right: vec![NIL; n], parent: vec![NIL; n], priority, root: NIL }
    }

    fn priority(&self, node: u32) -> u64 {
        self.priority[node as usize]
    }

    /// Put `new` (not in the tree) where `old` is, and take `old` out: the order is the same
    /// but for the one segment, and `new` takes `old`'s priority, so the heap order holds.
    fn replace(&mut self, old: u32, new: u32) {
        let (o, n) = (old as usize, new as usize);
        let (l, r, p) = (self.left[o], self.right[o], self.parent[o]);
        (self.left[n], self.right[n], self.parent[n], self.priority[n]) = (l, r, p, self.priority[o]);
        for child in [l, r] {
            if child != NIL {
                self.parent[child as usize] = new;
            }
        }
        if p == NIL {
            self.root = new;
        } else if self.left[p as usize] == old {
            self.left[p as usize] = new;
        } else {
            self.right[p as usize] = new;
        }
        (self.left[o], self.right[o], self.parent[o]) = (NIL, NIL, NIL);
    }

    /// The node just before `node` in the order, or `NIL`.
    fn before(&self, node: u32) -> u32 {
        neighbour(node, &self.left, &self.right, &self.parent)
    }

    /// The node just after `node` in the order, or `NIL`.
    fn after(&self, node: u32) -> u32 {
        neighbour(node, &self.right, &self.left, &self.parent)
    }

    /// Put `node` under `parent` on its left or right (empty) side, then restore the heap order.
    fn insert(&mut self, node: u32, parent: u32, left: bool) {
        let i = node as usize;
        self.left[i] = NIL;
        self.right[i] = NIL;
        self.parent[i] = parent;
        if parent == NIL {
            self.root = node;
        } else if left {
            self.left[parent as usize] = node;
        } else {
            self.right[parent as usize] = node;
        }
        while self.parent[i] != NIL && self.priority(self.parent[i]) < self.priority(node) {
            self.rotate_up(node);
        }
    }

    /// Put `node` just after `before` in the order.
    fn insert_after(&mut self, node: u32, before: u32) {
        let right = self.right[before as usize];
        if right == NIL {
            self.insert(node, before, false);
        } else {
            let mut leftmost = right;
            while self.left[leftmost as usize] != NIL {
                leftmost = self.left[leftmost as usize];
            }
            self.insert(node, leftmost, true);
        }
    }

    /// Take `node` out (it must be in the tree).
    fn remove(&mut self, node: u32) {
        let i = node as usize;
        loop {
            let (l, r) = (self.left[i], self.right[i]);
            let child = match (l, r) {
                (NIL, NIL) => break,
                (NIL, c) | (c, NIL) => c,
                (l, r) => {
                    if self.priority(l) > self.priority(r) {
                        l
                    } else {
                        r
                    }
                }
            };
            self.rotate_up(child);
        }
        let parent = self.parent[i];
        if parent == NIL {
            self.root = NIL;
        } else if self.left[parent as usize] == node {
            self.left[parent as usize] = NIL;
        } else {
            self.right[parent as usize] = NIL;
        }
        self.parent[i] = NIL;
    }

    /// Rotate `node` above its parent, keeping the order.
    fn rotate_up(&mut self, node: u32) {
        let x = node as usize;
        let p = self.parent[x];
        let pi = p as usize;
        let g = self.parent[pi];
        if self.left[pi] == node {
            let b = self.right[x];
            self.left[pi] = b;
            if b != NIL {
                self.parent[b as usize] = p;
            }
            self.right[x] = p;
        } else {
            let b = self.left[x];
            self.right[pi] = b;
            if b != NIL {
                self.parent[b as usize] = p;
            }
            self.left[x] = p;
        }
        self.parent[pi] = node;
        self.parent[x] = g;
        if g == NIL {
            self.root = node;
        } else if self.left[g as usize] == p {
            self.left[g as usize] = node;
        } else {
            self.right[g as usize] = node;
        }
    }
}

/// The in-order neighbour of `node` on the `near` side (`near` = left children for the one
/// before, right children for the one after; `far` the other side), or `NIL`: the far-most node
/// of its near subtree, else the first ancestor it is not on the near side of.
fn neighbour(node: u32, near: &[u32], far: &[u32], parent: &[u32]) -> u32 {
    let mut at = node;
    if near[at as usize] != NIL {
        at = near[at as usize];
        while far[at as usize] != NIL {
            at = far[at as usize];
        }
        return at;
    }
    while parent[at as usize] != NIL && near[parent[at as usize] as usize] == at {
        at = parent[at as usize];
    }
    parent[at as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition: every pair of segments that are not neighbours along their ring,
    /// compared with `line_intersection`.
    fn brute_force_rings(rings: &[Vec<(f64, f64)>]) -> Option<(f64, f64)> {
        let rings: Vec<Vec<Coord<f64>>> =
            rings.iter().map(|ring| corners(&ring.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>())).collect();
        let mut segments: Vec<(usize, usize, Line<f64>)> = Vec::new();
        for (r, ring) in rings.iter().enumerate() {
            for i in 0..ring.len() {
                segments.push((r, i, Line::new(ring[i], ring[(i + 1) % ring.len()])));
            }
        }
        for (a, &(ra, ia, la)) in segments.iter().enumerate() {
            for &(rb, ib, lb) in &segments[a + 1..] {
                let n = rings[ra].len();
                if ra == rb && (ib == (ia + 1) % n || ia == (ib + 1) % n) {
                    continue;
                }
                if let Some(hit) = geo::algorithm::line_intersection::line_intersection(la, lb) {
                    let point = match hit {
                        LineIntersection::SinglePoint { intersection, .. } => intersection,
                        LineIntersection::Collinear { intersection } => intersection.start,
                    };
                    return Some((point.x, point.y));
                }
            }
        }
        None
    }

    /// One ring, as the reader asks: fewer than four corners is never a crossing.
    fn brute_force(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
        let n = corners(&ring.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>()).len();
        if n < 4 { None } else { brute_force_rings(&[ring.to_vec()]) }
    }

    fn closed(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        let mut ring = points.to_vec();
        ring.push(points[0]);
        ring
    }

    /// The point lies on two segments of `ring` that are not neighbours (to rounding).
    fn is_a_meeting_point(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
        let points = corners(&ring.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>());
        let n = points.len();
        let on = |i: usize| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            let near = |u: f64, lo: f64, hi: f64| u >= lo.min(hi) - 1e-9 && u <= lo.max(hi) + 1e-9;
            let cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
            let scale = 1.0 + (b.x - a.x).abs() + (b.y - a.y).abs();
            cross.abs() <= 1e-9 * scale && near(x, a.x, b.x) && near(y, a.y, b.y)
        };
        (0..n).any(|i| (0..n).any(|j| i != j && (i + 1) % n != j && (j + 1) % n != i && on(i) && on(j)))
    }

    #[test]
    fn the_reader_s_cases_give_the_same_points_as_before() {
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&square), None);
        let bow_tie = [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&bow_tie), Some((0.5, 0.5)));
        let repeated_point = [(0.0, 0.0), (1.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&repeated_point), None);
    }

    #[test]
    fn degenerate_rings_are_not_crossings() {
        assert_eq!(self_crossing(&[]), None);
        assert_eq!(self_crossing(&[(0.0, 0.0)]), None);
        assert_eq!(self_crossing(&[(0.0, 0.0), (1.0, 0.0), (0.0, 0.0)]), None);
        // A triangle, and a triangle with every point repeated: three segments, all neighbours.
        assert_eq!(self_crossing(&closed(&[(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)])), None);
        let doubled = [(0.0, 0.0), (0.0, 0.0), (1.0, 0.0), (1.0, 0.0), (0.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&doubled), None);
        // Negative zero is zero.
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (-0.0, 1.0), (-0.0, 0.5), (0.0, 0.0)];
        assert_eq!(self_crossing(&square), None);
    }

    #[test]
    fn a_ring_through_one_of_its_corners_again_touches_itself_there() {
        // Two squares sharing the corner (1, 1), drawn as one ring.
        let figure_eight =
            closed(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (2.0, 1.0), (2.0, 2.0), (1.0, 2.0), (1.0, 1.0), (0.0, 1.0)]);
        assert_eq!(self_crossing(&figure_eight), Some((1.0, 1.0)));
    }

    #[test]
    fn a_corner_on_another_edge_is_a_touch() {
        // The corner (1, 0) lies on the bottom edge from (0, 0) to (2, 0).
        let ring = closed(&[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (1.0, 0.0), (0.0, 2.0)]);
        assert_eq!(self_crossing(&ring), Some((1.0, 0.0)));
        assert!(brute_force(&ring).is_some());
    }

    #[test]
    fn collinear_overlaps_count_unless_the_segments_are_neighbours() {
        // Edges (0,0)-(3,0) and (2,0)-(1,0) overlap on the x axis, and are not neighbours.
        let overlap =
            closed(&[(0.0, 0.0), (3.0, 0.0), (3.0, 1.0), (2.0, 1.0), (2.0, 0.0), (1.0, 0.0), (1.0, 2.0), (0.0, 2.0)]);
        assert!(self_crossing(&overlap).is_some());
        assert!(brute_force(&overlap).is_some());
        // A spike: out to (3, 0.5) and back along the same line. The two sides of the spike
        // are neighbours, which are never counted, but the segment after it starts on the way
        // out: a touch.
        let spike = closed(&[(0.0, 0.0), (2.0, 0.0), (2.0, 0.5), (3.0, 0.5), (2.5, 0.5), (2.0, 1.0), (0.0, 1.0)]);
        assert_eq!(brute_force(&spike), Some((2.5, 0.5)));
        assert_eq!(self_crossing(&spike), Some((2.5, 0.5)));
    }

    #[test]
    fn vertical_edges_and_open_rings() {
        // Vertical edges crossed by a sloping one.
        let ring = closed(&[(0.0, 0.0), (0.0, 2.0), (1.0, 2.0), (1.0, -1.0), (-1.0, 1.0), (-1.0, 0.0)]);
        assert!(self_crossing(&ring).is_some());
        assert!(brute_force(&ring).is_some());
        // Open: checked as if closed.
        let bow_tie = [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)];
        assert_eq!(self_crossing(&bow_tie), Some((0.5, 0.5)));
    }

    #[test]
    fn holes_that_touch_or_cross_the_outline_are_found_and_a_hole_inside_is_not() {
        let outline: Vec<Coord<f64>> =
            [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)].iter().map(|&(x, y)| Coord { x, y }).collect();
        let square = |x: f64, y: f64, side: f64| -> Vec<Coord<f64>> {
            [(x, y), (x + side, y), (x + side, y + side), (x, y + side)].iter().map(|&(x, y)| Coord { x, y }).collect()
        };
        assert_eq!(rings_meet(&[&outline, &square(1.0, 1.0, 2.0)]), None);
        assert_eq!(rings_meet(&[&outline, &square(3.0, 1.0, 2.0)]).map(|c| c.x), Some(4.0));
        assert_eq!(rings_meet(&[&outline, &square(0.0, 1.0, 1.0)]).map(|c| c.x), Some(0.0));
        assert_eq!(
            rings_meet(&[&outline, &square(1.0, 1.0, 1.0), &square(2.0, 2.0, 1.0)]),
            Some(Coord { x: 2.0, y: 2.0 })
        );
    }

    #[test]
    fn a_spiral_of_loops_crosses_itself_and_a_fine_circle_does_not() {
        // Like the synthetic hostile ward: seven windings, wobbling in and out.
        let spiral: Vec<(f64, f64)> = (0..=20_000)
            .map(|k| {
                let f = f64::from(k % 20_000) / 20_000.0;
                let r = 1.0 + 0.25 * (std::f64::consts::TAU * 1_001.0 * f).sin();
                let t = std::f64::consts::TAU * 7.0 * f;
                (r * t.cos(), r * t.sin())
            })
            .collect();
        let found = self_crossing(&spiral).expect("the spiral crosses itself");
        assert!(is_a_meeting_point(&spiral, found), "{found:?}");
        let circle: Vec<(f64, f64)> = (0..=50_000)
            .map(|k| {
                let t = f64::from(k % 50_000) / 50_000.0 * std::f64::consts::TAU;
                (t.cos(), t.sin())
            })
            .collect();
        assert_eq!(self_crossing(&circle), None);
    }

    /// Small rings on a 5 × 5 grid: collinear edges, corners on edges, repeated points and
    /// corners visited twice are common, which is where a sweep goes wrong.
    fn grid_ring(most: usize) -> impl Strategy<Value = Vec<(f64, f64)>> {
        prop::collection::vec((0i8..5, 0i8..5), 3..most).prop_map(|points| {
            closed(&points.into_iter().map(|(x, y)| (f64::from(x), f64::from(y))).collect::<Vec<_>>())
        })
    }

    /// Random rings in general position: proper crossings only.
    fn float_ring() -> impl Strategy<Value = Vec<(f64, f64)>> {
        prop::collection::vec((-1.0f64..1.0, -1.0f64..1.0), 3..30).prop_map(|points| closed(&points))
    }

    /// Star-shaped rings (corners sorted by angle): simple, or nearly so when two corners
    /// share an angle, so that the answer is often "no".
    fn star_ring() -> impl Strategy<Value = Vec<(f64, f64)>> {
        prop::collection::vec((0u16..360, 1u8..6), 3..40).prop_map(|mut corners| {
            corners.sort_unstable();
            let points: Vec<(f64, f64)> = corners
                .into_iter()
                .map(|(deg, r)| {
                    let t = f64::from(deg).to_radians();
                    (f64::from(r) * t.cos(), f64::from(r) * t.sin())
                })
                .collect();
            closed(&points)
        })
    }

    /// A triangle whose corners are in a line: its third side overlaps the other two, which
    /// are all neighbours, so the quadratic definition and the sweep may differ (the sweep says
    /// it meets itself). Such rings have no area and never reach the mesh.
    fn is_flat_triangle(ring: &[(f64, f64)]) -> bool {
        let c = corners(&ring.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>());
        c.len() == 3 && orient(c[0], c[1], c[2]) == Orientation::Collinear
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

        #[test]
        fn on_grid_rings_the_sweep_agrees_with_every_pair_compared(ring in grid_ring(12)) {
            let found = self_crossing(&ring);
            prop_assert_eq!(found.is_some(), brute_force(&ring).is_some(), "{:?} gave {:?}", ring, found);
            if let Some(point) = found {
                prop_assert!(is_a_meeting_point(&ring, point), "{:?} gave {:?}", ring, point);
            }
        }

        #[test]
        fn integer_keys_sort_like_the_numbers(a in prop::num::f64::ANY, b in prop::num::f64::ANY) {
            prop_assert_eq!(ordered(a).cmp(&ordered(b)), a.total_cmp(&b));
        }

        #[test]
        fn on_random_rings_the_sweep_agrees_with_every_pair_compared(ring in float_ring()) {
            let found = self_crossing(&ring);
            prop_assert_eq!(found.is_some(), brute_force(&ring).is_some(), "{:?} gave {:?}", ring, found);
        }

        #[test]
        fn on_star_rings_the_sweep_agrees_with_every_pair_compared(ring in star_ring()) {
            let found = self_crossing(&ring);
            prop_assert_eq!(found.is_some(), brute_force(&ring).is_some(), "{:?} gave {:?}", ring, found);
        }

        #[test]
        fn on_several_grid_rings_the_sweep_agrees_with_every_pair_compared(
            rings in prop::collection::vec(grid_ring(7), 1..4)
        ) {
            prop_assume!(!rings.iter().any(|ring| is_flat_triangle(ring)));
            let as_coords: Vec<Vec<Coord<f64>>> =
                rings.iter().map(|ring| ring.iter().map(|&(x, y)| Coord { x, y }).collect()).collect();
            let slices: Vec<&[Coord<f64>]> = as_coords.iter().map(Vec::as_slice).collect();
            let kept: Vec<Vec<(f64, f64)>> = rings
                .iter()
                .filter(|ring| corners(&ring.iter().map(|&(x, y)| Coord { x, y }).collect::<Vec<_>>()).len() >= 3)
                .cloned()
                .collect();
            let found = rings_meet(&slices);
            prop_assert_eq!(found.is_some(), brute_force_rings(&kept).is_some(), "{:?} gave {:?}", rings, found);
        }
    }
}
