//! Quizzes and scenario cards: their front matter formats and every check
//! that one file, or one file and its translation, can be held to. The
//! pages are made by templates; nothing here writes HTML.

pub mod scenario;

use crate::content::Document;
use crate::diagnostic::Diagnostic;
use crate::yaml::{Outline, Span};

pub use crate::content::learning::{AnswerOption, Question, QuestionKind, QuizMeta};

/// Where the parts of a quiz file are, for messages: the outline of its
/// front matter and the spans of its questions, found once, so that
/// placing every question costs time linear in the file.
pub struct QuizLines<'a> {
    outline: Outline<'a>,
    first_line: usize,
    questions: Vec<Span>,
}

impl<'a> QuizLines<'a> {
    pub fn new<M>(doc: &'a Document<M>) -> Self {
        let outline = Outline::new(&doc.yaml, doc.yaml_line);
        let questions =
            outline.key(outline.whole(), "questions").map(|(_, span)| outline.items(span)).unwrap_or_default();
        QuizLines { outline, first_line: doc.yaml_line, questions }
    }

    /// (line, column) of question `q` (0-based), at its `key` if given.
    pub fn question(&self, q: usize, key: Option<&str>) -> (usize, usize) {
        let outline = &self.outline;
        let Some(span) = self.questions.get(q).copied() else { return (self.first_line, 1) };
        match key.and_then(|k| outline.key(span, k)) {
            Some((index, _)) => outline.find(Span { start: index, end: index + 1 }, key.unwrap_or_default()),
            None => (outline.line(span.start), 1),
        }
    }

    /// (line, column) of option `o` of question `q`.
    pub fn option(&self, q: usize, o: usize) -> (usize, usize) {
        let outline = &self.outline;
        let Some(span) = self.questions.get(q).copied() else { return (self.first_line, 1) };
        let options = outline.key(span, "options").map(|(_, s)| outline.items(s)).unwrap_or_default();
        options
            .get(o)
            .map_or((outline.line(span.start), 1), |s| outline.find(Span { start: s.start, end: s.start + 1 }, "-"))
    }

    /// (line, column) of each of `tokens` within question `q`'s `refs`,
    /// found in one pass in the order they are written.
    pub fn references(&self, q: usize, tokens: &[String]) -> Vec<(usize, usize)> {
        let outline = &self.outline;
        let Some(span) = self.questions.get(q).copied() else { return vec![(self.first_line, 1); tokens.len()] };
        let refs =
            outline.key(span, "refs").map_or(span, |(index, s)| Span { start: index, end: s.end.max(index + 1) });
        outline.find_all(refs, tokens)
    }
}

