//! Ward boundaries from GeoJSON: FeatureCollections (or single Features) of Polygons and
//! MultiPolygons, holes included, in lon/lat or British National Grid.
//!
//! Which properties hold the ward's code and name is detected (`WDxxCD`/`WDxxNM` of any year,
//! `gss`/`code`/`name`, …). When the detection is unsure (no name property, or several
//! candidates) the result says so and lists the properties, so the UI can let the user choose
//! and load again with a [`BoundaryOptions`].

use super::Progress;
use super::crs::{self, Crs, ToLonLat};
use super::error::{BoundaryError, ReadError};
use super::features::{Pending, choose_crs, features_of, kinds};
use super::geojson_typed::{self, Geometry};
use super::location;
use super::properties::{self, BoundaryOptions, Properties, PropertyReport};
use super::rings::{self, Shape};
use crate::model::{Ward, WardSet};
use rayon::prelude::*;
use std::path::Path;

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

/// A feature's geometry by whichever road the file was read: typed ([`geojson_typed`]) for a
/// well-formed file, a JSON tree for one that needs its problems worded.
enum RawGeometry<'a> {
    Missing,
    Typed(Geometry),
    Tree(&'a serde_json::Value),
}

/// Parse with detected properties and no progress: for embedded files and simple callers.
pub fn parse(text: &str, file: &Path, name: &str, first_year: Option<i32>) -> Result<WardSet, BoundaryError> {
    parse_with(text, file, name, first_year, &BoundaryOptions::default(), &super::no_progress).map(|p| p.ward_set)
}

