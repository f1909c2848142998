//! The VSNON example at the repository root, built into a temporary folder
//! and read with an HTML parser, for what only a whole protocol shows: the
//! pages DESIGN.md promises, language switches and links that all resolve,
//! every article in the whole protocol, nothing loaded from elsewhere, and
//! reproducibility. What each feature shows is tested on a fixture of its
//! own (tests/fixtures/, tests/rule_anchors.rs and the like).

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
        "nl/quiz",
        "en/quiz",
        "nl/scenarios",
        "en/scenarios",
        "nl/zoeken",
        "en/search",
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
    // Each switch leads to the page whose switch leads back.
    for (file, html) in pages.iter().filter(|(file, _)| *file != "404.html") {
        let lang = select(html, "html")[0].value().attr("lang").unwrap().to_owned();
        for link in select(html, "header nav.lang-switch a[hreflang]") {
            let target = target_file(file, link.value().attr("href").unwrap()).unwrap();
            let back: Vec<String> = select(&pages[&target], &format!("header nav.lang-switch a[hreflang={lang}]"))
                .iter()
                .filter_map(|a| target_file(&target, a.value().attr("href").unwrap()))
                .collect();
            assert_eq!(back, std::slice::from_ref(file), "{file} switches to {target}, which does not switch back");
        }
    }
}

#[test]
fn the_whole_protocol_holds_every_article_with_all_its_rules() {
    for locale in ["nl", "en"] {
        assert_whole_protocol_published(site(), &format!("{locale}/protocol"));
    }
}

#[test]
fn every_form_control_has_a_label_and_every_qr_code_opens_its_page() {
    for (file, html) in html_pages(site()) {
        for input in select(&html, "main input, main select") {
            let id = input.value().attr("id").unwrap_or_else(|| panic!("{file}: a form control without id"));
            assert_eq!(select(&html, &format!("label[for=\"{id}\"]")).len(), 1, "{file}: #{id} has no label");
        }
        for qr in select(&html, "main svg[role=img][aria-label]") {
            let canonical = select(&html, "link[rel=canonical]")[0].value().attr("href").unwrap().to_owned();
            assert_eq!(read_qr(&qr.html()), canonical, "{file}: the QR code opens this page");
        }
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
            if !target.ends_with(".html") {
                // A file that is not a page (a quiz's QTI package).
                assert!(site().join(&target).is_file(), "{file}: link {href} leads nowhere");
                continue;
            }
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

/// The VSNON protocol names no version, adoption date or approving body, so
/// the example that schools copy shows none: not in the footer, not on the
/// form staff sign. (A site that sets them: `tests/onboarding.rs`.)
#[test]
fn shows_no_version_or_date_the_protocol_does_not_give() {
    for (path, html) in html_pages(site()) {
        let text = select(&html, "body").iter().map(text_of).collect::<String>();
        for invented in ["Versie 1.0", "Version 1.0", "vastgesteld op", "adopted on"] {
            assert!(!text.contains(invented), "{path}: {invented}");
        }
    }
}
