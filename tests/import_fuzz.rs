//! Fuzzing the importers with proptest: arbitrary bytes, and arbitrary mutations of real valid
//! files, fed to the results and boundary parsers must give `Ok` or `Err`, never a panic.
//!
//! 256 cases per property by default (proptest's default), so `cargo test` stays quick; for a
//! long run of a million cases per importer, see `long_fuzz_of_the_results_importer` below and
//! docs/reliability.md.

mod common;

use common::BARNET_2002;
use proptest::prelude::*;
use std::path::Path;
use wardmap::io::boundaries;
use wardmap::io::properties::BoundaryOptions;
use wardmap::io::{decode_text, no_progress, results};

const DEMOCRACY_CLUB: &str = include_str!("fixtures/democracyclub-results-2018-05-03.barnet.csv");
const DATASTORE: &[u8] = include_bytes!("fixtures/london_council_election_2014_ward.barnet.csv");
const OWN: &str = include_str!("../data/results/barnet-2018.csv");

/// The first `lines` lines of a text: mutations of a short file explore more per case.
fn head(text: &str, lines: usize) -> String {
    text.split_inclusive('\n').take(lines).collect()
}

/// Bytes → text → results parser, as the loader does it (minus the file system).
fn parse_results(bytes: Vec<u8>) {
    let file = Path::new("fuzz_2014.csv");
    if let Ok(text) = decode_text(bytes, file) {
        let _ = results::parse(&text, file, "Fuzz", &no_progress);
    }
}

fn parse_boundaries(bytes: Vec<u8>) {
    let file = Path::new("fuzz.geojson");
    if let Ok(text) = decode_text(bytes, file) {
        let _ = boundaries::parse_with(&text, file, "fuzz", None, &BoundaryOptions::default(), &no_progress);
    }
}

/// One edit of a file: overwrite, insert or delete at a position (taken modulo the length).
#[derive(Clone, Debug)]
enum Edit {
    Set(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Truncate(usize),
}

/// Bytes that matter to CSV and JSON parsers, so mutations hit structure, not only text.
fn interesting_byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        Just(b','),
        Just(b';'),
        Just(b'"'),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'-'),
        Just(b'.'),
        Just(b'0'),
        Just(b'9'),
        Just(b'['),
        Just(b']'),
        Just(b'{'),
        Just(b'}'),
        Just(b':'),
        Just(0u8),
        Just(0xff),
        any::<u8>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), interesting_byte()).prop_map(|(at, b)| Edit::Set(at, b)),
        (any::<usize>(), prop::collection::vec(interesting_byte(), 1..8)).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Set(at, b) => {
                if let Some(slot) = bytes.get_mut(at % len) {
                    *slot = *b;
                }
            }
            Edit::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Edit::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

/// Numbers that break arithmetic and ranges: for coordinates.
fn awkward_number() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite()).prop_map(|f| serde_json::json!(f)),
        (-1.0e6f64..1.5e6).prop_map(|f| serde_json::json!(f)),
        (-181.0f64..181.0).prop_map(|f| serde_json::json!(f)),
        Just(serde_json::json!(1e308)),
        Just(serde_json::json!(-0.0)),
        Just(serde_json::json!("51.6")),
        Just(serde_json::Value::Null),
    ]
}

/// Ring-like JSON: arrays of arrays of awkward numbers, of any length.
fn ring() -> impl Strategy<Value = serde_json::Value> {
    prop::collection::vec(prop::collection::vec(awkward_number(), 0..4), 0..8)
        .prop_map(|positions| serde_json::json!(positions))
}

fn geometry() -> impl Strategy<Value = serde_json::Value> {
    let kind = prop_oneof![
        Just("Polygon"),
        Just("MultiPolygon"),
        Just("Point"),
        Just("LineString"),
        Just("GeometryCollection"),
        Just("Blob"),
    ];
    (kind, prop::collection::vec(ring(), 0..3), any::<bool>()).prop_map(|(kind, rings, nest)| {
        let coordinates = if nest { serde_json::json!([rings]) } else { serde_json::json!(rings) };
        serde_json::json!({"type": kind, "coordinates": coordinates, "geometries": [{"type": "Polygon", "coordinates": coordinates}]})
    })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_the_results_reader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse_results(bytes);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_boundary_reader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse_boundaries(bytes);
    }

    #[test]
    fn mutated_democracy_club_files_never_panic(edits in prop::collection::vec(edit(), 1..12)) {
        parse_results(mutate(head(DEMOCRACY_CLUB, 40).into_bytes(), &edits));
    }

    #[test]
    fn mutated_datastore_files_never_panic(edits in prop::collection::vec(edit(), 1..12)) {
        let text = head(&String::from_utf8_lossy(DATASTORE), 40);
        parse_results(mutate(text.into_bytes(), &edits));
    }

    #[test]
    fn mutated_own_format_files_never_panic(edits in prop::collection::vec(edit(), 1..12)) {
        parse_results(mutate(head(OWN, 40).into_bytes(), &edits));
    }

    #[test]
    fn mutated_geojson_files_never_panic(edits in prop::collection::vec(edit(), 1..12)) {
        parse_boundaries(mutate(BARNET_2002.as_bytes().to_vec(), &edits));
    }

    #[test]
    fn arbitrary_geometries_never_panic_the_boundary_reader(
        geometries in prop::collection::vec(geometry(), 0..4),
        crs in prop_oneof![Just(None), Just(Some("urn:ogc:def:crs:EPSG::27700")), Just(Some("EPSG:4326")), Just(Some("EPSG:3857"))],
    ) {
        let features: Vec<_> = geometries
            .into_iter()
            .map(|g| serde_json::json!({"type": "Feature", "properties": {"WD13NM": "X"}, "geometry": g}))
            .collect();
        let mut value = serde_json::json!({"type": "FeatureCollection", "features": features});
        if let Some(name) = crs {
            value["crs"] = serde_json::json!({"type": "name", "properties": {"name": name}});
        }
        parse_boundaries(value.to_string().into_bytes());
    }
}

