//! Articles that each number their rules from 1 (agreements A, B and C of a
//! protocol) share the whole protocol and the audience views: their anchors
//! stay as written on their own pages and are made unique where they meet.

mod common;

use common::*;

#[test]
fn articles_numbering_from_one_share_a_page_with_unique_ids() {
    let site = site_with(None);
    std::fs::write(
        site.path().join("content/nl/protocol/ouders.md"),
        "---\nid: afspraken-ouders\ntitle: Afspraken voor ouders\naudiences: [ouders]\norder: 20\n---\n1. Eerste afspraak.\n2. Tweede afspraak, zie [de eerste](#r1).\n",
    )
    .unwrap();
    let out = build(site.path());
    let root = out.path().join("site");

    let own = page(&root, "nl/protocol/ouders");
    assert_eq!(select(&own, "main li#r1").len(), 1, "anchors stay as written on the article's page");

    for path in ["nl/protocol", "nl/ouders"] {
        let html = page(&root, path);
        let mut ids: Vec<&str> = select(&html, "[id]").iter().map(|e| e.value().attr("id").unwrap()).collect();
        let total = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), total, "{path}: ids are unique");
        assert_eq!(select(&html, "main li#r1").len(), 1, "{path}: the first article keeps #r1");
        assert_eq!(select(&html, "main li#afspraken-ouders-r1").len(), 1, "{path}: the second is prefixed");
        let local = select(&html, "main a[href=\"#afspraken-ouders-r1\"]");
        assert_eq!(local.len(), 1, "{path}: links within the article follow its prefix");
    }
}
