//! Audience views on the `audiences` fixture: each view shows exactly the
//! articles for its audience (`all` counting for every one): first those
//! with numbered rules, grouped by the contexts they apply in, in protocol
//! order; then the general text (articles without numbered rules), folded
//! away; and links the quizzes and scenario cards of that audience only.

mod common;

use common::*;
use std::path::PathBuf;

fn site() -> PathBuf {
    built_fixture("audiences")
}

/// The groups of a view: each heading with the ids of its articles.
fn groups(html: &scraper::Html) -> Vec<(String, Vec<String>)> {
    let article = scraper::Selector::parse("article.article-section").unwrap();
    let heading = scraper::Selector::parse("h2.group-heading").unwrap();
    select(html, "main section.group")
        .iter()
        .map(|group| {
            let label = text_of(&group.select(&heading).next().unwrap());
            let ids = group.select(&article).map(|a| a.value().attr("id").unwrap().to_owned()).collect();
            (label, ids)
        })
        .collect()
}

fn group(label: &str, ids: &[&str]) -> (String, Vec<String>) {
    (label.to_owned(), ids.iter().map(|id| (*id).to_owned()).collect())
}

#[test]
fn each_view_shows_exactly_its_articles_grouped_by_context() {
    let students = page(&site(), "nl/leerlingen");
    assert_eq!(
        groups(&students),
        [
            group("Op school", &["iedereen"]),
            group("Thuis", &["leerlingen-thuis"]),
            group("Op school · Thuis", &["beide"])
        ]
    );
    assert_eq!(attrs(&students, "main li[id]", "id"), ["i1", "l1", "b1"]);

    let parents = page(&site(), "nl/ouders");
    assert_eq!(groups(&parents), [group("Op school", &["iedereen"]), group("Altijd en overal", &["ouders-overal"])]);
    assert_eq!(attrs(&parents, "main li[id]", "id"), ["i1", "o1"]);

    let staff = page(&site(), "nl/team");
    assert_eq!(
        groups(&staff),
        [
            group("Op school", &["iedereen", "team-school"]),
            group("Altijd en overal", &["ouders-overal"]),
            group("Op school · Thuis", &["beide"]),
            // Protocol order wins over gathering a context: the last article
            // shares its context with the first group, yet comes last.
            group("Op school", &["team-afsluiting"])
        ]
    );
    assert_eq!(attrs(&staff, "main li[id]", "id"), ["i1", "m1", "o1", "b1", "t1"]);
    assert_eq!(texts(&staff, "main li#m1"), ["Het team gebruikt schoolaccounts."]);
}

/// The ids of the articles in the general text of a view, and whether it is
/// folded (a closed `<details>`).
fn general(html: &scraper::Html) -> (Vec<String>, Vec<bool>) {
    let ids = attrs(html, "main section.general-text details > article.article-section", "id");
    let folds =
        select(html, "main section.general-text details").iter().map(|d| d.value().attr("open").is_none()).collect();
    (ids, folds)
}

#[test]
fn a_view_opens_with_the_rules_and_folds_the_general_text_away() {
    // `inleiding` (for everyone) comes first in the protocol and
    // `tussentekst` (staff) between two staff articles; neither has
    // numbered rules.
    let staff = page(&site(), "nl/team");
    let sections: Vec<String> = select(&staff, "main .articles > section")
        .iter()
        .map(|s| s.value().attr("class").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        sections,
        ["group", "group", "group", "group", "general-text", "learning"],
        "rules first, then the rest"
    );
    let first = select(&staff, "main .articles article.article-section");
    assert_eq!(
        first[0].value().attr("id"),
        Some("iedereen"),
        "the first article has rules, though not first in the protocol"
    );
    assert_eq!(general(&staff), (vec!["inleiding".to_owned(), "tussentekst".to_owned()], vec![true]));
    assert_eq!(texts(&staff, "main section.general-text h2"), ["Algemene tekst"]);
    assert_eq!(
        texts(&staff, "main section.general-text summary"),
        ["2 artikelen zonder genummerde regels, in de volgorde van het protocol"]
    );
    assert_eq!(texts(&staff, "main p.stats"), ["5 regels · 7 artikelen"], "the general text still counts");
    let parents = page(&site(), "nl/ouders");
    assert_eq!(general(&parents), (vec!["inleiding".to_owned()], vec![true]));
    // The contents fold too (CSS unfolds them on a wide screen and on paper).
    assert_eq!(select(&parents, "main nav.toc > details.toc-fold:not([open]) > ol.toc-groups").len(), 1);
    assert_eq!(texts(&parents, "main nav.toc summary"), ["Toon de inhoud"]);
}

