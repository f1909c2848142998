//! Turning checked sources into the model: validating front matter against
//! `site.yaml`, rendering every text once (in parallel), pairing translations
//! and deriving the audience views.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{address, Article, AudienceView, ContextGroup, IdKind, LocaleSite, Origin, Site, Term, TextPage};
use crate::config::{Config, ALL_AUDIENCES};
use crate::content::{ArticleMeta, Document, LocaleSources, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::glossary::{GlossaryLinker, TermPattern};
use crate::markdown::{self, LinkTargets, Rendered};
use crate::{text, yaml};

/// The ids one locale can link to, with their addresses.
struct Targets {
    addresses: BTreeMap<String, String>,
}

impl LinkTargets for Targets {
    fn address(&self, id: &str) -> Option<String> {
        self.addresses.get(id).cloned()
    }
    fn known_ids(&self) -> Vec<&str> {
        self.addresses.keys().map(String::as_str).collect()
    }
}

/// Builds the model with every problem found on the way. The model is
/// complete even when there are errors, so that later checks can still
/// report theirs; it must not be rendered then.
pub fn build(sources: &Sources) -> (Site, Diagnostics) {
    let config = &sources.config;
    let mut diagnostics = Diagnostics::new();
    let index = check_ids(sources, &mut diagnostics);

    // Article slugs per locale, falling back to the locale the text comes from.
    let mut slugs: BTreeMap<&str, BTreeMap<&str, &str>> = BTreeMap::new();
    for (locale, content) in &sources.locales {
        for doc in &content.articles {
            slugs.entry(locale).or_default().entry(&doc.meta.id).or_insert(&doc.stem);
        }
    }
    let targets: BTreeMap<&str, Targets> = config
        .locales
        .iter()
        .map(|locale| {
            let mut addresses = BTreeMap::new();
            for (id, kind) in &index {
                let address = match kind {
                    IdKind::Article => source_locale(sources, locale, |c| c.articles.iter().any(|a| a.meta.id == *id))
                        .and_then(|from| slugs.get(from.as_str()).and_then(|s| s.get(id.as_str())))
                        .map(|slug| address::article(config, locale, slug)),
                    IdKind::Term => Some(format!("{}#{id}", address::glossary(config, locale))),
                    IdKind::Audience => {
                        config.audiences.iter().position(|a| a.id == *id).map(|i| address::audience(config, locale, i))
                    }
                };
                if let Some(address) = address {
                    addresses.insert(id.clone(), address);
                }
            }
            (locale.as_str(), Targets { addresses })
        })
        .collect();

    let linkers: BTreeMap<&str, GlossaryLinker> = config
        .locales
        .iter()
        .map(|locale| {
            let terms: Vec<TermPattern> = sources.locales[locale]
                .glossary
                .iter()
                .map(|g| TermPattern {
                    id: g.entry.id.clone(),
                    words: std::iter::once(g.entry.term.clone()).chain(g.entry.aliases.iter().cloned()).collect(),
                })
                .collect();
            (locale.as_str(), GlossaryLinker::new(&terms, address::glossary(config, locale) + "#"))
        })
        .collect();

    // Render every article of every locale in parallel.
    let jobs: Vec<(&str, &Document<ArticleMeta>)> = sources
        .locales
        .iter()
        .flat_map(|(locale, content)| content.articles.iter().map(move |doc| (locale.as_str(), doc)))
        .collect();
    let rendered: Vec<(Article, Vec<Diagnostic>)> = jobs
        .par_iter()
        .map(|(locale, doc)| {
            let mut problems = Vec::new();
            let article = article(config, doc, &targets[locale], &linkers[locale], &mut problems);
            (article, problems)
        })
        .collect();
    let mut own_articles: BTreeMap<&str, Vec<Article>> = BTreeMap::new();
    for ((locale, _), (article, problems)) in jobs.iter().zip(rendered) {
        diagnostics.extend(problems);
        own_articles.entry(locale).or_default().push(article);
    }

    let mut locales = Vec::new();
    for locale in &config.locales {
        let text_page = |doc: &Document<crate::content::PageMeta>,
                         prefix: &str,
                         origin: Origin,
                         problems: &mut Vec<Diagnostic>| {
            let from = origin.fallback_locale().unwrap_or(locale);
            let options = markdown::Options {
                path: &doc.path,
                first_line: doc.body_line,
                id_prefix: prefix,
                rules: None,
                links: &targets[from],
                glossary: None,
            };
            let rendered = markdown::render(&doc.body, &options);
            if origin == Origin::Own {
                problems.extend(rendered.diagnostics);
            }
            TextPage { title: doc.meta.title.clone(), summary: doc.meta.summary.clone(), html: rendered.html, origin }
        };
        let mut problems = Vec::new();

        let home = with_fallback(
            sources,
            locale,
            |c| c.home.as_ref(),
            |doc, origin| text_page(doc, "home", origin, &mut problems),
            &mut diagnostics,
            "the home page text",
        );

        let mut articles: Vec<Article> = own_articles.get(locale.as_str()).cloned().unwrap_or_default();
        let own_ids: BTreeSet<String> = articles.iter().map(|a| a.id.clone()).collect();
        for (id, kind) in &index {
            if *kind != IdKind::Article || own_ids.contains(id) {
                continue;
            }
            if let Some(from) = source_locale(sources, locale, |c| c.articles.iter().any(|a| a.meta.id == *id)) {
                let original =
                    own_articles[from.as_str()].iter().find(|a| a.id == *id).expect("source locale has the article");
                diagnostics.push(Diagnostic::warning(
                    &original.source,
                    0,
                    0,
                    format!(
                        "not translated into `{locale}` yet: its page shows this text with a notice; add content/{locale}/protocol/<name>.md with `id: {id}`"
                    ),
                ));
                articles.push(Article { origin: Origin::Fallback { locale: from.clone() }, ..original.clone() });
            }
        }
        articles.sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));

        let mut intros = BTreeMap::new();
        for audience in &config.audiences {
            let page = with_fallback(
                sources,
                locale,
                |c| c.audience_intros.get(&audience.id),
                |doc, origin| text_page(doc, &format!("intro-{}", audience.id), origin, &mut problems),
                &mut diagnostics,
                "the audience intro",
            );
            if let Some(page) = page {
                intros.insert(audience.id.clone(), page);
            }
        }
        diagnostics.extend(problems);

        let glossary = glossary(sources, locale, &targets, &mut diagnostics);
        let views = audience_views(config, &articles, &mut intros);
        locales.push(LocaleSite { locale: locale.clone(), home, articles, views, glossary });
    }

    (Site { config: config.clone(), locales, index }, diagnostics)
}

