//! Export an image from the app (Ctrl+E): a small dialog, then a save dialog (or a path field
//! when none is available), then the file is written on a worker thread.
//!
//! The map is rendered by the same headless renderer as `wardmap export` rather than captured
//! from the screen: it is crisp at any size (2× redraws lines and text, it does not upscale),
//! it never contains menus, tooltips or the pointer, SVG comes for free, and it is tested
//! without a display. The view exported is the one on screen (the camera's rectangle), with the
//! same colouring, legend and labels. "Whole window" is a real screen capture, PNG only.

use crate::analysis::colouring::{Colouring, MapSubject};
use crate::geometry::PreparedWardSet;
use crate::model::Dataset;
use crate::render::{self, Overwrite, RenderOptions};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    MapView,
    Window,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportSize {
    One,
    Two,
    Width(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Png,
    Svg,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Svg => "svg",
        }
    }
}

/// Where the dialog is in its flow.
enum Stage {
    Closed,
    Editing,
    /// The native save dialog is open on a worker thread.
    ChoosingPath(Instant, mpsc::Receiver<Option<PathBuf>>),
    /// No native dialog: type a path.
    PathField(String),
    ConfirmOverwrite(PathBuf),
    Writing(mpsc::Receiver<Result<PathBuf, String>>),
}

/// What the app must do for the dialog this frame.
pub enum ExportRequest {
    None,
    /// Capture the window to this path in the next frame (without the dialog or tooltips).
    CaptureWindow(PathBuf),
    /// A message for the status bar: Ok = written, Err = why not.
    Finished(Result<PathBuf, String>),
}

/// Everything the renderer needs from the app, cloned so the work can leave the UI thread.
pub struct ExportSource {
    pub data: Arc<Dataset>,
    pub subject: MapSubject,
    pub colouring: Colouring,
    pub geometry: Arc<PreparedWardSet>,
    pub view: Option<geo::Rect<f64>>,
    /// The map's size on screen in points, for "1×".
    pub map_width: f32,
    /// The earlier election the map also draws on (change, swing, gains), credited too.
    pub baseline: Option<crate::model::ElectionId>,
    /// The credit of ward figures the map shows (a census table's), after the others.
    pub credit: Option<String>,
}

pub struct ExportDialog {
    stage: Stage,
    pub what: ExportWhat,
    pub size: ExportSize,
    pub format: ExportFormat,
    pub title: String,
    pub legend: bool,
    pub attribution: bool,
    pub labels: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            stage: Stage::Closed,
            what: ExportWhat::MapView,
            size: ExportSize::Two,
            format: ExportFormat::Png,
            title: String::new(),
            legend: true,
            attribution: true,
            labels: true,
        }
    }
}

/// Same threshold as opening: a "cancel" faster than this means no dialog was shown.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(400);

impl ExportDialog {
    pub fn open(&mut self, colouring: &Colouring) {
        self.title = render::default_title(colouring);
        self.stage = Stage::Editing;
    }

    pub fn is_open(&self) -> bool {
        !matches!(self.stage, Stage::Closed)
    }

    fn suggested_name(&self) -> String {
        let stem: String = self
            .title
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let stem = if stem.is_empty() { "wardmap".to_owned() } else { stem };
        format!("{stem}.{}", self.format.extension())
    }

    /// The suggested file in the current folder, as a full path for the path field.
    fn suggested_path(&self) -> String {
        let name = self.suggested_name();
        std::env::current_dir().map_or(name.clone(), |dir| dir.join(name).display().to_string())
    }

    /// The renderer's options for this dialog's choices.
    pub fn render_options(&self, source: &ExportSource) -> RenderOptions {
        let (width_px, scale) = match self.size {
            ExportSize::One => (source.map_width.round().max(render::MIN_WIDTH as f32) as u32, 1.0),
            ExportSize::Two => (source.map_width.round().max(render::MIN_WIDTH as f32) as u32, 2.0),
            ExportSize::Width(px) => (px.clamp(render::MIN_WIDTH, render::MAX_SIDE), 1.0),
        };
        RenderOptions {
            width_px,
            scale,
            title: Some(self.title.clone()).filter(|t| !t.trim().is_empty()),
            legend: self.legend,
            attribution: self.attribution.then(|| {
                let shown = match source.subject {
                    MapSubject::Election(id) => Some(id),
                    MapSubject::WardSetOnly(_) => None,
                };
                let line = crate::model::credits::attribution_for_all(&source.data, shown, source.baseline);
                match &source.credit {
                    Some(credit) => format!("{line} {credit}"),
                    None => line,
                }
            }),
            labels: self.labels,
            view: source.view,
        }
    }

