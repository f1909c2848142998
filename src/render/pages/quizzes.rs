//! The list of a locale's quizzes, filterable by audience.

use serde::Serialize;

use super::kind::{Content, Input, PageKind, Splices};
use super::shared::{all_audiences, Link};
use crate::model::{address, LocaleSite, Site};
use crate::render::learning::{self, QuizSummary};

pub struct Quizzes;

#[derive(Serialize)]
struct Data {
    quizzes: Vec<QuizSummary>,
    audiences: Vec<Link>,
}

impl PageKind for Quizzes {
    fn name(&self) -> &'static str {
        "quizzes"
    }
    fn template(&self) -> &'static str {
        "quizzes.html"
    }
    fn address(&self, site: &Site, here: &LocaleSite, _instance: usize) -> String {
        address::quizzes(&site.config, &here.locale)
    }
    fn counterpart(&self, site: &Site, _here: &LocaleSite, _instance: usize, other: &str) -> String {
        address::quizzes(&site.config, other)
    }
    fn content(&self, page: &Input<'_>, _splices: &mut Splices) -> Result<Content, String> {
        let quizzes = page.here.quizzes.iter().map(|q| learning::quiz_summary(page, q)).collect();
        Content::new(page.t.get("quizzes-title")?, String::new(), &Data { quizzes, audiences: all_audiences(page) })
    }
}
