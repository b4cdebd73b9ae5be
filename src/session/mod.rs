//! The session: what is loaded, and the one way of loading it. UI-free, between the pure core
//! (`model`, `io`, `analysis`, `geometry`) and the edges (`ui`, `cli`).
//!
//! Why a layer of its own: a load is more than parsing. The files have to be opened, the data
//! a fresh start leaves out filled in from the embedded Barnet data, the new files merged with
//! what is loaded already (a reloaded election replaces the old one), every election joined to
//! its wards and checked (results that match no ward are refused; elected flags that disagree
//! with the votes are counted), and the user told what did not stop the load. The app's
//! background loader and the command line both need all of that, in the same order and with
//! the same words; before this layer the app called into the command line for it, and a file
//! reader carried an analysis rule. Now:
//! - [`Source`] says where data comes from and [`StartOptions`] what to show first, so the app
//!   never sees the command line's argument types (`cli` turns its arguments into these);
//! - [`load`]/[`load_with`] (a fresh start) and [`add_files`] (on top of what is loaded) are
//!   the one loading path, reporting progress and honouring a cancel through [`Feedback`];
//! - `io` only parses (into [`crate::io::Opened`]); the rules of merging are in `merge`, the
//!   join and its checks (the only use of `analysis` while loading) in `check`.
//!
//! Nothing here keeps state between calls: a load returns a whole new [`Session`] or an error,
//! so a caller that gets an error still has what it had.

pub mod attributes;
mod check;
pub mod hexmap;
pub mod london;
mod merge;
pub mod notional;
pub mod postcodes;

#[cfg(test)]
mod tests;

use crate::analysis::colouring::ColourMode;
use crate::io::load::{FileKind, open_file};
use crate::io::properties::{BoundaryOptions, PropertyReport};
use crate::io::{LoadError, Opened};
use crate::model::{Dataset, Election, WardSet};
use merge::Merge;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Where the data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The Barnet wards and results built into the binary.
    Embedded,
    /// Files the user named. Without a boundary file the embedded Barnet ward sets are used;
    /// without results files, the embedded Barnet results that fit the boundaries.
    Files { boundaries: Option<PathBuf>, results: Vec<PathBuf> },
    /// Generated wards around London with results (not real data), for trying wardmap at scale.
    Synthetic { wards: usize, seed: u64 },
}

impl Source {
    /// The files the source reads, boundaries first (none for embedded or synthetic data).
    #[must_use]
    pub fn files(&self) -> Vec<PathBuf> {
        match self {
            Source::Files { boundaries, results } => boundaries.iter().chain(results).cloned().collect(),
            Source::Embedded | Source::Synthetic { .. } => Vec::new(),
        }
    }

    /// What a status line says is being opened: the files' names, or the synthetic wards.
    #[must_use]
    pub fn description(&self) -> String {
        match self {
            Source::Embedded => "the embedded Barnet data".to_owned(),
            Source::Files { .. } => describe_files(&self.files()),
            Source::Synthetic { wards, .. } => format!("{wards} synthetic wards"),
        }
    }
}

/// What to show first once the data is loaded (the app's `--show-election`, `--show-mode` and
/// `--select`).
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// This borough (loosely named; "london" for the whole city).
    pub borough: Option<String>,
    /// The election of this year.
    pub election: Option<i32>,
    /// The map coloured by this measure.
    pub mode: Option<ColourMode>,
    /// These wards selected (by name, loosely matched).
    pub select: Vec<String>,
    /// Read the files again whenever they change on disk (election night).
    pub watch: bool,
    /// A hex layout the user opened (`--hexmap`), used wherever it covers the wards.
    pub hex_layout: Option<crate::model::hexmap::HexLayout>,
}

/// The data a load produced, and what the user should know about it.
#[derive(Clone, Debug)]
pub struct Session {
    /// Everything loaded, each election joined to its ward set.
    pub dataset: Dataset,
    /// In words, each naming its file or election: skipped features and rows, rings that cross
    /// themselves, guessed coordinate systems, unsure properties, elections that replaced
    /// others, elected flags that disagree with the votes, results without a ward and wards
    /// without results.
    pub warnings: Vec<String>,
    /// Candidates whose elected flag in the source disagrees with the votes, over all elections.
    pub flag_disagreements: usize,
    /// The files this load read, in order (for the app's recent files and to show what they
    /// brought).
    pub opened: Vec<PathBuf>,
    /// Boundary files whose code or name property was a guess, for the app to offer the choice.
    pub unsure: Vec<UnsureProperties>,
    /// Files left out because they could not be read, each with why (only when the load was
    /// asked to keep the good files: [`OnBadFile::LeaveOut`]).
    pub failed: Vec<String>,
}

