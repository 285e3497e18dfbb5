//! Writing output files so that a reader never sees half a report.
//!
//! The bytes go to a temporary file created in the *same directory* as the
//! target (so the final rename stays on one file system and is atomic), are
//! flushed and synced, and only then is the temporary file renamed over the
//! target. If any step fails the temporary file is removed when it is
//! dropped, and the target keeps its previous content (or stays absent).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::ReportError;

/// Buffer size of [`write_atomic_with`].
const WRITE_BUFFER_BYTES: usize = 1 << 16;

/// Writes `bytes` to `path` atomically: afterwards `path` holds either all of
/// `bytes` or, on error, exactly what it held before.
///
/// Fails with [`ReportError::Write`] naming the path and the failed step, for
/// example when the directory does not exist or is not writable.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `write` into a
/// buffered writer, so that a large output is streamed to the temporary
/// file instead of being built in memory first. An error from `write`
/// leaves `path` untouched. The writer is `Send`, so that `write` may hand
/// it to another thread (the JSON writer writes one batch while rendering
/// the next).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>,
) -> Result<(), ReportError> {
    let fail = |stage: &'static str| {
        let path: PathBuf = path.to_path_buf();
        move |source: std::io::Error| ReportError::Write { path, stage, source }
    };
    let mut tmp = NamedTempFile::new_in(parent_dir(path)).map_err(fail("creating a temporary file"))?;
    {
        let mut buffered = BufWriter::with_capacity(WRITE_BUFFER_BYTES, tmp.as_file_mut());
        write(&mut buffered).map_err(fail("writing"))?;
        buffered.flush().map_err(fail("writing"))?;
    }
    tmp.as_file().sync_all().map_err(fail("syncing"))?;
    tmp.persist(path).map_err(|e| fail("renaming into place")(e.error))?;
    Ok(())
}

/// The directory `path` lives in; the current directory for a bare name.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_directory_is_an_error_and_leaves_nothing() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("no-such-dir").join("report.html");
        let err = write_atomic(&target, b"hello").err().ok_or("expected an error")?;
        assert!(matches!(err, ReportError::Write { stage: "creating a temporary file", .. }));
        let message = err.to_string();
        assert!(message.contains("report.html"), "{message}");
        assert!(message.contains("check that the directory exists"), "{message}");
        assert!(!target.exists());
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 0, "no stray temporary file");
        Ok(())
    }

    #[test]
    fn success_replaces_the_whole_content() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("report.json");
        std::fs::write(&target, "a much longer previous content that must disappear entirely")?;
        write_atomic(&target, b"short")?;
        assert_eq!(std::fs::read(&target)?, b"short");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1, "only the target remains");
        Ok(())
    }

    #[test]
    fn streamed_content_is_written_and_an_error_keeps_the_old() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("report.json");
        write_atomic_with(&target, |w| w.write_all(b"streamed"))?;
        assert_eq!(std::fs::read(&target)?, b"streamed");
        let err = write_atomic_with(&target, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("serialiser failed"))
        });
        assert!(matches!(err, Err(ReportError::Write { stage: "writing", .. })));
        assert_eq!(std::fs::read(&target)?, b"streamed");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1, "temporary file removed");
        Ok(())
    }

    #[test]
    fn failed_rename_keeps_the_old_content() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        // A directory in the target's place cannot be replaced by a file.
        let target = dir.path().join("occupied");
        std::fs::create_dir(&target)?;
        std::fs::write(target.join("keep.txt"), "kept")?;
        let err = write_atomic(&target, b"new").err().ok_or("expected an error")?;
        assert!(matches!(err, ReportError::Write { stage: "renaming into place", .. }));
        assert_eq!(std::fs::read_to_string(target.join("keep.txt"))?, "kept");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1, "temporary file removed");
        Ok(())
    }
}
