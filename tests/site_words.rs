//! A site in its own words (issue 21), on the `college` fixture: the names
//! site.yaml gives its sections in the menu, headings, titles and
//! breadcrumbs, its word for the organisation in the footer, a `status:
//! concept` notice on every page, no version text when site.yaml gives
//! none, a line on every home page card, and the teachers' box only on the
//! quizzes of audiences taught in class.

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn site() -> PathBuf {
    built_fixture("college")
}

/// The fixture with `extra` appended to its site.yaml, built.
fn built_with(extra: &str) -> (tempfile::TempDir, tempfile::TempDir) {
    let root = tempfile::tempdir().unwrap();
    copy_tree(&fixture("college"), root.path());
    let yaml = std::fs::read_to_string(root.path().join("site.yaml")).unwrap();
    std::fs::write(root.path().join("site.yaml"), format!("{yaml}{extra}")).unwrap();
    let out = build(root.path());
    (root, out)
}

/// Every HTML file of a built site, by path relative to it.
fn html_files(site: &Path) -> Vec<(String, scraper::Html)> {
    let pages: Vec<_> = read_tree(site)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, scraper::Html::parse_document(&String::from_utf8(bytes).unwrap())))
        .collect();
    assert!(pages.len() > 20, "the site has its pages: {}", pages.len());
    pages
}

fn menu(html: &scraper::Html) -> Vec<String> {
    texts(html, "header nav.site-nav li a")
}

#[test]
fn the_menu_uses_the_sites_section_names_in_both_locales() {
    let nl = [
        "Home",
        "Alle afspraken",
        "Studenten",
        "Docenten",
        "Ouders en verzorgers",
        "Stagebedrijven",
        "Oefenen",
        "Situaties",
        "Woordenlijst",
    ];
    // The glossary is named in Dutch only: English keeps the built-in word.
    let en = [
        "Home",
        "All agreements",
        "Students",
        "Teachers",
        "Parents and carers",
        "Placement companies",
        "Practice",
        "Situations",
        "Glossary",
    ];
    for (path, html) in html_files(&site()) {
        let expected: &[&str] = if path.starts_with("en/") { &en } else { &nl };
        if !menu(&html).is_empty() {
            assert_eq!(menu(&html), expected, "{path}");
        }
    }
    assert_eq!(texts(&page(&site(), "nl"), "footer nav a"), ["Alle afspraken", "Woordenlijst"]);
}

#[test]
fn headings_titles_and_links_use_the_sites_section_names() {
    let cases = [
        ("nl/oefenen", "Oefenen"),
        ("nl/situaties", "Situaties"),
        ("nl/begrippen", "Woordenlijst"),
        ("en/practice", "Practice"),
        ("en/situations", "Situations"),
        ("en/glossary", "Glossary"),
    ];
    for (path, name) in cases {
        let html = page(&site(), path);
        assert_eq!(texts(&html, "main h1"), [name], "{path}");
        assert!(texts(&html, "title")[0].starts_with(&format!("{name} · ")), "{path}: {:?}", texts(&html, "title"));
    }
    assert!(texts(&page(&site(), "nl/afspraken"), "title")[0].starts_with("Alle afspraken · "));
    let home = page(&site(), "nl");
    assert_eq!(texts(&home, "main .teachers-box a"), ["Oefenen", "Situaties"]);
    assert_eq!(texts(&home, "main .home-more a"), ["Alle afspraken", "Woordenlijst"]);
    let home = page(&site(), "en");
    assert_eq!(texts(&home, "main .teachers-box a"), ["Practice", "Situations"]);
    assert_eq!(texts(&home, "main .home-more a"), ["All agreements", "Glossary"]);
}

#[test]
fn breadcrumbs_use_the_sites_section_names_and_addresses() {
    let crumbs = |path: &str| {
        let html = page(&site(), path);
        let links = select(&html, "nav.breadcrumb a");
        links.iter().map(|a| format!("{} {}", text_of(a), a.value().attr("href").unwrap())).collect::<Vec<_>>()
    };
    assert_eq!(crumbs("nl/afspraken/algemeen"), ["Home ../../../nl/", "Alle afspraken ../../../nl/afspraken/"]);
    assert_eq!(crumbs("en/agreements/general"), ["Home ../../../en/", "All agreements ../../../en/agreements/"]);
    assert_eq!(crumbs("nl/oefenen/studenten"), ["Home ../../../nl/", "Oefenen ../../../nl/oefenen/"]);
    assert_eq!(crumbs("en/practice/students"), ["Home ../../../en/", "Practice ../../../en/practice/"]);
}

