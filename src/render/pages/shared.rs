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
    board_changed: bool,
}

/// How an article sits on its page: its headings moved down by
/// `heading_shift` levels, its ids after `id_prefix`, its section at
/// `#anchor` where a page shows several.
pub struct Placement<'a> {
    pub heading_shift: u8,
    pub id_prefix: &'a str,
    pub anchor: &'a str,
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
        anchor: placement.anchor.to_owned(),
        html: splices.token((index, article), page.root, placement.heading_shift, placement.id_prefix),
        rule_count: article.rule_count,
        audiences: audience_links(page, &article.audiences),
        contexts: context_links(page, &article.contexts),
        untranslated: untranslated(&article.origin, page.root, |from| address::article(config, from, &article.slug)),
        outdated: outdated(page.site, article, page.root),
        board_changed: article.board_changed,
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
        .zip(shared_page_ids(&shown))
        .map(|(&a, (anchor, prefix))| {
            let placement = Placement { heading_shift, id_prefix: &prefix, anchor: &anchor };
            article_view(page, a, &placement, splices)
        })
        .collect()
}

/// Ids that the default theme gives elements of the pages that show several
/// articles, besides those of every page (`address::PAGE_IDS`): the
/// headings of the contents, the filter and the view's parts; `group-1`,
/// `group-2`... head the groups of a view. No article's id on the page
/// takes one of them.
const SHARED_PAGE_IDS: [&str; 4] = ["toc-title", "filter-label", "finish-title", "learning-title"];

fn is_page_id(id: &str) -> bool {
    address::PAGE_IDS.contains(&id)
        || SHARED_PAGE_IDS.contains(&id)
        || id.strip_prefix("group-").is_some_and(|n| n.parse::<usize>().is_ok())
}

/// The anchor and the id prefix of each article on a page that shows
/// several. The anchor is the article's id, or `article-` and its id where
/// the page itself uses that id (`main`). The prefix is empty while the
/// article's own anchors are unique on the page, else its id and `-`, so
/// that articles which each number their rules from 1 can share a page.
fn shared_page_ids(articles: &[&Article]) -> Vec<(String, String)> {
    use std::borrow::Cow;
    let mut used: std::collections::HashSet<Cow<'_, str>> = std::collections::HashSet::new();
    let mut anchors = Vec::with_capacity(articles.len());
    for article in articles {
        let mut anchor = article.id.clone();
        while is_page_id(&anchor) || is_page_id(&format!("{anchor}-title")) || used.contains(anchor.as_str()) {
            anchor = format!("article-{anchor}");
        }
        used.insert(Cow::Owned(format!("{anchor}-title")));
        used.insert(Cow::Owned(anchor.clone()));
        anchors.push(anchor);
    }
    let prefixes = articles.iter().map(|article| {
        let ids = || article.rule_anchors.iter().chain(&article.heading_ids).chain(&article.note_ids);
        if ids().any(|a| used.contains(a.as_str()) || is_page_id(a)) {
            let prefix = format!("{}-", article.id);
            used.extend(ids().map(|a| Cow::Owned(format!("{prefix}{a}"))));
            prefix
        } else {
            used.extend(ids().map(|a| Cow::Borrowed(a.as_str())));
            String::new()
        }
    });
    let prefixes: Vec<String> = prefixes.collect();
    anchors.into_iter().zip(prefixes).collect()
}
