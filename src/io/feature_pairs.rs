//! Two properties of every feature of a GeoJSON file, read without its geometry: which
//! borough each ward of a London-wide layer belongs to (`WD13CD` → `LAD13NM`), so that the
//! layer can be split into the boroughs' own ward sets.

use super::error::BoundaryError;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::path::Path;

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(default)]
    properties: Option<serde_json::Map<String, serde_json::Value>>,
    /// Skipped unread: the geometry is most of the text and nothing here needs it.
    #[serde(default, rename = "geometry")]
    _geometry: Option<IgnoredAny>,
}

/// `(key, value)` of every feature that has both properties as strings, in file order.
///
/// # Errors
/// The text is not JSON, or not a FeatureCollection.
pub fn feature_pairs(text: &str, file: &Path, key: &str, value: &str) -> Result<Vec<(String, String)>, BoundaryError> {
    let collection: Collection = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            BoundaryError::NotGeoJson { file: file.to_path_buf(), detail: e.to_string() }
        } else {
            BoundaryError::NotJson {
                file: file.to_path_buf(),
                line: e.line(),
                column: e.column(),
                detail: e.to_string().split(" at line").next().unwrap_or_default().to_owned(),
            }
        }
    })?;
    Ok(collection
        .features
        .iter()
        .filter_map(|f| {
            let properties = f.properties.as_ref()?;
            let text = |name: &str| properties.get(name).and_then(serde_json::Value::as_str).map(str::to_owned);
            Some((text(key)?, text(value)?))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_come_in_file_order_and_features_without_them_are_left_out() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"WD13CD":"E05000026","LAD13NM":"Barking and Dagenham"},"geometry":{"type":"Point","coordinates":[0,0]}},
            {"type":"Feature","properties":{"WD13CD":"E05000027"},"geometry":null},
            {"type":"Feature","properties":{"WD13CD":"E05000043","LAD13NM":"Barnet"},"geometry":null}]}"#;
        let pairs = feature_pairs(text, Path::new("t.geojson"), "WD13CD", "LAD13NM").expect("a collection");
        assert_eq!(
            pairs,
            vec![
                ("E05000026".to_owned(), "Barking and Dagenham".to_owned()),
                ("E05000043".to_owned(), "Barnet".to_owned())
            ]
        );
        assert!(matches!(feature_pairs("{", Path::new("t"), "a", "b"), Err(BoundaryError::NotJson { .. })));
        assert!(matches!(feature_pairs("[1]", Path::new("t"), "a", "b"), Err(BoundaryError::NotGeoJson { .. })));
    }
}
