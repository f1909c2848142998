//! One article of the protocol, with the articles before and after it.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Shows, Splices};
use super::shared::{article_view, outdated, untranslated, ArticleView, Placement, Untranslated};
use crate::model::{address, LocaleSite, Site};

pub struct Article;

#[derive(Serialize)]
struct Data {
    article: ArticleView,
    outdated: Option<Untranslated>,
    previous: Option<Neighbour>,
    next: Option<Neighbour>,
}

#[derive(Serialize)]
struct Neighbour {
    title: String,
    number: String,
    url: String,
    /// The locale of the title where the article is not yet translated, else empty.
    lang: String,
}

impl PageKind for Article {
    fn name(&self) -> &'static str {
        "article"
    }
    fn template(&self) -> &'static str {
        "article.html"
    }
    fn instances(&self, _site: &Site, here: &LocaleSite) -> Vec<usize> {
        (0..here.articles.len()).collect()
    }
    fn address(&self, site: &Site, here: &LocaleSite, instance: usize) -> String {
        address::article(&site.config, &here.locale, &here.articles[instance].slug)
    }
    fn counterpart(&self, site: &Site, here: &LocaleSite, instance: usize, other: &str) -> String {
        let article = &here.articles[instance];
        let slug = site.locale(other).and_then(|l| l.article(&article.id)).map_or(&article.slug, |a| &a.slug);
        address::article(&site.config, other, slug)
    }
    fn menu_parent(&self, site: &Site, locale: &str) -> Option<String> {
        Some(address::protocol(&site.config, locale))
    }
    fn audiences(&self, here: &LocaleSite, instance: usize) -> Vec<usize> {
        here.articles[instance].audiences.clone()
    }
    fn shows(&self, _here: &LocaleSite, instance: usize) -> Shows {
        Shows::Articles(vec![instance])
    }
    fn content(&self, page: &Input<'_>, splices: &mut Splices) -> Result<Content, String> {
        let (here, i) = (page.here, page.instance);
        let article = &here.articles[i];
        let config = &page.site.config;
        let neighbour = |j: Option<usize>| {
            let a = here.articles.get(j?)?;
            Some(Neighbour {
                title: a.title.clone(),
                number: a.number.clone().unwrap_or_default(),
                url: page.link(&address::article(config, page.locale, &a.slug)),
                lang: a.origin.fallback_locale().unwrap_or_default().to_owned(),
            })
        };
        let data = Data {
            article: article_view(
                page,
                (i, article),
                &Placement { heading_shift: 0, id_prefix: "", anchor: &article.id },
                splices,
            ),
            outdated: outdated(page.site, article, page.root),
            previous: neighbour(i.checked_sub(1)),
            next: neighbour(Some(i + 1)),
        };
        let notice = untranslated(&article.origin, page.root, |from| address::article(config, from, &article.slug));
        Ok(Content::new(article.title.clone(), article.summary.clone().unwrap_or_default(), &data)?
            .untranslated(notice))
    }
}
