//! Loading off the UI thread. A job runs the session's load (read and parse the files, merge
//! them with what is already loaded, join and check: [`crate::session`]) and prepares the
//! geometry (projection, triangulation, index), then hands the finished data back. Until then
//! the old map stays on screen and usable; on any error the old data is kept and the message
//! shown.

use crate::geometry::PreparedWardSet;
use crate::io::LoadError;
use crate::io::properties::BoundaryOptions;
use crate::model::Dataset;
use crate::session::{self, Feedback, Session, Source};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

/// A finished load with its geometry prepared, ready to swap in.
pub struct Ready {
    pub session: Session,
    /// One prepared ward set per ward set of `session.dataset`, in order.
    pub geometry: Vec<Arc<PreparedWardSet>>,
}

/// What a load job reports.
pub enum LoadMessage {
    Progress(String),
    Done(Result<Box<Ready>, String>),
}

/// A load in progress.
pub struct LoadJob {
    pub description: String,
    pub status: String,
    receiver: mpsc::Receiver<LoadMessage>,
    cancel: Arc<AtomicBool>,
}

/// Prepare every ward set's geometry once (the slow part of a load).
#[must_use]
pub fn prepare_geometry(data: &Dataset) -> Vec<Arc<PreparedWardSet>> {
    data.ward_sets
        .iter()
        .map(|set| {
            let shapes: Vec<_> = set.wards.iter().map(|w| w.geometry.clone()).collect();
            Arc::new(PreparedWardSet::new(&shapes))
        })
        .collect()
}

impl LoadJob {
    /// Start loading `source` from scratch (what the command line named).
    #[must_use]
    pub fn start(source: Source, ctx: egui::Context) -> LoadJob {
        LoadJob::spawn(source.description(), ctx, move |feedback| session::load_with(&source, feedback))
    }

    /// Start loading `paths` on top of `current` (new ward sets and elections are added).
    #[must_use]
    pub fn add_files(
        current: Arc<Dataset>,
        paths: Vec<PathBuf>,
        options: BoundaryOptions,
        ctx: egui::Context,
    ) -> LoadJob {
        let description = session::describe_files(&paths);
        LoadJob::spawn(description, ctx, move |feedback| session::add_files(&current, &paths, &options, feedback))
    }

    /// Run a load on a worker thread, reporting its status lines, then prepare its geometry.
    fn spawn(
        description: String,
        ctx: egui::Context,
        load: impl FnOnce(&Feedback) -> Result<Session, LoadError> + Send + 'static,
    ) -> LoadJob {
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_cancel = Arc::clone(&cancel);
        std::thread::spawn(move || {
            let report = |message: LoadMessage| {
                let _ = sender.send(message);
                ctx.request_repaint();
            };
            let status = |status| report(LoadMessage::Progress(status));
            let result =
                load(&Feedback { status: &status, cancel: &job_cancel }).map_err(|e| e.to_string()).map(|session| {
                    status("Preparing the map…".into());
                    let geometry = prepare_geometry(&session.dataset);
                    Box::new(Ready { session, geometry })
                });
            if !job_cancel.load(Ordering::Relaxed) {
                report(LoadMessage::Done(result));
            }
        });
        LoadJob { status: format!("Opening {description}…"), description, receiver, cancel }
    }

    /// Ask the job to stop; its result is then dropped.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Take what the job has reported since the last frame; `Some` when it has finished.
    pub fn poll(&mut self) -> Option<Result<Box<Ready>, String>> {
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
