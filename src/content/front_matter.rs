//! Splitting a Markdown file into its YAML front matter and body, keeping the
//! line each starts on, and the typed front matter of each content kind.

use serde::Deserialize;

use crate::markdown::Numbering;

/// A Markdown file cut in two. Lines are 1-based lines of the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub yaml_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Splits `text` (already decoded, LF line endings) at its `---` fences.
pub fn split(text: &str) -> Result<Split<'_>, &'static str> {
    let Some(after_open) = text.strip_prefix("---\n") else {
        return Err(
            "the file does not start with front matter: put a line `---`, the YAML keys, and another `---` at the top",
        );
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            let yaml_lines = yaml.matches('\n').count();
            return Ok(Split { yaml, yaml_line: 2, body, body_line: 3 + yaml_lines });
        }
        offset += line.len();
    }
    Err("the front matter is not closed: add a line `---` after the YAML keys")
}

/// Front matter of `protocol/*.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    pub id: String,
    #[serde(default, deserialize_with = "crate::yaml::string_or_number")]
    pub number: Option<String>,
    pub title: String,
    pub audiences: Vec<String>,
    #[serde(default)]
    pub contexts: Vec<String>,
    pub order: i64,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub numbering: Numbering,
    #[serde(default = "default_anchor_prefix")]
    pub anchor_prefix: String,
    /// In a translation: the `source_hash` of the original it was made from.
    #[serde(default)]
    pub translated_from: Option<String>,
    /// In a school's folder: the article replaces the board's of this id.
    #[serde(default)]
    pub replaces: bool,
    /// In a school's replacement: the `source_hash` of the board's article
    /// it follows (`leidraad confirm`).
    #[serde(default)]
    pub board_from: Option<String>,
}

fn default_anchor_prefix() -> String {
    "r".to_owned()
}

/// Front matter of `_index.md` and `audiences/<id>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageMeta {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    /// As for articles: the version of the original a translation follows.
    #[serde(default)]
    pub translated_from: Option<String>,
}

/// One entry of `glossary.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub source: TermSource,
}

/// Whose words a glossary definition is: the protocol's own, or the
/// editor's explanation of a word the protocol uses. Readers must be able
/// to tell the two apart, so an entry that does not say is an explanation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TermSource {
    /// The definition is the protocol's text (a definition or footnote).
    Protocol,
    /// The editor's explanation, not protocol text.
    #[default]
    Explanation,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_lines() {
        let s = split("---\nid: a\ntitle: b\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "id: a\ntitle: b\n");
        assert_eq!(s.yaml_line, 2);
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
    }

    #[test]
    fn split_refuses_missing_fences() {
        assert!(split("# Title\n").unwrap_err().contains("does not start with front matter"));
        assert!(split("---\nid: a\n").unwrap_err().contains("not closed"));
    }

    #[test]
    fn number_may_be_written_as_a_number() {
        let meta: ArticleMeta =
            serde_yaml::from_str("id: a\nnumber: 5\ntitle: t\naudiences: [all]\norder: 1\n").unwrap();
        assert_eq!(meta.number.as_deref(), Some("5"));
        assert_eq!(meta.anchor_prefix, "r");
        assert_eq!(meta.numbering, Numbering::Decimal);
    }
}
