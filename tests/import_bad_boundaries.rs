//! Each kind of bad boundary file gets a message that names the file, says where (line or
//! feature) and what to do; files that are odd but usable load with warnings.

mod common;

use common::{BARNET_2002, assert_mentions, message_naming_file, temp_file};
use serde_json::json;
use wardmap::io::LoadError;
use wardmap::io::boundaries::ParsedBoundaries;
use wardmap::io::load::{load_boundary_file, load_boundary_file_with};
use wardmap::io::properties::BoundaryOptions;

const SQUARE: [[f64; 2]; 5] = [[-0.2, 51.6], [-0.19, 51.6], [-0.19, 51.61], [-0.2, 51.61], [-0.2, 51.6]];

fn feature(name: &str, geometry: serde_json::Value) -> serde_json::Value {
    json!({"type": "Feature", "properties": {"WD13CD": "E05000045", "WD13NM": name}, "geometry": geometry})
}

fn collection(features: Vec<serde_json::Value>) -> String {
    json!({"type": "FeatureCollection", "features": features}).to_string()
}

fn polygon(ring: serde_json::Value) -> serde_json::Value {
    json!({"type": "Polygon", "coordinates": [ring]})
}

fn load_text(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf, Result<ParsedBoundaries, LoadError>) {
    let (dir, path) = temp_file(name, text);
    let result = load_boundary_file_with(&path, &BoundaryOptions::default(), &|_| true);
    (dir, path, result)
}

fn error_of(name: &str, text: &str) -> String {
    let (_dir, path, result) = load_text(name, text);
    message_naming_file(&result.expect_err("the file should be refused"), &path)
}

#[test]
fn malformed_json_names_the_line_and_column() {
    let message = error_of("cut.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": ");
    assert_mentions(&message, &["not valid JSON", "line 2", "column", "export it again"]);
}

#[test]
fn json_that_is_not_geojson_says_what_it_is_instead() {
    assert_mentions(&error_of("list.json", "[1, 2, 3]"), &["not GeoJSON", "JSON array"]);
    assert_mentions(&error_of("thing.json", "{\"name\": \"Barnet\"}"), &["not GeoJSON", "no \"type\""]);
    assert_mentions(&error_of("topo.json", "{\"type\": \"Topology\", \"objects\": {}}"), &["TopoJSON", "convert"]);
    let bare = json!({"type": "Polygon", "coordinates": [SQUARE]}).to_string();
    assert_mentions(&error_of("bare.geojson", &bare), &["bare Polygon", "no properties"]);
}

#[test]
fn a_file_of_only_points_and_lines_is_refused_with_the_types_it_has() {
    let text = collection(vec![
        feature("A", json!({"type": "Point", "coordinates": [-0.2, 51.6]})),
        feature("B", json!({"type": "LineString", "coordinates": [[-0.2, 51.6], [-0.1, 51.6]]})),
    ]);
    assert_mentions(&error_of("points.geojson", &text), &["no ward polygons", "1 Point, 1 LineString", "areas"]);
}

#[test]
fn points_among_polygons_are_skipped_with_a_warning_naming_them() {
    let text = collection(vec![
        feature("A", polygon(json!(SQUARE))),
        feature("B", json!({"type": "Point", "coordinates": [-0.2, 51.6]})),
    ]);
    let (_dir, _path, result) = load_text("mixed.geojson", &text);
    let parsed = result.expect("the polygon loads");
    assert_eq!(parsed.ward_set.wards.len(), 1);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("skipped 1 feature") && w.contains("Point") && w.contains("feature(s) 2")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn an_empty_ring_names_the_feature_and_ward() {
    let text = collection(vec![feature("A", polygon(json!(SQUARE))), feature("Hale", polygon(json!([])))]);
    assert_mentions(&error_of("empty-ring.geojson", &text), &["feature 2 (Hale)", "outline of polygon 1 is empty"]);
}

#[test]
fn an_unclosed_ring_is_refused_with_its_ends() {
    let open = json!([[-0.2, 51.6], [-0.19, 51.6], [-0.19, 51.61], [-0.2, 51.61]]);
    let text = collection(vec![feature("Hale", polygon(open))]);
    assert_mentions(
        &error_of("open.geojson", &text),
        &["feature 1 (Hale)", "not closed", "starts at (-0.2, 51.6)", "ends at (-0.2, 51.61)"],
    );
}

#[test]
fn a_self_intersecting_ring_loads_with_a_warning_naming_the_feature() {
    let bow_tie = json!([[-0.2, 51.6], [-0.19, 51.61], [-0.19, 51.6], [-0.2, 51.61], [-0.2, 51.6]]);
    let (_dir, _path, result) = load_text("bow-tie.geojson", &collection(vec![feature("Hale", polygon(bow_tie))]));
    let parsed = result.expect("drawn as given");
    assert!(
        parsed.warnings.iter().any(|w| w.contains("feature 1 (Hale)") && w.contains("crosses itself")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn absurd_coordinates_are_refused_naming_the_feature_and_point() {
    let far = json!([[-0.2, 51.6], [5e9, 51.6], [-0.19, 51.61], [-0.2, 51.6]]);
    let text = collection(vec![feature("A", polygon(json!(SQUARE))), feature("Hale", polygon(far))]);
    assert_mentions(
        &error_of("far.geojson", &text),
        &["feature 2 (Hale)", "(5000000000, 51.6)", "outside the range of longitude/latitude"],
    );
}

#[test]
fn a_crs_that_contradicts_the_coordinates_says_they_look_like_bng() {
    let bng = json!([[520000.0, 190000.0], [521000.0, 190000.0], [521000.0, 191000.0], [520000.0, 190000.0]]);
    let mut value = json!({"type": "FeatureCollection", "features": [feature("Hale", polygon(bng))]});
    value["crs"] = json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}});
    assert_mentions(
        &error_of("wrong-crs.geojson", &value.to_string()),
        &["feature 1 (Hale)", "British National Grid", "crs"],
    );
}

#[test]
fn an_unknown_crs_is_named_with_what_to_export_instead() {
    let mut value = json!({"type": "FeatureCollection", "features": [feature("Hale", polygon(json!(SQUARE)))]});
    value["crs"] = json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}});
    assert_mentions(&error_of("lambert.geojson", &value.to_string()), &["EPSG::2154", "EPSG:4326", "EPSG:27700"]);
}

