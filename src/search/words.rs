//! Words as pagefind indexes them, so that its browser side, which stems a
//! query with the same stemmer (pagefind_stem), finds them: lower case,
//! letters and digits only, diacritics folded with the original form kept
//! as a variant, stemmed per language, and the parts of compound words
//! (`social-media`, `WhatsApp`, `foto's`) indexed beside the whole word.
//! This mirrors pagefind 1.6's own word splitting; `tests/search_index.rs`
//! holds the two side by side.

use convert_case::{Case, Casing};
use hashbrown::HashMap;
use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// One word to index for a word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexWord {
    pub stemmed: String,
    /// A part of a compound word: it shares the word's weight with the other parts.
    pub compound_part: bool,
    /// The form before diacritics were folded, where it differs.
    pub original: Option<String>,
}

/// The stemmer of a language pagefind stems (by the part before `-`).
pub fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language.split('-').next().unwrap_or_default() {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// One word to index, as a [`WordSplitter`] hands it out: words are
/// numbered, so that a page's words are sorted and grouped without copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub stem: u32,
    pub compound_part: bool,
    pub original: Option<u32>,
    /// Not a word pagefind indexes: the unstemmed form (see `expand`).
    pub extra: bool,
}

/// The words of one language with what each indexes as, remembered: texts
/// repeat their words, and stemming is the costly part.
pub struct WordSplitter {
    stemmer: Option<Stemmer>,
    /// Characters besides letters and digits that words keep (`_`).
    word_characters: Vec<char>,
    /// Each word of the text seen so far, and where its splits are in `splits`.
    known: HashMap<String, (u32, u32)>,
    splits: Vec<Split>,
    words: Vec<String>,
    numbers: HashMap<String, u32>,
    /// Also hand out the unstemmed form of a word the stemmer changed.
    raw_forms: bool,
}

impl WordSplitter {
    pub fn new(language: &str, word_characters: &[char]) -> Self {
        WordSplitter {
            stemmer: stemmer(language),
            word_characters: word_characters.to_vec(),
            known: HashMap::new(),
            splits: Vec::new(),
            words: Vec::new(),
            numbers: HashMap::new(),
            raw_forms: false,
        }
    }

    /// Hands out the unstemmed form of a word as well, where the stemmer
    /// changed it (`wachtwoorden` beside `wachtwoor`).
    pub fn with_raw_forms(mut self, on: bool) -> Self {
        self.raw_forms = on;
        self
    }

    /// What `raw` (a run of text without spaces) indexes as.
    pub fn split(&mut self, raw: &str) -> &[Split] {
        let (start, end) = match self.known.get(raw) {
            Some(&range) => range,
            None => {
                let start = self.splits.len() as u32;
                let words = index_words(raw, self.stemmer.as_ref(), &self.word_characters);
                let unstemmed = match words.first() {
                    Some(word) if self.raw_forms && !word.compound_part => {
                        let normalized = normalize_word(raw, &self.word_characters);
                        let folded = fold_diacritics(&normalized).unwrap_or(normalized);
                        (folded != word.stemmed).then_some(folded)
                    }
                    _ => None,
                };
                for word in words {
                    let split = Split {
                        stem: self.number(word.stemmed),
                        compound_part: word.compound_part,
                        original: word.original.map(|o| self.number(o)),
                        extra: false,
                    };
                    self.splits.push(split);
                }
                if let Some(form) = unstemmed {
                    let split = Split { stem: self.number(form), compound_part: false, original: None, extra: true };
                    self.splits.push(split);
                }
                let range = (start, self.splits.len() as u32);
                self.known.insert(raw.to_owned(), range);
                range
            }
        };
        &self.splits[start as usize..end as usize]
    }

    /// Every word and form numbered so far; a number is an index.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The word numbered `number` by `split`.
    pub fn word(&self, number: u32) -> &str {
        &self.words[number as usize]
    }

