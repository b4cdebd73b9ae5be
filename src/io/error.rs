//! Errors of the readers, worded for the person who chose the file: what is wrong, in which
//! file, where (line or feature), and what to do about it. The UI and the command line show
//! these messages as they are.

use std::path::PathBuf;

/// A file could not be read as text at all, whatever its format.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("There is no file {file}. Check the path and its spelling.")]
    NotFound { file: PathBuf },
    #[error("{file} is a folder, not a file. Choose a file inside it.")]
    Directory { file: PathBuf },
    /// A FIFO, a device or a socket: reading it could block for ever or never end.
    #[error(
        "{file} is {what}, not a regular file. wardmap reads files saved on disk: save the data to a file and \
         open that."
    )]
    NotRegular { file: PathBuf, what: &'static str },
    #[error(
        "You may not read {file} (permission denied). Change its permissions, or copy it somewhere you can read it."
    )]
    PermissionDenied { file: PathBuf },
    #[error(
        "{file} is {megabytes} MB, more than the {limit_megabytes} MB wardmap reads. \
         Cut it down to the borough you need (for example with mapshaper or ogr2ogr) and open that."
    )]
    TooLarge { file: PathBuf, megabytes: u64, limit_megabytes: u64 },
    #[error(
        "{file} is empty. Choose the file with the data in it; if you downloaded it, the download may have failed."
    )]
    Empty { file: PathBuf },
    #[error("{file} is not a text file: it looks like {kind}. wardmap reads CSV results and GeoJSON boundaries.")]
    Binary { file: PathBuf, kind: &'static str },
    #[error("Could not read {file}: {source}. Check the file exists and you may read it.")]
    Other {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Opening {file} was cancelled.")]
    Cancelled { file: PathBuf },
}

impl ReadError {
    /// Name the common io failures in words; keep the system's words for the rest.
    pub fn from_io(file: &std::path::Path, source: std::io::Error) -> ReadError {
        let file = file.to_path_buf();
        match source.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound { file },
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied { file },
            std::io::ErrorKind::IsADirectory => ReadError::Directory { file },
            _ => ReadError::Other { file, source },
        }
    }
}

/// A results file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(
        "{file} is not a results file wardmap knows: none of its first lines is the header of wardmap's own CSV, \
         a Democracy Club export or a London Datastore borough results file. Its first line is: {first_line}. \
         Check it is a results CSV; docs/formats.md lists the columns each format needs."
    )]
    UnknownFormat { file: PathBuf, first_line: String },
    #[error(
        "{file}, line {line}: the header looks like {format} but lacks the column(s) {missing}. \
         Its header is: {found}. Add the missing column(s), or export the file again with all columns."
    )]
    MissingColumns { file: PathBuf, line: u64, format: &'static str, missing: String, found: String },
    #[error("{file}, line {line}: {problem}")]
    BadRow { file: PathBuf, line: u64, problem: String },
    #[error("{file} has a header but no candidate rows. Choose a file with results in it.")]
    NoRows { file: PathBuf },
    #[error(
        "{file} holds {rows} candidate row(s), all of them left out: {reasons}; none is a whole-council local \
         election. Choose the file of a local council election (a Democracy Club ballot id starts \"local.\")."
    )]
    AllLeftOut { file: PathBuf, rows: usize, reasons: String },
}

