//! A locale's search page; the index is written beside the pages
//! (`crate::search`).

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::{all_audiences, Link};
use crate::model::{address, LocaleSite, Site};

pub struct Search;

#[derive(Serialize)]
struct Data {
    search_index_url: String,
    audiences: Vec<Link>,
}

impl PageKind for Search {
    fn name(&self) -> &'static str {
        "search"
    }
    fn template(&self) -> &'static str {
        "search.html"
    }
    fn address(&self, site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::search(&site.config, &here.locale)
    }
    fn counterpart(&self, site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::search(&site.config, other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let data = Data { search_index_url: page.link(crate::search::FOLDER), audiences: all_audiences(page) };
        Content::new(page.t.get("search-title")?, String::new(), &data)
    }
}
