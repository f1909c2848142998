//! The site as plain data, built once from the sources and then only read:
//! articles per locale in protocol order with their translations paired by
//! id, audience views, the glossary, and the index of ids for links.

mod build;
mod glossary;
mod ids;
mod learning;
mod reuse;
mod targets;
mod text_pages;
mod translations;
mod views;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::config::Config;
use crate::markdown::{Fragment, PlainText, Reference};
pub use build::{build, build_with, Environment};
pub use learning::{Answer, Quiz, QuizQuestion, RuleRef, Scenario, ScenarioChoice, ScenarioStep};
pub use reuse::Renders;

/// Where a page's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Written in this locale.
    Own,
    /// Not yet translated: the text of `locale` is shown instead.
    Fallback { locale: String },
}

impl Origin {
    pub fn fallback_locale(&self) -> Option<&str> {
        match self {
            Origin::Own => None,
            Origin::Fallback { locale } => Some(locale),
        }
    }
}

/// Whom a page is for and where it applies: its front matter's `audiences`
/// and `contexts`, checked against `site.yaml` once (`ids::check`) and from
/// there on carried as indices into `Config::audiences` and
/// `Config::contexts`, in `site.yaml` order; every audience for `all`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub audiences: Vec<usize>,
    pub contexts: Vec<usize>,
}

/// A page of free text: the home page or an audience intro.
#[derive(Debug, Clone)]
pub struct TextPage {
    pub title: String,
    pub summary: Option<String>,
    pub html: Fragment,
    pub origin: Origin,
    /// The default locale, when this translation follows an older version
    /// of its original (as `Article::outdated`).
    pub outdated: Option<String>,
}

/// One article of the protocol in one locale.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    /// Last part of its URL, from the file name.
    pub slug: String,
    pub number: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    /// Indices into `Config::audiences`; every audience for `all`.
    pub audiences: Vec<usize>,
    /// Indices into `Config::contexts`, in `site.yaml` order.
    pub contexts: Vec<usize>,
    pub order: i64,
    pub html: Fragment,
    /// The letters before rule numbers in anchors (`r` in `r9`).
    pub anchor_prefix: String,
    pub rule_anchors: Vec<String>,
    pub heading_ids: Vec<String>,
    /// Ids of footnotes and their references.
    pub note_ids: Vec<String>,
    /// The text as readers see it, with the anchors of rules and headings (search).
    pub plain: PlainText,
    /// Set when this translation was made from an older text of its
    /// original: the locale of that original.
    pub outdated: Option<String>,
    /// On a school's site: this replacement follows an older text of the
    /// board's article.
    pub board_changed: bool,
    pub rule_count: usize,
    /// Links of this article into others, to check.
    pub references: Vec<Reference>,
    pub source: PathBuf,
    pub origin: Origin,
}

impl Article {
    pub fn has_anchor(&self, anchor: &str) -> bool {
        self.rule_anchors.iter().chain(&self.heading_ids).any(|a| a == anchor)
    }
}

/// A defined term.
#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub aliases: Vec<String>,
    pub definition: Fragment,
    /// Whether the definition is the protocol's text or an explanation.
    pub source: crate::content::TermSource,
    /// The definition as plain text, for search.
    pub definition_text: String,
    pub origin: Origin,
}

/// Articles of an audience that apply in the same contexts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextGroup {
    /// Indices into `Config::contexts`; empty for articles that apply everywhere.
    pub contexts: Vec<usize>,
    /// Indices into `LocaleSite::articles`, in protocol order.
    pub articles: Vec<usize>,
}

/// What one audience reads.
#[derive(Debug, Clone)]
pub struct AudienceView {
    /// Index into `Config::audiences`.
    pub audience: usize,
    pub intro: Option<TextPage>,
    /// The articles with numbered rules, in protocol order, by context.
    pub groups: Vec<ContextGroup>,
    /// The general text: the view's articles without numbered rules
    /// (introduction, definitions, ...), in protocol order, shown after the
    /// groups.
    pub general: Vec<usize>,
    /// Indices into `LocaleSite::quizzes` and `LocaleSite::scenarios`.
    pub quizzes: Vec<usize>,
    pub scenarios: Vec<usize>,
}

