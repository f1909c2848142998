//! From the raw schema to the checked `Config`, in one pass: every problem
//! of `site.yaml` is reported at its line, all at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::colours;
use super::problems::Problems;
use super::raw::{RawConfig, RawSection};
use super::register;
use super::{
    base_path, is_language_code, is_slug, Audience, Config, Context, Date, Localized, Sections, ALL_AUDIENCES,
};
use crate::diagnostic::Diagnostics;
use crate::{text, yaml};

/// Reads and checks `site.yaml` from its text.
pub fn parse(source: &str, path: &Path) -> Result<Config, Diagnostics> {
    let mut raw: RawConfig = yaml::parse(source, path, 1)?;
    let mut problems = Problems::new(source, path);
    check_locales(&raw, &mut problems);
    check_texts(&raw, &mut problems);
    let sections = sections(&raw, &mut problems);
    check_ids(&raw, &mut problems);
    check_slugs(&raw, &sections, &mut problems);
    let adopted = raw.adopted.as_deref().map(|text| (text, Date::parse(text)));
    if let Some((text, None)) = adopted {
        let message = format!("adopted date `{text}` is not a date of the form `2025-09-01` (year-month-day)");
        problems.report("adopted", text, message);
    }
    let base_url = if raw.base_url.ends_with('/') { raw.base_url.clone() } else { format!("{}/", raw.base_url) };
    let base_path = base_path(&base_url);
    if base_path.is_none() {
        let message = format!(
            "base_url `{}` is not an absolute http(s) address such as `https://www.example.org/social-media/`",
            raw.base_url
        );
        problems.report("base_url", &raw.base_url, message);
    }
    let colors = colours::checked(&raw.colors, &mut problems);
    let schools = super::schools::checked(std::mem::take(&mut raw.schools), &raw.locales, &base_url, &mut problems);
    let (register, audience_registers) = register::placed(&raw, source, path);
    if problems.errors.has_errors() {
        return Err(problems.errors);
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
            .zip(audience_registers)
            .map(|(a, register)| Audience {
                id: a.id,
                name: a.name,
                slug: a.slug,
                onboarding: a.onboarding,
                summary: a.summary.unwrap_or_default(),
                classroom: a.classroom,
                register,
            })
            .collect(),
        contexts: raw.contexts.into_iter().map(|c| Context { id: c.id, name: c.name }).collect(),
        sections,
        theme: raw.theme,
        colors,
        logo: raw.logo,
        stylesheet: raw.stylesheet,
        version: raw.version,
        adopted: adopted.and_then(|(_, date)| date),
        approved_by: raw.approved_by,
        organisation_kind: raw.organisation_kind.unwrap_or_default(),
        status: raw.status,
        register,
        schools,
        board_adopted: raw.board_adopted,
        schools_local: false,
        school: None,
    })
}

fn check_locales(raw: &RawConfig, problems: &mut Problems<'_>) {
    let mut seen = BTreeSet::new();
    for locale in &raw.locales {
        if !is_language_code(locale) {
            problems.report("locales", locale, format!("`{locale}` is not a language code such as `nl` or `en`"));
        }
        if !seen.insert(locale.as_str()) {
            problems.report("locales", locale, format!("locale `{locale}` is listed twice"));
        }
    }
    if raw.locales.is_empty() {
        problems.report("locales", "locales", "`locales` lists no locale; add at least one, e.g. `[nl]`".to_owned());
    }
    if !raw.locales.contains(&raw.default_locale) {
        let hint = text::hint(&raw.default_locale, raw.locales.iter().map(String::as_str));
        let message = format!("default_locale `{}` is not one of `locales`{hint}", raw.default_locale);
        problems.report("default_locale", &raw.default_locale, message);
    }
}

/// A text in every locale of the site, and in no other.
fn check_localized(raw: &RawConfig, problems: &mut Problems<'_>, key: &str, owner: &str, map: &Localized) {
    let whose = if owner == key { format!("`{key}`") } else { format!("`{key}` of {owner}") };
    for locale in &raw.locales {
        if !map.contains_key(locale) {
            problems.report(key, owner, format!("{whose} has no text for locale `{locale}`"));
        }
    }
    for locale in map.keys() {
        if !raw.locales.contains(locale) {
            let hint = text::hint(locale, raw.locales.iter().map(String::as_str));
            problems.report(key, locale, format!("{whose} names unknown locale `{locale}`{hint}"));
        }
    }
}

fn check_texts(raw: &RawConfig, problems: &mut Problems<'_>) {
    check_localized(raw, problems, "title", "title", &raw.title);
    for audience in &raw.audiences {
        check_localized(raw, problems, "name", &audience.id, &audience.name);
        check_localized(raw, problems, "slug", &audience.id, &audience.slug);
    }
    for context in &raw.contexts {
        check_localized(raw, problems, "name", &context.id, &context.name);
    }
    // A register, an audience's summary and the organisation word may be
    // given for some locales only.
    check_some_locales(raw, problems, "register", "`register`", &raw.register);
    for audience in &raw.audiences {
        check_some_locales(raw, problems, "register", &format!("`register` of {}", audience.id), &audience.register);
        if let Some(summary) = &audience.summary {
            check_some_locales(raw, problems, "summary", &format!("`summary` of {}", audience.id), summary);
        }
    }
    if let Some(kind) = &raw.organisation_kind {
        check_some_locales(raw, problems, "organisation_kind", "`organisation_kind`", kind);
    }
}

