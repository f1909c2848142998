//! The front matter of quizzes (`quiz/*.md`) and scenario cards
//! (`scenarios/*.md`) as written; `crate::quiz` checks them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Front matter of `quiz/*.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizMeta {
    pub id: String,
    pub title: String,
    pub audiences: Vec<String>,
    pub pass: u8,
    #[serde(default)]
    pub order: i64,
    #[serde(default)]
    pub summary: Option<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<AnswerOption>,
    #[serde(default)]
    pub explanation: Option<String>,
    #[serde(default)]
    pub refs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multiple,
    Truefalse,
    Order,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    #[serde(default)]
    pub feedback: Option<String>,
}

/// Front matter of `scenarios/*.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioMeta {
    pub id: String,
    pub title: String,
    pub audiences: Vec<String>,
    #[serde(default)]
    pub order: i64,
    #[serde(default)]
    pub summary: Option<String>,
    pub start: String,
    pub steps: BTreeMap<String, Step>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub text: String,
    #[serde(default)]
    pub choices: Vec<Choice>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    #[serde(default)]
    pub refs: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: String,
    pub next: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Good,
    Bad,
    Neutral,
}
