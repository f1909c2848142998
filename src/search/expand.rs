//! What leidraad indexes beyond the words pagefind itself would index, so
//! that the words readers type find the protocol's words. Pagefind's
//! browser side stems a query and finds every indexed word that starts
//! with it; the index keeps the same format.
//!
//! - The unstemmed form of a word the stemmer changed: the Dutch stemmer
//!   makes `wachtwoor` of "wachtwoorden" but `wachtwoord` of
//!   "wachtwoord", so a search for the singular found nothing; with
//!   `wachtwoorden` in the index it finds it as a prefix, and so a plural
//!   typed finds a singular in the text and the other way round.
//! - The site's synonyms (`content/<locale>/synonyms.yaml`): where a
//!   phrase of the text occurs, the words readers use for it are indexed
//!   at its place (`nepaccount` where the text says "fictieve naam").
//!
//! Both are indexed at half the weight of the word in the text, so that
//! the words of the text itself rank first.

use hashbrown::HashMap;

use super::words::WordSplitter;

/// The additions to the index of one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expansion {
    /// Index the unstemmed form of words the stemmer changed.
    pub raw_forms: bool,
    /// Phrases of the text (a word or more) and the words readers use for them.
    pub synonyms: Vec<Synonym>,
}

/// Readers' `words` for a `phrase` of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    pub phrase: String,
    pub words: Vec<String>,
}

impl Expansion {
    /// What pagefind indexes and nothing more.
    pub fn none() -> Expansion {
        Expansion::default()
    }

    /// Every addition, with the site's `synonyms`.
    pub fn with_synonyms(synonyms: Vec<Synonym>) -> Expansion {
        Expansion { raw_forms: true, synonyms }
    }
}

/// A phrase as stems, and the readers' words for it.
type Phrase<'e> = (Vec<u32>, &'e [String]);

/// The synonyms of an expansion with their phrases as stems of one
/// splitter, looked up by the stem of the phrase's last word.
pub(super) struct Phrases<'e> {
    by_last: HashMap<u32, Vec<Phrase<'e>>>,
    pub(super) longest: usize,
}

impl<'e> Phrases<'e> {
    pub(super) fn new(expansion: &'e Expansion, splitter: &mut WordSplitter) -> Phrases<'e> {
        let mut by_last: HashMap<u32, Vec<Phrase<'e>>> = HashMap::new();
        let mut longest = 0;
        for synonym in &expansion.synonyms {
            let stems: Vec<u32> =
                synonym.phrase.split_whitespace().filter_map(|w| splitter.split(w).first().map(|s| s.stem)).collect();
            if let Some(&last) = stems.last() {
                longest = longest.max(stems.len());
                by_last.entry(last).or_default().push((stems, synonym.words.as_slice()));
            }
        }
        Phrases { by_last, longest }
    }

    /// The readers' words of every phrase that ends with the last of
    /// `recent` (the stems of the words so far, the latest last), with the
    /// phrase's length.
    pub(super) fn ending(&self, recent: &[u32]) -> Vec<(usize, &'e [String])> {
        let Some(candidates) = recent.last().and_then(|l| self.by_last.get(l)) else { return Vec::new() };
        candidates
            .iter()
            .filter(|(stems, _)| recent.ends_with(stems))
            .map(|(stems, words)| (stems.len(), *words))
            .collect()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_last.is_empty()
    }
}
