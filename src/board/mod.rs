//! A board's schools: each school's sources made from the board's, read
//! once (`content`), with the school's folder laid over them: its name,
//! logo, colours and contact, the board's text filtered by its audiences,
//! its own articles, quizzes and cards, and its replacements of board
//! articles. The stages after this one build a school's site as any other.

mod citations;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

pub use citations::replaced_rules;

use crate::config::{SchoolSite, ALL_AUDIENCES};
use crate::content::school::SchoolSources;
use crate::content::{source_hash, ArticleMeta, Document, LocaleSources, Overlay, Replaced, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text;

/// The static file a school's logo becomes in its site.
fn logo_path(file: &str) -> String {
    format!("site-logo/{file}")
}

/// The sources of `school`'s site: the board's `sources` (its `schools`
/// taken out before) with the school's folder over them, and the problems
/// of that folder.
pub fn school_sources(board: &Sources, school: &SchoolSources) -> (Sources, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let settings = &school.settings;
    let mut sources = Sources {
        root: board.root.clone(),
        config: board.config.clone(),
        config_path: board.config_path.clone(),
        locales: board.locales.clone(),
        assets: board.assets.clone(),
        problems: Vec::new(),
        schools: Vec::new(),
        overlay: None,
    };
    let config = &mut sources.config;
    config.organisation = settings.name.clone();
    config.base_url = settings.base_url.clone();
    config.base_path = base_path(&settings.base_url);
    if let Some(colors) = &settings.colors {
        config.colors = colors.clone();
    }
    if let (Some(file), Some(bytes)) = (&settings.logo, &school.logo) {
        sources.assets.statics.insert(logo_path(file), bytes.as_slice().into());
        config.logo = Some(logo_path(file));
    }
    config.audiences.retain(|a| settings.audiences.contains(&a.id));
    config.schools.clear();
    config.school = Some(SchoolSite {
        id: school.school.id.clone(),
        adopted_by: board.config.board_adopted.then(|| board.config.organisation.clone()),
        contact: settings.contact.clone(),
    });
    for content in sources.locales.values_mut() {
        filter_audiences(content, &settings.audiences);
    }
    let mut overlay = Overlay { school: school.school.id.clone(), ..Overlay::default() };
    for (locale, own) in &school.locales {
        overlay_locale(board, &mut sources, (school, locale, own), &mut overlay, &mut diagnostics);
    }
    sources.overlay = Some(overlay);
    (sources, diagnostics)
}

/// The path part of a checked base URL.
fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    rest.find('/').map_or_else(|| "/".to_owned(), |slash| rest[slash..].to_owned())
}

/// Keeps of each article, quiz and card the audiences the school has, and
/// leaves out what is for none of them.
fn filter_audiences(content: &mut LocaleSources, kept: &[String]) {
    let keep = |audiences: &mut Vec<String>| {
        audiences.retain(|a| a == ALL_AUDIENCES || kept.contains(a));
        !audiences.is_empty()
    };
    content.articles.retain_mut(|doc| {
        if doc.meta.audiences.iter().all(|a| a == ALL_AUDIENCES || kept.contains(a)) {
            return true;
        }
        keep(&mut Arc::make_mut(doc).meta.audiences)
    });
    content.quizzes.retain_mut(|doc| keep(&mut doc.meta.audiences));
    content.scenarios.retain_mut(|doc| keep(&mut doc.meta.audiences));
    content.audience_intros.retain(|id, _| kept.contains(id));
}