    /// Draw the dialog and move its flow on; `source` is built only when a file is to be written.
    pub fn show(&mut self, ctx: &egui::Context, source: impl FnOnce() -> Option<ExportSource>) -> ExportRequest {
        match std::mem::replace(&mut self.stage, Stage::Closed) {
            Stage::Closed => ExportRequest::None,
            Stage::Editing => {
                self.stage = self.edit(ctx);
                ExportRequest::None
            }
            Stage::ChoosingPath(started, receiver) => match receiver.try_recv() {
                Ok(Some(path)) => self.chosen(path, source, false),
                Ok(None) if started.elapsed() < NO_DIALOG_THRESHOLD => {
                    self.stage = Stage::PathField(self.suggested_path());
                    ExportRequest::None
                }
                Ok(None) => ExportRequest::None,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.stage = Stage::PathField(self.suggested_path());
                    ExportRequest::None
                }
                Err(mpsc::TryRecvError::Empty) => {
                    self.stage = Stage::ChoosingPath(started, receiver);
                    ExportRequest::None
                }
            },
            Stage::PathField(mut text) => {
                let mut open = true;
                let mut submit = false;
                egui::Window::new("Save image as")
                    .constrain_to(super::widgets::window_area(ctx))
                    .collapsible(false)
                    .open(&mut open)
                    .show(ctx, |ui| {
                        ui.label("No save dialog is available here. Type the file to write:");
                        let edit = ui.add(egui::TextEdit::singleline(&mut text).desired_width(420.0));
                        if !edit.has_focus() && !edit.lost_focus() {
                            edit.request_focus();
                        }
                        submit = (edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                            || ui.button("Save").clicked();
                    });
                if submit && !text.trim().is_empty() {
                    self.chosen(PathBuf::from(text.trim()), source, true)
                } else {
                    if open {
                        self.stage = Stage::PathField(text);
                    }
                    ExportRequest::None
                }
            }
            Stage::ConfirmOverwrite(path) => {
                let mut decision = None;
                egui::Window::new("Replace file?")
                    .constrain_to(super::widgets::window_area(ctx))
                    .collapsible(false)
                    .show(ctx, |ui| {
                        ui.label(format!("{} already exists. Replace it?", path.display()));
                        ui.horizontal(|ui| {
                            if ui.button("Replace").clicked() {
                                decision = Some(true);
                            }
                            if ui.button("Cancel").clicked() {
                                decision = Some(false);
                            }
                        });
                    });
                match decision {
                    Some(true) => self.write(path, source, Overwrite::Allow),
                    Some(false) => ExportRequest::None,
                    None => {
                        self.stage = Stage::ConfirmOverwrite(path);
                        ExportRequest::None
                    }
                }
            }
            Stage::Writing(receiver) => match receiver.try_recv() {
                Ok(result) => ExportRequest::Finished(result),
                Err(mpsc::TryRecvError::Empty) => {
                    egui::Window::new("Exporting")
                        .constrain_to(super::widgets::window_area(ctx))
                        .collapsible(false)
                        .show(ctx, |ui| {
                            ui.horizontal(|ui| {
                                ui.spinner();
                                ui.label("Writing the image…");
                            });
                        });
                    self.stage = Stage::Writing(receiver);
                    ExportRequest::None
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    ExportRequest::Finished(Err("The export stopped unexpectedly.".into()))
                }
            },
        }
    }

