//! Opening files off the UI thread. A job reads and parses the files, joins them with what is
//! already loaded and prepares the geometry (projection, triangulation, index), then hands the
//! finished data back. Until then the old map stays on screen and usable; on any error the old
//! data is kept and the message shown.

use crate::geometry::PreparedWardSet;
use crate::model::{Dataset, Election, WardSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

/// Finished data, ready to swap in.
pub struct Loaded {
    pub data: Dataset,
    pub geometry: Vec<Arc<PreparedWardSet>>,
    /// Things the user should know that did not stop the load (skipped features, join gaps).
    pub notes: Vec<String>,
    pub opened: Vec<PathBuf>,
    /// Boundary files whose code or name property was a guess.
    pub unsure: Vec<UnsureProperties>,
}

/// What a load job reports.
pub enum LoadMessage {
    Progress(String),
    Done(Result<Box<Loaded>, String>),
}

/// A load in progress.
pub struct LoadJob {
    pub description: String,
    pub status: String,
    receiver: mpsc::Receiver<LoadMessage>,
    cancel: Arc<AtomicBool>,
}

/// Prepare every ward set's geometry once (the slow part of a load).
pub fn prepare_geometry(data: &Dataset) -> Vec<Arc<PreparedWardSet>> {
    data.ward_sets
        .iter()
        .map(|set| {
            let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
            Arc::new(PreparedWardSet::new(&shapes))
        })
        .collect()
}

/// Whether a path looks like a boundary file (else it is read as results).
fn is_boundary_file(path: &Path) -> bool {
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    matches!(extension.as_str(), "geojson" | "json")
}

impl LoadJob {
    /// Start loading `paths` on top of `current` (new ward sets and elections are added).
    pub fn spawn(
        current: Arc<Dataset>,
        paths: Vec<PathBuf>,
        options: crate::io::boundaries::BoundaryOptions,
        ctx: egui::Context,
    ) -> LoadJob {
        let description = paths.iter().map(|p| file_name(p)).collect::<Vec<_>>().join(", ");
        LoadJob::spawn_task(description, ctx, move |cancel, status| load(&current, &paths, &options, cancel, status))
    }

    /// Run any loading task on a worker thread, reporting its status lines.
    pub fn spawn_task(
        description: String,
        ctx: egui::Context,
        task: impl FnOnce(&AtomicBool, &dyn Fn(String)) -> Result<Loaded, String> + Send + 'static,
    ) -> LoadJob {
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_cancel = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let report = |message: LoadMessage| {
                let _ = sender.send(message);
                ctx.request_repaint();
            };
            let result = task(&job_cancel, &|status| report(LoadMessage::Progress(status)));
            if !job_cancel.load(Ordering::Relaxed) {
                report(LoadMessage::Done(result.map(Box::new)));
            }
        });
        LoadJob { status: format!("Opening {description}…"), description, receiver, cancel }
    }

    /// Ask the job to stop; its result is then dropped.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Take what the job has reported since the last frame; `Some` when it has finished.
    pub fn poll(&mut self) -> Option<Result<Box<Loaded>, String>> {
        loop {
            match self.receiver.try_recv() {
                Ok(LoadMessage::Progress(status)) => self.status = status,
                Ok(LoadMessage::Done(result)) => return Some(result),
                Err(mpsc::TryRecvError::Empty) => return None,
                // The worker ended without an answer: it failed, and must not spin forever.
                Err(mpsc::TryRecvError::Disconnected) => {
                    return Some(Err(format!(
                        "Opening {} failed unexpectedly (an internal error). Please report it with the file.",
                        self.description
                    )));
                }
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// A boundary file whose code or name property was a guess, for the app to offer the choice.
#[derive(Clone, Debug)]
pub struct UnsureProperties {
    pub path: PathBuf,
    pub report: crate::io::properties::PropertyReport,
}

/// The work of a job: pure apart from reading the files. `options` applies to boundary files
/// (the user's choice of code and name properties after an unsure detection).
pub fn load(
    current: &Dataset,
    paths: &[PathBuf],
    options: &crate::io::boundaries::BoundaryOptions,
    cancel: &AtomicBool,
    status: &dyn Fn(String),
) -> Result<Loaded, String> {
    let mut ward_sets: Vec<WardSet> = current.ward_sets.clone();
    let mut elections: Vec<Election> = current.elections.iter().map(|e| e.election.clone()).collect();
    let mut notes = Vec::new();
    let mut unsure = Vec::new();
    for path in paths {
        let name = file_name(path);
        let last_percent = std::cell::Cell::new(-1);
        let progress = |fraction: f32| {
            // Readers report per row or feature: pass on whole percents only.
            let percent = (fraction * 100.0) as i32;
            if percent != last_percent.replace(percent) {
                status(format!("Reading {name}… {percent}%"));
            }
            !cancel.load(Ordering::Relaxed)
        };
        if is_boundary_file(path) {
            let parsed =
                crate::io::load::load_boundary_file_with(path, options, &progress).map_err(|e| e.to_string())?;
            notes.extend(parsed.warnings);
            if parsed.properties.unsure {
                unsure.push(UnsureProperties { path: path.clone(), report: parsed.properties });
            }
            ward_sets.retain(|s| s.source != parsed.ward_set.source);
            ward_sets.push(parsed.ward_set);
        } else {
            let parsed = crate::io::load::load_results_file_with(path, &progress).map_err(|e| e.to_string())?;
            notes.extend(parsed.warnings);
            elections.retain(|e| e.source != path.display().to_string());
            // One election per borough and year: a file's election replaces the one loaded
            // before (say the embedded Barnet 2018), rather than sitting beside it unseen.
            for new in &parsed.elections {
                if let Some(old) = elections.iter().position(|e| e.borough == new.borough && e.year == new.year) {
                    let old = elections.remove(old);
                    notes.push(format!("{} from {name} replaces the one from {}", new.title(), old.source));
                }
            }
            elections.extend(parsed.elections);
        }
    }
    if cancel.load(Ordering::Relaxed) {
        return Err("Cancelled.".into());
    }
    status("Joining results to wards…".into());
    let assembled = crate::io::load::assemble(ward_sets, elections).map_err(|e| e.to_string())?;
    notes.extend(assembled.warnings);
    status("Preparing the map…".into());
    let geometry = prepare_geometry(&assembled.dataset);
    Ok(Loaded { data: assembled.dataset, geometry, notes, opened: paths.to_vec(), unsure })
}
