//! Rule anchors on the `rule-anchors` fixture: every numbered rule gets an
//! anchor from its number (`#r2`, sub-items `#r2b`, `#rA` for upper-alpha
//! numbering, `#stap1` with an `anchor_prefix`), links by id point at them,
//! and where two articles that both number from 1 share a page, the later
//! one's anchors (and footnotes) carry its id there and nowhere else.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("rule-anchors")
}

/// The ids of the rules (list items) in `main`, in order.
fn rule_ids(html: &scraper::Html) -> Vec<String> {
    attrs(html, "main li[id]", "id")
}

#[test]
fn each_article_page_anchors_its_rules_by_number() {
    let cases: [(&str, &[&str]); 6] = [
        ("regels", &["r1", "r2", "r2a", "r2b", "r3"]),
        ("vervolg", &["r8", "r9"]),
        ("afspraken", &["rA", "rB"]),
        ("kleine-letters", &["ra", "rb"]),
        ("ouders", &["r1", "r2"]),
        ("stappen", &["stap1", "stap2"]),
    ];
    for (slug, expected) in cases {
        let html = page(&site(), &format!("nl/protocol/{slug}"));
        assert_eq!(rule_ids(&html), expected, "{slug}");
    }
    let html = page(&site(), "nl/protocol/regels");
    assert_eq!(texts(&html, "main li#r2b"), ["onderdeel b, zie regel 1."]);
    // Sub-items are shown as a, b; upper-alpha rules as A, B; a list that
    // starts at 8 keeps its number.
    assert_eq!(attrs(&html, "main li#r2 > ol", "type"), ["a"]);
    assert_eq!(attrs(&page(&site(), "nl/protocol/afspraken"), "main ol", "type"), ["A"]);
    assert_eq!(attrs(&page(&site(), "nl/protocol/vervolg"), "main ol", "start"), ["8"]);
}

#[test]
fn links_by_id_lead_to_the_rule_on_its_article_page() {
    let cases = [
        ("regels", "main li#r2b a:not(.rule-link)", "#r1"),
        ("vervolg", "main li#r8 a:not(.rule-link)", "../../../nl/protocol/regels/#r2b"),
        ("afspraken", "main li#rB a:not(.rule-link)", "#rA"),
        ("stappen", "main li#stap2 a:not(.rule-link)", "#stap1"),
    ];
    for (slug, selector, href) in cases {
        let html = page(&site(), &format!("nl/protocol/{slug}"));
        assert_eq!(attrs(&html, selector, "href"), [href], "{slug}");
    }
    let html = page(&site(), "nl/protocol/ouders");
    assert_eq!(attrs(&html, "main li#r2 a:not(.rule-link)", "href"), ["#r1", "../../../nl/protocol/regels/#r1"]);
}

#[test]
fn the_whole_protocol_keeps_anchors_and_prefixes_only_the_second_rule_one() {
    let html = page(&site(), "nl/protocol");
    assert_unique_ids(&html, "nl/protocol");
    assert_eq!(
        rule_ids(&html),
        [
            "r1",
            "r2",
            "r2a",
            "r2b",
            "r3",
            "r8",
            "r9",
            "rA",
            "rB",
            "ra",
            "rb",
            "afspraken-ouders-r1",
            "afspraken-ouders-r2",
            "stap1",
            "stap2"
        ]
    );
    assert_eq!(
        attrs(&html, "main section.article-section", "id"),
        ["regels", "vervolg", "afspraken", "kleine-letters", "afspraken-ouders", "stappen"]
    );
    assert_eq!(
        attrs(&html, "main nav.toc a", "href"),
        ["#regels", "#vervolg", "#afspraken", "#kleine-letters", "#afspraken-ouders", "#stappen"]
    );
    // A link within the prefixed article follows its prefix; links to other
    // articles go to their own pages, where the anchor is as written.
    assert_eq!(
        attrs(&html, "main li#afspraken-ouders-r2 a:not(.rule-link)", "href"),
        ["#afspraken-ouders-r1", "../../nl/protocol/regels/#r1"]
    );
    assert_eq!(attrs(&html, "main li#r8 a:not(.rule-link)", "href"), ["../../nl/protocol/regels/#r2b"]);
    assert_eq!(attrs(&html, "main li#r2b a:not(.rule-link)", "href"), ["#r1"]);
}

#[test]
fn an_audience_view_prefixes_only_where_its_own_articles_meet() {
    // Parents see `regels` and `afspraken-ouders`, which both have #r1.
    let parents = page(&site(), "nl/ouders");
    assert_unique_ids(&parents, "nl/ouders");
    assert_eq!(
        rule_ids(&parents),
        ["r1", "r2", "r2a", "r2b", "r3", "afspraken-ouders-r1", "afspraken-ouders-r2", "stap1", "stap2"]
    );
    assert_eq!(attrs(&parents, "main li#afspraken-ouders-r2 a:not(.rule-link)", "href")[0], "#afspraken-ouders-r1");
    // Students do not see the parents' article, so nothing is prefixed.
    let students = page(&site(), "nl/leerlingen");
    assert_unique_ids(&students, "nl/leerlingen");
    assert_eq!(
        rule_ids(&students),
        ["r1", "r2", "r2a", "r2b", "r3", "r8", "r9", "rA", "rB", "ra", "rb", "stap1", "stap2"]
    );
}

#[test]
fn footnotes_link_to_their_notes_within_their_article() {
    let html = page(&site(), "nl/protocol/regels");
    assert_eq!(attrs(&html, "main sup.footnote-reference a", "href"), ["#fn-1"]);
    assert_eq!(attrs(&html, "main .footnote-definition", "id"), ["fn-1"]);
    assert_eq!(attrs(&html, "main .footnote-definition a", "href"), ["https://wetten.example/wvo"]);
    // On the whole protocol the second article's note is behind its id.
    let whole = page(&site(), "nl/protocol");
    assert_eq!(attrs(&whole, "main .footnote-definition", "id"), ["fn-1", "afspraken-ouders-fn-1"]);
    assert_eq!(attrs(&whole, "main sup.footnote-reference a", "href"), ["#fn-1", "#afspraken-ouders-fn-1"]);
}

#[test]
fn an_article_id_never_repeats_an_id_of_the_page() {
    let site = site_with(None);
    std::fs::write(
        site.path().join("content/nl/protocol/hoofdzaak.md"),
        "---\nid: main\ntitle: Hoofdzaak\naudiences: [all]\norder: 20\n---\n1. Iets.\n",
    )
    .unwrap();
    // The article keeps its id; on the pages that show several articles its
    // section is anchored at `article-main`, and the contents link there.
    let output = leidraad(site.path(), &["check"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let out = build(site.path());
    for path in ["nl/protocol", "nl/leerlingen"] {
        let html = page(&out.path().join("site"), path);
        assert_unique_ids(&html, path);
        assert_eq!(attrs(&html, "section#article-main, article#article-main", "id"), ["article-main"], "{path}");
        assert!(attrs(&html, "nav.toc a", "href").contains(&"#article-main".to_owned()), "{path}");
        assert_eq!(attrs(&html, "main#main", "id"), ["main"], "{path}");
    }
}
