//! The word lists of one language's index: for every word, the pages it is
//! on and its positions there, packed as pagefind packs them. They are kept
//! flat, one entry per word and page in a few large arrays, because a site
//! of 5,000 articles has millions of them: as small lists per word and run
//! of pages they took more memory in bookkeeping than in positions.

use rayon::prelude::*;

use super::encoding::{positions, PackedPage, PackedVariant, PackedWord, WordIndex};
use super::expand::Phrases;
use super::grouping::{pack, Grouping, Occurrence};
use super::record::Record;
use super::words::{Split, WordSplitter};

/// Weight of ordinary words; headings weigh more (pagefind's scale: the
/// weight times 24).
const WEIGHT: u8 = 24;

fn heading_weight(level: u8) -> u8 {
    8u8.saturating_sub(level.clamp(1, 6)) * WEIGHT
}

/// One word (or one of its forms with diacritics) on one page.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The word: the splitter's number in a run, the language's in `Postings`.
    word: u32,
    /// 0 for the word itself, else 1 + the number of the form (`café` of `cafe`).
    form: u32,
    page: u32,
    /// Where its encoded positions start in the positions and how many
    /// bytes they take; how many positions are in the text and how many in
    /// the meta fields, which follow them.
    start: u32,
    bytes: u32,
    text: u32,
    meta: u32,
    /// A form that is on the page in the text, not only in meta (orders forms).
    in_text: bool,
}

impl Entry {
    fn size(&self) -> usize {
        (self.text + self.meta) as usize + 1
    }
}

/// The words of one page: an entry per word and form, numbered by the
/// splitter that read it, with their positions encoded as the index holds
/// them. Its page number is set when the pages of a site are put together
/// (`Postings::new`), so that the same page of several sites is read and
/// encoded once.
#[derive(Debug, Default)]
pub(super) struct PageWords {
    entries: Vec<Entry>,
    positions: Vec<u8>,
}

/// The words of `record`, read by `splitter` (`grouping` is reused from
/// page to page).
pub(super) fn page_words(
    record: &Record,
    fields: &[String],
    splitter: &mut WordSplitter,
    phrases: &Phrases,
    grouping: &mut Grouping,
) -> PageWords {
    let mut found = occurrences(record, splitter, phrases);
    add_meta(&mut found, record, fields, splitter);
    // By word and form, then in the order pack() writes them: the text
    // before meta, the text by weight and position, meta by field and
    // position. They were found in that order but for the weights, so
    // grouping them by word and form in the order found, and then a
    // sort by weight within each (short) group, gives it (by position
    // too: the words of synonyms come after the phrase they stand for). The
    // groups' order does not matter: `Postings` sorts the entries.
    let (grouped, ends) = grouping.group(&found);
    let mut words = PageWords { entries: Vec::with_capacity(ends.len()), positions: Vec::new() };
    let mut numbers = Vec::new();
    let mut start = 0;
    for &end in ends {
        let group = &mut grouped[start..end as usize];
        start = end as usize;
        let order = |o: &Occurrence| {
            let order = if o.in_meta { o.field } else { u16::from(if o.weight == 25 { 0 } else { o.weight }) };
            (o.in_meta, order, o.position)
        };
        if !group.is_sorted_by_key(order) {
            group.sort_by_key(order);
        }
        let in_text = !group[0].in_meta;
        push(&mut words, &mut numbers, group, in_text);
    }
    words.positions.shrink_to_fit();
    words
}

/// Every word of the text of `record` where it is, with its weight.
fn occurrences(record: &Record, splitter: &mut WordSplitter, phrases: &Phrases) -> Vec<Occurrence> {
    let words: usize = record.text.iter().map(|p| p.word_count as usize).sum();
    let mut found: Vec<Occurrence> = Vec::with_capacity(words * 2);
    let mut offset = 0;
    // The stems of the last words, for the phrases of synonyms.
    let mut recent: Vec<u32> = Vec::with_capacity(phrases.longest + 1);
    for part in &record.text {
        let mut headings = part.headings.iter().peekable();
        recent.clear();
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
            let added_weight = (weight / 2).max(1);
            for split in splits {
                let weight = match (split.extra, split.compound_part) {
                    (true, _) => added_weight,
                    (false, true) => part_weight,
                    (false, false) => weight,
                };
                let position = offset + i;
                found.push(Occurrence {
                    stem: split.stem,
                    original: split.original,
                    position,
                    field: 0,
                    weight,
                    in_meta: false,
                });
            }
            if !phrases.is_empty() {
                let stem = splits.first().map(|s| s.stem);
                add_synonyms(&mut found, splitter, phrases, &mut recent, stem, offset + i, added_weight);
            }
        }
        offset += part.word_count;
    }
    found
}

