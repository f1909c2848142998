//! YAML through serde_yaml (the maintained serde_norway fork), with errors
//! turned into diagnostics that name the line in the whole file and suggest
//! the key that was probably meant. Every YAML text passes `limits` first.

pub mod limits;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::text;

/// Parses `yaml`, which starts on line `first_line` of the file at `path`.
pub fn parse<T: DeserializeOwned>(yaml: &str, path: &Path, first_line: usize) -> Result<T, Diagnostic> {
    limits::check(yaml).map_err(|exceeded| {
        let (line, column) = text::LineIndex::new(yaml).position(yaml, exceeded.offset);
        Diagnostic::error(path, line + first_line - 1, column, exceeded.message)
    })?;
    serde_yaml::from_str(yaml).map_err(|error| {
        let lines = text::LineIndex::new(yaml);
        let alias = || limits::first_alias(yaml).map(|offset| lines.position(yaml, offset));
        let (line, column) = match error.location() {
            Some(location) => (location.line(), location.column()),
            None if error.to_string().contains("repetition limit") => alias().unwrap_or((0, 0)),
            None => (0, 0),
        };
        let line = if line > 0 { line + first_line - 1 } else { first_line };
        Diagnostic::error(path, line, column, explain(&error.to_string()))
    })
}

/// Rewrites serde's wording into the words of the site formats, with a hint.
fn explain(message: &str) -> String {
    let message = without_positions(message);
    let (path, message) = match message.split_once(": ") {
        Some((path, rest)) if !path.is_empty() && path.chars().all(|c| c.is_alphanumeric() || "_-.[]".contains(c)) => {
            (human_path(path), rest)
        }
        _ => (String::new(), message.as_str()),
    };
    let prefix = if path.is_empty() { String::new() } else { format!("{path}: ") };
    let listed =
        |expected: &str| -> Vec<String> { expected.split('`').skip(1).step_by(2).map(str::to_owned).collect() };
    let quoted = |names: &[String]| names.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = listed(expected);
        let hint = text::hint(field, known.iter().map(String::as_str));
        return format!("{prefix}unknown key `{field}`{hint}; known keys are {}", quoted(&known));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return format!("{prefix}missing required key `{field}`");
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = listed(expected);
        let hint = text::hint(value, known.iter().map(String::as_str));
        return format!("{prefix}unknown value `{value}`{hint}; allowed are {}", quoted(&known));
    }
    if message.contains("recursion limit exceeded") {
        return limits::too_deep();
    }
    if message.contains("repetition limit exceeded") {
        return "the aliases (`*name`) here repeat their anchors' content too often; write the values out instead of repeating them by alias".to_owned();
    }
    let plain = message
        .replace("expected i64", "expected a whole number")
        .replace("expected u8", "expected a whole number from 0 to 255")
        .replace("expected a sequence", "expected a list, such as [a, b]")
        .replace("expected a boolean", "expected true or false");
    if path.is_empty() {
        format!("invalid YAML: {plain}")
    } else {
        format!("{prefix}{plain}")
    }
}

/// Removes serde_yaml's own " at line N column M", which counts from the
/// start of the front matter rather than the file.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let skip =
            after.find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c))).unwrap_or(after.len());
        rest = &after[skip..];
    }
    out.push_str(rest);
    out
}

