//! Turning checked sources into the model: validating front matter against
//! `site.yaml`, rendering every text once (in parallel), pairing translations
//! and deriving the audience views.

use rayon::prelude::*;
use std::collections::BTreeMap;

use super::reuse::{Glossaries, Recorder, Renders, Text};
use super::targets::{link_targets, Targets};
use super::text_pages::{text_pages, TextPages};
use super::translations::complete;
use super::views::audience_views;
use super::{ids, learning, Article, LocaleSite, Origin, Quiz, Scenario, Scope, Site};
use crate::content::broken::BrokenKind;
use crate::content::{ArticleBodies, ArticleMeta, Document, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::glossary::GlossaryLinker;
use crate::markdown::{self, Rendered};
use crate::{quiz, text};

/// What rendering a text needs to know of the rest of the site: where each
/// id lives and which words the glossary defines, per locale, and each
/// file's checked audiences and contexts. It changes only when ids, file
/// names, front matter or the glossary change.
pub struct Environment {
    targets: BTreeMap<String, Targets>,
    linkers: BTreeMap<String, GlossaryLinker>,
    scopes: std::collections::HashMap<std::path::PathBuf, Scope>,
}

impl Environment {
    /// Renders one article of `locale` as a full build would.
    pub fn article(&self, locale: &str, doc: &Document<ArticleMeta>) -> (Article, Vec<Diagnostic>) {
        self.article_with_body(locale, doc, &doc.body)
    }

    fn article_with_body(&self, locale: &str, doc: &Document<ArticleMeta>, body: &str) -> (Article, Vec<Diagnostic>) {
        let rendered = render_article(doc, body, &self.targets[locale], &self.linkers[locale]);
        let mut problems = Vec::new();
        (article(doc, rendered, self.scope(doc), &mut problems), problems)
    }

    /// [`Self::article_with_body`], from an earlier site's rendering when
    /// one holds here, else rendered and kept for the later sites.
    fn article_reusing(
        &self,
        locale: &str,
        doc: &Document<ArticleMeta>,
        body: &str,
        (renders, glossaries): (&Renders, &Glossaries),
    ) -> (Article, Vec<Diagnostic>) {
        let targets = &self.targets[locale];
        let meta = &doc.meta;
        let text = Text { first_line: doc.body_line, id: &meta.id, rules: (meta.numbering, &meta.anchor_prefix), body };
        let at = (locale, doc.path.as_path());
        let rendered = renders.find(glossaries, at, &text, targets).unwrap_or_else(|| {
            let recorder = Recorder::new(targets);
            let rendered = render_article(doc, body, &recorder, &self.linkers[locale]);
            renders.keep(glossaries, at, &text, recorder, &rendered);
            rendered
        });
        let mut problems = Vec::new();
        (article(doc, rendered, self.scope(doc), &mut problems), problems)
    }

    /// The checked audiences and contexts of a content file.
    fn scope<M>(&self, doc: &Document<M>) -> Scope {
        // Every file of the sources is checked before anything is built, and
        // a rebuild in `serve` keeps the environment only while front matter
        // stays as it was.
        debug_assert!(self.scopes.contains_key(&doc.path), "{} was not checked", doc.path.display());
        self.scopes.get(&doc.path).cloned().unwrap_or_default()
    }
}

/// Builds the model with every problem found on the way. The model is
/// complete even when there are errors, so that later checks can still
/// report theirs; it must not be rendered then.
pub fn build(sources: &Sources) -> (Site, Environment, Diagnostics) {
    build_with(sources, ArticleBodies::new(), None)
}

/// [`build`], with the articles' Markdown given apart from the sources
/// (`content::take_article_bodies`): each is let go as soon as it is
/// rendered, unless `renders` keeps it with its rendering for the other
/// sites of the build. Articles without a body here are rendered from
/// their document.
pub fn build_with(
    sources: &Sources,
    bodies: ArticleBodies,
    renders: Option<&Renders>,
) -> (Site, Environment, Diagnostics) {
    let config = &sources.config;
    let mut diagnostics = Diagnostics::new();
    let ids::Checked { index, scopes } = ids::check(sources, &mut diagnostics);
    validate_learning(sources, &mut diagnostics);
    let environment =
        Environment { targets: link_targets(sources, &index), linkers: super::glossary::linkers(sources), scopes };
    let articles = render_articles(sources, &environment, bodies, renders, &mut diagnostics);
    let (quizzes, scenarios) = build_learning(sources, &environment, &mut diagnostics);
    let own = Own { articles, quizzes, scenarios };
    let locales = config
        .locales
        .iter()
        .map(|locale| locale_site(sources, locale, &environment, &own, &mut diagnostics))
        .collect();
    // A broken file that is no quiz, card or glossary may have been an article.
    let unchecked = sources
        .locales
        .values()
        .flat_map(|c| &c.broken)
        .filter(|b| matches!(b.kind, BrokenKind::Article | BrokenKind::Other))
        .flat_map(|b| b.ids.iter().cloned())
        .collect();
    (Site { config: config.clone(), locales, index, unchecked }, environment, diagnostics)
}

/// Per locale, the articles, quizzes and scenario cards of its own files.
struct Own {
    articles: BTreeMap<String, Vec<std::sync::Arc<Article>>>,
    quizzes: BTreeMap<String, Vec<Quiz>>,
    scenarios: BTreeMap<String, Vec<Scenario>>,
}

/// Renders every article of every locale in parallel, each with its body
/// from `bodies` when given there, reusing what earlier sites of the build
/// rendered when `renders` keeps it.
fn render_articles(
    sources: &Sources,
    environment: &Environment,
    mut bodies: ArticleBodies,
    renders: Option<&Renders>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Vec<std::sync::Arc<Article>>> {
    let jobs: Vec<(&str, &Document<ArticleMeta>, Option<String>)> = sources
        .locales
        .iter()
        .flat_map(|(locale, content)| {
            let mut bodies = bodies.remove(locale).unwrap_or_default().into_iter();
            content.articles.iter().map(move |doc| (locale.as_str(), &**doc, bodies.next()))
        })
        .collect();
    let locales: Vec<&str> = jobs.iter().map(|(locale, _, _)| *locale).collect();
    let reuse = renders.map(|r| (r, r.glossaries(environment.linkers.iter())));
    let rendered: Vec<(Article, Vec<Diagnostic>)> = jobs
        .into_par_iter()
        .map(|(locale, doc, body)| {
            let body = body.as_deref().unwrap_or(&doc.body);
            match &reuse {
                Some((renders, glossaries)) => environment.article_reusing(locale, doc, body, (renders, glossaries)),
                None => environment.article_with_body(locale, doc, body),
            }
        })
        .collect();
    let mut own_articles: BTreeMap<String, Vec<std::sync::Arc<Article>>> = BTreeMap::new();
    let drifted = sources.overlay.as_ref().map(|o| &o.drifted);
    for (locale, (mut article, problems)) in locales.into_iter().zip(rendered) {
        diagnostics.extend(problems);
        article.board_changed = drifted.is_some_and(|d| d.contains(&article.source));
        own_articles.entry(locale.to_owned()).or_default().push(std::sync::Arc::new(article));
    }
    own_articles
}

/// The quizzes and scenario cards of each locale's own files.
fn build_learning(
    sources: &Sources,
    environment: &Environment,
    diagnostics: &mut Diagnostics,
) -> (BTreeMap<String, Vec<Quiz>>, BTreeMap<String, Vec<Scenario>>) {
    let (mut own_quizzes, mut own_scenarios) = (BTreeMap::new(), BTreeMap::new());
    for (locale, content) in &sources.locales {
        let mut problems = Vec::new();
        let links = &environment.targets[locale];
        let quizzes = content
            .quizzes
            .iter()
            .map(|doc| learning::quiz(doc, environment.scope(doc), links, &mut problems))
            .collect();
        let scenarios = content
            .scenarios
            .iter()
            .map(|doc| learning::scenario(doc, environment.scope(doc), links, &mut problems))
            .collect();
        own_quizzes.insert(locale.clone(), quizzes);
        own_scenarios.insert(locale.clone(), scenarios);
        diagnostics.extend(problems);
    }
    (own_quizzes, own_scenarios)
}

/// The site of one locale: its text pages, and its articles, quizzes and
/// scenario cards completed with the untranslated originals.
fn locale_site(
    sources: &Sources,
    locale: &str,
    environment: &Environment,
    own: &Own,
    diagnostics: &mut Diagnostics,
) -> LocaleSite {
    let config = &sources.config;
    let targets = &environment.targets;
    let TextPages { home, changelog, mut intros } = text_pages(sources, locale, targets, diagnostics);

    // A page whose file here could not be read is not also untranslated.
    let unread = |kind: BrokenKind| move |id: &str| is_broken(&sources.locales[locale], kind, id);
    let mut articles = complete(config, locale, &own.articles, "protocol", &unread(BrokenKind::Article), diagnostics);
    mark_outdated(sources, locale, &mut articles, diagnostics);
    let quizzes = complete(config, locale, &own.quizzes, "quiz", &unread(BrokenKind::Quiz), diagnostics);
    let scenarios = complete(config, locale, &own.scenarios, "scenarios", &unread(BrokenKind::Scenario), diagnostics);
    let glossary = super::glossary::terms(sources, locale, targets, diagnostics);
    let synonyms = sources.locales[locale].synonyms.clone();
    let mut site = LocaleSite {
        home,
        changelog,
        quizzes,
        scenarios,
        glossary,
        synonyms,
        ..LocaleSite::new(locale.to_owned(), articles)
    };
    site.views = audience_views(config, &site, &mut intros);
    site
}

/// Each quiz and card on its own, and each translation against its original.
fn validate_learning(sources: &Sources, diagnostics: &mut Diagnostics) {
    let config = &sources.config;
    let originals = &sources.locales[&config.default_locale];
    for (locale, content) in &sources.locales {
        for doc in &content.quizzes {
            diagnostics.extend(quiz::validate(doc));
            if *locale == config.default_locale {
                continue;
            }
            match originals.quizzes.iter().find(|o| o.meta.id == doc.meta.id) {
                Some(original) => diagnostics.extend(quiz::compare_translation(original, doc)),
                None if is_broken(originals, BrokenKind::Quiz, &doc.meta.id) => {}
                None => diagnostics.push(no_original(
                    doc,
                    &config.default_locale,
                    originals.quizzes.iter().map(|o| o.meta.id.as_str()),
                )),
            }
        }
        for doc in &content.scenarios {
            diagnostics.extend(quiz::scenario::validate(doc));
            if *locale == config.default_locale {
                continue;
            }
            match originals.scenarios.iter().find(|o| o.meta.id == doc.meta.id) {
                Some(original) => diagnostics.extend(quiz::scenario::compare_translation(original, doc)),
                None if is_broken(originals, BrokenKind::Scenario, &doc.meta.id) => {}
                None => diagnostics.push(no_original(
                    doc,
                    &config.default_locale,
                    originals.scenarios.iter().map(|o| o.meta.id.as_str()),
                )),
            }
        }
    }
}

/// Whether a file of `content` that could not be read defines `id` for a
/// page of `kind` (or for a page of a kind it could not tell).
fn is_broken(content: &crate::content::LocaleSources, kind: BrokenKind, id: &str) -> bool {
    content.broken.iter().any(|b| (b.kind == kind || b.kind == BrokenKind::Other) && b.ids.iter().any(|i| i == id))
}

/// A translation whose id names nothing in the default locale.
fn no_original<'a, M>(doc: &Document<M>, default_locale: &str, ids: impl Iterator<Item = &'a str>) -> Diagnostic
where
    M: HasId,
{
    let id = doc.meta.id();
    let (line, column) = crate::yaml::locate(&doc.yaml, doc.yaml_line, "id", id);
    Diagnostic::error(
        &doc.path,
        line,
        column,
        format!(
            "no `{default_locale}` original has id `{id}`{}; a translation uses the id of its original",
            text::hint(id, ids)
        ),
    )
}

/// Front matter with an id.
trait HasId {
    fn id(&self) -> &str;
}

impl HasId for quiz::QuizMeta {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for quiz::scenario::ScenarioMeta {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Translations whose `translated_from` no longer matches their original.
fn mark_outdated(
    sources: &Sources,
    locale: &str,
    articles: &mut [std::sync::Arc<Article>],
    diagnostics: &mut Diagnostics,
) {
    let default = &sources.config.default_locale;
    if locale == default {
        return;
    }
    let originals: std::collections::HashMap<&str, &Document<ArticleMeta>> =
        sources.locales[default].articles.iter().map(|d| (d.meta.id.as_str(), &**d)).collect();
    let translations = &sources.locales[locale].articles;
    for doc in translations {
        let (Some(recorded), Some(original)) = (&doc.meta.translated_from, originals.get(doc.meta.id.as_str())) else {
            continue;
        };
        let Some(warning) = super::translations::outdated_warning(doc, recorded, original) else {
            continue;
        };
        diagnostics.push(warning);
        if let Some(article) = articles.iter_mut().find(|a| a.id == doc.meta.id && a.origin == Origin::Own) {
            std::sync::Arc::make_mut(article).outdated = Some(default.clone());
        }
    }
}

/// The Markdown of an article rendered with the links and glossary of its site.
fn render_article(
    doc: &Document<ArticleMeta>,
    body: &str,
    targets: &dyn markdown::LinkTargets,
    linker: &GlossaryLinker,
) -> Rendered {
    let meta = &doc.meta;
    let options = markdown::Options {
        path: &doc.path,
        first_line: doc.body_line,
        // Plain ids: pages that show several articles make them unique.
        id_prefix: "",
        text_id: &meta.id,
        rules: Some((meta.numbering, &meta.anchor_prefix)),
        links: targets,
        glossary: Some(linker),
    };
    markdown::render(body, &options)
}

/// The article of `doc`, with its text as `rendered`.
fn article(doc: &Document<ArticleMeta>, rendered: Rendered, scope: Scope, problems: &mut Vec<Diagnostic>) -> Article {
    let meta = &doc.meta;
    let Rendered { html, rule_anchors, heading_ids, note_ids, plain, rule_count, references, diagnostics } = rendered;
    problems.extend(diagnostics);
    Article {
        id: meta.id.clone(),
        slug: doc.stem.clone(),
        number: meta.number.clone(),
        title: meta.title.clone(),
        summary: meta.summary.clone(),
        audiences: scope.audiences,
        contexts: scope.contexts,
        order: meta.order,
        html,
        anchor_prefix: meta.anchor_prefix.clone(),
        rule_anchors,
        heading_ids,
        note_ids,
        plain,
        outdated: None,
        board_changed: false,
        rule_count,
        references,
        source: doc.path.clone(),
        origin: Origin::Own,
    }
}
