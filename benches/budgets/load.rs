//! Loading: GeoJSON parsing through the real reader, then projection, triangulation, levels
//! of detail, label spots and the R-tree (`PreparedWardSet::new`), in MB/s of GeoJSON.

use divan::Bencher;
use divan::counter::BytesCount;
use wardmap::geometry::PreparedWardSet;

use crate::fixtures::{SIZES, parse, synthetic};

/// Parsing alone: GeoJSON text to lon/lat ward shapes.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn parse_geojson(bencher: Bencher, wards: usize) {
    let fixture = synthetic(wards);
    bencher.counter(BytesCount::of_str(&fixture.geojson)).bench(|| parse(&fixture.geojson));
}

/// Preparing alone (what the app's loader thread does after parsing), counted in bytes of
/// the GeoJSON the wards came from.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn prepare_geometry(bencher: Bencher, wards: usize) {
    let fixture = synthetic(wards);
    let shapes = fixture.shapes();
    bencher.counter(BytesCount::of_str(&fixture.geojson)).bench(|| PreparedWardSet::new(&shapes));
}

/// The budget figure: GeoJSON text in, a set ready to draw and hit-test out.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn load_triangulate_index(bencher: Bencher, wards: usize) {
    let fixture = synthetic(wards);
    bencher.counter(BytesCount::of_str(&fixture.geojson)).bench(|| {
        let set = parse(&fixture.geojson);
        let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
        PreparedWardSet::new(&shapes)
    });
}

/// The same on a real file: Barnet's 21 ONS wards (52 KB, ~50 vertices per ward).
#[divan::bench(sample_count = 50)]
fn load_triangulate_index_barnet(bencher: Bencher) {
    const BARNET: &str = include_str!("../../data/boundaries/barnet-wards-2002.geojson");
    bencher.counter(BytesCount::of_str(BARNET)).bench(|| {
        let set = parse(BARNET);
        let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
        PreparedWardSet::new(&shapes)
    });
}

/// Where parsing goes, for whoever speeds it up: the reader's two largest parts, measured
/// alone on the 10,000-ward file.
mod parse_parts {
    use divan::Bencher;
    use divan::counter::BytesCount;

    use crate::fixtures::synthetic;

    /// Building the `serde_json::Value` tree of the text (the reader's first step).
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn json_value_tree(bencher: Bencher) {
        let fixture = synthetic(10_000);
        bencher
            .counter(BytesCount::of_str(&fixture.geojson))
            .bench(|| serde_json::from_str::<serde_json::Value>(&fixture.geojson).map(|v| v.is_object()));
    }

    /// The check for rings that cross themselves, over every ring (the reader runs it on each).
    #[divan::bench(sample_count = 5, sample_size = 1)]
    fn self_crossing_check(bencher: Bencher) {
        let fixture = synthetic(10_000);
        let rings: Vec<Vec<(f64, f64)>> = fixture
            .ward_set()
            .wards
            .iter()
            .flat_map(|w| w.geometry.iter())
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .map(|ring| ring.coords().map(|c| (c.x, c.y)).collect())
            .collect();
        bencher
            .counter(BytesCount::of_str(&fixture.geojson))
            .bench(|| rings.iter().filter(|ring| wardmap::io::rings::self_crossing(ring).is_some()).count());
    }
}

/// The synthetic generator itself (what `--synthetic N` costs before reading): boundaries
/// and results text, counted in bytes of GeoJSON.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn generate_synthetic(bencher: Bencher, wards: usize) {
    let bytes = synthetic(wards).geojson.len();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| wardmap::synthetic::generate(wards, wardmap::synthetic::DEFAULT_SEED));
}
