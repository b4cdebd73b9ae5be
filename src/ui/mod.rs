//! The egui side (being assembled: the full module list returns once the map widget lands).

/// Open the app window.
pub fn run_app(_data: crate::cli::DataArgs, _screenshot: Option<std::path::PathBuf>) -> Result<(), String> {
    Err("the app is not built yet".into())
}
