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

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::content::assets::{Assets, TextAsset};

    const SITE: &str = "organisation: T
title: { nl: T, en: T }
base_url: https://e.org/
default_locale: nl
locales: [nl, en]
organisation_kind: { nl: het college }
audiences:
  - id: a
    name: { nl: A, en: A }
    slug: { nl: a, en: a }
sections:
  protocol: { nl: p, en: p }
  glossary: { nl: g, en: g }
  quiz:
    slug: { nl: oefenen, en: practice }
    name: { nl: Oefenen }
";

    fn messages(nl: &str) -> crate::i18n::Messages {
        let config = crate::config::parse(SITE, Path::new("site.yaml")).unwrap();
        let en = "nav-quizzes = Quizzes\norganisation-kind = the school\nfooter-text = Contact { $organisation }.\n";
        let mut assets = Assets::default();
        for (locale, text) in [("nl", nl), ("en", en)] {
            assets.messages.entry(locale.to_owned()).or_default().insert(
                "ui.ftl".into(),
                TextAsset { origin: PathBuf::from(format!("locales/{locale}/ui.ftl")), text: text.to_owned() },
            );
        }
        crate::i18n::load(&config, &assets).unwrap().0
    }

    #[test]
    fn the_sites_words_replace_the_built_in_ones_where_it_gives_them() {
        let m =
            messages("nav-quizzes = Quizzen\norganisation-kind = de school\nfooter-text = Bel { $organisation }.\n");
        assert_eq!(m.translator("nl").get("nav-quizzes").unwrap(), "Oefenen");
        assert_eq!(m.translator("en").get("nav-quizzes").unwrap(), "Quizzes", "no English name: built-in");
        assert_eq!(m.translator("nl").get("footer-text").unwrap(), "Bel het college.");
        assert_eq!(m.translator("en").get("footer-text").unwrap(), "Contact the school.");
    }

    #[test]
    fn a_footer_without_the_organisation_stays_as_written() {
        let m = messages("nav-quizzes = Quizzen\norganisation-kind = de school\nfooter-text = Mail ons.\n");
        assert_eq!(m.translator("nl").get("footer-text").unwrap(), "Mail ons.");
    }
}
