//! Diagnostics: the errors and warnings of a run, each with the file, line and
//! column it is about, collected so that a run reports all of them at once.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem with the input, where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user would open it (the site root joined with its path).
    pub path: PathBuf,
    /// 1-based line, 0 when the problem is about the whole file.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Error, path: path.into(), line, column, message: message.into() }
    }

    pub fn warning(path: impl Into<PathBuf>, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, path: path.into(), line, column, message: message.into() }
    }

    /// The same diagnostic about a file that sits `lines` further down
    /// (front matter inside a Markdown file, a body after its front matter).
    pub fn shifted(mut self, lines: usize) -> Self {
        if self.line > 0 {
            self.line += lines;
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => " warning:",
        };
        write!(f, ":{label} {}", self.message)
    }
}

/// All diagnostics of a run, in a stable order.
#[derive(Debug, Default, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Errors first, then warnings; each by file, line and column.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (a.severity, &a.path, a.line, a.column, &a.message)
                .cmp(&(b.severity, &b.path, b.line, b.column, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in self.clone().sorted() {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics { items: vec![diagnostic] }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The path to show for `relative` inside the site at `root`: what the user
/// typed as `--root`, joined with the file, without a leading `./`.
pub fn display_path(root: &Path, relative: &Path) -> PathBuf {
    let joined = root.join(relative);
    joined.strip_prefix(".").map(Path::to_path_buf).unwrap_or(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_as_path_line_column_message() {
        let d = Diagnostic::error("content/nl/protocol/a.md", 3, 12, "unknown audience `leerling`");
        assert_eq!(d.to_string(), "content/nl/protocol/a.md:3:12: unknown audience `leerling`");
        let w = Diagnostic::warning("content/en/x.md", 0, 0, "not yet translated");
        assert_eq!(w.to_string(), "content/en/x.md: warning: not yet translated");
    }

    #[test]
    fn sorts_errors_before_warnings_and_by_place() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning("a", 1, 1, "w"));
        all.push(Diagnostic::error("b", 2, 1, "late"));
        all.push(Diagnostic::error("b", 1, 1, "early"));
        let messages: Vec<_> = all.sorted().into_iter().map(|d| d.message).collect();
        assert_eq!(messages, ["early", "late", "w"]);
    }

    #[test]
    fn display_path_drops_leading_dot() {
        assert_eq!(display_path(Path::new("."), Path::new("site.yaml")), PathBuf::from("site.yaml"));
        assert_eq!(display_path(Path::new("ex"), Path::new("site.yaml")), PathBuf::from("ex/site.yaml"));
    }
}
