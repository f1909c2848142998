//! The text of a rendered Markdown as a reader sees it, for the search
//! index: its words, the anchors of its rules and headings at the word where
//! they start, and which words are headings (they weigh more in search).
//! It is built while the Markdown is rendered, so search never parses HTML.

use pulldown_cmark::{Event, Parser};

/// Searchable text: words separated by single spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PlainText {
    /// The words in reading order, separated by single spaces. A block that
    /// ends in a letter or digit gets a full stop, so that excerpts read as
    /// sentences, as a search index of the HTML would show them.
    pub text: String,
    /// Elements with an id, at the index of the first word after them.
    pub anchors: Vec<TextAnchor>,
    /// Runs of heading words.
    pub headings: Vec<HeadingWords>,
    /// How many words `text` has.
    pub word_count: u32,
}

/// An element with an id in the text: a rule (`li`) or a heading (`h3`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextAnchor {
    /// Index of the first word after the anchor.
    pub word: u32,
    /// The element's tag name: `li`, `h2`...
    pub element: &'static str,
    pub id: String,
    /// The words of a heading; empty for rules.
    pub text: String,
}

/// Words `start..end` are a heading of `level` (2 = `##`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HeadingWords {
    pub start: u32,
    pub end: u32,
    pub level: u8,
}

/// Builds a [`PlainText`] from the pieces of text a renderer meets.
#[derive(Debug, Default)]
pub(crate) struct PlainTextBuilder {
    plain: PlainText,
    /// Whitespace was seen after the last word.
    space: bool,
    /// The open heading: its first word and level.
    heading: Option<(u32, u8)>,
}

impl PlainTextBuilder {
    /// Text as it appears, spaces and all.
    pub fn push(&mut self, text: &str) {
        // Whole runs between spaces at once: pushing the text a character
        // at a time took a third of the time of rendering the Markdown.
        for (n, run) in text.split(char::is_whitespace).enumerate() {
            // Every run but the first follows a space.
            if n > 0 {
                self.space = true;
            }
            if run.is_empty() {
                continue;
            }
            if self.plain.text.is_empty() || self.space {
                if !self.plain.text.is_empty() {
                    self.plain.text.push(' ');
                }
                self.plain.word_count += 1;
                self.space = false;
            }
            self.plain.text.push_str(run);
        }
    }

    /// The end of a paragraph, item, cell or heading: the words before and
    /// after it are apart, with a full stop if the block ends in a word.
    pub fn end_block(&mut self) {
        if !self.space && self.plain.text.chars().next_back().is_some_and(ends_sentence) {
            self.plain.text.push('.');
        }
        self.space = true;
    }

    /// An element with `id` starts here.
    pub fn anchor(&mut self, element: &'static str, id: &str) {
        self.space = true;
        self.plain.anchors.push(TextAnchor {
            word: self.plain.word_count,
            element,
            id: id.to_owned(),
            text: String::new(),
        });
    }

    /// A heading of `level` starts; its anchor is added when it ends and its
    /// id is known.
    pub fn start_heading(&mut self, level: u8) {
        self.space = true;
        self.heading = Some((self.plain.word_count, level));
    }

    /// The open heading ends, with `id` (its anchor is where it started).
    pub fn end_heading(&mut self, id: &str) {
        let Some((start, level)) = self.heading.take() else { return };
        let words: Vec<&str> =
            self.plain.text.split(' ').rev().take((self.plain.word_count - start) as usize).collect();
        let text = words.into_iter().rev().collect::<Vec<_>>().join(" ");
        let at = self.plain.anchors.partition_point(|a| a.word <= start);
        self.plain.anchors.insert(
            at,
            TextAnchor { word: start, element: HEADINGS[level.clamp(1, 6) as usize - 1], id: id.to_owned(), text },
        );
        self.plain.headings.push(HeadingWords { start, end: self.plain.word_count, level });
        self.end_block();
    }

