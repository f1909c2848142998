//! The pages of a site and the data each template sees (documented for theme
//! authors in docs/themes.md).

use serde::Serialize;
use serde_json::{json, Value};

use super::learning;
use super::splice::Splices;
use crate::i18n::Messages;
use crate::model::{address, Article, LocaleSite, Origin, Site};

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    Language,
    Home,
    Protocol,
    /// Index into the locale's articles.
    Article(usize),
    /// Index into the locale's audience views.
    Audience(usize),
    Glossary,
    Search,
    Changelog,
    /// Index into the locale's audience views (onboarding audiences only).
    Acknowledgement(usize),
    Quizzes,
    /// Index into the locale's quizzes.
    Quiz(usize),
    Scenarios,
    /// Index into the locale's scenario cards.
    Scenario(usize),
    NotFound,
}

/// One page to render.
#[derive(Debug, Clone)]
pub struct Page {
    pub locale: String,
    pub kind: PageKind,
    pub template: &'static str,
    /// Root-relative address, `nl/protocol/`; empty for the site root.
    pub path: String,
    /// File to write, `nl/protocol/index.html`.
    pub output: String,
}

impl Page {
    fn new(locale: &str, kind: PageKind, template: &'static str, path: String) -> Self {
        let output = if kind == PageKind::NotFound { "404.html".to_owned() } else { format!("{path}index.html") };
        Page { locale: locale.to_owned(), kind, template, path, output }
    }

    pub fn in_sitemap(&self) -> bool {
        self.kind != PageKind::NotFound
    }

    /// Whether the page shows the text of many articles (the whole
    /// protocol, an audience's view): such a page's template data alone
    /// takes megabytes on a large site.
    pub fn shows_many_articles(&self) -> bool {
        matches!(self.kind, PageKind::Protocol | PageKind::Audience(_))
    }
}

/// Every page of the site.
pub fn pages(site: &Site) -> Vec<Page> {
    let config = &site.config;
    let mut pages = vec![Page::new(&config.default_locale, PageKind::Language, "language.html", String::new())];
    for locale_site in &site.locales {
        let locale = locale_site.locale.as_str();
        pages.push(Page::new(locale, PageKind::Home, "home.html", address::home(locale)));
        pages.push(Page::new(locale, PageKind::Protocol, "protocol.html", address::protocol(config, locale)));
        for (i, article) in locale_site.articles.iter().enumerate() {
            pages.push(Page::new(
                locale,
                PageKind::Article(i),
                "article.html",
                address::article(config, locale, &article.slug),
            ));
        }
        for (i, view) in locale_site.views.iter().enumerate() {
            pages.push(Page::new(
                locale,
                PageKind::Audience(i),
                "audience.html",
                address::audience(config, locale, view.audience),
            ));
        }
        pages.push(Page::new(locale, PageKind::Glossary, "glossary.html", address::glossary(config, locale)));
        pages.push(Page::new(locale, PageKind::Search, "search.html", address::search(config, locale)));
        if locale_site.changelog.is_some() {
            pages.push(Page::new(locale, PageKind::Changelog, "changelog.html", address::changelog(config, locale)));
        }
        for (i, view) in locale_site.views.iter().enumerate().filter(|(_, v)| config.audiences[v.audience].onboarding) {
            let path = address::acknowledgement(config, locale, view.audience);
            pages.push(Page::new(locale, PageKind::Acknowledgement(i), "acknowledgement.html", path));
        }
        pages.push(Page::new(locale, PageKind::Quizzes, "quizzes.html", address::quizzes(config, locale)));
        for (i, quiz) in locale_site.quizzes.iter().enumerate() {
            pages.push(Page::new(locale, PageKind::Quiz(i), "quiz.html", address::quiz(config, locale, &quiz.slug)));
        }
        pages.push(Page::new(locale, PageKind::Scenarios, "scenarios.html", address::scenarios(config, locale)));
        for (i, card) in locale_site.scenarios.iter().enumerate() {
            pages.push(Page::new(
                locale,
                PageKind::Scenario(i),
                "scenario.html",
                address::scenario(config, locale, &card.slug),
            ));
        }
    }
    pages.push(Page::new(&config.default_locale, PageKind::NotFound, "404.html", String::new()));
    pages
}

