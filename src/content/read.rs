//! Reading a file of the site as text: UTF-8 (a byte order mark and CRLF
//! line ends allowed), with nothing in it that no input may contain.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::markdown::MARK;
use crate::text::{self, LineIndex};

/// Reads a text file as content: UTF-8 (BOM and CRLF allowed), or an error
/// naming the first line that is not, or the first NUL or placeholder
/// mark (`forbidden`).
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::error(path, 0, 0, format!("cannot read the file: {e}")))?;
    let text = text::decode(&bytes).map_err(|line| {
        Diagnostic::error(
            path,
            line,
            1,
            "the file is not UTF-8 text; save it as UTF-8 in your editor (\"Save as\", encoding UTF-8)",
        )
    })?;
    match forbidden(&text) {
        Some((line, column, message)) => Err(Diagnostic::error(path, line, column, message)),
        None => Ok(text),
    }
}

/// The first character that no input may contain, as 1-based (line,
/// column) and what to do: NUL, which is not text (a file saved as UTF-16,
/// or a bad copy), and the private-use character that marks placeholders in
/// rendered HTML (`markdown::MARK`), which content could use to forge them.
pub fn forbidden(text: &str) -> Option<(usize, usize, String)> {
    let offset = text.find(['\0', MARK])?;
    let (line, column) = LineIndex::new(text).position(text, offset);
    let message = if text[offset..].starts_with('\0') {
        "the file contains a NUL character (U+0000), which is not text; remove it, or if the file was saved as UTF-16, save it as UTF-8".to_owned()
    } else {
        format!(
            "the file contains the private-use character U+{:04X}, which leidraad reserves for its own use; remove it",
            u32::from(MARK)
        )
    };
    Some((line, column, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_the_placeholder_mark_are_found_where_they_are() {
        assert_eq!(forbidden("a\nbc"), None);
        let (line, column, message) = forbidden("a\nb\0c").unwrap();
        assert_eq!((line, column), (2, 2));
        assert!(message.contains("NUL"), "{message}");
        let (line, column, message) = forbidden("é\n\n  x\u{E000}R").unwrap();
        assert_eq!((line, column), (3, 4));
        assert!(message.contains("U+E000"), "{message}");
    }
}