impl AudienceView {
    pub fn article_count(&self) -> usize {
        self.articles().count()
    }

    /// Every article of the view in reading order: the groups, then the
    /// general text.
    pub fn articles(&self) -> impl Iterator<Item = usize> + '_ {
        self.groups.iter().flat_map(|g| g.articles.iter().copied()).chain(self.general.iter().copied())
    }
}

/// Everything in one locale.
#[derive(Debug, Clone)]
pub struct LocaleSite {
    pub locale: String,
    pub home: Option<TextPage>,
    pub changelog: Option<TextPage>,
    /// In protocol order (`order`, then id).
    /// Shared, so that a rebuild's copy of the model costs little.
    pub articles: Vec<std::sync::Arc<Article>>,
    /// Article id to its index in `articles`.
    pub article_index: HashMap<String, usize>,
    pub views: Vec<AudienceView>,
    /// In `order`, then by id.
    pub quizzes: Vec<Quiz>,
    pub scenarios: Vec<Scenario>,
    /// Sorted by term.
    pub glossary: Vec<Term>,
    /// `synonyms.yaml`: a reader's word and the phrases of the text it stands for.
    pub synonyms: BTreeMap<String, Vec<String>>,
}

impl LocaleSite {
    pub fn new(locale: String, articles: Vec<std::sync::Arc<Article>>) -> LocaleSite {
        let article_index = articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        LocaleSite {
            locale,
            home: None,
            changelog: None,
            articles,
            article_index,
            views: Vec::new(),
            quizzes: Vec::new(),
            scenarios: Vec::new(),
            glossary: Vec::new(),
            synonyms: BTreeMap::new(),
        }
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index.get(id).map(|&i| &*self.articles[i])
    }
}

/// The whole site.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    /// In the order of `site.yaml`.
    pub locales: Vec<LocaleSite>,
    /// Every linkable id, per kind.
    pub index: IdIndex,
    /// Ids of article files that could not be read (already reported): what
    /// links to their anchors or cites them cannot be checked, and is not
    /// reported.
    pub unchecked: std::collections::BTreeSet<String>,
}

impl Site {
    /// Lets the articles' HTML go, once every page is written: the search
    /// index that follows reads only their text. The model is not read for
    /// pages again.
    pub fn release_article_html(&mut self) {
        for here in &mut self.locales {
            for article in &mut here.articles {
                if let Some(article) = std::sync::Arc::get_mut(article) {
                    article.html = Fragment::default();
                }
            }
        }
    }

    /// Lets the text of the articles of `locale` (an index into `locales`)
    /// go, once its search index is written.
    pub fn release_plain_text(&mut self, locale: usize) {
        for article in &mut self.locales[locale].articles {
            if let Some(article) = std::sync::Arc::get_mut(article) {
                article.plain = PlainText::default();
            }
        }
    }
}

/// What an id names. Each kind is a namespace of its own: an article may
/// share its id with an audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdKind {
    Article,
    Audience,
    Quiz,
    Scenario,
    Term,
}

impl IdKind {
    pub const ALL: [IdKind; 5] = [IdKind::Article, IdKind::Audience, IdKind::Quiz, IdKind::Scenario, IdKind::Term];

    /// The word for the kind in messages, and before an id in a link that
    /// names its kind (`audience:ouders`).
    pub fn word(self) -> &'static str {
        match self {
            IdKind::Article => "article",
            IdKind::Audience => "audience",
            IdKind::Quiz => "quiz",
            IdKind::Scenario => "scenario",
            IdKind::Term => "term",
        }
    }

    /// The kind a link names with `word:`.
    pub fn from_word(word: &str) -> Option<IdKind> {
        IdKind::ALL.into_iter().find(|k| k.word() == word)
    }

    /// The plural, as in "ids of articles must be unique".
    pub fn plural(self) -> &'static str {
        match self {
            IdKind::Article => "articles",
            IdKind::Audience => "audiences",
            IdKind::Quiz => "quizzes",
            IdKind::Scenario => "scenario cards",
            IdKind::Term => "glossary terms",
        }
    }
}