/// The locale whose text is shown in `locale`: itself when it has the
/// content, else the default locale, else the first locale that has it.
fn source_locale<'s>(sources: &'s Sources, locale: &str, has: impl Fn(&'s LocaleSources) -> bool) -> Option<String> {
    let config = &sources.config;
    std::iter::once(locale)
        .chain(std::iter::once(config.default_locale.as_str()))
        .chain(config.locales.iter().map(String::as_str))
        .find(|l| sources.locales.get(*l).is_some_and(&has))
        .map(str::to_owned)
}

fn with_fallback<'s, T>(
    sources: &'s Sources,
    locale: &str,
    get: impl Fn(&'s LocaleSources) -> Option<&'s Document<crate::content::PageMeta>>,
    mut make: impl FnMut(&'s Document<crate::content::PageMeta>, Origin) -> T,
    diagnostics: &mut Diagnostics,
    what: &str,
) -> Option<T> {
    let from = source_locale(sources, locale, |c| get(c).is_some())?;
    let doc = get(&sources.locales[&from])?;
    if from == locale {
        return Some(make(doc, Origin::Own));
    }
    let file = doc.path.components().rev().take_while(|c| c.as_os_str() != from.as_str()).collect::<Vec<_>>();
    let file: std::path::PathBuf = file.into_iter().rev().collect();
    diagnostics.push(Diagnostic::warning(
        &doc.path,
        0,
        0,
        format!("{what} is not translated into `{locale}` yet: the page shows this text with a notice; add content/{locale}/{}", file.display()),
    ));
    Some(make(doc, Origin::Fallback { locale: from }))
}

/// Checks front matter ids, audiences and contexts against `site.yaml`;
/// returns the index of every linkable id.
fn check_ids(sources: &Sources, diagnostics: &mut Diagnostics) -> BTreeMap<String, IdKind> {
    let config = &sources.config;
    let mut index: BTreeMap<String, IdKind> =
        config.audiences.iter().map(|a| (a.id.clone(), IdKind::Audience)).collect();
    let audience_ids: Vec<&str> = config.audiences.iter().map(|a| a.id.as_str()).chain([ALL_AUDIENCES]).collect();
    let context_ids: Vec<&str> = config.contexts.iter().map(|c| c.id.as_str()).collect();

    for content in sources.locales.values() {
        let mut seen: BTreeMap<&str, &Path> =
            config.audiences.iter().map(|a| (a.id.as_str(), sources.config_path.as_path())).collect();
        for doc in &content.articles {
            let meta = &doc.meta;
            let mut report = |key: &str, token: &str, message: String| {
                let (line, column) = yaml::locate(&doc.yaml, doc.yaml_line, key, token);
                diagnostics.push(Diagnostic::error(&doc.path, line, column, message));
            };
            if !crate::config::is_slug(&meta.id) {
                report(
                    "id",
                    &meta.id,
                    format!("id `{}` may contain only lower-case letters, digits and hyphens", meta.id),
                );
            }
            if let Some(first) = seen.insert(&meta.id, &doc.path) {
                report(
                    "id",
                    &meta.id,
                    format!("duplicate id `{}`: {} uses it too; every id must be unique", meta.id, first.display()),
                );
            }
            for audience in &meta.audiences {
                if !audience_ids.contains(&audience.as_str()) {
                    let hint = text::hint(audience, audience_ids.iter().copied());
                    report(
                        "audiences",
                        audience,
                        format!("unknown audience `{audience}`{hint}; site.yaml defines {}", audience_ids.join(", ")),
                    );
                }
            }
            if meta.audiences.is_empty() {
                report(
                    "audiences",
                    "audiences",
                    format!("`audiences` is empty; list who the article is for, or `{ALL_AUDIENCES}`"),
                );
            }
            for context in &meta.contexts {
                if !context_ids.contains(&context.as_str()) {
                    let hint = text::hint(context, context_ids.iter().copied());
                    report(
                        "contexts",
                        context,
                        format!("unknown context `{context}`{hint}; site.yaml defines {}", context_ids.join(", ")),
                    );
                }
            }
            if meta.anchor_prefix.is_empty() || !meta.anchor_prefix.chars().all(|c| c.is_ascii_alphabetic()) {
                report(
                    "anchor_prefix",
                    &meta.anchor_prefix,
                    format!("anchor_prefix `{}` must be letters only, such as `r` or `u`", meta.anchor_prefix),
                );
            }
            index.entry(meta.id.clone()).or_insert(IdKind::Article);
        }
        let mut terms: BTreeMap<&str, usize> = BTreeMap::new();
        for source in &content.glossary {
            let id = source.entry.id.as_str();
            let path = content.glossary_path.as_deref().unwrap_or(Path::new("glossary.yaml"));
            let (line, column) = yaml::locate(&content.glossary_yaml, 1, "id", id);
            let line = if line >= source.line { line } else { source.line };
            if !crate::config::is_slug(id) {
                diagnostics.push(Diagnostic::error(
                    path,
                    line,
                    column,
                    format!("id `{id}` may contain only lower-case letters, digits and hyphens"),
                ));
            }
            if let Some(first_line) = terms.insert(id, line) {
                diagnostics.push(Diagnostic::error(
                    path,
                    line,
                    column,
                    format!("duplicate id `{id}`: line {first_line} uses it too"),
                ));
            } else if let Some(other) = seen.get(id) {
                diagnostics.push(Diagnostic::error(
                    path,
                    line,
                    column,
                    format!("duplicate id `{id}`: {} uses it too; every id must be unique", other.display()),
                ));
            }
            index.entry(id.to_owned()).or_insert(IdKind::Term);
        }
    }
    index
}

fn article(
    config: &Config,
    doc: &Document<ArticleMeta>,
    targets: &Targets,
    linker: &GlossaryLinker,
    problems: &mut Vec<Diagnostic>,
) -> Article {
    let meta = &doc.meta;
    let options = markdown::Options {
        path: &doc.path,
        first_line: doc.body_line,
        id_prefix: &meta.id,
        rules: Some((meta.numbering, &meta.anchor_prefix)),
        links: targets,
        glossary: Some(linker),
    };
    let Rendered { html, rule_anchors, heading_ids, rule_count, references, diagnostics } =
        markdown::render(&doc.body, &options);
    problems.extend(diagnostics);
    let audiences = if meta.audiences.iter().any(|a| a == ALL_AUDIENCES) {
        (0..config.audiences.len()).collect()
    } else {
        config.audiences.iter().enumerate().filter(|(_, a)| meta.audiences.contains(&a.id)).map(|(i, _)| i).collect()
    };
    let contexts =
        config.contexts.iter().enumerate().filter(|(_, c)| meta.contexts.contains(&c.id)).map(|(i, _)| i).collect();
    Article {
        id: meta.id.clone(),
        slug: doc.stem.clone(),
        number: meta.number.clone(),
        title: meta.title.clone(),
        summary: meta.summary.clone(),
        audiences,
        contexts,
        order: meta.order,
        html,
        rule_anchors,
        heading_ids,
        rule_count,
        references,
        source: doc.path.clone(),
        origin: Origin::Own,
    }
}

fn glossary(
    sources: &Sources,
    locale: &str,
    targets: &BTreeMap<&str, Targets>,
    diagnostics: &mut Diagnostics,
) -> Vec<Term> {
    let config = &sources.config;
    let mut ids: Vec<&str> = Vec::new();
    for l in std::iter::once(locale).chain(config.locales.iter().map(String::as_str)) {
        for g in &sources.locales[l].glossary {
            if !ids.contains(&g.entry.id.as_str()) {
                ids.push(&g.entry.id);
            }
        }
    }
    let mut terms = Vec::new();
    for id in ids {
        let Some(from) = source_locale(sources, locale, |c| c.glossary.iter().any(|g| g.entry.id == id)) else {
            continue;
        };
        let content = &sources.locales[&from];
        let source = content.glossary.iter().find(|g| g.entry.id == id).expect("source locale has the term");
        let path = content.glossary_path.clone().unwrap_or_default();
        let origin = if from == locale { Origin::Own } else { Origin::Fallback { locale: from.clone() } };
        if origin != Origin::Own {
            diagnostics.push(Diagnostic::warning(
                &path,
                source.line,
                1,
                format!("term `{id}` is not translated into `{locale}` yet; add it to content/{locale}/glossary.yaml"),
            ));
        }
        let options = markdown::Options {
            path: &path,
            first_line: source.line,
            id_prefix: id,
            rules: None,
            links: &targets[from.as_str()],
            glossary: None,
        };
        let rendered = markdown::render(&source.entry.definition, &options);
        if origin == Origin::Own {
            diagnostics.extend(rendered.diagnostics);
        }
        terms.push(Term {
            id: id.to_owned(),
            term: source.entry.term.clone(),
            aliases: source.entry.aliases.clone(),
            definition: rendered.html,
            origin,
        });
    }
    terms.sort_by(|a, b| (a.term.to_lowercase(), &a.id).cmp(&(b.term.to_lowercase(), &b.id)));
    terms
}

/// For each audience, its articles grouped by the contexts they apply in;
/// groups in the order of their first article.
fn audience_views(config: &Config, articles: &[Article], intros: &mut BTreeMap<String, TextPage>) -> Vec<AudienceView> {
    config
        .audiences
        .iter()
        .enumerate()
        .map(|(audience, a)| {
            let mut groups: Vec<ContextGroup> = Vec::new();
            for (i, article) in articles.iter().enumerate().filter(|(_, art)| art.audiences.contains(&audience)) {
                match groups.iter_mut().find(|g| g.contexts == article.contexts) {
                    Some(group) => group.articles.push(i),
                    None => groups.push(ContextGroup { contexts: article.contexts.clone(), articles: vec![i] }),
                }
            }
            AudienceView { audience, intro: intros.remove(&a.id), groups }
        })
        .collect()
}
