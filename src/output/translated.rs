//! `leidraad translated FILE...`: records in each translation (an article,
//! an audience intro, the home page or the change log) which version of its
//! original it was made from (`translated_from:` in its front
//! matter), so that `check` notices when the original changes later.

use std::path::{Path, PathBuf};

use crate::content::{self, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Stamps each of `files` (translations under `root`); returns the files
/// changed.
pub fn stamp(root: &Path, files: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut sources = content::load(root)?;
    // A school's translations follow the school's own originals: its
    // site's sources pair them (`board`).
    let schools = std::mem::take(&mut sources.schools);
    let of_schools: Vec<(&Path, Sources)> =
        schools.iter().map(|s| (s.folder.as_path(), crate::board::school_sources(&sources, s).0)).collect();
    let school_pairs = of_schools
        .iter()
        .flat_map(|(folder, sources)| pairs(sources).into_iter().filter(move |p| p.path.starts_with(folder)));
    // Each translatable file once, by its canonical path.
    let all: Vec<(PathBuf, Pair<'_>)> = pairs(&sources)
        .into_iter()
        .chain(school_pairs)
        .filter_map(|p| Some((std::fs::canonicalize(p.path).ok()?, p)))
        .collect();
    let mut errors = Diagnostics::new();
    let mut changed = Vec::new();
    for file in files {
        match stamp_one(&sources, &all, file) {
            Ok(true) => changed.push(file.clone()),
            Ok(false) => {}
            Err(e) => errors.push(e),
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(changed)
}

/// A translatable file as the stamp needs it: where it is, which version of
/// its original it records, and the current version of that original.
struct Pair<'s> {
    locale: &'s str,
    path: &'s Path,
    recorded: Option<&'s str>,
    original: Option<String>,
}

/// Every translatable file of the sources: articles by id; the home page,
/// the change log and the audience intros by their place.
fn pairs(sources: &Sources) -> Vec<Pair<'_>> {
    let default = &sources.locales[&sources.config.default_locale];
    let mut pairs = Vec::new();
    for (locale, content) in &sources.locales {
        for doc in &content.articles {
            let original = default.articles.iter().find(|d| d.meta.id == doc.meta.id).map(|d| content::source_hash(d));
            pairs.push(Pair { locale, path: &doc.path, recorded: doc.meta.translated_from.as_deref(), original });
        }
        let pages =
            [(content.home.as_ref(), default.home.as_ref()), (content.changelog.as_ref(), default.changelog.as_ref())]
                .into_iter()
                .chain(content.audience_intros.iter().map(|(id, doc)| (Some(doc), default.audience_intros.get(id))));
        for (doc, original) in pages {
            let Some(doc) = doc else { continue };
            let original = original.map(content::source_hash);
            pairs.push(Pair { locale, path: &doc.path, recorded: doc.meta.translated_from.as_deref(), original });
        }
    }
    pairs
}

fn stamp_one(sources: &Sources, all: &[(PathBuf, Pair<'_>)], file: &Path) -> Result<bool, Diagnostic> {
    let wanted = std::fs::canonicalize(file).ok();
    let default = &sources.config.default_locale;
    let pair = all.iter().find(|(path, _)| Some(path) == wanted.as_ref()).map(|(_, p)| p).ok_or_else(|| {
        Diagnostic::error(
            file,
            0,
            0,
            "not a translatable page of this site; give the path of a translated article, audience intro, home page or change log under content/<locale>/",
        )
    })?;
    if pair.locale == default {
        return Err(Diagnostic::error(
            file,
            0,
            0,
            format!("this is an original (`{default}` is the default locale); give its translations"),
        ));
    }
    let hash = pair.original.as_deref().ok_or_else(|| {
        Diagnostic::error(file, 0, 0, format!("`{default}` has no original of this page; nothing to record"))
    })?;
    if pair.recorded == Some(hash) {
        return Ok(false);
    }
    record(file, "translated_from", hash)?;
    Ok(true)
}

/// Sets `key: hash` in the front matter of `file`, keeping the editor's
/// line endings and byte order mark.
pub(super) fn record(file: &Path, key: &str, hash: &str) -> Result<(), Diagnostic> {
    let raw = std::fs::read(file).map_err(|e| Diagnostic::error(file, 0, 0, format!("cannot read the file: {e}")))?;
    let text = content::read_text(file)?;
    let stamped = with_key(&text, key, hash);
    let crlf = raw.windows(2).any(|w| w == b"\r\n");
    let bom = raw.starts_with(b"\xEF\xBB\xBF");
    let mut out = if bom { "\u{FEFF}".to_owned() } else { String::new() };
    out.push_str(&if crlf { stamped.replace('\n', "\r\n") } else { stamped });
    std::fs::write(file, out).map_err(|e| Diagnostic::error(file, 0, 0, format!("cannot write the file: {e}")))
}

#[cfg(test)]
fn with_translated_from(text: &str, hash: &str) -> String {
    with_key(text, "translated_from", hash)
}

/// The text with `key: <hash>` set in its front matter.
fn with_key(text: &str, key: &str, hash: &str) -> String {
    let line = format!("{key}: {hash}");
    let prefix = format!("{key}:");
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|i| i + 1).unwrap_or(1);
    match lines[1..close].iter().position(|l| l.starts_with(&prefix)) {
        Some(i) => lines[i + 1] = line,
        None => lines.insert(close, line),
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_or_replaces_the_key_in_the_front_matter() {
        assert_eq!(
            with_translated_from("---\nid: a\n---\nBody\n", "abc"),
            "---\nid: a\ntranslated_from: abc\n---\nBody\n"
        );
        assert_eq!(
            with_translated_from("---\nid: a\ntranslated_from: old\ntitle: t\n---\n", "new"),
            "---\nid: a\ntranslated_from: new\ntitle: t\n---\n"
        );
    }
}
