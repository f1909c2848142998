//! The home page and the menu on the `audiences` fixture: the home page
//! text, a card per audience, the way to quizzes and cards for teachers,
//! and a main menu in the same order on every page that marks where the
//! reader is.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("audiences")
}

fn links(html: &scraper::Html, selector: &str) -> Vec<(String, String)> {
    select(html, selector).iter().map(|a| (a.value().attr("href").unwrap().to_owned(), text_of(a))).collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

#[test]
fn the_home_page_leads_to_each_audience_and_to_the_learning_pages() {
    let home = page(&site(), "nl");
    assert_eq!(texts(&home, "main h1"), ["Welkom bij De Doelgroep"]);
    assert_eq!(texts(&home, "main .intro"), ["Testdata voor doelgroepen."]);
    assert_eq!(
        links(&home, "main .audience-choice a"),
        pairs(&[("../nl/leerlingen/", "Leerlingen"), ("../nl/ouders/", "Ouders"), ("../nl/team/", "Medewerkers")])
    );
    assert_eq!(
        texts(&home, "main .card p"),
        ["Wat geldt voor jou.", "De afspraken die voor deze groep gelden.", "De afspraken die voor deze groep gelden."],
        "the summary of the audience intro, else the built-in line: never an empty card"
    );
    assert_eq!(
        links(&home, "main .teachers-box a"),
        pairs(&[("../nl/quiz/", "Quizzen om te oefenen"), ("../nl/casussen/", "Casussen om te bespreken")])
    );
    assert_eq!(
        links(&home, "main .home-more a"),
        pairs(&[("../nl/protocol/", "Lees het hele protocol"), ("../nl/begrippen/", "Begrippenlijst")])
    );
}

#[test]
fn the_root_offers_each_language() {
    let root = page(&site(), "");
    assert_eq!(links(&root, "main a[hreflang]"), pairs(&[("nl/", "Nederlands Doelgroepprotocol")]));
}

#[test]
fn every_page_has_the_same_menu_marking_the_current_section() {
    let menu = pairs(&[
        ("nl/", "Home"),
        ("nl/protocol/", "Het hele protocol"),
        ("nl/leerlingen/", "Leerlingen"),
        ("nl/ouders/", "Ouders"),
        ("nl/team/", "Medewerkers"),
        ("nl/quiz/", "Quizzen"),
        ("nl/casussen/", "Casussen"),
        ("nl/begrippen/", "Begrippenlijst"),
    ]);
    let cases = [
        ("nl", "../", Some("nl/")),
        ("nl/protocol", "../../", Some("nl/protocol/")),
        ("nl/protocol/beide", "../../../", Some("nl/protocol/")),
        ("nl/team", "../../", Some("nl/team/")),
        ("nl/quiz", "../../", Some("nl/quiz/")),
        ("nl/casussen", "../../", Some("nl/casussen/")),
        ("nl/begrippen", "../../", Some("nl/begrippen/")),
        // A quiz or a card marks no menu item (an article marks the protocol).
        ("nl/quiz/team", "../../../", None),
        ("nl/casussen/groeten", "../../../", None),
    ];
    for (path, up, current) in cases {
        let html = page(&site(), path);
        let expected: Vec<(String, String)> =
            menu.iter().map(|(href, label)| (format!("{up}{href}"), label.clone())).collect();
        assert_eq!(links(&html, "header nav.site-nav a"), expected, "{path}");
        let current: Vec<String> = current.iter().map(|c| format!("{up}{c}")).collect();
        assert_eq!(attrs(&html, "header nav.site-nav a[aria-current=page]", "href"), current, "{path}");
    }
}
