//! `wardmap export` of Barnet to a 1600 px PNG, headless: what the command does after
//! loading (colour the latest election, prepare the geometry, lay out title, legend and
//! labels, paint with tiny-skia, encode the PNG), minus writing the file.

use divan::Bencher;
use wardmap::analysis::colouring::{self, ColourSpec, MapSubject};
use wardmap::io::embedded;
use wardmap::model::{Dataset, ElectionId};
use wardmap::render::{self, RenderOptions};

/// The PNG bytes, as the command makes them with its default options.
fn export_png(data: &Dataset) -> Vec<u8> {
    let subject = MapSubject::Election(ElectionId(data.elections.len().saturating_sub(1)));
    let colouring = colouring::colour(data, subject, &ColourSpec::winner());
    let opts =
        RenderOptions { width_px: 1600, title: Some(render::default_title(&colouring)), ..RenderOptions::default() };
    render::render_png(data, subject, &colouring, &opts).unwrap_or_else(|e| panic!("Barnet must render: {e}"))
}

/// The budget figure (the data already loaded, as the command has it when it starts drawing).
#[divan::bench(sample_count = 30)]
fn barnet_png_1600(bencher: Bencher) {
    let data = embedded::barnet();
    bencher.bench_local(|| export_png(&data));
}

/// With loading the embedded data too: the whole command but for process start and the write.
#[divan::bench(sample_count = 30)]
fn barnet_png_1600_with_load() -> Vec<u8> {
    export_png(&embedded::barnet())
}
