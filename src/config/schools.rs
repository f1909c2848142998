//! The schools of a board (`schools:` in `site.yaml`): each gets a site of
//! its own from the board's text, under `OUT/<school-id>/`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::problems::Problems;
use super::{base_path, is_slug};

/// One school as `site.yaml` lists it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSchool {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) base_url: String,
}

/// A school of the board: its site is the board's text with the school's
/// folder `schools/<id>/` laid over it. Once the sources are read, `name`
/// and `base_url` are the ones its `school.yaml` sets, if it does.
#[derive(Debug, Clone, PartialEq)]
pub struct School {
    pub id: String,
    pub name: String,
    /// Always ends with `/`.
    pub base_url: String,
}

/// Names the output root holds beside the locales and the school folders.
const ROOT_NAMES: [&str; 4] = ["search", "static", "pagefind", "sitemap.xml"];

/// Checks the schools: ids that are slugs, unique and free in the output's
/// root (not a locale); absolute base URLs, unique and not the board's
/// own (`board_url`, ending with `/`).
pub(super) fn checked(
    raw: Vec<RawSchool>,
    locales: &[String],
    board_url: &str,
    problems: &mut Problems<'_>,
) -> Vec<School> {
    let mut ids: Vec<&str> = Vec::new();
    let mut urls: BTreeMap<String, &str> = BTreeMap::new();
    for (index, school) in raw.iter().enumerate() {
        let id = school.id.as_str();
        if !is_slug(id) {
            let message = format!(
                "school id `{id}` becomes a folder of the output and a web address: use only lower-case letters, digits and hyphens"
            );
            problems.report("schools", id, message);
        } else if locales.iter().any(|l| l == id) || ROOT_NAMES.contains(&id) {
            let message = format!("school id `{id}` is taken by the board's own site (a locale or a file of the output root); choose another id");
            problems.report("schools", id, message);
        }
        if ids.contains(&id) {
            ids.push(id);
            problems.report_last("schools", &ids, format!("duplicate school id `{id}`; ids of schools must be unique"));
        } else {
            ids.push(id);
        }
        let url = with_slash(&school.base_url);
        if base_path(&url).is_none() {
            let message = format!(
                "base_url `{}` of school `{id}` is not an absolute http(s) address such as `https://www.example.org/social-media/`",
                school.base_url
            );
            problems.report("schools", &school.base_url, message);
        } else if url == board_url {
            let message = format!(
                "school `{id}` has the board's own base_url `{}`; the board's site is there: give the school the address of its own site"
            , school.base_url);
            let written: Vec<&str> = raw[..=index].iter().map(|s| s.base_url.as_str()).collect();
            problems.report_last("schools", &written, message);
        } else if let Some(other) = urls.insert(url.clone(), id) {
            let message = format!(
                "schools `{other}` and `{id}` have the same base_url `{}`; each school's site needs an address of its own",
                school.base_url
            );
            let written: Vec<&str> = raw[..=index].iter().map(|s| s.base_url.as_str()).collect();
            problems.report_last("schools", &written, message);
        }
    }
    raw.into_iter().map(|s| School { base_url: with_slash(&s.base_url), id: s.id, name: s.name }).collect()
}

/// `url` ending in `/`.
pub(super) fn with_slash(url: &str) -> String {
    if url.ends_with('/') {
        url.to_owned()
    } else {
        format!("{url}/")
    }
}

/// `schools/<id>/school.yaml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchoolFile {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    logo: Option<String>,
    #[serde(default)]
    colors: super::raw::RawColors,
    #[serde(default)]
    contact: super::Localized,
    #[serde(default)]
    audiences: Option<Vec<String>>,
    #[serde(default)]
    base_url: Option<String>,
}

/// A school's own settings: `school.yaml` over the board's list entry.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolSettings {
    pub name: String,
    /// A file in the school's folder, by its path there (`logo.svg`).
    pub logo: Option<String>,
    /// `None` keeps the board's colours.
    pub colors: Option<super::Colors>,
    pub contact: super::Localized,
    /// Ids of the board's audiences the school has, in the board's order;
    /// every one when `school.yaml` does not say.
    pub audiences: Vec<String>,
    pub base_url: String,
    /// The line and column of `base_url` in `school.yaml`, when it sets one.
    pub base_url_at: Option<(usize, usize)>,
}

/// The settings of `school` without a `school.yaml`.
pub fn default_settings(school: &School, board: &super::Config) -> SchoolSettings {
    SchoolSettings {
        name: school.name.clone(),
        logo: None,
        colors: None,
        contact: super::Localized::new(),
        audiences: board.audiences.iter().map(|a| a.id.clone()).collect(),
        base_url: school.base_url.clone(),
        base_url_at: None,
    }
}

