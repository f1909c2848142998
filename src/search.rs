//! The search index: pagefind, used as a library, over every rule (so a hit
//! lands on the rule's anchor), article, quiz, scenario card and glossary
//! term, per locale. Pagefind stems each record in its language, and its
//! browser side stems queries the same way, so "foto's" finds "foto".

use pagefind::api::PagefindIndex;
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
pub fn index(site: &Site) -> Result<Files, Diagnostics> {
    let mut records: Vec<(String, Record)> = Vec::new();
    let mut pages: Vec<Page> = Vec::new();
    for here in &site.locales {
        let (locale_pages, locale_records) = locale_records(site, here);
        pages.extend(locale_pages);
        records.extend(locale_records.into_iter().map(|r| (here.locale.clone(), r)));
    }
    let error = |e: anyhow::Error| {
        Diagnostics::from(Diagnostic::error("search index", 0, 0, format!("cannot build the search index: {e}")))
    };
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| error(e.into()))?;
    runtime.block_on(async {
        let options = PagefindServiceConfig::builder().keep_index_url(true).build();
        let mut index = PagefindIndex::new(Some(options)).map_err(error)?;
        for page in pages {
            index.add_html_file(None, Some(page.url), page.html).await.map_err(error)?;
        }
        for (locale, record) in records {
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
                    locale,
                    Some(meta.into_iter().collect()),
                    Some(filters.into_iter().collect()),
                    None,
                )
                .await
                .map_err(error)?;
        }
        let files = index.get_files().await.map_err(error)?;
        Ok(files
            .into_iter()
            .filter(|file| !is_unused_ui(&file.filename))
            .map(|file| {
                let name =
                    file.filename.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                (format!("{FOLDER}{name}"), Arc::from(file.contents))
            })
            .collect())
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
