//! Writing a finished build to disk, whole or not at all: the files go to a
//! new folder beside the target, which replaces the target only when every
//! file was written. A failed build leaves the previous output as it was.
//! The output folder is leidraad's alone: a build writes into a folder of
//! its own (`guard`), marks what it wrote (`manifest`), keeps what it did
//! not write (`carry`) and clears up after builds that were stopped
//! (`leftovers`). Also the starter site of `leidraad new` and the
//! `translated_from` stamps of `leidraad translated`.

mod carry;
pub mod confirm;
pub mod guard;
mod leftovers;
mod links;
mod manifest;
pub mod starter;
pub mod translated;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::files::Bytes;
use crate::render::Files;
use guard::Target;
use leftovers::{Kind, Marker};
use links::Links;
use manifest::{Made, MANIFEST};

const RETIRED_KEPT: &str = "the previous output, moved aside, holds files that leidraad did not make, \
so it was not removed: move them where they belong, then delete the folder";

const RESERVED: &str = "leidraad keeps this name in the root of the output for its own marker; rename the file";

const CLASH: &str = "the new build writes this path, but what is there now was not made by leidraad \
(.leidraad-build does not list it), and a build never replaces what it did not make: move or rename it, \
then build again";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    /// The output may not go there; nothing was touched.
    #[error("{path}: {reason}")]
    Refused { path: PathBuf, reason: String },
    /// Files of the output that are not leidraad's, at paths the new build writes.
    #[error("{}: {CLASH}", paths.first().map(|p| p.display().to_string()).unwrap_or_default())]
    Clashes { paths: Vec<PathBuf> },
}

impl From<OutputError> for Diagnostics {
    fn from(error: OutputError) -> Diagnostics {
        let mut diagnostics = Diagnostics::new();
        match error {
            OutputError::Io { path, source } => diagnostics.push(Diagnostic::error(path, 0, 0, source.to_string())),
            OutputError::Refused { path, reason } => diagnostics.push(Diagnostic::error(path, 0, 0, reason)),
            OutputError::Clashes { paths } => {
                diagnostics.extend(paths.into_iter().map(|p| Diagnostic::error(p, 0, 0, CLASH)))
            }
        }
        diagnostics
    }
}

