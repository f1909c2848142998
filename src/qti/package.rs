//! The package around the items: the `qti-assessment-test` that orders
//! them and sums their scores against the pass mark, the manifest, and the
//! zip, with fixed timestamps and a fixed order so that the same quiz gives
//! the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::items::{Item, NAMESPACE, SCHEMA_LOCATION, XSI};
use super::xml::Xml;
use crate::model::Quiz;

const MANIFEST_NAMESPACE: &str = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
const MANIFEST_SCHEMA_LOCATION: &str = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";
pub const TEST_FILE: &str = "assessment-test.xml";
pub const MANIFEST_FILE: &str = "imsmanifest.xml";

/// The zip of a quiz's package: the manifest, the test, the items in order.
pub fn zip(quiz: &Quiz, base: &str, items: &[Item]) -> Result<Vec<u8>, String> {
    let files = std::iter::once((MANIFEST_FILE.to_owned(), manifest(base, items)))
        .chain(std::iter::once((TEST_FILE.to_owned(), test(quiz, base, items))))
        .chain(items.iter().map(|item| (item.href.clone(), item.xml.clone())));
    // The earliest time a zip can hold, so that nothing of the build's
    // moment ends up in the file.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let error = |e: &dyn std::fmt::Display| format!("cannot write the QTI package of quiz `{}`: {e}", quiz.id);
    for (name, bytes) in files {
        zip.start_file(name, options).map_err(|e| error(&e))?;
        zip.write_all(&bytes).map_err(|e| error(&e))?;
    }
    Ok(zip.finish().map_err(|e| error(&e))?.into_inner())
}

/// A number as QTI writes a float: `7`, `7.5`.
fn number(value: f64) -> String {
    format!("{value}")
}

/// The test: every item in one section, in the quiz's order. SCORE is the
/// sum of the items' scores; PASS is set when it reaches `pass` percent of
/// the questions (also SCORE's `mastery-value`).
pub fn test(quiz: &Quiz, base: &str, items: &[Item]) -> Vec<u8> {
    let count = items.len();
    let cut = f64::from(quiz.pass) * count as f64 / 100.0;
    let mut xml = Xml::new();
    xml.open(
        "qti-assessment-test",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
            ("identifier", base),
            ("title", &quiz.title),
        ],
    );
    let (maximum, cut) = (number(count as f64), number(cut));
    let score = [
        ("identifier", "SCORE"),
        ("cardinality", "single"),
        ("base-type", "float"),
        ("normal-maximum", maximum.as_str()),
        ("mastery-value", cut.as_str()),
    ];
    xml.open("qti-outcome-declaration", &score);
    xml.open("qti-default-value", &[]).text_element("qti-value", &[], "0").close("qti-default-value");
    xml.close("qti-outcome-declaration");
    xml.open(
        "qti-outcome-declaration",
        &[("identifier", "MAXSCORE"), ("cardinality", "single"), ("base-type", "float")],
    );
    xml.open("qti-default-value", &[]).text_element("qti-value", &[], &maximum).close("qti-default-value");
    xml.close("qti-outcome-declaration");
    xml.empty(
        "qti-outcome-declaration",
        &[("identifier", "PASS"), ("cardinality", "single"), ("base-type", "boolean")],
    );
    let part = format!("{base}-part");
    let section = format!("{base}-section");
    xml.open(
        "qti-test-part",
        &[("identifier", &part), ("navigation-mode", "nonlinear"), ("submission-mode", "individual")],
    );
    xml.open("qti-assessment-section", &[("identifier", &section), ("title", &quiz.title), ("visible", "true")]);
    for item in items {
        xml.empty("qti-assessment-item-ref", &[("identifier", &item.identifier), ("href", &item.href)]);
    }
    xml.close("qti-assessment-section").close("qti-test-part");
    xml.open("qti-outcome-processing", &[]);
    xml.open("qti-set-outcome-value", &[("identifier", "SCORE")]).open("qti-sum", &[]);
    xml.empty("qti-test-variables", &[("variable-identifier", "SCORE")]);
    xml.close("qti-sum").close("qti-set-outcome-value");
    xml.open("qti-set-outcome-value", &[("identifier", "PASS")]).open("qti-gte", &[]);
    xml.empty("qti-variable", &[("identifier", "SCORE")]);
    xml.text_element("qti-base-value", &[("base-type", "float")], &cut);
    xml.close("qti-gte").close("qti-set-outcome-value");
    xml.close("qti-outcome-processing");
    xml.close("qti-assessment-test");
    xml.finish()
}

/// The manifest: the test as a resource that depends on every item, and
/// every item as a resource of its own.
pub fn manifest(base: &str, items: &[Item]) -> Vec<u8> {
    let mut xml = Xml::new();
    let identifier = format!("{base}-manifest");
    xml.open(
        "manifest",
        &[
            ("xmlns", MANIFEST_NAMESPACE),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", MANIFEST_SCHEMA_LOCATION),
            ("identifier", &identifier),
        ],
    );
    xml.open("metadata", &[]);
    xml.text_element("schema", &[], "QTI Package").text_element("schemaversion", &[], "3.0.0");
    xml.close("metadata");
    xml.empty("organizations", &[]);
    xml.open("resources", &[]);
    xml.open("resource", &[("identifier", base), ("type", "imsqti_test_xmlv3p0"), ("href", TEST_FILE)]);
    xml.empty("file", &[("href", TEST_FILE)]);
    for item in items {
        xml.empty("dependency", &[("identifierref", &item.identifier)]);
    }
    xml.close("resource");
    for item in items {
        xml.open(
            "resource",
            &[("identifier", &item.identifier), ("type", "imsqti_item_xmlv3p0"), ("href", &item.href)],
        );
        xml.empty("file", &[("href", &item.href)]);
        xml.close("resource");
    }
    xml.close("resources");
    xml.close("manifest");
    xml.finish()
}
