//! The whole protocol of a locale, every article in order: also the
//! printed protocol.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Shows, Splices};
use super::shared::{article_views, ArticleView};
use crate::model::{address, Article, LocaleSite, Site};

pub struct Protocol;

#[derive(Serialize)]
struct Data {
    articles: Vec<ArticleView>,
}

impl PageKind for Protocol {
    fn name(&self) -> &'static str {
        "protocol"
    }
    fn template(&self) -> &'static str {
        "protocol.html"
    }
    fn address(&self, site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::protocol(&site.config, &here.locale)
    }
    fn counterpart(&self, site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::protocol(&site.config, other)
    }
    fn shows_many_articles(&self) -> bool {
        true
    }
    fn shows(&self, _here: &LocaleSite, _instance: usize) -> Shows {
        Shows::EveryArticle
    }
    fn content(&self, page: &Input<'_>, splices: &mut Splices) -> Result<Content, String> {
        let shown: Vec<(usize, &Article)> = page.here.articles.iter().map(|a| &**a).enumerate().collect();
        let data = Data { articles: article_views(page, &shown, 1, splices) };
        Content::new(page.t.get("protocol-title")?, String::new(), &data)
    }
}
