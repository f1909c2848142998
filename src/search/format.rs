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
use minicbor::Encode;
use rayon::prelude::*;
use sha1::{Digest, Sha1};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Mutex;

use super::words::{Split, WordSplitter};
use crate::markdown::PlainText;

/// One page of the index: what a search finds and what it shows.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// Root-relative address, with an anchor where a hit should land.
    pub url: String,
    /// The page's text, in parts (the model's text of an article is
    /// borrowed, not copied: there may be 5,000 of them).
    pub text: Vec<Cow<'a, PlainText>>,
    /// Shown with a result (`title`, `kind`...); its words are found too.
    pub meta: BTreeMap<String, String>,
    /// Values a search can be narrowed to, per filter.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// One language's index files, paths relative to the index folder.
pub struct LanguageIndex {
    pub files: Vec<(String, Vec<u8>)>,
    /// Names the meta file: `pagefind.{meta_hash}.pf_meta`.
    pub meta_hash: String,
    pub page_count: usize,
}

/// Weight of ordinary words; headings weigh more (pagefind's scale: the
/// weight times 24).
const WEIGHT: u8 = 24;

fn heading_weight(level: u8) -> u8 {
    8u8.saturating_sub(level.clamp(1, 6)) * WEIGHT
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
    let records: Vec<&Record> = records.iter().filter(|r| has_words(r, &version.word_characters)).collect();
    let mut fields: Vec<String> = records.iter().flat_map(|r| r.meta.keys().cloned()).collect();
    fields.sort();
    fields.dedup();

    // Pages in parallel, in runs of consecutive pages, merged in order. Each
    // thread keeps its word splitter (and what it learnt) for all its runs.
    let threads: Vec<Mutex<(WordSplitter, Gzip)>> = (0..rayon::current_num_threads().max(1))
        .map(|_| Mutex::new((WordSplitter::new(language, &version.word_characters), Gzip::new())))
        .collect();
    let runs: Vec<(Vec<(String, WordEntry)>, Vec<Fragment>)> = records
        .par_chunks(PAGES_PER_JOB)
        .enumerate()
        .map(|(run, chunk)| {
            let thread = rayon::current_thread_index().unwrap_or(0) % threads.len();
            let mut state = threads[thread].lock().unwrap_or_else(|e| e.into_inner());
            let (splitter, gzip) = &mut *state;
            let mut words = Words::default();
            let fragments = chunk
                .iter()
                .enumerate()
                .map(|(i, record)| {
                    let page = (run * PAGES_PER_JOB + i) as u32;
                    page_words(record, page, &fields, splitter, &mut words);
                    Fragment::new(language, record, gzip)
                })
                .collect();
            (words.named(splitter), fragments)
        })
        .collect();
    drop(threads);

    let mut words = AllWords::default();
    let mut fragments = Vec::new();
    let mut filters: BTreeMap<&str, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (run_words, run_fragments) in runs {
        words.add(run_words);
        fragments.extend(run_fragments);
    }
    let mut files = Vec::new();
    let mut pages = Vec::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for (page, (record, fragment)) in records.iter().zip(fragments).enumerate() {
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

    let mut meta = MetaIndex {
        version: version.number.clone(),
        pages,
        index_chunks: Vec::new(),
        filters: Vec::new(),
        sorts: Vec::new(),
        meta_fields: fields.clone(),
    };
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

    let chunks = words.into_chunks();
    meta.index_chunks = chunk_ranges(&chunks);
    // Each chunk packed, encoded and compressed on its own thread; named in order.
    let encoded: Vec<(String, Vec<u8>)> = chunks
        .into_par_iter()
        .map(|chunk| {
            let bytes = cbor(&word_index(chunk));
            (full_hash(&bytes), compress(&bytes))
        })
        .collect();
    let mut taken: Vec<String> = Vec::new();
    for (i, (hash, compressed)) in encoded.into_iter().enumerate() {
        let name = unique_name(language, &hash, &mut taken);
        meta.index_chunks[i].hash = name.clone();
        files.push((format!("index/{name}.pf_index"), compressed));
    }

    let meta_bytes = cbor(&meta);
    let meta_hash = format!("{language}_{}", &full_hash(&meta_bytes)[..=language.len() + 7]);
    files.push((format!("pagefind.{meta_hash}.pf_meta"), compress(&meta_bytes)));
    LanguageIndex { files, meta_hash, page_count: meta.pages.len() }
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

/// A word's postings: for each page, its positions (with weight changes)
/// and its positions in the meta fields, packed as pagefind packs them.
#[derive(Debug, Default, Clone)]
struct Postings {
    /// Page number and the end of its positions in `locs` and `meta`.
    pages: Vec<(u32, u32, u32)>,
    locs: Vec<i32>,
    meta: Vec<i32>,
}

impl Postings {
    fn push(&mut self, page: u32, locs: &[i32], meta: &[i32]) {
        self.locs.extend_from_slice(locs);
        self.meta.extend_from_slice(meta);
        self.pages.push((page, self.locs.len() as u32, self.meta.len() as u32));
    }

    /// The pages of `parts`, in order, with their page numbers as
    /// differences, as the index stores them.
    fn packed(parts: &[&Postings]) -> Vec<PackedPage> {
        let mut last = 0;
        let mut packed = Vec::with_capacity(parts.iter().map(|p| p.pages.len()).sum());
        for part in parts {
            let (mut locs, mut meta) = (0, 0);
            for &(page, locs_end, meta_end) in &part.pages {
                packed.push(PackedPage {
                    page_number: (page - last) as usize,
                    locs: part.locs[locs..locs_end as usize].to_vec(),
                    meta_locs: part.meta[meta..meta_end as usize].to_vec(),
                });
                (last, locs, meta) = (page, locs_end as usize, meta_end as usize);
            }
        }
        packed
    }

    fn shrink_to_fit(&mut self) {
        self.pages.shrink_to_fit();
        self.locs.shrink_to_fit();
        self.meta.shrink_to_fit();
    }

    fn size(&self) -> usize {
        self.locs.len() + self.meta.len() + self.pages.len()
    }
}

#[derive(Debug, Default, Clone)]
struct WordEntry {
    postings: Postings,
    /// Forms with diacritics (`café` of `cafe`), in order of first use.
    variants: Vec<(String, Postings)>,
}

/// Every word of a run of pages, by the number its thread's splitter gave it.
#[derive(Debug, Default)]
struct Words(HashMap<u32, WordEntry>);

impl Words {
    /// The words by name, their lists shrunk to fit: runs are kept until
    /// the whole language is done.
    fn named(self, splitter: &WordSplitter) -> Vec<(String, WordEntry)> {
        self.0
            .into_iter()
            .map(|(number, mut entry)| {
                entry.postings.shrink_to_fit();
                entry.variants.iter_mut().for_each(|(_, p)| p.shrink_to_fit());
                (splitter.word(number).to_owned(), entry)
            })
            .collect()
    }
}

/// Every word of a language, with its entries of each run in page order,
/// as they were made: they are put together only when a chunk of the
/// index is encoded, so no merged copy is ever held.
#[derive(Debug, Default)]
struct AllWords(HashMap<String, Vec<WordEntry>>);

impl AllWords {
    /// Adds the words of a run of later pages.
    fn add(&mut self, run: Vec<(String, WordEntry)>) {
        for (word, entry) in run {
            self.0.entry(word).or_default().push(entry);
        }
    }

    /// The words in order, cut into chunks of about `CHUNK_SIZE` positions.
    fn into_chunks(self) -> Vec<Vec<(String, Vec<WordEntry>)>> {
        let mut words: Vec<(String, Vec<WordEntry>)> = self.0.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut chunks = Vec::new();
        let mut chunk = Vec::new();
        let mut size = 0;
        for (word, entries) in words {
            let mut forms: Vec<&str> = Vec::new();
            for entry in &entries {
                size += entry.postings.size() + entry.variants.iter().map(|(_, p)| p.size()).sum::<usize>();
                for (form, _) in &entry.variants {
                    if !forms.contains(&form.as_str()) {
                        forms.push(form);
                    }
                }
            }
            size += forms.len();
            drop(forms);
            chunk.push((word, entries));
            if size >= CHUNK_SIZE {
                chunks.push(std::mem::take(&mut chunk));
                size = 0;
            }
        }
        if !chunk.is_empty() {
            chunks.push(chunk);
        }
        chunks
    }
}

/// A chunk of the word index as pagefind encodes it.
fn word_index(chunk: Vec<(String, Vec<WordEntry>)>) -> WordIndex {
    let words = chunk
        .into_iter()
        .map(|(word, entries)| {
            let postings: Vec<&Postings> = entries.iter().map(|e| &e.postings).collect();
            // A form's pages from every run that has it, forms in order of first use.
            let mut forms: Vec<(&str, Vec<&Postings>)> = Vec::new();
            for (form, postings) in entries.iter().flat_map(|e| &e.variants) {
                match forms.iter_mut().find(|(f, _)| f == form) {
                    Some((_, parts)) => parts.push(postings),
                    None => forms.push((form, vec![postings])),
                }
            }
            PackedWord {
                word,
                pages: Postings::packed(&postings),
                additional_variants: forms
                    .into_iter()
                    .map(|(form, parts)| PackedVariant { form: form.to_owned(), pages: Postings::packed(&parts) })
                    .collect(),
            }
        })
        .collect();
    WordIndex { words }
}

/// One occurrence of a word on a page.
#[derive(Clone, Copy)]
struct Occurrence {
    stem: u32,
    original: Option<u32>,
    /// Word position, or the meta field and position.
    position: u32,
    field: u16,
    weight: u8,
    in_meta: bool,
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

/// Adds the words of `record`, page number `page`, to `words`.
fn page_words(record: &Record, page: u32, fields: &[String], splitter: &mut WordSplitter, words: &mut Words) {
    let mut found: Vec<Occurrence> =
        Vec::with_capacity(record.text.iter().map(|p| p.word_count as usize).sum::<usize>() * 2);
    let mut offset = 0;
    for part in &record.text {
        let mut headings = part.headings.iter().peekable();
        for (i, raw) in part.words().enumerate() {
            let i = i as u32;
            while headings.peek().is_some_and(|h| h.end <= i) {
                headings.next();
            }
            let weight = match headings.peek() {
                Some(h) if h.start <= i => heading_weight(h.level),
                _ => WEIGHT,
            };
            let splits: &[Split] = splitter.split(raw);
            let parts = splits.iter().filter(|s| s.compound_part).count();
            let part_weight = if parts > 0 && weight > 0 { (weight / parts.min(255) as u8).max(1) } else { 0 };
            for split in splits {
                let weight = if split.compound_part { part_weight } else { weight };
                found.push(Occurrence {
                    stem: split.stem,
                    original: split.original,
                    position: offset + i,
                    field: 0,
                    weight,
                    in_meta: false,
                });
            }
        }
        offset += part.word_count;
    }
    for (field, name) in fields.iter().enumerate() {
        let Some(value) = record.meta.get(name) else { continue };
        for (position, raw) in value.split_whitespace().enumerate() {
            for split in splitter.split(raw) {
                found.push(Occurrence {
                    stem: split.stem,
                    original: split.original,
                    position: position as u32,
                    field: field as u16,
                    weight: 0,
                    in_meta: true,
                });
            }
        }
    }
    found.sort_unstable_by_key(|o| o.stem);
    for group in found.chunk_by(|a, b| a.stem == b.stem) {
        let entry = words.0.entry(group[0].stem).or_default();
        let (locs, meta) = pack(group.iter().filter(|o| o.original.is_none()));
        if !locs.is_empty() || !meta.is_empty() {
            entry.postings.push(page, &locs, &meta);
        }
        // Forms with diacritics: those in the text first, then those only in
        // meta, each group by name.
        let mut forms: Vec<(bool, &str, u32)> = Vec::new();
        for number in group.iter().filter_map(|o| o.original) {
            if !forms.iter().any(|f| f.2 == number) {
                let only_meta = !group.iter().any(|o| o.original == Some(number) && !o.in_meta);
                forms.push((only_meta, splitter.word(number), number));
            }
        }
        forms.sort_unstable();
        for (_, form, number) in forms {
            let (locs, meta) = pack(group.iter().filter(|o| o.original == Some(number)));
            match entry.variants.iter_mut().find(|(f, _)| f == form) {
                Some((_, postings)) => postings.push(page, &locs, &meta),
                None => {
                    let mut postings = Postings::default();
                    postings.push(page, &locs, &meta);
                    entry.variants.push((form.to_owned(), postings));
                }
            }
        }
    }
}

/// Positions as pagefind packs them. In the text: weight 25 first, then by
/// weight and position; a change of weight is `-weight - 1` followed by the
/// position, other positions are differences. In meta: by field and
/// position; `-field - 1` starts a field, positions are differences.
fn pack<'a>(occurrences: impl Iterator<Item = &'a Occurrence>) -> (Vec<i32>, Vec<i32>) {
    let (mut text, mut meta): (Vec<&Occurrence>, Vec<&Occurrence>) = occurrences.partition(|o| !o.in_meta);
    text.sort_by_key(|o| (if o.weight == 25 { 0 } else { o.weight }, o.position));
    let mut locs = Vec::with_capacity(text.len() + 2);
    let (mut weight, mut last) = (25, 0);
    for o in text {
        if o.weight != weight {
            locs.push(-(o.weight as i32) - 1);
            locs.push(o.position as i32);
            weight = o.weight;
        } else {
            locs.push((o.position - last) as i32);
        }
        last = o.position;
    }
    meta.sort_by_key(|o| (o.field, o.position));
    let mut meta_locs = Vec::with_capacity(meta.len() + 2);
    let (mut field, mut last) = (None, 0);
    for o in meta {
        if field != Some(o.field) {
            meta_locs.push(-(o.field as i32) - 1);
            field = Some(o.field);
            last = 0;
        }
        meta_locs.push((o.position - last) as i32);
        last = o.position;
    }
    (locs, meta_locs)
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
fn chunk_ranges(chunks: &[Vec<(String, Vec<WordEntry>)>]) -> Vec<MetaChunk> {
    let word = |w: Option<&(String, Vec<WordEntry>)>| w.map_or_else(String::new, |w| w.0.clone());
    let mut ranges: Vec<MetaChunk> =
        chunks.iter().map(|c| MetaChunk { from: word(c.first()), to: word(c.last()), hash: String::new() }).collect();
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

fn cbor<T: Encode<()>>(value: &T) -> Vec<u8> {
    let mut bytes = Vec::new();
    minicbor::encode(value, &mut bytes).expect("encoding into memory does not fail");
    bytes
}

fn compress(bytes: &[u8]) -> Vec<u8> {
    Gzip::new().compress(bytes)
}

/// Gzip behind pagefind's marker, by libdeflate, one compressor per
/// thread. Index files are small (a fragment is a few KB): zlib-rs spent
/// more on clearing its tables for each than on compressing, and
/// libdeflate's fastest level is as small as zlib's level 3 at twice the speed.
struct Gzip {
    compressor: libdeflater::Compressor,
    input: Vec<u8>,
}

impl Gzip {
    fn new() -> Gzip {
        let level = libdeflater::CompressionLvl::new(1).expect("1 is a level");
        Gzip { compressor: libdeflater::Compressor::new(level), input: Vec::new() }
    }

    fn compress(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.input.clear();
        self.input.extend_from_slice(b"pagefind_dcd");
        self.input.extend_from_slice(bytes);
        let mut out = vec![0; self.compressor.gzip_compress_bound(self.input.len())];
        let length = self.compressor.gzip_compress(&self.input, &mut out).expect("the bound leaves room");
        out.truncate(length);
        // Kept until the index is complete: no room to spare.
        out.shrink_to_fit();
        out
    }
}

/// SHA-1 as pagefind spells it: each byte in hex without its leading zero.
fn full_hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut hex = String::with_capacity(40);
    for byte in Sha1::digest(bytes) {
        let _ = write!(hex, "{byte:x}");
    }
    hex
}

// Pagefind 1.6's index records, encoded as it encodes them.

#[derive(Encode)]
struct WordIndex {
    #[n(0)]
    words: Vec<PackedWord>,
}

#[derive(Encode, Debug, Clone)]
struct PackedWord {
    #[n(0)]
    word: String,
    #[n(1)]
    pages: Vec<PackedPage>,
    #[n(2)]
    additional_variants: Vec<PackedVariant>,
}

#[derive(Encode, Debug, Clone)]
struct PackedVariant {
    #[n(0)]
    form: String,
    #[n(1)]
    pages: Vec<PackedPage>,
}

#[derive(Encode, Debug, Clone)]
struct PackedPage {
    #[n(0)]
    page_number: usize,
    #[n(1)]
    locs: Vec<i32>,
    #[n(2)]
    meta_locs: Vec<i32>,
}

#[derive(Encode)]
struct MetaIndex {
    #[n(0)]
    version: String,
    #[n(1)]
    pages: Vec<MetaPage>,
    #[n(2)]
    index_chunks: Vec<MetaChunk>,
    #[n(3)]
    filters: Vec<MetaFilter>,
    #[n(4)]
    sorts: Vec<MetaSort>,
    #[n(5)]
    meta_fields: Vec<String>,
}

#[derive(Encode, Debug, PartialEq)]
struct MetaChunk {
    #[n(0)]
    from: String,
    #[n(1)]
    to: String,
    #[n(2)]
    hash: String,
}

#[derive(Encode)]
struct MetaPage {
    #[n(0)]
    hash: String,
    #[n(1)]
    word_count: u32,
    #[n(2)]
    group_hash: String,
}

#[derive(Encode)]
struct MetaFilter {
    #[n(0)]
    filter: String,
    #[n(1)]
    hash: String,
}

#[derive(Encode)]
struct MetaSort {
    #[n(0)]
    sort: String,
    #[n(1)]
    pages: Vec<usize>,
}

#[derive(Encode)]
struct FilterIndex {
    #[n(0)]
    filter: String,
    #[n(1)]
    values: Vec<PackedValue>,
}

#[derive(Encode)]
struct PackedValue {
    #[n(0)]
    value: String,
    #[n(1)]
    pages: Vec<usize>,
}
