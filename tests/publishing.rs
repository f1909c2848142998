//! What a school's web editor meets when publishing: the icon, the search
//! box in the header, and a warning when the QR codes would lead to the
//! starter's example address (the `quiz` fixture has a quiz for a class).

mod common;

use common::*;

#[test]
fn every_page_has_an_icon_made_from_the_site_when_there_is_no_logo() {
    let site = built_fixture("quiz");
    let home = page(&site, "nl");
    assert_eq!(attrs(&home, "link[rel=icon]", "href"), ["../favicon.svg"]);
    let icon = std::fs::read_to_string(site.join("favicon.svg")).unwrap();
    let svg = scraper::Html::parse_fragment(&icon);
    // The organisation's initial on the site's primary colour.
    let organisation = std::fs::read_to_string(fixture("quiz").join("site.yaml")).unwrap();
    let name = organisation.lines().find_map(|l| l.strip_prefix("organisation: ")).unwrap();
    assert_eq!(texts(&svg, "text"), [name.chars().next().unwrap().to_uppercase().to_string()]);
    assert_eq!(attrs(&svg, "rect", "fill").len(), 1);
}

#[test]
fn the_header_search_box_has_a_visible_label_and_a_placeholder() {
    let home = page(&built_fixture("quiz"), "nl");
    let input = select(&home, "header form[role=search] input[type=search]");
    assert_eq!(input.len(), 1);
    let id = input[0].value().attr("id").unwrap();
    let label = select(&home, &format!("header label[for={id}]"));
    assert_eq!(label.len(), 1);
    assert!(!label[0].value().classes().any(|c| c == "visually-hidden"), "the label is visible");
    assert_eq!(text_of(&label[0]), "Zoek in het protocol");
    assert_eq!(input[0].value().attr("placeholder"), Some("bijv. foto's delen"));
}

#[test]
fn qr_codes_for_an_example_address_are_a_warning_at_base_url() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("quiz"), dir.path());
    let config = dir.path().join("site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let line = text.lines().position(|l| l.starts_with("base_url:")).unwrap() + 1;
    std::fs::write(&config, text.replace("https://oefening.example/protocol/", "https://www.example.org/protocol/"))
        .unwrap();
    let out = leidraad(dir.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "site.yaml:{line}:11: warning: the QR codes on quiz pages lead to https://www.example.org/protocol/, an example address; set base_url to the address where the site will be published"
        )),
        "{}",
        stderr(&out)
    );
    // With the school's own address: no warning.
    std::fs::write(&config, text.replace("https://oefening.example/protocol/", "https://www.school.nl/protocol/"))
        .unwrap();
    let out = leidraad(dir.path(), &["check"]);
    assert!(!stderr(&out).contains("QR codes"), "{}", stderr(&out));
}

#[test]
fn the_not_found_page_speaks_every_locale_of_the_site() {
    let site = built_fixture("translations");
    let html = scraper::Html::parse_document(&std::fs::read_to_string(site.join("404.html")).unwrap());
    assert_eq!(attrs(&html, "html", "lang"), ["nl"]);
    assert_eq!(texts(&html, "main h1"), ["Pagina niet gevonden"]);
    // The other locale in its own words, marked with its language, with the
    // way to its home page; links start from base_url's path, since the page
    // is served for any missing address.
    assert_eq!(attrs(&html, "main section[lang]", "lang"), ["en"]);
    assert_eq!(texts(&html, "main section[lang=en] h2"), ["Page not found"]);
    assert_eq!(attrs(&html, "main a.button", "href"), ["/nl/", "/en/"]);
}