/// The readers' words of the synonyms whose phrase ends at `position`
/// (`stem` is its word's), at the phrase's first word; `recent` keeps the
/// stems of the last words.
fn add_synonyms(
    found: &mut Vec<Occurrence>,
    splitter: &mut WordSplitter,
    phrases: &Phrases,
    recent: &mut Vec<u32>,
    stem: Option<u32>,
    position: u32,
    weight: u8,
) {
    if let Some(stem) = stem {
        if recent.len() == phrases.longest {
            recent.remove(0);
        }
        recent.push(stem);
    }
    for (length, readers) in phrases.ending(recent) {
        let position = position + 1 - length as u32;
        for word in readers.iter().flat_map(|r| r.split_whitespace()) {
            for split in splitter.split(word).iter().filter(|s| !s.compound_part) {
                let (stem, original) = (split.stem, split.original);
                found.push(Occurrence { stem, original, position, field: 0, weight, in_meta: false });
            }
        }
    }
}

/// The words of the record's meta fields (`fields` in the index's order).
fn add_meta(found: &mut Vec<Occurrence>, record: &Record, fields: &[String], splitter: &mut WordSplitter) {
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
}

/// The entry of one word or form on a page, from its occurrences
/// (`numbers` is room for their positions, reused).
fn push(words: &mut PageWords, numbers: &mut Vec<i32>, group: &[Occurrence], in_text: bool) {
    numbers.clear();
    let (text, meta) = pack(group, numbers);
    let start = words.positions.len();
    positions(&numbers[..text as usize], &numbers[text as usize..], &mut words.positions);
    words.entries.push(Entry {
        word: group[0].stem,
        form: group[0].original.map_or(0, |f| f + 1),
        page: 0,
        start: offset(start),
        bytes: offset(words.positions.len() - start),
        text,
        meta,
        in_text,
    });
}

/// A place in a language's encoded positions, which a site keeps under 4 GiB.
fn offset(bytes: usize) -> u32 {
    u32::try_from(bytes).expect("a language's index holds under 4 GiB of positions")
}

/// Puts `entries` in order of their word (each below `words`) by an
/// in-place counting sort, and gives where each word's entries start, with
/// their end last.
fn sort_by_word(entries: &mut [Entry], words: usize) -> Vec<usize> {
    let mut bounds = vec![0usize; words + 1];
    for e in entries.iter() {
        bounds[e.word as usize + 1] += 1;
    }
    for i in 1..bounds.len() {
        bounds[i] += bounds[i - 1];
    }
    // Each word's next free place; an entry found in another word's place
    // is swapped to where it belongs, until the place holds its own.
    let mut next = bounds[..words].to_vec();
    for word in 0..words {
        while next[word] < bounds[word + 1] {
            let at = next[word];
            let belongs = entries[at].word as usize;
            if belongs == word {
                next[word] += 1;
            } else {
                entries.swap(at, next[belongs]);
                next[belongs] += 1;
            }
        }
    }
    bounds
}

/// Every word of a language: the runs put together, numbered in the order
/// of their words and sorted by word, form and page.
pub(super) struct Postings {
    /// The words and forms, in order: the index of a word is its number.
    words: Vec<String>,
    entries: Vec<Entry>,
    positions: Vec<u8>,
}