/// Every linkable id of the site, per kind.
#[derive(Debug, Clone, Default)]
pub struct IdIndex(BTreeMap<IdKind, std::collections::BTreeSet<String>>);

impl IdIndex {
    pub fn contains(&self, kind: IdKind, id: &str) -> bool {
        self.0.get(&kind).is_some_and(|ids| ids.contains(id))
    }

    /// The ids of one kind, sorted.
    pub fn ids(&self, kind: IdKind) -> impl Iterator<Item = &str> {
        self.0.get(&kind).into_iter().flatten().map(String::as_str)
    }

    /// Every (kind, id), by kind, then id.
    pub fn iter(&self) -> impl Iterator<Item = (IdKind, &str)> {
        self.0.iter().flat_map(|(kind, ids)| ids.iter().map(move |id| (*kind, id.as_str())))
    }

    fn insert(&mut self, kind: IdKind, id: &str) {
        self.0.entry(kind).or_default().insert(id.to_owned());
    }
}

impl Site {
    pub fn locale(&self, locale: &str) -> Option<&LocaleSite> {
        self.locales.iter().find(|l| l.locale == locale)
    }
}

/// Root-relative addresses of the site's pages.
pub mod address {
    use crate::config::Config;

    /// Ids that the default theme gives elements of every page: the skip
    /// link's target and the search field. No anchor of content takes one.
    pub const PAGE_IDS: [&str; 2] = ["main", "site-search-q"];

    /// The anchor of a glossary term on the glossary page: its id, or `term-`
    /// and its id where the page itself uses that id (`main`).
    pub fn term_anchor(id: &str) -> String {
        if PAGE_IDS.contains(&id) {
            format!("term-{id}")
        } else {
            id.to_owned()
        }
    }

    pub fn term(config: &Config, locale: &str, id: &str) -> String {
        format!("{}#{}", glossary(config, locale), term_anchor(id))
    }

    pub fn home(locale: &str) -> String {
        format!("{locale}/")
    }

    pub fn protocol(config: &Config, locale: &str) -> String {
        format!("{locale}/{}/", config.sections.protocol[locale])
    }

    pub fn article(config: &Config, locale: &str, slug: &str) -> String {
        format!("{locale}/{}/{slug}/", config.sections.protocol[locale])
    }

    pub fn glossary(config: &Config, locale: &str) -> String {
        format!("{locale}/{}/", config.sections.glossary[locale])
    }

    pub fn quizzes(config: &Config, locale: &str) -> String {
        format!("{locale}/{}/", config.sections.quiz[locale])
    }

    pub fn quiz(config: &Config, locale: &str, slug: &str) -> String {
        format!("{locale}/{}/{slug}/", config.sections.quiz[locale])
    }

    pub fn scenarios(config: &Config, locale: &str) -> String {
        format!("{locale}/{}/", config.sections.scenarios[locale])
    }

    pub fn scenario(config: &Config, locale: &str, slug: &str) -> String {
        format!("{locale}/{}/{slug}/", config.sections.scenarios[locale])
    }

    pub fn search(config: &Config, locale: &str) -> String {
        format!("{locale}/{}/", config.sections.search[locale])
    }

    pub fn changelog(config: &Config, locale: &str) -> String {
        format!("{locale}/{}/{}/", config.sections.protocol[locale], config.sections.changelog[locale])
    }

    pub fn acknowledgement(config: &Config, locale: &str, audience: usize) -> String {
        format!("{locale}/{}/{}/", config.audiences[audience].slug[locale], config.sections.acknowledgement[locale])
    }

    pub fn audience(config: &Config, locale: &str, audience: usize) -> String {
        format!("{locale}/{}/", config.audiences[audience].slug[locale])
    }
}