#[test]
fn an_empty_or_blank_boundary_file_is_refused() {
    assert_mentions(&error_of("empty.geojson", ""), &["is empty"]);
    assert_mentions(&error_of("blank.geojson", "  \n\n "), &["is empty"]);
    let none = collection(vec![]);
    assert_mentions(&error_of("none.geojson", &none), &["no features"]);
}

#[test]
fn a_binary_boundary_file_says_what_it_looks_like() {
    let (_dir, path) = temp_file("wards.shp", [0u8, 0, 0x27, 0x0a, 0, 0, 0, 0, 1, 2, 3]);
    let message = message_naming_file(&load_boundary_file(&path).expect_err("binary"), &path);
    assert_mentions(&message, &["not a text file", "shapefile", "GeoJSON"]);
}

#[test]
fn an_unsure_property_choice_lists_the_properties_and_a_choice_is_honoured() {
    let features: Vec<_> = ["North", "South"]
        .iter()
        .enumerate()
        .map(|(i, n)| json!({"type": "Feature", "properties": {"id": i, "label": n, "area_ha": 10}, "geometry": polygon(json!(SQUARE))}))
        .collect();
    let (_dir, path, result) = load_text("plain.geojson", &collection(features));
    let parsed = result.expect("loads with fallback names");
    assert!(parsed.properties.unsure);
    assert_eq!(parsed.properties.available, vec!["area_ha", "id", "label"]);
    let options = BoundaryOptions { code_property: None, name_property: Some("label".into()) };
    let chosen = load_boundary_file_with(&path, &options, &|_| true).expect("loads with the chosen name");
    assert_eq!(chosen.ward_set.wards.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(), vec!["North", "South"]);
    let missing = BoundaryOptions { code_property: None, name_property: Some("WD22NM".into()) };
    let error = load_boundary_file_with(&path, &missing, &|_| true).expect_err("no such property");
    assert_mentions(&message_naming_file(&error, &path), &["no property \"WD22NM\"", "area_ha, id, label"]);
}

#[test]
fn the_barnet_file_detects_its_ons_properties_surely() {
    let (_dir, _path, result) = load_text("barnet.geojson", BARNET_2002);
    let parsed = result.expect("loads");
    assert_eq!(parsed.properties.code_property.as_deref(), Some("WD13CD"));
    assert_eq!(parsed.properties.name_property.as_deref(), Some("WD13NM"));
    assert!(!parsed.properties.unsure);
    assert_eq!(parsed.ward_set.wards.len(), 21);
}

#[test]
fn a_cancelled_load_says_so_and_returns_nothing() {
    let (_dir, path) = temp_file("barnet.geojson", BARNET_2002);
    let error = load_boundary_file_with(&path, &BoundaryOptions::default(), &|_| false).expect_err("cancelled");
    assert!(error.is_cancelled(), "{error}");
}
