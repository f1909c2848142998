//! One page of the search index, as the model gives it to the index writer.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::markdown::PlainText;

/// One page of the index: what a search finds and what it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Record<'a> {
    /// Root-relative address, with an anchor where a hit should land.
    pub url: String,
    /// The page's text, in parts (the model's text of an article is
    /// borrowed, not copied: there may be 5,000 of them).
    pub text: Vec<Cow<'a, PlainText>>,
    /// Shown with a result (`title`, `kind`...); its words are found too.
    pub meta: BTreeMap<String, String>,
    /// Values a search can be narrowed to, per filter.
    pub filters: BTreeMap<String, Vec<String>>,
}
