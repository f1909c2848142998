//! Files in a leidraad output that leidraad did not make, such as a web
//! editor's `.htaccess`: they are carried over into the new output when it
//! replaces the old one, never deleted. When the new build writes the same
//! path, the build fails and names the file instead.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::manifest::{Made, MANIFEST, STAGING_MARKER};

/// What a replaced output holds that its manifest does not list: the
/// topmost such files and folders (relative paths), moved as a whole.
#[derive(Debug, Default)]
pub struct Foreign {
    pub paths: Vec<PathBuf>,
    /// Those that the new output has as well: the build cannot go on.
    pub clashes: Vec<PathBuf>,
}

/// Compares the output `old`, which made `made`, with the new output `new`.
pub fn find(old: &Path, made: &Made, new: &Path) -> io::Result<Foreign> {
    let mut found = Foreign::default();
    walk(old, made, new, Path::new(""), false, &mut found)?;
    Ok(found)
}

/// Looks through the folder `relative` of `old`; `foreign` when nothing in
/// it is leidraad's.
fn walk(old: &Path, made: &Made, new: &Path, relative: &Path, foreign: bool, found: &mut Foreign) -> io::Result<()> {
    let mut entries = fs::read_dir(old.join(relative))?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let path = relative.join(&name);
        if relative.as_os_str().is_empty() && (name == MANIFEST || name == STAGING_MARKER) {
            continue;
        }
        // Not followed: a link is the user's, whatever it points to.
        let kind = entry.file_type()?;
        let key = path.to_str().map(|p| p.replace('\\', "/"));
        let ours = !foreign
            && key.is_some_and(|key| {
                (kind.is_dir() && made.folders.contains(&key)) || (kind.is_file() && made.files.contains(&key))
            });
        if ours {
            if kind.is_dir() {
                walk(old, made, new, &path, false, found)?;
            }
            continue;
        }
        match fs::symlink_metadata(new.join(&path)) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => found.paths.push(path),
            Ok(there) if there.is_dir() && kind.is_dir() => walk(old, made, new, &path, true, found)?,
            _ => found.clashes.push(path),
        }
    }
    Ok(())
}

/// Moves `paths` from `old` to the same place in `new`. On failure, moves
/// back what was moved and returns the path that failed.
pub fn carry(old: &Path, new: &Path, paths: &[PathBuf]) -> Result<Carried, (PathBuf, io::Error)> {
    let mut carried = Carried::default();
    for path in paths {
        let (from, to) = (old.join(path), new.join(path));
        let moved = match to.parent() {
            Some(parent) => fs::create_dir_all(parent).and_then(|_| fs::rename(&from, &to)),
            None => fs::rename(&from, &to),
        };
        if let Err(e) = moved {
            carried.undo(old, new);
            return Err((from, e));
        }
        carried.paths.push(path.clone());
    }
    Ok(carried)
}

/// What `carry` moved, to move it back when the new output cannot take the
/// old one's place after all.
#[derive(Debug, Default)]
pub struct Carried {
    paths: Vec<PathBuf>,
}

impl Carried {
    /// Moves everything back from `new` to `old`. What cannot be moved back
    /// stays in `new`, which is then not removed whole (`remove_made`).
    pub fn undo(&mut self, old: &Path, new: &Path) {
        for path in self.paths.drain(..).rev() {
            let _ = fs::rename(new.join(&path), old.join(&path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(root: &Path, files: &[&str]) {
        for file in files {
            let path = root.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, file).unwrap();
        }
    }

    #[test]
    fn finds_what_the_manifest_does_not_list_and_what_the_new_build_also_writes() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        tree(&old, &["index.html", "nl/index.html", "nl/photo.jpg", "uploads/a/b.png", "contact.php", "css/x.css"]);
        tree(&new, &["index.html", "nl/index.html", "contact.php", "css/y.css"]);
        fs::write(old.join(MANIFEST), super::super::manifest::text(&["index.html".into(), "nl/index.html".into()]))
            .unwrap();
        let made = Made::read(&old).unwrap().unwrap();
        let found = find(&old, &made, &new).unwrap();
        assert_eq!(found.paths, [Path::new("css/x.css"), Path::new("nl/photo.jpg"), Path::new("uploads")]);
        assert_eq!(found.clashes, [Path::new("contact.php")]);

        let carried = carry(&old, &new, &found.paths).unwrap();
        assert_eq!(fs::read_to_string(new.join("uploads/a/b.png")).unwrap(), "uploads/a/b.png");
        assert!(!old.join("uploads").exists());
        let mut carried = carried;
        carried.undo(&old, &new);
        assert_eq!(fs::read_to_string(old.join("uploads/a/b.png")).unwrap(), "uploads/a/b.png");
        assert_eq!(fs::read_to_string(old.join("css/x.css")).unwrap(), "css/x.css");
    }
}
