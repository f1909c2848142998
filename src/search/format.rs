//! Pagefind's index files (format of pagefind 1.6, the version whose
//! browser side the site ships), written straight from the model's text:
//! per language a meta file, the word index in chunks, a filter file per
//! filter and a fragment per page, each gzipped behind pagefind's
//! `pagefind_dcd` marker and named by its hash.
//!
//! Pagefind's own indexer parses HTML, keeps every page in memory until the
//! end and compresses at the best level; this writer takes the words the
//! Markdown renderer already found, splits pages across threads, keeps
//! only packed positions and compresses fast. The word lists, positions,
//! weights and fragments are the ones pagefind makes of the same text
//! (`tests/search_index.rs` compares them).

use hashbrown::HashMap;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::encoding::{
    cbor, compress, full_hash, FilterIndex, MetaChunk, MetaFilter, MetaIndex, MetaPage, PackedValue,
};
use super::expand::Expansion;
use super::postings::Postings;
pub use super::record::Record;
use super::shared::{LanguageKey, Page, Shared};
use crate::files::Bytes;

/// One language's index files, paths relative to the index folder.
pub struct LanguageIndex {
    pub files: Vec<(String, Bytes)>,
    /// Names the meta file: `pagefind.{meta_hash}.pf_meta`.
    pub meta_hash: String,
    pub page_count: usize,
}

/// Word lists are cut into chunks of about this many positions.
const CHUNK_SIZE: usize = 20_000;

/// What the index must agree on with pagefind's browser side.
#[derive(Debug, Clone)]
pub struct Version {
    /// Pagefind's version, which its browser side checks.
    pub number: String,
    /// Characters that belong to words besides letters and digits (`_`).
    pub word_characters: Vec<char>,
}

/// The index of `records`, all in `language`. Records without a word to
/// find are left out, as pagefind leaves them.
pub fn build(language: &str, version: &Version, records: &[Record]) -> LanguageIndex {
    build_expanded(language, version, records, &Expansion::none())
}

/// The index of `records` with leidraad's additions (see `expand`).
pub fn build_expanded(language: &str, version: &Version, records: &[Record], expansion: &Expansion) -> LanguageIndex {
    build_shared(language, version, records, expansion, &Shared::default())
}

/// [`build_expanded`], reading only the pages that `shared` does not
/// have from another site.
pub(super) fn build_shared(
    language: &str,
    version: &Version,
    records: &[Record],
    expansion: &Expansion,
    shared: &Shared,
) -> LanguageIndex {
    let records: Vec<&Record> = records.iter().filter(|r| has_words(r, &version.word_characters)).collect();
    let mut fields: Vec<String> = records.iter().flat_map(|r| r.meta.keys().cloned()).collect();
    fields.sort();
    fields.dedup();

    let key = LanguageKey {
        language: language.to_owned(),
        word_characters: version.word_characters.clone(),
        expansion: expansion.clone(),
        fields: fields.clone(),
    };
    let reader = shared.language(key);
    let held = reader.hold();
    let mut pages = reader.pages(&records);
    let mut files = Vec::new();
    let (filters, meta_pages) = add_fragments(language, &records, &mut pages, &mut files);
    let postings = reader.postings(pages);
    drop(held);

    let mut meta = MetaIndex {
        version: version.number.clone(),
        pages: meta_pages,
        index_chunks: Vec::new(),
        filters: Vec::new(),
        sorts: Vec::new(),
        meta_fields: fields,
    };
    add_filters(language, filters, &mut files, &mut meta);
    add_chunks(language, &postings, &mut files, &mut meta);

    let meta_bytes = cbor(&meta);
    let meta_hash = format!("{language}_{}", &full_hash(&meta_bytes)[..=language.len() + 7]);
    files.push((format!("pagefind.{meta_hash}.pf_meta"), Bytes::Own(compress(&meta_bytes))));
    LanguageIndex { files, meta_hash, page_count: meta.pages.len() }
}

/// The pages of each filter value.
type Filters<'a> = BTreeMap<&'a str, BTreeMap<&'a str, Vec<usize>>>;

