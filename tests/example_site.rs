//! The VSNON example at the repository root, built into a temporary folder
//! and read with an HTML parser: the pages DESIGN.md promises, language
//! switches, audience views, rule anchors, links and reproducibility.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One build of the example for all tests here.
fn site() -> &'static Path {
    built_example()
}

fn html_pages(site: &Path) -> BTreeMap<String, scraper::Html> {
    read_tree(site)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, scraper::Html::parse_document(&String::from_utf8(bytes).unwrap())))
        .collect()
}

/// Resolves a relative `href` on the page at `page_file` to a file in the site.
fn target_file(page_file: &str, href: &str) -> Option<String> {
    let href = href.split('#').next().unwrap_or("");
    if href.is_empty() || href.contains("://") || href.starts_with("mailto:") {
        return None;
    }
    let mut parts: Vec<&str> = page_file.split('/').collect();
    parts.pop();
    for segment in href.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let mut path = parts.join("/");
    if href.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

#[test]
fn every_page_of_the_contract_exists_in_both_locales() {
    let pages = [
        "",
        "nl",
        "en",
        "nl/protocol",
        "en/protocol",
        "nl/protocol/regels-algemeen",
        "en/protocol/general-rules",
        "nl/leerlingen",
        "nl/ouders",
        "nl/medewerkers",
        "en/students",
        "en/parents",
        "en/staff",
        "nl/begrippen",
        "en/glossary",
    ];
    for path in pages {
        let html = page(site(), path);
        let lang = select(&html, "html")[0].value().attr("lang").unwrap().to_owned();
        let expected = if path.starts_with("en") { "en" } else { "nl" };
        assert_eq!(lang, expected, "{path}");
        assert_eq!(select(&html, "main").len(), 1, "{path} has one main landmark");
        assert_eq!(select(&html, "h1").len(), 1, "{path} has one h1");
    }
    assert!(site().join("404.html").is_file());
    let sitemap = std::fs::read_to_string(site().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://www.example.org/social-media/en/staff/</loc>"), "{sitemap}");
}

#[test]
fn every_language_switch_points_to_its_counterpart() {
    let pages = html_pages(site());
    for (file, html) in &pages {
        if file == "404.html" {
            continue;
        }
        let lang = select(html, "html")[0].value().attr("lang").unwrap().to_owned();
        let switches = select(html, "a[hreflang]");
        let other = if lang == "nl" { "en" } else { "nl" };
        let to_other: Vec<_> = switches.iter().filter(|a| a.value().attr("hreflang") == Some(other)).collect();
        assert!(file == "index.html" || !to_other.is_empty(), "{file} has no link to its {other} counterpart");
        for link in switches {
            let href = link.value().attr("href").unwrap();
            let target = target_file(file, href).unwrap();
            assert!(pages.contains_key(&target), "{file}: language switch {href} leads to a missing page");
            let target_lang = select(&pages[&target], "html")[0].value().attr("lang").unwrap().to_owned();
            assert_eq!(Some(target_lang.as_str()), link.value().attr("hreflang"), "{file}: {href}");
        }
    }
    // The English counterpart of a Dutch article is the same article.
    let html = page(site(), "nl/protocol/regels-op-school");
    let english = select(&html, "a[hreflang=en]");
    assert!(english.iter().any(|a| a.value().attr("href") == Some("../../../en/protocol/rules-at-school/")));
}

#[test]
fn audience_views_hold_their_rules_only() {
    let students = page(site(), "nl/leerlingen");
    assert_eq!(select(&students, "main li#r9").len(), 1, "rule 9 applies to students");
    assert!(text_of(&select(&students, "main li#r9")[0]).contains("acceptabele doeleinden"));
    assert!(select(&students, "main li#r15").is_empty(), "staff-only rule 15 is not in the students' view");
    let staff = page(site(), "nl/medewerkers");
    assert_eq!(select(&staff, "main li#r9").len(), 1);
    assert_eq!(select(&staff, "main li#r15").len(), 1);
    let parents = page(site(), "en/parents");
    assert!(select(&parents, "main li#r21").is_empty());
    // Grouped by context, with the context's label.
    let headings: Vec<String> = select(&staff, "main h2").iter().map(text_of).collect();
    assert!(headings.iter().any(|h| h.contains("Op het werk")), "{headings:?}");
    assert!(headings.iter().any(|h| h.contains("Privé")), "{headings:?}");
}

#[test]
fn whole_protocol_has_every_rule_anchor_once() {
    for locale in ["nl", "en"] {
        let html = page(site(), &format!("{locale}/protocol"));
        for anchor in (1..=21).map(|n| format!("r{n}")).chain(["rA", "rB", "rC", "rD", "r2b", "r9f"].map(String::from))
        {
            assert_eq!(select(&html, &format!("li#{anchor}")).len(), 1, "{locale}: #{anchor}");
        }
        let mut ids: Vec<&str> = select(&html, "[id]").iter().map(|e| e.value().attr("id").unwrap()).collect();
        let total = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), total, "{locale}: ids on the whole protocol are unique");
    }
}

#[test]
fn glossary_terms_link_to_their_definitions() {
    let html = page(site(), "nl/protocol/definitie");
    let terms = select(&html, "main a.term");
    assert!(!terms.is_empty());
    let glossary = page(site(), "nl/begrippen");
    for term in terms {
        let href = term.value().attr("href").unwrap();
        let (path, id) = href.split_once('#').unwrap();
        assert_eq!(path, "../../../nl/begrippen/");
        assert_eq!(select(&glossary, &format!("[id=\"{id}\"]")).len(), 1, "{href}");
    }
}

#[test]
fn every_internal_link_and_fragment_resolves() {
    let pages = html_pages(site());
    for (file, html) in &pages {
        if file == "404.html" {
            continue;
        }
        for link in select(html, "a[href]") {
            let href = link.value().attr("href").unwrap();
            let Some(target) = target_file(file, href) else { continue };
            let target_html = pages.get(&target).unwrap_or_else(|| panic!("{file}: link {href} leads nowhere"));
            if let Some((_, fragment)) = href.split_once('#') {
                assert_eq!(select(target_html, &format!("[id=\"{fragment}\"]")).len(), 1, "{file}: {href}");
            }
        }
    }
}

#[test]
fn no_page_loads_anything_from_another_origin() {
    for (file, html) in html_pages(site()) {
        for element in select(&html, "[src], [srcset], link[href], [poster], [data]") {
            let value = element.value();
            let rel = value.attr("rel").unwrap_or("");
            if value.name() == "link" && matches!(rel, "canonical" | "alternate") {
                continue;
            }
            for attr in ["src", "srcset", "href", "poster", "data"] {
                if let Some(url) = value.attr(attr) {
                    assert!(
                        !url.contains("//"),
                        "{file}: <{} {attr}=\"{url}\"> loads from another origin",
                        value.name()
                    );
                }
            }
        }
        for style in select(&html, "style") {
            assert!(!text_of(&style).contains("url("), "{file}: inline style loads a resource");
        }
        assert!(select(&html, "script[src]").iter().all(|s| !s.value().attr("src").unwrap().contains("//")));
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let again = build(&repo());
    assert_eq!(read_tree(&again.path().join("site")), read_tree(site()));
}

#[test]
fn check_passes_on_the_example() {
    let output = leidraad(&repo(), &["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("the site is sound"), "{}", stdout(&output));
}