    fn number(&mut self, word: String) -> u32 {
        if let Some(&n) = self.numbers.get(&word) {
            return n;
        }
        let n = self.words.len() as u32;
        self.words.push(word.clone());
        self.numbers.insert(word, n);
        n
    }
}

/// What `raw` indexes as: its whole word first, then its parts.
pub fn index_words(raw: &str, stemmer: Option<&Stemmer>, word_characters: &[char]) -> Vec<IndexWord> {
    let mut words = Vec::new();
    let normalized = normalize_word(raw, word_characters);
    if !normalized.is_empty() {
        words.push(stem_word(&normalized, stemmer, false));
    }
    for suffix in katakana_suffixes(raw) {
        let folded = fold_diacritics(suffix);
        words.push(IndexWord {
            stemmed: folded.clone().unwrap_or_else(|| suffix.to_owned()),
            original: folded.map(|_| suffix.to_owned()),
            compound_part: true,
        });
    }
    let compound = raw.chars().any(|c| !c.is_alphanumeric()) || raw.chars().skip(1).any(char::is_uppercase);
    if !compound {
        return words;
    }
    let parts = raw.replace(|c: char| c.is_ascii_punctuation(), " ").to_case(Case::Lower);
    let parts = parts.split_whitespace().collect::<Vec<_>>().join(" ");
    if !normalized.is_empty() && (parts.contains(char::is_whitespace) || !normalized.starts_with(&parts)) {
        for part in parts.split_whitespace().filter(|p| p.len() > 1) {
            let folded = fold_diacritics(part);
            let base = folded.as_deref().unwrap_or(part);
            let stemmed = match stemmer {
                Some(stemmer) => stemmer.stem(base).into_owned(),
                None => base.to_owned(),
            };
            words.push(IndexWord { stemmed, original: folded.map(|_| part.to_owned()), compound_part: true });
        }
    }
    if !raw.is_ascii() {
        for grapheme in raw.graphemes(true).filter(|g| emojis::get(g).is_some()) {
            words.push(IndexWord { stemmed: grapheme.to_owned(), original: None, compound_part: false });
        }
    }
    words.extend(dotted_tails(raw, stemmer, word_characters, &words));
    words
}

/// Lower case, letters, digits and `word_characters` only.
fn normalize_word(raw: &str, word_characters: &[char]) -> String {
    let mut word = String::with_capacity(raw.len());
    for mut c in raw.chars().filter(|c| c.is_alphanumeric() || word_characters.contains(c)) {
        c.make_ascii_lowercase();
        if c.is_uppercase() {
            word.extend(c.to_lowercase());
        } else {
            word.push(c);
        }
    }
    word
}

fn stem_word(normalized: &str, stemmer: Option<&Stemmer>, compound_part: bool) -> IndexWord {
    let folded = fold_diacritics(normalized);
    let base = folded.as_deref().unwrap_or(normalized);
    let stemmed = match stemmer {
        Some(stemmer) => stemmer.stem(base).into_owned(),
        None => base.to_owned(),
    };
    IndexWord { stemmed, original: folded.map(|_| normalized.to_owned()), compound_part }
}

/// `café` is indexed as `cafe`, with `café` kept as its variant; `None`
/// when folding changes nothing. Kana voicing marks stay.
fn fold_diacritics(word: &str) -> Option<String> {
    if word.is_ascii() || !has_decomposition(word) {
        return None;
    }
    let stripped: String = word
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c) || matches!(c, '\u{3099}' | '\u{309A}'))
        .collect();
    let folded = if stripped.chars().any(|c| matches!(c, '\u{3099}' | '\u{309A}')) {
        stripped.nfc().collect()
    } else {
        stripped
    };
    (folded != word).then_some(folded)
}

