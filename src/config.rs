//! `site.yaml`: the raw schema as written, then the checked `Config` that
//! every later stage reads. Locales, audiences, contexts and sections exist
//! only here; no code knows any of them by name.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::{text, yaml};

/// The audience id that stands for every audience.
pub const ALL_AUDIENCES: &str = "all";

/// A text per locale.
pub type Localized = BTreeMap<String, String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    organisation: String,
    title: Localized,
    base_url: String,
    default_locale: String,
    locales: Vec<String>,
    audiences: Vec<RawAudience>,
    #[serde(default)]
    contexts: Vec<RawContext>,
    sections: RawSections,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default)]
    colors: RawColors,
    #[serde(default)]
    logo: Option<String>,
    #[serde(default)]
    stylesheet: Option<String>,
    #[serde(default, deserialize_with = "crate::content::front_matter::string_or_number")]
    version: Option<String>,
    #[serde(default)]
    adopted: Option<String>,
    #[serde(default)]
    approved_by: Option<String>,
}

fn default_theme() -> String {
    "default".to_owned()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudience {
    id: String,
    name: Localized,
    slug: Localized,
    #[serde(default)]
    onboarding: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContext {
    id: String,
    name: Localized,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSections {
    protocol: Localized,
    glossary: Localized,
    #[serde(default)]
    quiz: Option<Localized>,
    #[serde(default)]
    scenarios: Option<Localized>,
    #[serde(default)]
    search: Option<Localized>,
    #[serde(default)]
    changelog: Option<Localized>,
    #[serde(default)]
    acknowledgement: Option<Localized>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColors {
    primary: Option<String>,
    accent: Option<String>,
}

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
}

#[derive(Debug, Clone, PartialEq)]
pub struct Audience {
    pub id: String,
    pub name: Localized,
    pub slug: Localized,
    /// Its view is a reading path for newcomers, ending in an acknowledgement.
    pub onboarding: bool,
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

/// URL slugs of the site's sections, per locale.
#[derive(Debug, Clone, PartialEq)]
pub struct Sections {
    pub protocol: Localized,
    pub glossary: Localized,
    pub quiz: Localized,
    pub scenarios: Localized,
    pub search: Localized,
    pub changelog: Localized,
    pub acknowledgement: Localized,
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

/// Reads and checks `site.yaml` from its text.
pub fn parse(source: &str, path: &Path) -> Result<Config, Diagnostics> {
    let raw: RawConfig = yaml::parse(source, path, 1)?;
    let mut errors = Diagnostics::new();
    let mut report = |key: &str, token: &str, message: String| {
        let (line, column) = yaml::locate(source, 1, key, token);
        errors.push(Diagnostic::error(path, line, column, message));
    };

    let mut seen_locales = BTreeSet::new();
    for locale in &raw.locales {
        if !is_language_code(locale) {
            report("locales", locale, format!("`{locale}` is not a language code such as `nl` or `en`"));
        }
        if !seen_locales.insert(locale.as_str()) {
            report("locales", locale, format!("locale `{locale}` is listed twice"));
        }
    }
    if raw.locales.is_empty() {
        report("locales", "locales", "`locales` lists no locale; add at least one, e.g. `[nl]`".to_owned());
    }
    if !raw.locales.contains(&raw.default_locale) {
        let hint = text::hint(&raw.default_locale, raw.locales.iter().map(String::as_str));
        report(
            "default_locale",
            &raw.default_locale,
            format!("default_locale `{}` is not one of `locales`{hint}", raw.default_locale),
        );
    }

    let mut check_localized = |key: &str, owner: &str, map: &Localized| {
        let whose = if owner == key { format!("`{key}`") } else { format!("`{key}` of {owner}") };
        for locale in &raw.locales {
            if !map.contains_key(locale) {
                report(key, owner, format!("{whose} has no text for locale `{locale}`"));
            }
        }
        for locale in map.keys() {
            if !raw.locales.contains(locale) {
                let hint = text::hint(locale, raw.locales.iter().map(String::as_str));
                report(key, locale, format!("{whose} names unknown locale `{locale}`{hint}"));
            }
        }
    };
    check_localized("title", "title", &raw.title);
    for audience in &raw.audiences {
        check_localized("name", &audience.id, &audience.name);
        check_localized("slug", &audience.id, &audience.slug);
    }
    for context in &raw.contexts {
        check_localized("name", &context.id, &context.name);
    }
    let quiz = raw.sections.quiz.clone().unwrap_or_else(|| same_everywhere(&raw.locales, "quiz"));
    let scenarios = raw.sections.scenarios.clone().unwrap_or_else(|| same_everywhere(&raw.locales, "scenarios"));
    let search = raw.sections.search.clone().unwrap_or_else(|| same_everywhere(&raw.locales, "search"));
    let changelog = raw.sections.changelog.clone().unwrap_or_else(|| same_everywhere(&raw.locales, "changelog"));
    let acknowledgement =
        raw.sections.acknowledgement.clone().unwrap_or_else(|| same_everywhere(&raw.locales, "acknowledgement"));
    for (name, map) in [
        ("protocol", &raw.sections.protocol),
        ("glossary", &raw.sections.glossary),
        ("quiz", &quiz),
        ("scenarios", &scenarios),
        ("search", &search),
        ("changelog", &changelog),
        ("acknowledgement", &acknowledgement),
    ] {
        check_localized(name, &format!("section `{name}`"), map);
    }
    // These live inside other sections, so they need only be valid slugs.
    for (name, map) in [("changelog", &changelog), ("acknowledgement", &acknowledgement)] {
        for slug in map.values().filter(|slug| !is_slug(slug)) {
            report(
                name,
                slug,
                format!("slug `{slug}` of `{name}` may contain only lower-case letters, digits and hyphens"),
            );
        }
    }

    // Ids: unique, not the reserved `all`, usable in URLs and anchors.
    let mut ids = BTreeSet::new();
    let all_ids =
        raw.audiences.iter().map(|a| ("audiences", &a.id)).chain(raw.contexts.iter().map(|c| ("contexts", &c.id)));
    for (key, id) in all_ids {
        if id == ALL_AUDIENCES {
            report(key, id, format!("`{ALL_AUDIENCES}` is reserved for every audience; choose another id"));
        } else if !is_slug(id) {
            report(key, id, format!("id `{id}` may contain only lower-case letters, digits and hyphens"));
        }
        if !ids.insert(id.as_str()) {
            report(key, id, format!("duplicate id `{id}`"));
        }
    }
    if raw.audiences.is_empty() {
        report("audiences", "audiences", "`audiences` lists no audience; add at least one".to_owned());
    }

    // Slugs: URL-safe and unique within a locale, since they share /<locale>/.
    for locale in &raw.locales {
        let mut used = BTreeMap::new();
        let sections = [
            ("protocol", &raw.sections.protocol),
            ("glossary", &raw.sections.glossary),
            ("quiz", &quiz),
            ("scenarios", &scenarios),
            ("search", &search),
        ];
        let slugs = sections
            .iter()
            .map(|(k, m)| (*k, m.get(locale)))
            .chain(raw.audiences.iter().map(|a| (a.id.as_str(), a.slug.get(locale))));
        for (owner, slug) in slugs {
            let Some(slug) = slug else { continue };
            if !is_slug(slug) {
                report(
                    "slug",
                    slug,
                    format!("slug `{slug}` of `{owner}` may contain only lower-case letters, digits and hyphens"),
                );
            } else if let Some(other) = used.insert(slug.clone(), owner) {
                report(
                    "slug",
                    slug,
                    format!("slug `{slug}` is used by both `{other}` and `{owner}` in locale `{locale}`"),
                );
            }
        }
    }

    let adopted = raw.adopted.as_deref().map(|text| (text, Date::parse(text)));
    if let Some((text, None)) = adopted {
        report(
            "adopted",
            text,
            format!("adopted date `{text}` is not a date of the form `2025-09-01` (year-month-day)"),
        );
    }
    let base_url = if raw.base_url.ends_with('/') { raw.base_url.clone() } else { format!("{}/", raw.base_url) };
    let base_path = base_path(&base_url);
    if base_path.is_none() {
        report(
            "base_url",
            &raw.base_url,
            format!(
                "base_url `{}` is not an absolute http(s) address such as `https://www.example.org/social-media/`",
                raw.base_url
            ),
        );
    }

    let colors = Colors {
        primary: raw.colors.primary.clone().unwrap_or_else(|| "#1f4e79".to_owned()),
        accent: raw.colors.accent.clone().unwrap_or_else(|| "#b35900".to_owned()),
    };
    // The primary colour carries text (white on it, it on white); the accent
    // only marks borders and tints, for which WCAG asks 3:1.
    for (name, value, needed, what) in
        [("primary", &colors.primary, 4.5, "text"), ("accent", &colors.accent, 3.0, "borders and marks")]
    {
        match crate::check::contrast_with_white(value) {
            None => report(name, value, format!("colour `{value}` is not a colour of the form `#1f4e79`")),
            Some(ratio) if ratio < needed => report(
                name,
                value,
                format!("colour `{value}` has a contrast of {ratio:.1}:1 with white, below the {needed}:1 that WCAG AA asks for {what}; choose a darker colour"),
            ),
            Some(_) => {}
        }
    }

    if errors.has_errors() {
        return Err(errors);
    }
    Ok(Config {
        organisation: raw.organisation,
        title: raw.title,
        base_url,
        base_path: base_path.unwrap_or_default(),
        default_locale: raw.default_locale,
        locales: raw.locales,
        audiences: raw
            .audiences
            .into_iter()
            .map(|a| Audience { id: a.id, name: a.name, slug: a.slug, onboarding: a.onboarding })
            .collect(),
        contexts: raw.contexts.into_iter().map(|c| Context { id: c.id, name: c.name }).collect(),
        sections: Sections {
            protocol: raw.sections.protocol,
            glossary: raw.sections.glossary,
            quiz,
            scenarios,
            search,
            changelog,
            acknowledgement,
        },
        theme: raw.theme,
        colors,
        logo: raw.logo,
        stylesheet: raw.stylesheet,
        version: raw.version,
        adopted: adopted.and_then(|(_, date)| date),
        approved_by: raw.approved_by,
    })
}

fn same_everywhere(locales: &[String], slug: &str) -> Localized {
    locales.iter().map(|l| (l.clone(), slug.to_owned())).collect()
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
    fn low_contrast_colour_is_refused() {
        let source = format!("{SITE}colors: {{ primary: \"#ffcc00\" }}\n");
        let messages: Vec<_> =
            parse(&source, Path::new("site.yaml")).unwrap_err().sorted().into_iter().map(|d| d.message).collect();
        assert!(messages[0].contains("below the 4.5:1"), "{messages:?}");
    }
}
