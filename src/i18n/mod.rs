//! UI messages: one Fluent bundle per locale (the thread-safe `concurrent`
//! bundle, shared by all rendering threads), checked so that every message
//! exists in every locale, and offered to templates as the `t()` function.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

mod fallback;
mod registers;
mod site_words;
mod sources;

pub use sources::check_templates;

use crate::config::Config;
use crate::content::assets::{Assets, TextAsset};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::{self, LineIndex};

type Bundle = FluentBundle<FluentResource>;

/// The messages of one locale, in one register (form of address).
pub struct Translator {
    pub locale: String,
    /// Given to every message as `$register`.
    register: Option<String>,
    bundle: Arc<Bundle>,
    ids: Arc<Vec<String>>,
    /// The default locale's messages, for those this locale lacks.
    fallback: Option<Arc<Translator>>,
    /// Messages that take no arguments, formatted once: templates ask for
    /// them on every page.
    fixed: HashMap<String, String>,
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Translator").field("locale", &self.locale).field("messages", &self.ids.len()).finish()
    }
}

impl Translator {
    /// The message `key` with `args`, or why it cannot be given.
    pub fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Result<String, String> {
        let Some(message) = self.bundle.get_message(key) else {
            if let Some(fallback) = &self.fallback {
                return fallback.format(key, args);
            }
            return Err(format!(
                "no message `{key}` in locale `{}`{}",
                self.locale,
                text::hint(key, self.ids.iter().map(String::as_str))
            ));
        };
        let pattern = message.value().ok_or_else(|| format!("message `{key}` has no value"))?;
        let mut with_register;
        let args = match &self.register {
            Some(register) => {
                with_register = FluentArgs::new();
                for (name, value) in args.into_iter().flat_map(FluentArgs::iter) {
                    with_register.set(name.to_owned(), value.clone());
                }
                with_register.set(REGISTER_ARGUMENT, FluentValue::from(register.clone()));
                Some(&with_register)
            }
            None => args,
        };
        let mut errors = Vec::new();
        let value = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            let problems: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            return Err(format!("message `{key}` in locale `{}`: {}", self.locale, problems.join("; ")));
        }
        Ok(value.into_owned())
    }

    /// A message without arguments.
    pub fn get(&self, key: &str) -> Result<String, String> {
        match self.fixed.get(key) {
            Some(text) => Ok(text.clone()),
            None => self.format(key, None),
        }
    }

    /// A message of this locale's own, without falling back to another's.
    pub fn own(&self, key: &str) -> Option<String> {
        self.bundle.has_message(key).then(|| self.get(key).ok()).flatten()
    }

    fn new(
        locale: &str,
        register: Option<String>,
        bundle: Arc<Bundle>,
        ids: Arc<Vec<String>>,
        fallback: Option<Arc<Translator>>,
    ) -> Translator {
        let mut translator =
            Translator { locale: locale.to_owned(), register, bundle, ids, fallback, fixed: HashMap::new() };
        let inherited = translator.fallback.iter().flat_map(|f| f.ids.iter());
        let fixed = translator
            .ids
            .iter()
            .chain(inherited)
            .filter_map(|id| Some((id.clone(), translator.format(id, None).ok()?)))
            .collect();
        translator.fixed = fixed;
        translator
    }
}

/// The argument every message is given: the register of the page.
const REGISTER_ARGUMENT: &str = "register";
/// The message that lists the registers a locale knows, separated by commas.
const REGISTERS: &str = "registers";
/// The message that names the register a locale uses by default.
const REGISTER_DEFAULT: &str = "register-default";

/// One locale's translators: in its default register and in each it knows.
#[derive(Debug)]
struct Locale {
    default: Arc<Translator>,
    /// The register of `default`: the site's choice, else the messages'.
    default_register: Option<String>,
    registers: BTreeMap<String, Arc<Translator>>,
}

/// All locales' messages.
#[derive(Debug, Default)]
pub struct Messages {
    translators: BTreeMap<String, Locale>,
}

impl Messages {
    /// The messages of `locale` in the register the site uses by default.
    pub fn translator(&self, locale: &str) -> Arc<Translator> {
        self.translators.get(locale).map(|l| Arc::clone(&l.default)).expect("every configured locale has a translator")
    }

