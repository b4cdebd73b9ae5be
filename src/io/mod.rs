//! Reading results and boundaries into the model. No egui here.
//!
//! Every reader returns a typed error that says what is wrong, in which file and where,
//! in words a user can act on; none panics on bad input.

pub mod boundaries;
pub mod embedded;
pub mod error;
pub mod results_csv;

pub use error::{BoundaryError, ResultsError};

use std::path::Path;

/// The most a results or boundary file may hold. Larger files are refused with a message
/// instead of exhausting memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Read a file as text for a results reader: refuses directories, empty and binary files;
/// strips a UTF-8 byte-order mark; reads Windows-1252 text when it is not UTF-8.
pub fn results_text(path: &Path) -> Result<String, ResultsError> {
    let file = path.to_path_buf();
    let bytes = read_bytes(path).map_err(|source| ResultsError::Io { file: file.clone(), source })?;
    decode_text(bytes).map_err(|problem| match problem {
        TextProblem::Empty => ResultsError::Empty { file },
        TextProblem::Binary => ResultsError::NotText { file },
    })
}

/// Read a whole file, refusing directories and files over [`MAX_FILE_BYTES`] with an io error
/// whose wording the callers pass on.
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let metadata = std::fs::metadata(path)?;
    if metadata.is_dir() {
        return Err(std::io::Error::other("it is a folder, not a file"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "it is {} MB, more than the {} MB wardmap reads",
            metadata.len() >> 20,
            MAX_FILE_BYTES >> 20
        )));
    }
    std::fs::read(path)
}

/// Why bytes are not usable text.
#[derive(Debug, PartialEq, Eq)]
pub enum TextProblem {
    Empty,
    Binary,
}

/// Bytes to text: UTF-8 (BOM stripped), else Windows-1252-ish Latin-1; NUL bytes mean binary.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, TextProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(TextProblem::Empty);
    }
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(TextProblem::Binary);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => err.into_bytes().iter().map(|b| char::from(*b)).collect(),
    };
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}