    fn edit(&mut self, ctx: &egui::Context) -> Stage {
        let mut open = true;
        let mut go = false;
        egui::Window::new("Export image")
            .constrain_to(super::widgets::window_area(ctx))
            .collapsible(false)
            .resizable(false)
            .open(&mut open)
            .show(ctx, |ui| {
                egui::Grid::new("export_options").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
                    ui.label("What");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.what, ExportWhat::MapView, "The map as framed");
                        ui.radio_value(&mut self.what, ExportWhat::Window, "The whole window");
                    });
                    ui.end_row();
                    ui.label("Format");
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.format, ExportFormat::Png, "PNG");
                        ui.add_enabled_ui(self.what == ExportWhat::MapView, |ui| {
                            ui.radio_value(&mut self.format, ExportFormat::Svg, "SVG")
                                .on_disabled_hover_text("A window capture is a picture: PNG only");
                        });
                    });
                    ui.end_row();
                    ui.label("Size");
                    ui.add_enabled_ui(self.what == ExportWhat::MapView, |ui| {
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.size, ExportSize::One, "1×");
                            ui.radio_value(&mut self.size, ExportSize::Two, "2×");
                            let mut custom = matches!(self.size, ExportSize::Width(_));
                            if ui.radio(custom, "Width").clicked() && !custom {
                                self.size = ExportSize::Width(1600);
                                custom = true;
                            }
                            if let (true, ExportSize::Width(px)) = (custom, &mut self.size) {
                                ui.add(
                                    egui::DragValue::new(px).range(render::MIN_WIDTH..=render::MAX_SIDE).suffix(" px"),
                                );
                            }
                        });
                    });
                    ui.end_row();
                    let title_label = ui.label("Title");
                    ui.add(egui::TextEdit::singleline(&mut self.title).desired_width(320.0))
                        .labelled_by(title_label.id);
                    ui.end_row();
                    ui.label("Include");
                    ui.add_enabled_ui(self.what == ExportWhat::MapView, |ui| {
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut self.legend, "Legend");
                            ui.checkbox(&mut self.labels, "Ward names");
                            ui.checkbox(&mut self.attribution, "Attribution");
                        });
                    });
                    ui.end_row();
                });
                if self.what == ExportWhat::Window {
                    self.format = ExportFormat::Png;
                }
                ui.add_space(6.0);
                go = ui.button("Export…").clicked();
            });
        if !open {
            return Stage::Closed;
        }
        if !go {
            return Stage::Editing;
        }
        let (sender, receiver) = mpsc::channel();
        let name = self.suggested_name();
        let format = self.format;
        let repaint = ctx.clone();
        std::thread::spawn(move || {
            let (label, extension) = match format {
                ExportFormat::Png => ("PNG image", "png"),
                ExportFormat::Svg => ("SVG image", "svg"),
            };
            let chosen = rfd::FileDialog::new().set_file_name(name).add_filter(label, &[extension]).save_file();
            let _ = sender.send(chosen);
            repaint.request_repaint();
        });
        Stage::ChoosingPath(Instant::now(), receiver)
    }

    /// A path was chosen: confirm an overwrite typed in the path field, then write.
    fn chosen(
        &mut self,
        path: PathBuf,
        source: impl FnOnce() -> Option<ExportSource>,
        ask_overwrite: bool,
    ) -> ExportRequest {
        if ask_overwrite && path.exists() {
            self.stage = Stage::ConfirmOverwrite(path);
            return ExportRequest::None;
        }
        // A native save dialog has already asked about replacing the file.
        self.write(path, source, Overwrite::Allow)
    }

    fn write(
        &mut self,
        path: PathBuf,
        source: impl FnOnce() -> Option<ExportSource>,
        overwrite: Overwrite,
    ) -> ExportRequest {
        if let Err(e) = render::check_target(&path, overwrite) {
            return ExportRequest::Finished(Err(e.to_string()));
        }
        if self.what == ExportWhat::Window {
            return ExportRequest::CaptureWindow(path);
        }
        let Some(source) = source() else {
            return ExportRequest::Finished(Err("There is no map to export.".into()));
        };
        let options = self.render_options(&source);
        let format = self.format;
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(render_and_write(&source, &options, format, &path, overwrite).map(|()| path));
        });
        self.stage = Stage::Writing(receiver);
        ExportRequest::None
    }
}

/// Render and write one export; runs on a worker thread.
pub fn render_and_write(
    source: &ExportSource,
    options: &RenderOptions,
    format: ExportFormat,
    path: &std::path::Path,
    overwrite: Overwrite,
) -> Result<(), String> {
    let set = render::subject_ward_set(&source.data, source.subject).ok_or("There are no wards to export.")?;
    let scene = render::build_scene(set, &source.geometry, &source.colouring, options).map_err(|e| e.to_string())?;
    let bytes = match format {
        ExportFormat::Png => render::encode_png(&scene).map_err(|e| e.to_string())?,
        ExportFormat::Svg => render::write_svg(&scene).into_bytes(),
    };
    render::write_atomically(path, &bytes, overwrite).map_err(|e| e.to_string())
}
