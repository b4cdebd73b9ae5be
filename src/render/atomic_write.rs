//! Writing an export safely: into a temporary file in the same folder, flushed to disk, then
//! renamed over the target in one step. A crash, a full disk or a refusal midway leaves the
//! old file (or no file) in place, never half an image.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Why an export could not be written, in words for the person who asked for it.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists (use --force to replace it)", .0.display())]
    Exists(PathBuf),
    #[error("the folder {} does not exist", .0.display())]
    NoFolder(PathBuf),
    #[error("{} is a file, not a folder, so nothing can be saved inside it: choose a folder to save into", .0.display())]
    NotAFolder(PathBuf),
    #[error("{} is a folder, not a file name", .0.display())]
    IsFolder(PathBuf),
    #[error("cannot write into the folder {}: permission denied or read-only", .0.display())]
    NotWritable(PathBuf),
    #[error("could not write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Whether an existing file may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overwrite {
    Allow,
    Refuse,
}

/// The folder a file will be written into (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The checks that need no writing: the folder exists, the target is not a folder, and an
/// existing file is only there if it may be replaced. Run it before rendering, to fail fast.
pub fn check_target(path: &Path, overwrite: Overwrite) -> Result<(), WriteError> {
    let folder = folder_of(path);
    if !folder.is_dir() {
        // The nearest part of the path that exists says what is wrong: a file where a folder
        // should be (`old.png/x.png`), or a folder that is simply missing.
        let existing = folder.ancestors().find(|part| !part.as_os_str().is_empty() && fs::metadata(part).is_ok());
        return Err(match existing {
            Some(part) if !part.is_dir() => WriteError::NotAFolder(part.to_path_buf()),
            _ => WriteError::NoFolder(folder),
        });
    }
    if path.is_dir() {
        return Err(WriteError::IsFolder(path.to_path_buf()));
    }
    if overwrite == Overwrite::Refuse && fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    Ok(())
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
///
/// With [`Overwrite::Refuse`] the final step is a hard link, which fails if the target
/// appeared meanwhile, so a file created by someone else is never clobbered.
///
/// A symbolic link is written through (its target is replaced, the link stays), and a file that
/// is replaced keeps its permissions (a read-only 0444 file stays 0444). Temporary files of
/// earlier runs that were killed midway are removed from the folder first.
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), WriteError> {
    check_target(path, overwrite)?;
    let resolved = through_links(path);
    let path = resolved.as_path();
    let folder = folder_of(path);
    sweep_stale_temps(&folder);
    let (temp_path, mut file) = create_temp(&folder, path)?;
    if let Ok(existing) = fs::metadata(path) {
        // Through the open handle, so writing goes on whatever the mode says.
        let _ = file.set_permissions(existing.permissions());
    }
    let result = write_and_sync(&mut file, bytes)
        .map_err(|source| WriteError::Io { path: path.to_path_buf(), source })
        .and_then(|()| {
            drop(file);
            publish(&temp_path, path, overwrite)
        });
    // After a successful rename the temporary name is gone; otherwise clean it up.
    let _ = fs::remove_file(&temp_path);
    result?;
    // Make the rename itself durable; a failure here does not undo the write.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Where a write to `path` should land: the file a symbolic link points to (followed to the end,
/// or where a dangling link points), else `path` itself.
fn through_links(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_path_buf();
    }
    if let Ok(target) = fs::canonicalize(path) {
        return target;
    }
    match fs::read_link(path) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => folder_of(path).join(target),
        Err(_) => path.to_path_buf(),
    }
}

