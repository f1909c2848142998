//! Search finds the rule that answers a reader's words: each rule is a page
//! of the index with its anchor, number and text; a word typed in the
//! singular finds the plural of the text (and the other way round); a
//! site's synonyms find the phrase they stand for. Read back from the files
//! the index writer makes (ranking and stop words are the search page's:
//! tests/browser `search-queries`, and `search_pages.rs`).

mod common;

use common::*;
use leidraad::markdown::PlainText;
use leidraad::search::expand::{Expansion, Synonym};
use leidraad::search::{format, locale_records, words, Record};
use std::collections::BTreeMap;
use std::io::Read;

fn unzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    out.split_off(b"pagefind_dcd".len())
}

/// Every word of an index: its pages (in the order of the records) with
/// their positions as pagefind packs them.
fn index_words<B: AsRef<[u8]>>(files: &[(String, B)]) -> BTreeMap<String, Vec<(u64, Vec<i64>)>> {
    let mut words = BTreeMap::new();
    for (_, bytes) in files.iter().filter(|(name, _)| name.ends_with(".pf_index")) {
        let bytes = unzip(bytes.as_ref());
        let mut d = minicbor::Decoder::new(&bytes);
        d.array().unwrap();
        for _ in 0..d.array().unwrap().unwrap() {
            d.array().unwrap();
            let word = d.str().unwrap().to_owned();
            let mut pages = Vec::new();
            let mut page = 0;
            for _ in 0..d.array().unwrap().unwrap() {
                d.array().unwrap();
                page += d.u64().unwrap();
                let locs: Vec<i64> = (0..d.array().unwrap().unwrap()).map(|_| d.i64().unwrap()).collect();
                d.skip().unwrap();
                pages.push((page, locs));
            }
            d.skip().unwrap();
            words.insert(word, pages);
        }
    }
    words
}

fn record(url: &str, text: &str) -> Record<'static> {
    Record {
        url: url.to_owned(),
        text: vec![std::borrow::Cow::Owned(PlainText::block(text))],
        meta: BTreeMap::from([("title".to_owned(), "Regels".to_owned())]),
        filters: BTreeMap::new(),
    }
}

fn version() -> format::Version {
    format::Version { number: "1.6.0".to_owned(), word_characters: vec!['_'] }
}

/// Whether a query word, stemmed as pagefind's browser side stems it, finds
/// an indexed word (pagefind finds every word that starts with the query's).
fn finds(index: &BTreeMap<String, Vec<(u64, Vec<i64>)>>, query: &str) -> bool {
    let stem = words::stemmer("nl").unwrap().stem(query).into_owned();
    index.keys().any(|w| w.starts_with(&stem))
}

#[test]
fn a_singular_finds_the_plural_of_the_text_and_the_plural_the_singular() {
    let records = [record("nl/a/", "Deel nooit je wachtwoorden."), record("nl/b/", "Je wachtwoord is geheim.")];
    let stem = words::stemmer("nl").unwrap().stem("wachtwoord").into_owned();
    let found = |index: &BTreeMap<String, Vec<(u64, Vec<i64>)>>| -> Vec<u64> {
        let pages = index.iter().filter(|(w, _)| w.starts_with(&stem)).flat_map(|(_, p)| p.iter().map(|(n, _)| *n));
        let mut pages: Vec<u64> = pages.collect();
        pages.sort();
        pages.dedup();
        pages
    };
    let plain = index_words(&format::build("nl", &version(), &records).files);
    assert_eq!(found(&plain), [1], "pagefind alone: the stem of the plural (wachtwoor) is shorter than the query's");
    let index =
        index_words(&format::build_expanded("nl", &version(), &records, &Expansion::with_synonyms(vec![])).files);
    assert_eq!(found(&index), [0, 1], "the singular finds both pages");
    assert!(finds(&index, "wachtwoorden"), "the plural finds them too");
    // The added form weighs half (-13 is pagefind's marker for weight 12).
    assert_eq!(index["wachtwoorden"], [(0, vec![-13, 3])]);
}

#[test]
fn a_synonym_is_indexed_where_its_phrase_is() {
    let records = [record("nl/a/", "Gebruik geen fictieve naam als afzender.")];
    let synonyms = vec![Synonym { phrase: "fictieve naam".to_owned(), words: vec!["nepaccount".to_owned()] }];
    let index =
        index_words(&format::build_expanded("nl", &version(), &records, &Expansion::with_synonyms(synonyms)).files);
    assert_eq!(index["nepaccount"], [(0, vec![-13, 2])], "at the place of `fictieve`, at half weight");
    let without = index_words(&format::build_expanded("nl", &version(), &records, &Expansion::none()).files);
    assert!(!without.contains_key("nepaccount"));
}

/// The minimal fixture with an article of rules, a footnote and synonyms.
fn site() -> tempfile::TempDir {
    let dir = site_with(None);
    let content = dir.path().join("content/nl");
    std::fs::write(
        content.join("protocol/accounts.md"),
        "---\nid: accounts\ntitle: Accounts\naudiences: [all]\norder: 20\n---\nZo gaan we om met accounts.\n\n\
         1. We delen geen wachtwoorden.\n2. We gebruiken geen fictieve naam.[^1]\n\n[^1]: Een verzonnen naam van een ander.\n",
    )
    .unwrap();
    std::fs::write(content.join("synonyms.yaml"), "nepaccount: [fictieve naam]\n").unwrap();
    dir
}

#[test]
fn each_rule_is_a_page_with_its_anchor_number_and_text() {
    let dir = site();
    let sources = leidraad::content::load(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let (site, _, problems) = leidraad::model::build(&sources);
    assert!(!problems.has_errors(), "{problems}");
    let nl = site.locales.iter().find(|l| l.locale == "nl").unwrap();
    let records = locale_records(&site, nl);
    let text = |r: &Record| r.text.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ");
    let rule = records.iter().find(|r| r.url.ends_with("nl/protocol/accounts/#r2")).expect("rule 2 is a page");
    assert_eq!((rule.meta["kind"].as_str(), rule.meta["rule"].as_str()), ("rule", "2"));
    assert_eq!(rule.meta["title"], "Accounts");
    assert_eq!(text(rule), "We gebruiken geen fictieve naam.", "the rule's own text, without the note");
    let first = records.iter().find(|r| r.url.ends_with("nl/protocol/accounts/#r1")).unwrap();
    assert_eq!(text(first), "We delen geen wachtwoorden.");
    let article = records.iter().find(|r| r.url.ends_with("nl/protocol/accounts/")).unwrap();
    assert_eq!(article.meta["kind"], "article");
    let rest = text(article);
    assert!(rest.contains("Zo gaan we om met accounts") && rest.contains("verzonnen naam"), "{rest}");
    assert!(!rest.contains("wachtwoorden") && !rest.contains("fictieve"), "the rules are not counted twice: {rest}");

    // synonyms.yaml of the locale reaches the index: `nepaccount` on the page of rule 2.
    let files = leidraad::search::index(&site).unwrap_or_else(|e| panic!("{e}"));
    let nl_files: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|(name, _)| name.contains("/nl_"))
        .map(|(name, bytes)| (name.clone(), bytes.to_vec()))
        .collect();
    let index = index_words(&nl_files);
    assert!(index.contains_key("nepaccount"), "{:?}", index.keys().collect::<Vec<_>>());
    let rule_page = records.iter().position(|r| r.url.ends_with("accounts/#r2")).unwrap() as u64;
    assert_eq!(index["nepaccount"].iter().map(|(p, _)| *p).collect::<Vec<_>>(), [rule_page]);
}
