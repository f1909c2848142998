//! The ids of a site: front matter checked against `site.yaml` (audiences,
//! contexts, anchor prefixes) once, into the indices the model carries from
//! there on; every id unique within its kind; and the index of the ids of
//! each kind.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::{IdIndex, IdKind, Scope};
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

/// The indices into `known` of the `names` under `key` (audiences or
/// contexts), sorted and each once; an error for each name `known` lacks,
/// placed in one pass over the front matter. `everything` is the name that
/// stands for every entry of `known` (`all` audiences).
fn checked_names(
    header: &Header<'_>,
    key: &str,
    names: &[String],
    (known, everything): (&[&str], Option<&str>),
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let position: HashMap<&str, usize> = known.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let indices: Vec<usize> = if everything.is_some_and(|all| names.iter().any(|n| n == all)) {
        (0..known.len()).collect()
    } else {
        let mut indices: Vec<usize> = names.iter().filter_map(|n| position.get(n.as_str()).copied()).collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    };
    let unknown: Vec<&str> =
        names.iter().map(String::as_str).filter(|n| !position.contains_key(n) && Some(*n) != everything).collect();
    if unknown.is_empty() {
        return indices;
    }
    let what = key.trim_end_matches('s');
    let listed: Vec<&str> = known.iter().copied().chain(everything).collect();
    let listed = listed.join(", ");
    for (name, (line, column)) in unknown.iter().zip(yaml::locate_all(header.yaml, header.yaml_line, key, &unknown)) {
        let hint = text::hint(name, known.iter().copied().chain(everything));
        let message = format!("unknown {what} `{name}`{hint}; site.yaml defines {listed}");
        diagnostics.push(Diagnostic::error(header.path, line, column, message));
    }
    indices
}

/// What checking the ids of the sources gives: every linkable id per kind,
/// and each content file's audiences and contexts as indices into
/// `site.yaml`'s lists.
pub struct Checked {
    pub index: IdIndex,
    pub scopes: HashMap<PathBuf, Scope>,
}

/// Checks ids, audiences and contexts; returns the index of every linkable
/// id and the checked audiences and contexts of every file. Each kind of id
/// is a namespace of its own, per locale.
pub fn check(sources: &Sources, diagnostics: &mut Diagnostics) -> Checked {
    let config = &sources.config;
    let mut index = IdIndex::default();
    for audience in &config.audiences {
        index.insert(IdKind::Audience, &audience.id);
    }
    let audience_ids: Vec<&str> = config.audiences.iter().map(|a| a.id.as_str()).collect();
    let context_ids: Vec<&str> = config.contexts.iter().map(|c| c.id.as_str()).collect();
    let known = Known { audiences: &audience_ids, contexts: &context_ids };
    let mut scopes = HashMap::new();

    for content in sources.locales.values() {
        let mut seen: BTreeMap<(IdKind, &str), &Path> = BTreeMap::new();
        let articles = content.articles.iter().map(|d| Header {
            contexts: &d.meta.contexts,
            anchor_prefix: Some(&d.meta.anchor_prefix),
            ..Header::new(IdKind::Article, d, &d.meta.id, &d.meta.audiences)
        });
        let quizzes = content.quizzes.iter().map(|d| Header::new(IdKind::Quiz, d, &d.meta.id, &d.meta.audiences));
        let scenarios =
            content.scenarios.iter().map(|d| Header::new(IdKind::Scenario, d, &d.meta.id, &d.meta.audiences));
        for header in articles.chain(quizzes).chain(scenarios) {
            let scope = check_header(&header, &known, &mut seen, diagnostics);
            scopes.insert(header.path.to_owned(), scope);
            index.insert(header.kind, header.id);
        }
        index_broken(content, &mut index);
        check_terms(content, &mut index, diagnostics);
    }
    Checked { index, scopes }
}

/// The audience and context ids that front matter may name.
struct Known<'k> {
    audiences: &'k [&'k str],
    contexts: &'k [&'k str],
}

/// Checks one file's front matter: the audiences and contexts it names, its
/// id (a slug, not `seen` before for its kind in this locale) and its anchor
/// prefix. Returns its audiences and contexts as indices.
fn check_header<'a>(
    header: &Header<'a>,
    known: &Known<'_>,
    seen: &mut BTreeMap<(IdKind, &'a str), &'a Path>,
    diagnostics: &mut Diagnostics,
) -> Scope {
    let audiences =
        checked_names(header, "audiences", header.audiences, (known.audiences, Some(ALL_AUDIENCES)), diagnostics);
    let contexts = checked_names(header, "contexts", header.contexts, (known.contexts, None), diagnostics);
    let mut report = |key: &str, token: &str, message: String| {
        let (line, column) = yaml::locate(header.yaml, header.yaml_line, key, token);
        diagnostics.push(Diagnostic::error(header.path, line, column, message));
    };
    let (id, kind) = (header.id, header.kind);
    if !crate::config::is_slug(id) {
        report("id", id, format!("id `{id}` may contain only lower-case letters, digits and hyphens"));
    }
    if let Some(first) = seen.insert((kind, id), header.path) {
        let message = format!(
            "duplicate {} id `{id}`: {} uses it too; ids of {} must be unique",
            kind.word(),
            first.display(),
            kind.plural()
        );
        report("id", id, message);
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
    Scope { audiences, contexts }
}

/// Indexes the ids of files that could not be read, so that links to them
/// are not reported as well.
fn index_broken(content: &LocaleSources, index: &mut IdIndex) {
    for broken in &content.broken {
        let kind = match broken.kind {
            BrokenKind::Article => IdKind::Article,
            BrokenKind::Quiz => IdKind::Quiz,
            BrokenKind::Scenario => IdKind::Scenario,
            BrokenKind::Glossary => IdKind::Term,
            BrokenKind::Other => continue,
        };
        for id in &broken.ids {
            index.insert(kind, id);
        }
    }
}

/// Checks the glossary's term ids (slugs, unique within the glossary) and
/// indexes them.
fn check_terms(content: &LocaleSources, index: &mut IdIndex, diagnostics: &mut Diagnostics) {
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
                format!(
                    "duplicate term id `{id}`: line {first_line} uses it too; ids of glossary terms must be unique"
                ),
            ));
        }
        index.insert(IdKind::Term, id);
    }
}
