//! Translations on the `translations` fixture (Dutch original, English
//! translation): `fotos` is translated under another file name, `berichten`
//! was translated from an older original (`translated_from` does not match),
//! `klachten` and the quiz `quiz-fotos` have no English version yet. What a reader sees on each, what
//! `check` warns, and how `leidraad translated` clears the warning.

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn site() -> PathBuf {
    built_fixture("translations")
}

fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("translations"), dir.path());
    dir
}

const WARN_OUTDATED: &str = "content/en/protocol/messages.md:6:18: warning: this translation may be out of date: content/nl/protocol/berichten.md changed since it was translated; update the text, then run `leidraad translated content/en/protocol/messages.md`\n";
const WARN_UNTRANSLATED: &str = "content/nl/protocol/klachten.md: warning: not translated into `en` yet: its page shows this text with a notice; add content/en/protocol/<name>.md with `id: klachten`\ncontent/nl/quiz/fotos.md: warning: not translated into `en` yet: its page shows this text with a notice; add content/en/quiz/<name>.md with `id: quiz-fotos`\n";

#[test]
fn the_root_leads_straight_to_the_home_page_in_the_default_locale() {
    let root = page(&site(), "");
    // One refresh, no script: a visitor lands on the Dutch home page without a click.
    assert_eq!(attrs(&root, "meta[http-equiv=refresh]", "content"), ["0; url=nl/"]);
    assert!(select(&root, "script").is_empty());
    // A browser that does not follow it still offers each language.
    assert_eq!(attrs(&root, "main a[hreflang]", "href"), ["nl/", "en/"]);
}

#[test]
fn every_page_switches_to_its_counterpart() {
    let pairs = [
        ("nl", "en", "../en/"),
        ("en", "nl", "../nl/"),
        ("nl/protocol", "en", "../../en/protocol/"),
        ("nl/protocol/fotos", "en", "../../../en/protocol/photos/"),
        ("en/protocol/photos", "nl", "../../../nl/protocol/fotos/"),
        ("en/protocol/messages", "nl", "../../../nl/protocol/berichten/"),
        ("nl/protocol/klachten", "en", "../../../en/protocol/klachten/"),
        ("en/protocol/klachten", "nl", "../../../nl/protocol/klachten/"),
        ("nl/leerlingen", "en", "../../en/students/"),
        ("en/parents", "nl", "../../nl/ouders/"),
        ("nl/begrippen", "en", "../../en/glossary/"),
    ];
    for (path, other, href) in pairs {
        let html = page(&site(), path);
        let here = if other == "en" { "nl" } else { "en" };
        assert_eq!(attrs(&html, "html", "lang"), [here], "{path}");
        assert_eq!(attrs(&html, "header nav.lang-switch a", "href"), [href], "{path}");
        assert_eq!(attrs(&html, "header nav.lang-switch a", "hreflang"), [other], "{path}");
        assert_eq!(attrs(&html, "header nav.lang-switch [aria-current]", "lang"), [here], "{path}");
    }
    let html = page(&site(), "nl/protocol/fotos");
    assert_eq!(
        attrs(&html, "link[rel=alternate]", "href"),
        ["https://vertaling.example/nl/protocol/fotos/", "https://vertaling.example/en/protocol/photos/"]
    );
    // A link by id goes to the article in the reader's language.
    let messages = page(&site(), "en/protocol/messages");
    assert_eq!(attrs(&messages, "main li#r2 a:not(.rule-link)", "href"), ["../../../en/protocol/photos/#r1"]);
}

#[test]
fn a_page_not_yet_translated_shows_the_original_with_a_notice() {
    let html = page(&site(), "en/protocol/klachten");
    assert_eq!(
        texts(&html, "main .notice"),
        ["This text has not been translated yet. You are reading the original version. This page in its original language: Nederlands"]
    );
    assert_eq!(attrs(&html, "main .notice a[hreflang=nl][lang=nl]", "href"), ["../../../nl/protocol/klachten/"]);
    assert_eq!(texts(&html, "main h1[lang=nl]"), ["Klachten"]);
    assert_eq!(texts(&html, "main .prose[lang=nl] li#r1"), ["Een klacht meldt u bij de school, niet online."]);
    assert_eq!(texts(&html, "main dl.meta dd"), ["Parents", "Everywhere"], "the page's own words stay English");

    // Where it shares a page, the article alone is marked, in the page's language.
    for (path, up) in [("en/protocol", "../../"), ("en/parents", "../../")] {
        let html = page(&site(), path);
        assert_eq!(attrs(&html, "main [lang=nl].article-section", "id"), ["klachten"], "{path}");
        assert_eq!(
            texts(&html, "#klachten .notice-small[lang=en]"),
            ["This article has not been translated yet. Original version: Nederlands"],
            "{path}"
        );
        assert_eq!(attrs(&html, "#klachten .notice-small a", "href"), [format!("{up}nl/protocol/klachten/")]);
    }
    // The original has no notice.
    assert!(select(&page(&site(), "nl/protocol/klachten"), "main .notice").is_empty());
}

