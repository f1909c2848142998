//! `site.yaml`: the raw schema as written, then the checked `Config` that
//! every later stage reads. Locales, audiences, contexts and sections exist
//! only here; no code knows any of them by name.

mod colours;
mod problems;
mod raw;
mod register;
mod schools;
mod section;
mod validate;

use std::collections::BTreeMap;

pub use register::{Register, Registers};
pub use schools::{clashing_addresses, default_settings, parse_school, School, SchoolSettings};
pub use validate::parse;

/// The audience id that stands for every audience.
pub const ALL_AUDIENCES: &str = "all";

/// A text per locale.
pub type Localized = BTreeMap<String, String>;

/// The checked site configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub organisation: String,
    pub title: Localized,
    /// Always ends with `/`.
    pub base_url: String,
    /// The path part of `base_url`, e.g. `/social-media/`.
    pub base_path: String,
    pub default_locale: String,
    /// In the order of `site.yaml`.
    pub locales: Vec<String>,
    pub audiences: Vec<Audience>,
    pub contexts: Vec<Context>,
    pub sections: Sections,
    pub theme: String,
    pub colors: Colors,
    /// Path of the logo relative to the site root, if any.
    pub logo: Option<String>,
    /// An extra stylesheet of the site, loaded after the theme's.
    pub stylesheet: Option<String>,
    /// The protocol's version, as the school numbers it.
    pub version: Option<String>,
    /// The date it was adopted, `YYYY-MM-DD`.
    pub adopted: Option<Date>,
    /// Who approved it (a council, a board).
    pub approved_by: Option<String>,
    /// How a sentence names the organisation (`het college`), per locale;
    /// a locale without one uses the built-in words.
    pub organisation_kind: Localized,
    /// `concept` for a draft: every page says so.
    pub status: Option<Status>,
    /// The register (form of address) of each locale where an audience sets none.
    pub register: Registers,
    /// A board's schools (`schools:`), each built as a site of its own.
    pub schools: Vec<School>,
    /// Whether each school's site says the board adopted the protocol.
    pub board_adopted: bool,
    /// Set by `serve`, never read from `site.yaml`: the board's home links
    /// to each school's site in the same output (`<school-id>/`) instead
    /// of at its `base_url`.
    pub schools_local: bool,
    /// Set on the configuration of a school's site (made by `board`), never
    /// read from `site.yaml`.
    pub school: Option<SchoolSite>,
}

/// What a school's site has that the board's has not.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchoolSite {
    pub id: String,
    /// The board's name, when its sites say it adopted the protocol.
    pub adopted_by: Option<String>,
    /// Whom to ask, per locale (may lack some).
    pub contact: Localized,
}

/// The status of the protocol, when it is not simply in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A draft, not (yet) adopted.
    Concept,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Concept => "concept",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Audience {
    pub id: String,
    pub name: Localized,
    pub slug: Localized,
    /// Its view is a reading path for newcomers, ending in an acknowledgement.
    pub onboarding: bool,
    /// The line under its card on the home page, per locale (may lack some).
    pub summary: Localized,
    /// It is taught in class: its quizzes get the teachers' box.
    pub classroom: bool,
    /// The register (form of address) its pages use, per locale.
    pub register: Registers,
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day) && text.trim().len() == 10).then_some(Date {
            year,
            month,
            day,
        })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Context {
    pub id: String,
    pub name: Localized,
}

/// URL slugs of the site's sections, per locale, and the names the site
/// gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct Sections {
    pub protocol: Localized,
    pub glossary: Localized,
    pub quiz: Localized,
    pub scenarios: Localized,
    pub search: Localized,
    pub changelog: Localized,
    pub acknowledgement: Localized,
    /// By section (`quiz`), the site's name for it per locale; a section or
    /// locale without one uses the built-in words.
    pub names: BTreeMap<&'static str, Localized>,
}

impl Sections {
    /// The site's name for `section` in `locale`, if it gives one.
    pub fn name(&self, section: &str, locale: &str) -> Option<&str> {
        self.names.get(section)?.get(locale).map(String::as_str)
    }

    /// The sections directly under `/<locale>/`, by name.
    pub fn top_level(&self) -> impl Iterator<Item = (&'static str, &Localized)> {
        [
            ("protocol", &self.protocol),
            ("glossary", &self.glossary),
            ("quiz", &self.quiz),
            ("scenarios", &self.scenarios),
            ("search", &self.search),
        ]
        .into_iter()
    }