/// Read and parse a boundary file with detected properties.
pub fn read(path: &Path, name: &str, first_year: Option<i32>) -> Result<WardSet, BoundaryError> {
    let text = super::read_text(path, &super::no_progress)?;
    parse(&text, path, name, first_year)
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
    let tree: serde_json::Value;
    let (declared, properties_owned, geometries) = match geojson_typed::parse(text) {
        Some(collection) => {
            let mut crs_holder = serde_json::Map::new();
            if let Some(crs) = collection.crs {
                crs_holder.insert("crs".to_owned(), crs);
            }
            let declared = crs::declared(&serde_json::Value::Object(crs_holder));
            let (properties, geometries): (Vec<_>, Vec<_>) = collection
                .features
                .into_iter()
                .map(|feature| (feature.properties, feature.geometry.map_or(RawGeometry::Missing, RawGeometry::Typed)))
                .unzip();
            (declared, properties, geometries)
        }
        None => {
            tree = serde_json::from_str(text).map_err(|e| BoundaryError::NotJson {
                file: file_buf.clone(),
                line: e.line(),
                column: e.column(),
                detail: e.to_string().split(" at line").next().unwrap_or_default().to_owned(),
            })?;
            let declared = crs::declared(&tree);
            let features = match declared {
                Err(_) => Vec::new(),
                Ok(_) => {
                    features_of(&tree).map_err(|detail| BoundaryError::NotGeoJson { file: file_buf.clone(), detail })?
                }
            };
            let properties =
                features.iter().map(|f| f.get("properties").and_then(serde_json::Value::as_object).cloned()).collect();
            let geometries = features
                .iter()
                .map(|f| f.get("geometry").filter(|g| !g.is_null()).map_or(RawGeometry::Missing, RawGeometry::Tree))
                .collect();
            (declared, properties, geometries)
        }
    };
    let declared = declared.map_err(|crs| BoundaryError::UnknownCrs { file: file_buf.clone(), crs })?;
    let all_properties: Vec<Properties> = properties_owned.iter().map(Option::as_ref).collect();
    if !all_properties.is_empty() && all_properties.iter().all(|p| p.is_none_or(serde_json::Map::is_empty)) {
        return Err(BoundaryError::NoProperties { file: file_buf, features: all_properties.len() });
    }
    let (report, mut warnings) = properties::choose(&all_properties, options, file)?;
    let feature_count = geometries.len();
    let mut pending = Vec::with_capacity(feature_count);
    let mut not_areas: Vec<(usize, &'static str)> = Vec::new();
    let cancelled = || BoundaryError::Read(ReadError::Cancelled { file: file_buf.clone() });
    for (index, geometry) in geometries.into_iter().enumerate() {
        let number = index + 1;
        if index % 256 == 0 && !progress(0.5 + 0.3 * index as f32 / feature_count as f32) {
            return Err(cancelled());
        }
        let code = report.code_of(all_properties[index]);
        let ward_name = report.name_of(all_properties[index]).or_else(|| code.clone());
        let bad = |problem: String| BoundaryError::BadFeature {
            file: file_buf.clone(),
            feature: number,
            ward: ward_name.clone(),
            problem,
        };
        let shape = match geometry {
            RawGeometry::Missing => Shape::NotArea("no geometry"),
            RawGeometry::Tree(value) => rings::raw_polygons(value).map_err(bad)?,
            RawGeometry::Typed(Geometry::NotArea(kind)) => Shape::NotArea(kind),
            RawGeometry::Typed(Geometry::Polygons(polygons)) => {
                Shape::Polygons(rings::check_polygons(polygons).map_err(bad)?)
            }
        };
        match shape {
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
        let detail = if feature_count == 0 {
            "it has no features. Choose a file of ward polygons".to_owned()
        } else {
            format!(
                "none of its {} features is a Polygon or MultiPolygon (found {}). A ward boundary file needs areas, \
                 not points or lines",
                feature_count,
                kinds(&not_areas)
            )
        };
        return Err(BoundaryError::NoWards { file: file_buf, detail });
    }
    if !not_areas.is_empty() {
        let numbers: Vec<String> = not_areas.iter().take(10).map(|(n, _)| n.to_string()).collect();
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
    refuse_duplicate_codes(&pending, file)?;
    if crs == Crs::LonLat {
        location::unswap_lat_lon(&mut pending, file, &mut warnings);
    }
    let wards = to_wards(pending, crs, file, progress, &mut warnings)?;
    location::warn_outside_uk(&wards, file, &mut warnings);
    let ward_set =
        WardSet { name: name.to_owned(), first_year, source: file.display().to_string(), borough: None, wards };
    Ok(ParsedBoundaries { ward_set, warnings, properties: report, crs })
}

/// Two features with one ward code would each claim the ward's result, and one of them would be
/// drawn with no data: refused, naming both.
fn refuse_duplicate_codes(pending: &[Pending], file: &Path) -> Result<(), BoundaryError> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::with_capacity(pending.len());
    for feature in pending {
        let Some(code) = feature.code.as_deref() else { continue };
        if let Some(first) = seen.insert(code, feature.number) {
            return Err(BoundaryError::DuplicateWard {
                file: file.to_path_buf(),
                ward: feature.name.clone(),
                code: code.to_owned(),
                first,
                second: feature.number,
            });
        }
    }
    Ok(())
}

/// Reproject the features to lon/lat and build the wards, warning about rings that cross
/// themselves. `progress` sees 0.8 to 1.
fn to_wards(
    pending: Vec<Pending>,
    crs: Crs,
    file: &Path,
    progress: Progress,
    warnings: &mut Vec<String>,
) -> Result<Vec<Ward>, BoundaryError> {
    let convert =
        ToLonLat::new(crs).map_err(|detail| BoundaryError::UnknownCrs { file: file.to_path_buf(), crs: detail })?;
    let total = pending.len() as f32;
    let mut wards = Vec::with_capacity(pending.len());
    let mut pending = pending.into_iter().peekable();
    // Features are independent, so each batch is reprojected and checked on every core (the
    // self-crossing check is most of the work); between batches progress is reported and a
    // cancel honoured. Results keep the file's order, so warnings and errors read as before.
    while pending.peek().is_some() {
        if !progress(0.8 + 0.2 * wards.len() as f32 / total) {
            return Err(BoundaryError::Read(ReadError::Cancelled { file: file.to_path_buf() }));
        }
        let batch: Vec<Pending> = pending.by_ref().take(WARDS_PER_BATCH).collect();
        let built: Vec<Result<(Ward, Vec<String>), BoundaryError>> =
            batch.into_par_iter().map(|feature| to_ward(feature, convert.as_ref(), file)).collect();
        for result in built {
            let (ward, ring_warnings) = result?;
            warnings.extend(ring_warnings);
            wards.push(ward);
        }
    }
    Ok(wards)
}

/// Features reprojected and checked between two progress reports.
const WARDS_PER_BATCH: usize = 1024;

/// One feature as a ward, with its warnings (already naming the file and feature).
fn to_ward(
    mut feature: Pending,
    convert: Option<&ToLonLat>,
    file: &Path,
) -> Result<(Ward, Vec<String>), BoundaryError> {
    if let Some(convert) = convert {
        for ring in feature.polygons.iter_mut().flatten() {
            convert.apply(ring).map_err(|problem| BoundaryError::BadFeature {
                file: file.to_path_buf(),
                feature: feature.number,
                ward: Some(feature.name.clone()),
                problem,
            })?;
        }
    }
    let mut ring_warnings = Vec::new();
    let geometry = rings::to_multi_polygon(feature.polygons, &mut ring_warnings);
    let warnings = ring_warnings
        .into_iter()
        .map(|w| format!("{}, feature {} ({}): {w}", file.display(), feature.number, feature.name))
        .collect();
    Ok((Ward { code: feature.code, name: feature.name, borough: None, geometry }, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(ring: &str, extra: &str) -> String {
        format!(
            r#"{{"type": "FeatureCollection"{extra}, "features": [{{"type": "Feature",
                "properties": {{"WD13CD": "E05000045", "WD13NM": "Hale"}},
                "geometry": {{"type": "Polygon", "coordinates": [{ring}]}}}}]}}"#
        )
    }

    fn warnings_of(text: &str) -> (Vec<String>, WardSet) {
        let parsed = parse_with(
            text,
            Path::new("w.geojson"),
            "w",
            None,
            &BoundaryOptions::default(),
            &super::super::no_progress,
        )
        .expect("loads");
        (parsed.warnings, parsed.ward_set)
    }

    #[test]
    fn swapped_latitude_and_longitude_are_said_and_put_right() {
        let swapped = "[[51.6, -0.2], [51.6, -0.19], [51.61, -0.19], [51.61, -0.2], [51.6, -0.2]]";
        let (warnings, set) = warnings_of(&collection(swapped, ""));
        assert!(warnings.iter().any(|w| w.contains("latitude and longitude swapped")), "{warnings:?}");
        let first = set.wards[0].geometry.0[0].exterior().0[0];
        assert!((first.x - -0.2).abs() < 1e-9 && (first.y - 51.6).abs() < 1e-9, "{first:?}");
    }

    #[test]
    fn wards_far_from_britain_are_said_with_where_they_lie() {
        let sydney = "[[151.2, -33.9], [151.21, -33.9], [151.21, -33.89], [151.2, -33.89], [151.2, -33.9]]";
        let (warnings, _) = warnings_of(&collection(sydney, ""));
        assert!(
            warnings.iter().any(|w| w.contains("outside Great Britain (around 151.2°E, 33.9°S, in Australia)")),
            "{warnings:?}"
        );
        let london = "[[-0.2, 51.6], [-0.19, 51.6], [-0.19, 51.61], [-0.2, 51.61], [-0.2, 51.6]]";
        assert!(warnings_of(&collection(london, "")).0.is_empty());
    }

    #[test]
    fn a_bng_crs_over_degrees_is_read_as_degrees_and_said() {
        let london = "[[-0.2, 51.6], [-0.19, 51.6], [-0.19, 51.61], [-0.2, 51.61], [-0.2, 51.6]]";
        let crs = r#", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}"#;
        let (warnings, set) = warnings_of(&collection(london, crs));
        assert!(warnings.iter().any(|w| w.contains("says British National Grid")), "{warnings:?}");
        let first = set.wards[0].geometry.0[0].exterior().0[0];
        assert!((first.y - 51.6).abs() < 1e-9, "{first:?}");
    }
}
