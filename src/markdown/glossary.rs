//! Linking the first use of each glossary term in a text to its definition,
//! with one automaton over every term and alias (aho-corasick), so the cost
//! does not grow with the number of terms.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A glossary term as the linker needs it.
#[derive(Debug, Clone)]
pub struct TermPattern {
    pub id: String,
    /// The term and its aliases.
    pub words: Vec<String>,
    /// The definition as plain text, shown in place where the term is used.
    pub definition: String,
}

/// Finds terms in text for one locale.
#[derive(Debug, Clone)]
pub struct GlossaryLinker {
    automaton: Option<AhoCorasick>,
    /// The words the automaton finds, each of the term `owners` gives.
    patterns: Vec<String>,
    /// Pattern index to term index.
    owners: Vec<usize>,
    ids: Vec<String>,
    definitions: Vec<String>,
    /// Root-relative address of the glossary page, ending in `#`.
    pub url_prefix: String,
}

/// A match in a text: byte range and the index of its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    pub start: usize,
    pub end: usize,
    pub term: usize,
}

impl GlossaryLinker {
    pub fn new(terms: &[TermPattern], url_prefix: String) -> Self {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (index, term) in terms.iter().enumerate() {
            for word in term.words.iter().filter(|w| !w.trim().is_empty()) {
                patterns.push(word.trim().to_owned());
                owners.push(index);
            }
        }
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("glossary patterns are plain strings")
        });
        let ids = terms.iter().map(|t| t.id.clone()).collect();
        let definitions = terms.iter().map(|t| t.definition.clone()).collect();
        GlossaryLinker { automaton, patterns, owners, ids, definitions, url_prefix }
    }

    pub fn term_count(&self) -> usize {
        self.ids.len()
    }

    pub fn id(&self, term: usize) -> &str {
        &self.ids[term]
    }

    pub fn definition(&self, term: usize) -> &str {
        &self.definitions[term]
    }

    /// Whole-word matches of terms not yet `used`, marking them used.
    pub fn first_uses(&self, text: &str, used: &mut [bool]) -> Vec<TermMatch> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let mut found = Vec::new();
        for m in automaton.find_iter(text) {
            let term = self.owners[m.pattern().as_usize()];
            if used[term] || !is_word_boundary(text, m.start(), m.end()) {
                continue;
            }
            used[term] = true;
            found.push(TermMatch { start: m.start(), end: m.end(), term });
        }
        found
    }
}

/// Two linkers are the same when they find the same words for the same
/// terms and link them alike.
impl PartialEq for GlossaryLinker {
    fn eq(&self, other: &Self) -> bool {
        self.patterns == other.patterns
            && self.owners == other.owners
            && self.ids == other.ids
            && self.definitions == other.definitions
            && self.url_prefix == other.url_prefix
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inside_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    !inside_word(before) && !inside_word(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linker() -> GlossaryLinker {
        let terms = [
            TermPattern {
                id: "social-media".into(),
                words: vec!["social media".into(), "sociale media".into()],
                definition: String::new(),
            },
            TermPattern { id: "privacy".into(), words: vec!["privacy".into()], definition: String::new() },
        ];
        GlossaryLinker::new(&terms, "g/#".into())
    }

    #[test]
    fn links_first_whole_word_use_only() {
        let linker = linker();
        let mut used = vec![false; 2];
        let text = "Privacyregels: Social media en privacy. Sociale media en privacy.";
        let found = linker.first_uses(text, &mut used);
        let words: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(words, ["Social media", "privacy"]);
        assert!(linker.first_uses("privacy", &mut used).is_empty());
    }
}
