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

use crate::render::Files;

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{0}: refusing to replace this folder: it is not empty and does not look like a leidraad build (no index.html and sitemap.xml); choose another --out")]
    NotABuild(PathBuf),
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// Writes `files` to `out`, replacing what was there only on success.
pub fn write(out: &Path, files: &Files) -> Result<(), OutputError> {
    if out.exists() && !replaceable(out) {
        return Err(OutputError::NotABuild(out.to_path_buf()));
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_error(&parent))?;
    let name = out.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.leidraad-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.leidraad-old-{}", std::process::id()));

    let written = write_all(&staging, files);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out.exists() {
        fs::rename(out, &retired).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            OutputError::Io { path: out.to_path_buf(), source: e }
        })?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        // Put the previous build back.
        let _ = fs::rename(&retired, out);
        let _ = fs::remove_dir_all(&staging);
        return Err(OutputError::Io { path: out.to_path_buf(), source: e });
    }
    if retired.exists() {
        fs::remove_dir_all(&retired).map_err(io_error(&retired))?;
    }
    Ok(())
}

fn replaceable(out: &Path) -> bool {
    let empty = fs::read_dir(out).map(|mut d| d.next().is_none()).unwrap_or(false);
    empty || (out.join("index.html").is_file() && out.join("sitemap.xml").is_file())
}

fn write_all(staging: &Path, files: &Files) -> Result<(), OutputError> {
    fs::create_dir_all(staging).map_err(io_error(staging))?;
    let mut made = std::collections::BTreeSet::new();
    for (relative, bytes) in files {
        let path = staging.join(relative);
        if let Some(dir) = path.parent() {
            if made.insert(dir.to_path_buf()) {
                fs::create_dir_all(dir).map_err(io_error(dir))?;
            }
        }
        fs::write(&path, bytes).map_err(io_error(&path))?;
    }
    Ok(())
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
}