fn has_decomposition(word: &str) -> bool {
    word.chars().any(|c| {
        let mut decomposes = unicode_normalization::char::is_combining_mark(c);
        unicode_normalization::char::decompose_canonical(c, |part| decomposes |= part != c);
        decomposes
    })
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Every suffix of a katakana word (pagefind finds words by prefix).
fn katakana_suffixes(word: &str) -> Vec<&str> {
    if word.chars().count() < 3 || !word.chars().all(is_katakana) {
        return Vec::new();
    }
    let mut suffixes: Vec<&str> = Vec::new();
    for (i, _) in word.char_indices().skip(1) {
        let rest = &word[i..];
        let suffix = rest.char_indices().nth(16).map_or(rest, |(end, _)| &rest[..end]);
        if suffix.chars().count() >= 2 && !suffixes.contains(&suffix) {
            suffixes.push(suffix);
        }
    }
    suffixes
}

/// The compound tails of a dotted word: `is_python_build` in `sysconfig.is_python_build`.
fn dotted_tails(
    raw: &str,
    stemmer: Option<&Stemmer>,
    word_characters: &[char],
    existing: &[IndexWord],
) -> Vec<IndexWord> {
    let mut tails: Vec<IndexWord> = Vec::new();
    for (i, _) in raw.match_indices('.') {
        let rest = &raw[i + 1..];
        let tail = rest.char_indices().nth(64).map_or(rest, |(end, _)| &rest[..end]);
        let compound = tail.chars().any(|c| !c.is_alphanumeric()) || tail.chars().skip(1).any(char::is_uppercase);
        if !compound {
            continue;
        }
        let normalized = normalize_word(tail, word_characters);
        if normalized.chars().count() < 2 {
            continue;
        }
        let word = stem_word(&normalized, stemmer, true);
        if !existing.iter().chain(&tails).any(|w| w.stemmed == word.stemmed) {
            tails.push(word);
        }
    }
    tails
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(language: &str, raw: &str) -> Vec<(String, bool, Option<String>)> {
        let mut splitter = WordSplitter::new(language, &['_']);
        let splits = splitter.split(raw).to_vec();
        let direct: Vec<(String, bool, Option<String>)> = index_words(raw, stemmer(language).as_ref(), &['_'])
            .into_iter()
            .map(|w| (w.stemmed, w.compound_part, w.original))
            .collect();
        let numbered: Vec<(String, bool, Option<String>)> = splits
            .iter()
            .map(|s| {
                (splitter.word(s.stem).to_owned(), s.compound_part, s.original.map(|o| splitter.word(o).to_owned()))
            })
            .collect();
        assert_eq!(direct, numbered, "the splitter hands out what index_words gives");
        direct
    }

    #[test]
    fn dutch_words_are_stemmed_and_compounds_split() {
        // The whole word, and its part `foto`, which a search for "foto" finds.
        assert_eq!(stems("nl", "foto's"), [("fotos".into(), false, None), ("foto".into(), true, None)]);
        assert_eq!(stems("nl", "Delen,")[0].0, stems("nl", "deel")[0].0, "deel finds delen");
        let whatsapp = stems("en", "WhatsApp");
        assert_eq!(whatsapp[0], ("whatsapp".into(), false, None));
        assert_eq!(whatsapp[1..], [("what".into(), true, None), ("app".into(), true, None)]);
    }

    #[test]
    fn diacritics_are_folded_with_the_original_kept() {
        assert_eq!(stems("fr", "Café")[0], ("caf".into(), false, Some("café".into())));
        assert_eq!(stems("xx", "privé"), [("prive".into(), false, Some("privé".into()))]);
    }

    #[test]
    fn punctuation_alone_indexes_nothing() {
        assert!(stems("nl", "–").is_empty());
        assert_eq!(stems("nl", "(zie"), [("zie".into(), false, None)]);
        let parts: Vec<String> = stems("xx", "social-media").into_iter().map(|w| w.0).collect();
        assert_eq!(parts, ["socialmedia", "social", "media"]);
        assert_eq!(stems("xx", "is_python_build")[0].0, "is_python_build", "`_` belongs to the word");
    }
}
