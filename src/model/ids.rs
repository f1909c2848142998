//! The ids of a site: front matter checked against `site.yaml` (audiences,
//! contexts, anchor prefixes), every id unique across content kinds, and the
//! index of what each id names.

use std::collections::BTreeMap;
use std::path::Path;

use super::IdKind;
use crate::config::ALL_AUDIENCES;
use crate::content::broken::BrokenKind;
use crate::content::{Document, LocaleSources, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::{text, yaml};

/// The parts of a content file's front matter that ids and audiences concern.
struct Header<'a> {
    kind: IdKind,
    path: &'a Path,
    yaml: &'a str,
    yaml_line: usize,
    id: &'a str,
    audiences: &'a [String],
    contexts: &'a [String],
    anchor_prefix: Option<&'a str>,
}

impl<'a> Header<'a> {
    /// The header of a file without contexts or rule anchors.
    fn new<M>(kind: IdKind, doc: &'a Document<M>, id: &'a str, audiences: &'a [String]) -> Self {
        Header {
            kind,
            path: &doc.path,
            yaml: &doc.yaml,
            yaml_line: doc.yaml_line,
            id,
            audiences,
            contexts: &[],
            anchor_prefix: None,
        }
    }
}

/// Errors for the `names` under `key` (audiences or contexts) that `known`
/// lacks, placed in one pass over the front matter.
fn unknown_names(header: &Header<'_>, key: &str, names: &[String], known: &[&str], diagnostics: &mut Diagnostics) {
    let known_set: std::collections::HashSet<&str> = known.iter().copied().collect();
    let unknown: Vec<&str> = names.iter().map(String::as_str).filter(|n| !known_set.contains(n)).collect();
    if unknown.is_empty() {
        return;
    }
    let what = key.trim_end_matches('s');
    let listed = known.join(", ");
    for (name, (line, column)) in unknown.iter().zip(yaml::locate_all(header.yaml, header.yaml_line, key, &unknown)) {
        let hint = text::hint(name, known.iter().copied());
        let message = format!("unknown {what} `{name}`{hint}; site.yaml defines {listed}");
        diagnostics.push(Diagnostic::error(header.path, line, column, message));
    }
}

/// Checks ids, audiences and contexts; returns the index of every linkable id.
pub fn check(sources: &Sources, diagnostics: &mut Diagnostics) -> BTreeMap<String, IdKind> {
    let config = &sources.config;
    let mut index: BTreeMap<String, IdKind> =
        config.audiences.iter().map(|a| (a.id.clone(), IdKind::Audience)).collect();
    let audience_ids: Vec<&str> = config.audiences.iter().map(|a| a.id.as_str()).chain([ALL_AUDIENCES]).collect();
    let context_ids: Vec<&str> = config.contexts.iter().map(|c| c.id.as_str()).collect();
    let known = Known { audiences: &audience_ids, contexts: &context_ids };

    for content in sources.locales.values() {
        let mut seen: BTreeMap<&str, &Path> =
            config.audiences.iter().map(|a| (a.id.as_str(), sources.config_path.as_path())).collect();
        let articles = content.articles.iter().map(|d| Header {
            contexts: &d.meta.contexts,
            anchor_prefix: Some(&d.meta.anchor_prefix),
            ..Header::new(IdKind::Article, d, &d.meta.id, &d.meta.audiences)
        });
        let quizzes = content.quizzes.iter().map(|d| Header::new(IdKind::Quiz, d, &d.meta.id, &d.meta.audiences));
        let scenarios =
            content.scenarios.iter().map(|d| Header::new(IdKind::Scenario, d, &d.meta.id, &d.meta.audiences));
        for header in articles.chain(quizzes).chain(scenarios) {
            check_header(&header, &known, &mut seen, diagnostics);
            index.entry(header.id.to_owned()).or_insert(header.kind);
        }
        index_broken(content, &mut index);
        check_terms(content, &seen, &mut index, diagnostics);
    }
    index
}

/// The audience and context ids that front matter may name.
struct Known<'k> {
    audiences: &'k [&'k str],
    contexts: &'k [&'k str],
}

/// Checks one file's front matter: the audiences and contexts it names, its
/// id (a slug, not `seen` before in this locale) and its anchor prefix.
fn check_header<'a>(
    header: &Header<'a>,
    known: &Known<'_>,
    seen: &mut BTreeMap<&'a str, &'a Path>,
    diagnostics: &mut Diagnostics,
) {
    unknown_names(header, "audiences", header.audiences, known.audiences, diagnostics);
    unknown_names(header, "contexts", header.contexts, known.contexts, diagnostics);
    let mut report = |key: &str, token: &str, message: String| {
        let (line, column) = yaml::locate(header.yaml, header.yaml_line, key, token);
        diagnostics.push(Diagnostic::error(header.path, line, column, message));
    };
    let id = header.id;
    if !crate::config::is_slug(id) {
        report("id", id, format!("id `{id}` may contain only lower-case letters, digits and hyphens"));
    }
    if let Some(first) = seen.insert(id, header.path) {
        report("id", id, format!("duplicate id `{id}`: {} uses it too; every id must be unique", first.display()));
    }
    if header.audiences.is_empty() {
        report("audiences", "audiences", format!("`audiences` is empty; list who it is for, or `{ALL_AUDIENCES}`"));
    }
    if let Some(prefix) = header.anchor_prefix {
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_alphabetic()) {
            report(
                "anchor_prefix",
                prefix,
                format!("anchor_prefix `{prefix}` must be letters only, such as `r` or `u`"),
            );
        }
    }
}

/// Indexes the ids of files that could not be read, so that links to them
/// are not reported as well.
fn index_broken(content: &LocaleSources, index: &mut BTreeMap<String, IdKind>) {
    for broken in &content.broken {
        let kind = match broken.kind {
            BrokenKind::Article => IdKind::Article,
            BrokenKind::Quiz => IdKind::Quiz,
            BrokenKind::Scenario => IdKind::Scenario,
            BrokenKind::Glossary => IdKind::Term,
            BrokenKind::Other => continue,
        };
        for id in &broken.ids {
            index.entry(id.clone()).or_insert(kind);
        }
    }
}

/// Checks the glossary's term ids (slugs, unique within the glossary and
/// among the locale's other ids) and indexes them.
fn check_terms(
    content: &LocaleSources,
    seen: &BTreeMap<&str, &Path>,
    index: &mut BTreeMap<String, IdKind>,
    diagnostics: &mut Diagnostics,
) {
    let mut terms: BTreeMap<&str, usize> = BTreeMap::new();
    let path = content.glossary_path.as_deref().unwrap_or(Path::new("glossary.yaml"));
    for source in &content.glossary {
        let id = source.entry.id.as_str();
        let (line, column) = source.id_at;
        if !crate::config::is_slug(id) {
            let message = format!("id `{id}` may contain only lower-case letters, digits and hyphens");
            diagnostics.push(Diagnostic::error(path, line, column, message));
        }
        if let Some(first_line) = terms.insert(id, line) {
            diagnostics.push(Diagnostic::error(
                path,
                line,
                column,
                format!("duplicate id `{id}`: line {first_line} uses it too"),
            ));
        } else if let Some(other) = seen.get(id) {
            let message = format!("duplicate id `{id}`: {} uses it too; every id must be unique", other.display());
            diagnostics.push(Diagnostic::error(path, line, column, message));
        }
        index.entry(id.to_owned()).or_insert(IdKind::Term);
    }
}
