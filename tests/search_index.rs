//! leidraad writes its search index itself, in the format of pagefind, whose
//! browser side the site ships (src/search/format.rs). Given the same pages,
//! pagefind's own indexer must make the same index: the same files with the
//! same names and, once unzipped, the same bytes. This holds the two side by
//! side on both example sites and on text made to hit the corners of word
//! splitting (diacritics, compound words, emoji, dotted names).

mod common;

use common::repo;
use leidraad::markdown::PlainText;
use leidraad::search::{format, locale_records, Record};
use std::collections::BTreeMap;
use std::io::Read;

/// The text of `record` as pagefind's HTML reader passes it on: words, with
/// markers where weights change and anchors start.
fn pagefind_digest(record: &Record) -> String {
    let mut text = PlainText::default();
    for part in &record.text {
        text.append(part);
    }
    let mut digest = Vec::new();
    let words: Vec<&str> = text.text.split(' ').filter(|w| !w.is_empty()).collect();
    for (i, word) in words.iter().enumerate() {
        let i = i as u32;
        for (n, anchor) in text.anchors.iter().enumerate().filter(|(_, a)| a.word == i) {
            digest.push(format!("___PAGEFIND_ANCHOR___{}:{n}:{}", anchor.element, anchor.id));
        }
        for heading in text.headings.iter().filter(|h| h.start == i) {
            digest.push(format!("___PAGEFIND_AUTO_WEIGHT___{}", 8 - heading.level));
        }
        digest.push((*word).to_owned());
        if text.headings.iter().any(|h| h.end == i + 1) {
            digest.push("___END_PAGEFIND_WEIGHT___".to_owned());
        }
    }
    digest.join(" ")
}

fn unzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    assert!(out.starts_with(b"pagefind_dcd"), "pagefind's marker comes first");
    out.split_off(b"pagefind_dcd".len())
}

fn is_index_file(name: &str) -> bool {
    name.ends_with(".pf_meta")
        || name.ends_with(".pf_index")
        || name.ends_with(".pf_fragment")
        || name.ends_with(".pf_filter")
}

/// The index pagefind makes of `records`, file name to unzipped bytes, and
/// the version and word characters its entry file names.
fn by_pagefind(language: &str, records: &[Record]) -> (BTreeMap<String, Vec<u8>>, format::Version) {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(async {
        let options = pagefind::options::PagefindServiceConfig::builder().keep_index_url(true).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(options)).unwrap();
        for record in records {
            index
                .add_custom_record(
                    record.url.clone(),
                    pagefind_digest(record),
                    language.to_owned(),
                    Some(record.meta.clone()),
                    Some(record.filters.clone()),
                    None,
                )
                .await
                .unwrap();
        }
        let files: BTreeMap<String, Vec<u8>> = index
            .get_files()
            .await
            .unwrap()
            .into_iter()
            .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
            .collect();
        let entry: serde_json::Value = serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
        let version = format::Version {
            number: entry["version"].as_str().unwrap().to_owned(),
            word_characters: entry["include_characters"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().chars().next().unwrap())
                .collect(),
        };
        let index = files.into_iter().filter(|(name, _)| is_index_file(name)).map(|(n, b)| (n, unzip(&b))).collect();
        (index, version)
    })
}

fn by_leidraad(language: &str, version: &format::Version, records: &[Record]) -> BTreeMap<String, Vec<u8>> {
    let index = format::build(language, version, records);
    index.files.into_iter().map(|(name, bytes)| (name, unzip(&bytes))).collect()
}

/// Pagefind keeps no text for anchors of records it is handed as text;
/// leidraad keeps that of headings. Everything else must match.
fn without_anchor_texts<'a>(records: &[Record<'a>]) -> Vec<Record<'a>> {
    let mut records = records.to_vec();
    for record in &mut records {
        for part in &mut record.text {
            part.to_mut().anchors.iter_mut().for_each(|a| a.text.clear());
        }
    }
    records
}

