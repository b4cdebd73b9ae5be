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
mod features;
mod geojson_typed;
pub mod hexjson;
pub mod load;
mod location;
pub mod parties_csv;
pub mod postcodes;
pub mod properties;
pub mod results;
pub mod results_csv;
pub mod results_write;
pub mod rings;
pub mod rows;
mod self_crossing;
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

/// Read a whole file, refusing folders, FIFOs and devices, files over [`MAX_FILE_BYTES`], empty and binary files,
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
    // Checked before opening: opening a FIFO with no writer blocks for ever, and a device such
    // as /dev/zero never ends.
    if let Some(what) = not_regular(&metadata) {
        return Err(ReadError::NotRegular { file, what });
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

/// What a file that is neither a folder nor a regular file is, in words; `None` for a regular file.
fn not_regular(metadata: &std::fs::Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device (a disk)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// Bytes to text: UTF-16 with a byte-order mark (or plainly UTF-16), UTF-8 (a byte-order mark
/// stripped), else Latin-1 (Windows-1252's printable
/// range is the same for the letters in names); NUL bytes or a known binary signature mean the
/// file is not text at all.
pub fn decode_text(bytes: Vec<u8>, path: &Path) -> Result<String, ReadError> {
    let file = path.to_path_buf();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty { file });
    }
    if let Some(text) = utf16(&bytes) {
        return Ok(text);
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

/// UTF-16 text (Excel's "Unicode text", some Windows tools), with its byte-order mark or, without
/// one, with every other byte of its first line zero: decoded, the mark dropped. `None` for
/// anything else.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (body, little_endian) = match bytes {
        [0xff, 0xfe, rest @ ..] => (rest, true),
        [0xfe, 0xff, rest @ ..] => (rest, false),
        _ => {
            let start = &bytes[..bytes.len().min(256) & !1];
            let zero_at = |parity: usize| start.iter().skip(parity).step_by(2).all(|b| *b == 0);
            let ascii_at = |parity: usize| start.iter().skip(parity).step_by(2).all(|b| b.is_ascii() && *b != 0);
            if start.len() < 8 {
                return None;
            } else if zero_at(1) && ascii_at(0) {
                (bytes, true)
            } else if zero_at(0) && ascii_at(1) {
                (bytes, false)
            } else {
                return None;
            }
        }
    };
    let units = body.chunks_exact(2).map(|pair| {
        if little_endian { u16::from_le_bytes([pair[0], pair[1]]) } else { u16::from_be_bytes([pair[0], pair[1]]) }
    });
    let text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    Some(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_or_without_a_byte_order_mark_is_read() {
        let text = "election_date,ward\n2018-05-03,Hale\n";
        let mut little: Vec<u8> = vec![0xff, 0xfe];
        little.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_text(little, Path::new("t.csv")).expect("UTF-16LE"), text);
        let mut big: Vec<u8> = vec![0xfe, 0xff];
        big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_text(big, Path::new("t.csv")).expect("UTF-16BE"), text);
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_text(bare, Path::new("t.csv")).expect("UTF-16LE, no mark"), text);
        assert!(decode_text(vec![1, 2, 0, 0, 255, 3], Path::new("t.csv")).is_err(), "noise is still binary");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_before_it_is_opened() {
        let message = read_bytes(Path::new("/dev/null"), &no_progress).expect_err("a device").to_string();
        assert!(message.contains("/dev/null is a character device, not a regular file"), "{message}");
        let dir = tempfile::tempdir().expect("a folder");
        let fifo = dir.path().join("f.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        if made {
            // Opening it for reading would block for ever: the check must come first.
            let message = read_bytes(&fifo, &no_progress).expect_err("a FIFO").to_string();
            assert!(message.contains("is a FIFO (named pipe), not a regular file"), "{message}");
        }
    }
}
