//! Helpers shared by the integration tests: one way to build the app under `egui_kittest`, one
//! way to run the binary, and the fixtures, temporary files and message checks of the import
//! tests. Each test file takes what it needs (`mod common;`), so some helpers go unused in
//! any one of them.
#![allow(dead_code)]

use egui_kittest::Harness;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use wardmap::io::LoadError;
use wardmap::session::{Session, Source};
use wardmap::ui::WardmapApp;
use wardmap::ui::state::ViewState;

// The app.

/// The app on the embedded Barnet data in a 1400×900 window, after its first frame.
pub fn barnet_app() -> Harness<'static, WardmapApp> {
    barnet_app_with(ViewState::default())
}

/// [`barnet_app`] with a given view state.
pub fn barnet_app_with(state: ViewState) -> Harness<'static, WardmapApp> {
    app_on(wardmap::io::embedded::barnet(), state)
}

/// The app on the data the window opens with (Barnet's files, the London rows of Barnet and the
/// census), showing Barnet's election of `year`.
pub fn barnet_app_showing(year: i32) -> Harness<'static, WardmapApp> {
    let state = ViewState {
        subject: Some(wardmap::ui::state::SubjectKey::Election { borough: "Barnet".into(), year }),
        ..ViewState::default()
    };
    app_on(wardmap::session::embedded_barnet(), state)
}

/// The app on `data` with a given view state, after its first frame.
pub fn app_on(data: wardmap::model::Dataset, state: ViewState) -> Harness<'static, WardmapApp> {
    let mut harness = unstarted_app(data, state, MapImage::Off);
    harness.run();
    harness
}

/// Whether the map may be drawn from its image while panning (`ui/map_view/base_cache.rs`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MapImage {
    /// Always live: the number of frames a step takes does not depend on when a worker thread
    /// finishes, so `Harness::run` settles the same way on a loaded machine. Every test but
    /// the image's own.
    Off,
    On,
}

/// The app on `data` in a 1400×900 window with the fonts the real window installs (its arrows
/// and minus signs are not in egui's default proportional font, and kittest panics on a
/// missing glyph), before its first frame.
pub fn unstarted_app(data: wardmap::model::Dataset, state: ViewState, image: MapImage) -> Harness<'static, WardmapApp> {
    // With the image on, a step may also wake for the worker's image: room for those frames.
    let max_steps = if image == MapImage::On { 32 } else { 4 };
    Harness::builder().with_size(egui::vec2(1400.0, 900.0)).with_max_steps(max_steps).build_eframe(move |cc| {
        wardmap::ui::app::install_fonts(&cc.egui_ctx);
        wardmap::ui::map_view::set_map_image(&cc.egui_ctx, image == MapImage::On);
        WardmapApp::with_data(data, state)
    })
}

/// The index of a ward of the shown set, by name.
pub fn ward_index(harness: &Harness<'_, WardmapApp>, name: &str) -> usize {
    let app = harness.state();
    let set = app.subject().and_then(|s| wardmap::ui::state::ward_set_of(app.data(), s)).expect("a ward set is shown");
    app.data().ward_sets[set.0].wards.iter().position(|w| w.name == name).expect("ward exists")
}

/// The screen position of a ward's label anchor (a point inside the ward), by name.
pub fn ward_position(harness: &Harness<'_, WardmapApp>, name: &str) -> egui::Pos2 {
    let ward = ward_index(harness, name);
    let app = harness.state();
    let geometry = app.shown_geometry().expect("geometry is prepared");
    let anchor = geometry.ward(ward).and_then(|w| w.label.as_ref()).expect("ward has a label spot").anchor;
    let rect = app.map_rect.expect("the map was drawn");
    app.state.camera.world_to_screen(rect, anchor)
}

/// A click with the primary button at `pos`, as a pointer moves there, presses and lets go.
pub fn click_at(harness: &mut Harness<'_, WardmapApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
}

/// Step the app until its background load has finished.
pub fn wait_for_load(harness: &mut Harness<'_, WardmapApp>) {
    for _ in 0..500 {
        harness.step();
        if !harness.state().is_loading() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the load did not finish");
}

// The binary.

/// Run the real `wardmap` binary with no display of any kind, as CI does.
pub fn wardmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wardmap"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("the binary runs")
}

/// [`wardmap`], as whether it succeeded and what it printed on stdout and stderr.
pub fn wardmap_text(args: &[&str]) -> (bool, String, String) {
    let output = wardmap(args);
    (output.status.success(), stdout(&output), stderr(&output))
}

/// What a run printed on stdout.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What a run printed on stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

// Files and loads.

/// A file in `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The Barnet wards of 2002–2022 (the set used by the 2014 and 2018 elections).
pub fn barnet_2002_boundaries() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/boundaries/barnet-wards-2002.geojson")
}

/// The same file's text, built into the test binary.
pub const BARNET_2002: &str = include_str!("../../data/boundaries/barnet-wards-2002.geojson");

/// Write `content` to `name` in a fresh temporary folder (kept alive by the returned guard).
pub fn temp_file(name: &str, content: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(name);
    std::fs::write(&path, content).expect("write the temporary file");
    (dir, path)
}

/// Load files as the command line does (the embedded data fills in what they leave out).
pub fn load_files(boundaries: Option<&Path>, results: &[PathBuf]) -> Result<Session, LoadError> {
    wardmap::session::load(&Source::Files { boundaries: boundaries.map(Path::to_path_buf), results: results.to_vec() })
}

/// The error's message, after checking it names the file.
pub fn message_naming_file(error: &LoadError, path: &Path) -> String {
    let message = error.to_string();
    let file_name = path.file_name().expect("a file name").to_string_lossy();
    assert!(message.contains(file_name.as_ref()), "the message should name {file_name}: {message}");
    message
}

/// Assert every fragment is in the message (case-insensitive), showing the message if not.
pub fn assert_mentions(message: &str, fragments: &[&str]) {
    let lower = message.to_lowercase();
    for fragment in fragments {
        assert!(lower.contains(&fragment.to_lowercase()), "expected \"{fragment}\" in: {message}");
    }
}

/// Seats per party short name, e.g. [("Con", 38), ("Lab", 25)].
pub fn seats(election: &wardmap::model::Election) -> Vec<(String, u32)> {
    wardmap::analysis::seat_totals(election).into_iter().map(|(party, n)| (party.short, n)).collect()
}
