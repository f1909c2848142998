//! Registers (forms of address, such as a formal and an informal "you")
//! that `site.yaml` sets per locale, for the site and per audience, each
//! with the place it is written, so that the UI messages, which declare the
//! registers a locale knows, can check them there.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::raw::RawConfig;
use crate::yaml::{Outline, Span};

/// A register `site.yaml` sets for one locale, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    pub value: String,
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// Registers by locale.
pub type Registers = BTreeMap<String, Register>;

/// The site's registers and each audience's (in `site.yaml` order), placed.
pub(super) fn placed(raw: &RawConfig, source: &str, path: &Path) -> (Registers, Vec<Registers>) {
    let outline = Outline::new(source, 1);
    let top = outline.entries(outline.whole());
    let span_of = |entries: &[(String, Span)], key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, s)| *s);
    let site = place(&outline, span_of(&top, "register"), &raw.register, path);
    let items = span_of(&top, "audiences").map(|span| outline.items(span)).unwrap_or_default();
    let audiences = raw
        .audiences
        .iter()
        .enumerate()
        .map(|(i, audience)| {
            let span = items.get(i).and_then(|item| span_of(&outline.entries(*item), "register"));
            place(&outline, span, &audience.register, path)
        })
        .collect();
    (site, audiences)
}

/// Each `locale: value` of a `register:` mapping whose lines are `span`.
fn place(outline: &Outline<'_>, span: Option<Span>, given: &BTreeMap<String, String>, path: &Path) -> Registers {
    given
        .iter()
        .map(|(locale, value)| {
            let (line, column) = match span {
                Some(span) => outline.find_all(span, &["register", locale.as_str(), value.as_str()])[2],
                None => (0, 0),
            };
            (locale.clone(), Register { value: value.clone(), path: path.to_owned(), line, column })
        })
        .collect()
}