#[derive(Serialize)]
struct Link {
    id: String,
    name: String,
    url: String,
}

/// The page's counterpart address in another locale.
fn counterpart(site: &Site, page: &Page, locale: &str) -> String {
    let config = &site.config;
    let here = site.locale(&page.locale).expect("page locale exists");
    match page.kind {
        PageKind::Language | PageKind::NotFound | PageKind::Home => address::home(locale),
        PageKind::Protocol => address::protocol(config, locale),
        PageKind::Glossary => address::glossary(config, locale),
        PageKind::Audience(i) => address::audience(config, locale, here.views[i].audience),
        PageKind::Article(i) => {
            let id = &here.articles[i].id;
            let slug = site.locale(locale).and_then(|l| l.article(id)).map_or(&here.articles[i].slug, |a| &a.slug);
            address::article(config, locale, slug)
        }
        PageKind::Quizzes => address::quizzes(config, locale),
        PageKind::Scenarios => address::scenarios(config, locale),
        PageKind::Search => address::search(config, locale),
        PageKind::Changelog => address::changelog(config, locale),
        PageKind::Acknowledgement(i) => address::acknowledgement(config, locale, here.views[i].audience),
        PageKind::Quiz(i) => {
            let id = &here.quizzes[i].id;
            let other = site.locale(locale).and_then(|l| l.quizzes.iter().find(|q| q.id == *id));
            address::quiz(config, locale, other.map_or(&here.quizzes[i].slug, |q| &q.slug))
        }
        PageKind::Scenario(i) => {
            let id = &here.scenarios[i].id;
            let other = site.locale(locale).and_then(|l| l.scenarios.iter().find(|s| s.id == *id));
            address::scenario(config, locale, other.map_or(&here.scenarios[i].slug, |s| &s.slug))
        }
    }
}

fn root_for(site: &Site, page: &Page) -> String {
    if page.kind == PageKind::NotFound {
        return site.config.base_path.clone();
    }
    "../".repeat(page.path.matches('/').count())
}

pub(super) fn untranslated(origin: &Origin, root: &str, original_address: impl FnOnce(&str) -> String) -> Value {
    match origin {
        Origin::Own => Value::Null,
        Origin::Fallback { locale } => json!({ "lang": locale, "url": format!("{root}{}", original_address(locale)) }),
    }
}

/// The id prefix of each article on a page that shows several: empty while
/// its anchors are unique on the page, else the article's id, so that
/// articles which each number their rules from 1 can share a page.
fn shared_page_prefixes(articles: &[&Article]) -> Vec<String> {
    use std::borrow::Cow;
    let mut used: std::collections::HashSet<Cow<'_, str>> =
        articles.iter().map(|a| Cow::Borrowed(a.id.as_str())).collect();
    articles
        .iter()
        .map(|article| {
            let anchors = || article.rule_anchors.iter().chain(&article.heading_ids).chain(&article.note_ids);
            if anchors().any(|a| used.contains(a.as_str())) {
                let prefix = format!("{}-", article.id);
                used.extend(anchors().map(|a| Cow::Owned(format!("{prefix}{a}"))));
                prefix
            } else {
                used.extend(anchors().map(|a| Cow::Borrowed(a.as_str())));
                String::new()
            }
        })
        .collect()
}

/// The articles of a page that shows several, by their index in the
/// locale's articles.
fn article_views(
    site: &Site,
    locale: &str,
    articles: &[(usize, &Article)],
    root: &str,
    heading_shift: u8,
    splices: &mut Splices,
) -> Vec<Value> {
    let shown: Vec<&Article> = articles.iter().map(|(_, a)| *a).collect();
    let prefixes = shared_page_prefixes(&shown);
    articles
        .iter()
        .zip(prefixes)
        .map(|(&a, prefix)| article_view(site, locale, a, root, heading_shift, &prefix, splices))
        .collect()
}

