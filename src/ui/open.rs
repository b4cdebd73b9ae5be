//! Choosing files to open: the native dialog (rfd) on a worker thread, with a path field as the
//! fallback when no dialog is available (no desktop portal, as under Xvfb or over SSH).

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A dialog that answers "nothing chosen" faster than this was not shown at all: rfd returns
/// `None` within milliseconds when there is no portal, while a person takes longer to cancel.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(400);

/// What the open flow produced this frame.
pub enum OpenOutcome {
    Chosen(Vec<PathBuf>),
    Nothing,
}

#[derive(Default)]
pub struct OpenFlow {
    pending: Option<(Instant, mpsc::Receiver<Option<Vec<PathBuf>>>)>,
    /// The fallback path field, when shown.
    path_field: Option<String>,
}

impl OpenFlow {
    /// Show the native dialog (or the path field if a dialog already failed to appear).
    pub fn start(&mut self, ctx: &egui::Context) {
        if self.pending.is_some() {
            return;
        }
        if self.path_field.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let chosen = rfd::FileDialog::new()
                .set_title("Open results or boundaries")
                .add_filter("Results and boundaries", &["csv", "geojson", "json", "txt"])
                .add_filter("Results (CSV)", &["csv", "txt"])
                .add_filter("Boundaries (GeoJSON)", &["geojson", "json"])
                .pick_files();
            let _ = sender.send(chosen);
            ctx.request_repaint();
        });
        self.pending = Some((Instant::now(), receiver));
    }

    /// Open the path field directly.
    pub fn start_with_path_field(&mut self) {
        self.path_field.get_or_insert_with(String::new);
    }

    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Check on the dialog and draw the path field; returns what was chosen.
    pub fn show(&mut self, ctx: &egui::Context) -> OpenOutcome {
        if let Some((started, receiver)) = &self.pending {
            match receiver.try_recv() {
                Ok(Some(paths)) if !paths.is_empty() => {
                    self.pending = None;
                    return OpenOutcome::Chosen(paths);
                }
                Ok(_) => {
                    let too_quick = started.elapsed() < NO_DIALOG_THRESHOLD;
                    self.pending = None;
                    if too_quick {
                        self.path_field = Some(String::new());
                    }
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.pending = None;
                    self.path_field = Some(String::new());
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
        let mut outcome = OpenOutcome::Nothing;
        if let Some(text) = &mut self.path_field {
            let mut open = true;
            let mut submit = false;
            egui::Window::new("Open file")
                .constrain_to(super::widgets::window_area(ctx))
                .collapsible(false)
                .resizable(false)
                .open(&mut open)
                .show(ctx, |ui| {
                    ui.label("No file dialog is available here. Type the path of a results CSV or a boundary GeoJSON:");
                    let edit =
                        ui.add(egui::TextEdit::singleline(text).desired_width(420.0).hint_text("/path/to/results.csv"));
                    edit.request_focus();
                    let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        submit = ui.button("Open").clicked() || entered;
                    });
                    ui.weak("Several files: separate the paths with ;");
                });
            if submit && !text.trim().is_empty() {
                let paths = text.split(';').map(str::trim).filter(|p| !p.is_empty()).map(PathBuf::from).collect();
                outcome = OpenOutcome::Chosen(paths);
                self.path_field = None;
            } else if !open {
                self.path_field = None;
            }
        }
        outcome
    }
}
