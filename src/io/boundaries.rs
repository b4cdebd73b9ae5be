//! Ward boundaries from GeoJSON: FeatureCollections (or single Features) of Polygons and
//! MultiPolygons, holes included, in lon/lat or British National Grid.
//!
//! Which properties hold the ward's code and name is detected (`WDxxCD`/`WDxxNM` of any year,
//! `gss`/`code`/`name`, …). When the detection is unsure (no name property, or several
//! candidates) the result says so and lists the properties, so the UI can let the user choose
//! and load again with [`BoundaryOptions`].

use super::Progress;
use super::crs::{self, Crs, ToLonLat};
use super::error::{BoundaryError, ReadError};
use super::properties::{self, Properties, PropertyReport};
use super::rings::{self, RawPolygon, Shape};
use crate::model::{Ward, WardSet};
use std::path::Path;

/// The user's choice of properties; `None` means "detect".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoundaryOptions {
    pub code_property: Option<String>,
    pub name_property: Option<String>,
}

/// A boundary file, read.
#[derive(Clone, Debug)]
pub struct ParsedBoundaries {
    pub ward_set: WardSet,
    /// Features skipped, rings that cross themselves, the coordinate system guessed, in words.
    pub warnings: Vec<String>,
    /// Which properties were used for code and name, and which exist.
    pub properties: PropertyReport,
    /// The coordinate system the file was in (the ward set is always lon/lat).
    pub crs: Crs,
}

/// Parse with detected properties and no progress: for embedded files and simple callers.
pub fn parse(
    text: &str,
    file: &Path,
    name: &str,
    first_year: Option<i32>,
) -> Result<WardSet, BoundaryError> {
    parse_with(
        text,
        file,
        name,
        first_year,
        &BoundaryOptions::default(),
        &super::no_progress,
    )
    .map(|p| p.ward_set)
}

/// Read and parse a boundary file with detected properties.
pub fn read(path: &Path, name: &str, first_year: Option<i32>) -> Result<WardSet, BoundaryError> {
    let text = super::read_text(path, &super::no_progress)?;
    parse(&text, path, name, first_year)
}

/// A feature that is an area, before reprojection.
struct Pending {
    number: usize,
    code: Option<String>,
    name: String,
    polygons: Vec<RawPolygon>,
}

/// Parse a GeoJSON text into a ward set named `name`. `progress` sees 0.5 to 1.
pub fn parse_with(
    text: &str,
    file: &Path,
    name: &str,
    first_year: Option<i32>,
    options: &BoundaryOptions,
    progress: Progress,
) -> Result<ParsedBoundaries, BoundaryError> {
    let file_buf = file.to_path_buf();
    let json: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BoundaryError::NotJson {
            file: file_buf.clone(),
            line: e.line(),
            column: e.column(),
            detail: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_owned(),
        })?;
    let declared = crs::declared(&json).map_err(|crs| BoundaryError::UnknownCrs {
        file: file_buf.clone(),
        crs,
    })?;
    let features = features_of(&json).map_err(|detail| BoundaryError::NotGeoJson {
        file: file_buf.clone(),
        detail,
    })?;
    let all_properties: Vec<Properties> = features
        .iter()
        .map(|f| f.get("properties").and_then(serde_json::Value::as_object))
        .collect();
    let (report, mut warnings) = properties::choose(&all_properties, options, file)?;
    let mut pending = Vec::with_capacity(features.len());
    let mut not_areas: Vec<(usize, &'static str)> = Vec::new();
    let cancelled = || {
        BoundaryError::Read(ReadError::Cancelled {
            file: file_buf.clone(),
        })
    };
    for (index, feature) in features.iter().enumerate() {
        let number = index + 1;
        if index % 256 == 0 && !progress(0.5 + 0.3 * index as f32 / features.len() as f32) {
            return Err(cancelled());
        }
        let code = report.code_of(all_properties[index]);
        let ward_name = report
            .name_of(all_properties[index])
            .or_else(|| code.clone());
        let bad = |problem: String| BoundaryError::BadFeature {
            file: file_buf.clone(),
            feature: number,
            ward: ward_name.clone(),
            problem,
        };
        let Some(geometry) = feature.get("geometry").filter(|g| !g.is_null()) else {
            not_areas.push((number, "no geometry"));
            continue;
        };
        match rings::raw_polygons(geometry).map_err(bad)? {
            Shape::NotArea(kind) => not_areas.push((number, kind)),
            Shape::Polygons(polygons) => pending.push(Pending {
                number,
                code,
                name: ward_name.unwrap_or_else(|| format!("Ward {number}")),
                polygons,
            }),
        }
    }
    if pending.is_empty() {
        let detail = if features.is_empty() {
            "it has no features. Choose a file of ward polygons".to_owned()
        } else {
            format!(
                "none of its {} features is a Polygon or MultiPolygon (found {}). A ward boundary file needs areas, \
                 not points or lines",
                features.len(),
                kinds(&not_areas)
            )
        };
        return Err(BoundaryError::NoWards {
            file: file_buf,
            detail,
        });
    }
    if !not_areas.is_empty() {
        let numbers: Vec<String> = not_areas
            .iter()
            .take(10)
            .map(|(n, _)| n.to_string())
            .collect();
        warnings.push(format!(
            "{}: skipped {} feature(s) that are not areas ({}): feature(s) {}{}",
            file.display(),
            not_areas.len(),
            kinds(&not_areas),
            numbers.join(", "),
            if not_areas.len() > 10 { ", …" } else { "" }
        ));
    }
    let crs = choose_crs(declared, &pending, file, &mut warnings)?;
    let convert = ToLonLat::new(crs).map_err(|detail| BoundaryError::UnknownCrs {
        file: file_buf.clone(),
        crs: detail,
    })?;
    let mut wards = Vec::with_capacity(pending.len());
    for (index, mut feature) in pending.into_iter().enumerate() {
        if index % 64 == 0 && !progress(0.8 + 0.2 * index as f32 / wards.capacity() as f32) {
            return Err(cancelled());
        }
        if let Some(convert) = &convert {
            for ring in feature.polygons.iter_mut().flatten() {
                convert
                    .apply(ring)
                    .map_err(|problem| BoundaryError::BadFeature {
                        file: file_buf.clone(),
                        feature: feature.number,
                        ward: Some(feature.name.clone()),
                        problem,
                    })?;
            }
        }
        let mut ring_warnings = Vec::new();
        let geometry = rings::to_multi_polygon(feature.polygons, &mut ring_warnings);
        warnings.extend(ring_warnings.into_iter().map(|w| {
            format!(
                "{}, feature {} ({}): {w}",
                file.display(),
                feature.number,
                feature.name
            )
        }));
        wards.push(Ward {
            code: feature.code,
            name: feature.name,
            geometry,
        });
    }
    let ward_set = WardSet {
        name: name.to_owned(),
        first_year,
        source: file.display().to_string(),
        wards,
    };
    Ok(ParsedBoundaries {
        ward_set,
        warnings,
        properties: report,
        crs,
    })
}

