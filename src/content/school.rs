//! The folders of a board's schools: `schools/<id>/school.yaml` and
//! `schools/<id>/content/<locale>/...`, read once beside the board's own
//! content. What they change in each school's site is `board`'s concern.

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{content_files, parse_file, read_text, sort_parsed, LocaleSources};
use crate::config::{self, Config, School, SchoolSettings};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use crate::text;

/// The folder of the schools, under the site root.
pub const FOLDER: &str = "schools";

/// What one school's folder holds.
#[derive(Debug, Clone)]
pub struct SchoolSources {
    pub school: School,
    /// `schools/<id>`, as shown in messages.
    pub folder: PathBuf,
    pub settings: SchoolSettings,
    /// The files under `content/<locale>/`, per locale of the board.
    pub locales: BTreeMap<String, LocaleSources>,
    /// The logo's bytes, when `school.yaml` names one.
    pub logo: Option<Vec<u8>>,
}

/// Reads the folder of every school that `site.yaml` lists (a school
/// without one gets the board's site under its own name), and reports
/// folders of schools it does not list.
pub fn load(root: &Path, config: &Config, diagnostics: &mut Diagnostics) -> Vec<SchoolSources> {
    undeclared(root, config, diagnostics);
    let schools: Vec<SchoolSources> =
        config.schools.iter().map(|school| load_one(root, config, school, diagnostics)).collect();
    let files: Vec<PathBuf> = schools.iter().map(|s| s.folder.join("school.yaml")).collect();
    let addresses: Vec<_> = schools.iter().zip(&files).map(|(s, f)| (&s.settings, f.as_path())).collect();
    diagnostics.extend(config::clashing_addresses(config, &addresses));
    schools
}

/// `replaces` and `board_from` belong to a school's replacements: in the
/// board's own articles they would mean nothing.
pub(super) fn only_in_schools(locales: &BTreeMap<String, LocaleSources>, diagnostics: &mut Diagnostics) {
    for doc in locales.values().flat_map(|c| &c.articles) {
        let keys = [("replaces", doc.meta.replaces), ("board_from", doc.meta.board_from.is_some())];
        for (key, _) in keys.into_iter().filter(|(_, set)| *set) {
            let (line, column) = crate::yaml::locate(&doc.yaml, doc.yaml_line, key, key);
            let message = format!(
                "`{key}` is for a school's replacement of a board article, in {FOLDER}/<id>/content/; remove it here"
            );
            diagnostics.push(Diagnostic::error(&doc.path, line, column, message));
        }
    }
}

fn undeclared(root: &Path, config: &Config, diagnostics: &mut Diagnostics) {
    let dir = display_path(root, Path::new(FOLDER));
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut names: Vec<String> =
        entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for name in names.iter().filter(|n| !n.starts_with('.')) {
        if config.schools.iter().any(|s| s.id == *name) {
            continue;
        }
        let hint = text::hint(name, config.schools.iter().map(|s| s.id.as_str()));
        let message = format!(
            "`{FOLDER}/{name}` is not a school of site.yaml{hint}; add it under `schools:` (id, name, base_url) or remove the folder"
        );
        diagnostics.push(Diagnostic::error(dir.join(name), 0, 0, message));
    }
}

fn load_one(root: &Path, config: &Config, school: &School, diagnostics: &mut Diagnostics) -> SchoolSources {
    let folder = display_path(root, &Path::new(FOLDER).join(&school.id));
    let settings_path = folder.join("school.yaml");
    let settings = if settings_path.is_file() {
        let parsed = read_text(&settings_path)
            .map_err(Diagnostics::from)
            .and_then(|text| config::parse_school(&text, &settings_path, school, config));
        match parsed {
            Ok(settings) => settings,
            Err(errors) => {
                diagnostics.extend(errors);
                config::default_settings(school, config)
            }
        }
    } else {
        config::default_settings(school, config)
    };
    let logo = settings.logo.as_ref().and_then(|logo| match std::fs::read(folder.join(logo)) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            let message = format!("`logo: {logo}` cannot be read ({e}); put the file in {}", folder.display());
            diagnostics.push(Diagnostic::error(&settings_path, 0, 0, message));
            None
        }
    });
    let content_dir = folder.join("content");
    let locales = if content_dir.is_dir() {
        let files = content_files(&content_dir, config, diagnostics);
        let parsed: Vec<_> = files
            .par_iter()
            .map(|(locale, path)| (locale.clone(), path, parse_file(&content_dir.join(locale), path)))
            .collect();
        sort_parsed(config, &content_dir, parsed, diagnostics)
    } else {
        BTreeMap::new()
    };
    SchoolSources { school: school.clone(), folder, settings, locales, logo }
}