// The long run (issue 15): not part of `cargo test` (ignored); run in release with
//   cargo test --release --test import_fuzz -- --ignored fuzz --nocapture
// `WARDMAP_FUZZ_CASES` sets the cases per importer (default 1,000,000) and
// `WARDMAP_FUZZ_SECONDS` a time budget per importer (default none): the run stops at whichever
// comes first and prints how many cases really ran. Any panic fails the test with the input
// proptest shrank it to. Results are recorded in docs/reliability.md.

/// Cases per importer and the time budget, from the environment.
fn long_run_limits() -> (u64, Option<std::time::Duration>) {
    let number = |name: &str| std::env::var(name).ok().and_then(|v| v.replace('_', "").parse::<u64>().ok());
    (
        number("WARDMAP_FUZZ_CASES").unwrap_or(1_000_000),
        number("WARDMAP_FUZZ_SECONDS").map(std::time::Duration::from_secs),
    )
}

/// Run `test` over `strategy` in batches until the case count or the time budget is reached;
/// panic (failing the test) on the first input that panics the importer. Returns the cases run.
fn long_run<S: Strategy>(importer: &str, strategy: S, test: impl Fn(S::Value)) -> u64
where
    S::Value: std::fmt::Debug,
{
    use proptest::test_runner::{Config, TestRunner};
    const BATCH: u32 = 10_000;
    let (cases, budget) = long_run_limits();
    let started = std::time::Instant::now();
    let ran = std::cell::Cell::new(0u64);
    while ran.get() < cases && budget.is_none_or(|b| started.elapsed() < b) {
        let batch = u32::try_from((cases - ran.get()).min(u64::from(BATCH))).unwrap_or(BATCH);
        // A fresh random seed per batch; no failure files (this is not a regression store).
        let config = Config { cases: batch, failure_persistence: None, ..Config::default() };
        let mut runner = TestRunner::new(config);
        let result = runner.run(&strategy, |value| {
            ran.set(ran.get() + 1);
            test(value);
            Ok(())
        });
        if let Err(failure) = result {
            panic!("fuzz {importer}: a case panicked the importer after {} cases: {failure}", ran.get());
        }
    }
    let ran = ran.get();
    println!("fuzz {importer}: {ran} cases, 0 crashes, {:.0} s", started.elapsed().as_secs_f64());
    ran
}

/// Any input the results reader may meet: noise, or a real file of each format mutated.
fn any_results_file() -> impl Strategy<Value = Vec<u8>> {
    let edits = || prop::collection::vec(edit(), 1..12);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        edits().prop_map(|e| mutate(head(DEMOCRACY_CLUB, 40).into_bytes(), &e)),
        edits().prop_map(|e| mutate(head(&String::from_utf8_lossy(DATASTORE), 40).into_bytes(), &e)),
        edits().prop_map(|e| mutate(head(OWN, 40).into_bytes(), &e)),
    ]
}

/// Any input the boundary reader may meet: noise, the Barnet file mutated, or made-up geometry.
fn any_boundary_file() -> impl Strategy<Value = Vec<u8>> {
    let crs = prop_oneof![
        Just(None),
        Just(Some("urn:ogc:def:crs:EPSG::27700")),
        Just(Some("EPSG:4326")),
        Just(Some("EPSG:3857"))
    ];
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        prop::collection::vec(edit(), 1..12).prop_map(|e| mutate(BARNET_2002.as_bytes().to_vec(), &e)),
        (prop::collection::vec(geometry(), 0..4), crs).prop_map(|(geometries, crs)| {
            let features: Vec<_> = geometries
                .into_iter()
                .map(|g| serde_json::json!({"type": "Feature", "properties": {"WD13NM": "X"}, "geometry": g}))
                .collect();
            let mut value = serde_json::json!({"type": "FeatureCollection", "features": features});
            if let Some(name) = crs {
                value["crs"] = serde_json::json!({"type": "name", "properties": {"name": name}});
            }
            value.to_string().into_bytes()
        }),
    ]
}

#[test]
#[ignore = "the long fuzz run: cargo test --release --test import_fuzz -- --ignored fuzz"]
fn long_fuzz_of_the_results_importer() {
    assert!(long_run("results CSV importer", any_results_file(), parse_results) > 0);
}

#[test]
#[ignore = "the long fuzz run: cargo test --release --test import_fuzz -- --ignored fuzz"]
fn long_fuzz_of_the_boundary_importer() {
    assert!(long_run("GeoJSON boundary importer", any_boundary_file(), parse_boundaries) > 0);
}
