//! Scenario cards: the format of `scenarios/*.md` and the checks on its step
//! graph (every `next` names a step, every step is reachable from `start`,
//! every path can end in an outcome).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::content::Document;
use crate::diagnostic::Diagnostic;
use crate::text;
use crate::yaml::{Outline, Span};

pub use crate::content::learning::{Choice, Outcome, ScenarioMeta, Step};

/// Where the steps of a card are, for messages: the outline of its front
/// matter and the span of every step, found once, so that placing every
/// step costs time linear in the file.
pub struct StepLines<'a> {
    outline: Outline<'a>,
    steps: std::collections::HashMap<String, Span>,
}

impl<'a> StepLines<'a> {
    pub fn new<M>(doc: &'a Document<M>) -> Self {
        let outline = Outline::new(&doc.yaml, doc.yaml_line);
        let steps = outline
            .key(outline.whole(), "steps")
            .map(|(_, steps)| outline.entries(steps).into_iter().rev().collect())
            .unwrap_or_default();
        StepLines { outline, steps }
    }

    /// (line, column) of `token` in step `step`, or of the step itself.
    pub fn find(&self, step: &str, token: &str) -> (usize, usize) {
        match self.steps.get(step) {
            Some(&span) => self.outline.find(span, token),
            None => self.outline.find(self.outline.whole(), step),
        }
    }

    /// (line, column) of each of `tokens` in step `step`, in one pass.
    pub fn find_all(&self, step: &str, tokens: &[String]) -> Vec<(usize, usize)> {
        match self.steps.get(step) {
            Some(&span) => self.outline.find_all(span, tokens),
            None => vec![self.find(step, step); tokens.len()],
        }
    }

    /// (line, column) of the value of a top-level `key`.
    pub fn value(&self, key: &str, value: &str) -> (usize, usize) {
        let outline = &self.outline;
        match outline.key(outline.whole(), key) {
            Some((index, _)) => outline.find(Span { start: index, end: index + 1 }, value),
            None => outline.find(outline.whole(), key),
        }
    }
}

/// The steps in reading order: breadth first from `start`, following choices
/// in order; unreachable steps last, by id.
pub fn reading_order(meta: &ScenarioMeta) -> Vec<String> {
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([meta.start.clone()]);
    while let Some(id) = queue.pop_front() {
        let Some(step) = meta.steps.get(&id) else { continue };
        if !seen.insert(id.clone()) {
            continue;
        }
        order.push(id);
        queue.extend(step.choices.iter().map(|c| c.next.clone()));
    }
    order.extend(meta.steps.keys().filter(|k| !seen.contains(*k)).cloned());
    order
}

/// Checks the step graph of one card.
pub fn validate(doc: &Document<ScenarioMeta>) -> Vec<Diagnostic> {
    let meta = &doc.meta;
    let lines = StepLines::new(doc);
    let mut problems = Vec::new();
    let mut report = |(line, column): (usize, usize), message: String| {
        problems.push(Diagnostic::error(&doc.path, line, column, message))
    };
    check_steps(meta, &lines, &mut report);

    let reachable = reachable(meta);
    let start_is_a_step = meta.steps.contains_key(&meta.start);
    for id in meta.steps.keys().filter(|id| start_is_a_step && !reachable.contains(id.as_str())) {
        report(
            lines.find(id, id),
            format!("step `{id}` cannot be reached from `{}`: no choice leads to it", meta.start),
        );
    }

    // Every reachable step can still end in an outcome.
    let ends = can_end(meta);
    // A `next` that names no step was reported above; it is the cause then.
    let dangling = meta.steps.values().flat_map(|s| &s.choices).any(|c| !meta.steps.contains_key(&c.next));
    for id in reachable.iter().filter(|id| !dangling && !ends.contains(**id)) {
        let step = &meta.steps[*id];
        if !step.choices.is_empty() {
            report(
                lines.find(id, id),
                format!("from step `{id}` no path ends in an outcome: its choices only go round in circles"),
            );
        }
    }
    problems
}

