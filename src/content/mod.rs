//! Content loading: finding the files of a site (walkdir), decoding them,
//! and parsing their front matter into typed structs. All file reading of a
//! build happens here.

pub mod assets;
pub mod broken;
mod css;
pub mod front_matter;
pub mod glossary;
pub mod learning;
mod read;
pub mod school;

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

use crate::config::{self, Config};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
pub use crate::markdown::Numbering;
use crate::{text, yaml};
pub use front_matter::{ArticleMeta, GlossaryEntry, PageMeta, TermSource};
pub use glossary::GlossarySource;
use learning::{QuizMeta, ScenarioMeta};
pub use read::read_text;

/// A Markdown file with its parsed front matter.
#[derive(Debug, Clone)]
pub struct Document<M> {
    /// Path as shown in messages (the site root joined with the file).
    pub path: PathBuf,
    pub meta: M,
    /// The front matter text and its first line, to locate semantic errors.
    pub yaml: String,
    pub yaml_line: usize,
    pub body: String,
    pub body_line: usize,
    /// The file name without `.md`: the page's URL slug.
    pub stem: String,
    /// The fingerprint of the text as read (`source_hash`), kept because
    /// the body may be let go once it is rendered.
    pub hash: String,
}

/// Everything under `content/<locale>/`.
#[derive(Debug, Clone, Default)]
pub struct LocaleSources {
    pub home: Option<Document<PageMeta>>,
    pub changelog: Option<Document<PageMeta>>,
    /// Shared, so that a rebuild's copy of the sources costs little.
    pub articles: Vec<std::sync::Arc<Document<ArticleMeta>>>,
    pub quizzes: Vec<Document<QuizMeta>>,
    pub scenarios: Vec<Document<ScenarioMeta>>,
    pub audience_intros: BTreeMap<String, Document<PageMeta>>,
    pub glossary: Vec<GlossarySource>,
    pub glossary_path: Option<PathBuf>,
    pub glossary_yaml: String,
    /// `synonyms.yaml`: a reader's word and the phrases of the text it stands for (search).
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// Files that could not be read or parsed (reported as errors).
    pub broken: Vec<broken::Broken>,
}

/// The whole input of a build.
#[derive(Debug, Clone)]
pub struct Sources {
    /// The site folder as given.
    pub root: PathBuf,
    pub config: Config,
    pub config_path: PathBuf,
    /// Per locale, in the order of `site.yaml`.
    pub locales: BTreeMap<String, LocaleSources>,
    pub assets: assets::Assets,
    /// What reading found: files found but not used, and the like, and the
    /// errors of files that could not be read or parsed, which are left out
    /// of `locales` (but listed in their `broken`) so that every other file
    /// can still be checked.
    pub problems: Vec<Diagnostic>,
    /// The folders of a board's schools (none for other sites, and none in
    /// a school's own sources).
    pub schools: Vec<school::SchoolSources>,
    /// In a school's sources: what the school changed of the board's text.
    pub overlay: Option<Overlay>,
}

/// A school's article in place of the board's.
#[derive(Debug, Clone)]
pub struct Replaced {
    pub locale: String,
    pub id: String,
    pub path: PathBuf,
    /// The line and column of its `replaces: true`.
    pub line: usize,
    pub column: usize,
}

/// What a school's folder changed in the board's sources, for the checks
/// and notices that only a school's site has.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    pub school: String,
    /// The school's replacements.
    pub replaced: Vec<Replaced>,
    /// Replacements whose board article changed since the school confirmed it.
    pub drifted: std::collections::BTreeSet<PathBuf>,
}

/// A short fingerprint of an original's text, recorded by a translation as
/// `translated_from` so that `check` notices when the original changes.
/// FNV-1a: stable across platforms and versions.
pub fn source_hash<M>(doc: &Document<M>) -> String {
    doc.hash.clone()
}

fn fingerprint(yaml: &str, body: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in yaml.bytes().chain(b"---\n".iter().copied()).chain(body.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:012x}", hash >> 16)
}

/// The Markdown of every article, per locale in the order of its
/// `articles`, taken out of the sources: the model renders each and lets it
/// go, so that the sources and the rendered site are not held at once.
pub type ArticleBodies = BTreeMap<String, Vec<String>>;

/// Takes the articles' Markdown out of `sources` (their bodies are left empty).
pub fn take_article_bodies(sources: &mut Sources) -> ArticleBodies {
    sources
        .locales
        .iter_mut()
        .map(|(locale, content)| {
            let bodies = content
                .articles
                .iter_mut()
                .map(|doc| match std::sync::Arc::get_mut(doc) {
                    Some(doc) => std::mem::take(&mut doc.body),
                    None => doc.body.clone(),
                })
                .collect();
            (locale.clone(), bodies)
        })
        .collect()
}

