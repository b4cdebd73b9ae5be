//! What panels ask the app to do. Panels draw and return commands; the app applies them after
//! drawing, so no panel mutates shared state mid-frame.

use crate::analysis::colouring::{ColourMode, MapSubject};

#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Show another election, or a ward set without results.
    ShowSubject(MapSubject),
    SetColourMode(ColourMode),
    /// Select one ward, replacing the selection; or add/remove it when `toggle` (Ctrl/Shift-click).
    SelectWard { ward: usize, toggle: bool },
    ClearSelection,
    FitView,
    ToggleLabels,
    ToggleDarkMode,
    ShowAbout(bool),
}