    /// Every section, by name; the change log and the acknowledgement live
    /// inside the protocol and the audience views.
    pub fn all(&self) -> impl Iterator<Item = (&'static str, &Localized)> {
        self.top_level().chain([("changelog", &self.changelog), ("acknowledgement", &self.acknowledgement)])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Colors {
    pub primary: String,
    pub accent: String,
}

impl Config {
    pub fn audience(&self, id: &str) -> Option<&Audience> {
        self.audiences.iter().find(|a| a.id == id)
    }

    pub fn context(&self, id: &str) -> Option<&Context> {
        self.contexts.iter().find(|c| c.id == id)
    }

    /// The locales other than the default, in `site.yaml` order.
    pub fn other_locales(&self) -> impl Iterator<Item = &String> {
        self.locales.iter().filter(move |l| **l != self.default_locale)
    }
}

/// A language code as web addresses and `lang` attributes use it: two or
/// three lower-case letters, optionally a region (`nl`, `fy`, `nl-be`).
fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or("");
    let region_ok = parts.all(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_lowercase())
        && region_ok
        && code.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

/// Lower-case letters (any script), digits and single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars().all(|c| c == '-' || c.is_numeric() || (c.is_alphabetic() && !c.is_uppercase()))
}

fn base_path(base_url: &str) -> Option<String> {
    let rest = base_url.strip_prefix("https://").or_else(|| base_url.strip_prefix("http://"))?;
    let slash = rest.find('/')?;
    if slash == 0 {
        return None;
    }
    Some(rest[slash..].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const SITE: &str = "organisation: Test
title: { nl: Protocol, en: Protocol }
base_url: https://example.org/sm
default_locale: nl
locales: [nl, en]
audiences:
  - id: leerlingen
    name: { nl: Leerlingen, en: Students }
    slug: { nl: leerlingen, en: students }
contexts:
  - id: school
    name: { nl: Op school, en: At school }
sections:
  protocol: { nl: protocol, en: protocol }
  glossary: { nl: begrippen, en: glossary }
";

    #[test]
    fn parses_and_normalises() {
        let config = parse(SITE, Path::new("site.yaml")).unwrap();
        assert_eq!(config.base_url, "https://example.org/sm/");
        assert_eq!(config.base_path, "/sm/");
        assert_eq!(config.sections.quiz["en"], "quiz");
        assert_eq!(config.other_locales().collect::<Vec<_>>(), ["en"]);
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let source = SITE.replace("theme", "x").replace("contexts:", "context:");
        let err = parse(&source, Path::new("site.yaml")).unwrap_err().sorted();
        assert_eq!(err[0].line, 10);
        assert!(err[0].message.contains("unknown key `context`; did you mean `contexts`?"), "{}", err[0]);
    }

    #[test]
    fn missing_locale_text_and_bad_default_are_reported_together() {
        let source = SITE.replace("en: Students", "de: Studenten").replace("default_locale: nl", "default_locale: nll");
        let errors = parse(&source, Path::new("site.yaml")).unwrap_err().sorted();
        let messages: Vec<_> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            messages.contains(
                &"site.yaml:4:17: default_locale `nll` is not one of `locales`; did you mean `nl`?".to_owned()
            ),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("`name` of leerlingen has no text for locale `en`")),
            "{messages:?}"
        );
        assert!(messages.iter().any(|m| m.contains("unknown locale `de`")), "{messages:?}");
    }

