//! `leidraad confirm FILE...`: records in each of a school's replacements
//! which version of the board's article it follows (`board_from:` in its
//! front matter), so that `check` warns, and the school's page says so,
//! when the board changes that article later.

use std::path::{Path, PathBuf};

use crate::content::{self, source_hash};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Stamps each of `files` (replacements in the schools' folders under
/// `root`); returns the files changed.
pub fn stamp(root: &Path, files: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let sources = content::load(root)?;
    // Every replacement: its canonical path, what it records, and the
    // current version of the board's article of its id and locale.
    let mut replacements: Vec<(PathBuf, Option<&str>, Option<String>)> = Vec::new();
    for school in &sources.schools {
        for (locale, own) in &school.locales {
            for doc in own.articles.iter().filter(|d| d.meta.replaces) {
                let Ok(path) = std::fs::canonicalize(&doc.path) else { continue };
                let board =
                    sources.locales.get(locale).and_then(|c| c.articles.iter().find(|d| d.meta.id == doc.meta.id));
                replacements.push((path, doc.meta.board_from.as_deref(), board.map(|d| source_hash(d))));
            }
        }
    }
    let mut errors = Diagnostics::new();
    let mut changed = Vec::new();
    for file in files {
        let wanted = std::fs::canonicalize(file).ok();
        let Some((_, recorded, current)) = replacements.iter().find(|(path, _, _)| Some(path) == wanted.as_ref())
        else {
            errors.push(Diagnostic::error(
                file,
                0,
                0,
                "not a replacement of a board article: give the path of a file under schools/<id>/content/<locale>/protocol/ with `replaces: true`",
            ));
            continue;
        };
        let Some(current) = current else {
            errors.push(Diagnostic::error(
                file,
                0,
                0,
                "the board has no article of this id in this locale; nothing to record",
            ));
            continue;
        };
        if *recorded == Some(current.as_str()) {
            continue;
        }
        match super::translated::record(file, "board_from", current) {
            Ok(()) => changed.push(file.clone()),
            Err(e) => errors.push(e),
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(changed)
}
