//! What panels ask the app to do. Panels draw and return commands; the app applies them after
//! drawing, so no panel mutates shared state mid-frame.

use super::state::SidePanel;
use crate::analysis::colouring::{ColourMode, ColourSpec, MapSubject};

use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Ask for files to open (Ctrl+O): the native dialog, or the path field.
    ChooseFiles,
    /// Open these files on top of what is loaded.
    OpenFiles(Vec<PathBuf>),
    /// Stop a load in progress; the current data stays.
    CancelLoad,
    /// Open the export dialog (Ctrl+E).
    OpenExport,
    /// Go back to the embedded Barnet data.
    ResetData,
    DismissNotice,
    /// Show another election, or a ward set without results.
    ShowSubject(MapSubject),
    SetColourMode(ColourMode),
    /// Replace the whole colour spec (party, baseline, swing pair, method, colour-blind).
    SetColourSpec(ColourSpec),
    ShowPanel(SidePanel),
    /// Select exactly these wards (from the comparison panel's list).
    SelectWards(Vec<usize>),
    /// Select one ward, replacing the selection; or add/remove it when `toggle` (Ctrl/Shift-click).
    SelectWard {
        ward: usize,
        toggle: bool,
    },
    ClearSelection,
    /// Pan the map so the selected ward is in view.
    RevealSelection,
    /// Open the find box (Ctrl+F).
    OpenFind,
    FitView,
    ToggleLabels,
    /// Draw this election beside the shown one, in step (`None`: one map).
    SetSplit(Option<MapSubject>),
    /// Between the wards' own shapes and the hex map (one hex per ward).
    ToggleHexMap,
    ToggleDarkMode,
    /// Show or hide the frame-time readout (View menu).
    ToggleFrameRate,
    ShowAbout(bool),
    /// The two elections the "Over time" and "Boroughs" panels compare.
    SetYearsCompared {
        from: i32,
        to: i32,
    },
    /// The borough the "Boroughs" panel sets against the shown one.
    SetRival(String),
    /// Sort the London table by this column (again: the other way).
    SortLondon(super::state::LondonColumn),
    /// The property dialog's choice: read this boundary file again with these properties.
    ReloadWithProperties(PathBuf, crate::io::properties::BoundaryOptions),
    /// Close the property dialog, keeping the file as read.
    CloseProperties,
    /// The export dialog asks for the window to be captured to this PNG in the next frame.
    CaptureWindow(PathBuf),
    /// An export ended: the file written, or why not.
    ExportFinished(Result<PathBuf, String>),
    /// The ward table's search, "selected wards only", sort column (again: the other way) and
    /// save path.
    SetTableFilter(String),
    SetTableOnlySelected(bool),
    SortTable(usize),
    SetTablePath(String),
    /// Write the ward table of the election shown as CSV here.
    SaveTable(PathBuf),
    /// The Scatter panel's axes, borough filter, rank correlation and save path.
    SetScatter(super::state::ScatterState),
    /// Write the Scatter panel's plot here (PNG, SVG, or its points as CSV).
    SaveScatter(PathBuf),
    /// Put this text on the clipboard.
    CopyText(String),
}
