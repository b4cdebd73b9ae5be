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
    pub fn spawn(current: Arc<Dataset>, paths: Vec<PathBuf>, ctx: egui::Context) -> LoadJob {
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let description = paths.iter().map(|p| file_name(p)).collect::<Vec<_>>().join(", ");
        let job_cancel = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let report = |message: LoadMessage| {
                let _ = sender.send(message);
                ctx.request_repaint();
            };
            let result = load(&current, &paths, &job_cancel, &|status| report(LoadMessage::Progress(status)));
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
        while let Ok(message) = self.receiver.try_recv() {
            match message {
                LoadMessage::Progress(status) => self.status = status,
                LoadMessage::Done(result) => return Some(result),
            }
        }
        None
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The work of a job: pure apart from reading the files.
pub fn load(current: &Dataset, paths: &[PathBuf], cancel: &AtomicBool, status: &dyn Fn(String)) -> Result<Loaded, String> {
    let mut ward_sets: Vec<WardSet> = current.ward_sets.clone();
    let mut elections: Vec<Election> = current.elections.iter().map(|e| e.election.clone()).collect();
    let mut notes = Vec::new();
    let mut new_elections = 0;
    for path in paths {
        if cancel.load(Ordering::Relaxed) {
            return Err("Cancelled.".into());
        }
        status(format!("Reading {}…", file_name(path)));
        if is_boundary_file(path) {
            let set = crate::io::load::load_boundary_file(path).map_err(|e| e.to_string())?;
            ward_sets.retain(|s| s.source != set.source);
            ward_sets.push(set);
        } else {
            let loaded = crate::io::load::load_results_file(path).map_err(|e| e.to_string())?;
            new_elections += loaded.len();
            elections.retain(|e| e.source != path.display().to_string());
            elections.extend(loaded);
        }
    }
    status("Joining results to wards…".into());
    let data = Dataset::new(ward_sets, elections);
    for joined in &data.elections {
        let join = &joined.join;
        if joined.ward_set.is_none() {
            return Err(format!(
                "None of the {} wards in the {} results matched a ward of any loaded boundary file. \
                 Open the boundaries for the same borough and years, then the results again.",
                joined.election.contests.len(),
                joined.election.title()
            ));
        }
        if !join.results_without_ward.is_empty() {
            notes.push(format!("{}: no ward found for {}", joined.election.title(), join.results_without_ward.join(", ")));
        }
        if !join.wards_without_results.is_empty() && new_elections > 0 {
            notes.push(format!("{}: no result for {}", joined.election.title(), join.wards_without_results.join(", ")));
        }
    }
    status("Preparing the map…".into());
    let geometry = prepare_geometry(&data);
    Ok(Loaded { data, geometry, notes, opened: paths.to_vec() })
}
