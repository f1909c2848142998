//! The search index: every article (so that a hit lands on its rule's
//! anchor), quiz, scenario card and glossary term, per locale, in the
//! format of pagefind, whose browser side the site ships. The words are
//! stemmed in their language as pagefind's browser side stems a query, so
//! "foto's" finds "foto".

mod bundle;
pub mod format;
pub mod words;

use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::PlainText;
use crate::model::{address, LocaleSite, Origin, Site};
use crate::render::Files;
pub use format::{Record, Version};

/// Where the index lives in the site, relative to the root.
pub const FOLDER: &str = "pagefind/";

/// The index files of the whole site, under `FOLDER`.
pub fn index(site: &Site) -> Result<Files, Diagnostics> {
    Ok(index_files(site)?.into_iter().map(|(path, bytes)| (path, Arc::from(bytes))).collect())
}

/// The index files of the whole site, paths under `FOLDER`, in no order:
/// each locale's index (built in parallel, with its pages spread over the
/// threads), pagefind's browser files, and `pagefind-entry.json`, which
/// names the languages.
pub fn index_files(site: &Site) -> Result<Vec<(String, Vec<u8>)>, Diagnostics> {
    // Pagefind's browser side names languages in lower case (`nl-be`).
    let languages: Vec<String> = site.locales.iter().map(|l| l.locale.to_lowercase()).collect();
    let (bundle, indexes) = rayon::join(
        || bundle::bundle(&languages.iter().map(String::as_str).collect::<Vec<_>>()),
        || {
            site.locales
                .par_iter()
                .zip(&languages)
                .map(|(here, language)| (language.as_str(), locale_records(site, here)))
                .collect::<Vec<_>>()
        },
    );
    let bundle = bundle.map_err(|e| {
        Diagnostics::from(Diagnostic::error("search index", 0, 0, format!("cannot build the search index: {e}")))
    })?;
    let indexes: Vec<(&str, format::LanguageIndex)> = indexes
        .into_par_iter()
        .map(|(language, records)| (language, format::build(language, &bundle.version, &records)))
        .collect();

    let mut files = Vec::new();
    let mut languages = BTreeMap::new();
    for (language, index) in indexes.into_iter().filter(|(_, index)| index.page_count > 0) {
        let wasm = bundle.wasm.get(language).copied().unwrap_or(false).then(|| language.to_owned());
        languages.insert(
            language.to_owned(),
            serde_json::json!({ "hash": index.meta_hash, "wasm": wasm, "page_count": index.page_count }),
        );
        files.extend(index.files.into_iter().map(|(path, bytes)| (format!("{FOLDER}{path}"), bytes)));
    }
    let entry = serde_json::json!({
        "version": bundle.version.number,
        "languages": languages,
        "include_characters": bundle.version.word_characters,
    });
    files.push((format!("{FOLDER}pagefind-entry.json"), entry.to_string().into_bytes()));
    files.extend(bundle.files.into_iter().map(|(path, bytes)| (format!("{FOLDER}{path}"), bytes)));
    Ok(files)
}

/// What a locale's search finds. Texts shown untranslated belong to the
/// index of their own language.
pub fn locale_records<'s>(site: &'s Site, here: &'s LocaleSite) -> Vec<Record<'s>> {
    let config = &site.config;
    let locale = here.locale.as_str();
    let names = |audiences: &[usize]| -> Vec<String> {
        audiences.iter().map(|&a| config.audiences[a].name[locale].clone()).collect()
    };
    let everyone: Vec<usize> = (0..config.audiences.len()).collect();
    let record = |url: String, title: &str, kind: &str, text: Vec<Cow<'s, PlainText>>, audiences: Vec<String>| Record {
        url,
        text,
        meta: BTreeMap::from([
            ("title".to_owned(), title.to_owned()),
            ("kind".to_owned(), kind.to_owned()),
            ("audiences".to_owned(), audiences.join(", ")),
        ]),
        filters: BTreeMap::from([("audience".to_owned(), audiences)]),
    };
    let blocks = |texts: &mut dyn Iterator<Item = &str>| -> Vec<Cow<'s, PlainText>> {
        texts.map(|block| Cow::Owned(PlainText::block(block))).collect()
    };
    let mut records = Vec::new();
    for article in here.articles.iter().filter(|a| a.origin == Origin::Own) {
        let heading = match &article.number {
            Some(number) => format!("{number} {}", article.title),
            None => article.title.clone(),
        };
        let text = vec![
            Cow::Owned(PlainText::heading(&heading, 1)),
            Cow::Owned(PlainText::block(article.summary.as_deref().unwrap_or(""))),
            Cow::Borrowed(&article.plain),
        ];
        let url = address::article(config, locale, &article.slug);
        records.push(record(url, &heading, "article", text, names(&article.audiences)));
    }
    for quiz in here.quizzes.iter().filter(|q| q.origin == Origin::Own) {
        let text = blocks(
            &mut quiz.summary.iter().map(String::as_str).chain(quiz.questions.iter().map(|q| q.prompt.as_str())),
        );
        let url = address::quiz(config, locale, &quiz.slug);
        records.push(record(url, &quiz.title, "quiz", text, names(&quiz.audiences)));
    }
    for card in here.scenarios.iter().filter(|s| s.origin == Origin::Own) {
        let text =
            blocks(&mut card.summary.iter().map(String::as_str).chain(card.steps.iter().map(|s| s.text.as_str())));
        let url = address::scenario(config, locale, &card.slug);
        records.push(record(url, &card.title, "scenario", text, names(&card.audiences)));
    }
    for term in here.glossary.iter().filter(|t| t.origin == Origin::Own) {
        let aliases = term.aliases.join(" ");
        let text = blocks(&mut [term.term.as_str(), &aliases, &term.definition_text].into_iter());
        let url = format!("{}#{}", address::glossary(config, locale), term.id);
        records.push(record(url, &term.term, "term", text, names(&everyone)));
    }
    records
}
