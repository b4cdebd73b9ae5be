//! The outlines of groups of wards (London's boroughs): the ward edges that do not lie between
//! two wards of the same group, chained into polylines.
//!
//! Why not a polygon union: merging 679 ward polygons into 32 boroughs with boolean operations
//! takes seconds and fails on the slivers real files have. The ward layers come from one
//! topology (neighbouring wards share the very same vertices), so an edge used by two wards of
//! one borough is inside it and every other edge is on its outline: a hash of edges does it in
//! linear time. Where a file's neighbours do not share vertices, their edges simply both stay,
//! which draws the same line twice rather than losing one.

use geo::{Coord, LineString, MultiPolygon};
use std::collections::HashMap;

/// A vertex as a hashable key: coordinates rounded to a millimetre (world metres).
type Key = (i64, i64);
/// An edge from one vertex to another, in world metres.
type Edge = (Coord<f64>, Coord<f64>);
/// The groups of the wards that use an edge, and the edge's first use (for a stable order).
type EdgeUse = (Vec<Option<usize>>, usize);

#[allow(clippy::cast_possible_truncation, reason = "world metres times 1000 are far inside i64")]
fn key(c: Coord<f64>) -> Key {
    ((c.x * 1000.0).round() as i64, (c.y * 1000.0).round() as i64)
}

/// The outline polylines of the groups: `group_of[i]` is ward `i`'s group (`None`: a ward of
/// no group, whose edges count as outline). Deterministic: the order follows the wards'.
#[must_use]
pub fn group_outlines(wards: &[&MultiPolygon<f64>], group_of: &[Option<usize>]) -> Vec<LineString<f64>> {
    // Each undirected edge, with the groups of the wards that use it and its first use.
    let mut edges: HashMap<(Key, Key), EdgeUse> = HashMap::new();
    let mut ordered: Vec<Edge> = Vec::new();
    for (ward, shape) in wards.iter().enumerate() {
        let group = group_of.get(ward).copied().flatten();
        for polygon in shape.iter() {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                for line in ring.lines() {
                    let (a, b) = (key(line.start), key(line.end));
                    if a == b {
                        continue;
                    }
                    let undirected = if a < b { (a, b) } else { (b, a) };
                    let entry = edges.entry(undirected).or_insert_with(|| {
                        ordered.push((line.start, line.end));
                        (Vec::new(), ordered.len() - 1)
                    });
                    entry.0.push(group);
                }
            }
        }
    }
    let mut outline_edges: Vec<(usize, Edge)> = edges
        .values()
        .filter(|(groups, _)| !(groups.len() >= 2 && groups[0].is_some() && groups.iter().all(|g| *g == groups[0])))
        .map(|(_, first)| (*first, ordered[*first]))
        .collect();
    outline_edges.sort_by_key(|(first, _)| *first);
    chain(outline_edges.into_iter().map(|(_, edge)| edge).collect())
}

/// Join edges that meet end to start into polylines (fewer, longer lines to paint).
fn chain(edges: Vec<Edge>) -> Vec<LineString<f64>> {
    let mut from: HashMap<Key, Vec<usize>> = HashMap::new();
    for (index, (a, b)) in edges.iter().enumerate() {
        from.entry(key(*a)).or_default().push(index);
        from.entry(key(*b)).or_default().push(index);
    }
    let mut used = vec![false; edges.len()];
    let mut lines = Vec::new();
    for start in 0..edges.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let mut points = vec![edges[start].0, edges[start].1];
        // Walk forward from the end while an unused edge continues it.
        while let Some(&end) = points.last() {
            let next = from.get(&key(end)).and_then(|list| list.iter().copied().find(|&e| !used[e]));
            let Some(next) = next else { break };
            used[next] = true;
            let (a, b) = edges[next];
            points.push(if key(a) == key(end) { b } else { a });
        }
        lines.push(LineString::new(points));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn square(x: f64, y: f64) -> MultiPolygon<f64> {
        MultiPolygon::new(vec![
            polygon![(x: x, y: y), (x: x + 1.0, y: y), (x: x + 1.0, y: y + 1.0), (x: x, y: y + 1.0)],
        ])
    }

    fn length(lines: &[LineString<f64>]) -> f64 {
        use geo::{Euclidean, Length};
        lines.iter().map(|l| Euclidean.length(l)).sum()
    }

    #[test]
    fn an_edge_between_two_wards_of_one_group_is_not_outline() {
        // Three unit squares in a row: 0 and 1 in group A, 2 in group B.
        let wards = [square(0.0, 0.0), square(1.0, 0.0), square(2.0, 0.0)];
        let refs: Vec<&MultiPolygon<f64>> = wards.iter().collect();
        let one_group = group_outlines(&refs, &[Some(0), Some(0), Some(0)]);
        assert!((length(&one_group) - 8.0).abs() < 1e-9, "the perimeter of the 3x1 strip");
        let two_groups = group_outlines(&refs, &[Some(0), Some(0), Some(1)]);
        assert!((length(&two_groups) - 9.0).abs() < 1e-9, "the strip's perimeter and the A|B edge");
        let no_groups = group_outlines(&refs, &[None, None, None]);
        assert!((length(&no_groups) - 10.0).abs() < 1e-9, "every edge once");
        assert_eq!(one_group.len(), 1, "the perimeter chains into one line");
    }
}