/// What a load does with a file that cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnBadFile {
    /// Stop: nothing is loaded (the command line, where a script must not go on without it).
    Stop,
    /// Leave it out and say why, loading the good files (the app: a bad file among good ones,
    /// dropped or opened together, must not cost the others). If every file is bad, the load
    /// fails as with `Stop`.
    LeaveOut,
}

/// A boundary file whose code or name property was a guess.
#[derive(Clone, Debug)]
pub struct UnsureProperties {
    pub path: PathBuf,
    pub report: PropertyReport,
}

/// How a load tells its caller how far it is, and learns that it should stop.
#[derive(Clone, Copy)]
pub struct Feedback<'a> {
    /// A line for a status bar ("Reading wards.geojson… 40%"); called from the loading thread.
    pub status: &'a dyn Fn(String),
    /// Set by the caller to stop the load; it then returns a cancelled error.
    pub cancel: &'a AtomicBool,
}

impl Feedback<'static> {
    /// No status lines and no cancelling: for the command line and tests.
    #[must_use]
    pub fn quiet() -> Feedback<'static> {
        static NEVER: AtomicBool = AtomicBool::new(false);
        Feedback { status: &|_| {}, cancel: &NEVER }
    }
}

impl Feedback<'_> {
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Load `source` from scratch, without progress: what the command line does.
///
/// # Errors
/// A file that cannot be read or parsed, or results that match no ward of the boundaries;
/// nothing is loaded then.
pub fn load(source: &Source) -> Result<Session, LoadError> {
    load_with(source, &Feedback::quiet())
}

/// Load `source` from scratch, reporting progress and honouring a cancel.
///
/// # Errors
/// As [`load`], and a cancelled error when `feedback` asks the load to stop.
pub fn load_with(source: &Source, feedback: &Feedback) -> Result<Session, LoadError> {
    load_with_then(source, feedback, OnBadFile::Stop)
}

/// [`load_with`], deciding what a file that cannot be read does.
///
/// # Errors
/// As [`load_with`]; with [`OnBadFile::LeaveOut`], only when no file could be read.
pub fn load_with_then(source: &Source, feedback: &Feedback, on_bad: OnBadFile) -> Result<Session, LoadError> {
    let mut failed = Vec::new();
    let (base, opened) = match source {
        Source::Embedded => (Merge::fresh(true, true), Vec::new()),
        Source::Files { boundaries, results } => {
            let mut files: Vec<(&Path, FileKind)> =
                boundaries.iter().map(|path| (path.as_path(), FileKind::Boundaries)).collect();
            files.extend(results.iter().map(|path| (path.as_path(), FileKind::Results)));
            let opened = open_all(&files, &BoundaryOptions::default(), feedback, on_bad, &mut failed)?;
            // What actually opened decides what the built-in data fills in: a boundary file
            // left out (unreadable) leaves its results on the built-in wards, not on none.
            let has_boundaries = opened.iter().any(|o| matches!(o, Opened::Boundaries { .. }));
            let has_results = opened.iter().any(|o| matches!(o, Opened::Results { .. }));
            (Merge::fresh(!has_boundaries, !has_results), opened)
        }
        Source::Synthetic { wards, seed } => {
            (feedback.status)(format!("Generating {wards} synthetic wards…"));
            (Merge::fresh(false, false), crate::synthetic::open(*wards, *seed)?)
        }
    };
    let read: Vec<PathBuf> = opened.iter().map(|o| o.path().to_path_buf()).collect();
    let files = if failed.is_empty() { source.files() } else { read };
    finish(base, opened, files, feedback, failed)
}

/// Read `paths` (boundaries or results, by their names) and add them to `current`: new ward
/// sets and elections are added, and one from a file already loaded, or of a borough and year
/// already loaded, replaces the old one. `options` applies to boundary files.
///
/// # Errors
/// As [`load_with`]; `current` is not touched, so the caller still has it.
pub fn add_files(
    current: &Dataset,
    paths: &[PathBuf],
    options: &BoundaryOptions,
    feedback: &Feedback,
    on_bad: OnBadFile,
) -> Result<Session, LoadError> {
    let files: Vec<(&Path, FileKind)> = paths.iter().map(|path| (path.as_path(), FileKind::of_path(path))).collect();
    let mut failed = Vec::new();
    let opened = open_all(&files, options, feedback, on_bad, &mut failed)?;
    let mut base = Merge::on(current.ward_sets.clone(), current.elections.iter().map(|e| e.election.clone()).collect());
    base.attribute_tables = attributes::user_tables(current);
    // Only the files that opened are remembered (in the app's recent files).
    let read: Vec<PathBuf> = opened.iter().map(|o| o.path().to_path_buf()).collect();
    finish(base, opened, read, feedback, failed)
}

