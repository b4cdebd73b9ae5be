//! Ward boundaries from GeoJSON FeatureCollections of Polygons and MultiPolygons.

use super::error::BoundaryError;
use crate::model::{Ward, WardSet};
use geo::{LineString, MultiPolygon, Polygon};
use std::path::Path;

/// Property names that carry a ward's ONS code, most specific first. `WDxxCD` of any year is
/// matched separately.
const CODE_KEYS: &[&str] = &["gss", "gss_code", "ward_code", "code", "wd_code", "ons_code"];
const NAME_KEYS: &[&str] = &["name", "ward_name", "ward", "wd_name"];

/// Parse a GeoJSON text into a ward set named `name`.
pub fn parse(text: &str, file: &Path, name: &str, first_year: Option<i32>) -> Result<WardSet, BoundaryError> {
    let file_buf = file.to_path_buf();
    let json: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| BoundaryError::NotJson { file: file_buf.clone(), detail: e.to_string() })?;
    let geojson = serde_json::from_value::<geojson::GeoJson>(json)
        .map_err(|e| BoundaryError::NotGeoJson { file: file_buf.clone(), detail: e.to_string() })?;
    let features = match geojson {
        geojson::GeoJson::FeatureCollection(collection) => collection.features,
        geojson::GeoJson::Feature(feature) => vec![feature],
        geojson::GeoJson::Geometry(_) => {
            return Err(BoundaryError::NotGeoJson {
                file: file_buf,
                detail: "it is a bare geometry with no properties, so wards have no names".into(),
            });
        }
    };
    let mut wards = Vec::with_capacity(features.len());
    for (index, feature) in features.iter().enumerate() {
        let number = index + 1;
        let bad = |problem: String| BoundaryError::BadFeature { file: file_buf.clone(), feature: number, problem };
        let geometry = feature.geometry.as_ref().ok_or_else(|| bad("it has no geometry".into()))?;
        let shape = to_multi_polygon(&geometry.value).map_err(bad)?;
        let code = property(feature, |key| is_code_key(key));
        let ward_name = property(feature, |key| is_name_key(key))
            .or_else(|| code.clone())
            .unwrap_or_else(|| format!("Ward {number}"));
        wards.push(Ward { code, name: ward_name, geometry: shape });
    }
    if wards.is_empty() {
        return Err(BoundaryError::NoWards { file: file_buf, detail: "the FeatureCollection has no features".into() });
    }
    Ok(WardSet { name: name.to_owned(), first_year, source: file.display().to_string(), wards })
}

/// `WD13CD`, `WD22CD`, `gss`, `code`, …
fn is_code_key(key: &str) -> bool {
    let lower = key.to_lowercase();
    (lower.starts_with("wd") && lower.ends_with("cd") && lower.len() == 6) || CODE_KEYS.contains(&lower.as_str())
}

/// `WD13NM`, `WD22NM`, `name`, …
fn is_name_key(key: &str) -> bool {
    let lower = key.to_lowercase();
    (lower.starts_with("wd") && lower.ends_with("nm") && lower.len() == 6) || NAME_KEYS.contains(&lower.as_str())
}

fn property(feature: &geojson::Feature, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let properties = feature.properties.as_ref()?;
    properties.iter().filter(|(key, _)| wanted(key)).find_map(|(_, value)| match value {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn to_multi_polygon(value: &geojson::GeometryValue) -> Result<MultiPolygon<f64>, String> {
    use geojson::GeometryValue as G;
    match value {
        G::Polygon { coordinates } => Ok(MultiPolygon(vec![polygon(coordinates)?])),
        G::MultiPolygon { coordinates } => {
            Ok(MultiPolygon(coordinates.iter().map(|p| polygon(p)).collect::<Result<_, _>>()?))
        }
        other => Err(format!(
            "its geometry is a {}, not a Polygon or MultiPolygon: a ward must be an area",
            other.type_name()
        )),
    }
}

fn polygon(rings: &[Vec<geojson::Position>]) -> Result<Polygon<f64>, String> {
    let mut rings = rings.iter().map(|ring| ring_to_line_string(ring));
    let exterior = rings.next().ok_or("a polygon has no rings")??;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

fn ring_to_line_string(ring: &[geojson::Position]) -> Result<LineString<f64>, String> {
    let mut coords = Vec::with_capacity(ring.len());
    for position in ring {
        let (x, y) = match position.as_slice() {
            [x, y, ..] => (*x, *y),
            _ => return Err("a position has fewer than two coordinates".into()),
        };
        if !x.is_finite() || !y.is_finite() {
            return Err("a coordinate is not a finite number".into());
        }
        coords.push(geo::coord! { x: x, y: y });
    }
    if coords.len() < 4 {
        return Err(format!("a ring has {} positions; a closed ring needs at least 4", coords.len()));
    }
    Ok(LineString::new(coords))
}

/// Read and parse a boundary file.
pub fn read(path: &Path, name: &str, first_year: Option<i32>) -> Result<WardSet, BoundaryError> {
    let file = path.to_path_buf();
    let bytes = super::read_bytes(path).map_err(|source| BoundaryError::Io { file: file.clone(), source })?;
    let text = super::decode_text(bytes).map_err(|problem| match problem {
        super::TextProblem::Empty => BoundaryError::Empty { file: file.clone() },
        super::TextProblem::Binary => BoundaryError::NotJson { file: file.clone(), detail: "it is a binary file".into() },
    })?;
    parse(&text, path, name, first_year)
}
