//! Template data of quizzes and scenario cards: questions with their options
//! in display order, answers, cited rules as links, and the QR code a teacher
//! projects so students open the quiz on their phones.

use fast_qr::convert::{svg::SvgBuilder, Builder};
use fast_qr::{QRBuilder, ECL};
use serde::Serialize;

use super::pages::kind::Input;
use super::pages::shared::{audience_links, untranslated, Link, Untranslated};
use crate::markdown::escape;
use crate::model::{address, Quiz, RuleRef, Scenario};
use crate::quiz::scenario::Outcome;
use crate::quiz::QuestionKind;

/// A link to a rule a question or step cites.
#[derive(Serialize)]
pub struct RuleLink {
    url: String,
    article: String,
    rule: String,
}

/// A quiz as shown in lists.
#[derive(Serialize)]
pub struct QuizSummary {
    id: String,
    title: String,
    summary: String,
    url: String,
    question_count: usize,
    pass: u8,
    audiences: Vec<Link>,
    untranslated: Option<Untranslated>,
}

/// Everything `quiz.html` shows of a quiz.
#[derive(Serialize)]
pub struct QuizData {
    #[serde(flatten)]
    summary: QuizSummary,
    absolute_url: String,
    intro_html: String,
    /// One of its audiences is taught in class: the page has the teachers' box.
    classroom: bool,
    /// Empty without the teachers' box.
    qr_svg: String,
    questions: Vec<Question>,
}

#[derive(Serialize)]
struct Question {
    number: usize,
    id: String,
    kind: QuestionKind,
    input_type: &'static str,
    prompt: String,
    options: Vec<QuestionOption>,
    answer: Vec<Answer>,
    explanation: String,
    refs: Vec<RuleLink>,
}

#[derive(Serialize)]
struct QuestionOption {
    id: String,
    text: String,
    correct: bool,
    feedback: String,
    position: usize,
}

#[derive(Serialize)]
struct Answer {
    text: String,
    feedback: String,
}

/// A scenario card as shown in lists.
#[derive(Serialize)]
pub struct ScenarioSummary {
    id: String,
    title: String,
    summary: String,
    url: String,
    audiences: Vec<Link>,
    untranslated: Option<Untranslated>,
}

/// Everything `scenario.html` shows of a card, and the deck shows of it.
#[derive(Serialize)]
pub struct ScenarioData {
    #[serde(flatten)]
    summary: ScenarioSummary,
    intro_html: String,
    start_anchor: String,
    situation: String,
    steps: Vec<Step>,
}

/// A step of a card. `number` is its card number in the printed deck: steps
/// with choices and steps that end the story are numbered apart (card 1, 2,
/// ...; ending 1, 2, ...), each in reading order (breadth first from the
/// start), so that every sheet of the deck counts on without gaps.
#[derive(Serialize)]
struct Step {
    id: String,
    anchor: String,
    number: usize,
    text: String,
    is_start: bool,
    choices: Vec<Choice>,
    /// The choices that lead here, as "card 1, choice A", for the deck.
    from: Vec<ChoiceRef>,
    /// `good`, `bad` or `neutral`; empty for a step with choices.
    #[serde(serialize_with = "outcome_or_empty")]
    outcome: Option<Outcome>,
    refs: Vec<RuleLink>,
}

#[derive(Serialize)]
struct Choice {
    label: String,
    url: String,
    /// A, B, C, ... in the order of the file.
    letter: String,
    /// The card number of the step it leads to.
    number: usize,
    /// Whether that step ends the story (its card is among the endings).
    ends: bool,
}

/// A choice named by its card and letter.
#[derive(Serialize, Clone)]
struct ChoiceRef {
    number: usize,
    letter: String,
}

/// The letter of the `index`th choice of a step: A to Z, then A1, B1, ...
fn letter(index: usize) -> String {
    let base = char::from(b'A' + (index % 26) as u8);
    match index / 26 {
        0 => base.to_string(),
        round => format!("{base}{round}"),
    }
}

fn outcome_or_empty<S: serde::Serializer>(outcome: &Option<Outcome>, serializer: S) -> Result<S::Ok, S::Error> {
    match outcome {
        Some(outcome) => outcome.serialize(serializer),
        None => serializer.serialize_str(""),
    }
}

/// Links to the rules a question or step cites.
fn refs(page: &Input<'_>, refs: &[RuleRef]) -> Vec<RuleLink> {
    refs.iter()
        .filter_map(|r| {
            let article = page.here.article(&r.target)?;
            let anchor = r.anchor.as_deref().map_or(String::new(), |a| format!("#{a}"));
            let rule = r.anchor.as_deref().map_or("", |a| a.strip_prefix(article.anchor_prefix.as_str()).unwrap_or(a));
            let label = match &article.number {
                Some(number) => format!("{number} {}", article.title),
                None => article.title.clone(),
            };
            Some(RuleLink {
                url: format!("{}{anchor}", page.link(&address::article(&page.site.config, page.locale, &article.slug))),
                article: label,
                rule: rule.to_owned(),
            })
        })
        .collect()
}

pub fn quiz_summary(page: &Input<'_>, quiz: &Quiz) -> QuizSummary {
    let config = &page.site.config;
    QuizSummary {
        id: quiz.id.clone(),
        title: quiz.title.clone(),
        summary: quiz.summary.clone().unwrap_or_default(),
        url: page.link(&address::quiz(config, page.locale, &quiz.slug)),
        question_count: quiz.questions.len(),
        pass: quiz.pass,
        audiences: audience_links(page, &quiz.audiences),
        untranslated: untranslated(&quiz.origin, page.root, |from| address::quiz(config, from, &quiz.slug)),
    }
}

