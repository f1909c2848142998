//! Registers (forms of address): a locale's messages declare the ones it
//! knows (message `registers`, a list separated by commas) and its default (message
//! `register-default`); `site.yaml` picks one per locale and audience from
//! those. Each register gets its own translator, which gives every message
//! `$register` to select its wording by.

use fluent_bundle::FluentArgs;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Bundle, Locale, Translator, REGISTERS, REGISTER_DEFAULT};
use crate::config::{Config, Register};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// The translators of `locale`, one per register it knows, with the
/// registers `site.yaml` sets for it checked against those.
pub(super) fn locale(
    config: &Config,
    locale: &str,
    bundle: Bundle,
    ids: Vec<String>,
    fallback: Option<Arc<Translator>>,
    diagnostics: &mut Diagnostics,
) -> Locale {
    let declared = |key: &str| {
        let message = bundle.get_message(key)?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(message.value()?, None::<&FluentArgs<'_>>, &mut errors).into_owned();
        Some(text)
    };
    let known: Vec<String> = declared(REGISTERS)
        .map(|list| list.split([',', ' ']).filter(|r| !r.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    let messages_default = declared(REGISTER_DEFAULT).filter(|r| known.contains(r)).or_else(|| known.first().cloned());
    let set = std::iter::once(config.register.get(locale))
        .chain(config.audiences.iter().map(|a| a.register.get(locale)))
        .flatten();
    for register in set.filter(|r| !known.contains(&r.value)) {
        diagnostics.push(unknown(locale, register, &known));
    }
    let site_default = config.register.get(locale).map(|r| r.value.clone()).filter(|r| known.contains(r));
    let default_register = site_default.or(messages_default);
    let (bundle, ids) = (Arc::new(bundle), Arc::new(ids));
    let translator = |register: Option<String>| {
        let translator = Translator::new(locale, register, Arc::clone(&bundle), Arc::clone(&ids), fallback.clone());
        Arc::new(super::site_words::apply(config, translator))
    };
    let registers: BTreeMap<String, Arc<Translator>> =
        known.iter().map(|r| (r.clone(), translator(Some(r.clone())))).collect();
    let default = match &default_register {
        Some(r) => Arc::clone(&registers[r]),
        None => translator(None),
    };
    Locale { default, default_register, registers }
}

/// The error for a register `site.yaml` sets that the locale does not know.
fn unknown(locale: &str, register: &Register, known: &[String]) -> Diagnostic {
    let value = &register.value;
    let message = if known.is_empty() {
        format!(
            "register `{value}`: the messages of locale `{locale}` declare no registers, so its pages have one form of address; remove `{locale}: {value}`, or declare the registers in locales/{locale}/ui.ftl (message `{REGISTERS}`)"
        )
    } else {
        let list: Vec<String> = known.iter().map(|r| format!("`{r}`")).collect();
        format!(
            "register `{value}` is not one that the messages of locale `{locale}` know; choose one of {} (message `{REGISTERS}` in locales/{locale}/ui.ftl)",
            list.join(", ")
        )
    };
    Diagnostic::error(&register.path, register.line, register.column, message)
}