/// Loads `site.yaml`, every content file and the theme and message files.
/// Fails only when `site.yaml` cannot be read or parsed, which everything
/// else depends on; problems with other files are in `Sources::problems`.
pub fn load(root: &Path) -> Result<Sources, Diagnostics> {
    let (config, config_text, config_path) = load_config(root)?;
    let mut diagnostics = Diagnostics::new();
    let content_dir = display_path(root, Path::new("content"));
    let files = content_files(&content_dir, &config, &mut diagnostics);

    let parsed: Vec<(String, &PathBuf, Result<Parsed, Diagnostic>)> = files
        .par_iter()
        .map(|(locale, path)| (locale.clone(), path, parse_file(&content_dir.join(locale), path)))
        .collect();
    let locales = sort_parsed(&config, &content_dir, parsed, &mut diagnostics);

    let assets = assets::load(root, &config, &config_text, &mut diagnostics);
    school::only_in_schools(&locales, &mut diagnostics);
    let schools = school::load(root, &config, &mut diagnostics);
    // The board's site names each school and links to it as its school.yaml says.
    let mut config = config;
    for (listed, school) in config.schools.iter_mut().zip(&schools) {
        listed.name.clone_from(&school.settings.name);
        listed.base_url.clone_from(&school.settings.base_url);
    }
    let problems = diagnostics.into_iter().collect();
    Ok(Sources { root: root.to_path_buf(), config, config_path, locales, assets, problems, schools, overlay: None })
}

/// Reads and parses `site.yaml`: the config, its text and its path. On
/// errors, adds a warning that content/ was not checked.
fn load_config(root: &Path) -> Result<(Config, String, PathBuf), Diagnostics> {
    let config_path = display_path(root, Path::new("site.yaml"));
    if !config_path.is_file() {
        return Err(Diagnostic::error(
            &config_path,
            0,
            0,
            "no site.yaml here; run leidraad in a site folder, give one with --root, or create one with `leidraad new DIR`",
        )
        .into());
    }
    // Without a sound site.yaml there are no locales to read content for.
    let unchecked = |mut errors: Diagnostics| {
        errors.push(Diagnostic::warning(
            display_path(root, Path::new("content")),
            0,
            0,
            "not checked, because site.yaml has errors; fix those and run again",
        ));
        errors
    };
    let config_text = read_text(&config_path).map_err(|e| unchecked(e.into()))?;
    let config = config::parse(&config_text, &config_path).map_err(unchecked)?;
    Ok((config, config_text, config_path))
}

/// The (locale, path) of every visible file in a known locale folder under
/// `content_dir`, by file name; reports unknown locale folders and a
/// missing or unreadable content folder.
fn content_files(content_dir: &Path, config: &Config, diagnostics: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in WalkDir::new(content_dir).sort_by_file_name().min_depth(1) {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let message = if content_dir.is_dir() {
                    format!("cannot read the folder: {e}")
                } else {
                    format!(
                        "there is no content/ folder; put the texts in content/{}/ (see docs/content.md)",
                        config.default_locale
                    )
                };
                diagnostics.push(Diagnostic::error(content_dir, 0, 0, message));
                continue;
            }
        };
        let relative = entry.path().strip_prefix(content_dir).unwrap_or(entry.path());
        let locale =
            relative.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
        if entry.depth() == 1 {
            if entry.file_type().is_dir() && !config.locales.contains(&locale) {
                let hint = text::hint(&locale, config.locales.iter().map(String::as_str));
                diagnostics.push(Diagnostic::error(
                    entry.path(),
                    0,
                    0,
                    format!("unknown locale `{locale}`: site.yaml lists {}{hint}", config.locales.join(", ")),
                ));
            }
            continue;
        }
        if entry.file_type().is_file() && config.locales.contains(&locale) && !is_hidden(entry.path()) {
            files.push((locale, entry.path().to_path_buf()));
        }
    }
    files
}

/// Puts each parsed file in its place in its locale's sources; files that
/// failed to parse are reported and kept as broken.
fn sort_parsed(
    config: &Config,
    content_dir: &Path,
    parsed: Vec<(String, &PathBuf, Result<Parsed, Diagnostic>)>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, LocaleSources> {
    let mut locales: BTreeMap<String, LocaleSources> =
        config.locales.iter().map(|l| (l.clone(), LocaleSources::default())).collect();
    for (locale, path, result) in parsed {
        let sources = locales.get_mut(&locale).expect("locale folders are filtered above");
        match result {
            Ok(Parsed::Home(doc)) => sources.home = Some(doc),
            Ok(Parsed::Changelog(doc)) => sources.changelog = Some(doc),
            Ok(Parsed::Article(doc)) => sources.articles.push(std::sync::Arc::new(*doc)),
            Ok(Parsed::Quiz(doc)) => sources.quizzes.push(*doc),
            Ok(Parsed::Scenario(doc)) => sources.scenarios.push(*doc),
            Ok(Parsed::AudienceIntro(id, doc)) => {
                if config.audience(&id).is_none() {
                    let hint = text::hint(&id, config.audiences.iter().map(|a| a.id.as_str()));
                    diagnostics.push(Diagnostic::error(
                        &doc.path,
                        0,
                        0,
                        format!("`{id}.md` is not named after an audience of site.yaml{hint}"),
                    ));
                }
                sources.audience_intros.insert(id, doc);
            }
            Ok(Parsed::Glossary(path, yaml, entries)) => {
                sources.glossary = entries;
                sources.glossary_path = Some(path);
                sources.glossary_yaml = yaml;
            }
            Ok(Parsed::Synonyms(synonyms)) => sources.synonyms = synonyms,
            Ok(Parsed::Ignored(path)) => diagnostics.push(Diagnostic::warning(
                path,
                0,
                0,
                "leidraad does not use this file; articles go in `protocol/`, quizzes in `quiz/`, scenario cards in `scenarios/`, audience intros in `audiences/` (images and other files in the theme's `static/` folder)",
            )),
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                sources.broken.push(broken::recover(&content_dir.join(&locale), path));
            }
        }
    }
    locales
}

