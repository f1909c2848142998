//! Pairing translations by id: which locale's text a page shows, and the
//! pages a locale lacks, shown from their original with a notice.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{Article, Origin, Quiz, Scenario};
use crate::config::Config;
use crate::content::{Document, LocaleSources, Sources};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The locale whose text is shown in `locale`: itself when it has the
/// content, else the default locale, else the first locale that has it.
pub fn source_locale<'s>(
    sources: &'s Sources,
    locale: &str,
    has: impl Fn(&'s LocaleSources) -> bool,
) -> Option<String> {
    let config = &sources.config;
    std::iter::once(locale)
        .chain(std::iter::once(config.default_locale.as_str()))
        .chain(config.locales.iter().map(String::as_str))
        .find(|l| sources.locales.get(*l).is_some_and(&has))
        .map(str::to_owned)
}

/// The warning for a translation whose `translated_from` (`recorded`) is
/// not the current version of its original, placed on that key.
pub(super) fn outdated_warning<M>(
    translation: &Document<M>,
    recorded: &str,
    original: &Document<impl Sized>,
) -> Option<Diagnostic> {
    if recorded == crate::content::source_hash(original) {
        return None;
    }
    let (line, column) = crate::yaml::locate(&translation.yaml, translation.yaml_line, "translated_from", recorded);
    Some(Diagnostic::warning(
        &translation.path,
        line,
        column,
        format!(
            "this translation may be out of date: {} changed since it was translated; update the text, then run `leidraad translated {}`",
            original.path.display(),
            translation.path.display()
        ),
    ))
}

/// A page of the model that exists per locale and is paired by id.
pub trait Translatable: Clone {
    fn id(&self) -> &str;
    fn source(&self) -> &Path;
    fn set_origin(&mut self, origin: Origin);
    fn sort_key(&self) -> (i64, &str);
}

macro_rules! translatable {
    ($type:ty) => {
        impl Translatable for $type {
            fn id(&self) -> &str {
                &self.id
            }
            fn source(&self) -> &Path {
                &self.source
            }
            fn set_origin(&mut self, origin: Origin) {
                self.origin = origin;
            }
            fn sort_key(&self) -> (i64, &str) {
                (self.order, &self.id)
            }
        }
    };
}
translatable!(Article);
translatable!(Quiz);
translatable!(Scenario);

impl<T: Translatable> Translatable for std::sync::Arc<T> {
    fn id(&self) -> &str {
        T::id(self)
    }
    fn source(&self) -> &Path {
        T::source(self)
    }
    fn set_origin(&mut self, origin: Origin) {
        std::sync::Arc::make_mut(self).set_origin(origin);
    }
    fn sort_key(&self) -> (i64, &str) {
        T::sort_key(self)
    }
}

/// The pages of `locale`: its own, and for every id it lacks the original
/// (default locale first) marked as a fallback, with a warning unless
/// `unread` says its file in `locale` could not be read; in order.
pub fn complete<T: Translatable>(
    config: &Config,
    locale: &str,
    own: &BTreeMap<String, Vec<T>>,
    folder: &str,
    unread: &dyn Fn(&str) -> bool,
    diagnostics: &mut Diagnostics,
) -> Vec<T> {
    let mut pages: Vec<T> = own.get(locale).cloned().unwrap_or_default();
    let mut present: BTreeSet<String> = pages.iter().map(|p| p.id().to_owned()).collect();
    let preference = std::iter::once(config.default_locale.as_str()).chain(config.locales.iter().map(String::as_str));
    for from in preference {
        for original in own.get(from).into_iter().flatten() {
            if present.insert(original.id().to_owned()) && !unread(original.id()) {
                diagnostics.push(Diagnostic::warning(
                    original.source(),
                    0,
                    0,
                    format!(
                        "not translated into `{locale}` yet: its page shows this text with a notice; add content/{locale}/{folder}/<name>.md with `id: {}`",
                        original.id()
                    ),
                ));
                let mut fallback = original.clone();
                fallback.set_origin(Origin::Fallback { locale: from.to_owned() });
                pages.push(fallback);
            }
        }
    }
    pages.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    pages
}
