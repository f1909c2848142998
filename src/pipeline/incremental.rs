//! Rebuilding only what a change touches. The one change that takes this
//! path is the common one: the text of one or more articles changed and
//! their front matter did not. Then ids, file names, order, titles and the
//! glossary are as before, so only those articles are rendered again, and
//! only the pages that show them: the article in every locale that shows
//! it, the whole protocol and the audience views that hold it, and the same
//! pages of translations that became (or stopped being) out of date.
//! Everything else takes the full path. Tests compare both paths byte for
//! byte.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Kept;
use crate::check;
use crate::content::{self, ArticleMeta, Document, Sources};
use crate::diagnostic::Diagnostics;
use crate::model::{Origin, Site};

/// The next build, and how many pages were rendered; `None` when the change
/// needs a full build.
pub(super) fn update(root: &Path, kept: &Kept, changed: &[PathBuf]) -> Option<Result<(Kept, usize), Diagnostics>> {
    if changed.is_empty() {
        return None;
    }
    let (sources, edited) = reread(root, kept, changed)?;
    let mut site = kept.site.clone();
    let mut changes = rebuild_articles(kept, &sources, &edited, &mut site);
    mark_outdated(&sources, &edited, &mut site, &mut changes);
    check_edited(&sources, &edited, &site, &mut changes);
    if changes.problems.has_errors() {
        return Some(Err(changes.problems));
    }
    Some(render_touched(kept, sources, site, &changes))
}

/// What rebuilding the edited articles changed in the site.
struct Changes {
    problems: Diagnostics,
    /// The (locale, article id) of every page slot that was replaced.
    touched: Vec<(String, String)>,
    /// Whether an edit changed anchors that other pages may link to.
    anchors_changed: bool,
    /// Whether the pages that show several articles get the same template
    /// data: only their texts changed (not their anchors, notes or number
    /// of rules, nor whether a translation is out of date).
    texts_only: bool,
}

/// The sources with every changed article read again, and the (locale,
/// index) of each; `None` when a change is not an article whose front
/// matter stayed the same.
fn reread(root: &Path, kept: &Kept, changed: &[PathBuf]) -> Option<(Sources, Vec<(String, usize)>)> {
    let root = std::fs::canonicalize(root).ok()?;
    let mut sources = kept.sources.clone();
    let mut edited: Vec<(String, usize)> = Vec::new();
    for path in changed {
        let relative = path.strip_prefix(&root).ok()?;
        let (locale, index) = find_article(kept, relative)?;
        let old = &kept.sources.locales[&locale].articles[index];
        let text = content::read_text(&old.path).ok()?;
        let new: Document<ArticleMeta> = content::document_from_text(&old.path, &text).ok()?;
        if new.yaml != old.yaml {
            return None;
        }
        // The same front matter: its meaning is as before (a school's site
        // keeps only the audiences the school has).
        let doc = Document { stem: old.stem.clone(), meta: old.meta.clone(), ..new };
        sources.locales.get_mut(&locale)?.articles[index] = Arc::new(doc);
        edited.push((locale, index));
    }
    Some((sources, edited))
}

/// Builds each edited article again and puts it in `site` wherever it is
/// shown: in its own locale, and wherever it stands in for a translation.
fn rebuild_articles(kept: &Kept, sources: &Sources, edited: &[(String, usize)], site: &mut Site) -> Changes {
    let mut changes =
        Changes { problems: Diagnostics::new(), touched: Vec::new(), anchors_changed: false, texts_only: true };
    for (locale, index) in edited {
        let doc = &sources.locales[locale].articles[*index];
        let (article, diagnostics) = kept.environment.article(locale, doc);
        changes.problems.extend(diagnostics);
        let before = kept.site.locale(locale).and_then(|l| l.article(&article.id));
        changes.anchors_changed |=
            before.is_none_or(|b| b.rule_anchors != article.rule_anchors || b.heading_ids != article.heading_ids);
        changes.texts_only &= before.is_some_and(|b| {
            (&b.rule_anchors, &b.heading_ids, &b.note_ids, b.rule_count)
                == (&article.rule_anchors, &article.heading_ids, &article.note_ids, article.rule_count)
        });
        // The article in its own locale, and wherever it stands in for a translation.
        for shown in &mut site.locales {
            let here = shown.locale.clone();
            if let Some(slot) = shown.articles.iter_mut().find(|a| a.id == article.id) {
                let shows_it = match &slot.origin {
                    Origin::Own => here == *locale,
                    Origin::Fallback { locale: from } => from == locale,
                };
                if shows_it {
                    *slot = Arc::new(crate::model::Article { origin: slot.origin.clone(), ..article.clone() });
                    changes.touched.push((here, article.id.clone()));
                }
            }
        }
    }
    changes
}

