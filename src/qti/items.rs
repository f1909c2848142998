//! One `qti-assessment-item` per question: its response declaration, the
//! interaction of its type, the feedback of its options and its
//! explanation (with the rules it cites), and its response processing.

use super::xml::Xml;
use super::RuleLink;
use crate::model::QuizQuestion;
use crate::quiz::QuestionKind;

pub const NAMESPACE: &str = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
pub const SCHEMA_LOCATION: &str = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";
pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The identifier of the modal feedback that holds the explanation.
const EXPLANATION: &str = "EXPLANATION";

/// A question as the package holds it.
pub struct Question<'a> {
    /// From 1, its place in the quiz.
    pub number: usize,
    pub question: &'a QuizQuestion,
    pub links: Vec<RuleLink>,
    /// The item's title ("Quiz title — Question 3").
    pub title: String,
}

/// An item file of the package.
pub struct Item {
    pub identifier: String,
    /// Its path in the zip.
    pub href: String,
    pub xml: Vec<u8>,
}

/// The identifier of option `o` (from 0, in the order of the file).
pub fn choice(o: usize) -> String {
    format!("C{}", o + 1)
}

/// The identifier of the item of question `number` of the quiz `base`.
pub fn identifier(base: &str, number: usize) -> String {
    format!("{base}-q{number}")
}

/// The item of one question.
pub fn item(base: &str, lang: &str, question: &Question<'_>, refs_label: &str) -> Item {
    let identifier = identifier(base, question.number);
    let mut xml = Xml::new();
    xml.open(
        "qti-assessment-item",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
            ("identifier", &identifier),
            ("title", &question.title),
            ("adaptive", "false"),
            ("time-dependent", "false"),
            ("xml:lang", lang),
        ],
    );
    declarations(&mut xml, question.question);
    body(&mut xml, question.question);
    processing(&mut xml, question.question);
    feedback(&mut xml, question, refs_label);
    xml.close("qti-assessment-item");
    Item { href: format!("items/{identifier}.xml"), identifier, xml: xml.finish() }
}

fn cardinality(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single | QuestionKind::Truefalse => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::Order => "ordered",
    }
}

/// The right options: for an order question all of them, in order.
fn correct(question: &QuizQuestion) -> Vec<usize> {
    let is_order = question.kind == QuestionKind::Order;
    (0..question.answers.len()).filter(|&o| is_order || question.answers[o].correct).collect()
}

/// RESPONSE with its correct response (and for `multiple` the mapping of
/// partial credit: +1 a right option, −1 a wrong one, never below 0), and
/// the outcomes SCORE, MAXSCORE and FEEDBACK.
fn declarations(xml: &mut Xml, question: &QuizQuestion) {
    let response =
        [("identifier", "RESPONSE"), ("cardinality", cardinality(question.kind)), ("base-type", "identifier")];
    xml.open("qti-response-declaration", &response).open("qti-correct-response", &[]);
    for o in correct(question) {
        xml.text_element("qti-value", &[], &choice(o));
    }
    xml.close("qti-correct-response");
    if question.kind == QuestionKind::Multiple {
        xml.open("qti-mapping", &[("lower-bound", "0"), ("default-value", "0")]);
        for (o, answer) in question.answers.iter().enumerate() {
            let value = if answer.correct { "1" } else { "-1" };
            xml.empty("qti-map-entry", &[("map-key", &choice(o)), ("mapped-value", value)]);
        }
        xml.close("qti-mapping");
    }
    xml.close("qti-response-declaration");
    let float =
        |identifier: &'static str| [("identifier", identifier), ("cardinality", "single"), ("base-type", "float")];
    xml.open("qti-outcome-declaration", &float("SCORE"));
    xml.open("qti-default-value", &[]).text_element("qti-value", &[], "0").close("qti-default-value");
    xml.close("qti-outcome-declaration");
    xml.open("qti-outcome-declaration", &float("MAXSCORE"));
    xml.open("qti-default-value", &[]).text_element("qti-value", &[], "1").close("qti-default-value");
    xml.close("qti-outcome-declaration");
    let feedback = [("identifier", "FEEDBACK"), ("cardinality", "multiple"), ("base-type", "identifier")];
    xml.empty("qti-outcome-declaration", &feedback);
}

