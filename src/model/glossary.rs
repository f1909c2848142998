//! The glossary in the model: each locale's terms, rendered, with those it
//! lacks taken from another locale, and the linkers that find terms in texts.

use std::collections::BTreeMap;

use super::targets::Targets;
use super::{address, Origin, Term};
use crate::content::broken::BrokenKind;
use crate::content::Sources;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::markdown::glossary::{GlossaryLinker, TermPattern};

/// Per locale, what finds the glossary's terms in a text.
pub(super) fn linkers(sources: &Sources) -> BTreeMap<String, GlossaryLinker> {
    let config = &sources.config;
    config
        .locales
        .iter()
        .map(|locale| {
            let terms: Vec<TermPattern> = sources.locales[locale]
                .glossary
                .iter()
                .map(|g| TermPattern {
                    // What a found term links to after the glossary's address.
                    id: address::term_anchor(&g.entry.id),
                    words: std::iter::once(g.entry.term.clone()).chain(g.entry.aliases.iter().cloned()).collect(),
                    definition: crate::markdown::plain_text(&g.entry.definition),
                })
                .collect();
            (locale.clone(), GlossaryLinker::new(&terms, address::glossary(config, locale) + "#"))
        })
        .collect()
}

/// The terms of `locale`: its own, and the others' it lacks, shown from
/// their original with a warning; sorted by term.
pub(super) fn terms(
    sources: &Sources,
    locale: &str,
    targets: &BTreeMap<String, Targets>,
    diagnostics: &mut Diagnostics,
) -> Vec<Term> {
    let config = &sources.config;
    // Per locale, each term's entry by id (the first, when an id is repeated).
    let by_id: BTreeMap<&str, std::collections::HashMap<&str, &crate::content::GlossarySource>> = sources
        .locales
        .iter()
        .map(|(l, c)| (l.as_str(), c.glossary.iter().rev().map(|g| (g.entry.id.as_str(), g)).collect()))
        .collect();
    let mut ids: Vec<&str> = Vec::new();
    let mut listed = std::collections::HashSet::new();
    for l in std::iter::once(locale).chain(config.locales.iter().map(String::as_str)) {
        for g in &sources.locales[l].glossary {
            if listed.insert(g.entry.id.as_str()) {
                ids.push(&g.entry.id);
            }
        }
    }
    // A glossary that could not be read is already an error; its terms are
    // not missing translations.
    let unreadable = sources.locales[locale].broken.iter().any(|b| b.kind == BrokenKind::Glossary);
    let mut terms = Vec::new();
    for id in ids {
        let has = |l: &str| by_id.get(l).is_some_and(|terms| terms.contains_key(id));
        let Some(from) = std::iter::once(locale)
            .chain(std::iter::once(config.default_locale.as_str()))
            .chain(config.locales.iter().map(String::as_str))
            .find(|l| has(l))
            .map(str::to_owned)
        else {
            continue;
        };
        let content = &sources.locales[&from];
        let source = by_id[from.as_str()][id];
        let path = content.glossary_path.clone().unwrap_or_default();
        let origin = if from == locale { Origin::Own } else { Origin::Fallback { locale: from.clone() } };
        if origin != Origin::Own && !unreadable {
            diagnostics.push(Diagnostic::warning(
                &path,
                source.line,
                1,
                format!("term `{id}` is not translated into `{locale}` yet; add it to content/{locale}/glossary.yaml"),
            ));
        }
        let options = markdown::Options {
            path: &path,
            first_line: source.definition.line,
            id_prefix: id,
            text_id: id,
            rules: None,
            links: &targets[from.as_str()],
            glossary: None,
        };
        let rendered = markdown::render(&source.entry.definition, &options);
        if origin == Origin::Own {
            diagnostics.extend(rendered.diagnostics.into_iter().map(|d| source.definition.shift(d)));
        }
        terms.push(Term {
            id: id.to_owned(),
            term: source.entry.term.clone(),
            aliases: source.entry.aliases.clone(),
            definition: rendered.html,
            source: source.entry.source,
            definition_text: rendered.plain.text,
            origin,
        });
    }
    terms.sort_by(|a, b| (a.term.to_lowercase(), &a.id).cmp(&(b.term.to_lowercase(), &b.id)));
    terms
}
