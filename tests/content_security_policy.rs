//! Every page carries a Content-Security-Policy before anything it loads,
//! and leaves the policy nothing to forbid in the theme's own pages: no
//! inline script or style, nothing from another origin. (The browser suite
//! checks that the policy holds with no violation in Chromium.)

mod common;

use common::*;
use scraper::{Html, Selector};

/// The directives a page must carry, as the browser reads them.
const REQUIRED: &[&str] = &[
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
];

fn html_pages(site: &std::path::Path) -> Vec<(String, Html)> {
    read_tree(site)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, Html::parse_document(&String::from_utf8(bytes).unwrap())))
        .collect()
}

fn all<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

#[test]
fn every_page_carries_the_policy_before_anything_it_loads() {
    let site = site_with(None);
    let out = build(site.path());
    let pages = html_pages(&out.path().join("site"));
    assert!(pages.len() > 10, "the fixture's pages, 404 and language choice included");
    for (path, html) in &pages {
        let head: Vec<_> = all(html, "head > *");
        let position = head
            .iter()
            .position(|e| {
                e.value().attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("Content-Security-Policy"))
            })
            .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy meta in the head"));
        let loads_before = head[..position].iter().any(|e| matches!(e.value().name(), "link" | "script" | "style"));
        assert!(!loads_before, "{path}: something loads before the policy");
        let policy = head[position].value().attr("content").unwrap();
        let directives: Vec<&str> = policy.split(';').map(str::trim).collect();
        for required in REQUIRED {
            assert!(directives.contains(required), "{path}: `{required}` missing from `{policy}`");
        }
    }
}

/// On the example, which has every kind of page (quizzes with QR codes,
/// scenario cards, the onboarding path, search).
#[test]
fn the_theme_gives_the_policy_nothing_to_refuse() {
    for (path, html) in html_pages(built_example()) {
        assert!(all(&html, "style").is_empty(), "{path}: inline <style>");
        assert!(all(&html, "[style]").is_empty(), "{path}: style attribute");
        for script in all(&html, "script") {
            let src = script.value().attr("src").unwrap_or_else(|| panic!("{path}: inline <script>"));
            assert!(!src.contains(':') && !src.starts_with("//"), "{path}: script from elsewhere: {src}");
        }
        for element in all(&html, "link[rel~=stylesheet], img, source") {
            for attribute in ["href", "src"] {
                if let Some(url) = element.value().attr(attribute) {
                    assert!(!url.contains(':') && !url.starts_with("//"), "{path}: loads {url}");
                }
            }
        }
    }
}

#[test]
fn the_site_colours_come_from_a_stylesheet_file() {
    let site = site_with(None);
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(&yaml, format!("{text}colors: {{ primary: \"#123456\", accent: \"#7a3d00\" }}\n")).unwrap();
    let out = build(site.path());
    let css = std::fs::read_to_string(out.path().join("site/leidraad-colors.css")).unwrap();
    assert_eq!(css, ":root { --primary: #123456; --accent: #7a3d00; }\n");
    let home = page(&out.path().join("site"), "nl");
    let linked: Vec<_> = all(&home, "link[rel=stylesheet]").iter().filter_map(|l| l.value().attr("href")).collect();
    assert!(linked.contains(&"../leidraad-colors.css"), "{linked:?}");
}
