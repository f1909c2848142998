//! An audience's view: the articles that apply to it, grouped by the
//! contexts they apply in, with its quizzes and scenario cards; for an
//! onboarding audience, a reading path ending in the acknowledgement.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Shows, Splices};
use super::shared::{article_views, context_links, text_outdated, untranslated, ArticleView, Link, Untranslated};
use crate::model::{address, Article, LocaleSite, Site};
use crate::render::learning::{self, QuizSummary, ScenarioSummary};

pub struct Audience;

#[derive(Serialize)]
struct Data {
    audience: AudienceData,
    onboarding_quiz: Option<QuizLink>,
    acknowledgement_url: String,
    intro_html: String,
    /// Set when the intro follows an older version of its original.
    outdated: Option<Untranslated>,
    groups: Vec<Group>,
    /// The articles without numbered rules, after the groups.
    general: Vec<ArticleView>,
    article_count: usize,
    rule_count: usize,
    quizzes: Vec<QuizSummary>,
    scenarios: Vec<ScenarioSummary>,
}

#[derive(Serialize)]
struct AudienceData {
    id: String,
    name: String,
    url: String,
    title: String,
    summary: String,
    onboarding: bool,
}

#[derive(Serialize)]
struct QuizLink {
    title: String,
    url: String,
}

#[derive(Serialize)]
struct Group {
    label: String,
    contexts: Vec<Link>,
    articles: Vec<ArticleView>,
}

impl PageKind for Audience {
    fn name(&self) -> &'static str {
        "audience"
    }
    fn template(&self) -> &'static str {
        "audience.html"
    }
    fn instances(&self, _site: &Site, here: &LocaleSite) -> Vec<usize> {
        (0..here.views.len()).collect()
    }
    fn address(&self, site: &Site, here: &LocaleSite, instance: usize) -> String {
        address::audience(&site.config, &here.locale, here.views[instance].audience)
    }
    fn counterpart(&self, site: &Site, here: &LocaleSite, instance: usize, other: &str) -> String {
        address::audience(&site.config, other, here.views[instance].audience)
    }
    fn shows_many_articles(&self) -> bool {
        true
    }
    fn audiences(&self, here: &LocaleSite, instance: usize) -> Vec<usize> {
        vec![here.views[instance].audience]
    }
    fn shows(&self, here: &LocaleSite, instance: usize) -> Shows {
        Shows::Articles(here.views[instance].articles().collect())
    }
    fn content(&self, page: &Input<'_>, splices: &mut Splices) -> Result<Content, String> {
        let (site, here, locale) = (page.site, page.here, page.locale);
        let config = &site.config;
        let view = &here.views[page.instance];
        let audience = &config.audiences[view.audience];
        let url = page.link(&address::audience(config, locale, view.audience));
        let everywhere = page.t.get("context-everywhere")?;
        let shown: Vec<(usize, &Article)> = view.articles().map(|a| (a, &*here.articles[a])).collect();
        let mut rendered = article_views(page, &shown, 2, splices).into_iter();
        let groups = view
            .groups
            .iter()
            .map(|group| {
                let contexts = context_links(page, &group.contexts);
                let label = if contexts.is_empty() {
                    everywhere.clone()
                } else {
                    contexts.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" · ")
                };
                let articles = rendered.by_ref().take(group.articles.len()).collect();
                Group { label, contexts, articles }
            })
            .collect();
        let general = rendered.collect();
        let original_address = |from: &str| address::audience(config, from, view.audience);
        let outdated = view.intro.as_ref().and_then(|intro| text_outdated(intro, page.root, original_address));
        let (title, summary, intro_html, notice) = match &view.intro {
            Some(intro) => (
                intro.title.clone(),
                intro.summary.clone().unwrap_or_default(),
                intro.html.resolve(page.root, 0, ""),
                untranslated(&intro.origin, page.root, original_address),
            ),
            None => (audience.name[locale].clone(), String::new(), String::new(), None),
        };
        let (onboarding_quiz, acknowledgement_url) = if audience.onboarding {
            let quiz = view.quizzes.first().map(|&q| QuizLink {
                title: here.quizzes[q].title.clone(),
                url: page.link(&address::quiz(config, locale, &here.quizzes[q].slug)),
            });
            (quiz, page.link(&address::acknowledgement(config, locale, view.audience)))
        } else {
            (None, String::new())
        };
        let data = Data {
            audience: AudienceData {
                id: audience.id.clone(),
                name: audience.name[locale].clone(),
                url,
                title: title.clone(),
                summary: summary.clone(),
                onboarding: audience.onboarding,
            },
            onboarding_quiz,
            acknowledgement_url,
            intro_html,
            outdated,
            groups,
            general,
            article_count: view.article_count(),
            rule_count: shown.iter().map(|(_, a)| a.rule_count).sum(),
            quizzes: view.quizzes.iter().map(|&q| learning::quiz_summary(page, &here.quizzes[q])).collect(),
            scenarios: view.scenarios.iter().map(|&s| learning::scenario_summary(page, &here.scenarios[s])).collect(),
        };
        Ok(Content::new(title, summary, &data)?.untranslated(notice))
    }
}