fn is_hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

enum Parsed {
    Home(Document<PageMeta>),
    Changelog(Document<PageMeta>),
    Article(Box<Document<ArticleMeta>>),
    Quiz(Box<Document<QuizMeta>>),
    Scenario(Box<Document<ScenarioMeta>>),
    AudienceIntro(String, Document<PageMeta>),
    Glossary(PathBuf, String, Vec<GlossarySource>),
    Synonyms(BTreeMap<String, Vec<String>>),
    /// A file in a place where no content kind lives.
    Ignored(PathBuf),
}

fn parse_file(locale_dir: &Path, path: &Path) -> Result<Parsed, Diagnostic> {
    let relative = path.strip_prefix(locale_dir).unwrap_or(path);
    let parts: Vec<String> = relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["_index.md"] => Ok(Parsed::Home(parse_document(path)?)),
        ["changelog.md"] => Ok(Parsed::Changelog(parse_document(path)?)),
        ["glossary.yaml"] => {
            let text = read_text(path)?;
            let entries = glossary::parse(path, &text)?;
            Ok(Parsed::Glossary(path.to_path_buf(), text, entries))
        }
        ["synonyms.yaml"] => {
            let text = read_text(path)?;
            let synonyms = if text.trim().is_empty() { BTreeMap::new() } else { crate::yaml::parse(&text, path, 1)? };
            Ok(Parsed::Synonyms(synonyms))
        }
        ["protocol", name] if name.ends_with(".md") => Ok(Parsed::Article(Box::new(page_document(path)?))),
        ["quiz", name] if name.ends_with(".md") => Ok(Parsed::Quiz(Box::new(page_document(path)?))),
        ["scenarios", name] if name.ends_with(".md") => Ok(Parsed::Scenario(Box::new(page_document(path)?))),
        ["audiences", name] if name.ends_with(".md") => {
            let id = name.trim_end_matches(".md").to_owned();
            Ok(Parsed::AudienceIntro(id, parse_document(path)?))
        }
        [name] | ["protocol" | "audiences" | "quiz" | "scenarios", name] if name.ends_with(".md") || name.ends_with(".yaml") => {
            Err(Diagnostic::error(
                path,
                0,
                0,
                "leidraad does not know this file: articles go in `protocol/`, quizzes in `quiz/`, scenario cards in `scenarios/`, audience intros in `audiences/`, the home page text in `_index.md`, terms in `glossary.yaml`, search synonyms in `synonyms.yaml`",
            ))
        }
        _ => Ok(Parsed::Ignored(path.to_path_buf())),
    }
}

/// A document that is a page of its own: its file name becomes its URL.
fn page_document<M: serde::de::DeserializeOwned>(path: &Path) -> Result<Document<M>, Diagnostic> {
    let doc = parse_document::<M>(path)?;
    if !config::is_slug(&doc.stem) {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            format!(
                "the file name `{}` becomes part of a web address: use only lower-case letters, digits and hyphens",
                doc.stem
            ),
        ));
    }
    Ok(doc)
}

fn parse_document<M: serde::de::DeserializeOwned>(path: &Path) -> Result<Document<M>, Diagnostic> {
    document_from_text(path, &read_text(path)?)
}

/// Parses a decoded Markdown file with front matter of type `M`.
pub fn document_from_text<M: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<Document<M>, Diagnostic> {
    let split = front_matter::split(text).map_err(|message| Diagnostic::error(path, 1, 1, message))?;
    let meta = yaml::parse(split.yaml, path, split.yaml_line)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Document {
        path: path.to_path_buf(),
        meta,
        yaml: split.yaml.to_owned(),
        yaml_line: split.yaml_line,
        body: split.body.to_owned(),
        body_line: split.body_line,
        stem,
        hash: fingerprint(split.yaml, split.body),
    })
}