    pub fn finish(mut self) -> PlainText {
        // Held for every article of the site: no room to spare.
        self.plain.text.shrink_to_fit();
        self.plain.anchors.shrink_to_fit();
        self.plain.headings.shrink_to_fit();
        self.plain
    }
}

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// Characters after which a block gets a full stop (those a sentence can
/// end with before its punctuation).
fn ends_sentence(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '\'' | '"' | ')' | '$' | '*')
}

impl PlainText {
    /// The words of `text` as one block, as for a title or a summary.
    pub fn block(text: &str) -> PlainText {
        let mut builder = PlainTextBuilder::default();
        builder.push(text);
        builder.end_block();
        builder.finish()
    }

    /// `text` as a heading of `level` (1 for a page title).
    pub fn heading(text: &str, level: u8) -> PlainText {
        let mut builder = PlainTextBuilder::default();
        builder.start_heading(level);
        builder.push(text);
        builder.end_heading("");
        let mut plain = builder.finish();
        plain.anchors.clear();
        plain
    }

    /// Adds `other` after this text, as the blocks that follow.
    pub fn append(&mut self, other: &PlainText) {
        let offset = self.word_count;
        self.word_count += other.word_count;
        if !self.text.is_empty() && !other.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(&other.text);
        self.anchors.extend(other.anchors.iter().map(|a| TextAnchor { word: a.word + offset, ..a.clone() }));
        self.headings.extend(other.headings.iter().map(|h| HeadingWords {
            start: h.start + offset,
            end: h.end + offset,
            level: h.level,
        }));
    }

    /// The words of the text.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        // The text has single spaces between words; a search for each
        // space took longer than the words were long.
        self.text.split_ascii_whitespace()
    }
}

/// The words of a short Markdown text (a glossary definition) without its
/// markup, whitespace collapsed.
pub fn plain_text(markdown: &str) -> String {
    let mut words = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => words.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => words.push(' '),
            _ => {}
        }
    }
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_joined_by_single_spaces_and_blocks_end_in_a_stop() {
        let mut b = PlainTextBuilder::default();
        b.push("  Foto's\n en  ");
        b.push("video");
        b.push("'s");
        b.end_block();
        b.push("Vraag?");
        b.end_block();
        b.push("(zie hieronder)");
        b.end_block();
        let plain = b.finish();
        assert_eq!(plain.text, "Foto's en video's. Vraag? (zie hieronder).");
        assert_eq!(plain.word_count, 6);
        assert_eq!(plain.words().count(), 6);
    }

    #[test]
    fn anchors_and_headings_know_their_first_word() {
        let mut b = PlainTextBuilder::default();
        b.push("Inleiding");
        b.end_block();
        b.start_heading(2);
        b.push("Op school");
        b.end_heading("op-school");
        b.anchor("li", "r1");
        b.push("Een regel");
        b.end_block();
        let plain = b.finish();
        assert_eq!(plain.text, "Inleiding. Op school. Een regel.");
        let anchors: Vec<(u32, &str, &str, &str)> =
            plain.anchors.iter().map(|a| (a.word, a.element, a.id.as_str(), a.text.as_str())).collect();
        assert_eq!(anchors, [(1, "h2", "op-school", "Op school"), (3, "li", "r1", "")]);
        assert_eq!(plain.headings, [HeadingWords { start: 1, end: 3, level: 2 }]);
    }

    #[test]
    fn texts_append_as_blocks() {
        let mut page = PlainText::heading("2 Foto's", 1);
        page.append(&PlainText::block("Een zin"));
        let mut b = PlainTextBuilder::default();
        b.anchor("li", "r1");
        b.push("Regel");
        page.append(&b.finish());
        assert_eq!(page.text, "2 Foto's. Een zin. Regel");
        assert_eq!(page.headings, [HeadingWords { start: 0, end: 2, level: 1 }]);
        assert_eq!(page.anchors[0].word, 4);
    }

    #[test]
    fn a_word_split_over_pieces_stays_one_word() {
        let mut b = PlainTextBuilder::default();
        b.push("sa");
        b.push("men");
        assert_eq!(b.finish().text, "samen");
    }
}