/// The prompt and the interaction. The options stand in the order the
/// page shows them (an order question's shuffled start), not shuffled
/// again by the player.
fn body(xml: &mut Xml, question: &QuizQuestion) {
    xml.open("qti-item-body", &[]);
    let max_choices = match question.kind {
        QuestionKind::Single | QuestionKind::Truefalse => "1".to_owned(),
        QuestionKind::Multiple => question.answers.len().to_string(),
        QuestionKind::Order => String::new(),
    };
    let interaction = match question.kind {
        QuestionKind::Order => "qti-order-interaction",
        _ => "qti-choice-interaction",
    };
    let mut attributes = vec![("response-identifier", "RESPONSE"), ("shuffle", "false")];
    if !max_choices.is_empty() {
        attributes.push(("max-choices", &max_choices));
    }
    xml.open(interaction, &attributes);
    xml.text_element("qti-prompt", &[], &question.prompt);
    for &o in &question.display_order {
        xml.text_element("qti-simple-choice", &[("identifier", &choice(o))], &question.answers[o].text);
    }
    xml.close(interaction);
    xml.close("qti-item-body");
}

fn set_score(xml: &mut Xml, value: &str) {
    xml.open("qti-set-outcome-value", &[("identifier", "SCORE")]);
    xml.text_element("qti-base-value", &[("base-type", "float")], value);
    xml.close("qti-set-outcome-value");
}

/// SCORE: 0 without a response, 1 for the correct one, else 0 (for
/// `multiple` the mapped partial credit divided by the number of right
/// options). FEEDBACK: once answered, the chosen options (an order
/// question: every option) and the explanation.
fn processing(xml: &mut Xml, question: &QuizQuestion) {
    let response = [("identifier", "RESPONSE")];
    xml.open("qti-response-processing", &[]).open("qti-response-condition", &[]);
    xml.open("qti-response-if", &[]).open("qti-is-null", &[]).empty("qti-variable", &response).close("qti-is-null");
    set_score(xml, "0");
    xml.close("qti-response-if");
    xml.open("qti-response-else-if", &[]).open("qti-match", &[]);
    xml.empty("qti-variable", &response).empty("qti-correct", &response).close("qti-match");
    set_score(xml, "1");
    xml.close("qti-response-else-if").open("qti-response-else", &[]);
    if question.kind == QuestionKind::Multiple {
        xml.open("qti-set-outcome-value", &[("identifier", "SCORE")]).open("qti-divide", &[]);
        xml.empty("qti-map-response", &response);
        xml.text_element("qti-base-value", &[("base-type", "float")], &correct(question).len().to_string());
        xml.close("qti-divide").close("qti-set-outcome-value");
    } else {
        set_score(xml, "0");
    }
    xml.close("qti-response-else").close("qti-response-condition");
    xml.open("qti-response-condition", &[]).open("qti-response-if", &[]);
    xml.open("qti-not", &[]).open("qti-is-null", &[]).empty("qti-variable", &response);
    xml.close("qti-is-null").close("qti-not");
    xml.open("qti-set-outcome-value", &[("identifier", "FEEDBACK")]).open("qti-multiple", &[]);
    if question.kind == QuestionKind::Order {
        for o in 0..question.answers.len() {
            xml.text_element("qti-base-value", &[("base-type", "identifier")], &choice(o));
        }
    } else {
        xml.empty("qti-variable", &response);
    }
    xml.text_element("qti-base-value", &[("base-type", "identifier")], EXPLANATION);
    xml.close("qti-multiple").close("qti-set-outcome-value");
    xml.close("qti-response-if").close("qti-response-condition");
    xml.close("qti-response-processing");
}

/// A modal feedback per option that has feedback (shown when it was
/// chosen; an order question's all once answered), then the explanation
/// with the rules cited, as links to the site.
fn feedback(xml: &mut Xml, question: &Question<'_>, refs_label: &str) {
    for (o, answer) in question.question.answers.iter().enumerate() {
        let Some(text) = &answer.feedback else { continue };
        let id = choice(o);
        let attributes = [("outcome-identifier", "FEEDBACK"), ("identifier", id.as_str()), ("show-hide", "show")];
        xml.open("qti-modal-feedback", &attributes).open("qti-content-body", &[]);
        xml.open("p", &[]).text_element("strong", &[], &answer.text).close("p");
        xml.text_element("p", &[], text);
        xml.close("qti-content-body").close("qti-modal-feedback");
    }
    let explanation = question.question.explanation.as_deref().unwrap_or_default();
    if explanation.is_empty() && question.links.is_empty() {
        return;
    }
    let attributes = [("outcome-identifier", "FEEDBACK"), ("identifier", EXPLANATION), ("show-hide", "show")];
    xml.open("qti-modal-feedback", &attributes).open("qti-content-body", &[]);
    if !explanation.is_empty() {
        xml.text_element("p", &[], explanation);
    }
    if !question.links.is_empty() {
        xml.text_element("p", &[], refs_label).open("ul", &[]);
        for link in &question.links {
            xml.open("li", &[]).text_element("a", &[("href", &link.url)], &link.label).close("li");
        }
        xml.close("ul");
    }
    xml.close("qti-content-body").close("qti-modal-feedback");
}
