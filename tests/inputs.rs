//! Untrusted input: every error of a run at once without cascades, NUL and
//! placeholder marks refused where they are read, and YAML nested or sized
//! beyond any real site answered at once with its position.

mod common;

use common::*;
use std::path::Path;

fn errors(dir: &Path) -> Vec<String> {
    let output = leidraad(dir, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    stderr(&output)
        .lines()
        .filter(|l| !l.contains(" warning: ") && !l.ends_with("nothing was written"))
        .map(str::to_owned)
        .collect()
}

fn write(dir: &Path, relative: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn one_broken_file_does_not_hide_the_errors_of_others() {
    let site = site_with(Some("all-at-once"));
    let errors = errors(site.path());
    assert_eq!(errors.len(), 4, "{errors:#?}");
    // The raw-HTML rules are being replaced; only the place is pinned here.
    assert!(errors[0].starts_with("content/nl/protocol/derde.md:9:"), "{errors:#?}");
    assert_eq!(
        errors[1..],
        [
            "content/nl/protocol/eerste.md:5:8: `order`: invalid type: string \"tien\", expected a whole number",
            "content/nl/protocol/tweede.md:4:13: unknown audience `leerling`; did you mean `leerlingen`?; site.yaml defines leerlingen, ouders, all",
            "content/nl/protocol/vierde.md:7:53: link to unknown id `nergens`",
        ]
    );
}

#[test]
fn a_broken_site_yaml_says_that_content_was_not_checked() {
    let site = site_with(Some("all-at-once"));
    write(site.path(), "site.yaml", std::fs::read_to_string(site.path().join("site.yaml")).unwrap() + "colour: [\n");
    let output = leidraad(site.path(), &["check"]);
    let err = stderr(&output);
    assert!(err.starts_with("site.yaml:"), "{err}");
    assert!(
        err.contains("content: warning: not checked, because site.yaml has errors; fix those and run again"),
        "{err}"
    );
}

#[test]
fn nul_in_markdown_is_refused_where_it_is() {
    let site = site_with(None);
    let path = "content/nl/protocol/regels.md";
    let text = std::fs::read_to_string(site.path().join(path)).unwrap().replace("We delen", "We\0 delen");
    write(site.path(), path, text);
    assert_eq!(
        errors(site.path()),
        ["content/nl/protocol/regels.md:9:6: the file contains a NUL character (U+0000), which is not text; remove it, or if the file was saved as UTF-16, save it as UTF-8"]
    );
}

#[test]
fn the_placeholder_mark_is_refused_in_every_kind_of_file() {
    let site = site_with(None);
    write(
        site.path(),
        "content/nl/glossary.yaml",
        "- id: foto\n  term: foto\n  definition: Een \u{E000}Rafbeelding.\n",
    );
    write(site.path(), "locales/en/extra.ftl", "greeting = Hi \u{E000}R\n");
    write(site.path(), "themes/default/templates/partials/extra.html", "<p>\u{E000}R</p>\n");
    let mark = "the file contains the private-use character U+E000, which leidraad reserves for its own use; remove it";
    assert_eq!(
        errors(site.path()),
        [
            format!("content/nl/glossary.yaml:3:19: {mark}"),
            format!("locales/en/extra.ftl:1:15: {mark}"),
            format!("themes/default/templates/partials/extra.html:1:4: {mark}"),
        ]
    );
}

#[test]
fn the_placeholder_mark_in_site_yaml_is_refused() {
    let site = site_with(None);
    let text = std::fs::read_to_string(site.path().join("site.yaml")).unwrap().replace("Testschool", "Test\u{E000}R");
    write(site.path(), "site.yaml", text);
    let err = stderr(&leidraad(site.path(), &["check"]));
    assert!(err.starts_with("site.yaml:1:19: the file contains the private-use character U+E000"), "{err}");
}

#[test]
fn deep_nesting_is_answered_with_its_position() {
    let site = site_with(None);
    let front = "---\nid: regels\ntitle: Regels\naudiences: [all]\norder: 10\nsummary: ";
    write(site.path(), "content/nl/protocol/regels.md", format!("{front}{}\n---\nText.\n", "[".repeat(100_000)));
    write(
        site.path(),
        "content/nl/glossary.yaml",
        format!("- id: foto\n  term: foto\n  definition:\n{}x\n", "  - ".repeat(100_000)),
    );
    let too_deep = "the YAML nests more than 128 lists or maps inside each other here; no site needs that: close the brackets (`]`, `}`) or remove levels of indentation";
    // The outer map or list is the first level; the 128th bracket opens the 129th.
    // In the glossary, the first `-` shares the indentation of its key's map.
    assert_eq!(
        errors(site.path()),
        [
            format!("content/nl/glossary.yaml:4:{}: {too_deep}", 3 + 4 * 127),
            format!("content/nl/protocol/regels.md:6:{}: {too_deep}", 10 + 127)
        ]
    );
}

#[test]
fn a_message_no_locale_defines_is_reported_at_the_template_line_that_uses_it() {
    let site = site_with(None);
    let builtin = common::repo().join("themes/default/templates/404.html");
    let text = std::fs::read_to_string(builtin).unwrap();
    let at = text.find("t(key=\"back-home\")").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 8;
    write(
        site.path(),
        "themes/default/templates/404.html",
        text.replace("t(key=\"back-home\")", "t(key=\"back-hom\")"),
    );
    assert_eq!(
        errors(site.path()),
        [format!("themes/default/templates/404.html:{line}:{column}: message `back-hom` is used here, but no locale defines it; add it to the messages of every locale (locales/<locale>/*.ftl); did you mean `back-home`?")]
    );
}

#[test]
fn a_problem_in_a_glossary_definition_is_reported_where_it_is() {
    let site = site_with(None);
    write(
        site.path(),
        "content/nl/glossary.yaml",
        "- id: foto\n  term: foto\n  definition: Zie [iets](nergens).\n- id: film\n  term: film\n  definition: |\n    Eerste regel.\n\n    Zie [x](niets).\n",
    );
    assert_eq!(
        errors(site.path()),
        [
            "content/nl/glossary.yaml:3:19: link to unknown id `nergens`",
            "content/nl/glossary.yaml:9:9: link to unknown id `niets`",
        ]
    );
}
