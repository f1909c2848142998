//! Messages one locale has and another lacks: a built-in message falls
//! back to the default locale's (one notice per locale lists them), any
//! other is an error at its definition.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::{sources, Definition, REGISTERS, REGISTER_DEFAULT};
use crate::config::Config;
use crate::content::assets::Assets;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The names of the messages leidraad itself defines, in any locale.
pub(super) fn builtin_names(assets: &Assets) -> BTreeSet<String> {
    let files = assets.messages.values().flat_map(BTreeMap::values).filter(|asset| asset.is_builtin());
    files.flat_map(|asset| sources::definition_lines(&asset.text).into_keys()).collect()
}

/// The one warning for a locale that shows built-in messages of the
/// default locale: how many, and which where it has some of its own.
pub(super) fn fallback_notice(
    config: &Config,
    locales_dir: &Path,
    locale: &str,
    names: &[&str],
    none_of_its_own: bool,
) -> Diagnostic {
    let default = &config.default_locale;
    let file = locales_dir.join(locale).join("ui.ftl");
    let message = if none_of_its_own {
        format!(
            "locale `{locale}` has no UI messages of its own: its pages show all {} built-in messages in `{default}`, the default locale; translate them in {}, starting from a copy of leidraad's locales/{default}/ui.ftl",
            names.len(),
            file.display()
        )
    } else {
        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        format!(
            "locale `{locale}` lacks {} of the built-in messages; its pages show them in `{default}`, the default locale, until they are translated here: {}",
            names.len(),
            list.join(", ")
        )
    };
    Diagnostic::warning(file, 0, 0, message)
}

/// Reports every message that one locale defines and another lacks, and
/// returns, per locale, the built-in messages it lacks that the default
/// locale has: those fall back. The registers a locale declares are its own.
pub(super) fn report_missing<'a>(
    config: &Config,
    definitions: &'a BTreeMap<String, BTreeMap<String, Definition>>,
    builtin: &BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Vec<&'a str>> {
    let mut lacking: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    let default = definitions.get(&config.default_locale);
    for (locale, defined) in definitions {
        for (other_locale, other) in definitions {
            if other_locale == locale {
                continue;
            }
            for (name, definition) in defined {
                if other.contains_key(name) || [REGISTERS, REGISTER_DEFAULT].contains(&name.as_str()) {
                    continue;
                }
                let falls_back = *other_locale != config.default_locale
                    && builtin.contains(name)
                    && default.is_some_and(|d| d.contains_key(name));
                if falls_back {
                    lacking.entry(other_locale.clone()).or_default().insert(name);
                    continue;
                }
                let file = counterpart(&definition.origin, locale, other_locale);
                diagnostics.push(Diagnostic::error(
                    &definition.origin,
                    definition.line,
                    1,
                    format!("message `{name}` is missing in locale `{other_locale}`: add it to {}", file.display()),
                ));
            }
        }
    }
    lacking
        .into_iter()
        .map(|(locale, names)| (locale, names.into_iter().filter(|n| !n.starts_with('-')).collect()))
        .collect()
}

/// The file of locale `other` that matches `origin` of `locale`: the same
/// name in the site's `locales/<other>/` (a built-in file is overridden there).
fn counterpart(origin: &Path, locale: &str, other: &str) -> PathBuf {
    let site = origin.strip_prefix(crate::content::assets::BUILTIN).unwrap_or(origin);
    let mut parts: Vec<&std::ffi::OsStr> = site.iter().collect();
    let folder = parts.windows(2).rposition(|pair| pair[0] == "locales" && pair[1] == locale);
    if let Some(i) = folder {
        parts[i + 1] = std::ffi::OsStr::new(other);
    }
    parts.into_iter().collect()
}
