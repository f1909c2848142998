//! Register (form of address) and locales, on fixtures: the college's
//! parents are addressed as "u" and its students as "je" in every built-in
//! text of their pages; a one-locale site (`audiences`) has no language
//! switch and no link to a locale it lacks; a site with locales beyond the
//! built-in ones (`more-locales`) builds with one notice per locale, right
//! to left where its script is, and its untranslated text marked with the
//! language it is in.

mod common;

use common::*;
use scraper::Html;
use std::collections::BTreeSet;
use std::path::Path;

/// Words that address the reader informally.
const INFORMAL: &[&str] = &["je", "jij", "jou", "jouw", "jezelf", "jullie"];
/// Words that address the reader formally.
const FORMAL: &[&str] = &["u", "uw", "uzelf"];

/// The text of every file the site wrote itself (content and site.yaml),
/// lower-cased.
fn site_text(root: &Path) -> String {
    let files = walkdir::WalkDir::new(root).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file());
    files.filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect::<Vec<_>>().join("\n").to_lowercase()
}

/// Every piece of text a page shows, or reads out, or hands to its
/// scripts (`data-label-*`), that is not text of the site's own files: the
/// built-in messages.
fn builtin_texts(html: &Html, site_text: &str) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for element in select(html, "html, html *") {
        if matches!(element.value().name(), "script" | "style") {
            continue;
        }
        for node in element.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())) {
            texts.push(node);
        }
        for (name, value) in element.value().attrs() {
            if name.starts_with("data-label") || matches!(name, "aria-label" | "title" | "placeholder" | "alt") {
                texts.push(value.to_owned());
            }
        }
    }
    texts
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && !site_text.contains(&t.to_lowercase()))
        .collect()
}

/// The words of `texts` that are in `words`, with the text each is in.
fn uses<'a>(texts: &'a [String], words: &[&str]) -> Vec<(&'a str, String)> {
    let mut found = Vec::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase) {
            if words.contains(&word.as_str()) {
                found.push((text.as_str(), word));
            }
        }
    }
    found
}

#[test]
fn every_built_in_text_on_a_parents_page_says_u_and_on_a_students_page_je() {
    let site = built_fixture("college");
    let own = site_text(&fixture("college"));
    for path in ["nl/ouders", "nl/oefenen/ouders"] {
        let texts = builtin_texts(&page(&site, path), &own);
        assert_eq!(uses(&texts, INFORMAL), [], "{path} addresses parents informally");
        assert!(texts.iter().any(|t| t == "Naar de inhoud"), "the skip link is built-in text: {texts:?}");
    }
    let quiz = builtin_texts(&page(&site, "nl/oefenen/ouders"), &own);
    assert!(uses(&quiz, FORMAL).len() >= 5, "{quiz:?}");
    for expected in ["Uw resultaat", "Gehaald! U kent de afspraken goed.", "Uw antwoorden zijn gewist."] {
        assert!(quiz.iter().any(|t| t == expected), "{expected} in {quiz:?}");
    }
    for path in ["nl/studenten", "nl/oefenen/studenten"] {
        let texts = builtin_texts(&page(&site, path), &own);
        assert_eq!(uses(&texts, FORMAL), [], "{path} addresses students formally");
    }
    let quiz = builtin_texts(&page(&site, "nl/oefenen/studenten"), &own);
    assert!(quiz.iter().any(|t| t == "Je resultaat"), "{quiz:?}");
    // English has one form of address: the parents' quiz reads as before.
    let english = page(&site, "en/practice/parents");
    assert_eq!(texts(&english, "#quiz-result-title"), ["Your result"]);
}

#[test]
fn a_register_the_locale_does_not_know_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("college"), dir.path());
    let yaml = std::fs::read_to_string(dir.path().join("site.yaml")).unwrap();
    let yaml = yaml.replace("register: { nl: u }", "register: { nl: U, en: formal }");
    std::fs::write(dir.path().join("site.yaml"), &yaml).unwrap();
    let line = yaml.lines().position(|l| l.contains("nl: U")).unwrap() + 1;
    let output = leidraad(dir.path(), &["check"]);
    assert!(!output.status.success());
    let errors = stderr(&output);
    let column = yaml.lines().nth(line - 1).unwrap().find(" U,").unwrap() + 2;
    assert!(
        errors.contains(&format!("site.yaml:{line}:{column}: register `U` is not one that the messages of locale `nl` know; choose one of `je`, `u` (message `registers` in locales/nl/ui.ftl)")),
        "{errors}"
    );
    assert!(errors.contains("register `formal`: the messages of locale `en` declare no registers"), "{errors}");
}

