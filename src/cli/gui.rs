//! Options for the window: what to show first, and `--screenshot` for scripts and CI.

use super::DataArgs;
use crate::analysis::ColourMode;
use crate::session::StartOptions;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args, Clone, Default)]
pub struct GuiArgs {
    /// Start the app, save a screenshot of its window to this PNG once the map is drawn, and exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
    /// Show this borough first, loosely named, or `london` (default: Barnet, or what was shown
    /// last time).
    #[arg(long = "show-borough", value_name = "NAME")]
    pub borough: Option<String>,
    /// Show this election first (default: the latest, or what was shown last time).
    #[arg(long = "show-election", value_name = "YEAR")]
    pub election: Option<i32>,
    /// Colour the map by this measure first: winner, share, change, swing, majority, turnout,
    /// gains, control.
    #[arg(long = "show-mode", value_name = "MODE")]
    pub mode: Option<String>,
    /// Select this ward (by name, loosely matched) when the app opens; repeat to compare several.
    #[arg(long = "select", value_name = "WARD")]
    pub select: Vec<String>,
    /// Read the --results and --boundaries files again whenever they change on disk, keeping
    /// the view and selection; wards with no result yet show as awaiting one, and the top bar
    /// counts the wards declared (election night).
    #[arg(long)]
    pub watch: bool,
    /// A HexJSON layout (Open Innovations' format) for the hex map (the Hex button), joined to
    /// wards by code and used wherever it covers the wards shown.
    #[arg(long, value_name = "FILE.hexjson")]
    pub hexmap: Option<PathBuf>,
}

impl GuiArgs {
    /// What to show first, as the app takes it.
    ///
    /// # Errors
    /// An unknown `--show-mode`, in words that list the modes.
    pub fn start_options(&self) -> Result<StartOptions, String> {
        let mode = self.mode.as_deref().map(str::parse::<ColourMode>).transpose().map_err(|e| e.to_string())?;
        Ok(StartOptions {
            borough: self.borough.clone(),
            election: self.election,
            mode,
            select: self.select.clone(),
            watch: self.watch,
            hex_layout: None,
        })
    }
}

/// Open the app window on what the options name.
///
/// # Errors
/// An unknown mode, a window that cannot open, or a screenshot that could not be saved.
pub fn run(data: &DataArgs, gui: GuiArgs) -> Result<(), String> {
    let mut start = gui.start_options()?;
    if start.watch && !matches!(data.source(), crate::session::Source::Files { .. }) {
        return Err("--watch reads files again when they change: name them with --results (and --boundaries)".into());
    }
    if let Some(path) = &gui.hexmap {
        // Read before any window opens, so a broken layout is said at once.
        let text = std::fs::read_to_string(path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
        let layout = crate::io::hexjson::parse(&text, &path.display().to_string(), None).map_err(|e| e.to_string())?;
        start.hex_layout = Some(layout);
    }
    crate::ui::run_app(data.source(), start, gui.screenshot)
        .map_err(|e| format!("wardmap could not open its window: {e}"))
}
