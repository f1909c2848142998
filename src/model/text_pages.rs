//! A locale's text pages: the home page, the changelog and the audience
//! intros, each from its translation or, with a warning, its original; a
//! translation that follows an older version of its original is marked.

use std::collections::BTreeMap;

use super::targets::Targets;
use super::translations::{outdated_warning, source_locale};
use super::{Origin, TextPage};
use crate::content::{Document, LocaleSources, PageMeta, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown;

/// The text pages of one locale.
pub(super) struct TextPages {
    pub home: Option<TextPage>,
    pub changelog: Option<TextPage>,
    /// By audience id.
    pub intros: BTreeMap<String, TextPage>,
}

/// Renders the text pages of `locale`. Warnings about untranslated pages
/// come first, then the problems of the texts rendered from this locale.
pub(super) fn text_pages(
    sources: &Sources,
    locale: &str,
    targets: &BTreeMap<String, Targets>,
    diagnostics: &mut Diagnostics,
) -> TextPages {
    let config = &sources.config;
    let mut problems = Vec::new();
    let mut text_page = |get: &dyn Fn(&LocaleSources) -> Option<&Document<PageMeta>>,
                         folder: &str,
                         prefix: &str,
                         diagnostics: &mut Diagnostics| {
        let (doc, origin) = text_page_with_fallback(sources, locale, folder, get, diagnostics)?;
        let from = origin.fallback_locale().unwrap_or(locale);
        let options = markdown::Options {
            path: &doc.path,
            first_line: doc.body_line,
            id_prefix: prefix,
            text_id: prefix,
            rules: None,
            links: &targets[from],
            glossary: None,
        };
        let rendered = markdown::render(&doc.body, &options);
        let mut outdated = None;
        if origin == Origin::Own {
            problems.extend(rendered.diagnostics);
            let default = &config.default_locale;
            let original = get(&sources.locales[default]).filter(|_| locale != default);
            if let Some(warning) = original
                .zip(doc.meta.translated_from.as_deref())
                .and_then(|(original, recorded)| outdated_warning(doc, recorded, original))
            {
                problems.push(warning);
                outdated = Some(default.clone());
            }
        }
        let meta = &doc.meta;
        Some(TextPage {
            title: meta.title.clone(),
            summary: meta.summary.clone(),
            html: rendered.html,
            origin,
            outdated,
        })
    };
    let home = text_page(&|c| c.home.as_ref(), "", "home", diagnostics);
    let changelog = text_page(&|c| c.changelog.as_ref(), "", "changelog", diagnostics);
    let mut intros = BTreeMap::new();
    for audience in &config.audiences {
        let prefix = format!("intro-{}", audience.id);
        if let Some(page) = text_page(&|c| c.audience_intros.get(&audience.id), "audiences/", &prefix, diagnostics) {
            intros.insert(audience.id.clone(), page);
        }
    }
    diagnostics.extend(problems);
    TextPages { home, changelog, intros }
}

/// The home page or an audience intro of `locale`, or its original with a
/// warning when it is not translated.
fn text_page_with_fallback<'s>(
    sources: &'s Sources,
    locale: &str,
    folder: &str,
    get: &dyn Fn(&'s LocaleSources) -> Option<&'s Document<PageMeta>>,
    diagnostics: &mut Diagnostics,
) -> Option<(&'s Document<PageMeta>, Origin)> {
    let from = source_locale(sources, locale, |c| get(c).is_some())?;
    let doc = get(&sources.locales[&from])?;
    if from == locale {
        return Some((doc, Origin::Own));
    }
    let file = doc.path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    diagnostics.push(Diagnostic::warning(
        &doc.path,
        0,
        0,
        format!("not translated into `{locale}` yet: the page shows this text with a notice; add content/{locale}/{folder}{file}"),
    ));
    Some((doc, Origin::Fallback { locale: from }))
}
