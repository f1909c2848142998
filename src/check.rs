//! Checks over the whole model that no single file can make: links and
//! `refs` to anchors in other articles, the accessibility of the site's
//! colours, and QR codes that would lead to an example address.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Article, IdKind, LocaleSite, Origin, RuleRef, Site};
use crate::text;

/// The links of some articles of `locale` (after only their text changed,
/// so that nothing else can have broken).
pub fn articles(site: &Site, locale: &str, ids: &[&str]) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    if let Some(here) = site.locale(locale) {
        let by_id = articles_by_id(here);
        for article in here.articles.iter().filter(|a| a.origin == Origin::Own && ids.contains(&a.id.as_str())) {
            article_links(site, &by_id, article, &mut diagnostics);
        }
    }
    diagnostics
}

/// Every cross-article problem of the site.
pub fn site(site: &Site) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    for locale in &site.locales {
        let by_id = articles_by_id(locale);
        for article in locale.articles.iter().filter(|a| a.origin == Origin::Own) {
            article_links(site, &by_id, article, &mut diagnostics);
        }
        // Quizzes and cards cite rules that exist.
        let quiz_refs =
            locale.quizzes.iter().filter(|q| q.origin == Origin::Own).flat_map(|q| {
                q.questions.iter().flat_map(|question| question.refs.iter()).map(move |r| (&q.source, r))
            });
        let card_refs = locale
            .scenarios
            .iter()
            .filter(|s| s.origin == Origin::Own)
            .flat_map(|s| s.steps.iter().flat_map(|step| step.refs.iter()).map(move |r| (&s.source, r)));
        for (source, reference) in quiz_refs.chain(card_refs).filter(|(_, r)| !site.unchecked.contains(&r.target)) {
            if let Some(message) = rule_reference_problem(site, &by_id, reference) {
                diagnostics.push(Diagnostic::error(source, reference.line, reference.column, message));
            }
        }
    }
    diagnostics
}

type ArticlesById<'a> = std::collections::HashMap<&'a str, &'a Article>;

fn articles_by_id(locale: &LocaleSite) -> ArticlesById<'_> {
    locale.articles.iter().map(|a| (a.id.as_str(), &**a)).collect()
}

/// Links of one article into others must name anchors that exist.
fn article_links(site: &Site, by_id: &ArticlesById<'_>, article: &Article, diagnostics: &mut Diagnostics) {
    for reference in article.references.iter().filter(|r| !site.unchecked.contains(&r.target)) {
        let is_article = site.index.contains(IdKind::Article, &reference.target);
        let message = match (is_article, by_id.get(reference.target.as_str())) {
            (true, Some(target)) if target.has_anchor(&reference.anchor) => continue,
            (true, Some(target)) => format!(
                "link to `{}#{}`, but `{}` has no anchor `{}`{}",
                reference.target,
                reference.anchor,
                reference.target,
                reference.anchor,
                text::hint(
                    &reference.anchor,
                    target.rule_anchors.iter().chain(&target.heading_ids).map(String::as_str)
                )
            ),
            _ => format!(
                "link to `{}#{}`: only articles have anchors; link to `{}` without `#{}`",
                reference.target, reference.anchor, reference.target, reference.anchor
            ),
        };
        diagnostics.push(Diagnostic::error(&article.source, reference.line, reference.column, message));
    }
}

/// Why a `refs` entry cites nothing, if it does not.
fn rule_reference_problem(site: &Site, by_id: &ArticlesById<'_>, reference: &RuleRef) -> Option<String> {
    let Some(article) = by_id.get(reference.target.as_str()) else {
        let articles = site.index.ids(IdKind::Article);
        return Some(format!(
            "`refs` cites `{}`, which is no article{}",
            reference.target,
            text::hint(&reference.target, articles)
        ));
    };
    let anchor = reference.anchor.as_deref()?;
    if article.has_anchor(anchor) {
        return None;
    }
    let anchors = article.rule_anchors.iter().map(String::as_str);
    Some(format!(
        "`refs` cites `{}#{anchor}`, but `{}` has no anchor `{anchor}`{}",
        article.id,
        article.id,
        text::hint(anchor, anchors)
    ))
}

/// The QR code on a quiz page for a class leads to the quiz at `base_url`:
/// with the starter's example address it leads nowhere. A warning at `base_url` in `site.yaml` when the site has a quiz with a QR
/// code (one for an audience with `classroom: true`) and `base_url` is an
/// address reserved for examples (RFC 2606), as the starter's is.
pub fn placeholder_address(site: &Site, config_path: &Path, config_text: &str) -> Option<Diagnostic> {
    let config = &site.config;
    let has_qr = site
        .locales
        .iter()
        .flat_map(|l| &l.quizzes)
        .any(|q| q.audiences.iter().any(|&a| config.audiences[a].classroom));
    if !has_qr || !is_example_address(config) {
        return None;
    }
    let (line, column) = config_text
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.strip_prefix("base_url:")
                .map(|rest| (i + 1, "base_url:".len() + rest.len() - rest.trim_start().len() + 1))
        })
        .unwrap_or((1, 1));
    Some(Diagnostic::warning(
        config_path,
        line,
        column,
        format!(
            "the QR codes on quiz pages lead to {}, an example address; set base_url to the address where the site will be published",
            config.base_url
        ),
    ))
}

fn is_example_address(config: &Config) -> bool {
    let Ok(url) = url::Url::parse(&config.base_url) else { return false };
    let Some(host) = url.host_str() else { return false };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    ["example.org", "example.com", "example.net"].iter().any(|d| host == *d || host.ends_with(&format!(".{d}")))
}
