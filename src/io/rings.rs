//! Ward shapes out of GeoJSON geometries, checked ring by ring.
//!
//! Decisions, and why:
//! - A ring that is empty, has fewer than 4 positions, or does not end where it starts is
//!   refused. RFC 7946 requires closed rings; an open one means a file cut short or edited by
//!   hand, and closing it silently could draw a shape the source never had.
//! - A ring that crosses itself is kept, with a warning. Generalised ONS boundaries have such
//!   slivers now and then; the map still draws them (even-odd fill), only areas and hit tests
//!   near the crossing are off, and refusing would lock out real files.
//! - Points, lines and other non-area geometries are not wards: the feature is skipped with a
//!   warning (the caller refuses a file where nothing is left).

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;

/// A polygon as plain points, before reprojection: rings, the first the outline.
pub type RawPolygon = Vec<Vec<(f64, f64)>>;

/// A feature's geometry as polygons, or why it is not an area.
pub enum Shape {
    Polygons(Vec<RawPolygon>),
    /// Not an area: the geometry type, for the warning.
    NotArea(&'static str),
}

/// Take the polygons out of a GeoJSON geometry object, checking its structure and every
/// ring's. A geometry collection counts as an area when it holds any polygon.
pub fn raw_polygons(geometry: &Value) -> Result<Shape, String> {
    let kind = geometry.get("type").and_then(Value::as_str).ok_or("its geometry has no \"type\"")?;
    let coordinates = || geometry.get("coordinates").and_then(Value::as_array);
    match kind {
        "Polygon" => {
            let rings = coordinates().ok_or("its Polygon has no \"coordinates\" array")?;
            Ok(Shape::Polygons(vec![raw_polygon(rings, 1)?]))
        }
        "MultiPolygon" => {
            let polygons = coordinates().ok_or("its MultiPolygon has no \"coordinates\" array")?;
            let mut out = Vec::with_capacity(polygons.len());
            for (index, polygon) in polygons.iter().enumerate() {
                let rings =
                    polygon.as_array().ok_or_else(|| format!("polygon {} is not an array of rings", index + 1))?;
                out.push(raw_polygon(rings, index + 1)?);
            }
            if out.is_empty() {
                return Err("its MultiPolygon has no polygons: remove the feature or export the file again".into());
            }
            Ok(Shape::Polygons(out))
        }
        "GeometryCollection" => {
            let mut polygons = Vec::new();
            for member in geometry.get("geometries").and_then(Value::as_array).into_iter().flatten() {
                if let Shape::Polygons(more) = raw_polygons(member)? {
                    polygons.extend(more);
                }
            }
            Ok(if polygons.is_empty() {
                Shape::NotArea("GeometryCollection without polygons")
            } else {
                Shape::Polygons(polygons)
            })
        }
        "Point" => Ok(Shape::NotArea("Point")),
        "MultiPoint" => Ok(Shape::NotArea("MultiPoint")),
        "LineString" => Ok(Shape::NotArea("LineString")),
        "MultiLineString" => Ok(Shape::NotArea("MultiLineString")),
        other => Err(format!("its geometry type \"{other}\" is not a GeoJSON geometry type")),
    }
}

fn raw_polygon(rings: &[Value], polygon: usize) -> Result<RawPolygon, String> {
    if rings.is_empty() {
        return Err(format!("polygon {polygon} has no rings: remove it or export the file again"));
    }
    rings
        .iter()
        .enumerate()
        .map(|(index, ring)| match ring.as_array() {
            Some(positions) => raw_ring(positions, polygon, index),
            None => Err(format!("{} is not an array of positions", ring_name(polygon, index))),
        })
        .collect()
}

fn ring_name(polygon: usize, index: usize) -> String {
    if index == 0 { format!("the outline of polygon {polygon}") } else { format!("hole {index} of polygon {polygon}") }
}

fn raw_ring(ring: &[Value], polygon: usize, index: usize) -> Result<Vec<(f64, f64)>, String> {
    let mut points = Vec::with_capacity(ring.len());
    for (n, position) in ring.iter().enumerate() {
        let coordinate = |i: usize| position.as_array().and_then(|p| p.get(i)).and_then(Value::as_f64);
        let (Some(x), Some(y)) = (coordinate(0), coordinate(1)) else {
            let name = ring_name(polygon, index);
            return Err(format!("position {} of {name} is not a pair of numbers like [-0.2, 51.6]", n + 1));
        };
        points.push((x, y));
    }
    check_ring(points, polygon, index)
}

/// The checks every ring passes, whichever road it was read by: finite numbers, at least 4
/// positions, closed. `polygon` counts from 1, `index` from 0 (0 is the outline).
pub(crate) fn check_ring(points: Vec<(f64, f64)>, polygon: usize, index: usize) -> Result<Vec<(f64, f64)>, String> {
    if let Some(n) = points.iter().position(|(x, y)| !x.is_finite() || !y.is_finite()) {
        return Err(format!("position {} of {} is not a finite number", n + 1, ring_name(polygon, index)));
    }
    match (points.first(), points.last()) {
        (None, _) | (_, None) => {
            Err(format!("{} is empty: a ward outline needs at least 4 positions", ring_name(polygon, index)))
        }
        _ if points.len() < 4 => Err(format!(
            "{} has {} positions; a closed ring needs at least 4 (the last repeating the first)",
            ring_name(polygon, index),
            points.len()
        )),
        (Some(first), Some(last)) if first != last => Err(format!(
            "{} is not closed: it starts at ({}, {}) but ends at ({}, {}). GeoJSON rings must end where they \
             start; the file may be cut short or edited by hand: export it again",
            ring_name(polygon, index),
            first.0,
            first.1,
            last.0,
            last.1
        )),
        _ => Ok(points),
    }
}

/// Check every ring of polygons read by the typed road ([`super::geojson_typed`]).
pub(crate) fn check_polygons(polygons: Vec<RawPolygon>) -> Result<Vec<RawPolygon>, String> {
    polygons
        .into_iter()
        .enumerate()
        .map(|(p, rings)| rings.into_iter().enumerate().map(|(index, ring)| check_ring(ring, p + 1, index)).collect())
        .collect()
}

/// Build the geo shape; warn (in words) about rings that cross themselves.
pub fn to_multi_polygon(polygons: Vec<RawPolygon>, warnings: &mut Vec<String>) -> MultiPolygon<f64> {
    let mut out = Vec::with_capacity(polygons.len());
    for (p, rings) in polygons.into_iter().enumerate() {
        let mut rings = rings.into_iter().enumerate().map(|(index, ring)| {
            if let Some((x, y)) = self_crossing(&ring) {
                warnings.push(format!(
                    "{} crosses itself near ({x:.5}, {y:.5}); it is drawn as given, but repair it \
                     (e.g. QGIS \"Fix geometries\") for exact areas",
                    ring_name(p + 1, index)
                ));
            }
            LineString::new(ring.into_iter().map(|(x, y)| Coord { x, y }).collect())
        });
        let Some(exterior) = rings.next() else {
            continue;
        };
        out.push(Polygon::new(exterior, rings.collect()));
    }
    MultiPolygon(out)
}

/// A point where the ring crosses or touches itself away from its own vertices' neighbours:
/// a sweep line, O(n log n) per ring (`super::self_crossing`), so that big rings stay fast
/// even when they wind round themselves (geo's `Validation` compares every pair of segments).
pub fn self_crossing(ring: &[(f64, f64)]) -> Option<(f64, f64)> {
    super::self_crossing::self_crossing(ring)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bow_tie_crosses_itself_and_a_square_does_not() {
        let square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&square), None);
        let bow_tie = [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&bow_tie), Some((0.5, 0.5)));
        let repeated_point = [(0.0, 0.0), (1.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)];
        assert_eq!(self_crossing(&repeated_point), None);
    }
}