    /// The messages of `locale` in `register` (the default one for `None`).
    pub fn translator_in(&self, locale: &str, register: Option<&str>) -> Arc<Translator> {
        let here = self.translators.get(locale).expect("every configured locale has a translator");
        Arc::clone(register.and_then(|r| here.registers.get(r)).unwrap_or(&here.default))
    }

    /// The name of `locale` in itself (message `language-name`), or its
    /// code where its messages do not give one.
    pub fn language_name(&self, locale: &str) -> String {
        self.translators.get(locale).and_then(|l| l.default.own("language-name")).unwrap_or_else(|| locale.to_owned())
    }

    /// The registers `locale`'s messages know, if any.
    pub fn registers(&self, locale: &str) -> Vec<&str> {
        self.translators.get(locale).map(|l| l.registers.keys().map(String::as_str).collect()).unwrap_or_default()
    }

    /// The register of a page in `locale` for `audiences` (indices into the
    /// site's audiences): theirs when they all share one, else the default.
    pub fn register_for(&self, config: &Config, locale: &str, audiences: &[usize]) -> Option<String> {
        let here = self.translators.get(locale)?;
        let of = |audience: usize| {
            let set = config.audiences.get(audience).and_then(|a| a.register.get(locale));
            set.map(|r| r.value.clone()).or_else(|| here.default_register.clone())
        };
        let mut each = audiences.iter().map(|&a| of(a));
        let first = each.next().flatten();
        if first.is_some() && each.all(|r| r == first) {
            first
        } else {
            here.default_register.clone()
        }
    }

    /// Whether any locale defines message `key`.
    pub(super) fn defines(&self, key: &str) -> bool {
        self.translators.values().any(|t| t.default.ids.iter().any(|id| id == key))
    }
}

struct Definition {
    origin: PathBuf,
    line: usize,
    builtin: bool,
}

/// Builds a bundle per locale and checks that the locales define the same
/// messages. A locale other than the default that lacks built-in messages
/// (or has none) shows the default locale's, with one warning per locale;
/// the warnings are returned beside the messages.
pub fn load(config: &Config, assets: &Assets) -> Result<(Messages, Diagnostics), Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let mut bundles = BTreeMap::new();
    let mut definitions: BTreeMap<String, BTreeMap<String, Definition>> = BTreeMap::new();
    let builtin = fallback::builtin_names(assets);

    for locale in &config.locales {
        let files = assets.messages.get(locale).filter(|f| !f.is_empty());
        let Some(files) = files else {
            if *locale == config.default_locale {
                diagnostics.push(Diagnostic::error(
                    "locales",
                    0,
                    0,
                    format!("no UI messages for locale `{locale}`: add `locales/{locale}/ui.ftl` with the same messages as the other locales"),
                ));
                continue;
            }
            definitions.entry(locale.clone()).or_default();
            bundles.insert(locale.clone(), (new_bundle(locale), Vec::new()));
            continue;
        };
        let defined = definitions.entry(locale.clone()).or_default();
        let (bundle, ids) = load_locale(locale, files, defined, &mut diagnostics);
        bundles.insert(locale.clone(), (bundle, ids));
    }
    let lacking = fallback::report_missing(config, &definitions, &builtin, &mut diagnostics);
    for (locale, names) in &lacking {
        diagnostics.push(fallback::fallback_notice(
            config,
            &assets.locales_dir,
            locale,
            names,
            definitions[locale].is_empty(),
        ));
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut translators = BTreeMap::new();
    let default = &config.default_locale;
    let mut ordered: Vec<_> = bundles.into_iter().collect();
    // The default locale first: the others fall back to it.
    ordered.sort_by_key(|(locale, _)| locale != default);
    for (locale, (bundle, ids)) in ordered {
        let fallback = translators.get(default).map(|l: &Locale| Arc::clone(&l.default));
        let here = registers::locale(config, &locale, bundle, ids, fallback, &mut diagnostics);
        translators.insert(locale, here);
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok((Messages { translators }, diagnostics))
}

fn new_bundle(locale: &str) -> Bundle {
    let langid = locale.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle
}

/// The translator of one locale from its Fluent files, built-in files
/// first: a site's message with the same id replaces the built-in one.
fn load_locale(
    locale: &str,
    files: &BTreeMap<String, TextAsset>,
    defined: &mut BTreeMap<String, Definition>,
    diagnostics: &mut Diagnostics,
) -> (Bundle, Vec<String>) {
    let mut bundle = new_bundle(locale);
    // Built-in files first: a site's message with the same id replaces the built-in one.
    let mut ordered: Vec<_> = files.values().collect();
    ordered.sort_by_key(|asset| !asset.is_builtin());
    for asset in ordered {
        add_file(&mut bundle, asset, defined, diagnostics);
    }
    let ids = defined.keys().filter(|k| !k.starts_with('-')).cloned().collect();
    (bundle, ids)
}

/// Parses one Fluent file into `bundle`, recording where each of its
/// messages is defined and reporting syntax errors and duplicates.
fn add_file(
    bundle: &mut Bundle,
    asset: &TextAsset,
    defined: &mut BTreeMap<String, Definition>,
    diagnostics: &mut Diagnostics,
) {
    let lines = LineIndex::new(&asset.text);
    // fluent-syntax parses placeables by recursion: a deep enough
    // nest overflows the stack, so it is refused before parsing.
    let definition_lines = sources::definition_lines(&asset.text);
    if let Some(offset) = sources::too_deep(&asset.text) {
        let (line, column) = lines.position(&asset.text, offset);
        diagnostics.push(Diagnostic::error(&asset.origin, line, column, sources::too_deep_message()));
        // Its messages count as defined, so that other locales are not reported for them.
        for (name, line) in definition_lines {
            defined.entry(name).or_insert(Definition { origin: asset.origin.clone(), line, builtin: false });
        }
        return;
    }
    let resource = match FluentResource::try_new(asset.text.clone()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let (line, column) = lines.position(&asset.text, error.pos.start.min(asset.text.len()));
                diagnostics.push(Diagnostic::error(
                    &asset.origin,
                    line,
                    column,
                    format!("invalid Fluent message: {}", error.kind),
                ));
            }
            resource
        }
    };
    record_definitions(&resource, asset, &definition_lines, defined, diagnostics);
    // Duplicates within built-in or within site files were reported
    // above; a site file read later replaces built-in messages.
    bundle.add_resource_overriding(resource);
}

