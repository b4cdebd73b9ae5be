//! Election night: files opened with `--watch` are read again when they change on disk, and
//! the map keeps its view and selection. A change is seen by the file's modification time and
//! length, polled twice a second while the window is open: no platform watcher to install, and
//! a file replaced by rename (as editors and scrapers save) is seen like one written in place.
//!
//! A reload goes through the app's ordinary loading path, so a file caught half-written that
//! does not read leaves the last good data on screen; it is tried again on its next change.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How often the files are looked at.
pub const POLL: Duration = Duration::from_millis(500);

/// What a file looked like when last read: its modification time and length.
type Stamp = (Option<SystemTime>, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok(), meta.len()))
}

/// The watched files and how each looked when last read.
#[derive(Debug)]
pub struct Watch {
    files: Vec<(PathBuf, Option<Stamp>)>,
}

impl Watch {
    /// Watch `paths` from now: a change after this call is a change.
    #[must_use]
    pub fn new(paths: &[PathBuf]) -> Watch {
        Watch { files: paths.iter().map(|p| (p.clone(), stamp(p))).collect() }
    }

    /// The files whose stamp changed since the last call (a file that vanished, mid-save, is
    /// not a change: it is looked at again next time).
    pub fn changed(&mut self) -> Vec<PathBuf> {
        let mut changed = Vec::new();
        for (path, seen) in &mut self.files {
            let now = stamp(path);
            if now.is_some() && now != *seen {
                *seen = now;
                changed.push(path.clone());
            }
        }
        changed
    }

    /// The watched files' names, for the status line.
    #[must_use]
    pub fn names(&self) -> String {
        self.files
            .iter()
            .map(|(p, _)| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_seen_once_and_a_missing_file_is_not_a_change() {
        let folder = tempfile::tempdir().expect("temp dir");
        let file = folder.path().join("results.csv");
        std::fs::write(&file, "a").expect("write");
        let mut watch = Watch::new(std::slice::from_ref(&file));
        assert!(watch.changed().is_empty(), "nothing changed yet");
        std::fs::write(&file, "ab").expect("write");
        assert_eq!(watch.changed(), vec![file.clone()]);
        assert!(watch.changed().is_empty(), "seen once");
        std::fs::remove_file(&file).expect("remove");
        assert!(watch.changed().is_empty(), "a file gone mid-save is looked at again later");
        std::fs::write(&file, "abc").expect("write");
        assert_eq!(watch.changed(), vec![file]);
    }
}
