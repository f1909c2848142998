//! The site root (`/`): it leads straight to the home page in the default
//! locale (a refresh, no script), and lists the languages for a browser that
//! does not follow it.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use crate::model::{address, LocaleSite, Site};

pub struct Language;

#[derive(Serialize)]
struct Data {
    locales: Vec<Choice>,
    default_url: String,
}

#[derive(Serialize)]
struct Choice {
    lang: String,
    name: String,
    title: String,
    url: String,
}

impl PageKind for Language {
    fn name(&self) -> &'static str {
        "language"
    }
    fn template(&self) -> &'static str {
        "language.html"
    }
    fn once_per_site(&self) -> bool {
        true
    }
    fn in_a_locale(&self) -> bool {
        false
    }
    fn address(&self, _site: &Site, _here: &LocaleSite, _instance: usize) -> String {
        String::new()
    }
    fn counterpart(&self, _site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::home(other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let config = &page.site.config;
        let locales = config
            .locales
            .iter()
            .map(|l| {
                Ok(Choice {
                    lang: l.clone(),
                    name: page.messages.language_name(l),
                    title: config.title[l].clone(),
                    url: page.link(&address::home(l)),
                })
            })
            .collect::<Result<_, String>>()?;
        let default_url = page.link(&address::home(&config.default_locale));
        Content::new(config.title[page.locale].clone(), String::new(), &Data { locales, default_url })
    }
}
