//! The "I have read the protocol" form that ends an onboarding audience's
//! reading path: one per onboarding audience and locale.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use crate::model::{address, LocaleSite, Site};

pub struct Acknowledgement;

#[derive(Serialize)]
struct Data {
    audience: AudienceLink,
    articles: Vec<ArticleLink>,
    quiz: Option<QuizLink>,
}

#[derive(Serialize)]
struct AudienceLink {
    id: String,
    name: String,
    url: String,
}

#[derive(Serialize)]
struct ArticleLink {
    id: String,
    title: String,
    number: String,
    url: String,
}

#[derive(Serialize)]
struct QuizLink {
    id: String,
    title: String,
    url: String,
    pass: u8,
    /// How many questions: a stored score of another number is not this quiz's.
    questions: usize,
}

impl PageKind for Acknowledgement {
    fn name(&self) -> &'static str {
        "acknowledgement"
    }
    fn template(&self) -> &'static str {
        "acknowledgement.html"
    }
    /// The views of onboarding audiences.
    fn instances(&self, site: &Site, here: &LocaleSite) -> Vec<usize> {
        (0..here.views.len()).filter(|&v| site.config.audiences[here.views[v].audience].onboarding).collect()
    }
    fn address(&self, site: &Site, here: &LocaleSite, instance: usize) -> String {
        address::acknowledgement(&site.config, &here.locale, here.views[instance].audience)
    }
    fn counterpart(&self, site: &Site, here: &LocaleSite, instance: usize, other: &str) -> String {
        address::acknowledgement(&site.config, other, here.views[instance].audience)
    }
    fn audiences(&self, here: &LocaleSite, instance: usize) -> Vec<usize> {
        vec![here.views[instance].audience]
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let (here, locale) = (page.here, page.locale);
        let config = &page.site.config;
        let view = &here.views[page.instance];
        let audience = &config.audiences[view.audience];
        let articles = view
            .articles()
            .map(|a| {
                let article = &here.articles[a];
                ArticleLink {
                    id: article.id.clone(),
                    title: article.title.clone(),
                    number: article.number.clone().unwrap_or_default(),
                    url: page.link(&address::article(config, locale, &article.slug)),
                }
            })
            .collect();
        let quiz = view.quizzes.first().map(|&q| {
            let quiz = &here.quizzes[q];
            QuizLink {
                id: quiz.id.clone(),
                title: quiz.title.clone(),
                url: page.link(&address::quiz(config, locale, &quiz.slug)),
                pass: quiz.pass,
                questions: quiz.questions.len(),
            }
        });
        let data = Data {
            audience: AudienceLink {
                id: audience.id.clone(),
                name: audience.name[locale].clone(),
                url: page.link(&address::audience(config, locale, view.audience)),
            },
            articles,
            quiz,
        };
        Content::new(page.t.get("acknowledgement-title")?, String::new(), &data)
    }
}
