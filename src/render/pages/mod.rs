//! The kinds of page a site has, each declared once, in a file of its own:
//! which pages of the kind exist, each one's address, its template, its
//! template data as a typed struct, the articles it shows (what a rebuild
//! after an edit asks), its counterpart in another locale and whether it is
//! in the sitemap. `KINDS` lists them in the order the site's pages come.
//! The data every page has, whatever its kind, is in `common`.

mod acknowledgement;
mod article;
mod audience;
mod changelog;
pub(super) mod common;
mod glossary;
mod home;
mod language;
mod not_found;
mod protocol;
mod quiz;
mod quizzes;
mod scenario;
mod scenarios;
mod search;
pub(super) mod shared;

use serde::Serialize;

pub use super::splice::Splices;
use crate::i18n::{Messages, Translator};
use crate::model::{LocaleSite, Site};
use shared::Untranslated;

/// Every kind of page, in the order of the site's pages: the kinds with
/// one page per site come where that page comes, the others repeat per
/// locale in this order.
pub const KINDS: &[&dyn PageKind] = &[
    &language::Language,
    &home::Home,
    &protocol::Protocol,
    &article::Article,
    &audience::Audience,
    &glossary::Glossary,
    &search::Search,
    &changelog::Changelog,
    &acknowledgement::Acknowledgement,
    &quizzes::Quizzes,
    &quiz::Quiz,
    &scenarios::Scenarios,
    &scenario::Scenario,
    &not_found::NotFound,
];

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
    /// The template data of a page of this kind, beside what every page has.
    fn content(&self, page: &Input<'_>, splices: &mut Splices) -> Result<Content, String>;
}

/// One page to render.
#[derive(Clone)]
pub struct Page {
    pub locale: String,
    pub kind: &'static dyn PageKind,
    /// Which page of its kind in its locale.
    pub instance: usize,
    /// Root-relative address, `nl/protocol/`; empty for the site root.
    pub path: String,
    /// File to write, `nl/protocol/index.html`.
    pub output: String,
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} page {} ({}) at {}", self.kind.name(), self.instance, self.locale, self.output)
    }
}

impl Page {
    pub fn template(&self) -> &'static str {
        self.kind.template()
    }

    pub fn in_sitemap(&self) -> bool {
        self.kind.in_sitemap()
    }

    pub fn shows_many_articles(&self) -> bool {
        self.kind.shows_many_articles()
    }

    /// Whether the page shows an article of its locale for which `shown` holds.
    pub fn shows_article(&self, site: &Site, shown: impl Fn(usize) -> bool) -> bool {
        let Some(here) = site.locale(&self.locale) else { return false };
        match self.kind.shows(here, self.instance) {
            Shows::Nothing => false,
            Shows::EveryArticle => (0..here.articles.len()).any(shown),
            Shows::Articles(articles) => articles.into_iter().any(shown),
        }
    }
}

/// Every page of the site, in order.
pub fn pages(site: &Site) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut kinds = KINDS.iter().peekable();
    while let Some(kind) = kinds.next() {
        if kind.once_per_site() {
            if let Some(here) = site.locale(&site.config.default_locale) {
                push_pages(&mut pages, site, here, kind);
            }
            continue;
        }
        // A run of per-locale kinds repeats for every locale.
        let mut run = vec![*kind];
        while let Some(next) = kinds.next_if(|k| !k.once_per_site()) {
            run.push(*next);
        }
        for here in &site.locales {
            for kind in &run {
                push_pages(&mut pages, site, here, kind);
            }
        }
    }
    pages
}

fn push_pages(pages: &mut Vec<Page>, site: &Site, here: &LocaleSite, kind: &&'static dyn PageKind) {
    for instance in kind.instances(site, here) {
        let path = kind.address(site, here, instance);
        pages.push(Page { locale: here.locale.clone(), kind: *kind, instance, output: kind.output(&path), path });
    }
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

/// The template data of `page`, with the articles it shows in `splices`.
pub fn context(site: &Site, page: &Page, messages: &Messages, splices: &mut Splices) -> Result<tera::Context, String> {
    let here = site.locale(&page.locale).ok_or("unknown locale")?;
    let root = page.kind.root(site, &page.path);
    let t = messages.translator(&page.locale);
    let input = Input { site, here, locale: &page.locale, instance: page.instance, root: &root, t: &t, messages };
    let mut content = page.kind.content(&input, splices)?;
    let data = std::mem::take(&mut content.data);
    let mut context =
        tera::Context::from_serialize(common::common(&input, page, &mut content)?).map_err(|e| e.to_string())?;
    context.extend(data);
    Ok(context)
}
