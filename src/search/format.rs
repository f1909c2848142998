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
use std::sync::Mutex;

use super::encoding::{
    cbor, compress, full_hash, FilterIndex, Gzip, MetaChunk, MetaFilter, MetaIndex, MetaPage, PackedValue,
};
use super::expand::{Expansion, Phrases};
use super::postings::{Postings, Run};
pub use super::record::Record;
use super::words::WordSplitter;

/// One language's index files, paths relative to the index folder.
pub struct LanguageIndex {
    pub files: Vec<(String, Vec<u8>)>,
    /// Names the meta file: `pagefind.{meta_hash}.pf_meta`.
    pub meta_hash: String,
    pub page_count: usize,
}

/// Word lists are cut into chunks of about this many positions.
const CHUNK_SIZE: usize = 20_000;

/// Pages handed to one thread at a time.
const PAGES_PER_JOB: usize = 32;

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
    let records: Vec<&Record> = records.iter().filter(|r| has_words(r, &version.word_characters)).collect();
    let mut fields: Vec<String> = records.iter().flat_map(|r| r.meta.keys().cloned()).collect();
    fields.sort();
    fields.dedup();

    let (fragments, postings) = index_pages(language, version, &records, &fields, expansion);
    let mut files = Vec::new();
    let (filters, pages) = add_fragments(language, &records, fragments, &mut files);

    let mut meta = MetaIndex {
        version: version.number.clone(),
        pages,
        index_chunks: Vec::new(),
        filters: Vec::new(),
        sorts: Vec::new(),
        meta_fields: fields.clone(),
    };
    add_filters(language, filters, &mut files, &mut meta);
    add_chunks(language, &postings, &mut files, &mut meta);

    let meta_bytes = cbor(&meta);
    let meta_hash = format!("{language}_{}", &full_hash(&meta_bytes)[..=language.len() + 7]);
    files.push((format!("pagefind.{meta_hash}.pf_meta"), compress(&meta_bytes)));
    LanguageIndex { files, meta_hash, page_count: meta.pages.len() }
}

/// Each page's fragment, in order, and the word index of all pages.
fn index_pages(
    language: &str,
    version: &Version,
    records: &[&Record],
    fields: &[String],
    expansion: &Expansion,
) -> (Vec<Vec<Fragment>>, Postings) {
    // Pages in parallel, in runs of consecutive pages, merged in order. Each
    // thread keeps its word splitter (and what it learnt) for all its runs.
    let threads: Vec<Mutex<(WordSplitter, Gzip, Run)>> = (0..rayon::current_num_threads().max(1))
        .map(|_| {
            let splitter = WordSplitter::new(language, &version.word_characters).with_raw_forms(expansion.raw_forms);
            Mutex::new((splitter, Gzip::new(), Run::default()))
        })
        .collect();
    let fragments: Vec<Vec<Fragment>> = records
        .par_chunks(PAGES_PER_JOB)
        .enumerate()
        .map(|(run, chunk)| {
            let thread = rayon::current_thread_index().unwrap_or(0) % threads.len();
            let mut state = threads[thread].lock().unwrap_or_else(|e| e.into_inner());
            let (splitter, gzip, words) = &mut *state;
            let phrases = Phrases::new(expansion, splitter);
            chunk
                .iter()
                .enumerate()
                .map(|(i, record)| {
                    words.add_page(record, (run * PAGES_PER_JOB + i) as u32, fields, splitter, &phrases);
                    Fragment::new(language, record, gzip)
                })
                .collect()
        })
        .collect();
    let threads: Vec<(WordSplitter, Gzip, Run)> =
        threads.into_iter().map(|t| t.into_inner().unwrap_or_else(|e| e.into_inner())).collect();
    let postings = Postings::new(threads.into_iter().map(|(splitter, _, run)| (splitter, run)).collect());
    (fragments, postings)
}

/// The pages of each filter value.
type Filters<'a> = BTreeMap<&'a str, BTreeMap<&'a str, Vec<usize>>>;