/// Records each message and term of `resource`; one defined twice is an
/// error, unless a site file replaces a built-in one.
fn record_definitions(
    resource: &FluentResource,
    asset: &TextAsset,
    definition_lines: &HashMap<String, usize>,
    defined: &mut BTreeMap<String, Definition>,
    diagnostics: &mut Diagnostics,
) {
    for entry in resource.entries() {
        let name = match entry {
            ast::Entry::Message(m) => m.id.name.to_owned(),
            ast::Entry::Term(t) => format!("-{}", t.id.name),
            _ => continue,
        };
        let line = definition_lines.get(&name).copied().unwrap_or(1);
        if let Some(previous) = defined.get(&name) {
            if previous.builtin && !asset.is_builtin() {
                defined.insert(name, Definition { origin: asset.origin.clone(), line, builtin: false });
                continue;
            }
            diagnostics.push(Diagnostic::error(
                &asset.origin,
                line,
                1,
                format!(
                    "message `{name}` is defined twice; the other is in {}:{}",
                    previous.origin.display(),
                    previous.line
                ),
            ));
            continue;
        }
        defined.insert(name, Definition { origin: asset.origin.clone(), line, builtin: asset.is_builtin() });
    }
}

/// The template function `t(key="...", name=value, ...)` for one locale.
pub struct TranslateFunction(pub Arc<Translator>);

impl tera::Function for TranslateFunction {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(tera::Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs key=\"message-id\""))?;
        if args.len() == 1 {
            return self.0.get(key).map(tera::Value::String).map_err(tera::Error::msg);
        }
        let mut fluent_args = FluentArgs::new();
        let mut names: Vec<&String> = args.keys().filter(|k| *k != "key").collect();
        names.sort();
        for name in names {
            let value = match &args[name] {
                tera::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or_default()),
                tera::Value::String(s) => FluentValue::from(s.clone()),
                tera::Value::Bool(b) => FluentValue::from(b.to_string()),
                tera::Value::Null => FluentValue::None,
                other => FluentValue::from(other.to_string()),
            };
            fluent_args.set(name.clone(), value);
        }
        self.0.format(key, Some(&fluent_args)).map(tera::Value::String).map_err(tera::Error::msg)
    }
}

#[cfg(test)]
mod tests;