/// An article as template data; its HTML is a token that the page's
/// writer replaces (`splice`).
fn article_view(
    site: &Site,
    locale: &str,
    (index, article): (usize, &Article),
    root: &str,
    heading_shift: u8,
    id_prefix: &str,
    splices: &mut Splices,
) -> Value {
    let config = &site.config;
    let audiences: Vec<Link> = article
        .audiences
        .iter()
        .map(|&a| Link {
            id: config.audiences[a].id.clone(),
            name: config.audiences[a].name[locale].clone(),
            url: format!("{root}{}", address::audience(config, locale, a)),
        })
        .collect();
    let contexts = context_links(site, locale, &article.contexts);
    json!({
        "id": article.id,
        "number": article.number.clone().unwrap_or_default(),
        "title": article.title,
        "summary": article.summary.clone().unwrap_or_default(),
        "url": format!("{root}{}", address::article(config, locale, &article.slug)),
        "anchor": article.id,
        "html": splices.token((index, article), root, heading_shift, id_prefix),
        "rule_count": article.rule_count,
        "audiences": audiences,
        "contexts": contexts,
        "untranslated": untranslated(&article.origin, root, |from| address::article(config, from, &article.slug)),
        "outdated": outdated(site, article, root),
    })
}

/// Contexts by index, as `{id, name}` in `locale`.
fn context_links(site: &Site, locale: &str, contexts: &[usize]) -> Vec<Link> {
    let config = &site.config;
    contexts
        .iter()
        .map(|&c| Link {
            id: config.contexts[c].id.clone(),
            name: config.contexts[c].name[locale].clone(),
            url: String::new(),
        })
        .collect()
}

/// `{lang, url}` of the current original of an out-of-date translation.
fn outdated(site: &Site, article: &Article, root: &str) -> Value {
    let Some(from) = &article.outdated else { return Value::Null };
    let slug = site.locale(from).and_then(|l| l.article(&article.id)).map_or(&article.slug, |a| &a.slug);
    json!({ "lang": from, "url": format!("{root}{}", address::article(&site.config, from, slug)) })
}

