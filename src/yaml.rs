//! YAML through serde_yaml (the maintained serde_norway fork), with errors
//! turned into diagnostics that name the line in the whole file and suggest
//! the key that was probably meant.

use serde::de::DeserializeOwned;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::text;

/// Parses `yaml`, which starts on line `first_line` of the file at `path`.
pub fn parse<T: DeserializeOwned>(yaml: &str, path: &Path, first_line: usize) -> Result<T, Diagnostic> {
    serde_yaml::from_str(yaml).map_err(|error| {
        let (line, column) = error.location().map_or((0, 0), |l| (l.line(), l.column()));
        let line = if line > 0 { line + first_line - 1 } else { first_line };
        Diagnostic::error(path, line, column, explain(&error.to_string()))
    })
}

/// Rewrites serde's wording into the words of the site formats, with a hint.
fn explain(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    if let Some(rest) = message.split("unknown field `").nth(1) {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let prefix = message.split("unknown field").next().unwrap_or("");
        return format!(
            "{prefix}unknown key `{field}`{}; known keys are {}",
            text::hint(field, known.iter().copied()),
            known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        );
    }
    if let Some(rest) = message.split("missing field `").nth(1) {
        let field = rest.split('`').next().unwrap_or(rest);
        let prefix = message.split("missing field").next().unwrap_or("");
        return format!("{prefix}missing required key `{field}`");
    }
    if let Some(rest) = message.split("unknown variant `").nth(1) {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let prefix = message.split("unknown variant").next().unwrap_or("");
        return format!(
            "{prefix}unknown value `{value}`{}; allowed are {}",
            text::hint(value, known.iter().copied()),
            known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
        );
    }
    format!("invalid YAML: {message}")
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
        if let Some(col) = find_word(line, token) {
            return (first_line + i, line[..col].chars().count() + 1);
        }
    }
    (first_line + start, 1)
}

fn find_word(haystack: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    haystack.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
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
    fn locate_finds_value_after_key() {
        let yaml = "id: leerling\ntitle: x\naudiences: [ouders, leerling]\n";
        assert_eq!(locate(yaml, 2, "audiences", "leerling"), (4, 21));
        assert_eq!(locate(yaml, 2, "id", "leerling"), (2, 5));
    }
}