/// The features of a GeoJSON object: a FeatureCollection's, or a single Feature. Anything else
/// is described for the "not GeoJSON" message.
fn features_of(json: &serde_json::Value) -> Result<Vec<&serde_json::Value>, String> {
    let Some(object) = json.as_object() else {
        return Err(format!(
            "it is a JSON {}, not an object with \"type\": \"FeatureCollection\"",
            json_kind(json)
        ));
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
        Some("Topology") => {
            Err("it is TopoJSON; convert it to GeoJSON first (for example with mapshaper)".into())
        }
        Some(
            kind @ ("Polygon" | "MultiPolygon" | "GeometryCollection" | "Point" | "LineString"
            | "MultiPoint" | "MultiLineString"),
        ) => Err(format!(
            "it is a bare {kind} geometry with no properties, so wards would have no names"
        )),
        Some(other) => Err(format!(
            "its \"type\" is \"{other}\", not \"FeatureCollection\""
        )),
        None => Err(
            "it has no \"type\" member; a GeoJSON file starts {\"type\": \"FeatureCollection\", …"
                .into(),
        ),
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
fn kinds(not_areas: &[(usize, &'static str)]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, kind) in not_areas {
        match counts.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The declared system, checked against the coordinates; else the one the ranges show.
fn choose_crs(
    declared: Option<Crs>,
    pending: &[Pending],
    file: &Path,
    warnings: &mut Vec<String>,
) -> Result<Crs, BoundaryError> {
    let points = || {
        pending
            .iter()
            .flat_map(|f| f.polygons.iter().flatten().flatten().copied())
    };
    let crs = match declared {
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
                if lonlat * 2 >= points().count() {
                    Crs::LonLat
                } else {
                    Crs::BritishNationalGrid
                }
            }
        },
    };
    for feature in pending {
        if let Some(&(x, y)) = feature
            .polygons
            .iter()
            .flatten()
            .flatten()
            .find(|(x, y)| !crs.fits(*x, *y))
        {
            let mut problem = format!("outside the range of {}", crs.describe());
            if declared.is_some() {
                problem.push_str(" that the file's `crs` member names");
                if crs != Crs::BritishNationalGrid && Crs::BritishNationalGrid.fits(x, y) {
                    problem.push_str(" (it looks like British National Grid metres: correct or remove the `crs` member)");
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
