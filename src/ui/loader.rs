//! Loading off the UI thread. A job runs the session's load (read and parse the files, merge
//! them with what is already loaded, join and check: [`crate::session`]) and prepares the
//! geometry (projection, triangulation, index), then hands the finished data back. Until then
//! the old map stays on screen and usable; on any error the old data is kept and the message
//! shown.

use crate::geometry::PreparedWardSet;
use crate::io::LoadError;
use crate::io::properties::BoundaryOptions;
use crate::model::{Dataset, WardSet, WardSetId};
use crate::session::{self, Feedback, OnBadFile, Session, Source};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, mpsc};

/// A finished load with its geometry prepared, ready to swap in.
pub struct Ready {
    pub session: Session,
    /// The prepared geometry of `session.dataset`'s ward sets.
    pub geometry: PreparedSets,
}

/// What a load job reports.
pub enum LoadMessage {
    Progress(String),
    Done(Result<Box<Ready>, String>),
}

/// A load in progress.
pub struct LoadJob {
    pub description: String,
    /// Whether its end is announced in a notice ("Opened …"); not for the rest of London
    /// arriving behind Barnet at start-up, which the user did not ask for.
    pub announce: bool,
    pub status: String,
    receiver: mpsc::Receiver<LoadMessage>,
    cancel: Arc<AtomicBool>,
}

/// Which ward sets a load prepares before it hands its data over.
#[derive(Clone, Copy)]
enum Prepare {
    /// All of them (the rest of London arriving behind Barnet: any may be clicked next).
    Everything,
    /// Those the opened files brought; the built-in ones are prepared on first use.
    WhatTheFilesBrought,
}

/// Each ward set's prepared geometry (projection, triangulation, index), made once, on first
/// use or ahead of it. All of London is some 75 ward sets: preparing every one before the
/// first frame would cost the start-up what only a click on London needs.
#[derive(Default)]
pub struct PreparedSets(Vec<OnceLock<Arc<PreparedWardSet>>>);

impl PreparedSets {
    /// Slots for `data`'s ward sets, none prepared yet.
    #[must_use]
    pub fn lazy(data: &Dataset) -> PreparedSets {
        PreparedSets(data.ward_sets.iter().map(|_| OnceLock::new()).collect())
    }

    /// Every ward set prepared now (on a loading thread).
    #[must_use]
    pub fn all(data: &Dataset) -> PreparedSets {
        let sets = PreparedSets::lazy(data);
        for index in 0..data.ward_sets.len() {
            let _ = sets.get(data, WardSetId(index));
        }
        sets
    }

    /// Slots for the session's ward sets, with those of the elections its files brought
    /// prepared now (the app shows one of them next); the built-in sets wait for first use. With
    /// no election from the files (a boundary file alone), every set the files brought.
    #[must_use]
    fn brought_by(session: &Session) -> PreparedSets {
        let data = &session.dataset;
        let sets = PreparedSets::lazy(data);
        let opened = |source: &str| session.opened.iter().any(|path| path.display().to_string() == source);
        let mut wanted: Vec<WardSetId> =
            data.elections.iter().filter(|e| opened(&e.election.source)).filter_map(|e| e.ward_set).collect();
        if wanted.is_empty() {
            wanted = (0..data.ward_sets.len()).filter(|&i| opened(&data.ward_sets[i].source)).map(WardSetId).collect();
        }
        wanted.sort_unstable_by_key(|id| id.0);
        wanted.dedup();
        for id in wanted {
            let _ = sets.get(data, id);
        }
        sets
    }

    /// The ward sets prepared so far.
    fn prepared(&self) -> Vec<Arc<PreparedWardSet>> {
        self.0.iter().filter_map(|slot| slot.get().map(Arc::clone)).collect()
    }

    /// The prepared geometry of ward set `id` of `data` (the data these slots were made for),
    /// prepared now if it was not yet.
    pub fn get(&self, data: &Dataset, id: WardSetId) -> Option<&Arc<PreparedWardSet>> {
        let set = data.ward_set(id)?;
        Some(self.0.get(id.0)?.get_or_init(|| prepare(set)))
    }
}

/// One ward set's geometry, prepared.
/// Wards that know their borough (London's sets) get the boroughs' outlines too.
fn prepare(set: &WardSet) -> Arc<PreparedWardSet> {
    Arc::new(PreparedWardSet::of_ward_set(set))
}

impl LoadJob {
    /// Start loading `source` from scratch (what the command line named).
    #[must_use]
    pub fn start(source: Source, ctx: egui::Context) -> LoadJob {
        LoadJob::spawn(source.description(), Prepare::WhatTheFilesBrought, ctx, move |feedback| {
            session::load_with_then(&source, feedback, OnBadFile::LeaveOut)
        })
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
        LoadJob::spawn(description, Prepare::WhatTheFilesBrought, ctx, move |feedback| {
            session::add_files(&current, &paths, &options, feedback, OnBadFile::LeaveOut)
        })
    }

    /// Load everything built in (all of London) behind the Barnet data shown at start-up.
    #[must_use]
    pub fn rest_of_london(ctx: egui::Context) -> LoadJob {
        let mut job = LoadJob::spawn("the other London boroughs".to_owned(), Prepare::Everything, ctx, |feedback| {
            session::load_with(&Source::Embedded, feedback)
        });
        job.announce = false;
        job
    }

    /// Run a load on a worker thread, reporting its status lines, then prepare its geometry.
    fn spawn(
        description: String,
        scope: Prepare,
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
            let mut prepared = Vec::new();
            let result =
                load(&Feedback { status: &status, cancel: &job_cancel }).map_err(|e| e.to_string()).map(|session| {
                    status("Preparing the map…".into());
                    let geometry = match scope {
                        Prepare::Everything => PreparedSets::all(&session.dataset),
                        Prepare::WhatTheFilesBrought => PreparedSets::brought_by(&session),
                    };
                    prepared = geometry.prepared();
                    Box::new(Ready { session, geometry })
                });
            if !job_cancel.load(Ordering::Relaxed) {
                report(LoadMessage::Done(result));
                // The map is on screen, drawing the one level of detail its view needs; the
                // others are built here so that zooming finds them ready. Largest sets first.
                prepared.sort_by_key(|set| std::cmp::Reverse(set.len()));
                for set in prepared {
                    set.build_all_levels();
                }
            }
        });
        LoadJob { status: format!("Opening {description}…"), description, announce: true, receiver, cancel }
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
