//! What the links of one locale's texts may point to: the ids with their
//! addresses, and the site's files.

use std::collections::BTreeMap;

use crate::markdown::LinkTargets;

/// The ids one locale can link to, with their addresses, and the site's files.
pub(super) struct Targets {
    pub(super) addresses: BTreeMap<String, String>,
    pub(super) files: std::sync::Arc<std::collections::BTreeSet<String>>,
}

impl LinkTargets for Targets {
    fn address(&self, id: &str) -> Option<String> {
        self.addresses.get(id).cloned()
    }
    fn known_ids(&self) -> Vec<&str> {
        self.addresses.keys().map(String::as_str).collect()
    }
    fn has_file(&self, path: &str) -> bool {
        self.files.contains(path)
    }
}
