//! Template data of quizzes and scenario cards: questions with their options
//! in display order, answers, cited rules as links, and the QR code a teacher
//! projects so students open the quiz on their phones.

use fast_qr::convert::{svg::SvgBuilder, Builder};
use fast_qr::{QRBuilder, ECL};
use serde_json::{json, Value};

use crate::i18n::Translator;
use crate::markdown::escape;
use crate::model::{address, LocaleSite, Quiz, RuleRef, Scenario, Site};
use crate::quiz::QuestionKind;

/// Links to the rules a question or step cites.
fn refs(site: &Site, here: &LocaleSite, root: &str, refs: &[RuleRef]) -> Vec<Value> {
    refs.iter()
        .filter_map(|r| {
            let article = here.article(&r.target)?;
            let anchor = r.anchor.as_deref().map_or(String::new(), |a| format!("#{a}"));
            let rule = r.anchor.as_deref().map_or("", |a| a.strip_prefix(article.anchor_prefix.as_str()).unwrap_or(a));
            let label = match &article.number {
                Some(number) => format!("{number} {}", article.title),
                None => article.title.clone(),
            };
            Some(json!({
                "url": format!("{root}{}{anchor}", address::article(&site.config, &here.locale, &article.slug)),
                "article": label,
                "rule": rule,
            }))
        })
        .collect()
}

fn audiences(site: &Site, locale: &str, root: &str, indices: &[usize]) -> Vec<Value> {
    indices
        .iter()
        .map(|&a| {
            let audience = &site.config.audiences[a];
            json!({ "id": audience.id, "name": audience.name[locale], "url": format!("{root}{}", address::audience(&site.config, locale, a)) })
        })
        .collect()
}

/// A quiz as shown in lists.
pub fn quiz_summary(site: &Site, here: &LocaleSite, root: &str, quiz: &Quiz) -> Value {
    json!({
        "id": quiz.id,
        "title": quiz.title,
        "summary": quiz.summary.clone().unwrap_or_default(),
        "url": format!("{root}{}", address::quiz(&site.config, &here.locale, &quiz.slug)),
        "question_count": quiz.questions.len(),
        "pass": quiz.pass,
        "audiences": audiences(site, &here.locale, root, &quiz.audiences),
        "untranslated": super::context::untranslated(&quiz.origin, root, |from| address::quiz(&site.config, from, &quiz.slug)),
    })
}

/// A scenario card as shown in lists.
pub fn scenario_summary(site: &Site, here: &LocaleSite, root: &str, scenario: &Scenario) -> Value {
    json!({
        "id": scenario.id,
        "title": scenario.title,
        "summary": scenario.summary.clone().unwrap_or_default(),
        "url": format!("{root}{}", address::scenario(&site.config, &here.locale, &scenario.slug)),
        "audiences": audiences(site, &here.locale, root, &scenario.audiences),
        "untranslated": super::context::untranslated(&scenario.origin, root, |from| address::scenario(&site.config, from, &scenario.slug)),
    })
}

/// Everything `quiz.html` shows of a quiz.
pub fn quiz(site: &Site, here: &LocaleSite, root: &str, quiz: &Quiz, t: &Translator) -> Result<Value, String> {
    let path = address::quiz(&site.config, &here.locale, &quiz.slug);
    let absolute_url = format!("{}{path}", site.config.base_url);
    let questions: Vec<Value> = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| {
            let id = format!("q{}", q + 1);
            let options: Vec<Value> = question
                .display_order
                .iter()
                .map(|&o| {
                    let answer = &question.answers[o];
                    json!({
                        "id": format!("{id}-a{}", o + 1),
                        "text": answer.text,
                        "correct": answer.correct,
                        "feedback": answer.feedback.clone().unwrap_or_default(),
                        "position": o + 1,
                    })
                })
                .collect();
            let answer: Vec<Value> = question
                .answers
                .iter()
                .filter(|a| question.kind == QuestionKind::Order || a.correct)
                .map(|a| json!({ "text": a.text, "feedback": a.feedback.clone().unwrap_or_default() }))
                .collect();
            let input_type = match question.kind {
                QuestionKind::Single | QuestionKind::Truefalse => "radio",
                QuestionKind::Multiple => "checkbox",
                QuestionKind::Order => "",
            };
            json!({
                "number": q + 1,
                "id": id,
                "kind": question.kind,
                "input_type": input_type,
                "prompt": question.prompt,
                "options": options,
                "answer": answer,
                "explanation": question.explanation.clone().unwrap_or_default(),
                "refs": refs(site, here, root, &question.refs),
            })
        })
        .collect();
    let mut value = quiz_summary(site, here, root, quiz);
    let extra = json!({
        "absolute_url": absolute_url,
        "intro_html": quiz.intro.resolve(root, 0, ""),
        "qr_svg": qr_svg(&absolute_url, &t.get("quiz-qr-label")?)?,
        "questions": questions,
    });
    merge(&mut value, extra);
    Ok(value)
}

/// Everything `scenario.html` shows of a card, and the deck shows of it.
pub fn scenario(site: &Site, here: &LocaleSite, root: &str, scenario: &Scenario) -> Value {
    let anchor = |step: &str| format!("step-{step}");
    let steps: Vec<Value> = scenario
        .steps
        .iter()
        .map(|step| {
            let choices: Vec<Value> = step
                .choices
                .iter()
                .map(|c| json!({ "label": c.label, "url": format!("#{}", anchor(&c.next)) }))
                .collect();
            json!({
                "id": step.id,
                "anchor": anchor(&step.id),
                "text": step.text,
                "is_start": step.id == scenario.start,
                "choices": choices,
                "outcome": step.outcome.map_or(Value::String(String::new()), |o| json!(o)),
                "refs": refs(site, here, root, &step.refs),
            })
        })
        .collect();
    let situation = scenario.steps.first().map(|s| s.text.clone()).unwrap_or_default();
    let mut value = scenario_summary(site, here, root, scenario);
    merge(
        &mut value,
        json!({
            "intro_html": scenario.intro.resolve(root, 0, ""),
            "start_anchor": anchor(&scenario.start),
            "situation": situation,
            "steps": steps,
        }),
    );
    value
}

fn merge(value: &mut Value, extra: Value) {
    if let (Value::Object(map), Value::Object(extra)) = (value, extra) {
        map.extend(extra);
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
