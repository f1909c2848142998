//! UI messages: one Fluent bundle per locale (the thread-safe `concurrent`
//! bundle, shared by all rendering threads), checked so that every message
//! exists in every locale, and offered to templates as the `t()` function.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod site_words;
mod sources;

pub use sources::check_templates;

use crate::config::Config;
use crate::content::assets::{Assets, TextAsset};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::text::{self, LineIndex};

type Bundle = FluentBundle<FluentResource>;

/// The messages of one locale.
pub struct Translator {
    pub locale: String,
    bundle: Bundle,
    ids: Vec<String>,
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
        let message = self.bundle.get_message(key).ok_or_else(|| {
            format!(
                "no message `{key}` in locale `{}`{}",
                self.locale,
                text::hint(key, self.ids.iter().map(String::as_str))
            )
        })?;
        let pattern = message.value().ok_or_else(|| format!("message `{key}` has no value"))?;
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

    fn new(locale: &str, bundle: Bundle, ids: Vec<String>) -> Translator {
        let mut translator = Translator { locale: locale.to_owned(), bundle, ids, fixed: HashMap::new() };
        let fixed =
            translator.ids.iter().filter_map(|id| Some((id.clone(), translator.format(id, None).ok()?))).collect();
        translator.fixed = fixed;
        translator
    }
}

/// All locales' messages.
#[derive(Debug, Default)]
pub struct Messages {
    translators: BTreeMap<String, Arc<Translator>>,
}

impl Messages {
    pub fn translator(&self, locale: &str) -> Arc<Translator> {
        self.translators.get(locale).cloned().expect("every configured locale has a translator")
    }

    /// Whether any locale defines message `key`.
    pub(super) fn defines(&self, key: &str) -> bool {
        self.translators.values().any(|t| t.ids.iter().any(|id| id == key))
    }
}

struct Definition {
    origin: PathBuf,
    line: usize,
    builtin: bool,
}

/// Builds a bundle per locale and checks that the locales define the same messages.
pub fn load(config: &Config, assets: &Assets) -> Result<Messages, Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let mut translators = BTreeMap::new();
    let mut definitions: BTreeMap<String, BTreeMap<String, Definition>> = BTreeMap::new();

    for locale in &config.locales {
        let files = assets.messages.get(locale).filter(|f| !f.is_empty());
        let Some(files) = files else {
            diagnostics.push(Diagnostic::error(
                "locales",
                0,
                0,
                format!("no UI messages for locale `{locale}`: add `locales/{locale}/ui.ftl` with the same messages as the other locales"),
            ));
            continue;
        };
        let defined = definitions.entry(locale.clone()).or_default();
        let translator = site_words::apply(config, load_locale(locale, files, defined, &mut diagnostics));
        translators.insert(locale.clone(), Arc::new(translator));
    }
    report_missing(&definitions, &mut diagnostics);

    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Messages { translators })
}

