//! Boundaries in British National Grid: the Barnet 2002 wards converted to BNG metres here (with
//! proj4rs, lon/lat → BNG), with and without a `crs` member, load back to the same lon/lat
//! polygons within 1e-5 degrees (about a metre), and join the same results.

mod common;

use common::{BARNET_2002, fixture, load_files, temp_file};
use proj4rs::Proj;
use serde_json::Value;
use wardmap::io::crs::{BNG_PROJ, Crs, LONLAT_PROJ};
use wardmap::io::load::load_boundary_file_with;
use wardmap::io::properties::BoundaryOptions;
use wardmap::model::WardSet;

/// Convert every position of a GeoJSON value from lon/lat degrees to BNG metres.
fn to_bng(value: &mut Value, from: &Proj, to: &Proj) {
    match value {
        Value::Array(items) if items.len() >= 2 && items.iter().all(Value::is_number) => {
            let lon = items[0].as_f64().expect("a number");
            let lat = items[1].as_f64().expect("a number");
            let mut point = (lon.to_radians(), lat.to_radians(), 0.0);
            proj4rs::transform::transform(from, to, &mut point).expect("converts to BNG");
            *value = serde_json::json!([point.0, point.1]);
        }
        Value::Array(items) => items.iter_mut().for_each(|item| to_bng(item, from, to)),
        Value::Object(map) => {
            if let Some(geometry) = map.get_mut("geometry") {
                to_bng(geometry, from, to);
            }
            if let Some(coordinates) = map.get_mut("coordinates") {
                to_bng(coordinates, from, to);
            }
            if let Some(features) = map.get_mut("features") {
                to_bng(features, from, to);
            }
        }
        _ => {}
    }
}

fn barnet_in_bng(with_crs: bool) -> String {
    let from = Proj::from_proj_string(LONLAT_PROJ).expect("lon/lat proj string");
    let to = Proj::from_proj_string(BNG_PROJ).expect("BNG proj string");
    let mut json: Value = serde_json::from_str(BARNET_2002).expect("the Barnet file is JSON");
    to_bng(&mut json, &from, &to);
    let object = json.as_object_mut().expect("a FeatureCollection");
    object.remove("crs");
    if with_crs {
        object.insert(
            "crs".into(),
            serde_json::json!({"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}),
        );
    }
    serde_json::to_string(&json).expect("serialises")
}

fn assert_same_polygons(a: &WardSet, b: &WardSet) {
    assert_eq!(a.wards.len(), b.wards.len());
    for (wa, wb) in a.wards.iter().zip(&b.wards) {
        assert_eq!((&wa.code, &wa.name), (&wb.code, &wb.name));
        let (ca, cb): (Vec<_>, Vec<_>) = (
            wa.geometry
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().chain(p.interiors().iter().flat_map(|r| r.0.iter())))
                .collect(),
            wb.geometry
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().chain(p.interiors().iter().flat_map(|r| r.0.iter())))
                .collect(),
        );
        assert_eq!(ca.len(), cb.len(), "{}", wa.name);
        for (pa, pb) in ca.iter().zip(&cb) {
            assert!((pa.x - pb.x).abs() < 1e-5 && (pa.y - pb.y).abs() < 1e-5, "{}: {pa:?} vs {pb:?}", wa.name);
        }
    }
}

fn load(path: &std::path::Path) -> wardmap::io::boundaries::ParsedBoundaries {
    load_boundary_file_with(path, &BoundaryOptions::default(), &|_| true).expect("the BNG file loads")
}

#[test]
fn bng_with_a_crs_member_loads_as_the_same_lon_lat_polygons() {
    let (_dir, original_path) = temp_file("barnet-lonlat.geojson", BARNET_2002);
    let (_dir2, bng_path) = temp_file("barnet-bng-crs.geojson", barnet_in_bng(true));
    let original = load(&original_path);
    let bng = load(&bng_path);
    assert_eq!(bng.crs, Crs::BritishNationalGrid);
    assert!(bng.warnings.is_empty(), "{:?}", bng.warnings);
    assert_same_polygons(&original.ward_set, &bng.ward_set);
}

#[test]
fn bng_without_a_crs_member_is_recognised_from_its_ranges_and_says_so() {
    let (_dir, original_path) = temp_file("barnet-lonlat.geojson", BARNET_2002);
    let (_dir2, bng_path) = temp_file("barnet-bng.geojson", barnet_in_bng(false));
    let bng = load(&bng_path);
    assert_eq!(bng.crs, Crs::BritishNationalGrid);
    assert!(
        bng.warnings.iter().any(|w| w.contains("no `crs` member") && w.contains("British National Grid")),
        "{:?}",
        bng.warnings
    );
    assert_same_polygons(&load(&original_path).ward_set, &bng.ward_set);
}

#[test]
fn results_join_to_bng_boundaries_as_to_the_original() {
    let (_dir, bng_path) = temp_file("barnet-bng.geojson", barnet_in_bng(false));
    let results = [fixture("democracyclub-results-2018-05-03.barnet.csv")];
    let loaded = load_files(Some(&bng_path), &results).expect("loads");
    assert_eq!(loaded.dataset.elections[0].join.matched_count(), 21);
}
