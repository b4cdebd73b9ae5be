//! The app shell: owns the data, the view state and the caches; lays out the panels; applies
//! the commands they return.

use super::command::Command;
use super::state::{self, SubjectKey, ViewState};
use super::{details, legend, top_bar};
use crate::analysis::colouring::{self, Colouring, MapSubject};
use crate::geometry::PreparedWardSet;
use crate::model::{Dataset, WardSetId};
use crate::ui::map_view::{MapResponse, MapView};
use std::sync::Arc;

const STATE_KEY: &str = "wardmap.view";

/// The wardmap window.
pub struct WardmapApp {
    /// What the user chose; persisted.
    pub state: ViewState,
    data: Arc<Dataset>,
    /// One prepared (projected, triangulated, indexed) geometry per ward set, built once on load.
    geometry: Vec<Arc<PreparedWardSet>>,
    subject: Option<MapSubject>,
    /// The colouring of the shown map, recomputed only when the subject or spec changes.
    colouring: Colouring,
    /// Ward names of the shown set, for labels.
    labels: Vec<String>,
    show_about: bool,
    /// The map's screen rect in the last frame (tests click into it).
    pub map_rect: Option<egui::Rect>,
}

impl WardmapApp {
    /// Build the app on `data`, restoring the last view when eframe has one stored.
    pub fn new(cc: &eframe::CreationContext<'_>, data: Dataset) -> Self {
        let saved: Option<ViewState> = cc.storage.and_then(|s| eframe::get_value(s, STATE_KEY));
        let mut app = Self::with_data(data, saved.unwrap_or_default());
        app.apply_theme(&cc.egui_ctx);
        app
    }

    /// Build on `data` with a given view state (used by tests and by `new`).
    pub fn with_data(data: Dataset, state: ViewState) -> Self {
        let mut app = WardmapApp {
            state,
            data: Arc::new(Dataset::default()),
            geometry: Vec::new(),
            subject: None,
            colouring: colouring::colour(&Dataset::default(), MapSubject::WardSetOnly(WardSetId(0)), &colouring::ColourSpec::winner()),
            labels: Vec::new(),
            show_about: false,
            map_rect: None,
        };
        app.replace_data(data);
        app
    }

