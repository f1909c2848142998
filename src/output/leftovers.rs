//! Folders that builds stopped by force (killed, a power cut) left beside
//! their output: the new output being filled (`.NAME.leidraad-new-PID`) and
//! the old one being removed (`.NAME.leidraad-old-PID`). The next build
//! removes them, but only those that carry leidraad's markers, and in them
//! only what leidraad made.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::manifest::{self, MANIFEST, STAGING_MARKER};
use crate::diagnostic::Diagnostic;

const KEPT: &str = "left behind by a build that was stopped; it holds files that leidraad did not make, \
so it was not removed: move them where they belong, then delete the folder";

/// The name of the folder a build fills, or of the old output it removes,
/// beside an output called `name`.
pub fn name(name: &str, kind: Kind) -> String {
    format!(".{name}.leidraad-{}-{}", kind.word(), std::process::id())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    New,
    Old,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::New => "new",
            Kind::Old => "old",
        }
    }
}

/// The marker of a folder a running build fills: `.leidraad-staging`, which
/// names the process and is locked for as long as the build runs. The
/// system lets go of the lock when the process ends, however it ends, so a
/// marker that can be locked belongs to a build that is gone. The process
/// id alone would not tell: ids are reused, and in a container every build
/// may get the same one.
#[derive(Debug)]
pub struct Marker {
    file: File,
    path: PathBuf,
}

impl Marker {
    /// Writes the marker into `folder`, which was just made.
    pub fn new(folder: &Path) -> io::Result<Marker> {
        let path = folder.join(STAGING_MARKER);
        let mut file = OpenOptions::new().write(true).create_new(true).open(&path)?;
        writeln!(file, "a leidraad build (process {}) is writing this folder", std::process::id())?;
        match file.try_lock() {
            // Where files cannot be locked, other builds leave the folder alone.
            Ok(()) | Err(TryLockError::WouldBlock) => {}
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
            Err(TryLockError::Error(e)) => return Err(e),
        }
        Ok(Marker { file, path })
    }

    /// Lets go of the lock and removes the marker.
    pub fn remove(self) -> io::Result<()> {
        drop(self.file);
        fs::remove_file(&self.path)
    }
}

/// Removes the folders that stopped builds left beside the output `out`,
/// as far as they are leidraad's; a warning for each that holds more.
pub fn clean(out: &Path) -> Vec<Diagnostic> {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name().and_then(|n| n.to_str())) else {
        return Vec::new();
    };
    let Ok(entries) = fs::read_dir(parent) else { return Vec::new() };
    let mut warnings = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        if entry.file_name().to_str().is_none_or(|n| left_by(name, n).is_none()) {
            continue;
        }
        let folder = entry.path();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) || !stopped(&folder) {
            continue;
        }
        match manifest::remove_made(&folder) {
            Ok(true) => {}
            Ok(false) => warnings.push(Diagnostic::warning(&folder, 0, 0, KEPT)),
            Err(e) => warnings.push(Diagnostic::warning(&folder, 0, 0, format!("could not remove it: {e}"))),
        }
    }
    warnings
}

/// Which kind of folder `candidate` is, when its name is that of one a
/// build of the output `name` makes.
fn left_by(name: &str, candidate: &str) -> Option<Kind> {
    let rest = candidate.strip_prefix('.')?.strip_prefix(name)?.strip_prefix(".leidraad-")?;
    let (kind, pid) = rest.split_once('-')?;
    let kind = match kind {
        "new" => Kind::New,
        "old" => Kind::Old,
        _ => return None,
    };
    (!pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())).then_some(kind)
}

/// Whether the build that made `folder` is gone, going by its markers.
fn stopped(folder: &Path) -> bool {
    let has_manifest = folder.join(MANIFEST).is_file();
    match File::open(folder.join(STAGING_MARKER)) {
        Ok(marker) => matches!(marker.try_lock(), Ok(())),
        // A new output loses its staging marker just before it takes the
        // output's place; an old output never had one. Either way its
        // manifest says what in it is leidraad's, and only that goes.
        Err(e) if e.kind() == io::ErrorKind::NotFound => has_manifest,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_folders_named_and_marked_by_a_stopped_build_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let folder = |name: &str, files: &[&str]| {
            let folder = dir.path().join(name);
            fs::create_dir_all(folder.join("nl")).unwrap();
            for file in files {
                fs::write(folder.join(file), "x").unwrap();
            }
            folder
        };
        let stopped = folder(".public.leidraad-new-999999", &[STAGING_MARKER, "nl/index.html"]);
        let unmarked = folder(".public.leidraad-new-999998", &["nl/index.html"]);
        let other = folder(".site.leidraad-new-999997", &[STAGING_MARKER]);
        let running = folder(&name("public", Kind::New), &[]);
        let marker = Marker::new(&running).unwrap();
        let old = folder(".public.leidraad-old-999996", &["nl/index.html", "nl/upload.png"]);
        fs::write(old.join(MANIFEST), manifest::text(&["nl/index.html".into()])).unwrap();

        let warnings = clean(&out);
        assert!(!stopped.exists());
        assert!(unmarked.join("nl/index.html").exists());
        assert!(other.join(STAGING_MARKER).exists());
        assert!(running.join(STAGING_MARKER).exists(), "the folder of a running build stays");
        assert!(!old.join("nl/index.html").exists());
        assert!(old.join("nl/upload.png").exists());
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].to_string(), format!("{}: warning: {KEPT}", old.display()));
        marker.remove().unwrap();
    }

    #[test]
    fn names_are_matched_whole() {
        assert_eq!(left_by("public", ".public.leidraad-new-12"), Some(Kind::New));
        assert_eq!(left_by("public", ".public.leidraad-old-12"), Some(Kind::Old));
        assert_eq!(left_by("public", ".public.leidraad-new-12x"), None);
        assert_eq!(left_by("public", ".public.leidraad-new-"), None);
        assert_eq!(left_by("pub", ".public.leidraad-new-12"), None);
    }
}