/// `questions[0].options[1].correct` as `question 1, option 2, `correct``.
fn human_path(path: &str) -> String {
    path.split('.')
        .filter(|segment| !segment.is_empty())
        .map(|segment| match segment.split_once('[') {
            Some((name, index)) => {
                let number = index.trim_end_matches(']').parse::<usize>().map_or(0, |n| n + 1);
                let name = if name.is_empty() { "entry" } else { name.strip_suffix('s').unwrap_or(name) };
                format!("{name} {number}")
            }
            None => format!("`{segment}`"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// 1-based (line, column) of the first whole-word occurrence of `token` in
/// `yaml` at or after the line where `key:` appears, counted from
/// `first_line`. Serde does not keep positions of values, so semantic errors
/// (an unknown audience, a duplicate id) are placed by finding their text.
pub fn locate(yaml: &str, first_line: usize, key: &str, token: &str) -> (usize, usize) {
    let key_pattern = format!("{key}:");
    let lines: Vec<&str> = yaml.lines().collect();
    let start = lines
        .iter()
        .position(|l| {
            let t = l.trim_start().trim_start_matches("- ");
            t.starts_with(&key_pattern)
        })
        .unwrap_or(0);
    for (i, line) in lines.iter().enumerate().skip(start) {
        let line = line.split(" #").next().unwrap_or(line);
        if line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(col) = find_word(line, token) {
            return (first_line + i, line[..col].chars().count() + 1);
        }
    }
    (first_line + start, 1)
}

/// [`locate`] for several tokens written in this order after `key:` (the
/// items of one list), in one pass however many there are.
pub fn locate_all(yaml: &str, first_line: usize, key: &str, tokens: &[&str]) -> Vec<(usize, usize)> {
    let outline = Outline::new(yaml, first_line);
    let key_pattern = format!("{key}:");
    let start = outline
        .lines
        .iter()
        .position(|l| l.trim_start().trim_start_matches("- ").starts_with(&key_pattern))
        .unwrap_or(0);
    outline.find_all(Span { start, end: outline.lines.len() }, tokens)
}

/// Lines of a YAML text, to place errors inside nested front matter (the
/// third option of the second question) that serde cannot place.
pub struct Outline<'a> {
    lines: Vec<&'a str>,
    first_line: usize,
}

/// A span of lines, `start..end` as 0-based indices into the text's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl<'a> Outline<'a> {
    pub fn new(yaml: &'a str, first_line: usize) -> Self {
        Outline { lines: yaml.lines().collect(), first_line }
    }

    pub fn whole(&self) -> Span {
        Span { start: 0, end: self.lines.len() }
    }

    /// The file line (1-based) of a 0-based line index.
    pub fn line(&self, index: usize) -> usize {
        self.first_line + index
    }

    fn indent(line: &str) -> usize {
        line.len() - line.trim_start().len()
    }

    /// The span of the value of the first `key:` inside `within`.
    pub fn key(&self, within: Span, key: &str) -> Option<(usize, Span)> {
        let pattern = format!("{key}:");
        let index = (within.start..within.end).find(|&i| {
            let t = self.lines[i].trim_start().trim_start_matches("- ");
            t.starts_with(&pattern)
        })?;
        let indent = Self::indent(self.lines[index]);
        let end = (index + 1..within.end)
            .find(|&i| {
                let l = self.lines[i];
                !l.trim().is_empty() && Self::indent(l) <= indent && !l.trim_start().starts_with("- ")
                    || (!l.trim().is_empty() && Self::indent(l) < indent)
            })
            .unwrap_or(within.end);
        Some((index, Span { start: index + 1, end }))
    }

    /// The items (`- ...`) of a sequence at the outermost indentation of `within`.
    pub fn items(&self, within: Span) -> Vec<Span> {
        let starts: Vec<usize> =
            (within.start..within.end).filter(|&i| self.lines[i].trim_start().starts_with("- ")).collect();
        let Some(indent) = starts.iter().map(|&i| Self::indent(self.lines[i])).min() else { return Vec::new() };
        let starts: Vec<usize> = starts.into_iter().filter(|&i| Self::indent(self.lines[i]) == indent).collect();
        starts
            .iter()
            .enumerate()
            .map(|(n, &start)| Span { start, end: starts.get(n + 1).copied().unwrap_or(within.end) })
            .collect()
    }

    /// The keys of a mapping at the outermost indentation of `within`, with their spans.
    pub fn entries(&self, within: Span) -> Vec<(String, Span)> {
        let keyed: Vec<usize> = (within.start..within.end)
            .filter(|&i| {
                let t = self.lines[i].trim_start();
                !t.starts_with('#') && !t.starts_with("- ") && t.contains(':')
            })
            .collect();
        let Some(indent) = keyed.iter().map(|&i| Self::indent(self.lines[i])).min() else { return Vec::new() };
        let starts: Vec<usize> = keyed.into_iter().filter(|&i| Self::indent(self.lines[i]) == indent).collect();
        starts
            .iter()
            .enumerate()
            .map(|(n, &start)| {
                let key = self.lines[start]
                    .trim()
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_owned();
                (key, Span { start, end: starts.get(n + 1).copied().unwrap_or(within.end) })
            })
            .collect()
    }

    /// (line, column) of `token` as a whole word inside `within`, or the span's first line.
    pub fn find(&self, within: Span, token: &str) -> (usize, usize) {
        for i in within.start..within.end {
            if let Some(col) = find_word(self.lines[i], token) {
                return (self.line(i), self.lines[i][..col].chars().count() + 1);
            }
        }
        (self.line(within.start.min(self.lines.len().saturating_sub(1))), 1)
    }
}

impl Outline<'_> {
    /// (line, column) of each of `tokens` inside `within`, each searched
    /// after the one before, so that a list of any length is placed in one
    /// pass. A token not found there is placed at the span's first line,
    /// and so are all after it.
    pub fn find_all(&self, within: Span, tokens: &[impl AsRef<str>]) -> Vec<(usize, usize)> {
        let fallback = (self.line(within.start.min(self.lines.len().saturating_sub(1))), 1);
        let mut found = Vec::with_capacity(tokens.len());
        // The cursor: a line, a byte offset in it, and the characters before that offset.
        let (mut index, mut offset, mut chars) = (within.start, 0, 0);
        for token in tokens {
            let token = token.as_ref();
            let mut place = None;
            while index < within.end.min(self.lines.len()) {
                let line = self.lines[index];
                if let Some(at) = find_word(&line[offset..], token) {
                    chars += line[offset..offset + at].chars().count();
                    place = Some((self.line(index), chars + 1));
                    chars += token.chars().count();
                    offset += at + token.len();
                    break;
                }
                (index, offset, chars) = (index + 1, 0, 0);
            }
            found.push(place.unwrap_or(fallback));
        }
        found
    }
}

fn find_word(haystack: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || (c == '-' && word != "-");
    haystack.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Accepts `number: 5` as well as `number: "1-7"`.
pub fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Value {
        Text(String),
        Int(i64),
        Float(f64),
    }
    Ok(Option::<Value>::deserialize(deserializer)?.map(|v| match v {
        Value::Text(s) => s,
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Meta {
        id: String,
        audiences: Vec<String>,
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let err = parse::<Meta>("id: a\naudience: [x]\n", Path::new("f.md"), 2).unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(err.column, 1);
        assert_eq!(err.message, "unknown key `audience`; did you mean `audiences`?; known keys are `id`, `audiences`");
    }

    #[test]
    fn missing_key_is_named() {
        let err = parse::<Meta>("id: a\n", Path::new("f.md"), 2).unwrap_err();
        assert_eq!(err.message, "missing required key `audiences`");
    }

    #[test]
    fn syntax_error_has_position() {
        let err = parse::<Meta>("id: a\naudiences: [x\n", Path::new("f.md"), 2).unwrap_err();
        assert!(err.message.starts_with("invalid YAML: "), "{}", err.message);
        assert!(err.line >= 3, "{err}");
    }

    #[test]
    fn outline_finds_nested_items_and_entries() {
        let yaml = "id: q\nquestions:\n  - type: single\n    options:\n      - text: a\n      - text: b\n  - type: order\n    options:\n      - text: c\nsteps:\n  begin:\n    text: x\n  eind:\n    outcome: good\n";
        let outline = Outline::new(yaml, 2);
        let (_, questions) = outline.key(outline.whole(), "questions").unwrap();
        let items = outline.items(questions);
        assert_eq!(items.iter().map(|s| outline.line(s.start)).collect::<Vec<_>>(), [4, 8]);
        let (_, options) = outline.key(items[0], "options").unwrap();
        assert_eq!(outline.items(options).iter().map(|s| outline.line(s.start)).collect::<Vec<_>>(), [6, 7]);
        let (_, steps) = outline.key(outline.whole(), "steps").unwrap();
        let entries: Vec<(String, usize)> =
            outline.entries(steps).into_iter().map(|(k, s)| (k, outline.line(s.start))).collect();
        assert_eq!(entries, [("begin".to_owned(), 12), ("eind".to_owned(), 14)]);
        assert_eq!(outline.find(items[1], "order"), (8, 11));
    }

    #[test]
    fn messages_speak_of_questions_not_indices() {
        assert_eq!(
            explain(
                "questions[0].options[1].correct: invalid type: string \"ja\", expected a boolean at line 9 column 18"
            ),
            "question 1, option 2, `correct`: invalid type: string \"ja\", expected true or false"
        );
        assert_eq!(explain("[1]: missing field `term` at line 4 column 3"), "entry 2: missing required key `term`");
        assert_eq!(
            explain("order: invalid type: string \"x\", expected i64 at line 2 column 8"),
            "`order`: invalid type: string \"x\", expected a whole number"
        );
        assert_eq!(
            explain("while parsing a flow sequence at line 4 column 12, did not find expected ',' or ']' at line 5 column 9"),
            "invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'"
        );
    }

    #[test]
    fn locate_skips_comments() {
        assert_eq!(
            locate("# leerling is an example\naudiences: [leerling] # leerling\n", 1, "audiences", "leerling"),
            (2, 13)
        );
    }

    #[test]
    fn locate_finds_value_after_key() {
        let yaml = "id: leerling\ntitle: x\naudiences: [ouders, leerling]\n";
        assert_eq!(locate(yaml, 2, "audiences", "leerling"), (4, 21));
        assert_eq!(locate(yaml, 2, "id", "leerling"), (2, 5));
    }
}
