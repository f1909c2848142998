//! A locale's home page: its text, the audiences to choose from, and the
//! ways into the protocol, quizzes and scenario cards.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::{text_outdated, untranslated, Untranslated};
use crate::model::{address, LocaleSite, Site};
use crate::render::learning::{self, QuizSummary, ScenarioSummary};

pub struct Home;

#[derive(Serialize)]
struct Data {
    home: Text,
    audiences: Vec<AudienceCard>,
    protocol_url: String,
    glossary_url: String,
    article_count: usize,
    quizzes_url: String,
    scenarios_url: String,
    quizzes: Vec<QuizSummary>,
    scenarios: Vec<ScenarioSummary>,
    /// On a board's site: its schools, each linking to its site's home.
    schools: Vec<SchoolLink>,
    /// Set when the home text follows an older version of its original.
    outdated: Option<Untranslated>,
}

#[derive(Serialize)]
struct Text {
    title: String,
    html: String,
}

#[derive(Serialize)]
struct SchoolLink {
    name: String,
    url: String,
}

#[derive(Serialize)]
struct AudienceCard {
    id: String,
    name: String,
    url: String,
    summary: String,
}

impl PageKind for Home {
    fn name(&self) -> &'static str {
        "home"
    }
    fn template(&self) -> &'static str {
        "home.html"
    }
    fn address(&self, _site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::home(&here.locale)
    }
    fn counterpart(&self, _site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::home(other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let (site, here, locale) = (page.site, page.here, page.locale);
        let config = &site.config;
        let (title, html, summary, notice) = match &here.home {
            Some(home) => (
                home.title.clone(),
                home.html.resolve(page.root, 0, ""),
                home.summary.clone().unwrap_or_default(),
                untranslated(&home.origin, page.root, address::home),
            ),
            None => (page.t.get("home-title-fallback")?, String::new(), String::new(), None),
        };
        let fallback = page.t.get("audience-card-fallback")?;
        let audiences = here
            .views
            .iter()
            .map(|view| {
                let audience = &config.audiences[view.audience];
                // site.yaml's line, else the intro page's summary, else the built-in line.
                let summary = audience
                    .summary
                    .get(locale)
                    .or_else(|| view.intro.as_ref()?.summary.as_ref())
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or(&fallback);
                AudienceCard {
                    id: audience.id.clone(),
                    name: audience.name[locale].clone(),
                    url: page.link(&address::audience(config, locale, view.audience)),
                    summary: summary.clone(),
                }
            })
            .collect();
        let data = Data {
            home: Text { title: title.clone(), html },
            audiences,
            protocol_url: page.link(&address::protocol(config, locale)),
            glossary_url: page.link(&address::glossary(config, locale)),
            article_count: here.articles.len(),
            quizzes_url: page.link(&address::quizzes(config, locale)),
            scenarios_url: page.link(&address::scenarios(config, locale)),
            quizzes: here.quizzes.iter().map(|q| learning::quiz_summary(page, q)).collect(),
            scenarios: here.scenarios.iter().map(|s| learning::scenario_summary(page, s)).collect(),
            schools: schools(page),
            outdated: here.home.as_ref().and_then(|home| text_outdated(home, page.root, address::home)),
        };
        Ok(Content::new(title, summary, &data)?.untranslated(notice))
    }
}

/// A board's schools: the home of each school's site in this locale, at its
/// own address (`base_url`), or in this output when `serve` shows them all.
fn schools(page: &Input<'_>) -> Vec<SchoolLink> {
    let config = &page.site.config;
    let home = address::home(page.locale);
    config
        .schools
        .iter()
        .map(|school| SchoolLink {
            name: school.name.clone(),
            url: if config.schools_local {
                page.link(&format!("{}/{home}", school.id))
            } else {
                format!("{}{home}", school.base_url)
            },
        })
        .collect()
}