#[test]
fn the_home_page_puts_the_audience_choice_before_its_own_text() {
    let home = page(&site(), "nl");
    // Document order: the title, the choice, then the home page's own text.
    let order: Vec<String> = select(&home, "main .page-intro, main .audience-choice, main .home-about")
        .iter()
        .map(|e| e.value().attr("class").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(order, ["page-intro measure", "audience-choice", "home-about measure"]);
    assert_eq!(texts(&home, "main .page-intro h1"), ["Welkom bij De Doelgroep"]);
    assert_eq!(texts(&home, "main .home-about h2"), ["Over dit protocol"]);
}

#[test]
fn views_have_their_title_intro_and_table_of_contents() {
    let students = page(&site(), "nl/leerlingen");
    assert_eq!(texts(&students, "main h1"), ["Voor leerlingen"], "the title of the audience intro");
    assert_eq!(texts(&students, "main .intro"), ["Lees dit eerst."]);
    assert_eq!(texts(&students, "main p.stats"), ["3 regels · 4 artikelen"]);
    assert_eq!(
        attrs(&students, "main nav.toc a", "href"),
        [
            "#group-1",
            "#iedereen",
            "#group-2",
            "#leerlingen-thuis",
            "#group-3",
            "#beide",
            "#general-title",
            "#inleiding",
            "#learning-title"
        ]
    );
    let staff = page(&site(), "nl/team");
    assert_eq!(texts(&staff, "main h1"), ["Medewerkers"], "without an intro, the audience's name");
    assert_eq!(texts(&staff, ".print-title-page .print-title-for"), ["Voor: Medewerkers"]);
}

#[test]
fn views_link_the_quizzes_and_cards_of_their_audience_only() {
    let links = |path: &str| -> Vec<(String, String)> {
        let html = page(&site(), path);
        select(&html, "main section.learning a")
            .iter()
            .map(|a| (a.value().attr("href").unwrap().to_owned(), text_of(a)))
            .collect()
    };
    let pair = |href: &str, text: &str| (href.to_owned(), text.to_owned());
    assert_eq!(
        links("nl/leerlingen"),
        [
            pair("../../nl/quiz/leerlingen/", "Quiz voor leerlingen"),
            pair("../../nl/casussen/groeten/", "Groeten in de gang")
        ]
    );
    assert_eq!(links("nl/ouders"), [pair("../../nl/casussen/groeten/", "Groeten in de gang")]);
    assert_eq!(links("nl/team"), [pair("../../nl/quiz/team/", "Quiz voor het team")]);
}

#[test]
fn article_pages_name_their_audiences_and_contexts() {
    let meta = |slug: &str| texts(&page(&site(), &format!("nl/protocol/{slug}")), "main dl.meta dd");
    assert_eq!(meta("iedereen"), ["Leerlingen, Ouders, Medewerkers", "Op school"], "`all` is every audience");
    assert_eq!(meta("ouders-overal"), ["Ouders, Medewerkers", "Overal"], "no contexts: everywhere");
    assert_eq!(meta("beide"), ["Leerlingen, Medewerkers", "Op school, Thuis"]);
    let html = page(&site(), "nl/protocol/ouders-overal");
    assert_eq!(attrs(&html, "main dl.meta a", "href"), ["../../../nl/ouders/", "../../../nl/team/"]);
}
