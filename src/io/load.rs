//! Opening files: read one file from disk and parse it with the reader of its kind.
//!
//! This is as far as `io` goes: a file in, its ward set or its elections out, with the
//! reader's warnings, in an [`Opened`]. Joining them to other data, checking the result and
//! merging it with what is loaded already are the session's work (`crate::session`), so that
//! the app and the command line share them and `io` stays a set of parsers.
//!
//! Every function here is pure apart from reading the file it is given: it keeps no state and
//! returns either everything or an error, never part of a file. The `progress` callbacks let a
//! caller show a bar and cancel.

use super::boundaries::{self, ParsedBoundaries};
use super::error::LoadError;
use super::properties::BoundaryOptions;
use super::results::{self, ParsedResults};
use super::{Progress, no_progress};
use crate::model::{Election, WardSet};
use std::path::{Path, PathBuf};

/// One file, read and parsed: not yet joined to anything or checked against other files.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant, reason = "a few per load, each moved once: boxing would buy nothing")]
pub enum Opened {
    /// A boundary file: one ward set, with the properties it used and the reader's warnings.
    Boundaries { path: PathBuf, parsed: ParsedBoundaries },
    /// A results file: every election in it, with the rows left out in words.
    Results { path: PathBuf, parsed: ParsedResults },
    /// A table of ward figures (census, indicators): each numeric column a measure.
    Attributes { path: PathBuf, parsed: super::attributes_csv::ParsedAttributes },
}

impl Opened {
    /// The file this came from.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Opened::Boundaries { path, .. } | Opened::Results { path, .. } | Opened::Attributes { path, .. } => path,
        }
    }
}

/// What a file holds, which decides the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Boundaries,
    Results,
}

impl FileKind {
    /// The kind a file's name suggests: `.geojson` and `.json` are boundaries, anything else is
    /// read as results (whose reader says clearly when a file is not results).
    #[must_use]
    pub fn of_path(path: &Path) -> FileKind {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
        if matches!(extension.as_str(), "geojson" | "json") { FileKind::Boundaries } else { FileKind::Results }
    }
}

/// Read and parse one file as `kind`. `options` applies to boundary files (the user's choice of
/// code and name properties after an unsure detection).
///
/// # Errors
/// The file cannot be read, or is not a file of that kind; the error says why in words.
pub fn open_file(
    path: &Path,
    kind: FileKind,
    options: &BoundaryOptions,
    progress: Progress,
) -> Result<Opened, LoadError> {
    Ok(match kind {
        FileKind::Boundaries => {
            Opened::Boundaries { path: path.to_path_buf(), parsed: load_boundary_file_with(path, options, progress)? }
        }
        FileKind::Results => {
            let text = super::read_text(path, progress).map_err(super::ResultsError::from)?;
            if super::attributes_csv::looks_like_attributes(&text) {
                let parsed = super::attributes_csv::parse(&text, path)?;
                Opened::Attributes { path: path.to_path_buf(), parsed }
            } else {
                let parsed = results::parse(&text, path, &results::borough_from_file_name(path), progress)?;
                Opened::Results { path: path.to_path_buf(), parsed }
            }
        }
    })
}

/// Read one results file of any known format: every election in it (one per borough and
/// year), for the caller to add to what it has.
///
/// # Errors
/// As [`open_file`].
pub fn load_results_file(path: &Path) -> Result<Vec<Election>, LoadError> {
    load_results_file_with(path, &no_progress).map(|parsed| parsed.elections)
}

/// [`load_results_file`] with the detected format, warnings and progress.
///
/// # Errors
/// As [`open_file`], and a cancelled error when `progress` asks to stop.
pub fn load_results_file_with(path: &Path, progress: Progress) -> Result<ParsedResults, LoadError> {
    let text = super::read_text(path, progress).map_err(super::ResultsError::from)?;
    Ok(results::parse(&text, path, &results::borough_from_file_name(path), progress)?)
}

/// Read one boundary file with detected properties, named after the file.
///
/// # Errors
/// As [`open_file`].
pub fn load_boundary_file(path: &Path) -> Result<WardSet, LoadError> {
    load_boundary_file_with(path, &BoundaryOptions::default(), &no_progress).map(|parsed| parsed.ward_set)
}

/// [`load_boundary_file`] with the user's choice of properties, warnings and progress. The
/// result's `properties` says whether the detection was unsure and lists the choices.
///
/// # Errors
/// As [`open_file`], and a cancelled error when `progress` asks to stop.
pub fn load_boundary_file_with(
    path: &Path,
    options: &BoundaryOptions,
    progress: Progress,
) -> Result<ParsedBoundaries, LoadError> {
    let text = super::read_text(path, progress).map_err(super::BoundaryError::from)?;
    let name = path.file_stem().map_or_else(|| "wards".to_owned(), |s| s.to_string_lossy().into_owned());
    let first_year = super::year_in(&name);
    Ok(boundaries::parse_with(&text, path, &name, first_year, options, progress)?)
}