/// Reads and checks a school's `school.yaml` against the board's config.
pub fn parse_school(
    source: &str,
    path: &std::path::Path,
    school: &School,
    board: &super::Config,
) -> Result<SchoolSettings, crate::diagnostic::Diagnostics> {
    let raw: RawSchoolFile = crate::yaml::parse(source, path, 1)?;
    let mut problems = Problems::new(source, path);
    let given = raw.colors.primary.is_some() || raw.colors.accent.is_some();
    let colors = given.then(|| {
        let mut colors =
            super::raw::RawColors { primary: raw.colors.primary.clone(), accent: raw.colors.accent.clone() };
        colors.primary = colors.primary.or_else(|| Some(board.colors.primary.clone()));
        colors.accent = colors.accent.or_else(|| Some(board.colors.accent.clone()));
        super::colours::checked(&colors, &mut problems)
    });
    for (locale, text) in &raw.contact {
        if !board.locales.contains(locale) {
            let hint = crate::text::hint(locale, board.locales.iter().map(String::as_str));
            problems.report("contact", locale, format!("`contact` names unknown locale `{locale}`{hint}"));
        } else if text.trim().is_empty() {
            problems.report(
                "contact",
                locale,
                format!("`contact` is empty for locale `{locale}`; give a text or leave the locale out"),
            );
        }
    }
    let audiences = match &raw.audiences {
        None => board.audiences.iter().map(|a| a.id.clone()).collect(),
        Some(ids) => {
            for id in ids.iter().filter(|id| board.audience(id).is_none()) {
                let hint = crate::text::hint(id, board.audiences.iter().map(|a| a.id.as_str()));
                problems.report(
                    "audiences",
                    id,
                    format!("unknown audience `{id}`: the board's site.yaml has no such audience{hint}"),
                );
            }
            if ids.is_empty() {
                problems.report("audiences", "audiences", "`audiences` lists no audience; list the board's audiences this school has, or leave the key out for all".to_owned());
            }
            board.audiences.iter().filter(|a| ids.contains(&a.id)).map(|a| a.id.clone()).collect()
        }
    };
    if let Some(logo) = &raw.logo {
        let safe = !logo.is_empty() && logo.split('/').all(|part| is_slug(part.replace(['.', '_'], "-").as_str()));
        if !safe {
            let message = format!("`logo: {logo}` must name a file in this school's folder, such as `logo.svg`");
            problems.report("logo", logo, message);
        }
    }
    let base_url = raw.base_url.as_deref().map(with_slash).unwrap_or_else(|| school.base_url.clone());
    if base_path(&base_url).is_none() {
        let message = format!(
            "base_url `{base_url}` is not an absolute http(s) address such as `https://www.example.org/social-media/`"
        );
        problems.report("base_url", &base_url, message);
    }
    if problems.errors.has_errors() {
        return Err(problems.errors);
    }
    let base_url_at = raw.base_url.as_deref().map(|url| crate::yaml::locate(source, 1, "base_url", url));
    Ok(SchoolSettings {
        name: raw.name.unwrap_or_else(|| school.name.clone()),
        logo: raw.logo,
        colors,
        contact: raw.contact,
        audiences,
        base_url,
        base_url_at,
    })
}

/// Checks the addresses a school's `school.yaml` sets: the same as another
/// school's (from its `school.yaml` or `site.yaml`) or as the board's own is
/// an error at that `school.yaml`. `site.yaml`'s own list is checked when it
/// is read. `schools` holds each school's settings and `school.yaml` path.
pub fn clashing_addresses(
    board: &super::Config,
    schools: &[(&SchoolSettings, &std::path::Path)],
) -> crate::diagnostic::Diagnostics {
    let mut diagnostics = crate::diagnostic::Diagnostics::new();
    for (index, (settings, path)) in schools.iter().enumerate() {
        let Some((line, column)) = settings.base_url_at else { continue };
        let url = &settings.base_url;
        let clash = if *url == board.base_url {
            Some("the board's own site (`base_url` in site.yaml)".to_owned())
        } else {
            let other = schools.iter().enumerate().find(|(other, (them, _))| {
                *other != index && them.base_url == *url && (them.base_url_at.is_none() || *other < index)
            });
            other.map(|(other, (them, _))| {
                let from = if them.base_url_at.is_some() { "its school.yaml" } else { "site.yaml" };
                format!("school `{}` ({from})", board.schools[other].id)
            })
        };
        if let Some(clash) = clash {
            let message = format!(
                "base_url `{url}` is also the address of {clash}; each school's site needs an address of its own: give this school the address where its site is published"
            );
            diagnostics.push(crate::diagnostic::Diagnostic::error(path, line, column, message));
        }
    }
    diagnostics
}
