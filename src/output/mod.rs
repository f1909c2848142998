//! Writing a finished build to disk, whole or not at all: the files go to a
//! new folder beside the target, which replaces the target only when every
//! file was written. A failed build leaves the previous output as it was.
//! Also the starter site of `leidraad new` and the `translated_from` stamps
//! of `leidraad translated`.

pub mod starter;
pub mod translated;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

use crate::diagnostic::Diagnostic;
use crate::render::Files;

const NOT_A_BUILD: &str = "refusing to replace this folder: it is not empty and does not look like a leidraad build (no index.html and sitemap.xml); choose another --out";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0}: {NOT_A_BUILD}")]
    NotABuild(PathBuf),
}

impl From<OutputError> for Diagnostic {
    fn from(error: OutputError) -> Diagnostic {
        match error {
            OutputError::Io { path, source } => Diagnostic::error(path, 0, 0, source.to_string()),
            OutputError::NotABuild(path) => Diagnostic::error(path, 0, 0, NOT_A_BUILD),
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// Writes `files` to `out`, replacing what was there only on success.
pub fn write(out: &Path, files: &Files) -> Result<(), OutputError> {
    let staging = Staging::new(out)?;
    for (relative, bytes) in files {
        staging.put(relative, bytes.to_vec())?;
    }
    staging.commit()
}

/// A new output folder being filled beside `out`: files go in as they are
/// made (from any thread), and `commit` swaps it in for `out`. Dropped
/// without a commit, it removes itself and `out` stays as it was.
///
/// One thread of its own creates the files handed to `put`, one after
/// another, so that the threads that make them never wait for the disk.
/// perf of a build of 1,000 articles per locale on ext4 showed why: with
/// the rendering threads creating files at once, a quarter of the time
/// went to the kernel spinning on the lock of the folder another thread
/// was creating a file in, and the build took twice as long as copying
/// its output.
pub struct Staging {
    out: PathBuf,
    folder: PathBuf,
    retired: PathBuf,
    committed: bool,
    /// Files on their way to the writing thread; `None` once it is told to stop.
    queue: Option<mpsc::SyncSender<(PathBuf, Vec<u8>)>>,
    writer: Option<thread::JoinHandle<()>>,
    /// The first error of the writing thread, which then stops.
    failure: Arc<Mutex<Option<OutputError>>>,
}

/// Files waiting for the writing thread: enough to keep it busy, few enough
/// that a slow disk holds back the threads that make them. Pages larger
/// than 256 KB are streamed (`put_with`), so queued pages take at most 16 MB.
const QUEUED_FILES: usize = 64;

impl Staging {
    /// Refuses an `out` that holds something other than an earlier build.
    pub fn new(out: &Path) -> Result<Staging, OutputError> {
        if out.exists() && !replaceable(out) {
            return Err(OutputError::NotABuild(out.to_path_buf()));
        }
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let folder = parent.join(format!(".{name}.leidraad-new-{}", std::process::id()));
        let retired = parent.join(format!(".{name}.leidraad-old-{}", std::process::id()));
        if folder.exists() {
            remove_tree(&folder).map_err(io_error(&folder))?;
        }
        fs::create_dir_all(&folder).map_err(io_error(&folder))?;
        let (queue, files) = mpsc::sync_channel::<(PathBuf, Vec<u8>)>(QUEUED_FILES);
        let failure = Arc::new(Mutex::new(None));
        let writer = {
            let (inside, failure) = (folder.clone(), Arc::clone(&failure));
            thread::Builder::new()
                .name("leidraad-writer".into())
                .spawn(move || {
                    for (path, bytes) in files {
                        if let Err(e) = in_folder(&inside, &path, |p| fs::write(p, &bytes)) {
                            *lock(&failure) = Some(e);
                            return;
                        }
                    }
                })
                .map_err(io_error(&folder))?
        };
        Ok(Staging {
            out: out.to_path_buf(),
            folder,
            retired,
            committed: false,
            queue: Some(queue),
            writer: Some(writer),
            failure,
        })
    }

    /// Writes one file at `relative` (with `/`) inside the new folder,
    /// through a buffer, with `write`, on the calling thread: for a page
    /// too large to hold whole.
    pub fn put_with(
        &self,
        relative: &str,
        write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        let path = self.folder.join(relative);
        let file = in_folder(&self.folder, &path, |p| fs::File::create(p))?;
        let mut out = io::BufWriter::with_capacity(256 * 1024, file);
        write(&mut out).and_then(|_| io::Write::flush(&mut out)).map_err(io_error(&path))
    }

    /// Hands one file, at `relative` (with `/`) inside the new folder, to
    /// the writing thread. Fails with the writing thread's error once it
    /// has one.
    pub fn put(&self, relative: &str, bytes: Vec<u8>) -> Result<(), OutputError> {
        let path = self.folder.join(relative);
        let sent = self.queue.as_ref().is_some_and(|queue| queue.send((path.clone(), bytes)).is_ok());
        match lock(&self.failure).take() {
            Some(e) => Err(e),
            None if sent => Ok(()),
            None => Err(OutputError::Io { path, source: io::Error::other("the writing thread stopped") }),
        }
    }

    /// Waits until the writing thread has written every file handed to it.
    fn finish_writing(&mut self) -> Result<(), OutputError> {
        drop(self.queue.take());
        if let Some(writer) = self.writer.take() {
            if writer.join().is_err() {
                let source = io::Error::other("the writing thread panicked");
                return Err(OutputError::Io { path: self.folder.clone(), source });
            }
        }
        lock(&self.failure).take().map_or(Ok(()), Err)
    }

    /// Puts the new folder in the place of `out`, once every file is
    /// written, and removes the old one.
    pub fn commit(mut self) -> Result<(), OutputError> {
        self.finish_writing()?;
        if self.out.exists() {
            fs::rename(&self.out, &self.retired).map_err(io_error(&self.out))?;
        }
        if let Err(e) = fs::rename(&self.folder, &self.out) {
            // Put the previous build back.
            let _ = fs::rename(&self.retired, &self.out);
            return Err(OutputError::Io { path: self.out.clone(), source: e });
        }
        self.committed = true;
        if self.retired.exists() {
            remove_tree(&self.retired).map_err(io_error(&self.retired))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // The writing thread first, so that it adds nothing to what is removed.
            let _ = self.finish_writing();
            let _ = remove_tree(&self.folder);
        }
    }
}

/// Removes the folder `path` and everything in it, spread over all cores:
/// an output of 5,000 articles per locale is 23,000 files, and removing
/// them on one core took a tenth of a build's time on tmpfs.
fn remove_tree(path: &Path) -> io::Result<()> {
    remove_dir_all::remove_dir_all(path)
}

/// Runs `make` on `path`, making its folder (inside `folder`) first if it
/// is the first file there. Another thread may be making the same folder
/// at this moment, which create_dir_all allows.
fn in_folder<T>(folder: &Path, path: &Path, make: impl Fn(&Path) -> io::Result<T>) -> Result<T, OutputError> {
    match make(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let dir = path.parent().unwrap_or(folder);
            fs::create_dir_all(dir).map_err(io_error(dir))?;
            make(path).map_err(io_error(path))
        }
        made => made.map_err(io_error(path)),
    }
}

/// A lock no panic can spoil: what it guards stays valid.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

fn replaceable(out: &Path) -> bool {
    let empty = fs::read_dir(out).map(|mut d| d.next().is_none()).unwrap_or(false);
    empty || (out.join("index.html").is_file() && out.join("sitemap.xml").is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs.iter().map(|(p, c)| ((*p).to_owned(), c.as_bytes().into())).collect()
    }

    #[test]
    fn replaces_a_previous_build_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &files(&[("index.html", "1"), ("sitemap.xml", ""), ("old/index.html", "x")])).unwrap();
        write(&out, &files(&[("index.html", "2"), ("sitemap.xml", ""), ("nl/index.html", "nl")])).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "2");
        assert!(!out.join("old").exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no staging folders left behind");
    }

    #[test]
    fn refuses_to_replace_a_folder_that_is_not_a_build() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "keep").unwrap();
        let err = write(dir.path(), &files(&[("index.html", "1")])).unwrap_err();
        assert!(matches!(err, OutputError::NotABuild(_)));
        assert!(dir.path().join("notes.txt").exists());
    }

    #[test]
    fn a_file_the_writing_thread_cannot_write_fails_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &files(&[("index.html", "1"), ("sitemap.xml", "")])).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put("nl", b"a file".to_vec()).unwrap();
        // `nl` is a file, so no folder `nl` can hold this one.
        let later = staging.put("nl/index.html", b"page".to_vec());
        let committed = later.and_then(|_| staging.commit());
        let Err(OutputError::Io { path, .. }) = committed else { panic!("expected the write to fail: {committed:?}") };
        assert!(path.ends_with("nl") || path.ends_with("nl/index.html"), "names the file: {}", path.display());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the staging folder is gone");
    }

    #[test]
    fn an_abandoned_staging_folder_leaves_the_previous_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&out, &files(&[("index.html", "1"), ("sitemap.xml", "")])).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.put("nl/deep/index.html", b"half a build".to_vec()).unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "1");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the staging folder is gone");
    }
}
