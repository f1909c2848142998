//! What the links of one locale's texts may point to: the pages of each
//! kind with their addresses, and the site's files. A link by id is read by
//! where it appears: with an anchor it names an article; without one, the
//! one page with that id, or the page of the kind it names (`audience:ouders`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use super::{address, IdIndex, IdKind};
use crate::content::broken::BrokenKind;
use crate::content::Sources;
use crate::markdown::LinkTargets;
use crate::text;

/// The ids one locale can link to, with their addresses, and the site's files.
pub(super) struct Targets {
    /// Per id, the address of the page of each kind with that id, by kind.
    addresses: BTreeMap<String, Vec<(IdKind, String)>>,
    files: Arc<BTreeSet<String>>,
}

impl Targets {
    fn unknown(&self, id: &str, kind: Option<IdKind>) -> String {
        match kind {
            None => format!("link to unknown id `{id}`{}", text::hint(id, self.addresses.keys().map(String::as_str))),
            Some(kind) => {
                let same_kind = self.addresses.iter().filter(|(_, pages)| pages.iter().any(|(k, _)| *k == kind));
                let hint = text::hint(id, same_kind.map(|(id, _)| id.as_str()));
                format!("link to unknown {} `{id}`{hint}", kind.word())
            }
        }
    }
}

impl LinkTargets for Targets {
    fn is_kind(&self, word: &str) -> bool {
        IdKind::from_word(word).is_some()
    }

    fn resolve(&self, id: &str, kind: Option<&str>, anchor: Option<&str>) -> Result<String, String> {
        let pages = self.addresses.get(id).map_or(&[][..], Vec::as_slice);
        let find = |kind: IdKind| pages.iter().find(|(k, _)| *k == kind).map(|(_, a)| a.clone());
        let kind = kind.and_then(IdKind::from_word);
        let written = kind.map_or(id.to_owned(), |k| format!("{}:{id}", k.word()));
        // A link to an anchor names an article: only articles have anchors.
        let wanted = match (kind, anchor) {
            (Some(IdKind::Article) | None, Some(_)) => Some(IdKind::Article),
            (Some(_), Some(anchor)) => {
                return Err(format!(
                    "link to `{written}#{anchor}`: only articles have anchors; link to `{written}` without `#{anchor}`"
                ))
            }
            (kind, None) => kind,
        };
        match (wanted, pages) {
            (_, []) => Err(self.unknown(id, kind)),
            (Some(wanted), _) => find(wanted).ok_or_else(|| match (kind, anchor) {
                (None, Some(anchor)) => {
                    format!("link to `{id}#{anchor}`: only articles have anchors; link to `{id}` without `#{anchor}`")
                }
                _ => self.unknown(id, Some(wanted)),
            }),
            (None, [(_, address)]) => Ok(address.clone()),
            (None, several) => Err(ambiguous(id, several.iter().map(|(k, _)| *k))),
        }
    }

    fn has_file(&self, path: &str) -> bool {
        self.files.contains(path)
    }
}

/// The error for a link by id that pages of several kinds have: it names
/// each, and how to write the link to one of them.
fn ambiguous(id: &str, kinds: impl Iterator<Item = IdKind>) -> String {
    let kinds: Vec<IdKind> = kinds.collect();
    let meanings: Vec<String> = kinds.iter().map(|k| format!("the {} `{id}`", k.word())).collect();
    let forms: Vec<String> = kinds.iter().map(|k| format!("`{}:{id}`", k.word())).collect();
    format!("link `{id}` could mean {}; write {}", either(&meanings), either(&forms))
}

/// `a`, `a or b`, `a, b or c`.
fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Per locale, the address of every id a link may name. Linear in the
/// number of ids: each id's source locale is found in a map, not by search.
pub(super) fn link_targets(sources: &Sources, index: &IdIndex) -> BTreeMap<String, Targets> {
    let config = &sources.config;
    let files = Arc::new(sources.assets.statics.keys().cloned().collect());
    // File name per locale, kind and id, for every kind of page with its own URL.
    let mut slugs: BTreeMap<&str, HashMap<(IdKind, &str), &str>> = BTreeMap::new();
    for (locale, content) in &sources.locales {
        let stems = content
            .articles
            .iter()
            .map(|d| (IdKind::Article, d.meta.id.as_str(), d.stem.as_str()))
            .chain(content.quizzes.iter().map(|d| (IdKind::Quiz, d.meta.id.as_str(), d.stem.as_str())))
            .chain(content.scenarios.iter().map(|d| (IdKind::Scenario, d.meta.id.as_str(), d.stem.as_str())));
        let broken = content.broken.iter().flat_map(|b| {
            let kind = match b.kind {
                BrokenKind::Article => Some(IdKind::Article),
                BrokenKind::Quiz => Some(IdKind::Quiz),
                BrokenKind::Scenario => Some(IdKind::Scenario),
                BrokenKind::Glossary | BrokenKind::Other => None,
            };
            kind.into_iter().flat_map(move |kind| b.ids.iter().map(move |id| (kind, id.as_str(), b.stem.as_str())))
        });
        let map = slugs.entry(locale).or_default();
        for (kind, id, stem) in stems.chain(broken) {
            map.entry((kind, id)).or_insert(stem);
        }
    }
    config
        .locales
        .iter()
        .map(|locale| {
            let preference: Vec<&str> = std::iter::once(locale.as_str())
                .chain(std::iter::once(config.default_locale.as_str()))
                .chain(config.locales.iter().map(String::as_str))
                .collect();
            let mut addresses: BTreeMap<String, Vec<(IdKind, String)>> = BTreeMap::new();
            let audiences = config.audiences.iter().enumerate();
            let audiences =
                audiences.map(|(i, a)| (IdKind::Audience, a.id.as_str(), address::audience(config, locale, i)));
            for (kind, id, address) in audiences {
                addresses.entry(id.to_owned()).or_default().push((kind, address));
            }
            for (kind, id) in index.iter() {
                let slug = || preference.iter().find_map(|l| slugs.get(l).and_then(|m| m.get(&(kind, id))).copied());
                let address = match kind {
                    IdKind::Article => slug().map(|s| address::article(config, locale, s)),
                    IdKind::Quiz => slug().map(|s| address::quiz(config, locale, s)),
                    IdKind::Scenario => slug().map(|s| address::scenario(config, locale, s)),
                    IdKind::Term => Some(address::term(config, locale, id)),
                    IdKind::Audience => None,
                };
                if let Some(address) = address {
                    addresses.entry(id.to_owned()).or_default().push((kind, address));
                }
            }
            for pages in addresses.values_mut() {
                pages.sort_by_key(|(kind, _)| *kind);
            }
            (locale.clone(), Targets { addresses, files: Arc::clone(&files) })
        })
        .collect()
}