#[test]
fn the_footer_names_the_organisation_in_the_sites_words() {
    for (path, html) in html_files(&site()) {
        let footer = texts(&html, "footer .footer-text");
        if path.starts_with("en/") {
            assert_eq!(footer, ["Questions about this protocol? Please contact the college."], "{path}");
        } else if path.starts_with("nl/") {
            assert_eq!(footer, ["Vragen over dit protocol? Neem contact op met het college."], "{path}");
        }
    }
    // A site that gives no word keeps the built-in one.
    let example = page(built_example(), "nl");
    assert_eq!(texts(&example, "footer .footer-text"), ["Vragen over dit protocol? Neem contact op met de school."]);
}

#[test]
fn a_concept_says_so_on_every_page_and_a_final_version_does_not() {
    let notice = |html: &scraper::Html| texts(html, "main .concept-notice[role=note] .notice-title");
    for (path, html) in html_files(&site()) {
        assert!(notice(&html).is_empty(), "{path}: a concept notice on a site without `status`");
    }
    let (_root, out) = built_with("status: concept\n");
    for (path, html) in html_files(&out.path().join("site")) {
        let expected = if path.starts_with("en/") { "Draft" } else { "Concept" };
        assert_eq!(notice(&html), [expected], "{path}");
        let text = texts(&html, "main .concept-notice p").join(" ");
        assert!(text.contains("concept") || text.contains("draft"), "{path}: {text}");
    }
}

#[test]
fn a_status_other_than_concept_is_an_error_naming_the_allowed_value() {
    let root = tempfile::tempdir().unwrap();
    copy_tree(&fixture("college"), root.path());
    let yaml = std::fs::read_to_string(root.path().join("site.yaml")).unwrap();
    let lines = yaml.lines().count();
    std::fs::write(root.path().join("site.yaml"), format!("{yaml}status: vastgesteld\n")).unwrap();
    let output = leidraad(root.path(), &["check"]);
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        format!("site.yaml:{}:9: `status`: unknown value `vastgesteld`; allowed are `concept`", lines + 1)
    );
}

#[test]
fn a_section_named_without_its_slug_is_an_error_at_its_line() {
    let root = tempfile::tempdir().unwrap();
    copy_tree(&fixture("college"), root.path());
    let yaml = std::fs::read_to_string(root.path().join("site.yaml")).unwrap();
    let broken = yaml.replace("    slug: { nl: situaties, en: situations }\n", "");
    assert_ne!(broken, yaml);
    std::fs::write(root.path().join("site.yaml"), &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("name: { nl: Situaties")).unwrap() + 1;
    let output = leidraad(root.path(), &["check"]);
    assert!(!output.status.success());
    assert_eq!(
        stderr(&output).lines().next().unwrap(),
        format!("site.yaml:{line}:5: `sections`, `scenarios`: a section with a `name` needs its `slug` too, e.g. `slug: {{ nl: oefenen, en: practice }}`")
    );
}

#[test]
fn no_version_text_without_version_adopted_or_approved_by() {
    let version = ".footer-version, .ack-version, .print-title-version";
    for (path, html) in html_files(&site()) {
        assert!(select(&html, version).is_empty(), "{path}: version text without a version");
        let body = texts(&html, "body").join(" ");
        for word in ["Versie", "Version", "vastgesteld op", "adopted on"] {
            assert!(!body.contains(word), "{path}: `{word}` without a version");
        }
    }
    // The same pages show it when site.yaml gives it.
    let (_root, out) = built_with("version: \"2.1\"\n");
    assert_eq!(texts(&page(&out.path().join("site"), "nl"), "footer .footer-version"), ["Versie 2.1"]);
}

#[test]
fn every_home_card_has_a_line() {
    let cards = |locale: &str| texts(&page(&site(), locale), "main .audience-choice .card p");
    assert_eq!(
        cards("nl"),
        [
            "Wat je als student moet weten.",           // site.yaml
            "De afspraken die voor deze groep gelden.", // built-in
            "Wat u als ouder of verzorger moet weten.", // the intro page
            "De afspraken die voor deze groep gelden.",
        ]
    );
    assert_eq!(
        cards("en"),
        [
            "The introduction for students.", // no English line in site.yaml: the intro page
            "The rules that apply to this group.",
            "What you need to know as a parent or carer.",
            "The rules that apply to this group.",
        ]
    );
}

#[test]
fn the_teachers_box_is_on_quizzes_of_audiences_taught_in_class_only() {
    let box_of = |path: &str| {
        let html = page(&site(), path);
        (texts(&html, "main .teacher-tools h2"), select(&html, "main svg[role=img]").len())
    };
    assert_eq!(box_of("nl/oefenen/studenten"), (vec!["Voor docenten".to_owned()], 1));
    assert_eq!(box_of("en/practice/students"), (vec!["For teachers".to_owned()], 1));
    assert_eq!(box_of("nl/oefenen/ouders"), (vec![], 0));
    assert_eq!(box_of("en/practice/parents"), (vec![], 0));
}