/// Adds each distinct fragment to `files` under the shortest prefix of its
/// hash that no other fragment has; the pages of each filter value and the
/// meta entry of each page.
fn add_fragments<'a>(
    language: &str,
    records: &[&'a Record],
    fragments: Vec<Vec<Fragment>>,
    files: &mut Vec<(String, Vec<u8>)>,
) -> (Filters<'a>, Vec<MetaPage>) {
    let mut filters: Filters<'a> = BTreeMap::new();
    let mut pages = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (page, (record, fragment)) in records.iter().zip(fragments.into_iter().flatten()).enumerate() {
        for (filter, values) in &record.filters {
            for value in values {
                filters.entry(filter).or_default().entry(value).or_default().push(page);
            }
        }
        let mut name = fragment.full_hash[..=language.len() + 7].to_owned();
        while let Some(other) = names.get(&name) {
            if *other == fragment.full_hash {
                break;
            }
            name = fragment.full_hash[..=name.len()].to_owned();
        }
        if !names.contains_key(&name) {
            files.push((format!("fragment/{name}.pf_fragment"), fragment.compressed));
            names.insert(name.clone(), fragment.full_hash);
        }
        pages.push(MetaPage { hash: name, word_count: fragment.word_count, group_hash: String::new() });
    }
    (filters, pages)
}

/// Adds a file per filter to `files` and to the meta index.
fn add_filters(language: &str, filters: Filters<'_>, files: &mut Vec<(String, Vec<u8>)>, meta: &mut MetaIndex) {
    let mut taken: Vec<String> = Vec::new();
    for (filter, values) in filters {
        let index = FilterIndex {
            filter: filter.to_owned(),
            values: values.into_iter().map(|(value, pages)| PackedValue { value: value.to_owned(), pages }).collect(),
        };
        let bytes = cbor(&index);
        let name = unique_name(language, &full_hash(&bytes), &mut taken);
        files.push((format!("filter/{name}.pf_filter"), compress(&bytes)));
        meta.filters.push(MetaFilter { filter: filter.to_owned(), hash: name });
    }
}

/// Adds the word index, cut into chunks, to `files` and to the meta index.
fn add_chunks(language: &str, postings: &Postings, files: &mut Vec<(String, Vec<u8>)>, meta: &mut MetaIndex) {
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
        files.push((format!("index/{name}.pf_index"), compressed));
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

/// Where each part of a record starts, in words.
fn part_offsets(record: &Record) -> Vec<u32> {
    let mut offset = 0;
    record
        .text
        .iter()
        .map(|part| {
            let start = offset;
            offset += part.word_count;
            start
        })
        .collect()
}

/// A page's fragment file: what a result shows.
struct Fragment {
    /// `{language}_{sha1}` of the uncompressed fragment.
    full_hash: String,
    compressed: Vec<u8>,
    word_count: u32,
}

#[derive(serde::Serialize)]
struct FragmentData<'a> {
    url: &'a str,
    content: &'a str,
    word_count: usize,
    filters: &'a BTreeMap<String, Vec<String>>,
    meta: &'a BTreeMap<String, String>,
    anchors: Vec<FragmentAnchor<'a>>,
}

#[derive(serde::Serialize)]
struct FragmentAnchor<'a> {
    element: &'a str,
    id: &'a str,
    text: &'a str,
    location: u32,
}

impl Fragment {
    fn new(language: &str, record: &Record, gzip: &mut Gzip) -> Fragment {
        let content: Vec<&str> = record.text.iter().map(|p| p.text.as_str()).filter(|t| !t.is_empty()).collect();
        let content = content.join(" ");
        let word_count = (record.text.iter().map(|p| p.word_count).sum::<u32>() as usize).max(1);
        let offsets = part_offsets(record);
        let data = FragmentData {
            url: &record.url,
            content: &content,
            word_count,
            filters: &record.filters,
            meta: &record.meta,
            anchors: record
                .text
                .iter()
                .zip(&offsets)
                .flat_map(|(part, &offset)| {
                    part.anchors.iter().map(move |a| FragmentAnchor {
                        element: a.element,
                        id: &a.id,
                        text: &a.text,
                        location: a.word + offset,
                    })
                })
                .collect(),
        };
        let json = serde_json::to_vec(&data).expect("a fragment is plain data");
        Fragment {
            full_hash: format!("{language}_{}", full_hash(&json)),
            compressed: gzip.compress(&json),
            word_count: word_count as u32,
        }
    }
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
