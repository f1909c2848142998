//! The marker of leidraad's own folders: `.leidraad-build`, the list of
//! every file a build wrote, in its output. A build replaces a folder only
//! when it holds this file, and deletes there only the files it lists.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};
use rayon::prelude::*;

/// The manifest's file name, in the root of an output.
pub const MANIFEST: &str = ".leidraad-build";

/// The marker of a folder being filled by a running build (see `leftovers`).
pub const STAGING_MARKER: &str = ".leidraad-staging";

const HEADER: &str = "# leidraad build: the files leidraad wrote into this folder. It replaces the\n\
# folder only while this file is here, and keeps any file that is not listed.\n";

/// A line break in a file name would end its line early; `%` is escaped so
/// that decoding gives back exactly what was written.
const ESCAPED: &AsciiSet = &CONTROLS.add(b'%');

/// The manifest's text: the header, then each path (with `/`) on a line of
/// its own, sorted, so that the same build gives the same bytes.
pub fn text(paths: &[String]) -> String {
    let mut sorted: Vec<&String> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut text = String::from(HEADER);
    for path in sorted {
        text.extend(utf8_percent_encode(path, ESCAPED));
        text.push('\n');
    }
    text
}

/// What a manifest says leidraad made: its files, and the folders that hold them.
#[derive(Debug, Default)]
pub struct Made {
    pub files: HashSet<String>,
    pub folders: HashSet<String>,
}

impl Made {
    /// The manifest in `folder`; `None` when there is none (or it is not a
    /// file), so that the folder is not leidraad's.
    pub fn read(folder: &Path) -> io::Result<Option<Made>> {
        let path = folder.join(MANIFEST);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => {}
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        }
        let bytes = fs::read(&path)?;
        let mut made = Made::default();
        for line in String::from_utf8_lossy(&bytes).lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let path = percent_decode_str(line).decode_utf8_lossy().into_owned();
            // A manifest is text anyone can edit: only plain relative paths count.
            if path.split('/').any(|part| matches!(part, "" | "." | "..")) || path.contains('\\') {
                continue;
            }
            let mut folder = path.as_str();
            while let Some((parent, _)) = folder.rsplit_once('/') {
                made.folders.insert(parent.to_owned());
                folder = parent;
            }
            made.files.insert(path);
        }
        Ok(Some(made))
    }
}

/// Removes what leidraad made in `folder`: every file its manifest lists,
/// its markers, the folders left empty, and `folder` itself when nothing
/// else is left. Without a manifest, nothing in it was carried over from an
/// earlier output (the manifest is written before that), so the whole folder
/// goes. Returns whether the folder is gone: it stays when it holds files
/// leidraad did not make.
pub fn remove_made(folder: &Path) -> io::Result<bool> {
    let Some(made) = Made::read(folder)? else {
        super::remove_tree(folder)?;
        return Ok(true);
    };
    let gone = |result: io::Result<()>| match result {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    };
    // Never through a link: a folder that is no longer a real folder, and
    // whatever lies below it, stays.
    let linked: HashSet<&str> = made
        .folders
        .iter()
        .filter(|f| !fs::symlink_metadata(folder.join(f)).is_ok_and(|m| m.is_dir()))
        .map(String::as_str)
        .collect();
    let below_a_link = |file: &str| {
        let mut above = file;
        while let Some((parent, _)) = above.rsplit_once('/') {
            if linked.contains(parent) {
                return true;
            }
            above = parent;
        }
        false
    };
    // Spread over all cores, as removing a whole tree is: an output of 5,000
    // articles per locale is 23,000 files. Only files: a link or a folder
    // where leidraad wrote a file is not its own.
    made.files.par_iter().filter(|file| linked.is_empty() || !below_a_link(file)).try_for_each(|file| {
        let path = folder.join(file);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => gone(fs::remove_file(path)),
            _ => Ok(()),
        }
    })?;
    gone(fs::remove_file(folder.join(STAGING_MARKER)))?;
    gone(fs::remove_file(folder.join(MANIFEST)))?;
    let mut folders: Vec<&String> = made.folders.iter().collect();
    // The deepest first, so that each is empty when its turn comes.
    folders.sort_by_key(|f| std::cmp::Reverse(f.matches('/').count()));
    for inner in folders {
        // A folder that still holds something is not leidraad's to remove.
        let _ = fs::remove_dir(folder.join(inner));
    }
    let _ = fs::remove_dir(folder);
    Ok(!folder.exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let paths = ["nl/index.html", "index.html", "odd\nname%.html", "nl/index.html"].map(String::from);
        let text = text(&paths);
        assert!(text.ends_with("\nindex.html\nnl/index.html\nodd%0Aname%25.html\n"), "{text}");
        fs::write(dir.path().join(MANIFEST), format!("{text}../escape\n/absolute\n")).unwrap();
        let made = Made::read(dir.path()).unwrap().unwrap();
        let mut files: Vec<_> = made.files.iter().map(String::as_str).collect();
        files.sort();
        assert_eq!(files, ["index.html", "nl/index.html", "odd\nname%.html"]);
        assert_eq!(made.folders, HashSet::from(["nl".to_owned()]));
    }

    #[test]
    fn removing_keeps_what_the_manifest_does_not_list() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("out");
        fs::create_dir_all(folder.join("nl/deep")).unwrap();
        fs::create_dir_all(folder.join("uploads")).unwrap();
        for file in ["index.html", "nl/deep/index.html", "uploads/photo.jpg", "nl/notes.txt"] {
            fs::write(folder.join(file), "x").unwrap();
        }
        fs::write(folder.join(MANIFEST), text(&["index.html".into(), "nl/deep/index.html".into()])).unwrap();
        assert!(!remove_made(&folder).unwrap());
        let mut left: Vec<_> = walkdir::WalkDir::new(&folder)
            .into_iter()
            .map(|e| e.unwrap().path().strip_prefix(&folder).unwrap().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["", "nl", "nl/notes.txt", "uploads", "uploads/photo.jpg"]);
        fs::remove_file(folder.join("nl/notes.txt")).unwrap();
        fs::remove_dir_all(folder.join("uploads")).unwrap();
        fs::write(folder.join(MANIFEST), text(&["nl/deep/index.html".into()])).unwrap();
        assert!(remove_made(&folder).unwrap());
    }

    #[cfg(unix)]
    #[test]
    fn removing_never_goes_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let (folder, elsewhere) = (dir.path().join("out"), dir.path().join("elsewhere"));
        fs::create_dir_all(folder.join("css")).unwrap();
        fs::create_dir_all(elsewhere.join("deep")).unwrap();
        fs::write(elsewhere.join("index.html"), "theirs").unwrap();
        fs::write(elsewhere.join("deep/index.html"), "theirs").unwrap();
        // Where leidraad wrote nl/index.html and css/site.css, there are now links.
        std::os::unix::fs::symlink(&elsewhere, folder.join("nl")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("index.html"), folder.join("css/site.css")).unwrap();
        let listed = ["nl/index.html", "nl/deep/index.html", "css/site.css"].map(String::from);
        fs::write(folder.join(MANIFEST), text(&listed)).unwrap();
        assert!(!remove_made(&folder).unwrap());
        assert_eq!(fs::read_to_string(elsewhere.join("index.html")).unwrap(), "theirs");
        assert_eq!(fs::read_to_string(elsewhere.join("deep/index.html")).unwrap(), "theirs");
        assert!(fs::symlink_metadata(folder.join("css/site.css")).unwrap().is_symlink());
    }
}
