//! What the search indexes of several sites share: a board's sites are
//! mostly the same pages. Each page of a language is read once (its words
//! split, stemmed and packed, its fragment made and compressed) and kept
//! while the next site has it too; pagefind's browser files are asked for
//! once. Only the putting together of each site's index is done per site.

use hashbrown::HashMap;
use rayon::prelude::*;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, MutexGuard};

use super::bundle::Bundle;
use super::expand::{Expansion, Phrases};
use super::fragment::Fragment;
use super::grouping::Grouping;
use super::postings::{page_words, PageWords, Postings};
use super::record::Record;
use super::words::WordSplitter;

/// Pages handed to one thread at a time.
const PAGES_PER_JOB: usize = 32;

/// What the indexes of the sites of one build share; for one site,
/// `Shared::default()` keeps nothing.
#[derive(Default)]
pub struct Shared {
    /// Keep each site's pages for the next one.
    keep: bool,
    bundles: Mutex<Vec<(Vec<String>, Arc<Bundle>)>>,
    languages: Mutex<Vec<Arc<Language>>>,
}

impl Shared {
    /// For the sites of a board, which share most of their pages.
    pub fn for_several_sites() -> Shared {
        Shared { keep: true, ..Shared::default() }
    }

    /// Pagefind's browser files for `languages`.
    pub(super) fn bundle(&self, languages: &[&str]) -> anyhow::Result<Arc<Bundle>> {
        let mut bundles = lock(&self.bundles);
        if let Some((_, bundle)) = bundles.iter().find(|(l, _)| *l == languages) {
            return Ok(Arc::clone(bundle));
        }
        let bundle = Arc::new(super::bundle::bundle(languages)?);
        if self.keep {
            bundles.push((languages.iter().map(|l| (*l).to_owned()).collect(), Arc::clone(&bundle)));
        }
        Ok(bundle)
    }

    /// What the index of one language reads its pages with.
    pub(super) fn language(&self, key: LanguageKey) -> Arc<Language> {
        if !self.keep {
            return Arc::new(Language::new(key, false));
        }
        let mut languages = lock(&self.languages);
        if let Some(language) = languages.iter().find(|l| l.key == key) {
            return Arc::clone(language);
        }
        let language = Arc::new(Language::new(key, true));
        languages.push(Arc::clone(&language));
        language
    }
}

/// Everything besides a page's record that its words and fragment depend on.
#[derive(Debug, PartialEq)]
pub(super) struct LanguageKey {
    pub language: String,
    pub word_characters: Vec<char>,
    pub expansion: Expansion,
    /// The meta fields of the index, in order: a field's words are
    /// numbered by its place.
    pub fields: Vec<String>,
}

/// One page of the index, read.
pub(super) struct Page {
    /// Which splitter of its `Language` numbered its words.
    splitter: usize,
    words: Arc<PageWords>,
    pub fragment: Fragment,
}

