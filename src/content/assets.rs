//! The theme (templates and static files) and the UI messages: the built-in
//! `default` theme and `locales/` compiled into the binary, overlaid by the
//! files a site places at the same paths.

use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};

static BUILTIN_THEME: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
static BUILTIN_LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A text file with the path to name in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextAsset {
    pub origin: PathBuf,
    pub text: String,
}

impl TextAsset {
    /// Whether the file comes from the binary rather than the site.
    pub fn is_builtin(&self) -> bool {
        self.origin.starts_with(BUILTIN)
    }
}

/// The folder named as the origin of built-in files in messages.
pub const BUILTIN: &str = "(built-in)";

/// Theme and message files after overrides.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// Template name (path under `templates/`) to its source.
    pub templates: BTreeMap<String, TextAsset>,
    /// Path under `static/` to its bytes, copied to the site root.
    /// Shared by the copies of the sources that a board's schools get.
    pub statics: BTreeMap<String, std::sync::Arc<[u8]>>,
    /// Locale to its Fluent files, by file name.
    pub messages: BTreeMap<String, BTreeMap<String, TextAsset>>,
    /// The site's `locales/` folder, as messages name it.
    pub locales_dir: PathBuf,
}

/// Collects the built-in files, then lets the site's own files replace them.
pub fn load(root: &Path, config: &Config, config_text: &str, diagnostics: &mut Diagnostics) -> Assets {
    let mut assets =
        Assets { locales_dir: crate::diagnostic::display_path(root, Path::new("locales")), ..Assets::default() };
    let builtin_origin = |path: &Path| PathBuf::from(BUILTIN).join(path);

    for file in all_files(&BUILTIN_THEME) {
        add_theme_file(
            &mut assets,
            file.path(),
            file.contents().to_vec(),
            builtin_origin(&Path::new("themes/default").join(file.path())),
            diagnostics,
        );
    }
    for file in all_files(&BUILTIN_LOCALES) {
        add_message_file(
            &mut assets,
            file.path(),
            file.contents().to_vec(),
            builtin_origin(&Path::new("locales").join(file.path())),
            diagnostics,
        );
    }

    // Site files: the default theme's overrides first, then the named theme.
    let mut theme_dirs = vec![PathBuf::from("themes/default")];
    if config.theme != "default" {
        let named = PathBuf::from("themes").join(&config.theme);
        if !display_path(root, &named).is_dir() {
            diagnostics.push(Diagnostic::error(
                display_path(root, Path::new("site.yaml")),
                0,
                0,
                format!(
                    "theme `{}` not found: create `themes/{}/` or set `theme: default`",
                    config.theme, config.theme
                ),
            ));
        }
        theme_dirs.push(named);
    }
    for dir in theme_dirs {
        for (relative, path) in site_files(&display_path(root, &dir)) {
            match std::fs::read(&path) {
                Ok(bytes) => add_theme_file(&mut assets, &relative, bytes, path, diagnostics),
                Err(e) => diagnostics.push(Diagnostic::error(&path, 0, 0, format!("cannot read the file: {e}"))),
            }
        }
    }
    // A site's message files add to the built-in ones, whatever their names:
    // a message with the id of a built-in one replaces it.
    for (relative, path) in site_files(&display_path(root, Path::new("locales"))) {
        let mut parts = relative.components();
        let locale = parts.next().map(|c| c.as_os_str().to_owned()).unwrap_or_default();
        let keyed = PathBuf::from(locale).join("site").join(parts.as_path());
        match std::fs::read(&path) {
            Ok(bytes) => add_message_file(&mut assets, &keyed, bytes, path, diagnostics),
            Err(e) => diagnostics.push(Diagnostic::error(&path, 0, 0, format!("cannot read the file: {e}"))),
        }
    }
    // Messages of locales the site does not use are not its concern.
    assets.messages.retain(|locale, _| config.locales.contains(locale));
    check_site_files(&assets, config, config_text, &display_path(root, Path::new("site.yaml")), diagnostics);
    assets
}

/// The logo and extra stylesheet named in `site.yaml` must be files of the theme.
fn check_site_files(
    assets: &Assets,
    config: &Config,
    config_text: &str,
    config_path: &Path,
    diagnostics: &mut Diagnostics,
) {
    for (key, value) in [("logo", &config.logo), ("stylesheet", &config.stylesheet)] {
        let Some(file) = value else { continue };
        let (line, column) = crate::yaml::locate(config_text, 1, key, file);
        if crate::markdown::url_policy::site_path(file).is_none() {
            let message = format!("`{key}: {file}` is on another site; pages load nothing from elsewhere: put the file in themes/{}/static/", config.theme);
            diagnostics.push(Diagnostic::error(config_path, line, column, message));
        } else if !assets.statics.contains_key(file.trim_start_matches('/')) {
            let hint = crate::text::hint(file, assets.statics.keys().map(String::as_str));
            let message =
                format!("`{key}: {file}` names no file; put it in themes/{}/static/{file}{hint}", config.theme);
            diagnostics.push(Diagnostic::error(config_path, line, column, message));
        }
    }
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut files: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files
}

fn site_files(dir: &Path) -> Vec<(PathBuf, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| (e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf(), e.path().to_path_buf()))
        .collect()
}

fn slash_path(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Reports a NUL or placeholder mark in a theme or message file; true when there is one.
fn forbid(text: &str, origin: &Path, diagnostics: &mut Diagnostics) -> bool {
    let found = super::read::forbidden(text);
    if let Some((line, column, message)) = &found {
        diagnostics.push(Diagnostic::error(origin, *line, *column, message.clone()));
    }
    found.is_some()
}

fn add_theme_file(
    assets: &mut Assets,
    relative: &Path,
    bytes: Vec<u8>,
    origin: PathBuf,
    diagnostics: &mut Diagnostics,
) {
    let mut parts = relative.components();
    let top = parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let rest = slash_path(parts.as_path());
    match top.as_deref() {
        Some("templates") => match crate::text::decode(&bytes) {
            Ok(text) if forbid(&text, &origin, diagnostics) => {}
            Ok(text) => {
                assets.templates.insert(rest, TextAsset { origin, text });
            }
            Err(line) => {
                diagnostics.push(Diagnostic::error(origin, line, 1, "the template is not UTF-8 text; save it as UTF-8"))
            }
        },
        Some("static") => {
            let bytes = if rest.ends_with(".css") { super::css::without_comments(&bytes) } else { bytes };
            assets.statics.insert(rest, bytes.into());
        }
        _ => {}
    }
}

fn add_message_file(
    assets: &mut Assets,
    relative: &Path,
    bytes: Vec<u8>,
    origin: PathBuf,
    diagnostics: &mut Diagnostics,
) {
    let mut parts = relative.components();
    let Some(locale) = parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned()) else { return };
    let name = slash_path(parts.as_path());
    if !name.ends_with(".ftl") {
        return;
    }
    match crate::text::decode(&bytes) {
        Ok(text) if forbid(&text, &origin, diagnostics) => {}
        Ok(text) => {
            assets.messages.entry(locale).or_default().insert(name, TextAsset { origin, text });
        }
        Err(line) => {
            diagnostics.push(Diagnostic::error(origin, line, 1, "the message file is not UTF-8 text; save it as UTF-8"))
        }
    }
}