/// Remove the temporary files ([`create_temp`]'s names, `.NAME.PID-N.tmp`) that a wardmap
/// killed midway left in `folder`: those of processes that no longer run. Only where the
/// running processes can be seen (`/proc`); elsewhere nothing is removed.
fn sweep_stale_temps(folder: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(folder) else { return };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else { continue };
        if pid != own && !proc.join(pid.to_string()).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file name of ours (`.map.png.1234-0.tmp` → 1234): of a file
/// wardmap writes (PNG, SVG or CSV), so that nobody else's `.tmp` file is ever taken for one.
fn temp_owner(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (rest, counter) = stem.rsplit_once('-')?;
    let (target, pid) = rest.rsplit_once('.')?;
    let ours = [".png", ".svg", ".csv"].iter().any(|ext| target.to_ascii_lowercase().ends_with(ext));
    if !ours || counter.is_empty() || !counter.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

fn write_and_sync(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// A new, exclusively created file next to the target, named so it is easy to recognise.
fn create_temp(folder: &Path, target: &Path) -> Result<(PathBuf, File), WriteError> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let stem = target.file_name().map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{stem}.{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(classify(e, folder, target)),
        }
    }
    Err(WriteError::Io { path: target.to_path_buf(), source: io::Error::other("no free temporary file name") })
}

/// Move the finished temporary file into place.
fn publish(temp: &Path, target: &Path, overwrite: Overwrite) -> Result<(), WriteError> {
    let folder = folder_of(target);
    match overwrite {
        Overwrite::Allow => fs::rename(temp, target).map_err(|e| classify(e, &folder, target)),
        Overwrite::Refuse => match fs::hard_link(temp, target) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(WriteError::Exists(target.to_path_buf())),
            // Some file systems (FAT, some network shares) have no hard links: the target was
            // checked just before, so a plain rename is the best that remains.
            Err(_) if fs::symlink_metadata(target).is_err() => {
                fs::rename(temp, target).map_err(|e| classify(e, &folder, target))
            }
            Err(_) => Err(WriteError::Exists(target.to_path_buf())),
        },
    }
}

fn classify(error: io::Error, folder: &Path, target: &Path) -> WriteError {
    match error.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            WriteError::NotWritable(folder.to_path_buf())
        }
        io::ErrorKind::NotFound => WriteError::NoFolder(folder.to_path_buf()),
        _ => WriteError::Io { path: target.to_path_buf(), source: error },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_where_a_folder_should_be_is_named() {
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join("old.png");
        fs::write(&file, b"x").expect("write");
        let error = check_target(&file.join("x.png"), Overwrite::Allow).expect_err("not a folder");
        assert!(matches!(error, WriteError::NotAFolder(ref p) if p == &file), "{error}");
        assert!(error.to_string().contains("is a file, not a folder"), "{error}");
        let error = check_target(&dir.path().join("missing/x.png"), Overwrite::Allow).expect_err("no folder");
        assert!(matches!(error, WriteError::NoFolder(_)), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn forcing_over_a_link_writes_its_target_and_a_read_only_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("a folder");
        let target = dir.path().join("real.png");
        fs::write(&target, b"old").expect("write");
        fs::set_permissions(&target, fs::Permissions::from_mode(0o444)).expect("chmod");
        let link = dir.path().join("link.png");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        write_atomically(&link, b"new", Overwrite::Allow).expect("written");
        assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link stays a link");
        assert_eq!(fs::read(&target).expect("read"), b"new");
        assert_eq!(fs::metadata(&target).expect("meta").permissions().mode() & 0o777, 0o444);
    }

    #[test]
    fn temporary_files_of_dead_runs_are_swept_and_others_left_alone() {
        assert_eq!(temp_owner(".map.png.1234-0.tmp"), Some(1234));
        assert_eq!(temp_owner(".map.png.tmp"), None);
        assert_eq!(temp_owner("map.png.1234-0.tmp"), None);
        assert_eq!(temp_owner(".notes.2024-1.tmp"), None, "not a file wardmap writes");
        let dir = tempfile::tempdir().expect("a folder");
        // No process has an id this large on Linux (the maximum is 2^22).
        let stale = dir.path().join(".map.png.4294967290-0.tmp");
        let mine = dir.path().join(format!(".map.png.{}-99.tmp", std::process::id()));
        let other = dir.path().join(".notes.txt.tmp");
        for file in [&stale, &mine, &other] {
            fs::write(file, b"x").expect("write");
        }
        write_atomically(&dir.path().join("map.png"), b"png", Overwrite::Refuse).expect("written");
        if Path::new("/proc/self").exists() {
            assert!(!stale.exists(), "a dead run's temporary file is removed");
        }
        assert!(mine.exists() && other.exists(), "ours in progress and other files stay");
    }
}
