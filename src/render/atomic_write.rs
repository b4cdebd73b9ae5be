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
        return Err(WriteError::NoFolder(folder));
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
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), WriteError> {
    check_target(path, overwrite)?;
    let folder = folder_of(path);
    let (temp_path, mut file) = create_temp(&folder, path)?;
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