/// The translator of one locale from its Fluent files, built-in files
/// first: a site's message with the same id replaces the built-in one.
fn load_locale(
    locale: &str,
    files: &BTreeMap<String, TextAsset>,
    defined: &mut BTreeMap<String, Definition>,
    diagnostics: &mut Diagnostics,
) -> Translator {
    let langid = locale.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    // Built-in files first: a site's message with the same id replaces the built-in one.
    let mut ordered: Vec<_> = files.values().collect();
    ordered.sort_by_key(|asset| !asset.is_builtin());
    for asset in ordered {
        add_file(&mut bundle, asset, defined, diagnostics);
    }
    let ids = defined.keys().filter(|k| !k.starts_with('-')).cloned().collect();
    Translator::new(locale, bundle, ids)
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

/// Reports every message that one locale defines and another lacks.
fn report_missing(definitions: &BTreeMap<String, BTreeMap<String, Definition>>, diagnostics: &mut Diagnostics) {
    for (locale, defined) in definitions {
        for (other_locale, other) in definitions {
            if other_locale == locale {
                continue;
            }
            for (name, definition) in defined {
                if !other.contains_key(name) {
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
    }
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
mod tests {
    use super::*;
    use crate::content::assets::TextAsset;

    fn config(locales: &[&str]) -> Config {
        let yaml = format!(
            "organisation: T\ntitle: {{{}}}\nbase_url: https://e.org/\ndefault_locale: {}\nlocales: [{}]\naudiences:\n  - id: a\n    name: {{{}}}\n    slug: {{{}}}\nsections:\n  protocol: {{{}}}\n  glossary: {{{}}}\n",
            locales.iter().map(|l| format!("{l}: T")).collect::<Vec<_>>().join(", "),
            locales[0],
            locales.join(", "),
            locales.iter().map(|l| format!("{l}: A")).collect::<Vec<_>>().join(", "),
            locales.iter().map(|l| format!("{l}: a")).collect::<Vec<_>>().join(", "),
            locales.iter().map(|l| format!("{l}: p")).collect::<Vec<_>>().join(", "),
            locales.iter().map(|l| format!("{l}: g")).collect::<Vec<_>>().join(", "),
        );
        crate::config::parse(&yaml, std::path::Path::new("site.yaml")).unwrap()
    }

    fn assets(files: &[(&str, &str)]) -> Assets {
        let mut assets = Assets::default();
        for (locale, text) in files {
            assets.messages.entry((*locale).to_owned()).or_default().insert(
                "ui.ftl".into(),
                TextAsset { origin: PathBuf::from(format!("locales/{locale}/ui.ftl")), text: (*text).to_owned() },
            );
        }
        assets
    }

    #[test]
    fn plurals_need_numbers_and_no_isolation_marks() {
        let a = assets(&[(
            "nl",
            "rules = { $count ->\n    [one] 1 regel\n   *[other] { $count } regels\n}\nhi = Hallo { $name }\n",
        )]);
        let messages = load(&config(&["nl"]), &a).unwrap();
        let t = TranslateFunction(messages.translator("nl"));
        let call = |pairs: &[(&str, tera::Value)]| {
            let args: HashMap<String, tera::Value> = pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
            tera::Function::call(&t, &args)
        };
        assert_eq!(call(&[("key", "rules".into()), ("count", 1.into())]).unwrap(), "1 regel");
        assert_eq!(call(&[("key", "rules".into()), ("count", 12.into())]).unwrap(), "12 regels");
        assert_eq!(call(&[("key", "hi".into()), ("name", "Ans".into())]).unwrap(), "Hallo Ans");
        let missing_variable = call(&[("key", "hi".into())]).unwrap_err();
        assert!(format!("{missing_variable:?}").contains("name"), "{missing_variable:?}");
        assert!(call(&[("key", "hoi".into())]).is_err());
    }

    #[test]
    fn message_missing_in_one_locale_is_an_error_at_its_definition() {
        let a = assets(&[("nl", "a = A\nb = B\n"), ("en", "a = A\n")]);
        let errors = load(&config(&["nl", "en"]), &a).unwrap_err().sorted();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            "locales/nl/ui.ftl:2:1: message `b` is missing in locale `en`: add it to locales/en/ui.ftl"
        );
    }

    #[test]
    fn a_message_no_locale_defines_is_reported_where_a_template_uses_it() {
        let messages = load(&config(&["nl", "en"]), &assets(&[("nl", "a = A\n"), ("en", "a = A\n")])).unwrap();
        let mut templates = Assets::default();
        let text = "<p>{{ t(key=\"a\") }}</p>\n<p>{{ t( key = 'b' ) }} {{ t(key=\"a\" ~ x) }}</p>\n";
        templates.templates.insert(
            "page.html".into(),
            TextAsset { origin: PathBuf::from("themes/x/templates/page.html"), text: text.to_owned() },
        );
        let errors: Vec<String> =
            check_templates(&templates, &messages).sorted().iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            ["themes/x/templates/page.html:2:17: message `b` is used here, but no locale defines it; add it to the messages of every locale (locales/<locale>/*.ftl)"]
        );
    }

    #[test]
    fn a_site_message_replaces_the_built_in_one_by_id() {
        let mut a = assets(&[("nl", "a = A\nb = B\n"), ("en", "a = A\nb = B\n")]);
        a.messages.get_mut("nl").unwrap().insert(
            "school.ftl".into(),
            TextAsset { origin: PathBuf::from("locales/nl/school.ftl"), text: "b = Ons eigen B\n".into() },
        );
        for files in a.messages.values_mut() {
            for asset in files.values_mut().filter(|f| f.origin.ends_with("ui.ftl")) {
                asset.origin = PathBuf::from("(built-in)").join(&asset.origin);
            }
        }
        let messages = load(&config(&["nl", "en"]), &a).unwrap();
        assert_eq!(messages.translator("nl").get("b").unwrap(), "Ons eigen B");
        assert_eq!(messages.translator("en").get("b").unwrap(), "B");
    }

    #[test]
    fn locale_without_messages_and_syntax_errors_are_reported() {
        let a = assets(&[("nl", "a = A\nb = \n")]);
        let errors = load(&config(&["nl", "de"]), &a).unwrap_err().sorted();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            text.iter().any(|m| m.starts_with("locales/nl/ui.ftl:2:") && m.contains("invalid Fluent message")),
            "{text:?}"
        );
        assert!(text.iter().any(|m| m.contains("no UI messages for locale `de`")), "{text:?}");
    }
}
