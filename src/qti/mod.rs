//! QTI 3.0 export: every quiz of every locale as a content package (a zip
//! with `imsmanifest.xml`, one `qti-assessment-item` per question and a
//! `qti-assessment-test` that orders them), written beside the quiz page so
//! that a teacher can import it into the school's learning platform.
//!
//! How each question type is carried, and how it is scored, is told to
//! teachers in `docs/qti.md`; the scoring in short: full marks (1) for the
//! correct response and 0 otherwise, except `multiple`, which scores
//! (right options chosen − wrong options chosen) ÷ right options, never
//! below 0. The test passes at the quiz's `pass` percent of the questions.
//!
//! Identifiers are made from the quiz id, the locale and the question's
//! place (`privacy-nl-q3`), so a platform that imports a package again
//! recognises its items; the zip is the same, byte for byte, for the same
//! quiz. What a package cannot hold is an error at the place in the quiz
//! file, never dropped.

mod items;
mod package;
mod xml;

use fluent_bundle::FluentArgs;

use crate::diagnostic::Diagnostic;
use crate::i18n::{Messages, Translator};
use crate::model::{address, LocaleSite, Quiz, QuizQuestion, Site};

/// The file name of a quiz's package: `<quiz id>-<locale>-qti3.zip`.
pub fn file_name(locale: &str, quiz: &Quiz) -> String {
    format!("{}-qti3.zip", identifier(&format!("{}-{locale}", quiz.id)))
}

/// Where a quiz's package is in the output: in the quiz page's folder.
pub fn path(site: &Site, locale: &str, quiz: &Quiz) -> String {
    format!("{}{}", address::quiz(&site.config, locale, &quiz.slug), file_name(locale, quiz))
}

/// Every quiz's package, by output path, in the order of locales and quizzes;
/// or every problem that keeps a quiz from being exported.
pub fn packages(site: &Site, messages: &Messages) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let mut packages = Vec::new();
    let mut problems = Vec::new();
    for here in &site.locales {
        let t = messages.translator(&here.locale);
        for quiz in &here.quizzes {
            match package(site, here, quiz, &t) {
                Ok(bytes) => packages.push((path(site, &here.locale, quiz), bytes)),
                Err(found) => problems.extend(found),
            }
        }
    }
    if problems.is_empty() {
        Ok(packages)
    } else {
        Err(problems)
    }
}

/// One quiz's package.
fn package(site: &Site, here: &LocaleSite, quiz: &Quiz, t: &Translator) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let mut problems = check_texts(quiz);
    let error = |message: String| Diagnostic::error(&quiz.source, 0, 0, message);
    let mut questions = Vec::with_capacity(quiz.questions.len());
    for (q, question) in quiz.questions.iter().enumerate() {
        let mut args = FluentArgs::new();
        args.set("number", q + 1);
        let title = t.format("quiz-question", Some(&args)).map(|n| format!("{} — {n}", quiz.title));
        match (rule_links(site, here, quiz, question, t), title) {
            (Ok(links), Ok(title)) => questions.push(items::Question { number: q + 1, question, links, title }),
            (links, title) => {
                problems.extend(links.err().unwrap_or_default());
                problems.extend(title.err().map(error));
            }
        }
    }
    let refs_label = t.get("refs-label").map_err(|e| vec![error(e)])?;
    if !problems.is_empty() {
        return Err(problems);
    }
    let lang = quiz.origin.fallback_locale().unwrap_or(&here.locale);
    let base = identifier(&format!("{}-{}", quiz.id, here.locale));
    let items: Vec<items::Item> = questions.iter().map(|q| items::item(&base, lang, q, &refs_label)).collect();
    package::zip(quiz, &base, &items).map_err(|e| vec![error(e)])
}

/// A rule or article a question cites, as the package links it.
pub struct RuleLink {
    /// Absolute, on the site's `base_url`.
    pub url: String,
    pub label: String,
}

/// The rules `question` cites, as absolute links, or an error at each
/// citation the locale has no article for.
fn rule_links(
    site: &Site,
    here: &LocaleSite,
    quiz: &Quiz,
    question: &QuizQuestion,
    t: &Translator,
) -> Result<Vec<RuleLink>, Vec<Diagnostic>> {
    let mut links = Vec::new();
    let mut problems = Vec::new();
    for cited in &question.refs {
        let Some(article) = here.article(&cited.target) else {
            problems.push(Diagnostic::error(
                &quiz.source,
                cited.line,
                cited.column,
                format!(
                    "the QTI package of locale `{}` cannot link `{}`: that locale has no such article; add it or cite another",
                    here.locale, cited.target
                ),
            ));
            continue;
        };
        let page = address::article(&site.config, &here.locale, &article.slug);
        let anchor = cited.anchor.as_deref().map_or(String::new(), |a| format!("#{a}"));
        let title = match &article.number {
            Some(number) => format!("{number} {}", article.title),
            None => article.title.clone(),
        };
        let rule = cited.anchor.as_deref().map(|a| a.strip_prefix(article.anchor_prefix.as_str()).unwrap_or(a));
        let label = match rule {
            Some(rule) => {
                let mut args = FluentArgs::new();
                args.set("rule", rule.to_owned());
                args.set("article", title);
                t.format("ref-rule", Some(&args))
            }
            None => Ok(title),
        };
        match label {
            Ok(label) => links.push(RuleLink { url: format!("{}{page}{anchor}", site.config.base_url), label }),
            Err(message) => problems.push(Diagnostic::error(&quiz.source, cited.line, cited.column, message)),
        }
    }
    if problems.is_empty() {
        Ok(links)
    } else {
        Err(problems)
    }
}

/// `raw` as a QTI identifier (an XML name): ASCII letters, digits, `-`,
/// `_` and `.`, starting with a letter or `_`. Anything else becomes `_`,
/// and a leading digit, `-` or `.` gets `q` in front.
pub fn identifier(raw: &str) -> String {
    let mut id: String =
        raw.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
    if !id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        id.insert(0, 'q');
    }
    id
}

/// Every text of the quiz that XML 1.0 cannot hold (control characters
/// other than tab and line ends, U+FFFE, U+FFFF), at its place in the file.
fn check_texts(quiz: &Quiz) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut check = |text: &str, what: String, (line, column): (usize, usize)| {
        if let Some(c) = text.chars().find(|&c| !allowed_in_xml(c)) {
            problems.push(Diagnostic::error(
                &quiz.source,
                line,
                column,
                format!(
                    "{what} contains the character U+{:04X}, which a QTI package (XML) cannot hold; remove it",
                    u32::from(c)
                ),
            ));
        }
    };
    check(&quiz.title, "the title".to_owned(), (0, 0));
    for (q, question) in quiz.questions.iter().enumerate() {
        let n = q + 1;
        check(&question.prompt, format!("the prompt of question {n}"), question.prompt_at);
        if let Some(explanation) = &question.explanation {
            check(explanation, format!("the explanation of question {n}"), question.explanation_at);
        }
        for (o, answer) in question.answers.iter().enumerate() {
            let at = question.options_at.get(o).copied().unwrap_or(question.at);
            check(&answer.text, format!("option {} of question {n}", o + 1), at);
            if let Some(feedback) = &answer.feedback {
                check(feedback, format!("the feedback of option {} of question {n}", o + 1), at);
            }
        }
    }
    problems
}

fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests;
