//! What the user is looking at, saved across runs with eframe persistence. Runtime-only
//! things (loaded data, caches, jobs) live in the app, not here.

use crate::analysis::colouring::{ColourSpec, MapSubject};
use crate::model::{Dataset, ElectionId, WardSetId};
use crate::ui::map_view::MapCamera;
use serde::{Deserialize, Serialize};

/// The map's subject in a form that survives reloading data: by year and borough, or by
/// ward set name, rather than by index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubjectKey {
    Election { borough: String, year: i32 },
    WardSet { name: String },
}

impl SubjectKey {
    pub fn of(data: &Dataset, subject: MapSubject) -> Option<SubjectKey> {
        match subject {
            MapSubject::Election(id) => data
                .election(id)
                .map(|e| SubjectKey::Election { borough: e.election.borough.clone(), year: e.election.year }),
            MapSubject::WardSetOnly(id) => data.ward_set(id).map(|s| SubjectKey::WardSet { name: s.name.clone() }),
        }
    }

    /// Find this key in `data`.
    pub fn resolve(&self, data: &Dataset) -> Option<MapSubject> {
        match self {
            SubjectKey::Election { borough, year } => data
                .elections
                .iter()
                .position(|e| e.election.year == *year && e.election.borough == *borough)
                .map(|i| MapSubject::Election(ElectionId(i))),
            SubjectKey::WardSet { name } => {
                data.ward_sets.iter().position(|s| s.name == *name).map(|i| MapSubject::WardSetOnly(WardSetId(i)))
            }
        }
    }
}

/// Which side panel is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SidePanel {
    #[default]
    Details,
    Compare,
    Borough,
    History,
    Boroughs,
    Table,
    Scatter,
}

impl SidePanel {
    pub const ALL: [SidePanel; 7] = [
        SidePanel::Details,
        SidePanel::Compare,
        SidePanel::Borough,
        SidePanel::History,
        SidePanel::Boroughs,
        SidePanel::Table,
        SidePanel::Scatter,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SidePanel::Details => "Ward",
            SidePanel::Compare => "Compare",
            SidePanel::Borough => "Borough",
            SidePanel::History => "Over time",
            SidePanel::Boroughs => "Boroughs",
            SidePanel::Table => "Table",
            SidePanel::Scatter => "Scatter",
        }
    }
}

/// A column of the London boroughs table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum LondonColumn {
    #[default]
    Borough,
    Control,
    Seats,
    Labour,
    Conservative,
    LiberalDemocrats,
    Green,
    Turnout,
}

impl LondonColumn {
    pub const ALL: [LondonColumn; 8] = [
        LondonColumn::Borough,
        LondonColumn::Control,
        LondonColumn::Seats,
        LondonColumn::Labour,
        LondonColumn::Conservative,
        LondonColumn::LiberalDemocrats,
        LondonColumn::Green,
        LondonColumn::Turnout,
    ];

    pub fn title(self) -> &'static str {
        match self {
            LondonColumn::Borough => "Borough",
            LondonColumn::Control => "Control",
            LondonColumn::Seats => "Seats",
            LondonColumn::Labour => "Lab",
            LondonColumn::Conservative => "Con",
            LondonColumn::LiberalDemocrats => "LD",
            LondonColumn::Green => "Grn",
            LondonColumn::Turnout => "Turnout",
        }
    }
}

/// How the London table is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct LondonSort {
    pub column: LondonColumn,
    pub descending: bool,
}

