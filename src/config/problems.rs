//! The problems of one `site.yaml`, gathered while it is checked.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::yaml;

/// Collects the problems of one `site.yaml`, each placed at the line of
/// the key and value it is about.
pub(super) struct Problems<'a> {
    source: &'a str,
    path: &'a Path,
    pub(super) errors: Diagnostics,
}

impl<'a> Problems<'a> {
    pub(super) fn new(source: &'a str, path: &'a Path) -> Self {
        Problems { source, path, errors: Diagnostics::new() }
    }

    pub(super) fn report(&mut self, key: &str, token: &str, message: String) {
        let (line, column) = yaml::locate(self.source, 1, key, token);
        self.errors.push(Diagnostic::error(self.path, line, column, message));
    }

    /// [`Problems::report`] at the last of `tokens`, the items of the list
    /// under `key` written before it and itself, in order: the place of an
    /// item whose text an earlier item has too.
    pub(super) fn report_last(&mut self, key: &str, tokens: &[&str], message: String) {
        let (line, column) = yaml::locate_all(self.source, 1, key, tokens).last().copied().unwrap_or((1, 1));
        self.errors.push(Diagnostic::error(self.path, line, column, message));
    }
}
