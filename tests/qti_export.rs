//! The QTI 3.0 package of the `quiz` fixture's quiz (one question of each
//! type): what the zip holds, how each type is mapped and scored, that the
//! identifiers and bytes stay the same across builds, the link on the quiz
//! page, and the error for a text a package cannot hold.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

const ZIP: &str = "nl/quiz/oefenen/oefenquiz-nl-qti3.zip";

fn site() -> PathBuf {
    built_fixture("quiz")
}

/// Every file of a zip, in the order stored, with its time of change.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>, zip::DateTime)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes, file.last_modified().unwrap())
        })
        .collect()
}

/// An element of an XML file: its name, attributes and own text.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
}

/// Every element of `xml` in document order, read with quick-xml.
fn elements(xml: &[u8]) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let (mut found, mut open): (Vec<Element>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).unwrap() {
            quick_xml::events::Event::Eof => break,
            event @ (quick_xml::events::Event::Start(_) | quick_xml::events::Event::Empty(_)) => {
                let (start, empty) = match &event {
                    quick_xml::events::Event::Start(s) => (s, false),
                    quick_xml::events::Event::Empty(s) => (s, true),
                    _ => unreachable!(),
                };
                let attrs = start
                    .attributes()
                    .map(|a| {
                        let a = a.unwrap();
                        let value = a.normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap().into_owned();
                        (a.key.as_ref().to_owned(), value)
                    })
                    .collect();
                let name = start.name().as_ref().to_owned();
                found.push(Element { name, attrs, text: String::new() });
                if !empty {
                    open.push(found.len() - 1);
                }
            }
            quick_xml::events::Event::End(_) => {
                open.pop();
            }
            quick_xml::events::Event::Text(text) => {
                if let Some(&i) = open.last() {
                    found[i].text.push_str(&text.xml10_content());
                }
            }
            quick_xml::events::Event::GeneralRef(r) => {
                if let Some(&i) = open.last() {
                    let entity = match r.as_ref() {
                        "apos" => "'",
                        "quot" => "\"",
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        other => panic!("unexpected entity {other}"),
                    };
                    found[i].text.push_str(entity);
                }
            }
            _ => {}
        }
        buffer.clear();
    }
    found
}

fn named<'a>(elements: &'a [Element], name: &str) -> Vec<&'a Element> {
    elements.iter().filter(|e| e.name == name).collect()
}

fn attr(elements: &[Element], name: &str, attribute: &str) -> Vec<String> {
    named(elements, name).iter().filter_map(|e| e.attrs.get(attribute).cloned()).collect()
}

fn item(number: usize) -> Vec<Element> {
    let files = unzip(&site().join(ZIP));
    let name = format!("items/oefenquiz-nl-q{number}.xml");
    elements(&files.iter().find(|(n, _, _)| *n == name).unwrap_or_else(|| panic!("no {name}")).1)
}

#[test]
fn the_zip_holds_the_manifest_the_test_and_one_item_per_question() {
    let files = unzip(&site().join(ZIP));
    let names: Vec<&str> = files.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "imsmanifest.xml",
            "assessment-test.xml",
            "items/oefenquiz-nl-q1.xml",
            "items/oefenquiz-nl-q2.xml",
            "items/oefenquiz-nl-q3.xml",
            "items/oefenquiz-nl-q4.xml"
        ]
    );
    for (name, _, time) in &files {
        assert_eq!((time.year(), time.month(), time.day(), time.hour()), (1980, 1, 1, 0), "{name}");
    }
    let manifest = elements(&files[0].1);
    assert_eq!(attr(&manifest, "manifest", "xmlns"), ["http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"]);
    assert_eq!(
        attr(&manifest, "resource", "type"),
        [
            "imsqti_test_xmlv3p0",
            "imsqti_item_xmlv3p0",
            "imsqti_item_xmlv3p0",
            "imsqti_item_xmlv3p0",
            "imsqti_item_xmlv3p0"
        ]
    );
    assert_eq!(attr(&manifest, "file", "href")[1..], names[2..]);
    assert_eq!(
        attr(&manifest, "dependency", "identifierref"),
        ["oefenquiz-nl-q1", "oefenquiz-nl-q2", "oefenquiz-nl-q3", "oefenquiz-nl-q4"]
    );
    // The test orders the items and passes at 75% of 4 questions.
    let test = elements(&files[1].1);
    assert_eq!(attr(&test, "qti-assessment-test", "title"), ["Oefenquiz"]);
    assert_eq!(attr(&test, "qti-assessment-item-ref", "href"), names[2..]);
    assert_eq!(attr(&test, "qti-outcome-declaration", "mastery-value"), ["3"]);
    let gte = named(&test, "qti-base-value");
    assert_eq!(gte.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(), ["3"]);
}