pub fn scenario_summary(page: &Input<'_>, scenario: &Scenario) -> ScenarioSummary {
    let config = &page.site.config;
    ScenarioSummary {
        id: scenario.id.clone(),
        title: scenario.title.clone(),
        summary: scenario.summary.clone().unwrap_or_default(),
        url: page.link(&address::scenario(config, page.locale, &scenario.slug)),
        audiences: audience_links(page, &scenario.audiences),
        untranslated: untranslated(&scenario.origin, page.root, |from| address::scenario(config, from, &scenario.slug)),
    }
}

pub fn quiz(page: &Input<'_>, quiz: &Quiz) -> Result<QuizData, String> {
    let path = address::quiz(&page.site.config, page.locale, &quiz.slug);
    let absolute_url = format!("{}{path}", page.site.config.base_url);
    let classroom = quiz.audiences.iter().any(|&a| page.site.config.audiences[a].classroom);
    let questions = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let id = format!("q{}", q + 1);
            let options = question
                .display_order
                .iter()
                .map(|&o| {
                    let answer = &question.answers[o];
                    QuestionOption {
                        id: format!("{id}-a{}", o + 1),
                        text: answer.text.clone(),
                        correct: answer.correct,
                        feedback: answer.feedback.clone().unwrap_or_default(),
                        position: o + 1,
                    }
                })
                .collect();
            let answer = question
                .answers
                .iter()
                .filter(|a| question.kind == QuestionKind::Order || a.correct)
                .map(|a| Answer { text: a.text.clone(), feedback: a.feedback.clone().unwrap_or_default() })
                .collect();
            let input_type = match question.kind {
                QuestionKind::Single | QuestionKind::Truefalse => "radio",
                QuestionKind::Multiple => "checkbox",
                QuestionKind::Order => "",
            };
            Question {
                number: q + 1,
                id,
                kind: question.kind,
                input_type,
                prompt: question.prompt.clone(),
                options,
                answer,
                explanation: question.explanation.clone().unwrap_or_default(),
                refs: refs(page, &question.refs),
            }
        })
        .collect();
    Ok(QuizData {
        summary: quiz_summary(page, quiz),
        intro_html: quiz.intro.resolve(page.root, 0, ""),
        classroom,
        qr_svg: if classroom { qr_svg(&absolute_url, &page.t.get("quiz-qr-label")?)? } else { String::new() },
        absolute_url,
        questions,
    })
}

/// The card number of every step: its place in reading order among the
/// steps of its kind (with choices, or ending the story).
fn card_numbers(scenario: &Scenario) -> std::collections::HashMap<&str, usize> {
    let (mut choices, mut endings) = (0, 0);
    scenario
        .steps
        .iter()
        .map(|step| {
            let count = if step.outcome.is_some() { &mut endings } else { &mut choices };
            *count += 1;
            (step.id.as_str(), *count)
        })
        .collect()
}

pub fn scenario(page: &Input<'_>, scenario: &Scenario) -> ScenarioData {
    let anchor = |step: &str| format!("step-{step}");
    let numbers = card_numbers(scenario);
    let number = |id: &str| numbers.get(id).copied().unwrap_or(0);
    let ends = |id: &str| scenario.steps.iter().any(|s| s.id == id && s.outcome.is_some());
    let mut from: std::collections::HashMap<&str, Vec<ChoiceRef>> = std::collections::HashMap::new();
    for step in &scenario.steps {
        for (i, c) in step.choices.iter().enumerate() {
            from.entry(c.next.as_str()).or_default().push(ChoiceRef { number: number(&step.id), letter: letter(i) });
        }
    }
    let steps = scenario
        .steps
        .iter()
        .map(|step| Step {
            id: step.id.clone(),
            anchor: anchor(&step.id),
            number: number(&step.id),
            text: step.text.clone(),
            is_start: step.id == scenario.start,
            choices: step
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| Choice {
                    label: c.label.clone(),
                    url: format!("#{}", anchor(&c.next)),
                    letter: letter(i),
                    number: number(&c.next),
                    ends: ends(&c.next),
                })
                .collect(),
            from: from.get(step.id.as_str()).cloned().unwrap_or_default(),
            outcome: step.outcome,
            refs: refs(page, &step.refs),
        })
        .collect();
    ScenarioData {
        summary: scenario_summary(page, scenario),
        intro_html: scenario.intro.resolve(page.root, 0, ""),
        start_anchor: anchor(&scenario.start),
        situation: scenario.steps.first().map(|s| s.text.clone()).unwrap_or_default(),
        steps,
    }
}

/// An inline SVG QR code of `url`, labelled for screen readers. (fast_qr:
/// qrcode took 0.7 ms a code, most of a quiz page's time; this 0.1 ms.)
fn qr_svg(url: &str, label: &str) -> Result<String, String> {
    let code = QRBuilder::new(url).ecl(ECL::M).build().map_err(|e| format!("cannot make a QR code of {url}: {e:?}"))?;
    let svg = SvgBuilder::default().margin(4).to_str(&code);
    let attributes = format!(
        "<svg role=\"img\" aria-label=\"{}\" width=\"200\" height=\"200\" shape-rendering=\"crispEdges\" ",
        escape(label)
    );
    Ok(svg.replacen("<svg ", &attributes, 1))
}
