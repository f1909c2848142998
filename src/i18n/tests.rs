use super::*;
use crate::content::assets::TextAsset;
use std::path::Path;

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
    let mut assets = Assets { locales_dir: PathBuf::from("locales"), ..Assets::default() };
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
    let (messages, _) = load(&config(&["nl"]), &a).unwrap();
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
    let (messages, _) = load(&config(&["nl", "en"]), &assets(&[("nl", "a = A\n"), ("en", "a = A\n")])).unwrap();
    let mut templates = Assets::default();
    let text = "<p>{{ t(key=\"a\") }}</p>\n<p>{{ t( key = 'b' ) }} {{ t(key=\"a\" ~ x) }}</p>\n";
    templates.templates.insert(
        "page.html".into(),
        TextAsset { origin: PathBuf::from("themes/x/templates/page.html"), text: text.to_owned() },
    );
    let errors: Vec<String> = check_templates(&templates, &messages).sorted().iter().map(ToString::to_string).collect();
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
    let (messages, _) = load(&config(&["nl", "en"]), &a).unwrap();
    assert_eq!(messages.translator("nl").get("b").unwrap(), "Ons eigen B");
    assert_eq!(messages.translator("en").get("b").unwrap(), "B");
}

#[test]
fn locale_without_messages_and_syntax_errors_are_reported() {
    let a = assets(&[("nl", "a = A\nb = \n")]);
    let errors = load(&config(&["de", "nl"]), &a).unwrap_err().sorted();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|m| m.starts_with("locales/nl/ui.ftl:2:") && m.contains("invalid Fluent message")),
        "{text:?}"
    );
    // The default locale has no other's to fall back to.
    assert!(text.iter().any(|m| m.contains("no UI messages for locale `de`")), "{text:?}");
    // A site's own message is not built in: another locale must have it.
    let errors = load(&config(&["nl", "de"]), &assets(&[("nl", "a = A\n")])).unwrap_err().sorted();
    assert_eq!(
        errors[0].to_string(),
        "locales/nl/ui.ftl:1:1: message `a` is missing in locale `de`: add it to locales/de/ui.ftl"
    );
}

/// `files` as leidraad's own messages.
fn builtin(files: &[(&str, &str)]) -> Assets {
    let mut a = assets(files);
    for asset in a.messages.values_mut().flat_map(BTreeMap::values_mut) {
        asset.origin = PathBuf::from("(built-in)").join(&asset.origin);
    }
    a
}

#[test]
fn built_in_messages_a_locale_lacks_fall_back_with_one_notice() {
    let a = builtin(&[("nl", "language-name = Nederlands\na = A\nb = B\nc = C\n"), ("fy", "a = Frysk A\n")]);
    let (messages, notices) = load(&config(&["nl", "fy", "ar"]), &a).unwrap();
    let text: Vec<String> = notices.sorted().iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "locales/ar/ui.ftl: warning: locale `ar` has no UI messages of its own: its pages show all 4 built-in messages in `nl`, the default locale; translate them in locales/ar/ui.ftl, starting from a copy of leidraad's locales/nl/ui.ftl",
            "locales/fy/ui.ftl: warning: locale `fy` lacks 3 of the built-in messages; its pages show them in `nl`, the default locale, until they are translated here: `b`, `c`, `language-name`",
        ]
    );
    assert_eq!(messages.translator("fy").get("a").unwrap(), "Frysk A");
    assert_eq!(messages.translator("fy").get("b").unwrap(), "B");
    assert_eq!(messages.translator("ar").get("c").unwrap(), "C");
    assert_eq!(messages.language_name("fy"), "fy");
    assert_eq!(messages.language_name("nl"), "Nederlands");
}

const REGISTERED: &str =
    "registers = je, u\nregister-default = je\nq = { $register ->\n    [u] Wat weet u?\n   *[je] Wat weet je?\n}\n";

#[test]
fn each_register_has_its_wording_and_the_site_picks_per_audience() {
    let a = builtin(&[("nl", REGISTERED), ("en", "q = What do you know?\n")]);
    let yaml = "organisation: T\ntitle: { nl: T, en: T }\nbase_url: https://e.org/\ndefault_locale: nl\nlocales: [nl, en]\naudiences:\n  - id: a\n    name: { nl: A, en: A }\n    slug: { nl: a, en: a }\n  - id: b\n    name: { nl: B, en: B }\n    slug: { nl: b, en: b }\n    register: { nl: u }\nsections:\n  protocol: { nl: p, en: p }\n  glossary: { nl: g, en: g }\n";
    let config = crate::config::parse(yaml, Path::new("site.yaml")).unwrap();
    let (messages, notices) = load(&config, &a).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(messages.registers("nl"), ["je", "u"]);
    assert_eq!(messages.registers("en"), Vec::<&str>::new());
    let wording = |locale: &str, audiences: &[usize]| {
        let register = messages.register_for(&config, locale, audiences);
        messages.translator_in(locale, register.as_deref()).get("q").unwrap()
    };
    assert_eq!(wording("nl", &[1]), "Wat weet u?");
    assert_eq!(wording("nl", &[0]), "Wat weet je?");
    assert_eq!(wording("nl", &[0, 1]), "Wat weet je?");
    assert_eq!(wording("nl", &[]), "Wat weet je?");
    assert_eq!(wording("en", &[1]), "What do you know?");
    // The site's default register for a locale.
    let config =
        crate::config::parse(&yaml.replace("sections:", "register: { nl: u }\nsections:"), Path::new("site.yaml"))
            .unwrap();
    let (messages, _) = load(&config, &a).unwrap();
    assert_eq!(
        messages.translator_in("nl", messages.register_for(&config, "nl", &[]).as_deref()).get("q").unwrap(),
        "Wat weet u?"
    );
}

#[test]
fn a_register_the_locale_does_not_know_is_an_error_where_it_is_set() {
    let a = builtin(&[("nl", REGISTERED), ("en", "q = What do you know?\n")]);
    let yaml = "organisation: T\ntitle: { nl: T, en: T }\nbase_url: https://e.org/\ndefault_locale: nl\nlocales: [nl, en]\nregister: { nl: jij }\naudiences:\n  - id: a\n    name: { nl: A, en: A }\n    slug: { nl: a, en: a }\n    register: { nl: u, en: formal }\nsections:\n  protocol: { nl: p, en: p }\n  glossary: { nl: g, en: g }\n";
    let config = crate::config::parse(yaml, Path::new("site.yaml")).unwrap();
    let errors: Vec<String> = load(&config, &a).unwrap_err().sorted().iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "site.yaml:6:17: register `jij` is not one that the messages of locale `nl` know; choose one of `je`, `u` (message `registers` in locales/nl/ui.ftl)",
            "site.yaml:11:28: register `formal`: the messages of locale `en` declare no registers, so its pages have one form of address; remove `en: formal`, or declare the registers in locales/en/ui.ftl (message `registers`)",
        ]
    );
}
