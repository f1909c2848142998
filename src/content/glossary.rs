//! `glossary.yaml`: its entries, each with the line it starts on and the
//! place of its definition, so that a problem inside a definition (a link
//! to nothing, raw HTML) is reported where it is in the file.

use std::path::Path;

use super::GlossaryEntry;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Outline, Span};

/// A glossary entry with the line it starts on.
#[derive(Debug, Clone)]
pub struct GlossarySource {
    pub entry: GlossaryEntry,
    pub line: usize,
    /// (line, column) of the entry's id.
    pub id_at: (usize, usize),
    /// Where the definition's text starts in the file.
    pub definition: Place,
}

/// Where a text taken out of a YAML value starts: its first line and
/// column, and whether every line of it is indented by that column (a
/// block scalar `|`) or only the first (a value on the key's line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub block: bool,
}

impl Place {
    /// `diagnostic`, placed by lines and columns of the text alone (its
    /// lines counted from `self.line`), moved to its column in the file.
    pub fn shift(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        if diagnostic.column > 0 && (self.block || diagnostic.line == self.line) {
            diagnostic.column += self.column - 1;
        }
        diagnostic
    }
}

/// Characters a term or alias may have. A term is a word or a few; the
/// linker that finds terms in texts takes time that grows with the square
/// of a term's length.
pub const MAX_TERM: usize = 100;

/// The entries of a glossary file's text.
pub fn parse(path: &Path, text: &str) -> Result<Vec<GlossarySource>, Diagnostic> {
    let entries: Vec<GlossaryEntry> = if text.trim().is_empty() { Vec::new() } else { yaml::parse(text, path, 1)? };
    let outline = Outline::new(text, 1);
    let items = outline.items(outline.whole());
    let lines: Vec<&str> = text.lines().collect();
    for (i, entry) in entries.iter().enumerate() {
        let words = std::iter::once(("term", &entry.term)).chain(entry.aliases.iter().map(|a| ("aliases", a)));
        if let Some((key, long)) = words.into_iter().find(|(_, w)| w.chars().count() > MAX_TERM) {
            let span = items.get(i).copied().unwrap_or(outline.whole());
            let (line, column) = outline.key(span, key).map_or((outline.line(span.start), 1), |(index, _)| {
                (outline.line(index), lines[index].find(key).map_or(1, |c| lines[index][..c].chars().count() + 1))
            });
            let message = format!(
                "this term has {} characters; a term or alias is a word or a few, at most {MAX_TERM} characters: put the explanation in `definition`",
                long.chars().count()
            );
            return Err(Diagnostic::error(path, line, column, message));
        }
    }
    Ok(entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let item = items.get(i);
            let line = item.map_or(1, |span| outline.line(span.start));
            let definition = item
                .and_then(|&span| outline.key(span, "definition"))
                .map_or(Place { line, column: 1, block: false }, |(index, _)| place(&lines, index));
            let id_at = item
                .and_then(|&span| outline.key(span, "id"))
                .map_or((line, 1), |(index, _)| outline.find(Span { start: index, end: index + 1 }, &entry.id));
            GlossarySource { entry, line, id_at, definition }
        })
        .collect())
}

/// Where the value of the key on line `index` (0-based) starts.
fn place(lines: &[&str], index: usize) -> Place {
    let line = lines[index];
    let after = line.find("definition:").map_or(line.len(), |i| i + "definition:".len());
    let value = &line[after..];
    let trimmed = value.trim_start();
    if trimmed.starts_with(['|', '>']) {
        let first = (index + 1..lines.len()).find(|&i| !lines[i].trim().is_empty()).unwrap_or(index);
        let indent = lines[first].len() - lines[first].trim_start().len();
        return Place { line: first + 1, column: indent + 1, block: true };
    }
    let start = after + (value.len() - trimmed.len()) + usize::from(trimmed.starts_with(['"', '\'']));
    Place { line: index + 1, column: line[..start].chars().count() + 1, block: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_placed_on_their_line_and_column() {
        let text = "  - id: a\n    term: a\n    definition: \"Een\"\n  - id: b\n    term: b\n    definition: |\n\n      Twee\n";
        let entries = parse(Path::new("g.yaml"), text).unwrap();
        assert_eq!(entries.iter().map(|e| e.line).collect::<Vec<_>>(), [1, 4]);
        assert_eq!(entries[0].definition, Place { line: 3, column: 18, block: false });
        assert_eq!(entries[1].definition, Place { line: 8, column: 7, block: true });
        let moved = entries[0].definition.shift(Diagnostic::error("g.yaml", 3, 5, "x"));
        assert_eq!((moved.line, moved.column), (3, 22));
    }

    #[test]
    fn a_term_longer_than_a_few_words_is_refused_at_its_key() {
        let long = "x".repeat(MAX_TERM + 1);
        let text = format!(
            "- id: a\n  term: a\n  definition: d\n- id: b\n  term: b\n  aliases: [c, {long}]\n  definition: d\n"
        );
        let error = parse(Path::new("g.yaml"), &text).unwrap_err();
        assert_eq!((error.line, error.column), (6, 3), "{error}");
        assert!(error.message.starts_with("this term has 101 characters"), "{error}");
    }
}