/// A boundary file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BoundaryError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(
        "{file} is not valid JSON: {detail} (line {line}, column {column}). \
         The file may be cut short or not a GeoJSON file: download or export it again."
    )]
    NotJson { file: PathBuf, line: usize, column: usize, detail: String },
    #[error(
        "{file} is JSON but not GeoJSON ({detail}). wardmap needs a GeoJSON FeatureCollection of ward polygons; \
         TopoJSON and other JSON must be converted first (for example with mapshaper)."
    )]
    NotGeoJson { file: PathBuf, detail: String },
    #[error("{file}, feature {feature}{}: {problem}", ward_suffix(.ward))]
    BadFeature { file: PathBuf, feature: usize, ward: Option<String>, problem: String },
    #[error(
        "{file}: the features have no properties (all {features} of them), so no ward has a code or a name to \
         match results by. Export the file again with the ward code and name columns (for example WD22CD and WD22NM)."
    )]
    NoProperties { file: PathBuf, features: usize },
    #[error(
        "{ward} ({code}) appears twice in {file}, features {first} and {second}. Remove the duplicate; if the two \
         are parts of one ward, join them into one MultiPolygon feature (for example with mapshaper -dissolve)."
    )]
    DuplicateWard { file: PathBuf, ward: String, code: String, first: usize, second: usize },
    #[error("{file} holds no ward polygons: {detail}")]
    NoWards { file: PathBuf, detail: String },
    #[error(
        "{file} says its coordinates are in {crs}, which wardmap cannot convert. \
         Export it in longitude/latitude (EPSG:4326) or British National Grid (EPSG:27700)."
    )]
    UnknownCrs { file: PathBuf, crs: String },
    #[error(
        "{file}, feature {feature}{}: the coordinate ({x}, {y}) is {problem}. \
         Check the file is a ward boundary file in longitude/latitude or British National Grid, and that its \
         `crs` member (if any) is right.",
        ward_suffix(.ward)
    )]
    AbsurdCoordinates { file: PathBuf, feature: usize, ward: Option<String>, x: f64, y: f64, problem: String },
    #[error(
        "{file} has no property \"{property}\" on any feature. Its properties are: {available}. \
         Choose one of those for the ward {role}."
    )]
    NoSuchProperty { file: PathBuf, property: String, role: &'static str, available: String },
}

/// " (Golders Green)" after a feature number, when the feature's ward name is known.
fn ward_suffix(ward: &Option<String>) -> String {
    ward.as_ref().map(|name| format!(" ({name})")).unwrap_or_default()
}

/// A data table (ward turnout, party labels) could not be read. These tables come with wardmap,
/// so a failure usually means a file was edited or cut short; the message still names the file,
/// the line and the column so that whoever edited it can put it right.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(
        "{file}, line {line}: the header lacks the column(s) {missing} of a {table} table. Its header is: {found}. \
         Add the missing column(s), or use the file wardmap ships."
    )]
    MissingColumns { file: PathBuf, line: u64, table: &'static str, missing: String, found: String },
    #[error("{file}, line {line}, column {column} ({name}): {problem}")]
    BadCell { file: PathBuf, line: u64, column: usize, name: &'static str, problem: String },
    #[error("{file}, line {line}: {problem}")]
    BadRow { file: PathBuf, line: u64, problem: String },
    #[error("{file} has a header but no rows. Use the {table} table wardmap ships, or one with rows in it.")]
    NoRows { file: PathBuf, table: &'static str },
}

/// Loading files into a dataset failed. Nothing was loaded: the caller keeps what it had.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Results(#[from] ResultsError),
    #[error(transparent)]
    Boundaries(#[from] BoundaryError),
    #[error(transparent)]
    Attributes(#[from] super::attributes_csv::AttributeError),
    #[error(
        "None of the {contests} results in {results} matched a ward of {boundaries}. \
         Check the boundaries are for the same borough and years as the results ({elections})."
    )]
    NothingMatched { results: String, boundaries: String, contests: usize, elections: String },
    /// Asked to stop between files, after the last file was read but before the join.
    #[error("Cancelled.")]
    Cancelled,
}

impl LoadError {
    /// Whether the load stopped because the progress callback asked it to (not a fault to show).
    pub fn is_cancelled(&self) -> bool {
        matches!(
            self,
            LoadError::Cancelled
                | LoadError::Results(ResultsError::Read(ReadError::Cancelled { .. }))
                | LoadError::Boundaries(BoundaryError::Read(ReadError::Cancelled { .. }))
                | LoadError::Attributes(super::attributes_csv::AttributeError::Read(ReadError::Cancelled { .. }))
        )
    }
}