fn assert_same_index(what: &str, language: &str, records: &[Record]) {
    let records = without_anchor_texts(records);
    let (theirs, version) = by_pagefind(language, &records);
    assert!(version.word_characters.contains(&'_'), "{version:?}");
    let ours = by_leidraad(language, &version, &records);
    let names = |index: &BTreeMap<String, Vec<u8>>| index.keys().cloned().collect::<Vec<_>>();
    // Fragments first, by address: a difference there renames the files.
    let fragments = |index: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, serde_json::Value> {
        index
            .iter()
            .filter(|(name, _)| name.ends_with(".pf_fragment"))
            .map(|(_, bytes)| serde_json::from_slice::<serde_json::Value>(bytes).unwrap())
            .map(|v| (v["url"].as_str().unwrap().to_owned(), v))
            .collect()
    };
    let (our_fragments, their_fragments) = (fragments(&ours), fragments(&theirs));
    assert_eq!(our_fragments.keys().collect::<Vec<_>>(), their_fragments.keys().collect::<Vec<_>>(), "{what}: pages");
    for (url, theirs) in &their_fragments {
        assert_eq!(&our_fragments[url], theirs, "{what}: the fragment of {url}");
    }
    let words = |index: &BTreeMap<String, Vec<u8>>| -> String {
        index
            .iter()
            .filter(|(name, _)| name.ends_with(".pf_index"))
            .map(|(_, bytes)| minicbor::display(bytes).to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (our_words, their_words) = (words(&ours), words(&theirs));
    if our_words != their_words {
        let at = our_words.bytes().zip(their_words.bytes()).position(|(a, b)| a != b).unwrap_or(0);
        let around = |s: &str| s[at.saturating_sub(200)..(at + 200).min(s.len())].to_owned();
        panic!(
            "{what}: the word index differs:\n ours:     {}\n pagefind: {}",
            around(&our_words),
            around(&their_words)
        );
    }
    assert_eq!(names(&ours), names(&theirs), "{what}: the same files");
    for (name, bytes) in &theirs {
        if ours[name] != *bytes {
            let at =
                ours[name].iter().zip(bytes).position(|(a, b)| a != b).unwrap_or(bytes.len().min(ours[name].len()));
            let show =
                |b: &[u8]| String::from_utf8_lossy(&b[at.saturating_sub(40)..(at + 80).min(b.len())]).into_owned();
            panic!(
                "{what}: {name} differs at byte {at}:\n ours:     {}\n pagefind: {}",
                show(&ours[name]),
                show(bytes)
            );
        }
    }
    assert!(
        theirs.keys().any(|n| n.ends_with(".pf_meta")) && theirs.len() > 3,
        "{what}: a real index: {:?}",
        names(&theirs)
    );
}

#[test]
fn the_index_of_both_example_sites_is_pagefinds() {
    for root in [repo(), repo().join("examples/buitengewoon")] {
        let sources = leidraad::content::load(&root).unwrap_or_else(|e| panic!("{e}"));
        let (site, _, problems) = leidraad::model::build(&sources);
        assert!(!problems.has_errors(), "{problems}");
        for here in &site.locales {
            let records = locale_records(&site, here);
            let kinds: std::collections::BTreeSet<&str> = records.iter().map(|r| r.meta["kind"].as_str()).collect();
            assert_eq!(kinds, ["article", "quiz", "rule", "scenario", "term"].into(), "every kind of page is indexed");
            assert_same_index(&format!("{} {}", root.display(), here.locale), &here.locale, &records);
        }
    }
}

#[test]
fn corners_of_word_splitting_index_as_pagefind_indexes_them() {
    let record = |url: &str, title: &str, text: PlainText| Record {
        url: url.to_owned(),
        text: vec![std::borrow::Cow::Owned(text)],
        meta: BTreeMap::from([("title".to_owned(), title.to_owned()), ("kind".to_owned(), "article".to_owned())]),
        filters: BTreeMap::from([("audience".to_owned(), vec!["Ouders".to_owned(), "Leerlingen".to_owned()])]),
    };
    let mut first = PlainText::heading("Privé-berichten en café's", 1);
    first.append(&PlainText::block(
        "Deel geen foto's in de WhatsApp-groep 😀 van de klas; e-mail sysconfig.is_python_build of NAAM@school.nl. Privé is privé, café is café.",
    ));
    let mut second = PlainText::heading("Café", 2);
    second.append(&PlainText::block("Geen café, maar een kantine: – — … 2025/2026 ½ Ålesund naïef coöperatie."));
    let empty = PlainText::block("– — …");
    // Forms of one stem with diacritics, some only in a title: their order
    // in the index follows their first use, text before title.
    let forms = PlainText::block("Het café. De cafés zijn privé.");
    let later = PlainText::block("Naïef, naïeve, café.");
    let records = vec![
        record("nl/protocol/a/", "Privé-berichten", first),
        record("nl/protocol/b/", "Café Privé", second),
        record("nl/protocol/c/", "Niets", empty),
        record("nl/protocol/d/", "Naïeve cafés", forms),
        record("nl/protocol/e/", "Privé café", later),
    ];
    assert_same_index("corners", "nl", &records);
    assert_same_index("corners, without a stemmer", "xx", &records);
}