/// Checks one quiz on its own: pass mark, questions and their options.
pub fn validate(doc: &Document<QuizMeta>) -> Vec<Diagnostic> {
    let meta = &doc.meta;
    let lines = QuizLines::new(doc);
    let mut problems = Vec::new();
    let mut report = |(line, column): (usize, usize), message: String| {
        problems.push(Diagnostic::error(&doc.path, line, column, message))
    };
    if meta.pass > 100 {
        let outline = Outline::new(&doc.yaml, doc.yaml_line);
        report(outline.find(outline.whole(), "pass"), format!("pass mark {} is more than 100 percent", meta.pass));
    }
    if meta.questions.is_empty() {
        let outline = Outline::new(&doc.yaml, doc.yaml_line);
        report(
            outline.find(outline.whole(), "questions"),
            "the quiz has no questions; add at least one under `questions`".to_owned(),
        );
    }
    for (q, question) in meta.questions.iter().enumerate() {
        let n = q + 1;
        let correct = question.options.iter().filter(|o| o.correct).count();
        let at = lines.question(q, Some("type"));
        match question.kind {
            QuestionKind::Single | QuestionKind::Truefalse if correct != 1 => report(
                at,
                format!(
                    "question {n} ({}) has {correct} correct options; mark exactly one option with `correct: true`",
                    kind_name(question.kind)
                ),
            ),
            QuestionKind::Truefalse if question.options.len() != 2 => report(
                at,
                format!(
                    "question {n} (truefalse) has {} options; give exactly two, such as \"Waar\" and \"Niet waar\"",
                    question.options.len()
                ),
            ),
            QuestionKind::Multiple if correct == 0 => report(
                at,
                format!("question {n} (multiple) has no correct option; mark at least one with `correct: true`"),
            ),
            QuestionKind::Order if question.options.len() < 2 => report(
                at,
                format!(
                    "question {n} (order) has only {} item; list at least two, in the correct order",
                    question.options.len()
                ),
            ),
            QuestionKind::Order if correct > 0 => {
                let first = question.options.iter().position(|o| o.correct).unwrap_or(0);
                report(
                    lines.option(q, first),
                    format!("question {n} (order) marks an option correct; an order question lists its items in the correct order and marks none"),
                )
            }
            _ => {}
        }
        if question.options.len() < 2 && question.kind != QuestionKind::Order {
            report(
                at,
                format!("question {n} has only {} option; give at least two to choose from", question.options.len()),
            );
        }
        for (o, option) in question.options.iter().enumerate() {
            if option.text.trim().is_empty() {
                report(lines.option(q, o), format!("option {} of question {n} has no text", o + 1));
            }
        }
    }
    problems
}

pub fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::Truefalse => "truefalse",
        QuestionKind::Order => "order",
    }
}

/// Checks that a translation asks the same questions as its original.
pub fn compare_translation(original: &Document<QuizMeta>, translation: &Document<QuizMeta>) -> Vec<Diagnostic> {
    let (a, b) = (&original.meta, &translation.meta);
    let lines = QuizLines::new(translation);
    let mut problems = Vec::new();
    let source = original.path.display();
    if a.questions.len() != b.questions.len() {
        let outline = Outline::new(&translation.yaml, translation.yaml_line);
        let (line, column) = outline.find(outline.whole(), "questions");
        problems.push(Diagnostic::error(
            &translation.path,
            line,
            column,
            format!("this translation has {} questions, the original {source} has {}; a translation asks the same questions", b.questions.len(), a.questions.len()),
        ));
        return problems;
    }
    for (q, (qa, qb)) in a.questions.iter().zip(&b.questions).enumerate() {
        let n = q + 1;
        let differs = if qa.kind != qb.kind {
            Some(format!("question {n} is `{}` here but `{}` in {source}", kind_name(qb.kind), kind_name(qa.kind)))
        } else if qa.options.len() != qb.options.len() {
            Some(format!("question {n} has {} options here but {} in {source}", qb.options.len(), qa.options.len()))
        } else if qa.options.iter().zip(&qb.options).any(|(x, y)| x.correct != y.correct) {
            Some(format!("question {n} marks other options correct than {source}"))
        } else {
            None
        };
        if let Some(message) = differs {
            let (line, column) = lines.question(q, Some("type"));
            problems.push(Diagnostic::error(&translation.path, line, column, message));
        }
    }
    problems
}

/// A deterministic shuffle of `len` items for the question at `index` of
/// quiz `id`: the same in every build and every locale, never the identity.
pub fn shuffled(id: &str, index: usize, len: usize) -> Vec<usize> {
    let key = |i: usize| {
        // FNV-1a: small, stable across platforms and Rust versions.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in format!("{id}/{index}/{i}").bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    };
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by_key(|&i| key(i));
    if len > 1 && order.iter().enumerate().all(|(position, &i)| position == i) {
        order.reverse();
    }
    order
}

/// Splits `id#anchor` into its parts.
pub fn split_ref(reference: &str) -> (&str, Option<&str>) {
    match reference.split_once('#') {
        Some((id, anchor)) => (id, Some(anchor)),
        None => (reference, None),
    }
}

#[cfg(test)]
mod tests;