    /// Swap in newly loaded data, keeping the view where it still makes sense.
    pub fn replace_data(&mut self, data: Dataset) {
        self.geometry = data
            .ward_sets
            .iter()
            .map(|set| {
                let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
                Arc::new(PreparedWardSet::new(&shapes))
            })
            .collect();
        self.data = Arc::new(data);
        let subject = self
            .state
            .subject
            .as_ref()
            .and_then(|key| key.resolve(&self.data))
            .or_else(|| state::default_subject(&self.data));
        self.set_subject(subject);
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn subject(&self) -> Option<MapSubject> {
        self.subject
    }

    pub fn colouring(&self) -> &Colouring {
        &self.colouring
    }

    /// The prepared geometry of the shown ward set.
    pub fn shown_geometry(&self) -> Option<&Arc<PreparedWardSet>> {
        let set = state::ward_set_of(&self.data, self.subject?)?;
        self.geometry.get(set.0)
    }

    fn set_subject(&mut self, subject: Option<MapSubject>) {
        let old_set = self.subject.and_then(|s| state::ward_set_of(&self.data, s));
        self.subject = subject;
        self.state.subject = subject.and_then(|s| SubjectKey::of(&self.data, s));
        let new_set = subject.and_then(|s| state::ward_set_of(&self.data, s));
        self.labels = new_set
            .and_then(|s| self.data.ward_set(s))
            .map(|s| s.wards.iter().map(|w| w.name.clone()).collect())
            .unwrap_or_default();
        let ward_count = self.labels.len();
        self.state.selected.retain(|w| *w < ward_count);
        if old_set != new_set {
            // Other wards, other shapes: a selection or camera of the old set means nothing here.
            if old_set.is_some() {
                self.state.selected.clear();
            }
            self.state.camera = crate::ui::map_view::MapCamera::default();
        }
        self.recolour();
    }

    fn recolour(&mut self) {
        self.colouring = match self.subject {
            Some(subject) => colouring::colour(&self.data, subject, &self.state.colour),
            None => colouring::colour(&self.data, MapSubject::WardSetOnly(WardSetId(0)), &self.state.colour),
        };
    }

    /// Apply what the panels asked for.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::ShowSubject(subject) => self.set_subject(Some(subject)),
            Command::SetColourMode(mode) => {
                self.state.colour.mode = mode;
                self.recolour();
            }
            Command::SelectWard { ward, toggle } => {
                if toggle {
                    match self.state.selected.iter().position(|w| *w == ward) {
                        Some(i) => {
                            self.state.selected.remove(i);
                        }
                        None => self.state.selected.push(ward),
                    }
                } else {
                    self.state.selected = vec![ward];
                }
            }
            Command::ClearSelection => self.state.selected.clear(),
            Command::FitView => self.state.camera = crate::ui::map_view::MapCamera::default(),
            Command::ToggleLabels => self.state.show_labels = !self.state.show_labels,
            Command::ToggleDarkMode => self.state.dark_mode = !self.state.dark_mode,
            Command::ShowAbout(open) => self.show_about = open,
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.state.dark_mode { egui::Theme::Dark } else { egui::Theme::Light });
    }

    fn show_map(&mut self, ui: &mut egui::Ui) -> Vec<Command> {
        let mut commands = Vec::new();
        let Some(geometry) = self.shown_geometry().cloned() else {
            ui.centered_and_justified(|ui| ui.label("No ward boundaries are loaded."));
            return commands;
        };
        let data = Arc::clone(&self.data);
        let subject = self.subject;
        let values = &self.colouring.values;
        let tooltip = |ui: &mut egui::Ui, ward: usize| {
            details::ward_tooltip(ui, &data, subject, ward, values.get(ward).cloned().flatten());
        };
        let labels: &[String] = if self.state.show_labels { &self.labels } else { &[] };
        let MapResponse { response, clicked, clicked_empty, .. } = MapView::new(&geometry, &self.colouring.fills)
            .labels(labels)
            .selected(&self.state.selected)
            .tooltip(&tooltip)
            .show(ui, &mut self.state.camera);
        self.map_rect = Some(response.rect);
        if let Some(clicked) = clicked {
            commands.push(Command::SelectWard { ward: clicked.ward, toggle: clicked.modifiers.command || clicked.modifiers.shift });
        } else if clicked_empty {
            commands.push(Command::ClearSelection);
        }
        legend::overlay(ui, response.rect, &self.colouring);
        commands
    }
}

impl eframe::App for WardmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut commands = Vec::new();
        egui::Panel::top("top_bar").show(ui, |ui| {
            commands.extend(top_bar::show(ui, &self.data, self.subject, &self.state));
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.small(crate::io::embedded::ATTRIBUTION_SHORT);
            });
        });
        egui::Panel::right("details").default_size(360.0).resizable(true).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                commands.extend(details::show(ui, &self.data, self.subject, &self.state.selected));
            });
        });
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            commands.extend(self.show_map(ui));
        });
        if self.show_about {
            let mut open = true;
            egui::Window::new("About wardmap").open(&mut open).collapsible(false).show(ui.ctx(), |ui| {
                ui.label("wardmap: council election results, ward by ward.");
                ui.add_space(6.0);
                ui.label(crate::io::embedded::ATTRIBUTION);
            });
            if !open {
                commands.push(Command::ShowAbout(false));
            }
        }
        let theme_changed = commands.contains(&Command::ToggleDarkMode);
        for command in commands {
            self.apply(command);
        }
        if theme_changed {
            self.apply_theme(ui.ctx());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STATE_KEY, &self.state);
    }
}
