//! The features of a GeoJSON document on their way to becoming wards: finding them, counting
//! the ones that are not areas, and settling the coordinate system they are in.

use super::crs::{self, Crs};
use super::error::BoundaryError;
use super::rings::RawPolygon;
use std::path::Path;

/// A feature that is an area, before reprojection.
pub(crate) struct Pending {
    pub(crate) number: usize,
    pub(crate) code: Option<String>,
    pub(crate) name: String,
    pub(crate) polygons: Vec<RawPolygon>,
}

/// The features of a GeoJSON object: a FeatureCollection's, or a single Feature. Anything else
/// is described for the "not GeoJSON" message.
pub(crate) fn features_of(json: &serde_json::Value) -> Result<Vec<&serde_json::Value>, String> {
    let Some(object) = json.as_object() else {
        return Err(format!("it is a JSON {}, not an object with \"type\": \"FeatureCollection\"", json_kind(json)));
    };
    match object.get("type").and_then(serde_json::Value::as_str) {
        Some("FeatureCollection") => {
            let features = object
                .get("features")
                .and_then(serde_json::Value::as_array)
                .ok_or("it is a FeatureCollection without a \"features\" array")?;
            match features.iter().position(|f| !f.is_object()) {
                Some(index) => Err(format!(
                    "feature {} is a JSON {}, not a Feature object",
                    index + 1,
                    json_kind(&features[index])
                )),
                None => Ok(features.iter().collect()),
            }
        }
        Some("Feature") => Ok(vec![json]),
        Some("Topology") => Err("it is TopoJSON; convert it to GeoJSON first (for example with mapshaper)".into()),
        Some(
            kind @ ("Polygon" | "MultiPolygon" | "GeometryCollection" | "Point" | "LineString" | "MultiPoint"
            | "MultiLineString"),
        ) => Err(format!("it is a bare {kind} geometry with no properties, so wards would have no names")),
        Some(other) => Err(format!("its \"type\" is \"{other}\", not \"FeatureCollection\"")),
        None => Err("it has no \"type\" member; a GeoJSON file starts {\"type\": \"FeatureCollection\", …".into()),
    }
}

fn json_kind(json: &serde_json::Value) -> &'static str {
    match json {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// "2 Point, 1 LineString".
pub(crate) fn kinds(not_areas: &[(usize, &'static str)]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, kind) in not_areas {
        match counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts.iter().map(|(kind, n)| format!("{n} {kind}")).collect::<Vec<_>>().join(", ")
}

/// The declared system, checked against the coordinates; else the one the ranges show.
pub(crate) fn choose_crs(
    declared: Option<Crs>,
    pending: &[Pending],
    file: &Path,
    warnings: &mut Vec<String>,
) -> Result<Crs, BoundaryError> {
    let points = || pending.iter().flat_map(|f| f.polygons.iter().flatten().flatten().copied());
    let crs = match declared {
        // Numbers in degrees under a `crs` of metres would draw the borough a few hundred metres
        // across off the Isles of Scilly: when they are degrees in the UK, they are read as such.
        Some(Crs::BritishNationalGrid) if degrees_in_uk(points()) => {
            warnings.push(format!(
                "{}: its `crs` member says British National Grid (metres), but its coordinates are longitude and \
                 latitude in degrees in Great Britain (as metres the whole file would be a few hundred metres \
                 across), so they were read as longitude/latitude. Correct or remove the `crs` member",
                file.display()
            ));
            Crs::LonLat
        }
        Some(crs) => crs,
        None => match crs::guess(points()) {
            Some(Crs::LonLat) => Crs::LonLat,
            Some(other) => {
                warnings.push(format!(
                    "{} has no `crs` member; its coordinates are in the range of {}, so they were read as that",
                    file.display(),
                    other.describe()
                ));
                other
            }
            // Most points decide what the odd one out is measured against.
            None => {
                let lonlat = points().filter(|(x, y)| Crs::LonLat.fits(*x, *y)).count();
                if lonlat * 2 >= points().count() { Crs::LonLat } else { Crs::BritishNationalGrid }
            }
        },
    };
    for feature in pending {
        if let Some(&(x, y)) = feature.polygons.iter().flatten().flatten().find(|(x, y)| !crs.fits(*x, *y)) {
            let mut problem = format!("outside the range of {}", crs.describe());
            if declared.is_some() {
                problem.push_str(" that the file's `crs` member names");
                if crs != Crs::BritishNationalGrid && Crs::BritishNationalGrid.fits(x, y) {
                    problem
                        .push_str(" (it looks like British National Grid metres: correct or remove the `crs` member)");
                }
            } else {
                problem.push_str(", which the rest of the file is in");
            }
            return Err(BoundaryError::AbsurdCoordinates {
                file: file.to_path_buf(),
                feature: feature.number,
                ward: Some(feature.name.clone()),
                x,
                y,
                problem,
            });
        }
    }
    Ok(crs)
}

/// Whether every point fits longitude/latitude and the whole lies in the UK (either way round).
fn degrees_in_uk(points: impl Iterator<Item = (f64, f64)> + Clone) -> bool {
    points.clone().all(|(x, y)| Crs::LonLat.fits(x, y))
        && super::location::Extent::of(points).is_some_and(|e| e.in_uk() || e.swapped().in_uk())
}