/// Lays the school's files of one locale over the sources.
fn overlay_locale(
    board: &Sources,
    sources: &mut Sources,
    (school, locale, own): (&SchoolSources, &str, &LocaleSources),
    overlay: &mut Overlay,
    diagnostics: &mut Diagnostics,
) {
    let default = board.config.default_locale.clone();
    let board_has = |id: &str| board.locales.values().any(|c| c.articles.iter().any(|d| d.meta.id == id));
    for doc in &own.articles {
        let id = doc.meta.id.as_str();
        match (doc.meta.replaces, board_has(id)) {
            (true, false) => diagnostics.push(no_board_article(board, doc)),
            (false, true) => diagnostics.push(at_key(
                doc,
                "id",
                id,
                format!("the board has an article `{id}`; to replace it, add `replaces: true`; to add an article of this site's own, choose another id"),
            )),
            (true, true) => {
                // A replacement in the default locale replaces every
                // locale's text; its translations are the school's own.
                let from = board.locales.get(locale).and_then(|c| c.articles.iter().find(|d| d.meta.id == id));
                drift(doc, from.map(|d| &**d), overlay, diagnostics);
                for (other, content) in &mut sources.locales {
                    if other == locale || locale == default {
                        content.articles.retain(|d| d.meta.id != id || d.path.starts_with(&school.folder));
                    }
                }
                let (line, column) = crate::yaml::locate(&doc.yaml, doc.yaml_line, "replaces", "true");
                let path = doc.path.clone();
                overlay.replaced.push(Replaced { locale: locale.to_owned(), id: id.to_owned(), path, line, column });
            }
            (false, false) => {}
        }
    }
    let Some(target) = sources.locales.get_mut(locale) else { return };
    target.articles.extend(own.articles.iter().filter(|d| !(d.meta.replaces ^ board_has(&d.meta.id))).cloned());
    for doc in &own.quizzes {
        if board.locales.values().any(|c| c.quizzes.iter().any(|q| q.meta.id == doc.meta.id)) {
            let id = &doc.meta.id;
            let message = format!("the board has a quiz `{id}`; schools add quizzes of their own (replacing is for articles): choose another id");
            diagnostics.push(at_key(doc, "id", id, message));
        } else {
            target.quizzes.push(doc.clone());
        }
    }
    for doc in &own.scenarios {
        if board.locales.values().any(|c| c.scenarios.iter().any(|q| q.meta.id == doc.meta.id)) {
            let id = &doc.meta.id;
            let message = format!("the board has a scenario card `{id}`; schools add cards of their own (replacing is for articles): choose another id");
            diagnostics.push(at_key(doc, "id", id, message));
        } else {
            target.scenarios.push(doc.clone());
        }
    }
    if own.home.is_some() {
        target.home.clone_from(&own.home);
    }
    for (id, intro) in &own.audience_intros {
        target.audience_intros.insert(id.clone(), intro.clone());
    }
    target.broken.extend(own.broken.iter().cloned());
}

fn at_key<M>(doc: &Document<M>, key: &str, token: &str, message: String) -> Diagnostic {
    let (line, column) = crate::yaml::locate(&doc.yaml, doc.yaml_line, key, token);
    Diagnostic::error(&doc.path, line, column, message)
}

fn no_board_article(board: &Sources, doc: &Document<ArticleMeta>) -> Diagnostic {
    let id = doc.meta.id.as_str();
    let ids: BTreeSet<&str> =
        board.locales.values().flat_map(|c| c.articles.iter().map(|d| d.meta.id.as_str())).collect();
    let message = format!(
        "`replaces: true`, but the board has no article `{id}`{}; give the id of the board article this replaces, or remove `replaces: true` to add it as an article of this site's own",
        text::hint(id, ids.into_iter())
    );
    at_key(doc, "id", id, message)
}

/// Warns when the board's article changed since the school confirmed its
/// replacement, or when the replacement never recorded the version it follows.
fn drift(
    doc: &Document<ArticleMeta>,
    original: Option<&Document<ArticleMeta>>,
    overlay: &mut Overlay,
    diagnostics: &mut Diagnostics,
) {
    let Some(original) = original else { return };
    let current = source_hash(original);
    let confirm = format!("`leidraad confirm {}`", doc.path.display());
    match doc.meta.board_from.as_deref() {
        Some(recorded) if recorded == current => {}
        Some(recorded) => {
            let (line, column) = crate::yaml::locate(&doc.yaml, doc.yaml_line, "board_from", recorded);
            diagnostics.push(Diagnostic::warning(
                &doc.path,
                line,
                column,
                format!(
                    "the board's article {} changed since this replacement was confirmed; its page says so until you compare the two, update this text if needed, and run {confirm}",
                    original.path.display()
                ),
            ));
            overlay.drifted.insert(doc.path.clone());
        }
        None => {
            let (line, column) = crate::yaml::locate(&doc.yaml, doc.yaml_line, "replaces", "true");
            diagnostics.push(Diagnostic::warning(
                &doc.path,
                line,
                column,
                format!("this replacement does not record which version of the board's article {} it follows, so a later change there goes unnoticed; run {confirm}", original.path.display()),
            ));
        }
    }
}

/// Whether `path` is a file of a school's folder.
pub fn in_school(path: &Path, sources: &Sources) -> bool {
    let folder = crate::diagnostic::display_path(&sources.root, Path::new(crate::content::school::FOLDER));
    path.starts_with(folder)
}
