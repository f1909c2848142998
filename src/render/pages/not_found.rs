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
    /// The same message in each other locale of the site: whoever lands
    /// here may read any of them.
    others: Vec<Other>,
}

#[derive(Serialize)]
struct Other {
    lang: String,
    title: String,
    text: String,
    home_label: String,
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
        let others = page
            .site
            .config
            .locales
            .iter()
            .filter(|l| *l != page.locale)
            .map(|l| {
                let t = page.messages.translator(l);
                Ok(Other {
                    lang: l.clone(),
                    title: t.get("not-found-title")?,
                    text: t.get("not-found-text")?,
                    home_label: t.get("back-home")?,
                    home_url: page.link(&address::home(l)),
                })
            })
            .collect::<Result<_, String>>()?;
        let data = Data { home_url: page.link(&address::home(page.locale)), others };
        Content::new(page.t.get("not-found-title")?, String::new(), &data)
    }
}