#[test]
fn a_quiz_not_yet_translated_shows_the_original_with_a_notice() {
    let html = page(&site(), "en/quiz/fotos");
    assert_eq!(attrs(&html, "main .notice a[hreflang=nl]", "href"), ["../../../nl/quiz/fotos/"]);
    assert_eq!(texts(&html, "main h1[lang=nl]"), ["Fotoquiz"]);
    assert_eq!(
        texts(&html, "main legend .question-prompt[lang=nl]"),
        ["Je deelt foto's van anderen zonder te vragen."]
    );
    assert_eq!(texts(&html, "main legend .question-number"), ["Question 1"], "the page's own words stay English");
    // Its refs lead to the English article, in the answer and on the end screen.
    assert_eq!(attrs(&html, "main [data-answer] .refs a", "href"), ["../../../en/protocol/photos/#r1"]);
    assert_eq!(texts(&html, "main [data-answer] .refs a .ref-full"), ["Rule 1 — Photos"]);
    assert_eq!(attrs(&html, "main [data-missed-for] .refs a", "href"), ["../../../en/protocol/photos/#r1"]);
    let list = page(&site(), "en/quiz");
    assert_eq!(texts(&list, "main .card-title a[lang=nl]"), ["Fotoquiz"]);
}

#[test]
fn an_audience_view_marks_an_untranslated_quiz_in_its_language() {
    let html = page(&site(), "en/students");
    assert_eq!(texts(&html, "main section.learning a[lang=nl]"), ["Fotoquiz"]);
}

#[test]
fn a_translation_of_an_older_original_says_it_may_be_out_of_date() {
    let html = page(&site(), "en/protocol/messages");
    assert_eq!(
        texts(&html, "main .notice"),
        ["This translation may be out of date. The current original text: Nederlands"]
    );
    assert_eq!(attrs(&html, "main .notice a[hreflang=nl]", "href"), ["../../../nl/protocol/berichten/"]);
    // Only the pager's untranslated neighbour (`klachten`) is Dutch.
    assert!(select(&html, "main [lang=nl]:not(a):not(.pager-title)").is_empty(), "the translation itself is English");
    let protocol = page(&site(), "en/protocol");
    assert_eq!(
        texts(&protocol, "#berichten .notice-small"),
        ["This translation may be out of date. Current original text: Nederlands"]
    );
    // A translation without `translated_from`, and every original, has none.
    for path in ["en/protocol/photos", "nl/protocol/berichten", "nl/protocol/fotos"] {
        assert!(select(&page(&site(), path), "main .notice").is_empty(), "{path}");
    }
}

#[test]
fn check_warns_of_both_and_still_passes() {
    let root = fixture("translations");
    let check = leidraad(&root, &["check"]);
    assert!(check.status.success(), "warnings are not errors: {}", stderr(&check));
    assert_eq!(stderr(&check), format!("{WARN_OUTDATED}{WARN_UNTRANSLATED}"));
}

#[test]
fn stamping_a_translation_clears_its_notice_until_the_original_changes() {
    let site = fixture_copy();
    let translated = |file: &str| leidraad(site.path(), &["translated", file]);
    let check = || stderr(&leidraad(site.path(), &["check"]));

    let stamped = translated("content/en/protocol/messages.md");
    assert!(stamped.status.success(), "{}", stderr(&stamped));
    assert_eq!(check(), WARN_UNTRANSLATED, "stamping clears the warning");
    let out = build(site.path());
    assert!(select(&page(&out.path().join("site"), "en/protocol/messages"), "main .notice").is_empty());

    let original = site.path().join("content/nl/protocol/berichten.md");
    let text = std::fs::read_to_string(&original).unwrap();
    std::fs::write(&original, text.replace("vriendelijke", "korte, vriendelijke")).unwrap();
    assert_eq!(check(), format!("{WARN_OUTDATED}{WARN_UNTRANSLATED}"), "a changed original");
    let out = build(site.path());
    let html = page(&out.path().join("site"), "en/protocol/messages");
    assert_eq!(attrs(&html, "main .notice a", "href"), ["../../../nl/protocol/berichten/"]);
}

#[test]
fn translated_refuses_originals() {
    let site = fixture_copy();
    let output = leidraad(
        Path::new("."),
        &[
            "translated",
            "--root",
            site.path().to_str().unwrap(),
            site.path().join("content/nl/protocol/berichten.md").to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("this is an original"), "{}", stderr(&output));
}

#[test]
fn the_pager_marks_an_untranslated_neighbour_in_its_language() {
    // en/protocol/messages is followed by `klachten`, shown in Dutch.
    let html = page(&site(), "en/protocol/messages");
    assert_eq!(texts(&html, "nav.pager .pager-next [lang=nl]"), ["Klachten"]);
}
