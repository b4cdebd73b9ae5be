//! App start to the first map frame on the embedded Barnet data: parsing the embedded files,
//! joining, preparing the geometry, colouring, fonts, then egui frames until the app is idle
//! (egui_kittest's harness runs the first frame and any follow-up frames it asks for).
//! Process start, window creation and the GPU are not included: see docs/performance.md for
//! the whole-process figure under Xvfb.

use divan::Bencher;
use egui::vec2;
use wardmap::io::embedded;
use wardmap::ui::WardmapApp;

/// The budget figure.
#[divan::bench(sample_count = 20)]
fn barnet_to_first_frame(bencher: Bencher) {
    bencher.bench_local(|| {
        let harness = egui_kittest::Harness::builder()
            .with_size(vec2(1400.0, 900.0))
            .build_eframe(|cc| WardmapApp::new(cc, embedded::barnet()));
        harness.state().map_rect
    });
}

/// Its first part: the embedded data parsed and joined.
#[divan::bench(sample_count = 20)]
fn barnet_parse_embedded() -> wardmap::model::Dataset {
    embedded::barnet()
}

/// Its second part: the app built on that data (geometry prepared, colouring made).
#[divan::bench(sample_count = 20)]
fn barnet_build_app(bencher: Bencher) {
    bencher.with_inputs(embedded::barnet).bench_local_values(|data| WardmapApp::with_data(data, Default::default()));
}
