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
pub(super) mod kind;
mod language;
mod not_found;
mod protocol;
mod quiz;
mod quizzes;
mod scenario;
mod scenarios;
mod search;
pub(super) mod shared;

use crate::i18n::Messages;
use crate::model::{LocaleSite, Site};
pub use kind::{Input, PageKind, Shows, Splices};

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

    /// The register (form of address) of the page's messages.
    pub fn register(&self, site: &Site, messages: &Messages) -> Option<String> {
        let audiences = site.locale(&self.locale).map(|here| self.kind.audiences(here, self.instance));
        messages.register_for(&site.config, &self.locale, &audiences.unwrap_or_default())
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
                push_pages(&mut pages, site, here, *kind);
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
                push_pages(&mut pages, site, here, *kind);
            }
        }
    }
    pages
}

fn push_pages(pages: &mut Vec<Page>, site: &Site, here: &LocaleSite, kind: &'static dyn PageKind) {
    for instance in kind.instances(site, here) {
        let path = kind.address(site, here, instance);
        pages.push(Page { locale: here.locale.clone(), kind, instance, output: kind.output(&path), path });
    }
}

/// The template data of `page`, with the articles it shows in `splices`.
pub fn context(site: &Site, page: &Page, messages: &Messages, splices: &mut Splices) -> Result<tera::Context, String> {
    let here = site.locale(&page.locale).ok_or("unknown locale")?;
    let root = page.kind.root(site, &page.path);
    let t = messages.translator_in(&page.locale, page.register(site, messages).as_deref());
    let input = Input { site, here, locale: &page.locale, instance: page.instance, root: &root, t: &t, messages };
    let mut content = page.kind.content(&input, splices)?;
    let data = std::mem::take(&mut content.data);
    let mut context =
        tera::Context::from_serialize(common::common(&input, page, &mut content)?).map_err(|e| e.to_string())?;
    context.extend(data);
    Ok(context)
}
