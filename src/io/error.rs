//! Errors of the readers, worded for the person who chose the file.

use std::path::PathBuf;

/// A results file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error("Could not read {file}: {source}. Check the file exists and you may read it.")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file} is empty: there are no results in it.")]
    Empty { file: PathBuf },
    #[error("{file} is not a text file (it looks binary). Choose a CSV results file.")]
    NotText { file: PathBuf },
    #[error(
        "{file} is not a results file wardmap knows: it lacks the column(s) {missing}. \
         Its header is: {found}. See README.md, \"Results formats\"."
    )]
    MissingColumns { file: PathBuf, missing: String, found: String },
    #[error("{file}, line {line}: {problem}")]
    BadRow { file: PathBuf, line: u64, problem: String },
    #[error("{file} has a header but no candidate rows.")]
    NoRows { file: PathBuf },
}

/// A boundary file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum BoundaryError {
    #[error("Could not read {file}: {source}. Check the file exists and you may read it.")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file} is empty: there are no boundaries in it.")]
    Empty { file: PathBuf },
    #[error("{file} is not valid JSON ({detail}). Choose a GeoJSON boundary file.")]
    NotJson { file: PathBuf, detail: String },
    #[error("{file} is JSON but not GeoJSON ({detail}). wardmap needs a GeoJSON FeatureCollection of ward polygons.")]
    NotGeoJson { file: PathBuf, detail: String },
    #[error("{file}, feature {feature}: {problem}")]
    BadFeature { file: PathBuf, feature: usize, problem: String },
    #[error("{file} holds no ward polygons: {detail}")]
    NoWards { file: PathBuf, detail: String },
}
