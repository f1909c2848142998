//! The protocol's change log, when a locale has one (`changelog.md`).

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::{text_outdated, untranslated, Untranslated};
use crate::model::{address, LocaleSite, Site};

pub struct Changelog;

#[derive(Serialize)]
struct Data {
    changelog: Text,
    /// Set when the change log follows an older version of its original.
    outdated: Option<Untranslated>,
}

#[derive(Serialize)]
struct Text {
    title: String,
    html: String,
}

impl PageKind for Changelog {
    fn name(&self) -> &'static str {
        "changelog"
    }
    fn template(&self) -> &'static str {
        "changelog.html"
    }
    fn instances(&self, _site: &Site, here: &LocaleSite) -> Vec<usize> {
        if here.changelog.is_some() {
            vec![0]
        } else {
            Vec::new()
        }
    }
    fn address(&self, site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::changelog(&site.config, &here.locale)
    }
    fn counterpart(&self, site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::changelog(&site.config, other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let changelog = page.here.changelog.as_ref().ok_or("no change log")?;
        let config = &page.site.config;
        let notice = untranslated(&changelog.origin, page.root, |from| address::changelog(config, from));
        let data = Data {
            changelog: Text { title: changelog.title.clone(), html: changelog.html.resolve(page.root, 0, "") },
            outdated: text_outdated(changelog, page.root, |from| address::changelog(config, from)),
        };
        let description = changelog.summary.clone().unwrap_or_default();
        Ok(Content::new(changelog.title.clone(), description, &data)?.untranslated(notice))
    }
}
