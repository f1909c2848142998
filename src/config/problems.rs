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
}
