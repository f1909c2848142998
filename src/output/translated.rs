//! `leidraad translated FILE...`: records in each translation which version
//! of its original it was made from (`translated_from:` in its front
//! matter), so that `check` notices when the original changes later.

use std::path::{Path, PathBuf};

use crate::content::{self, ArticleMeta, Document, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Stamps each of `files` (article translations under `root`); returns the
/// files changed.
pub fn stamp(root: &Path, files: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let sources = content::load(root)?;
    let mut errors = Diagnostics::new();
    let mut changed = Vec::new();
    for file in files {
        match stamp_one(&sources, file) {
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

fn stamp_one(sources: &Sources, file: &Path) -> Result<bool, Diagnostic> {
    let same_file = |doc: &Document<ArticleMeta>| {
        std::fs::canonicalize(&doc.path).ok().zip(std::fs::canonicalize(file).ok()).is_some_and(|(a, b)| a == b)
    };
    let default = &sources.config.default_locale;
    let (locale, translation) = sources
        .locales
        .iter()
        .find_map(|(locale, content)| content.articles.iter().find(|d| same_file(d)).map(|d| (locale, d)))
        .ok_or_else(|| {
            Diagnostic::error(
                file,
                0,
                0,
                "not an article of this site; give the path of a translated file under content/<locale>/protocol/",
            )
        })?;
    if locale == default {
        return Err(Diagnostic::error(
            file,
            0,
            0,
            format!("this is an original (`{default}` is the default locale); give its translations"),
        ));
    }
    let original =
        sources.locales[default].articles.iter().find(|d| d.meta.id == translation.meta.id).ok_or_else(|| {
            Diagnostic::error(file, 0, 0, format!("no `{default}` article has id `{}`", translation.meta.id))
        })?;
    let hash = content::source_hash(original);
    if translation.meta.translated_from.as_deref() == Some(hash.as_str()) {
        return Ok(false);
    }
    let raw = std::fs::read(file).map_err(|e| Diagnostic::error(file, 0, 0, format!("cannot read the file: {e}")))?;
    let text = content::read_text(file)?;
    let stamped = with_translated_from(&text, &hash);
    // Keep the editor's line endings and byte order mark.
    let crlf = raw.windows(2).any(|w| w == b"\r\n");
    let bom = raw.starts_with(b"\xEF\xBB\xBF");
    let mut out = if bom { "\u{FEFF}".to_owned() } else { String::new() };
    out.push_str(&if crlf { stamped.replace('\n', "\r\n") } else { stamped });
    std::fs::write(file, out).map_err(|e| Diagnostic::error(file, 0, 0, format!("cannot write the file: {e}")))?;
    Ok(true)
}

/// The text with `translated_from: <hash>` set in its front matter.
fn with_translated_from(text: &str, hash: &str) -> String {
    let line = format!("translated_from: {hash}");
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "---").map(|i| i + 1).unwrap_or(1);
    match lines[1..close].iter().position(|l| l.starts_with("translated_from:")) {
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