/// Open each file in turn, reporting whole percents of each.
fn open_all(
    files: &[(&Path, FileKind)],
    options: &BoundaryOptions,
    feedback: &Feedback,
    on_bad: OnBadFile,
    failed: &mut Vec<String>,
) -> Result<Vec<Opened>, LoadError> {
    let results = files.iter().map(|&(path, kind)| {
        let name = file_name(path);
        let last_percent = std::cell::Cell::new(-1);
        let progress = |fraction: f32| {
            // Readers report per row or feature: pass on whole percents only.
            #[allow(clippy::cast_possible_truncation, reason = "a fraction in 0..=1 times 100 fits")]
            let percent = (fraction * 100.0) as i32;
            if percent != last_percent.replace(percent) {
                (feedback.status)(format!("Reading {name}… {percent}%"));
            }
            !feedback.cancelled()
        };
        open_file(path, kind, options, &progress)
    });
    let mut opened = Vec::new();
    let mut first_error = None;
    for result in results {
        match result {
            Ok(file) => opened.push(file),
            Err(e) if e.is_cancelled() || on_bad == OnBadFile::Stop => return Err(e),
            Err(e) => {
                failed.push(e.to_string());
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(error) if opened.is_empty() => Err(error),
        _ => Ok(opened),
    }
}

/// The rest of every load: merge what was opened onto what it is added to, join, check.
fn finish(
    mut merge: Merge,
    opened: Vec<Opened>,
    files: Vec<PathBuf>,
    feedback: &Feedback,
    failed: Vec<String>,
) -> Result<Session, LoadError> {
    if feedback.cancelled() {
        return Err(LoadError::Cancelled);
    }
    for file in opened {
        merge.add(file);
    }
    merge.fill_in_embedded();
    (feedback.status)("Joining results to wards…".into());
    let mut checked = check::assemble(merge.ward_sets, merge.elections)?;
    if feedback.cancelled() {
        return Err(LoadError::Cancelled);
    }
    if !crate::analysis::notional::needed(&checked.dataset).is_empty() {
        (feedback.status)("Estimating notional results across boundary changes…".into());
    }
    notional::attach(&mut checked.dataset, crate::model::WeightMethod::default());
    let unmatched = attributes::attach(&mut checked.dataset, merge.attribute_tables);
    let mut warnings = merge.notes;
    warnings.extend(unmatched);
    warnings.extend(checked.warnings);
    Ok(Session {
        dataset: checked.dataset,
        warnings,
        flag_disagreements: checked.flag_disagreements,
        opened: files,
        unsure: merge.unsure,
        failed,
    })
}

/// Every ward set built in: Barnet's own, each London borough's, and London's.
#[must_use]
pub fn embedded_ward_sets() -> Vec<WardSet> {
    let mut sets = crate::io::embedded::barnet_ward_sets();
    sets.extend(london::ward_sets().iter().cloned());
    sets
}

/// Every election built in: Barnet's own 2014 and 2018 (with the London table's 2018 turnout),
/// then every London borough's and London's of 2006–2026.
#[must_use]
pub fn embedded_elections() -> Vec<Election> {
    let mut elections = london::barnet_own_elections();
    elections.extend(london::elections().iter().cloned());
    elections
}

/// Barnet alone, all its elections of 2006–2026 on its own wards: quick to build (no London
/// boundaries), so the app shows it at once while the rest of London loads behind it.
#[must_use]
pub fn embedded_barnet() -> Dataset {
    let mut elections = london::barnet_own_elections();
    elections.extend(london::elections().iter().filter(|e| e.borough == london::BARNET).cloned());
    let mut data = Dataset::new(crate::io::embedded::barnet_ward_sets(), elections);
    notional::attach(&mut data, crate::model::WeightMethod::default());
    attributes::attach(&mut data, Vec::new());
    data
}

/// Everything built in, joined: what the app opens on and the command line reads by default.
#[must_use]
pub fn embedded() -> Dataset {
    let mut data = Dataset::new(embedded_ward_sets(), embedded_elections());
    notional::attach(&mut data, crate::model::WeightMethod::default());
    attributes::attach(&mut data, Vec::new());
    data
}

/// The files' names, for a status line ("wards.geojson, results.csv").
#[must_use]
pub fn describe_files(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| file_name(p)).collect::<Vec<_>>().join(", ")
}

/// A file's name for messages (the whole path when it has none).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
