//! Versions, the onboarding path and the search index of the VSNON example.
//! (Translations that go out of date: tests/translations.rs.)

mod common;

use common::*;

#[test]
fn versions_change_log_and_acknowledgement() {
    let out = build(&repo());
    let root = out.path().join("site");
    let home = page(&root, "nl");
    assert!(text_of(&select(&home, "footer")[0]).contains("1.0"), "the version is on every page");
    let protocol = page(&root, "nl/protocol");
    assert!(select(&protocol, "main a[href]")
        .iter()
        .any(|a| a.value().attr("href").is_some_and(|h| h.ends_with("protocol/wijzigingen/"))));
    let changes = page(&root, "nl/protocol/wijzigingen");
    assert!(text_of(&select(&changes, "main")[0]).contains("Versie 1.0"));

    let form = page(&root, "nl/medewerkers/verklaring");
    let text = text_of(&select(&form, "main")[0]);
    assert!(
        text.contains("gelezen en begrepen") && text.contains("1.0") && text.contains("1 september 2025"),
        "{text}"
    );
    let staff = page(&root, "nl/medewerkers");
    let links: Vec<&str> = select(&staff, "main a[href]").iter().filter_map(|a| a.value().attr("href")).collect();
    assert!(links.contains(&"../../nl/medewerkers/verklaring/"), "the path ends in the acknowledgement: {links:?}");
    assert!(links.contains(&"../../nl/quiz/medewerkers/"), "and the staff quiz");
    assert!(!root.join("nl/leerlingen/verklaring").exists(), "only onboarding audiences get one");
}

#[test]
fn every_page_offers_search_and_the_index_has_both_languages() {
    let out = build(&repo());
    let root = out.path().join("site");
    for path in ["nl", "en/protocol", "nl/quiz/leerlingen"] {
        let html = page(&root, path);
        assert_eq!(select(&html, "form[role=search] input[type=search]").len(), 1, "{path}");
    }
    let search = page(&root, "nl/zoeken");
    assert_eq!(select(&search, "main input[type=search]").len(), 1);
    for file in [
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
        "pagefind/wasm.nl.pagefind",
        "pagefind/wasm.en.pagefind",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    let entry = std::fs::read_to_string(root.join("pagefind/pagefind-entry.json")).unwrap();
    assert!(entry.contains("\"nl\"") && entry.contains("\"en\""), "an index per language: {entry}");
}
