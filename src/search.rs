//! The search index: pagefind, used as a library, over every rule (so a hit
//! lands on the rule's anchor), article, quiz, scenario card and glossary
//! term, per locale. Pagefind stems each record in its language, and its
//! browser side stems queries the same way, so "foto's" finds "foto".

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;
use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::escape;
use crate::model::{address, LocaleSite, Origin, Site};
use crate::render::Files;

/// Where the index lives in the site, relative to the root.
pub const FOLDER: &str = "pagefind/";

/// An article page as HTML: pagefind records the id of every rule (`<li
/// id="r9">`) as an anchor, so the browser can send a hit to its rule.
struct Page {
    url: String,
    html: String,
}

/// One searchable record without HTML: a quiz, a card, a term.
struct Record {
    /// Root-relative address, with an anchor where the hit should land.
    url: String,
    title: String,
    kind: &'static str,
    content: String,
    audiences: Vec<String>,
}

/// The index files of the whole site, under `FOLDER`.
///
/// Pagefind indexes one page at a time behind a lock, so each locale gets
/// an index of its own, built on a thread of its own (not rayon's, which
/// the renderer keeps busy meanwhile). Their files differ by language
/// prefix, but for `pagefind-entry.json`, which lists the languages and is
/// merged here.
pub fn index(site: &Site) -> Result<Files, Diagnostics> {
    let per_locale: Vec<anyhow::Result<Vec<SyntheticFile>>> = std::thread::scope(|scope| {
        let threads: Vec<_> = site
            .locales
            .iter()
            .map(|here| {
                scope.spawn(move || {
                    let (pages, records) = locale_records(site, here);
                    locale_index(&here.locale, pages, records)
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|thread| thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    let error = |e: anyhow::Error| {
        Diagnostics::from(Diagnostic::error("search index", 0, 0, format!("cannot build the search index: {e}")))
    };
    let mut files = Files::new();
    let mut languages = serde_json::Map::new();
    let mut entry: Option<serde_json::Value> = None;
    for locale_files in per_locale {
        for file in locale_files.map_err(error)? {
            let name =
                file.filename.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            if name == ENTRY {
                let mut value: serde_json::Value =
                    serde_json::from_slice(&file.contents).map_err(|e| error(e.into()))?;
                if let Some(serde_json::Value::Object(these)) = value.get_mut("languages").map(serde_json::Value::take)
                {
                    languages.extend(these);
                }
                entry = Some(value);
            } else if !is_unused_ui(&file.filename) {
                files.insert(format!("{FOLDER}{name}"), Arc::from(file.contents));
            }
        }
    }
    if let Some(mut entry) = entry {
        entry["languages"] = serde_json::Value::Object(languages);
        files.insert(format!("{FOLDER}{ENTRY}"), Arc::from(entry.to_string().into_bytes()));
    }
    Ok(files)
}

/// The file that tells pagefind's browser side which languages exist.
const ENTRY: &str = "pagefind-entry.json";

/// One locale's pagefind index.
fn locale_index(locale: &str, pages: Vec<Page>, records: Vec<Record>) -> anyhow::Result<Vec<SyntheticFile>> {
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    runtime.block_on(async {
        let options = PagefindServiceConfig::builder().keep_index_url(true).build();
        let mut index = PagefindIndex::new(Some(options))?;
        for page in pages {
            index.add_html_file(None, Some(page.url), page.html).await?;
        }
        for record in records {
            let meta = HashMap::from([
                ("title".to_owned(), record.title),
                ("kind".to_owned(), record.kind.to_owned()),
                ("audiences".to_owned(), record.audiences.join(", ")),
            ]);
            let filters = HashMap::from([("audience".to_owned(), record.audiences)]);
            index
                .add_custom_record(
                    record.url,
                    record.content,
                    locale.to_owned(),
                    Some(meta.into_iter().collect()),
                    Some(filters.into_iter().collect()),
                    None,
                )
                .await?;
        }
        index.get_files().await
    })
}

/// Pagefind's ready-made search interfaces: the theme has its own, which
/// uses only `pagefind.js`, so these 430 KB need not be published.
fn is_unused_ui(file: &std::path::Path) -> bool {
    let name = file.to_string_lossy();
    ["pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight."]
        .iter()
        .any(|ui| name.starts_with(ui))
}

fn locale_records(site: &Site, here: &LocaleSite) -> (Vec<Page>, Vec<Record>) {
    let config = &site.config;
    let locale = here.locale.as_str();
    let names = |audiences: &[usize]| -> Vec<String> {
        audiences.iter().map(|&a| config.audiences[a].name[locale].clone()).collect()
    };
    let everyone: Vec<usize> = (0..config.audiences.len()).collect();
    let mut records = Vec::new();
    let mut pages = Vec::new();
    // Texts shown untranslated belong to the index of their own language.
    for article in here.articles.iter().filter(|a| a.origin == Origin::Own) {
        let heading = match &article.number {
            Some(number) => format!("{number} {}", article.title),
            None => article.title.clone(),
        };
        let audiences = names(&article.audiences);
        let filters: String =
            audiences.iter().map(|a| format!("<span data-pagefind-filter=\"audience\">{}</span>", escape(a))).collect();
        let html = format!(
            "<html lang=\"{locale}\"><body><div hidden><span data-pagefind-meta=\"title\">{}</span><span data-pagefind-meta=\"kind\">article</span><span data-pagefind-meta=\"audiences\">{}</span>{filters}</div><main data-pagefind-body><h1>{}</h1><p>{}</p>{}</main></body></html>",
            escape(&heading),
            escape(&audiences.join(", ")),
            escape(&heading),
            escape(article.summary.as_deref().unwrap_or("")),
            article.html.resolve("", 1, ""),
        );
        pages.push(Page { url: address::article(config, locale, &article.slug), html });
    }
    for quiz in here.quizzes.iter().filter(|q| q.origin == Origin::Own) {
        let questions: Vec<&str> = quiz.questions.iter().map(|q| q.prompt.as_str()).collect();
        records.push(Record {
            url: address::quiz(config, locale, &quiz.slug),
            title: quiz.title.clone(),
            kind: "quiz",
            content: format!("{} {}", quiz.summary.clone().unwrap_or_default(), questions.join(" ")),
            audiences: names(&quiz.audiences),
        });
    }
    for card in here.scenarios.iter().filter(|s| s.origin == Origin::Own) {
        let steps: Vec<&str> = card.steps.iter().map(|s| s.text.as_str()).collect();
        records.push(Record {
            url: address::scenario(config, locale, &card.slug),
            title: card.title.clone(),
            kind: "scenario",
            content: format!("{} {}", card.summary.clone().unwrap_or_default(), steps.join(" ")),
            audiences: names(&card.audiences),
        });
    }
    for term in here.glossary.iter().filter(|t| t.origin == Origin::Own) {
        records.push(Record {
            url: format!("{}#{}", address::glossary(config, locale), term.id),
            title: term.term.clone(),
            kind: "term",
            content: format!("{} {} {}", term.term, term.aliases.join(" "), term.definition_text),
            audiences: names(&everyone),
        });
    }
    (pages, records)
}
