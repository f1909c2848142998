//! One entry of `sections:` in `site.yaml`: its slugs per locale, written
//! short (`{ nl: quizzen, en: quizzes }`) or with the names the site gives
//! it (`slug:` and `name:`, each a text per locale).

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use super::Localized;

/// A section as written: its slugs, and its names where the site gives any.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawSection {
    pub(super) slug: Localized,
    pub(super) name: Localized,
}

const KEYS: &[&str] = &["slug", "name"];

impl<'de> Deserialize<'de> for RawSection {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SectionVisitor)
    }
}

struct SectionVisitor;

impl<'de> Visitor<'de> for SectionVisitor {
    type Value = RawSection;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("slugs per locale, such as `{ nl: quizzen, en: quizzes }`, or `slug:` and `name:`, each with a text per locale")
    }

    /// Language codes have two or three letters, so `slug` and `name` are
    /// never locales: the first key tells which form the section is in.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawSection, A::Error> {
        let mut section = RawSection::default();
        let (mut named, mut short, mut has_slug) = (false, false, false);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "slug" | "name" if short => {
                    return Err(de::Error::custom(format!(
                        "`{key}` next to slugs per locale: write either slugs only (`{{ nl: ..., en: ... }}`) or `slug:` and `name:`, each with a text per locale"
                    )));
                }
                "slug" => (named, has_slug, section.slug) = (true, true, map.next_value()?),
                "name" => (named, section.name) = (true, map.next_value()?),
                _ if named => return Err(de::Error::unknown_field(&key, KEYS)),
                _ => {
                    short = true;
                    let slug = map.next_value()?;
                    section.slug.insert(key, slug);
                }
            }
        }
        if named && !has_slug {
            return Err(de::Error::custom(
                "a section with a `name` needs its `slug` too, e.g. `slug: { nl: oefenen, en: practice }`",
            ));
        }
        Ok(section)
    }
}
