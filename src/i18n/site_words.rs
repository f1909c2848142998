//! The site's own words in the messages: a name `site.yaml` gives a
//! section replaces the built-in words for it (menu, headings, breadcrumbs,
//! links), and the organisation word fills the footer's sentence.

use fluent_bundle::FluentArgs;

use super::Translator;
use crate::config::Config;

/// The messages that name a section, or link to it by its name.
const SECTION_MESSAGES: &[(&str, &[&str])] = &[
    ("protocol", &["protocol-title", "nav-protocol", "protocol-link", "search-no-js-link"]),
    ("glossary", &["glossary-title", "nav-glossary", "glossary-link"]),
    ("quiz", &["quizzes-title", "nav-quizzes", "quizzes-link"]),
    ("scenarios", &["scenarios-title", "nav-scenarios", "scenarios-link"]),
    ("search", &["search-title"]),
    ("changelog", &["changelog-link"]),
    ("acknowledgement", &["acknowledgement-title", "onboarding-acknowledgement-link"]),
];

/// The message that names the organisation in a sentence (`de school`),
/// and the messages that take it as `$organisation`.
const ORGANISATION_KIND: &str = "organisation-kind";
const ORGANISATION_MESSAGES: &[&str] = &["footer-text"];

/// `translator` with the site's words in place of the built-in ones.
pub(super) fn apply(config: &Config, mut translator: Translator) -> Translator {
    let locale = translator.locale.clone();
    for (section, keys) in SECTION_MESSAGES {
        if let Some(name) = config.sections.name(section, &locale) {
            for key in *keys {
                translator.fixed.insert((*key).to_owned(), name.to_owned());
            }
        }
    }
    let kind = match config.organisation_kind.get(&locale) {
        Some(kind) => Some(kind.clone()),
        None => translator.get(ORGANISATION_KIND).ok(),
    };
    if let Some(kind) = kind {
        let mut args = FluentArgs::new();
        args.set("organisation", kind);
        for key in ORGANISATION_MESSAGES {
            // A site's own message without `$organisation` formats as it is.
            if let Ok(text) = translator.format(key, Some(&args)) {
                translator.fixed.insert((*key).to_owned(), text);
            }
        }
    }
    translator
}
