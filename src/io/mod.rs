//! Reading results and boundaries into the model. No egui here, and no measures: `io` only
//! parses. What is done with the parsed files (joining, checking, merging with what is loaded)
//! is `crate::session`'s.
//!
//! Every reader is a pure function from a path (or text) to a `Result`: it never keeps state
//! between calls, so a caller that gets an error still has whatever it loaded before. Every
//! error says what is wrong, in which file and where, in words a user can act on; no reader
//! panics on bad input (the fuzz tests in `tests/import_fuzz.rs` hold them to that).
//!
//! The formats and the join rules are documented in `docs/formats.md`.

pub mod attributes_csv;
pub mod boundaries;
pub mod crs;
pub mod datastore;
pub mod democracy_club;
pub mod detect;
pub mod embedded;
pub mod error;
pub mod feature_pairs;
pub mod hexjson;
mod features;
pub mod load;
pub mod parties_csv;
pub mod postcodes;
pub mod properties;
pub mod results;
pub mod results_csv;
pub mod results_write;
pub mod rings;
pub mod rows;
mod table;
pub mod turnout_csv;

pub use error::{BoundaryError, LoadError, ReadError, ResultsError};
pub use load::{FileKind, Opened};

use std::io::Read;
use std::path::Path;

/// The most a results or boundary file may hold. A GeoJSON file is held in memory several times
/// over while it is parsed, so a bigger file would exhaust memory on an ordinary laptop; a whole
/// borough's wards are a few MB, so the limit only stops national files and wrong choices.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Reports the progress of a long load as a fraction in `0.0..=1.0`; returning `false` asks the
/// loader to stop (it then returns a "cancelled" error). Called from the loading thread.
pub type Progress<'a> = &'a dyn Fn(f32) -> bool;

/// A [`Progress`] that ignores progress and never cancels.
pub fn no_progress(_fraction: f32) -> bool {
    true
}

/// A plausible election year in a name ("barnet-wards-2002" → 2002).
pub(crate) fn year_in(name: &str) -> Option<i32> {
    name.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse().ok())
        .find(|year| (1960..=2100).contains(year))
}

/// Read a whole file, refusing folders, files over [`MAX_FILE_BYTES`], empty and binary files,
/// and giving each failure its own words. Reads in chunks so that `progress` sees the first
/// half of the work (the parsers report the second half).
pub fn read_text(path: &Path, progress: Progress) -> Result<String, ReadError> {
    let bytes = read_bytes(path, progress)?;
    decode_text(bytes, path)
}

/// Read a file's bytes with the checks of [`read_text`] that do not need the content.
pub fn read_bytes(path: &Path, progress: Progress) -> Result<Vec<u8>, ReadError> {
    let file = path.to_path_buf();
    let metadata = std::fs::metadata(path).map_err(|source| ReadError::from_io(&file, source))?;
    if metadata.is_dir() {
        return Err(ReadError::Directory { file });
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { file, megabytes: size >> 20, limit_megabytes: MAX_FILE_BYTES >> 20 });
    }
    let mut handle = std::fs::File::open(path).map_err(|source| ReadError::from_io(&file, source))?;
    // usize::try_from only fails on 16-bit targets; the limit above keeps the capacity sane.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let mut chunk = vec![0u8; 4 << 20];
    loop {
        let read = handle.read(&mut chunk).map_err(|source| ReadError::from_io(&file, source))?;
        if read == 0 {
            break;
        }
        bytes.extend_from_slice(&chunk[..read]);
        if bytes.len() as u64 > MAX_FILE_BYTES {
            // The file grew while we read it (or is a device that never ends).
            return Err(ReadError::TooLarge {
                file,
                megabytes: bytes.len() as u64 >> 20,
                limit_megabytes: MAX_FILE_BYTES >> 20,
            });
        }
        let fraction = if size == 0 { 0.5 } else { 0.5 * (bytes.len() as f32 / size as f32).min(1.0) };
        if !progress(fraction) {
            return Err(ReadError::Cancelled { file });
        }
    }
    Ok(bytes)
}

/// Bytes to text: UTF-8 (a byte-order mark stripped), else Latin-1 (Windows-1252's printable
/// range is the same for the letters in names); NUL bytes or a known binary signature mean the
/// file is not text at all.
pub fn decode_text(bytes: Vec<u8>, path: &Path) -> Result<String, ReadError> {
    let file = path.to_path_buf();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty { file });
    }
    if let Some(kind) = binary_kind(&bytes) {
        return Err(ReadError::Binary { file, kind });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => err.into_bytes().iter().map(|b| char::from(*b)).collect(),
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// What a binary file probably is, so the message can say how to get text out of it.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "a ZIP archive (or an Excel .xlsx workbook): unzip it, or save the sheet as CSV"),
        (b"\x1f\x8b", "a gzip archive: unpack it first"),
        (b"%PDF", "a PDF document: wardmap needs the data as CSV or GeoJSON"),
        (b"\xd0\xcf\x11\xe0", "an old Excel or Word document: save it as CSV"),
        (b"\x00\x00\x27\x0a", "a shapefile (.shp): convert it to GeoJSON, e.g. with ogr2ogr or mapshaper"),
        (b"\x89PNG", "a PNG image"),
        (b"SQLite format 3", "an SQLite database or GeoPackage: export the layer as GeoJSON"),
    ];
    for (signature, kind) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(kind);
        }
    }
    bytes.iter().take(8192).any(|b| *b == 0).then_some("binary data, not text")
}