/// Adds each distinct fragment to `files` under the shortest prefix of its
/// hash that no other fragment has; the pages of each filter value and the
/// meta entry of each page.
fn add_fragments<'a>(
    language: &str,
    records: &[&'a Record],
    pages: &mut [Arc<Page>],
    files: &mut Vec<(String, Bytes)>,
) -> (Filters<'a>, Vec<MetaPage>) {
    let mut filters: Filters<'a> = BTreeMap::new();
    let mut meta = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (page, (record, read)) in records.iter().zip(pages).enumerate() {
        for (filter, values) in &record.filters {
            for value in values {
                filters.entry(filter).or_default().entry(value).or_default().push(page);
            }
        }
        let fragment = &read.fragment;
        let mut name = fragment.full_hash[..=language.len() + 7].to_owned();
        while let Some(other) = names.get(&name) {
            if *other == fragment.full_hash {
                break;
            }
            name = fragment.full_hash[..=name.len()].to_owned();
        }
        let word_count = fragment.word_count;
        if !names.contains_key(&name) {
            names.insert(name.clone(), fragment.full_hash.clone());
            // The bytes of a page that other sites have too are one
            // allocation, which the output writes once.
            let compressed = match Arc::strong_count(read) {
                1 => Bytes::Own(read.fragment.compressed.to_vec()),
                _ => Bytes::Shared(Arc::clone(&read.fragment.compressed)),
            };
            files.push((format!("fragment/{name}.pf_fragment"), compressed));
        }
        meta.push(MetaPage { hash: name, word_count, group_hash: String::new() });
    }
    (filters, meta)
}

/// Adds a file per filter to `files` and to the meta index.
fn add_filters(language: &str, filters: Filters<'_>, files: &mut Vec<(String, Bytes)>, meta: &mut MetaIndex) {
    let mut taken: Vec<String> = Vec::new();
    for (filter, values) in filters {
        let index = FilterIndex {
            filter: filter.to_owned(),
            values: values.into_iter().map(|(value, pages)| PackedValue { value: value.to_owned(), pages }).collect(),
        };
        let bytes = cbor(&index);
        let name = unique_name(language, &full_hash(&bytes), &mut taken);
        files.push((format!("filter/{name}.pf_filter"), Bytes::Own(compress(&bytes))));
        meta.filters.push(MetaFilter { filter: filter.to_owned(), hash: name });
    }
}

/// Adds the word index, cut into chunks, to `files` and to the meta index.
fn add_chunks(language: &str, postings: &Postings, files: &mut Vec<(String, Bytes)>, meta: &mut MetaIndex) {
    let chunks = postings.chunks(CHUNK_SIZE);
    meta.index_chunks = chunk_ranges(&chunks.iter().map(|c| postings.bounds(c)).collect::<Vec<_>>());
    // Each chunk packed, encoded and compressed on its own thread; named in order.
    let encoded: Vec<(String, Vec<u8>)> = chunks
        .into_par_iter()
        .map(|chunk| {
            let bytes = cbor(&postings.word_index(chunk));
            (full_hash(&bytes), compress(&bytes))
        })
        .collect();
    let mut taken: Vec<String> = Vec::new();
    for (i, (hash, compressed)) in encoded.into_iter().enumerate() {
        let name = unique_name(language, &hash, &mut taken);
        meta.index_chunks[i].hash = name.clone();
        files.push((format!("index/{name}.pf_index"), Bytes::Own(compressed)));
    }
}

/// `{language}_` and the first seven characters of `hash`, or more where
/// that name is taken.
fn unique_name(language: &str, hash: &str, taken: &mut Vec<String>) -> String {
    let hash = format!("{language}_{hash}");
    let mut length = language.len() + 8;
    while taken.iter().any(|t| *t == hash[..length]) && length < hash.len() {
        length += 1;
    }
    taken.push(hash[..length].to_owned());
    hash[..length].to_owned()
}

/// Whether any word of the record's text is indexed.
fn has_words(record: &Record, word_characters: &[char]) -> bool {
    words_of(record).any(|(_, raw)| !super::words::index_words(raw, None, word_characters).is_empty())
}

/// The words of a record with their positions, over all its parts.
fn words_of<'r>(record: &'r Record) -> impl Iterator<Item = (u32, &'r str)> + 'r {
    record.text.iter().flat_map(|part| part.words()).enumerate().map(|(i, w)| (i as u32, w))
}

/// The `from`–`to` word range of each chunk, shortened to the prefixes that
/// tell neighbours apart.
fn chunk_ranges(bounds: &[(&str, &str)]) -> Vec<MetaChunk> {
    let mut ranges: Vec<MetaChunk> = bounds
        .iter()
        .map(|(from, to)| MetaChunk { from: (*from).to_owned(), to: (*to).to_owned(), hash: String::new() })
        .collect();
    for i in 1..ranges.len() {
        let (a, b) = (ranges[i - 1].to.clone(), ranges[i].from.clone());
        let common = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
        let to: String = a.chars().take(common + 1).collect();
        if to >= ranges[i - 1].from {
            ranges[i - 1].to = to;
        }
        ranges[i].from = b.chars().take(common + 1).collect();
    }
    ranges
}
