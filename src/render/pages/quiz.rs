//! One quiz: answerable on a phone, projectable in class (`?klas`) and
//! printable as a worksheet with an answer key.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::untranslated;
use crate::model::{address, LocaleSite, Site};
use crate::render::learning::{self, QuizData};

pub struct Quiz;

#[derive(Serialize)]
struct Data {
    quiz: QuizData,
}

impl PageKind for Quiz {
    fn name(&self) -> &'static str {
        "quiz"
    }
    fn template(&self) -> &'static str {
        "quiz.html"
    }
    fn instances(&self, _site: &Site, here: &LocaleSite) -> Vec<usize> {
        (0..here.quizzes.len()).collect()
    }
    fn address(&self, site: &Site, here: &LocaleSite, instance: usize) -> String {
        address::quiz(&site.config, &here.locale, &here.quizzes[instance].slug)
    }
    fn counterpart(&self, site: &Site, here: &LocaleSite, instance: usize, other: &str) -> String {
        let quiz = &here.quizzes[instance];
        let there = site.locale(other).and_then(|l| l.quizzes.iter().find(|q| q.id == quiz.id));
        address::quiz(&site.config, other, there.map_or(&quiz.slug, |q| &q.slug))
    }
    fn audiences(&self, here: &LocaleSite, instance: usize) -> Vec<usize> {
        here.quizzes[instance].audiences.clone()
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let quiz = &page.here.quizzes[page.instance];
        let config = &page.site.config;
        let notice = untranslated(&quiz.origin, page.root, |from| address::quiz(config, from, &quiz.slug));
        let data = Data { quiz: learning::quiz(page, quiz)? };
        Ok(Content::new(quiz.title.clone(), quiz.summary.clone().unwrap_or_default(), &data)?.untranslated(notice))
    }
}