/// Lets each edited original decide again whether its translations are out
/// of date, touching the translations whose state changed.
fn mark_outdated(sources: &Sources, edited: &[(String, usize)], site: &mut Site, changes: &mut Changes) {
    let config = &sources.config;
    for (locale, index) in edited {
        if *locale != config.default_locale {
            continue;
        }
        let original = &sources.locales[locale].articles[*index];
        let hash = crate::content::source_hash(original);
        for (other, content) in sources.locales.iter().filter(|(l, _)| *l != locale) {
            let Some(translation) = content.articles.iter().find(|d| d.meta.id == original.meta.id) else { continue };
            let Some(recorded) = &translation.meta.translated_from else { continue };
            let outdated = (*recorded != hash).then(|| locale.clone());
            let Some(shown) = site.locales.iter_mut().find(|l| l.locale == *other) else { continue };
            if let Some(slot) = shown.articles.iter_mut().find(|a| a.id == original.meta.id && a.origin == Origin::Own)
            {
                if slot.outdated != outdated {
                    changes.texts_only = false;
                    Arc::make_mut(slot).outdated = outdated;
                    changes.touched.push((other.clone(), original.meta.id.clone()));
                }
            }
        }
    }
}

/// Checks the whole site when anchors changed, else only the edited articles.
fn check_edited(sources: &Sources, edited: &[(String, usize)], site: &Site, changes: &mut Changes) {
    if changes.anchors_changed {
        changes.problems.extend(check::site(site));
        if let Some(overlay) = &sources.overlay {
            changes.problems.extend(crate::board::replaced_rules(site, overlay));
        }
    } else {
        for (locale, index) in edited {
            let id = &sources.locales[locale].articles[*index].meta.id;
            changes.problems.extend(check::articles(site, locale, &[id.as_str()]));
        }
    }
}

/// Renders the pages that show a touched article and merges them into the
/// kept build, with the number of pages rendered.
fn render_touched(kept: &Kept, sources: Sources, site: Site, changes: &Changes) -> Result<(Kept, usize), Diagnostics> {
    let touched = &changes.touched;
    // The pages that show a touched article, as each kind of page says.
    let wanted = |page: &crate::render::Page| {
        let Some(here) = site.locale(&page.locale) else { return false };
        page.shows_article(&site, |i| touched.iter().any(|(l, id)| *l == page.locale && here.articles[i].id == *id))
    };
    let none = crate::render::Bodies::new();
    let reuse = if changes.texts_only { &*kept.bodies } else { &none };
    let (pages, bodies) = kept.renderer.pages(&site, wanted, reuse)?;
    let count = pages.len();
    let mut files = (*kept.files).clone();
    files.extend(pages);
    let files = Arc::new(files);
    let mut kept_bodies = (*kept.bodies).clone();
    kept_bodies.extend(bodies);
    let next = Kept {
        sources,
        messages: kept.messages.clone(),
        site,
        environment: Arc::clone(&kept.environment),
        renderer: Arc::clone(&kept.renderer),
        files,
        bodies: Arc::new(kept_bodies),
        warnings: kept.warnings.clone(),
        search_stale: true,
    };
    Ok((next, count))
}

/// The id of the article at `path` (absolute, under the canonical `root`)
/// among the sources of `kept`.
pub(super) fn article_id(kept: &Kept, root: &Path, path: &Path) -> Option<String> {
    let (locale, index) = find_article(kept, path.strip_prefix(root).ok()?)?;
    Some(kept.sources.locales[&locale].articles[index].meta.id.clone())
}

/// The locale and index of the article file at `relative` (to the site root).
fn find_article(kept: &Kept, relative: &Path) -> Option<(String, usize)> {
    let root = crate::diagnostic::display_path(&kept.sources.root, Path::new(""));
    kept.sources.locales.iter().find_map(|(locale, content)| {
        content
            .articles
            .iter()
            .position(|doc| doc.path.strip_prefix(&root).is_ok_and(|p| p == relative))
            .map(|index| (locale.clone(), index))
    })
}
