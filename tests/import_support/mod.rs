//! Helpers shared by the `import_*` tests: fixture paths, temporary files, and the message
//! checks every error test makes.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use wardmap::io::LoadError;

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
