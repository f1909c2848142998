//! Content files that could not be read or parsed. Their ids are recovered
//! from the text as far as a plain look at its lines allows, so that other
//! files that link to or cite them are not reported for that: one broken
//! file gives one error, not one in every file that names it.

use std::path::{Path, PathBuf};

/// What a broken file would have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrokenKind {
    Article,
    Quiz,
    Scenario,
    Glossary,
    /// Any other file: nothing names it by id.
    Other,
}

/// A content file that failed, with the ids it seems to define.
#[derive(Debug, Clone)]
pub struct Broken {
    pub path: PathBuf,
    pub kind: BrokenKind,
    /// The file name without `.md`: the page's URL slug.
    pub stem: String,
    pub ids: Vec<String>,
}

/// The ids `path` (under `locale_dir`) seems to define, read leniently:
/// invalid UTF-8 is replaced and the YAML is not parsed, only its `id:` lines.
pub fn recover(locale_dir: &Path, path: &Path) -> Broken {
    let relative = path.strip_prefix(locale_dir).unwrap_or(path);
    let folder = relative.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let kind = match folder.as_deref() {
        Some("protocol") => BrokenKind::Article,
        Some("quiz") => BrokenKind::Quiz,
        Some("scenarios") => BrokenKind::Scenario,
        Some("glossary.yaml") => BrokenKind::Glossary,
        _ => BrokenKind::Other,
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = if kind == BrokenKind::Other { Vec::new() } else { std::fs::read(path).unwrap_or_default() };
    let text = String::from_utf8_lossy(&bytes);
    let ids = match kind {
        BrokenKind::Other => Vec::new(),
        BrokenKind::Glossary => {
            text.lines().filter_map(|l| id_of(l.strip_prefix("- ").unwrap_or(l).trim_start())).collect()
        }
        _ => front_matter_id(&text).into_iter().collect(),
    };
    Broken { path: path.to_path_buf(), kind, stem, ids }
}

/// The `id:` at the top level of a Markdown file's front matter.
fn front_matter_id(text: &str) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    lines.take_while(|l| l.trim_end() != "---").find_map(id_of)
}

/// The value of a line `id: value` (quotes and a comment removed).
fn id_of(line: &str) -> Option<String> {
    let value = line.strip_prefix("id:")?;
    let value = value.split(" #").next().unwrap_or(value).trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_id_lines() {
        assert_eq!(front_matter_id("---\ntitle: x\nid: 'regels' # comment\norder: tien\n---\n"), Some("regels".into()));
        assert_eq!(front_matter_id("---\ntitle: x\n  id: nested\n---\nid: body\n"), None);
        assert_eq!(id_of("id:"), None);
    }
}