/// Reports what is wrong with `start` and with each step on its own: its
/// id, choices and outcome together, and choices that lead to no step.
fn check_steps(meta: &ScenarioMeta, lines: &StepLines<'_>, report: &mut impl FnMut((usize, usize), String)) {
    let ids: Vec<&str> = meta.steps.keys().map(String::as_str).collect();
    if !meta.steps.contains_key(&meta.start) {
        report(
            lines.value("start", &meta.start),
            format!(
                "`start` names no step: there is no step `{}`{}",
                meta.start,
                text::hint(&meta.start, ids.iter().copied())
            ),
        );
    }
    for (id, step) in &meta.steps {
        if !crate::config::is_slug(id) {
            report(
                lines.find(id, id),
                format!("step id `{id}` may contain only lower-case letters, digits and hyphens"),
            );
        }
        match (step.choices.is_empty(), step.outcome) {
            (false, Some(_)) => report(
                lines.find(id, "outcome"),
                format!("step `{id}` has both choices and an outcome; a step either offers choices or ends the story"),
            ),
            (true, None) => report(
                lines.find(id, id),
                format!("step `{id}` has neither choices nor an outcome; add `choices` or `outcome: good|bad|neutral`"),
            ),
            _ => {}
        }
        for choice in &step.choices {
            if !meta.steps.contains_key(&choice.next) {
                report(
                    lines.find(id, &choice.next),
                    format!(
                        "choice \"{}\" of step `{id}` leads to `{}`, which is no step{}",
                        choice.label,
                        choice.next,
                        text::hint(&choice.next, ids.iter().copied())
                    ),
                );
            }
        }
    }
}

/// The steps reachable from `start` along the choices.
fn reachable(meta: &ScenarioMeta) -> BTreeSet<&str> {
    let mut reachable = BTreeSet::new();
    let mut queue = VecDeque::from([meta.start.as_str()]);
    while let Some(id) = queue.pop_front() {
        if let Some(step) = meta.steps.get(id) {
            if reachable.insert(id) {
                queue.extend(step.choices.iter().map(|c| c.next.as_str()));
            }
        }
    }
    reachable
}

/// The steps from which some path ends in an outcome: walks back from the
/// outcomes along the choices that lead to them.
fn can_end(meta: &ScenarioMeta) -> BTreeSet<&str> {
    let mut leading_to: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, step) in &meta.steps {
        for choice in &step.choices {
            leading_to.entry(choice.next.as_str()).or_default().push(id);
        }
    }
    let mut ends: BTreeSet<&str> =
        meta.steps.iter().filter(|(_, s)| s.outcome.is_some()).map(|(id, _)| id.as_str()).collect();
    let mut queue: VecDeque<&str> = ends.iter().copied().collect();
    while let Some(id) = queue.pop_front() {
        for &before in leading_to.get(id).into_iter().flatten() {
            if ends.insert(before) {
                queue.push_back(before);
            }
        }
    }
    ends
}

/// Checks that a translation has the same step graph as its original.
pub fn compare_translation(original: &Document<ScenarioMeta>, translation: &Document<ScenarioMeta>) -> Vec<Diagnostic> {
    let (a, b) = (&original.meta, &translation.meta);
    let lines = StepLines::new(translation);
    let source = original.path.display();
    let graph = |m: &ScenarioMeta| -> BTreeMap<String, (Vec<String>, Option<Outcome>)> {
        m.steps
            .iter()
            .map(|(id, s)| (id.clone(), (s.choices.iter().map(|c| c.next.clone()).collect(), s.outcome)))
            .collect()
    };
    let (ga, gb) = (graph(a), graph(b));
    let mut problems = Vec::new();
    if a.start != b.start {
        let (line, column) = lines.value("start", &b.start);
        problems.push(Diagnostic::error(
            &translation.path,
            line,
            column,
            format!("`start` is `{}` here but `{}` in {source}", b.start, a.start),
        ));
    }
    for id in ga.keys().chain(gb.keys()).collect::<BTreeSet<_>>() {
        let message = match (ga.get(id), gb.get(id)) {
            (Some(_), None) => {
                format!("step `{id}` of {source} is missing from this translation; a translation has the same steps")
            }
            (None, Some(_)) => format!("step `{id}` is not in the original {source}; a translation has the same steps"),
            (Some(x), Some(y)) if x != y => {
                format!("step `{id}` leads to other steps or another outcome than in {source}")
            }
            _ => continue,
        };
        let (line, column) = lines.find(id, id);
        problems.push(Diagnostic::error(&translation.path, line, column, message));
    }
    problems
}
