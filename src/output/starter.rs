//! `leidraad new`: writes the starter site, the repository's `starter/`
//! folder compiled into the binary, into a new folder for a school.

use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static STARTER: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/starter");

/// Why the starter could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    #[error("{0}: the folder is not empty; choose a new folder name, such as `leidraad new mijnschool`")]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// Writes the starter site into `dir`, which must be new or empty; returns
/// the files written, relative to `dir`.
pub fn write(dir: &Path) -> Result<Vec<PathBuf>, StarterError> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            return Err(StarterError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut written = Vec::new();
    let mut pending = vec![&STARTER];
    while let Some(folder) = pending.pop() {
        pending.extend(folder.dirs());
        for file in folder.files() {
            let path = dir.join(file.path());
            let io = |source| StarterError::Io { path: path.clone(), source };
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io)?;
            }
            std::fs::write(&path, file.contents()).map_err(|source| StarterError::Io { path: path.clone(), source })?;
            written.push(file.path().to_path_buf());
        }
    }
    written.sort();
    Ok(written)
}
