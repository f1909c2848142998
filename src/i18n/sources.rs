//! The source text of UI messages and templates, read before (or beside)
//! Fluent and Tera: where each message is defined, which messages the
//! templates ask for by name, and nesting too deep for Fluent's parser.

use std::collections::HashMap;

use super::Messages;
use crate::content::assets::Assets;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::{self, LineIndex};

/// Placeables (`{ }`) a message may nest inside each other.
const MAX_DEPTH: usize = 100;

pub(super) fn too_deep_message() -> String {
    format!("the message nests more than {MAX_DEPTH} placeables `{{ }}` inside each other here; close them with `}}`")
}

/// Byte offset of the `{` that opens placeable number `MAX_DEPTH + 1`, if
/// one does. Counts every `{` outside string literals and comments, so it
/// errs on the side of refusing.
pub(super) fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for line in text.split_inclusive('\n') {
        let offset = line.as_ptr() as usize - text.as_ptr() as usize;
        if depth == 0 && line.starts_with('#') {
            continue;
        }
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' if depth > 0 => in_string = !in_string,
                '\n' => in_string = false,
                '{' if !in_string => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(offset + i);
                    }
                }
                '}' if !in_string => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    None
}

/// The line of each message and term (`-name`) defined in `text`, in one pass.
pub(super) fn definition_lines(text: &str) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let name_end = line
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .map_or(line.len(), |(i, _)| i);
        let (name, rest) = line.split_at(name_end);
        if !name.is_empty() && !line.starts_with(' ') && rest.trim_start().starts_with('=') {
            lines.entry(name.to_owned()).or_insert(index + 1);
        }
    }
    lines
}

/// Messages that templates ask for by name (`t(key="...")`) and that no
/// locale defines, reported where they are asked for. A message some
/// locales lack is reported at its definition by [`load`]; a key that is
/// computed in the template can only fail when a page is rendered.
pub fn check_templates(assets: &Assets, messages: &Messages) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let known: Vec<&str> =
        messages.translators.values().flat_map(|t| t.default.ids.iter().map(String::as_str)).collect();
    for asset in assets.templates.values() {
        let lines = LineIndex::new(&asset.text);
        for (offset, key) in literal_keys(&asset.text) {
            if messages.defines(key) {
                continue;
            }
            let (line, column) = lines.position(&asset.text, offset);
            diagnostics.push(Diagnostic::error(
                &asset.origin,
                line,
                column,
                format!(
                    "message `{key}` is used here, but no locale defines it; add it to the messages of every locale (locales/<locale>/*.ftl){}",
                    text::hint(key, known.iter().copied())
                ),
            ));
        }
    }
    diagnostics
}

/// The keys written out in `t(key="...")` calls of a template, with the
/// byte offset of each key.
fn literal_keys(template: &str) -> Vec<(usize, &str)> {
    let mut keys = Vec::new();
    for (start, _) in template.match_indices("t(") {
        if template[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &template[start + 2..];
        let Some(rest) = rest.trim_start().strip_prefix("key") else { continue };
        let Some(rest) = rest.trim_start().strip_prefix('=') else { continue };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'' | '`')) else { continue };
        let Some(end) = rest[1..].find(quote) else { continue };
        let offset = template.len() - rest.len() + 1;
        keys.push((offset, &rest[1..=end]));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_placeables_are_found_at_the_brace_past_the_limit() {
        let text = format!("a = {}\n", "{ ".repeat(40_000));
        assert_eq!(too_deep(&text), Some(4 + 2 * MAX_DEPTH));
        let quoted = format!("a = {{ \"{}\" }}\n# {}\n", "{".repeat(500), "{".repeat(500));
        assert_eq!(too_deep(&quoted), None);
        assert_eq!(too_deep(&format!("a = {}x{}\n", "{ ".repeat(MAX_DEPTH), "} ".repeat(MAX_DEPTH))), None);
    }

    #[test]
    fn definitions_are_found_in_one_pass() {
        let lines = definition_lines("# c\na = A\n  .attr = x\n-term = T\nb=\n    multi\n");
        assert_eq!(lines.get("a"), Some(&2));
        assert_eq!(lines.get("-term"), Some(&4));
        assert_eq!(lines.get("b"), Some(&5));
        assert_eq!(lines.get(".attr"), None);
    }
}