    #[test]
    fn locale_codes_are_language_codes() {
        for good in ["nl", "en", "fy", "pap", "nl-be"] {
            assert!(is_language_code(good), "{good}");
        }
        for bad in ["Engels", "nl_NL", "n", "nederlands", "NL", "nl/be"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }

    #[test]
    fn reserved_and_clashing_ids_are_errors() {
        let source =
            SITE.replace("id: school", "id: all").replace("glossary: { nl: begrippen", "glossary: { nl: leerlingen");
        let messages: Vec<_> =
            parse(&source, Path::new("site.yaml")).unwrap_err().sorted().into_iter().map(|d| d.message).collect();
        assert!(messages.iter().any(|m| m.contains("`all` is reserved")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("slug `leerlingen` is used by both")), "{messages:?}");
    }

    #[test]
    fn registers_are_placed_and_name_known_locales() {
        let source = SITE.replace(
            "    slug: { nl: leerlingen, en: students }\n",
            "    slug: { nl: leerlingen, en: students }\n    register: { nl: je }\n",
        );
        let source = format!("{source}register: {{ nl: u }}\n");
        let config = parse(&source, Path::new("site.yaml")).unwrap();
        let audience = &config.audiences[0].register["nl"];
        assert_eq!((audience.value.as_str(), audience.line, audience.column), ("je", 10, 21));
        let site = &config.register["nl"];
        assert_eq!((site.value.as_str(), site.line, site.column), ("u", 17, 17));
        let errors = parse(&source.replace("register: { nl: u }", "register: { de: u }"), Path::new("site.yaml"))
            .unwrap_err()
            .sorted();
        assert_eq!(errors[0].to_string(), "site.yaml:17:13: `register` names unknown locale `de`");
    }

    #[test]
    fn low_contrast_colour_is_refused() {
        let source = format!("{SITE}colors: {{ primary: \"#ffcc00\" }}\n");
        let messages: Vec<_> =
            parse(&source, Path::new("site.yaml")).unwrap_err().sorted().into_iter().map(|d| d.message).collect();
        assert!(messages[0].contains("below the 4.5:1"), "{messages:?}");
    }

    #[test]
    fn sections_may_be_named_per_locale_next_to_their_slugs() {
        let source = SITE.replace(
            "  glossary: { nl: begrippen, en: glossary }\n",
            "  glossary: { nl: begrippen, en: glossary }\n  quiz:\n    slug: { nl: oefenen, en: practice }\n    name: { nl: Oefenen }\n",
        );
        let config = parse(&source, Path::new("site.yaml")).unwrap();
        assert_eq!(config.sections.quiz["en"], "practice");
        assert_eq!(config.sections.name("quiz", "nl"), Some("Oefenen"));
        assert_eq!(config.sections.name("quiz", "en"), None);
        assert_eq!(config.sections.name("protocol", "nl"), None);
    }

    #[test]
    fn a_malformed_section_is_an_error_at_its_line() {
        let with = |quiz: &str| {
            let source = SITE.replace(
                "  glossary: { nl: begrippen, en: glossary }\n",
                &format!("  glossary: {{ nl: begrippen, en: glossary }}\n  quiz:\n{quiz}"),
            );
            parse(&source, Path::new("site.yaml"))
                .unwrap_err()
                .sorted()
                .into_iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
        };
        let unknown = with("    slug: { nl: oefenen, en: practice }\n    nmae: { nl: Oefenen }\n");
        assert_eq!(unknown.len(), 1, "{unknown:?}");
        assert!(unknown[0].starts_with("site.yaml:17:"), "{unknown:?}");
        assert!(unknown[0].contains("unknown key `nmae`; did you mean `name`?"), "{unknown:?}");
        let nameless = with("    name: { nl: Oefenen, en: Practice }\n");
        assert!(nameless[0].contains("a section with a `name` needs its `slug` too"), "{nameless:?}");
        let mixed = with("    nl: oefenen\n    name: { nl: Oefenen }\n");
        assert!(mixed[0].starts_with("site.yaml:17:"), "{mixed:?}");
        assert!(mixed[0].contains("`name` next to slugs per locale"), "{mixed:?}");
        let foreign = with("    slug: { nl: oefenen, en: practice }\n    name: { de: Üben }\n");
        assert!(foreign[0].contains("`name` of section `quiz` names unknown locale `de`"), "{foreign:?}");
    }

    #[test]
    fn status_is_concept_or_absent() {
        let config = parse(SITE, Path::new("site.yaml")).unwrap();
        assert_eq!((config.status, config.version, config.adopted, config.approved_by), (None, None, None, None));
        let concept = parse(&format!("{SITE}status: concept\n"), Path::new("site.yaml")).unwrap();
        assert_eq!(concept.status, Some(Status::Concept));
        let errors = parse(&format!("{SITE}status: draft\n"), Path::new("site.yaml")).unwrap_err().sorted();
        assert_eq!(errors[0].to_string(), "site.yaml:16:9: `status`: unknown value `draft`; allowed are `concept`");
    }
}