impl Postings {
    /// Puts the words of a site's `pages` together, in order (a page's
    /// number is its place), each numbered by the splitter of `splitters`
    /// that `splitter_of` gives. A page is let go once its words are
    /// copied, unless it is kept for other sites.
    pub(super) fn new<P: std::ops::Deref<Target = PageWords>>(
        splitters: &[&WordSplitter],
        pages: Vec<(usize, P)>,
    ) -> Postings {
        // The language's numbers: the words of all splitters, in order.
        // (Sorted once and looked up by hash: a BTreeMap of them all took
        // a tenth of the index's time on one thread.)
        let mut sorted: Vec<&str> = splitters.iter().flat_map(|s| s.words()).map(String::as_str).collect();
        sorted.par_sort_unstable();
        sorted.dedup();
        let names: hashbrown::HashMap<&str, u32> =
            sorted.iter().enumerate().map(|(number, &word)| (word, number as u32)).collect();
        let renumber: Vec<Vec<u32>> =
            splitters.par_iter().map(|s| s.words().iter().map(|w| names[w.as_str()]).collect()).collect();
        drop(names);
        let words: Vec<String> = sorted.into_iter().map(str::to_owned).collect();

        // Arrays of the final size, which the pages' arrays are copied into.
        let count = pages.iter().map(|(_, p)| p.entries.len()).sum();
        let size = pages.iter().map(|(_, p)| p.positions.len()).sum();
        let mut entries: Vec<Entry> = Vec::with_capacity(count);
        let mut positions: Vec<u8> = Vec::with_capacity(size);
        for (page, (splitter, words)) in pages.into_iter().enumerate() {
            let table = &renumber[splitter];
            let offset = offset(positions.len());
            entries.extend(words.entries.iter().map(|e| Entry {
                word: table[e.word as usize],
                form: if e.form == 0 { 0 } else { 1 + table[e.form as usize - 1] },
                start: e.start + offset,
                page: page as u32,
                ..*e
            }));
            positions.extend_from_slice(&words.positions);
        }
        // In order of word by a counting sort in place (the words are
        // numbered densely), then each word's few by form and page: a
        // parallel sort of them all spent a third of its time partitioning
        // on one thread, and a sorted copy would hold them twice.
        let bounds = sort_by_word(&mut entries, words.len());
        let mut rest = &mut entries[..];
        let mut groups = Vec::with_capacity(words.len());
        for pair in bounds.windows(2) {
            let (group, after) = rest.split_at_mut(pair[1] - pair[0]);
            groups.push(group);
            rest = after;
        }
        groups.into_par_iter().for_each(|group| group.sort_unstable_by_key(|e| (e.form, e.page)));
        Postings { words, entries, positions }
    }

    /// The index in chunks of about `chunk_size` positions, each with its
    /// first and last word.
    pub(super) fn chunks(&self, chunk_size: usize) -> Vec<std::ops::Range<usize>> {
        let mut chunks = Vec::new();
        let (mut start, mut size, mut i) = (0, 0, 0);
        while i < self.entries.len() {
            let word = self.entries[i].word;
            let end = i + self.entries[i..].partition_point(|e| e.word == word);
            size += self.entries[i..end].iter().map(Entry::size).sum::<usize>();
            size += self.entries[i..end].chunk_by(|a, b| a.form == b.form).filter(|g| g[0].form != 0).count();
            i = end;
            if size >= chunk_size {
                chunks.push(start..i);
                (start, size) = (i, 0);
            }
        }
        if start < self.entries.len() {
            chunks.push(start..self.entries.len());
        }
        chunks
    }

    /// The first and last word of a chunk.
    pub(super) fn bounds(&self, chunk: &std::ops::Range<usize>) -> (&str, &str) {
        let word = |i: usize| self.words[self.entries[i].word as usize].as_str();
        (word(chunk.start), word(chunk.end - 1))
    }

    /// A chunk as pagefind encodes it.
    pub(super) fn word_index(&self, chunk: std::ops::Range<usize>) -> WordIndex<'_> {
        let entries = &self.entries[chunk];
        let words = entries
            .chunk_by(|a, b| a.word == b.word)
            .map(|word| {
                let mut groups = word.chunk_by(|a, b| a.form == b.form).peekable();
                let pages = match groups.peek() {
                    Some(own) if own[0].form == 0 => self.packed(groups.next().unwrap_or_default()),
                    _ => Vec::new(),
                };
                // Forms in order of first use: by page, then those in the
                // text before those only in meta, then by name.
                let mut forms: Vec<&[Entry]> = groups.collect();
                forms.sort_by_key(|f| (f[0].page, !f[0].in_text, self.words[f[0].form as usize - 1].as_str()));
                PackedWord {
                    word: &self.words[word[0].word as usize],
                    pages,
                    additional_variants: forms
                        .into_iter()
                        .map(|f| PackedVariant { form: &self.words[f[0].form as usize - 1], pages: self.packed(f) })
                        .collect(),
                }
            })
            .collect();
        WordIndex { words }
    }

    /// Pages with their numbers as differences, as the index stores them.
    fn packed(&self, entries: &[Entry]) -> Vec<PackedPage<'_>> {
        let mut last = 0;
        entries
            .iter()
            .map(|e| {
                let (start, bytes) = (e.start as usize, e.bytes as usize);
                let page = PackedPage {
                    page_number: (e.page - last) as usize,
                    positions: &self.positions[start..start + bytes],
                };
                last = e.page;
                page
            })
            .collect()
    }
}