/// The template data of `page`, with the articles it shows in `splices`.
pub fn build(site: &Site, page: &Page, messages: &Messages, splices: &mut Splices) -> Result<Value, String> {
    let config = &site.config;
    let locale = page.locale.as_str();
    let t = messages.translator(locale);
    let language_name = |l: &str| messages.translator(l).get("language-name");
    let here: &LocaleSite = site.locale(locale).ok_or("unknown locale")?;
    let root = root_for(site, page);

    let alternates: Vec<Value> = config
        .locales
        .iter()
        .map(|other| {
            let path = counterpart(site, page, other);
            let name = language_name(other)?;
            Ok(json!({
                "lang": other,
                "name": name,
                "url": format!("{root}{path}"),
                "absolute_url": format!("{}{path}", config.base_url),
                "current": other == locale && page.kind != PageKind::Language,
            }))
        })
        .collect::<Result<_, String>>()?;

    let current_path = page.path.as_str();
    let mut nav =
        vec![(t.get("nav-home")?, address::home(locale)), (t.get("nav-protocol")?, address::protocol(config, locale))];
    for view in &here.views {
        nav.push((
            config.audiences[view.audience].name[locale].clone(),
            address::audience(config, locale, view.audience),
        ));
    }
    nav.push((t.get("nav-quizzes")?, address::quizzes(config, locale)));
    nav.push((t.get("nav-scenarios")?, address::scenarios(config, locale)));
    nav.push((t.get("nav-glossary")?, address::glossary(config, locale)));
    let nav: Vec<Value> = nav
        .into_iter()
        .map(|(label, path)| {
            let current = path == current_path
                || (matches!(page.kind, PageKind::Article(_)) && path == address::protocol(config, locale));
            json!({ "label": label, "url": format!("{root}{path}"), "current": current })
        })
        .collect();

    let mut untranslated_page = Value::Null;
    let mut specific = serde_json::Map::new();
    let (kind, title, description) = match page.kind {
        PageKind::Language => {
            let locales: Vec<Value> = config
                .locales
                .iter()
                .map(|l| Ok(json!({ "lang": l, "name": language_name(l)?, "title": config.title[l], "url": format!("{root}{}", address::home(l)) })))
                .collect::<Result<_, String>>()?;
            specific.insert("locales".into(), Value::Array(locales));
            ("language", config.title[locale].clone(), String::new())
        }
        PageKind::Home => {
            let (title, html, summary) = match &here.home {
                Some(home) => {
                    untranslated_page = untranslated(&home.origin, &root, address::home);
                    (home.title.clone(), home.html.resolve(&root, 0, ""), home.summary.clone().unwrap_or_default())
                }
                None => (t.get("home-title-fallback")?, String::new(), String::new()),
            };
            let audiences: Vec<Value> = here
                .views
                .iter()
                .map(|view| {
                    let audience = &config.audiences[view.audience];
                    json!({
                        "id": audience.id,
                        "name": audience.name[locale],
                        "url": format!("{root}{}", address::audience(config, locale, view.audience)),
                        "summary": view.intro.as_ref().and_then(|i| i.summary.clone()).unwrap_or_default(),
                    })
                })
                .collect();
            specific.insert("home".into(), json!({ "title": title, "html": html }));
            specific.insert("audiences".into(), Value::Array(audiences));
            specific.insert("protocol_url".into(), format!("{root}{}", address::protocol(config, locale)).into());
            specific.insert("glossary_url".into(), format!("{root}{}", address::glossary(config, locale)).into());
            specific.insert("article_count".into(), here.articles.len().into());
            specific.insert("quizzes_url".into(), format!("{root}{}", address::quizzes(config, locale)).into());
            specific.insert("scenarios_url".into(), format!("{root}{}", address::scenarios(config, locale)).into());
            let quizzes: Vec<Value> =
                here.quizzes.iter().map(|q| learning::quiz_summary(site, here, &root, q)).collect();
            let scenarios: Vec<Value> =
                here.scenarios.iter().map(|s| learning::scenario_summary(site, here, &root, s)).collect();
            specific.insert("quizzes".into(), Value::Array(quizzes));
            specific.insert("scenarios".into(), Value::Array(scenarios));
            ("home", title, summary)
        }
        PageKind::Protocol => {
            let shown: Vec<(usize, &Article)> = here.articles.iter().map(|a| &**a).enumerate().collect();
            let articles = article_views(site, locale, &shown, &root, 1, splices);
            specific.insert("articles".into(), Value::Array(articles));
            ("protocol", t.get("protocol-title")?, String::new())
        }
        PageKind::Article(i) => {
            let article = &here.articles[i];
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| here.articles.get(j)).map_or(Value::Null, |a| {
                    json!({ "title": a.title, "number": a.number.clone().unwrap_or_default(), "url": format!("{root}{}", address::article(config, locale, &a.slug)) })
                })
            };
            specific.insert("article".into(), article_view(site, locale, (i, article), &root, 0, "", splices));
            specific.insert("outdated".into(), outdated(site, article, &root));
            specific.insert("previous".into(), neighbour(i.checked_sub(1)));
            specific.insert("next".into(), neighbour(Some(i + 1)));
            untranslated_page =
                untranslated(&article.origin, &root, |from| address::article(config, from, &article.slug));
            ("article", article.title.clone(), article.summary.clone().unwrap_or_default())
        }
        PageKind::Audience(i) => {
            let view = &here.views[i];
            let audience = &config.audiences[view.audience];
            let everywhere = t.get("context-everywhere")?;
            let shown: Vec<(usize, &Article)> =
                view.groups.iter().flat_map(|g| &g.articles).map(|&a| (a, &*here.articles[a])).collect();
            let mut rendered = article_views(site, locale, &shown, &root, 2, splices).into_iter();
            let groups: Vec<Value> = view
                .groups
                .iter()
                .map(|group| {
                    let contexts = context_links(site, locale, &group.contexts);
                    let label = if contexts.is_empty() {
                        everywhere.clone()
                    } else {
                        contexts.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" · ")
                    };
                    let articles: Vec<Value> = rendered.by_ref().take(group.articles.len()).collect();
                    json!({ "label": label, "contexts": contexts, "articles": articles })
                })
                .collect();
            let (intro_title, intro_summary, intro_html) = match &view.intro {
                Some(intro) => {
                    untranslated_page =
                        untranslated(&intro.origin, &root, |from| address::audience(config, from, view.audience));
                    (intro.title.clone(), intro.summary.clone().unwrap_or_default(), intro.html.resolve(&root, 0, ""))
                }
                None => (audience.name[locale].clone(), String::new(), String::new()),
            };
            let rule_count: usize =
                view.groups.iter().flat_map(|g| &g.articles).map(|&a| here.articles[a].rule_count).sum();
            specific.insert(
                "audience".into(),
                json!({
                    "id": audience.id,
                    "name": audience.name[locale],
                    "url": format!("{root}{}", address::audience(config, locale, view.audience)),
                    "title": intro_title,
                    "summary": intro_summary,
                    "onboarding": audience.onboarding,
                }),
            );
            let (quiz, acknowledgement) = if audience.onboarding {
                let quiz = view.quizzes.first().map_or(Value::Null, |&q| {
                    let quiz = &here.quizzes[q];
                    json!({ "title": quiz.title, "url": format!("{root}{}", address::quiz(config, locale, &quiz.slug)) })
                });
                (quiz, format!("{root}{}", address::acknowledgement(config, locale, view.audience)))
            } else {
                (Value::Null, String::new())
            };
            specific.insert("onboarding_quiz".into(), quiz);
            specific.insert("acknowledgement_url".into(), acknowledgement.into());
            specific.insert("intro_html".into(), intro_html.into());
            specific.insert("groups".into(), Value::Array(groups));
            specific.insert("article_count".into(), view.article_count().into());
            specific.insert("rule_count".into(), rule_count.into());
            let quizzes: Vec<Value> =
                view.quizzes.iter().map(|&q| learning::quiz_summary(site, here, &root, &here.quizzes[q])).collect();
            let scenarios: Vec<Value> = view
                .scenarios
                .iter()
                .map(|&s| learning::scenario_summary(site, here, &root, &here.scenarios[s]))
                .collect();
            specific.insert("quizzes".into(), Value::Array(quizzes));
            specific.insert("scenarios".into(), Value::Array(scenarios));
            ("audience", intro_title, intro_summary)
        }
        PageKind::Glossary => {
            let terms: Vec<Value> = here
                .glossary
                .iter()
                .map(|term| {
                    json!({
                        "id": term.id,
                        "term": term.term,
                        "aliases": term.aliases,
                        "definition_html": term.definition.resolve(&root, 0, ""),
                        "untranslated": untranslated(&term.origin, &root, |from| address::glossary(config, from)),
                    })
                })
                .collect();
            specific.insert("terms".into(), Value::Array(terms));
            ("glossary", t.get("glossary-title")?, String::new())
        }
        PageKind::Search => {
            specific.insert("search_index_url".into(), format!("{root}{}", crate::search::FOLDER).into());
            specific.insert("audiences".into(), all_audiences(site, locale, &root));
            ("search", t.get("search-title")?, String::new())
        }
        PageKind::Changelog => {
            let changelog = here.changelog.as_ref().ok_or("no change log")?;
            untranslated_page = untranslated(&changelog.origin, &root, |from| address::changelog(config, from));
            specific.insert(
                "changelog".into(),
                json!({ "title": changelog.title, "html": changelog.html.resolve(&root, 0, "") }),
            );
            ("changelog", changelog.title.clone(), changelog.summary.clone().unwrap_or_default())
        }
        PageKind::Acknowledgement(i) => {
            let view = &here.views[i];
            let audience = &config.audiences[view.audience];
            let articles: Vec<Value> = view
                .groups
                .iter()
                .flat_map(|g| &g.articles)
                .map(|&a| {
                    let article = &here.articles[a];
                    json!({
                        "id": article.id,
                        "title": article.title,
                        "number": article.number.clone().unwrap_or_default(),
                        "url": format!("{root}{}", address::article(config, locale, &article.slug)),
                    })
                })
                .collect();
            let quiz = view.quizzes.first().map_or(Value::Null, |&q| {
                let quiz = &here.quizzes[q];
                json!({ "id": quiz.id, "title": quiz.title, "url": format!("{root}{}", address::quiz(config, locale, &quiz.slug)), "pass": quiz.pass })
            });
            specific.insert(
                "audience".into(),
                json!({ "id": audience.id, "name": audience.name[locale], "url": format!("{root}{}", address::audience(config, locale, view.audience)) }),
            );
            specific.insert("articles".into(), Value::Array(articles));
            specific.insert("quiz".into(), quiz);
            ("acknowledgement", t.get("acknowledgement-title")?, String::new())
        }
        PageKind::Quizzes => {
            let quizzes: Vec<Value> =
                here.quizzes.iter().map(|q| learning::quiz_summary(site, here, &root, q)).collect();
            specific.insert("quizzes".into(), Value::Array(quizzes));
            specific.insert("audiences".into(), all_audiences(site, locale, &root));
            ("quizzes", t.get("quizzes-title")?, String::new())
        }
        PageKind::Quiz(i) => {
            let quiz = &here.quizzes[i];
            untranslated_page = untranslated(&quiz.origin, &root, |from| address::quiz(config, from, &quiz.slug));
            specific.insert("quiz".into(), learning::quiz(site, here, &root, quiz, &t)?);
            ("quiz", quiz.title.clone(), quiz.summary.clone().unwrap_or_default())
        }
        PageKind::Scenarios => {
            let cards: Vec<Value> = here.scenarios.iter().map(|s| learning::scenario(site, here, &root, s)).collect();
            specific.insert("scenarios".into(), Value::Array(cards));
            specific.insert("audiences".into(), all_audiences(site, locale, &root));
            ("scenarios", t.get("scenarios-title")?, String::new())
        }
        PageKind::Scenario(i) => {
            let card = &here.scenarios[i];
            untranslated_page = untranslated(&card.origin, &root, |from| address::scenario(config, from, &card.slug));
            specific.insert("scenario".into(), learning::scenario(site, here, &root, card));
            ("scenario", card.title.clone(), card.summary.clone().unwrap_or_default())
        }
        PageKind::NotFound => {
            specific.insert("home_url".into(), format!("{root}{}", address::home(locale)).into());
            ("not_found", t.get("not-found-title")?, String::new())
        }
    };

    let adopted_text = match config.adopted {
        Some(date) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("day", date.day);
            args.set("month", t.get(&format!("month-{}", date.month))?);
            args.set("year", date.year);
            t.format("date-long", Some(&args))?
        }
        None => String::new(),
    };
    let mut context = json!({
        "lang": locale,
        "root": root,
        "content_security_policy": super::policy::CONTENT_SECURITY_POLICY,
        "colors_stylesheet": super::policy::COLORS_STYLESHEET,
        "site": {
            "organisation": config.organisation,
            "title": config.title[locale],
            "colors": { "primary": config.colors.primary, "accent": config.colors.accent },
            "logo": config.logo.clone().unwrap_or_default(),
            "version": config.version.clone().unwrap_or_default(),
            "adopted": config.adopted.map(|d| d.to_string()).unwrap_or_default(),
            "adopted_text": adopted_text,
            "approved_by": config.approved_by.clone().unwrap_or_default(),
            "stylesheet": config.stylesheet.clone().unwrap_or_default(),
        },
        "page": {
            "kind": kind,
            "title": title,
            "description": description,
            "path": page.path,
            "url": format!("{}{}", config.base_url, page.path),
        },
        "alternates": alternates,
        "nav": nav,
        "search_url": format!("{root}{}", address::search(config, locale)),
        "changelog_url": if here.changelog.is_some() { format!("{root}{}", address::changelog(config, locale)) } else { String::new() },
        "untranslated": untranslated_page,
    });
    if let Value::Object(map) = &mut context {
        map.extend(specific);
    }
    Ok(context)
}

fn all_audiences(site: &Site, locale: &str, root: &str) -> Value {
    let config = &site.config;
    Value::Array(
        (0..config.audiences.len())
            .map(|a| {
                json!({
                    "id": config.audiences[a].id,
                    "name": config.audiences[a].name[locale],
                    "url": format!("{root}{}", address::audience(config, locale, a)),
                })
            })
            .collect(),
    )
}
