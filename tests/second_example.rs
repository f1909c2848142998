//! The Onderwijsgroep Buitengewoon example: a second school's protocol,
//! published with no line of code that knows it.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    repo().join("examples/buitengewoon")
}

fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = SITE.get_or_init(|| {
        let out = build(&root());
        let path = out.path().join("site");
        (out, path)
    });
    path
}

#[test]
fn checks_with_no_warning_but_the_example_address() {
    let output = leidraad(&root(), &["check", "--root", root().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Every page is translated; an example cannot know the address a school
    // will publish it at, and says so for its QR codes.
    let warnings: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("site.yaml:7:11: warning: the QR codes on quiz pages lead to https://www.example.org/")
    );
}

#[test]
fn the_whole_protocol_holds_every_article_with_all_its_rules() {
    // Several of its articles number from 1, so ids meet there.
    for locale in ["nl", "en"] {
        assert_whole_protocol_published(site(), &format!("{locale}/protocol"));
    }
}

#[test]
fn laws_link_to_their_official_sources_and_footnotes_render() {
    let html = page(site(), "nl/protocol/grondregels");
    let links: Vec<&str> =
        select(&html, "main a[href^=\"https://\"]").iter().map(|a| a.value().attr("href").unwrap()).collect();
    for source in ["https://www.auteursrecht.nl/", "https://zoek.officielebekendmakingen.nl/stcrt-2018-28908.html"] {
        assert!(links.contains(&source), "{source} in {links:?}");
    }
    assert!(!select(&html, "main .footnote-definition").is_empty(), "the footnote is rendered");
}

#[test]
fn footnote_definitions_stand_with_their_rules_and_in_the_glossary() {
    let glossary = page(site(), "nl/begrippenlijst");
    for term in ["persoonsgegevens", "werkaccount", "schoolaccount"] {
        assert_eq!(select(&glossary, &format!("[id=\"{term}\"]")).len(), 1, "{term} is defined");
    }
    let html = page(site(), "nl/protocol/afspraken-medewerkers");
    let linked: Vec<String> =
        select(&html, "main a.term").iter().map(|a| a.value().attr("href").unwrap().to_owned()).collect();
    for term in ["werkaccount", "schoolaccount", "persoonsgegevens"] {
        assert!(linked.iter().any(|h| h.ends_with(&format!("#{term}"))), "{term} linked in {linked:?}");
    }
    // The seed's footnotes 3, 4 and 2 are part of C's text, with their words.
    let notes: Vec<String> = select(&html, "main .footnote-definition").iter().map(text_of).collect();
    assert!(
        notes.iter().any(|n| n
            .contains("dient het account (inclusief wachtwoord, contacten e.d.) te worden overgedragen aan school")),
        "{notes:?}"
    );
}

#[test]
fn the_incident_plan_is_also_a_scenario_card_with_good_and_bad_ends() {
    let html = page(site(), "nl/casussen/incident-stappenplan");
    let text = text_of(&select(&html, "main")[0]);
    assert!(text.contains("Goede afloop") && text.contains("Slechte afloop"));
    assert!(text.to_lowercase().contains("politie"), "the decision tree reaches the police");
}

#[test]
fn its_own_look_comes_from_site_files() {
    let home = page(site(), "nl");
    let stylesheets: Vec<&str> =
        select(&home, "link[rel=stylesheet]").iter().map(|l| l.value().attr("href").unwrap()).collect();
    // views.css: the home page's audience choice (built in, before the site's own look).
    assert_eq!(stylesheets, ["../leidraad.css", "../views.css", "../buitengewoon.css", "../leidraad-colors.css"]);
    assert!(site().join("logo.svg").is_file() && site().join("buitengewoon.css").is_file());
    assert!(select(&home, "header img[src=\"../logo.svg\"]").len() == 1, "the logo is shown");
}
