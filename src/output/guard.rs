//! The rules that keep a build to a folder of its own, checked before
//! anything is built: `--out` is followed through symbolic links to the
//! real folder, which must not be the site, hold it, or be or touch its
//! sources, and which is replaced only when an earlier build marked it as
//! leidraad's (see `manifest`).

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::manifest::{Made, MANIFEST};
use super::OutputError;

/// The folders of a site that a build reads.
const SOURCES: [&str; 3] = ["content", "themes", "locales"];

const OWN_FOLDER: &str = "a build replaces its output folder whole, so --out must be a folder of its own: \
leave out --out to build into public/ in the site folder, or choose another folder";

const NOT_OURS: &str = "refusing to build here: the folder is not empty and has no .leidraad-build file, \
so leidraad did not make it and will not replace it; choose another --out, or empty or remove the folder \
yourself (an output of a leidraad from before this rule has no such file either: delete it once)";

/// Where a build goes.
#[derive(Debug, Clone)]
pub struct Target {
    /// `--out` as given, for messages.
    pub shown: PathBuf,
    /// The real folder: absolute, every symbolic link followed. It may not
    /// exist yet.
    pub real: PathBuf,
}

/// The output folder for a build of the site at `root` into `out`, or why
/// there must be none. Looks only; changes nothing.
pub fn target(root: &Path, out: &Path) -> Result<Target, OutputError> {
    let target = resolve(out)?;
    site_rules(root, &target)?;
    folder_rules(&target)?;
    Ok(target)
}

/// `out` resolved, and checked as `target` does apart from the site rules.
pub fn resolve(out: &Path) -> Result<Target, OutputError> {
    let refused = |reason: String| OutputError::Refused { path: out.to_path_buf(), reason };
    let real = real_path(out).map_err(|source| OutputError::Io { path: out.to_path_buf(), source })?;
    match fs::symlink_metadata(&real) {
        Ok(meta) if meta.is_symlink() => {
            let points_to = fs::read_link(&real).unwrap_or_default();
            Err(refused(format!(
                "--out is a symbolic link to {}, which does not exist; make that folder or choose another --out",
                points_to.display()
            )))
        }
        Ok(meta) if !meta.is_dir() => Err(refused("--out is a file, not a folder; choose a folder".into())),
        _ => Ok(Target { shown: out.to_path_buf(), real }),
    }
}

/// Refuses a target that is the site folder, holds it, or is, holds or lies
/// inside one of its source folders.
fn site_rules(root: &Path, target: &Target) -> Result<(), OutputError> {
    let site = real_path(root).map_err(|source| OutputError::Io { path: root.to_path_buf(), source })?;
    let out = &target.real;
    let mut reason = if *out == site {
        Some("--out is the site folder".to_owned())
    } else if site.starts_with(out) {
        Some(format!("--out contains the site folder {}", site.display()))
    } else {
        None
    };
    for source in SOURCES {
        if reason.is_some() {
            break;
        }
        let folder = real_path(&site.join(source)).unwrap_or_else(|_| site.join(source));
        reason = if *out == folder {
            Some(format!("--out is the site's {source}/ folder"))
        } else if out.starts_with(&folder) {
            Some(format!("--out is inside the site's {source}/ folder"))
        } else if folder.starts_with(out) {
            Some(format!("--out contains the site's {source}/ folder"))
        } else {
            None
        };
    }
    match reason {
        None => Ok(()),
        Some(reason) => {
            let link = is_link(&target.shown).then(|| format!(" (a link to {})", out.display()));
            let reason = format!("{reason}{}; {OWN_FOLDER}", link.unwrap_or_default());
            Err(OutputError::Refused { path: target.shown.clone(), reason })
        }
    }
}

/// Refuses an existing folder that has files in it and no manifest.
fn folder_rules(target: &Target) -> Result<(), OutputError> {
    let io = |source| OutputError::Io { path: target.shown.clone(), source };
    if !target.real.is_dir() || Made::read(&target.real).map_err(io)?.is_some() {
        return Ok(());
    }
    let empty = fs::read_dir(&target.real).map_err(io)?.next().is_none();
    if empty {
        Ok(())
    } else {
        Err(not_ours(&target.shown))
    }
}

/// The refusal of a folder that has files in it and no manifest.
pub fn not_ours(path: &Path) -> OutputError {
    debug_assert!(NOT_OURS.contains(MANIFEST));
    OutputError::Refused { path: path.to_path_buf(), reason: NOT_OURS.into() }
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink())
}

/// `path` made absolute with every symbolic link followed, as far as it
/// exists; the part that does not exist yet is added as written (it holds
/// no links, so `..` there is simply the folder above).
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let parts: Vec<Component<'_>> = absolute.components().collect();
    for existing in (1..=parts.len()).rev() {
        let Ok(mut real) = fs::canonicalize(parts[..existing].iter().collect::<PathBuf>()) else { continue };
        for part in &parts[existing..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
        }
        return Ok(real);
    }
    Ok(absolute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_does_not_exist_yet_is_resolved_through_the_part_that_does() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir(real.join("a")).unwrap();
        assert_eq!(real_path(&real.join("a/new/../x/y")).unwrap(), real.join("a/x/y"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(real.join("a"), real.join("link")).unwrap();
            assert_eq!(real_path(&real.join("link/new")).unwrap(), real.join("a/new"));
        }
    }
}
