//! Glossary terms on the `glossary` fixture: the first use of a term (or of
//! an alias, in any case) in each article links to its definition in the
//! reader's language; uses in headings, links and code, and inside longer
//! words, are left alone; the glossary page defines each term under its id.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("glossary")
}

/// The term links in `selector`: each link's text and target.
fn terms(html: &scraper::Html, selector: &str) -> Vec<(String, String)> {
    select(html, &format!("{selector} a.term"))
        .iter()
        .map(|a| (text_of(a), a.value().attr("href").unwrap().to_owned()))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

#[test]
fn the_first_use_of_each_term_links_to_its_definition() {
    let html = page(&site(), "nl/protocol/regels");
    assert_eq!(
        terms(&html, "main"),
        pairs(&[
            ("Sociale media", "../../../nl/begrippen/#social-media"),
            ("Privacy", "../../../nl/begrippen/#privacy"),
        ]),
        "an alias counts as the term; case does not matter; later uses stay text"
    );
    assert_eq!(texts(&html, "main li#r1"), ["Sociale media gebruik je met zorg; ook social media op school."]);
    // Each article links its own first uses.
    let more = page(&site(), "nl/protocol/meer");
    assert_eq!(
        terms(&more, "main"),
        pairs(&[
            ("social media", "../../../nl/begrippen/#social-media"),
            ("privacy", "../../../nl/begrippen/#privacy")
        ])
    );
    let english = page(&site(), "en/protocol/more");
    assert_eq!(terms(&english, "main"), pairs(&[("account", "../../../en/glossary/#account")]));
}

#[test]
fn headings_links_code_and_longer_words_are_left_alone() {
    let html = page(&site(), "nl/protocol/regels");
    assert!(select(&html, "main h2 a").is_empty(), "the heading `Over privacy`");
    assert_eq!(attrs(&html, "main p a", "href"), ["https://woordenboek.example/privacy"], "no link inside a link");
    assert_eq!(texts(&html, "main p code"), ["privacy"]);
    assert!(select(&html, "main code a").is_empty());
    assert!(select(&html, "main li#r3 a:not(.rule-link)").is_empty(), "`accounts` and `schoolaccount` are other words");
}

#[test]
fn shared_pages_keep_the_links_of_each_article() {
    for path in ["nl/protocol", "nl/leerlingen"] {
        let html = page(&site(), path);
        let link = |id: &str| format!("../../nl/begrippen/#{id}");
        assert_eq!(
            terms(&html, "main .articles"),
            [
                ("Sociale media".to_owned(), link("social-media")),
                ("Privacy".to_owned(), link("privacy")),
                ("social media".to_owned(), link("social-media")),
                ("privacy".to_owned(), link("privacy")),
            ],
            "{path}"
        );
    }
}

#[test]
fn the_glossary_defines_each_term_under_its_id() {
    let html = page(&site(), "nl/begrippen");
    assert_eq!(attrs(&html, "main dl.glossary dt", "id"), ["account", "privacy", "social-media"]);
    assert_eq!(texts(&html, "main dl.glossary dt"), ["account", "privacy", "social media (ook: sociale media)"]);
    assert_eq!(texts(&html, "#social-media + dd strong"), ["deelt"], "definitions are Markdown");
    // Whose words each definition is: the protocol's only where the entry
    // says so; `source: explanation` and no `source` alike are explanations.
    assert_eq!(
        texts(&html, "main dl.glossary dd > p.term-source"),
        ["Toelichting, geen protocoltekst", "Toelichting, geen protocoltekst", "Uit het protocol"]
    );
    assert!(!texts(&html, "main p.lead")[0].contains("vaste betekenis"), "the intro claims no fixed meaning");
    let english = page(&site(), "en/glossary");
    assert_eq!(texts(&english, "main dl.glossary dt#social-media"), ["social media"]);
    assert_eq!(attrs(&english, "header nav.lang-switch a", "href"), ["../../nl/begrippen/"]);
}
