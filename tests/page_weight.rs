//! An article page is what a parent opens from a link on the school's
//! website, often on a phone: with everything it loads (stylesheets,
//! scripts, images) it stays under 50 KB on both example sites.

mod common;

use common::*;
use std::path::Path;

const LIMIT: u64 = 50_000;

/// The bytes of a page and of every local file its HTML loads when it opens.
fn weight(site: &Path, page: &Path) -> (u64, Vec<String>) {
    let html = std::fs::read_to_string(page).unwrap();
    let document = scraper::Html::parse_document(&html);
    let selector =
        scraper::Selector::parse("link[rel~=stylesheet][href], link[rel~=icon][href], script[src], img[src]").unwrap();
    let mut total = std::fs::metadata(page).unwrap().len();
    let mut loads = Vec::new();
    for element in document.select(&selector) {
        let target = element.value().attr("href").or_else(|| element.value().attr("src")).unwrap();
        // A file used twice (the logo as icon and in the header) loads once.
        if loads.iter().any(|l| l == target) {
            continue;
        }
        assert!(!target.contains("://"), "{}: loads {target} from another site", page.display());
        let file = page.parent().unwrap().join(target);
        let file = std::fs::canonicalize(&file).unwrap_or_else(|e| panic!("{}: {target}: {e}", page.display()));
        assert!(file.starts_with(std::fs::canonicalize(site).unwrap()), "{target} is outside the site");
        total += std::fs::metadata(&file).unwrap().len();
        loads.push(target.to_owned());
    }
    (total, loads)
}

#[test]
fn every_article_page_with_what_it_loads_is_under_50_kb() {
    for root in [repo(), repo().join("examples/buitengewoon")] {
        let out = build(&root);
        let site = out.path().join("site");
        let mut articles = 0;
        for entry in walkdir::WalkDir::new(&site).into_iter().filter_map(Result::ok) {
            let path = entry.path();
            let relative = path.strip_prefix(&site).unwrap().to_string_lossy().replace('\\', "/");
            let parts: Vec<&str> = relative.split('/').collect();
            // <locale>/<protocol section>/<article>/index.html
            if parts.len() != 4 || parts[3] != "index.html" || parts[1] != "protocol" {
                continue;
            }
            articles += 1;
            let (bytes, loads) = weight(&site, path);
            assert!(loads.iter().any(|l| l.ends_with(".css")), "{relative} has its stylesheet");
            assert!(bytes <= LIMIT, "{relative} weighs {bytes} bytes with {loads:?}, over {LIMIT}");
        }
        assert!(articles > 0, "{}: no article page found", root.display());
    }
}
