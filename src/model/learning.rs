//! Quizzes and scenario cards as the model holds them: checked, with their
//! rule references kept for the cross-reference check and the display order
//! of order questions fixed.

use std::path::PathBuf;

use super::{Origin, Scope};
use crate::content::Document;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Fragment, LinkTargets};
use crate::quiz::scenario::{reading_order, Outcome, ScenarioMeta, StepLines};
use crate::quiz::{QuestionKind, QuizLines, QuizMeta};

/// A citation of a rule (`regels-algemeen#r9`) or an article (`regels-algemeen`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRef {
    pub target: String,
    pub anchor: Option<String>,
    /// Where the citation is written, for messages.
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct Answer {
    pub text: String,
    pub correct: bool,
    pub feedback: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QuizQuestion {
    pub kind: QuestionKind,
    pub prompt: String,
    /// In the order written (for `order` questions, the correct order).
    pub answers: Vec<Answer>,
    /// The order in which the page shows the answers.
    pub display_order: Vec<usize>,
    pub explanation: Option<String>,
    pub refs: Vec<RuleRef>,
    /// Where the question and each of its options are written (line,
    /// column), for messages about them after the checks (QTI export).
    pub at: (usize, usize),
    pub prompt_at: (usize, usize),
    pub explanation_at: (usize, usize),
    pub options_at: Vec<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct Quiz {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub audiences: Vec<usize>,
    /// Pass mark in percent.
    pub pass: u8,
    pub order: i64,
    pub intro: Fragment,
    pub questions: Vec<QuizQuestion>,
    pub source: PathBuf,
    pub origin: Origin,
}

#[derive(Debug, Clone)]
pub struct ScenarioChoice {
    pub label: String,
    pub next: String,
}

#[derive(Debug, Clone)]
pub struct ScenarioStep {
    pub id: String,
    pub text: String,
    pub choices: Vec<ScenarioChoice>,
    pub outcome: Option<Outcome>,
    pub refs: Vec<RuleRef>,
}

#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub audiences: Vec<usize>,
    pub order: i64,
    pub intro: Fragment,
    pub start: String,
    /// In reading order, `start` first.
    pub steps: Vec<ScenarioStep>,
    pub source: PathBuf,
    pub origin: Origin,
}

/// Builds a quiz of the model from its checked file.
pub(super) fn quiz(
    doc: &Document<QuizMeta>,
    scope: Scope,
    links: &dyn LinkTargets,
    problems: &mut Vec<Diagnostic>,
) -> Quiz {
    let meta = &doc.meta;
    let lines = QuizLines::new(doc);
    let questions = meta
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| QuizQuestion {
            kind: question.kind,
            prompt: question.prompt.clone(),
            answers: question
                .options
                .iter()
                .map(|o| Answer { text: o.text.clone(), correct: o.correct, feedback: o.feedback.clone() })
                .collect(),
            display_order: if question.kind == QuestionKind::Order {
                crate::quiz::shuffled(&meta.id, q, question.options.len())
            } else {
                (0..question.options.len()).collect()
            },
            explanation: question.explanation.clone(),
            refs: question
                .refs
                .iter()
                .zip(lines.references(q, &question.refs))
                .map(|(r, at)| rule_ref(r, at))
                .collect(),
            at: lines.question(q, None),
            prompt_at: lines.question(q, Some("prompt")),
            explanation_at: lines.question(q, Some("explanation")),
            options_at: (0..question.options.len()).map(|o| lines.option(q, o)).collect(),
        })
        .collect();
    Quiz {
        id: meta.id.clone(),
        slug: doc.stem.clone(),
        title: meta.title.clone(),
        summary: meta.summary.clone(),
        audiences: scope.audiences,
        pass: meta.pass,
        order: meta.order,
        intro: intro(doc, &meta.id, links, problems),
        questions,
        source: doc.path.clone(),
        origin: Origin::Own,
    }
}

/// Builds a scenario card of the model from its checked file.
pub(super) fn scenario(
    doc: &Document<ScenarioMeta>,
    scope: Scope,
    links: &dyn LinkTargets,
    problems: &mut Vec<Diagnostic>,
) -> Scenario {
    let meta = &doc.meta;
    let lines = StepLines::new(doc);
    let steps = reading_order(meta)
        .into_iter()
        .map(|id| {
            let step = &meta.steps[&id];
            ScenarioStep {
                text: step.text.clone(),
                choices: step
                    .choices
                    .iter()
                    .map(|c| ScenarioChoice { label: c.label.clone(), next: c.next.clone() })
                    .collect(),
                outcome: step.outcome,
                refs: step.refs.iter().zip(lines.find_all(&id, &step.refs)).map(|(r, at)| rule_ref(r, at)).collect(),
                id,
            }
        })
        .collect();
    Scenario {
        id: meta.id.clone(),
        slug: doc.stem.clone(),
        title: meta.title.clone(),
        summary: meta.summary.clone(),
        audiences: scope.audiences,
        order: meta.order,
        intro: intro(doc, &meta.id, links, problems),
        start: meta.start.clone(),
        steps,
        source: doc.path.clone(),
        origin: Origin::Own,
    }
}

fn rule_ref(reference: &str, (line, column): (usize, usize)) -> RuleRef {
    let (target, anchor) = crate::quiz::split_ref(reference);
    RuleRef { target: target.to_owned(), anchor: anchor.map(str::to_owned), line, column }
}

fn intro<M>(doc: &Document<M>, id: &str, links: &dyn LinkTargets, problems: &mut Vec<Diagnostic>) -> Fragment {
    let options = markdown::Options {
        path: &doc.path,
        first_line: doc.body_line,
        id_prefix: id,
        text_id: id,
        rules: None,
        links,
        glossary: None,
    };
    let rendered = markdown::render(&doc.body, &options);
    problems.extend(rendered.diagnostics);
    rendered.html
}