/// One diagnostic: the first of several clashes.
impl From<OutputError> for Diagnostic {
    fn from(error: OutputError) -> Diagnostic {
        let mut all = Diagnostics::from(error).into_iter();
        all.next().expect("every output error gives a diagnostic")
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// Writes `files` to `out`, replacing what was there only on success;
/// returns the warnings.
pub fn write(out: &Path, files: &Files) -> Result<Vec<Diagnostic>, OutputError> {
    let staging = Staging::new(&guard::resolve(out)?)?;
    for (relative, bytes) in files {
        staging.put(relative, Bytes::Shared(Arc::clone(bytes)))?;
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
    /// The real output folder, and `--out` as given.
    out: PathBuf,
    shown: PathBuf,
    folder: PathBuf,
    retired: PathBuf,
    /// Held while the folder is filled: it tells other builds this one runs.
    marker: Option<Marker>,
    committed: bool,
    /// Every path handed to `put` and `put_with`, for the manifest.
    written: Mutex<Vec<String>>,
    /// Files on their way to the writing thread; `None` once it is told to stop.
    queue: Option<mpsc::SyncSender<(PathBuf, Bytes)>>,
    writer: Option<thread::JoinHandle<()>>,
    /// The first error of the writing thread, which then stops.
    failure: Arc<Mutex<Option<OutputError>>>,
    warnings: Vec<Diagnostic>,
}

/// Files waiting for the writing thread: enough to keep it busy, few enough
/// that a slow disk holds back the threads that make them. Pages larger
/// than 256 KB are streamed (`put_with`), so queued pages take at most 16 MB.
const QUEUED_FILES: usize = 64;

impl Staging {
    /// Makes the new folder beside `target` (checked by `guard`), after
    /// removing what stopped builds left there.
    pub fn new(target: &Target) -> Result<Staging, OutputError> {
        let out = target.real.clone();
        let parent = out.parent().map_or_else(|| out.clone(), Path::to_path_buf);
        let name = out.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        fs::create_dir_all(&parent).map_err(io_error(&parent))?;
        let warnings = leftovers::clean(&out);
        let folder = parent.join(leftovers::name(&name, Kind::New));
        let retired = parent.join(leftovers::name(&name, Kind::Old));
        fs::create_dir(&folder).map_err(io_error(&folder))?;
        let marker = Marker::new(&folder).map_err(|e| {
            let _ = remove_tree(&folder);
            io_error(&folder)(e)
        })?;
        let (queue, files) = mpsc::sync_channel::<(PathBuf, Bytes)>(QUEUED_FILES);
        let failure = Arc::new(Mutex::new(None));
        let writer = {
            let (inside, failure) = (folder.clone(), Arc::clone(&failure));
            thread::Builder::new()
                .name("leidraad-writer".into())
                .spawn(move || {
                    let mut links = Links::default();
                    for (path, bytes) in files {
                        if let Err(e) = links.write(&inside, &path, bytes) {
                            *lock(&failure) = Some(e);
                            return;
                        }
                    }
                })
                .map_err(io_error(&folder))?
        };
        Ok(Staging {
            out,
            shown: target.shown.clone(),
            folder,
            retired,
            marker: Some(marker),
            committed: false,
            written: Mutex::new(Vec::new()),
            queue: Some(queue),
            writer: Some(writer),
            failure,
            warnings,
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
        let path = self.record(relative)?;
        let file = in_folder(&self.folder, &path, |p| fs::File::create(p))?;
        let mut out = io::BufWriter::with_capacity(256 * 1024, file);
        write(&mut out).and_then(|_| io::Write::flush(&mut out)).map_err(io_error(&path))
    }

    /// Hands one file, at `relative` (with `/`) inside the new folder, to
    /// the writing thread. Fails with the writing thread's error once it
    /// has one.
    pub fn put(&self, relative: &str, bytes: Bytes) -> Result<(), OutputError> {
        let path = self.record(relative)?;
        let sent = self.queue.as_ref().is_some_and(|queue| queue.send((path.clone(), bytes)).is_ok());
        match lock(&self.failure).take() {
            Some(e) => Err(e),
            None if sent => Ok(()),
            None => Err(OutputError::Io { path, source: io::Error::other("the writing thread stopped") }),
        }
    }

    /// Notes `relative` for the manifest; its path in the new folder.
    fn record(&self, relative: &str) -> Result<PathBuf, OutputError> {
        if relative == MANIFEST || relative == manifest::STAGING_MARKER {
            return Err(OutputError::Refused { path: relative.into(), reason: RESERVED.into() });
        }
        lock(&self.written).push(relative.to_owned());
        Ok(self.folder.join(relative))
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
    /// written, with the manifest of what it holds. Returns the warnings.
    pub fn commit(mut self) -> Result<Vec<Diagnostic>, OutputError> {
        self.finish_writing()?;
        let path = self.folder.join(MANIFEST);
        fs::write(&path, manifest::text(&lock(&self.written))).map_err(io_error(&path))?;
        self.replace()?;
        Ok(std::mem::take(&mut self.warnings))
    }

    /// Replaces `out` by the new folder: an output that is not there yet,
    /// an empty folder, or an earlier build, whose files that it did not
    /// make (those its manifest does not list) move into the new one.
    fn replace(&mut self) -> Result<(), OutputError> {
        // Looked at again: the folder may have changed while the site was built.
        let made = match fs::symlink_metadata(&self.out) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return self.swap_in(),
            Err(e) => return Err(io_error(&self.out)(e)),
            Ok(meta) if !meta.is_dir() => return Err(guard::not_ours(&self.shown)),
            Ok(_) => Made::read(&self.out).map_err(io_error(&self.out))?,
        };
        let Some(made) = made else {
            // Fails unless the folder is (still) empty.
            fs::remove_dir(&self.out).map_err(|_| guard::not_ours(&self.shown))?;
            return self.swap_in().inspect_err(|_| {
                let _ = fs::create_dir(&self.out);
            });
        };
        let foreign = carry::find(&self.out, &made, &self.folder).map_err(io_error(&self.out))?;
        if !foreign.clashes.is_empty() {
            return Err(OutputError::Clashes { paths: foreign.clashes.iter().map(|p| self.shown.join(p)).collect() });
        }
        let mut carried = carry::carry(&self.out, &self.folder, &foreign.paths)
            .map_err(|(path, source)| OutputError::Io { path, source })?;
        if let Err(e) = fs::rename(&self.out, &self.retired) {
            carried.undo(&self.out, &self.folder);
            return Err(io_error(&self.out)(e));
        }
        if let Err(e) = self.swap_in() {
            // Put the previous build back.
            let _ = fs::rename(&self.retired, &self.out);
            carried.undo(&self.out, &self.folder);
            return Err(e);
        }
        match manifest::remove_made(&self.retired) {
            Ok(true) => {}
            Ok(false) => self.warnings.push(Diagnostic::warning(&self.retired, 0, 0, RETIRED_KEPT)),
            Err(e) => self.warnings.push(Diagnostic::warning(&self.retired, 0, 0, format!("could not remove it: {e}"))),
        }
        Ok(())
    }

    /// Renames the new folder to `out`, which is not there.
    fn swap_in(&mut self) -> Result<(), OutputError> {
        if let Some(marker) = self.marker.take() {
            marker.remove().map_err(io_error(&self.folder))?;
        }
        fs::rename(&self.folder, &self.out).map_err(io_error(&self.out))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // The writing thread first, so that it adds nothing to what is removed.
            let _ = self.finish_writing();
            drop(self.marker.take());
            let _ = manifest::remove_made(&self.folder);
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

#[cfg(test)]
mod tests;
