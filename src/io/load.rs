//! The loader the app and the command line call: files in, a joined [`Dataset`] out.
//!
//! Every function here is pure apart from reading the files it is given: it keeps no state and
//! returns either everything or an error, never part of a load. The app runs it on a worker
//! thread and keeps its current data until a load succeeds; the `progress` callbacks let it
//! show a bar and cancel.

use super::boundaries::{self, BoundaryOptions, ParsedBoundaries};
use super::error::LoadError;
use super::results::{self, ParsedResults};
use super::{Progress, embedded, no_progress};
use crate::analysis::ContestOutcome;
use crate::model::{Dataset, Election, WardSet};
use std::path::{Path, PathBuf};

/// A joined dataset and what the user should know about it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    /// In words, each naming its file or election: skipped features and rows, rings that cross
    /// themselves, guessed coordinate systems, unsure properties, elected flags that disagree
    /// with the votes, results without a ward and wards without results.
    pub warnings: Vec<String>,
    /// Candidates whose elected flag in the source disagrees with the votes, over all elections.
    pub flag_disagreements: usize,
}

/// Read one results file of any known format: every election in it (one per borough and
/// year), for the caller to add to what it has.
pub fn load_results_file(path: &Path) -> Result<Vec<Election>, LoadError> {
    load_results_file_with(path, &no_progress).map(|parsed| parsed.elections)
}

/// [`load_results_file`] with the detected format, warnings and progress.
pub fn load_results_file_with(path: &Path, progress: Progress) -> Result<ParsedResults, LoadError> {
    let text = super::read_text(path, progress).map_err(super::ResultsError::from)?;
    Ok(results::parse(&text, path, &results::borough_from_file_name(path), progress)?)
}

/// Read one boundary file with detected properties, named after the file.
pub fn load_boundary_file(path: &Path) -> Result<WardSet, LoadError> {
    load_boundary_file_with(path, &BoundaryOptions::default(), &no_progress).map(|parsed| parsed.ward_set)
}

/// [`load_boundary_file`] with the user's choice of properties, warnings and progress. The
/// result's `properties` says whether the detection was unsure and lists the choices.
pub fn load_boundary_file_with(
    path: &Path,
    options: &BoundaryOptions,
    progress: Progress,
) -> Result<ParsedBoundaries, LoadError> {
    let text = super::read_text(path, progress).map_err(super::BoundaryError::from)?;
    let name = path.file_stem().map_or_else(|| "wards".to_owned(), |s| s.to_string_lossy().into_owned());
    let first_year = year_in(&name);
    Ok(boundaries::parse_with(&text, path, &name, first_year, options, progress)?)
}

/// Load what the command line or a dialog names: a boundary file (else the embedded Barnet
/// ward sets) and results files (else the embedded Barnet elections), joined.
pub fn load_dataset(boundaries: Option<&Path>, results: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_dataset_with(boundaries, results, &BoundaryOptions::default(), &no_progress)
}

/// [`load_dataset`] with the user's choice of boundary properties and progress over all files.
pub fn load_dataset_with(
    boundary_file: Option<&Path>,
    results_files: &[PathBuf],
    options: &BoundaryOptions,
    progress: Progress,
) -> Result<Loaded, LoadError> {
    let files = results_files.len() + usize::from(boundary_file.is_some());
    let share = |done: usize| move |fraction: f32| progress((done as f32 + fraction) / files.max(1) as f32);
    let mut warnings = Vec::new();
    let ward_sets = match boundary_file {
        Some(path) => {
            let parsed = load_boundary_file_with(path, options, &share(0))?;
            warnings.extend(parsed.warnings);
            vec![parsed.ward_set]
        }
        None => embedded::barnet_ward_sets(),
    };
    let mut elections = Vec::new();
    for (index, path) in results_files.iter().enumerate() {
        let parsed = load_results_file_with(path, &share(index + usize::from(boundary_file.is_some())))?;
        warnings.extend(parsed.warnings);
        elections.extend(parsed.elections);
    }
    if results_files.is_empty() {
        // The embedded results only make sense on boundaries they fit; on another borough's
        // wards they are left out, and the map shows the wards without results.
        let fitting = Dataset::new(ward_sets.clone(), embedded::barnet_elections());
        let before = fitting.elections.len();
        elections = fitting.elections.into_iter().filter(|e| e.ward_set.is_some()).map(|e| e.election).collect();
        if elections.len() < before && boundary_file.is_some() {
            warnings
                .push("The built-in Barnet results do not fit these boundaries: open a results file for them.".into());
        }
    }
    let mut loaded = assemble(ward_sets, elections)?;
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    Ok(loaded)
}

/// Join elections to ward sets and check the join: a results source none of whose contests
/// matches any ward is an error (the files do not belong together). Use this to add a file to
/// data already loaded: pass the old ward sets and elections plus the new ones.
pub fn assemble(ward_sets: Vec<WardSet>, elections: Vec<Election>) -> Result<Loaded, LoadError> {
    let dataset = Dataset::new(ward_sets, elections);
    let mut sources: Vec<&str> = dataset.elections.iter().map(|e| e.election.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    for source in sources {
        let of_source = || dataset.elections.iter().filter(move |e| e.election.source == source);
        if of_source().all(|e| e.ward_set.is_none()) {
            let boundaries = dataset.ward_sets.iter().map(|s| s.source.as_str()).collect::<Vec<_>>().join(", ");
            return Err(LoadError::NothingMatched {
                results: source.to_owned(),
                boundaries: if boundaries.is_empty() { "no boundary file".to_owned() } else { boundaries },
                contests: of_source().map(|e| e.election.contests.len()).sum(),
                elections: of_source().map(|e| e.election.title()).collect::<Vec<_>>().join(", "),
            });
        }
    }
    let mut warnings = Vec::new();
    let mut flag_disagreements = 0;
    for joined in &dataset.elections {
        let title = joined.election.title();
        if joined.ward_set.is_none() {
            warnings.push(format!(
                "{title} ({}): none of its wards matched a ward of the boundaries; it has no map",
                joined.election.source
            ));
            continue;
        }
        let disagreements: Vec<String> =
            joined.election.contests.iter().flat_map(|c| ContestOutcome::of(c).flag_disagreements).collect();
        if let Some(first) = disagreements.first() {
            flag_disagreements += disagreements.len();
            warnings.push(format!(
                "{title}: {} elected flag(s) in {} disagree with the votes (e.g. {first}); the map follows the votes",
                disagreements.len(),
                joined.election.source
            ));
        }
        warnings.extend(joined.join.report_lines(&title));
    }
    Ok(Loaded { dataset, warnings, flag_disagreements })
}

/// A plausible election year in a name ("barnet-wards-2002" → 2002).
pub(crate) fn year_in(name: &str) -> Option<i32> {
    name.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse().ok())
        .find(|year| (1960..=2100).contains(year))
}
