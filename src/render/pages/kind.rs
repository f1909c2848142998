//! What a kind of page declares (`PageKind`), what it reads to make its
//! template data (`Input`) and what it gives (`Content`).

use serde::Serialize;

use crate::i18n::{Messages, Translator};
use crate::model::{LocaleSite, Site};
pub use crate::render::splice::Splices;

/// Which articles a page shows, for a rebuild after their text changed.
pub enum Shows {
    Nothing,
    /// Every article of the page's locale.
    EveryArticle,
    /// These, by index into the locale's articles.
    Articles(Vec<usize>),
}

/// A kind of page. Instances are numbered within a locale (the index of
/// the article, quiz, audience view... the page shows).
pub trait PageKind: Sync {
    /// The kind's name, `page.kind` in templates.
    fn name(&self) -> &'static str;
    /// Its template in the theme.
    fn template(&self) -> &'static str;
    /// Whether the site has one page of this kind (in the default locale)
    /// rather than one per locale.
    fn once_per_site(&self) -> bool {
        false
    }
    /// The pages of this kind in a locale.
    fn instances(&self, _site: &Site, _here: &LocaleSite) -> Vec<usize> {
        vec![0]
    }
    /// Root-relative address of an instance, `nl/protocol/`.
    fn address(&self, site: &Site, here: &LocaleSite, instance: usize) -> String;
    /// The same page in locale `other` (where the content is missing
    /// there, its address in this locale's words).
    fn counterpart(&self, site: &Site, here: &LocaleSite, instance: usize, other: &str) -> String;
    /// The file a page is written to.
    fn output(&self, address: &str) -> String {
        format!("{address}index.html")
    }
    /// The page's relative path up to the site root.
    fn root(&self, site: &Site, address: &str) -> String {
        let _ = site;
        "../".repeat(address.matches('/').count())
    }
    fn in_sitemap(&self) -> bool {
        true
    }
    /// Whether the page is in one locale (the language choice is in none).
    fn in_a_locale(&self) -> bool {
        true
    }
    /// The address of the menu item the page belongs under, besides its own.
    fn menu_parent(&self, _site: &Site, _locale: &str) -> Option<String> {
        None
    }
    /// Whether the page shows the text of many articles (the whole
    /// protocol, an audience's view): such a page's template data alone
    /// takes megabytes on a large site.
    fn shows_many_articles(&self) -> bool {
        false
    }
    fn shows(&self, _here: &LocaleSite, _instance: usize) -> Shows {
        Shows::Nothing
    }
    /// The audiences (indices into the site's) a page is for, whose
    /// register (form of address) it uses when they share one.
    fn audiences(&self, _here: &LocaleSite, _instance: usize) -> Vec<usize> {
        Vec::new()
    }
    /// The template data of a page of this kind, beside what every page has.
    fn content(&self, page: &Input<'_>, splices: &mut Splices) -> Result<Content, String>;
}

/// What a kind's `content` reads.
pub struct Input<'a> {
    pub site: &'a Site,
    pub here: &'a LocaleSite,
    pub locale: &'a str,
    pub instance: usize,
    /// Relative path from the page to the site root.
    pub root: &'a str,
    pub t: &'a Translator,
    pub messages: &'a Messages,
}

impl Input<'_> {
    /// `address` (root-relative) as a link from this page.
    pub fn link(&self, address: &str) -> String {
        format!("{}{address}", self.root)
    }
}

/// A kind's part of a page's template data.
pub struct Content {
    pub title: String,
    pub description: String,
    /// Set when the page's text is shown in another locale's words.
    pub untranslated: Option<Untranslated>,
    pub data: tera::Context,
}

impl Content {
    /// `data`, a typed struct of the kind's own, as template variables.
    pub fn new(title: String, description: String, data: &impl Serialize) -> Result<Content, String> {
        let data = tera::Context::from_serialize(data).map_err(|e| e.to_string())?;
        Ok(Content { title, description, untranslated: None, data })
    }

    pub fn untranslated(mut self, untranslated: Option<Untranslated>) -> Content {
        self.untranslated = untranslated;
        self
    }
}

/// `{lang, url}` of the original a page's text is shown in, or of the
/// current original of an out-of-date translation.
#[derive(Serialize)]
pub struct Untranslated {
    pub lang: String,
    pub url: String,
    /// The direction of `lang`'s script (`ltr`, `rtl`), for a page in a
    /// locale written the other way.
    pub dir: &'static str,
}
