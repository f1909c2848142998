//! The search index: every article (so that a hit lands on its rule's
//! anchor), quiz, scenario card and glossary term, per locale, in the
//! format of pagefind, whose browser side the site ships. The words are
//! stemmed in their language as pagefind's browser side stems a query, so
//! "foto's" finds "foto".

mod bundle;
mod encoding;
pub mod expand;
pub mod format;
mod fragment;
mod grouping;
mod postings;
mod record;
mod records;
mod shared;
pub mod words;

use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::files::{Bytes, Files};
use crate::model::{LocaleSite, Site};
pub use format::{Record, Version};
pub use records::locale_records;
pub use shared::Shared;

/// Where the index lives in the site, relative to the root.
pub const FOLDER: &str = "pagefind/";

/// The index files of the whole site, under `FOLDER`.
pub fn index(site: &Site) -> Result<Files, Diagnostics> {
    index_shared(site, &Shared::default())
}

/// The index files of `site` in memory, reusing the pages other sites of
/// `shared` read.
pub fn index_shared(site: &Site, shared: &Shared) -> Result<Files, Diagnostics> {
    let files = std::sync::Mutex::new(Files::new());
    index_into(site, shared, &|path, bytes| {
        files.lock().unwrap_or_else(|e| e.into_inner()).insert(path, Arc::from(bytes));
        Ok(())
    })?;
    Ok(files.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Where `index_into` hands each file: its path under `FOLDER` and bytes.
pub type Put<'a> = dyn Fn(String, Bytes) -> Result<(), Diagnostic> + Sync + 'a;

/// Makes the index files of the whole site and hands each to `put` (from
/// any thread): each locale's index in turn (see `Writer`), pagefind's
/// browser files and `pagefind-entry.json`. Returns how many files it made.
fn index_into(site: &Site, shared: &Shared, put: &Put<'_>) -> Result<usize, Diagnostics> {
    let mut writer = Writer::new(site, shared)?;
    for here in &site.locales {
        writer.locale(site, here, put)?;
    }
    writer.finish(put)
}

/// The index written one locale at a time, so that a locale's word lists
/// are in memory only while it is indexed, and the caller can let go of a
/// locale's text once its index is written. Each locale's pages are spread
/// over all threads and its files handed over as soon as they are made.
pub struct Writer<'s> {
    bundle: Arc<bundle::Bundle>,
    /// What the indexes of other sites of the build made, to reuse.
    shared: &'s Shared,
    /// What `pagefind-entry.json` says of each language with pages.
    entries: BTreeMap<String, serde_json::Value>,
    count: usize,
}

impl<'s> Writer<'s> {
    pub fn new(site: &Site, shared: &'s Shared) -> Result<Writer<'s>, Diagnostics> {
        let languages: Vec<String> = site.locales.iter().map(|l| language(&l.locale)).collect();
        let bundle = shared.bundle(&languages.iter().map(String::as_str).collect::<Vec<_>>()).map_err(|e| {
            Diagnostics::from(Diagnostic::error("search index", 0, 0, format!("cannot build the search index: {e}")))
        })?;
        Ok(Writer { bundle, shared, entries: BTreeMap::new(), count: 0 })
    }

    /// Writes the index of the locale `here` of `site`.
    pub fn locale(&mut self, site: &Site, here: &LocaleSite, put: &Put<'_>) -> Result<(), Diagnostics> {
        self.locale_files(site, here).into_par_iter().try_for_each(|(path, bytes)| put(path, bytes))?;
        Ok(())
    }

    /// The index files of the locale `here` of `site`, paths from the
    /// root, for the caller to write (while the next locale is indexed).
    pub fn locale_files(&mut self, site: &Site, here: &LocaleSite) -> Vec<(String, Bytes)> {
        let language = language(&here.locale);
        let expansion = expand::Expansion::with_synonyms(synonyms(here));
        let records = locale_records(site, here);
        let index = format::build_shared(&language, &self.bundle.version, &records, &expansion, self.shared);
        self.count += index.files.len();
        if index.page_count > 0 {
            let wasm = self.bundle.wasm.get(&language).copied().unwrap_or(false).then(|| language.clone());
            let summary = serde_json::json!({ "hash": index.meta_hash, "wasm": wasm, "page_count": index.page_count });
            self.entries.insert(language, summary);
        }
        index.files.into_iter().map(|(path, bytes)| (format!("{FOLDER}{path}"), bytes)).collect()
    }

    /// Writes pagefind's browser files and `pagefind-entry.json`, which
    /// names the languages. Returns how many files the index has.
    pub fn finish(self, put: &Put<'_>) -> Result<usize, Diagnostics> {
        let Writer { bundle, entries, count, .. } = self;
        let entry = serde_json::json!({
            "version": bundle.version.number,
            "languages": entries,
            "include_characters": bundle.version.word_characters,
        });
        put(format!("{FOLDER}pagefind-entry.json"), Bytes::Own(entry.to_string().into_bytes()))?;
        let count = count + 1 + bundle.files.len();
        for (path, bytes) in &bundle.files {
            put(format!("{FOLDER}{path}"), Bytes::Shared(Arc::clone(bytes)))?;
        }
        Ok(count)
    }
}

/// Pagefind's browser side names languages in lower case (`nl-be`).
fn language(locale: &str) -> String {
    locale.to_lowercase()
}

/// The site's synonyms of the locale `here`.
fn synonyms(here: &LocaleSite) -> Vec<expand::Synonym> {
    let pairs = here.synonyms.iter().flat_map(|(word, phrases)| phrases.iter().map(move |p| (word, p)));
    pairs.map(|(word, phrase)| expand::Synonym { phrase: phrase.clone(), words: vec![word.clone()] }).collect()
}
