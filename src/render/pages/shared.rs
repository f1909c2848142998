//! Template data that several kinds of page show: links to audiences and
//! contexts, articles as a page shows them, and the notices of texts shown
//! in another locale's words or translated from an older original.

use serde::Serialize;

pub use super::kind::Untranslated;
use super::kind::{Input, Splices};
use crate::model::{address, Article, Origin, Site, TextPage};

/// An audience or context, as lists and badges show it.
#[derive(Serialize)]
pub struct Link {
    pub id: String,
    pub name: String,
    pub url: String,
}

/// The direction of `locale`'s script, `rtl` or `ltr`, from its language
/// identifier (its likely script where it names none).
pub fn direction(locale: &str) -> &'static str {
    let rtl = locale
        .parse::<unic_langid::LanguageIdentifier>()
        .is_ok_and(|id| id.character_direction() == unic_langid::CharacterDirection::RTL);
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

/// The notice of a text shown in its original locale's words.
pub fn untranslated(
    origin: &Origin,
    root: &str,
    original_address: impl FnOnce(&str) -> String,
) -> Option<Untranslated> {
    match origin {
        Origin::Own => None,
        Origin::Fallback { locale } => Some(Untranslated {
            lang: locale.clone(),
            url: format!("{root}{}", original_address(locale)),
            dir: direction(locale),
        }),
    }
}

/// The notice of a translation made from an older text of its original.
pub fn outdated(site: &Site, article: &Article, root: &str) -> Option<Untranslated> {
    let from = article.outdated.as_ref()?;
    let slug = site.locale(from).and_then(|l| l.article(&article.id)).map_or(&article.slug, |a| &a.slug);
    Some(Untranslated {
        lang: from.clone(),
        url: format!("{root}{}", address::article(&site.config, from, slug)),
        dir: direction(from),
    })
}

/// The notice of a text page (home, change log, audience intro) translated
/// from an older text of its original.
pub fn text_outdated(
    text: &TextPage,
    root: &str,
    original_address: impl FnOnce(&str) -> String,
) -> Option<Untranslated> {
    let from = text.outdated.as_ref()?;
    Some(Untranslated { lang: from.clone(), url: format!("{root}{}", original_address(from)), dir: direction(from) })
}

/// Audiences by index, linked to their views.
pub fn audience_links(page: &Input<'_>, audiences: &[usize]) -> Vec<Link> {
    let config = &page.site.config;
    audiences
        .iter()
        .map(|&a| Link {
            id: config.audiences[a].id.clone(),
            name: config.audiences[a].name[page.locale].clone(),
            url: page.link(&address::audience(config, page.locale, a)),
        })
        .collect()
}

/// Every audience of the site, for the filters of lists.
pub fn all_audiences(page: &Input<'_>) -> Vec<Link> {
    let every: Vec<usize> = (0..page.site.config.audiences.len()).collect();
    audience_links(page, &every)
}

/// Contexts by index (they have no page: `url` is empty).
pub fn context_links(page: &Input<'_>, contexts: &[usize]) -> Vec<Link> {
    let config = &page.site.config;
    contexts
        .iter()
        .map(|&c| Link {
            id: config.contexts[c].id.clone(),
            name: config.contexts[c].name[page.locale].clone(),
            url: String::new(),
        })
        .collect()
}

/// An article as a page shows it; its HTML is a token that the page's
/// writer replaces (`splice`).
#[derive(Serialize)]
pub struct ArticleView {
    id: String,
    number: String,
    title: String,
    summary: String,
    url: String,
    anchor: String,
    html: String,
    rule_count: usize,
    audiences: Vec<Link>,
    contexts: Vec<Link>,
    untranslated: Option<Untranslated>,
    outdated: Option<Untranslated>,
}

/// How an article sits on its page: its headings moved down by
/// `heading_shift` levels, its ids after `id_prefix`.
pub struct Placement<'a> {
    pub heading_shift: u8,
    pub id_prefix: &'a str,
}

pub fn article_view(
    page: &Input<'_>,
    (index, article): (usize, &Article),
    placement: &Placement<'_>,
    splices: &mut Splices,
) -> ArticleView {
    let config = &page.site.config;
    ArticleView {
        id: article.id.clone(),
        number: article.number.clone().unwrap_or_default(),
        title: article.title.clone(),
        summary: article.summary.clone().unwrap_or_default(),
        url: page.link(&address::article(config, page.locale, &article.slug)),
        anchor: article.id.clone(),
        html: splices.token((index, article), page.root, placement.heading_shift, placement.id_prefix),
        rule_count: article.rule_count,
        audiences: audience_links(page, &article.audiences),
        contexts: context_links(page, &article.contexts),
        untranslated: untranslated(&article.origin, page.root, |from| address::article(config, from, &article.slug)),
        outdated: outdated(page.site, article, page.root),
    }
}

/// The articles of a page that shows several (by their index in the
/// locale's articles), their headings moved down by `heading_shift`.
pub fn article_views(
    page: &Input<'_>,
    articles: &[(usize, &Article)],
    heading_shift: u8,
    splices: &mut Splices,
) -> Vec<ArticleView> {
    let shown: Vec<&Article> = articles.iter().map(|(_, a)| *a).collect();
    articles
        .iter()
        .zip(shared_page_prefixes(&shown))
        .map(|(&a, prefix)| article_view(page, a, &Placement { heading_shift, id_prefix: &prefix }, splices))
        .collect()
}

/// The id prefix of each article on a page that shows several: empty while
/// its anchors are unique on the page, else the article's id, so that
/// articles which each number their rules from 1 can share a page.
fn shared_page_prefixes(articles: &[&Article]) -> Vec<String> {
    use std::borrow::Cow;
    let mut used: std::collections::HashSet<Cow<'_, str>> =
        articles.iter().map(|a| Cow::Borrowed(a.id.as_str())).collect();
    articles
        .iter()
        .map(|article| {
            let anchors = || article.rule_anchors.iter().chain(&article.heading_ids).chain(&article.note_ids);
            if anchors().any(|a| used.contains(a.as_str())) {
                let prefix = format!("{}-", article.id);
                used.extend(anchors().map(|a| Cow::Owned(format!("{prefix}{a}"))));
                prefix
            } else {
                used.extend(anchors().map(|a| Cow::Borrowed(a.as_str())));
                String::new()
            }
        })
        .collect()
}
