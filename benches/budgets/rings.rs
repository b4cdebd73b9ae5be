//! Rings that wind round themselves (issue 14): one ward whose single ring of N vertices goes
//! round its centre seven times, wobbling so that every winding crosses every other
//! (`wardmap::synthetic::hostile`, the same ward `benches/peers/hostile_ring.py` writes as
//! files). The budget is the whole `wardmap export` of it at 50,000 vertices in ≤ 2 s, growing
//! about linearly; these are the in-process parts.

use std::path::Path;

use divan::Bencher;
use divan::counter::ItemsCount;
use wardmap::analysis::colouring::{self, ColourSpec, MapSubject};
use wardmap::geometry::PreparedWardSet;
use wardmap::io::{boundaries, results, rings};
use wardmap::model::{Dataset, ElectionId, WardSet};
use wardmap::render::{self, RenderOptions};
use wardmap::synthetic::hostile;

/// Vertices of the hostile ring.
const VERTICES: [usize; 3] = [2_000, 10_000, 50_000];

fn parse(vertices: usize) -> WardSet {
    boundaries::parse(&hostile::geojson(vertices), Path::new("hostile.geojson"), "hostile", Some(2022))
        .unwrap_or_else(|e| panic!("the hostile ward must read back: {e}"))
}

/// The self-crossing check on the hostile ring (it crosses itself within its first windings).
#[divan::bench(args = VERTICES, sample_count = 10)]
fn self_crossing_hostile(bencher: Bencher, vertices: usize) {
    let ring = hostile::ring(vertices);
    bencher.counter(ItemsCount::new(vertices)).bench(|| rings::self_crossing(&ring));
}

/// The check on a wiggly ring that does not cross itself, so the sweep goes all the way.
#[divan::bench(args = VERTICES, sample_count = 10)]
fn self_crossing_simple(bencher: Bencher, vertices: usize) {
    let mut ring: Vec<(f64, f64)> = (0..vertices)
        .map(|k| {
            let t = k as f64 / vertices as f64 * std::f64::consts::TAU;
            let r = 1.0 + 0.05 * (t * 97.0).sin();
            (r * t.cos(), r * t.sin())
        })
        .collect();
    ring.push(ring[0]);
    bencher.counter(ItemsCount::new(vertices)).bench(|| rings::self_crossing(&ring));
}

/// Reading the GeoJSON of the hostile ward (with the check and its warning).
#[divan::bench(args = VERTICES, sample_count = 5, sample_size = 1)]
fn parse_hostile(bencher: Bencher, vertices: usize) {
    let text = hostile::geojson(vertices);
    bencher.counter(ItemsCount::new(vertices)).bench(|| {
        boundaries::parse(&text, Path::new("hostile.geojson"), "hostile", Some(2022)).map(|set| set.wards.len())
    });
}

/// Preparing it for the map: projection, label spot, levels of detail, triangulation.
#[divan::bench(args = VERTICES, sample_count = 5, sample_size = 1)]
fn prepare_hostile(bencher: Bencher, vertices: usize) {
    let set = parse(vertices);
    bencher.counter(ItemsCount::new(vertices)).bench(|| PreparedWardSet::of_ward_set(&set));
}

/// `wardmap export` of it to a 1600 px PNG once loaded: colour, prepare, lay out, paint, encode.
#[divan::bench(args = VERTICES, sample_count = 5, sample_size = 1)]
fn export_hostile_png(bencher: Bencher, vertices: usize) {
    let csv = hostile::results_csv(vertices);
    let elections = results::parse(&csv, Path::new("hostile.csv"), "Synthetic London", &wardmap::io::no_progress)
        .unwrap_or_else(|e| panic!("the hostile results must read back: {e}"))
        .elections;
    let data = Dataset::new(vec![parse(vertices)], elections);
    bencher.counter(ItemsCount::new(vertices)).bench(|| {
        let subject = MapSubject::Election(ElectionId(0));
        let colouring = colouring::colour(&data, subject, &ColourSpec::winner());
        let opts = RenderOptions {
            width_px: 1600,
            title: Some(render::default_title(&colouring)),
            ..RenderOptions::default()
        };
        render::render_png(&data, subject, &colouring, &opts).unwrap_or_else(|e| panic!("it must render: {e}"))
    });
}
