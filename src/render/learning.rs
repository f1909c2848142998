//! Template data of quizzes and scenario cards: questions with their options
//! in display order, answers, cited rules as links, and the QR code a teacher
//! projects so students open the quiz on their phones.

use fast_qr::convert::{svg::SvgBuilder, Builder};
use fast_qr::{QRBuilder, ECL};
use serde::Serialize;

use super::pages::kind::Input;
use super::pages::shared::{audience_links, untranslated, Link, Untranslated};
use crate::markdown::escape;
use crate::model::{address, Quiz, QuizQuestion, RuleRef, Scenario};

use crate::quiz::scenario::Outcome;
use crate::quiz::QuestionKind;

/// A link to a rule a question or step cites.
#[derive(Serialize, Clone, PartialEq)]
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
    /// The quiz's QTI 3.0 package, beside the page (`crate::qti`).
    qti_url: String,
    intro_html: String,
    /// One of its audiences is taught in class: the page has the teachers' box.
    classroom: bool,
    /// Empty without the teachers' box.
    qr_svg: String,
    questions: Vec<Question>,
    /// The rules the questions cite, each once, in the order first cited:
    /// what the classroom end slide offers for discussion.
    rules: Vec<CitedRule>,
}

/// A rule cited by a quiz, with the numbers of the questions that cite it.
#[derive(Serialize)]
struct CitedRule {
    #[serde(flatten)]
    link: RuleLink,
    questions: Vec<usize>,
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
    /// The answer as letters: `B`, `A, C` or, for an order question, `C → A → B`.
    key: String,
    explanation: String,
    refs: Vec<RuleLink>,
}

#[derive(Serialize)]
struct QuestionOption {
    id: String,
    /// A, B, C… by the place on the page, the same on screen and on paper.
    letter: String,
    text: String,
    correct: bool,
    feedback: String,
    position: usize,
}

#[derive(Serialize)]
struct Answer {
    letter: String,
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
    let questions: Vec<Question> =
        quiz.questions.iter().enumerate().map(|(q, question)| self::question(page, q + 1, question)).collect();
    Ok(QuizData {
        summary: quiz_summary(page, quiz),
        intro_html: quiz.intro.resolve(page.root, 0, ""),
        classroom,
        qr_svg: if classroom { qr_svg(&absolute_url, &page.t.get("quiz-qr-label")?)? } else { String::new() },
        absolute_url,
        qti_url: page.link(&crate::qti::path(page.site, page.locale, quiz)),
        rules: cited_rules(&questions),
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

/// The letter of the option or choice at `index` (from 0) on the page: A,
/// B, C…, and past Z the number, so a letter never repeats.
fn letter(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'A' + i).to_string(),
        _ => (index + 1).to_string(),
    }
}

/// One question with its options in display order, lettered by that order.
fn question(page: &Input<'_>, number: usize, question: &QuizQuestion) -> Question {
    let id = format!("q{number}");
    // The place of each answer (by its index in the file) on the page.
    let mut places = vec![0; question.answers.len()];
    for (place, &o) in question.display_order.iter().enumerate() {
        places[o] = place;
    }
    let options = question
        .display_order
        .iter()
        .map(|&o| {
            let answer = &question.answers[o];
            QuestionOption {
                id: format!("{id}-a{}", o + 1),
                letter: letter(places[o]),
                text: answer.text.clone(),
                correct: answer.correct,
                feedback: answer.feedback.clone().unwrap_or_default(),
                position: o + 1,
            }
        })
        .collect();
    let is_order = question.kind == QuestionKind::Order;
    // Right answers in file order: the order itself for an order question,
    // else in the order of their letters.
    let mut right: Vec<usize> =
        (0..question.answers.len()).filter(|&o| is_order || question.answers[o].correct).collect();
    if !is_order {
        right.sort_by_key(|&o| places[o]);
    }
    let answer: Vec<Answer> = right
        .into_iter()
        .map(|o| Answer {
            letter: letter(places[o]),
            text: question.answers[o].text.clone(),
            feedback: question.answers[o].feedback.clone().unwrap_or_default(),
        })
        .collect();
    let key = answer.iter().map(|a| a.letter.as_str()).collect::<Vec<_>>().join(if is_order { " → " } else { ", " });
    let input_type = match question.kind {
        QuestionKind::Single | QuestionKind::Truefalse => "radio",
        QuestionKind::Multiple => "checkbox",
        QuestionKind::Order => "",
    };
    Question {
        number,
        id,
        kind: question.kind,
        input_type,
        prompt: question.prompt.clone(),
        options,
        answer,
        key,
        explanation: question.explanation.clone().unwrap_or_default(),
        refs: refs(page, &question.refs),
    }
}

/// Every rule the questions cite, once, with the questions citing it.
fn cited_rules(questions: &[Question]) -> Vec<CitedRule> {
    let mut rules: Vec<CitedRule> = Vec::new();
    for q in questions {
        for link in &q.refs {
            match rules.iter_mut().find(|r| r.link.url == link.url) {
                Some(rule) if !rule.questions.contains(&q.number) => rule.questions.push(q.number),
                Some(_) => {}
                None => rules.push(CitedRule { link: link.clone(), questions: vec![q.number] }),
            }
        }
    }
    rules
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