#[test]
fn each_question_type_maps_to_its_interaction_and_scoring() {
    let values = |elements: &[Element], name: &str| -> Vec<String> {
        named(elements, name).iter().map(|e| e.text.clone()).collect()
    };
    // single: one choice of two, the second right.
    let single = item(1);
    assert_eq!(attr(&single, "qti-choice-interaction", "max-choices"), ["1"]);
    assert_eq!(attr(&single, "qti-response-declaration", "cardinality"), ["single"]);
    assert_eq!(values(&single, "qti-prompt"), ["Je maakt een foto van je klas. Wat doe je?"]);
    assert_eq!(values(&single, "qti-simple-choice"), ["Meteen online zetten.", "Eerst vragen."]);
    assert_eq!(values(&single, "qti-value")[0], "C2");
    assert!(named(&single, "qti-mapping").is_empty());
    // multiple: every option may be chosen; +1 a right one, −1 a wrong one.
    let multiple = item(2);
    assert_eq!(attr(&multiple, "qti-choice-interaction", "max-choices"), ["3"]);
    assert_eq!(attr(&multiple, "qti-response-declaration", "cardinality"), ["multiple"]);
    assert_eq!(values(&multiple, "qti-value")[..2], ["C1", "C3"]);
    assert_eq!(attr(&multiple, "qti-map-entry", "mapped-value"), ["1", "-1", "1"]);
    assert_eq!(attr(&multiple, "qti-mapping", "lower-bound"), ["0"]);
    assert_eq!(named(&multiple, "qti-map-response").len(), 1);
    // truefalse: two choices, one answer.
    let truefalse = item(3);
    assert_eq!(attr(&truefalse, "qti-choice-interaction", "max-choices"), ["1"]);
    assert_eq!(values(&truefalse, "qti-simple-choice"), ["Waar", "Niet waar"]);
    assert_eq!(values(&truefalse, "qti-value")[0], "C2");
    // order: an order interaction, the correct order as written, the
    // options as the page shows them.
    let order = item(4);
    assert_eq!(named(&order, "qti-order-interaction").len(), 1);
    assert!(named(&order, "qti-choice-interaction").is_empty());
    assert_eq!(attr(&order, "qti-response-declaration", "cardinality"), ["ordered"]);
    assert_eq!(values(&order, "qti-value")[..3], ["C1", "C2", "C3"]);
    let page = page(&site(), "nl/quiz/oefenen");
    assert_eq!(values(&order, "qti-simple-choice"), texts(&page, "#q4 .order-item .order-text"));
    assert_eq!(attr(&order, "qti-order-interaction", "shuffle"), ["false"]);
}

#[test]
fn feedback_explanation_and_rules_are_carried() {
    let feedback = |elements: &[Element]| attr(elements, "qti-modal-feedback", "identifier");
    let single = item(1);
    assert_eq!(feedback(&single), ["C1", "C2", "EXPLANATION"]);
    let texts: Vec<&str> = named(&single, "p").iter().map(|e| e.text.trim()).collect();
    // Each option's feedback opens with the option in bold.
    let strong: Vec<&str> = named(&single, "strong").iter().map(|e| e.text.as_str()).collect();
    assert_eq!(strong, ["Meteen online zetten.", "Eerst vragen."]);
    assert_eq!(
        texts,
        ["", "Vraag het eerst.", "", "Precies.", "Iedereen heeft recht op privacy.", "Zie in het protocol"]
    );
    assert_eq!(attr(&single, "a", "href"), ["https://oefening.example/protocol/nl/protocol/regels/#r1"]);
    assert_eq!(feedback(&item(2)), ["EXPLANATION"]);
    assert_eq!(attr(&item(2), "a", "href").len(), 2);
    assert_eq!(feedback(&item(3)), ["C2", "EXPLANATION"]);
    assert_eq!(attr(&item(3), "a", "href"), ["https://oefening.example/protocol/nl/protocol/regels/"]);
    assert_eq!(feedback(&item(4)), ["EXPLANATION"]);
    for number in 1..=4 {
        assert_eq!(attr(&item(number), "qti-assessment-item", "xml:lang"), ["nl"]);
    }
}

#[test]
fn identifiers_and_bytes_stay_the_same_across_builds() {
    let first = build(&fixture("quiz"));
    let second = build(&fixture("quiz"));
    let zip = |dir: &tempfile::TempDir| std::fs::read(dir.path().join("site").join(ZIP)).unwrap();
    assert_eq!(zip(&first), zip(&second));
    assert_eq!(zip(&first), std::fs::read(site().join(ZIP)).unwrap());
    let ids: Vec<String> = unzip(&first.path().join("site").join(ZIP))
        .iter()
        .skip(2)
        .flat_map(|(_, bytes, _)| attr(&elements(bytes), "qti-assessment-item", "identifier"))
        .collect();
    assert_eq!(ids, ["oefenquiz-nl-q1", "oefenquiz-nl-q2", "oefenquiz-nl-q3", "oefenquiz-nl-q4"]);
}

#[test]
fn the_quiz_page_links_its_package() {
    let html = page(&site(), "nl/quiz/oefenen");
    let links = select(&html, "main .quiz-qti a");
    assert_eq!(links.len(), 1);
    assert_eq!(text_of(&links[0]), "Gebruik deze quiz in je leeromgeving (QTI)");
    let href = links[0].value().attr("href").unwrap();
    let target = site().join("nl/quiz/oefenen").join(href);
    assert_eq!(std::fs::read(target).unwrap(), std::fs::read(site().join(ZIP)).unwrap(), "{href}");
    // In the `u` register the link says so.
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("quiz"), dir.path());
    let yaml = std::fs::read_to_string(dir.path().join("site.yaml")).unwrap();
    let yaml = yaml.replace("    classroom: true", "    classroom: true\n    register: { nl: u }");
    std::fs::write(dir.path().join("site.yaml"), yaml).unwrap();
    let out = build(dir.path());
    let html = page(&out.path().join("site"), "nl/quiz/oefenen");
    assert_eq!(texts(&html, "main .quiz-qti a"), ["Gebruik deze quiz in uw leeromgeving (QTI)"]);
}

#[test]
fn a_text_no_package_can_hold_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("quiz"), dir.path());
    let file = dir.path().join("content/nl/quiz/oefenen.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace("    prompt: Doorsturen is niet erg.", "    prompt: \"Doorsturen is\\x01 niet erg.\"");
    std::fs::write(&file, text).unwrap();
    let output = leidraad(dir.path(), &["check", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "oefenen.md:28:5: the prompt of question 3 contains the character U+0001, which a QTI package (XML) cannot hold; remove it"
        ),
        "{}",
        stderr(&output)
    );
}