/// The pages of the last site, by the hash of their record.
type Kept = HashMap<u64, Vec<(Record<'static>, Arc<Page>)>>;

/// The splitters of one language (one per thread, each numbering the words
/// it meets) and the pages the last site had.
pub(super) struct Language {
    key: LanguageKey,
    keep: bool,
    workers: Vec<Mutex<Worker>>,
    kept: Mutex<Kept>,
    hasher: hashbrown::DefaultHashBuilder,
    /// Held by the site whose index of this language is being made.
    busy: Mutex<()>,
}

struct Worker {
    splitter: WordSplitter,
    gzip: super::encoding::Gzip,
    grouping: Grouping,
}

impl Language {
    fn new(key: LanguageKey, keep: bool) -> Language {
        let workers = (0..rayon::current_num_threads().max(1))
            .map(|_| {
                let splitter =
                    WordSplitter::new(&key.language, &key.word_characters).with_raw_forms(key.expansion.raw_forms);
                Mutex::new(Worker { splitter, gzip: super::encoding::Gzip::new(), grouping: Grouping::default() })
            })
            .collect();
        Language { key, keep, workers, kept: Mutex::new(Kept::new()), hasher: Default::default(), busy: Mutex::new(()) }
    }

    /// Makes the index of one site at a time, held from `pages` to
    /// `postings`: the threads reading its pages then never wait for a
    /// splitter that another site holds while it waits for those threads.
    pub(super) fn hold(&self) -> MutexGuard<'_, ()> {
        lock(&self.busy)
    }

    /// The pages of `records`, in order: those the last site had as it
    /// read them, the others read now on all threads. Keeps them for the
    /// next site (and lets the others go).
    pub(super) fn pages(&self, records: &[&Record<'_>]) -> Vec<Arc<Page>> {
        let mut kept = lock(&self.kept);
        let mut last = std::mem::take(&mut *kept);
        let hashes: Vec<u64> = match self.keep {
            true => records.par_iter().map(|r| self.hasher.hash_one(r)).collect(),
            false => Vec::new(),
        };
        let mut found: Vec<Option<(Record<'static>, Arc<Page>)>> = match self.keep {
            true => records.iter().zip(&hashes).map(|(r, &h)| take(&mut last, h, r)).collect(),
            false => records.iter().map(|_| None).collect(),
        };
        let missing: Vec<usize> = (0..records.len()).filter(|&i| found[i].is_none()).collect();
        let read: Vec<Vec<(usize, Page)>> =
            missing.par_chunks(PAGES_PER_JOB).map(|chunk| self.read(records, chunk)).collect();
        for (i, page) in read.into_iter().flatten() {
            let record = if self.keep { owned(records[i]) } else { Record::default() };
            found[i] = Some((record, Arc::new(page)));
        }
        let mut pages = Vec::with_capacity(records.len());
        for (i, slot) in found.into_iter().enumerate() {
            let (record, page) = slot.expect("every page was found or read");
            pages.push(Arc::clone(&page));
            if self.keep {
                kept.entry(hashes[i]).or_default().push((record, page));
            }
        }
        pages
    }

    /// Reads the pages `chunk` of `records` on this thread.
    fn read(&self, records: &[&Record<'_>], chunk: &[usize]) -> Vec<(usize, Page)> {
        let at = rayon::current_thread_index().unwrap_or(0) % self.workers.len();
        let mut worker = lock(&self.workers[at]);
        let Worker { splitter, gzip, grouping } = &mut *worker;
        let phrases = Phrases::new(&self.key.expansion, splitter);
        chunk
            .iter()
            .map(|&i| {
                let words = page_words(records[i], &self.key.fields, splitter, &phrases, grouping);
                let fragment = Fragment::new(&self.key.language, records[i], gzip);
                (i, Page { splitter: at, words: Arc::new(words), fragment })
            })
            .collect()
    }

    /// The word lists of a site's `pages`, in order.
    pub(super) fn postings(&self, pages: Vec<Arc<Page>>) -> Postings {
        let workers: Vec<MutexGuard<'_, Worker>> = self.workers.iter().map(lock).collect();
        let splitters: Vec<&WordSplitter> = workers.iter().map(|w| &w.splitter).collect();
        let words = pages.into_iter().map(|p| (p.splitter, Arc::clone(&p.words))).collect();
        Postings::new(&splitters, words)
    }
}

/// The page of `record` among those of the last site, taken out.
fn take(last: &mut Kept, hash: u64, record: &Record<'_>) -> Option<(Record<'static>, Arc<Page>)> {
    let same = last.get_mut(&hash)?;
    let at = same.iter().position(|(kept, _)| kept == record)?;
    Some(same.swap_remove(at))
}

/// A record that owns its text.
fn owned(record: &Record<'_>) -> Record<'static> {
    Record {
        url: record.url.clone(),
        text: record.text.iter().map(|t| std::borrow::Cow::Owned(t.as_ref().clone())).collect(),
        meta: record.meta.clone(),
        filters: record.filters.clone(),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