/// Everything the user chose, persisted.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewState {
    pub subject: Option<SubjectKey>,
    pub colour: ColourSpec,
    /// Selected wards, by index in the shown ward set. The first is the one the details panel shows.
    pub selected: Vec<usize>,
    pub camera: MapCamera,
    pub show_labels: bool,
    /// The hex map (one hex per ward) instead of the wards' own shapes.
    pub hex_map: bool,
    /// A second election drawn beside the first, panned and zoomed in step (split view).
    pub split: Option<SubjectKey>,
    pub dark_mode: bool,
    /// The frame-time readout (View ▸ Frame time and fps). Not remembered between runs: it is
    /// a measuring aid, so every start is without it (off by default, as the issue asks), and
    /// a user who turned it on once to check a slow map does not find numbers ticking in the
    /// top bar for good. While on, the window also draws once a second to say when it is idle.
    #[serde(skip)]
    pub show_frame_rate: bool,
    pub side_panel: SidePanel,
    /// Files opened lately, newest first.
    pub recent_files: Vec<std::path::PathBuf>,
    /// The two elections the "Over time" and "Boroughs" panels compare (`None`: their defaults).
    pub history_from: Option<i32>,
    pub history_to: Option<i32>,
    /// The borough set against the shown one in the "Boroughs" panel.
    pub rival: Option<String>,
    pub london_sort: LondonSort,
    /// The ward table's search, its "selected wards only", its sort (column, descending) and
    /// the path it was last saved to.
    pub table_filter: String,
    pub table_only_selected: bool,
    pub table_sort: Option<(usize, bool)>,
    pub table_path: String,
    /// The Scatter panel's axes (measure names, as `wardmap scatter --x` takes them), its
    /// borough filter on a map of London, whether it shows the rank correlation, and the path
    /// it was last saved to.
    pub scatter: ScatterState,
}

/// What the Scatter panel shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScatterState {
    pub x: String,
    pub y: String,
    pub within: Option<String>,
    pub rank: bool,
    pub path: String,
}

impl Default for ScatterState {
    /// The Barnet 2018 question: did the swing to the Conservatives follow the Jewish share?
    fn default() -> Self {
        ScatterState {
            x: "census:jewish".to_owned(),
            y: "swing".to_owned(),
            within: None,
            rank: true,
            path: "scatter.png".to_owned(),
        }
    }
}

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

impl ViewState {
    /// Put `paths` at the head of the recent list.
    pub fn remember(&mut self, paths: &[std::path::PathBuf]) {
        for path in paths.iter().rev() {
            self.recent_files.retain(|p| p != path);
            self.recent_files.insert(0, path.clone());
        }
        self.recent_files.truncate(RECENT_FILES);
    }
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            subject: None,
            colour: ColourSpec::winner(),
            selected: Vec::new(),
            camera: MapCamera::default(),
            show_labels: true,
            hex_map: false,
            split: None,
            dark_mode: false,
            show_frame_rate: false,
            side_panel: SidePanel::Details,
            recent_files: Vec::new(),
            history_from: None,
            history_to: None,
            rival: Some("Redbridge".to_owned()),
            london_sort: LondonSort::default(),
            table_filter: String::new(),
            table_only_selected: false,
            table_sort: None,
            table_path: "wards.csv".to_owned(),
            scatter: ScatterState::default(),
        }
    }
}

/// The subject to show first: the latest election, or failing that the first ward set.
pub fn default_subject(data: &Dataset) -> Option<MapSubject> {
    if let Some(latest) = data.elections_of(crate::session::london::BARNET).last() {
        return Some(MapSubject::Election(*latest));
    }
    match data.elections.len() {
        0 if data.ward_sets.is_empty() => None,
        0 => Some(MapSubject::WardSetOnly(WardSetId(0))),
        n => Some(MapSubject::Election(ElectionId(n - 1))),
    }
}

/// The borough of a subject: its election's, or its ward set's (`None` when unknown).
pub fn borough_of(data: &Dataset, subject: MapSubject) -> Option<&str> {
    match subject {
        MapSubject::Election(id) => data.election(id).map(|e| e.election.borough.as_str()),
        MapSubject::WardSetOnly(id) => data.ward_set(id).and_then(|s| s.borough.as_deref()),
    }
}

/// What to show on picking `borough`: its election of the year shown now, else its latest.
pub fn subject_for_borough(data: &Dataset, borough: &str, now: Option<MapSubject>) -> Option<MapSubject> {
    let year = match now {
        Some(MapSubject::Election(id)) => data.election(id).map(|e| e.election.year),
        _ => None,
    };
    year.and_then(|y| data.election_of(borough, y))
        .or_else(|| data.elections_of(borough).last().copied())
        .map(MapSubject::Election)
}

/// The ward set a subject is drawn on.
pub fn ward_set_of(data: &Dataset, subject: MapSubject) -> Option<WardSetId> {
    match subject {
        MapSubject::Election(id) => data.election(id).and_then(|e| e.ward_set),
        MapSubject::WardSetOnly(id) => Some(id),
    }
}