#[test]
fn a_one_locale_site_has_no_language_switch_and_no_link_to_another_locale() {
    let site = built_fixture("audiences");
    let pages: Vec<_> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.into_path())
        .collect();
    assert!(pages.len() > 10, "{pages:?}");
    for file in &pages {
        let html = Html::parse_document(&std::fs::read_to_string(file).unwrap());
        let name = file.strip_prefix(&site).unwrap().display();
        assert!(select(&html, "nav.lang-switch, .lang-current").is_empty(), "{name} has a language switch");
        assert!(select(&html, "link[rel=alternate][hreflang]").is_empty(), "{name} has hreflang links");
        let languages: BTreeSet<String> = attrs(&html, "[hreflang]", "hreflang").into_iter().collect();
        assert!(languages.iter().all(|l| l == "nl"), "{name}: {languages:?}");
        let hrefs = attrs(&html, "[href]", "href");
        assert!(!hrefs.iter().any(|h| h.starts_with("en/") || h.contains("/en/")), "{name}: {hrefs:?}");
    }
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/en/"), "{sitemap}");
    // The root has no language to offer: it leads to the one home page.
    let root = page(&site, "");
    assert_eq!(attrs(&root, "meta[http-equiv=refresh]", "content"), ["0; url=nl/"]);
    assert_eq!(attrs(&root, "main a", "href"), ["nl/"]);
}

#[test]
fn locales_beyond_the_built_in_ones_build_with_a_notice_each() {
    let root = fixture("more-locales");
    let out = tempfile::tempdir().unwrap();
    let output = leidraad(&root, &["build", "--out", out.path().join("site").to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let errors = stderr(&output);
    let notices: Vec<&str> = errors.lines().filter(|l| l.contains("ui.ftl")).collect();
    assert_eq!(notices.len(), 2, "one notice per locale that lacks messages, not one per page: {errors}");
    assert!(
        notices[0]
            .contains("locales/ar/ui.ftl: warning: locale `ar` has no UI messages of its own: its pages show all "),
        "{errors}"
    );
    assert!(notices[1].contains("locales/fy/ui.ftl: warning: locale `fy` lacks "), "{errors}");
    assert!(notices[1].contains("`who-are-you`") && !notices[1].contains("`nav-home`"), "{errors}");

    let site = out.path().join("site");
    // Arabic is written right to left, the others left to right.
    assert_eq!(attrs(&page(&site, "ar"), "html", "dir"), ["rtl"]);
    for locale in ["nl", "en", "fy"] {
        assert_eq!(attrs(&page(&site, locale), "html", "dir"), Vec::<String>::new(), "{locale}");
    }
    // Frisian's own messages, and Dutch where it has none.
    let frisian = page(&site, "fy/protokol/regels");
    assert_eq!(attrs(&frisian, "html", "lang"), ["fy"]);
    assert_eq!(texts(&frisian, "nav.pager .pager-label"), ["Folgjende"]);
    assert_eq!(texts(&frisian, ".lang-switch [lang=fy]"), ["Frysk"]);
    assert_eq!(texts(&frisian, ".skip-link"), ["Naar de inhoud"]);
    // Text not yet translated is shown in Dutch, marked as Dutch.
    assert_eq!(texts(&frisian, "nav.pager .pager-next [lang=nl]"), ["3 Klachten"]);
    let untranslated = page(&site, "fy/protokol/klachten");
    assert_eq!(attrs(&untranslated, "main .prose", "lang"), ["nl"]);
    let arabic = page(&site, "ar/protocol/regels");
    assert_eq!(attrs(&arabic, "html", "lang"), ["ar"]);
    assert_eq!(attrs(&arabic, "main .prose", "lang"), ["nl"]);
    // Dutch is written left to right, also on an Arabic page.
    assert_eq!(attrs(&arabic, "main .prose", "dir"), ["ltr"]);
    assert_eq!(attrs(&untranslated, "main .prose", "dir"), Vec::<String>::new());
    assert_eq!(texts(&arabic, "main .prose li"), ["We delen geen foto's.", "We zijn aardig online."]);
    // A locale without a name of its own is listed by its code.
    assert_eq!(texts(&arabic, ".lang-switch [lang=ar]"), ["ar"]);
}
