//! A small XML writer over quick-xml: elements, attributes and text, every
//! value escaped by quick-xml, indented two spaces. Text is checked for
//! characters XML 1.0 cannot hold before it gets here (`super::text_problem`).

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

pub struct Xml {
    writer: Writer<Vec<u8>>,
}

/// Writing into a `Vec` cannot fail.
const INFALLIBLE: &str = "writing XML into memory does not fail";

impl Xml {
    pub fn new() -> Xml {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))).expect(INFALLIBLE);
        Xml { writer }
    }

    /// Opens `name` with `attributes`; `close` closes it.
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> &mut Self {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Start(start)).expect(INFALLIBLE);
        self
    }

    pub fn close(&mut self, name: &str) -> &mut Self {
        self.writer.write_event(Event::End(BytesEnd::new(name))).expect(INFALLIBLE);
        self
    }

    /// An element without content.
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> &mut Self {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Empty(start)).expect(INFALLIBLE);
        self
    }

    /// An element holding only `text`.
    pub fn text_element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.writer
            .create_element(name)
            .with_attributes(attributes.iter().copied())
            .write_text_content(BytesText::new(text))
            .expect(INFALLIBLE);
        self
    }

    pub fn finish(self) -> Vec<u8> {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        bytes
    }
}
