//! The page a web server shows for an address the site does not have
//! (`404.html`). It may be served from any folder, so its links start
//! from the site's path on its host.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use crate::model::{address, LocaleSite, Site};

pub struct NotFound;

#[derive(Serialize)]
struct Data {
    home_url: String,
}

impl PageKind for NotFound {
    fn name(&self) -> &'static str {
        "not_found"
    }
    fn template(&self) -> &'static str {
        "404.html"
    }
    fn once_per_site(&self) -> bool {
        true
    }
    fn address(&self, _site: &Site, _here: &LocaleSite, _instance: usize) -> String {
        String::new()
    }
    fn counterpart(&self, _site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::home(other)
    }
    fn output(&self, _address: &str) -> String {
        "404.html".to_owned()
    }
    fn root(&self, site: &Site, _address: &str) -> String {
        site.config.base_path.clone()
    }
    fn in_sitemap(&self) -> bool {
        false
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let data = Data { home_url: page.link(&address::home(page.locale)) };
        Content::new(page.t.get("not-found-title")?, String::new(), &data)
    }
}
