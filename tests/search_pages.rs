//! Search on the `translations` fixture: a search form on every page, the
//! search page, and an index per language.

mod common;

use common::*;

#[test]
fn every_page_offers_search_and_the_index_has_both_languages() {
    let root = built_fixture("translations");
    for path in ["nl", "en/protocol", "nl/protocol/fotos", "en/protocol/klachten"] {
        let html = page(&root, path);
        assert_eq!(select(&html, "form[role=search] input[type=search]").len(), 1, "{path}");
    }
    for path in ["nl/search", "en/search"] {
        let search = page(&root, path);
        assert_eq!(select(&search, "main input[type=search]").len(), 1, "{path}");
        assert!(select(&search, "header form[role=search]").is_empty(), "{path} has its own form");
    }
    assert_eq!(attrs(&page(&root, "nl/protocol/fotos"), "header form[role=search]", "action"), ["../../../nl/search/"]);
    for file in [
        "pagefind/pagefind.js",
        "pagefind/pagefind-entry.json",
        "pagefind/wasm.nl.pagefind",
        "pagefind/wasm.en.pagefind",
    ] {
        assert!(root.join(file).is_file(), "{file}");
    }
    // The stop words of each language, from its messages: search.js leaves them out of a query.
    for (path, stop, kept) in [("nl/search", ["mag", "ik", "de"], "foto"), ("en/search", ["can", "i", "the"], "photo")]
    {
        let words = attrs(&page(&root, path), "[data-search]", "data-stop-words").join(" ");
        let words: Vec<&str> = words.split_whitespace().collect();
        assert!(stop.iter().all(|w| words.contains(w)), "{path}: {words:?}");
        assert!(!words.contains(&kept), "{path}");
    }
    let entry = std::fs::read_to_string(root.join("pagefind/pagefind-entry.json")).unwrap();
    assert!(entry.contains("\"nl\"") && entry.contains("\"en\""), "an index per language: {entry}");
}
