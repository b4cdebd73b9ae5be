//! The practical floor for reading a GeoJSON boundary file (issue 14, `benches/peers/`): the
//! whole file read into memory and deserialised by serde_json straight into typed structs, rings
//! as `Vec<[f64; 2]>`, properties as a map, with no `serde_json::Value` tree for the geometry and
//! no checks at all. Whatever wardmap does beyond this (validating rings, projecting,
//! triangulating, joining) is its own cost; this is what parsing alone costs here.
//!
//! ```sh
//! CARGO_TARGET_DIR=/work/target-release cargo build --release --example serde_floor
//! /work/target-release/release/examples/serde_floor FILE.geojson
//! ```
//!
//! Prints the features, polygons, rings and vertices counted, and the time and rate of the
//! parse itself (the whole process is what `benches/peers/run.sh` times).

use std::fmt;
use std::process::ExitCode;
use std::time::Instant;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

type Position = [f64; 2];
type Ring = Vec<Position>;
type Polygon = Vec<Ring>;

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    #[serde(default)]
    properties: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    geometry: Option<Geometry>,
}

/// The geometries of a ward file; any other kind is skipped unread.
enum Geometry {
    Polygon(Polygon),
    MultiPolygon(Vec<Polygon>),
    Other,
}

/// The keys of a geometry object that matter.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Type,
    Coordinates,
    #[serde(other)]
    Other,
}

impl<'de> Deserialize<'de> for Geometry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(GeometryVisitor)
    }
}

/// Reads `coordinates` straight into the type its `type` names. serde's own internally tagged
/// enums would buffer the whole object first; here only a file that puts `coordinates` before
/// `type` (legal, rare) goes through a `Value`.
struct GeometryVisitor;

impl<'de> Visitor<'de> for GeometryVisitor {
    type Value = Geometry;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a GeoJSON geometry object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Geometry, A::Error> {
        let mut kind: Option<String> = None;
        let mut geometry: Option<Geometry> = None;
        let mut early: Option<serde_json::Value> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Type => kind = Some(map.next_value()?),
                Key::Coordinates => match kind.as_deref() {
                    Some("Polygon") => geometry = Some(Geometry::Polygon(map.next_value()?)),
                    Some("MultiPolygon") => geometry = Some(Geometry::MultiPolygon(map.next_value()?)),
                    Some(_) => {
                        map.next_value::<IgnoredAny>()?;
                        geometry = Some(Geometry::Other);
                    }
                    None => early = Some(map.next_value()?),
                },
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if let Some(geometry) = geometry {
            return Ok(geometry);
        }
        let typed = |value: serde_json::Value, kind: &str| -> Result<Geometry, A::Error> {
            let error = |e: serde_json::Error| serde::de::Error::custom(e);
            Ok(match kind {
                "Polygon" => Geometry::Polygon(serde_json::from_value(value).map_err(error)?),
                "MultiPolygon" => Geometry::MultiPolygon(serde_json::from_value(value).map_err(error)?),
                _ => Geometry::Other,
            })
        };
        match (early, kind) {
            (Some(value), Some(kind)) => typed(value, &kind),
            (_, None) => Err(serde::de::Error::missing_field("type")),
            (None, Some(_)) => Err(serde::de::Error::missing_field("coordinates")),
        }
    }
}

/// What was read.
#[derive(Default)]
struct Counts {
    features: usize,
    properties: usize,
    polygons: usize,
    rings: usize,
    vertices: usize,
}

impl Counts {
    fn of(collection: &FeatureCollection) -> Counts {
        let mut counts = Counts { features: collection.features.len(), ..Counts::default() };
        for feature in &collection.features {
            counts.properties += feature.properties.as_ref().map_or(0, serde_json::Map::len);
            let polygons: &[Polygon] = match &feature.geometry {
                Some(Geometry::Polygon(polygon)) => std::slice::from_ref(polygon),
                Some(Geometry::MultiPolygon(polygons)) => polygons,
                Some(Geometry::Other) | None => &[],
            };
            counts.polygons += polygons.len();
            for polygon in polygons {
                counts.rings += polygon.len();
                counts.vertices += polygon.iter().map(Vec::len).sum::<usize>();
            }
        }
        counts
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: serde_floor FILE.geojson");
        return ExitCode::FAILURE;
    };
    let started = Instant::now();
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("serde_floor: cannot read {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let read = started.elapsed();
    let parse_started = Instant::now();
    let collection: FeatureCollection = match serde_json::from_slice(&bytes) {
        Ok(collection) => collection,
        Err(e) => {
            eprintln!("serde_floor: {} is not a GeoJSON FeatureCollection: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let parsed = parse_started.elapsed();
    let counts = Counts::of(&collection);
    let megabytes = bytes.len() as f64 / 1e6;
    println!(
        "{}: {} features, {} properties, {} polygons, {} rings, {} vertices; {} bytes read in {:.1} ms, \
         parsed in {:.1} ms ({:.0} MB/s)",
        path.to_string_lossy(),
        counts.features,
        counts.properties,
        counts.polygons,
        counts.rings,
        counts.vertices,
        bytes.len(),
        read.as_secs_f64() * 1e3,
        parsed.as_secs_f64() * 1e3,
        megabytes / parsed.as_secs_f64(),
    );
    ExitCode::SUCCESS
}