/// Texts for some of the site's locales (the others use built-in words):
/// none for a locale the site lacks, none empty.
fn check_some_locales(raw: &RawConfig, problems: &mut Problems<'_>, key: &str, whose: &str, map: &Localized) {
    for (locale, text) in map {
        if !raw.locales.contains(locale) {
            let hint = text::hint(locale, raw.locales.iter().map(String::as_str));
            problems.report(key, locale, format!("{whose} names unknown locale `{locale}`{hint}"));
        } else if text.trim().is_empty() {
            let message = format!("{whose} is empty for locale `{locale}`; give a text or leave the locale out");
            problems.report(key, locale, message);
        }
    }
}

/// The sections' slugs, each section's name being its slug where
/// `site.yaml` gives none.
fn sections(raw: &RawConfig, problems: &mut Problems<'_>) -> Sections {
    let given = &raw.sections;
    let or_name = |section: &Option<RawSection>, name: &str| match section {
        Some(section) => section.slug.clone(),
        None => raw.locales.iter().map(|l| (l.clone(), name.to_owned())).collect(),
    };
    let named = [
        ("protocol", Some(&given.protocol)),
        ("glossary", Some(&given.glossary)),
        ("quiz", given.quiz.as_ref()),
        ("scenarios", given.scenarios.as_ref()),
        ("search", given.search.as_ref()),
        ("changelog", given.changelog.as_ref()),
        ("acknowledgement", given.acknowledgement.as_ref()),
    ];
    let mut names = BTreeMap::new();
    for (section, given) in named {
        let Some(given) = given.filter(|g| !g.name.is_empty()) else { continue };
        check_some_locales(raw, problems, section, &format!("`name` of section `{section}`"), &given.name);
        names.insert(section, given.name.clone());
    }
    let sections = Sections {
        protocol: given.protocol.slug.clone(),
        glossary: given.glossary.slug.clone(),
        quiz: or_name(&given.quiz, "quiz"),
        scenarios: or_name(&given.scenarios, "scenarios"),
        search: or_name(&given.search, "search"),
        changelog: or_name(&given.changelog, "changelog"),
        acknowledgement: or_name(&given.acknowledgement, "acknowledgement"),
        names,
    };
    for (name, map) in sections.all() {
        check_localized(raw, problems, name, &format!("section `{name}`"), map);
    }
    // These live inside other sections, so they need only be valid slugs.
    for (name, map) in [("changelog", &sections.changelog), ("acknowledgement", &sections.acknowledgement)] {
        for slug in map.values().filter(|slug| !is_slug(slug)) {
            let message = format!("slug `{slug}` of `{name}` may contain only lower-case letters, digits and hyphens");
            problems.report(name, slug, message);
        }
    }
    sections
}

/// Ids: unique within their kind (an audience may share its id with a
/// context), not the reserved `all`, usable in URLs and anchors.
fn check_ids(raw: &RawConfig, problems: &mut Problems<'_>) {
    let mut ids = BTreeSet::new();
    // Per kind, the ids so far in the order written, to place a repeated one.
    let mut written: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let all_ids =
        raw.audiences.iter().map(|a| ("audiences", &a.id)).chain(raw.contexts.iter().map(|c| ("contexts", &c.id)));
    for (key, id) in all_ids {
        let so_far = written.entry(key).or_default();
        so_far.push(id);
        if id == ALL_AUDIENCES {
            problems.report(key, id, format!("`{ALL_AUDIENCES}` is reserved for every audience; choose another id"));
        } else if !is_slug(id) {
            problems.report(key, id, format!("id `{id}` may contain only lower-case letters, digits and hyphens"));
        }
        if !ids.insert((key, id.as_str())) {
            let kind = key.trim_end_matches('s');
            problems.report_last(key, so_far, format!("duplicate {kind} id `{id}`; ids of {key} must be unique"));
        }
    }
    if raw.audiences.is_empty() {
        problems.report("audiences", "audiences", "`audiences` lists no audience; add at least one".to_owned());
    }
}

/// Slugs: URL-safe and unique within a locale, since the sections and the
/// audience views share `/<locale>/`.
fn check_slugs(raw: &RawConfig, sections: &Sections, problems: &mut Problems<'_>) {
    for locale in &raw.locales {
        let mut used = BTreeMap::new();
        let slugs = sections
            .top_level()
            .map(|(name, map)| (name, map.get(locale)))
            .chain(raw.audiences.iter().map(|a| (a.id.as_str(), a.slug.get(locale))));
        for (owner, slug) in slugs {
            let Some(slug) = slug else { continue };
            if !is_slug(slug) {
                let message =
                    format!("slug `{slug}` of `{owner}` may contain only lower-case letters, digits and hyphens");
                problems.report("slug", slug, message);
            } else if let Some(other) = used.insert(slug.clone(), owner) {
                let message = format!("slug `{slug}` is used by both `{other}` and `{owner}` in locale `{locale}`");
                problems.report("slug", slug, message);
            }
        }
    }
}
